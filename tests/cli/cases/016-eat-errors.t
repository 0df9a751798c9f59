# Unknown or ambiguous measures list the food's measures; nothing is written.
$ mgtrack init --age 35 --sex female
$ mgtrack eat 12016 1 spoon
? 65
e~ ^mgtrack: unknown measure "spoon" for food 12016; its measures: "cup" \(118 g\), "oz" \(28.35 g\), g, oz, lb, kg$
$ mgtrack eat 12061 1 cup
? 65
e~ measure "cup" is ambiguous for food 12061; its measures: "cup, ground"
$ mgtrack eat 12061 1 cup, whole
~ 383\.2 mg
$ mgtrack eat 12016 -1 oz
? 64
$ mgtrack eat 12016 0 oz
? 65
e= mgtrack: amount "0" is not a positive number
$ mgtrack eat 12016 abc
? 65
$ mgtrack eat 12016 20 kg
? 65
e~ more than 5000 g of one food
$ mgtrack eat 424242 1 g
? 66
$ mgtrack eat --date 2026-13-01 12016 1 oz
? 65
e= mgtrack: --date "2026-13-01" is not a date (YYYY-MM-DD)
$ mgtrack eat --list --json
~ "measure": "cup, whole"
@ test "$(grep -c '"id"' .out)" = 1
