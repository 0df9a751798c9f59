/*
 * Garmin's data export: the DI-Connect-Wellness folder's *_sleepData.json files,
 * an array of nights with calendarDate (the morning), start and end in
 * GMT (an ISO string or epoch milliseconds) and seconds of deep, light,
 * REM and awake sleep. The export carries no offset, so times are turned
 * into local clock time with this machine's time zone.
 */
#ifndef MG_GARMIN_H
#define MG_GARMIN_H

#include <stddef.h>
#include "io/sleep-session.h"
#include "util/err.h"

struct garmin_stats {
	size_t records, bad_record;
};

int garmin_parse(const char *buf, size_t len, const char *name, int (*cb)(const struct sleep_session *s, void *ctx),
		 void *ctx, struct garmin_stats *st, struct mg_err *e);

#endif
