# EFSA adequate intake and the SCF supplemental UL of 250 mg.
$ mgtrack init --age 40 --sex male --region eu
$ mgtrack targets --json
~ "rda_mg": 350,
~ "rda_kind": "AI",
~ "supplement_ul_mg": 250,
~ "id": "ai-eu-18y-m"
$ mgtrack --profile kid init --age 2 --sex female --region eu
$ mgtrack --profile kid targets --json
~ "rda_mg": 170,
~ "supplement_ul_mg": null,
$ mgtrack --profile kid targets
~ none set: no supplements
