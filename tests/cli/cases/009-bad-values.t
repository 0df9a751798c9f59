# Every value is checked; the message names the flag and the value.
$ mgtrack init --age 200 --sex female
? 65
e= mgtrack: --age "200" is not a whole number from 0 to 120
$ mgtrack init --born 1990-02-30 --sex female
? 65
e= mgtrack: --born "1990-02-30" is not a date (YYYY-MM-DD)
$ mgtrack init --born 2030-01-01 --sex female
? 65
e= mgtrack: --born "2030-01-01" is in the future
$ mgtrack init --age 30 --sex female --wake 7:00
? 65
e= mgtrack: --wake "7:00" is not a time (HH:MM)
$ mgtrack init --age 30 --sex female --goal sleep,naps
? 64
e~ unknown --goal "naps" \(known: sleep
$ mgtrack init --age 30 --sex female --condition flu
? 64
e~ unknown --condition "flu"
$ mgtrack init --age 30 --sex female --training daily
? 64
$ mgtrack init --age 30 --sex female --age
? 64
e= mgtrack: option "--age" needs a value; see 'mgtrack init --help'
$ mgtrack targets
? 66
e= mgtrack: no profile "default": create it with 'mgtrack init'
