/*
 * Diary and dose CSV imports (see diaryimport.h). Rows are checked with the
 * same functions the CLI uses (night_set, product_magnesium), so a value
 * the `night` command refuses is refused here too, with its line number.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "core/diaryimport.h"
#include "core/diaryparse.h"
#include "core/night.h"
#include "core/product.h"
#include "io/csv-reader.h"
#include "io/csv-writer.h"
#include "store/nights.h"
#include "store/supplements.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

struct diary_store {
	struct night_writer nights;   /* prepared once per import */
	long profile_id;
	struct import_counts *c;
	struct mg_err *e;
};

static int store_night(const struct night *parsed, void *ctx)
{
	struct diary_store *st = ctx;
	st->c->rows++;
	int how = journal_night_write(&st->nights, st->profile_id, parsed, NULL, st->e);
	if (how < 0)
		return -1;
	if (how == NIGHT_UNCHANGED)
		st->c->unchanged++;
	else if (how == NIGHT_UPDATED)
		st->c->updated++;
	else
		st->c->written++;
	return 0;
}

int diary_import(sqlite3 *db, long profile_id, long today, FILE *f, const char *name,
		 struct import_counts *c, struct mg_err *e)
{
	memset(c, 0, sizeof(*c));
	struct diary_store st = {.profile_id = profile_id, .c = c, .e = e};
	int rc = journal_night_writer_init(&st.nights, db, e);
	if (rc == 0)
		rc = diary_parse(f, name, today, store_night, &st, e);
	journal_night_writer_release(&st.nights);
	return rc;
}

/* ---- doses ---- */

struct dose_state {
	sqlite3 *db;
	long profile_id, today;
	long cols[3];          /* at, product, servings (-1: not given) */
	struct import_counts *c;
};

struct same_dose {
	const struct dose_entry *want;
	int found;
};

static int find_same(const struct dose_entry *d, void *ctx)
{
	struct same_dose *s = ctx;
	if (d->time == s->want->time && strcmp(d->product_name, s->want->product_name) == 0 &&
	    fabs(d->servings - s->want->servings) < 1e-9)
		s->found = 1;
	return s->found;
}

static int dose_row(struct csv_reader *r, void *ctx)
{
	struct dose_state *st = ctx;
	if (r->row == 2) {
		static const char *const need[] = {"at", "product"};
		if (csv_need_cols(r, need, st->cols, 2) < 0)
			return -1;
		st->cols[2] = csv_col(r, "servings");
		for (size_t i = 0; i < r->ncols; i++) {
			const char *h = csv_header(r, i);
			if (strcmp(h, "at") && strcmp(h, "product") && strcmp(h, "servings"))
				return mg_err_set(r->e, MG_EDATA, "%s line 1: unknown column \"%s\"", r->file, h);
		}
	}
	/* Cells without the guard `export --csv` puts before formula-like text. */
	const char *at = csv_unguard(csv_cell(r, st->cols[0])), *name = csv_unguard(csv_cell(r, st->cols[1]));
	const char *sv = csv_unguard(csv_cell(r, st->cols[2]));
	struct dose_entry d;
	memset(&d, 0, sizeof(d));
	d.planned_time = -1;
	if (mg_parse_datetime(at, &d.date, &d.time) < 0)
		return mg_err_set(r->e, MG_EDATA, "%s line %zu: at \"%s\" is not a date and time (YYYY-MM-DD HH:MM)",
				  r->file, r->row, at);
	if (d.date > st->today)
		return mg_err_set(r->e, MG_EDATA, "%s line %zu: at \"%s\" is in the future", r->file, r->row, at);
	d.servings = 1;
	if (*sv && mg_parse_double(sv, 0.25, 20, &d.servings) < 0)
		return mg_err_set(r->e, MG_EDATA, "%s line %zu: servings \"%s\" must be a number from 0.25 to 20",
				  r->file, r->row, sv);
	struct product p;
	int found = *name ? journal_product_get(st->db, name, &p, r->e) : 0;
	if (found < 0)
		return -1;
	if (!found)
		return mg_err_set(r->e, MG_EDATA, "%s line %zu: product \"%s\" is not in the journal (add it with"
				  " 'mgtrack product add')", r->file, r->row, name);
	struct product_mg mg;
	if (product_magnesium(&p, &mg, r->e) < 0)
		return -1;
	d.product_id = p.id;
	mg_strlcpy(d.product_name, p.name, sizeof(d.product_name));
	d.elemental_mg = mg.per_serving * d.servings;
	d.estimated = mg.estimated;
	st->c->rows++;
	struct same_dose same = {.want = &d};
	if (journal_dose_list(st->db, st->profile_id, d.date, d.date, find_same, &same, r->e) < 0)
		return -1;
	if (same.found) {
		st->c->unchanged++;
		return 0;
	}
	if (journal_dose_add(st->db, st->profile_id, &d, r->e) < 0)
		return -1;
	st->c->written++;
	return 0;
}

int doses_import(sqlite3 *db, long profile_id, long today, FILE *f, const char *name,
		 struct import_counts *c, struct mg_err *e)
{
	memset(c, 0, sizeof(*c));
	struct dose_state st = {.db = db, .profile_id = profile_id, .today = today, .c = c};
	return csv_read(f, name, dose_row, &st, e);
}
