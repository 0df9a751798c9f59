# Real Withings exports (../shared/realdata/withings, see its SOURCES.md),
# night by night. Expected values are worked out from each row's own
# fields: bed = from, sol = "Duration to sleep (s)" / 60, wake = to -
# "Duration to wake up (s)", up = to, total sleep = light + deep + rem,
# waso = (wake - bed) - sol - total sleep, awakenings = "wake up",
# hr_low = "Heart rate (min)".
% $ROOT/../shared/realdata/withings real Withings files
$ mgtrack init --age 40 --sex female
# dhelsby: 27 rows. Three are naps (2022-11-26 13:18-14:38, 2022-12-07
# 21:17-22:04, 2022-12-11 15:12-16:32) and 2022-12-11 is one night in two
# rows (00:21-03:23 and 05:56-08:30): 23 nights.
$ mgtrack import withings "$ROOT/../shared/realdata/withings/dhelsby_sleep-first27rows.csv" --json
~ "records_read": 27,
~ "nights_written": 23,
~ "sessions_merged": 1,
~ "nap": 3,
~ "bad_record": 0,
# Row 1: 23:24-06:44, light 13320 deep 5460 rem 6540 s = 422 min asleep,
# 660 s to sleep, 0 to wake up: waso 440 - 11 - 422 = 7.
$ MGTRACK_TODAY=2023-01-31 mgtrack night --show --date 2022-11-11 --json
~ "bed": "23:24",
~ "sol": 11,
~ "awakenings": 1,
~ "waso": 7,
~ "wake": "06:44",
~ "up": "06:44",
~ "deep": 91,
~ "light": 222,
~ "rem": 109,
~ "hr_low": 49,
~ "tst_min": 422,
# Row 2: 23:41-07:49, 840 s to wake up (wake 07:35), 5 wake-ups, 414 min
# asleep, 780 s to sleep: waso 474 - 13 - 414 = 47.
$ MGTRACK_TODAY=2023-01-31 mgtrack night --show --date 2022-11-12 --json
~ "bed": "23:41",
~ "sol": 13,
~ "awakenings": 5,
~ "waso": 47,
~ "wake": "07:35",
~ "up": "07:49",
~ "hr_low": 46,
~ "tst_min": 414,
# 2022-12-11: 00:21-03:23 (9720 s asleep, 840 s to sleep, 1 wake-up) and
# 05:56-08:30 (5700 s asleep, 1 wake-up), 2 h 33 min apart: 257 min asleep,
# waso 489 - 14 - 257 = 218, awakenings 1 + 1 + the gap, lowest heart rate
# the lower of 62 and 55. Before: stored as the 61-minute nap.
$ MGTRACK_TODAY=2023-01-31 mgtrack night --show --date 2022-12-11 --json
~ "bed": "00:21",
~ "sol": 14,
~ "awakenings": 3,
~ "waso": 218,
~ "wake": "08:30",
~ "up": "08:30",
~ "deep": 83,
~ "light": 118,
~ "rem": 56,
~ "hr_low": 55,
~ "tst_min": 257,
# The 21:17-22:04 nap of 2022-12-07 is not joined to the next night
# (00:12-06:00, 1260 s to sleep, 18960 s asleep: waso 348 - 21 - 316 = 11).
$ MGTRACK_TODAY=2023-01-31 mgtrack night --show --date 2022-12-08 --json
~ "bed": "00:12",
~ "sol": 21,
~ "waso": 11,
~ "tst_min": 316,
$ MGTRACK_TODAY=2023-01-31 mgtrack night --show --date 2022-11-26
? 66
$ mgtrack import withings "$ROOT/../shared/realdata/withings/dhelsby_sleep-first27rows.csv"
~ 0 nights written, 0 updated, 23 unchanged
# mohdasti: 39 rows, one with no sleep (2026-06-20) and two for the night of
# 2026-06-26 (01:28 and 00:56:56 to 09:31: the longer stands); a device
# without REM writes rem 0: unknown, not none.
$ mgtrack --profile m init --age 40 --sex female
$ mgtrack --profile m import withings "$ROOT/../shared/realdata/withings/mohdasti_sleep.csv" --json
~ "nights_written": 37,
~ "bad_record": 1,
~ "overlapping": 1,
# 2023-10-20 23:33 to 09:35, 1440 s to sleep, 180 s to wake up, light 18540
# deep 15960 rem 0: 575 min asleep, waso 599 - 24 - 575 = 0.
$ mgtrack --profile m night --show --date 2023-10-21 --json
~ "bed": "23:33",
~ "sol": 24,
~ "waso": 0,
~ "wake": "09:32",
~ "up": "09:35",
~ "deep": 266,
~ "light": 309,
~ "rem": null,
~ "hr_low": 66,
~ "tst_min": 575,
$ mgtrack --profile m night --show --date 2026-06-26 --json
~ "bed": "00:56",
~ "up": "09:31",
# 2026-07-06 has REM (5940 s): kept.
$ mgtrack --profile m night --show --date 2026-07-06 --json
~ "rem": 99,
~ "hr_low": 61,
# biopsykit: German headers, 8 rows, one of them 07:42-08:36 on 2020-10-22
# (too short for a night); 2020-10-11 02:04-09:59, 1320 s to
# sleep, 720 s to wake up, rem 4920 s, lowest heart rate 55.
$ mgtrack --profile de init --age 40 --sex female
$ mgtrack --profile de import withings "$ROOT/../shared/realdata/withings/biopsykit_sleep-de.csv" --json
~ "nights_written": 7,
$ mgtrack --profile de night --show --date 2020-10-11 --json
~ "bed": "02:04",
~ "sol": 22,
~ "wake": "09:47",
~ "up": "09:59",
~ "rem": 82,
~ "hr_low": 55,
