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

static json_t *rule_json(const struct rule_ref *r)
{
	json_t *j = json_object();
	json_object_set_new(j, "id", json_string(r->id));
	json_object_set_new(j, "source", json_string(r->source));
	return j;
}

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
		json_t *j = json_object();
		json_object_set_new(j, "profile", json_string(p.name));
		json_object_set_new(j, "rda_mg", cmd_json_num(t.rda_mg, 0));
		json_object_set_new(j, "rda_kind", json_string(t.rda_kind));
		json_object_set_new(j, "training_factor", cmd_json_num(t.training_factor, 2));
		json_object_set_new(j, "target_mg", cmd_json_num(t.target_mg, 0));
		json_object_set_new(j, "supplement_ul_mg", t.ul_set ? cmd_json_num(t.supplement_ul_mg, 0) : json_null());
		json_object_set_new(j, "basis", json_string(t.basis));
		json_t *rules = json_array();
		json_array_append_new(rules, rule_json(&t.rda));
		json_array_append_new(rules, rule_json(&t.training));
		json_array_append_new(rules, rule_json(&t.ul));
		json_object_set_new(j, "rules", rules);
		json_object_set_new(j, "disclaimer", json_string(cmd_not_advice));
		cmd_print_json(j);
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
	printf("\n%s\n", cmd_not_advice);
	return 0;
}
