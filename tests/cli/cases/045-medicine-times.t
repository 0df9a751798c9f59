# When magnesium is taken around medicines (issue 11): a weekly medicine
# moves the intake on its own day only (plan, course, calendar), several
# training times, a night-shift day, no clear time said plainly, and bad
# --med and --train-at values refused with one line, nothing written.
$ MGTRACK_TODAY=2026-12-01 mgtrack init --age 66 --sex female --goal recovery --training regular --train-at 18:00,06:00 --med alendronate@07:00/weekly:wed
$ mgtrack profile show
~ ^medicines  alendronate at 07:00, weekly on wednesday$
~ ^trains at  06:00, 18:00$
$ mgtrack profile show --json
~ "weekly": "wednesday"
~ "train_at": "06:00,18:00"
$ MGTRACK_TODAY=2026-12-01 mgtrack plan --days 8
~ 03:00-11:00  around alendronate at 07:00 on wednesday \[med-bisphosphonate\]
~ on wednesdays the 07:30 dose moves to 11:00, out of the hours around alendronate
~ ^    magnesium  11:00 100 mg  \(moved for the weekly medicine\)$
~ ^    magnesium  07:30 100 mg, 21:30 100 mg$
$ MGTRACK_TODAY=2026-12-01 mgtrack plan --ics plan.ics
@ grep -q 'RRULE:FREQ=WEEKLY' plan.ics
@ grep -q 'EXDATE:20261202T073000' plan.ics
@ grep -q 'DTSTART:20261202T110000' plan.ics
@ "$ICS_CHECK" plan.ics
# The course moves today's intake on the medicine's day, and only that day.
$ MGTRACK_TODAY=2026-12-01 mgtrack product add --name Glyc --form glycinate --elemental-mg 100
$ MGTRACK_TODAY=2026-12-01 mgtrack course start
$ MGTRACK_TODAY=2026-12-02 mgtrack course
~ ^  11:00  100 mg  1 capsule   post-workout  due$
~ today: the post-workout intake moves from 07:30 to 11:00, out of the hours around alendronate, on this day only
$ MGTRACK_TODAY=2026-12-03 mgtrack course
~ ^  07:30  100 mg  1 capsule   post-workout  due$
$ MGTRACK_TODAY=2026-12-03 mgtrack course --json
~ "today_note": null
# Bad values: one line naming the flag and the value, nothing written.
$ mgtrack profile set --med alendronate@07:00/weekly:someday
? 64
e= mgtrack: --med "alendronate@07:00/weekly:someday": "weekly:someday" is not weekly:DAY (mon, tue, ... sun)
$ mgtrack profile set --med alendronate@/weekly:mon
? 64
e= mgtrack: --med "alendronate@/weekly:mon" has no time
$ mgtrack profile set --train-at 06:00,07:00,08:00,09:00,10:00
? 64
e= mgtrack: --train-at "06:00,07:00,08:00,09:00,10:00" has more than 4 times
$ mgtrack profile set --train-at 6pm
? 64
e= mgtrack: --train-at "6pm" is not HH:MM[,HH:MM...]
$ mgtrack profile set --train-at 06:00,
? 64
@ [ "$(sqlite3 "$MGTRACK_DB" 'SELECT train_at FROM profile')" = "06:00,18:00" ]
# A night-shift worker's daytime intake falls in their waking hours.
$ MGTRACK_TODAY=2026-12-01 mgtrack init --profile nights --age 38 --sex male --goal sleep --wake 15:00 --bed 07:00
$ MGTRACK_TODAY=2026-12-01 mgtrack plan --profile nights --days 8
~ from day 8: 200 mg  21:00 100 mg \(1 unit\), 05:30 100 mg \(1 unit\)
# Around the clock: the least-bad time, the split kept, and status caution.
$ MGTRACK_TODAY=2026-12-01 mgtrack init --profile clock --age 50 --sex female --goal sleep --med levothyroxine@06:00 --med ciprofloxacin@08:00,14:00,20:00 --med gabapentin@10:00,16:00,22:00
$ MGTRACK_TODAY=2026-12-01 mgtrack plan --profile clock --json
~ "status": "caution"
~ no time of your waking day is clear of ciprofloxacin: the afternoon dose at 12:00 is the furthest from your medicine doses
# A chelating agent with no clear time: a clinician decides, and no time is offered.
$ MGTRACK_TODAY=2026-12-01 mgtrack init --profile chelate --age 50 --sex female --goal sleep --med penicillamine@06:00,12:00,18:00,00:00
$ MGTRACK_TODAY=2026-12-01 mgtrack plan --profile chelate
~ ^Plan for "chelate": status clinician$
~ plan-no-window-chelator
!~ the afternoon dose at
