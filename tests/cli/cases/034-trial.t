# The n-of-1 trial: a registered design drawn from its seed, status and
# today, blinding, redesign rules, and the analysis on a generated diary.
$ mgtrack init --age 40 --sex female --goal sleep
$ mgtrack trial status
? 66
e~ no trial
$ mgtrack trial design --outcome quality --blocks 4 --period-days 7 --baseline-days 0 --seed 42 --start 2026-09-01 --json
~ "hash": "5b932afa4688fc5d",
~ "end": "2026-10-26"
$ mgtrack trial status --json
~ "blinded": false,
@ python3 -c 'import json; d=json.load(open(".out")); a=[p["arm"] for p in d["periods"]]; assert a==["magnesium","control","control","magnesium","control","magnesium","magnesium","control"], a'
$ mgtrack import diary "$FIXTURES/trial/diary.csv"
$ mgtrack trial analyze --json
~ "outcome": "quality",
~ "blocks": 4,
~ "randomization_p": 0.125,
@ python3 -c 'import json; d=json.load(open(".out")); b=d["bayes"]; assert b["cri95"][0]>0 and b["p_benefit"]>=0.8 and b["rhat"]<1.05, b; assert d["paired"]["p"]<0.05; assert d["sensitivity"]["median"]>0'
$ mgtrack trial today
~ the trial is over
# A started trial is not redesigned without --force; the old one is kept.
$ mgtrack trial design --outcome sol
? 65
e~ a trial started on 2026-09-01
# Blinded: arms hidden everywhere until unblinding after the last period.
$ mgtrack trial design --outcome quality --control placebo --blind --seed 7 --start 2026-11-20 --baseline-days 0 --force
~ SEALED ALLOCATION SHEET
~ PLACEBO
$ mgtrack trial status --json
~ "blinded": true,
~ "arm": "hidden"
!~ "arm": "magnesium"
~ "seed": null
~ "hash": null
$ mgtrack trial today
~ take the capsules labelled
$ mgtrack trial analyze
? 65
e~ blinded
$ mgtrack trial unblind
? 65
e~ the last period ends on
# Bad designs.
$ mgtrack trial design --outcome quality --period-days 3 --force
? 65
e~ --period-days "3" is out of range
$ mgtrack trial design --outcome quality --blind --force
? 64
e~ --blind needs --control placebo
$ mgtrack trial design --outcome nope
? 64
$ mgtrack trial design
? 64
