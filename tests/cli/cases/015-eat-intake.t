$ mgtrack init --age 35 --sex female
$ mgtrack eat 12016 1 oz
> logged 1 oz (28 g) of Seeds, pumpkin and squash seed kernels, roasted, without salt on 2026-11-24: 155.9 mg magnesium [entry 1]
$ mgtrack eat 11458 1 cup
~ 156\.6 mg magnesium \[entry 2\]
$ mgtrack eat 12061 1 oz
~ of Nuts, almonds on 2026-11-24: 76\.0 mg
$ mgtrack eat --date 2026-11-23 11458 180 g
~ 156\.6 mg
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
