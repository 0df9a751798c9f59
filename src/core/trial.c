/*
 * Trial design arithmetic (see trial.h). The order draw uses
 * gsl_rng_mt19937 seeded with the design's seed: one uniform bit per block,
 * so the same seed always gives the same allocation.
 */
#include <gsl/gsl_rng.h>
#include <stdio.h>
#include <string.h>
#include "core/tables.h"
#include "core/trial.h"
#include "util/parse.h"
#include "util/banned.h"

int trial_design_make(struct trial_design *d, struct mg_err *e)
{
	if (d->blocks < 2 || d->blocks > TRIAL_MAX_BLOCKS)
		return mg_err_set(e, MG_EDATA, "--blocks \"%d\" is out of range (2 to %d)", d->blocks, TRIAL_MAX_BLOCKS);
	int min_period = (int)tables_threshold("trial-min-period-days", NULL);
	if (d->period_days < min_period || d->period_days > 28)
		return mg_err_set(e, MG_EDATA, "--period-days \"%d\" is out of range (%d to 28)", d->period_days, min_period);
	if (d->washin_days < 0 || d->washin_days > d->period_days - 3)
		return mg_err_set(e, MG_EDATA, "--washin-days \"%d\" leaves fewer than 3 days to analyse in a %d-day period",
				  d->washin_days, d->period_days);
	if (d->baseline_days < 0 || d->baseline_days > 28)
		return mg_err_set(e, MG_EDATA, "--baseline-days \"%d\" is out of range (0 to 28)", d->baseline_days);
	if (strcmp(d->control, "none") && strcmp(d->control, "placebo"))
		return mg_err_set(e, MG_EUSAGE, "--control \"%s\" must be none or placebo", d->control);
	if (d->blind && strcmp(d->control, "placebo") != 0)
		return mg_err_set(e, MG_EUSAGE, "--blind needs --control placebo: without a placebo the arms cannot be hidden");
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_rng_set(rng, d->seed);
	memset(d->order, 0, sizeof(d->order));
	for (int b = 0; b < d->blocks; b++)
		d->order[b] = gsl_rng_uniform_int(rng, 2) ? 'B' : 'A';
	gsl_rng_free(rng);
	trial_hash(d, d->hash);
	return 0;
}

void trial_canonical(const struct trial_design *d, char *buf, size_t n)
{
	char start[16];
	mg_format_date(d->start, start, sizeof(start));
	snprintf(buf, n, "outcome=%s;blocks=%d;period_days=%d;washin_days=%d;baseline_days=%d;control=%s;blind=%d;"
		 "seed=%lu;start=%s;order=%.*s", d->outcome, d->blocks, d->period_days, d->washin_days,
		 d->baseline_days, d->control, d->blind, d->seed, start, d->blocks, d->order);
}

/* FNV-1a, 64 bits: enough to notice any change to the registered design
 * (it is not a defence against someone forging a collision). */
void trial_hash(const struct trial_design *d, char out[17])
{
	char text[512];
	trial_canonical(d, text, sizeof(text));
	unsigned long long h = 14695981039346656037ULL;
	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		h ^= *p;
		h *= 1099511628211ULL;
	}
	snprintf(out, 17, "%016llx", h);
}

size_t trial_periods(const struct trial_design *d, struct trial_period *out, size_t max)
{
	size_t n = 0;
	long day = d->start + d->baseline_days;
	for (int b = 0; b < d->blocks; b++)
		for (int k = 0; k < 2 && n < max; k++) {
			struct trial_period *p = &out[n++];
			p->block = b + 1;
			p->magnesium = (d->order[b] == 'A') == (k == 0);
			p->start = day;
			p->end = day + d->period_days - 1;
			day += d->period_days;
		}
	return n;
}

long trial_end(const struct trial_design *d)
{
	return d->start + d->baseline_days + 2L * d->blocks * d->period_days - 1;
}

int trial_period_at(const struct trial_design *d, long date)
{
	if (date < d->start)
		return -2;
	if (date > trial_end(d))
		return -3;
	long into = date - d->start - d->baseline_days;
	if (into < 0)
		return -1;
	return (int)(into / d->period_days);
}
