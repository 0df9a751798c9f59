/*
 * Oura's membership export: sleepmodel.csv, semicolon-separated, with the
 * v2 API's column names (day, bedtime_start, bedtime_end,
 * total_sleep_duration, awake_time, latency, time_in_bed, deep/light/rem
 * durations in seconds, type, average_hrv (RMSSD), lowest_heart_rate).
 * Only type long_sleep is a night; naps, rests and deleted periods are
 * counted and skipped.
 */
#ifndef MG_OURA_H
#define MG_OURA_H

#include <stdio.h>
#include "io/sleep-session.h"
#include "util/err.h"

struct oura_stats {
	size_t rows, not_a_night, bad_row;
};

int oura_parse(FILE *f, const char *name, int (*cb)(const struct sleep_session *s, void *ctx), void *ctx,
	       struct oura_stats *st, struct mg_err *e);

#endif
