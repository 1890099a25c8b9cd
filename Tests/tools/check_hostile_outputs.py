#!/usr/bin/env python3
"""Parses every output in a folder with a parser of its own format and checks that each hostile name comes back
as text and that nothing became markup.

Usage: check_hostile_outputs.py FOLDER NAMES.json
Prints one line per problem and exits 1 when there is any; prints the files checked otherwise.
By extension: .json and .sarif (json), .yaml (PyYAML), .md (markdown-it-py, rendered to HTML: no element but
the renderer's own, names in the text), .ics (icalendar), .github (workflow commands: every line well formed,
names in the unescaped messages), .txt (plain text: names verbatim)."""
import glob
import html
import json
import os
import re
import sys

import yaml
from icalendar import Calendar
from markdown_it import MarkdownIt

ALLOWED_TAGS = {"h1", "h2", "h3", "h4", "h5", "p", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td",
                "code", "strong", "em", "pre", "details", "summary", "br", "hr", "a"}


def strings(value):
    if isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)
    elif value is not None:
        yield str(value)


def main():
    folder, names = sys.argv[1], json.load(open(sys.argv[2], encoding="utf-8"))
    problems, checked = [], []
    for path in sorted(glob.glob(os.path.join(folder, "**", "*"), recursive=True)):
        if os.path.isdir(path) or os.path.basename(path).startswith("."):
            continue
        ext = os.path.splitext(path)[1]
        raw = open(path, encoding="utf-8").read()
        texts = []
        if ext in (".json", ".sarif"):
            texts = list(strings(json.loads(raw)))
        elif ext == ".yaml":
            texts = list(strings(yaml.safe_load(raw)))
        elif ext == ".md":
            rendered = MarkdownIt("commonmark").enable("table").render(raw)
            for tag in re.findall(r"<\s*/?\s*([a-zA-Z0-9]+)", rendered):
                if tag.lower() not in ALLOWED_TAGS:
                    problems.append(f"{path}: the markdown renders a <{tag}> element")
            texts = [html.unescape(re.sub(r"<[^>]*>", "", rendered))]
        elif ext == ".ics":
            calendar = Calendar.from_ical(raw)
            for component in calendar.walk("VEVENT"):
                texts += [str(component.get(key, "")) for key in ("SUMMARY", "DESCRIPTION", "LOCATION")]
        elif ext == ".github":
            command = re.compile(r"^::(error|warning)( (file=[^,:]+,line=[0-9]+,col=[0-9]+,)?title=[^,:]+)?::[^\r\n]+$")
            for line in raw.splitlines():
                if line.startswith("::"):
                    if not command.match(line):
                        problems.append(f"{path}: not a workflow command: {line[:120]}")
                    message = line.split("::", 2)[2]
                    texts.append(message.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%"))
        elif ext == ".txt":
            texts = [raw]
        else:
            continue
        checked.append(os.path.relpath(path, folder))
        joined = "\n".join(texts)
        expected = names.get(os.path.basename(path).split(".")[0], names["*"])
        for name in expected:
            if name not in joined:
                problems.append(f"{path}: {name!r} does not come back as text")
    for problem in problems:
        print(problem)
    if not problems:
        print(json.dumps(checked))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
