/*
 * Unit tests for src/core/portion.c: household measures by full name or
 * head, ambiguity, generic weights, portions written plainly ("1/2 cup
 * (90 g)", never "0.25 cup (1 NLEA serving) (22 g)") and household
 * servings chosen near a weight. Foods are shaped like their SR24 records
 * (almonds 12061, boiled spinach 11458, black beans 16015, salmon 15237).
 */
#include "testutil.h"
#include "core/portion.h"
#include "util/banned.h"

static const struct tu_food almonds = {12061, "Nuts, almonds", 12, 268, 575, {
	{1, "cup, ground", 95}, {1, "cup, sliced", 92}, {1, "cup, slivered", 108},
	{1, "cup, whole", 143}, {1, "oz (23 whole kernels)", 28.35}, {1, "almond", 1.2}}, 0};
static const struct tu_food spinach = {11458, "Spinach, cooked, boiled, drained, without salt", 11, 87, 23,
				       {{1, "cup", 180}}, 0};
static const struct tu_food yogurt = {1116, "Yogurt, plain, whole milk", 1, 12, 61,
				      {{0.5, "container (4 oz)", 113}}, 0};

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
	assert_string_equal(buf, "1 1/2 oz (42 g)");
	portion_format(m, 1, buf, sizeof(buf));
	assert_string_equal(buf, "0.035 oz (1 g)");
	portion_format(NULL, 85, buf, sizeof(buf));
	assert_string_equal(buf, "85 g");
	food_record_release(&f);
}

/* Measures as SR24 names them, written as a recipe would. */
static void test_plain_text(void **state)
{
	static const struct {
		double units;
		const char *measure;
		double g;
		const char *want;
	} cases[] = {
		{0.5, "cup", 90, "1/2 cup (90 g)"},
		{0.25, "cup (1 NLEA serving)", 22, "1/4 cup (22 g)"},
		{1.0 / 3, "cup", 60, "1/3 cup (60 g)"},
		{2.0 / 3, "cup, chopped", 117, "2/3 cup (117 g)"},
		{0.75, "cup (8 fl oz)", 184, "3/4 cup (184 g)"},
		{1.5, "cup, chopped", 150, "1 1/2 cups (150 g)"},
		{2, "biscuits (1 NLEA serving)", 46, "2 biscuits (46 g)"},
		{1, "biscuits", 23, "1 biscuit (23 g)"},
		{2, "slice", 56, "2 slices (56 g)"},
		{1, "slice", 28, "1 slice (28 g)"},
		{3, "oz", 85, "3 oz (85 g)"},
		{2, "fl oz", 61, "2 fl oz (61 g)"},
		{2, "tbsp, ground", 14, "2 tbsp (14 g)"},
		{1, "NLEA serving", 126, "1 serving (126 g)"},
		{1, "oz (22 whole kernels)", 28.35, "1 oz (28 g)"},
		{1, "potato medium (2-1/4\" to 3-1/4\" dia.)", 173, "1 medium potato (173 g)"},
		{2, "potato medium (2-1/4\" to 3-1/4\" dia.)", 346, "2 medium potatoes (346 g)"},
		{1, "medium (7\" to 7-7/8\" long)", 118, "1 medium (118 g)"},
		{0.5, "avocado, NS as to Florida or California", 100.5, "1/2 avocado (100 g)"},
		{2, "date, pitted", 48, "2 dates (48 g)"},
		{3, "strawberry", 36, "3 strawberries (36 g)"},
		{2, "peach", 300, "2 peaches (300 g)"},
		{2, "leaf", 96, "2 leaves (96 g)"},
		{0.5, "cup slices", 80, "1/2 cup slices (80 g)"},
		{2, "cup, with hulls, edible yield", 92, "2 cups (92 g)"},
		{0.37, "cup", 66.6, "0.37 cup (67 g)"},
		{2.2, "cup", 396, "2.2 cups (396 g)"},
		{5, "pieces", 50, "5 pieces (50 g)"},
	};
	char buf[128];
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		portion_text(cases[i].units, cases[i].measure, cases[i].g, buf, sizeof(buf));
		if (strcmp(buf, cases[i].want) != 0)
			fail_msg("%g \"%s\": got \"%s\", want \"%s\"", cases[i].units, cases[i].measure, buf,
				 cases[i].want);
	}
	portion_amount(1.26, buf, sizeof(buf));
	assert_string_equal(buf, "1 1/4");
	portion_amount(4.0, buf, sizeof(buf));
	assert_string_equal(buf, "4");
	portion_amount(6.1, buf, sizeof(buf));
	assert_string_equal(buf, "6");
}

static void test_household(void **state)
{
	static const struct tu_food beans = {16015, "Beans, black, mature seeds, cooked, boiled, without salt", 16, 70,
					     132, {{1, "cup", 172}}, 1};
	static const struct tu_food salmon = {15237, "Fish, salmon, Atlantic, farmed, cooked, dry heat", 15, 30, 206,
					      {{0.5, "fillet", 178}, {3, "oz", 85}}, 61};
	static const struct tu_food bare = {99, "Something without measures", 11, 50, 40, {{0, NULL, 0}}, 0};
	struct food_record f;
	char buf[128];
	tu_food_record(&almonds, &f);
	assert_true(fabs(portion_household(&f, 30, buf, sizeof(buf)) - 28.35) < 1e-9);
	assert_string_equal(buf, "1 oz (28 g)");
	food_record_release(&f);
	tu_food_record(&beans, &f);
	assert_true(fabs(portion_household(&f, 90, buf, sizeof(buf)) - 86) < 1e-9);
	assert_string_equal(buf, "1/2 cup (86 g)");
	/* Nothing within 25 % of 20 g in cups: grams. */
	assert_true(fabs(portion_household(&f, 20, buf, sizeof(buf)) - 20) < 1e-9);
	assert_string_equal(buf, "20 g");
	food_record_release(&f);
	tu_food_record(&salmon, &f);
	assert_true(fabs(portion_household(&f, 85, buf, sizeof(buf)) - 85) < 1e-9);
	assert_string_equal(buf, "3 oz (85 g)");
	food_record_release(&f);
	tu_food_record(&spinach, &f);
	assert_true(fabs(portion_household(&f, 85, buf, sizeof(buf)) - 90) < 1e-9);
	assert_string_equal(buf, "1/2 cup (90 g)");
	food_record_release(&f);
	tu_food_record(&bare, &f);
	assert_true(fabs(portion_household(&f, 85, buf, sizeof(buf)) - 85) < 1e-9);
	assert_string_equal(buf, "85 g");
	food_record_release(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_measures),
		cmocka_unit_test(test_weights),
		cmocka_unit_test(test_near_and_format),
		cmocka_unit_test(test_plain_text),
		cmocka_unit_test(test_household),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
