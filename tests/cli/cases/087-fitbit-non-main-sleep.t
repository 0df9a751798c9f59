# Fitbit's non-main sleeps (mainSleep false) go through core/sessions.c
# like every other session (issue 13): one that joins a main sleep within
# the merge gap is part of that night, one that ends in the person's day
# is a nap, however long. Values worked out by hand from the logs below:
#  1. non-main 23:00-02:15, 180 min asleep, 195 in bed
#  2. main     03:10-07:30, 240 min asleep, 260 in bed (55 min after 1)
#  3. non-main 17:00-20:30, 200 min asleep: 3 h 30 min, but a nap, so it
#     does not merge with 4 (2 h 30 min later) into a 14-hour night
#  4. main     23:00-07:00, 450 min asleep, 480 in bed
#  5. non-main 13:00-14:00 two days on, 55 min asleep: a nap
$ mgtrack init --age 40 --sex female
@ mkdir -p fb && printf '[%s,%s,%s,%s,%s]\n' '{"dateOfSleep":"2026-11-20","startTime":"2026-11-19T23:00:00.000","endTime":"2026-11-20T02:15:00.000","minutesToFallAsleep":0,"minutesAsleep":180,"minutesAfterWakeup":0,"timeInBed":195,"mainSleep":false}' '{"dateOfSleep":"2026-11-20","startTime":"2026-11-20T03:10:00.000","endTime":"2026-11-20T07:30:00.000","minutesToFallAsleep":0,"minutesAsleep":240,"minutesAfterWakeup":0,"timeInBed":260,"mainSleep":true}' '{"dateOfSleep":"2026-11-20","startTime":"2026-11-20T17:00:00.000","endTime":"2026-11-20T20:30:00.000","minutesToFallAsleep":0,"minutesAsleep":200,"minutesAfterWakeup":0,"timeInBed":210,"mainSleep":false}' '{"dateOfSleep":"2026-11-21","startTime":"2026-11-20T23:00:00.000","endTime":"2026-11-21T07:00:00.000","minutesToFallAsleep":0,"minutesAsleep":450,"minutesAfterWakeup":0,"timeInBed":480,"mainSleep":true}' '{"dateOfSleep":"2026-11-22","startTime":"2026-11-22T13:00:00.000","endTime":"2026-11-22T14:00:00.000","minutesToFallAsleep":0,"minutesAsleep":55,"minutesAfterWakeup":0,"timeInBed":60,"mainSleep":false}' > fb/sleep-2026-11-19.json
$ mgtrack import fitbit fb
> fb: 2 nights written, 0 updated, 0 unchanged
>   5 sessions: 1 merged into the night before them, 2 naps, 0 too short for a night (under 180 min), 0 shorter than their morning's night, 0 overlapping another
$ mgtrack import fitbit fb --dry-run --json
~ "records_read": 5,
~ "sessions_merged": 1,
~ "nap": 2,
# Night 1+2: 23:00-07:30 (510 min), 420 asleep, waso 510 - 420 = 90 (the
# 55-minute gap, 15 and 20 min awake in bed), one awakening (the gap).
$ mgtrack night --show --date 2026-11-20 --json
~ "bed": "23:00",
~ "awakenings": 1,
~ "waso": 90,
~ "up": "07:30",
~ "tst_min": 420,
$ mgtrack night --show --date 2026-11-21 --json
~ "bed": "23:00",
~ "up": "07:00",
~ "tst_min": 450,
$ mgtrack night --list --json
~ "date": "2026-11-21"
!~ "date": "2026-11-22"
# A non-main sleep alone, with no main sleep near it and outside the
# person's day, is still no night: Fitbit itself did not take it for one.
@ mkdir -p fb2 && printf '[%s]\n' '{"dateOfSleep":"2026-11-20","startTime":"2026-11-20T02:00:00.000","endTime":"2026-11-20T06:00:00.000","minutesToFallAsleep":0,"minutesAsleep":220,"minutesAfterWakeup":0,"timeInBed":240,"mainSleep":false}' > fb2/sleep-2026-11-20.json
$ mgtrack --profile two init --age 40 --sex female
$ mgtrack --profile two import fitbit fb2 --json
? 65
~ "nap": 1,
e~ no usable nights
