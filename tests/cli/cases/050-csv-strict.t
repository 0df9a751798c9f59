# CSV is read strictly (issue 15 item 7): an unterminated quote, a NUL byte,
# a row of megabytes and a needed column named twice are errors naming the
# file and row, and nothing of the file is written.
$ mgtrack init --age 40 --sex female
$ printf 'date,quality,note\n2026-11-10,3,"fine\n2026-11-11,4,ok\n' > open-quote.csv
$ mgtrack import diary open-quote.csv
? 65
e~ open-quote.csv row [0-9]+: a quoted field is never closed
$ printf 'date,quality,note\n2026-11-10,3,a "b" c\n' > stray-quote.csv
$ mgtrack import diary stray-quote.csv
? 65
e~ stray-quote.csv row 2
$ printf 'date,quality,note\n2026-11-10,3,cut\000here\n' > nul.csv
$ mgtrack import diary nul.csv
? 65
e~ nul.csv row [0-9]+: a NUL byte: not a text file
$ { printf 'date,quality,note\n2026-11-10,3,'; head -c 1200000 /dev/zero | tr '\0' 'x'; printf '\n'; } > long.csv
$ mgtrack import diary long.csv
? 65
e~ long.csv row 2 is longer than 1024 KiB
$ printf 'date,quality,date\n2026-11-10,3,2026-11-11\n' > twice.csv
$ mgtrack import diary twice.csv
? 65
e~ twice.csv.*column "date"
$ printf 'at,product,servings,product\n2026-11-10 21:00,Calm Caps,1,Other\n' > doses-twice.csv
$ mgtrack import doses doses-twice.csv
? 65
e~ doses-twice.csv.*"product"
@ [ "$(sqlite3 "$MGTRACK_DB" 'SELECT count(*) FROM night')" = 0 ]
