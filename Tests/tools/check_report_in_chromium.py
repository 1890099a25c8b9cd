#!/usr/bin/env python3
"""Opens an Upkeep HTML report in headless Chromium and prints what the rendered page holds, as JSON.

Usage: check_report_in_chromium.py REPORT.html SCREENSHOT.png

A copy of the report gets a checking script first in its <head>: it records script errors, console errors and
any alert()/confirm()/prompt() call, and once the page has loaded it lists every timeline row (data-subject,
data-kind; its version bands, support-end marks with the band they belong to, step mark rectangles and
version labels, each with its left and right edges on screen), every step mark (data-step, data-start and its left edge on screen) and counts the <script>, <img>,
<iframe> and <object> elements of the page. Chromium dumps the DOM, from which the result is read back. The
report itself (not the copy) is then rendered to SCREENSHOT.png. Exit 1 when Chromium fails."""
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

CHECKER = """<script>
(function () {
  var state = { errors: [], alerts: 0 };
  window.addEventListener("error", function (event) { state.errors.push(String(event.message)); });
  var consoleError = console.error;
  console.error = function () { state.errors.push(Array.prototype.join.call(arguments, " ")); consoleError.apply(console, arguments); };
  window.alert = window.confirm = window.prompt = function () { state.alerts += 1; };
  window.addEventListener("load", function () {
    // A large report opens with part of its rows: count them, follow a link to a step not yet on the page, then
    // bring in the rest (window.upkeepShowAll) before listing everything.
    var opening = { rows: document.querySelectorAll("#timeline .row[data-subject]").length,
                    deferred: document.querySelectorAll("script.deferred").length, linkRevealed: null };
    var hidden = Array.prototype.filter.call(document.querySelectorAll("a[href^='#step-']"), function (link) {
      return !document.getElementById(link.getAttribute("href").slice(1));
    })[0];
    if (hidden) {
      var target = hidden.getAttribute("href").slice(1);
      hidden.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
      opening.linkRevealed = !!document.getElementById(target);
    }
    if (window.upkeepShowAll) { window.upkeepShowAll(); }
    var out = { rows: [], marks: [], errors: state.errors, alerts: state.alerts, opening: opening,
                deferredAfter: document.querySelectorAll("script.deferred").length,
                scripts: document.querySelectorAll("script:not(.deferred)").length, images: document.querySelectorAll("img").length,
                frames: document.querySelectorAll("iframe, object, embed").length };
    function span(element) { var box = element.getBoundingClientRect(); return { left: box.left, right: box.right, width: box.width }; }
    document.querySelectorAll("#timeline .row[data-subject]").forEach(function (row) {
      var bands = [], ends = [], rects = [], labels = [];
      row.querySelectorAll("rect.band[data-band]").forEach(function (band) {
        var box = span(band); box.band = Number(band.getAttribute("data-band")); bands.push(box);
      });
      row.querySelectorAll(".support-end, .support-end-after").forEach(function (end) {
        var box = span(end);
        ends.push({ kind: end.getAttribute("class"), band: Number(end.getAttribute("data-band")), x: (box.left + box.right) / 2 });
      });
      row.querySelectorAll(".mark rect").forEach(function (rect) { rects.push(span(rect)); });
      row.querySelectorAll("text.version").forEach(function (text) { var box = span(text); box.text = text.textContent; labels.push(box); });
      out.rows.push({ subject: row.getAttribute("data-subject"), kind: row.getAttribute("data-kind"),
                      bands: bands, ends: ends, rects: rects, labels: labels });
    });
    out.legend = Array.prototype.map.call(document.querySelectorAll(".legend li"), function (item) { return item.textContent.trim(); });
    document.querySelectorAll("#timeline [data-step]").forEach(function (mark) {
      var box = mark.getBoundingClientRect();
      out.marks.push({ step: mark.getAttribute("data-step"), start: mark.getAttribute("data-start"), left: box.left });
    });
    var pre = document.createElement("pre");
    pre.id = "upkeep-test-result";
    pre.textContent = JSON.stringify(out);
    document.body.appendChild(pre);
  });
})();
</script>
"""


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def run(browser, arguments, profile):
    command = [browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
               "--user-data-dir=" + profile, "--window-size=1400,1000"] + arguments
    return subprocess.run(command, capture_output=True, text=True, timeout=240)


def main():
    report, screenshot = sys.argv[1], sys.argv[2]
    browser = chromium()
    if browser is None:
        print(json.dumps({"error": "no chromium"}))
        return 1
    text = open(report, encoding="utf-8").read()
    checked = text.replace("<head>", "<head>\n" + CHECKER, 1)
    with tempfile.TemporaryDirectory() as folder:
        copy = os.path.join(folder, "checked.html")
        with open(copy, "w", encoding="utf-8") as handle:
            handle.write(checked)
        dumped = run(browser, ["--dump-dom", "--virtual-time-budget=20000", "file://" + copy], os.path.join(folder, "profile-a"))
        match = re.search(r'<pre id="upkeep-test-result">(.*?)</pre>', dumped.stdout, re.S)
        if not match:
            print(json.dumps({"error": "no result", "stderr": dumped.stderr[-2000:]}))
            return 1
        result = json.loads(html.unescape(match.group(1)))
        shot = run(browser, ["--screenshot=" + os.path.abspath(screenshot), "file://" + os.path.abspath(report)], os.path.join(folder, "profile-b"))
        result["screenshotBytes"] = os.path.getsize(screenshot) if os.path.exists(screenshot) else 0
        result["screenshotStatus"] = shot.returncode
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
