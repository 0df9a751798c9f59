# One journal, several profiles; global options work after the command too.
$ mgtrack init --age 35 --sex female
$ mgtrack init --profile coach --age 50 --sex male
$ mgtrack targets --profile coach --json
~ "rda_mg": 420,
$ mgtrack eat 12016 1 oz --profile coach
$ mgtrack intake --date 2026-11-24 --json
~ "food_mg": 0,
$ mgtrack profile list
> coach
> default
$ mgtrack profile list --json
~ "coach"
