/*
 * The API's logging routes: nights, the food log and doses, read and
 * written. A write takes a JSON object, checks every field with the same
 * rules as the command line (core/night.c's night_set, the views' food and
 * dose logging), names the field that is wrong, and writes in one
 * transaction or not at all.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/night.h"
#include "store/db.h"
#include "view/view.h"
#include "web/night-body.h"
#include "web/web.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

/* `from`..`to` from ?date=D or ?days=N (default days). */
static int window(struct web_req *rq, struct web_resp *rs, long def_days, long *from, long *to)
{
	const char *date = web_query(rq, "date");
	long days;
	*to = mg_today();
	if (date && web_query(rq, "days"))
		return web_error(rs, 400, "bad_request", "days", "give date or days, not both"), -1;
	if (date) {
		if (mg_parse_date(date, from) < 0)
			return web_error(rs, 400, "bad_request", "date", "date \"%s\" is not a date (YYYY-MM-DD)", date), -1;
		*to = *from;
		return 0;
	}
	if (web_query_long(rq, rs, "days", 1, 3660, def_days, &days) < 0)
		return -1;
	*from = *to - days + 1;
	return 0;
}

/* The body's "date" (default today). */
static int body_date(struct web_req *rq, struct web_resp *rs, long *date)
{
	json_t *v = json_object_get(rq->body, "date");
	*date = mg_today();
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_string(v) || mg_parse_date(json_string_value(v), date) < 0) {
		web_error(rs, 422, "bad_value", "date", "date must be a date (YYYY-MM-DD)");
		return -1;
	}
	if (*date > mg_today()) {
		/* Nights and food are logged once they happened. */
		web_error(rs, 422, "bad_value", "date", "date \"%s\" is in the future", json_string_value(v));
		return -1;
	}
	return 0;
}

/* ---- nights ---- */

void api_nights(struct web_app *app, struct web_req *rq, struct web_resp *rs)
{
	struct profile p;
	long from, to;
	if (window(rq, rs, 14, &from, &to) < 0 || web_profile(app, rs, &p) < 0)
		return;
	struct night *v;
	size_t n;
	struct mg_err e = {0};
	if (view_night_list(app->db, p.id, from, to, &v, &n, &e) < 0)
		return web_fail(rs, &e, NULL);
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, view_night_json(&v[i]));
	free(v);
	web_json(rs, 200, a);
}

void api_night(struct web_app *app, struct web_req *rq, struct web_resp *rs)
{
	struct profile p;
	long date;
	if (mg_parse_date(rq->arg, &date) < 0)
		return web_error(rs, 400, "bad_request", "date", "\"%s\" is not a date (YYYY-MM-DD)", rq->arg);
	if (web_profile(app, rs, &p) < 0)
		return;
	struct night *v;
	size_t n;
	struct mg_err e = {0};
	if (view_night_list(app->db, p.id, date, date, &v, &n, &e) < 0)
		return web_fail(rs, &e, NULL);
	if (n)
		web_json(rs, 200, view_night_json(&v[0]));
	else
		web_error(rs, 404, "not_found", "date", "no night logged for %s", rq->arg);
	free(v);
}

/* The JSON body applied to the stored night, for view_night_edit; a bad
 * field is a 422 naming it, not a database failure. */
struct night_body {
	json_t *body;
	const char *field;
	int bad;
};

static int apply_body(struct night *n, void *ctx, struct mg_err *e)
{
	struct night_body *b = ctx;
	if (web_night_apply(n, b->body, &b->field, e) < 0) {
		b->bad = 1;
		return -1;
	}
	return 0;
}

void api_night_post(struct web_app *app, struct web_req *rq, struct web_resp *rs)
{
	struct profile p;
	long date;
	struct mg_err e = {0};
	if (body_date(rq, rs, &date) < 0 || web_profile(app, rs, &p) < 0)
		return;
	if (json_object_size(rq->body) == (json_object_get(rq->body, "date") ? 1u : 0u))
		return web_error(rs, 422, "bad_value", NULL, "nothing to record: give at least one field");
	/* Edit the stored entry field by field, read and written in one
	 * transaction; nothing is written until every field has passed. */
	struct night n;
	struct night_body b = {rq->body, NULL, 0};
	if (view_night_edit(app->db, p.id, date, apply_body, &b, &n, &e) < 0) {
		if (b.bad)
			return web_error(rs, 422, "bad_value", b.field, "%s", e.msg);
		return web_fail(rs, &e, NULL);
	}
	json_t *j = view_night_json(&n);
	if (n.red_flags)
		json_object_set_new(j, "warning", json_string("a red flag is logged: pause magnesium and reassess; see a "
							      "clinician if it persists [safety-red-flag]"));
	web_json(rs, 200, j);
}

/* ---- the food log ---- */

static int on_food_entry(const struct food_log_entry *en, void *ctx)
{
	json_array_append_new(ctx, view_food_log_json(en));
	return 0;
}

static int list_food_log(sqlite3 *db, long profile_id, long from, long to, json_t *a, struct mg_err *e)
{
	return journal_food_log_list(db, profile_id, from, to, on_food_entry, a, e);
}

/* GET of a log over ?date= or ?days= (default 7), each entry as the CLI's
 * --list --json shows it. */
static void list_entries(struct web_app *app, struct web_req *rq, struct web_resp *rs,
			 int (*list)(sqlite3 *db, long profile_id, long from, long to, json_t *a, struct mg_err *e))
{
	struct profile p;
	long from, to;
	if (window(rq, rs, 7, &from, &to) < 0 || web_profile(app, rs, &p) < 0)
		return;
	json_t *a = json_array();
	struct mg_err e = {0};
	if (list(app->db, p.id, from, to, a, &e) < 0) {
		json_decref(a);
		return web_fail(rs, &e, NULL);
	}
	web_json(rs, 200, a);
}

void api_food_log(struct web_app *app, struct web_req *rq, struct web_resp *rs)
{
	list_entries(app, rq, rs, list_food_log);
}

void api_food_log_post(struct web_app *app, struct web_req *rq, struct web_resp *rs)
{
	struct profile p;
	long date;
	json_t *id = json_object_get(rq->body, "food_id"), *amount = json_object_get(rq->body, "amount"),
	       *measure = json_object_get(rq->body, "measure");
	if (!json_is_integer(id) || json_integer_value(id) < 1)
		return web_error(rs, 422, "bad_value", "food_id", "food_id must be a food's number");
	if (!json_is_number(amount) || !(json_number_value(amount) >= WEB_MIN_AMOUNT))
		return web_error(rs, 422, "bad_value", "amount", "amount must be a number of at least %g", WEB_MIN_AMOUNT);
	if (measure && !json_is_null(measure) && !json_is_string(measure))
		return web_error(rs, 422, "bad_value", "measure", "measure must be a measure's name, or g");
	if (body_date(rq, rs, &date) < 0 || web_profile(app, rs, &p) < 0)
		return;
	struct food_log_entry en;
	struct mg_err e = {0};
	const char *unit = json_is_string(measure) ? json_string_value(measure) : "";
	if (view_food_log_add(app->db, app->foods_path, p.id, (long)json_integer_value(id), json_number_value(amount),
			      unit, date, &en, &e) < 0)
		return web_fail(rs, &e, e.code == MG_ENOINPUT ? "food_id" : strstr(e.msg, "measure") ? "measure" : "amount");
	web_json(rs, 201, view_food_log_json(&en));
}

static int path_id(struct web_req *rq, struct web_resp *rs, long *id)
{
	if (mg_parse_long(rq->arg, 1, 999999999999L, id) < 0) {
		web_error(rs, 404, "not_found", "id", "no entry \"%s\"", rq->arg);
		return -1;
	}
	return 0;
}

/* DELETE of one entry by id: a food log entry or a dose, in a transaction. */
static void delete_entry(struct web_app *app, struct web_req *rq, struct web_resp *rs,
			 int (*del)(sqlite3 *db, long profile_id, long id, struct mg_err *e))
{
	struct profile p;
	long id;
	struct mg_err e = {0};
	if (path_id(rq, rs, &id) < 0 || web_profile(app, rs, &p) < 0)
		return;
	if (db_begin(app->db, &e) < 0 || del(app->db, p.id, id, &e) < 0 || db_commit(app->db, &e) < 0) {
		db_rollback(app->db);
		return web_fail(rs, &e, "id");
	}
	web_bytes(rs, 204, "text/plain", "", 0);
}

void api_food_log_delete(struct web_app *app, struct web_req *rq, struct web_resp *rs)
{
	delete_entry(app, rq, rs, journal_food_log_delete);
}

/* ---- doses ---- */

static int on_dose(const struct dose_entry *d, void *ctx)
{
	json_array_append_new(ctx, view_dose_json(d));
	return 0;
}

/* Doses taken and intakes skipped, as `dose --list --json` lists them: a
 * skip is part of the record, and the only way to see or remove it. */
static int list_doses(sqlite3 *db, long profile_id, long from, long to, json_t *a, struct mg_err *e)
{
	return journal_dose_events(db, profile_id, from, to, on_dose, a, e);
}

void api_doses(struct web_app *app, struct web_req *rq, struct web_resp *rs)
{
	list_entries(app, rq, rs, list_doses);
}

void api_dose_post(struct web_app *app, struct web_req *rq, struct web_resp *rs)
{
	struct profile p;
	json_t *product = json_object_get(rq->body, "product"), *servings = json_object_get(rq->body, "servings"),
	       *at = json_object_get(rq->body, "at"), *planned = json_object_get(rq->body, "planned"),
	       *skip = json_object_get(rq->body, "skip");
	if ((planned && !json_is_boolean(planned)) || (skip && !json_is_boolean(skip)))
		return web_error(rs, 422, "bad_value", planned && !json_is_boolean(planned) ? "planned" : "skip",
				 "planned and skip must be true or false");
	enum dose_mode mode = json_is_true(skip) ? DOSE_SKIP : json_is_true(planned) ? DOSE_PLANNED : DOSE_SERVINGS;
	if (mode != DOSE_SERVINGS && servings && !json_is_null(servings))
		return web_error(rs, 422, "bad_value", "servings", "a planned intake has its own capsules: leave servings out");
	char key[128] = "";   /* a product's name or id: names are up to 127 bytes */
	if (json_is_string(product) && json_string_length(product) > 0 && json_string_length(product) < sizeof(key))
		mg_strlcpy(key, json_string_value(product), sizeof(key));
	else if (json_is_integer(product))
		snprintf(key, sizeof(key), "%lld", (long long)json_integer_value(product));
	else if (mode == DOSE_SERVINGS || (product && !json_is_null(product)))
		return web_error(rs, 422, "bad_value", "product", "product must be a product's name or id");
	if (servings && !json_is_null(servings) && !json_is_number(servings))
		return web_error(rs, 422, "bad_value", "servings", "servings must be a number from 0.25 to 20");
	double n = json_is_number(servings) ? json_number_value(servings) : 1;
	long date = mg_today();
	int minutes;
	if (at && !json_is_null(at)) {
		if (!json_is_string(at) || mg_parse_datetime(json_string_value(at), &date, &minutes) < 0)
			return web_error(rs, 422, "bad_value", "at", "at must be a date and time (YYYY-MM-DD HH:MM)");
	} else {
		minutes = mg_now_minutes();
	}
	if (web_profile(app, rs, &p) < 0)
		return;
	struct dose_entry d;
	struct targets t;
	double day_total;
	struct mg_err e = {0};
	char warning[320];
	if (view_dose_log(app->db, app->foods_path, &p, date, minutes, key[0] ? key : NULL, n, mode, &d, &day_total, &t,
			  warning, sizeof(warning), &e) < 0)
		return web_fail_flags(rs, &e, e.code == MG_ENOINPUT ? "product" : mode == DOSE_SERVINGS ? "servings" : "planned");
	json_t *j = view_dose_json(&d);
	json_object_set_new(j, "day_supplement_mg", view_num(day_total, 1));
	/* The dose is recorded either way: the log must say what was taken. */
	if (t.ul_set && day_total > t.supplement_ul_mg + 1e-6) {
		char w[200];
		snprintf(w, sizeof(w), "supplements on this day add up to %.0f mg, above the upper limit of %.0f mg [%s]",
			 day_total, t.supplement_ul_mg, t.ul.id);
		json_object_set_new(j, "warning", json_string(w));
	} else if (warning[0]) {
		json_object_set_new(j, "warning", json_string(warning));
	}
	web_json(rs, 201, j);
}

void api_dose_delete(struct web_app *app, struct web_req *rq, struct web_resp *rs)
{
	delete_entry(app, rq, rs, journal_dose_delete);
}
