# Age from --born on 2026-11-24: born 1995-11-25 is 30 (19-30 band, 310),
# born 1995-11-24 turned 31 today (31-50 band, 320): the pitfall of lumping
# 19-50 together.
$ mgtrack --profile a init --born 1995-11-25 --sex female
$ mgtrack --profile a targets --json
~ "rda_mg": 310,
$ mgtrack --profile b init --born 1995-11-24 --sex female
$ mgtrack --profile b targets --json
~ "rda_mg": 320,
# Born before 1970 (a negative day number): 60 years old, 51+ band.
$ mgtrack --profile c init --born 1966-05-01 --sex male
$ mgtrack --profile c targets --json
~ "rda_mg": 420,
~ aged 60 years
$ mgtrack --profile c profile show --json
~ "born": "1966-05-01",
