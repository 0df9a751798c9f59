# FoodData Central CSV downloads: ids are fdc_id, nutrients by nutrient_nbr
# (energy in kcal, not kJ), portions become measures; SR24 foods are kept.
$ mgtrack --foods-db "$T/f.db" food import --fdc "$FIXTURES/fdc"
~ ^imported 6 foods from FoodData Central into .*/f\.db in
$ mgtrack --foods-db "$T/f.db" food show 170567 --json
~ "mg_per_100g": 270,
~ "kcal_per_100g": 579,
~ "name": "cup whole",
~ "name": "oz",
$ mgtrack --foods-db "$T/f.db" food show 168462
~ ^  1 cup +180\.0 g +156\.6 mg magnesium$
$ mgtrack --foods-db "$T/f.db" food import --sr24 "$SR24_JAR"
~ kept 6 foods from other sources
$ mgtrack --foods-db "$T/f.db" food show 170567
~ Magnesium +270\.00 mg
$ mgtrack --foods-db "$T/f.db" food import --fdc "$FIXTURES/fdc-bad"
? 65
e= mgtrack: import failed, food database unchanged: food.csv row 3: fdc_id "16846x" is not a number
$ mgtrack --foods-db "$T/f.db" food import --fdc "$T/nothing"
? 66
$ mgtrack --foods-db "$T/f.db" food search trail mix --json
~ "id": 2000001,
~ SWEET & SALTY
