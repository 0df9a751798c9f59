# Real Sleep as Android exports (../shared/realdata/sleep-as-android, see
# its SOURCES.md), night by night. Expected values from each row's own
# fields: bed = From, up = To (Id agrees with them where it is whole),
# total sleep = Hours * 60 + LenAdjust, waso = (up - bed) - total sleep,
# rounded to the minute; quality = Rating (under one star: 1).
% $ROOT/../shared/realdata/sleep-as-android real Sleep as Android files
$ mgtrack init --age 40 --sex female
$ mgtrack import sleep-as-android "$ROOT/../shared/realdata/sleep-as-android/rhydermike_sleep-export.csv" --json
~ "records_read": 89,
~ "bad_record": 0,
# 15 March 2020, tracked in two parts: 01:48-05:19 (3.520 h, LenAdjust 0)
# and 05:35-10:04 (4.480 h, LenAdjust -13): 211.2 + 268.8 - 13 = 467 min
# asleep, waso (10:04 - 01:48 = 496) - 467 = 29, the gap one awakening.
# Before: only the longer part (05:35-10:04) was kept.
$ MGTRACK_TODAY=2020-12-31 mgtrack night --show --date 2020-03-15 --json
~ "bed": "01:48",
~ "awakenings": 1,
~ "waso": 29,
~ "wake": "10:04",
~ "up": "10:04",
~ "tst_min": 467,
# 17 March: one session 01:48-10:17, 8.490 h, LenAdjust -2: 507 min.
$ MGTRACK_TODAY=2020-12-31 mgtrack night --show --date 2020-03-17 --json
~ "bed": "01:48",
~ "up": "10:17",
~ "tst_min": 507,
$ mgtrack import sleep-as-android "$ROOT/../shared/realdata/sleep-as-android/rhydermike_sleep-export.csv"
~ 0 nights written, 0 updated, [0-9]+ unchanged
# The same person's longer file holds the same two parts of 15 March.
$ mgtrack --profile src init --age 40 --sex female
$ mgtrack --profile src import sleep-as-android "$ROOT/../shared/realdata/sleep-as-android/rhydermike_src_sleep-export.csv" --json
~ "records_read": 222,
$ MGTRACK_TODAY=2020-12-31 mgtrack --profile src night --show --date 2020-03-15 --json
~ "bed": "01:48",
~ "up": "10:04",
~ "tst_min": 467,
# swan11jf: re-saved by a spreadsheet. Every one of the 750 Ids is written
# 1.59287E+12 and so on, so From/To time every record; the 263 comma-only
# rows are not records and not bad ones.
$ mgtrack --profile s init --age 40 --sex female
$ mgtrack --profile s import sleep-as-android "$ROOT/../shared/realdata/sleep-as-android/swan11jf_sleep-export-excel-resaved.csv" --json
~ "records_read": 750,
~ "timed_by_from_to": 750,
~ "bad_record": 0,
# 22. 06. 2020 23:53 to 23. 06. 2020 8:01, 8.14 h (the Id would say 01:53).
$ MGTRACK_TODAY=2022-12-31 mgtrack --profile s night --show --date 2020-06-23 --json
~ "bed": "23:53",
~ "up": "08:01",
~ "tst_min": 488,
# 22. 06. 2020 0:10 to 8:11, 8.01 h, LenAdjust -2: 478.6 min asleep, waso
# 481 - 478.6 = 2 (rounded), so 479 on the night's own clock.
$ MGTRACK_TODAY=2022-12-31 mgtrack --profile s night --show --date 2020-06-22 --json
~ "bed": "00:10",
~ "up": "08:11",
~ "waso": 2,
~ "tst_min": 479,
# ckondek: 14. 06. 2017 0:10-5:17 rated 0.75 stars: quality 1 (before:
# dropped). 15 nights, all whole.
$ mgtrack --profile c init --age 40 --sex female
$ mgtrack --profile c import sleep-as-android "$ROOT/../shared/realdata/sleep-as-android/ckondek_sleep-export.csv" --json
~ "records_read": 15,
~ "timed_by_from_to": 0,
$ MGTRACK_TODAY=2017-12-31 mgtrack --profile c night --show --date 2017-06-14 --json
~ "bed": "00:10",
~ "up": "05:17",
~ "quality": 1,
