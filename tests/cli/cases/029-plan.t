# The plan: status, dose from the gap, titration, windows around
# ciprofloxacin, explanations with rule ids, and a calendar libical reads.
$ mgtrack init --age 34 --sex female --training regular --goal sleep --med ciprofloxacin@08:00,20:00 --wake 07:00 --bed 23:00
$ mgtrack plan --json --explain
~ "status": "ok",
~ "daily_elemental_mg": 200,
~ "form": "glycinate",
~ "avoid_from": "02:00",
~ "avoid_to": "10:00",
~ "avoid_from": "14:00",
~ "avoid_to": "22:00",
~ "rule": "plan-food-unknown"
~ "rule": "choose-sleep"
~ "disclaimer": "Not medical advice
@ python3 -c 'import json; d=json.load(open(".out")); t=[x["time"] for x in d["doses"]]; assert t==["13:00","22:00"], t; assert [s["daily_elemental_mg"] for s in d["titration"]]==[100,200]; assert [c["day"] for c in d["checkpoints"]]==[14,42]; assert len(d["days"])==7 and d["days"][0]["food"]["mg"]>0'
$ mgtrack plan --explain
~ ^Plan for "default": status ok
~ source: Fine et al\. 1991
~ ^Not medical advice
~ ^See a clinician:
$ mgtrack plan --ics plan.ics
~ Calendar written to plan.ics
@ "$ICS_CHECK" plan.ics | grep -qx 'events 7 alarms 5'
@ grep -q 'RRULE:FREQ=DAILY;COUNT=35' plan.ics
# Food that covers the target: no supplement.
$ mgtrack --profile full init --age 34 --sex female
# The rest of each day's food, logged so that each day is a whole day:
# energy without magnesium (a day under 500 kcal does not count).
$ mgtrack food add --name "Rest of the day" --mg 0 --kcal 900 --measure "day=200"
$ mgtrack --profile full eat --date 2026-11-21 900000001 1 day
$ mgtrack --profile full eat --date 2026-11-22 900000001 1 day
$ mgtrack --profile full eat --date 2026-11-23 900000001 1 day
$ mgtrack --profile full eat --date 2026-11-21 12016 3 oz
$ mgtrack --profile full eat --date 2026-11-22 12016 3 oz
$ mgtrack --profile full eat --date 2026-11-23 12016 3 oz
$ mgtrack --profile full plan --json
~ "daily_elemental_mg": 0,
~ "rule": "plan-gap-covered"|"doses": \[\]
# Who must not self-dose: no schedule, food guidance stays.
$ mgtrack --profile kid init --age 15 --sex male --goal sleep
$ mgtrack --profile kid plan --json --explain
~ "status": "clinician",
~ "rule": "safety-under-18",
~ "doses": \[\]
$ mgtrack --profile kid plan
~ No supplement schedule: see a clinician first
$ mgtrack --profile ckd init --age 60 --sex male --condition kidney-disease
$ mgtrack --profile ckd plan --json
~ "status": "clinician",
# Heart-rhythm medicine: a plan with the warning on top.
$ mgtrack --profile rhythm init --age 60 --sex male --goal stress --med amiodarone@08:00
$ mgtrack --profile rhythm plan --json
~ "status": "caution",
~ "form": "taurate",
# Bad input.
$ mgtrack --profile nobody plan
? 66
e~ no profile "nobody"
$ mgtrack plan --days 0
? 65
$ mgtrack plan --days 29
? 65
$ mgtrack plan --ics ""
? 64
$ mgtrack plan --ics /nonexistent/dir/plan.ics
? 74
e~ cannot write "/nonexistent/dir/plan.ics"
