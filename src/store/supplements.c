/*
 * The product and dose tables (schema in store/journal.c, migration 2).
 * Plain CRUD with bound parameters; the rules about what a valid product or
 * dose is live in core/product.c.
 */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "store/db.h"
#include "store/supplements.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

void product_init(struct product *p)
{
	memset(p, 0, sizeof(*p));
	p->compound_mg = NAN;
	p->elemental_mg = NAN;
	p->units_per_serving = 1;
}

static void bind_real_or_null(sqlite3_stmt *st, int idx, double v)
{
	if (isnan(v))
		sqlite3_bind_null(st, idx);
	else
		sqlite3_bind_double(st, idx, v);
}

static double column_real_or_nan(sqlite3_stmt *st, int col)
{
	return sqlite3_column_type(st, col) == SQLITE_NULL ? NAN : sqlite3_column_double(st, col);
}

static void column_text(sqlite3_stmt *st, int col, char *dst, size_t n)
{
	const unsigned char *s = sqlite3_column_text(st, col);
	mg_strlcpy(dst, s ? (const char *)s : "", n);
}

static int step_done(sqlite3 *db, sqlite3_stmt *st, const char *what, struct mg_err *e)
{
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, what, e);
}

int journal_product_add(sqlite3 *db, struct product *p, struct mg_err *e)
{
	struct product existing;
	int found = journal_product_get(db, p->name, &existing, e);
	if (found < 0)
		return -1;
	if (found)
		return mg_err_set(e, MG_EDATA, "a product named \"%s\" already exists", existing.name);
	sqlite3_stmt *st;
	if (db_prepare(db, "INSERT INTO product(name, form, hydrate, compound_mg, elemental_mg,"
		       " units_per_serving, third_party, proprietary_blend, divisible) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
		       &st, e) < 0)
		return -1;
	sqlite3_bind_text(st, 1, p->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, p->form, -1, SQLITE_STATIC);
	db_bind_text_or_null(st, 3, p->hydrate);
	bind_real_or_null(st, 4, p->compound_mg);
	bind_real_or_null(st, 5, p->elemental_mg);
	sqlite3_bind_int(st, 6, p->units_per_serving);
	sqlite3_bind_int(st, 7, p->third_party);
	sqlite3_bind_int(st, 8, p->proprietary_blend);
	sqlite3_bind_int(st, 9, p->divisible);
	if (step_done(db, st, "cannot save product", e) < 0)
		return -1;
	p->id = sqlite3_last_insert_rowid(db);
	return p->taking_servings > 0 ? journal_product_set_taking(db, p->id, p->taking_servings, e) : 0;
}

int journal_product_set_divisible(sqlite3 *db, long id, int divisible, struct mg_err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, "UPDATE product SET divisible = ? WHERE id = ?", &st, e) < 0)
		return -1;
	sqlite3_bind_int(st, 1, divisible != 0);
	sqlite3_bind_int64(st, 2, id);
	return step_done(db, st, "cannot save product", e);
}

int journal_product_set_taking(sqlite3 *db, long id, double servings, struct mg_err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, "UPDATE product SET taking_servings = ? WHERE id = ?", &st, e) < 0)
		return -1;
	if (servings > 0)
		sqlite3_bind_double(st, 1, servings);
	else
		sqlite3_bind_null(st, 1);
	sqlite3_bind_int64(st, 2, id);
	return step_done(db, st, "cannot save product", e);
}

#define PRODUCT_COLS "id, name, form, hydrate, compound_mg, elemental_mg, units_per_serving," \
		     " third_party, proprietary_blend, coalesce(taking_servings, 0), divisible"

static void product_from_row(sqlite3_stmt *st, struct product *p)
{
	product_init(p);
	p->id = sqlite3_column_int64(st, 0);
	column_text(st, 1, p->name, sizeof(p->name));
	column_text(st, 2, p->form, sizeof(p->form));
	column_text(st, 3, p->hydrate, sizeof(p->hydrate));
	p->compound_mg = column_real_or_nan(st, 4);
	p->elemental_mg = column_real_or_nan(st, 5);
	p->units_per_serving = sqlite3_column_int(st, 6);
	p->third_party = sqlite3_column_int(st, 7);
	p->proprietary_blend = sqlite3_column_int(st, 8);
	p->taking_servings = sqlite3_column_double(st, 9);
	p->divisible = sqlite3_column_int(st, 10);
}

int journal_product_get(sqlite3 *db, const char *key, struct product *p, struct mg_err *e)
{
	long id;
	int by_id = mg_parse_long(key, 1, LONG_MAX, &id) == 0;
	sqlite3_stmt *st;
	if (db_prepare(db, by_id ? "SELECT " PRODUCT_COLS " FROM product WHERE id = ?"
				 : "SELECT " PRODUCT_COLS " FROM product WHERE name = ?", &st, e) < 0)
		return -1;
	if (by_id)
		sqlite3_bind_int64(st, 1, id);
	else
		sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	int found = sqlite3_step(st) == SQLITE_ROW;
	if (found)
		product_from_row(st, p);
	sqlite3_finalize(st);
	return found;
}

int journal_product_list(sqlite3 *db, int (*cb)(const struct product *p, void *ctx), void *ctx,
			 struct mg_err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, "SELECT " PRODUCT_COLS " FROM product ORDER BY name", &st, e) < 0)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct product p;
		product_from_row(st, &p);
		if (cb(&p, ctx))
			break;
	}
	sqlite3_finalize(st);
	return 0;
}

int journal_dose_add(sqlite3 *db, long profile_id, struct dose_entry *d, struct mg_err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, "INSERT INTO dose(profile_id, date, time, product_id, product_name, servings,"
		       " elemental_mg, estimated, status, planned_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", &st, e) < 0)
		return -1;
	char date[16], time[8];
	mg_format_date(d->date, date, sizeof(date));
	mg_format_hhmm(d->time, time, sizeof(time));
	sqlite3_bind_int64(st, 1, profile_id);
	sqlite3_bind_text(st, 2, date, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, time, -1, SQLITE_TRANSIENT);
	if (d->product_id)
		sqlite3_bind_int64(st, 4, d->product_id);
	else
		sqlite3_bind_null(st, 4);
	sqlite3_bind_text(st, 5, d->product_name, -1, SQLITE_STATIC);
	sqlite3_bind_double(st, 6, d->servings);
	sqlite3_bind_double(st, 7, d->elemental_mg);
	sqlite3_bind_int(st, 8, d->estimated);
	sqlite3_bind_text(st, 9, d->skipped ? "skipped" : "taken", -1, SQLITE_STATIC);
	char planned[8];
	if (d->planned_time >= 0) {
		mg_format_hhmm(d->planned_time, planned, sizeof(planned));
		sqlite3_bind_text(st, 10, planned, -1, SQLITE_TRANSIENT);
	} else {
		sqlite3_bind_null(st, 10);
	}
	if (step_done(db, st, "cannot save dose", e) < 0)
		return -1;
	d->id = sqlite3_last_insert_rowid(db);
	return 0;
}

int journal_dose_delete(sqlite3 *db, long profile_id, long id, struct mg_err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, "DELETE FROM dose WHERE profile_id = ? AND id = ?", &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, profile_id);
	sqlite3_bind_int64(st, 2, id);
	if (step_done(db, st, "cannot delete dose", e) < 0)
		return -1;
	if (sqlite3_changes(db) == 0)
		return mg_err_set(e, MG_ENOINPUT, "no dose \"%ld\"", id);
	return 0;
}

static int dose_query(sqlite3 *db, long profile_id, long from, long to, int with_skipped,
		      int (*cb)(const struct dose_entry *d, void *ctx), void *ctx, struct mg_err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, with_skipped
		       ? "SELECT id, date, time, product_id, product_name, servings, elemental_mg, estimated,"
			 " status = 'skipped', planned_time FROM dose WHERE profile_id = ? AND date BETWEEN ? AND ?"
			 " ORDER BY date, time, id"
		       : "SELECT id, date, time, product_id, product_name, servings, elemental_mg, estimated,"
			 " 0, planned_time FROM dose WHERE profile_id = ? AND date BETWEEN ? AND ? AND status = 'taken'"
			 " ORDER BY date, time, id", &st, e) < 0)
		return -1;
	db_bind_window(st, profile_id, from, to);
	int rc, stop = 0;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct dose_entry d;
		memset(&d, 0, sizeof(d));
		d.id = sqlite3_column_int64(st, 0);
		if (mg_parse_date((const char *)sqlite3_column_text(st, 1), &d.date) < 0 ||
		    mg_parse_hhmm((const char *)sqlite3_column_text(st, 2), &d.time) < 0) {
			sqlite3_finalize(st);
			return mg_err_set(e, MG_EDATA, "dose %ld has a damaged date or time", d.id);
		}
		d.product_id = sqlite3_column_int64(st, 3);
		column_text(st, 4, d.product_name, sizeof(d.product_name));
		d.servings = sqlite3_column_double(st, 5);
		d.elemental_mg = sqlite3_column_double(st, 6);
		d.estimated = sqlite3_column_int(st, 7);
		d.skipped = sqlite3_column_int(st, 8);
		const unsigned char *pt = sqlite3_column_text(st, 9);
		if (!pt || mg_parse_hhmm((const char *)pt, &d.planned_time) < 0)
			d.planned_time = -1;
		stop = cb(&d, ctx);
	}
	sqlite3_finalize(st);
	return 0;
}

int journal_dose_list(sqlite3 *db, long profile_id, long from, long to,
		      int (*cb)(const struct dose_entry *d, void *ctx), void *ctx, struct mg_err *e)
{
	return dose_query(db, profile_id, from, to, 0, cb, ctx, e);
}

int journal_dose_events(sqlite3 *db, long profile_id, long from, long to,
			int (*cb)(const struct dose_entry *d, void *ctx), void *ctx, struct mg_err *e)
{
	return dose_query(db, profile_id, from, to, 1, cb, ctx, e);
}
