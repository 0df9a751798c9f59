/*
 * The checkpoint review as both front ends need it: reads the first dose,
 * the nights, the doses per day and the plan from the first dose (for the
 * intakes planned and whether the dose is split), asks core/review.c, and
 * shapes the result as JSON.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "core/night.h"
#include "core/review.h"
#include "store/db.h"
#include "store/supplements.h"
#include "view/view.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

struct dose_days {
	long first;        /* MG_NO_DATE until a dose is seen */
	long from;
	int *taken;        /* per day from `from`; NULL while counting the first */
	size_t n;
};

static int on_dose(const struct dose_entry *d, void *ctx)
{
	struct dose_days *dd = ctx;
	if (!dd->taken) {
		dd->first = d->date;
		return 1;   /* the list is in date order: the first row is the first dose */
	}
	long k = d->date - dd->from;
	if (k >= 0 && (size_t)k < dd->n)
		dd->taken[k]++;
	return 0;
}

static json_t *outcome_json(const struct review_outcome *o)
{
	json_t *j = json_object();
	json_object_set_new(j, "name", json_string(o->name));
	json_object_set_new(j, "baseline_mean", view_num(o->baseline_mean, 2));
	json_object_set_new(j, "on_mean", view_num(o->on_mean, 2));
	json_object_set_new(j, "effect", view_num(o->effect, 2));
	json_t *ci = json_array();
	json_array_append_new(ci, view_num(o->lo, 2));
	json_array_append_new(ci, view_num(o->hi, 2));
	json_object_set_new(j, "ci95", ci);
	json_object_set_new(j, "p_benefit", view_num(o->p_benefit, 3));
	json_object_set_new(j, "p_harm", view_num(o->p_harm, 3));
	json_object_set_new(j, "mid", view_num(o->mid, 2));
	json_object_set_new(j, "better", json_string(o->better));
	json_object_set_new(j, "nights_baseline", json_integer(o->n_base));
	json_object_set_new(j, "nights_on", json_integer(o->n_on));
	json_object_set_new(j, "rhat", view_num(o->rhat, 3));
	json_object_set_new(j, "rule", json_string(o->rule));
	return j;
}

int view_review_compute(sqlite3 *db, const char *foods_path, const struct profile *p, long today, long at_day,
			const char *outcome, struct review *r, struct mg_err *e)
{
	memset(r, 0, sizeof(*r));
	struct dose_days dd = {.first = MG_NO_DATE};
	if (journal_dose_list(db, p->id, 0, today, on_dose, &dd, e) < 0)
		return -1;
	long at = today;
	if (dd.first != MG_NO_DATE && at_day) {
		at = dd.first + at_day - 1;
		if (at > today)
			return mg_err_set(e, MG_EDATA, "--at \"%ld\" is after today (day %ld of dosing)", at_day,
					  today - dd.first + 1);
	}
	struct night *nights = NULL;
	size_t n_nights = 0;
	int *planned = NULL;
	if (dd.first != MG_NO_DATE) {
		dd.from = dd.first;
		dd.n = (size_t)(at - dd.first + 1);
		dd.taken = mg_calloc(dd.n, sizeof(int));
		planned = mg_calloc(dd.n, sizeof(int));
		if (journal_dose_list(db, p->id, dd.first, at, on_dose, &dd, e) < 0 ||
		    view_night_list(db, p->id, 0, at, &nights, &n_nights, e) < 0) {
			free(dd.taken);
			free(planned);
			return -1;
		}
	}
	/* Without a plan (no product, a safety stop) the review still runs,
	 * only without adherence and form advice. */
	struct plan_build b;
	struct mg_err pe = {0};
	int have_plan = dd.first != MG_NO_DATE && view_plan_build(db, foods_path, p, dd.first, 1, &b, &pe) == 0;
	int split = 0;
	const char *form = NULL;
	char form_buf[24] = "";
	if (have_plan) {
		const struct plan *pl = &b.plan;
		for (size_t d = 0; d < dd.n; d++)
			for (size_t k = 0; k < pl->n_steps; k++)
				if (pl->steps[k].from_day <= (int)d + 1)
					planned[d] = (int)pl->steps[k].n_doses;
		split = pl->n_steps && pl->steps[pl->n_steps - 1].n_doses > 1;
		mg_strlcpy(form_buf, pl->form.form, sizeof(form_buf));
		form = form_buf;
		view_plan_release(&b);
	}
	struct review_input in = {
		.profile = p, .first_dose = dd.first, .at = at, .nights = nights, .n_nights = n_nights,
		.planned = have_plan ? planned : NULL, .taken = dd.taken, .split = split, .form = form,
		.outcome = outcome, .seed = 1,
	};
	int rc = review_compute(&in, r, e);
	free(nights);
	free(dd.taken);
	free(planned);
	if (rc < 0) {
		review_release(r);
		return -1;
	}
	return 0;
}

json_t *view_review_json(const struct review *r)
{
	json_t *j = json_object();
	json_object_set_new(j, "decision", json_string(r->decision));
	json_object_set_new(j, "checkpoint_day", json_integer(r->checkpoint_day));
	json_object_set_new(j, "adherence", view_num(r->adherence, 3));
	json_object_set_new(j, "nights_baseline", json_integer(r->nights_baseline));
	json_object_set_new(j, "nights_on", json_integer(r->nights_on));
	json_object_set_new(j, "primary", json_string(r->outcomes[r->primary].name));
	json_t *a = json_array();
	for (size_t i = 0; i < r->n_outcomes; i++)
		json_array_append_new(a, outcome_json(&r->outcomes[i]));
	json_object_set_new(j, "outcomes", a);
	a = json_array();
	for (size_t i = 0; i < r->reasons.n; i++) {
		json_t *o = json_object();
		json_object_set_new(o, "rule", json_string(r->reasons.v[i].rule));
		json_object_set_new(o, "text", json_string(r->reasons.v[i].text));
		json_array_append_new(a, o);
	}
	json_object_set_new(j, "reasons", a);
	json_object_set_new(j, "disclaimer", json_string(view_not_advice));
	return j;
}
