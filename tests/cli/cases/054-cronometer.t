# A Cronometer food diary (issue 12 "Bring your food log"): servings.csv
# into the food log with each entry's own magnesium, dailysummary.csv as
# dietary magnesium that counts as food when the profile says so; one
# transaction, re-import changing nothing; rows without magnesium left
# out, never counted as 0. The real exports are read from
# ../shared/realdata/cronometer/ and the case says so when they are absent.
$ mgtrack init --age 40 --sex male
$ printf 'Day,Time,Group,Food Name,Amount,Energy (kcal),Magnesium (mg)\n2026-11-20,08:00,Breakfast,"Oats, rolled","40.00 g",150.00,55.20\n2026-11-20,10:00,Snacks,"Almonds","28.00 g",164.00,76.00\n2026-11-20,10:30,Snacks,"Almonds","28.00 g",164.00,76.00\n2026-11-20,12:00,Lunch,"Soup","1.00 serving",120.00,\n2026-11-20,13:00,Drinks,"Tea","0.00 g",0.00,0.00\n' > servings.csv
$ mgtrack import cronometer servings.csv --json
~ "kind": "servings",
~ "written": 3,
~ "no_magnesium": 1,
~ "empty": 1
$ mgtrack import cronometer servings.csv
~ 0 food-log entries written, 3 unchanged
@ [ "$(sqlite3 "$MGTRACK_DB" "SELECT count(*) || ' ' || round(sum(magnesium_mg), 1) FROM food_log")" = "3 207.2" ]
# A bad date fails the file, and nothing of it is written.
$ printf 'Day,Food Name,Amount,Magnesium (mg)\n2026-11-21,"Kale","50.00 g",20.00\n2026-13-01,"Kale","50.00 g",20.00\n' > bad.csv
$ mgtrack import cronometer bad.csv
? 65
e~ bad.csv row 3: date "2026-13-01" is not a date
@ [ "$(sqlite3 "$MGTRACK_DB" "SELECT count(*) FROM food_log WHERE date = '2026-11-21'")" = 0 ]
$ printf 'When,What\n2026-11-21,x\n' > other.csv
$ mgtrack import cronometer other.csv
? 65
e~ neither a Cronometer servings export
# The real exports.
$ d="$ROOT/../shared/realdata/cronometer"; if [ ! -d "$d" ]; then echo "skipped: $d is absent"; exit 0; fi; mgtrack import cronometer "$d/davidgma_servings.csv" && mgtrack import cronometer "$d/davidgma_servings.csv" && mgtrack import cronometer "$d/maximumpeaches_dailysummary.csv"
~ ^(skipped|davidgma_servings.csv: 116 rows; 100 food-log entries written, 0 unchanged)
~ ^(skipped|davidgma_servings.csv: 116 rows; 0 food-log entries written, 100 unchanged)
~ ^(skipped|maximumpeaches_dailysummary.csv: 294 rows; 264 days of dietary magnesium written)
$ d="$ROOT/../shared/realdata/cronometer"; if [ ! -d "$d" ]; then echo "skipped"; exit 0; fi; mgtrack profile set --food-source cronometer >/dev/null && MGTRACK_TODAY=2024-06-30 mgtrack intake --days 30 --json
~ ("food_source": "cronometer"|skipped)
