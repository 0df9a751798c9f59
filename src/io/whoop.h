/*
 * WHOOP's data export: sleeps.csv (Cycle start time, ..., Sleep onset,
 * Wake onset, Asleep duration (min), In bed duration (min), Light sleep,
 * Deep (SWS) and REM durations (min), Awake duration (min), ..., Nap), or
 * the same rows as a JSON array of objects with those keys (as people
 * convert it; dates then read like 3/6/2024 3:23). Times are local clock
 * times of the cycle's zone. Sleep onset is the start of the sleep
 * period as WHOOP counts it (asleep + awake = in bed), so it is the bed
 * time, Wake onset the final wake and out of bed, and Awake duration the
 * time awake in it. Rows marked Nap are sessions marked device_nap
 * (core/sessions.c decides whether one is a nap); a row without times or asleep minutes (a cycle WHOOP did not score) is a bad
 * record. Every other row is a sleep session for core/sessions.c.
 */
#ifndef MG_WHOOP_H
#define MG_WHOOP_H

#include <stddef.h>
#include "io/sleep-session.h"
#include "util/err.h"

struct whoop_stats {
	size_t rows, bad_record;
};

/* The buffer is CSV or JSON (told by its first byte). MG_EDATA naming the
 * file when it is neither a WHOOP sleeps file in CSV nor in JSON. */
int whoop_parse(const char *buf, size_t len, const char *name, int (*cb)(const struct sleep_session *s, void *ctx),
		void *ctx, struct whoop_stats *st, struct mg_err *e);

#endif
