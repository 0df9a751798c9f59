# A 35-year-old woman: US RDA 320 mg (31-50 band), supplemental UL 350 mg.
$ mgtrack init --age 35 --sex female
~ ^created profile "default" in
$ mgtrack targets --json
~ "rda_mg": 320,
~ "target_mg": 320,
~ "supplement_ul_mg": 350,
~ "basis": "US RDA for a female aged 35 years"
~ "id": "rda-us-31-50y-f"
~ "disclaimer": "Not medical advice
$ mgtrack targets
~ ^  RDA +320 mg/day +\[rda-us-31-50y-f\]
~ ^  supplement upper limit +350 mg/day +\[ul-us-9y\]
~ ^Not medical advice
