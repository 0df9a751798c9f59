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
