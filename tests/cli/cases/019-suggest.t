# Suggestions: everyday foods first, one usual serving each (the gap is
# shared out over several foods, never closed by one), the person's own
# food marked, and the plain household measure of each.
$ mgtrack init --age 35 --sex female
# The rest of each day's food, logged so that each day is a whole day:
# energy without magnesium (a day under 500 kcal does not count).
$ mgtrack food add --name "Rest of the day" --mg 0 --kcal 900 --measure "day=200"
$ mgtrack eat --date 2026-11-22 900000001 1 day
$ mgtrack eat --date 2026-11-23 900000001 1 day
$ mgtrack eat --date 2026-11-24 900000001 1 day
$ mgtrack eat --date 2026-11-22 11458 1 cup
$ mgtrack eat --date 2026-11-23 11458 1 cup
$ mgtrack eat --date 2026-11-24 11458 1 cup
$ mgtrack suggest --json --limit 12
~ "gap_mg": 163\.4,
~ "food_id": 12016,
~ "name": "Pumpkin seeds, roasted",
~ "serving": "1 oz \(28 g\)",
~ "portion_mg": 155\.9,
~ "gap_share": 0\.95,
~ "rule": "st-pumpkin-seeds"
~ "serving": "1/2 cup \(86 g\)",
~ "disclaimer": "Not medical advice
@ python3 -c 'import json; s=json.load(open(".out"))["suggestions"]; assert len(s)==12; assert all(x["portion"]==x["serving"] and x["portion_g"]==x["serving_g"] for x in s); assert [x["logged"] for x in s if x["food_id"]==11458]==[True]; assert len({x["kind"] for x in s})>=10, s'
$ mgtrack suggest --limit 5
~ ^Foods to close a gap of 163 mg/day
~ ^  1   12016  Pumpkin seeds, roasted +1 oz \(28 g\) +156 +96 +95 %$
~ Spinach, cooked +1/2 cup \(90 g\) .*\(you eat it\)$
~ ^Each portion is one usual serving
~ ^Not medical advice
$ mgtrack suggest --by kcal --json --limit 3
~ "by": "kcal"
~ "name": "Swiss chard, cooked"
$ mgtrack suggest --by taste
? 64
