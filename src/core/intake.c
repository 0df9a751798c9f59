/*
 * Intake arithmetic over the food log and the doses taken; see intake.h.
 * Food is averaged over logged days, not calendar days: a day without
 * entries is a day not logged, not a day without food.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/intake.h"
#include "core/tables.h"
#include "store/journal.h"
#include "store/supplements.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

struct food_sum {
	long food_id;
	char name[256];
	double mg;
};

struct acc {
	struct intake *in;
	struct food_sum *foods;
	size_t n_foods, cap_foods;
};

static int on_entry(const struct food_log_entry *en, void *ctx)
{
	struct acc *a = ctx;
	struct intake *in = a->in;
	if (in->n_per_day == 0 || in->per_day[in->n_per_day - 1].date != en->date) {
		in->per_day = mg_realloc(in->per_day, (in->n_per_day + 1) * sizeof(*in->per_day));
		in->per_day[in->n_per_day].date = en->date;
		in->per_day[in->n_per_day].food_mg = 0;
		in->n_per_day++;
	}
	in->per_day[in->n_per_day - 1].food_mg += en->mg;
	size_t i;
	for (i = 0; i < a->n_foods; i++)
		if (a->foods[i].food_id == en->food_id)
			break;
	if (i == a->n_foods) {
		if (a->n_foods == a->cap_foods) {
			a->cap_foods = a->cap_foods ? a->cap_foods * 2 : 16;
			a->foods = mg_realloc(a->foods, a->cap_foods * sizeof(*a->foods));
		}
		a->foods[i].food_id = en->food_id;
		mg_strlcpy(a->foods[i].name, en->food_name, sizeof(a->foods[i].name));
		a->foods[i].mg = 0;
		a->n_foods++;
	}
	a->foods[i].mg += en->mg;
	return 0;
}

static int by_mg(const void *x, const void *y)
{
	const struct food_sum *a = x, *b = y;
	if (a->mg != b->mg)
		return a->mg < b->mg ? 1 : -1;
	return a->food_id < b->food_id ? -1 : a->food_id > b->food_id;
}

static int on_dose(const struct dose_entry *d, void *ctx)
{
	*(double *)ctx += d->elemental_mg;
	return 0;
}

/* Imported days: the average for reporting, and, when the profile counts
 * them as food, entries in place of the food log (one per day, the app's
 * total). */
struct imported {
	struct acc *a;
	int as_food;
	double sum;
	int days;
	long last;
};

static int on_imported(long date, const char *source, double mg, void *ctx)
{
	struct imported *im = ctx;
	if (date != im->last) {
		im->days++;
		im->last = date;
	}
	im->sum += mg;
	if (im->as_food) {
		struct food_log_entry en;
		memset(&en, 0, sizeof(en));
		en.date = date;
		en.food_id = 0;
		snprintf(en.food_name, sizeof(en.food_name), "%s (dietary magnesium)", source);
		en.mg = mg;
		on_entry(&en, im->a);
	}
	return 0;
}

int intake_compute(sqlite3 *journal, long profile_id, long from, long to,
		   const struct targets *t, struct intake *out, struct mg_err *e)
{
	memset(out, 0, sizeof(*out));
	out->from = from;
	out->to = to;
	out->days = (int)(to - from + 1);
	struct acc a = {.in = out};
	char source[16];
	if (journal_profile_food_source(journal, profile_id, source, sizeof(source), e) < 0)
		return -1;
	struct imported im = {.a = &a, .as_food = strcmp(source, "log") != 0, .last = MG_NO_DATE};
	mg_strlcpy(out->food_source, source, sizeof(out->food_source));
	if ((!im.as_food && journal_food_log_list(journal, profile_id, from, to, on_entry, &a, e) < 0) ||
	    journal_imported_intake_list(journal, profile_id, from, to, on_imported, &im, e) < 0) {
		free(a.foods);
		intake_release(out);
		return -1;
	}
	out->imported_days = im.days;
	out->imported_mg = im.days ? im.sum / im.days : 0;
	out->days_logged = (int)out->n_per_day;
	double sum = 0;
	for (size_t i = 0; i < out->n_per_day; i++)
		sum += out->per_day[i].food_mg;
	out->food_mg = out->days_logged ? sum / out->days_logged : 0;
	out->food_rule = "food-days-min";
	double min_days = tables_threshold(out->food_rule, NULL);
	/* A single requested day is known once it is logged at all. */
	out->food_known = out->days == 1 ? out->days_logged == 1 : out->days_logged >= min_days;
	/* Supplements average over calendar days: unlike food, a day without a
	 * logged dose is a day without supplement. */
	double dose_sum = 0;
	if (journal_dose_list(journal, profile_id, from, to, on_dose, &dose_sum, e) < 0) {
		free(a.foods);
		intake_release(out);
		return -1;
	}
	out->supplement_mg = dose_sum / out->days;
	out->total_mg = out->food_mg + out->supplement_mg;
	out->target_mg = t->target_mg;
	out->gap_mg = t->target_mg - out->total_mg;

	if (a.n_foods)
		qsort(a.foods, a.n_foods, sizeof(*a.foods), by_mg);
	for (size_t i = 0; i < a.n_foods && out->n_top < INTAKE_TOP; i++) {
		struct intake_top *tp = &out->top[out->n_top++];
		tp->food_id = a.foods[i].food_id;
		mg_strlcpy(tp->name, a.foods[i].name, sizeof(tp->name));
		tp->mg = a.foods[i].mg / (out->days_logged ? out->days_logged : 1);
	}
	free(a.foods);
	return 0;
}

void intake_release(struct intake *in)
{
	free(in->per_day);
	in->per_day = NULL;
	in->n_per_day = 0;
}
