/*
 * `mgtrack intake`: average magnesium from the food log over recent days
 * against the target, and the gap; a log whose days record too little
 * energy to be whole days is said to look incomplete (core/intake.c
 * decides which days count). Also used by `mgtrack suggest` to find the
 * gap, through cmd_intake_window.
 */
#include <getopt.h>
#include <stdio.h>
#include "cmd/cmd.h"
#include "core/intake.h"
#include "core/tables.h"
#include "store/db.h"
#include "util/parse.h"
#include "util/banned.h"

int cmd_intake_window(struct cmd_ctx *ctx, long from, long to, struct profile *p,
		      struct targets *t, struct intake *in)
{
	sqlite3 *db;
	int rc;
	struct mg_err e = {0};
	if ((rc = cmd_open_profile(ctx, &db, p)))
		return rc;
	if (targets_compute(p, to, t, &e) < 0 || intake_compute(db, p, from, to, t, in, &e) < 0) {
		db_close(db);
		return cmd_fail(&e);
	}
	db_close(db);
	return 0;
}

static void print_text(const struct profile *p, const struct intake *in)
{
	char a[16], b[16];
	mg_format_date(in->from, a, sizeof(a));
	mg_format_date(in->to, b, sizeof(b));
	if (in->days == 1)
		printf("Magnesium intake for \"%s\" on %s\n\n", p->name, a);
	else if (in->days_low_energy)
		printf("Magnesium intake for \"%s\", %s to %s (%d days, %d logged, %d too low in energy to count)\n\n",
		       p->name, a, b, in->days, in->days_logged, in->days_low_energy);
	else
		printf("Magnesium intake for \"%s\", %s to %s (%d days, %d logged)\n\n", p->name, a, b, in->days,
		       in->days_logged);
	printf("  %-30s %5.0f mg%s\n", in->days == 1 ? "food" : "food (per logged day)", in->food_mg,
	       in->food_known ? "" : in->days_low_energy ? "   (unknown: the log looks incomplete)"
							 : "   (unknown: too few days logged)");
	printf("  %-30s %5.0f mg\n", "supplements", in->supplement_mg);
	printf("  %-30s %5.0f mg\n", "total", in->total_mg);
	printf("  %-30s %5.0f mg\n", "target", in->target_mg);
	if (in->gap_mg > 0)
		printf("  %-30s %5.0f mg   ('mgtrack suggest' lists foods that close it)\n", "gap", in->gap_mg);
	else
		printf("  %-30s %5s      the target is met\n", "gap", "0");
	char cov[96];
	intake_coverage_text(in, cov, sizeof(cov));
	if (*cov)
		printf("  %-30s %s\n", "coverage", cov);
	/* The notes say why the figures are what they are: days too low in
	 * energy to count, days that carry no energy to check. */
	struct notes ns;
	notes_init(&ns);
	intake_note_incomplete(in, &ns);
	intake_note_unchecked(in, &ns);
	intake_note_no_mg(in, &ns);
	if (ns.n)
		printf("\n");
	for (size_t i = 0; i < ns.n; i++)
		printf("  - %s [%s]\n", ns.v[i].text, ns.v[i].rule);
	notes_release(&ns);
	if (!in->food_known && in->days > 1) {
		double need = tables_threshold(in->food_rule, NULL);
		printf("\n  Log food on at least %.0f %sdays to know your usual intake [%s].\n", need,
		       in->days_low_energy ? "whole " : "", in->food_rule);
	}
	if (in->n_top) {
		printf("\nTop foods%s:\n", in->days == 1 ? "" : " (per logged day)");
		for (size_t i = 0; i < in->n_top; i++)
			printf("  %5.0f mg  %s\n", in->top[i].mg, in->top[i].name);
	}
	printf("\n%s\n", view_not_advice);
}

int cmd_intake(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"date", required_argument, NULL, 'd'},
		{"days", required_argument, NULL, 'n'},
		{"json", no_argument, NULL, 'j'},
		{NULL, 0, NULL, 0},
	};
	long today = mg_today(), date = -1, days = (long)tables_threshold("intake-default-days", NULL);
	int c, json = 0, rc, has_days = 0;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			if ((rc = cmd_parse_date("--date", optarg, &date)))
				return rc;
			break;
		case 'n':
			if ((rc = cmd_parse_long("--days", optarg, 1, 3660, &days)))
				return rc;
			has_days = 1;
			break;
		case 'j': json = 1; break;
		default: return cmd_bad_option(ctx, c, argv);
		}
	}
	if (optind < argc)
		return cmd_usage(ctx, "unexpected argument \"%s\"", argv[optind]);
	if (date >= 0 && has_days)
		return cmd_usage(ctx, "--date and --days do not go together");
	long from = date >= 0 ? date : today - days + 1, to = date >= 0 ? date : today;
	struct profile p;
	struct targets t;
	struct intake in;
	if ((rc = cmd_intake_window(ctx, from, to, &p, &t, &in)))
		return rc;
	if (json)
		cmd_print_json(view_intake_json(&p, &in));
	else
		print_text(&p, &in);
	intake_release(&in);
	return 0;
}
