# The phone and the laptop logging the same morning at the same moment:
# each adds its own field, and neither loses the other's (issue 15: the
# stored night is read inside the write transaction).
$ mgtrack init --age 40 --sex male
$ for i in $(seq 1 50); do d=$(date -d "2026-11-24 -$i days" +%F); mgtrack night --date $d --bristol 4 >/dev/null 2>>err & mgtrack night --date $d --quality 3 >/dev/null 2>>err & wait; done; cat err
!~ .
@ sqlite3 "$MGTRACK_DB" "SELECT count(*), sum(bristol IS NULL), sum(quality IS NULL) FROM night" > counts; [ "$(cat counts)" = "50|0|0" ]
@ [ "$(sqlite3 "$MGTRACK_DB" 'SELECT count(*) FROM night')" = 50 ]
# The same for the profile: two `profile set` at once, each with its own
# field, 50 times (the issue asks 0 lost of at least 50).
$ for i in $(seq 1 50); do mgtrack profile set --zinc-mg $i >/dev/null 2>>perr & mgtrack profile set --wake 06:$(printf %02d $i) >/dev/null 2>>perr & wait; [ "$(sqlite3 "$MGTRACK_DB" 'SELECT zinc_mg || " " || wake FROM profile')" = "$i.0 06:$(printf %02d $i)" ] || echo "lost at $i: $(sqlite3 "$MGTRACK_DB" 'SELECT zinc_mg || " " || wake FROM profile')"; done; cat perr
!~ .
