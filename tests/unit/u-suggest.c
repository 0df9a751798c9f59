/*
 * Unit tests for src/core/suggest.c on a small food database shaped like
 * SR24's records: staples first, dealt one kind at a time; then the other
 * foods that pass the importer's exclusions, one per food key, after the
 * keys the staples hold; one usual serving each, whatever the gap; ranking
 * by serving or by energy; the person's own foods never excluded; and a
 * database classified by other rules refused.
 */
#include <math.h>
#include "testutil.h"
#include "core/suggest.h"
#include "core/tables.h"
#include "store/db.h"
#include "store/foods.h"
#include "util/banned.h"

static const struct tu_food foods[] = {
	/* Staples (data/staples.tsv) */
	{12016, "Seeds, pumpkin and squash seed kernels, roasted, without salt", 12, 550, 574, {{1, "oz", 28.35}, {1, "cup", 118}}, 18},
	{12063, "Nuts, almonds, dry roasted, without salt added", 12, 281, 595, {{1, "oz (22 whole kernels)", 28.35}}, 3},
	{12085, "Nuts, cashew nuts, dry roasted, without salt added", 12, 260, 574, {{1, "oz", 28.35}}, 16},
	{16015, "Beans, black, mature seeds, cooked, boiled, without salt", 16, 70, 132, {{1, "cup", 172}}, 1},
	{20037, "Rice, brown, long-grain, cooked", 20, 43, 111, {{1, "cup", 195}}, 5},
	{11458, "Spinach, cooked, boiled, drained, without salt", 11, 87, 23, {{1, "cup", 180}}, 70},
	{9040, "Bananas, raw", 9, 27, 89, {{1, "medium (7\" to 7-7/8\" long)", 118}}, 1},
	{19904, "Chocolate, dark, 70-85% cacao solids", 19, 228, 598, {{1, "oz", 28.35}}, 20},
	/* Other foods: same food as a staple, excluded, too little, passing */
	{12516, "Seeds, pumpkin and squash seed kernels, roasted, with salt added", 12, 550, 574, {{1, "oz", 28.35}}, 256},
	{12061, "Nuts, almonds", 12, 268, 575, {{1, "oz (23 whole kernels)", 28.35}}, 1},
	{2001, "Spices, basil, dried", 2, 711, 233, {{1, "tsp", 0.7}}, 76},
	{16014, "Beans, black, mature seeds, raw", 16, 171, 341, {{1, "cup", 194}}, 5},
	{20036, "Rice, brown, long-grain, raw", 20, 143, 370, {{1, "cup", 185}}, 7},
	{16113, "Natto", 16, 115, 211, {{1, "cup", 175}}, 7},
	{25000, "Formulated bar, MARS SNACKFOOD US, SNICKERS MARATHON MULTIGRAIN CRUNCH BAR", 25, 316, 425, {{1, "bar", 55}}, 250},
	{9003, "Apples, raw, with skin", 9, 5, 52, {{1, "medium", 182}}, 1},
	{12147, "Nuts, pine nuts, dried", 12, 251, 673, {{1, "oz", 28.35}}, 2},
	{15151, "Crustaceans, shrimp, mixed species, cooked, moist heat", 15, 37, 119, {{3, "oz", 85}}, 947},
	{11147, "Chard, swiss, raw", 11, 81, 19, {{1, "cup", 36}, {1, "leaf", 48}}, 213},
};

static char *dir;
static sqlite3 *db;

static int setup(void **state)
{
	struct mg_err e = {0};
	if (tables_load(&e) < 0)
		return -1;
	dir = tu_mkdtemp();
	tu_build_foods(tu_path(dir, "foods.db"), foods, sizeof(foods) / sizeof(foods[0]));
	return foods_open(tu_path(dir, "foods.db"), &db, &e);
}

static int teardown(void **state)
{
	db_close(db);
	tu_rmdir(dir);
	free(dir);
	tables_unload();
	return 0;
}

static const struct suggestion *find(const struct suggestion *s, size_t n, long id)
{
	for (size_t i = 0; i < n; i++)
		if (s[i].food_id == id)
			return &s[i];
	return NULL;
}

static size_t rank_of(const struct suggestion *s, size_t n, long id)
{
	for (size_t i = 0; i < n; i++)
		if (s[i].food_id == id)
			return i;
	fail_msg("food %ld is not suggested", id);
	return n;
}

static void run(double gap, enum suggest_order order, size_t limit, struct suggestion **s, size_t *n)
{
	struct mg_err e = {0};
	struct suggest_opts o = {.order = order, .limit = limit};
	if (suggest_foods(db, gap, &o, s, n, &e) < 0)
		fail_msg("suggest_foods: %s", e.msg);
}

static void test_eligibility(void **state)
{
	struct suggestion *s;
	size_t n;
	run(100, SUGGEST_BY_SERVING, 50, &s, &n);
	assert_null(find(s, n, 2001));    /* spices */
	assert_null(find(s, n, 16014));   /* dry beans: raw */
	assert_null(find(s, n, 20036));   /* grains only cooked */
	assert_null(find(s, n, 16113));   /* natto */
	assert_null(find(s, n, 25000));   /* a branded bar */
	assert_null(find(s, n, 9003));    /* 9 mg an apple: under 25 mg a serving */
	assert_null(find(s, n, 15151));   /* shrimp: 805 mg sodium in 3 oz */
	free(s);
}

static void test_staples_first(void **state)
{
	struct suggestion *s;
	size_t n;
	run(200, SUGGEST_BY_SERVING, 50, &s, &n);
	/* All 8 staples, then the 2 other foods that pass. */
	assert_int_equal(n, 10);
	for (size_t i = 0; i < 8; i++)
		assert_non_null(s[i].kind);
	assert_null(s[8].kind);
	/* One kind at a time: seeds (pumpkin, 156 mg), grains (brown rice,
	 * 84), nuts (almonds, 80), greens (spinach, 78), chocolate (65), beans
	 * (black beans, 60), fruit (banana, 32); then the second nut. */
	static const long order[] = {12016, 20037, 12063, 11458, 19904, 16015, 9040, 12085};
	for (size_t i = 0; i < 8; i++)
		assert_int_equal(s[i].food_id, order[i]);
	/* The staple's own name and serving. */
	assert_string_equal(s[0].name, "Pumpkin seeds, roasted");
	assert_string_equal(s[0].usda_name, "Seeds, pumpkin and squash seed kernels, roasted, without salt");
	assert_string_equal(s[0].rule, "st-pumpkin-seeds");
	assert_string_equal(s[0].kind, "seeds");
	assert_string_equal(s[0].serving, "1 oz (28 g)");
	assert_true(fabs(s[0].mg_per_serving - 155.925) < 1e-6);
	assert_string_equal(s[5].serving, "1/2 cup (86 g)");
	/* Salted pumpkin seeds and plain almonds are the same foods as two
	 * staples: no second place. */
	assert_null(find(s, n, 12516));
	assert_null(find(s, n, 12061));
	/* The rest by magnesium per serving, with their group's serving:
	 * raw chard (2 leaves, 78 mg), then pine nuts (1 oz, 71 mg). */
	assert_int_equal(s[8].food_id, 11147);
	assert_string_equal(s[8].serving, "2 leaves (96 g)");
	assert_string_equal(s[8].rule, "grp-11");
	assert_int_equal(s[9].food_id, 12147);
	assert_string_equal(s[9].name, "Nuts, pine nuts, dried");
	assert_string_equal(s[9].rule, "grp-12");
	assert_string_equal(s[9].serving, "1 oz (28 g)");
	free(s);
}

static void test_portions(void **state)
{
	struct suggestion *s;
	size_t n;
	/* One usual serving, whatever the gap: the gap is shared out. */
	for (double gap = -50; gap <= 2000; gap += 350) {
		run(gap, SUGGEST_BY_SERVING, 50, &s, &n);
		assert_int_equal(n, 10);
		for (size_t i = 0; i < n; i++) {
			assert_true(fabs(s[i].portion_g - s[i].serving_g) < 1e-9);
			assert_string_equal(s[i].portion, s[i].serving);
			assert_true(fabs(s[i].portion_mg - s[i].mg_per_serving) < 1e-9);
			if (gap > 0)
				assert_true(fabs(s[i].gap_share - s[i].portion_mg / gap) < 1e-9);
			else
				assert_true(s[i].gap_share == 1);
		}
		free(s);
	}
}

static void test_order_by_kcal(void **state)
{
	struct suggestion *s;
	size_t n;
	run(100, SUGGEST_BY_KCAL, 50, &s, &n);
	assert_int_equal(n, 10);
	/* Greens first (spinach, 378 mg per 100 kcal); raw chard among the
	 * rest is richer still but comes after the staples. */
	assert_int_equal(s[0].food_id, 11458);
	assert_true(rank_of(s, n, 11147) >= 8);
	free(s);
	run(100, SUGGEST_BY_SERVING, 1, &s, &n);
	assert_int_equal(n, 1);
	free(s);
}

static void test_logged(void **state)
{
	static const struct logged_food logged[] = {{16113, 0, NAN}, {2001, 0, NAN}, {9040, 0, NAN}};
	struct mg_err e = {0};
	struct suggestion *s;
	size_t n;
	struct suggest_opts o = {.order = SUGGEST_BY_SERVING, .limit = 50, .logged = logged, .n_logged = 3};
	assert_int_equal(suggest_foods(db, 200, &o, &s, &n, &e), 0);
	/* Natto comes back for a person who eats it; basil, eaten by the
	 * gram, still gives too little in a serving. */
	const struct suggestion *natto = find(s, n, 16113);
	assert_non_null(natto);
	assert_true(natto->logged);
	assert_string_equal(natto->serving, "1/2 cup (88 g)");
	assert_null(find(s, n, 2001));
	assert_true(find(s, n, 9040)->logged);
	assert_false(find(s, n, 12016)->logged);
	free(s);
}

/* A foods.db whose classification came from other rules is refused: its
 * exclusions are not this mgtrack's. */
static void test_other_rules(void **state)
{
	struct foods_build b;
	struct mg_err e = {0};
	const char *path = tu_path(dir, "old.db");
	assert_int_equal(foods_build_begin(&b, path, NULL, "sr24", &e), 0);
	assert_int_equal(foods_build_meta(&b, "classification", "0123456789abcdef", &e), 0);
	assert_int_equal(foods_build_commit(&b, &e), 0);
	sqlite3 *old;
	assert_int_equal(foods_open(tu_path(dir, "old.db"), &old, &e), 0);
	struct suggestion *s;
	size_t n;
	struct suggest_opts o = {.order = SUGGEST_BY_SERVING, .limit = 5};
	assert_int_equal(suggest_foods(old, 100, &o, &s, &n, &e), -1);
	assert_int_equal(e.code, MG_EDATA);
	assert_non_null(strstr(e.msg, "rebuild it"));
	db_close(old);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_eligibility),
		cmocka_unit_test(test_staples_first),
		cmocka_unit_test(test_portions),
		cmocka_unit_test(test_order_by_kcal),
		cmocka_unit_test(test_logged),
		cmocka_unit_test(test_other_rules),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
