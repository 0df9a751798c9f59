# Custom foods live in the journal and take part in search and the log.
$ mgtrack init --age 35 --sex female
$ mgtrack food add --name "Grandma's seed bread" --mg 120 --kcal 260 --measure "slice=45"
> added custom food 900000001 "Grandma's seed bread" (120.0 mg magnesium per 100 g)
$ mgtrack food search grandma seed
~ 900000001
$ mgtrack eat 900000001 2 slice
~ \(90 g\) of Grandma's seed bread on 2026-11-24: 108\.0 mg
$ mgtrack food show 900000001 --json
~ "source": "custom"
$ mgtrack food add --name Bad --mg 5000
? 65
e= mgtrack: --mg "5000" is not magnesium per 100 g (0 to 2000, or unknown)
$ mgtrack food add --name Bad --mg 10 --measure cup
? 65
e~ --measure "cup" is not NAME=GRAMS
$ mgtrack food add --mg 10
? 64
