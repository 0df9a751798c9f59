# Search puts the food a person means first.
$ mgtrack food search almonds --limit 3
~ ^ +12061 +268 .*Nuts, almonds$
@ test "$(sed -n 2p .out | awk '{print $1}')" = 12061
$ mgtrack food search black beans --limit 3
@ sed -n 2p .out | grep -q 'Beans, black, mature seeds'
$ mgtrack food search pumpkin seeds --limit 3
@ sed -n 2,4p .out | grep -q 12016
$ mgtrack food search spin --limit 5
~ Spinach
$ mgtrack food search almonds --json --limit 1
~ "id": 12061,
~ "mg_per_100g": 268,
~ "name": "oz \(23 whole kernels\)",
$ mgtrack food search '"*' AND 'NEAR(' --limit 2
? 0
$ mgtrack food search ' ,; '
? 64
e~ has no words
$ mgtrack food search zzzzqqq
> no food matches "zzzzqqq"
