# A shorter night never replaces a longer one across imports either
# (issue 13): an export holding only a fragment of a stored night (here
# the last 3 h 35 min of a 7 h 40 min sleep) keeps the stored night, and
# says so; a corrected re-export of the same sleep (covering at least
# import-correction-cover-pct of it) updates it, shorter or not. Another
# source's nights are their own.
$ mgtrack init --age 40 --sex female
@ printf 'from,to,light (s),deep (s),rem (s),awake (s),Duration to sleep (s)\n2026-11-19T23:10:00+01:00,2026-11-20T07:05:00+01:00,14400,6000,5400,2700,900\n2026-11-20T22:55:00+01:00,2026-11-21T06:40:00+01:00,15000,5400,5100,2400,600\n' > full.csv
$ mgtrack import withings full.csv
> full.csv: 2 nights written, 0 updated, 0 unchanged
# The fragment: 03:30-07:05 of the first night, and the second night whole.
@ printf 'from,to,light (s),deep (s),rem (s),awake (s)\n2026-11-20T03:30:00+01:00,2026-11-20T07:05:00+01:00,7000,3000,2900,0\n2026-11-20T22:55:00+01:00,2026-11-21T06:40:00+01:00,15000,5400,5100,2400\n' > part.csv
$ mgtrack import withings part.csv
~ ^part.csv: 0 nights written, 1 updated, 0 unchanged$
~ ^  kept 1 stored longer nights: this file's night of that morning is shorter and covers less than 75 % of it$
$ mgtrack import withings part.csv --dry-run --json
~ "nights_kept_longer": 1,
~ "nights_unchanged": 1,
$ MGTRACK_TODAY=2026-11-24 mgtrack night --show --date 2026-11-20 --json
~ "bed": "23:10",
~ "sol": 15,
~ "deep": 100,
~ "up": "07:05",
# A file whose every night is kept is no failure: it had nights.
@ printf 'from,to,light (s),deep (s),rem (s),awake (s)\n2026-11-20T03:30:00+01:00,2026-11-20T07:05:00+01:00,7000,3000,2900,0\n' > only-part.csv
$ mgtrack import withings only-part.csv --json
~ "nights_written": 0,
~ "nights_kept_longer": 1,
# The corrected export: the same sleep, 30 min shorter at its start
# (23:40-07:05 covers 97 % of
# 23:25-07:05, the stored sleep period): it updates the night.
@ printf 'from,to,light (s),deep (s),rem (s),awake (s)\n2026-11-19T23:40:00+01:00,2026-11-20T07:05:00+01:00,13000,5800,5200,2200\n' > fixed.csv
$ mgtrack import withings fixed.csv
> fixed.csv: 0 nights written, 1 updated, 0 unchanged
$ MGTRACK_TODAY=2026-11-24 mgtrack night --show --date 2026-11-20 --json
~ "bed": "23:40",
~ "deep": 97,
~ "sol": 0,
# And the fragment now still cannot replace the corrected night.
$ mgtrack import withings only-part.csv
~ kept 1 stored longer nights
$ MGTRACK_TODAY=2026-11-24 mgtrack night --show --date 2026-11-20 --json
~ "bed": "23:40",
# A longer night replaces the stored one as before.
@ printf 'from,to,light (s),deep (s),rem (s),awake (s)\n2026-11-19T22:30:00+01:00,2026-11-20T07:30:00+01:00,16000,6000,6000,4400\n' > longer.csv
$ mgtrack import withings longer.csv
> longer.csv: 0 nights written, 1 updated, 0 unchanged
$ MGTRACK_TODAY=2026-11-24 mgtrack night --show --date 2026-11-20 --json
~ "bed": "22:30",
~ "up": "07:30",
# The fragment from another device is that device's night, not a rival.
@ printf 'Id,Tz,From,To,Sched,Hours,Rating,Comment,Framerate,Snore,Noise,Cycles,DeepSleep,LenAdjust,Geo\n1795141800000,Europe/Berlin,20. 11. 2026 3:30,20. 11. 2026 7:05,20. 11. 2026 7:00,3.583,3.0,,10000,-1,-1,-1,-1,0,\n' > saa.csv
$ mgtrack import sleep-as-android saa.csv
> saa.csv: 1 nights written, 0 updated, 0 unchanged
# The way to replace a night anyway: delete it, import again.
$ mgtrack night --delete --date 2026-11-20
$ mgtrack import withings only-part.csv
> only-part.csv: 1 nights written, 0 updated, 0 unchanged
