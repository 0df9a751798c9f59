# The food average counts logged days only; 3 logged days make it known.
$ mgtrack init --age 35 --sex female
# The rest of each day's food, logged so that each day is a whole day:
# energy without magnesium (a day under 500 kcal does not count).
$ mgtrack food add --name "Rest of the day" --mg 0 --kcal 900 --measure "day=200"
$ mgtrack eat --date 2026-11-22 900000001 1 day
$ mgtrack eat --date 2026-11-23 900000001 1 day
$ mgtrack eat --date 2026-11-24 900000001 1 day
$ mgtrack eat --date 2026-11-22 12016 1 oz
$ mgtrack eat --date 2026-11-23 12016 2 oz
$ mgtrack eat --date 2026-11-24 12016 3 oz
$ mgtrack eat --date 2026-11-10 12016 9 oz
$ mgtrack intake --json
~ "days_logged": 3,
~ "food_known": true,
~ "food_mg": 311\.9,
~ "gap_mg": 8\.1,
$ mgtrack intake --days 30 --json
~ "days_logged": 4,
$ mgtrack intake --date 2026-11-24 --days 3
? 64
