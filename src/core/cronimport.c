/*
 * Cronometer rows into the food log or the imported intake; see
 * cronimport.h. A serving already in the log (same day, name, amount,
 * unit and magnesium, or no magnesium value on both) is left as it is, so
 * a re-import writes nothing.
 *
 * The cost per row does not grow with the file: the store's statements
 * are prepared once per import (struct food_log_writer, intake_writer),
 * the file's earlier rows of a day are found through a table by date, and
 * the entries this import wrote are told by their id (a new rowid is
 * above every row there was). Each of the three was a pass or a prepare
 * per row: ten years of servings took seconds.
 */
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "core/cronimport.h"
#include "core/tables.h"
#include "store/journal.h"
#include "util/strbuf.h"
#include "util/banned.h"

/* The file's rows so far, each day's chained from the table by date. */
struct day_slot {
	long date;      /* LONG_MIN: empty */
	size_t last;    /* the day's latest row in seen */
};

struct cron_ctx {
	struct food_log_writer log;   /* prepared once per import */
	struct intake_writer intake;
	long profile_id, today;
	struct cron_counts *c;
	struct mg_err *e;
	const struct cron_row *row;   /* the serving being looked for */
	int found;                    /* matches in the journal from before this import */
	/* Two identical servings on one day (the same snack twice) are two
	 * entries: the file's rows so far and the ids this import wrote tell
	 * a repeat in the file from one already in the journal. */
	struct cron_row *seen;
	size_t *seen_prev;            /* the same day's row before it, SIZE_MAX */
	size_t n_seen, cap_seen;
	struct day_slot *days;
	size_t n_days, cap_days;      /* cap a power of two */
	long first_written;           /* the first id this import wrote, 0 before it wrote one */
};

static size_t day_hash(long date, size_t cap)
{
	return ((size_t)date * 0x9E3779B97F4A7C15u) & (cap - 1);
}

/* The slot of `date` (an empty one where it is not in the table). */
static struct day_slot *day_slot(struct cron_ctx *x, long date)
{
	if (2 * (x->n_days + 1) > x->cap_days) {
		size_t cap = x->cap_days ? x->cap_days * 2 : 1024;
		struct day_slot *t = mg_malloc(cap * sizeof(*t));
		for (size_t i = 0; i < cap; i++)
			t[i].date = LONG_MIN;
		for (size_t i = 0; i < x->cap_days; i++) {
			if (x->days[i].date == LONG_MIN)
				continue;
			size_t h = day_hash(x->days[i].date, cap);
			while (t[h].date != LONG_MIN)
				h = (h + 1) & (cap - 1);
			t[h] = x->days[i];
		}
		free(x->days);
		x->days = t;
		x->cap_days = cap;
	}
	size_t h = day_hash(date, x->cap_days);
	while (x->days[h].date != LONG_MIN && x->days[h].date != date)
		h = (h + 1) & (x->cap_days - 1);
	return &x->days[h];
}

/* Whether a serving (food, unit, amount, mg) is row r's; the tolerances
 * only absorb floating-point rounding of the file's two decimals. */
static int is_serving(const struct cron_row *r, const char *food, const char *unit, double amount, double mg)
{
	/* No magnesium value on both sides is the same serving too. */
	int same_mg = isnan(mg) || isnan(r->mg) ? isnan(mg) && isnan(r->mg) : fabs(mg - r->mg) < 0.005;
	return strcmp(food, r->food) == 0 && strcmp(unit, r->unit) == 0 && fabs(amount - r->amount) < 1e-6 && same_mg;
}

static int same(const struct cron_row *a, const struct cron_row *b)
{
	return a->date == b->date && is_serving(b, a->food, a->unit, a->amount, a->mg);
}

static int same_serving(const struct food_log_entry *en, void *vctx)
{
	struct cron_ctx *x = vctx;
	const struct cron_row *r = x->row;
	if (x->first_written && en->id >= x->first_written)
		return 0;   /* this import's own: a repeat in the file, counted by nth */
	if (en->food_id == 0 && is_serving(r, en->food_name, en->measure, en->amount, en->mg))
		x->found++;
	return 0;
}

static int same_day(long date, const char *source, double mg, void *vctx)
{
	struct cron_ctx *x = vctx;
	if (date == x->row->date && strcmp(source, CRON_SOURCE) == 0 && fabs(mg - x->row->mg) < 0.005)
		x->found = 1;
	return 0;
}

static int store_row(const struct cron_row *r, void *vctx)
{
	struct cron_ctx *x = vctx;
	struct cron_counts *c = x->c;
	c->kind = r->kind;
	c->rows++;
	if (r->date > x->today) {
		c->after_today++;
		return 0;
	}
	/* A day's total without magnesium says nothing; a serving without it
	 * is still food eaten (its energy tells a whole day from a part), so
	 * it is logged with no magnesium value, which intake names and never
	 * counts as 0 mg. */
	if (isnan(r->mg) && r->kind == CRON_DAILY) {
		c->no_magnesium++;
		return 0;
	}
	const char *cap = r->kind == CRON_SERVINGS ? "import-dietary-record-max-mg" : "import-dietary-day-max-mg";
	if (r->mg > tables_threshold(cap, NULL)) {
		c->implausible++;
		return 0;
	}
	x->row = r;
	x->found = 0;
	if (r->kind == CRON_DAILY) {
		if (journal_intake_day(&x->intake, x->profile_id, r->date, same_day, x, x->e) < 0)
			return -1;
		if (x->found) {
			c->unchanged++;
			return 0;
		}
		if (journal_intake_write(&x->intake, x->profile_id, r->date, CRON_SOURCE, r->mg, x->e) < 0)
			return -1;
		c->written++;
		return 0;
	}
	if (r->amount == 0) {
		c->empty++;   /* Cronometer keeps "0.00 g" placeholders: nothing was eaten */
		return 0;
	}
	if (isnan(r->amount))
		return mg_err_set(x->e, MG_EDATA, "cronometer row %zu: Amount of \"%s\" is not a number and a unit", r->line,
				  r->food);
	size_t nth = 1;   /* this row is the nth of its kind in the file */
	struct day_slot *slot = day_slot(x, r->date);
	size_t prev = slot->date == r->date ? slot->last : SIZE_MAX;
	for (size_t i = prev; i != SIZE_MAX; i = x->seen_prev[i])
		nth += same(&x->seen[i], r);
	if (x->n_seen == x->cap_seen) {
		x->cap_seen = x->cap_seen ? x->cap_seen * 2 : 64;
		x->seen = mg_realloc(x->seen, x->cap_seen * sizeof(*x->seen));
		x->seen_prev = mg_realloc(x->seen_prev, x->cap_seen * sizeof(*x->seen_prev));
	}
	if (slot->date != r->date) {
		slot->date = r->date;
		x->n_days++;
	}
	x->seen_prev[x->n_seen] = prev;
	slot->last = x->n_seen;
	x->seen[x->n_seen++] = *r;
	if (journal_food_log_day(&x->log, x->profile_id, r->date, same_serving, x, x->e) < 0)
		return -1;
	if ((size_t)x->found >= nth) {
		c->unchanged++;
		return 0;
	}
	struct food_log_entry en;
	memset(&en, 0, sizeof(en));
	en.date = r->date;
	en.food_id = 0;
	mg_strlcpy(en.food_name, r->food, sizeof(en.food_name));
	en.amount = r->amount;
	mg_strlcpy(en.measure, r->unit, sizeof(en.measure));
	en.grams = strcmp(r->unit, "g") == 0 ? r->amount : 0;
	en.mg = r->mg;
	en.kcal = r->kcal;
	if (journal_food_log_write(&x->log, x->profile_id, &en, x->e) < 0)
		return -1;
	if (!x->first_written)
		x->first_written = en.id;
	c->written++;
	c->unknown_mg += isnan(en.mg);
	return 0;
}

int cron_import(sqlite3 *db, long profile_id, long today, FILE *f, const char *name, struct cron_counts *c,
		struct mg_err *e)
{
	memset(c, 0, sizeof(*c));
	struct cron_ctx x = {.profile_id = profile_id, .today = today, .c = c, .e = e};
	int rc = journal_food_log_writer_init(&x.log, db, e);
	if (rc == 0 && (rc = journal_intake_writer_init(&x.intake, db, e)) == 0) {
		rc = cron_parse(f, name, store_row, &x, e);
		journal_intake_writer_release(&x.intake);
	}
	journal_food_log_writer_release(&x.log);
	free(x.seen);
	free(x.seen_prev);
	free(x.days);
	return rc;
}
