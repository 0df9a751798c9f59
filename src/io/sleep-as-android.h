/*
 * Sleep as Android's sleep-export.csv: the header line repeats before
 * every record and rows differ in length (actigraphy and Event columns
 * follow the fixed ones), so columns are found by name in the first
 * header and repeated headers are skipped. Times come from Id (the start,
 * epoch milliseconds) and Hours, in the record's own Tz, because From/To
 * are ambiguous across daylight-saving changes; but when Id is not an
 * integer (a spreadsheet rounded it to 1.59287E+12) or its time in Tz is
 * not From, From and To are the row's times. Blank rows are skipped.
 */
#ifndef MG_SLEEP_AS_ANDROID_H
#define MG_SLEEP_AS_ANDROID_H

#include <stdio.h>
#include "io/sleep-session.h"
#include "util/err.h"

struct saa_stats {
	size_t records, bad_record;
	size_t from_to;          /* records timed by From/To, Id being unusable */
	size_t first_bad_row;    /* the first bad record's row (the header is 1), 0 */
};

/* Every tracked session, short ones included (core/sessions.c makes the
 * nights); Rating (stars, in quarters) is passed on as quality 1-5, a
 * rating under one star as 1. */
int saa_parse(FILE *f, const char *name, int (*cb)(const struct sleep_session *s, void *ctx), void *ctx,
	      struct saa_stats *st, struct mg_err *e);

#endif
