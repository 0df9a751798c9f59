# Garmin (the export folder's *_sleepData.json: GMT times as strings or
# epoch milliseconds, shown in this machine's zone, here UTC) and Withings
# (sleep.csv, English and German headers): the project's fixtures.
$ mgtrack init --age 40 --sex female
$ TZ=UTC mgtrack import garmin "$FIXTURES/garmin" --json
~ "records_read": 3,
~ "nights_written": 2,
~ "bad_record": 1,
$ mgtrack night --show --date 2026-11-20 --json
~ "bed": "22:30",
~ "up": "06:30",
~ "awakenings": 2,
~ "waso": 30,
~ "tst_min": 450,
~ "deep": 90,
~ "source": "garmin"
$ mgtrack night --show --date 2026-11-21 --json
~ "bed": "23:30",
~ "tst_min": 410,
$ TZ=UTC mgtrack import garmin "$FIXTURES/garmin/DI_CONNECT/DI-Connect-Wellness/2026-11_sleepData.json"
> 2026-11_sleepData.json: 0 nights written, 0 updated, 2 unchanged
$ mgtrack --profile w init --age 40 --sex female
$ mgtrack --profile w import withings "$FIXTURES/withings/sleep.csv" --json
~ "nights_written": 2,
~ "bad_record": 1,
$ mgtrack --profile w night --show --date 2026-11-20 --json
~ "bed": "23:10",
~ "sol": 15,
~ "waso": 25,
~ "wake": "07:00",
~ "up": "07:05",
~ "tst_min": 430,
~ "hr_low": 49,
~ "source": "withings"
$ mgtrack --profile de init --age 40 --sex female
$ mgtrack --profile de import withings "$FIXTURES/withings/sleep-de.csv"
> sleep-de.csv: 1 nights written, 0 updated, 0 unchanged
@ printf 'a,b\n1,2\n' > other.csv
$ mgtrack --profile de import withings other.csv
? 65
e~ no "from" and "to" columns
$ mgtrack import garmin "$FIXTURES/withings"
? 65
e~ no \*_sleepData.json files
