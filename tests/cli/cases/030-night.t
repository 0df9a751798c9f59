# The nightly log: record, update, derived figures, show, list, delete, and
# bad input that writes nothing.
$ mgtrack init --age 30 --sex male --goal sleep
$ mgtrack night --bed 23:10 --tried 23:30 --sol 20 --awakenings 2 --waso 25 --wake 06:40 --up 07:00 --quality 4
~ total sleep +385 min
~ sleep efficiency +81\.9 %
# Entering the night again updates it; the earlier fields stay.
$ mgtrack night --bristol 4 --caffeine-after-noon --note "late dinner" --json
~ "sol": 20,
~ "bristol": 4,
~ "caffeine_after_noon": true,
~ "note": "late dinner",
~ "tib_min": 470,
~ "tst_min": 385,
~ "source": "manual"
$ mgtrack night --date 2026-11-22 --quality 3 --red-flag diarrhoea --red-flag dizziness
e~ a red flag is logged: pause magnesium
$ mgtrack night --show --date 2026-11-22 --json
~ "red_flags": \[
~ "diarrhoea",
~ "dizziness"
~ "tib_min": null,
$ mgtrack night --list --days 7 --json
@ test "$(grep -c '"date"' .out)" = 2
# Bad input: one line naming the field and the value, exit 65, nothing written.
$ mgtrack night --date 2026-11-23 --quality 6
? 65
e= mgtrack: --quality "6" must be a whole number from 1 to 5
$ mgtrack night --date 2026-11-23 --stress 11
? 65
$ mgtrack night --date 2026-11-23 --bed 25:00
? 65
e= mgtrack: --bed "25:00" is not a time (HH:MM)
$ mgtrack night --date 2026-11-23 --red-flag headache
? 65
$ mgtrack night --date 2026-11-23 --bed 22:00 --up 21:00
? 65
e~ not one night
$ mgtrack night --date 2026-11-23 --bed 23:00 --tried 23:00 --sol 400 --waso 200 --wake 06:00
? 65
e~ longer than the night
$ mgtrack night --date 2026-12-01 --quality 3
? 65
e~ in the future
$ mgtrack night --show --date 2026-11-23
? 66
$ mgtrack night --show --list
? 64
$ mgtrack night --date 2026-11-23 < /dev/null
? 64
e~ nothing to record
$ mgtrack night --list --json
@ test "$(grep -c '"date"' .out)" = 2
$ mgtrack night --delete --date 2026-11-22
> deleted the night ending 2026-11-22
$ mgtrack night --delete --date 2026-11-22
? 66
$ mgtrack night --date 2026-11-20 --quality 4
$ mgtrack night --delete --date 2026-11-20 --json
~ "deleted": "2026-11-20"
