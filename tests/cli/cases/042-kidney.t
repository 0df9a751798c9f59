# Kidney function (issue 11): --egfr N|unknown on init and profile set, shown
# in profile show, and used by the plan: at 65 and over or with a diuretic,
# digoxin or lithium an unknown eGFR is a caution that asks for it; below 30
# the plan stops; 30-59 is a caution. A bad value is one line, exit 65.
$ mgtrack init --age 70 --sex female --goal sleep --med furosemide@08:00
$ mgtrack plan
~ ^Plan for "default": status caution
~ at 70, with furosemide: kidney function should be known before magnesium, and mgtrack does not know yours: ask your doctor for your eGFR
~ mgtrack profile set --egfr N .*\[safety-kidney-unknown\]
$ mgtrack profile show --json
~ "egfr": null
$ mgtrack profile set --egfr 25
~ ^kidney +eGFR 25 mL/min/1.73 m2$
$ mgtrack profile show --json
~ "egfr": 25,
$ mgtrack plan
~ ^Plan for "default": status clinician
~ eGFR 25, below 30: magnesium supplements are contraindicated .*\[safety-egfr-below-30\]
~ No supplement schedule
!~ safety-kidney-unknown
$ mgtrack profile set --egfr unknown
~ ^kidney +eGFR unknown
$ mgtrack profile show --json
~ "egfr": "unknown"
$ mgtrack plan --json
~ "status": "caution"
~ "rule": "safety-kidney-unknown"
$ mgtrack profile set --egfr abc
? 65
e= mgtrack: --egfr "abc" must be a number from 1 to 200 (mL/min/1.73 m2) or unknown
$ mgtrack profile set --egfr 0
? 65
e= mgtrack: --egfr "0" must be a number from 1 to 200 (mL/min/1.73 m2) or unknown
$ mgtrack profile set --egfr '<15'
? 65
e= mgtrack: --egfr "<15" must be a number from 1 to 200 (mL/min/1.73 m2) or unknown
$ mgtrack profile set --egfr
? 64
e~ "--egfr" needs a value
# A refused value changed nothing.
$ mgtrack profile show --json
~ "egfr": "unknown"
$ mgtrack profile set --egfr 45
~ eGFR 45 mL
$ mgtrack plan
~ status caution
~ eGFR 45, below 60 \(at 70, with furosemide\): moderately reduced kidney function .*\[safety-egfr-30-59\]
# A lab's ">90" is at least 90: no kidney rule applies.
$ mgtrack profile set --egfr '>90'
~ ^kidney +eGFR 90 mL
$ mgtrack plan --explain
~ status ok
~ eGFR 90, 60 or above: no kidney rule limits magnesium .*\[plan-kidney-known\]
!~ safety-kidney-unknown
# --no-egfr forgets a value typed by mistake: back to never asked.
$ mgtrack profile set --no-egfr
!~ ^kidney
$ mgtrack profile show --json
~ "egfr": null
$ mgtrack profile set --condition egfr-below-30 --egfr 45
? 64
e= mgtrack: --egfr "45" contradicts --condition "egfr-below-30"
$ mgtrack profile show --json
!~ egfr-below-30
# init takes it too; under 65 with no such medicine an unknown eGFR asks nothing.
$ mgtrack --profile young init --age 40 --sex male --egfr unknown --med lithium@20:00
$ mgtrack --profile young plan
~ status caution
~ with lithium: kidney function should be known
$ mgtrack --profile young profile set --no-med lithium
$ mgtrack --profile young plan
~ status ok
!~ safety-kidney-unknown
$ mgtrack init --help
~ --egfr N\|unknown
~ --no-egfr
