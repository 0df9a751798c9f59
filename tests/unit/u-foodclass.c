/*
 * Unit tests for src/core/foodkey.c and src/core/foodclass.c: the food key
 * that gives each food one suggestion place (almonds in every form share
 * one, almonds and cashews do not), the exclusions decided once at import
 * (each food-exclusions.tsv reason with a food it exists for, and the
 * foods a dietitian suggests passing them all), the usual serving each
 * food is given, and the rules' digest. Names and figures are SR24's.
 */
#include "testutil.h"
#include "core/foodclass.h"
#include "core/foodkey.h"
#include "core/tables.h"
#include "util/banned.h"

static void test_food_keys(void **state)
{
	static const struct {
		const char *name, *key;
	} cases[] = {
		{"Nuts, almonds", "almond"},
		{"Nuts, almonds, dry roasted, without salt added", "almond"},
		{"Almonds, dry roasted", "almond"},
		{"Almonds", "almond"},
		{"Nuts, cashew nuts, raw", "cashew nut"},
		{"Nuts, almond butter, plain, without salt added", "almond butter"},
		{"Nuts, hazelnuts or filberts, blanched", "hazelnuts or filbert"},
		{"Beans, black, mature seeds, cooked, boiled, without salt", "black bean"},
		{"Beans, kidney, red, mature seeds, canned", "kidney bean"},
		{"Beans, black turtle, mature seeds, raw", "black turtle bean"},
		{"Seeds, pumpkin and squash seed kernels, roasted, without salt", "pumpkin and squash seed"},
		{"Seeds, pumpkin and squash seeds, whole, roasted, with salt added", "pumpkin and squash seed"},
		{"Seeds, sunflower seed kernels, dry roasted", "sunflower seed"},
		{"Seeds, sunflower seed butter, without salt", "sunflower seed butter"},
		{"Seeds, chia seeds, dried", "chia seed"},
		{"Chickpeas (garbanzo beans, bengal gram), mature seeds, cooked", "chickpea"},
		{"Cereals ready-to-eat, POST, Shredded Wheat, spoon-size", "shredded wheat"},
		{"Cereals ready-to-eat, GENERAL MILLS, CHEERIOS", "cheerio"},
		{"Cereals, oats, regular and quick, not fortified, dry", "oat"},
		{"Peanut butter, smooth style, without salt", "peanut butter"},
		{"Peanuts, all types, dry-roasted, without salt", "peanut"},
		{"Potatoes, Russet, flesh and skin, baked", "potato"},
		{"Blueberries, raw", "blueberry"},
		{"Peaches, canned, juice pack", "peach"},
		{"Bread, whole-wheat, commercially prepared", "whole-wheat bread"},
		{"Bread, rye", "rye bread"},
		{"Peas, split, mature seeds, cooked", "split pea"},
		{"Peas, green, cooked, boiled", "green pea"},
		{"Fish, salmon, Atlantic, farmed, cooked, dry heat", "salmon"},
		{"Fish, salmon, pink, canned", "salmon"},
		{"Cheese, swiss", "swiss cheese"},
		{"Artichokes, (globe or french), cooked, boiled", "artichoke"},
		{"Spinach, cooked, boiled, drained, without salt", "spinach"},
		{"Spinach souffle", "spinach souffle"},
		{"Hummus, commercial", "hummus"},
		{"Nuts", "nut"},
		{"", ""},
		{" , (x), ", ""},
	};
	struct foodkeys k;
	struct mg_err e = {0};
	assert_int_equal(foodkeys_load(&k, &e), 0);
	char buf[128];
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		foodkeys_key(&k, cases[i].name, buf, sizeof(buf));
		if (strcmp(buf, cases[i].key) != 0)
			fail_msg("\"%s\": key \"%s\", want \"%s\"", cases[i].name, buf, cases[i].key);
	}
	/* A short buffer truncates, never overflows. */
	char tiny[5];
	foodkeys_key(&k, "Nuts, almonds", tiny, sizeof(tiny));
	assert_string_equal(tiny, "almo");
}

struct class_case {
	struct tu_food food;
	const char *rule;     /* NULL: the food may be suggested */
};

/* One food for each reason a food is not suggested, and everyday foods
 * that must pass (with their SR24 groups, magnesium, energy, measures and
 * sodium). */
static const struct class_case cases[] = {
	{{25000, "Formulated bar, MARS SNACKFOOD US, SNICKERS MARATHON MULTIGRAIN CRUNCH BAR", 25, 316, 425,
	  {{1, "bar", 55}}, 250}, "excl-brand"},
	{{25050, "Formulated bar, LUNA BAR, NUTZ OVER CHOCOLATE", 25, 329, 405, {{1, "bar", 48}}, 270}, "excl-brand"},
	{{8069, "Cereals ready-to-eat, QUAKER, KRETSCHMER Toasted Wheat Bran", 8, 733, 288, {{1, "cup", 53}}, 3},
	 "excl-brand"},
	{{8001, "Cereals ready-to-eat, KELLOGG, KELLOGG'S ALL-BRAN Original", 8, 360, 259, {{0.5, "cup", 31}}, 258},
	 "excl-brand"},
	{{25051, "Snacks, granola bars, hard, plain", 25, 98, 471, {{1, "bar", 25}}, 294}, "excl-bars"},
	{{15001, "Fish, caviar, black and red, granular", 15, 300, 264, {{1, "tbsp", 16}}, 1500}, "excl-luxury"},
	{{15167, "Mollusks, conch, baked or broiled", 15, 238, 130, {{1, "cup, sliced", 127}}, 153}, "excl-luxury"},
	{{16112, "Meat extender", 16, 216, 313, {{1, "cup", 88}}, 10}, "excl-meat-extender"},
	{{16081, "Mothbeans, mature seeds, cooked, boiled, without salt", 16, 104, 117, {{1, "cup", 177}}, 9},
	 "excl-rare"},
	{{16113, "Natto", 16, 115, 211, {{1, "cup", 175}}, 7}, "excl-natto"},
	{{11984, "Epazote, raw", 11, 121, 32, {{1, "tbsp", 1}}, 43}, "excl-herbs"},
	{{11505, "Swamp cabbage, (skunk cabbage), raw", 11, 71, 19, {{1, "cup, chopped", 56}}, 113}, "excl-wild"},
	{{11446, "Seaweed, kelp, raw", 11, 121, 43, {{2, "tbsp", 10}}, 233}, "excl-sea-vegetables"},
	{{9215, "Orange juice, frozen concentrate, unsweetened, undiluted", 9, 34, 159, {{1, "cup", 262}}, 3},
	 "excl-concentrate"},
	{{8122, "Cereals, oats, instant, fortified, plain, dry", 8, 138, 375, {{1, "packet", 28}}, 278},
	 "excl-fortified"},
	{{11463, "Spinach, frozen, chopped or leaf, unprepared", 11, 75, 29, {{1, "cup", 156}}, 74},
	 "excl-unprepared"},
	{{12078, "Nuts, brazilnuts, dried, unblanched", 12, 376, 659, {{1, "oz (6 kernels)", 28.35}}, 3},
	 "excl-selenium"},
	{{17343, "Game meat, bison, ground, cooked", 17, 22, 238, {{3, "oz", 85}}, 76}, "excl-game"},
	{{2003, "Spices, basil, dried", 2, 711, 233, {{1, "tsp", 0.7}}, 76}, "excl-spices"},
	{{3000, "Babyfood, cereal, oatmeal, dry fortified", 3, 90, 400, {{1, "tbsp", 2.4}}, 10}, "excl-baby"},
	{{21000, "Fast foods, burrito, with beans", 21, 40, 200, {{1, "burrito", 220}}, 400}, "excl-fast-food"},
	{{36000, "Restaurant, Chinese, kung pao chicken", 36, 40, 200, {{1, "cup", 162}}, 500}, "excl-restaurant"},
	{{19000, "Candies, milk chocolate", 19, 63, 535, {{1, "bar", 44}}, 79}, "excl-sweets"},
	{{14000, "Alcoholic beverage, wine, table, red", 14, 12, 85, {{1, "fl oz", 29.4}}, 4}, "excl-alcohol"},
	{{4053, "Oil, olive, salad or cooking", 4, 0.1, 884, {{1, "tbsp", 13.5}}, 2}, "excl-fats"},
	{{6000, "Soup, bean with ham, canned, chunky", 6, 20, 95, {{1, "cup", 243}}, 400}, "excl-soups"},
	{{7000, "Sausage, pork, cooked", 7, 16, 300, {{1, "link", 25}}, 800}, "excl-sausages"},
	{{22000, "Lasagna, cheese, frozen, prepared", 22, 30, 150, {{1, "cup", 250}}, 300}, "excl-meals"},
	{{35000, "Acorn stew (Apache)", 35, 30, 95, {{1, "cup", 252}}, 200}, "excl-native"},
	{{13000, "Beef, ground, 80% lean meat / 20% fat, raw", 13, 18, 254, {{4, "oz", 113}}, 66}, "excl-form-raw-meat"},
	{{8090, "Cereals, corn grits, white, regular and quick, enriched, dry", 8, 27, 371, {{1, "cup", 156}}, 1},
	 "excl-form-cereals"},
	{{42291, "Peanut butter, reduced sodium", 42, 159, 590, {{2, "tbsp", 32}}, 203}, "excl-no-serving"},
	{{16014, "Beans, black, mature seeds, raw", 16, 171, 341, {{1, "cup", 194}}, 5}, "excl-form-legumes"},
	{{20036, "Rice, brown, long-grain, raw", 20, 143, 370, {{1, "cup", 185}}, 7}, "excl-form-grains"},
	{{20500, "Bulgur, prepared", 20, 32, 83, {{1, "cup", 182}}, 5}, "excl-grains-uncooked"},
	{{15151, "Crustaceans, shrimp, mixed species, cooked, moist heat", 15, 37, 119, {{3, "oz", 85}}, 947},
	 "excl-sodium"},
	/* What a dietitian suggests passes. */
	{{16015, "Beans, black, mature seeds, cooked, boiled, without salt", 16, 70, 132, {{1, "cup", 172}}, 1}, NULL},
	{{12061, "Nuts, almonds", 12, 268, 575, {{1, "cup, sliced", 92}, {1, "oz (23 whole kernels)", 28.35}}, 1},
	 NULL},
	{{11458, "Spinach, cooked, boiled, drained, without salt", 11, 87, 23, {{1, "cup", 180}}, 70}, NULL},
	{{20037, "Rice, brown, long-grain, cooked", 20, 43, 111, {{1, "cup", 195}}, 5}, NULL},
	{{9040, "Bananas, raw", 9, 27, 89, {{1, "medium (7\" to 7-7/8\" long)", 118}}, 1}, NULL},
	{{15237, "Fish, salmon, Atlantic, farmed, cooked, dry heat", 15, 30, 206, {{0.5, "fillet", 178}, {3, "oz", 85}},
	  61}, NULL},
	{{1117, "Yogurt, plain, low fat, 12 grams protein per 8 ounce", 1, 17, 63,
	  {{1, "cup (8 fl oz)", 245}, {1, "container (8 oz)", 227}}, 70}, NULL},
	{{16120, "Soymilk, original and vanilla, unfortified", 16, 25, 54, {{1, "cup", 243}}, 51}, NULL},
	{{16398, "Peanut butter, smooth style, without salt", 16, 154, 588, {{1, "cup", 258}, {2, "tbsp", 32}}, 17},
	 NULL},
};

static const struct tu_food *case_food(long id)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (cases[i].food.id == id)
			return &cases[i].food;
	fail_msg("no test food %ld", id);
	return NULL;
}

static void test_exclusions(void **state)
{
	struct foodclass *fc;
	struct mg_err e = {0};
	assert_int_equal(foodclass_new(&fc, &e), 0);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct food_record f;
		tu_food_record(&cases[i].food, &f);
		struct food_class c;
		foodclass_classify(fc, &f, &c);
		const char *want = cases[i].rule, *got = c.excluded;
		if ((want == NULL) != (got == NULL) || (want && strcmp(want, got) != 0))
			fail_msg("\"%s\": excluded by %s, want %s", f.name, got ? got : "nothing", want ? want : "nothing");
		/* Every reason a food is kept out has words for people. */
		if (got)
			assert_true(strlen(foodclass_reason(got)) > 10);
		food_record_release(&f);
	}
	assert_null(foodclass_reason("excl-nope"));
	assert_null(foodclass_reason(NULL));
	foodclass_free(fc);
}

/* Every row of the table is the reason for some food above: a rule no
 * food reaches would be untested. */
static void test_every_rule_reached(void **state)
{
	const struct mg_table *t = tables_get("food-exclusions.tsv");
	assert_non_null(t);
	for (size_t r = 0; r < t->nrows; r++) {
		const char *id = table_cell(t, r, "id");
		int reached = 0;
		for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]) && !reached; i++)
			reached = cases[i].rule && strcmp(cases[i].rule, id) == 0;
		/* The form rows of groups that a group row already excludes,
		 * and form rows only search reads, are reached through it. */
		if (!reached && strcmp(table_cell(t, r, "search"), "lower") == 0)
			continue;
		if (!reached)
			fail_msg("no test food is excluded by \"%s\"", id);
	}
}

static void test_servings_and_search(void **state)
{
	struct foodclass *fc;
	struct mg_err e = {0};
	assert_int_equal(foodclass_new(&fc, &e), 0);
	struct food_record f;
	struct food_class c;
	/* Cooked black beans: the legume group's 90 g is 1/2 cup. */
	tu_food_record(case_food(16015), &f);
	foodclass_classify(fc, &f, &c);
	assert_string_equal(c.key, "black bean");
	assert_string_equal(c.serving, "1/2 cup (86 g)");
	assert_true(fabs(c.serving_g - 86) < 1e-9);
	assert_false(c.search_lower);
	food_record_release(&f);
	/* Almonds: the nut group's 30 g is an ounce (not 1/3 cup sliced). */
	tu_food_record(case_food(12061), &f);
	foodclass_classify(fc, &f, &c);
	assert_string_equal(c.serving, "1 oz (28 g)");
	food_record_release(&f);
	/* Salmon: 3 oz. */
	tu_food_record(case_food(15237), &f);
	foodclass_classify(fc, &f, &c);
	assert_string_equal(c.serving, "3 oz (85 g)");
	food_record_release(&f);
	/* A dense food is served by energy: the legume group's 90 g would be
	 * 530 kcal of peanut butter; about 200 kcal of it is 2 tbsp. */
	tu_food_record(case_food(16398), &f);
	foodclass_classify(fc, &f, &c);
	assert_string_equal(c.serving, "2 tbsp (32 g)");
	food_record_release(&f);
	/* A measure of its own: the snack group's 30 g is one 25 g bar. */
	tu_food_record(case_food(25051), &f);
	foodclass_classify(fc, &f, &c);
	assert_string_equal(c.serving, "1 bar (25 g)");
	food_record_release(&f);
	/* Raw dry beans: excluded, and lower in search (people mean cooked). */
	tu_food_record(case_food(16014), &f);
	foodclass_classify(fc, &f, &c);
	assert_true(c.search_lower);
	food_record_release(&f);
	/* Outside USDA's groups: no serving. */
	tu_food_record(case_food(42291), &f);
	foodclass_classify(fc, &f, &c);
	assert_true(isnan(c.serving_g));
	assert_string_equal(c.serving, "");
	food_record_release(&f);
	foodclass_free(fc);
}

static void test_digest(void **state)
{
	char a[32], b[32];
	foodclass_digest(a, sizeof(a));
	foodclass_digest(b, sizeof(b));
	assert_string_equal(a, b);
	assert_int_equal(strlen(a), 16);
	assert_int_equal(strspn(a, "0123456789abcdef"), 16);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_food_keys),
		cmocka_unit_test(test_exclusions),
		cmocka_unit_test(test_every_rule_reached),
		cmocka_unit_test(test_servings_and_search),
		cmocka_unit_test(test_digest),
	};
	return cmocka_run_group_tests(tests, tu_tables_setup, tu_tables_teardown);
}
