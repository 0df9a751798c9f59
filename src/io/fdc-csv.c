/*
 * FoodData Central CSV reader; see fdc-csv.h. Each file is streamed
 * through io/csv-reader.c; columns are found by their header name, so
 * column order and extra columns do not matter. Foods are held in an
 * array sorted by fdc_id (food.csv is small next to food_nutrient.csv),
 * nutrients and portions are attached by binary search, then the foods go
 * to the callback in id order. Start at fdc_parse.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "io/csv-reader.h"
#include "io/fdc-csv.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

/* ---- the files ---- */

struct fdc {
	struct food_record *foods;    /* sorted by id once food.csv is read */
	size_t n, cap;
	int nutrient_of[4096];        /* FDC nutrient id (small ints) -> enum, -1 */
	long *big_ids;                /* nutrient ids beyond the table */
	int *big_kinds;
	size_t n_big;
	struct unit { long id; char *name; } *units;
	size_t n_units;
	long cols[8];
};

static int food_row(struct csv_reader *r, void *ctx)
{
	struct fdc *d = ctx;
	if (r->row == 2) {
		static const char *const names[] = {"fdc_id", "description"};
		if (csv_need_cols(r, names, d->cols, 2) < 0)
			return -1;
		d->cols[2] = csv_col(r, "food_category_id");
	}
	long id, group = 0;
	const char *sid = csv_cell(r, d->cols[0]), *name = csv_cell(r, d->cols[1]);
	if (mg_parse_long(sid, 1, 999999999L, &id) < 0)
		return csv_bad_number(r, "fdc_id", sid);
	if (!*name)
		return mg_err_set(r->e, MG_EDATA, "%s row %zu: food \"%ld\" has an empty description", r->file, r->row, id);
	/* The category is a number in SR Legacy and Foundation downloads;
	 * branded foods give a text category, which maps to no group. */
	if (mg_parse_long(csv_cell(r, d->cols[2]), 0, 9999, &group) < 0)
		group = 0;
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 256;
		d->foods = mg_realloc(d->foods, d->cap * sizeof(*d->foods));
	}
	struct food_record *f = &d->foods[d->n++];
	food_record_init(f);
	f->id = id;
	mg_strlcpy(f->source, "fdc", sizeof(f->source));
	food_record_set_name(f, name);
	f->group = (int)group;
	return 0;
}

static int by_id(const void *a, const void *b)
{
	const struct food_record *x = a, *y = b;
	return x->id < y->id ? -1 : x->id > y->id;
}

static struct food_record *find_food(struct fdc *d, long id)
{
	struct food_record key;
	key.id = id;
	return bsearch(&key, d->foods, d->n, sizeof(*d->foods), by_id);
}

static int nutrient_row(struct csv_reader *r, void *ctx)
{
	struct fdc *d = ctx;
	if (r->row == 2) {
		static const char *const names[] = {"id", "nutrient_nbr"};
		if (csv_need_cols(r, names, d->cols, 2) < 0)
			return -1;
	}
	long id;
	double nbr;
	const char *sid = csv_cell(r, d->cols[0]), *snbr = csv_cell(r, d->cols[1]);
	if (mg_parse_long(sid, 1, 999999999L, &id) < 0)
		return csv_bad_number(r, "id", sid);
	/* nutrient_nbr is "304" or "304.0"; some nutrients have none. */
	if (!*snbr)
		return 0;
	if (mg_parse_double(snbr, 0, 1e6, &nbr) < 0)
		return csv_bad_number(r, "nutrient_nbr", snbr);
	int kind = nbr == floor(nbr) ? food_nutrient_by_fdc_number((long)nbr) : -1;
	if (kind < 0)
		return 0;
	if (id < 4096) {
		d->nutrient_of[id] = kind;
	} else {
		d->big_ids = mg_realloc(d->big_ids, (d->n_big + 1) * sizeof(long));
		d->big_kinds = mg_realloc(d->big_kinds, (d->n_big + 1) * sizeof(int));
		d->big_ids[d->n_big] = id;
		d->big_kinds[d->n_big++] = kind;
	}
	return 0;
}

static int kind_of(const struct fdc *d, long nutrient_id)
{
	if (nutrient_id >= 0 && nutrient_id < 4096)
		return d->nutrient_of[nutrient_id];
	for (size_t i = 0; i < d->n_big; i++)
		if (d->big_ids[i] == nutrient_id)
			return d->big_kinds[i];
	return -1;
}

static int food_nutrient_row(struct csv_reader *r, void *ctx)
{
	struct fdc *d = ctx;
	if (r->row == 2) {
		static const char *const names[] = {"fdc_id", "nutrient_id", "amount"};
		if (csv_need_cols(r, names, d->cols, 3) < 0)
			return -1;
	}
	long fid, nid;
	const char *sf = csv_cell(r, d->cols[0]), *sn = csv_cell(r, d->cols[1]), *sa = csv_cell(r, d->cols[2]);
	if (mg_parse_long(sf, 1, 999999999L, &fid) < 0)
		return csv_bad_number(r, "fdc_id", sf);
	if (mg_parse_long(sn, 1, 999999999L, &nid) < 0)
		return csv_bad_number(r, "nutrient_id", sn);
	int kind = kind_of(d, nid);
	if (kind < 0)
		return 0;
	/* Downloads are often partial: nutrients of foods not in food.csv are
	 * skipped, not an error. */
	struct food_record *f = find_food(d, fid);
	if (!f)
		return 0;
	double v;
	if (!*sa)
		return 0;
	if (mg_parse_double(sa, 0, 1e6, &v) < 0)
		return csv_bad_number(r, "amount", sa);
	f->nut[kind] = v;
	return 0;
}

static int unit_row(struct csv_reader *r, void *ctx)
{
	struct fdc *d = ctx;
	if (r->row == 2) {
		static const char *const names[] = {"id", "name"};
		if (csv_need_cols(r, names, d->cols, 2) < 0)
			return -1;
	}
	long id;
	const char *sid = csv_cell(r, d->cols[0]);
	if (mg_parse_long(sid, 0, 999999999L, &id) < 0)
		return csv_bad_number(r, "id", sid);
	d->units = mg_realloc(d->units, (d->n_units + 1) * sizeof(*d->units));
	d->units[d->n_units].id = id;
	d->units[d->n_units++].name = mg_strdup(csv_cell(r, d->cols[1]));
	return 0;
}

static const char *unit_name(const struct fdc *d, long id)
{
	for (size_t i = 0; i < d->n_units; i++)
		if (d->units[i].id == id)
			return d->units[i].name;
	return "";
}

static int portion_row(struct csv_reader *r, void *ctx)
{
	struct fdc *d = ctx;
	if (r->row == 2) {
		static const char *const names[] = {"fdc_id", "gram_weight"};
		if (csv_need_cols(r, names, d->cols, 2) < 0)
			return -1;
		d->cols[2] = csv_col(r, "amount");
		d->cols[3] = csv_col(r, "measure_unit_id");
		d->cols[4] = csv_col(r, "portion_description");
		d->cols[5] = csv_col(r, "modifier");
	}
	long fid;
	const char *sf = csv_cell(r, d->cols[0]), *sg = csv_cell(r, d->cols[1]), *sa = csv_cell(r, d->cols[2]);
	if (mg_parse_long(sf, 1, 999999999L, &fid) < 0)
		return csv_bad_number(r, "fdc_id", sf);
	struct food_record *f = find_food(d, fid);
	if (!f)
		return 0;
	double grams, amount = 1;
	if (!*sg || mg_parse_double(sg, 0, 1e6, &grams) < 0 || grams <= 0)
		return 0;   /* a portion without a weight cannot convert to grams */
	if (*sa && (mg_parse_double(sa, 0, 1e6, &amount) < 0 || amount <= 0))
		amount = 1;
	/* The name: the description when given ("1 cup, chopped"), else the
	 * unit and modifier ("cup chopped"), skipping FDC's "undetermined". */
	struct strbuf name;
	strbuf_init(&name);
	const char *desc = csv_cell(r, d->cols[4]), *mod = csv_cell(r, d->cols[5]);
	if (*desc) {
		/* "1 cup" already carries the amount column's number: keep
		 * the words, so people type `1 cup`, not `1 1 cup`. */
		const char *p = desc;
		while (*p && strchr("0123456789./", *p))
			p++;
		strbuf_adds(&name, p > desc && *p == ' ' && p[1] ? p + 1 : desc);
	} else {
		long uid;
		const char *u = mg_parse_long(csv_cell(r, d->cols[3]), 0, 999999999L, &uid) == 0 ? unit_name(d, uid) : "";
		if (*u && strcmp(u, "undetermined") != 0)
			strbuf_adds(&name, u);
		if (*mod)
			strbuf_addf(&name, "%s%s", name.len ? " " : "", mod);
	}
	if (name.len)
		food_record_add_measure(f, amount, strbuf_str(&name), grams);
	strbuf_release(&name);
	return 0;
}

int fdc_parse(const struct fdc_inputs *in, food_record_cb cb, void *ctx, struct mg_err *e)
{
	struct fdc d;
	memset(&d, 0, sizeof(d));
	for (size_t i = 0; i < 4096; i++)
		d.nutrient_of[i] = -1;
	int rc = csv_read(in->nutrient, "nutrient.csv", nutrient_row, &d, e);
	if (rc == 0)
		rc = csv_read(in->food, "food.csv", food_row, &d, e);
	if (rc == 0 && d.n == 0)
		rc = mg_err_set(e, MG_EDATA, "food.csv has no foods");
	if (rc == 0) {
		qsort(d.foods, d.n, sizeof(*d.foods), by_id);
		for (size_t i = 1; i < d.n; i++) {
			if (d.foods[i].id == d.foods[i - 1].id) {
				rc = mg_err_set(e, MG_EDATA, "food.csv: fdc_id \"%ld\" appears twice", d.foods[i].id);
				break;
			}
		}
	}
	if (rc == 0)
		rc = csv_read(in->food_nutrient, "food_nutrient.csv", food_nutrient_row, &d, e);
	if (rc == 0 && in->measure_unit)
		rc = csv_read(in->measure_unit, "measure_unit.csv", unit_row, &d, e);
	if (rc == 0 && in->food_portion)
		rc = csv_read(in->food_portion, "food_portion.csv", portion_row, &d, e);
	for (size_t i = 0; rc == 0 && i < d.n; i++) {
		if (cb(&d.foods[i], ctx))
			rc = -1;   /* the callback stopped us and says why */
	}
	for (size_t i = 0; i < d.n; i++)
		food_record_release(&d.foods[i]);
	free(d.foods);
	for (size_t i = 0; i < d.n_units; i++)
		free(d.units[i].name);
	free(d.units);
	free(d.big_ids);
	free(d.big_kinds);
	return rc;
}

static FILE *open_in(const char *dir, const char *name, int required, struct mg_err *e, int *failed)
{
	struct strbuf path;
	strbuf_init(&path);
	strbuf_addf(&path, "%s/%s", dir, name);
	FILE *f = fopen(strbuf_str(&path), "rb");
	if (!f && (required || errno != ENOENT)) {
		mg_err_set(e, errno == ENOENT ? MG_ENOINPUT : MG_EIO, "cannot open \"%s\": %s", strbuf_str(&path),
			   strerror(errno));
		*failed = 1;
	}
	strbuf_release(&path);
	return f;
}

int fdc_read_dir(const char *dir, food_record_cb cb, void *ctx, struct mg_err *e)
{
	int failed = 0;
	struct fdc_inputs in = {0};
	in.food = open_in(dir, "food.csv", 1, e, &failed);
	if (!failed)
		in.nutrient = open_in(dir, "nutrient.csv", 1, e, &failed);
	if (!failed)
		in.food_nutrient = open_in(dir, "food_nutrient.csv", 1, e, &failed);
	if (!failed)
		in.food_portion = open_in(dir, "food_portion.csv", 0, e, &failed);
	if (!failed)
		in.measure_unit = open_in(dir, "measure_unit.csv", 0, e, &failed);
	int rc = failed ? -1 : fdc_parse(&in, cb, ctx, e);
	FILE *all[] = {in.food, in.nutrient, in.food_nutrient, in.food_portion, in.measure_unit};
	for (size_t i = 0; i < 5; i++)
		if (all[i])
			fclose(all[i]);
	return rc;
}
