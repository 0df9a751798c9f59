# Two processes opening an OLD journal at the same moment (the web app and a
# terminal after mgtrack was upgraded): both succeed, the migrations run
# once each, the schema ends exactly as a new journal's, nothing is lost
# (issue 15 item 3, the upgrade half; 046 covers a new journal). The old
# journal is schema version 2, built from tests/fixtures/journal-v2.sql,
# with a profile, a product and a dose; 20 tries.
$ mgtrack init --age 40 --sex female
@ sqlite3 "$MGTRACK_DB" .schema > new.schema && [ "$(sqlite3 "$MGTRACK_DB" 'PRAGMA user_version')" -gt 2 ]
$ v=$(sqlite3 "$MGTRACK_DB" 'PRAGMA user_version'); for i in $(seq 1 20); do rm -f o.db o.db-wal o.db-shm; (umask 077; sqlite3 o.db < "$FIXTURES/journal-v2.sql"); MGTRACK_DB=o.db mgtrack night --date 2026-11-23 --quality 3 >/dev/null 2>>err & a=$!; MGTRACK_DB=o.db mgtrack dose --at "2026-11-23 21:00" "Old citrate" 1 >/dev/null 2>>err & b=$!; wait $a || echo "night failed at $i"; wait $b || echo "dose failed at $i"; [ "$(sqlite3 o.db 'PRAGMA user_version')" = "$v" ] || echo "version $(sqlite3 o.db 'PRAGMA user_version') at $i"; sqlite3 o.db .schema | cmp -s - new.schema || echo "schema differs at $i"; [ "$(sqlite3 o.db 'PRAGMA integrity_check')" = ok ] || echo "damaged at $i"; [ "$(sqlite3 o.db "SELECT (SELECT count(*) FROM night) || ' ' || (SELECT count(*) FROM dose) || ' ' || (SELECT group_concat(name) FROM profile)")" = "1 2 default" ] || echo "lost at $i"; done; cat err
!~ .
