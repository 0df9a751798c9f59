# Suggestions close the gap: the portion of the first food gives the gap.
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
$ mgtrack suggest --json --limit 5
~ "gap_mg": 163\.4,
~ "portion_mg": 163\.4,
~ "gap_share": 1,
~ "rule": "grp-
~ "disclaimer": "Not medical advice
$ mgtrack suggest --limit 5
~ ^Foods to close a gap of 163 mg/day
~ ^  1  
~ ^Not medical advice
$ mgtrack suggest --by kcal --json --limit 3
~ "by": "kcal"
$ mgtrack suggest --by taste
? 64
