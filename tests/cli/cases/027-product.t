# Products as labels state them: declared or estimated elemental magnesium,
# label warnings, and bad input that writes nothing.
$ mgtrack init --age 34 --sex female --goal sleep
$ mgtrack product add --name "Calm Caps" --form glycinate --elemental-mg 200 --per-serving-units 2 --third-party --json
~ "elemental_mg_per_unit": 100,
~ "estimated": false,
$ mgtrack product add --name "Plain Citrate" --form citrate --compound-mg 500
~ 81 mg elemental magnesium \(estimated\)
$ mgtrack product check "plain citrate" --json
~ "rule": "check-no-elemental"
~ "rule": "check-citrate"
~ "supplement_ul_mg": 350
$ mgtrack product add --name Rocks --form oxide --elemental-mg 400
$ mgtrack product check Rocks
~ poorly absorbed .*\[check-oxide\]
~ more elemental magnesium than the daily upper limit .*\[check-above-ul\]
# Bad input: exit 64 or 65, one line naming the field, nothing written.
$ mgtrack product add --name X --form unobtainium --elemental-mg 100
? 64
e~ ^mgtrack: unknown --form "unobtainium" \(known: oxide, .*glycinate
$ mgtrack product add --name X --form taurate --hydrate dihydrate --elemental-mg 100
? 64
e= mgtrack: unknown --hydrate "dihydrate" for taurate (known: anhydrous)
$ mgtrack product add --name X --form glycinate --elemental-mg 0
? 65
e~ --elemental-mg "0" is out of range
$ mgtrack product add --name X --form glycinate --elemental-mg 100000
? 65
e~ --elemental-mg "100000" is out of range
$ mgtrack product add --name X --form glycinate --elemental-mg -5
? 65
e= mgtrack: --elemental-mg "-5" is not a number of mg
$ mgtrack product add --name X --form glycinate
? 65
e= mgtrack: product "X" has no way to know its elemental magnesium: give --elemental-mg (or --compound-mg)
$ mgtrack product add --name X --form dimagnesium-malate --compound-mg 1000
? 65
e~ no fixed magnesium content; give --elemental-mg
$ mgtrack product add --name "calm caps" --form glycinate --elemental-mg 100
? 65
e= mgtrack: a product named "Calm Caps" already exists
$ mgtrack product add --form glycinate --elemental-mg 100
? 64
$ mgtrack product list --json
@ test "$(grep -c '"name"' .out)" = 3
$ mgtrack product show 424242
? 66
e~ no product "424242"
