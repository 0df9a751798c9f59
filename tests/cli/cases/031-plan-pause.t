# A red flag in the last 7 nights pauses the plan: no doses, and says why.
$ mgtrack init --age 34 --sex female --goal sleep
$ mgtrack plan --json
~ "status": "ok",
$ mgtrack night --date 2026-11-20 --red-flag palpitations
$ mgtrack plan --json
~ "status": "pause",
~ "rule": "safety-red-flag",
~ "doses": \[\]
$ mgtrack plan
~ Pause magnesium now and reassess
# Eight days later the flag is outside the window.
$ MGTRACK_TODAY=2026-11-27 mgtrack plan --json
~ "status": "ok",
