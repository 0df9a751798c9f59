$ mgtrack init --age 35 --sex female
$ mgtrack eat 12016 1 oz
> logged 1 oz (28 g) of Seeds, pumpkin and squash seed kernels, roasted, without salt on 2026-11-24: 155.9 mg magnesium [entry 1]
$ mgtrack eat 11458 1 cup
~ 156\.6 mg magnesium \[entry 2\]
$ mgtrack eat 12061 1 oz
~ of Nuts, almonds on 2026-11-24: 76\.0 mg
$ mgtrack eat --date 2026-11-23 11458 180 g
~ 156\.6 mg
# Seeds, spinach and almonds are about 360 kcal: not yet a whole day.
$ mgtrack intake --date 2026-11-24 --json
~ "days_logged": 0,
~ "days_low_energy": 1,
~ "food_known": false,
# The rest of each day's food, logged so that each day is a whole day:
# energy without magnesium (a day under 500 kcal does not count).
$ mgtrack food add --name "Rest of the day" --mg 0 --kcal 900 --measure "day=200"
$ mgtrack eat --date 2026-11-24 900000001 1 day
$ mgtrack eat --date 2026-11-23 900000001 1 day
$ mgtrack intake --date 2026-11-24 --json
~ "food_mg": 388\.5,
~ "supplement_mg": 0,
~ "total_mg": 388\.5,
~ "target_mg": 320,
~ "gap_mg": -68\.5,
~ "days_logged": 1,
~ "food_known": true,
$ mgtrack intake --json
~ "days": 7,
~ "days_logged": 2,
~ "food_known": false,
~ "food_mg": 272\.6,
~ "food_id": 11458,
$ mgtrack intake
~ unknown: too few days logged
~ Log food on at least 3 days
