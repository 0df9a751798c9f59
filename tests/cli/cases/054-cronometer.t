# A Cronometer food diary (issue 12 "Bring your food log"): servings.csv
# into the food log with each entry's own magnesium, dailysummary.csv as
# dietary magnesium that counts as food when the profile says so; one
# transaction, re-import changing nothing; a serving without magnesium is
# logged with no magnesium value (its energy counts, intake names it, never
# 0 mg), a daily total without it is left out. The real exports are read from
# ../shared/realdata/cronometer/ and the case says so when they are absent.
$ mgtrack init --age 40 --sex male
$ printf 'Day,Time,Group,Food Name,Amount,Energy (kcal),Magnesium (mg)\n2026-11-20,08:00,Breakfast,"Oats, rolled","40.00 g",150.00,55.20\n2026-11-20,10:00,Snacks,"Almonds","28.00 g",164.00,76.00\n2026-11-20,10:30,Snacks,"Almonds","28.00 g",164.00,76.00\n2026-11-20,12:00,Lunch,"Soup","1.00 serving",520.00,\n2026-11-20,19:00,Dinner,"Pasta, cooked","300.00 g",470.00,54.00\n2026-11-20,13:00,Drinks,"Tea","0.00 g",0.00,0.00\n' > servings.csv
$ mgtrack import cronometer servings.csv --json
~ "kind": "servings",
~ "written": 5,
~ "written_without_magnesium": 1,
~ "no_magnesium": 0,
~ "empty": 1
$ mgtrack import cronometer servings.csv
~ 0 food-log entries written, 5 unchanged
@ [ "$(sqlite3 "$MGTRACK_DB" "SELECT count(*) || ' ' || round(sum(magnesium_mg), 1) FROM food_log WHERE magnesium_known")" = "4 261.2" ]
@ [ "$(sqlite3 "$MGTRACK_DB" "SELECT food_name || ' ' || energy_kcal FROM food_log WHERE NOT magnesium_known")" = "Soup 520.0" ]
$ mgtrack intake --days 5
~ coverage +3 of 4 foods have a magnesium value
~ without: Soup\) \[intake-no-magnesium\]
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
# The real exports: 116 rows in davidgma_servings.csv, 6 of "0.00" amounts,
# 10 with an empty Magnesium cell (mutton tallow, kombucha; counted off the
# file), so 110 entries of which 10 without magnesium.
$ d="$ROOT/../shared/realdata/cronometer"; if [ ! -d "$d" ]; then echo "skipped: $d is absent"; exit 0; fi; mgtrack import cronometer "$d/davidgma_servings.csv" && mgtrack import cronometer "$d/davidgma_servings.csv" && mgtrack import cronometer "$d/maximumpeaches_dailysummary.csv"
~ ^(skipped|davidgma_servings.csv: 116 rows; 110 food-log entries written, 0 unchanged)
~ ^(skipped|  10 of the entries written have no magnesium value)
~ ^(skipped|davidgma_servings.csv: 116 rows; 0 food-log entries written, 110 unchanged)
~ ^(skipped|maximumpeaches_dailysummary.csv: 294 rows; 264 days of dietary magnesium written)
$ d="$ROOT/../shared/realdata/cronometer"; if [ ! -d "$d" ]; then echo "skipped"; exit 0; fi; mgtrack profile set --food-source cronometer >/dev/null && MGTRACK_TODAY=2024-06-30 mgtrack intake --days 30 --json
~ ("food_source": "cronometer"|skipped)
