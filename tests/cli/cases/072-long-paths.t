# Paths over 4,095 bytes are refused with one line naming the option,
# exit 64, never cut short into another file's name (issue 15 item 8):
# the journal and food database (options and variables), the report and
# calendar files, and every import's file. The long path is relative (in
# the case's own folder), so no machine path is named.
$ mgtrack init --age 40 --sex female
@ python3 -c 'print("/".join(["d" * 200] * 25) + "/x")' > long && [ "$(wc -c < long)" -gt 4096 ]
$ mgtrack --db "$(cat long)" targets
? 64
e= mgtrack: --db "dddddddddddddddddddddddddddddddddddddddd..." is 5026 bytes long; a path may have at most 4095
@ [ ! -e dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd ]
$ MGTRACK_DB="$(cat long)" mgtrack init --age 40 --sex female
? 64
e~ ^mgtrack: MGTRACK_DB "d+\.\.\." is 5026 bytes long; a path may have at most 4095$
$ mgtrack --foods-db "$(cat long)" suggest
? 64
e~ ^mgtrack: --foods-db ".*" is 5026 bytes long
$ MGTRACK_FOODS_DB="$(cat long)" mgtrack suggest
? 64
e~ ^mgtrack: MGTRACK_FOODS_DB ".*" is 5026 bytes long
$ mgtrack plan --ics "$(cat long)"
? 64
e~ ^mgtrack: --ics ".*" is 5026 bytes long; a path may have at most 4095$
$ mgtrack report --html "$(cat long)"
? 64
e~ ^mgtrack: --html ".*" is 5026 bytes long
$ mgtrack food import --sr24 "$(cat long)"
? 64
e~ ^mgtrack: --sr24 ".*" is 5026 bytes long
$ for k in diary doses cronometer apple-health oura fitbit sleep-as-android garmin withings; do mgtrack import $k "$(cat long)"; echo "$k $?"; done 2>err
> diary 64
> doses 64
> cronometer 64
> apple-health 64
> oura 64
> fitbit 64
> sleep-as-android 64
> garmin 64
> withings 64
@ [ "$(wc -l < err)" = 9 ] && [ "$(grep -Ec '^mgtrack: import [a-z-]+ (FILE|PATH) ".*" is 5026 bytes long; a path may have at most 4095$' err)" = 9 ] && grep -q '^mgtrack: import withings FILE "' err
# 4,095 bytes is still a path: it is looked for, not refused.
$ mgtrack --db "$(head -c 4095 long)" targets
? 66
e~ no journal at
