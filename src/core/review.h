/*
 * The checkpoint review (PRODUCT.md section 3): did magnesium help, with
 * honest uncertainty, and what next. Baseline nights are those before the
 * first dose; on-magnesium nights start on the third day of dosing. Each
 * outcome's effect comes from the AR(1) Bayesian model in core/ar1.c with
 * treatment = on magnesium, so day-to-day correlation is respected. The
 * decision follows data/review-rules.tsv in a fixed order: safety (pause),
 * tolerance (split, gentler form, lower dose), insufficient data, stop,
 * continue, change form at day 42, extend: a loose-stool signal is never
 * hidden behind "too few nights". Pure: the caller reads the journal.
 */
#ifndef MG_REVIEW_H
#define MG_REVIEW_H

#include <stddef.h>
#include "core/night.h"
#include "core/notes.h"
#include "store/journal.h"

#define REVIEW_MAX_OUTCOMES 16

struct review_input {
	const struct profile *profile;
	long first_dose;             /* date of the first dose; MG_NO_DATE when none */
	long at;                     /* the checkpoint date (inclusive) */
	const struct night *nights;  /* merged nights up to `at`, by date */
	size_t n_nights;
	double adherence;            /* magnesium taken against the plan in force, 0-1; NAN without a plan */
	long on_from;                /* first on-magnesium night; MG_NO_DATE: review-on-from-day of dosing */
	long loose_after;            /* stool form counts on nights after this (the regimen's start); MG_NO_DATE: any */
	long flags_after;            /* red flags count on nights after this (a course's resume); MG_NO_DATE: any */
	long baseline_from;          /* the baseline starts here (after an earlier course); MG_NO_DATE: any */
	const long (*off)[2];        /* [from, to] spans left out of both arms (a course's pauses) */
	size_t n_off;
	int split;                   /* the plan already splits the dose */
	const char *form;            /* the plan's form */
	const char *outcome;         /* primary outcome; NULL: from the goals */
	unsigned long seed;
	int draws;                   /* 0: review-draws */
};

struct review_outcome {
	const char *name, *better, *rule;   /* outcomes.tsv */
	int n_base, n_on;
	double baseline_mean, on_mean;      /* NAN without nights */
	double mid;                         /* meaningful difference, outcome units */
	int fitted;                         /* enough nights in both arms for the model */
	double effect, lo, hi;              /* posterior median and 95 % interval of on - baseline */
	double p_benefit, p_harm;           /* P(better by more than mid), P(worse by more than mid) */
	double rhat;
};

struct review {
	const char *decision;
	int checkpoint_day;          /* days since the first dose, day 1 = first dose */
	int on_lower_dose;           /* the on-magnesium nights are those of a step down (on_from given) */
	double adherence;            /* NAN without a plan */
	int nights_baseline, nights_on;
	struct review_outcome outcomes[REVIEW_MAX_OUTCOMES];
	size_t n_outcomes;
	size_t primary;              /* index into outcomes */
	struct notes reasons;
};

/* MG_EUSAGE for an unknown outcome name, MG_ENOINPUT without any dose. */
int review_compute(const struct review_input *in, struct review *r, struct mg_err *e);
void review_release(struct review *r);

#endif
