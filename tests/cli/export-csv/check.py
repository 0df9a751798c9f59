#!/usr/bin/env python3
"""Checks of export --csv's files for CLI cases 065-067.
Usage: check.py CHECK DIR; exits non-zero with the reason on a failed check."""
import csv
import sys

HEADERS = {
    "nights.csv": "date,source,bed,tried,sol,awakenings,waso,wake,up,quality,rested,rls,tightness,stress,mood,"
                  "energy,cramps,bristol,red-flag,caffeine-after-noon,alcohol,training,headache,note,deep,light,rem,"
                  "hrv,hrv-kind,hr-low",
    "doses.csv": "at,product,servings",
    "food-log.csv": "date,food_id,food,amount,measure,grams,magnesium_mg,energy_kcal",
    "products.csv": "name,form,hydrate,compound_mg,elemental_mg,units_per_serving,mg_per_serving,mg_estimated,"
                    "third_party,proprietary_blend,taking_servings,divisible",
    "plan-versions.csv": "course,course_started,course_ended,version,from,phase,event,daily_mg,full_mg,start_mg,"
                         "step_mg,form,product,unit_mg,units_per_serving,divisible,reason,rule,intake,intake_time,"
                         "intake_mg,intake_units,intake_slot",
}


def rows(d, f):
    with open(d + "/" + f, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def cells(d, f):
    """Every cell as written, quotes and guard included (no CSV parsing of the guard)."""
    with open(d + "/" + f, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def headers(d):
    for f, h in HEADERS.items():
        b = open(d + "/" + f, "rb").read()
        assert b.startswith(b"\xef\xbb\xbf" + h.encode() + b"\r\n"), (f, b[:80])
        assert b.endswith(b"\r\n"), f
        b.decode("utf-8")


def case065(d):
    n = rows(d, "nights.csv")
    assert [(r["date"], r["source"]) for r in n] == [
        ("2026-11-20", "manual"), ("2026-11-20", "withings"), ("2026-11-21", "withings")], n
    assert (n[0]["bed"], n[0]["wake"], n[0]["up"], n[0]["quality"], n[0]["note"]) == (
        "23:10", "06:40", "07:00", "4", 'a, "b"'), n[0]
    assert n[1]["hr-low"] == "49" and n[1]["deep"] == "100" and n[1]["quality"] == "", n[1]
    d_ = rows(d, "doses.csv")
    assert d_ == [{"at": "2026-11-20 21:30", "product": "Calm Caps", "servings": "1.5"}], d_
    f = rows(d, "food-log.csv")
    assert (f[0]["date"], f[0]["food_id"], f[0]["amount"], f[0]["measure"]) == ("2026-11-23", "12016", "1", "oz"), f
    assert float(f[0]["magnesium_mg"]) > 150 and float(f[0]["energy_kcal"]) > 100, f
    p = rows(d, "products.csv")
    assert (p[0]["name"], p[0]["elemental_mg"], p[0]["compound_mg"], p[0]["mg_per_serving"], p[0]["mg_estimated"]) == (
        "Calm Caps", "100", "", "100", "no"), p
    v = rows(d, "plan-versions.csv")
    assert len(v) == 1, v
    assert (v[0]["course"], v[0]["course_started"], v[0]["course_ended"], v[0]["version"], v[0]["phase"],
            v[0]["event"], v[0]["intake"], v[0]["intake_time"], v[0]["intake_mg"]) == (
        "1", "2026-11-10", "", "1", "titrating", "start", "1", "21:30", "100"), v


def stopped(d):
    v = rows(d, "plan-versions.csv")
    assert [r["version"] for r in v] == ["1", "2"], v
    assert (v[1]["phase"], v[1]["intake"], v[1]["intake_time"], v[1]["course_ended"]) == (
        "stopped", "", "", "2026-11-24"), v


def case067(d):
    """The formula guard: text beginning = + - @ or tab gets a ' and is quoted; plain numbers stay."""
    raw = open(d + "/nights.csv", "rb").read().decode("utf-8-sig")
    assert "\"'@SUM(1)\"" in raw and "\"'-2-3\"" in raw and "\"'\tindented\"" in raw and "\"''=x\"" in raw, raw
    notes = {r["date"]: r["note"] for r in rows(d, "nights.csv")}
    assert notes == {"2026-11-18": "'\tindented", "2026-11-19": "''=x", "2026-11-20": "'@SUM(1)",
                     "2026-11-21": "+1", "2026-11-22": "-2", "2026-11-23": "'-2-3"}, notes
    for f in ("doses.csv", "products.csv"):
        raw = open(d + "/" + f, "rb").read().decode("utf-8-sig")
        assert "\"'=HYPERLINK(\"\"http://example.com\"\",\"\"x\"\")\"" in raw, (f, raw)
    assert rows(d, "doses.csv")[0]["product"] == "'=HYPERLINK(\"http://example.com\",\"x\")"
    # No cell of any file begins with a formula character unless it is a plain number.
    import re
    for f in HEADERS:
        for row in cells(d, f):
            for c in row:
                if c[:1] in ("=", "+", "-", "@", "\t", "\r"):
                    assert re.fullmatch(r"[-+]?[0-9]+(\.[0-9]+)?", c), (f, c)


CHECKS = {"headers": headers, "065": case065, "stopped": stopped, "067": case067}

if __name__ == "__main__":
    CHECKS[sys.argv[1]](sys.argv[2])
