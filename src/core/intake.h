/*
 * Magnesium intake over a window of days from the food log and the doses
 * taken, against the profile's target: the average per logged
 * day, how many days were logged, the gap and the foods that gave most.
 *
 * A logged day is a day whose food log records a plausible day's energy:
 * a day under the plausible energy intake (thresholds.tsv
 * intake-min-kcal-female or -male) holds only part of that day's food, so
 * it is kept in per_day but does not count. A day none of whose entries
 * records energy (imported daily totals, foods without an energy value)
 * cannot be checked and counts as recorded; intake.c says why. Energy of
 * entries without a magnesium value does not count toward the limit, and
 * a day with no magnesium value at all does not count.
 */
#ifndef MG_INTAKE_H
#define MG_INTAKE_H

#include <sqlite3.h>
#include "core/notes.h"
#include "core/targets.h"
#include "store/journal.h"
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
	double kcal;        /* energy its entries record; NAN when none records any */
	int kcal_complete;  /* every entry of the day records its energy */
	int counted;        /* a logged day: 0 when its energy is under min_kcal */
};

struct intake {
	long from, to;          /* inclusive window */
	int days;               /* days in the window */
	int days_logged;        /* days with food that count (not under min_kcal) */
	int days_low_energy;    /* days with food whose recorded energy is under min_kcal: not counted */
	int days_no_energy;     /* counted days none of whose entries records energy: not checked */
	int days_no_mg;         /* days none of whose entries has a magnesium value: not counted */
	int food_known;         /* days_logged reaches the food-days-min rule */
	const char *food_rule;  /* "food-days-min" */
	double min_kcal;        /* a day under this is not a whole day's food */
	const char *kcal_rule;  /* the thresholds.tsv row of min_kcal */
	double food_mg;         /* average per logged day (0 when none) */
	double supplement_mg;   /* doses taken, average per calendar day of the window */
	char food_source[16];   /* "log", or "apple-health" when imported food counts instead */
	double imported_mg;     /* imported dietary magnesium, average per day that has it */
	int imported_days;
	double total_mg;
	double target_mg;
	double gap_mg;          /* target - total; <= 0 means covered */
	struct intake_top top[INTAKE_TOP];   /* over logged days only */
	size_t n_top;
	/* Coverage, over logged days: how many different foods were logged
	 * and how many of them have no magnesium value (not counted, never as
	 * 0 mg), with the first few of those by name. */
	int foods_logged;
	int foods_no_mg;
	struct intake_top no_mg[INTAKE_TOP];   /* mg is NAN */
	size_t n_no_mg;
	struct intake_day *per_day;   /* every day with food, counted or not, oldest first; owned */
	size_t n_per_day;
};

/* Fills out for profile p over from..to (t: p's targets on `to`, whose age
 * picks the energy limit). The caller releases out with intake_release;
 * on failure nothing is left to release. */
int intake_compute(sqlite3 *journal, const struct profile *p, long from, long to,
		   const struct targets *t, struct intake *out, struct mg_err *e);
void intake_release(struct intake *in);

/* The thresholds.tsv row of the energy limit for p at age_months. */
const char *intake_kcal_rule(const struct profile *p, int age_months);

/* Adds the "intake-incomplete" note (with the count of days under the
 * energy limit) to ns when some days were too low in energy to count;
 * returns 1 when it did. */
int intake_note_incomplete(const struct intake *in, struct notes *ns);
/* Adds the "intake-no-magnesium" note (how many foods, which) to ns when
 * some logged foods have no magnesium value; returns 1 when it did. */
int intake_note_no_mg(const struct intake *in, struct notes *ns);
/* Writes "14 of 15 foods have a magnesium value" (or "" when no food is
 * logged). */
void intake_coverage_text(const struct intake *in, char *buf, size_t n);
/* Adds the "intake-energy-unchecked" note to ns when some counted days
 * record no energy; returns 1 when it did. */
int intake_note_unchecked(const struct intake *in, struct notes *ns);

#endif
