/*
 * The API's course routes: GET /api/v1/course is in api-read.c with the
 * plan; here are the two that write. POST /api/v1/course starts, stops or
 * resumes the course (`mgtrack course start|stop|resume`); POST
 * /api/v1/review/apply turns today's review decision into the next plan
 * version (`mgtrack review --apply`). Each is one transaction in
 * view/course.c; a refusal writes nothing and names its field.
 */
#include <string.h>
#include "view/view.h"
#include "web/web.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

void api_course_post(struct web_app *app, struct web_req *rq, struct web_resp *rs)
{
	static const char *const known[] = {"action", "date", "reason", NULL};
	if (web_only_known(rs, rq->body, known, "course") < 0)
		return;
	json_t *action = json_object_get(rq->body, "action"), *date = json_object_get(rq->body, "date"),
	       *reason = json_object_get(rq->body, "reason");
	const char *a = json_string_value(action);
	if (!a || (strcmp(a, "start") != 0 && strcmp(a, "stop") != 0 && strcmp(a, "resume") != 0))
		return web_error(rs, 422, "bad_value", "action", "action must be one of start, stop, resume");
	long today = mg_today(), start = today;
	if (date && !json_is_null(date)) {
		if (strcmp(a, "start") != 0)
			return web_error(rs, 422, "bad_value", "date", "date goes with the start action");
		if (!json_is_string(date) || mg_parse_date(json_string_value(date), &start) < 0)
			return web_error(rs, 422, "bad_value", "date", "date must be a date (YYYY-MM-DD)");
	}
	const char *why = NULL;
	if (reason && !json_is_null(reason)) {
		if (strcmp(a, "stop") != 0)
			return web_error(rs, 422, "bad_value", "reason", "reason goes with the stop action");
		if (!json_is_string(reason) || json_string_length(reason) < 1 || json_string_length(reason) > 200)
			return web_error(rs, 422, "bad_value", "reason", "reason must be a text of 1 to 200 characters");
		why = json_string_value(reason);
		for (const unsigned char *c = (const unsigned char *)why; *c; c++)
			if (*c < 0x20 || *c == 0x7f)
				return web_error(rs, 422, "bad_value", "reason", "reason must be one line, without control characters");
	}
	struct profile p;
	if (web_profile(app, rs, &p) < 0)
		return;
	struct course_view cv;
	struct mg_err e = {0};
	int rc = strcmp(a, "start") == 0 ? view_course_start(app->db, app->foods_path, &p, today, start, &cv, &e)
	       : strcmp(a, "stop") == 0  ? view_course_stop(app->db, app->foods_path, &p, today, why, &cv, &e)
					 : view_course_resume(app->db, app->foods_path, &p, today, &cv, &e);
	if (rc < 0)
		return web_fail_flags(rs, &e, "action");
	web_json(rs, 200, view_course_json(&cv, today));
	view_course_release(&cv);
}

void api_review_apply(struct web_app *app, struct web_req *rq, struct web_resp *rs)
{
	static const char *const known[] = {"product", NULL};
	if (web_only_known(rs, rq->body, known, "review apply") < 0)
		return;
	json_t *product = json_object_get(rq->body, "product");
	char key[128] = "";
	if (product && !json_is_null(product)) {
		if (json_is_string(product) && json_string_length(product) > 0 && json_string_length(product) < sizeof(key))
			mg_strlcpy(key, json_string_value(product), sizeof(key));
		else
			return web_error(rs, 422, "bad_value", "product", "product must be a product's name");
	}
	struct profile p;
	if (web_profile(app, rs, &p) < 0)
		return;
	long today = mg_today();
	struct course_view cv;
	struct review r;
	struct mg_err e = {0};
	int changed;
	char what[240];
	if (view_review_apply(app->db, app->foods_path, &p, today, key[0] ? key : NULL, &cv, &r, &changed, what,
			      sizeof(what), &e) < 0)
		return web_fail(rs, &e, e.code == MG_ENOINPUT ? "product" : NULL);
	json_t *j = json_object();
	json_object_set_new(j, "decision", json_string(r.decision));
	json_object_set_new(j, "changes", json_boolean(changed));
	if (changed) {
		const struct course_version *v = course_last(&cv.course);
		json_object_set_new(j, "event", json_string(v->event));
		json_object_set_new(j, "reason", json_string(v->reason));
		json_object_set_new(j, "rule", json_string(v->rule));
	} else {
		json_object_set_new(j, "what", json_string(what));
	}
	json_object_set_new(j, "course", view_course_json(&cv, today));
	web_json(rs, 200, j);
	review_release(&r);
	view_course_release(&cv);
}
