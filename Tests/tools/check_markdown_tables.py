#!/usr/bin/env python3
"""Parses Markdown (a plan diff, a job summary) with markdown-it-py, tables enabled, and prints one JSON object:
its length in characters, the number of tables, the number of body rows of each and whether each row has as
many cells as its table's header, the headings, and whether any HTML other than <details>/<summary> appears."""
import json
import sys

from markdown_it import MarkdownIt


def main():
    text = open(sys.argv[1], encoding="utf-8").read()
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    tables, headings, stray_html = [], [], []
    current, header_cells, cells, in_head = None, 0, 0, False
    for index, token in enumerate(tokens):
        if token.type == "table_open":
            current = {"rows": 0, "ragged": 0}
        elif token.type == "thead_open":
            in_head, header_cells = True, 0
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open":
            cells = 0
        elif token.type in ("th_open", "td_open"):
            cells += 1
            if in_head:
                header_cells += 1
        elif token.type == "tr_close" and not in_head and current is not None:
            current["rows"] += 1
            if cells != header_cells:
                current["ragged"] += 1
        elif token.type == "table_close":
            tables.append(current)
            current = None
        elif token.type == "heading_open":
            headings.append(tokens[index + 1].content)
        elif token.type == "html_block":
            content = token.content.strip()
            if content not in ("<details><summary>All changes (%s)</summary>" % content.split("(")[-1].split(")")[0], "</details>"):
                stray_html.append(content[:80])
        elif token.type == "inline":
            for child in token.children or []:
                if child.type == "html_inline":
                    stray_html.append(child.content[:80])
    print(json.dumps({"length": len(text), "tables": tables, "headings": headings, "strayHTML": stray_html}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
