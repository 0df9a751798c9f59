/*
 * Unit tests for src/core/tables.c: every embedded rule table parses, has
 * an id first and a source on every row, and the parser refuses tables
 * that break those rules.
 */
#include "testutil.h"
#include "core/tables.h"
#include "util/banned.h"

static void test_every_table_present(void **state)
{
	static const char *const names[] = {"targets.tsv", "ul.tsv", "training.tsv", "goals.tsv",
					    "conditions.tsv", "food-groups.tsv", "thresholds.tsv"};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		const struct mg_table *t = tables_get(names[i]);
		assert_non_null(t);
		assert_true(t->nrows > 0);
		assert_int_equal(table_col(t, "id"), 0);
		assert_true(table_col(t, "source") > 0);
		for (size_t r = 0; r < t->nrows; r++) {
			assert_true(strlen(table_cell(t, r, "id")) > 0);
			assert_true(strlen(table_cell(t, r, "source")) > 5);
		}
	}
	assert_null(tables_get("nope.tsv"));
}

static void test_thresholds(void **state)
{
	const char *src = NULL;
	assert_true(tables_threshold("food-days-min", &src) == 3);
	assert_non_null(strstr(src, "PRODUCT.md"));
	assert_true(tables_threshold("suggest-max-servings", NULL) == 3);
	assert_true(tables_threshold("intake-default-days", NULL) == 7);
	assert_true(tables_threshold("serving-max-kcal", NULL) == 200);
	assert_true(tables_threshold("suggest-min-mg-per-serving", NULL) == 25);
	assert_true(tables_threshold("suggest-max-per-head", NULL) == 2);
}

static void test_parse_rejects(void **state)
{
	struct mg_table t;
	struct mg_err e = {0};
	assert_int_equal(table_parse("a", "id\tx\tsource\nr1\t1\tsomewhere\n", &t, &e), 0);
	assert_int_equal(t.nrows, 1);
	assert_string_equal(table_cell(&t, 0, "x"), "1");
	table_release(&t);
	assert_int_equal(table_parse("b", "id\tx\nr1\t1\n", &t, &e), -1);
	assert_non_null(strstr(e.msg, "source"));
	assert_int_equal(table_parse("c", "id\tsource\nr1\ts\nr1\ts\n", &t, &e), -1);
	assert_non_null(strstr(e.msg, "repeats id \"r1\""));
	assert_int_equal(table_parse("d", "id\tsource\nr1\n", &t, &e), -1);
	assert_non_null(strstr(e.msg, "cells"));
	assert_int_equal(table_parse("e", "id\tsource\nr1\t\n", &t, &e), -1);
	assert_non_null(strstr(e.msg, "no id or no source"));
	assert_int_equal(table_parse("f", "x\tid\tsource\n1\tr\ts\n", &t, &e), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_table_present),
		cmocka_unit_test(test_thresholds),
		cmocka_unit_test(test_parse_rejects),
	};
	return cmocka_run_group_tests(tests, tu_tables_setup, tu_tables_teardown);
}
