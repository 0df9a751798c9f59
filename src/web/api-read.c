/*
 * The API's read routes: session, profile, targets, intake, foods,
 * products, plan (JSON and .ics), review (JSON and its chart), trial.
 * Each loads the profile, calls the view the CLI's --json uses, and
 * answers it. The review is cached until the journal changes: it runs a
 * Gibbs sampler per outcome, and a page reload should not.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "store/db.h"
#include "core/diet.h"
#include "core/search.h"
#include "store/foods.h"
#include "core/trial.h"
#include "core/trialstats.h"
#include "store/trials.h"
#include "view/view.h"
#include "web/web.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "view/export.h"
#include "util/banned.h"

int web_query_long(struct web_req *rq, struct web_resp *rs, const char *name, long min, long max, long def, long *out)
{
	const char *v = web_query(rq, name);
	*out = def;
	if (!v)
		return 0;
	if (mg_parse_long(v, min, max, out) < 0) {
		web_error(rs, 400, "bad_request", name, "%s \"%s\" is not a whole number from %ld to %ld", name, v, min, max);
		return -1;
	}
	return 0;
}

void api_session(struct web_app *app, struct web_req *rq, struct web_resp *rs)
{
	char today[16];
	mg_format_date(mg_today(), today, sizeof(today));
	json_t *j = json_object();
	json_object_set_new(j, "csrf_token", json_string(app->csrf));
	json_object_set_new(j, "profile", json_string(app->profile));
	json_object_set_new(j, "today", json_string(today));
	json_object_set_new(j, "version", json_string(MGTRACK_VERSION));
	json_object_set_new(j, "disclaimer", json_string(view_not_advice));
	web_json(rs, 200, j);
}

void api_profile(struct web_app *app, struct web_req *rq, struct web_resp *rs)
{
	struct profile p;
	if (web_profile(app, rs, &p) == 0)
		web_json(rs, 200, view_profile_json(&p, mg_today()));
}

void api_targets(struct web_app *app, struct web_req *rq, struct web_resp *rs)
{
	struct profile p;
	struct targets t;
	struct mg_err e = {0};
	if (web_profile(app, rs, &p) < 0)
		return;
	if (targets_compute(&p, mg_today(), &t, &e) < 0)
		return web_fail(rs, &e, NULL);
	web_json(rs, 200, view_targets_json(&p, &t));
}

void api_intake(struct web_app *app, struct web_req *rq, struct web_resp *rs)
{
	struct profile p;
	struct targets t;
	struct intake in;
	struct mg_err e = {0};
	long days, today = mg_today();
	if (web_query_long(rq, rs, "days", 1, 90, 7, &days) < 0 || web_profile(app, rs, &p) < 0)
		return;
	if (targets_compute(&p, today, &t, &e) < 0 || intake_compute(app->db, &p, today - days + 1, today, &t, &in, &e) < 0)
		return web_fail(rs, &e, NULL);
	web_json(rs, 200, view_intake_json(&p, &in));
	intake_release(&in);
}

void api_foods(struct web_app *app, struct web_req *rq, struct web_resp *rs)
{
	const char *q = web_query(rq, "q");
	long limit;
	if (web_query_long(rq, rs, "limit", 1, 50, 10, &limit) < 0)
		return;
	if (!q || !*q)
		return web_error(rs, 400, "bad_request", "q", "give the words to search for as q");
	/* Opened per request (a fraction of a millisecond): `food import`
	 * replaces the file, and the next search must see the new one. */
	sqlite3 *foods;
	struct search_result res;
	struct mg_err e = {0};
	/* The profile's food rules order the hits; without a profile (not
	 * made yet) the search still answers, in plain order. */
	struct profile p;
	struct mg_err pe = {0};
	int have_profile = journal_profile_get(app->db, app->profile, &p, &pe) == 0;
	if (foods_open(app->foods_path, &foods, &e) < 0)
		return web_error(rs, 503, "unavailable", NULL, "no food database: run 'mgtrack food import --sr24 PATH' (%s)",
				 e.msg);
	/* More hits than asked for, so that foods the person's diet leaves
	 * out can go after the others and still leave `limit` that fit. */
	int rc = food_search(foods, app->db, q, (size_t)limit * 4 + 20, &res, &e);
	if (rc == 0) {
		struct diet_rules d;
		if (have_profile)
			diet_rules_for(&p, mg_today(), &d);
		search_order_for_diet(foods, have_profile ? &d : NULL, &res, (size_t)limit);
	}
	db_close(foods);
	if (rc < 0)
		return web_fail(rs, &e, "q");
	json_t *a = json_array();
	for (size_t i = 0; i < res.n; i++) {
		json_t *f = view_food_json(&res.hits[i].food, 0);
		json_object_set_new(f, "not_for_you", view_not_for_you_json(res.hits[i].not_for_you));
		json_array_append_new(a, f);
	}
	search_result_release(&res);
	web_json(rs, 200, a);
}

void api_food(struct web_app *app, struct web_req *rq, struct web_resp *rs)
{
	long id;
	if (mg_parse_long(rq->arg, 1, 999999999999L, &id) < 0)
		return web_error(rs, 404, "not_found", "id", "no food \"%s\"", rq->arg);
	struct food_record f;
	struct mg_err e = {0};
	food_record_init(&f);
	if (view_find_food(app->db, app->foods_path, id, &f, &e) < 0)
		web_fail(rs, &e, "id");
	else
		web_json(rs, 200, view_food_json(&f, 1));
	food_record_release(&f);
}

static int on_product(const struct product *p, void *ctx)
{
	struct product_mg mg;
	struct mg_err e = {0};
	if (product_magnesium(p, &mg, &e) == 0)
		json_array_append_new(ctx, view_product_json(p, &mg));
	return 0;
}

void api_products(struct web_app *app, struct web_req *rq, struct web_resp *rs)
{
	json_t *a = json_array();
	struct mg_err e = {0};
	if (journal_product_list(app->db, on_product, a, &e) < 0) {
		json_decref(a);
		return web_fail(rs, &e, NULL);
	}
	web_json(rs, 200, a);
}

/* The plan (and the course, whose due steps are stored on the way). */
static int plan_for(struct web_app *app, struct web_req *rq, struct web_resp *rs, struct course_view *cv)
{
	struct profile p;
	long days;
	struct mg_err e = {0};
	if (web_query_long(rq, rs, "days", 1, 28, 7, &days) < 0 || web_profile(app, rs, &p) < 0)
		return -1;
	if (view_course_load(app->db, app->foods_path, &p, mg_today(), (int)days, 1, cv, &e) < 0) {
		web_fail(rs, &e, NULL);
		return -1;
	}
	return 0;
}

void api_plan(struct web_app *app, struct web_req *rq, struct web_resp *rs)
{
	struct course_view b;
	if (plan_for(app, rq, rs, &b) < 0)
		return;
	web_json(rs, 200, view_plan_json(&b, 1));
	view_course_release(&b);
}

void api_course(struct web_app *app, struct web_req *rq, struct web_resp *rs)
{
	struct course_view b;
	if (plan_for(app, rq, rs, &b) < 0)
		return;
	web_json(rs, 200, view_course_json(&b, mg_today()));
	view_course_release(&b);
}

/* A 200 whose body (malloc'd, now owned by rs) the browser saves as a
 * file; disposition is a static string. */
static void download(struct web_resp *rs, const char *type, char *body, size_t len, const char *disposition)
{
	free(rs->body);
	rs->status = 200;
	rs->type = type;
	rs->body = body;
	rs->len = len;
	rs->disposition = disposition;
}

void api_plan_ics(struct web_app *app, struct web_req *rq, struct web_resp *rs)
{
	struct course_view b;
	if (plan_for(app, rq, rs, &b) < 0)
		return;
	char *text;
	size_t len;
	struct mg_err e = {0};
	if (view_plan_ics(&b, &text, &len, &e) < 0)
		web_fail(rs, &e, NULL);
	else
		download(rs, "text/calendar; charset=utf-8", text, len, "attachment; filename=\"mgtrack-plan.ics\"");
	view_course_release(&b);
}

/* GET /api/v1/export: the profile's export document (export --json), as
 * a download; ?all=1 for every profile. */
void api_export(struct web_app *app, struct web_req *rq, struct web_resp *rs)
{
	const char *all = web_query(rq, "all");
	if (all && strcmp(all, "1") != 0 && strcmp(all, "0") != 0) {
		struct mg_err e = {0};
		mg_err_set(&e, MG_EUSAGE, "all: \"%.40s\" is not 0 or 1", all);
		return web_fail_flags(rs, &e, NULL);
	}
	struct mg_err e = {0};
	json_t *doc = view_export_doc(app->db, all && strcmp(all, "1") == 0 ? NULL : app->profile, NULL, &e);
	size_t len;
	char *text = doc ? view_export_text(doc, &len) : NULL;
	json_decref(doc);
	if (!text)
		return web_fail(rs, &e, NULL);
	download(rs, "application/json", text, len, "attachment; filename=\"mgtrack-export.json\"");
}

void api_review(struct web_app *app, struct web_req *rq, struct web_resp *rs)
{
	long at;
	const char *outcome = web_query(rq, "outcome");
	if (web_query_long(rq, rs, "at", 1, 3660, 0, &at) < 0)
		return;
	/* The cache is looked up before anything is read: a hit costs one
	 * PRAGMA, so a page reload never re-runs the sampler. */
	long today = mg_today();
	char key[256];
	snprintf(key, sizeof(key), "%s|%ld|%ld|%s", app->profile, today, at, outcome ? outcome : "");
	long long version = web_journal_version(app);
	size_t n_cache = sizeof(app->review_cache) / sizeof(app->review_cache[0]);
	for (size_t i = 0; version >= 0 && i < n_cache; i++) {
		struct web_cache *c = &app->review_cache[i];
		if (c->body && c->version == version && strcmp(c->key, key) == 0)
			return web_bytes(rs, 200, "application/json", c->body, c->len);
	}
	struct profile p;
	if (web_profile(app, rs, &p) < 0)
		return;
	struct review r;
	struct mg_err e = {0};
	if (view_review_compute(app->db, app->foods_path, &p, today, at, outcome, &r, &e) < 0)
		return e.code == MG_EUSAGE || e.code == MG_EDATA ? web_fail_flags(rs, &e, NULL) : web_fail(rs, &e, NULL);
	json_t *j = view_review_json(&r);
	if (!at && !outcome)
		json_object_set_new(j, "apply", view_review_preview(app->db, app->foods_path, &p, today, &r));
	web_json(rs, 200, j);
	review_release(&r);
	if (version < 0)
		return;   /* no version to check a cached answer against */
	struct web_cache *c = &app->review_cache[app->review_next++ % n_cache];
	free(c->body);
	mg_strlcpy(c->key, key, sizeof(c->key));
	c->version = version;
	c->body = mg_malloc(rs->len + 1);
	memcpy(c->body, rs->body, rs->len);
	c->len = rs->len;
}

void api_review_chart(struct web_app *app, struct web_req *rq, struct web_resp *rs)
{
	struct profile p;
	long days;
	const char *outcome = web_query(rq, "outcome");
	if (web_query_long(rq, rs, "days", 7, 366, 42, &days) < 0 || web_profile(app, rs, &p) < 0)
		return;
	struct strbuf sb;
	struct mg_err e = {0};
	strbuf_init(&sb);
	if (view_outcome_chart(app->db, &p, mg_today(), days, outcome ? outcome : "quality", &sb, &e) < 0) {
		web_fail(rs, &e, "outcome");
	} else {
		/* The report's chart is an <svg> element with its namespace; as a
		 * file it needs only the XML declaration in front. */
		const char *svg = strstr(strbuf_str(&sb), "<svg");
		const char *end = svg ? strstr(svg, "</svg>") : NULL;
		struct strbuf out;
		strbuf_init(&out);
		strbuf_adds(&out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		if (svg && end)
			strbuf_add(&out, svg, (size_t)(end - svg) + 6);
		web_bytes(rs, 200, "image/svg+xml", strbuf_str(&out), out.len);
		strbuf_release(&out);
	}
	strbuf_release(&sb);
}

/* The profile and its active trial; answers 404 without one. */
static int active_trial(struct web_app *app, struct web_resp *rs, struct profile *p, struct trial_row *t)
{
	struct mg_err e = {0};
	if (web_profile(app, rs, p) < 0)
		return -1;
	int found = journal_trial_active(app->db, p->id, t, &e);
	if (found < 0)
		web_fail(rs, &e, NULL);
	else if (!found)
		web_error(rs, 404, "not_found", NULL, "no trial: design one with 'mgtrack trial design --outcome NAME'");
	return found > 0 ? 0 : -1;
}

void api_trial(struct web_app *app, struct web_req *rq, struct web_resp *rs)
{
	struct profile p;
	struct trial_row t;
	if (active_trial(app, rs, &p, &t) < 0)
		return;
	json_t *j = json_object();
	json_object_set_new(j, "status", view_trial_status_json(&t));
	json_object_set_new(j, "today", view_trial_today_json(&t, mg_today()));
	json_object_set_new(j, "disclaimer", json_string(view_not_advice));
	web_json(rs, 200, j);
}

void api_trial_analysis(struct web_app *app, struct web_req *rq, struct web_resp *rs)
{
	struct profile p;
	struct trial_row t;
	struct trial_design d;
	struct trial_analysis a;
	struct mg_err e = {0};
	if (active_trial(app, rs, &p, &t) < 0)
		return;
	if (view_trial_analyze(app->db, p.id, &t, web_query(rq, "outcome"), &d, &a, &e) < 0)
		return e.code == MG_EUSAGE ? web_fail_flags(rs, &e, "outcome") : web_fail(rs, &e, NULL);
	web_json(rs, 200, view_trial_analysis_json(&t, &a));
}
