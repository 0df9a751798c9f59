# A read-only mount and a full disk are I/O errors (74) that never call a
# good journal damaged (issue 15 item 9). Needs root for the small tmpfs;
# otherwise the case says it is skipped.
$ mgtrack init --age 40 --sex female
$ if [ "$(id -u)" != 0 ]; then echo "skipped: not root, no tmpfs"; exit 0; fi; mkdir -p mnt && mount -t tmpfs -o size=1m tmpfs mnt || { echo "skipped: cannot mount"; exit 0; }; trap 'umount mnt' EXIT; cp "$MGTRACK_DB" mnt/j.db; mount -o remount,ro mnt; MGTRACK_DB=mnt/j.db mgtrack night --bristol 4 2>ro.err; echo "read-only: $?"; mount -o remount,rw mnt; head -c 2000000 /dev/zero > mnt/fill 2>/dev/null; MGTRACK_DB=mnt/j.db mgtrack night --note "$(head -c 400 /dev/zero | tr '\0' x)" --bristol 4 2>full.err; echo "full: $?"; cat ro.err full.err
~ ^(skipped|read-only: 74)
~ ^(skipped|full: 74)
!~ not a usable database
