/*
 * Unit tests for src/core/ar1.c, the Gibbs sampler behind reviews and
 * trials: (a) with rho fixed at 0 the posterior of beta matches the
 * closed-form answer (Student t around the OLS estimate); (b) on simulated
 * before/after series with a known effect the 95 % interval covers it
 * about 95 % of the time, and with no effect a confident "benefit" is
 * rare; (c) missing nights, too little data and a blocked trial design;
 * (d) R-hat near 1. Fixed seeds make every run the same.
 */
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <time.h>
#include "testutil.h"
#include "core/ar1.h"
#include "util/banned.h"

/* A before/after series: `base` nights without, then `on` nights with,
 * AR(1) errors with the given rho and sigma 1. */
static void simulate(gsl_rng *rng, double *y, int *treat, size_t base, size_t on, double effect, double rho)
{
	double e = gsl_ran_gaussian(rng, 1.0 / sqrt(1 - rho * rho));
	for (size_t t = 0; t < base + on; t++) {
		if (t)
			e = rho * e + gsl_ran_gaussian(rng, 1.0);
		treat[t] = t >= base;
		y[t] = 5 + effect * treat[t] + e;
	}
}

static void test_conjugate(void **state)
{
	enum { N = 40 };
	double y[N];
	int treat[N];
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_rng_set(rng, 7);
	simulate(rng, y, treat, 15, 25, 0.7, 0.0);
	gsl_rng_free(rng);
	/* OLS of y on (1, A): beta = difference of means, se from the pooled SSR. */
	double m0 = 0, m1 = 0;
	int n0 = 0, n1 = 0;
	for (int t = 0; t < N; t++) {
		if (treat[t]) {
			m1 += y[t];
			n1++;
		} else {
			m0 += y[t];
			n0++;
		}
	}
	m0 /= n0;
	m1 /= n1;
	double ssr = 0;
	for (int t = 0; t < N; t++)
		ssr += (y[t] - (treat[t] ? m1 : m0)) * (y[t] - (treat[t] ? m1 : m0));
	double s2 = ssr / (N - 2), se = sqrt(s2 * (1.0 / n0 + 1.0 / n1)), beta = m1 - m0;
	double tq = gsl_cdf_tdist_Pinv(0.975, N - 2);
	struct ar1_data d = {.y = y, .treat = treat, .n = N};
	struct ar1_options o;
	ar1_options_default(&o);
	o.fix_rho = 1;
	o.rho_fixed = 0;
	o.draws = 40000;
	struct ar1_result r;
	struct mg_err e = {0};
	assert_int_equal(ar1_fit(&d, &o, &r, &e), 0);
	/* Flat priors on the coefficients and p(sigma^2) ~ 1/sigma^2 make the
	 * marginal posterior of beta t(N-2) around the OLS estimate. */
	if (fabs(r.beta_median - beta) > 0.03 * se || fabs(r.beta_lo - (beta - tq * se)) > 0.05 * se ||
	    fabs(r.beta_hi - (beta + tq * se)) > 0.05 * se)
		fail_msg("sampler %.4f [%.4f, %.4f], closed form %.4f [%.4f, %.4f]", r.beta_median, r.beta_lo, r.beta_hi,
			 beta, beta - tq * se, beta + tq * se);
	assert_true(fabs(ar1_prob_above(&r, beta) - 0.5) < 0.02);
	assert_true(r.rho_median == 0);
	ar1_result_release(&r);
}

static void fit_quick(const double *y, const int *treat, size_t n, unsigned long seed, struct ar1_result *r)
{
	struct ar1_data d = {.y = y, .treat = treat, .n = n};
	struct ar1_options o;
	ar1_options_default(&o);
	o.seed = seed;
	o.chains = 2;
	o.draws = 3000;
	o.burn_in = 500;
	struct mg_err e = {0};
	assert_int_equal(ar1_fit(&d, &o, r, &e), 0);
}

static void test_simulation(void **state)
{
	enum { SIMS = 200, BASE = 14, ON = 28 };
	double y[BASE + ON];
	int treat[BASE + ON];
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_rng_set(rng, 2026);
	int covered = 0, false_benefit = 0;
	clock_t t0 = clock();
	for (int s = 0; s < SIMS; s++) {
		struct ar1_result r;
		simulate(rng, y, treat, BASE, ON, 0.8, 0.4);
		fit_quick(y, treat, BASE + ON, (unsigned long)s + 1, &r);
		covered += r.beta_lo <= 0.8 && 0.8 <= r.beta_hi;
		ar1_result_release(&r);
		simulate(rng, y, treat, BASE, ON, 0.0, 0.4);
		fit_quick(y, treat, BASE + ON, (unsigned long)s + 1001, &r);
		false_benefit += ar1_prob_above(&r, 0.5) >= 0.8;
		ar1_result_release(&r);
	}
	gsl_rng_free(rng);
	print_message("# %d/%d intervals cover the effect; %d/%d false benefits; %.1f s\n", covered, SIMS,
		      false_benefit, SIMS, (double)(clock() - t0) / CLOCKS_PER_SEC);
	assert_true(covered >= SIMS * 90 / 100 && covered <= SIMS * 98 / 100);
	assert_true(false_benefit <= SIMS / 10);
}

static void test_missing_and_errors(void **state)
{
	enum { N = 42 };
	double y[N];
	int treat[N];
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_rng_set(rng, 3);
	simulate(rng, y, treat, 14, 28, 1.0, 0.3);
	gsl_rng_free(rng);
	/* Every third night missing breaks the chain but keeps the answer. */
	for (int t = 0; t < N; t += 3)
		y[t] = NAN;
	struct ar1_result r;
	fit_quick(y, treat, N, 5, &r);
	assert_true(r.beta_lo < 1.0 && r.beta_hi > 1.0);
	assert_true(r.rhat_beta < 1.05);
	ar1_result_release(&r);
	/* Fewer than 3 nights in an arm: a clean error. */
	for (int t = 0; t < 14; t++)
		y[t] = t < 2 ? 5 : NAN;
	struct ar1_data d = {.y = y, .treat = treat, .n = N};
	struct ar1_options o;
	ar1_options_default(&o);
	struct mg_err e = {0};
	assert_int_equal(ar1_fit(&d, &o, &r, &e), -1);
	assert_int_equal(e.code, MG_EDATA);
	assert_non_null(strstr(e.msg, "too few nights"));
}

/* 4 blocks of two 7-day periods in AB/BA order, block effects of
 * different sizes, a true effect of -1 (e.g. fewer minutes awake). */
static void test_blocked_trial(void **state)
{
	enum { K = 4, P = 7, N = 2 * K * P };
	static const char order[K] = {'A', 'B', 'B', 'A'};
	static const double block_effect[K] = {0, 0.8, -0.5, 0.3};
	double y[N];
	int treat[N], block[N];
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_rng_set(rng, 11);
	double e = 0;
	for (int t = 0; t < N; t++) {
		int k = t / (2 * P), second = (t / P) % 2;
		treat[t] = (order[k] == 'A') != second;
		block[t] = k;
		e = 0.3 * e + gsl_ran_gaussian(rng, 0.7);
		y[t] = 4 + block_effect[k] - 1.0 * treat[t] + e;
	}
	gsl_rng_free(rng);
	struct ar1_data d = {.y = y, .treat = treat, .block = block, .n = N, .n_blocks = K};
	struct ar1_options o;
	ar1_options_default(&o);
	struct ar1_result r;
	struct mg_err err = {0};
	clock_t t0 = clock();
	assert_int_equal(ar1_fit(&d, &o, &r, &err), 0);
	print_message("# blocked trial: beta %.2f [%.2f, %.2f], rho %.2f, R-hat %.3f, %.0f ms\n", r.beta_median,
		      r.beta_lo, r.beta_hi, r.rho_median, r.rhat_beta, 1000.0 * (double)(clock() - t0) / CLOCKS_PER_SEC);
	assert_true(r.beta_lo < -1.0 && r.beta_hi > -1.0);
	assert_true(r.beta_hi < 0);
	assert_true(ar1_prob_below(&r, -0.3) > 0.8);
	assert_true(r.rhat_beta < 1.05);
	assert_int_equal(r.n_draws, 20000);
	ar1_result_release(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_conjugate),
		cmocka_unit_test(test_simulation),
		cmocka_unit_test(test_missing_and_errors),
		cmocka_unit_test(test_blocked_trial),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
