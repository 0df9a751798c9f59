# Training raises the target, never the supplemental upper limit.
$ mgtrack init --age 40 --sex male --training heavy
$ mgtrack targets --json
~ "rda_mg": 420,
~ "training_factor": 1.2,
~ "target_mg": 504,
~ "supplement_ul_mg": 350,
$ mgtrack profile set --training regular
$ mgtrack targets --json
~ "target_mg": 462,
