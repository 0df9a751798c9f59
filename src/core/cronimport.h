/*
 * A Cronometer food diary into the journal (io/cronometer.h), inside the
 * caller's transaction: servings.csv rows become food-log entries with
 * each entry's own magnesium and energy (food id 0: they are not USDA
 * foods); dailysummary.csv days become imported dietary magnesium of
 * source "cronometer", which counts as food when the profile says so
 * (--food-source cronometer), never added to the food log's. Importing
 * the same file again changes nothing. Rows without a magnesium value are
 * counted and left out, never stored as 0.
 */
#ifndef MG_CRONIMPORT_H
#define MG_CRONIMPORT_H

#include <sqlite3.h>
#include <stdio.h>
#include "io/cronometer.h"
#include "util/err.h"

#define CRON_SOURCE "cronometer"

struct cron_counts {
	enum cron_kind kind;
	size_t rows, written, unchanged;
	size_t no_magnesium;     /* daily rows whose magnesium cell is empty: not imported */
	size_t unknown_mg;       /* servings written without a magnesium value (flagged, never 0 mg) */
	size_t after_today;      /* rows dated after today: skipped */
	size_t empty;            /* servings of 0 g (placeholders Cronometer keeps): skipped */
	size_t implausible;      /* above import-dietary-record-max-mg (servings) or -day-max-mg (days) */
};

int cron_import(sqlite3 *db, long profile_id, long today, FILE *f, const char *name, struct cron_counts *c,
		struct mg_err *e);

#endif
