# Contradictory or impossible profiles are refused and nothing is written.
$ mgtrack init --age 30 --sex male --pregnant
? 64
e= mgtrack: --pregnant contradicts --sex "male"
$ mgtrack init --age 30 --sex female --pregnant --lactating
? 64
e~ --pregnant and --lactating together
$ mgtrack init --age 30 --sex other
? 64
e~ --sex "other" must be female or male
$ mgtrack init --sex female
? 64
e~ needs --born YYYY-MM-DD or --age N
$ mgtrack profile list
!~ .
