/*
 * The n-of-1 trial analysis (PRODUCT.md section 3): (1) a paired t
 * comparison of period means within blocks, (2) the exact randomisation
 * test over all 2^k orders the design allowed, (3) the Bayesian AR(1)
 * model with block effects (core/ar1.c), and (4) the same model with the
 * wash-in days included as a sensitivity analysis. Pure: the caller
 * passes the nights.
 */
#ifndef MG_TRIALSTATS_H
#define MG_TRIALSTATS_H

#include <stddef.h>
#include "core/night.h"
#include "core/trial.h"
#include "util/err.h"

struct trial_bayes {
	int fitted;
	double median, lo, hi, p_benefit, rho_median, rhat;
};

struct trial_analysis {
	const char *outcome, *better;
	double mid;
	int blocks_used;                  /* blocks with nights in both periods */
	double block_diff[TRIAL_MAX_BLOCKS];   /* magnesium - control, per used block */
	double mean_diff, ci_lo, ci_hi, p_paired;   /* NAN with fewer than 2 blocks */
	double p_randomization;           /* NAN with fewer than 2 blocks */
	int nights_magnesium, nights_control;       /* analysed (after wash-in) */
	double adherence_magnesium;       /* share of magnesium-period days with a dose; NAN unknown */
	double doses_in_control;          /* share of control-period days with a dose */
	struct trial_bayes bayes, sensitivity;
};

/* dose_days: per day from the design's start, 1 when a dose was logged
 * (may be NULL). draws 0: review-draws. */
int trial_analyze(const struct trial_design *d, const struct night *nights, size_t n_nights, const int *dose_days,
		  unsigned long seed, int draws, struct trial_analysis *a, struct mg_err *e);

#endif
