# Dates are calendar dates and never after today, for food as for nights
# (issue 15 item 6): a future day would count as logged before it happens.
$ mgtrack init --age 40 --sex female
$ mgtrack eat --date 2026-11-25 11458 1 cup
? 65
e= mgtrack: --date "2026-11-25" is in the future: log food once it is eaten
$ mgtrack eat --date 2026-02-30 11458 1 cup
? 65
e~ --date "2026-02-30" is not a date
$ mgtrack night --date 2026-11-25 --bristol 4
? 65
e= mgtrack: --date "2026-11-25" is in the future
@ [ "$(sqlite3 "$MGTRACK_DB" 'SELECT (SELECT count(*) FROM food_log) + (SELECT count(*) FROM night)')" = 0 ]
$ mgtrack eat --date 2026-11-24 11458 1 cup
~ on 2026-11-24
# An age and a date of birth in one command say the same thing twice.
$ mgtrack profile set --age 41 --born 1985-01-01
? 64
e~ give --born or --age, not both
# A product named only with digits would be read as another product's id.
$ mgtrack product add --name 1 --form citrate --elemental-mg 100
? 64
e~ --name "1" is only digits
