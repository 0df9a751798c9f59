/*
 * The course as both front ends need it. view_course_load reads the
 * course, its nights and doses and today's plan, asks core/course.c where
 * the person stands and, when a step is due, stores it: the read and the
 * write in one transaction, so two writers (a phone and a laptop) never
 * record a step twice. The explicit changes (start, stop, resume, applying
 * a review) go the same way. view_course_json is `mgtrack course --json`
 * and GET /api/v1/course.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "core/course.h"
#include "core/night.h"
#include "core/tables.h"
#include "store/db.h"
#include "view/view.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

struct dose_acc {
	struct dose_entry *v;
	size_t n, cap;
};

static int on_dose(const struct dose_entry *d, void *ctx)
{
	struct dose_acc *a = ctx;
	if (a->n == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 64;
		a->v = mg_realloc(a->v, a->cap * sizeof(*a->v));
	}
	a->v[a->n++] = *d;
	return 0;
}

/* The last resume of the course, whose nights before are cleared. */
static long last_resume(const struct course *c)
{
	long at = MG_NO_DATE;
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->v[i].event, "resume") == 0)
			at = c->v[i].from;
	return at;
}

static void release_parts(struct course_view *cv)
{
	if (cv->plan_built)
		view_plan_release(&cv->plan);
	course_state_release(&cv->state);
	course_release(&cv->course);
	free(cv->nights);
	free(cv->doses);
	cv->nights = NULL;
	cv->doses = NULL;
	cv->n_nights = cv->n_doses = 0;
	cv->plan_built = cv->has_course = cv->evaluated = 0;
}

void view_course_release(struct course_view *cv)
{
	release_parts(cv);
	memset(cv, 0, sizeof(*cv));
}

/* Other supplemental magnesium today: each other product at the larger of
 * what it is marked as taken a day and what was logged of it today. */
static double today_other(const struct course_view *cv, long today, long course_product)
{
	double sum = 0;
	for (size_t i = 0; i < cv->plan.n_products; i++) {
		const struct product *pr = &cv->plan.products[i];
		if (pr->id == course_product)
			continue;
		struct product_mg mg;
		struct mg_err e = {0};
		double marked = product_magnesium(pr, &mg, &e) == 0 ? pr->taking_servings * mg.per_serving : 0, logged = 0;
		for (size_t k = 0; k < cv->n_doses; k++)
			if (cv->doses[k].date == today && !cv->doses[k].skipped && cv->doses[k].product_id == pr->id)
				logged += cv->doses[k].elemental_mg;
		sum += marked > logged ? marked : logged;
	}
	return sum;
}

/* Reads everything and evaluates; writes nothing. */
static int read_all(sqlite3 *db, const char *foods_path, const struct profile *p, long today, int days,
		    int with_foods, struct course_view *cv, struct mg_err *e)
{
	int found = journal_course_latest(db, p->id, &cv->course, e);
	if (found < 0)
		return -1;
	cv->has_course = found;
	const struct course_version *last = found ? course_last(&cv->course) : NULL;
	int running = found && cv->course.ended == MG_NO_DATE;
	/* The course's product is never "another supplement", even once the
	 * course has stopped: its last doses were the course's. */
	struct plan_opts opts = {
		.exclude_product = found ? last->product_id : 0,
		.flags_after = running && last_resume(&cv->course) != MG_NO_DATE ? last_resume(&cv->course) - 1 : MG_NO_DATE,
		.no_foods = !with_foods,
	};
	if (view_plan_build(db, foods_path, p, today, days, &opts, &cv->plan, e) < 0)
		return -1;
	cv->plan_built = 1;
	if (!found)
		return 0;
	struct dose_acc acc = {0};
	long from = cv->course.started;
	/* The review's baseline and the report look further back; the course
	 * itself needs the nights since its start. */
	if (view_night_list(db, p->id, from, today, &cv->nights, &cv->n_nights, e) < 0 ||
	    journal_dose_events(db, p->id, from, today, on_dose, &acc, e) < 0) {
		free(acc.v);
		return -1;
	}
	cv->doses = acc.v;
	cv->n_doses = acc.n;
	struct course_input in = {
		.course = &cv->course, .today = today,
		.nights = cv->nights, .n_nights = cv->n_nights,
		.doses = cv->doses, .n_doses = cv->n_doses,
		.plan_in = &cv->plan.input, .plan = &cv->plan.plan,
		.today_other_mg = today_other(cv, today, last->product_id),
	};
	if (course_evaluate(&in, &cv->state, e) < 0)
		return -1;
	cv->evaluated = 1;
	return 0;
}

/* Stores the due versions (inside the caller's transaction). */
static int store_due(sqlite3 *db, struct course_view *cv, struct mg_err *e)
{
	for (size_t i = 0; i < cv->state.n_due; i++) {
		struct course_version *v = &cv->state.due[i];
		if (journal_version_add(db, cv->course.id, v, e) < 0)
			return -1;
	}
	return 0;
}

static int running(const struct course_view *cv)
{
	return cv->has_course && cv->course.ended == MG_NO_DATE;
}

int view_course_read(sqlite3 *db, const char *foods_path, const struct profile *p, long today, int days,
		     int with_foods, struct course_view *cv, struct mg_err *e)
{
	memset(cv, 0, sizeof(*cv));
	if (read_all(db, foods_path, p, today, days, with_foods, cv, e) < 0) {
		view_course_release(cv);
		return -1;
	}
	return 0;
}

int view_course_load_in(sqlite3 *db, const char *foods_path, const struct profile *p, long today, int days,
			int with_foods, struct course_view *cv, struct mg_err *e)
{
	if (read_all(db, foods_path, p, today, days, with_foods, cv, e) < 0)
		return -1;
	if (!running(cv) || !cv->state.n_due)
		return 0;
	if (store_due(db, cv, e) < 0)
		return -1;
	release_parts(cv);
	return read_all(db, foods_path, p, today, days, with_foods, cv, e);
}

int view_course_load(sqlite3 *db, const char *foods_path, const struct profile *p, long today, int days,
		     int with_foods, struct course_view *cv, struct mg_err *e)
{
	memset(cv, 0, sizeof(*cv));
	if (read_all(db, foods_path, p, today, days, with_foods, cv, e) < 0) {
		view_course_release(cv);
		return -1;
	}
	if (!running(cv) || !cv->state.n_due)
		return 0;
	/* A step is due: store it, reading again inside the transaction so a
	 * step another writer stored meanwhile is not stored twice. */
	release_parts(cv);
	if (db_begin(db, e) < 0 || view_course_load_in(db, foods_path, p, today, days, with_foods, cv, e) < 0 ||
	    db_commit(db, e) < 0) {
		db_rollback(db);
		view_course_release(cv);
		return -1;
	}
	return 0;
}

/* ---- explicit changes, each one transaction ---- */

static int write_version(sqlite3 *db, const char *foods_path, const struct profile *p, long today,
			 struct course_view *cv, struct course_version *v, int end, struct mg_err *e)
{
	if (journal_version_add(db, cv->course.id, v, e) < 0 ||
	    (end && journal_course_end(db, cv->course.id, v->from, e) < 0))
		return -1;
	release_parts(cv);
	return read_all(db, foods_path, p, today, 7, 0, cv, e);
}

static int finish(sqlite3 *db, int rc, struct course_view *cv, struct mg_err *e)
{
	if (rc < 0 || db_commit(db, e) < 0) {
		db_rollback(db);
		view_course_release(cv);
		return -1;
	}
	return 0;
}

int view_course_start(sqlite3 *db, const char *foods_path, const struct profile *p, long today, long start,
		      struct course_view *cv, struct mg_err *e)
{
	memset(cv, 0, sizeof(*cv));
	if (start > today) {
		char d[16];
		mg_format_date(start, d, sizeof(d));
		return mg_err_set(e, MG_EDATA, "--date \"%s\" is in the future: a course starts today or on the day you began", d);
	}
	if (today - start > (long)tables_threshold("course-max-backdate-days", NULL))
		return mg_err_set(e, MG_EDATA, "--date is more than %.0f days ago: start the course from when you began this"
				  " regimen, within the last year", tables_threshold("course-max-backdate-days", NULL));
	if (db_begin(db, e) < 0)
		return -1;
	int rc = read_all(db, foods_path, p, today, 7, 0, cv, e);
	if (rc == 0 && running(cv)) {
		char d[16];
		mg_format_date(cv->course.started, d, sizeof(d));
		rc = mg_err_set(e, MG_EDATA, "a course is already running (since %s): 'mgtrack course stop' ends it", d);
	}
	struct course_version v;
	if (rc == 0)
		rc = course_first_version(&cv->plan.input, &cv->plan.plan, start, &v, e);
	if (rc == 0) {
		release_parts(cv);
		struct course c;
		course_init(&c);
		c.started = start;
		rc = journal_course_add(db, p->id, &c, e);
		if (rc == 0)
			rc = journal_version_add(db, c.id, &v, e);
		/* A course begun in the past catches up with its steps. */
		if (rc == 0)
			rc = view_course_load_in(db, foods_path, p, today, 7, 0, cv, e);
	}
	return finish(db, rc, cv, e);
}

/* Begins the transaction of a change to a running course and loads it
 * (due steps stored first); -1 when there is none (`none` says so). */
static int begin_running(sqlite3 *db, const char *foods_path, const struct profile *p, long today,
			 struct course_view *cv, const char *none, struct mg_err *e)
{
	memset(cv, 0, sizeof(*cv));
	if (db_begin(db, e) < 0)
		return -2;
	int rc = view_course_load_in(db, foods_path, p, today, 7, 0, cv, e);
	if (rc == 0 && !running(cv))
		rc = mg_err_set(e, MG_EDATA, "%s", none);
	return rc;
}

int view_course_stop(sqlite3 *db, const char *foods_path, const struct profile *p, long today, const char *why,
		     struct course_view *cv, struct mg_err *e)
{
	int rc = begin_running(db, foods_path, p, today, cv, "no course is running: nothing to stop", e);
	if (rc == -2)
		return -1;
	if (rc == 0) {
		struct course_version v;
		course_stop_version(&cv->course, today, why, &v);
		rc = write_version(db, foods_path, p, today, cv, &v, 1, e);
	}
	return finish(db, rc, cv, e);
}

int view_course_resume(sqlite3 *db, const char *foods_path, const struct profile *p, long today,
		       struct course_view *cv, struct mg_err *e)
{
	int rc = begin_running(db, foods_path, p, today, cv, "no course is running: 'mgtrack course start' begins one", e);
	if (rc == -2)
		return -1;
	if (rc == 0) {
		/* The person confirms the red flag has gone: today's plan is
		 * judged without the nights up to now. */
		struct plan_build b;
		const struct course_version *last = course_last(&cv->course);
		struct plan_opts opts = {.exclude_product = last->product_id, .flags_after = today - 1, .no_foods = 1};
		rc = view_plan_build(db, foods_path, p, today, 7, &opts, &b, e);
		if (rc == 0) {
			struct course_version v;
			rc = course_resume_version(&cv->course, cv->nights, cv->n_nights, &b.input, &b.plan, today, &v, e);
			view_plan_release(&b);
			if (rc == 0)
				rc = write_version(db, foods_path, p, today, cv, &v, 0, e);
		}
	}
	return finish(db, rc, cv, e);
}

int view_review_apply(sqlite3 *db, const char *foods_path, const struct profile *p, long today,
		      const char *product_key, struct course_view *cv, struct review *r, int *changed, char *what,
		      size_t what_len, struct mg_err *e)
{
	memset(r, 0, sizeof(*r));
	*changed = 0;
	int rc = begin_running(db, foods_path, p, today, cv, "no course is running: 'mgtrack course start' begins one,"
			       " and the review decisions apply to it", e);
	if (rc == -2)
		return -1;
	int have_review = 0;
	if (rc == 0) {
		rc = view_review_compute(db, foods_path, p, today, 0, NULL, r, e);
		have_review = rc == 0;
	}
	struct product one;
	const struct product *products = cv->plan.products;
	size_t n_products = cv->plan.n_products;
	if (rc == 0 && product_key) {
		int found = journal_product_get(db, product_key, &one, e);
		if (found == 0)
			rc = mg_err_set(e, MG_ENOINPUT, "no product \"%s\" (add it with 'mgtrack product add')", product_key);
		else if (found < 0)
			rc = -1;
		products = &one;
		n_products = 1;
	}
	if (rc == 0) {
		const char *rule = r->reasons.n ? r->reasons.v[0].rule : "review-extend";
		const char *text = r->reasons.n ? r->reasons.v[0].text : "";
		struct course_version v;
		int k = course_apply_decision(&cv->course, &cv->state, r->decision, rule, text, NULL, products, n_products,
					      &cv->plan.input, &cv->plan.plan, today, &v, what, what_len, e);
		if (k < 0) {
			rc = -1;
		} else if (k > 0) {
			*changed = 1;
			rc = write_version(db, foods_path, p, today, cv, &v, v.phase == PHASE_STOPPED, e);
		}
	}
	rc = finish(db, rc, cv, e);
	if (rc < 0 && have_review)
		review_release(r);
	return rc;
}

json_t *view_review_preview(sqlite3 *db, const char *foods_path, const struct profile *p, long today,
			    const struct review *r)
{
	struct course_view cv;
	struct mg_err e = {0};
	if (view_course_read(db, foods_path, p, today, 1, 0, &cv, &e) < 0)
		return json_null();
	if (!running(&cv)) {
		view_course_release(&cv);
		return json_null();
	}
	const char *rule = r->reasons.n ? r->reasons.v[0].rule : "review-extend";
	const char *text = r->reasons.n ? r->reasons.v[0].text : "";
	struct course_version v;
	char what[240];
	int k = course_apply_decision(&cv.course, &cv.state, r->decision, rule, text, NULL, cv.plan.products,
				      cv.plan.n_products, &cv.plan.input, &cv.plan.plan, today, &v, what, sizeof(what), &e);
	json_t *o = json_object();
	json_object_set_new(o, "changes", json_boolean(k > 0));
	if (k > 0) {
		json_object_set_new(o, "event", json_string(v.event));
		json_object_set_new(o, "phase", json_string(course_phase_name(v.phase)));
		json_object_set_new(o, "daily_elemental_mg", view_num(v.daily_mg, 0));
		json_object_set_new(o, "product", json_string(v.product_name));
		json_object_set_new(o, "doses", view_course_intakes_json(v.intakes, v.n_intakes, NULL));
		json_object_set_new(o, "reason", json_string(v.reason));
		json_object_set_new(o, "rule", json_string(v.rule));
	} else if (k == 0) {
		json_object_set_new(o, "what", json_string(what));
	} else {
		json_object_set_new(o, "error", json_string(e.msg));
	}
	view_course_release(&cv);
	return o;
}

/* ---- JSON ---- */

static json_t *date_or_null(long d)
{
	if (d == MG_NO_DATE)
		return json_null();
	char buf[16];
	mg_format_date(d, buf, sizeof(buf));
	return json_string(buf);
}

static json_t *hhmm(int t)
{
	char buf[8];
	mg_format_hhmm(t, buf, sizeof(buf));
	return json_string(buf);
}

json_t *view_course_intakes_json(const struct course_intake *in, size_t n, const enum intake_status *status)
{
	static const char *const names[] = {"due", "taken", "skipped"};
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_object();
		json_object_set_new(o, "time", hhmm(in[i].time));
		json_object_set_new(o, "elemental_mg", view_num(in[i].mg, 0));
		json_object_set_new(o, "units", view_num(in[i].units, 1));
		json_object_set_new(o, "slot", json_string(in[i].slot));
		if (status)
			json_object_set_new(o, "status", json_string(names[status[i]]));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *version_json(const struct course_version *v, long started, int full)
{
	json_t *o = json_object();
	json_object_set_new(o, "from", date_or_null(v->from));
	json_object_set_new(o, "day", json_integer(v->from - started + 1));
	json_object_set_new(o, "phase", json_string(course_phase_name(v->phase)));
	json_object_set_new(o, "daily_elemental_mg", view_num(v->daily_mg, 0));
	json_object_set_new(o, "form", json_string(v->form));
	json_object_set_new(o, "product", json_string(v->product_name));
	json_object_set_new(o, "doses", view_course_intakes_json(v->intakes, v->n_intakes, NULL));
	if (full) {
		json_object_set_new(o, "seq", json_integer(v->seq));
		json_object_set_new(o, "event", json_string(v->event));
		json_object_set_new(o, "full_mg", view_num(v->full_mg, 0));
		json_object_set_new(o, "reason", json_string(v->reason));
		json_object_set_new(o, "rule", json_string(v->rule));
	}
	return o;
}

json_t *view_course_json(const struct course_view *cv, long today)
{
	if (!cv->has_course)
		return json_null();
	const struct course_state *st = &cv->state;
	const struct course *c = &cv->course;
	json_t *j = json_object();
	json_object_set_new(j, "started", date_or_null(c->started));
	json_object_set_new(j, "ended", date_or_null(c->ended));
	json_object_set_new(j, "day", json_integer(st->day));
	json_object_set_new(j, "phase", json_string(course_phase_name(st->now.phase)));
	json_object_set_new(j, "step", version_json(&st->now, c->started, 0));
	json_object_set_new(j, "today", view_course_intakes_json(st->today, st->n_today, st->today_status));
	json_object_set_new(j, "today_warning", st->today_warning[0] ? json_string(st->today_warning) : json_null());
	json_object_set_new(j, "today_note", st->today_note[0] ? json_string(st->today_note) : json_null());
	if (st->next_intake >= 0) {
		const struct course_intake *in = &st->today[st->next_intake];
		json_t *o = json_object();
		json_object_set_new(o, "time", hhmm(in->time));
		json_object_set_new(o, "units", view_num(in->units, 1));
		json_object_set_new(o, "elemental_mg", view_num(in->mg, 0));
		json_object_set_new(j, "next_intake", o);
	} else {
		json_object_set_new(j, "next_intake", json_null());
	}
	json_t *next = json_object();
	json_object_set_new(next, "what", json_string(st->next_what));
	json_object_set_new(next, "date", date_or_null(st->next_date));
	json_object_set_new(next, "rule", json_string(st->next_rule));
	json_object_set_new(j, "next", next);
	if (st->hold[0]) {
		json_t *h = json_object();
		json_object_set_new(h, "text", json_string(st->hold));
		json_object_set_new(h, "rule", json_string(st->hold_rule));
		json_object_set_new(j, "hold", h);
	} else {
		json_object_set_new(j, "hold", json_null());
	}
	json_t *a = json_array();
	for (size_t i = 0; i < 2; i++) {
		json_t *o = json_object();
		json_object_set_new(o, "day", json_integer(st->checkpoint_day[i]));
		json_object_set_new(o, "date", date_or_null(st->checkpoint_date[i]));
		json_object_set_new(o, "done", json_boolean(st->checkpoint_date[i] <= today));
		json_array_append_new(a, o);
	}
	json_object_set_new(j, "checkpoints", a);
	a = json_array();
	for (size_t i = 0; i < c->n; i++)
		json_array_append_new(a, version_json(&c->v[i], c->started, 1));
	json_object_set_new(j, "versions", a);
	json_t *ad = json_object();
	json_object_set_new(ad, "mg_pct", view_num(st->adherence.mg_pct, 1));
	json_object_set_new(ad, "days_adherent", json_integer(st->adherence.days_adherent));
	json_object_set_new(ad, "days_planned", json_integer(st->adherence.days_planned));
	json_object_set_new(ad, "on_time_pct", view_num(st->adherence.on_time_pct, 1));
	json_object_set_new(j, "adherence", ad);
	json_object_set_new(j, "status", json_string(plan_status_name(cv->plan.plan.status)));
	json_t *w = json_array();
	for (size_t i = 0; i < cv->plan.plan.warnings.n; i++) {
		json_t *o = json_object();
		json_object_set_new(o, "rule", json_string(cv->plan.plan.warnings.v[i].rule));
		json_object_set_new(o, "text", json_string(cv->plan.plan.warnings.v[i].text));
		json_array_append_new(w, o);
	}
	json_object_set_new(j, "warnings", w);
	json_object_set_new(j, "disclaimer", json_string(view_not_advice));
	return j;
}
