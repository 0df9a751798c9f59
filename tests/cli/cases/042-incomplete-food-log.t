# One banana a day for three days is not the whole diet: each day records
# 105 kcal, under the 500 kcal a woman's whole day of food gives at least
# (thresholds.tsv intake-min-kcal-female), so none counts as a logged day.
# Food is unknown and the plan is the food-unknown one: 200 mg a day,
# starting at 100. The plan, the intake and the report all say why.
$ mgtrack init --age 40 --sex female
$ mgtrack eat --date 2026-11-21 9040 1 medium
$ mgtrack eat --date 2026-11-22 9040 1 medium
$ mgtrack eat --date 2026-11-23 9040 1 medium
$ mgtrack plan
~ ^Target 320 mg/day; food unknown \(0 of the 3 days needed are logged in the 7 days before today; 3 more too low in energy to count\)$
~ ^  - the food log looks incomplete: .*\(3 of 3 days with food recorded under 500 kcal\) \[intake-incomplete\]$
~ ^Supplement: 200 mg elemental magnesium a day
~ ^  days 1-7: +100 mg
~ ^  from day 8: 200 mg
$ mgtrack plan --json --explain
~ "food_mg": null,
~ "food_days_logged": 0,
~ "food_days_low_energy": 3,
~ "rule": "intake-incomplete"
~ "rule": "plan-food-unknown"
@ python3 -c 'import json; d=json.load(open(".out")); assert d["daily_elemental_mg"]==200, d["daily_elemental_mg"]; assert [s["daily_elemental_mg"] for s in d["titration"]]==[100,200], d["titration"]; w=[x for x in d["warnings"] if x["rule"]=="intake-incomplete"]; assert len(w)==1 and "looks incomplete" in w[0]["text"] and "Willett" in w[0]["source"], w'
$ mgtrack plan --explain
~ looks incomplete
~ source: PRODUCT.md section 1: food unknown
$ mgtrack intake
~ \(7 days, 0 logged, 3 too low in energy to count\)
~ unknown: the log looks incomplete
~ ^  - the food log looks incomplete: .*\[intake-incomplete\]$
~ Log food on at least 3 whole days
$ mgtrack intake --json
~ "days_logged": 0,
~ "days_low_energy": 3,
~ "food_known": false,
~ "min_kcal": 500,
~ "kcal_rule": "intake-min-kcal-female",
~ "counted": false
~ "rule": "intake-incomplete",
$ mgtrack report --html report.html
@ grep -q 'The food log looks incomplete: .*(3 of 3 days with food recorded under 500 kcal) \[intake-incomplete\]' report.html
# A man's whole day is at least 800 kcal: 650 kcal days do not count for him.
$ mgtrack --profile him init --age 40 --sex male
$ mgtrack food add --name "Small meals" --mg 60 --kcal 650 --measure "day=100"
$ mgtrack --profile him eat --date 2026-11-21 900000001 1 day
$ mgtrack --profile him eat --date 2026-11-22 900000001 1 day
$ mgtrack --profile him eat --date 2026-11-23 900000001 1 day
$ mgtrack --profile him intake --json
~ "days_low_energy": 3,
~ "kcal_rule": "intake-min-kcal-male",
# The rest of each day's food logged beside the bananas: whole days now,
# so the gap makes the dose and nothing says incomplete.
$ mgtrack food add --name "Rest of the day" --mg 0 --kcal 900 --measure "day=200"
$ mgtrack eat --date 2026-11-21 900000002 1 day
$ mgtrack eat --date 2026-11-22 900000002 1 day
$ mgtrack eat --date 2026-11-23 900000002 1 day
$ mgtrack plan --json
~ "food_mg": 32,
~ "food_days_logged": 3,
~ "food_days_low_energy": 0,
!~ intake-incomplete
$ mgtrack intake
!~ incomplete
