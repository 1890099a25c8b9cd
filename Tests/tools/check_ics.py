#!/usr/bin/env python3
"""Checks .ics files the way a calendar client would read them, and prints what the tests assert on.

Usage: check_ics.py FILE...  For each file: parses it with icalendar, validates it with vobject, and checks
the bytes (CRLF line ends only, no line over 75 octets, unique UIDs). Prints one JSON object per file:
{"file", "events": [{"uid", "status", "sequence", "start", "end", "summary", "description"}]}; exit 1 with
the problem on the first file that fails."""
import json
import sys

import icalendar
import vobject


def check(path):
    data = open(path, "rb").read()
    if b"\n" in data.replace(b"\r\n", b""):
        raise ValueError("a line ends in LF without CR")
    if b"\r" in data.replace(b"\r\n", b""):
        raise ValueError("a CR without LF")
    for number, line in enumerate(data.split(b"\r\n"), 1):
        if len(line) > 75:
            raise ValueError(f"line {number} has {len(line)} octets")
    data.decode("utf-8")  # folding must not split a UTF-8 sequence
    calendar = icalendar.Calendar.from_ical(data)
    parsed = vobject.readOne(data.decode("utf-8"))
    parsed.validate()
    events = []
    for event in calendar.walk("VEVENT"):
        events.append({
            "uid": str(event["UID"]),
            "status": str(event["STATUS"]),
            "sequence": int(event["SEQUENCE"]),
            "start": event["DTSTART"].dt.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "end": event["DTEND"].dt.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "summary": str(event["SUMMARY"]),
            "description": str(event["DESCRIPTION"]),
            "categories": [str(c) for c in event["CATEGORIES"].cats] if "CATEGORIES" in event else [],
        })
    uids = [e["uid"] for e in events]
    if len(uids) != len(set(uids)):
        raise ValueError("two events share a UID")
    return {"file": path, "events": events}


def main():
    for path in sys.argv[1:]:
        try:
            print(json.dumps(check(path), ensure_ascii=False))
        except Exception as error:  # noqa: BLE001 - any failure is the file's
            print(f"{path}: {error}")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
