#!/usr/bin/env python3
"""Compares plan JSON files value for value, ignoring the keys named with --ignore (for example a field a
restructure adds). Usage: compare_plans.py OLD NEW [--ignore KEY ...]; OLD and NEW are files or folders of
*.json (matched by name). Exit 0 when every pair is equal, 1 otherwise. For each pair that differs it prints the
first difference outside the findings, and the findings added and removed (by code and subject); at the end, how
many findings of each code were added and removed over all pairs, so that every difference can be explained."""
import collections, json, os, sys

def strip(value, ignored):
    if isinstance(value, dict):
        return {k: strip(v, ignored) for k, v in value.items() if k not in ignored}
    if isinstance(value, list):
        return [strip(v, ignored) for v in value]
    return value

def first_difference(a, b, path="$"):
    if type(a) is not type(b):
        return f"{path}: {a!r} != {b!r}"
    if isinstance(a, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b:
                return f"{path}.{key}: only in {'new' if key in b else 'old'}"
            found = first_difference(a[key], b[key], f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} items != {len(b)} items"
        for index, (x, y) in enumerate(zip(a, b)):
            found = first_difference(x, y, f"{path}[{index}]")
            if found:
                return found
        return None
    return None if a == b else f"{path}: {a!r} != {b!r}"

def main():
    args = sys.argv[1:]
    ignored = set()
    if "--ignore" in args:
        at = args.index("--ignore")
        ignored = set(args[at + 1:])
        args = args[:at]
    old, new = args
    if os.path.isdir(old):
        names = sorted(set(os.listdir(old)) | set(os.listdir(new)))
        pairs = [(os.path.join(old, n), os.path.join(new, n)) for n in names if n.endswith(".json")]
    else:
        pairs = [(old, new)]
    failures = 0
    added = 0
    codes_added, codes_removed = collections.Counter(), collections.Counter()
    for a, b in pairs:
        if not os.path.exists(a):
            added += 1  # a fleet only the new tests plan: nothing to compare it with
            continue
        if not os.path.exists(b):
            print(f"{os.path.basename(a)}: only in old")
            failures += 1
            continue
        with open(a) as fa, open(b) as fb:
            left, right = strip(json.load(fa), ignored), strip(json.load(fb), ignored)
        lines = []
        if isinstance(left, dict) and isinstance(right, dict):
            found_left = collections.Counter((f.get("code"), f.get("subject")) for f in left.pop("findings", []))
            found_right = collections.Counter((f.get("code"), f.get("subject")) for f in right.pop("findings", []))
            for (code, subject), count in sorted((found_right - found_left).items()):
                lines.append(f"  + finding {code} {subject}" + (f" x{count}" if count > 1 else ""))
                codes_added[code] += count
            for (code, subject), count in sorted((found_left - found_right).items()):
                lines.append(f"  - finding {code} {subject}" + (f" x{count}" if count > 1 else ""))
                codes_removed[code] += count
        difference = first_difference(left, right)
        if difference:
            lines.insert(0, f"  {difference}")
        if lines:
            print(f"{os.path.basename(a)}:")
            print("\n".join(lines))
            failures += 1
    for code, count in sorted(codes_added.items()):
        print(f"findings added: {code} x{count}")
    for code, count in sorted(codes_removed.items()):
        print(f"findings removed: {code} x{count}")
    print(f"{len(pairs) - added} plans compared, {failures} differ ({added} only in new, not compared)")
    sys.exit(1 if failures else 0)

main()
