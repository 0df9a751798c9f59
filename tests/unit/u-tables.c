/*
 * Unit tests for src/core/tables.c: every embedded rule table parses, has
 * an id first and a source on every row, and the parser refuses tables
 * that break those rules.
 */
#include "testutil.h"
#include "core/tables.h"
#include "store/journal.h"
#include "util/banned.h"

static void test_every_table_present(void **state)
{
	static const char *const names[] = {
		"targets.tsv", "ul.tsv", "training.tsv", "goals.tsv", "conditions.tsv", "food-groups.tsv",
		"thresholds.tsv", "forms.tsv", "form-choice.tsv", "medicines.tsv", "med-classes.tsv",
		"safety.tsv", "practices.tsv", "timeline.tsv", "plan-rules.tsv", "product-checks.tsv",
		"kidney-risks.tsv", "food-tags.tsv", "food-rules.tsv",
		"staples.tsv", "food-kinds.tsv", "food-exclusions.tsv", "food-keys.tsv",
	};
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
	assert_true(tables_threshold("intake-default-days", NULL) == 7);
	assert_true(tables_threshold("serving-max-kcal", NULL) == 200);
	assert_true(tables_threshold("suggest-min-mg-per-serving", NULL) == 25);
	assert_true(tables_threshold("suggest-max-sodium-mg", NULL) == 460);
}

/* Tables that point at each other must agree: a class, form or goal named
 * in one table exists in the other (the engine aborts otherwise). */
static void test_cross_references(void **state)
{
	const struct mg_table *meds = tables_get("medicines.tsv"), *classes = tables_get("med-classes.tsv");
	for (size_t r = 0; r < meds->nrows; r++)
		assert_true(table_find(classes, "class", table_cell(meds, r, "class")) >= 0);
	assert_true(table_find(classes, "class", "other oral medicine") >= 0);
	const struct mg_table *choice = tables_get("form-choice.tsv"), *forms = tables_get("forms.tsv");
	const struct mg_table *goals = tables_get("goals.tsv");
	for (size_t r = 0; r < choice->nrows; r++) {
		long f = table_find(forms, "form", table_cell(choice, r, "form"));
		assert_true(f >= 0);
		assert_string_equal(table_cell(forms, (size_t)f, "recommend"), "yes");
		const char *goal = table_cell(choice, r, "goal");
		assert_true(strcmp(goal, "none") == 0 || table_find(goals, "goal", goal) >= 0);
	}
	/* Every goal has a form rule, and the last rule catches everyone. */
	for (size_t r = 0; r < goals->nrows; r++)
		assert_true(table_find(choice, "goal", table_cell(goals, r, "goal")) >= 0);
	assert_string_equal(table_cell(choice, choice->nrows - 1, "goal"), "none");
	/* Each form with several hydrates has exactly one default row. */
	for (size_t r = 0; r < forms->nrows; r++) {
		const char *form = table_cell(forms, r, "form");
		if (table_find(forms, "form", form) != (long)r)
			continue;
		int defaults = 0;
		for (size_t k = 0; k < forms->nrows; k++)
			if (strcmp(table_cell(forms, k, "form"), form) == 0)
				defaults += strcmp(table_cell(forms, k, "default"), "yes") == 0;
		assert_int_equal(defaults, 1);
	}
	const struct mg_table *tl = tables_get("timeline.tsv");
	assert_true(table_find(tl, "id", "check-day-14") >= 0);
	assert_true(table_find(tl, "id", "check-day-42") >= 0);
	/* Every status a table assigns is one the engine knows. */
	const struct mg_table *conds = tables_get("conditions.tsv"), *safety = tables_get("safety.tsv");
	for (size_t r = 0; r < conds->nrows; r++)
		assert_true(strcmp(table_cell(conds, r, "status"), "clinician") == 0 ||
			    strcmp(table_cell(conds, r, "status"), "caution") == 0);
	for (size_t r = 0; r < safety->nrows; r++)
		assert_non_null(strstr("ok caution clinician pause", table_cell(safety, r, "status")));
	for (size_t r = 0; r < classes->nrows; r++)
		assert_true(strcmp(table_cell(classes, r, "status"), "ok") == 0 ||
			    strcmp(table_cell(classes, r, "status"), "caution") == 0 ||
			    strcmp(table_cell(classes, r, "status"), "clinician") == 0);
}

/* The kidney, condition and form rows the plan reads by column: every
 * risk names an age or a class that exists, every condition fits the
 * profile's field and says who can have it, and every claim a form is
 * chosen for carries its evidence. */
static void test_kidney_conditions_evidence(void **state)
{
	const struct mg_table *risks = tables_get("kidney-risks.tsv"), *classes = tables_get("med-classes.tsv");
	int ages = 0, meds = 0;
	for (size_t r = 0; r < risks->nrows; r++) {
		const char *risk = table_cell(risks, r, "risk");
		if (strcmp(risk, "age") == 0) {
			ages++;
			continue;
		}
		assert_string_equal(risk, "medicine");
		assert_true(table_find(classes, "id", table_cell(risks, r, "class")) >= 0);
		meds++;
	}
	assert_int_equal(ages, 1);
	assert_int_equal(meds, 5);   /* loop, thiazide, potassium-sparing, digoxin, lithium */
	assert_true(tables_threshold("kidney-ask-age", NULL) == 65);
	assert_true(tables_threshold("egfr-clinician-below", NULL) == 30);
	assert_true(tables_threshold("egfr-caution-below", NULL) < 90);
	const struct mg_table *conds = tables_get("conditions.tsv");
	struct profile pr;
	for (size_t r = 0; r < conds->nrows; r++) {
		assert_true(strlen(table_cell(conds, r, "condition")) < sizeof(pr.conditions[0]));
		const char *sex = table_cell(conds, r, "sex");
		assert_true(strcmp(sex, "any") == 0 || strcmp(sex, "female") == 0 || strcmp(sex, "male") == 0);
	}
	assert_string_equal(table_cell(conds, (size_t)table_find(conds, "condition", "pre-eclampsia"), "status"), "clinician");
	assert_string_equal(table_cell(conds, (size_t)table_find(conds, "condition", "hypertension-in-pregnancy"), "status"),
			    "clinician");
	const struct mg_table *choice = tables_get("form-choice.tsv"), *forms = tables_get("forms.tsv");
	for (size_t r = 0; r < choice->nrows; r++)
		assert_true(strncmp(table_cell(choice, r, "evidence"), "evidence: ", 10) == 0);
	static const char *const claimed[] = {"form-glycinate", "form-glycinate-2h2o", "form-taurate", "form-threonate"};
	for (size_t i = 0; i < sizeof(claimed) / sizeof(claimed[0]); i++) {
		long r = table_find(forms, "id", claimed[i]);
		assert_true(r >= 0);
		assert_true(strncmp(table_cell(forms, (size_t)r, "evidence"), "evidence", 8) == 0);
	}
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
		cmocka_unit_test(test_cross_references),
		cmocka_unit_test(test_kidney_conditions_evidence),
		cmocka_unit_test(test_parse_rejects),
	};
	return cmocka_run_group_tests(tests, tu_tables_setup, tu_tables_teardown);
}
