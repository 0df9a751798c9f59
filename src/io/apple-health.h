/*
 * Apple Health export.xml, streamed: a hand-written scanner that reads the
 * file in chunks, skips the DOCTYPE internal subset (export version 12's
 * is broken), comments and every element it does not need, and hands the
 * relevant top-level Records to a callback with their attributes decoded
 * (entities, any attribute order). Records inside a Correlation are
 * skipped: the export repeats them at top level. Memory stays bounded by
 * the chunk size whatever the file size.
 */
#ifndef MG_APPLE_HEALTH_H
#define MG_APPLE_HEALTH_H

#include <stddef.h>
#include <stdio.h>
#include "util/err.h"

enum ah_kind { AH_SLEEP, AH_HRV_SDNN, AH_RESTING_HR, AH_DIETARY_MG };

struct ah_time {
	long day;          /* local date, days since 1970-01-01 */
	int minute;        /* local minute of the day */
	int offset;        /* minutes east of UTC */
	double utc;        /* seconds since the epoch */
};

struct ah_record {
	enum ah_kind kind;
	char source[128];  /* sourceName */
	struct ah_time start, end;
	char value[64];    /* sleep: the HKCategoryValueSleepAnalysis... string */
	double number;     /* quantities: value as a number (NAN if none) */
	char unit[16];     /* quantities: as Apple wrote it ("mg", "g", "mcg"); "" when absent */
};

struct ah_stats {
	size_t records;          /* every top-level Record seen */
	size_t relevant;         /* handed to the callback */
	size_t in_correlation;   /* skipped: repeated at top level */
	size_t bad_date;         /* skipped: a date that does not parse */
	size_t bad_record;       /* skipped: a relevant Record without the needed attributes */
	int truncated;           /* the file ended inside an element */
	size_t bytes;
};

/* Called after each chunk with the bytes read so far (may be NULL). */
typedef void (*ah_progress_fn)(size_t bytes, void *ctx);

/* Streams f. A negative callback return stops with its error. MG_EDATA
 * when the input is not an Apple Health export at all; a truncated file
 * is not an error (stats say so). */
int ah_parse(FILE *f, int (*cb)(const struct ah_record *r, void *ctx), void *ctx, struct ah_stats *st,
	     struct mg_err *e);
/* The same, reporting progress. */
int ah_parse_progress(FILE *f, int (*cb)(const struct ah_record *r, void *ctx), void *ctx, ah_progress_fn progress,
		      void *progress_ctx, struct ah_stats *st, struct mg_err *e);

/* Parses "YYYY-MM-DD HH:MM:SS +HHMM" or iOS 8's "YYYYMMDDHHMMSS-HHMM". */
int ah_parse_time(const char *s, struct ah_time *t);

#endif
