/*
 * Unit tests for src/core/staples.c and, on the real USDA SR24 database, a
 * dietitian's check of src/core/suggest.c. The staples table alone: every
 * row's kind, a serving in its kind's usual range, one row per food. When
 * MGTRACK_SR24 names usda_sr24.jar (make check sets it), the archive is
 * imported as `mgtrack food import` does and: every staple's NDB id is a
 * current SR24 food with magnesium, its measure is one of that food's own
 * and weighs what the row says, and its magnesium matches the facts
 * sheet's section 6 figures (NIH ODS Table 2) within 15 %; no two staples
 * are one food; and for a gap of 200 mg the suggestions hold almonds,
 * pumpkin seeds, black beans and spinach, none of the foods a dietitian
 * would never suggest (caviar, conch, meat extender, mothbeans, natto,
 * epazote, skunk cabbage, kelp, juice concentrate, Snickers, Luna,
 * Kretschmer, All-Bran), one usual serving of each, whatever the gap.
 * Without the archive those tests are skipped, and say so.
 */
#include <math.h>
#include <strings.h>
#include "testutil.h"
#include "core/foodimport.h"
#include "core/foodkey.h"
#include "core/staples.h"
#include "core/suggest.h"
#include "core/tables.h"
#include "store/db.h"
#include "store/foods.h"
#include "util/parse.h"
#include "util/banned.h"


static double cell_num(const struct mg_table *t, size_t r, const char *col)
{
	double v = NAN;
	const char *c = table_cell(t, r, col);
	if (*c && mg_parse_double(c, 0, 1e6, &v) < 0)
		fail_msg("%s row %zu: %s \"%s\" is not a number", t->name, r + 1, col, c);
	return v;
}

static void test_table(void **state)
{
	struct staple *v;
	size_t n;
	struct mg_err e = {0};
	assert_int_equal(staples_load(&v, &n, &e), 0);
	assert_true(n >= 40);
	const struct mg_table *kinds = tables_get("food-kinds.tsv"), *t = tables_get("staples.tsv");
	for (size_t i = 0; i < n; i++) {
		long k = table_find(kinds, "kind", v[i].kind);
		assert_true(k >= 0);
		double lo = cell_num(kinds, (size_t)k, "min_g"), hi = cell_num(kinds, (size_t)k, "max_g");
		if (v[i].grams < lo || v[i].grams > hi)
			fail_msg("%s: %g g is outside the usual %s serving (%g-%g g)", v[i].id, v[i].grams, v[i].kind, lo, hi);
		assert_true(staples_find(v, n, v[i].ndb) == &v[i]);
	}
	assert_null(staples_find(v, n, 1));
	/* Every kind has staples: a kind without any would never be dealt. */
	for (size_t k = 0; k < kinds->nrows; k++) {
		size_t count = 0;
		for (size_t i = 0; i < n; i++)
			count += strcmp(v[i].kind, table_cell(kinds, k, "kind")) == 0;
		assert_true(count > 0);
	}
	/* A facts check needs both its grams and its figure. */
	for (size_t r = 0; r < t->nrows; r++)
		assert_int_equal(isnan(cell_num(t, r, "facts_g")), isnan(cell_num(t, r, "facts_mg")));
	const struct staple *beans = staples_find(v, n, 16015);
	assert_non_null(beans);
	char buf[128];
	staples_serving(beans, buf, sizeof(buf));
	assert_string_equal(buf, "1/2 cup (86 g)");
	free(v);
}

static void test_against_sr24(void **state)
{
	if (!tu_need_sr24())
		skip();
	struct staple *v;
	size_t n;
	struct mg_err e = {0};
	assert_int_equal(staples_load(&v, &n, &e), 0);
	const struct mg_table *t = tables_get("staples.tsv");
	struct foodkeys keys;
	assert_int_equal(foodkeys_load(&keys, &e), 0);
	char (*key)[128] = calloc(n, sizeof(*key));
	size_t checked = 0;
	for (size_t i = 0; i < n; i++) {
		struct food_record f;
		food_record_init(&f);
		if (foods_get(tu_sr24_db, v[i].ndb, &f, &e) != 1)
			fail_msg("%s: NDB %ld is not in SR24", v[i].id, v[i].ndb);
		if (f.deprecated || !(f.nut[NUT_MG] > 0))
			fail_msg("%s: \"%s\" is withdrawn or has no magnesium", v[i].id, f.name);
		int measured = 0;
		for (size_t m = 0; m < f.n_measures; m++)
			measured |= strcmp(f.measures[m].name, v[i].measure) == 0 &&
				    fabs(v[i].amount * f.measures[m].grams / f.measures[m].amount - v[i].grams) <= 0.5;
		if (!measured)
			fail_msg("%s: %g \"%s\" of \"%s\" is not %g g in SR24", v[i].id, v[i].amount, v[i].measure, f.name,
				 v[i].grams);
		long r = table_find(t, "id", v[i].id);
		double fg = cell_num(t, (size_t)r, "facts_g"), fmg = cell_num(t, (size_t)r, "facts_mg");
		if (!isnan(fg)) {
			/* NIH's figures come from newer USDA data than SR24 (2011). */
			double mg = f.nut[NUT_MG] * fg / 100;
			if (fabs(mg - fmg) > 0.15 * fmg)
				fail_msg("%s: SR24 gives %.1f mg for %s, the facts sheet %g mg", v[i].id, mg,
					 table_cell(t, (size_t)r, "facts_serving"), fmg);
			checked++;
		}
		foodkeys_key(&keys, f.name, key[i], sizeof(key[i]));
		for (size_t j = 0; j < i; j++)
			if (strcmp(key[i], key[j]) == 0)
				fail_msg("%s and %s are one food (\"%s\")", v[j].id, v[i].id, key[i]);
		food_record_release(&f);
	}
	/* The facts sheet's section 6 list, all but its oatmeal packet and
	 * baked potato (see their rows). */
	assert_true(checked >= 17);
	free(key);
	free(v);
}

/* The names no suggestion may carry, whatever its rank. */
static const char *const never[] = {
	"caviar", "conch", "meat extender", "mothbean", "natto", "epazote", "skunk cabbage", "kelp",
	"concentrate", "snickers", "luna", "kretschmer", "all-bran",
};

static void check_never(const struct suggestion *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (size_t w = 0; w < sizeof(never) / sizeof(never[0]); w++)
			if (strcasestr(s[i].usda_name, never[w]))
				fail_msg("suggestion %zu \"%s\" is a food a dietitian would not suggest", i + 1, s[i].usda_name);
}

static int has_key(const struct foodkeys *k, const struct suggestion *s, size_t n, const char *key)
{
	char buf[128];
	for (size_t i = 0; i < n; i++) {
		foodkeys_key(k, s[i].usda_name, buf, sizeof(buf));
		if (strcmp(buf, key) == 0)
			return 1;
	}
	return 0;
}

/* Portions: one usual serving, in the kind's usual range for a staple, at
 * most a quarter above the group's reference amount and about
 * serving-max-kcal for any other food. */
static void check_portions(const struct suggestion *s, size_t n)
{
	const struct mg_table *kinds = tables_get("food-kinds.tsv"), *groups = tables_get("food-groups.tsv");
	double max_kcal = tables_threshold("serving-max-kcal", NULL);
	for (size_t i = 0; i < n; i++) {
		assert_true(fabs(s[i].portion_g - s[i].serving_g) < 1e-9);
		assert_true(fabs(s[i].portion_mg - s[i].mg_per_serving) < 1e-9);
		assert_string_equal(s[i].portion, s[i].serving);
		if (s[i].kind) {
			long k = table_find(kinds, "kind", s[i].kind);
			assert_true(s[i].portion_g >= cell_num(kinds, (size_t)k, "min_g"));
			assert_true(s[i].portion_g <= cell_num(kinds, (size_t)k, "max_g"));
			continue;
		}
		long g = table_find(groups, "id", s[i].rule);
		if (g < 0)
			fail_msg("\"%s\": no food group rule \"%s\"", s[i].name, s[i].rule);
		if (s[i].portion_g > 1.25 * cell_num(groups, (size_t)g, "serving_g") + 1e-9)
			fail_msg("\"%s\": %s is above its group's usual serving", s[i].name, s[i].portion);
		if (!isnan(s[i].mg_per_100kcal)) {
			double kcal = s[i].mg_per_100g / s[i].mg_per_100kcal * s[i].portion_g;
			if (kcal > 1.25 * max_kcal)
				fail_msg("\"%s\": %s is %.0f kcal", s[i].name, s[i].portion, kcal);
		}
	}
}

static void test_dietitian_gap_200(void **state)
{
	if (!tu_need_sr24())
		skip();
	struct foodkeys keys;
	struct mg_err e = {0};
	assert_int_equal(foodkeys_load(&keys, &e), 0);
	struct suggestion *s;
	size_t n;
	struct suggest_opts o = {.order = SUGGEST_BY_SERVING, .limit = 10};
	assert_int_equal(suggest_foods(tu_sr24_db, 200, &o, &s, &n, &e), 0);
	assert_int_equal(n, 10);
	assert_true(has_key(&keys, s, n, "almond"));
	assert_true(has_key(&keys, s, n, "pumpkin and squash seed"));
	assert_true(has_key(&keys, s, n, "black bean"));
	assert_true(has_key(&keys, s, n, "spinach"));
	/* Ten foods of at least seven kinds, all everyday foods. */
	size_t kinds = 0;
	for (size_t i = 0; i < n; i++) {
		assert_non_null(s[i].kind);
		int seen = 0;
		for (size_t j = 0; j < i; j++)
			seen |= strcmp(s[i].kind, s[j].kind) == 0;
		kinds += !seen;
		/* No one food closes the gap: it is shared out. */
		assert_true(s[i].portion_mg < 200);
	}
	assert_true(kinds >= 7);
	free(s);
	/* The whole list: never a food from the list, one place per food, and
	 * ordinary servings. */
	o.limit = 100000;
	assert_int_equal(suggest_foods(tu_sr24_db, 200, &o, &s, &n, &e), 0);
	assert_true(n > 200);
	check_never(s, n);
	check_portions(s, n);
	char (*key)[128] = calloc(n, sizeof(*key));
	for (size_t i = 0; i < n; i++) {
		foodkeys_key(&keys, s[i].usda_name, key[i], sizeof(key[i]));
		for (size_t j = 0; j < i; j++)
			if (strcmp(key[i], key[j]) == 0)
				fail_msg("\"%s\" and \"%s\" are one food", s[j].usda_name, s[i].usda_name);
	}
	free(key);
	/* Portions do not grow or shrink with the gap. */
	struct suggestion *small, *large;
	size_t ns, nl;
	assert_int_equal(suggest_foods(tu_sr24_db, 20, &o, &small, &ns, &e), 0);
	assert_int_equal(suggest_foods(tu_sr24_db, 2000, &o, &large, &nl, &e), 0);
	assert_int_equal(ns, n);
	assert_int_equal(nl, n);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(small[i].food_id, s[i].food_id);
		assert_true(small[i].portion_g == s[i].portion_g && large[i].portion_g == s[i].portion_g);
		assert_true(fabs(large[i].gap_share - s[i].portion_mg / 2000) < 1e-9);
	}
	free(small);
	free(large);
	free(s);
}

static void test_dietitian_by_kcal(void **state)
{
	if (!tu_need_sr24())
		skip();
	struct foodkeys keys;
	struct mg_err e = {0};
	assert_int_equal(foodkeys_load(&keys, &e), 0);
	struct suggestion *s;
	size_t n;
	struct suggest_opts o = {.order = SUGGEST_BY_KCAL, .limit = 10};
	assert_int_equal(suggest_foods(tu_sr24_db, 200, &o, &s, &n, &e), 0);
	assert_int_equal(n, 10);
	/* Greens lead per calorie; beans, nuts and seeds still have a place. */
	assert_true(has_key(&keys, s, n, "chard") || has_key(&keys, s, n, "spinach"));
	assert_true(has_key(&keys, s, n, "black bean"));
	assert_true(has_key(&keys, s, n, "almond"));
	assert_true(has_key(&keys, s, n, "pumpkin and squash seed"));
	free(s);
	o.limit = 100000;
	assert_int_equal(suggest_foods(tu_sr24_db, 200, &o, &s, &n, &e), 0);
	check_never(s, n);
	check_portions(s, n);
	/* Within the foods beyond the staples, richest per 100 kcal first. */
	for (size_t i = 1; i < n; i++)
		if (!s[i - 1].kind && !s[i].kind && !isnan(s[i].mg_per_100kcal))
			assert_true(s[i - 1].mg_per_100kcal >= s[i].mg_per_100kcal);
	free(s);
}

/* A food the person has logged is never excluded: natto and caviar come
 * back for someone who eats them, marked as theirs. */
static void test_logged_not_excluded(void **state)
{
	if (!tu_need_sr24())
		skip();
	static const struct logged_food logged[] = {{16113, 0, NAN}, {15012, 0, NAN}, {12016, 1, 28}};
	struct mg_err e = {0};
	struct suggestion *s;
	size_t n;
	struct suggest_opts o = {.order = SUGGEST_BY_SERVING, .limit = 100000, .logged = logged, .n_logged = 3};
	assert_int_equal(suggest_foods(tu_sr24_db, 200, &o, &s, &n, &e), 0);
	int natto = 0, caviar = 0, pumpkin = 0;
	for (size_t i = 0; i < n; i++) {
		natto |= s[i].food_id == 16113 && s[i].logged;
		caviar |= s[i].food_id == 15012 && s[i].logged;
		pumpkin |= s[i].food_id == 12016 && s[i].logged && s[i].kind;
		assert_true(s[i].logged == (s[i].food_id == 16113 || s[i].food_id == 15012 || s[i].food_id == 12016));
	}
	assert_true(natto && caviar && pumpkin);
	free(s);
	o.n_logged = 0;
	assert_int_equal(suggest_foods(tu_sr24_db, 200, &o, &s, &n, &e), 0);
	for (size_t i = 0; i < n; i++)
		assert_true(s[i].food_id != 16113 && s[i].food_id != 15012);
	free(s);
}

/* Oatmeal eaten most days: the line is the step from the usual amount to
 * one usual serving (1 cup, 234 g), counted for what it adds, and it comes
 * first; a full serving eaten daily is not offered again, nor is another
 * food of its key; a step under suggest-more-min-mg is not worth a line;
 * with too few days of food, nothing is "most days". */
static void test_bigger_portion(void **state)
{
	if (!tu_need_sr24())
		skip();
	struct mg_err e = {0};
	struct suggestion *s;
	size_t n;
	struct logged_food lf[] = {{8121, 6, 117}, {12061, 7, 28.35}};
	struct suggest_opts o = {.order = SUGGEST_BY_SERVING, .limit = 100000, .logged = lf, .n_logged = 2,
				 .days_with_food = 7};
	assert_int_equal(suggest_foods(tu_sr24_db, 200, &o, &s, &n, &e), 0);
	assert_int_equal(s[0].food_id, 8121);
	assert_true(s[0].regular);
	assert_float_equal(s[0].portion_g, 234, 0.5);
	assert_float_equal(s[0].adds_mg, (234 - 117) * s[0].mg_per_100g / 100, 0.01);
	assert_true(s[0].adds_mg > 25 && s[0].adds_mg < 40);
	assert_float_equal(s[0].gap_share, s[0].adds_mg / 200, 0.001);
	char own[256];
	suggest_own_text(&s[0], own, sizeof(own));
	assert_string_equal(own, "you eat it most days (6 of 7 days with food, usually 117 g): 1 cup (234 g) instead gives +32 mg");
	/* Raw almonds, a full ounce every day: no other almonds (food key
	 * "almond"), staple or not; almond butter is another food. */
	static const long almonds[] = {12061, 12062, 12063, 12206, 12563};
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < sizeof(almonds) / sizeof(*almonds); k++)
			assert_int_not_equal(s[i].food_id, almonds[k]);
	free(s);

	lf[0].usual_g = 225;
	assert_int_equal(suggest_foods(tu_sr24_db, 200, &o, &s, &n, &e), 0);
	for (size_t i = 0; i < n; i++)
		assert_int_not_equal(s[i].food_id, 8121);
	free(s);

	/* Two days of food: both are foods eaten now and then, first, in rank
	 * order (an ounce of almonds, then the cup of oatmeal). */
	o.days_with_food = 2;
	lf[0].usual_g = 117;
	assert_int_equal(suggest_foods(tu_sr24_db, 200, &o, &s, &n, &e), 0);
	assert_int_equal(s[0].food_id, 12061);
	assert_int_equal(s[1].food_id, 8121);
	assert_false(s[1].regular);
	assert_float_equal(s[1].adds_mg, s[1].portion_mg, 1e-9);
	suggest_own_text(&s[1], own, sizeof(own));
	assert_string_equal(own, "you have eaten it");
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_bigger_portion),
		cmocka_unit_test(test_against_sr24),
		cmocka_unit_test(test_dietitian_gap_200),
		cmocka_unit_test(test_dietitian_by_kcal),
		cmocka_unit_test(test_logged_not_excluded),
	};
	return cmocka_run_group_tests(tests, tu_sr24_setup, tu_sr24_teardown);
}
