/*
 * Unit tests for src/core/trial.c and src/core/trialstats.c: the design is
 * a pure function of its seed, sizes are checked, the hash notices every
 * change, periods and dates line up, and the paired and exact
 * randomisation tests give the textbook answers on known data.
 */
#include "testutil.h"
#include "core/tables.h"
#include "core/trial.h"
#include "core/trialstats.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

static struct trial_design base(unsigned long seed)
{
	struct trial_design d;
	memset(&d, 0, sizeof(d));
	mg_strlcpy(d.outcome, "quality", sizeof(d.outcome));
	d.blocks = 4;
	d.period_days = 7;
	d.washin_days = 2;
	d.baseline_days = 7;
	mg_strlcpy(d.control, "none", sizeof(d.control));
	d.seed = seed;
	d.start = 20781;
	return d;
}

static void test_design(void **state)
{
	struct mg_err e = {0};
	struct trial_design a = base(42), b = base(42);
	assert_int_equal(trial_design_make(&a, &e), 0);
	assert_int_equal(trial_design_make(&b, &e), 0);
	assert_memory_equal(a.order, b.order, 4);
	assert_string_equal(a.hash, b.hash);
	/* Different seeds give different orders for some seeds, and every
	 * order has only A and B. */
	int differ = 0;
	for (unsigned long s = 1; s < 20; s++) {
		struct trial_design c = base(s);
		assert_int_equal(trial_design_make(&c, &e), 0);
		differ |= memcmp(c.order, a.order, 4) != 0;
		for (int k = 0; k < 4; k++)
			assert_true(c.order[k] == 'A' || c.order[k] == 'B');
	}
	assert_true(differ);
	/* The hash changes with any registered field. */
	struct trial_design c = a;
	c.washin_days = 3;
	char h[17];
	trial_hash(&c, h);
	assert_string_not_equal(h, a.hash);
	c = a;
	c.order[0] = c.order[0] == 'A' ? 'B' : 'A';
	trial_hash(&c, h);
	assert_string_not_equal(h, a.hash);
	/* Periods: baseline 7 days, then 8 periods of 7 days. */
	struct trial_period per[2 * TRIAL_MAX_BLOCKS];
	assert_int_equal(trial_periods(&a, per, 2 * TRIAL_MAX_BLOCKS), 8);
	assert_int_equal(per[0].start, a.start + 7);
	assert_int_equal(per[7].end, trial_end(&a));
	assert_int_equal(trial_end(&a), a.start + 7 + 56 - 1);
	for (int k = 0; k < 4; k++)
		assert_int_equal(per[2 * k].magnesium + per[2 * k + 1].magnesium, 1);
	assert_int_equal(trial_period_at(&a, a.start - 1), -2);
	assert_int_equal(trial_period_at(&a, a.start), -1);
	assert_int_equal(trial_period_at(&a, a.start + 7), 0);
	assert_int_equal(trial_period_at(&a, a.start + 7 + 13), 1);
	assert_int_equal(trial_period_at(&a, trial_end(&a) + 1), -3);
}

static void test_design_errors(void **state)
{
	struct mg_err e = {0};
	struct trial_design d = base(1);
	d.blocks = 1;
	assert_int_equal(trial_design_make(&d, &e), -1);
	assert_non_null(strstr(e.msg, "--blocks \"1\""));
	d = base(1);
	d.period_days = 4;
	assert_int_equal(trial_design_make(&d, &e), -1);
	d = base(1);
	d.washin_days = 5;
	assert_int_equal(trial_design_make(&d, &e), -1);
	assert_non_null(strstr(e.msg, "fewer than 3 days"));
	d = base(1);
	d.blind = 1;
	assert_int_equal(trial_design_make(&d, &e), -1);
	assert_int_equal(e.code, MG_EUSAGE);
}

/* Nights with quality magnesium_q on magnesium days and control_q[block]
 * on control days (wash-in days get 1, which the primary analysis skips). */
static size_t make_nights(const struct trial_design *d, const double *mg_q, const double *ctl_q, struct night *out)
{
	struct trial_period per[2 * TRIAL_MAX_BLOCKS];
	size_t np = trial_periods(d, per, 2 * TRIAL_MAX_BLOCKS), n = 0;
	for (size_t i = 0; i < np; i++)
		for (long day = per[i].start; day <= per[i].end; day++) {
			struct night *nt = &out[n++];
			night_init(nt, day);
			int washin = day - per[i].start < d->washin_days;
			int b = per[i].block - 1;
			double q = washin ? 1 : per[i].magnesium ? mg_q[b] : ctl_q[b];
			nt->quality = (int)q;
		}
	return n;
}

static void test_analysis(void **state)
{
	struct mg_err e = {0};
	struct trial_design d = base(42);
	d.baseline_days = 0;
	assert_int_equal(trial_design_make(&d, &e), 0);
	static struct night nights[200];
	/* Every block 1 point better on magnesium except one at 2: mean 1.25. */
	double mg_q[4] = {4, 4, 5, 4}, ctl_q[4] = {3, 3, 3, 3};
	size_t n = make_nights(&d, mg_q, ctl_q, nights);
	struct trial_analysis a;
	assert_int_equal(trial_analyze(&d, nights, n, NULL, 1, 4000, &a, &e), 0);
	assert_int_equal(a.blocks_used, 4);
	assert_int_equal(a.nights_magnesium, 4 * 5);
	assert_int_equal(a.nights_control, 4 * 5);
	assert_true(fabs(a.mean_diff - 1.25) < 1e-9);
	/* sd of (1,1,2,1) = 0.5, se 0.25, t = 5 on 3 df. */
	assert_true(fabs(a.ci_lo - (1.25 - 3.182446 * 0.25)) < 1e-4);
	assert_true(a.p_paired > 0.01 && a.p_paired < 0.02);
	/* All four differences positive: only the observed signs and their
	 * mirror are as extreme: 2 of 16. */
	assert_true(fabs(a.p_randomization - 2.0 / 16) < 1e-12);
	assert_true(a.bayes.fitted);
	assert_true(a.bayes.p_benefit > 0.8);
	/* The wash-in nights (quality 1) pull the sensitivity estimate. */
	assert_true(a.sensitivity.fitted);
	assert_true(fabs(a.sensitivity.median - a.bayes.median) > 0.01);
	/* No difference: randomisation p 1 when every block differs by 0. */
	double same[4] = {3, 3, 3, 3};
	n = make_nights(&d, same, same, nights);
	assert_int_equal(trial_analyze(&d, nights, n, NULL, 1, 2000, &a, &e), 0);
	assert_true(a.mean_diff == 0);
	assert_true(a.p_randomization == 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_design),
		cmocka_unit_test(test_design_errors),
		cmocka_unit_test(test_analysis),
	};
	return cmocka_run_group_tests(tests, tu_tables_setup, tu_tables_teardown);
}
