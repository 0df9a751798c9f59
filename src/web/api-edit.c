/*
 * The API's routes that change what the plan is computed from: the
 * profile, products and the trial design. Each body field is checked by
 * type here and by value in core (the same checks as the command line's
 * flags), a wrong field is named, and nothing is written unless all pass.
 * A blinded trial is designed on the command line only: it prints the
 * sealed allocation sheet for a helper, which a browser would show to the
 * very person it must be hidden from.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "core/diet.h"
#include "core/tables.h"
#include "store/trials.h"
#include "view/view.h"
#include "web/web.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

/* Wrong-type and wrong-value answers name the field; they return -1 so a
 * caller can write `return bad(...)`. */
static int bad(struct web_resp *rs, const char *field, const char *why)
{
	web_error(rs, 422, "bad_value", field, "%s %s", field, why);
	return -1;
}

static int one_of(struct web_resp *rs, const char *key, json_t *v, const char *const *allowed, char *out, size_t n)
{
	if (json_is_string(v))
		for (const char *const *a = allowed; *a; a++)
			if (strcmp(json_string_value(v), *a) == 0) {
				mg_strlcpy(out, *a, n);
				return 0;
			}
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_adds(&sb, "must be one of");
	for (const char *const *a = allowed; *a; a++)
		strbuf_addf(&sb, "%s %s", a == allowed ? "" : ",", *a);
	web_error(rs, 422, "bad_value", key, "%s %s", key, strbuf_str(&sb));
	strbuf_release(&sb);
	return -1;
}

static int hhmm(struct web_resp *rs, const char *key, json_t *v, int *out, int nullable)
{
	if (nullable && json_is_null(v)) {
		*out = -1;
		return 0;
	}
	if (!json_is_string(v) || mg_parse_hhmm(json_string_value(v), out) < 0)
		return bad(rs, key, "must be a time (HH:MM)");
	return 0;
}

static int flag(struct web_resp *rs, const char *key, json_t *v, int *out)
{
	if (!json_is_boolean(v))
		return bad(rs, key, "must be true or false");
	*out = json_is_true(v);
	return 0;
}

/* A list of strings handed one by one to a core setter. */
static int string_list(struct web_resp *rs, const char *key, json_t *v, struct profile *p,
		       int (*add)(struct profile *p, const char *s, struct mg_err *e))
{
	if (!json_is_array(v))
		return bad(rs, key, "must be a list");
	size_t i;
	json_t *x;
	struct mg_err e = {0};
	json_array_foreach(v, i, x) {
		if (!json_is_string(x))
			return bad(rs, key, "must hold strings");
		if (add(p, json_string_value(x), &e) < 0) {
			web_fail_flags(rs, &e, key);
			return -1;
		}
	}
	return 0;
}

static int medicines(struct web_resp *rs, json_t *v, struct profile *p)
{
	if (!json_is_array(v))
		return bad(rs, "medicines", "must be a list of {\"name\", \"times\"}");
	size_t i, k;
	json_t *m, *t;
	p->n_meds = 0;
	json_array_foreach(v, i, m) {
		json_t *name = json_object_get(m, "name"), *times = json_object_get(m, "times");
		if (!json_is_object(m) || !json_is_string(name) || !json_is_array(times) || !json_array_size(times))
			return bad(rs, "medicines", "must be a list of {\"name\", \"times\": [\"HH:MM\", ...]}");
		struct strbuf spec;
		strbuf_init(&spec);
		strbuf_addf(&spec, "%s@", json_string_value(name));
		json_array_foreach(times, k, t) {
			if (!json_is_string(t)) {
				strbuf_release(&spec);
				return bad(rs, "medicines", "times must be \"HH:MM\" strings");
			}
			strbuf_addf(&spec, "%s%s", k ? "," : "", json_string_value(t));
		}
		/* A weekly medicine names its day: "monday" or "mon". */
		json_t *weekly = json_object_get(m, "weekly");
		if (weekly && !json_is_null(weekly)) {
			if (!json_is_string(weekly)) {
				strbuf_release(&spec);
				return bad(rs, "medicines", "weekly must be a day of the week or null");
			}
			strbuf_addf(&spec, "/weekly:%s", json_string_value(weekly));
		}
		struct mg_err e = {0};
		int rc = profile_add_med(p, strbuf_str(&spec), &e);
		strbuf_release(&spec);
		if (rc < 0) {
			web_fail_flags(rs, &e, "medicines");
			return -1;
		}
	}
	return 0;
}

static int add_goal(struct profile *p, const char *s, struct mg_err *e)
{
	if (strchr(s, ','))
		return mg_err_set(e, MG_EDATA, "goal \"%s\" is one goal, not a list", s);
	return profile_set_goal_list(p, s, e);
}

static const char *const sexes[] = {"female", "male", NULL};
static const char *const trainings[] = {"none", "regular", "heavy", NULL};
static const char *const regions[] = {"us", "eu", NULL};
static const char *const food_sources[] = {"log", "apple-health", "cronometer", NULL};

static int profile_field(struct web_resp *rs, json_t *body, const char *key, json_t *v, struct profile *p, long today)
{
	if (!strcmp(key, "name")) {
		if (!json_is_string(v) || strcmp(json_string_value(v), p->name) != 0)
			return bad(rs, key, "cannot change here (profiles are chosen with --profile)");
		return 0;
	}
	if (!strcmp(key, "born")) {
		if (json_is_null(v))
			return 0;   /* with "age" */
		if (!json_is_string(v) || mg_parse_date(json_string_value(v), &p->born) < 0)
			return bad(rs, key, "must be a date (YYYY-MM-DD)");
		p->age_years = -1;
		p->age_on = MG_NO_DATE;
		return 0;
	}
	if (!strcmp(key, "age")) {
		/* A date of birth says more than an age: with both, born wins,
		 * whatever order the keys come in. */
		json_t *born = json_object_get(body, "born");
		if (json_is_null(v) || (born && !json_is_null(born)))
			return 0;
		if (!json_is_integer(v) || json_integer_value(v) < 0 || json_integer_value(v) > 120)
			return bad(rs, key, "must be a whole number from 0 to 120");
		p->age_years = (int)json_integer_value(v);
		p->age_on = today;
		p->born = MG_NO_DATE;
		return 0;
	}
	if (!strcmp(key, "sex"))
		return one_of(rs, key, v, sexes, p->sex, sizeof(p->sex));
	if (!strcmp(key, "training"))
		return one_of(rs, key, v, trainings, p->training, sizeof(p->training));
	if (!strcmp(key, "region"))
		return one_of(rs, key, v, regions, p->region, sizeof(p->region));
	if (!strcmp(key, "food_source"))
		return one_of(rs, key, v, food_sources, p->food_source, sizeof(p->food_source));
	if (!strcmp(key, "pregnant"))
		return flag(rs, key, v, &p->pregnant);
	if (!strcmp(key, "lactating"))
		return flag(rs, key, v, &p->lactating);
	if (!strcmp(key, "clinician_guided"))
		return flag(rs, key, v, &p->clinician_guided);
	if (!strcmp(key, "gi_sensitive"))
		return flag(rs, key, v, &p->gi_sensitive);
	if (!strcmp(key, "wake"))
		return hhmm(rs, key, v, &p->wake, 0);
	if (!strcmp(key, "bed"))
		return hhmm(rs, key, v, &p->bed, 0);
	if (!strcmp(key, "train_at")) {
		if (json_is_null(v) || (json_is_string(v) && !*json_string_value(v))) {
			p->n_train = 0;
			return 0;
		}
		struct mg_err e = {0};
		if (!json_is_string(v) || profile_set_train_times(p, json_string_value(v), &e) < 0)
			return bad(rs, key, "must be a time (HH:MM) or several (HH:MM,HH:MM)");
		return 0;
	}
	if (!strcmp(key, "zinc_mg")) {
		if (!json_is_integer(v) || json_integer_value(v) < 0 || json_integer_value(v) > 1000)
			return bad(rs, key, "must be a whole number of mg from 0 to 1000");
		p->zinc_mg = (double)json_integer_value(v);
		return 0;
	}
	if (!strcmp(key, "egfr")) {
		/* As profile show --json gives it: a number, "unknown" or null
		 * (never given). Numbers and strings go through the same setter
		 * as --egfr, so the range and the ">90" form are checked once. */
		struct mg_err e = {0};
		char num[32];
		if (json_is_null(v)) {
			p->egfr = 0;
			return 0;
		}
		if (json_is_number(v))
			snprintf(num, sizeof(num), "%.15g", json_number_value(v));
		else if (json_is_string(v) && json_string_length(v) < sizeof(num))
			mg_strlcpy(num, json_string_value(v), sizeof(num));
		else {
			char why[96];
			snprintf(why, sizeof(why), "must be a number from %.0f to %.0f, \"unknown\" or null",
				 tables_threshold("egfr-min", NULL), tables_threshold("egfr-max", NULL));
			return bad(rs, key, why);
		}
		if (profile_set_egfr(p, num, &e) < 0) {
			web_fail_flags(rs, &e, key);
			return -1;
		}
		return 0;
	}
	if (!strcmp(key, "goals")) {
		p->n_goals = 0;
		return string_list(rs, key, v, p, add_goal);
	}
	if (!strcmp(key, "conditions")) {
		p->n_conditions = 0;
		return string_list(rs, key, v, p, profile_add_condition);
	}
	if (!strcmp(key, "medicines"))
		return medicines(rs, v, p);
	if (!strcmp(key, "diet")) {
		struct mg_err e = {0};
		if (!json_is_string(v))
			return bad(rs, key, "must be omnivore, pescatarian, vegetarian or vegan");
		if (diet_set(p, json_string_value(v), &e) < 0) {
			web_fail_flags(rs, &e, key);
			return -1;
		}
		return 0;
	}
	if (!strcmp(key, "avoid")) {
		/* The whole list, as profile show --json gives it: each name is
		 * checked by the setter --avoid uses. */
		struct mg_err e = {0};
		size_t i;
		json_t *x;
		if (!json_is_array(v))
			return bad(rs, key, "must be a list of foods to avoid (nuts, peanuts, sesame, soy, gluten, dairy, egg, fish, shellfish)");
		p->avoid[0] = '\0';
		json_array_foreach(v, i, x) {
			if (!json_is_string(x) || strchr(json_string_value(x), ','))
				return bad(rs, key, "must be a list of food names");
			if (diet_avoid(p, json_string_value(x), 1, &e) < 0) {
				web_fail_flags(rs, &e, key);
				return -1;
			}
		}
		return 0;
	}
	return bad(rs, key, "is not a profile field");
}

/* The POST body applied field by field inside view_profile_edit's
 * transaction; a bad field has its 422 answered already. */
struct profile_body {
	json_t *body;
	struct web_resp *rs;
	long today;
	int answered;
};

static int apply_profile_body(struct profile *p, void *ctx, struct mg_err *e)
{
	struct profile_body *b = ctx;
	const char *key;
	json_t *v;
	(void)e;
	json_object_foreach(b->body, key, v) {
		if (profile_field(b->rs, b->body, key, v, p, b->today) < 0) {
			b->answered = 1;
			return -1;
		}
	}
	return 0;
}

void api_profile_post(struct web_app *app, struct web_req *rq, struct web_resp *rs)
{
	struct profile p;
	long today = mg_today();
	struct profile_body b = {rq->body, rs, today, 0};
	struct mg_err e = {0};
	if (view_profile_edit(app->db, app->profile, today, apply_profile_body, &b, &p, &e) < 0) {
		if (!b.answered)
			web_fail_flags(rs, &e, NULL);
		return;
	}
	/* Answer the profile as stored (lists come back in the journal's order). */
	if (web_profile(app, rs, &p) == 0)
		web_json(rs, 200, view_profile_json(&p, today));
}

int web_only_known(struct web_resp *rs, json_t *body, const char *const *known, const char *what)
{
	const char *key;
	json_t *v;
	json_object_foreach(body, key, v) {
		const char *const *k = known;
		while (*k && strcmp(key, *k) != 0)
			k++;
		if (!*k) {
			web_error(rs, 422, "bad_value", key, "%s is not a %s field", key, what);
			return -1;
		}
	}
	return 0;
}

/* A non-negative number of mg, or absent/null (NAN). */
static int mg_value(struct web_resp *rs, json_t *body, const char *key, double *out)
{
	json_t *v = json_object_get(body, key);
	*out = NAN;
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_number(v) || json_number_value(v) < 0 || json_number_value(v) > 1e6)
		return bad(rs, key, "must be a number of mg");
	*out = json_number_value(v);
	return 0;
}

void api_product_post(struct web_app *app, struct web_req *rq, struct web_resp *rs)
{
	static const char *const known[] = {"name", "form", "hydrate", "compound_mg", "elemental_mg",
					    "per_serving_units", "third_party", "proprietary_blend", "divisible", NULL};
	struct product p;
	product_init(&p);
	if (web_only_known(rs, rq->body, known, "product") < 0)
		return;
	json_t *name = json_object_get(rq->body, "name"), *form = json_object_get(rq->body, "form"),
	       *hydrate = json_object_get(rq->body, "hydrate"), *units = json_object_get(rq->body, "per_serving_units"),
	       *third = json_object_get(rq->body, "third_party"), *blend = json_object_get(rq->body, "proprietary_blend"),
	       *divisible = json_object_get(rq->body, "divisible");
	if (!json_is_string(name) || !json_string_length(name) || json_string_length(name) >= sizeof(p.name))
		return (void)bad(rs, "name", "must be 1 to 127 characters");
	if (!json_is_string(form) || json_string_length(form) >= sizeof(p.form))
		return (void)bad(rs, "form", "must be a form's name (see 'mgtrack product --help')");
	if (hydrate && !json_is_null(hydrate) && (!json_is_string(hydrate) || json_string_length(hydrate) >= sizeof(p.hydrate)))
		return (void)bad(rs, "hydrate", "must be a hydrate's name");
	if (json_is_null(units))
		units = NULL;
	if (units && (!json_is_integer(units) || json_integer_value(units) < 1 || json_integer_value(units) > 20))
		return (void)bad(rs, "per_serving_units", "must be a whole number from 1 to 20");
	third = json_is_null(third) ? NULL : third;
	blend = json_is_null(blend) ? NULL : blend;
	divisible = json_is_null(divisible) ? NULL : divisible;
	if ((third && !json_is_boolean(third)) || (blend && !json_is_boolean(blend)))
		return (void)bad(rs, third && !json_is_boolean(third) ? "third_party" : "proprietary_blend",
				 "must be true or false");
	if (divisible && !json_is_boolean(divisible))
		return (void)bad(rs, "divisible", "must be true or false");
	if (mg_value(rs, rq->body, "compound_mg", &p.compound_mg) < 0 ||
	    mg_value(rs, rq->body, "elemental_mg", &p.elemental_mg) < 0)
		return;
	mg_strlcpy(p.name, json_string_value(name), sizeof(p.name));
	mg_strlcpy(p.form, json_string_value(form), sizeof(p.form));
	if (json_is_string(hydrate))
		mg_strlcpy(p.hydrate, json_string_value(hydrate), sizeof(p.hydrate));
	if (units)
		p.units_per_serving = (int)json_integer_value(units);
	p.third_party = json_is_true(third);
	p.proprietary_blend = json_is_true(blend);
	p.divisible = json_is_true(divisible);
	struct product_mg mg;
	struct mg_err e = {0};
	if (view_product_add(app->db, &p, &mg, &e) < 0)
		return web_fail_flags(rs, &e, "name");   /* the one check without a flag: the name is taken */
	web_json(rs, 201, view_product_json(&p, &mg));
}

/* An optional whole number field within [min, max]. */
static int int_field(struct web_resp *rs, json_t *body, const char *key, long min, long max, int *out)
{
	json_t *v = json_object_get(body, key);
	if (!v)
		return 0;
	if (!json_is_integer(v) || json_integer_value(v) < min || json_integer_value(v) > max) {
		web_error(rs, 422, "bad_value", key, "%s must be a whole number from %ld to %ld", key, min, max);
		return -1;
	}
	*out = (int)json_integer_value(v);
	return 0;
}

void api_trial_post(struct web_app *app, struct web_req *rq, struct web_resp *rs)
{
	static const char *const controls[] = {"none", "placebo", NULL};
	static const char *const known[] = {"outcome", "blocks", "period_days", "washin_days", "baseline_days",
					    "control", "blind", "seed", "start", "force", NULL};
	if (web_only_known(rs, rq->body, known, "trial design") < 0)
		return;
	struct trial_row t;
	struct trial_design *d = &t.design;
	view_trial_defaults(&t, mg_today());
	json_t *outcome = json_object_get(rq->body, "outcome"), *blind = json_object_get(rq->body, "blind"),
	       *start = json_object_get(rq->body, "start"), *force = json_object_get(rq->body, "force"),
	       *control = json_object_get(rq->body, "control");
	if (!json_is_string(outcome) || table_find(tables_get("outcomes.tsv"), "outcome", json_string_value(outcome)) < 0)
		return (void)bad(rs, "outcome", "must be one of the outcomes (quality, sol, waso, cramps, rested, rls, "
					   "tightness, stress, mood, energy)");
	mg_strlcpy(d->outcome, json_string_value(outcome), sizeof(d->outcome));
	if (blind && !json_is_boolean(blind))
		return (void)bad(rs, "blind", "must be true or false");
	if (json_is_true(blind))
		return (void)bad(rs, "blind", "is for the command line: 'mgtrack trial design --blind' prints the sealed "
					 "allocation sheet for your helper, which this page would show to you");
	if (force && !json_is_boolean(force))
		return (void)bad(rs, "force", "must be true or false");
	if (control && one_of(rs, "control", control, controls, d->control, sizeof(d->control)) < 0)
		return;
	if (start && (!json_is_string(start) || mg_parse_date(json_string_value(start), &d->start) < 0))
		return (void)bad(rs, "start", "must be a date (YYYY-MM-DD)");
	int seed = 0;
	if (int_field(rs, rq->body, "blocks", 0, 1000, &d->blocks) < 0 ||
	    int_field(rs, rq->body, "period_days", 0, 1000, &d->period_days) < 0 ||
	    int_field(rs, rq->body, "washin_days", 0, 1000, &d->washin_days) < 0 ||
	    int_field(rs, rq->body, "baseline_days", 0, 1000, &d->baseline_days) < 0 ||
	    int_field(rs, rq->body, "seed", 1, 2147483647L, &seed) < 0)
		return;
	d->seed = (unsigned long)seed;
	struct profile p;
	struct mg_err e = {0};
	if (web_profile(app, rs, &p) < 0)
		return;
	if (view_trial_register(app->db, p.id, &t, json_is_true(force), mg_today(), &e) < 0) {
		if (strstr(e.msg, "--force"))
			return web_error(rs, 409, "conflict", "force", "%s",
					 "a trial has started; send force: true to abandon it (it stays on record)");
		return web_fail_flags(rs, &e, NULL);
	}
	json_t *j = view_trial_registered_json(&t);
	json_object_set_new(j, "status", view_trial_status_json(&t));
	web_json(rs, 201, j);
}
