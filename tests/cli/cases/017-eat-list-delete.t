$ mgtrack init --age 35 --sex female
$ mgtrack eat --date 2026-11-20 12016 1 oz
$ mgtrack eat --date 2026-11-24 11458 1 cup
$ mgtrack eat --list --days 7
~ ^ +1  2026-11-20 +155\.9
~ ^ +2  2026-11-24 +156\.6
~ ^2 entries, 313 mg magnesium$
$ mgtrack eat --list --date 2026-11-20 --json
~ "food_id": 12016,
!~ 11458
$ mgtrack eat --delete 1
> deleted food log entry 1
$ mgtrack eat --delete 1
? 66
e= mgtrack: no food log entry "1"
$ mgtrack eat --list --days 7 --json
!~ "food_id": 12016
