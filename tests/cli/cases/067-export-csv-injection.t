# export --csv against formula injection: text beginning = + - @ or a tab
# gets a ' in front and is quoted, a plain number such as -2 or +1 stays as
# it is, and import reads every guarded cell back as it was typed. Then the
# refusals: DIR a file, a missing profile or journal, bad options.
$ mgtrack init --age 40 --sex female
$ mgtrack product add --name '=HYPERLINK("http://example.com","x")' --form glycinate --elemental-mg 100
$ mgtrack dose --at "2026-11-20 21:00" '=HYPERLINK("http://example.com","x")'
$ mgtrack night --date 2026-11-18 --note "$(printf '\tindented')"
$ mgtrack night --date 2026-11-19 --note "'=x"
$ mgtrack night --date 2026-11-20 --note '@SUM(1)'
$ mgtrack night --date 2026-11-21 --note '+1'
$ mgtrack night --date 2026-11-22 --note '-2'
$ mgtrack night --date 2026-11-23 --note '-2-3'
$ mgtrack export --csv out
@ python3 "$ROOT/tests/cli/export-csv/check.py" 067 out
@ grep -q '^2026-11-21,manual,.*,+1,' out/nights.csv && grep -q '^2026-11-22,manual,.*,-2,' out/nights.csv
# Imported into a fresh journal, every note and the product name are as typed.
$ mgtrack --db fresh.db init --age 40 --sex female
$ mgtrack --db fresh.db product add --name '=HYPERLINK("http://example.com","x")' --form glycinate --elemental-mg 100
$ mgtrack --db fresh.db import diary out/nights.csv
> nights.csv: 6 rows; 6 nights written, 0 updated, 0 unchanged
$ mgtrack --db fresh.db import doses out/doses.csv
> doses.csv: 1 rows; 1 doses written, 0 updated, 0 unchanged
$ mgtrack --db fresh.db night --show --date 2026-11-20 --json
~ "note": "@SUM\(1\)"
$ mgtrack --db fresh.db night --show --date 2026-11-19 --json
~ "note": "'=x"
$ mgtrack --db fresh.db night --show --date 2026-11-18 --json
~ "note": "\\tindented"
$ mgtrack --db fresh.db night --show --date 2026-11-23 --json
~ "note": "-2-3"
$ mgtrack --db fresh.db export --csv again
@ cmp out/nights.csv again/nights.csv && cmp out/doses.csv again/doses.csv
# DIR is a file: refused, the file untouched.
$ echo data > afile && mgtrack export --csv afile
? 74
e= mgtrack: export --csv: "afile" is a file, not a folder: name a folder (it is made when missing)
@ [ "$(cat afile)" = data ]
$ mgtrack export --csv afile/sub
? 74
e~ cannot create folder "afile"|not a folder|Not a directory
# A missing profile or journal: nothing written, not even DIR.
$ mgtrack --profile nobody export --csv none
? 66
e~ no profile "nobody"
@ [ ! -e none ]
$ mgtrack --db missing.db export --csv none
? 66
e~ no journal at
@ [ ! -e none ] && [ ! -e missing.db ]
$ mgtrack --profile nobody export --csv none --all-profiles
~ profile "default" exported to none/default/
@ [ -f none/default/nights.csv ] && [ "$(ls none)" = default ]
# Bad command lines.
$ mgtrack export
? 64
e~ say what to write: --json FILE .* or --csv DIR
$ mgtrack export --csv
? 64
e~ option "--csv" needs a value
$ mgtrack export --csv out --bogus
? 64
e~ unknown option "--bogus"
$ mgtrack export --csv out extra
? 64
e~ unexpected argument "extra"
