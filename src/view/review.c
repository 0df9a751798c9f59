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
	double *taken_mg;  /* per day from `from`; NULL while looking for the first */
	size_t n;
};

static int on_dose(const struct dose_entry *d, void *ctx)
{
	struct dose_days *dd = ctx;
	if (!dd->taken_mg) {
		dd->first = d->date;
		return 1;   /* the list is in date order: the first row is the first dose */
	}
	long k = d->date - dd->from;
	if (k >= 0 && (size_t)k < dd->n)
		dd->taken_mg[k] += d->elemental_mg;
	return 0;
}

/* Without a course: magnesium taken against the plan's titration from the
 * first dose, per day capped at 100 %, a day at a time. */
static double plan_adherence(const struct plan *pl, const struct dose_days *dd)
{
	double sum = 0;
	size_t days = 0;
	for (size_t d = 0; d < dd->n; d++) {
		double planned = 0;
		for (size_t k = 0; k < pl->n_steps; k++)
			if (pl->steps[k].from_day <= (int)d + 1)
				planned = pl->steps[k].daily_mg;
		if (planned <= 0)
			continue;
		sum += fmin(dd->taken_mg[d] / planned, 1.0);
		days++;
	}
	return days ? sum / days : NAN;
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
	struct course c;
	int has_course = journal_course_latest(db, p->id, &c, e);
	if (has_course < 0)
		return -1;
	struct dose_days dd = {.first = MG_NO_DATE};
	if (has_course)
		dd.first = c.started;   /* the course's day 1, whether or not a dose was logged that day */
	else if (journal_dose_list(db, p->id, 0, today, on_dose, &dd, e) < 0)
		return -1;
	long at = today;
	if (dd.first != MG_NO_DATE && at_day) {
		at = dd.first + at_day - 1;
		if (at > today) {
			course_release(&c);
			return mg_err_set(e, MG_EDATA, "--at \"%ld\" is after today (day %ld of %s)", at_day,
					  today - dd.first + 1, has_course ? "the course" : "dosing");
		}
	}
	struct night *nights = NULL;
	size_t n_nights = 0;
	struct review_input in = {
		.profile = p, .first_dose = dd.first, .at = at, .outcome = outcome, .seed = 1,
		.adherence = NAN, .on_from = MG_NO_DATE, .loose_after = MG_NO_DATE, .flags_after = MG_NO_DATE,
		.baseline_from = MG_NO_DATE,
	};
	char form_buf[24] = "";
	long (*off)[2] = NULL;
	int rc = 0;
	if (dd.first != MG_NO_DATE && view_night_list(db, p->id, 0, at, &nights, &n_nights, e) < 0)
		rc = -1;
	if (rc == 0 && has_course) {
		/* The course knows what was planned each day, the form and
		 * whether the dose is split; the step-down review looks at the
		 * nights on the lower dose. */
		struct course_view cv;
		struct mg_err ce = {0};
		if (view_course_read(db, foods_path, p, at, 1, 0, &cv, &ce) == 0 && cv.has_course) {
			const struct course_version *v = &cv.state.now;
			const struct course_adherence *a = &cv.state.adherence;
			in.adherence = isnan(a->mg_pct) ? NAN : a->mg_pct / 100;
			in.split = v->n_intakes > 1;
			mg_strlcpy(form_buf, v->form, sizeof(form_buf));
			in.form = form_buf;
			in.loose_after = v->from;
			if (v->phase == PHASE_STEPPING_DOWN)
				in.on_from = v->from + (long)tables_threshold("review-on-from-day", NULL) - 1;
			/* A resume cleared the red flags before it; the nights of an
			 * earlier course are no baseline; paused days are on neither
			 * side. */
			off = mg_calloc(cv.course.n + 1, sizeof(*off));
			for (size_t i = 0; i < cv.course.n; i++) {
				const struct course_version *x = &cv.course.v[i];
				if (strcmp(x->event, "resume") == 0)
					in.flags_after = x->from - 1;
				if (x->phase == PHASE_PAUSED) {
					off[in.n_off][0] = x->from;
					off[in.n_off][1] = i + 1 < cv.course.n ? cv.course.v[i + 1].from - 1 : at;
					in.n_off++;
				}
			}
			in.off = (const long (*)[2])off;
			long prev;
			if (journal_course_previous_end(db, p->id, cv.course.id, &prev, e) < 0)
				rc = -1;
			else if (prev != MG_NO_DATE)
				in.baseline_from = prev + 1;
			view_course_release(&cv);
		}
	} else if (rc == 0 && dd.first != MG_NO_DATE) {
		/* Without a course the review still runs against the plan from
		 * the first dose; without a plan, only without adherence. */
		struct plan_build b;
		struct mg_err pe = {0};
		dd.from = dd.first;
		dd.n = (size_t)(at - dd.first + 1);
		dd.taken_mg = mg_calloc(dd.n, sizeof(double));
		if (journal_dose_list(db, p->id, dd.first, at, on_dose, &dd, e) < 0) {
			rc = -1;
		} else if (view_plan_build(db, foods_path, p, dd.first, 1, NULL, &b, &pe) == 0) {
			const struct plan *pl = &b.plan;
			in.adherence = plan_adherence(pl, &dd);
			in.split = pl->n_steps && pl->steps[pl->n_steps - 1].n_doses > 1;
			mg_strlcpy(form_buf, pl->form.form, sizeof(form_buf));
			in.form = form_buf;
			view_plan_release(&b);
		}
		free(dd.taken_mg);
	}
	course_release(&c);
	in.nights = nights;
	in.n_nights = n_nights;
	if (rc == 0)
		rc = review_compute(&in, r, e);
	free(nights);
	free(off);
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
	json_object_set_new(j, "on_lower_dose", json_boolean(r->on_lower_dose));
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
