/*
 * Oura's sleep CSVs with the v2 API's column names (day, bedtime_start,
 * bedtime_end, total_sleep_duration, awake_time, latency, time_in_bed,
 * deep/light/rem durations in seconds, type, average_hrv (RMSSD),
 * lowest_heart_rate): the membership export's sleepmodel.csv
 * (semicolon-separated) and the web dashboard's (comma-separated, days
 * as 7/11/2024); the header line says which separator. Where the file
 * has a type column only long_sleep is a sleep session: naps, rests,
 * deleted periods and rows with an empty type (the dashboard's short
 * rests) are counted and skipped. The session's morning follows from
 * bedtime_end, as for every device (core/sessions.c).
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
