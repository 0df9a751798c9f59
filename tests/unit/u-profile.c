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

/* --egfr: a number in range, a lab's ">90", or "unknown"; anything else
 * names the flag and the value. */
static void test_egfr(void **state)
{
	static const struct {
		const char *in;
		double want;     /* 0: refused */
	} cases[] = {
		{"45", 45}, {"29.6", 29.6}, {"1", 1}, {"200", 200}, {">90", 90}, {">60", 60}, {"unknown", -1},
		{"abc", 0}, {"0", 0}, {"201", 0}, {"-5", 0}, {"<15", 0}, {"", 0}, {"45 ml", 0}, {"Unknown", 0}, {">", 0},
		{"nan", 0}, {"inf", 0},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct profile p;
		struct mg_err e = {0};
		base(&p);
		p.egfr = 77;
		int rc = profile_set_egfr(&p, cases[i].in, &e);
		if (cases[i].want != 0) {
			assert_int_equal(rc, 0);
			assert_true(fabs(p.egfr - cases[i].want) < 1e-9);
		} else {
			assert_int_equal(rc, -1);
			assert_int_equal(e.code, MG_EDATA);
			assert_true(p.egfr == 77);   /* a refused value changes nothing */
			char want[128];
			snprintf(want, sizeof(want),
				 "--egfr \"%s\" must be a number from 1 to 200 (mL/min/1.73 m2) or unknown", cases[i].in);
			assert_string_equal(e.msg, want);
		}
	}
}

/* Contradictions the kidney and pregnancy fields add. */
static void test_kidney_pregnancy_contradictions(void **state)
{
	struct profile p;
	struct mg_err e = {0};
	base(&p);
	assert_int_equal(profile_add_condition(&p, "egfr-below-30", &e), 0);
	assert_int_equal(profile_set_egfr(&p, "25", &e), 0);
	assert_int_equal(profile_validate(&p, today, &e), 0);
	assert_int_equal(profile_set_egfr(&p, "unknown", &e), 0);
	assert_int_equal(profile_validate(&p, today, &e), 0);
	assert_int_equal(profile_set_egfr(&p, "45", &e), 0);
	assert_int_equal(profile_validate(&p, today, &e), -1);
	assert_int_equal(e.code, MG_EUSAGE);
	assert_string_equal(e.msg, "--egfr \"45\" contradicts --condition \"egfr-below-30\"");
	base(&p);
	assert_int_equal(profile_add_condition(&p, "hypertension-in-pregnancy", &e), 0);
	assert_string_equal(p.conditions[0], "hypertension-in-pregnancy");   /* the whole name fits */
	assert_int_equal(profile_validate(&p, today, &e), 0);
	snprintf(p.sex, sizeof(p.sex), "male");
	assert_int_equal(profile_validate(&p, today, &e), -1);
	assert_string_equal(e.msg, "--condition \"hypertension-in-pregnancy\" contradicts --sex \"male\"");
	base(&p);
	snprintf(p.sex, sizeof(p.sex), "male");
	assert_int_equal(profile_add_condition(&p, "kidney-disease", &e), 0);
	assert_int_equal(profile_validate(&p, today, &e), 0);
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
		cmocka_unit_test(test_egfr),
		cmocka_unit_test(test_kidney_pregnancy_contradictions),
		cmocka_unit_test(test_age_months),
	};
	return cmocka_run_group_tests(tests, tu_tables_setup, tu_tables_teardown);
}
