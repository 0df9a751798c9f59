# An eGFR below 30 learnt mid-course pauses the course the day it is saved,
# with the kidney warning as its reason; the course cannot resume until the
# profile allows it again.
$ mgtrack init --age 40 --sex female --goal sleep
$ mgtrack product add --name "Calm Caps" --form glycinate --elemental-mg 100
$ mgtrack course start
~ Course started
$ MGTRACK_TODAY=2026-11-30 mgtrack profile set --egfr 25
$ MGTRACK_TODAY=2026-11-30 mgtrack course
~ day 7, paused
~ Paused since 2026-11-30: no magnesium\. eGFR 25, below 30: .*\[course-pause-clinician\]
$ MGTRACK_TODAY=2026-11-30 mgtrack course --json
~ "rule": "course-pause-clinician"
$ MGTRACK_TODAY=2026-11-30 mgtrack course resume
? 65
e~ the plan's status is clinician, so the course cannot resume: eGFR 25, below 30
# A new measurement of 45 allows a resume, with its caution.
$ MGTRACK_TODAY=2026-12-01 mgtrack profile set --egfr 45
$ MGTRACK_TODAY=2026-12-01 mgtrack course resume
$ MGTRACK_TODAY=2026-12-01 mgtrack course
~ titrating
