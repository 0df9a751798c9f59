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
	json_object_set_new(j, "baseline_mean", cmd_json_num(o->baseline_mean, 2));
	json_object_set_new(j, "on_mean", cmd_json_num(o->on_mean, 2));
	json_object_set_new(j, "effect", cmd_json_num(o->effect, 2));
	json_t *ci = json_array();
	json_array_append_new(ci, cmd_json_num(o->lo, 2));
	json_array_append_new(ci, cmd_json_num(o->hi, 2));
	json_object_set_new(j, "ci95", ci);
	json_object_set_new(j, "p_benefit", cmd_json_num(o->p_benefit, 3));
	json_object_set_new(j, "p_harm", cmd_json_num(o->p_harm, 3));
	json_object_set_new(j, "mid", cmd_json_num(o->mid, 2));
	json_object_set_new(j, "better", json_string(o->better));
	json_object_set_new(j, "nights_baseline", json_integer(o->n_base));
	json_object_set_new(j, "nights_on", json_integer(o->n_on));
	json_object_set_new(j, "rhat", cmd_json_num(o->rhat, 3));
	json_object_set_new(j, "rule", json_string(o->rule));
	return j;
}

static void print_review(const struct review *r)
{
	const struct review_outcome *p = &r->outcomes[r->primary];
	printf("Review at day %d: %s\n", r->checkpoint_day, r->decision);
	printf("Primary outcome %s (%s is better); baseline %d nights, on magnesium %d nights", p->name, p->better,
	       r->nights_baseline, r->nights_on);
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
	printf("%s\n", cmd_not_advice);
}

int cmd_review(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"at", required_argument, NULL, 'a'},
		{"outcome", required_argument, NULL, 'o'},
		{"json", no_argument, NULL, 'j'},
		{NULL, 0, NULL, 0},
	};
	long at_day = 0;
	const char *outcome = NULL;
	int c, json = 0, rc;
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
		default: return cmd_bad_option(ctx, c, argv);
		}
	}
	if (optind < argc)
		return cmd_usage(ctx, "unexpected argument \"%s\"", argv[optind]);
	long today = mg_today();
	sqlite3 *db;
	struct profile p;
	struct mg_err e = {0};
	if ((rc = cmd_open_profile(ctx, &db, &p)))
		return rc;
	struct dose_days dd = {.first = MG_NO_DATE};
	if (journal_dose_list(db, p.id, 0, today, on_dose, &dd, &e) < 0) {
		db_close(db);
		return cmd_fail(&e);
	}
	long at = today;
	if (dd.first != MG_NO_DATE && at_day) {
		at = dd.first + at_day - 1;
		if (at > today) {
			db_close(db);
			fprintf(stderr, "mgtrack: --at \"%ld\" is after today (day %ld of dosing)\n", at_day,
				today - dd.first + 1);
			return MG_EDATA;
		}
	}
	struct night *nights = NULL;
	size_t n_nights = 0;
	int *planned = NULL;
	if (dd.first != MG_NO_DATE) {
		dd.from = dd.first;
		dd.n = (size_t)(at - dd.first + 1);
		dd.taken = mg_calloc(dd.n, sizeof(int));
		planned = mg_calloc(dd.n, sizeof(int));
		if (journal_dose_list(db, p.id, dd.first, at, on_dose, &dd, &e) < 0 ||
		    cmd_night_view(db, p.id, 0, at, &nights, &n_nights, &e) < 0) {
			db_close(db);
			free(dd.taken);
			free(planned);
			return cmd_fail(&e);
		}
	}
	db_close(db);
	struct plan_build b;
	int have_plan = dd.first != MG_NO_DATE && cmd_plan_build(ctx, dd.first, 1, &b) == 0;
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
		cmd_plan_release(&b);
	}
	struct review_input in = {
		.profile = &p, .first_dose = dd.first, .at = at, .nights = nights, .n_nights = n_nights,
		.planned = have_plan ? planned : NULL, .taken = dd.taken, .split = split, .form = form,
		.outcome = outcome, .seed = 1,
	};
	struct review r;
	rc = review_compute(&in, &r, &e);
	free(nights);
	free(dd.taken);
	free(planned);
	if (rc < 0) {
		review_release(&r);
		return cmd_fail(&e);
	}
	if (json) {
		json_t *j = json_object();
		json_object_set_new(j, "decision", json_string(r.decision));
		json_object_set_new(j, "checkpoint_day", json_integer(r.checkpoint_day));
		json_object_set_new(j, "adherence", cmd_json_num(r.adherence, 3));
		json_object_set_new(j, "nights_baseline", json_integer(r.nights_baseline));
		json_object_set_new(j, "nights_on", json_integer(r.nights_on));
		json_object_set_new(j, "primary", json_string(r.outcomes[r.primary].name));
		json_t *a = json_array();
		for (size_t i = 0; i < r.n_outcomes; i++)
			json_array_append_new(a, outcome_json(&r.outcomes[i]));
		json_object_set_new(j, "outcomes", a);
		a = json_array();
		for (size_t i = 0; i < r.reasons.n; i++) {
			json_t *o = json_object();
			json_object_set_new(o, "rule", json_string(r.reasons.v[i].rule));
			json_object_set_new(o, "text", json_string(r.reasons.v[i].text));
			json_array_append_new(a, o);
		}
		json_object_set_new(j, "reasons", a);
		json_object_set_new(j, "disclaimer", json_string(cmd_not_advice));
		cmd_print_json(j);
	} else {
		print_review(&r);
	}
	review_release(&r);
	return 0;
}
