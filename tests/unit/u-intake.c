/*
 * Unit tests for src/core/intake.c over a temporary journal: averages over
 * logged days, the 3-day rule, the gap, top foods, and that the window and
 * the profile are respected; then the energy rule: days under a plausible
 * energy intake (one banana) do not count, days without any energy value
 * (imported totals, foods without kcal) count unchecked, the limit follows
 * sex and age, and the boundaries fall where thresholds.tsv puts them.
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

static void log_food_kcal(long profile_id, long date, long food, const char *name, double mg, double kcal)
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
	en.kcal = kcal;
	assert_int_equal(journal_food_log_add(db, profile_id, &en, &e), 0);
}

/* The first tests' entries record no energy: they are about averages. */
static void log_food(long profile_id, long date, long food, const char *name, double mg)
{
	log_food_kcal(profile_id, date, food, name, mg, NAN);
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
	assert_int_equal(intake_compute(db, &me, day0 - 6, day0, &t, &in, &e), 0);
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

/* A food with no magnesium value (NAN) is stored as such, read back as
 * NAN, counts for the day's energy and coverage, never as 0 mg; the day's
 * average is the other foods'. Days far from the setup's. */
static void test_no_magnesium(void **state)
{
	struct targets t;
	struct intake in;
	struct mg_err e = {0};
	long d = day0 - 200;
	log_food_kcal(me.id, d, 12016, "Pumpkin seeds", 150, 600);
	log_food_kcal(me.id, d, 900000001, "Stew", NAN, 400);
	log_food_kcal(me.id, d + 1, 900000001, "Stew", NAN, 600);
	log_food_kcal(me.id, d + 1, 11458, "Spinach", 50, 550);
	/* Energy without magnesium does not make a day whole: 450 kcal known. */
	log_food_kcal(me.id, d + 2, 9040, "Banana", 30, 100);
	log_food_kcal(me.id, d + 2, 900000001, "Stew", NAN, 1500);
	/* A day with no magnesium value at all is unknown, not 0 mg. */
	log_food_kcal(me.id, d + 3, 900000001, "Stew", NAN, 1500);
	/* A food with one entry with a value and one without keeps its value. */
	log_food_kcal(me.id, d + 1, 900000002, "Soup", 20, 10);
	log_food_kcal(me.id, d, 900000002, "Soup", NAN, 10);
	assert_int_equal(targets_compute(&me, d + 3, &t, &e), 0);
	assert_int_equal(intake_compute(db, &me, d, d + 3, &t, &in, &e), 0);
	assert_int_equal(in.days_logged, 2);          /* 600 and 560 kcal known: whole days */
	assert_int_equal(in.days_low_energy, 1);
	assert_int_equal(in.days_no_mg, 1);
	assert_true(fabs(in.food_mg - 110) < 1e-9);   /* (150 + 50 + 20) / 2, the stew not as 0 */
	assert_int_equal(in.foods_logged, 4);
	assert_int_equal(in.foods_no_mg, 1);
	assert_int_equal(in.n_no_mg, 1);
	assert_string_equal(in.no_mg[0].name, "Stew");
	assert_int_equal(in.n_top, 3);
	char cov[96];
	intake_coverage_text(&in, cov, sizeof(cov));
	assert_string_equal(cov, "3 of 4 foods have a magnesium value");
	struct notes ns;
	notes_init(&ns);
	assert_int_equal(intake_note_no_mg(&in, &ns), 1);
	assert_true(notes_has(&ns, "intake-no-magnesium"));
	assert_non_null(strstr(ns.v[0].text, "(3 of 4 foods have a magnesium value; without: Stew; 1 day with no magnesium value at all, not counted)"));
	notes_release(&ns);
	intake_release(&in);
	/* Without such a food there is no note. */
	assert_int_equal(intake_compute(db, &me, day0 - 6, day0, &t, &in, &e), 0);
	notes_init(&ns);
	assert_int_equal(intake_note_no_mg(&in, &ns), 0);
	notes_release(&ns);
	intake_release(&in);
}

static void test_unknown_and_single_day(void **state)
{
	struct targets t;
	struct intake in;
	struct mg_err e = {0};
	assert_int_equal(targets_compute(&me, day0, &t, &e), 0);
	assert_int_equal(intake_compute(db, &me, day0 - 1, day0, &t, &in, &e), 0);
	assert_int_equal(in.days_logged, 2);
	assert_false(in.food_known);
	intake_release(&in);
	assert_int_equal(intake_compute(db, &me, day0, day0, &t, &in, &e), 0);
	assert_true(in.food_known);
	assert_true(in.food_mg == 250);
	intake_release(&in);
	assert_int_equal(intake_compute(db, &me, day0 - 2, day0 - 2, &t, &in, &e), 0);
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
	assert_int_equal(intake_compute(db, &other, day0 - 6, day0, &t, &in, &e), 0);
	assert_true(in.food_mg == 999);
	assert_true(in.target_mg == 420);
	assert_true(in.gap_mg < 0);
	intake_release(&in);
}


/* A new profile in the journal, for one test's own food log. */
static void new_profile(struct profile *p, const char *name, const char *sex, int age)
{
	struct mg_err e = {0};
	profile_defaults(p, name);
	snprintf(p->sex, sizeof(p->sex), "%s", sex);
	p->age_years = age;
	p->age_on = day0;
	assert_int_equal(journal_profile_put(db, p, &e), 0);
}

static void compute_week(const struct profile *p, struct intake *in)
{
	struct targets t;
	struct mg_err e = {0};
	assert_int_equal(targets_compute(p, day0, &t, &e), 0);
	assert_int_equal(intake_compute(db, p, day0 - 6, day0, &t, in, &e), 0);
}

static int note_has_text(const struct notes *ns, const char *rule, const char *text)
{
	for (size_t i = 0; i < ns->n; i++)
		if (strcmp(ns->v[i].rule, rule) == 0 && strstr(ns->v[i].text, text))
			return 1;
	return 0;
}

/* The case: one banana (105 kcal) a day for three days is not the
 * whole diet. None of the days counts, food is unknown, the gap is the
 * whole target, and the note says how many days were too low. */
static void test_banana_days(void **state)
{
	struct profile p;
	struct intake in;
	new_profile(&p, "banana", "female", 40);
	for (int d = 1; d <= 3; d++)
		log_food_kcal(p.id, day0 - d, 9040, "Bananas, raw", 31.9, 105);
	compute_week(&p, &in);
	assert_int_equal(in.days_logged, 0);
	assert_int_equal(in.days_low_energy, 3);
	assert_int_equal(in.days_no_energy, 0);
	assert_false(in.food_known);
	assert_true(in.food_mg == 0);
	assert_true(in.gap_mg == 320);
	assert_int_equal(in.n_top, 0);
	assert_string_equal(in.kcal_rule, "intake-min-kcal-female");
	assert_true(in.min_kcal == 500);
	assert_int_equal(in.n_per_day, 3);
	for (size_t i = 0; i < in.n_per_day; i++) {
		assert_false(in.per_day[i].counted);
		assert_true(in.per_day[i].kcal == 105);
		assert_true(in.per_day[i].kcal_complete);
		assert_true(fabs(in.per_day[i].food_mg - 31.9) < 1e-9);
	}
	struct notes ns;
	notes_init(&ns);
	assert_int_equal(intake_note_incomplete(&in, &ns), 1);
	assert_int_equal(intake_note_unchecked(&in, &ns), 0);
	assert_int_equal(ns.n, 1);
	assert_true(note_has_text(&ns, "intake-incomplete", "looks incomplete"));
	assert_true(note_has_text(&ns, "intake-incomplete", "3 of 3 days with food recorded under 500 kcal"));
	assert_non_null(strstr(ns.v[0].source, "Willett"));
	notes_release(&ns);
	intake_release(&in);
}

/* Whole days and banana days in one week: the whole days make the
 * average, and the top foods come from them only (a banana counted on the
 * low days too would give 5 x 31.9 / 3 a day). */
static void test_mixed_days(void **state)
{
	struct profile p;
	struct intake in;
	new_profile(&p, "mixed", "female", 40);
	for (int d = 0; d < 5; d++)
		log_food_kcal(p.id, day0 - d, 9040, "Bananas, raw", 31.9, 105);
	for (int d = 0; d < 3; d++)
		log_food_kcal(p.id, day0 - d, 900000001, "Dinner", 200, 1500);
	compute_week(&p, &in);
	assert_int_equal(in.days_logged, 3);
	assert_int_equal(in.days_low_energy, 2);
	assert_true(in.food_known);
	assert_true(fabs(in.food_mg - 231.9) < 1e-9);
	assert_int_equal(in.n_top, 2);
	assert_int_equal(in.top[0].food_id, 900000001);
	assert_int_equal(in.top[1].food_id, 9040);
	assert_true(fabs(in.top[1].mg - 31.9) < 1e-9);
	assert_int_equal(in.n_per_day, 5);
	assert_false(in.per_day[0].counted);          /* day0 - 4: a banana only */
	assert_true(in.per_day[4].counted);           /* day0: banana and dinner */
	assert_true(in.per_day[4].kcal == 1605);
	struct notes ns;
	notes_init(&ns);
	assert_int_equal(intake_note_incomplete(&in, &ns), 1);
	assert_true(note_has_text(&ns, "intake-incomplete", "2 of 5 days"));
	notes_release(&ns);
	intake_release(&in);
}

/* Days whose entries record no energy cannot be checked: they count as
 * recorded, and are said to be unchecked. Imported daily totals (Apple
 * Health's dietary magnesium, counted as food) are such days. */
static void test_days_without_kcal(void **state)
{
	struct profile p, h;
	struct intake in;
	struct mg_err e = {0};
	new_profile(&p, "nokcal", "male", 40);
	for (int d = 1; d <= 3; d++)
		log_food_kcal(p.id, day0 - d, 900000002, "Seed bread (custom, no kcal)", 60, NAN);
	compute_week(&p, &in);
	assert_int_equal(in.days_logged, 3);
	assert_int_equal(in.days_low_energy, 0);
	assert_int_equal(in.days_no_energy, 3);
	assert_true(in.food_known);
	assert_true(fabs(in.food_mg - 60) < 1e-9);
	assert_true(isnan(in.per_day[0].kcal));
	assert_true(in.per_day[0].counted);
	struct notes ns;
	notes_init(&ns);
	assert_int_equal(intake_note_incomplete(&in, &ns), 0);
	assert_int_equal(intake_note_unchecked(&in, &ns), 1);
	assert_true(note_has_text(&ns, "intake-energy-unchecked", "(3 days)"));
	notes_release(&ns);
	intake_release(&in);

	new_profile(&h, "health", "female", 40);
	snprintf(h.food_source, sizeof(h.food_source), "apple-health");
	assert_int_equal(journal_profile_put(db, &h, &e), 0);
	log_food_kcal(h.id, day0 - 1, 9040, "Bananas, raw", 31.9, 105);   /* not read: the app's totals count */
	for (int d = 1; d <= 4; d++)
		assert_int_equal(journal_imported_intake_put(db, h.id, day0 - d, "apple-health", 280, &e), 0);
	compute_week(&h, &in);
	assert_int_equal(in.days_logged, 4);
	assert_int_equal(in.days_no_energy, 4);
	assert_int_equal(in.days_low_energy, 0);
	assert_true(in.food_known);
	assert_true(fabs(in.food_mg - 280) < 1e-9);
	intake_release(&in);
}

/* A day where some entries record energy and some do not is judged by
 * what it records: a banana and a food without kcal is still a partial
 * day; 600 recorded kcal and a food without kcal is a woman's whole day. */
static void test_partial_energy(void **state)
{
	struct profile p;
	struct intake in;
	new_profile(&p, "partial", "female", 40);
	log_food_kcal(p.id, day0 - 1, 9040, "Bananas, raw", 31.9, 105);
	log_food_kcal(p.id, day0 - 1, 900000002, "Mineral water (custom, no kcal)", 20, NAN);
	log_food_kcal(p.id, day0 - 2, 900000003, "Lunch", 150, 600);
	log_food_kcal(p.id, day0 - 2, 900000002, "Mineral water (custom, no kcal)", 20, NAN);
	compute_week(&p, &in);
	assert_int_equal(in.n_per_day, 2);
	assert_true(in.per_day[0].counted);           /* day0 - 2 */
	assert_false(in.per_day[0].kcal_complete);
	assert_true(in.per_day[0].kcal == 600);
	assert_false(in.per_day[1].counted);          /* day0 - 1 */
	assert_false(in.per_day[1].kcal_complete);
	assert_int_equal(in.days_logged, 1);
	assert_int_equal(in.days_low_energy, 1);
	assert_int_equal(in.days_no_energy, 0);
	assert_true(fabs(in.food_mg - 170) < 1e-9);
	intake_release(&in);
}

/* The limit follows the sex for adults: 650 kcal a day is a woman's whole
 * day but under a man's 800. Under 18, or with the sex unknown, the lower
 * limit applies. */
static void test_sex_limits(void **state)
{
	struct profile f, m, boy, unknown;
	struct intake in;
	struct targets t;
	struct mg_err e = {0};
	new_profile(&f, "f650", "female", 40);
	new_profile(&m, "m650", "male", 40);
	for (int d = 1; d <= 3; d++) {
		log_food_kcal(f.id, day0 - d, 900000003, "Small meals", 200, 650);
		log_food_kcal(m.id, day0 - d, 900000003, "Small meals", 200, 650);
	}
	compute_week(&f, &in);
	assert_string_equal(in.kcal_rule, "intake-min-kcal-female");
	assert_int_equal(in.days_logged, 3);
	assert_true(in.food_known);
	intake_release(&in);
	compute_week(&m, &in);
	assert_string_equal(in.kcal_rule, "intake-min-kcal-male");
	assert_true(in.min_kcal == 800);
	assert_int_equal(in.days_logged, 0);
	assert_int_equal(in.days_low_energy, 3);
	assert_false(in.food_known);
	assert_true(in.gap_mg == 420);
	intake_release(&in);

	new_profile(&boy, "boy", "male", 16);
	for (int d = 1; d <= 3; d++)
		log_food_kcal(boy.id, day0 - d, 900000003, "Small meals", 200, 650);
	compute_week(&boy, &in);
	assert_string_equal(in.kcal_rule, "intake-min-kcal-female");
	assert_int_equal(in.days_logged, 3);
	intake_release(&in);

	assert_int_equal(targets_compute(&m, day0, &t, &e), 0);
	assert_string_equal(intake_kcal_rule(&m, t.age_months), "intake-min-kcal-male");
	assert_string_equal(intake_kcal_rule(&m, 17 * 12 + 11), "intake-min-kcal-female");
	assert_string_equal(intake_kcal_rule(&m, 18 * 12), "intake-min-kcal-male");
	profile_defaults(&unknown, "unknown");
	assert_string_equal(intake_kcal_rule(&unknown, 40 * 12), "intake-min-kcal-female");
	assert_true(tables_threshold("intake-min-kcal-female", NULL) == 500);
	assert_true(tables_threshold("intake-min-kcal-male", NULL) == 800);
}

/* The limit itself counts: a woman's day of exactly 500 kcal is whole,
 * 499.9 is not; a man's 800 is whole, 799.9 is not. A single requested
 * day under the limit is not known either. */
static void test_boundaries(void **state)
{
	static const struct {
		const char *sex;
		double kcal;
		int counted;
	} rows[] = {
		{"female", 499.9, 0}, {"female", 500, 1}, {"female", 500.1, 1}, {"female", 0, 0},
		{"male", 799.9, 0}, {"male", 800, 1}, {"male", 500, 0},
	};
	struct targets t;
	struct mg_err e = {0};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct profile p;
		struct intake in;
		char name[32];
		snprintf(name, sizeof(name), "edge%zu", i);
		new_profile(&p, name, rows[i].sex, 40);
		log_food_kcal(p.id, day0, 900000003, "Meals", 300, rows[i].kcal);
		assert_int_equal(targets_compute(&p, day0, &t, &e), 0);
		assert_int_equal(intake_compute(db, &p, day0, day0, &t, &in, &e), 0);
		if (in.days_logged != rows[i].counted || in.food_known != rows[i].counted ||
		    in.days_low_energy != !rows[i].counted)
			fail_msg("%s at %.1f kcal: counted %d, known %d, low %d", rows[i].sex, rows[i].kcal, in.days_logged,
				 in.food_known, in.days_low_energy);
		assert_true(in.food_mg == (rows[i].counted ? 300 : 0));
		intake_release(&in);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_week),
		cmocka_unit_test(test_unknown_and_single_day),
		cmocka_unit_test(test_no_magnesium),
		cmocka_unit_test(test_other_profile),
		cmocka_unit_test(test_banana_days),
		cmocka_unit_test(test_mixed_days),
		cmocka_unit_test(test_days_without_kcal),
		cmocka_unit_test(test_partial_energy),
		cmocka_unit_test(test_sex_limits),
		cmocka_unit_test(test_boundaries),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
