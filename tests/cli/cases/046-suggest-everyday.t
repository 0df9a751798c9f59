# A dietitian's check on the real SR24 database: for a gap of 200 mg the
# first suggestions are almonds, pumpkin seeds, black beans and spinach
# among other everyday foods of as many kinds, and no suggestion at any
# rank is one a dietitian would never give (caviar, conch, meat extender,
# mothbeans, natto, herbs, wild plants, sea vegetables, concentrates,
# branded bars and cereals), by serving or by energy.
$ mgtrack init --age 35 --sex female
# The rest of each day is energy without magnesium, so each day counts as a
# whole day (a day under 500 kcal does not).
$ mgtrack food add --name "Rest of the day" --mg 0 --kcal 900 --measure "day=200"
$ for d in 22 23 24; do mgtrack eat --date 2026-11-$d 12016 21.8181818 g >/dev/null && mgtrack eat --date 2026-11-$d 900000001 1 day >/dev/null || exit 1; done
$ mgtrack suggest --limit 12
~ ^Foods to close a gap of 200 mg/day
~ Almonds, dry roasted +1 oz \(28 g\)
~ ^  1 +12016  Pumpkin seeds, roasted
~ ^ +you eat it most days \(3 of 3 days with food, usually 22 g\): 1 oz \(28 g\) instead gives \+36 mg$
~ Black beans, cooked +1/2 cup \(86 g\)
~ Spinach, cooked +1/2 cup \(90 g\)
~ Dark chocolate, 70-85 % +1 oz \(28 g\)
!~ NLEA
$ mgtrack suggest --limit 100
!~ [Cc]aviar|[Cc]onch|[Mm]eat extender|[Mm]othbean|[Nn]atto|[Ee]pazote|[Ss]kunk cabbage|[Kk]elp|[Ss]eaweed|[Cc]oncentrate|SNICKERS|Snickers|LUNA|Luna|KRETSCHMER|Kretschmer|ALL-BRAN|All-Bran|[Bb]razilnut
!~ NLEA|0\.25 cup
$ mgtrack suggest --by kcal --limit 100
# By energy too, the person's own food comes first, then the richest per 100 kcal.
~ ^  1 .*Pumpkin seeds, roasted
~ ^  2 .*Swiss chard, cooked
!~ [Cc]aviar|[Cc]onch|[Mm]eat extender|[Mm]othbean|[Nn]atto|[Ee]pazote|[Ss]kunk cabbage|[Kk]elp|[Ss]eaweed|[Cc]oncentrate|SNICKERS|Snickers|LUNA|Luna|KRETSCHMER|Kretschmer|ALL-BRAN|All-Bran|[Bb]razilnut
$ mgtrack suggest --json --limit 100
@ python3 -c 'import json; s=json.load(open(".out"))["suggestions"]; assert len(s)==100; assert all(x["portion_g"]==x["serving_g"] and x["portion_mg"]<200 for x in s), s; assert len({x["kind"] for x in s[:10]})>=7; assert all(x["staple"] for x in s[:40])'
# The plan's food lines come from the same list: 2-3 foods a day, the food
# the person eats (pumpkin seeds) first as a bigger portion that counts
# only for the step up from their usual 22 g, at least 7 different foods a
# week, and the day's food total is what the lines add.
$ mgtrack plan --json
@ python3 -c 'import json; d=json.load(open(".out"))["days"]; f=[[x["name"] for x in day["foods"]] for day in d]; assert all(2 <= len(x) <= 3 for x in f), f; assert all(x[0]=="Pumpkin seeds, roasted" and day["foods"][0]["yours"] for x, day in zip(f, d)), f; assert len({n for x in f for n in x}) >= 7, f; assert all(day["foods"][0]["usual_g"] == 22 and day["foods"][0]["adds_mg"] == 36 for day in d), d; assert all(abs(day["foods_mg"] - sum(x["adds_mg"] for x in day["foods"])) <= 1 for day in d), d'
