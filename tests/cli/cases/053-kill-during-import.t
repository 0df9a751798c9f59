# kill -9 in the middle of an import leaves the journal whole and the
# import all or nothing (issue 15: the reliability suite). A 45,000-night
# diary with five fields a night takes a few seconds to import; it is
# killed after one. (8,000 nights of one field were enough until issue 13
# prepared the store's statements once per import: they now take half a
# second, and the kill came too late.)
$ mgtrack init --age 40 --sex female
$ python3 -c 'import datetime; d = datetime.date(2026, 11, 24); print("date,quality,rested,mood,energy,stress"); [print((d - datetime.timedelta(days=i)).isoformat() + ",3,5,6,7,2") for i in range(45000)]' > big.csv
# (mgtrack is a shell function here: the importer is the child of $!.)
$ mgtrack import diary big.csv >/dev/null 2>&1 & pid=$!; sleep 1; child=$(pgrep -P $pid); kill -9 $child; wait $pid; echo "killed: $? $(kill -0 $child 2>/dev/null && echo alive || echo gone)"
~ ^killed: 137 gone$
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
