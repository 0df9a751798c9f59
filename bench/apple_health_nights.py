#!/usr/bin/env python3
"""apple_health_nights.py SAMPLE OUT MB COPIES: an Apple Health export of
about MB megabytes holding COPIES copies of the sample's nights, each on
other days, for bench/bench-apple-health (which picks COPIES from the
nights one import of the sample stores, to reach about 3,000).

Repeating the real sample as it is gives the same few dozen nights over
and over, so the importer stores each night once however big the file is;
a person's years of data store thousands. Here the sample's records are
repeated with every date moved back by a whole number of "copies" of the
sample's own span (copy k is k spans earlier, k cycling through 0 ..
COPIES-1), so each copy is a valid export of its own
stretch of time: the same records, times of day and UTC offsets, on other
days. Dates only move backwards, so no night falls after today.

The body is split once around its dates; each repetition only joins the
parts with the shifted dates (looked up in a per-copy table), which keeps
the generator at disk speed rather than regex speed.
"""
import datetime
import re
import sys

DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def main(sample, out, mb, copies):
    src = open(sample, encoding="utf-8").read()
    a = src.index("<ExportDate")
    b = src.rindex("</HealthData>")
    first = src.index(" <Record", a)
    body = src[first:b]
    parts = DATE.split(body)        # text between dates
    dates = DATE.findall(body)      # the dates, in order
    day = lambda s: datetime.date.fromisoformat(s)
    sleep_days = {day(m.group(1)) for m in re.finditer(r'SleepAnalysis"[^>]*endDate="(\d{4}-\d{2}-\d{2})', body)}
    span = (max(map(day, dates)) - min(map(day, dates))).days + 1
    target = mb * 1024 * 1024
    tables = {}
    with open(out, "w", encoding="utf-8") as f:
        f.write(src[:first])
        n, k = 0, 0
        while n < target:
            c = k % copies
            if c not in tables:
                shift = datetime.timedelta(days=c * span)
                tables[c] = {d: (day(d) - shift).isoformat() for d in set(dates)}
            t = tables[c]
            chunk = [parts[0]]
            for d, p in zip(dates, parts[1:]):
                chunk.append(t[d])
                chunk.append(p)
            text = "".join(chunk)
            f.write(text)
            n += len(text)
            k += 1
        f.write("</HealthData>\n")
    print(f"{copies} copies of {len(sleep_days)} sleep days, each {span} days earlier; {k} repetitions")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), max(1, int(sys.argv[4])))
