#!/usr/bin/env python3
"""course_year.py MGTRACK DIR [TODAY]: a journal holding a year of a course,
built through the real command line, for bench/bench-course.

One person (34, female, sleep goal, bed 23:00) takes "Calm Caps" (glycinate,
100 mg a capsule) from a course started 365 days before TODAY (default
2026-11-30, fixed so the run is reproducible). Every night has sleep fields
and stool form; the doses follow the course: the generator imports the
nights up to a day the course changes, runs `mgtrack course` with
MGTRACK_TODAY set to that day (so the version is written on its own date),
reads the intakes it says are due and writes the doses until the next
change from them. What happens, by course day (day 1 is the start):

  1    start: 100 mg at 21:30
  8    step up to 200 mg (13:00 and 21:30): 7 days, stools formed
  61   a red flag (dizziness) on the morning's night: paused, no doses
  68   'mgtrack course resume', a week later: back to the start dose
  75   step up again to 200 mg
  200  a week of loose stools (Bristol 6, 6, 5, 7, 6, 5, 4); on day 203, the
       third loose night, the split dose is lowered to 100 mg
  366  today: the morning's night is logged, today's intakes are due

About 3 % of intakes are forgotten and most are taken within a quarter of an
hour of their time, a few late. The last 21 days have a food log (three or
four foods a day) when MGTRACK_FOODS_DB names a food database.

It writes in DIR:
  journal.db    the year, with today's night: what the timings read
  pre.db        the same journal before today's night was logged
  night-ok.csv  today's night as journal.db has it (formed stools)
  night-flag.csv today's night with a red flag (palpitations): importing it
                into pre.db makes the next `mgtrack course` store a pause
and prints one line describing the journal. It checks that the course wrote
the versions above, on their days, and fails (exit 1) if it did not.
"""
import datetime
import json
import os
import random
import shutil
import subprocess
import sys

mg, out = os.path.realpath(sys.argv[1]), sys.argv[2]
today = datetime.date.fromisoformat(sys.argv[3] if len(sys.argv) > 3 else "2026-11-30")
start = today - datetime.timedelta(days=365)
db = os.path.join(out, "journal.db")
foods_db = os.environ.get("MGTRACK_FOODS_DB", os.path.join(out, "none.db"))
rng = random.Random(366)


def day(n):
    """The date of course day n (day 1 is the start)."""
    return start + datetime.timedelta(days=n - 1)


def run(on, *args):
    env = dict(os.environ, MGTRACK_DB=db, MGTRACK_FOODS_DB=foods_db, MGTRACK_TODAY=on.isoformat())
    p = subprocess.run([mg, *args], env=env, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"course_year: mgtrack {' '.join(args)} (today {on}) failed: {p.stderr.strip()}")
    return p.stdout


def course(on, *sub):
    return json.loads(run(on, "course", *sub, "--json"))


# ---- the nights ----

FIELDS = "date,bed,sol,awakenings,waso,wake,up,quality,rested,stress,energy,cramps,bristol,red-flag"
LOOSE_WEEK = {200: 6, 201: 6, 202: 5, 203: 7, 204: 6, 205: 5, 206: 4}
RED_FLAG_DAY = 61


def hhmm(minutes):
    minutes %= 1440
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def night_row(n, bristol=None, red_flag=""):
    bed = 23 * 60 + rng.randint(-20, 40)
    wake = 6 * 60 + 30 + rng.randint(-15, 35)
    if bristol is None:
        bristol = LOOSE_WEEK.get(n, rng.choice((3, 4, 4, 4, 5)))
    return (f"{day(n)},{hhmm(bed)},{rng.randint(5, 40)},{rng.randint(0, 3)},{rng.randint(0, 40)},"
            f"{hhmm(wake)},{hhmm(wake + rng.randint(5, 25))},{rng.randint(2, 5)},{rng.randint(3, 8)},"
            f"{rng.randint(1, 8)},{rng.randint(3, 8)},{rng.choice((0, 0, 0, 1))},{bristol},"
            f"{'dizziness' if n == RED_FLAG_DAY else red_flag}")


# The night of day n is the one that ended on its morning; day 1's night
# came before the first dose, so the year's 365 nights are days 2-366.
nights = {n: night_row(n) for n in range(2, 367)}


def import_nights(first, last, on):
    if first > last:
        return
    path = os.path.join(out, "diary.csv")
    with open(path, "w") as f:
        f.write(FIELDS + "\n")
        for n in range(first, last + 1):
            f.write(nights[n] + "\n")
    run(on, "import", "diary", path)


# ---- the doses ----

def import_doses(intakes, first, last, on):
    """The intakes the course gave, on days first..last."""
    if first > last or not intakes:
        return
    path = os.path.join(out, "doses.csv")
    with open(path, "w") as f:
        f.write("at,product,servings\n")
        for n in range(first, last + 1):
            for t in intakes:
                if rng.random() < 0.03:
                    continue   # forgotten
                h, m = map(int, t["time"].split(":"))
                late = rng.randint(70, 150) if rng.random() < 0.04 else int(rng.gauss(0, 12))
                at = min(max(h * 60 + m + late, 0), 1439)
                f.write(f"{day(n)} {hhmm(at)},Calm Caps,{t['units']}\n")
    run(on, "import", "doses", path)


# ---- the year ----

os.makedirs(out, exist_ok=True)
for f in ("journal.db", "pre.db"):
    if os.path.exists(os.path.join(out, f)):
        os.remove(os.path.join(out, f))
run(today, "init", "--age", "34", "--sex", "female", "--goal", "sleep", "--bed", "23:00")
run(today, "product", "add", "--name", "Calm Caps", "--form", "glycinate", "--elemental-mg", "100")
run(today, "course", "start", "--date", start.isoformat())

# The days the course changes (and day 366, today), each with what the
# person does that morning: log the night, look at the course.
changes = [1, 8, RED_FLAG_DAY, 68, 75, 203, 366]
imported = 1
for i, n in enumerate(changes[:-1]):
    on = day(n)
    import_nights(imported + 1, n, on)
    imported = n
    st = course(on, "resume") if n == 68 else course(on)
    intakes = [] if st["phase"] == "paused" else st["today"]
    end = changes[i + 1] - 1
    import_doses(intakes, n, end, day(end))

# The last morning: every night but today's, the course read (nothing is
# due), a copy; then today's night.
import_nights(imported + 1, 365, day(365))
course(day(365))

foods = [(20038, 40), (9040, 120), (12061, 20), (20037, 150), (16015, 120), (1117, 150), (11457, 60),
         (18075, 60)]
food_entries = 0
if os.path.exists(foods_db):
    for n in range(345, 366):
        for fid, grams in rng.sample(foods, rng.choice((3, 4))):
            run(day(n), "eat", "--date", day(n).isoformat(), str(fid), str(grams))
            food_entries += 1

shutil.copyfile(db, os.path.join(out, "pre.db"))
last_ok = nights[366]
last_flag = last_ok.rstrip(",") + ",palpitations" if last_ok.endswith(",") else last_ok
for name, row in (("night-ok.csv", last_ok), ("night-flag.csv", last_flag)):
    with open(os.path.join(out, name), "w") as f:
        f.write(FIELDS + "\n" + row + "\n")
run(today, "import", "diary", os.path.join(out, "night-ok.csv"))
st = course(today)

# ---- what the course wrote ----

want = [(1, "start", 100), (8, "step_up", 200), (61, "pause", 0), (68, "resume", 100), (75, "step_up", 200),
        (203, "lower", 100)]
got = [(v["day"], v["event"], v["daily_elemental_mg"]) for v in st["versions"]]
if got != want:
    sys.exit(f"course_year: the course wrote {got}, the scenario expects {want}")
nights_n = len(json.loads(run(today, "night", "--list", "--days", "400", "--json")))
doses_n = len(json.loads(run(today, "dose", "--list", "--days", "400", "--json")))
a = st["adherence"]
print(f"journal: {nights_n} nights, {doses_n} doses, {food_entries} food entries, {len(got)} versions"
      f" (last on day {got[-1][0]}, {366 - got[-1][0]} days to replay); adherence {a['mg_pct']} % of the"
      f" magnesium, {a['on_time_pct']} % on time")
