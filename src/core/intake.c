/*
 * Intake arithmetic over the food log and the doses taken; see intake.h.
 * Food is averaged over logged days, not calendar days: a day without
 * entries is a day not logged, not a day without food.
 *
 * Start at intake_compute. Entries arrive oldest first; each day's foods
 * wait in a day buffer until the day is complete, then close_day judges
 * its energy: a day that counts adds its foods to the totals, a day too low
 * in energy (one banana logged) adds nothing but its count, so the average,
 * the top foods and the known/unknown rule all see the same days.
 */
#include <math.h>
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
	double mg;          /* of the entries with a magnesium value */
	int known;          /* entries with a value; 0: the food has none at all */
};

struct food_list {
	struct food_sum *v;
	size_t n, cap;
};

struct acc {
	struct intake *in;
	struct food_list foods;   /* over the days that count */
	struct food_list day;     /* the day being read, until close_day */
	int day_open;             /* per_day's last day still takes entries */
	int day_kcal_entries;     /* entries of that day that record energy and magnesium */
	int day_entries;
	int day_mg_entries;       /* entries of that day with a magnesium value */
};

static void add_food(struct food_list *l, long food_id, const char *name, double mg)
{
	size_t i;
	/* Foods without a database id (0: imported from another app, such as
	 * Cronometer's servings) are told apart by their name. */
	for (i = 0; i < l->n; i++)
		if (l->v[i].food_id == food_id && (food_id != 0 || strcmp(l->v[i].name, name) == 0))
			break;
	if (i == l->n) {
		if (l->n == l->cap) {
			l->cap = l->cap ? l->cap * 2 : 16;
			l->v = mg_realloc(l->v, l->cap * sizeof(*l->v));
		}
		l->v[i].food_id = food_id;
		mg_strlcpy(l->v[i].name, name, sizeof(l->v[i].name));
		l->v[i].mg = 0;
		l->v[i].known = 0;
		l->n++;
	}
	/* One entry without a value does not make the food's known entries
	 * unknown (a Cronometer food logged once with and once without). */
	if (!isnan(mg)) {
		l->v[i].mg += mg;
		l->v[i].known++;
	}
}

/* Judges the day just read. Only recorded energy under the limit shows
 * that a day is incomplete, so:
 *  - no entry records energy (a daily total imported from Apple Health,
 *    which carries magnesium only; custom foods added without --kcal):
 *    the day cannot be checked and counts as recorded. Dropping it would
 *    throw away real data and leave food unknown for good for anyone whose
 *    food comes from another app.
 *  - some entries record energy and their sum is under the limit: the day
 *    does not count, even when other entries record none. What is recorded
 *    is a lower bound, and the error this rule can make is the safe one:
 *    food unknown plans a conservative 200 mg, where a partial day taken as
 *    a whole one plans up to the upper limit. The day stays in per_day with
 *    kcal_complete 0, so a reader can see why.
 *  - otherwise the day counts. */
static void close_day(struct acc *a)
{
	if (!a->day_open)
		return;
	struct intake *in = a->in;
	struct intake_day *d = &in->per_day[in->n_per_day - 1];
	d->kcal_complete = a->day_kcal_entries == a->day_entries;
	if (a->day_mg_entries == 0) {
		/* Nothing of the day has a magnesium value: its magnesium is not
		 * 0, it is unknown, so the day does not count. */
		d->kcal = NAN;
		d->counted = 0;
		in->days_no_mg++;
	} else if (a->day_kcal_entries == 0) {
		d->kcal = NAN;
		d->counted = 1;
		in->days_no_energy++;
	} else {
		d->counted = !(d->kcal < in->min_kcal);
		in->days_low_energy += !d->counted;
	}
	if (d->counted)
		for (size_t i = 0; i < a->day.n; i++)
			add_food(&a->foods, a->day.v[i].food_id, a->day.v[i].name, a->day.v[i].known ? a->day.v[i].mg : NAN);
	a->day.n = 0;
	a->day_open = 0;
}

static int on_entry(const struct food_log_entry *en, void *ctx)
{
	struct acc *a = ctx;
	struct intake *in = a->in;
	if (!a->day_open || in->per_day[in->n_per_day - 1].date != en->date) {
		close_day(a);
		in->per_day = mg_realloc(in->per_day, (in->n_per_day + 1) * sizeof(*in->per_day));
		memset(&in->per_day[in->n_per_day], 0, sizeof(*in->per_day));
		in->per_day[in->n_per_day].date = en->date;
		in->n_per_day++;
		a->day_open = 1;
		a->day_entries = a->day_kcal_entries = a->day_mg_entries = 0;
	}
	struct intake_day *d = &in->per_day[in->n_per_day - 1];
	/* No magnesium value: the entry counts for the day's energy and for
	 * coverage, never as 0 mg (add_food keeps its NAN). */
	if (!isnan(en->mg)) {
		d->food_mg += en->mg;
		a->day_mg_entries++;
	}
	a->day_entries++;
	/* Only energy from entries with a magnesium value tells whether the
	 * day's magnesium is a whole day's: a day whose energy is mostly an
	 * unknown stew holds an unknown part of its magnesium, and counting it
	 * whole would lower the average and raise the supplement. */
	if (!isnan(en->kcal) && !isnan(en->mg)) {
		d->kcal += en->kcal;
		a->day_kcal_entries++;
	}
	add_food(&a->day, en->food_id, en->food_name, en->mg);
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
	const char *source;   /* the profile's food source: only its rows count */
	double sum;
	int days;
	long last;
};

static int on_imported(long date, const char *source, double mg, void *ctx)
{
	struct imported *im = ctx;
	/* Apple Health and Cronometer may both hold the same meals: only the
	 * source the profile chose counts, never the two added together. */
	if (im->as_food && strcmp(source, im->source) != 0)
		return 0;
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
		en.kcal = NAN;   /* the app's total carries no energy: the day is not checked */
		on_entry(&en, im->a);
	}
	return 0;
}

const char *intake_kcal_rule(const struct profile *p, int age_months)
{
	static const char *const female = "intake-min-kcal-female", *const male = "intake-min-kcal-male";
	int adult = age_months >= 12 * tables_threshold("intake-kcal-adult-years", NULL);
	if (adult && strcmp(p->sex, "male") == 0)
		return male;
	if (adult && strcmp(p->sex, "female") == 0)
		return female;
	/* A child, or a sex not known: the lower limit, so that no whole day
	 * is dropped on a guess. */
	return tables_threshold(male, NULL) < tables_threshold(female, NULL) ? male : female;
}

static void release_acc(struct acc *a)
{
	free(a->foods.v);
	free(a->day.v);
}

int intake_compute(sqlite3 *journal, const struct profile *p, long from, long to,
		   const struct targets *t, struct intake *out, struct mg_err *e)
{
	memset(out, 0, sizeof(*out));
	out->from = from;
	out->to = to;
	out->days = (int)(to - from + 1);
	out->kcal_rule = intake_kcal_rule(p, t->age_months);
	out->min_kcal = tables_threshold(out->kcal_rule, NULL);
	struct acc a = {.in = out};
	char source[16];
	if (journal_profile_food_source(journal, p->id, source, sizeof(source), e) < 0)
		return -1;
	struct imported im = {.a = &a, .as_food = strcmp(source, "log") != 0, .source = source, .last = MG_NO_DATE};
	mg_strlcpy(out->food_source, source, sizeof(out->food_source));
	if ((!im.as_food && journal_food_log_list(journal, p->id, from, to, on_entry, &a, e) < 0) ||
	    journal_imported_intake_list(journal, p->id, from, to, on_imported, &im, e) < 0) {
		release_acc(&a);
		intake_release(out);
		return -1;
	}
	close_day(&a);
	out->imported_days = im.days;
	out->imported_mg = im.days ? im.sum / im.days : 0;
	double sum = 0;
	for (size_t i = 0; i < out->n_per_day; i++)
		if (out->per_day[i].counted) {
			sum += out->per_day[i].food_mg;
			out->days_logged++;
		}
	out->food_mg = out->days_logged ? sum / out->days_logged : 0;
	out->food_rule = "food-days-min";
	double min_days = tables_threshold(out->food_rule, NULL);
	/* A single requested day is known once it is logged at all. */
	out->food_known = out->days == 1 ? out->days_logged == 1 : out->days_logged >= min_days;
	/* Supplements average over calendar days: unlike food, a day without a
	 * logged dose is a day without supplement. */
	double dose_sum = 0;
	if (journal_dose_list(journal, p->id, from, to, on_dose, &dose_sum, e) < 0) {
		release_acc(&a);
		intake_release(out);
		return -1;
	}
	out->supplement_mg = dose_sum / out->days;
	out->total_mg = out->food_mg + out->supplement_mg;
	out->target_mg = t->target_mg;
	out->gap_mg = t->target_mg - out->total_mg;

	/* Coverage: the foods with no magnesium value leave the list before
	 * it is ranked (a NAN cannot be ordered). */
	out->foods_logged = (int)a.foods.n;
	size_t known = 0;
	for (size_t i = 0; i < a.foods.n; i++) {
		if (a.foods.v[i].known) {
			a.foods.v[known++] = a.foods.v[i];
			continue;
		}
		out->foods_no_mg++;
		if (out->n_no_mg < INTAKE_TOP) {
			struct intake_top *u = &out->no_mg[out->n_no_mg++];
			u->food_id = a.foods.v[i].food_id;
			mg_strlcpy(u->name, a.foods.v[i].name, sizeof(u->name));
			u->mg = NAN;
		}
	}
	a.foods.n = known;
	if (a.foods.n)
		qsort(a.foods.v, a.foods.n, sizeof(*a.foods.v), by_mg);
	for (size_t i = 0; i < a.foods.n && out->n_top < INTAKE_TOP; i++) {
		struct intake_top *tp = &out->top[out->n_top++];
		tp->food_id = a.foods.v[i].food_id;
		mg_strlcpy(tp->name, a.foods.v[i].name, sizeof(tp->name));
		tp->mg = a.foods.v[i].mg / out->days_logged;   /* foods come from counted days only */
	}
	release_acc(&a);
	return 0;
}

void intake_release(struct intake *in)
{
	free(in->per_day);
	in->per_day = NULL;
	in->n_per_day = 0;
}

int intake_note_incomplete(const struct intake *in, struct notes *ns)
{
	if (in->days_low_energy <= 0)
		return 0;
	char figures[128];
	int with_food = in->days_logged + in->days_low_energy;
	snprintf(figures, sizeof(figures), " (%d of %d day%s with food recorded under %.0f kcal)",
		 in->days_low_energy, with_food, with_food == 1 ? "" : "s", in->min_kcal);
	notes_add_row(ns, "plan-rules.tsv", "intake-incomplete", "text", figures);
	return 1;
}

void intake_coverage_text(const struct intake *in, char *buf, size_t n)
{
	if (in->foods_logged <= 0)
		snprintf(buf, n, "%s", "");
	else
		snprintf(buf, n, "%d of %d food%s %s a magnesium value", in->foods_logged - in->foods_no_mg,
			 in->foods_logged, in->foods_logged == 1 ? "" : "s",
			 in->foods_logged - in->foods_no_mg == 1 ? "has" : "have");
}

int intake_note_no_mg(const struct intake *in, struct notes *ns)
{
	if (in->foods_no_mg <= 0 && in->days_no_mg <= 0)
		return 0;
	struct strbuf b;
	strbuf_init(&b);
	char cov[96];
	intake_coverage_text(in, cov, sizeof(cov));
	strbuf_addf(&b, " (");
	if (in->foods_no_mg > 0) {
		strbuf_addf(&b, "%s; without: ", cov);
		for (size_t i = 0; i < in->n_no_mg; i++)
			strbuf_addf(&b, "%s%s", i ? ", " : "", in->no_mg[i].name);
		if ((size_t)in->foods_no_mg > in->n_no_mg)
			strbuf_addf(&b, " and %zu more", (size_t)in->foods_no_mg - in->n_no_mg);
	}
	if (in->days_no_mg > 0)
		strbuf_addf(&b, "%s%d day%s with no magnesium value at all, not counted", in->foods_no_mg > 0 ? "; " : "",
			    in->days_no_mg, in->days_no_mg == 1 ? "" : "s");
	strbuf_addf(&b, ")");
	notes_add_row(ns, "plan-rules.tsv", "intake-no-magnesium", "text", strbuf_str(&b));
	strbuf_release(&b);
	return 1;
}

int intake_note_unchecked(const struct intake *in, struct notes *ns)
{
	if (in->days_no_energy <= 0)
		return 0;
	char figures[96];
	snprintf(figures, sizeof(figures), " (%d day%s)", in->days_no_energy, in->days_no_energy == 1 ? "" : "s");
	notes_add_row(ns, "plan-rules.tsv", "intake-energy-unchecked", "text", figures);
	return 1;
}
