/*
 * `mgtrack targets`: the profile's daily target and the supplemental upper
 * limit, with the rule rows behind them.
 */
#include <getopt.h>
#include <stdio.h>
#include "cmd/cmd.h"
#include "core/targets.h"
#include "store/db.h"
#include "util/parse.h"
#include "util/banned.h"

int cmd_targets(int argc, char **argv, struct cmd_ctx *ctx)
{
	int json = 0, rc;
	struct profile p;
	if ((rc = cmd_parse_json_flag(ctx, argc, argv, &json)))
		return rc;
	if (optind < argc)
		return cmd_usage(ctx, "unexpected argument \"%s\"", argv[optind]);
	if ((rc = cmd_read_profile(ctx, &p)))
		return rc;
	struct targets t;
	struct mg_err e = {0};
	if (targets_compute(&p, mg_today(), &t, &e) < 0)
		return cmd_fail(&e);
	if (json) {
		cmd_print_json(view_targets_json(&p, &t));
		return 0;
	}
	printf("Magnesium targets for \"%s\"\n\n", p.name);
	printf("  %-22s %4.0f mg/day   [%s]\n", t.rda_kind[0] == 'A' ? "adequate intake" : "RDA", t.rda_mg, t.rda.id);
	printf("  %-22s %4.0f mg/day   [%s: x%.2f]\n", "target (food first)", t.target_mg, t.training.id,
	       t.training_factor);
	if (t.ul_set)
		printf("  %-22s %4.0f mg/day   [%s]\n", "supplement upper limit", t.supplement_ul_mg, t.ul.id);
	else
		printf("  %-22s %s   [%s]\n", "supplement upper limit", "none set: no supplements", t.ul.id);
	printf("\n  %s.\n", t.basis);
	printf("  The upper limit counts supplements only; food and water never count toward it.\n");
	printf("\nSources:\n  [%s] %s\n  [%s] %s\n  [%s] %s\n", t.rda.id, t.rda.source, t.training.id,
	       t.training.source, t.ul.id, t.ul.source);
	printf("\n%s\n", view_not_advice);
	return 0;
}
