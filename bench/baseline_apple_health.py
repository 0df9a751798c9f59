#!/usr/bin/env python3
"""The baseline for the Apple Health import benchmark: what a user would
otherwise write. Streams export.xml with xml.etree.ElementTree.iterparse,
keeps the sleep records (skipping those inside Correlations) and inserts
them into SQLite in one transaction, clearing elements as it goes so
memory stays flat. Usage: baseline_apple_health.py EXPORT.xml DB"""
import sqlite3
import sys
import xml.etree.ElementTree as ET

SLEEP = "HKCategoryTypeIdentifierSleepAnalysis"


def main(path, db_path):
    db = sqlite3.connect(db_path)
    db.execute("CREATE TABLE IF NOT EXISTS sleep (source TEXT, start TEXT, end TEXT, value TEXT)")
    rows = 0
    depth = 0
    with db:
        for event, elem in ET.iterparse(path, events=("start", "end")):
            if elem.tag == "Correlation":
                depth += 1 if event == "start" else -1
            if event != "end":
                continue
            if elem.tag == "Record" and depth == 0 and elem.get("type") == SLEEP:
                db.execute("INSERT INTO sleep VALUES (?, ?, ?, ?)",
                           (elem.get("sourceName"), elem.get("startDate"), elem.get("endDate"), elem.get("value")))
                rows += 1
            if elem.tag in ("Record", "Correlation", "Workout", "ActivitySummary"):
                elem.clear()
    print(rows)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
