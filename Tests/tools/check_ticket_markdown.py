#!/usr/bin/env python3
"""Parses Markdown change tickets with markdown-it-py and prints, per file, its level-2 section titles and the
text of the code spans in it (one JSON object per line). Exit 1 if a file does not start with a level-1 title."""
import json
import sys

from markdown_it import MarkdownIt


def main():
    parser = MarkdownIt("commonmark")
    for path in sys.argv[1:]:
        tokens = parser.parse(open(path, encoding="utf-8").read())
        if not tokens or tokens[0].type != "heading_open" or tokens[0].tag != "h1":
            print(f"{path}: no title")
            return 1
        sections, codes, html = [], [], False
        for index, token in enumerate(tokens):
            if token.type == "heading_open" and token.tag == "h2":
                sections.append(tokens[index + 1].content)
            if token.type == "inline":
                for child in token.children or []:
                    if child.type == "code_inline":
                        codes.append(child.content)
                    if child.type == "html_inline":
                        html = True
            if token.type == "html_block":
                html = True
        print(json.dumps({"file": path, "sections": sections, "codes": codes, "html": html}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
