/*
 * Unit tests for src/core/intake.c over a temporary journal: averages over
 * logged days, the 3-day rule, the gap, top foods, and that the window and
 * the profile are respected.
 */
#include "testutil.h"
#include "core/intake.h"
#include "core/profile.h"
#include "core/tables.h"
#include "store/db.h"
#include "store/journal.h"
#include "util/parse.h"
#include "util/banned.h"

static char *dir;
static sqlite3 *db;
static struct profile me, other;
static const long day0 = 20781;   /* 2026-11-24 */

static void log_food(long profile_id, long date, long food, const char *name, double mg)
{
	struct food_log_entry en;
	struct mg_err e = {0};
	memset(&en, 0, sizeof(en));
	en.date = date;
	en.food_id = food;
	snprintf(en.food_name, sizeof(en.food_name), "%s", name);
	en.amount = 1;
	snprintf(en.measure, sizeof(en.measure), "g");
	en.grams = 100;
	en.mg = mg;
	en.kcal = NAN;
	assert_int_equal(journal_food_log_add(db, profile_id, &en, &e), 0);
}

static int setup(void **state)
{
	struct mg_err e = {0};
	if (tables_load(&e) < 0)
		return -1;
	dir = tu_mkdtemp();
	if (journal_open(tu_path(dir, "j.db"), &db, &e) < 0)
		return -1;
	profile_defaults(&me, "me");
	snprintf(me.sex, sizeof(me.sex), "female");
	me.age_years = 35;
	me.age_on = day0;
	profile_defaults(&other, "other");
	snprintf(other.sex, sizeof(other.sex), "male");
	other.age_years = 35;
	other.age_on = day0;
	if (journal_profile_put(db, &me, &e) < 0 || journal_profile_put(db, &other, &e) < 0)
		return -1;
	log_food(me.id, day0, 12016, "Pumpkin seeds", 150);
	log_food(me.id, day0, 11458, "Spinach", 100);
	log_food(me.id, day0 - 1, 11458, "Spinach", 200);
	log_food(me.id, day0 - 3, 9040, "Banana", 50);
	log_food(me.id, day0 - 30, 12016, "Pumpkin seeds", 1000);   /* outside a week */
	log_food(other.id, day0, 12016, "Pumpkin seeds", 999);      /* someone else */
	return 0;
}

static int teardown(void **state)
{
	db_close(db);
	tu_rmdir(dir);
	free(dir);
	tables_unload();
	return 0;
}

static void test_week(void **state)
{
	struct targets t;
	struct intake in;
	struct mg_err e = {0};
	assert_int_equal(targets_compute(&me, day0, &t, &e), 0);
	assert_int_equal(intake_compute(db, me.id, day0 - 6, day0, &t, &in, &e), 0);
	assert_int_equal(in.days, 7);
	assert_int_equal(in.days_logged, 3);
	assert_true(in.food_known);
	assert_true(fabs(in.food_mg - 500.0 / 3) < 1e-9);
	assert_true(in.supplement_mg == 0);
	assert_true(fabs(in.gap_mg - (320 - 500.0 / 3)) < 1e-9);
	assert_int_equal(in.n_top, 3);
	assert_int_equal(in.top[0].food_id, 11458);
	assert_true(fabs(in.top[0].mg - 100) < 1e-9);
	assert_int_equal(in.n_per_day, 3);
	assert_int_equal(in.per_day[0].date, day0 - 3);
	intake_release(&in);
}

static void test_unknown_and_single_day(void **state)
{
	struct targets t;
	struct intake in;
	struct mg_err e = {0};
	assert_int_equal(targets_compute(&me, day0, &t, &e), 0);
	assert_int_equal(intake_compute(db, me.id, day0 - 1, day0, &t, &in, &e), 0);
	assert_int_equal(in.days_logged, 2);
	assert_false(in.food_known);
	intake_release(&in);
	assert_int_equal(intake_compute(db, me.id, day0, day0, &t, &in, &e), 0);
	assert_true(in.food_known);
	assert_true(in.food_mg == 250);
	intake_release(&in);
	assert_int_equal(intake_compute(db, me.id, day0 - 2, day0 - 2, &t, &in, &e), 0);
	assert_false(in.food_known);
	assert_int_equal(in.days_logged, 0);
	assert_true(in.gap_mg == 320);
	assert_int_equal(in.n_top, 0);
	intake_release(&in);
}

static void test_other_profile(void **state)
{
	struct targets t;
	struct intake in;
	struct mg_err e = {0};
	assert_int_equal(targets_compute(&other, day0, &t, &e), 0);
	assert_int_equal(intake_compute(db, other.id, day0 - 6, day0, &t, &in, &e), 0);
	assert_true(in.food_mg == 999);
	assert_true(in.target_mg == 420);
	assert_true(in.gap_mg < 0);
	intake_release(&in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_week),
		cmocka_unit_test(test_unknown_and_single_day),
		cmocka_unit_test(test_other_profile),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
