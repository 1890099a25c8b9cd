/// The report page's own style sheet and script, inlined so that the page opens offline.
extension ReportRenderer {
    static let style = """
        :root { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1b; background: #fff; }
        body { margin: 1rem; }
        h1 { font-size: 1.4rem; } h2 { font-size: 1.15rem; margin-top: 1.5rem; } h3 { font-size: 1rem; margin: .8rem 0 .2rem; }
        .defs { position: absolute; }
        .counts { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; margin: 0; }
        .counts div { border: 1px solid #cfd8dc; border-radius: 4px; padding: .3rem .6rem; }
        .counts dt { font-size: .8rem; color: #455a64; } .counts dd { margin: 0; font-size: 1.3rem; font-weight: 600; }
        .counts .bad { border-color: #c62828; } .counts .bad dd { color: #c62828; }
        .legend { display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; list-style: none; padding: 0; font-size: .85rem; }
        .legend svg { vertical-align: middle; }
        #timeline { overflow-x: auto; }
        .row { display: flex; align-items: center; min-width: 1260px; content-visibility: auto; contain-intrinsic-size: auto 26px; }
        .row .label { position: sticky; left: 0; z-index: 1; background: #fff; width: 250px; flex: none; font-size: .8rem; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; padding-right: .4rem; }
        .management-cluster .label { font-weight: 600; }
        .verdict { font-size: .7rem; padding: 0 .3rem; border-radius: 3px; font-weight: 600; }
        .verdict.out-of-support { background: #b3261e; color: #fff; } .verdict.unknown { background: #e0e0e0; color: #333; }
        .lane { flex: none; }
        .band { stroke: #90a4ae; stroke-width: .5; } .b0 { fill: #e3f2fd; } .b1 { fill: #fff8e1; } .b-out { fill: #ffcdd2; stroke: #c62828; }
        .row.u-now .label { border-left: 5px solid #b71c1c; background: #ffebee; } .row.u-certificates .label { border-left: 5px solid #6a1b9a; }
        .row.u-advisory .label { border-left: 5px solid #e65100; } .row.u-later .label { border-left: 5px solid #f9a825; }
        .swatch { display: inline-block; width: 10px; height: 12px; vertical-align: middle; }
        .swatch.u-now { background: #b71c1c; } .swatch.u-certificates { background: #6a1b9a; } .swatch.u-advisory { background: #e65100; } .swatch.u-later { background: #f9a825; }
        button.more { font: inherit; font-size: .85rem; padding: .2rem .6rem; }
        .version { font-size: 10px; fill: #263238; pointer-events: none; paint-order: stroke; stroke: #fff; stroke-width: 2px; stroke-linejoin: round; }
        .month { font-size: 10px; fill: #455a64; } .tick { stroke: #b0bec5; }
        .m-scheduled { fill: #1565c0; } .m-late { stroke: #b71c1c; stroke-width: 1; }
        .mark:focus rect, .mark:hover rect { stroke: #000; stroke-width: 2; }
        .support-end { fill: #6a1b9a; } .support-end-after { fill: #c62828; } .support-line { stroke: #6a1b9a; stroke-dasharray: 2 2; }
        .advisory { fill: #e65100; }
        .unplaced { font-size: .75rem; margin-left: .4rem; white-space: nowrap; }
        .unplaced a { color: #b71c1c; }
        .sym { font-family: sans-serif; }
        .scroll { overflow-x: auto; }
        .steps-of { content-visibility: auto; contain-intrinsic-size: auto 120px; }
        table { border-collapse: collapse; font-size: .8rem; }
        th, td { border: 1px solid #cfd8dc; padding: .2rem .4rem; text-align: left; vertical-align: top; }
        tr.s-late td, tr.s-blocked td, tr.s-unschedulable td { background: #ffebee; }
        tr:target td { outline: 2px solid #1565c0; }
        .findings { font-size: .85rem; } .f-error strong { color: #c62828; }
        #tip { position: fixed; max-width: 32rem; white-space: pre-line; background: #263238; color: #fff; font-size: .8rem; padding: .4rem .6rem; border-radius: 4px; pointer-events: none; z-index: 2; }
        @media (max-width: 700px) { .row .label { width: 140px; } .row { min-width: 1150px; } }
        @media print {
          .filter, #tip { display: none; } #timeline { overflow: visible; }
          .row, .steps-of { content-visibility: visible; break-inside: avoid; min-width: 0; } .row .label { position: static; }
          .lane { width: 100%; height: auto; }
          a { color: inherit; text-decoration: none; }
        }

        """

    /// Hover and focus show a mark's text; the filter hides rows. Text only (`textContent`): nothing from the
    /// inputs is ever parsed as HTML. The only markup it parses is a large report's deferred blocks: Upkeep's own,
    /// every input text in them escaped, parsed as the page itself would have been.
    static let script = """
        (function () {
          "use strict";
          var tip = document.getElementById("tip");
          // A mark's text is its step's row in the step table: step, change, window, due, status, why, placed by.
          function show(mark, x, y) {
            var target = document.getElementById((mark.getAttribute("href") || "").slice(1));
            if (!target) { return; }
            var cells = target.querySelectorAll("td");
            var heads = target.closest("table").querySelectorAll("th");
            var parts = [];
            for (var i = 0; i < cells.length; i++) {
              if (cells[i].textContent !== "") { parts.push((i > 0 && heads[i] ? heads[i].textContent + ": " : "") + cells[i].textContent); }
            }
            tip.textContent = parts.join("\\n");
            tip.hidden = false;
            tip.style.left = Math.min(x + 12, window.innerWidth - 320) + "px";
            tip.style.top = (y + 12) + "px";
          }
          function hide() { tip.hidden = true; }
          document.addEventListener("mouseover", function (event) {
            var mark = event.target.closest ? event.target.closest(".mark") : null;
            if (mark) { show(mark, event.clientX, event.clientY); } else { hide(); }
          });
          document.addEventListener("focusin", function (event) {
            var mark = event.target.closest ? event.target.closest(".mark") : null;
            if (!mark) { hide(); return; }
            var box = mark.getBoundingClientRect();
            show(mark, box.left, box.bottom);
          });
          document.addEventListener("focusout", hide);
          var filter = document.getElementById("filter");
          var rows = document.querySelectorAll(".row[data-subject]");
          // What a large report keeps out of the page until asked for (ReportRenderer+Deferred): a group's rows and
          // step tables, the later findings.
          function materialize(group) {
            document.querySelectorAll("script.deferred").forEach(function (block) {
              if (block.getAttribute("data-group") !== group) { return; }
              block.insertAdjacentHTML("afterend", block.textContent);
              block.remove();
            });
            document.querySelectorAll("button.more").forEach(function (button) {
              if (button.getAttribute("data-group") === group) { button.closest("p").remove(); }
            });
            rows = document.querySelectorAll(".row[data-subject]");
          }
          function materializeAll() {
            document.querySelectorAll("button.more").forEach(function (button) { materialize(button.getAttribute("data-group")); });
          }
          document.addEventListener("click", function (event) {
            var button = event.target.closest ? event.target.closest("button.more") : null;
            if (button) { materialize(button.getAttribute("data-group")); return; }
            // A link to a step still kept out of the page brings its group in first; the browser then scrolls to it.
            var link = event.target.closest ? event.target.closest("a[href^='#step-']") : null;
            if (!link) { return; }
            var id = link.getAttribute("href").slice(1);
            if (document.getElementById(id)) { return; }
            document.querySelectorAll("script.deferred").forEach(function (block) {
              if (block.textContent.indexOf('id="' + id + '"') >= 0) { materialize(block.getAttribute("data-group")); }
            });
          });
          window.upkeepShowAll = materializeAll;
          filter.addEventListener("input", function () {
            materializeAll();
            var text = filter.value.toLowerCase();
            for (var i = 0; i < rows.length; i++) {
              rows[i].hidden = text !== "" && rows[i].getAttribute("data-subject").toLowerCase().indexOf(text) < 0;
            }
          });
        })();

        """
}
