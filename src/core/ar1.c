/*
 * Gibbs sampler for the AR(1) regression in ar1.h. Each sweep draws
 *   1. the coefficients b = (mu, beta, gammas) | rho, sigma^2: normal, from
 *      the AR-filtered regression (y_t - rho*y_{t-1} on x_t - rho*x_{t-1});
 *   2. sigma^2 | b, rho: inverse gamma from the filtered residuals;
 *   3. rho | b, sigma^2: normal around the lag-1 regression of the
 *      residuals, truncated to (-1, 1).
 * Why it is fast: every sum the sweep needs is a quadratic in rho built
 * from sums over the nights computed once (A0, A1, A2 for X'X, c0..c2 for
 * X'y, d0..d2 for y'y), so a sweep costs O(p^3) in the number of
 * coefficients, not O(n).
 */
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "core/ar1.h"
#include "util/strbuf.h"
#include "util/banned.h"

#define MAXP 16   /* intercept, treatment and up to 14 block effects */

void ar1_options_default(struct ar1_options *o)
{
	memset(o, 0, sizeof(*o));
	o->seed = 1;
	o->chains = 4;
	o->draws = 20000;
	o->burn_in = 1000;
}

/* The sufficient sums: X'X = A0 - rho (A1 + A1') + rho^2 A2 and so on. */
struct sums {
	int p;
	double A0[MAXP][MAXP], A1[MAXP][MAXP], A2[MAXP][MAXP];   /* A1 = sum x_t x_{t-1}' */
	double c0[MAXP], c1[MAXP], c2[MAXP];   /* c1 = sum (x_t y_{t-1} + x_{t-1} y_t) */
	double d0, d1, d2;                     /* d1 = sum y_t y_{t-1} */
	size_t n_obs;
};

static void design_row(const struct ar1_data *d, const int *col_of_block, size_t t, double *x, int p)
{
	memset(x, 0, (size_t)p * sizeof(double));
	x[0] = 1;
	x[1] = d->treat[t] ? 1 : 0;
	if (d->block) {
		int c = col_of_block[d->block[t]];
		if (c > 0)
			x[c] = 1;
	}
}

static void build_sums(const struct ar1_data *d, const int *col_of_block, int p, struct sums *s)
{
	memset(s, 0, sizeof(*s));
	s->p = p;
	double x[MAXP], xp[MAXP];
	for (size_t t = 0; t < d->n; t++) {
		if (isnan(d->y[t]))
			continue;
		design_row(d, col_of_block, t, x, p);
		double y = d->y[t];
		s->n_obs++;
		for (int i = 0; i < p; i++) {
			s->c0[i] += x[i] * y;
			for (int j = 0; j < p; j++)
				s->A0[i][j] += x[i] * x[j];
		}
		s->d0 += y * y;
		if (t == 0 || isnan(d->y[t - 1]))
			continue;   /* a chain start: no AR predecessor */
		design_row(d, col_of_block, t - 1, xp, p);
		double yp = d->y[t - 1];
		for (int i = 0; i < p; i++) {
			s->c1[i] += x[i] * yp + xp[i] * y;
			s->c2[i] += xp[i] * yp;
			for (int j = 0; j < p; j++) {
				s->A1[i][j] += x[i] * xp[j];
				s->A2[i][j] += xp[i] * xp[j];
			}
		}
		s->d1 += y * yp;
		s->d2 += yp * yp;
	}
}

/* X*'X*, X*'y* and y*'y* of the AR-filtered regression at rho. */
static void filtered(const struct sums *s, double rho, double XtX[MAXP][MAXP], double *Xty, double *yty)
{
	int p = s->p;
	for (int i = 0; i < p; i++) {
		Xty[i] = s->c0[i] - rho * s->c1[i] + rho * rho * s->c2[i];
		for (int j = 0; j < p; j++)
			XtX[i][j] = s->A0[i][j] - rho * (s->A1[i][j] + s->A1[j][i]) + rho * rho * s->A2[i][j];
	}
	*yty = s->d0 - 2 * rho * s->d1 + rho * rho * s->d2;
}

/* In-place Cholesky A = L L' (lower triangle); 0 when A is not positive definite. */
static int cholesky(double A[MAXP][MAXP], int p)
{
	for (int j = 0; j < p; j++) {
		double v = A[j][j];
		for (int k = 0; k < j; k++)
			v -= A[j][k] * A[j][k];
		if (!(v > 1e-12))
			return 0;
		A[j][j] = sqrt(v);
		for (int i = j + 1; i < p; i++) {
			double w = A[i][j];
			for (int k = 0; k < j; k++)
				w -= A[i][k] * A[j][k];
			A[i][j] = w / A[j][j];
		}
	}
	return 1;
}

static double quad(const double M[MAXP][MAXP], const double *b, int p)
{
	double q = 0;
	for (int i = 0; i < p; i++)
		for (int j = 0; j < p; j++)
			q += b[i] * M[i][j] * b[j];
	return q;
}

static double dot(const double *a, const double *b, int p)
{
	double v = 0;
	for (int i = 0; i < p; i++)
		v += a[i] * b[i];
	return v;
}

/* b ~ N((X'X)^-1 X'y, sigma2 (X'X)^-1) through the Cholesky factor. */
static int draw_coefficients(const struct sums *s, double rho, double sigma2, gsl_rng *rng, double *b)
{
	int p = s->p;
	double L[MAXP][MAXP], Xty[MAXP], yty, z[MAXP], m[MAXP];
	filtered(s, rho, L, Xty, &yty);
	if (!cholesky(L, p))
		return 0;
	/* mean: solve L L' m = X'y */
	for (int i = 0; i < p; i++) {
		double v = Xty[i];
		for (int k = 0; k < i; k++)
			v -= L[i][k] * m[k];
		m[i] = v / L[i][i];
	}
	for (int i = p - 1; i >= 0; i--) {
		double v = m[i];
		for (int k = i + 1; k < p; k++)
			v -= L[k][i] * m[k];
		m[i] = v / L[i][i];
	}
	/* noise: solve L' u = z, u ~ N(0, (X'X)^-1) */
	for (int i = 0; i < p; i++)
		z[i] = gsl_ran_gaussian_ziggurat(rng, 1.0);
	for (int i = p - 1; i >= 0; i--) {
		double v = z[i];
		for (int k = i + 1; k < p; k++)
			v -= L[k][i] * z[k];
		z[i] = v / L[i][i];
	}
	double sd = sqrt(sigma2);
	for (int i = 0; i < p; i++)
		b[i] = m[i] + sd * z[i];
	return 1;
}

static double draw_sigma2(const struct sums *s, double rho, const double *b, gsl_rng *rng)
{
	double XtX[MAXP][MAXP], Xty[MAXP], yty;
	filtered(s, rho, XtX, Xty, &yty);
	double ssr = yty - 2 * dot(b, Xty, s->p) + quad(XtX, b, s->p);
	if (ssr < 1e-12)
		ssr = 1e-12;
	/* p(sigma^2 | .) is inverse gamma(n/2, ssr/2) under p(sigma^2) ~ 1/sigma^2. */
	double g = gsl_ran_gamma(rng, (double)s->n_obs / 2, 2 / ssr);
	return 1 / g;
}

static double draw_rho(const struct sums *s, const double *b, double sigma2, double rho, gsl_rng *rng)
{
	int p = s->p;
	/* Lag-1 sums of the residuals e_t = y_t - x_t b over pairs of nights. */
	double s1 = s->d1 - dot(b, s->c1, p) + quad(s->A1, b, p);
	double s0 = s->d2 - 2 * dot(b, s->c2, p) + quad(s->A2, b, p);
	if (!(s0 > 1e-12))
		return rho;
	double mean = s1 / s0, sd = sqrt(sigma2 / s0);
	for (int tries = 0; tries < 200; tries++) {
		double r = mean + gsl_ran_gaussian_ziggurat(rng, sd);
		if (r > -1 && r < 1)
			return r;
	}
	return rho;   /* the conditional mass inside (-1, 1) is tiny: keep the last value */
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double quantile(const double *sorted, size_t n, double q)
{
	double pos = q * (double)(n - 1);
	size_t i = (size_t)pos;
	double f = pos - (double)i;
	return i + 1 < n ? sorted[i] * (1 - f) + sorted[i + 1] * f : sorted[n - 1];
}

int ar1_fit(const struct ar1_data *d, const struct ar1_options *o, struct ar1_result *r, struct mg_err *e)
{
	memset(r, 0, sizeof(*r));
	size_t n_on = 0, n_off = 0;
	for (size_t t = 0; t < d->n; t++)
		if (!isnan(d->y[t])) {
			if (d->treat[t])
				n_on++;
			else
				n_off++;
		}
	if (n_on < 3 || n_off < 3)
		return mg_err_set(e, MG_EDATA, "too few nights to fit: %zu on magnesium, %zu without (3 of each needed)",
				  n_on, n_off);
	/* Block columns: only blocks with observed nights get one (block 0,
	 * or the first observed block, is the reference). */
	int col_of_block[MAXP * 4] = {0};
	int p = 2;
	if (d->block && d->n_blocks > 1) {
		if (d->n_blocks > (int)(sizeof(col_of_block) / sizeof(col_of_block[0])))
			return mg_err_set(e, MG_EDATA, "too many blocks (%d)", d->n_blocks);
		int seen[MAXP * 4] = {0}, reference = -1;
		for (size_t t = 0; t < d->n; t++)
			if (!isnan(d->y[t]) && d->block[t] >= 0 && d->block[t] < d->n_blocks)
				seen[d->block[t]] = 1;
		for (int k = 0; k < d->n_blocks; k++) {
			if (!seen[k])
				continue;
			if (reference < 0) {
				reference = k;
				continue;
			}
			if (p == MAXP)
				return mg_err_set(e, MG_EDATA, "too many blocks (%d)", d->n_blocks);
			col_of_block[k] = p++;
		}
	}
	struct sums s;
	build_sums(d, col_of_block, p, &s);
	if (s.n_obs <= (size_t)p + 1)
		return mg_err_set(e, MG_EDATA, "too few nights for %d coefficients", p);

	int chains = o->chains > 0 ? o->chains : 1;
	int per_chain = o->draws / chains > 0 ? o->draws / chains : 1;
	r->n_draws = (size_t)per_chain * (size_t)chains;
	r->beta_draws = mg_malloc(r->n_draws * sizeof(double));
	double *rho_draws = mg_malloc(r->n_draws * sizeof(double));
	double *sigma_draws = mg_malloc(r->n_draws * sizeof(double));
	double chain_mean[64], chain_var[64];
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_rng_set(rng, o->seed);
	int ok = 1;
	for (int c = 0; c < chains && ok && c < 64; c++) {
		/* Over-dispersed starts, so R-hat can show chains that disagree. */
		static const double rho0[] = {0.0, 0.5, -0.5, 0.25};
		double rho = o->fix_rho ? o->rho_fixed : rho0[c % 4];
		double b[MAXP], sigma2;
		if (!draw_coefficients(&s, rho, 1.0, rng, b)) {
			ok = 0;
			break;
		}
		sigma2 = draw_sigma2(&s, rho, b, rng) * (c % 2 ? 2.0 : 0.5);
		double sum = 0, sumsq = 0;
		for (int it = 0; it < o->burn_in + per_chain; it++) {
			if (!draw_coefficients(&s, rho, sigma2, rng, b)) {
				ok = 0;
				break;
			}
			sigma2 = draw_sigma2(&s, rho, b, rng);
			if (!o->fix_rho)
				rho = draw_rho(&s, b, sigma2, rho, rng);
			if (it >= o->burn_in) {
				size_t k = (size_t)c * (size_t)per_chain + (size_t)(it - o->burn_in);
				r->beta_draws[k] = b[1];
				rho_draws[k] = rho;
				sigma_draws[k] = sqrt(sigma2);
				sum += b[1];
				sumsq += b[1] * b[1];
			}
		}
		chain_mean[c] = sum / per_chain;
		chain_var[c] = per_chain > 1 ? (sumsq - per_chain * chain_mean[c] * chain_mean[c]) / (per_chain - 1) : 0;
	}
	gsl_rng_free(rng);
	if (!ok) {
		free(rho_draws);
		free(sigma_draws);
		ar1_result_release(r);
		return mg_err_set(e, MG_EDATA, "the design cannot be estimated (treatment and blocks overlap)");
	}
	/* Gelman-Rubin over the chains. */
	double W = 0, mbar = 0, B = 0;
	for (int c = 0; c < chains; c++) {
		W += chain_var[c] / chains;
		mbar += chain_mean[c] / chains;
	}
	for (int c = 0; c < chains; c++)
		B += (chain_mean[c] - mbar) * (chain_mean[c] - mbar);
	B = chains > 1 ? B * per_chain / (chains - 1) : 0;
	double var_plus = (per_chain - 1.0) / per_chain * W + B / per_chain;
	r->rhat_beta = W > 0 && chains > 1 ? sqrt(var_plus / W) : NAN;

	double sum = 0, sumsq = 0;
	for (size_t i = 0; i < r->n_draws; i++) {
		sum += r->beta_draws[i];
		sumsq += r->beta_draws[i] * r->beta_draws[i];
	}
	r->beta_mean = sum / (double)r->n_draws;
	r->beta_sd = sqrt(fmax(0, sumsq / (double)r->n_draws - r->beta_mean * r->beta_mean));
	double *sorted = mg_malloc(r->n_draws * sizeof(double));
	memcpy(sorted, r->beta_draws, r->n_draws * sizeof(double));
	qsort(sorted, r->n_draws, sizeof(double), cmp_double);
	r->beta_median = quantile(sorted, r->n_draws, 0.5);
	r->beta_lo = quantile(sorted, r->n_draws, 0.025);
	r->beta_hi = quantile(sorted, r->n_draws, 0.975);
	qsort(rho_draws, r->n_draws, sizeof(double), cmp_double);
	qsort(sigma_draws, r->n_draws, sizeof(double), cmp_double);
	r->rho_median = quantile(rho_draws, r->n_draws, 0.5);
	r->sigma_median = quantile(sigma_draws, r->n_draws, 0.5);
	free(sorted);
	free(rho_draws);
	free(sigma_draws);
	return 0;
}

double ar1_prob_above(const struct ar1_result *r, double threshold)
{
	size_t k = 0;
	for (size_t i = 0; i < r->n_draws; i++)
		k += r->beta_draws[i] > threshold;
	return r->n_draws ? (double)k / (double)r->n_draws : NAN;
}

double ar1_prob_below(const struct ar1_result *r, double threshold)
{
	size_t k = 0;
	for (size_t i = 0; i < r->n_draws; i++)
		k += r->beta_draws[i] < threshold;
	return r->n_draws ? (double)k / (double)r->n_draws : NAN;
}

void ar1_result_release(struct ar1_result *r)
{
	free(r->beta_draws);
	r->beta_draws = NULL;
	r->n_draws = 0;
}
