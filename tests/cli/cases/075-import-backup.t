# import backup (issue 14): merging a backup from another device into a
# journal that has data. What both hold is left alone, what is new is
# added, a row with the same key and other values is a conflict: listed,
# and nothing at all is written. Importing the same file twice adds nothing.
$ mgtrack init --age 34 --sex female --goal sleep
$ mgtrack --db "$T/phone.db" init --age 34 --sex female --goal sleep
$ mgtrack night --date 2026-11-20 --bed 23:10 --sol 25 --wake 06:40 --quality 4
$ mgtrack --db "$T/phone.db" night --date 2026-11-20 --bed 23:10 --sol 25 --wake 06:40 --quality 4
$ mgtrack --db "$T/phone.db" night --date 2026-11-21 --bed 23:40 --sol 10 --wake 06:50 --quality 3
$ mgtrack --db "$T/phone.db" product add --name "Calm Caps" --form glycinate --elemental-mg 100
$ mgtrack --db "$T/phone.db" dose --at "2026-11-21 21:00" "Calm Caps"
$ mgtrack --db "$T/phone.db" export --json phone.json
$ mgtrack import backup --dry-run phone.json
> would import "phone.json": 1 product, 0 profiles (1 already there), 1 dose, 1 night (1 already there)
@ [ "$(sqlite3 journal.db 'SELECT count(*) FROM night')" = 1 ] && [ "$(sqlite3 journal.db 'SELECT count(*) FROM product')" = 0 ]
$ mgtrack import backup phone.json
> imported "phone.json": 1 product, 0 profiles (1 already there), 1 dose, 1 night (1 already there)
$ mgtrack night --list --days 7
~ 2026-11-21
$ mgtrack import backup phone.json --json
@ python3 -c 'import json; d=json.load(open(".out")); assert d["dry_run"] is False and sum(d["added"].values()) == 0 and d["already_there"]["nights"] == 2 and d["already_there"]["doses"] == 1, d'
# The phone's night of the 21st is edited; the laptop's stays: a conflict.
$ mgtrack --db "$T/phone.db" night --date 2026-11-21 --quality 5
$ mgtrack --db "$T/phone.db" night --date 2026-11-22 --quality 4
$ mgtrack --db "$T/phone.db" export --json phone2.json
$ mgtrack import backup phone2.json
? 65
e~ ^mgtrack: "phone2\.json" conflicts with the journal in 1 row; nothing was imported:$
e~ ^profile "default": night 2026-11-21 \(manual\): differs from the journal's; quality: "5" in the file, "3" in the journal$
@ [ "$(sqlite3 journal.db "SELECT count(*) FROM night WHERE date = '2026-11-22'")" = 0 ]
# A different person under the same name is a conflict too.
$ mgtrack --db "$T/other.db" init --age 70 --sex male
$ mgtrack --db "$T/other.db" export --json other.json
$ mgtrack import backup other.json
? 65
e~ profile "default": differs from the journal's; age_years: 70 in the file, 34 in the journal; sex: "male" in the file, "female" in the journal
# Two running courses cannot both run.
$ mgtrack --db "$T/c1.db" init --age 34 --sex female --goal sleep
$ mgtrack --db "$T/c1.db" product add --name "Calm Caps" --form glycinate --elemental-mg 100
$ mgtrack --db "$T/c1.db" course start --date 2026-11-10
$ mgtrack --db "$T/c1.db" export --json c1.json
$ mgtrack course start
$ mgtrack import backup c1.json
? 65
e~ profile "default": course started 2026-11-10: the journal has another running course, and one runs at a time
# Files that are not backups.
$ printf '{"format": "mgtrack-export", "version": 1,' > broken.json
$ mgtrack import backup broken.json
? 65
e~ "broken\.json" line 1 column [0-9]+: not JSON
$ printf '{"nights": []}' > other-app.json
$ mgtrack import backup other-app.json
? 65
e= mgtrack: the file is not an mgtrack export (its "format" is not "mgtrack-export")
$ python3 -c 'import json; d=json.load(open("phone.json")); d["journal_schema"] = 99; json.dump(d, open("newer.json", "w"))'
$ mgtrack import backup newer.json
? 65
e~ journal_schema: the file comes from a journal this mgtrack does not know \(it knows schema 1 to [0-9]+\): update mgtrack first
$ python3 -c 'import json; d=json.load(open("phone.json")); d["profiles"][0]["nights"][1]["quality"] = "9"; d["profiles"][0]["name"] = "new"; json.dump(d, open("bad.json", "w"))'
$ mgtrack import backup bad.json
? 65
e~ ^mgtrack: profiles\[0\]\.nights\[1\]\.quality: quality "9" must be
@ [ "$(sqlite3 journal.db "SELECT count(*) FROM profile WHERE name = 'new'")" = 0 ]
$ mgtrack import backup missing.json
? 66
e= mgtrack: cannot read "missing.json": no such file or not readable
$ mgtrack import backup
? 64
e~ import backup needs one FILE\.json
# Into a journal that does not exist yet: it is made.
$ mgtrack --db "$T/fresh.db" import backup phone2.json
> imported "phone2.json": 1 product, 1 profile, 1 dose, 3 nights
