# Two processes opening a new journal at the same moment (the phone's web
# app and a terminal): both see the same fresh journal, neither fails with
# "table already exists" or "not a usable database" (issue 15).
$ for i in $(seq 1 40); do rm -f r.db r.db-wal r.db-shm; MGTRACK_DB=r.db mgtrack profile show 2>>err1 & MGTRACK_DB=r.db mgtrack profile show 2>>err2 & wait; done; grep -hv 'no profile "default"' err1 err2 | sort | uniq -c
!~ .
@ [ "$(cat err1 err2 | wc -l)" = 80 ]
@ [ "$(sqlite3 r.db 'PRAGMA user_version')" = "$(sqlite3 "$MGTRACK_DB" 'PRAGMA user_version' 2>/dev/null || echo 0)" ] || [ "$(sqlite3 r.db 'PRAGMA integrity_check')" = ok ]
