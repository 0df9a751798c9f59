# Two processes creating a new journal at the same moment (the phone's web
# app and a terminal): both migrate it as one, neither fails with "table
# already exists" or "not a usable database", and both writes are kept
# (issue 15 item 3).
$ for i in $(seq 1 40); do rm -f r.db r.db-wal r.db-shm; MGTRACK_DB=r.db mgtrack product add --name A --form citrate --elemental-mg 100 >/dev/null 2>>err & MGTRACK_DB=r.db mgtrack product add --name B --form citrate --elemental-mg 100 >/dev/null 2>>err & wait; [ "$(sqlite3 r.db 'SELECT group_concat(name) FROM (SELECT name FROM product ORDER BY name)')" = "A,B" ] || echo "lost at $i"; done; cat err
!~ .
@ [ "$(sqlite3 r.db 'PRAGMA integrity_check')" = ok ]
# Reading never creates: a mistyped --db says so and leaves nothing behind.
$ mgtrack --db typo/j.db targets
? 66
e= mgtrack: no journal at "typo/j.db": start one with 'mgtrack init' (or check --db / MGTRACK_DB)
@ [ ! -e typo ]
# A journal readable by others is made private, and that is said.
$ mgtrack init --age 40 --sex female
@ chmod 0644 "$MGTRACK_DB"
$ mgtrack targets
e~ now private to you \(mode 0600\)
@ [ "$(stat -c %a "$MGTRACK_DB")" = 600 ]
# Files written are private too, and a symlink planted at the target is replaced, not followed.
@ ln -s "$T/victim" plan.ics
$ mgtrack plan --ics plan.ics
@ [ ! -e victim ] && [ ! -L plan.ics ] && [ "$(stat -c %a plan.ics)" = 600 ]
