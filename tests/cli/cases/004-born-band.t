# Age from --born on 2026-11-24: born 1995-11-25 is 30 (19-30 band, 310),
# born 1995-11-24 turned 31 today (31-50 band, 320): the pitfall of lumping
# 19-50 together.
$ mgtrack --profile a init --born 1995-11-25 --sex female
$ mgtrack --profile a targets --json
~ "rda_mg": 310,
$ mgtrack --profile b init --born 1995-11-24 --sex female
$ mgtrack --profile b targets --json
~ "rda_mg": 320,
