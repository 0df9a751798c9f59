# Pre-eclampsia and high blood pressure in pregnancy need the obstetric team,
# even with a clinician-guided plan; both are listed wherever conditions are.
# The zinc note and a regularity goal with a sensitive gut say what the
# evidence says; the form's evidence is in --explain.
$ mgtrack init --age 31 --sex female --pregnant --clinician-guided --condition pre-eclampsia
$ mgtrack plan
~ status clinician
~ magnesium sulfate is given in hospital, under monitoring, to prevent seizures.*\[cond-pre-eclampsia\]
$ mgtrack profile set --no-condition pre-eclampsia --condition hypertension-in-pregnancy
~ ^conditions +hypertension-in-pregnancy$
$ mgtrack plan
~ status clinician
~ \[cond-hypertension-in-pregnancy\]
$ mgtrack --profile m init --age 40 --sex male --condition pre-eclampsia
? 64
e= mgtrack: --condition "pre-eclampsia" contradicts --sex "male"
$ mgtrack profile set --condition preeclampsia
? 64
e~ known: .*pre-eclampsia, hypertension-in-pregnancy
$ mgtrack init --help
~ pre-eclampsia
~ hypertension-in-pregnancy
@ grep -q 'pre\\-eclampsia' "$ROOT/docs/mgtrack.1" && grep -q 'hypertension\\-in\\-pregnancy' "$ROOT/docs/mgtrack.1"
$ mgtrack --profile g init --age 41 --sex female --goal regularity --gi-sensitive --zinc-mg 50
$ mgtrack --profile g plan
~ status ok
~ glycinate will not help constipation: it is not a laxative.*\[plan-regularity-gentle\]
~ zinc 50 mg a day is above 40 mg, the adult upper limit for zinc: that limit is set to protect copper status \(IOM 2001\), not for magnesium
~ 142 mg of zinc a day lowered magnesium absorption and balance \(Spencer 1994\)
$ mgtrack --profile g plan --explain
~ glycinate, evidence: glycinate is not a laxative and will not help constipation
~ glycinate: evidence for gentle: no trial compares forms
$ mgtrack --profile g profile set --goal focus --no-gi-sensitive --zinc-mg 0
$ mgtrack --profile g plan --explain
~ threonate, evidence: mostly animal studies.*funded by a company that sells it
!~ plan-regularity-gentle
!~ plan-zinc
