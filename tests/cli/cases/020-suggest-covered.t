# When food already covers the target, there is no gap to close.
$ mgtrack init --age 35 --sex female
$ mgtrack eat --date 2026-11-22 12016 3 oz
$ mgtrack eat --date 2026-11-23 12016 3 oz
$ mgtrack eat --date 2026-11-24 12016 3 oz
$ mgtrack suggest --limit 3
~ already meets the target of 320 mg/day: no gap to close
$ mgtrack intake
~ the target is met
