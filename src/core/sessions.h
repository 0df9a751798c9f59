/*
 * Sleep sessions -> nights, the one rule every wearable import goes
 * through (Apple Health included). A device writes sessions: tracking
 * runs, Withings rows, an Apple source's blocks of sleep. A person means
 * nights. Per import (one source), in this order:
 *
 *  0. A session under `import-min-session-min` is a tracking test, no
 *     part of any night (counted too short).
 *  1. A nap is never a night: a session whose sleep period is shorter
 *     than the minimum night (or that the device calls a nap, whatever its
 *     length) and that ends in the person's daytime (from
 *     `import-nap-after-wake-min` after their usual final wake until
 *     `import-nap-before-wake-min` before the next one; the usual wake is
 *     the median of this import's full-length sessions, else
 *     `import-usual-wake-default`).
 *  2. Sessions of one sleep period merge into one night: sorted by start,
 *     a session that starts at most `import-merge-gap-min` after the one
 *     before it ended joins it, unless the night would then last longer
 *     than `import-max-night-min` from onset to final wake; the gap is time awake after sleep onset
 *     and one awakening. A session inside or overlapping a longer one is
 *     the same sleep written twice and is dropped ("overlapping"). A
 *     sleep made only of sessions the device calls naps is a nap; one
 *     that joined a main sleep was part of the night.
 *  3. A night needs `import-min-night-min` of sleep period (onset to final
 *     wake), for every format.
 *  4. One night per morning: the longest; a shorter one never replaces it.
 *  5. Bed and out-of-bed times widen to the in-bed records the caller adds
 *     (Apple Health: another source's when the chosen one has none).
 *
 * Pure: no database, no printing. Start reading at sessions_nights.
 */
#ifndef MG_SESSIONS_H
#define MG_SESSIONS_H

#include <stddef.h>
#include "io/sleep-session.h"
#include "util/err.h"

struct sessions_item {
	struct sleep_session s;
	long start, onset, wake, end;   /* local absolute minutes: day * 1440 + minute */
	int state;                      /* internal: 0 live, or why it was set aside */
};

struct sessions {
	struct sessions_item *v;
	size_t n, cap;
	long (*inbed)[2];               /* [start, end) local absolute minutes */
	size_t n_inbed, cap_inbed;
};

/* What became of the sessions: nights + merged + naps + too_short +
 * shorter + overlapping + bad = sessions. */
struct sessions_summary {
	size_t sessions, nights;
	size_t merged;        /* sessions joined to the one before them */
	size_t naps, too_short, shorter, overlapping;
	size_t bad;           /* times that make no session (start after end) */
	int usual_wake;       /* local minute used for the nap window */
};

void sessions_init(struct sessions *l);
/* Frees the lists; l can be initialised again. */
void sessions_release(struct sessions *l);

/* Copies s in (never fails: allocation failure aborts). */
void sessions_add(struct sessions *l, const struct sleep_session *s);
/* An in-bed interval, local absolute minutes. */
void sessions_add_inbed(struct sessions *l, long start, long end);

/* Local absolute minutes of a session's bed, final wake and out of bed,
 * from its date and clock times (the date is the morning it ended: an end
 * at 18:00 or later belongs to the next morning). -1 when bed or up is
 * missing. */
int sessions_span(const struct sleep_session *s, long *start, long *wake, long *end);

/* Applies the rules above and calls cb with each night in date order (a
 * negative return stops and is returned). The sessions' order in l
 * changes. */
int sessions_nights(struct sessions *l, int (*cb)(const struct sleep_session *night, void *ctx), void *ctx,
		    struct sessions_summary *sum);

#endif
