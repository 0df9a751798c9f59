# Help lives next to the code: the overview, per-command help, and errors.
$ mgtrack --help
~ ^usage: mgtrack
~ ^  targets +daily magnesium target
~ ^  food +the food database
$ mgtrack help eat
~ ^usage: mgtrack eat \[--date YYYY-MM-DD\] FOOD_ID AMOUNT
$ mgtrack targets --help
~ ^usage: mgtrack targets \[--json\]
~ --db PATH
$ mgtrack food search --help
~ mgtrack food search TEXT
$ mgtrack nosuch
? 64
e= mgtrack: unknown command "nosuch"; see 'mgtrack help'
$ mgtrack
? 64
e~ ^usage: mgtrack
$ mgtrack targets --bogus
? 64
e= mgtrack: unknown option "--bogus"; see 'mgtrack targets --help'
