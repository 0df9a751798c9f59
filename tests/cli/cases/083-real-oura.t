# Real Oura sleep CSVs (../shared/realdata/oura, see its SOURCES.md), night
# by night. Expected values from each row: bed = bedtime_start, up =
# bedtime_end, total sleep = total_sleep_duration, sol = latency, waso =
# (time_in_bed - total_sleep_duration) - latency, in minutes; HRV =
# average_hrv (RMSSD), hr_low = lowest_heart_rate.
% $ROOT/../shared/realdata/oura real Oura files
$ mgtrack init --age 40 --sex female
# samyuktha: the web dashboard's CSV, comma-separated, days as 7/11/2024
# (before: refused, "has no day column"); 98 long_sleep rows, 134 rows with
# an empty type (short rests, not nights).
$ mgtrack import oura "$ROOT/../shared/realdata/oura/samyuktha_oura_sleep_2024-12-17T01-12-53.csv" --json
~ "not_a_night": 134,
~ "bad_row": 0,
# 02:19:35-10:57:35, 26670 s asleep of 31080 s in bed, latency 450 s:
# sol 8 (7.5 rounded), waso 73.5 - 7.5 = 66, deep 9390 s, light 13770 s,
# rem 3510 s (58.5 min, rounded up).
$ MGTRACK_TODAY=2024-12-31 mgtrack night --show --date 2024-07-11 --json
~ "bed": "02:19",
~ "sol": 8,
~ "waso": 66,
~ "up": "10:57",
~ "deep": 157,
~ "light": 230,
~ "rem": 59,
~ "hrv": 130,
~ "hrv_kind": "rmssd",
~ "hr_low": 49,
~ "tst_min": 444,
# Day 7/12/2024 has three rests (21:51, 22:31, 01:43, 10-21 min) and one
# long sleep 03:10:02-11:14:02, 24870 s asleep; before, the last row of
# the day won.
$ MGTRACK_TODAY=2024-12-31 mgtrack night --show --date 2024-07-12 --json
~ "bed": "03:10",
~ "up": "11:14",
~ "hr_low": 48,
~ "tst_min": 414,
# Day 7/30/2024 has two long sleeps: 2024-07-29 05:39-20:39 (39540 s) and
# 2024-07-30 02:16-08:59 (20070 s): the longer one is the night.
$ MGTRACK_TODAY=2024-12-31 mgtrack night --show --date 2024-07-30 --json
~ "bed": "05:39",
~ "up": "20:39",
~ "tst_min": 659,
# anna-si-tu: API documents written as CSV (nested fields as Python
# text): a "sleep" period 01:14-01:32 and two long sleeps.
$ mgtrack --profile a init --age 40 --sex female
$ mgtrack --profile a import oura "$ROOT/../shared/realdata/oura/anna-si-tu_oura_sleep.csv" --json
~ "nights_written": 2,
~ "not_a_night": 1,
# 03:04:28-08:01:48, 16500 s asleep of 17840 s in bed, latency 420 s.
$ mgtrack --profile a night --show --date 2026-01-22 --json
~ "bed": "03:04",
~ "sol": 7,
~ "up": "08:01",
~ "hrv": 49,
~ "hr_low": 58,
~ "tst_min": 275,
