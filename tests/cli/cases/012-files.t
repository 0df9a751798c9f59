# The journal is created with mode 0600, its folder 0700, in WAL mode.
$ mgtrack --db "$T/sub/dir/j.db" init --age 30 --sex female
@ test "$(stat -c %a sub/dir/j.db)" = 600
@ test "$(stat -c %a sub/dir)" = 700
@ test "$(sqlite3 sub/dir/j.db 'PRAGMA journal_mode')" = wal
@ test "$(sqlite3 sub/dir/j.db 'PRAGMA user_version')" -ge 1
# XDG_DATA_HOME is the default home of the journal.
$ (unset MGTRACK_DB; XDG_DATA_HOME="$T/xdg" mgtrack init --age 30 --sex male)
@ test -f xdg/mgtrack/journal.db
