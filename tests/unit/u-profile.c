/*
 * Unit tests for src/core/profile.c: allowed values, contradictions and
 * the parsing of goals, conditions and medicine times.
 */
#include "testutil.h"
#include "core/profile.h"
#include "core/tables.h"
#include "util/parse.h"
#include "util/banned.h"

static const long today = 20781;   /* 2026-11-24 */

static void base(struct profile *p)
{
	profile_defaults(p, "t");
	snprintf(p->sex, sizeof(p->sex), "female");
	p->age_years = 30;
	p->age_on = today;
}

static void test_validate(void **state)
{
	assert_int_equal(mg_days_from_civil(2026, 11, 24), today);
	struct profile p;
	struct mg_err e = {0};
	base(&p);
	assert_int_equal(profile_validate(&p, today, &e), 0);
	snprintf(p.sex, sizeof(p.sex), "male");
	p.pregnant = 1;
	assert_int_equal(profile_validate(&p, today, &e), -1);
	assert_int_equal(e.code, MG_EUSAGE);
	assert_string_equal(e.msg, "--pregnant contradicts --sex \"male\"");
	base(&p);
	p.pregnant = p.lactating = 1;
	assert_int_equal(profile_validate(&p, today, &e), -1);
	base(&p);
	p.age_years = 5;
	p.lactating = 1;
	assert_int_equal(profile_validate(&p, today, &e), -1);
	assert_int_equal(e.code, MG_EDATA);
	base(&p);
	p.born = today + 1;
	assert_int_equal(profile_validate(&p, today, &e), -1);
	assert_non_null(strstr(e.msg, "in the future"));
	base(&p);
	p.sex[0] = '\0';
	assert_int_equal(profile_validate(&p, today, &e), -1);
	base(&p);
	p.age_years = -1;
	assert_int_equal(profile_validate(&p, today, &e), -1);
	assert_non_null(strstr(e.msg, "--born"));
}

static void test_goals(void **state)
{
	struct profile p;
	struct mg_err e = {0};
	base(&p);
	assert_int_equal(profile_set_goal_list(&p, "sleep,stress,sleep", &e), 0);
	assert_int_equal(p.n_goals, 2);
	assert_string_equal(p.goals[1], "stress");
	assert_int_equal(profile_set_goal_list(&p, "naps", &e), -1);
	assert_non_null(strstr(e.msg, "unknown --goal \"naps\""));
	assert_non_null(strstr(e.msg, "regularity"));
	assert_int_equal(profile_set_goal_list(&p, "sleep,", &e), -1);
	assert_int_equal(profile_set_goal_list(&p, ",sleep", &e), -1);
}

static void test_conditions(void **state)
{
	struct profile p;
	struct mg_err e = {0};
	base(&p);
	assert_int_equal(profile_add_condition(&p, "kidney-disease", &e), 0);
	assert_int_equal(profile_add_condition(&p, "kidney-disease", &e), 0);
	assert_int_equal(p.n_conditions, 1);
	assert_int_equal(profile_add_condition(&p, "flu", &e), -1);
	assert_int_equal(e.code, MG_EUSAGE);
}

static void test_meds(void **state)
{
	struct profile p;
	struct mg_err e = {0};
	base(&p);
	assert_int_equal(profile_add_med(&p, "Ciprofloxacin@08:00,20:00", &e), 0);
	assert_string_equal(p.meds[0].name, "ciprofloxacin");
	assert_string_equal(p.meds[0].times, "08:00,20:00");
	assert_int_equal(profile_add_med(&p, "ciprofloxacin@09:00", &e), 0);
	assert_int_equal(p.n_meds, 1);
	assert_string_equal(p.meds[0].times, "09:00");
	assert_int_equal(profile_add_med(&p, "x@25:00", &e), -1);
	assert_int_equal(e.code, MG_EDATA);
	assert_string_equal(e.msg, "--med time \"25:00\" is not a time (HH:MM)");
	assert_int_equal(profile_add_med(&p, "@08:00", &e), -1);
	assert_int_equal(e.code, MG_EUSAGE);
	assert_int_equal(profile_add_med(&p, "levothyroxine", &e), -1);
	assert_int_equal(profile_add_med(&p, "levothyroxine@", &e), -1);
	assert_int_equal(profile_add_med(&p, "levothyroxine@07:00,", &e), -1);
	assert_int_equal(profile_add_med(&p, "bad;name@07:00", &e), -1);
}

static void test_age_months(void **state)
{
	struct profile p;
	base(&p);
	assert_int_equal(profile_age_months(&p, today), 360);
	assert_int_equal(profile_age_months(&p, today + 400), 373);
	p.born = mg_days_from_civil(2026, 5, 24);
	assert_int_equal(profile_age_months(&p, today), 6);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_validate),
		cmocka_unit_test(test_goals),
		cmocka_unit_test(test_conditions),
		cmocka_unit_test(test_meds),
		cmocka_unit_test(test_age_months),
	};
	return cmocka_run_group_tests(tests, tu_tables_setup, tu_tables_teardown);
}
