# Fitbit Takeout (the project's fixture: two sleep-*.json files, stages
# and classic logs, a nap, the web API's {"sleep": [...]} wrapper and a
# broken log, and a daily HRV summary CSV), from the folder, from a zip,
# and one file.
$ mgtrack init --age 40 --sex female
$ mgtrack import fitbit "$FIXTURES/fitbit/Takeout" --json
~ "records_read": 5,
~ "nights_written": 3,
~ "nap": 1,
~ "bad_log": 1,
$ mgtrack night --show --date 2026-11-20 --json
~ "bed": "23:04",
~ "sol": 12,
~ "awakenings": 21,
~ "waso": 54,
~ "tst_min": 420,
~ "deep": 71,
~ "hrv": 38,
~ "hrv_kind": "rmssd",
~ "source": "fitbit"
$ mgtrack night --show --date 2026-11-21 --json
~ "wake": "06:40",
~ "up": "06:50",
~ "tst_min": 400,
$ mgtrack import fitbit "$FIXTURES/fitbit/Takeout"
> Takeout: 0 nights written, 0 updated, 3 unchanged
>   4 sessions: 0 merged into the night before them, 1 naps, 0 too short for a night (under 180 min), 0 shorter than their morning's night, 0 overlapping another
@ cd "$FIXTURES/fitbit" && python3 -c 'import zipfile,os,sys; z=zipfile.ZipFile(sys.argv[1],"w"); [z.write(os.path.join(d,f), os.path.join(d,f)) for d,_,fs in os.walk("Takeout") for f in fs]; z.close()' "$T/takeout.zip"
$ mgtrack --profile b init --age 40 --sex female
$ mgtrack --profile b import fitbit takeout.zip --json
~ "nights_written": 3,
$ mgtrack --profile b night --show --date 2026-11-21 --json
~ "hrv": 41,
$ mgtrack --profile c init --age 40 --sex female
$ mgtrack --profile c import fitbit "$FIXTURES/fitbit/Takeout/Fitbit/Global Export Data/sleep-2026-12-19.json" --json
~ "nights_written": 1,
@ mkdir empty
$ mgtrack import fitbit empty
? 65
e~ no sleep-\*\.json files
@ printf '[{"dateOfSleep": 3' > sleep-2026-01-01.json
$ mgtrack import fitbit sleep-2026-01-01.json
? 65
e~ sleep-2026-01-01.json line 1
