# Children: the UL is below the RDA (UL counts supplements only).
$ mgtrack --profile c init --age 6 --sex male
$ mgtrack --profile c targets --json
~ "rda_mg": 130,
~ "supplement_ul_mg": 110,
$ mgtrack --profile p init --age 16 --sex female --pregnant
$ mgtrack --profile p targets --json
~ "rda_mg": 400,
~ "basis": "US RDA for a female aged 16 years, pregnant"
$ mgtrack --profile l init --age 28 --sex female --lactating
$ mgtrack --profile l targets --json
~ "rda_mg": 310,
