/*
 * Unit tests for src/core/search.c: tokenising, the ranking functions,
 * and food_search over a small food database (names as USDA writes them)
 * plus a journal's custom foods.
 */
#include "testutil.h"
#include "core/search.h"
#include "core/tables.h"
#include "store/db.h"
#include "store/foods.h"
#include "store/journal.h"
#include "util/banned.h"

static const struct tu_food foods[] = {
	{12061, "Nuts, almonds", 12, 268, 575, {{1, "cup, whole", 143}, {1, "oz (23 whole kernels)", 28.35}}, 0},
	{12062, "Nuts, almonds, blanched", 12, 275, 590, {{1, "cup whole kernels", 145}}, 0},
	{14016, "Beverages, almond milk, chocolate, ready-to-drink", 14, 7, 50, {{1, "cup", 240}}, 0},
	{4529, "Oil, almond", 4, 0, 884, {{1, "tablespoon", 13.6}}, 0},
	{19999, "Cookies, almond flavored", 18, 20, 480, {{1, "cookie", 10}}, 0},
	{16014, "Beans, black, mature seeds, raw", 16, 171, 341, {{1, "cup", 194}}, 0},
	{16015, "Beans, black, mature seeds, cooked, boiled, without salt", 16, 70, 132, {{1, "cup", 172}}, 0},
	{11052, "Beans, snap, green, raw", 11, 25, 31, {{1, "cup", 100}}, 0},
	{11457, "Spinach, raw", 11, 79, 23, {{1, "cup", 30}, {1, "bunch", 340}, {1, "leaf", 10}}, 0},
	{11458, "Spinach, cooked, boiled, drained, without salt", 11, 87, 23, {{1, "cup", 180}}, 0},
	{9040, "Bananas, raw", 9, 27, 89, {{1, "medium (7\" to 7-7/8\" long)", 118}, {1, "cup, sliced", 150}}, 0},
	{12016, "Seeds, pumpkin and squash seed kernels, roasted, without salt", 12, 550, 574, {{1, "oz", 28.35}}, 0},
};

struct fixture {
	char *dir;
	sqlite3 *foods, *journal;
};

static int setup(void **state)
{
	struct mg_err e = {0};
	if (tables_load(&e) < 0)
		return -1;
	struct fixture *fx = calloc(1, sizeof(*fx));
	fx->dir = tu_mkdtemp();
	tu_build_foods(tu_path(fx->dir, "foods.db"), foods, sizeof(foods) / sizeof(foods[0]));
	if (foods_open(tu_path(fx->dir, "foods.db"), &fx->foods, &e) < 0 ||
	    journal_open(tu_path(fx->dir, "journal.db"), &fx->journal, &e) < 0)
		return -1;
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	db_close(fx->foods);
	db_close(fx->journal);
	tu_rmdir(fx->dir);
	free(fx->dir);
	free(fx);
	tables_unload();
	return 0;
}

static long first(sqlite3 *fdb, sqlite3 *journal, const char *q)
{
	struct search_result r;
	struct mg_err e = {0};
	if (food_search(fdb, journal, q, 5, &r, &e) < 0)
		fail_msg("search \"%s\": %s", q, e.msg);
	long id = r.n ? r.hits[0].food.id : -1;
	search_result_release(&r);
	return id;
}

static void test_tokenize(void **state)
{
	char t[SEARCH_MAX_TOKENS][32];
	assert_int_equal(search_tokenize("  Black-Beans, (boiled)!", t, SEARCH_MAX_TOKENS), 3);
	assert_string_equal(t[0], "black");
	assert_string_equal(t[1], "beans");
	assert_string_equal(t[2], "boiled");
	assert_int_equal(search_tokenize("a b c d e f g h i j", t, SEARCH_MAX_TOKENS), SEARCH_MAX_TOKENS);
	assert_int_equal(search_tokenize("\"*(", t, SEARCH_MAX_TOKENS), 0);
	assert_int_equal(search_tokenize("abcdefghijklmnopqrstuvwxyzabcdefghijkl", t, 1), 1);
	assert_int_equal(strlen(t[0]), 31);
}

static void test_scores(void **state)
{
	char t[SEARCH_MAX_TOKENS][32];
	size_t n = search_tokenize("almonds", t, SEARCH_MAX_TOKENS);
	double nuts = search_score("Nuts, almonds", t, n, 0, 1);
	assert_true(nuts > search_score("Beverages, almond milk, chocolate", t, n, 0, 0));
	assert_true(nuts > search_score("Cookies, almond flavored", t, n, 0, 0));
	assert_true(nuts > search_score("Nuts, almonds", t, n, 1, 1));   /* deprecated */
	assert_true(nuts > search_score("Nuts, almonds", t, n, 0, 0));   /* not a plain-food group */
	/* Plurals match both ways; a word found nowhere costs. */
	n = search_tokenize("almond", t, SEARCH_MAX_TOKENS);
	assert_true(search_match_score("Nuts, almonds", t, n) > 0);
	n = search_tokenize("berry", t, SEARCH_MAX_TOKENS);
	assert_true(search_match_score("Berries, mixed", t, n) > 0);
	n = search_tokenize("zzz", t, SEARCH_MAX_TOKENS);
	assert_true(search_match_score("Nuts, almonds", t, n) < 0);
	char head[64];
	search_head("Nuts, almonds, blanched, roasted", head, sizeof(head));
	assert_string_equal(head, "Nuts, almonds");
	search_head("Natto", head, sizeof(head));
	assert_string_equal(head, "Natto");
}

static void test_ranking(void **state)
{
	struct fixture *fx = *state;
	assert_int_equal(first(fx->foods, NULL, "almonds"), 12061);
	assert_int_equal(first(fx->foods, NULL, "almond"), 12061);
	assert_int_equal(first(fx->foods, NULL, "black beans"), 16015);
	assert_int_equal(first(fx->foods, NULL, "banana"), 9040);
	assert_int_equal(first(fx->foods, NULL, "pumpkin seeds"), 12016);
	long spin = first(fx->foods, NULL, "spin");
	assert_true(spin == 11457 || spin == 11458);
	assert_int_equal(first(fx->foods, NULL, "black b"), 16015);
	assert_int_equal(first(fx->foods, NULL, "xylophone"), -1);
}

static void test_syntax_and_limits(void **state)
{
	struct fixture *fx = *state;
	struct search_result r;
	struct mg_err e = {0};
	assert_int_equal(food_search(fx->foods, NULL, "\"almonds\" AND (NEAR* OR", 5, &r, &e), 0);
	search_result_release(&r);
	assert_int_equal(food_search(fx->foods, NULL, " ,;* ", 5, &r, &e), -1);
	assert_int_equal(e.code, MG_EUSAGE);
	assert_int_equal(food_search(fx->foods, NULL, "almond", 2, &r, &e), 0);
	assert_int_equal(r.n, 2);
	/* Hits carry their measures. */
	assert_true(r.hits[0].food.n_measures >= 1);
	assert_true(r.hits[0].score >= r.hits[1].score);
	search_result_release(&r);
}

static void test_custom_foods(void **state)
{
	struct fixture *fx = *state;
	struct food_record f;
	struct mg_err e = {0};
	food_record_init(&f);
	food_record_set_name(&f, "Grandma's almond loaf");
	f.nut[NUT_MG] = 90;
	food_record_add_measure(&f, 1, "slice", 45);
	assert_int_equal(db_begin(fx->journal, &e), 0);
	assert_int_equal(journal_custom_food_add(fx->journal, &f, &e), 0);
	assert_int_equal(db_commit(fx->journal, &e), 0);
	assert_true(f.id > CUSTOM_FOOD_ID_BASE);
	assert_int_equal(first(fx->foods, fx->journal, "grandma almond"), f.id);
	struct search_result r;
	assert_int_equal(food_search(NULL, fx->journal, "loaf", 5, &r, &e), 0);
	assert_int_equal(r.n, 1);
	assert_string_equal(r.hits[0].food.source, "custom");
	assert_int_equal(r.hits[0].food.n_measures, 1);
	search_result_release(&r);
	food_record_release(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tokenize),
		cmocka_unit_test(test_scores),
		cmocka_unit_test(test_ranking),
		cmocka_unit_test(test_syntax_and_limits),
		cmocka_unit_test(test_custom_foods),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
