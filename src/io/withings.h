/*
 * Withings' sleep.csv: from, to (ISO with offset), seconds of light, deep,
 * REM and awake sleep, wake-ups, durations to sleep and to wake up, the
 * lowest heart rate (`Heart rate (min)`, or `Heart rate (min/max)`).
 * Every row is a session: core/sessions.c decides what is a night. Headers may be partly localised: the German names (von, bis,
 * leicht (s), tief (s), wach (s)) are understood too.
 */
#ifndef MG_WITHINGS_H
#define MG_WITHINGS_H

#include <stdio.h>
#include "io/sleep-session.h"
#include "util/err.h"

struct withings_stats {
	size_t records, bad_record;
};

int withings_parse(FILE *f, const char *name, int (*cb)(const struct sleep_session *s, void *ctx), void *ctx,
		   struct withings_stats *st, struct mg_err *e);

#endif
