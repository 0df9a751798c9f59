/*
 * Magnesium intake over a window of days from the food log and the doses
 * taken, against the profile's target: the average per logged
 * day, how many days were logged, the gap and the foods that gave most.
 */
#ifndef MG_INTAKE_H
#define MG_INTAKE_H

#include <sqlite3.h>
#include "core/targets.h"
#include "util/err.h"

#define INTAKE_TOP 5

struct intake_top {
	long food_id;
	char name[256];
	double mg;          /* per logged day */
};

struct intake_day {
	long date;
	double food_mg;
};

struct intake {
	long from, to;          /* inclusive window */
	int days;               /* days in the window */
	int days_logged;        /* days with at least one food entry */
	int food_known;         /* days_logged reaches the food-days-min rule */
	const char *food_rule;  /* "food-days-min" */
	double food_mg;         /* average per logged day (0 when none) */
	double supplement_mg;   /* doses taken, average per calendar day of the window */
	char food_source[16];   /* "log", or "apple-health" when imported food counts instead */
	double imported_mg;     /* imported dietary magnesium, average per day that has it */
	int imported_days;
	double total_mg;
	double target_mg;
	double gap_mg;          /* target - total; <= 0 means covered */
	struct intake_top top[INTAKE_TOP];
	size_t n_top;
	struct intake_day *per_day;   /* logged days only, oldest first; owned */
	size_t n_per_day;
};

int intake_compute(sqlite3 *journal, long profile_id, long from, long to,
		   const struct targets *t, struct intake *out, struct mg_err *e);
void intake_release(struct intake *in);

#endif
