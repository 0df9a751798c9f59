# Honest coverage (issue 12): a food with no magnesium value (an SR24
# food without one, or a custom food added with --mg unknown) is logged,
# counts for the day's energy, and is named by intake and plan, never
# counted as 0 mg.
$ mgtrack init --age 35 --sex female
$ mgtrack food add --name "Rest of the day" --mg 0 --kcal 900 --measure "day=200"
$ for d in 21 22 23 24; do mgtrack eat --date 2026-11-$d 12016 1 oz >/dev/null && mgtrack eat --date 2026-11-$d 900000001 1 day >/dev/null || exit 1; done
# KRAFT CHEEZ WHIZ has no magnesium value in SR24.
$ mgtrack eat --date 2026-11-23 1188 30 g
> logged 30 g (30 g) of KRAFT CHEEZ WHIZ Pasteurized Process Cheese Sauce on 2026-11-23: no magnesium value, so not counted in your intake [entry 9]
$ mgtrack food add --name "Grandma's stew" --mg unknown --kcal 120 --measure "bowl=300"
> added custom food 900000002 "Grandma's stew" (magnesium unknown: logged portions are not counted in your intake)
$ mgtrack food add --name "Nothing" --kcal 120
? 64
e~ --mg \(mg per 100 g, or unknown\)
$ mgtrack food add --name "Typo" --mg unknwon
? 65
e= mgtrack: --mg "unknwon" is not magnesium per 100 g (0 to 2000, or unknown)
$ mgtrack eat --date 2026-11-24 900000002 1 bowl
~ no magnesium value, so not counted
$ mgtrack eat --list --days 2
~ ^ +10  2026-11-24 +\?  1 bowl \(300 g\) +Grandma's stew$
~ ^6 entries, 312 mg magnesium \(\? = no magnesium value: not counted\)$
# The average is the same as without those foods: 156 mg from the seeds.
$ mgtrack intake --days 4
~ food \(per logged day\) +156 mg
~ coverage +2 of 4 foods have a magnesium value
~ without: KRAFT CHEEZ WHIZ Pasteurized Process Cheese Sauce, Grandma's stew\) \[intake-no-magnesium\]
$ mgtrack intake --days 4 --json
@ python3 -c 'import json; d=json.load(open(".out")); assert round(d["food_mg"])==156 and d["foods_logged"]==4 and d["foods_with_magnesium"]==2, d; assert [x["food_id"] for x in d["foods_without_magnesium"]]==[1188, 900000002], d'
$ mgtrack eat --list --days 1 --json
@ python3 -c 'import json; d=json.load(open(".out")); assert [x["mg"] for x in d if x["food_id"]==900000002]==[None], d'
# The plan (food from the days before today) names the one it met.
$ mgtrack plan
~ 2 of 3 foods have a magnesium value\)
~ without: KRAFT CHEEZ WHIZ Pasteurized Process Cheese Sauce\) \[intake-no-magnesium\]
# A food database built by other food rules gives no food lines, and the
# plan says why instead of showing none.
@ cp "$FOODS" old.db && sqlite3 old.db "UPDATE meta SET value = 'other' WHERE key = 'classification'"
$ mgtrack --foods-db old.db plan
~ \(no food ideas: food database ".*old.db" was built with other food rules: rebuild it with 'mgtrack food import --sr24 PATH'\)
$ mgtrack --foods-db old.db plan --json
~ "foods_unavailable": "food database
