/*
 * A Bayesian linear model with AR(1) errors, fitted by Gibbs sampling
 * (GSL random numbers), for the checkpoint review and the n-of-1 trial:
 *
 *   y_t = mu + beta*A_t + gamma_{block(t)} + e_t,  e_t = rho*e_{t-1} + eps_t,
 *   eps_t ~ N(0, sigma^2)
 *
 * A_t is 1 on magnesium; block effects are optional (block 0 is the
 * reference). Priors: flat on (mu, beta, gamma), p(sigma^2) ~ 1/sigma^2,
 * rho ~ Uniform(-1, 1). A missing night (y = NAN) breaks the AR chain:
 * the next observed night starts a new chain and is taken as given, with
 * its own error N(0, sigma^2).
 */
#ifndef MG_AR1_H
#define MG_AR1_H

#include <stddef.h>
#include "util/err.h"

struct ar1_data {
	const double *y;        /* NAN = missing night */
	const int *treat;       /* 0/1 */
	const int *block;       /* NULL, or per night 0..n_blocks-1 */
	size_t n;
	int n_blocks;
};

struct ar1_options {
	unsigned long seed;
	int chains;
	int draws;              /* kept draws in total, split across chains */
	int burn_in;            /* per chain */
	int fix_rho;            /* 1: rho stays at rho_fixed */
	double rho_fixed;
};

/* seed 1, 4 chains, 20,000 draws, 1,000 burn-in per chain, rho sampled. */
void ar1_options_default(struct ar1_options *o);

struct ar1_result {
	double beta_median, beta_mean, beta_sd, beta_lo, beta_hi;   /* 95 % equal-tailed interval */
	double rho_median, sigma_median;
	double rhat_beta;       /* Gelman-Rubin potential scale reduction over the chains */
	size_t n_draws;
	double *beta_draws;     /* owned: pooled kept draws; free with ar1_result_release */
};

/* MG_EDATA when fewer than 3 observed nights in either arm, or when the
 * design cannot be estimated. */
int ar1_fit(const struct ar1_data *d, const struct ar1_options *o, struct ar1_result *r, struct mg_err *e);

/* Share of beta draws above / below threshold. */
double ar1_prob_above(const struct ar1_result *r, double threshold);
double ar1_prob_below(const struct ar1_result *r, double threshold);

void ar1_result_release(struct ar1_result *r);

#endif
