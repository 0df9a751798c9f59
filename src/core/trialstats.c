/*
 * Trial analysis (see trialstats.h). Period means skip the wash-in days;
 * the randomisation test enumerates every sign pattern of the block
 * differences, which is exactly the set of AB/BA orders the design could
 * have drawn.
 */
#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "core/ar1.h"
#include "core/tables.h"
#include "core/trialstats.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

static double value(const struct night *n, const char *field)
{
	char buf[32];
	double v;
	night_get(n, field, buf, sizeof(buf));
	return buf[0] && mg_parse_double(buf, -1e9, 1e9, &v) == 0 ? v : NAN;
}

static void bayes(const struct trial_design *d, const double *y_all, const int *washin, size_t n, int keep_washin,
		  const struct trial_period *per, const char *better, double mid, unsigned long seed, int draws,
		  struct trial_bayes *out)
{
	double *y = mg_calloc(n, sizeof(double));
	int *treat = mg_calloc(n, sizeof(int)), *block = mg_calloc(n, sizeof(int));
	for (size_t i = 0; i < n; i++) {
		int k = (int)(i / (size_t)d->period_days);
		y[i] = washin[i] && !keep_washin ? NAN : y_all[i];
		treat[i] = per[k].magnesium;
		block[i] = per[k].block - 1;
	}
	struct ar1_data data = {.y = y, .treat = treat, .block = block, .n = n, .n_blocks = d->blocks};
	struct ar1_options opt;
	ar1_options_default(&opt);
	opt.seed = seed;
	if (draws)
		opt.draws = draws;
	struct ar1_result r;
	struct mg_err e = {0};
	memset(out, 0, sizeof(*out));
	if (ar1_fit(&data, &opt, &r, &e) == 0) {
		int higher = strcmp(better, "higher") == 0;
		out->fitted = 1;
		out->median = r.beta_median;
		out->lo = r.beta_lo;
		out->hi = r.beta_hi;
		out->rho_median = r.rho_median;
		out->rhat = r.rhat_beta;
		out->p_benefit = higher ? ar1_prob_above(&r, mid) : ar1_prob_below(&r, -mid);
		ar1_result_release(&r);
	}
	free(y);
	free(treat);
	free(block);
}

int trial_analyze(const struct trial_design *d, const struct night *nights, size_t n_nights, const int *dose_days,
		  unsigned long seed, int draws, struct trial_analysis *a, struct mg_err *e)
{
	memset(a, 0, sizeof(*a));
	const struct mg_table *t = tables_get("outcomes.tsv");
	long row = table_find(t, "outcome", d->outcome);
	if (row < 0)
		return mg_err_set(e, MG_EUSAGE, "unknown outcome \"%s\"", d->outcome);
	const char *field = table_cell(t, (size_t)row, "field");
	a->outcome = table_cell(t, (size_t)row, "outcome");
	a->better = table_cell(t, (size_t)row, "better");
	a->mid = strtod(table_cell(t, (size_t)row, "mid"), NULL);
	a->mean_diff = a->ci_lo = a->ci_hi = a->p_paired = a->p_randomization = NAN;
	a->adherence_magnesium = a->doses_in_control = NAN;

	struct trial_period per[2 * TRIAL_MAX_BLOCKS];
	size_t np = trial_periods(d, per, 2 * TRIAL_MAX_BLOCKS);
	size_t n = np * (size_t)d->period_days;
	double *y = mg_calloc(n, sizeof(double));
	int *washin = mg_calloc(n, sizeof(int));
	for (size_t i = 0; i < n; i++) {
		y[i] = NAN;
		washin[i] = (int)(i % (size_t)d->period_days) < d->washin_days;
	}
	long first = per[0].start;
	for (size_t i = 0; i < n_nights; i++) {
		long k = nights[i].date - first;
		if (k >= 0 && (size_t)k < n)
			y[k] = value(&nights[i], field);
	}
	/* Cramps: the meaningful difference depends on the control rate. */
	double sum_mg[TRIAL_MAX_BLOCKS] = {0}, sum_ctl[TRIAL_MAX_BLOCKS] = {0}, ctl_all = 0;
	int cnt_mg[TRIAL_MAX_BLOCKS] = {0}, cnt_ctl[TRIAL_MAX_BLOCKS] = {0};
	int dose_mg = 0, days_mg = 0, dose_ctl = 0, days_ctl = 0;
	for (size_t i = 0; i < n; i++) {
		const struct trial_period *p = &per[i / (size_t)d->period_days];
		int b = p->block - 1;
		if (dose_days) {
			int dosed = dose_days[(size_t)(first - d->start) + i] > 0;
			if (p->magnesium) {
				days_mg++;
				dose_mg += dosed;
			} else {
				days_ctl++;
				dose_ctl += dosed;
			}
		}
		if (washin[i] || isnan(y[i]))
			continue;
		if (p->magnesium) {
			sum_mg[b] += y[i];
			cnt_mg[b]++;
			a->nights_magnesium++;
		} else {
			sum_ctl[b] += y[i];
			cnt_ctl[b]++;
			a->nights_control++;
			ctl_all += y[i];
		}
	}
	if (dose_days && days_mg)
		a->adherence_magnesium = (double)dose_mg / days_mg;
	if (dose_days && days_ctl)
		a->doses_in_control = (double)dose_ctl / days_ctl;
	if (strcmp(table_cell(t, (size_t)row, "mid_kind"), "fraction-or-weekly") == 0)
		a->mid = fmax(a->nights_control ? a->mid * ctl_all / a->nights_control : 0, 1.0 / 7.0);

	/* (1) paired comparison over blocks with nights in both periods. */
	for (int b = 0; b < d->blocks; b++)
		if (cnt_mg[b] && cnt_ctl[b])
			a->block_diff[a->blocks_used++] = sum_mg[b] / cnt_mg[b] - sum_ctl[b] / cnt_ctl[b];
	int k = a->blocks_used;
	if (k >= 2) {
		double m = 0, ss = 0;
		for (int i = 0; i < k; i++)
			m += a->block_diff[i];
		m /= k;
		for (int i = 0; i < k; i++)
			ss += (a->block_diff[i] - m) * (a->block_diff[i] - m);
		double se = sqrt(ss / (k - 1) / k);
		a->mean_diff = m;
		double tq = gsl_cdf_tdist_Pinv(0.975, k - 1);
		a->ci_lo = m - tq * se;
		a->ci_hi = m + tq * se;
		a->p_paired = se > 0 ? 2 * gsl_cdf_tdist_Q(fabs(m) / se, k - 1) : (m == 0 ? 1.0 : 0.0);
		/* (2) exact randomisation test: every order flips a block's sign. */
		unsigned long patterns = 1UL << k, extreme = 0;
		for (unsigned long s = 0; s < patterns; s++) {
			double sum = 0;
			for (int i = 0; i < k; i++)
				sum += (s >> i & 1) ? -a->block_diff[i] : a->block_diff[i];
			if (fabs(sum / k) >= fabs(m) - 1e-12)
				extreme++;
		}
		a->p_randomization = (double)extreme / (double)patterns;
	}
	/* (3) and (4): the model, without and with the wash-in days. */
	bayes(d, y, washin, n, 0, per, a->better, a->mid, seed, draws, &a->bayes);
	bayes(d, y, washin, n, 1, per, a->better, a->mid, seed, draws, &a->sensitivity);
	free(y);
	free(washin);
	return 0;
}
