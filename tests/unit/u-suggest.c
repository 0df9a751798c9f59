/*
 * Unit tests for src/core/suggest.c: which foods may be suggested (food
 * groups, excluded and required words), serving sizes, ranking by serving
 * or by energy, portions that close the gap, the servings cap, and
 * de-duplication of salted and unsalted variants.
 */
#include "testutil.h"
#include "core/suggest.h"
#include "core/tables.h"
#include "store/db.h"
#include "store/foods.h"
#include "util/banned.h"

static const struct tu_food foods[] = {
	{12016, "Seeds, pumpkin and squash seed kernels, roasted, without salt", 12, 550, 574, {{1, "oz", 28.35}, {1, "cup", 118}}, 0},
	{12516, "Seeds, pumpkin and squash seed kernels, roasted, with salt added", 12, 550, 574, {{1, "oz", 28.35}}, 0},
	{2001, "Spices, basil, dried", 2, 711, 233, {{1, "tsp", 0.7}}, 0},
	{16014, "Beans, black, mature seeds, raw", 16, 171, 341, {{1, "cup", 194}}, 0},
	{16015, "Beans, black, mature seeds, cooked, boiled, without salt", 16, 70, 132, {{1, "cup", 172}, {0.5, "cup", 86}}, 0},
	{20036, "Rice, brown, long-grain, raw", 20, 143, 370, {{1, "cup", 185}}, 0},
	{20037, "Rice, brown, long-grain, cooked", 20, 43, 123, {{1, "cup", 195}}, 0},
	{11458, "Spinach, cooked, boiled, drained, without salt", 11, 87, 23, {{1, "cup", 180}}, 0},
	{9040, "Bananas, raw", 9, 27, 89, {{1, "medium", 118}}, 0},
	{9003, "Apples, raw, with skin", 9, 5, 52, {{1, "medium", 182}}, 0},
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

static void test_eligibility(void **state)
{
	struct suggestion *s;
	size_t n;
	struct mg_err e = {0};
	assert_int_equal(suggest_foods(db, 100, SUGGEST_BY_SERVING, 50, &s, &n, &e), 0);
	assert_null(find(s, n, 2001));    /* spices: suggest = no */
	assert_null(find(s, n, 16014));   /* dry beans: "raw" excluded */
	assert_null(find(s, n, 20036));   /* grains only cooked */
	assert_non_null(find(s, n, 16015));
	assert_non_null(find(s, n, 20037));
	assert_non_null(find(s, n, 9040));   /* 31.9 mg a medium banana */
	assert_null(find(s, n, 9003));       /* 9 mg an apple: under 25 mg a serving */
	free(s);
}

static void test_portions(void **state)
{
	struct suggestion *s;
	size_t n;
	struct mg_err e = {0};
	assert_int_equal(suggest_foods(db, 100, SUGGEST_BY_SERVING, 50, &s, &n, &e), 0);
	/* Pumpkin seeds first: about 156 mg an ounce; one of the two variants. */
	assert_true(s[0].food_id == 12016 || s[0].food_id == 12516);
	assert_true(find(s, n, 12016) == NULL || find(s, n, 12516) == NULL);
	assert_string_equal(s[0].serving, "1 oz (28 g)");
	assert_true(fabs(s[0].mg_per_serving - 155.925) < 1e-6);
	assert_true(fabs(s[0].portion_mg - 100) < 1e-6);
	assert_true(fabs(s[0].gap_share - 1) < 1e-9);
	/* Spinach: 85 g serving, 3 servings cap 255 g = 221.9 mg >= 100: closes it. */
	const struct suggestion *sp = find(s, n, 11458);
	assert_non_null(sp);
	assert_true(fabs(sp->portion_mg - 100) < 1e-6);
	free(s);
	/* A large gap is capped at three servings of each food. */
	assert_int_equal(suggest_foods(db, 2000, SUGGEST_BY_SERVING, 50, &s, &n, &e), 0);
	for (size_t i = 0; i < n; i++) {
		assert_true(s[i].portion_g <= 3 * s[i].serving_g + 1e-9);
		assert_true(s[i].gap_share < 1);
	}
	free(s);
	/* No gap: one serving each. */
	assert_int_equal(suggest_foods(db, -50, SUGGEST_BY_SERVING, 50, &s, &n, &e), 0);
	for (size_t i = 0; i < n; i++)
		assert_true(fabs(s[i].portion_g - s[i].serving_g) < 1e-9);
	free(s);
}

static void test_order_by_kcal(void **state)
{
	struct suggestion *s;
	size_t n;
	struct mg_err e = {0};
	assert_int_equal(suggest_foods(db, 100, SUGGEST_BY_KCAL, 50, &s, &n, &e), 0);
	assert_true(n >= 2);
	assert_int_equal(s[0].food_id, 11458);   /* spinach: 378 mg per 100 kcal */
	for (size_t i = 1; i < n; i++)
		assert_true(s[i - 1].mg_per_100kcal >= s[i].mg_per_100kcal);
	free(s);
	assert_int_equal(suggest_foods(db, 100, SUGGEST_BY_SERVING, 1, &s, &n, &e), 0);
	assert_int_equal(n, 1);
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_eligibility),
		cmocka_unit_test(test_portions),
		cmocka_unit_test(test_order_by_kcal),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
