# Health Connect records that say their zone (issue 13): startZoneOffset
# and endZoneOffset ("+09:00" or seconds), or times written with an
# offset, give the local times, and the night is dated by its local wake,
# whatever this machine's zone (here Chicago, where 14:00Z is 08:00).
# The real export (case 085) has neither: UTC, shown in this machine's
# zone. Values worked out by hand:
#  A. 14:00Z-22:00Z at +09:00: in bed 23:00, light sleep 14:10Z-21:50Z
#     (23:10-06:50, 460 min), out of bed 07:00, the morning of 2026-11-20
#  B. 23:30+01:00 to 07:15+01:00, no stages: 465 min, the morning of 11-22
#  C. 22:00Z-05:30Z at 3600 s: 23:00-06:30, 450 min, the morning of 11-24
#  D. an offset that is no offset: a bad record, not a guess
$ mgtrack init --age 40 --sex female
@ printf '[%s,%s,%s,%s]\n' '{"start":"2026-11-19T14:00:00Z","end":"2026-11-19T22:00:00Z","startZoneOffset":"+09:00","endZoneOffset":"+09:00","data":{"stages":[{"startTime":"2026-11-19T14:00:00Z","endTime":"2026-11-19T14:10:00Z","stage":1},{"startTime":"2026-11-19T14:10:00Z","endTime":"2026-11-19T21:50:00Z","stage":4}]}}' '{"start":"2026-11-21T23:30:00+01:00","end":"2026-11-22T07:15:00+01:00","data":{"stages":[]}}' '{"start":"2026-11-23T22:00:00Z","end":"2026-11-24T05:30:00Z","startZoneOffset":3600,"endZoneOffset":3600}' '{"start":"2026-11-17T22:00:00Z","end":"2026-11-18T05:30:00Z","startZoneOffset":"+25:00","endZoneOffset":"+01:00"}' > hc.json
$ TZ=America/Chicago mgtrack import health-connect hc.json --json
~ "records_read": 4,
~ "nights_written": 3,
~ "bad_record": 1,
$ mgtrack night --show --date 2026-11-20 --json
~ "bed": "23:00",
~ "sol": 10,
~ "wake": "06:50",
~ "up": "07:00",
~ "light": 460,
~ "tst_min": 460,
$ mgtrack night --show --date 2026-11-22 --json
~ "bed": "23:30",
~ "up": "07:15",
~ "tst_min": 465,
$ mgtrack night --show --date 2026-11-24 --json
~ "bed": "23:00",
~ "up": "06:30",
~ "tst_min": 450,
$ mgtrack night --list --days 10 --json
!~ "date": "2026-11-1[89]"
~ "date": "2026-11-20"
