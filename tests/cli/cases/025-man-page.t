# Every command in the table is documented in the man page.
$ mgtrack help
@ for c in $(sed -n '/^Commands:/,/^$/p' .out | awk 'NF {print $1}' | grep -v Commands:); do grep -q "^\.B mgtrack $c" "$ROOT/docs/mgtrack.1" || exit 1; done
@ test "$(sed -n '/^Commands:/,/^$/p' .out | grep -c '^  ')" -ge 9
