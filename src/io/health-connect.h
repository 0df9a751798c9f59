/*
 * Google Health Connect sleep sessions as exported to JSON: an array (or
 * {"sleep": [...]}) of records with "start" and "end" (UTC with "Z", or
 * with an offset) and "data": {"stages": [{startTime, endTime, stage}]},
 * stage numbers as the SleepSessionRecord API defines them (1 awake, 2
 * sleeping, 3 out of bed, 4 light, 5 deep, 6 REM, 7 awake in bed, 0
 * unknown). Local times: the record's startZoneOffset / endZoneOffset
 * ("+02:00" or seconds; bed time at the start's, wake and out of bed at
 * the end's, so a night is dated by its local wake) when it has them,
 * else the offset its times are written with, else (the real export:
 * UTC, no offsets) this machine's zone (TZ), as for Garmin. Each record is a sleep session: bed = start, up = end, sleep =
 * the asleep stages (the whole record when it has no stages), onset and
 * final wake the first and last asleep stage, awakenings the awake stages
 * of at least min_wake_s seconds between them. Several apps write the
 * same night (the Fitbit app and Google Fit): core/sessions.c keeps the
 * longer of two overlapping sessions.
 */
#ifndef MG_HEALTH_CONNECT_H
#define MG_HEALTH_CONNECT_H

#include <stddef.h>
#include "io/sleep-session.h"
#include "util/err.h"

struct hc_stats {
	size_t records, bad_record;
};

/* MG_EDATA naming the file when it is not JSON or holds no array of
 * sleep session records. */
int hc_parse(const char *buf, size_t len, const char *name, double min_wake_s,
	     int (*cb)(const struct sleep_session *s, void *ctx), void *ctx, struct hc_stats *st, struct mg_err *e);

#endif
