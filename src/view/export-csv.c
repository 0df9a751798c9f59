/*
 * The rows of `export --csv` (see export-csv.h): every night (one row per
 * date and source, as the journal keeps them), every dose taken, the food
 * log, the products and each course's plan versions, one row per intake.
 * Cells go through io/csv-writer, which quotes and guards them.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "core/night.h"
#include "core/product.h"
#include "io/csv-writer.h"
#include "store/courses.h"
#include "store/journal.h"
#include "store/nights.h"
#include "store/supplements.h"
#include "view/export-csv.h"
#include "util/parse.h"
#include "util/banned.h"

const char *const export_csv_names[EXPORT_CSV_FILES] = {
	"nights.csv", "doses.csv", "food-log.csv", "products.csv", "plan-versions.csv",
};

/* Excel reads a CSV as UTF-8 only after this mark; the imports skip it. */
#define UTF8_BOM "\xEF\xBB\xBF"

static void header(struct csv_writer *w, const char *const *names, size_t n)
{
	strbuf_adds(w->out, UTF8_BOM);
	for (size_t i = 0; i < n; i++)
		csv_text(w, names[i]);
	csv_end_row(w);
}

static void date_cell(struct csv_writer *w, long date)
{
	char d[16];
	if (date == MG_NO_DATE) {
		csv_text(w, "");
		return;
	}
	mg_format_date(date, d, sizeof(d));
	csv_text(w, d);
}

static void yes_no(struct csv_writer *w, int v)
{
	csv_text(w, v ? "yes" : "no");
}

/* ---- nights.csv: the diary import's header, plus source ---- */

static int night_row(const struct night *n, void *ctx)
{
	struct csv_writer *w = ctx;
	size_t nf;
	const char *const *fields = night_field_names(&nf);
	date_cell(w, n->date);
	csv_text(w, n->source);
	for (size_t i = 0; i < nf; i++) {
		char v[sizeof(n->note)];
		night_get(n, fields[i], v, sizeof(v));
		csv_text(w, v);
	}
	csv_end_row(w);
	return 0;
}

static int nights_csv(sqlite3 *db, long profile_id, long from, long to, struct strbuf *out, size_t *rows,
		      struct mg_err *e)
{
	struct csv_writer w;
	csv_writer_init(&w, out);
	size_t nf;
	const char *const *fields = night_field_names(&nf);
	strbuf_adds(out, UTF8_BOM);
	csv_text(&w, "date");
	csv_text(&w, "source");
	for (size_t i = 0; i < nf; i++)
		csv_text(&w, fields[i]);
	csv_end_row(&w);
	int rc = journal_night_list(db, profile_id, from, to, night_row, &w, e);
	*rows = w.rows - 1;
	return rc;
}

/* ---- doses.csv: exactly import doses' at,product,servings ---- */

static int dose_row(const struct dose_entry *d, void *ctx)
{
	struct csv_writer *w = ctx;
	char at[32], date[16], hhmm[8];
	mg_format_date(d->date, date, sizeof(date));
	mg_format_hhmm(d->time, hhmm, sizeof(hhmm));
	snprintf(at, sizeof(at), "%s %s", date, hhmm);
	csv_text(w, at);
	csv_text(w, d->product_name);
	csv_num(w, d->servings);
	csv_end_row(w);
	return 0;
}

/* ---- food-log.csv ---- */

static int food_row(const struct food_log_entry *en, void *ctx)
{
	struct csv_writer *w = ctx;
	date_cell(w, en->date);
	csv_int(w, en->food_id);
	csv_text(w, en->food_name);
	csv_num(w, en->amount);
	csv_text(w, en->measure);
	csv_num(w, en->grams);
	csv_num(w, en->mg);      /* empty: the food has no magnesium value */
	csv_num(w, en->kcal);    /* empty: no energy value */
	csv_end_row(w);
	return 0;
}

/* ---- products.csv ---- */

static int product_row(const struct product *p, void *ctx)
{
	struct csv_writer *w = ctx;
	struct product_mg mg;
	struct mg_err ignored = {0};
	int have_mg = product_magnesium(p, &mg, &ignored) == 0;
	csv_text(w, p->name);
	csv_text(w, p->form);
	csv_text(w, p->hydrate);
	csv_num(w, p->compound_mg);
	csv_num(w, p->elemental_mg);
	csv_int(w, p->units_per_serving);
	csv_num(w, have_mg ? mg.per_serving : NAN);
	csv_text(w, have_mg ? (mg.estimated ? "yes" : "no") : "");
	yes_no(w, p->third_party);
	yes_no(w, p->proprietary_blend);
	csv_num(w, p->taking_servings > 0 ? p->taking_servings : NAN);
	yes_no(w, p->divisible);
	csv_end_row(w);
	return 0;
}

/* ---- plan-versions.csv: one row per intake ---- */

struct courses_ctx {
	struct csv_writer *w;
	long n;    /* courses so far: the course column counts 1, 2, ... */
};

static void version_cells(struct csv_writer *w, long course, const struct course *c, const struct course_version *v)
{
	csv_int(w, course);
	date_cell(w, c->started);
	date_cell(w, c->ended);
	csv_int(w, v->seq);
	date_cell(w, v->from);
	csv_text(w, course_phase_name(v->phase));
	csv_text(w, v->event);
	csv_num(w, v->daily_mg);
	csv_num(w, v->full_mg);
	csv_num(w, v->start_mg);
	csv_num(w, v->step_mg);
	csv_text(w, v->form);
	csv_text(w, v->product_name);
	csv_num(w, v->unit_mg);
	csv_int(w, v->units_per_serving);
	yes_no(w, v->divisible);
	csv_text(w, v->reason);
	csv_text(w, v->rule);
}

static int course_rows(const struct course *c, void *ctx)
{
	struct courses_ctx *cc = ctx;
	cc->n++;
	for (size_t i = 0; i < c->n; i++) {
		const struct course_version *v = &c->v[i];
		/* A paused or stopped version has no intake: one row all the same. */
		size_t rows = v->n_intakes ? v->n_intakes : 1;
		for (size_t k = 0; k < rows; k++) {
			version_cells(cc->w, cc->n, c, v);
			if (k < v->n_intakes) {
				const struct course_intake *in = &v->intakes[k];
				char t[8];
				mg_format_hhmm(in->time, t, sizeof(t));
				csv_int(cc->w, (long)k + 1);
				csv_text(cc->w, t);
				csv_num(cc->w, in->mg);
				csv_num(cc->w, in->units);
				csv_text(cc->w, in->slot);
			} else {
				for (int j = 0; j < 5; j++)
					csv_text(cc->w, "");
			}
			csv_end_row(cc->w);
		}
	}
	return 0;
}

int view_export_csv(sqlite3 *db, long profile_id, struct strbuf out[EXPORT_CSV_FILES],
		    size_t rows[EXPORT_CSV_FILES], struct mg_err *e)
{
	long from = mg_days_from_civil(1, 1, 1), to = mg_days_from_civil(9999, 12, 31);
	struct csv_writer w;
	if (nights_csv(db, profile_id, from, to, &out[EXPORT_NIGHTS], &rows[EXPORT_NIGHTS], e) < 0)
		return -1;

	static const char *const dose_cols[] = {"at", "product", "servings"};
	csv_writer_init(&w, &out[EXPORT_DOSES]);
	header(&w, dose_cols, sizeof(dose_cols) / sizeof(dose_cols[0]));
	if (journal_dose_list(db, profile_id, from, to, dose_row, &w, e) < 0)
		return -1;
	rows[EXPORT_DOSES] = w.rows - 1;

	static const char *const food_cols[] = {"date", "food_id", "food", "amount", "measure", "grams",
						"magnesium_mg", "energy_kcal"};
	csv_writer_init(&w, &out[EXPORT_FOOD_LOG]);
	header(&w, food_cols, sizeof(food_cols) / sizeof(food_cols[0]));
	if (journal_food_log_list(db, profile_id, from, to, food_row, &w, e) < 0)
		return -1;
	rows[EXPORT_FOOD_LOG] = w.rows - 1;

	static const char *const product_cols[] = {"name", "form", "hydrate", "compound_mg", "elemental_mg",
						   "units_per_serving", "mg_per_serving", "mg_estimated", "third_party",
						   "proprietary_blend", "taking_servings", "divisible"};
	csv_writer_init(&w, &out[EXPORT_PRODUCTS]);
	header(&w, product_cols, sizeof(product_cols) / sizeof(product_cols[0]));
	if (journal_product_list(db, product_row, &w, e) < 0)
		return -1;
	rows[EXPORT_PRODUCTS] = w.rows - 1;

	static const char *const plan_cols[] = {"course", "course_started", "course_ended", "version", "from",
						"phase", "event", "daily_mg", "full_mg", "start_mg", "step_mg", "form",
						"product", "unit_mg", "units_per_serving", "divisible", "reason", "rule",
						"intake", "intake_time", "intake_mg", "intake_units", "intake_slot"};
	csv_writer_init(&w, &out[EXPORT_PLAN_VERSIONS]);
	header(&w, plan_cols, sizeof(plan_cols) / sizeof(plan_cols[0]));
	struct courses_ctx cc = {.w = &w};
	int rc = journal_course_list(db, profile_id, course_rows, &cc, e);
	rows[EXPORT_PLAN_VERSIONS] = w.rows - 1;
	return rc;
}
