# mgtrack backup FILE (issue 14): a whole, checked copy of the journal,
# mode 0600, that mgtrack reads back with --db; a failed backup leaves no
# file and replaces nothing.
$ mgtrack init --age 40 --sex female
$ mgtrack night --date 2026-11-23 --bed 23:00 --sol 20 --waso 10 --wake 06:40 --up 07:00 --quality 4
$ mgtrack backup b.db
~ ^backed up ".*/journal\.db" to "b\.db" \([0-9]+ bytes, integrity ok\)
@ [ "$(stat -c %a b.db)" = 600 ] && [ "$(sqlite3 b.db 'PRAGMA integrity_check')" = ok ] && [ "$(sqlite3 b.db 'PRAGMA journal_mode')" = delete ]
$ mgtrack --db b.db night --list
~ 2026-11-23
$ mgtrack night --date 2026-11-24 --bed 23:00 --sol 20 --waso 10 --wake 06:40 --up 07:00 --quality 3
$ mgtrack backup b.db --json
@ python3 -c 'import json; d=json.load(open(".out")); assert d["integrity"] == "ok" and d["file"] == "b.db" and d["bytes"] > 0, d'
@ [ "$(sqlite3 b.db 'SELECT count(*) FROM night')" = 2 ]
$ mgtrack backup no/such/dir/b.db
? 74
e~ cannot write "no/such/dir/b\.db"
@ [ -z "$(ls no 2>/dev/null)" ] && ! ls b.db.tmp-* 2>/dev/null
$ mgtrack --db "$T/none.db" backup c.db
? 66
e~ no journal at
@ [ ! -e c.db ] && [ ! -e "$T/none.db" ]
$ mgtrack backup
? 64
e~ backup needs one FILE
