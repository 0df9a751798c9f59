/*
 * Unit tests for src/core/portion.c: household measures by full name or
 * head, ambiguity, generic weights, and portion formatting. Foods are shaped
 * like their SR24 records (almonds 12061, boiled spinach 11458).
 */
#include "testutil.h"
#include "core/portion.h"
#include "util/banned.h"

static const struct tu_food almonds = {12061, "Nuts, almonds", 12, 268, 575, {
	{1, "cup, ground", 95}, {1, "cup, sliced", 92}, {1, "cup, slivered", 108},
	{1, "cup, whole", 143}, {1, "oz (23 whole kernels)", 28.35}, {1, "almond", 1.2}}};
static const struct tu_food spinach = {11458, "Spinach, cooked, boiled, drained, without salt", 11, 87, 23,
				       {{1, "cup", 180}}};
static const struct tu_food yogurt = {1116, "Yogurt, plain, whole milk", 1, 12, 61,
				      {{0.5, "container (4 oz)", 113}}};

static void test_measures(void **state)
{
	struct food_record f;
	struct mg_err e = {0};
	double g;
	char m[96];
	tu_food_record(&almonds, &f);
	assert_int_equal(portion_grams(&f, 1, "oz", &g, m, sizeof(m), &e), 0);
	assert_true(fabs(g - 28.35) < 1e-9);
	assert_string_equal(m, "oz (23 whole kernels)");
	assert_int_equal(portion_grams(&f, 2, "CUP, WHOLE", &g, m, sizeof(m), &e), 0);
	assert_true(fabs(g - 286) < 1e-9);
	assert_int_equal(portion_grams(&f, 10, "almond", &g, m, sizeof(m), &e), 0);
	assert_true(fabs(g - 12) < 1e-9);
	assert_int_equal(portion_grams(&f, 1, "cup", &g, m, sizeof(m), &e), -1);
	assert_int_equal(e.code, MG_EDATA);
	assert_non_null(strstr(e.msg, "measure \"cup\" is ambiguous for food 12061"));
	assert_non_null(strstr(e.msg, "\"cup, slivered\" (108 g)"));
	assert_int_equal(portion_grams(&f, 1, "spoon", &g, m, sizeof(m), &e), -1);
	assert_non_null(strstr(e.msg, "unknown measure \"spoon\""));
	assert_non_null(strstr(e.msg, "g, oz, lb, kg"));
	food_record_release(&f);
}

static void test_weights(void **state)
{
	struct food_record f;
	struct mg_err e = {0};
	double g;
	char m[96];
	tu_food_record(&spinach, &f);
	assert_int_equal(portion_grams(&f, 1, "cup", &g, m, sizeof(m), &e), 0);
	assert_true(g == 180);
	assert_true(fabs(f.nut[NUT_MG] * g / 100 - 156.6) < 1e-9);   /* USDA: about 157 mg per cup */
	assert_int_equal(portion_grams(&f, 1, "oz", &g, m, sizeof(m), &e), 0);
	assert_true(fabs(g - 28.349523125) < 1e-12);
	assert_int_equal(portion_grams(&f, 2, "lb", &g, m, sizeof(m), &e), 0);
	assert_true(fabs(g - 907.18474) < 1e-9);
	assert_int_equal(portion_grams(&f, 0.2, "kg", &g, m, sizeof(m), &e), 0);
	assert_true(fabs(g - 200) < 1e-9);
	assert_int_equal(portion_grams(&f, 150, NULL, &g, m, sizeof(m), &e), 0);
	assert_true(g == 150);
	assert_string_equal(m, "g");
	food_record_release(&f);
	/* A measure given for half a unit scales by its amount. */
	tu_food_record(&yogurt, &f);
	assert_int_equal(portion_grams(&f, 1, "container", &g, m, sizeof(m), &e), 0);
	assert_true(fabs(g - 226) < 1e-9);
	food_record_release(&f);
}

static void test_near_and_format(void **state)
{
	struct food_record f;
	tu_food_record(&almonds, &f);
	const struct food_measure *m = portion_measure_near(&f, 30);
	assert_non_null(m);
	assert_string_equal(m->name, "oz (23 whole kernels)");
	assert_string_equal(portion_measure_near(&f, 100)->name, "cup, ground");
	assert_null(portion_measure_near(&f, 500));
	char buf[128];
	portion_format(m, 42.5, buf, sizeof(buf));
	assert_string_equal(buf, "1.5 oz (23 whole kernels) (42 g)");
	portion_format(m, 1, buf, sizeof(buf));
	assert_string_equal(buf, "0.25 oz (23 whole kernels) (1 g)");
	portion_format(NULL, 85, buf, sizeof(buf));
	assert_string_equal(buf, "85 g");
	food_record_release(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_measures),
		cmocka_unit_test(test_weights),
		cmocka_unit_test(test_near_and_format),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
