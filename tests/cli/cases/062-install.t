# Installed like a Debian tool (issue 14): the build under test installed
# into a DESTDIR works for a new user with an empty HOME and nothing set
# beyond 'mgtrack init': it reads the food database installed beside it
# (BINDIR/../share/mgtrack/foods.db), and each lookup step comes before
# it: the user's own foods.db, MGTRACK_FOODS_DB, --foods-db. 'food import'
# writes the user's file, never the installed one.
$ meson install -C "$BUILD_DIR" --no-rebuild --destdir "$T/root" --quiet >/dev/null
@ [ -s "$(find "$T/root" -path '*/share/mgtrack/foods.db')" ] && [ -s "$(find "$T/root" -path '*/man1/mgtrack.1')" ] && [ -s "$(find "$T/root" -path '*/bash-completion/completions/mgtrack')" ]
$ p=$(find "$T/root" -path '*/bin/mgtrack' -type f); [ -x "$p" ] && ln -s "$p" mg && mkdir newuser && find "$T/root" -path '*/share/mgtrack/foods.db' -exec sha256sum {} + > installed.sum
$ env -u MGTRACK_DB -u MGTRACK_FOODS_DB -u XDG_DATA_HOME HOME="$T/newuser" ./mg init --age 40 --sex female
~ created profile "default" in .*/newuser/\.local/share/mgtrack/journal\.db
$ env -u MGTRACK_DB -u MGTRACK_FOODS_DB -u XDG_DATA_HOME HOME="$T/newuser" ./mg suggest --limit 3
~ ^  1   12016  Pumpkin seeds, roasted
$ env -u MGTRACK_DB -u MGTRACK_FOODS_DB -u XDG_DATA_HOME HOME="$T/newuser" ./mg doctor --json
@ python3 -c 'import json; d=json.load(open(".out")); f=d["foods"]; assert f["found_by"] == "installed" and f["path"].endswith("/share/mgtrack/foods.db") and f["foods"] == 8858 and f["food_rules_current"] and f["integrity"] == "ok", d; assert d["journal"]["integrity"] == "ok" and d["journal"]["schema_version"] == d["journal"]["schema_expected"] and d["ok"], d'
# The user's own rebuild goes to their folder and comes first from then on.
$ env -u MGTRACK_DB -u MGTRACK_FOODS_DB -u XDG_DATA_HOME HOME="$T/newuser" ./mg food import --fdc "$FIXTURES/fdc"
~ into .*/newuser/\.local/share/mgtrack/foods\.db
# The installed SR24 foods come along into the user's first own file.
~ ; kept 8858 foods from other sources$
@ sha256sum -c --quiet installed.sum
$ env -u MGTRACK_DB -u MGTRACK_FOODS_DB -u XDG_DATA_HOME HOME="$T/newuser" ./mg suggest --limit 1
~ ^  1   12016  Pumpkin seeds, roasted
$ env -u MGTRACK_DB -u MGTRACK_FOODS_DB -u XDG_DATA_HOME HOME="$T/newuser" ./mg doctor
~ your own \(\$XDG_DATA_HOME/mgtrack\)
$ env -u MGTRACK_DB -u XDG_DATA_HOME HOME="$T/newuser" ./mg doctor
~ from MGTRACK_FOODS_DB
$ env -u MGTRACK_DB -u XDG_DATA_HOME HOME="$T/newuser" ./mg --foods-db "$T/none.db" doctor
~ given with --foods-db
# Bash completion from the installed file: commands, subcommands, flags
# and the journal's profiles.
$ c=$(find "$T/root" -path '*/completions/mgtrack'); PATH="$T:$PATH"; ln -sf mg "$T/mgtrack"; HOME="$T/newuser" bash -c 'unset MGTRACK_DB MGTRACK_FOODS_DB XDG_DATA_HOME; source "$1"; t() { COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=(); _mgtrack; echo "${COMPREPLY[*]}"; }; t mgtrack do; t mgtrack course ""; t mgtrack plan --ex; t mgtrack --profile ""' _ "$c"
> doctor dose
> resume start stop
> --explain
> default
# A product name is the journal's text, never shell code to the completion.
$ env -u MGTRACK_DB -u MGTRACK_FOODS_DB -u XDG_DATA_HOME HOME="$T/newuser" ./mg product add --name '$(touch pwned)' --form glycinate --elemental-mg 100
$ c=$(find "$T/root" -path '*/completions/mgtrack'); PATH="$T:$PATH"; HOME="$T/newuser" bash -c 'unset MGTRACK_DB MGTRACK_FOODS_DB XDG_DATA_HOME; source "$1"; COMP_WORDS=(mgtrack product show ""); COMP_CWORD=3; _mgtrack; printf "%s\n" "${COMPREPLY[@]}"' _ "$c"
> $(touch pwned)
@ [ ! -e pwned ] && [ ! -e "$T/newuser/pwned" ]
