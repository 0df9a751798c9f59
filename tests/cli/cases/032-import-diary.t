# Diary and dose CSV imports: any subset of columns, empty cells, several
# red flags; a bad line fails the whole file; re-importing changes nothing.
$ mgtrack init --age 40 --sex female --goal sleep
$ mgtrack import diary "$FIXTURES/diary/diary.csv"
> diary.csv: 4 rows; 4 nights written, 0 updated, 0 unchanged
$ mgtrack import diary "$FIXTURES/diary/diary.csv" --json
~ "written": 0,
~ "unchanged": 4
$ mgtrack night --show --date 2026-11-19 --json
~ "note": "late dinner, then work",
~ "tst_min": 350,
~ "source": "diary-csv"
$ mgtrack night --show --date 2026-11-21 --json
~ "diarrhoea",
~ "dizziness"
# The user's own entry wins over the imported one.
$ mgtrack night --date 2026-11-20 --quality 3
$ mgtrack night --show --date 2026-11-20 --json
~ "quality": 3,
~ "sol": 10,
~ "source": "manual"
# Bad files: line and field named, exit 65, nothing written.
@ printf 'date,quality,colour\n2026-11-10,3,blue\n' > unknown.csv
$ mgtrack import diary unknown.csv
? 65
e= mgtrack: unknown.csv line 1: unknown column "colour"
@ printf 'quality\n3\n' > nodate.csv
$ mgtrack import diary nodate.csv
? 65
e= mgtrack: nodate.csv line 1: no "date" column
@ printf 'date,quality\n2026-11-10,3\n2026-11-11,9\n' > range.csv
$ mgtrack import diary range.csv
? 65
e= mgtrack: range.csv line 3: quality "9" must be a whole number from 1 to 5
@ printf 'date,quality\n2026-11-10,3\n2026-11-10,4\n' > twice.csv
$ mgtrack import diary twice.csv
? 65
e= mgtrack: twice.csv line 3: date "2026-11-10" appears twice in the file
@ printf 'date,bed\n2026-11-10,7pm\n' > time.csv
$ mgtrack import diary time.csv
? 65
e= mgtrack: time.csv line 2: bed "7pm" is not a time (HH:MM)
$ mgtrack night --show --date 2026-11-10
? 66
$ mgtrack import diary missing.csv
? 66
# Doses: product by name, servings default 1, counted in intake.
$ mgtrack product add --name "Calm Caps" --form glycinate --elemental-mg 200 --per-serving-units 2
$ mgtrack import doses "$FIXTURES/diary/doses.csv"
> doses.csv: 4 rows; 4 doses written, 0 updated, 0 unchanged
$ mgtrack import doses "$FIXTURES/diary/doses.csv"
> doses.csv: 4 rows; 0 doses written, 0 updated, 4 unchanged
$ mgtrack dose --list --days 7 --json
@ test "$(grep -c '"id"' .out)" = 4
@ printf 'at,product,servings\n2026-11-22 08:00,Calm Caps,1\n2026-11-22 20:00,Nope,1\n' > baddose.csv
$ mgtrack import doses baddose.csv
? 65
e~ baddose.csv line 3: product "Nope" is not in the journal
$ mgtrack dose --list --days 7 --json
@ test "$(grep -c '"id"' .out)" = 4
