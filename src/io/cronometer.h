/*
 * Cronometer's CSV exports (../shared/reference/health-exports.md and the
 * real files in ../shared/realdata/cronometer/): servings.csv, one row per
 * food eaten (Day, Time, Group, Food Name, Amount "600.00 g", Energy
 * (kcal), ..., Magnesium (mg), ...), and dailysummary.csv, one row per day
 * (Date, Energy (kcal), ..., Magnesium (mg), ...). The kind is told by the
 * header. Cells the app left empty are NAN, never 0.
 */
#ifndef MG_CRONOMETER_H
#define MG_CRONOMETER_H

#include <stdio.h>
#include "util/err.h"

enum cron_kind { CRON_SERVINGS, CRON_DAILY };

struct cron_row {
	enum cron_kind kind;
	long date;
	char food[256];      /* servings: the food's name as Cronometer wrote it */
	double amount;       /* servings: 600 of "600.00 g"; NAN when it does not parse */
	char unit[48];       /* servings: "g", "cup", "serving" ... */
	double mg;           /* magnesium, NAN when the cell is empty */
	double kcal;         /* energy, NAN when empty */
	size_t line;         /* in the file, for messages */
};

/* Streams f (named `name` in messages) and calls cb for each data row.
 * MG_EDATA for a file that is neither export, a bad date or number. */
int cron_parse(FILE *f, const char *name, int (*cb)(const struct cron_row *r, void *ctx), void *ctx,
	       struct mg_err *e);

#endif
