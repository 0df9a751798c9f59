$ mgtrack init --age 30 --sex female
$ mgtrack init --age 31 --sex female
? 65
e= mgtrack: profile "default" already exists; change it with 'mgtrack profile set'
$ mgtrack profile show --json
~ "age": 30,
