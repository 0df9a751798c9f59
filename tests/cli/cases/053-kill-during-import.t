# kill -9 in the middle of an import leaves the journal whole and the
# import all or nothing (issue 15: the reliability suite). The kill is
# certain, not timed: kill-in-tx (as in 070) waits until the import holds
# the journal's write lock, lets it write for a moment, checks it still
# holds it and kills it, and says so; an import that finished first fails
# the case instead of passing it by luck. (A sleep of one second before a
# kill -9 used to stand for that, and needed a diary big enough that no
# machine finishes it in a second.) 45,000 nights with five fields a night
# keep the import inside its transaction for far longer than the moment.
$ mgtrack init --age 40 --sex female
$ python3 -c 'import datetime; d = datetime.date(2026, 11, 24); print("date,quality,rested,mood,energy,stress"); [print((d - datetime.timedelta(days=i)).isoformat() + ",3,5,6,7,2") for i in range(45000)]' > big.csv
$ KILL_AFTER=0.1 "$ROOT/tests/cli/kill-in-tx" "$MGTRACK_DB" "$MGTRACK_BIN" import diary big.csv
> killed inside its transaction: exit 137
@ [ "$(sqlite3 "$MGTRACK_DB" 'PRAGMA integrity_check')" = ok ]
@ [ "$(sqlite3 "$MGTRACK_DB" 'SELECT count(*) FROM night')" = 0 ]
$ mgtrack import diary big.csv
~ 45000 nights written
@ [ "$(sqlite3 "$MGTRACK_DB" 'SELECT count(*) FROM night')" = 45000 ]
# A killed food import leaves PATH.new-PID behind: the next import removes
# it when that process is gone, and leaves a live one's file alone.
@ touch f.db.new-999999 f.db.new-1
$ mgtrack --foods-db "$T/f.db" food import --fdc "$FIXTURES/fdc"
@ [ ! -e f.db.new-999999 ] && [ -e f.db.new-1 ] && [ -s f.db ]
