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
	printf("%s\n", view_not_advice);
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
	struct review r;
	rc = view_review_compute(db, ctx->foods_path, &p, today, at_day, outcome, &r, &e);
	db_close(db);
	if (rc < 0)
		return cmd_fail(&e);
	if (json) {
		cmd_print_json(view_review_json(&r));
	} else {
		print_review(&r);
	}
	review_release(&r);
	return 0;
}
