/*
 * `mgtrack suggest`: everyday foods that close the gap between the target
 * and the food log's recent average, one usual serving of each
 * (core/suggest.c ranks them).
 */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmd/cmd.h"
#include "core/intake.h"
#include "core/suggest.h"
#include "core/tables.h"
#include "store/db.h"
#include "store/foods.h"
#include "util/parse.h"
#include "util/banned.h"

/* The rows of the profile's food rules that changed what is shown, as a
 * JSON array of {rule, note, source}. */
static json_t *rules_json(const struct diet_rules *d)
{
	json_t *a = json_array();
	for (size_t i = 0; i < d->n_applied; i++) {
		json_t *o = json_object();
		json_object_set_new(o, "rule", json_string(d->applied[i]));
		json_object_set_new(o, "note", json_string(diet_rule_note(d->applied[i])));
		json_object_set_new(o, "source", json_string(diet_rule_source(d->applied[i])));
		json_array_append_new(a, o);
	}
	return a;
}

static void print_json(const struct intake *in, double gap, const char *by, const struct diet_rules *d,
		       const struct suggestion *s, size_t n)
{
	json_t *j = json_object();
	json_object_set_new(j, "target_mg", view_num(in->target_mg, 0));
	json_object_set_new(j, "food_mg", view_num(in->food_mg, 1));
	json_object_set_new(j, "days_logged", json_integer(in->days_logged));
	json_object_set_new(j, "food_known", json_boolean(in->food_known));
	json_object_set_new(j, "gap_mg", view_num(gap, 1));
	json_object_set_new(j, "by", json_string(by));
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_object();
		json_object_set_new(o, "food_id", json_integer(s[i].food_id));
		json_object_set_new(o, "name", json_string(s[i].name));
		json_object_set_new(o, "usda_name", json_string(s[i].usda_name));
		json_object_set_new(o, "staple", json_boolean(s[i].kind != NULL));
		json_object_set_new(o, "kind", s[i].kind ? json_string(s[i].kind) : json_null());
		json_object_set_new(o, "logged", json_boolean(s[i].logged));
		json_object_set_new(o, "serving", json_string(s[i].serving));
		json_object_set_new(o, "serving_g", view_num(s[i].serving_g, 1));
		json_object_set_new(o, "mg_per_serving", view_num(s[i].mg_per_serving, 1));
		json_object_set_new(o, "mg_per_100kcal", view_num(s[i].mg_per_100kcal, 1));
		json_object_set_new(o, "mg_per_100g", view_num(s[i].mg_per_100g, 1));
		json_object_set_new(o, "portion", json_string(s[i].portion));
		json_object_set_new(o, "portion_g", view_num(s[i].portion_g, 1));
		json_object_set_new(o, "portion_mg", view_num(s[i].portion_mg, 1));
		json_object_set_new(o, "adds_mg", view_num(s[i].adds_mg, 1));
		json_object_set_new(o, "regular", json_boolean(s[i].regular));
		json_object_set_new(o, "usual_g", s[i].regular ? view_num(s[i].usual_g, 0) : json_null());
		json_object_set_new(o, "gap_share", view_num(s[i].gap_share, 2));
		json_object_set_new(o, "rule", json_string(s[i].rule));
		json_object_set_new(o, "note", s[i].note ? json_string(diet_rule_note(s[i].note)) : json_null());
		json_object_set_new(o, "note_rule", s[i].note ? json_string(s[i].note) : json_null());
		json_array_append_new(a, o);
	}
	json_object_set_new(j, "suggestions", a);
	json_object_set_new(j, "no_food", d->no_food ? json_string(d->no_food) : json_null());
	json_object_set_new(j, "portion_share", view_num(d->portion_factor, 2));
	json_object_set_new(j, "portion_rule", d->portion_rule ? json_string(d->portion_rule) : json_null());
	json_object_set_new(j, "food_rules", rules_json(d));
	json_object_set_new(j, "disclaimer", json_string(view_not_advice));
	cmd_print_json(j);
}

static void print_text(const struct intake *in, double gap, const char *by, const struct diet_rules *d,
		       const struct suggestion *s, size_t n)
{
	/* No food push at all: say why and who manages food instead. */
	if (d->no_food) {
		printf("No foods are suggested: %s (%s).\n%s\n", diet_rule_note(d->no_food), d->no_food,
		       view_not_advice);
		return;
	}
	if (gap > 0)
		printf("Foods to close a gap of %.0f mg/day (target %.0f mg; food %.0f mg per logged day over %d days)\n",
		       gap, in->target_mg, in->food_mg, in->days_logged);
	else
		printf("Your food log already meets the target of %.0f mg/day: no gap to close.\n"
		       "These foods keep it there, one serving each:\n", in->target_mg);
	if (!in->food_known)
		printf("Too few days are logged to know your usual intake: log food for a few days and ask again.\n");
	printf("Your own foods first (a bigger portion of what you eat most days), then everyday foods,\n"
	       "one of each kind in turn, each kind's richest per %s first.\n\n",
	       strcmp(by, "kcal") == 0 ? "100 kcal" : "usual serving");
	printf("%3s  %6s  %-36s  %-24s %6s %10s%s\n", "#", "id", "food", d->portion_rule ? "child's portion" : "usual serving", "Mg mg", "mg/100kcal",
	       gap > 0 ? "  of the gap" : "");
	for (size_t i = 0; i < n; i++) {
		char kcal[16] = "-";
		if (!isnan(s[i].mg_per_100kcal))
			snprintf(kcal, sizeof(kcal), "%.0f", s[i].mg_per_100kcal);
		printf("%3zu  %6ld  %-36.36s  %-24.24s %6.0f %10s", i + 1, s[i].food_id, s[i].name, s[i].portion,
		       s[i].portion_mg, kcal);
		if (gap > 0)
			printf("  %5.0f %%", 100 * s[i].gap_share);
		printf("\n");
		char own[256];
		suggest_own_text(&s[i], own, sizeof(own));
		if (*own)
			printf("%3s  %6s  %s\n", "", "", own);
		if (s[i].note)
			printf("%3s  %6s  note: %s\n", "", "", diet_rule_note(s[i].note));
	}
	/* The rows that left foods out, so a missing food has a reason. */
	for (size_t i = 0; i < d->n_applied; i++) {
		const char *note = diet_rule_note(d->applied[i]);
		printf("%s%s (%s)\n", i ? "" : "\n", *note ? note : "left out for your diet or allergies",
		       d->applied[i]);
	}
	char child[128];
	diet_portion_text(d, child, sizeof(child));
	if (*child)
		printf("\nPortions are %s (%s): two or three of these foods a day close a larger gap.\n", child,
		       d->portion_rule);
	else
		printf("\nEach portion is one usual serving: two or three of these foods a day close a larger gap.\n");
	printf("Food first: the magnesium in food does not count toward the supplement upper limit.\n");
	if (n)
		printf("Log one with 'mgtrack eat ID AMOUNT MEASURE', e.g. 'mgtrack eat %ld %.0f g'.\n", s[0].food_id,
		       s[0].portion_g);
	printf("%s\n", view_not_advice);
}

int cmd_suggest(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"days", required_argument, NULL, 'n'},
		{"by", required_argument, NULL, 'b'},
		{"limit", required_argument, NULL, 'l'},
		{"json", no_argument, NULL, 'j'},
		{NULL, 0, NULL, 0},
	};
	long today = mg_today(), days = (long)tables_threshold("intake-default-days", NULL), limit = 10;
	const char *by = "serving";
	int c, json = 0, rc;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'n':
			if ((rc = cmd_parse_long("--days", optarg, 1, 3660, &days)))
				return rc;
			break;
		case 'l':
			if ((rc = cmd_parse_long("--limit", optarg, 1, 100, &limit)))
				return rc;
			break;
		case 'b':
			if (strcmp(optarg, "serving") && strcmp(optarg, "kcal"))
				return cmd_usage(ctx, "--by \"%s\" must be serving or kcal", optarg);
			by = optarg;
			break;
		case 'j': json = 1; break;
		default: return cmd_bad_option(ctx, c, argv);
		}
	}
	if (optind < argc)
		return cmd_usage(ctx, "unexpected argument \"%s\"", argv[optind]);
	struct profile p;
	struct targets t;
	struct intake in;
	if ((rc = cmd_intake_window(ctx, today - days + 1, today, &p, &t, &in)))
		return rc;
	struct mg_err e = {0};
	sqlite3 *foods;
	if (foods_open(ctx->foods_path, &foods, &e) < 0) {
		intake_release(&in);
		return cmd_fail(&e);
	}
	struct suggestion *s = NULL;
	size_t n = 0;
	double gap = in.gap_mg;
	/* The person's own foods are never excluded from their suggestions. */
	sqlite3 *db;
	struct logged_food *logged = NULL;
	size_t n_logged = 0;
	int days_with_food = 0;
	if ((rc = cmd_open_journal(ctx, &db))) {
		db_close(foods);
		intake_release(&in);
		return rc;
	}
	rc = suggest_logged_foods(db, p.id, today, &logged, &n_logged, &days_with_food, &e);
	db_close(db);
	struct diet_rules diet;
	diet_rules_for(&p, today, &diet);
	struct suggest_opts so = {
		.order = strcmp(by, "kcal") == 0 ? SUGGEST_BY_KCAL : SUGGEST_BY_SERVING,
		.limit = (size_t)limit, .logged = logged, .n_logged = n_logged, .days_with_food = days_with_food,
		.diet = &diet,
	};
	if (rc == 0)
		rc = suggest_foods(foods, gap, &so, &s, &n, &e);
	free(logged);
	db_close(foods);
	if (rc < 0) {
		intake_release(&in);
		return cmd_fail(&e);
	}
	if (json)
		print_json(&in, gap, by, &diet, s, n);
	else
		print_text(&in, gap, by, &diet, s, n);
	free(s);
	intake_release(&in);
	return 0;
}
