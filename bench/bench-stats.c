/*
 * bench-stats: the Bayesian AR(1) fit behind `review` and `trial analyze`
 * on 84 nights (a 6-block trial of 7-day periods) with 20,000 draws in 4
 * chains, the reference size. Prints the median and fastest of 20
 * fits and the ratio to the 50 ms goal.
 */
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "core/ar1.h"
#include "util/banned.h"

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

int main(void)
{
	enum { K = 6, P = 7, N = 2 * K * P, RUNS = 20 };
	double y[N];
	int treat[N], block[N];
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_rng_set(rng, 84);
	double e = 0;
	for (int t = 0; t < N; t++) {
		int k = t / (2 * P);
		treat[t] = ((t / P) % 2) ^ (k % 2);
		block[t] = k;
		e = 0.4 * e + gsl_ran_gaussian(rng, 1.0);
		y[t] = 3 + 0.5 * treat[t] + 0.2 * k + e;
	}
	gsl_rng_free(rng);
	struct ar1_data d = {.y = y, .treat = treat, .block = block, .n = N, .n_blocks = K};
	struct ar1_options o;
	ar1_options_default(&o);
	double ms[RUNS];
	for (int i = 0; i < RUNS; i++) {
		struct ar1_result r;
		struct mg_err err = {0};
		o.seed = (unsigned long)i + 1;
		double t0 = now_ms();
		if (ar1_fit(&d, &o, &r, &err) < 0) {
			fprintf(stderr, "bench-stats: %s\n", err.msg);
			return 1;
		}
		ms[i] = now_ms() - t0;
		ar1_result_release(&r);
	}
	qsort(ms, RUNS, sizeof(double), cmp);
	printf("AR(1) Gibbs fit, %d nights x %d draws (%d chains)  median %.1f ms   min %.1f ms   goal <= 50 ms   ratio %.2f\n",
	       N, o.draws, o.chains, ms[RUNS / 2], ms[0], ms[RUNS / 2] / 50.0);
	return 0;
}
