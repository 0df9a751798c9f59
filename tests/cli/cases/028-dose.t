# Doses: logged now or back-filled, counted in intake as supplement_mg,
# warned above the upper limit, listed and deleted.
$ mgtrack init --age 34 --sex female
$ mgtrack product add --name "Calm Caps" --form glycinate --elemental-mg 200 --per-serving-units 2
$ mgtrack dose --at "2026-11-23 21:30" "Calm Caps"
~ 2026-11-23 21:30 +Calm Caps +1 serving +200\.0 mg
$ mgtrack dose --at "2026-11-24 08:00" 1 0.5 --json
~ "elemental_mg": 100,
~ "day_supplement_mg": 100$
$ mgtrack intake --days 2 --json
~ "supplement_mg": 150,
# Above the upper limit: recorded, and warned on stderr.
$ mgtrack dose --at "2026-11-24 12:00" "Calm Caps" 1.5
e~ warning: supplements on this day add up to 400 mg, above the upper limit of 350 mg \[ul-us-9y\]
$ mgtrack dose --list --days 2 --json
@ test "$(grep -c '"id"' .out)" = 3
# Bad input writes nothing.
$ mgtrack dose --at "2026-11-24 25:00" "Calm Caps"
? 65
e= mgtrack: --at "2026-11-24 25:00" is not a date and time (YYYY-MM-DD HH:MM)
$ mgtrack dose --at "2026-12-01 08:00" "Calm Caps"
? 65
e= mgtrack: --at "2026-12-01 08:00" is in the future
$ mgtrack dose "No Such"
? 66
e~ no product "No Such"
$ mgtrack dose "Calm Caps" 0
? 65
e= mgtrack: servings "0" must be a number from 0.25 to 20
$ mgtrack dose "Calm Caps" lots
? 65
$ mgtrack dose --list --days 2 --json
@ test "$(grep -c '"id"' .out)" = 3
$ mgtrack dose --delete 3
> deleted dose 3
$ mgtrack dose --delete 3
? 66
e= mgtrack: no dose "3"
$ mgtrack dose --list --date 2026-11-24
@ test "$(wc -l < .out)" = 1
