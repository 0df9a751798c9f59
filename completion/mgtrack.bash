# bash completion for mgtrack: commands, subcommands and flags, read from
# the installed program's own help (so they never drift from it), and the
# journal's profile and product names for --profile and product NAME.
# Installed to $datadir/bash-completion/completions/mgtrack.

_mgtrack_words() {
	# Everything but the word being completed, so --db given earlier on
	# the line is passed on to the lookups below.
	local i
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
			--db|--foods-db|--profile)
				((i + 1 < COMP_CWORD)) && printf '%s %q ' "${COMP_WORDS[i]}" "${COMP_WORDS[i+1]}"
				((i++)) ;;
		esac
	done
}

# Adds the lines of $1 that start with $2 to COMPREPLY as they are:
# names come from the journal (a product can be called anything), so they
# must never pass through compgen -W, which expands $(...) in its words.
_mgtrack_names() {
	local n
	while IFS= read -r n; do
		[ -n "$n" ] && [[ $n == "$2"* ]] && COMPREPLY+=("$n")
	done <<<"$1"
}

_mgtrack() {
	local cur prev cmd sub i globals
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	globals=$(_mgtrack_words)
	case $prev in
		--db|--foods-db|--ics|--html|--sr24|--fdc)
			COMPREPLY=($(compgen -f -- "$cur")); return ;;
		--csv)
			# export --csv DIR: a folder.
			COMPREPLY=($(compgen -d -- "$cur")); return ;;
		--profile)
			COMPREPLY=()
			_mgtrack_names "$(eval mgtrack $globals profile list 2>/dev/null)" "$cur"
			return ;;
	esac
	# The command and its subcommand: the first two words that are not
	# global options or their values.
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
			--db|--foods-db|--profile) ((i++)) ;;
			-*) ;;
			*) if [ -z "$cmd" ]; then cmd=${COMP_WORDS[i]}; elif [ -z "$sub" ]; then sub=${COMP_WORDS[i]}; fi ;;
		esac
	done
	if [ -z "$cmd" ]; then
		local cmds
		cmds=$(mgtrack help 2>/dev/null | awk '/^Commands:/ {on = 1; next} on && /^  [a-z]/ {print $1} on && /^$/ {on = 0}')
		COMPREPLY=($(compgen -W "$cmds --db --foods-db --profile --help" -- "$cur"))
		return
	fi
	local help
	help=$(mgtrack "$cmd" --help 2>/dev/null)
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$(grep -o -- '--[a-z][a-z0-9-]*' <<<"$help" | sort -u)" -- "$cur"))
		return
	fi
	# Subcommands: the words after "mgtrack CMD" on the usage lines.
	local subs
	subs=$(awk -v c="$cmd" '$1 == "usage:" || $1 == "mgtrack" {
		for (i = 1; i < NF; i++) if ($i == "mgtrack" && $(i+1) == c && $(i+2) ~ /^[a-z][a-z-]*$/) print $(i+2)
	}' <<<"$help" | sort -u)
	if [ -z "$sub" ] && [ -n "$subs" ]; then
		COMPREPLY=($(compgen -W "$subs" -- "$cur"))
		return
	fi
	case $cmd in
		product)
			# product show|set|check NAME: the journal's products.
			local names
			names=$(eval mgtrack $globals product list --json 2>/dev/null |
				sed -n 's/^ *"name": "\(.*\)",\{0,1\}$/\1/p')
			COMPREPLY=()
			_mgtrack_names "$names" "$cur"
			return ;;
		import|report)
			COMPREPLY=($(compgen -f -- "$cur")); return ;;
	esac
	COMPREPLY=($(compgen -f -- "$cur"))
}
complete -F _mgtrack mgtrack
