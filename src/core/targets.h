/*
 * Daily magnesium targets for a profile: the RDA (US, IOM) or adequate
 * intake (EU, EFSA) for the age band, sex and pregnancy or lactation; the
 * training factor on the target; and the separate upper limit for
 * supplemental magnesium. Every figure comes from a row of data/targets.tsv,
 * data/training.tsv or data/ul.tsv, whose ids and sources are kept here for
 * explanations.
 */
#ifndef MG_TARGETS_H
#define MG_TARGETS_H

#include "store/journal.h"
#include "util/err.h"

struct rule_ref {
	const char *id;       /* row id, e.g. "rda-us-31-50y-f" */
	const char *source;   /* the row's source text */
};

struct targets {
	int age_months;
	double rda_mg;             /* RDA or AI, all sources */
	const char *rda_kind;      /* "RDA" or "AI" */
	double training_factor;
	double target_mg;          /* rda_mg x training_factor */
	int ul_set;                /* 0: no supplements for this age */
	double supplement_ul_mg;   /* supplements only; food never counts */
	char basis[256];           /* one plain sentence */
	struct rule_ref rda, training, ul;
};

/* Computes the targets on day `on`. MG_EDATA when no table row covers the
 * profile (an EU infant under 7 months, pregnancy under 14 in the US). */
int targets_compute(const struct profile *p, long on, struct targets *t, struct mg_err *e);

#endif
