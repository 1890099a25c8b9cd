"""Reads the Jira REST v2 tickets given (JSON files) back with pandoc's Jira wiki reader, an independent reader of
the markup, and prints one JSON line per file: its headings (level and text), its top-level lists (kind and item
count) and every code block's text in document order. Exit 2 when pandoc is missing."""
import json
import shutil
import subprocess
import sys


def plain(inlines):
    out = []
    for node in inlines:
        kind = node.get("t")
        if kind == "Str":
            out.append(node["c"])
        elif kind in ("Space", "SoftBreak", "LineBreak"):
            out.append(" ")
        elif kind == "Code":
            out.append(node["c"][1])
        elif kind in ("Emph", "Strong", "Underline", "Strikeout", "Superscript", "Subscript", "SmallCaps"):
            out.append(plain(node["c"]))
        elif kind == "Link":
            out.append(plain(node["c"][1]))
        elif kind == "Quoted":
            out.append(plain(node["c"][1]))
    return "".join(out)


def codes(node, found):
    if isinstance(node, dict):
        if node.get("t") == "CodeBlock":
            found.append(node["c"][1])
        for value in node.values():
            codes(value, found)
    elif isinstance(node, list):
        for value in node:
            codes(value, found)


def main():
    if shutil.which("pandoc") is None:
        print("pandoc is not installed", file=sys.stderr)
        return 2
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as handle:
            description = json.load(handle)["fields"]["description"]
        read = subprocess.run(["pandoc", "-f", "jira", "-t", "json"], input=description, capture_output=True, text=True, check=True)
        blocks = json.loads(read.stdout)["blocks"]
        headings, lists, found = [], [], []
        for block in blocks:
            if block["t"] == "Header":
                headings.append([block["c"][0], plain(block["c"][2])])
            elif block["t"] in ("OrderedList", "BulletList"):
                items = block["c"][1] if block["t"] == "OrderedList" else block["c"]
                lists.append([block["t"], len(items)])
        codes(blocks, found)
        print(json.dumps({"file": path, "headings": headings, "lists": lists, "codes": found}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
