/*
 * Logging what was eaten and taken, as both front ends do it: a food
 * portion (resolved to grams through the food's measures, stored with its
 * magnesium so the log survives food database rebuilds) and a dose of a
 * product (stored with the elemental magnesium it gave). Each is one
 * transaction.
 */
#include <math.h>
#include <string.h>
#include "core/portion.h"
#include "store/db.h"
#include "store/foods.h"
#include "view/view.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

/* More than 5 kg of one food in one entry is a typo, not a meal. */
#define MAX_PORTION_G 5000.0

int view_find_food(sqlite3 *journal, const char *foods_path, long id, struct food_record *f, struct mg_err *e)
{
	int found;
	if (id > CUSTOM_FOOD_ID_BASE) {
		found = journal ? journal_custom_food_get(journal, id, f, e) : 0;
	} else {
		sqlite3 *foods;
		if (foods_open(foods_path, &foods, e) < 0)
			return -1;
		found = foods_get(foods, id, f, e);
		db_close(foods);
	}
	if (found < 0)
		return -1;
	if (!found)
		return mg_err_set(e, MG_ENOINPUT, "no food \"%ld\"; find ids with 'mgtrack food search'", id);
	return 0;
}

int view_food_log_add(sqlite3 *db, const char *foods_path, long profile_id, long food_id, double amount,
		      const char *unit, long date, struct food_log_entry *en, struct mg_err *e)
{
	struct food_record f;
	food_record_init(&f);
	memset(en, 0, sizeof(*en));
	int rc = -1;
	if (!(amount > 0 && amount <= 100000)) {
		mg_err_set(e, MG_EDATA, "amount \"%g\" is not a positive number", amount);
		goto out;
	}
	if (view_find_food(db, foods_path, food_id, &f, e) < 0 ||
	    portion_grams(&f, amount, unit, &en->grams, en->measure, sizeof(en->measure), e) < 0)
		goto out;
	if (en->grams > MAX_PORTION_G) {
		mg_err_set(e, MG_EDATA, "amount \"%g %s\" is %.0f g, more than %.0f g of one food", amount,
			   unit && *unit ? unit : "g", en->grams, MAX_PORTION_G);
		goto out;
	}
	if (isnan(f.nut[NUT_MG])) {
		mg_err_set(e, MG_EDATA, "food \"%ld\" has no magnesium value; add it as a custom food with 'mgtrack food add'",
			   f.id);
		goto out;
	}
	en->date = date;
	en->food_id = f.id;
	mg_strlcpy(en->food_name, f.name, sizeof(en->food_name));
	en->amount = amount;
	en->mg = f.nut[NUT_MG] * en->grams / 100;
	en->kcal = isnan(f.nut[NUT_KCAL]) ? NAN : f.nut[NUT_KCAL] * en->grams / 100;
	if (db_begin(db, e) < 0)
		goto out;
	if (journal_food_log_add(db, profile_id, en, e) < 0 || db_commit(db, e) < 0) {
		db_rollback(db);
		goto out;
	}
	rc = 0;
out:
	food_record_release(&f);
	return rc;
}

static int sum_dose(const struct dose_entry *d, void *ctx)
{
	*(double *)ctx += d->elemental_mg;
	return 0;
}

int view_dose_log(sqlite3 *db, const struct profile *p, long date, int time, const char *key, double servings,
		  struct dose_entry *d, double *day_total, struct targets *t, struct mg_err *e)
{
	struct product pr;
	struct product_mg mg;
	if (date > mg_today()) {
		char day[16], hhmm[8];
		mg_format_date(date, day, sizeof(day));
		mg_format_hhmm(time, hhmm, sizeof(hhmm));
		return mg_err_set(e, MG_EDATA, "--at \"%s %s\" is in the future", day, hhmm);
	}
	if (!(servings >= 0.25 && servings <= 20))
		return mg_err_set(e, MG_EDATA, "servings \"%g\" must be a number from 0.25 to 20", servings);
	int found = journal_product_get(db, key, &pr, e);
	if (found < 0)
		return -1;
	if (!found)
		return mg_err_set(e, MG_ENOINPUT, "no product \"%s\" (add it with 'mgtrack product add')", key);
	memset(d, 0, sizeof(*d));
	d->date = date;
	d->time = time;
	d->product_id = pr.id;
	d->servings = servings;
	*day_total = 0;
	if (product_magnesium(&pr, &mg, e) < 0 || targets_compute(p, date, t, e) < 0)
		return -1;
	mg_strlcpy(d->product_name, pr.name, sizeof(d->product_name));
	d->elemental_mg = mg.per_serving * servings;
	d->estimated = mg.estimated;
	/* The day's total is read in the same transaction as the insert, so
	 * the upper-limit warning counts a dose logged meanwhile elsewhere. */
	if (db_begin(db, e) < 0)
		return -1;
	if (journal_dose_list(db, p->id, date, date, sum_dose, day_total, e) < 0 ||
	    journal_dose_add(db, p->id, d, e) < 0 || db_commit(db, e) < 0) {
		db_rollback(db);
		return -1;
	}
	*day_total += d->elemental_mg;
	return 0;
}
