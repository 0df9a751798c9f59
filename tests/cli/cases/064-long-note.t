# A note of 500 characters is kept whole, also when each character takes
# two to four bytes of UTF-8 (the store read and wrote each field through a
# 512-byte buffer and cut such a note short, in the middle of a character).
$ mgtrack init --age 40 --sex female
$ mgtrack night --date 2026-11-23 --quality 4 --note "$(python3 -c 'print("ж" * 499 + "!")')"
$ mgtrack night --show --date 2026-11-23 --json
@ python3 -c 'import json; n=json.load(open(".out"))["note"]; assert n == "ж" * 499 + "!", (len(n), n[-5:])'
$ mgtrack night --date 2026-11-22 --quality 3 --note "$(python3 -c 'print("😴" * 500)')"
$ mgtrack night --show --date 2026-11-22 --json
@ python3 -c 'import json; n=json.load(open(".out"))["note"]; assert n == "😴" * 500, len(n)'
@ [ "$(sqlite3 "$MGTRACK_DB" "SELECT length(note) FROM night WHERE date = '2026-11-22'")" = 500 ]
