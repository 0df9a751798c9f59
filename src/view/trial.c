/*
 * A personal trial as both front ends show it: the design with its periods
 * (arms hidden while blinded), where today falls in it, and its analysis
 * (refused while blinded).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "core/trial.h"
#include "core/trialstats.h"
#include "store/trials.h"
#include "view/view.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

json_t *view_trial_status_json(const struct trial_row *t)
{
	const struct trial_design *d = &t->design;
	int hidden = d->blind && !t->unblinded;
	struct trial_period per[2 * TRIAL_MAX_BLOCKS];
	size_t n = trial_periods(d, per, 2 * TRIAL_MAX_BLOCKS);
	char a[16], b[16];
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer(t->id));
	json_object_set_new(j, "outcome", json_string(d->outcome));
	json_object_set_new(j, "blinded", json_boolean(hidden));
	json_object_set_new(j, "control", json_string(d->control));
	/* While blinded, the seed gives the allocation away, and the hash would
	 * give the seed to anyone who tries every seed: both stay sealed. */
	json_object_set_new(j, "hash", hidden ? json_null() : json_string(d->hash));
	json_object_set_new(j, "seed", hidden ? json_null() : json_integer((json_int_t)d->seed));
	json_object_set_new(j, "washin_days", json_integer(d->washin_days));
	if (d->baseline_days) {
		json_t *bl = json_object();
		mg_format_date(d->start, a, sizeof(a));
		mg_format_date(d->start + d->baseline_days - 1, b, sizeof(b));
		json_object_set_new(bl, "start", json_string(a));
		json_object_set_new(bl, "end", json_string(b));
		json_object_set_new(j, "baseline", bl);
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_object();
		mg_format_date(per[i].start, a, sizeof(a));
		mg_format_date(per[i].end, b, sizeof(b));
		json_object_set_new(o, "block", json_integer(per[i].block));
		json_object_set_new(o, "arm", json_string(hidden ? "hidden" : per[i].magnesium ? "magnesium" : "control"));
		json_object_set_new(o, "start", json_string(a));
		json_object_set_new(o, "end", json_string(b));
		json_array_append_new(arr, o);
	}
	json_object_set_new(j, "periods", arr);
	return j;
}

json_t *view_trial_today_json(const struct trial_row *t, long today)
{
	const struct trial_design *d = &t->design;
	int k = trial_period_at(d, today);
	struct trial_period per[2 * TRIAL_MAX_BLOCKS];
	trial_periods(d, per, 2 * TRIAL_MAX_BLOCKS);
	int hidden = d->blind && !t->unblinded;
	const char *phase = k == -2 ? "not started" : k == -1 ? "baseline" : k == -3 ? "finished" : "period";
	const char *arm = k < 0 ? NULL : hidden ? "hidden" : per[k].magnesium ? "magnesium" : "control";
	int day_in = k >= 0 ? (int)(today - per[k].start + 1) : 0;
	json_t *j = json_object();
	json_object_set_new(j, "phase", json_string(phase));
	json_object_set_new(j, "period", k >= 0 ? json_integer(k + 1) : json_null());
	json_object_set_new(j, "block", k >= 0 ? json_integer(per[k].block) : json_null());
	json_object_set_new(j, "arm", arm ? json_string(arm) : json_null());
	json_object_set_new(j, "day_in_period", k >= 0 ? json_integer(day_in) : json_null());
	json_object_set_new(j, "washin", json_boolean(k >= 0 && day_in <= d->washin_days));
	return j;
}

static json_t *bayes_json(const struct trial_bayes *b)
{
	json_t *j = json_object();
	json_object_set_new(j, "median", b->fitted ? view_num(b->median, 3) : json_null());
	json_t *ci = json_array();
	json_array_append_new(ci, b->fitted ? view_num(b->lo, 3) : json_null());
	json_array_append_new(ci, b->fitted ? view_num(b->hi, 3) : json_null());
	json_object_set_new(j, "cri95", ci);
	json_object_set_new(j, "p_benefit", b->fitted ? view_num(b->p_benefit, 3) : json_null());
	json_object_set_new(j, "rho_median", b->fitted ? view_num(b->rho_median, 3) : json_null());
	json_object_set_new(j, "rhat", b->fitted ? view_num(b->rhat, 3) : json_null());
	return j;
}

struct dose_marks {
	long start;
	int *days;
	size_t n;
};

static int mark_dose(const struct dose_entry *dz, void *ctx)
{
	struct dose_marks *m = ctx;
	long k = dz->date - m->start;
	if (k >= 0 && (size_t)k < m->n)
		m->days[k] = 1;
	return 0;
}

int view_trial_analyze(sqlite3 *db, long profile_id, const struct trial_row *t, const char *outcome,
		       struct trial_design *d, struct trial_analysis *a, struct mg_err *e)
{
	*d = t->design;
	if (d->blind && !t->unblinded)
		return mg_err_set(e, MG_EDATA, "the trial is blinded: run 'mgtrack trial unblind' after the last period");
	if (outcome) {
		if (table_find(tables_get("outcomes.tsv"), "outcome", outcome) < 0)
			return mg_err_set(e, MG_EUSAGE, "unknown --outcome \"%s\"", outcome);
		mg_strlcpy(d->outcome, outcome, sizeof(d->outcome));
	}
	struct night *nights = NULL;
	size_t n_nights = 0;
	struct dose_marks m = {.start = d->start, .n = (size_t)(trial_end(d) - d->start + 1)};
	m.days = mg_calloc(m.n, sizeof(int));
	int rc = -1;
	if (view_night_list(db, profile_id, d->start, trial_end(d), &nights, &n_nights, e) == 0 &&
	    journal_dose_list(db, profile_id, d->start, trial_end(d), mark_dose, &m, e) == 0)
		rc = trial_analyze(d, nights, n_nights, m.days, d->seed, 0, a, e);
	free(nights);
	free(m.days);
	return rc;
}

json_t *view_trial_analysis_json(const struct trial_row *t, const struct trial_analysis *a)
{
	json_t *j = json_object();
	json_object_set_new(j, "outcome", json_string(a->outcome));
	json_object_set_new(j, "primary", json_boolean(strcmp(a->outcome, t->design.outcome) == 0));
	json_object_set_new(j, "better", json_string(a->better));
	json_object_set_new(j, "mid", view_num(a->mid, 3));
	json_object_set_new(j, "blocks", json_integer(a->blocks_used));
	json_object_set_new(j, "nights_magnesium", json_integer(a->nights_magnesium));
	json_object_set_new(j, "nights_control", json_integer(a->nights_control));
	json_object_set_new(j, "adherence", view_num(a->adherence_magnesium, 3));
	json_t *pd = json_object(), *ci = json_array();
	json_object_set_new(pd, "mean_diff", view_num(a->mean_diff, 3));
	json_array_append_new(ci, view_num(a->ci_lo, 3));
	json_array_append_new(ci, view_num(a->ci_hi, 3));
	json_object_set_new(pd, "ci95", ci);
	json_object_set_new(pd, "p", view_num(a->p_paired, 4));
	json_object_set_new(j, "paired", pd);
	json_object_set_new(j, "randomization_p", view_num(a->p_randomization, 4));
	json_object_set_new(j, "bayes", bayes_json(&a->bayes));
	json_object_set_new(j, "sensitivity", bayes_json(&a->sensitivity));
	json_object_set_new(j, "hash", json_string(t->design.hash));
	json_object_set_new(j, "disclaimer", json_string(view_not_advice));
	return j;
}
