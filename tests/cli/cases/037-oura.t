# Oura sleepmodel.csv (semicolons; the project's fixture with the v2 API
# column names): long sleeps become nights, naps and deleted periods are
# skipped, HRV is kept as RMSSD, re-import changes nothing.
$ mgtrack init --age 40 --sex female
$ mgtrack import oura "$FIXTURES/oura/sleepmodel.csv" --json
~ "records_read": 5,
~ "nights_written": 2,
~ "not_a_night": 2,
~ "bad_row": 1,
~ "oura"
$ mgtrack night --show --date 2026-11-20 --json
~ "bed": "23:02",
~ "sol": 15,
~ "waso": 25,
~ "up": "07:02",
~ "tst_min": 440,
~ "deep": 90,
~ "hrv": 46,
~ "hrv_kind": "rmssd",
~ "hr_low": 51,
~ "source": "oura"
$ mgtrack import oura "$FIXTURES/oura/sleepmodel.csv"
> sleepmodel.csv: 0 nights written, 0 updated, 2 unchanged
$ mgtrack --profile b init --age 40 --sex female
$ mgtrack --profile b import oura "$FIXTURES/oura/sleepmodel.csv" --since 2026-11-21 --dry-run --json
~ "nights_written": 1,
~ "before_since": 1,
~ "dry_run": true
$ mgtrack --profile b night --list --json
> []
@ printf 'day;score\n2026-11-20;80\n' > dailysleep.csv
$ mgtrack import oura dailysleep.csv
? 65
e~ daily scores only: import sleepmodel.csv
$ mgtrack import fitbitz x
? 64
