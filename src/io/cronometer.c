/*
 * Cronometer servings and daily summaries through the strict CSV reader;
 * see cronometer.h. Only the columns mgtrack uses are read: extra or
 * reordered nutrient columns, which Cronometer adds over the years, do not
 * matter.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "io/cronometer.h"
#include "io/csv-reader.h"
#include "util/parse.h"
#include "util/banned.h"

struct cron_state {
	int (*cb)(const struct cron_row *r, void *ctx);
	void *ctx;
	int kind;          /* -1 until the header is read */
	long c_date, c_food, c_amount, c_mg, c_kcal;
};

/* A number cell: NAN when empty; -1 with an error when it is not one. */
static int number(struct csv_reader *r, long col, const char *what, double *out)
{
	const char *s = csv_cell(r, col);
	*out = NAN;
	if (!*s)
		return 0;
	char *end;
	double v = strtod(s, &end);
	if (*end || !isfinite(v) || v < 0)
		return csv_bad_number(r, what, s);
	*out = v;
	return 0;
}

static int row(struct csv_reader *r, void *vctx)
{
	struct cron_state *st = vctx;
	if (st->kind < 0) {
		st->c_food = csv_col(r, "Food Name");
		st->kind = st->c_food >= 0 ? CRON_SERVINGS : CRON_DAILY;
		const char *need_servings[] = {"Day", "Food Name", "Amount", "Magnesium (mg)"};
		const char *need_daily[] = {"Date", "Magnesium (mg)"};
		long idx[4];
		if (st->kind == CRON_SERVINGS) {
			if (csv_need_cols(r, need_servings, idx, 4) < 0)
				return -1;
			st->c_date = idx[0], st->c_amount = idx[2], st->c_mg = idx[3];
		} else {
			if (csv_need_cols(r, need_daily, idx, 2) < 0)
				return mg_err_set(r->e, MG_EDATA, "%s is neither a Cronometer servings export (Day, Food Name,"
						  " Amount, Magnesium (mg)) nor a daily summary (Date, Magnesium (mg))", r->file);
			st->c_date = idx[0], st->c_mg = idx[1];
		}
		st->c_kcal = csv_col(r, "Energy (kcal)");
	}
	struct cron_row out;
	memset(&out, 0, sizeof(out));
	out.kind = (enum cron_kind)st->kind;
	out.line = r->row;
	const char *d = csv_cell(r, st->c_date);
	if (mg_parse_date(d, &out.date) < 0)
		return mg_err_set(r->e, MG_EDATA, "%s row %zu: date \"%s\" is not a date (YYYY-MM-DD)", r->file, r->row, d);
	if (number(r, st->c_mg, "Magnesium (mg)", &out.mg) < 0 ||
	    (st->c_kcal >= 0 && number(r, st->c_kcal, "Energy (kcal)", &out.kcal) < 0))
		return -1;
	if (st->c_kcal < 0)
		out.kcal = NAN;
	if (out.kind == CRON_SERVINGS) {
		mg_strlcpy(out.food, csv_cell(r, st->c_food), sizeof(out.food));
		if (!out.food[0])
			return mg_err_set(r->e, MG_EDATA, "%s row %zu: Food Name is empty", r->file, r->row);
		/* "600.00 g", "1.00 cup", "2.00 serving - 30g": a number, then its unit. */
		const char *a = csv_cell(r, st->c_amount);
		char *end;
		out.amount = strtod(a, &end);
		if (end == a || !isfinite(out.amount) || out.amount < 0) {
			out.amount = NAN;
			end = (char *)a;
		}
		while (*end == ' ')
			end++;
		mg_strlcpy(out.unit, end, sizeof(out.unit));
	}
	return st->cb(&out, st->ctx) < 0 ? -1 : 0;
}

int cron_parse(FILE *f, const char *name, int (*cb)(const struct cron_row *r, void *ctx), void *ctx,
	       struct mg_err *e)
{
	struct cron_state st = {.cb = cb, .ctx = ctx, .kind = -1};
	return csv_read(f, name, row, &st, e);
}
