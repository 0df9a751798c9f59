# Text is UTF-8 or a clear error (issue 15 item 5): a Latin-1 name or file
# is refused before anything is stored, and control bytes that arrive in
# input are never echoed raw to the terminal.
$ mgtrack init --age 40 --sex female
$ mgtrack product add --name "$(printf 'Caf\351 Mag')" --form citrate --elemental-mg 100
? 64
e= mgtrack: argument 4 ("Caf? Mag") is not UTF-8 text
$ printf 'date,quality,note\n2026-11-10,3,caf\351\n' > latin1.csv
$ mgtrack import diary latin1.csv
? 65
e~ latin1.csv row 2: field 3 is not UTF-8 text: save the file as UTF-8
@ [ "$(sqlite3 "$MGTRACK_DB" 'SELECT (SELECT count(*) FROM product) + (SELECT count(*) FROM night)')" = 0 ]
$ mgtrack product show "$(printf '\033[2J\033[31mRED')"
? 66
e= mgtrack: no product "?[2J?[31mRED" (see 'mgtrack product list')
$ mgtrack product add --name "Café Mag" --form citrate --elemental-mg 100 --json
~ "name": "Café Mag"
# A note's limit counts characters, not bytes.
$ mgtrack night --date 2026-11-20 --note "$(printf 'é%.0s' $(seq 1 500))"
$ mgtrack night --date 2026-11-21 --note "$(printf 'é%.0s' $(seq 1 501))"
? 65
e= mgtrack: --note is longer than 500 characters
