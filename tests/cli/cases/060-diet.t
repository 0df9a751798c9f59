# The person's diet, allergies and medicines in every food idea: --diet and
# --avoid are stored and shown, bad values name the flag, a vegan with a nut
# allergy is offered no dairy, egg, fish, meat or nuts by suggest or by the
# plan's week, levothyroxine gives soy a note, an infant and a dialysis
# patient get no food push at all.
$ mgtrack init --age 30 --sex female --diet carnivore
? 64
e= mgtrack: --diet "carnivore" must be one of omnivore, pescatarian, vegetarian, vegan
$ mgtrack init --age 30 --sex female --avoid nuts,lupin
? 64
e= mgtrack: --avoid "lupin" must be one of nuts, peanuts, sesame, soy, gluten, dairy, egg, fish, shellfish
$ mgtrack init --age 30 --sex female --diet vegan --avoid dairy,nuts --avoid peanuts
$ mgtrack profile show
~ ^diet +vegan$
~ ^avoids +nuts,peanuts,dairy$
$ mgtrack profile set --no-avoid dairy
$ mgtrack profile show --json
@ python3 -c 'import json; p=json.load(open(".out")); assert p["diet"]=="vegan" and p["avoid"]==["nuts","peanuts"], p'
$ mgtrack suggest --limit 100
~ Pumpkin seeds
~ \(diet-vegan\)
!~ ^ +[0-9]+ .*([Aa]lmond|[Cc]ashew|[Ww]alnut|[Pp]eanut|[Mm]ilk, |[Yy]ogurt|[Cc]heese|[Ee]gg\b|[Ss]almon|[Hh]alibut|[Tt]una|[Bb]eef|[Cc]hicken|[Pp]ork)
$ mgtrack suggest --json --limit 100
@ python3 -c 'import json; s=json.load(open(".out")); assert len(s["suggestions"])>=50; assert [r["rule"] for r in s["food_rules"]]==["diet-vegan","avoid-nuts","avoid-peanuts"], s["food_rules"]'
$ mgtrack plan --json
@ python3 -c 'import json,re; p=json.load(open(".out")); t=json.dumps([d.get("foods") for d in p["days"]]); assert "Pumpkin" in t or "Soy" in t, t[:300]; assert not re.search(r"[Aa]lmond|[Pp]eanut|[Yy]ogurt|[Ss]almon|[Mm]ilk, ", t), t'
# Levothyroxine: soy and walnuts stay in, with a note to keep them apart.
$ mgtrack profile set --diet omnivore --no-avoid nuts,peanuts --med "Synthroid@07:00"
$ mgtrack suggest --limit 40
~ Soymilk
~ note: 4 h from the levothyroxine tablet
# An infant and a dialysis patient: no foods at all, and why.
$ mgtrack init --profile baby --born 2026-05-20 --sex male
$ mgtrack --profile baby suggest
~ ^No foods are suggested: under 12 months: breast milk or formula only
!~ Pumpkin
$ mgtrack init --profile kd --age 60 --sex male --condition dialysis
$ mgtrack --profile kd suggest --json
@ python3 -c 'import json; s=json.load(open(".out")); assert s["suggestions"]==[] and s["no_food"]=="food-dialysis", s'
# The plan's food lines say the same: the levothyroxine note on soy, and no
# food lines on dialysis, said as a warning.
$ mgtrack plan --days 7
~ Soybeans.*\[4 h from the levothyroxine tablet
$ mgtrack plan --days 7 --json
@ python3 -c 'import json; d=json.load(open(".out")); n=[f["note"] for day in d["days"] for f in day["foods"] if "Soy" in f["name"]]; assert n and all("levothyroxine" in x for x in n), n'
$ mgtrack --profile kd plan --days 1
~ food lines: on dialysis the renal dietitian manages potassium and phosphorus
!~ ^    food 
# Food search follows the profile too: foods the diet leaves out of
# suggestions go after the others, marked with the row that says why,
# and are still shown (a search is a lookup: the person may log them).
$ mgtrack profile set --diet vegan --no-avoid nuts,soy,dairy,egg,fish,shellfish,peanuts,sesame,gluten
$ mgtrack food search butter --limit 6
~ ^ +16399 .*Peanut butter with omega-3, creamy$
!~ Butter, salted
$ mgtrack food search butter --limit 200 --json
@ python3 -c 'import json; d=json.load(open(".out")); k=[x["not_for_you"] is not None for x in d]; assert k == sorted(k) and any(k) and not all(k), k; assert all(x["not_for_you"]["rule"] == "diet-vegan" for x in d if x["not_for_you"] and x["name"].startswith("Butter")), d'
$ mgtrack food search cheddar --limit 3
~ ^ +1009 .*Cheese, cheddar
~ ^ +not for your diet or allergies \(diet-vegan\)$
