/*
 * The checkpoint review (see review.h). Numbers come from
 * data/thresholds.tsv (review-*), outcomes and their meaningful
 * differences from data/outcomes.tsv, and every reason's text from
 * data/review-rules.tsv.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "core/ar1.h"
#include "core/review.h"
#include "core/tables.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

static double th(const char *id)
{
	return tables_threshold(id, NULL);
}

static void reason(struct review *r, const char *id)
{
	notes_add_row(&r->reasons, "review-rules.tsv", id, "text", NULL);
}

static const char *decision_of(const char *id)
{
	const struct mg_table *t = tables_get("review-rules.tsv");
	return table_cell(t, (size_t)table_find(t, "id", id), "decision");
}

static void decide(struct review *r, const char *id)
{
	if (!r->decision)
		r->decision = decision_of(id);
	reason(r, id);
}

/* The outcome's value on a night, or NAN when not recorded. */
static double value(const struct night *n, const char *field)
{
	char buf[32];
	double v;
	night_get(n, field, buf, sizeof(buf));
	return buf[0] && mg_parse_double(buf, -1e9, 1e9, &v) == 0 ? v : NAN;
}

/* The primary outcome: the one asked for, else the first goal with an
 * outcome (outcomes.tsv `goal`), else sleep quality. */
static long primary_row(const struct review_input *in, struct mg_err *e)
{
	const struct mg_table *t = tables_get("outcomes.tsv");
	if (in->outcome) {
		long r = table_find(t, "outcome", in->outcome);
		if (r < 0) {
			struct strbuf sb;
			strbuf_init(&sb);
			table_list_values(t, "outcome", &sb);
			mg_err_set(e, MG_EUSAGE, "unknown --outcome \"%s\" (known: %s)", in->outcome, strbuf_str(&sb));
			strbuf_release(&sb);
		}
		return r;
	}
	for (size_t g = 0; g < in->profile->n_goals; g++) {
		long r = table_find(t, "goal", in->profile->goals[g]);
		if (r >= 0)
			return r;
	}
	return table_find(t, "outcome", "quality");
}

static void fit_outcome(const struct review_input *in, size_t row, struct review_outcome *o, long on_from)
{
	const struct mg_table *t = tables_get("outcomes.tsv");
	const char *field = table_cell(t, row, "field");
	o->name = table_cell(t, row, "outcome");
	o->better = table_cell(t, row, "better");
	o->rule = table_cell(t, row, "id");
	o->baseline_mean = o->on_mean = o->effect = o->lo = o->hi = o->rhat = NAN;
	o->p_benefit = o->p_harm = NAN;
	/* One slot per calendar day from the first night to the checkpoint;
	 * wash-in days and unrecorded nights are missing (NAN). */
	long from = in->n_nights ? in->nights[0].date : in->at;
	size_t n = (size_t)(in->at - from + 1);
	double *y = mg_calloc(n, sizeof(double));
	int *treat = mg_calloc(n, sizeof(int));
	for (size_t i = 0; i < n; i++)
		y[i] = NAN;
	double sum_b = 0, sum_o = 0;
	for (size_t i = 0; i < in->n_nights; i++) {
		const struct night *nt = &in->nights[i];
		if (nt->date < from || nt->date > in->at)
			continue;
		double v = value(nt, field);
		if (isnan(v) || (in->baseline_from != MG_NO_DATE && nt->date < in->baseline_from))
			continue;
		int off = 0;
		for (size_t k = 0; k < in->n_off && !off; k++)
			off = nt->date >= in->off[k][0] && nt->date <= in->off[k][1];
		if (off)
			continue;
		size_t k = (size_t)(nt->date - from);
		if (nt->date < in->first_dose) {
			y[k] = v;
			sum_b += v;
			o->n_base++;
		} else if (nt->date >= on_from) {
			y[k] = v;
			treat[k] = 1;
			sum_o += v;
			o->n_on++;
		}
	}
	if (o->n_base)
		o->baseline_mean = sum_b / o->n_base;
	if (o->n_on)
		o->on_mean = sum_o / o->n_on;
	double mid = strtod(table_cell(t, row, "mid"), NULL);
	if (strcmp(table_cell(t, row, "mid_kind"), "fraction-or-weekly") == 0)
		/* Cramps: 25 % of the baseline rate, or one a week, whichever is larger. */
		mid = fmax(isnan(o->baseline_mean) ? 0 : mid * o->baseline_mean, 1.0 / 7.0);
	o->mid = mid;
	if (o->n_base >= 3 && o->n_on >= 3) {
		struct ar1_data d = {.y = y, .treat = treat, .block = NULL, .n = n, .n_blocks = 0};
		struct ar1_options opt;
		ar1_options_default(&opt);
		opt.seed = in->seed ? in->seed : 1;
		opt.draws = in->draws ? in->draws : (int)th("review-draws");
		struct ar1_result res;
		struct mg_err e = {0};
		if (ar1_fit(&d, &opt, &res, &e) == 0) {
			int higher = strcmp(o->better, "higher") == 0;
			o->fitted = 1;
			o->effect = res.beta_median;
			o->lo = res.beta_lo;
			o->hi = res.beta_hi;
			o->rhat = res.rhat_beta;
			o->p_benefit = higher ? ar1_prob_above(&res, mid) : ar1_prob_below(&res, -mid);
			o->p_harm = higher ? ar1_prob_below(&res, -mid) : ar1_prob_above(&res, mid);
			ar1_result_release(&res);
		}
	}
	free(y);
	free(treat);
}

int review_compute(const struct review_input *in, struct review *r, struct mg_err *e)
{
	memset(r, 0, sizeof(*r));
	notes_init(&r->reasons);
	r->adherence = NAN;
	if (in->first_dose == MG_NO_DATE)
		return mg_err_set(e, MG_ENOINPUT, "no dose is logged yet: the review compares nights before and after"
				  " the first dose ('mgtrack dose')");
	long prow = primary_row(in, e);
	if (prow < 0)
		return -1;
	r->checkpoint_day = (int)(in->at - in->first_dose + 1);
	long on_from = in->on_from != MG_NO_DATE ? in->on_from : in->first_dose + (long)th("review-on-from-day") - 1;
	r->adherence = in->adherence;
	r->on_lower_dose = in->on_from != MG_NO_DATE;

	const struct mg_table *t = tables_get("outcomes.tsv");
	for (size_t row = 0; row < t->nrows && r->n_outcomes < REVIEW_MAX_OUTCOMES; row++) {
		struct review_outcome *o = &r->outcomes[r->n_outcomes];
		fit_outcome(in, row, o, on_from);
		if ((long)row == prow)
			r->primary = r->n_outcomes;
		/* Outcomes never recorded are left out, except the primary one. */
		if (o->n_base + o->n_on > 0 || (long)row == prow)
			r->n_outcomes++;
	}
	const struct review_outcome *p = &r->outcomes[r->primary];
	r->nights_baseline = p->n_base;
	r->nights_on = p->n_on;

	/* Safety first: a red flag in the last 7 nights. */
	long flag_from = in->at - (long)th("pause-red-flag-days") + 1;
	if (in->flags_after != MG_NO_DATE && flag_from <= in->flags_after)
		flag_from = in->flags_after + 1;
	int loose = 0, flagged = 0;
	long loose_from = in->at - (long)th("review-loose-window") + 1;
	if (in->loose_after != MG_NO_DATE && loose_from <= in->loose_after)
		loose_from = in->loose_after + 1;
	for (size_t i = 0; i < in->n_nights; i++) {
		const struct night *n = &in->nights[i];
		if (n->date >= flag_from && n->date <= in->at && n->red_flags && !flagged++)
			decide(r, "review-pause");
		if (n->date >= loose_from && n->date <= in->at && n->bristol >= (int)th("review-loose-bristol"))
			loose++;
	}
	/* Tolerance before efficacy: loose stools are acted on however few
	 * nights the comparison has. */
	if (!r->decision && loose >= (int)th("review-loose-nights")) {
		const struct mg_table *forms = tables_get("forms.tsv");
		long f = in->form ? table_find(forms, "form", in->form) : -1;
		int gentle = f >= 0 && mg_has_any_word(table_cell(forms, (size_t)f, "traits"), "gentle");
		decide(r, !in->split ? "review-split" : !gentle ? "review-gentler" : "review-lower");
	}
	/* No nights before magnesium began: more nights on it cannot make a
	 * before/after comparison, so say what can. */
	if (!r->decision && p->n_base < th("review-min-baseline") && p->n_on >= th("review-min-on"))
		decide(r, "review-no-baseline");
	if (!r->decision && (p->n_base < th("review-min-baseline") || p->n_on < th("review-min-on")))
		decide(r, "review-too-few");
	if (!r->decision && !isnan(r->adherence) && r->adherence < th("review-min-adherence"))
		decide(r, "review-adherence");
	if (!r->decision && p->fitted && p->p_harm >= th("review-p-decide"))
		decide(r, "review-stop");
	if (!r->decision && p->fitted && p->p_benefit >= th("review-p-decide"))
		decide(r, "review-continue");
	if (!r->decision && p->fitted && r->checkpoint_day >= th("review-benefit-day") &&
	    p->p_benefit < th("review-p-change"))
		decide(r, "review-change-form");
	if (!r->decision)
		decide(r, "review-extend");
	if (p->fitted && p->p_benefit >= th("review-p-change") && p->p_benefit < th("review-p-decide"))
		reason(r, "review-plateau");
	if (strcmp(p->name, "cramps") == 0)
		notes_add_row(&r->reasons, "plan-rules.tsv", "plan-cramps", "text", NULL);
	reason(r, "review-before-after");
	return 0;
}

void review_release(struct review *r)
{
	notes_release(&r->reasons);
}
