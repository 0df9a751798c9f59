# kill -9 inside each importer's one transaction leaves the journal whole
# and the import all or nothing (issue 15: the reliability suite, for every
# import, not only the diary as in 053). Each export is big enough to
# keep its importer writing for a good while (8,000 nights: the imports got
# fast enough that 3,000 finished inside the window); kill-in-tx waits until the
# journal's write lock is demonstrably held, lets it write, kills it, and
# says so (a machine so fast that the import finished would fail the
# case, not pass it silently). The same file imported again afterwards
# stores every night: the killed import could have written them all.
$ mgtrack init --age 40 --sex female
# Apple Health: nights, and no dietary magnesium either.
$ "$ROOT/tests/cli/bigexport" apple-health 8000 export.xml
$ KILL_AFTER=0.1 "$ROOT/tests/cli/kill-in-tx" "$MGTRACK_DB" "$MGTRACK_BIN" import apple-health export.xml
> killed inside its transaction: exit 137
@ [ "$(sqlite3 "$MGTRACK_DB" 'PRAGMA integrity_check')" = ok ]
@ [ "$(sqlite3 "$MGTRACK_DB" 'SELECT count(*) FROM night') $(sqlite3 "$MGTRACK_DB" 'SELECT count(*) FROM imported_intake')" = "0 0" ]
$ mgtrack import apple-health export.xml
~ 8000 nights written
# Oura.
$ "$ROOT/tests/cli/bigexport" oura 8000 oura.csv
$ KILL_AFTER=0.1 "$ROOT/tests/cli/kill-in-tx" "$MGTRACK_DB" "$MGTRACK_BIN" import oura oura.csv
> killed inside its transaction: exit 137
@ [ "$(sqlite3 "$MGTRACK_DB" 'PRAGMA integrity_check')" = ok ]
@ [ "$(sqlite3 "$MGTRACK_DB" "SELECT count(*) FROM night WHERE source = 'oura'")" = 0 ]
$ mgtrack import oura oura.csv
~ 8000 nights written
# Fitbit (a Takeout folder of monthly files).
$ "$ROOT/tests/cli/bigexport" fitbit 8000 fitbit
$ KILL_AFTER=0.1 "$ROOT/tests/cli/kill-in-tx" "$MGTRACK_DB" "$MGTRACK_BIN" import fitbit fitbit
> killed inside its transaction: exit 137
@ [ "$(sqlite3 "$MGTRACK_DB" 'PRAGMA integrity_check')" = ok ]
@ [ "$(sqlite3 "$MGTRACK_DB" "SELECT count(*) FROM night WHERE source = 'fitbit'")" = 0 ]
$ mgtrack import fitbit fitbit
~ 8000 nights written
# Sleep as Android.
$ "$ROOT/tests/cli/bigexport" sleep-as-android 8000 saa.csv
$ KILL_AFTER=0.1 "$ROOT/tests/cli/kill-in-tx" "$MGTRACK_DB" "$MGTRACK_BIN" import sleep-as-android saa.csv
> killed inside its transaction: exit 137
@ [ "$(sqlite3 "$MGTRACK_DB" 'PRAGMA integrity_check')" = ok ]
@ [ "$(sqlite3 "$MGTRACK_DB" "SELECT count(*) FROM night WHERE source = 'sleep-as-android'")" = 0 ]
$ mgtrack import sleep-as-android saa.csv
~ 8000 nights written
# Garmin (a DI_CONNECT folder).
$ "$ROOT/tests/cli/bigexport" garmin 8000 garmin
$ KILL_AFTER=0.1 "$ROOT/tests/cli/kill-in-tx" "$MGTRACK_DB" "$MGTRACK_BIN" import garmin garmin
> killed inside its transaction: exit 137
@ [ "$(sqlite3 "$MGTRACK_DB" 'PRAGMA integrity_check')" = ok ]
@ [ "$(sqlite3 "$MGTRACK_DB" "SELECT count(*) FROM night WHERE source = 'garmin'")" = 0 ]
$ mgtrack import garmin garmin
~ 8000 nights written
# Withings.
$ "$ROOT/tests/cli/bigexport" withings 8000 withings.csv
$ KILL_AFTER=0.1 "$ROOT/tests/cli/kill-in-tx" "$MGTRACK_DB" "$MGTRACK_BIN" import withings withings.csv
> killed inside its transaction: exit 137
@ [ "$(sqlite3 "$MGTRACK_DB" 'PRAGMA integrity_check')" = ok ]
@ [ "$(sqlite3 "$MGTRACK_DB" "SELECT count(*) FROM night WHERE source = 'withings'")" = 0 ]
$ mgtrack import withings withings.csv
~ 8000 nights written
# Cronometer: 9,000 food-log entries.
$ "$ROOT/tests/cli/bigexport" cronometer 4500 servings.csv
$ KILL_AFTER=0.1 "$ROOT/tests/cli/kill-in-tx" "$MGTRACK_DB" "$MGTRACK_BIN" import cronometer servings.csv
> killed inside its transaction: exit 137
@ [ "$(sqlite3 "$MGTRACK_DB" 'PRAGMA integrity_check')" = ok ]
@ [ "$(sqlite3 "$MGTRACK_DB" 'SELECT count(*) FROM food_log')" = 0 ]
$ mgtrack import cronometer servings.csv
~ 9000 food-log entries written
@ [ "$(sqlite3 "$MGTRACK_DB" 'SELECT count(*) FROM night') $(sqlite3 "$MGTRACK_DB" 'SELECT count(*) FROM food_log')" = "48000 9000" ]
