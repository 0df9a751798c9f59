# Real Fitbit sleep responses (../shared/realdata/fitbit, see its
# SOURCES.md). Expected values from each log: bed = startTime, up =
# endTime, final wake = the end of the last sleep in levels.data, total
# sleep = minutesAsleep, waso = timeInBed - minutesToFallAsleep -
# minutesAsleep - the time from the final wake to endTime (Fitbit's
# minutesAfterWakeup says 0 even where the log ends awake); awakenings =
# the wake periods of levels.data of 5 minutes or more between the first
# and the last sleep (what a diary counts), not levels.summary.wake.count.
% $ROOT/../shared/realdata/fitbit real Fitbit files
$ mgtrack init --age 40 --sex female
$ mgtrack import fitbit "$ROOT/../shared/realdata/fitbit/caarmen_fitbit_sleep_response_1_item.json"
> caarmen_fitbit_sleep_response_1_item.json: 1 nights written, 0 updated, 0 unchanged
# 2023-05-13 00:40-09:27:30, 465 min asleep, 527 in bed. Its wake periods:
# 00:41 (210 s), 03:39 (450 s) and the final one, 09:05 (after the last
# sleep, 08:48 + 1,020 s) to 09:27:30; Fitbit's count, with every wake of
# shortData, says 32. waso = 527 - 0 - 465 - 22.5 = 39.5, stored 40.
$ MGTRACK_TODAY=2023-12-31 mgtrack night --show --date 2023-05-13 --json
~ "bed": "00:40",
~ "sol": 0,
~ "awakenings": 1,
~ "waso": 40,
~ "wake": "09:05",
~ "up": "09:27",
~ "deep": 88,
~ "light": 258,
~ "rem": 119,
~ "tst_min": 465,
# A nap (isMainSleep false, 15:26-18:30) and the main sleep 01:51-09:23:30
# (417 min asleep, 452 in bed): wake periods 01:51 (before sleep, 450 s)
# and 06:17 (300 s); its last sleep (08:57 + 1,590 s) ends at endTime.
# The nap goes through the sessions rule like any
# session: 3 h 2 min from 15:26 to its final wake at 18:28 is a night's
# length, but it ends 9 hours after the main sleep's wake, in the day, and
# Fitbit calls it no main sleep: a nap, not a night of 2023-05-15 (where
# an end after 18:00 would date it).
$ mgtrack --profile two init --age 40 --sex female
$ mgtrack --profile two import fitbit "$ROOT/../shared/realdata/fitbit/caarmen_fitbit_sleep_response_2_items.json" --json
~ "nights_written": 1,
~ "nap": 1,
$ MGTRACK_TODAY=2023-12-31 mgtrack --profile two night --show --date 2023-05-14 --json
~ "bed": "01:51",
~ "awakenings": 1,
~ "waso": 35,
~ "wake": "09:23",
~ "up": "09:23",
~ "tst_min": 417,
$ MGTRACK_TODAY=2023-05-20 mgtrack --profile two night --list --days 20 --json
~ "date": "2023-05-14"
!~ "date": "2023-05-15"
# A classic log, 00:35-08:07:30, 439 min asleep, 452 in bed: its only
# "awake" period is before sleep; "restless" is not awake.
$ mgtrack --profile classic init --age 40 --sex female
$ mgtrack --profile classic import fitbit "$ROOT/../shared/realdata/fitbit/caarmen_fitbit_sleep_response_classic.json"
> caarmen_fitbit_sleep_response_classic.json: 1 nights written, 0 updated, 0 unchanged
$ MGTRACK_TODAY=2023-12-31 mgtrack --profile classic night --show --date 2023-05-17 --json
~ "bed": "00:35",
~ "awakenings": 0,
~ "waso": 13,
~ "tst_min": 439,
