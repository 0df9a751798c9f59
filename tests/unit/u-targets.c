/*
 * Unit tests for src/core/targets.c, table-driven: every row of
 * data/targets.tsv, data/ul.tsv and data/training.tsv is reached by a case
 * whose expected figures come from ../shared/reference/magnesium-facts.md
 * section 1 (IOM/NIH ODS, EFSA 2015, SCF 2001).
 */
#include "testutil.h"
#include "core/profile.h"
#include "core/tables.h"
#include "core/targets.h"
#include "util/parse.h"
#include "util/banned.h"

struct tcase {
	int months;            /* age in whole months on the day */
	const char *sex;
	int pregnant, lactating;
	const char *training, *region;
	double rda, target, ul; /* ul < 0: none set */
	const char *rda_id, *ul_id;
};

static const struct tcase cases[] = {
	{3, "female", 0, 0, "none", "us", 30, 30, -1, "rda-us-0-6m", "ul-us-0-12m"},
	{9, "male", 0, 0, "none", "us", 75, 75, -1, "rda-us-7-12m", "ul-us-0-12m"},
	{24, "female", 0, 0, "none", "us", 80, 80, 65, "rda-us-1-3y", "ul-us-1-3y"},
	{6 * 12, "male", 0, 0, "none", "us", 130, 130, 110, "rda-us-4-8y", "ul-us-4-8y"},
	{10 * 12, "female", 0, 0, "none", "us", 240, 240, 350, "rda-us-9-13y", "ul-us-9y"},
	{16 * 12, "male", 0, 0, "none", "us", 410, 410, 350, "rda-us-14-18y-m", "ul-us-9y"},
	{16 * 12, "female", 0, 0, "none", "us", 360, 360, 350, "rda-us-14-18y-f", "ul-us-9y"},
	{16 * 12, "female", 1, 0, "none", "us", 400, 400, 350, "rda-us-14-18y-preg", "ul-us-9y"},
	{17 * 12, "female", 0, 1, "none", "us", 360, 360, 350, "rda-us-14-18y-lact", "ul-us-9y"},
	{25 * 12, "male", 0, 0, "none", "us", 400, 400, 350, "rda-us-19-30y-m", "ul-us-9y"},
	{30 * 12 + 11, "female", 0, 0, "none", "us", 310, 310, 350, "rda-us-19-30y-f", "ul-us-9y"},
	{25 * 12, "female", 1, 0, "none", "us", 350, 350, 350, "rda-us-19-30y-preg", "ul-us-9y"},
	{25 * 12, "female", 0, 1, "none", "us", 310, 310, 350, "rda-us-19-30y-lact", "ul-us-9y"},
	/* The 31-50 pitfall: 420/320, not the 19-30 figures. */
	{31 * 12, "male", 0, 0, "none", "us", 420, 420, 350, "rda-us-31-50y-m", "ul-us-9y"},
	{31 * 12, "female", 0, 0, "none", "us", 320, 320, 350, "rda-us-31-50y-f", "ul-us-9y"},
	{35 * 12, "female", 1, 0, "none", "us", 360, 360, 350, "rda-us-31-50y-preg", "ul-us-9y"},
	{40 * 12, "female", 0, 1, "none", "us", 320, 320, 350, "rda-us-31-50y-lact", "ul-us-9y"},
	{60 * 12, "male", 0, 0, "none", "us", 420, 420, 350, "rda-us-51y-m", "ul-us-9y"},
	{80 * 12, "female", 0, 0, "none", "us", 320, 320, 350, "rda-us-51y-f", "ul-us-9y"},
	/* Training raises the target only. */
	{40 * 12, "male", 0, 0, "regular", "us", 420, 462, 350, "rda-us-31-50y-m", "ul-us-9y"},
	{40 * 12, "male", 0, 0, "heavy", "us", 420, 504, 350, "rda-us-31-50y-m", "ul-us-9y"},
	{35 * 12, "female", 0, 0, "regular", "us", 320, 352, 350, "rda-us-31-50y-f", "ul-us-9y"},
	/* EFSA adequate intakes and the SCF supplemental UL. */
	{9, "female", 0, 0, "none", "eu", 80, 80, -1, "ai-eu-7-11m", "ul-eu-0-3y"},
	{2 * 12, "male", 0, 0, "none", "eu", 170, 170, -1, "ai-eu-1-2y", "ul-eu-0-3y"},
	{5 * 12, "male", 0, 0, "none", "eu", 230, 230, 250, "ai-eu-3-9y", "ul-eu-4y"},
	{12 * 12, "male", 0, 0, "none", "eu", 300, 300, 250, "ai-eu-10-17y-m", "ul-eu-4y"},
	{12 * 12, "female", 0, 0, "none", "eu", 250, 250, 250, "ai-eu-10-17y-f", "ul-eu-4y"},
	{40 * 12, "male", 0, 0, "heavy", "eu", 350, 420, 250, "ai-eu-18y-m", "ul-eu-4y"},
	{30 * 12, "female", 1, 0, "none", "eu", 300, 300, 250, "ai-eu-18y-f", "ul-eu-4y"},
};

static void profile_for(const struct tcase *c, long on, struct profile *p)
{
	profile_defaults(p, "t");
	int y, m, d;
	mg_civil_from_days(on, &y, &m, &d);
	/* Born on the same day of the month, c->months months earlier. */
	int total = y * 12 + (m - 1) - c->months;
	p->born = mg_days_from_civil(total / 12, total % 12 + 1, d);
	snprintf(p->sex, sizeof(p->sex), "%s", c->sex);
	p->pregnant = c->pregnant;
	p->lactating = c->lactating;
	snprintf(p->training, sizeof(p->training), "%s", c->training);
	snprintf(p->region, sizeof(p->region), "%s", c->region);
}

static void test_table_cases(void **state)
{
	long on = mg_days_from_civil(2026, 11, 24);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct tcase *c = &cases[i];
		struct profile p;
		struct targets t;
		struct mg_err e = {0};
		profile_for(c, on, &p);
		if (targets_compute(&p, on, &t, &e) != 0)
			fail_msg("case %zu: %s", i, e.msg);
		if (t.age_months != c->months || t.rda_mg != c->rda || fabs(t.target_mg - c->target) > 1e-9 ||
		    strcmp(t.rda.id, c->rda_id) != 0 || strcmp(t.ul.id, c->ul_id) != 0)
			fail_msg("case %zu: months %d rda %g target %g (%s, %s), expected %d %g %g (%s, %s)", i,
				 t.age_months, t.rda_mg, t.target_mg, t.rda.id, t.ul.id, c->months, c->rda,
				 c->target, c->rda_id, c->ul_id);
		if (c->ul < 0)
			assert_false(t.ul_set);
		else
			assert_true(t.ul_set && t.supplement_ul_mg == c->ul);
		assert_non_null(t.rda.source);
		assert_non_null(t.training.source);
	}
}

/* Every row id in the three tables is reached by some case above. */
static void test_every_row_covered(void **state)
{
	static const char *const names[] = {"targets.tsv", "ul.tsv"};
	for (size_t k = 0; k < 2; k++) {
		const struct mg_table *t = tables_get(names[k]);
		for (size_t r = 0; r < t->nrows; r++) {
			const char *id = table_cell(t, r, "id");
			int found = 0;
			for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
				found |= strcmp(cases[i].rda_id, id) == 0 || strcmp(cases[i].ul_id, id) == 0;
			if (!found)
				fail_msg("row %s of %s has no test case", id, names[k]);
		}
	}
	const struct mg_table *tr = tables_get("training.tsv");
	for (size_t r = 0; r < tr->nrows; r++) {
		int found = 0;
		for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
			found |= strcmp(cases[i].training, table_cell(tr, r, "load")) == 0;
		assert_true(found);
	}
}

static void test_no_row(void **state)
{
	long on = mg_days_from_civil(2026, 11, 24);
	struct profile p;
	struct targets t;
	struct mg_err e = {0};
	struct tcase infant_eu = {3, "female", 0, 0, "none", "eu", 0, 0, 0, "", ""};
	profile_for(&infant_eu, on, &p);
	assert_int_equal(targets_compute(&p, on, &t, &e), -1);
	assert_int_equal(e.code, MG_EDATA);
	struct tcase young_pregnant = {12 * 12, "female", 1, 0, "none", "us", 0, 0, 0, "", ""};
	profile_for(&young_pregnant, on, &p);
	assert_int_equal(targets_compute(&p, on, &t, &e), -1);
	assert_non_null(strstr(e.msg, "pregnant"));
}

static void test_age_from_stated_age(void **state)
{
	long on = mg_days_from_civil(2026, 11, 24);
	struct profile p;
	struct targets t;
	struct mg_err e = {0};
	profile_defaults(&p, "t");
	snprintf(p.sex, sizeof(p.sex), "female");
	p.age_years = 30;
	p.age_on = mg_days_from_civil(2025, 11, 24);
	/* A year after saying "30", the profile is 31: the 31-50 band. */
	assert_int_equal(targets_compute(&p, on, &t, &e), 0);
	assert_string_equal(t.rda.id, "rda-us-31-50y-f");
	assert_non_null(strstr(t.basis, "aged 31 years"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_cases),
		cmocka_unit_test(test_every_row_covered),
		cmocka_unit_test(test_no_row),
		cmocka_unit_test(test_age_from_stated_age),
	};
	return cmocka_run_group_tests(tests, tu_tables_setup, tu_tables_teardown);
}
