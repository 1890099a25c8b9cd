#!/usr/bin/env python3
"""Validates Upkeep plan files (JSON) against schemas/plan.schema.json.

Usage: validate_plan.py SCHEMA PLAN...   (PLAN '-' reads standard input). Exit 0 when every plan is valid;
otherwise prints each error with its JSON path and exits 1."""
import json
import sys

import jsonschema


def main() -> int:
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    failed = False
    for path in sys.argv[2:]:
        document = json.load(sys.stdin if path == "-" else open(path, encoding="utf-8"))
        for error in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path)):
            failed = True
            location = "/".join(str(part) for part in error.absolute_path)
            print(f"{path}: /{location}: {error.message}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
