# When food already covers the target, there is no gap to close.
$ mgtrack init --age 35 --sex female
# The rest of each day's food, logged so that each day is a whole day:
# energy without magnesium (a day under 500 kcal does not count).
$ mgtrack food add --name "Rest of the day" --mg 0 --kcal 900 --measure "day=200"
$ mgtrack eat --date 2026-11-22 900000001 1 day
$ mgtrack eat --date 2026-11-23 900000001 1 day
$ mgtrack eat --date 2026-11-24 900000001 1 day
$ mgtrack eat --date 2026-11-22 12016 3 oz
$ mgtrack eat --date 2026-11-23 12016 3 oz
$ mgtrack eat --date 2026-11-24 12016 3 oz
$ mgtrack suggest --limit 3
~ already meets the target of 320 mg/day: no gap to close
$ mgtrack intake
~ the target is met
