# Published figures (NIH ODS Table 2, USDA): roasted pumpkin seeds about
# 156 mg per ounce, boiled spinach about 157 mg per cup.
$ mgtrack food show 12016
~ ^Seeds, pumpkin and squash seed kernels, roasted, without salt$
~ ^  Magnesium +550\.00 mg$
~ ^  1 oz +28\.4 g +155\.9 mg magnesium$
$ mgtrack food show 11458 --json
~ "magnesium_mg": 87,
~ "grams": 180,
~ "mg": 156\.6
$ mgtrack food show 99999999
? 66
e= mgtrack: no food "99999999"; find ids with 'mgtrack food search'
$ mgtrack food show abc
? 65
