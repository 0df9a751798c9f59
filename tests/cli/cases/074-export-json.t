# export --json (issue 14): everything one profile logged, in the
# documented schema (docs/export.schema.json, checked with jsonschema);
# products and custom foods always; a blinded trial stays sealed; import
# backup into an empty journal gives the same bytes on the next export.
$ MGTRACK_TODAY=2026-11-01 mgtrack init --age 34 --sex female --goal sleep --bed 23:00 --med "levothyroxine@07:00"
$ MGTRACK_TODAY=2026-11-01 mgtrack product add --name "Calm Caps" --form glycinate --elemental-mg 100
$ MGTRACK_TODAY=2026-11-01 mgtrack course start
$ mgtrack food add --name "Grandma's stew" --mg unknown --kcal 120 --measure "bowl=300"
$ mgtrack food add --name "Seed bread" --mg 80 --kcal 250 --measure "slice=40"
$ mgtrack eat --date 2026-11-20 900000002 2 slice
$ mgtrack eat --date 2026-11-20 900000001 1 bowl
$ mgtrack eat --date 2026-11-21 12016 1 oz
$ for d in 02 03 04 05 06; do MGTRACK_TODAY=2026-11-$d mgtrack dose >/dev/null || exit 1; done
$ mgtrack night --date 2026-11-20 --bed 23:10 --sol 25 --wake 06:40 --quality 4 --note "Спал хорошо 😴, \"quoted\", <b>tag</b>"
$ mgtrack trial design --outcome quality --blocks 3 --period-days 7 --baseline-days 0 --control placebo --blind --seed 4242 --start 2026-11-25
$ mgtrack --profile kid init --age 9 --sex male
$ mgtrack --profile kid night --date 2026-11-22 --quality 5
$ mgtrack export --json e1.json
e~ ^exported 1 profile to "e1\.json" \([0-9]+ bytes\); read it back with 'mgtrack import backup'$
@ [ "$(stat -c %a e1.json)" = 600 ]
@ python3 "$ROOT/tests/tools/check-schema.py" "$ROOT/docs/export.schema.json" e1.json
@ python3 -c 'import json; d = json.load(open("e1.json")); assert d["format"] == "mgtrack-export" and d["version"] == 1, d; assert [p["name"] for p in d["profiles"]] == ["default"], d["profiles"]; p = d["profiles"][0]; assert [m["name"] for m in p["medicines"]] == ["levothyroxine"] and p["goals"] == ["sleep"], p; assert [f["name"] for f in d["custom_foods"]] == ["Grandma'"'"'s stew", "Seed bread"], d["custom_foods"]; assert d["custom_foods"][0]["magnesium_known"] == 0 and d["custom_foods"][1]["measures"][0]["name"] == "slice"; fl = p["food_log"]; assert [f.get("custom_food") for f in fl] == [2, 1, None] and fl[2]["food_id"] == 12016, fl; assert fl[1]["magnesium_known"] == 0, fl[1]; assert len(p["doses"]) == 5 and all(x["product"] == "Calm Caps" for x in p["doses"]), p["doses"]; n = p["nights"][0]; assert n["date"] == "2026-11-20" and n["quality"] == "4" and n["note"].startswith("Спал хорошо 😴"), n; v = p["courses"][0]["versions"]; assert v[0]["event"] == "start" and v[0]["product"] == "Calm Caps" and v[0]["intakes"], v; t = p["trials"][0]; assert "sealed" in t and "seed" not in t and "block_order" not in t and t["blind"] == 1, t'
# The sealed allocation, seed and hash are not in the file in the clear.
@ python3 -c 'import json, sqlite3; t = json.load(open("e1.json"))["profiles"][0]["trials"][0]; seed, order, h = sqlite3.connect("journal.db").execute("SELECT seed, block_order, hash FROM trial").fetchone(); assert seed == 4242 and not {seed, order, h} & set(t.values()), t'
$ mgtrack export --json - --all-profiles
@ python3 -c 'import json; d=json.load(open(".out")); assert [p["name"] for p in d["profiles"]] == ["default", "kid"], d'
$ mgtrack --db "$T/b.db" import backup e1.json
> imported "e1.json": 1 product, 2 custom foods, 1 profile, 3 food log entries, 5 doses, 1 night, 1 course, 1 plan version, 1 trial
$ mgtrack --db "$T/b.db" export --json e2.json
@ cmp e1.json e2.json
# The restored journal plans and reports as the first did.
$ mgtrack --db "$T/b.db" course show
@ "$MGTRACK_BIN" course show > a.txt && cmp a.txt .out
$ mgtrack --db "$T/b.db" trial status
@ "$MGTRACK_BIN" trial status > a.txt && cmp a.txt .out
# Bad calls.
$ mgtrack export
? 64
e~ say what to write: --json FILE \(or - for standard output\)
$ mgtrack export --json
? 64
$ mgtrack export --json x.json extra
? 64
e~ unexpected argument "extra"
$ mgtrack --profile nobody export --json x.json
? 66
e= mgtrack: no profile "nobody" in the journal
@ [ ! -e x.json ]
$ mgtrack export --json no/such/dir/x.json
? 74
e~ cannot write "no/such/dir/x\.json"
$ mgtrack --db "$T/none.db" export --json x.json
? 66
e~ no journal at
