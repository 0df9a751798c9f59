/*
 * The personal n-of-1 trial design (PRODUCT.md section 3): an optional
 * baseline, then k blocks of two periods (magnesium and control), the
 * order within each block drawn from a recorded seed with GSL's
 * Mersenne Twister, so the allocation can be re-derived and checked. The
 * design's hash is its pre-registration: any change to outcome, sizes,
 * seed, start or order changes it.
 */
#ifndef MG_TRIAL_H
#define MG_TRIAL_H

#include <stddef.h>
#include "util/err.h"

#define TRIAL_MAX_BLOCKS 12

struct trial_design {
	char outcome[24];
	int blocks, period_days, washin_days, baseline_days;
	char control[12];             /* "none" or "placebo" */
	int blind;
	unsigned long seed;
	long start;                   /* first day of the baseline (or of period 1) */
	char order[TRIAL_MAX_BLOCKS]; /* per block: 'A' magnesium first, 'B' control first */
	char hash[17];                /* FNV-1a 64 of the canonical text, hex */
};

struct trial_period {
	int block;                    /* 1-based */
	int magnesium;                /* 1 magnesium, 0 control */
	long start, end;              /* inclusive */
};

/* Checks the sizes (blocks 2..12, periods 5..28 days, wash-in shorter than
 * a period by at least 3 days, baseline 0..28) and draws the order from
 * the seed. MG_EDATA naming the flag for a value out of range. */
int trial_design_make(struct trial_design *d, struct mg_err *e);

/* The canonical text the hash covers ("outcome=quality;blocks=4;..."). */
void trial_canonical(const struct trial_design *d, char *buf, size_t n);
void trial_hash(const struct trial_design *d, char out[17]);

/* Periods in time order (2 x blocks). */
size_t trial_periods(const struct trial_design *d, struct trial_period *out, size_t max);
long trial_end(const struct trial_design *d);

/* The period containing `date`: its index, or -1 during the baseline,
 * -2 before the start and -3 after the end. */
int trial_period_at(const struct trial_design *d, long date);

#endif
