/*
 * `mgtrack review`: the checkpoint review. Reads the first dose, the nights,
 * the doses per day and the current plan (for the intakes planned and
 * whether the dose is split), asks core/review.c, and prints the decision
 * with its reasons and each outcome's effect.
 */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmd/cmd.h"
#include "core/review.h"
#include "store/db.h"
#include "store/supplements.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

/* What applying the decision does (or did) to the course. */
static void print_apply(json_t *apply, int applied)
{
	if (!json_is_object(apply))
		return;
	const char *err = json_string_value(json_object_get(apply, "error"));
	const char *what = json_string_value(json_object_get(apply, "what"));
	if (json_is_true(json_object_get(apply, "changes"))) {
		printf("\n%s %s, %lld mg a day", applied ? "Applied: the course is now" : "'mgtrack review --apply' would make the course",
		       json_string_value(json_object_get(apply, "phase")),
		       (long long)json_integer_value(json_object_get(apply, "daily_elemental_mg")));
		json_t *doses = json_object_get(apply, "doses");
		size_t i;
		json_t *d;
		json_array_foreach(doses, i, d)
			printf("%s%s %lld mg", i ? ", " : " (", json_string_value(json_object_get(d, "time")),
			       (long long)json_integer_value(json_object_get(d, "elemental_mg")));
		printf("%s of \"%s\"\n  %s [%s]\n", json_array_size(doses) ? ")" : "",
		       json_string_value(json_object_get(apply, "product")), json_string_value(json_object_get(apply, "reason")),
		       json_string_value(json_object_get(apply, "rule")));
	} else if (what) {
		printf("\n%s%s\n", applied ? "Nothing to apply: " : "'mgtrack review --apply': ", what);
	} else if (err) {
		printf("\n'mgtrack review --apply' cannot apply this: %s\n", err);
	}
}

static void print_review(const struct review *r, json_t *apply, int applied)
{
	const struct review_outcome *p = &r->outcomes[r->primary];
	printf("Review at day %d: %s\n", r->checkpoint_day, r->decision);
	printf("Primary outcome %s (%s is better); baseline %d nights, %s %d nights", p->name, p->better,
	       r->nights_baseline, r->on_lower_dose ? "on the lower dose" : "on magnesium", r->nights_on);
	if (!isnan(r->adherence))
		printf("; adherence %.0f %%", 100 * r->adherence);
	printf("\n\nWhy:\n");
	for (size_t i = 0; i < r->reasons.n; i++)
		printf("  - %s [%s]\n", r->reasons.v[i].text, r->reasons.v[i].rule);
	printf("\n  %-10s %8s %8s %8s  %-17s %9s %6s\n", "outcome", "before", "on Mg", "change", "95 % interval",
	       "P(better)", "MID");
	for (size_t i = 0; i < r->n_outcomes; i++) {
		const struct review_outcome *o = &r->outcomes[i];
		char ci[32] = "-", pb[16] = "-", eff[16] = "-", b[16] = "-", on[16] = "-";
		if (!isnan(o->baseline_mean))
			snprintf(b, sizeof(b), "%.2f", o->baseline_mean);
		if (!isnan(o->on_mean))
			snprintf(on, sizeof(on), "%.2f", o->on_mean);
		if (o->fitted) {
			snprintf(eff, sizeof(eff), "%+.2f", o->effect);
			snprintf(ci, sizeof(ci), "%+.2f to %+.2f", o->lo, o->hi);
			snprintf(pb, sizeof(pb), "%.2f", o->p_benefit);
		}
		printf("%s %-10s %8s %8s %8s  %-17s %9s %6.2f\n", i == r->primary ? "*" : " ", o->name, b, on, eff, ci,
		       pb, o->mid);
	}
	printf("\n* primary outcome. Change = on magnesium minus before, from a model that allows for\n"
	       "  day-to-day correlation (AR(1)); P(better) = probability the change beats the MID.\n");
	print_apply(apply, applied);
	printf("%s\n", view_not_advice);
}

int cmd_review(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"at", required_argument, NULL, 'a'},
		{"outcome", required_argument, NULL, 'o'},
		{"json", no_argument, NULL, 'j'},
		{"apply", no_argument, NULL, 'p'},
		{"product", required_argument, NULL, 'P'},
		{NULL, 0, NULL, 0},
	};
	long at_day = 0;
	const char *outcome = NULL, *product = NULL;
	int c, json = 0, rc, apply = 0;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'a':
			if ((rc = cmd_parse_long("--at", optarg, 1, 3660, &at_day)))
				return rc;
			break;
		case 'o': outcome = optarg; break;
		case 'j': json = 1; break;
		case 'p': apply = 1; break;
		case 'P': product = optarg; break;
		default: return cmd_bad_option(ctx, c, argv);
		}
	}
	if (optind < argc)
		return cmd_usage(ctx, "unexpected argument \"%s\"", argv[optind]);
	if (apply && (at_day || outcome))
		return cmd_usage(ctx, "--apply acts on today's review of the primary outcome: leave out --at and --outcome");
	if (product && !apply)
		return cmd_usage(ctx, "--product goes with --apply (the product to change to)");
	long today = mg_today();
	sqlite3 *db;
	struct profile p;
	struct mg_err e = {0};
	if ((rc = cmd_open_profile(ctx, &db, &p)))
		return rc;
	struct review r;
	json_t *result;
	if (apply) {
		struct course_view cv;
		int changed;
		char what[240];
		rc = view_review_apply(db, ctx->foods_path, &p, today, product, &cv, &r, &changed, what, sizeof(what), &e);
		if (rc < 0) {
			db_close(db);
			return cmd_fail(&e);
		}
		result = json_object();
		json_object_set_new(result, "changes", json_boolean(changed));
		if (changed) {
			const struct course_version *v = course_last(&cv.course);
			json_object_set_new(result, "event", json_string(v->event));
			json_object_set_new(result, "phase", json_string(course_phase_name(v->phase)));
			json_object_set_new(result, "daily_elemental_mg", view_num(v->daily_mg, 0));
			json_object_set_new(result, "product", json_string(v->product_name));
			json_object_set_new(result, "doses", view_course_intakes_json(v->intakes, v->n_intakes, NULL));
			json_object_set_new(result, "reason", json_string(v->reason));
			json_object_set_new(result, "rule", json_string(v->rule));
		} else {
			json_object_set_new(result, "what", json_string(what));
		}
		view_course_release(&cv);
	} else {
		/* The course's due steps are stored first, so the review sees the
		 * regimen as it is today. */
		struct course_view cv;
		if (view_course_load(db, ctx->foods_path, &p, today, 1, 0, &cv, &e) < 0) {
			db_close(db);
			return cmd_fail(&e);
		}
		view_course_release(&cv);
		rc = view_review_compute(db, ctx->foods_path, &p, today, at_day, outcome, &r, &e);
		if (rc < 0) {
			db_close(db);
			return cmd_fail(&e);
		}
		/* Only today's review of the primary outcome can be applied. */
		result = at_day || outcome ? json_null() : view_review_preview(db, ctx->foods_path, &p, today, &r);
	}
	db_close(db);
	if (json) {
		json_t *j = view_review_json(&r);
		json_object_set_new(j, apply ? "applied" : "apply", result);
		cmd_print_json(j);
	} else {
		print_review(&r, result, apply);
		json_decref(result);
	}
	review_release(&r);
	return 0;
}
