# export --csv DIR: five files with their headers (nights and doses the
# headers import diary and import doses read), UTF-8 with a byte-order
# mark, CRLF rows, ISO dates and 24-hour times; DIR made 0700, files 0600,
# other files in DIR left alone; --all-profiles one folder per profile.
$ mgtrack init --age 40 --sex female --goal sleep
$ mgtrack product add --name "Calm Caps" --form glycinate --elemental-mg 100
$ mgtrack eat --date 2026-11-23 12016 1 oz
$ mgtrack course start --date 2026-11-10
$ mgtrack dose --at "2026-11-20 21:30" "Calm Caps" 1.5
$ mgtrack night --date 2026-11-20 --bed 23:10 --sol 20 --awakenings 2 --waso 15 --wake 06:40 --up 07:00 --quality 4 --bristol 4 --note "a, \"b\""
$ mgtrack import withings "$FIXTURES/withings/sleep.csv"
$ mkdir -p out && echo keep > out/mine.txt && echo old > out/nights.csv && mgtrack export --csv out/
> profile "default" exported to out//
>   nights.csv         3 rows
>   doses.csv          1 rows
>   food-log.csv       1 rows
>   products.csv       1 rows
>   plan-versions.csv  1 rows
@ [ "$(cat out/mine.txt)" = keep ]
@ [ "$(ls out | sort | tr '\n' ' ')" = "doses.csv food-log.csv mine.txt nights.csv plan-versions.csv products.csv " ]
@ python3 "$ROOT/tests/cli/export-csv/check.py" headers out
@ python3 "$ROOT/tests/cli/export-csv/check.py" 065 out
@ [ "$(stat -c %a out/nights.csv)" = 600 ] && [ "$(stat -c %a out/plan-versions.csv)" = 600 ]
@ [ -z "$(ls out | grep tmp)" ]
# DIR is made with its parents, mode 0700.
$ mgtrack export --csv new/deeper/dir
~ exported to new/deeper/dir/
@ [ "$(stat -c %a new/deeper/dir)" = 700 ] && [ -f new/deeper/dir/plan-versions.csv ]
# A stopped course's version has no intake: one row all the same.
$ mgtrack course stop --reason "trying without"
$ mgtrack export --csv out
@ python3 "$ROOT/tests/cli/export-csv/check.py" stopped out
# --all-profiles: DIR/NAME per profile, a name that is not a plain folder
# name written with %XX.
$ mgtrack --profile "a/b" init --age 30 --sex male
$ mgtrack --profile ".x" init --age 30 --sex male
$ mgtrack export --csv every --all-profiles
> profile ".x" exported to every/%2Ex/
>   nights.csv         0 rows
>   doses.csv          0 rows
>   food-log.csv       0 rows
>   products.csv       1 rows
>   plan-versions.csv  0 rows
> profile "a/b" exported to every/a%2Fb/
>   nights.csv         0 rows
>   doses.csv          0 rows
>   food-log.csv       0 rows
>   products.csv       1 rows
>   plan-versions.csv  0 rows
> profile "default" exported to every/default/
>   nights.csv         3 rows
>   doses.csv          1 rows
>   food-log.csv       1 rows
>   products.csv       1 rows
>   plan-versions.csv  2 rows
@ [ "$(ls every | tr '\n' ' ')" = "%2Ex a%2Fb default " ]
@ cmp every/default/nights.csv out/nights.csv && cmp every/default/doses.csv out/doses.csv
$ mgtrack help export
~ mgtrack export --csv DIR \[--all-profiles\]
$ mgtrack help
~ ^  export 
