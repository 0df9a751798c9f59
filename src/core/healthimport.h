/*
 * Sleep from an Apple Health export into the nightly log. Records stream
 * in from io/apple-health.c; sleep segments are grouped by night (the
 * night belongs to the morning it ends, in the record's own offset: a
 * segment ending at 18:00 or later belongs to the next morning) and by
 * sourceName. One source per night is used (--prefer, else the one with
 * the most minutes asleep); its continuous recordings (asleep and awake
 * records back to back) are sessions that core/sessions.c turns into
 * nights like every other device's, and InBed marks time in bed, never
 * sleep (another source's when the chosen one has none). The night is stored
 * with source "apple-health", so the user's own entry wins field by field.
 * Dietary magnesium goes to imported_intake, one total per day, apart from
 * the food log (the profile's food_source says which one counts).
 * Runs inside the caller's transaction.
 */
#ifndef MG_HEALTHIMPORT_H
#define MG_HEALTHIMPORT_H

#include <sqlite3.h>
#include <stdio.h>
#include "core/sessions.h"
#include "io/apple-health.h"
#include "util/err.h"

#define HEALTH_MAX_SOURCES 32

struct health_options {
	long since;             /* nights before this date are skipped; MG_NO_DATE for none */
	const char *prefer;     /* a sourceName to use when it has the night; NULL */
	ah_progress_fn progress;   /* bytes read so far, after each chunk; NULL */
	void *progress_ctx;
};

struct health_summary {
	struct ah_stats parse;
	struct sessions_summary sessions;   /* how the chosen sessions became nights */
	size_t nights_written, nights_updated, nights_unchanged;
	size_t nights_kept_longer;   /* the journal's longer night of that morning stayed */
	size_t skipped_before_since, skipped_no_sleep, skipped_inconsistent, skipped_future;
	size_t skipped_dietary_unit, skipped_dietary_implausible;   /* records, days */
	size_t hrv, resting_hr, dietary_mg;      /* records read */
	size_t intake_days;                      /* days of dietary magnesium stored */
	char sources[HEALTH_MAX_SOURCES][128];   /* sources that gave sleep */
	size_t nights_from[HEALTH_MAX_SOURCES];  /* nights each source was chosen for */
	size_t n_sources;
};

int health_import_apple(sqlite3 *db, long profile_id, FILE *f, const struct health_options *o,
			struct health_summary *s, struct mg_err *e);

#endif
