# Sleep as Android (the real export from sleepdiary/core, MIT; see
# tests/fixtures/sleep-as-android/README): the header repeats before every
# record and rows differ in length. Of its 11 tracking sessions only one
# is a night: 26 Nov 2020 20:00 to 27 Nov 07:00 London time, rated 3.
# Eight are tracking tests or too short, 30 Nov 11:03-11:39 is a nap, and
# 27 Nov 08:54-15:25 is shorter than that morning's night (merging it would
# make a 19-hour night, past import-max-night-min).
$ mgtrack init --age 40 --sex female
$ mgtrack import sleep-as-android "$FIXTURES/sleep-as-android/sleep-export.csv" --json
~ "records_read": 11,
~ "nights_written": 1,
~ "too_short": 8,
~ "nap": 1,
~ "shorter_than_night": 1,
~ "sessions_merged": 0,
$ MGTRACK_TODAY=2020-12-31 mgtrack night --show --date 2020-11-27 --json
~ "bed": "20:00",
~ "up": "07:00",
~ "quality": 3,
~ "tst_min": 660,
~ "source": "sleep-as-android"
@ python3 -c 'import zipfile,os; z=zipfile.ZipFile("saa.zip","w"); z.write(os.environ["FIXTURES"]+"/sleep-as-android/sleep-export.csv","sleep-export.csv"); z.close()'
$ mgtrack --profile b init --age 40 --sex female
$ mgtrack --profile b import sleep-as-android saa.zip
> saa.zip: 1 nights written, 0 updated, 0 unchanged
>   11 sessions: 0 merged into the night before them, 1 naps, 8 too short for a night (under 180 min), 1 shorter than their morning's night, 0 overlapping another
@ python3 -c 'import zipfile; z=zipfile.ZipFile("other.zip","w"); z.writestr("x.csv","a"); z.close()'
$ mgtrack --profile b import sleep-as-android other.zip
? 65
e~ holds no sleep-export.csv
# What no real file shows: an integer Id that is not the time From says
# (20:00 London against From 21:00) times the record by From/To; a row
# with neither usable is skipped and named; a comma-only row is no record;
# a quarter-star rating is quality 1.
@ printf 'Id,Tz,From,To,Sched,Hours,Rating,Comment\n"1606420800000","Europe/London","26. 11. 2020 21:00","27. 11. 2020 7:00","27. 11. 2020 7:00","10.000","0.25",""\n"x","Europe/London","bad","bad","","8.0","0",""\n,,,,,,,\n' > own.csv
$ mgtrack --profile own init --age 40 --sex female
$ mgtrack --profile own import sleep-as-android own.csv --json
~ "records_read": 2,
~ "nights_written": 1,
~ "timed_by_from_to": 1,
~ "bad_record": 1,
e~ skipped 1 records of "own.csv" with neither a usable Id nor From/To, the first at row 3
$ MGTRACK_TODAY=2020-12-31 mgtrack --profile own night --show --date 2020-11-27 --json
~ "bed": "21:00",
~ "up": "07:00",
~ "quality": 1,
~ "tst_min": 600,
