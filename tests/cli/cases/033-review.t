# The checkpoint review on a generated diary (tests/fixtures/review: 14
# baseline nights from 2026-10-22, doses from 2026-11-05, sleep quality
# about one point better on magnesium, onset about 12 min shorter).
$ mgtrack init --age 40 --sex female --goal sleep
$ mgtrack review
? 66
e~ no dose is logged yet
$ mgtrack product add --name G --form glycinate --elemental-mg 100
$ mgtrack import diary "$FIXTURES/review/diary.csv"
$ mgtrack import doses "$FIXTURES/review/doses.csv"
$ mgtrack review --json
~ "decision": "continue",
~ "checkpoint_day": 20,
~ "adherence": 1,
~ "nights_baseline": 14,
~ "nights_on": 18,
~ "primary": "quality",
~ "rule": "review-before-after"
@ python3 -c 'import json; d=json.load(open(".out")); q=d["outcomes"][0]; assert q["name"]=="quality" and q["ci95"][0]>0 and q["p_benefit"]>=0.8, q; s=[o for o in d["outcomes"] if o["name"]=="sol"][0]; assert s["better"]=="lower" and s["effect"]<-5, s'
# At day 14 the on-magnesium nights are too few (day 3 to 14 = 12; fine),
# at day 10 they are not.
$ mgtrack review --at 10 --json
~ "decision": "insufficient_data",
~ "rule": "review-too-few"
$ mgtrack review --outcome stress
~ ^Review at day 20: extend
$ mgtrack review --outcome colour
? 64
e~ unknown --outcome "colour"
$ mgtrack review --at 400
? 65
# Loose stools on 3 of the last 7 nights: split (the plan already splits
# from day 8, so a gentler form; glycinate is gentle, so a lower dose).
$ mgtrack night --date 2026-11-22 --bristol 6
$ mgtrack night --date 2026-11-23 --bristol 7
$ mgtrack night --date 2026-11-24 --bristol 6
$ mgtrack review --json
~ "decision": "lower_dose",
~ "rule": "review-lower"
# A red flag comes first.
$ mgtrack night --date 2026-11-24 --red-flag palpitations
$ mgtrack review --json
~ "decision": "pause",
