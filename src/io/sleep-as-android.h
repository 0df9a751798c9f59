/*
 * Sleep as Android's sleep-export.csv: the header line repeats before
 * every record and rows differ in length (actigraphy and Event columns
 * follow the fixed ones), so columns are found by name in the first
 * header and repeated headers are skipped. Times come from Id (the start,
 * epoch milliseconds) and Hours, in the record's own Tz, because From/To
 * are ambiguous across daylight-saving changes.
 */
#ifndef MG_SLEEP_AS_ANDROID_H
#define MG_SLEEP_AS_ANDROID_H

#include <stdio.h>
#include "io/sleep-session.h"
#include "util/err.h"

struct saa_stats {
	size_t records, bad_record;
};

/* Every tracked session, short ones included (the importer keeps one
 * night per morning); Rating (1-5 stars) is passed on as quality. */
int saa_parse(FILE *f, const char *name, int (*cb)(const struct sleep_session *s, void *ctx), void *ctx,
	      struct saa_stats *st, struct mg_err *e);

#endif
