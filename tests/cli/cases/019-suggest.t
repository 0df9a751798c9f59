# Suggestions: the person's own foods first, then everyday foods, one
# usual serving each (the gap is shared out over several foods, never
# closed by one), and the plain household measure of each. Spinach, eaten
# every day in a full serving, is in the food average already: neither it
# nor another spinach is offered again. Black beans, eaten once, come first.
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
$ mgtrack eat --date 2026-11-22 16015 0.5 cup
$ mgtrack suggest --json --limit 12
~ "gap_mg": 143\.3,
~ "food_id": 12016,
~ "name": "Pumpkin seeds, roasted",
~ "serving": "1 oz \(28 g\)",
~ "portion_mg": 155\.9,
~ "gap_share": 1\.09,
~ "rule": "st-pumpkin-seeds"
~ "serving": "1/2 cup \(86 g\)",
~ "disclaimer": "Not medical advice
@ python3 -c 'import json; s=json.load(open(".out"))["suggestions"]; assert len(s)==12; assert all(x["portion"]==x["serving"] and x["portion_g"]==x["serving_g"] for x in s); assert not [x for x in s if "pinach" in x["name"]]; assert s[0]["food_id"]==16015 and s[0]["logged"] and not s[0]["regular"] and s[0]["adds_mg"]==s[0]["portion_mg"]; assert len({x["kind"] for x in s})>=10, s'
$ mgtrack suggest --limit 5
~ ^Foods to close a gap of 143 mg/day
~ ^  1   16015  Black beans, cooked +1/2 cup \(86 g\) +60 +53 +42 %$
~ ^ +you have eaten it$
~ ^  2   12016  Pumpkin seeds, roasted +1 oz \(28 g\) +156 +96 +109 %$
!~ Spinach
~ ^Each portion is one usual serving
~ ^Not medical advice
$ mgtrack suggest --by kcal --json --limit 3
~ "by": "kcal"
~ "name": "Swiss chard, cooked"
$ mgtrack suggest --by taste
? 64
