# Doses the product can give (issue 11): a 300 mg tablet for a 135 mg gap
# is too strong for the plan, said plainly, with the dose kept in mg and a
# refused course; marked --divisible it gives half tablets (150 mg), in the
# plan, the calendar, the course and the dose logged. A 350 mg tablet with
# food unknown is too strong even halved, and the explanation names the
# 200 mg starting at 100 that is planned.
$ mgtrack init --age 34 --sex female --goal sleep --bed 23:00
# Three whole days of 185 mg of food: a 135 mg gap (target 320). The rest
# of each day is energy without magnesium, so each day counts as logged.
$ mgtrack food add --name "Rest of the day" --mg 0 --kcal 900 --measure "day=200"
$ for d in 21 22 23; do mgtrack eat --date 2026-11-$d 12016 33.64 >/dev/null && mgtrack eat --date 2026-11-$d 900000001 1 day >/dev/null || exit 1; done
$ mgtrack product add --name "Big Tab" --form glycinate --elemental-mg 300 --third-party
~ divisible   no: whole units only
$ mgtrack plan --json --explain
~ "status": "caution",
~ "gap_mg": 135,
~ "daily_elemental_mg": 125,
~ "product": null,
~ "rule": "plan-product-too-strong"
@ python3 -c 'import json; d=json.load(open(".out")); w=[x["text"] for x in d["warnings"] if x["rule"]=="plan-product-too-strong"][0]; assert "one unit is 300 mg, more than the 202 mg a day your 135 mg gap allows" in w, w; assert "The plan keeps 125 mg a day, starting at 100 mg," in w, w; assert "units of at most 100 mg" in w and "--divisible" in w, w; t=[s["daily_elemental_mg"] for s in d["titration"]]; assert t==[100,125], t; assert all(x["elemental_mg"]>0 and "units" not in x for s in d["titration"] for x in s["doses"]), d["titration"]'
$ mgtrack plan
~ ^Plan for "default": status caution
~ product "Big Tab" is too strong for this plan
~ "Big Tab" is too strong for it \(see the warning\)
!~ (^| )0 mg
!~ dose "Big Tab" 0
$ mgtrack product check "Big Tab"
~ not used by your plan: one unit is 300 mg, more than the 202 mg a day your 135 mg gap allows .*\[plan-product-skipped\]
# The course refuses it clearly, and writes nothing.
$ mgtrack course start
? 65
e~ ^mgtrack: product "Big Tab" is too strong for the plan, so no course can start with it: one unit is 300 mg
@ [ "$(sqlite3 "$MGTRACK_DB" 'SELECT count(*) FROM course')" = 0 ]
# A scored tablet: half tablets of 150 mg, from day 1 (said: above the 100 mg start).
$ mgtrack product set "Big Tab" --divisible
~ divisible   yes: a scored tablet, so the plan may use half tablets \(150\.0 mg each\)
$ mgtrack product list
~ Big Tab .* 300 mg/serving \(divisible\)
$ mgtrack product show "Big Tab" --json
~ "divisible": true
$ mgtrack plan --json --explain
~ "status": "ok",
~ "daily_elemental_mg": 150,
~ "divisible": true
~ "rule": "plan-start-unit"
@ python3 -c 'import json; d=json.load(open(".out")); x=d["doses"]; assert [(y["elemental_mg"],y["units"]) for y in x]==[(150,0.5)], x; e=[n["text"] for n in d["explain"] if n["rule"]=="plan-product-fit"][0]; assert "150 mg a day from day 1" in e, e'
$ mgtrack plan
~ from day 1: 150 mg  21:30 150 mg \(half a tablet\)
$ mgtrack plan --ics plan.ics
@ "$ICS_CHECK" plan.ics >/dev/null
@ grep -q 'SUMMARY:Magnesium 150 mg (half a tablet of Big Tab) with food' plan.ics
$ mgtrack course start
~ 21:30  150 mg  half a tablet
@ [ "$(sqlite3 "$MGTRACK_DB" 'SELECT units FROM plan_intake')" = 0.5 ]
@ [ "$(sqlite3 "$MGTRACK_DB" 'SELECT divisible FROM plan_version')" = 1 ]
# The planned intake is half a tablet: half a serving, never 0 to type.
$ mgtrack dose --at "2026-11-24 21:35"
~ Big Tab .* 0\.5 servings   150\.0 mg  \(planned 21:30\)
# Half units are history too: the journal refuses to edit them, or store 0.
$ sqlite3 "$MGTRACK_DB" 'UPDATE plan_intake SET units = 1'
? 19
e~ plan versions are never edited
$ sqlite3 "$MGTRACK_DB" "INSERT INTO plan_intake VALUES ((SELECT id FROM plan_version), 9, '12:00', 10, 0.25, 'x')"
? 19
e~ CHECK constraint failed
# Food unknown and a 350 mg tablet (another journal): 200 mg from 100 in mg.
$ MGTRACK_DB=$T/two.db mgtrack init --age 34 --sex female --goal sleep
$ MGTRACK_DB=$T/two.db mgtrack product add --name "Strong 350" --form glycinate --elemental-mg 350 --divisible --json
~ "divisible": true
$ MGTRACK_DB=$T/two.db mgtrack plan --json --explain
~ "status": "caution",
~ "daily_elemental_mg": 200,
@ python3 -c 'import json; d=json.load(open(".out")); assert [s["daily_elemental_mg"] for s in d["titration"]]==[100,200]; w=[x["text"] for x in d["warnings"] if x["rule"]=="plan-product-too-strong"][0]; assert "half a tablet is 175 mg, more than the 150 mg one intake may hold" in w, w; assert "--divisible" not in w, w; e=[n["text"] for n in d["explain"] if n["rule"]=="plan-food-unknown"][0]; assert "200 mg a day, starting at 100 mg" in e, e'
$ MGTRACK_DB=$T/two.db mgtrack product set "Strong 350" --not-divisible
~ divisible   no
# Bad input: one line naming the flag, nothing written.
$ mgtrack product set "Big Tab" --divisible --not-divisible
? 64
e~ ^mgtrack: product set takes one of --divisible and --not-divisible
$ mgtrack product set "Big Tab"
? 64
e~ ^mgtrack: product set needs --taking\[=SERVINGS\], --not-taking, --divisible or --not-divisible
$ mgtrack product add --name X --form glycinate --elemental-mg 100 --divisible=yes
? 64
e~ ^mgtrack: unknown option "--divisible=yes"
$ mgtrack product set Nothing --divisible
? 66
e~ no product "Nothing"
@ [ "$(sqlite3 "$MGTRACK_DB" 'SELECT count(*) FROM product')" = 1 ]
