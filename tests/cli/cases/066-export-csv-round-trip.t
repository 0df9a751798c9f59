# export --csv, then import diary and import doses into a fresh journal,
# then export again: nights.csv and doses.csv come out byte for byte the
# same. Every night field (a note with commas, quotes, a line break and
# Cyrillic; two red flags), nights from a device (withings, oura: stages,
# HRV with its kind, lowest heart rate) and an earlier diary import each
# keep their source, and the merged nights read the same in both journals.
# A 500-character Cyrillic note comes back whole (the diary parser once
# cut every cell at 511 bytes).
$ mgtrack init --age 40 --sex female
$ mgtrack product add --name "Calm Caps" --form glycinate --elemental-mg 100
$ mgtrack product add --name "Night, \"Special\"" --form citrate --compound-mg 500
$ mgtrack night --date 2026-11-22 --bed 23:10 --tried 23:20 --sol 20 --awakenings 2 --waso 15 --wake 06:40 --up 07:00 --quality 4 --rested 6 --rls 1 --tightness 2 --stress 3 --mood 7 --energy 6 --cramps 1 --bristol 4 --red-flag diarrhoea --red-flag palpitations --caffeine-after-noon --headache=no --alcohol 2 --training light --note "$(printf 'late dinner, "heavy"\nслабость утром')"
? 0
$ mgtrack night --date 2026-11-20 --quality 3 --note "typed over the ring"
$ mgtrack night --date 2026-11-23 --quality 2 --note "$(python3 -c 'print("ж" * 499 + "!")')"
$ mgtrack import withings "$FIXTURES/withings/sleep.csv"
$ mgtrack import oura "$FIXTURES/oura/sleepmodel.csv"
$ mgtrack import diary "$FIXTURES/diary/diary.csv"
$ mgtrack import doses "$FIXTURES/diary/doses.csv"
$ mgtrack dose --at "2026-11-22 08:15" "Night, \"Special\"" 0.25
$ mgtrack dose --at "2026-11-22 21:45" "Calm Caps" 2.5
$ mgtrack export --csv a
~ nights.csv +11 rows
~ doses.csv +6 rows
@ grep -q '^2026-11-20,oura,' a/nights.csv && grep -q '^2026-11-20,withings,' a/nights.csv && grep -q '^2026-11-20,manual,' a/nights.csv && grep -q '^2026-11-20,diary-csv,' a/nights.csv
@ grep -q ',rmssd,' a/nights.csv
# Into a fresh journal: the products first (doses name them), then both files.
$ mgtrack --db fresh.db init --age 40 --sex female
$ mgtrack --db fresh.db product add --name "Calm Caps" --form glycinate --elemental-mg 100
$ mgtrack --db fresh.db product add --name "Night, \"Special\"" --form citrate --compound-mg 500
$ mgtrack --db fresh.db import diary a/nights.csv
> nights.csv: 11 rows; 11 nights written, 0 updated, 0 unchanged
$ mgtrack --db fresh.db import doses a/doses.csv
> doses.csv: 6 rows; 6 doses written, 0 updated, 0 unchanged
$ mgtrack --db fresh.db export --csv b
@ cmp a/nights.csv b/nights.csv
@ cmp a/doses.csv b/doses.csv
@ cmp a/products.csv b/products.csv
# The nights as every view shows them (the user's entry over the devices') agree.
$ mgtrack night --list --days 30 --json > one.json && mgtrack --db fresh.db night --list --days 30 --json > two.json
@ cmp one.json two.json
$ mgtrack night --show --date 2026-11-20 --json
~ "quality": 3,
~ "note": "typed over the ring"
~ "hrv_kind": "rmssd"
~ "hr_low": 51
$ mgtrack --db fresh.db night --show --date 2026-11-23 --json
@ python3 -c 'import json; n=json.load(open(".out"))["note"]; assert n == "ж" * 499 + "!", len(n)'
$ mgtrack --db fresh.db night --show --date 2026-11-20 --json
~ "quality": 3,
~ "note": "typed over the ring"
~ "hrv_kind": "rmssd"
~ "hr_low": 51
$ mgtrack --db fresh.db dose --list --days 30 --json > d2.json && mgtrack dose --list --days 30 --json > d1.json
@ python3 -c 'import json; a=json.load(open("d1.json")); b=json.load(open("d2.json")); k=lambda l: sorted((x.get("date"), x.get("time"), x.get("product"), x.get("servings"), x.get("elemental_mg")) for x in (l if isinstance(l, list) else l.get("doses", l.get("events", [])))); assert k(a) == k(b) and len(k(a)) == 6, (k(a), k(b))'
# Importing the export again, into either journal, changes nothing: every
# night goes back under its own source.
$ mgtrack --db fresh.db import diary a/nights.csv
> nights.csv: 11 rows; 0 nights written, 0 updated, 11 unchanged
$ mgtrack import diary a/nights.csv
> nights.csv: 11 rows; 0 nights written, 0 updated, 11 unchanged
$ mgtrack import doses a/doses.csv
> doses.csv: 6 rows; 0 doses written, 0 updated, 6 unchanged
