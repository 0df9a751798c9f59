/*
 * `mgtrack product add|set|list|show|check`: supplement products as their
 * labels state them, whether the person takes one regularly and whether
 * its tablet is scored, so the plan may use halves (set). check judges a
 * label (core/product.c) against the profile's upper limit and planned
 * dose.
 */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmd/cmd.h"
#include "core/product.h"
#include "store/db.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

enum { O_NAME = 256, O_FORM, O_HYDRATE, O_COMPOUND, O_ELEMENTAL, O_UNITS, O_THIRD, O_BLEND, O_JSON, O_TAKING, O_NOT_TAKING,
       O_DIVISIBLE, O_NOT_DIVISIBLE };

/* --taking[=SERVINGS]: servings a day taken regularly (default 1). */
static int parse_taking(const char *arg, double *out)
{
	*out = 1;
	if (arg && mg_parse_double(arg, 0.25, 20, out) < 0) {
		cmd_say("--taking \"%s\" must be servings a day from 0.25 to 20\n", arg);
		return MG_EDATA;
	}
	return 0;
}

static int parse_mg(const char *flag, const char *s, double *out)
{
	if (mg_parse_double(s, 0, 1e9, out) < 0) {
		cmd_say("%s \"%s\" is not a number of mg\n", flag, s);
		return MG_EDATA;
	}
	return 0;
}

static void print_product(const struct product *p, const struct product_mg *mg)
{
	printf("%s (id %ld)\n", p->name, p->id);
	printf("  form        %s, %s\n", p->form, p->hydrate[0] ? p->hydrate : "hydrate not stated");
	if (!isnan(mg->form.pct_mg))
		printf("  Mg share    %.1f %% [%s]\n", mg->form.pct_mg, mg->form.id);
	printf("  serving     %d unit%s, %.0f mg elemental magnesium%s (%.1f mg per unit)\n",
	       p->units_per_serving, p->units_per_serving == 1 ? "" : "s", mg->per_serving,
	       mg->estimated ? " (estimated)" : "", mg->per_unit);
	if (!isnan(p->compound_mg))
		printf("  compound    %.0f mg per serving\n", p->compound_mg);
	printf("  tested      %s\n", p->third_party ? "third-party tested" : "not stated");
	if (p->proprietary_blend)
		printf("  blend       proprietary blend\n");
	if (p->taking_servings > 0)
		printf("  taking      %g serving%s a day, %.0f mg: counted against the upper limit for supplements\n",
		       p->taking_servings, p->taking_servings == 1 ? "" : "s", p->taking_servings * mg->per_serving);
	if (p->divisible)
		printf("  divisible   yes: a scored tablet, so the plan may use half tablets (%.1f mg each)\n", mg->per_unit / 2);
	else
		printf("  divisible   no: whole units only\n");
}

static int add(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"name", required_argument, NULL, O_NAME},
		{"form", required_argument, NULL, O_FORM},
		{"hydrate", required_argument, NULL, O_HYDRATE},
		{"compound-mg", required_argument, NULL, O_COMPOUND},
		{"elemental-mg", required_argument, NULL, O_ELEMENTAL},
		{"per-serving-units", required_argument, NULL, O_UNITS},
		{"third-party", no_argument, NULL, O_THIRD},
		{"proprietary-blend", no_argument, NULL, O_BLEND},
		{"taking", optional_argument, NULL, O_TAKING},
		{"divisible", no_argument, NULL, O_DIVISIBLE},
		{"json", no_argument, NULL, O_JSON},
		{NULL, 0, NULL, 0},
	};
	struct product p;
	product_init(&p);
	int c, rc, json = 0;
	long units;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case O_NAME:
			if (!*optarg || strlen(optarg) >= sizeof(p.name))
				return cmd_usage(ctx, "--name \"%s\" must be 1 to %zu characters", optarg, sizeof(p.name) - 1);
			mg_strlcpy(p.name, optarg, sizeof(p.name));
			break;
		case O_FORM: mg_strlcpy(p.form, optarg, sizeof(p.form)); break;
		case O_HYDRATE: mg_strlcpy(p.hydrate, optarg, sizeof(p.hydrate)); break;
		case O_COMPOUND:
			if ((rc = parse_mg("--compound-mg", optarg, &p.compound_mg)))
				return rc;
			break;
		case O_ELEMENTAL:
			if ((rc = parse_mg("--elemental-mg", optarg, &p.elemental_mg)))
				return rc;
			break;
		case O_UNITS:
			if ((rc = cmd_parse_long("--per-serving-units", optarg, 1, 20, &units)))
				return rc;
			p.units_per_serving = (int)units;
			break;
		case O_THIRD: p.third_party = 1; break;
		case O_BLEND: p.proprietary_blend = 1; break;
		case O_TAKING:
			if ((rc = parse_taking(optarg, &p.taking_servings)))
				return rc;
			break;
		case O_DIVISIBLE: p.divisible = 1; break;
		case O_JSON: json = 1; break;
		default: return cmd_bad_option(ctx, c, argv);
		}
	}
	if (optind < argc)
		return cmd_usage(ctx, "unexpected argument \"%s\"", argv[optind]);
	if (!p.name[0] || !p.form[0])
		return cmd_usage(ctx, "product add needs --name and --form");
	struct mg_err e = {0};
	struct product_mg mg;
	sqlite3 *db;
	if ((rc = cmd_open_journal(ctx, &db)))
		return rc;
	if (view_product_add(db, &p, &mg, &e) < 0) {
		db_close(db);
		return cmd_fail(&e);
	}
	db_close(db);
	if (json)
		cmd_print_json(view_product_json(&p, &mg));
	else
		print_product(&p, &mg);
	return 0;
}

static int get(struct cmd_ctx *ctx, const char *key, struct product *p, struct product_mg *mg)
{
	sqlite3 *db;
	int rc;
	struct mg_err e = {0};
	if ((rc = cmd_open_existing(ctx, &db)))
		return rc;
	int found = journal_product_get(db, key, p, &e);
	db_close(db);
	if (found < 0)
		return cmd_fail(&e);
	if (!found) {
		cmd_say("no product \"%s\" (see 'mgtrack product list')\n", key);
		return MG_ENOINPUT;
	}
	if (product_magnesium(p, mg, &e) < 0)
		return cmd_fail(&e);
	return 0;
}

struct list_ctx {
	json_t *a;
};

static int on_product(const struct product *p, void *vctx)
{
	struct list_ctx *lc = vctx;
	struct product_mg mg;
	struct mg_err e = {0};
	if (product_magnesium(p, &mg, &e) < 0)
		return 0;   /* validated on the way in; a table change can only drop a form */
	if (lc->a)
		json_array_append_new(lc->a, view_product_json(p, &mg));
	else
		printf("%4ld  %-32.32s %-16s %6.0f mg/serving%s%s\n", p->id, p->name, p->form, mg.per_serving,
		       mg.estimated ? " (estimated)" : "", p->divisible ? " (divisible)" : "");
	return 0;
}

static int list(int argc, char **argv, struct cmd_ctx *ctx)
{
	int json = 0, rc;
	if ((rc = cmd_parse_json_flag(ctx, argc, argv, &json)))
		return rc;
	if (optind < argc)
		return cmd_usage(ctx, "unexpected argument \"%s\"", argv[optind]);
	sqlite3 *db;
	if ((rc = cmd_open_existing(ctx, &db)))
		return rc;
	struct list_ctx lc = {json ? json_array() : NULL};
	struct mg_err e = {0};
	rc = journal_product_list(db, on_product, &lc, &e);
	db_close(db);
	if (rc < 0) {
		json_decref(lc.a);
		return cmd_fail(&e);
	}
	if (lc.a)
		cmd_print_json(lc.a);
	return 0;
}

static int profile_exists(struct cmd_ctx *ctx)
{
	sqlite3 *db;
	struct profile p;
	struct mg_err e = {0};
	if (journal_open(ctx->journal_path, &db, &e) < 0)
		return 0;
	int ok = journal_profile_get(db, ctx->profile, &p, &e) == 0;
	db_close(db);
	return ok;
}

static int show_or_check(int argc, char **argv, struct cmd_ctx *ctx, int check)
{
	int json = 0, rc;
	if ((rc = cmd_parse_json_flag(ctx, argc, argv, &json)))
		return rc;
	if (optind != argc - 1)
		return cmd_usage(ctx, "product %s needs one product name or id", check ? "check" : "show");
	struct product p;
	struct product_mg mg;
	if ((rc = get(ctx, argv[optind], &p, &mg)))
		return rc;
	if (!check) {
		if (json)
			cmd_print_json(view_product_json(&p, &mg));
		else
			print_product(&p, &mg);
		return 0;
	}
	/* The checks that need a person (upper limit, planned dose) use the
	 * profile's plan; without a profile they are skipped and said so. */
	struct plan_build b;
	double ul = 0, planned = 0;
	int have_plan = profile_exists(ctx) && cmd_plan_build(ctx, mg_today(), 1, &b) == 0;
	/* Why the plan does not use this product (too strong for it, oxide,
	 * taken regularly), as the plan's own explanation says it. */
	char unused[512] = "";
	const char *unused_source = NULL;
	if (have_plan) {
		ul = b.plan.targets.ul_set ? b.plan.targets.supplement_ul_mg : 0;
		planned = b.plan.daily_mg;
		char key[160];
		snprintf(key, sizeof(key), "product \"%s\" not used: ", p.name);
		for (size_t i = 0; i < b.plan.explain.n; i++) {
			const struct note *n = &b.plan.explain.v[i];
			if (strcmp(n->rule, "plan-product-skipped") == 0 && strncmp(n->text, key, strlen(key)) == 0) {
				snprintf(unused, sizeof(unused), "not used by your plan: %s", n->text + strlen(key));
				unused_source = n->source;   /* owned by the tables, not the plan */
			}
		}
		view_plan_release(&b);
	}
	struct notes ns;
	notes_init(&ns);
	product_check(&p, &mg, ul, planned, &ns);
	if (unused[0])
		notes_add(&ns, "plan-product-skipped", unused_source, "%s", unused);
	if (json) {
		json_t *j = view_product_json(&p, &mg);
		json_t *w = json_array();
		for (size_t i = 0; i < ns.n; i++) {
			json_t *o = json_object();
			json_object_set_new(o, "rule", json_string(ns.v[i].rule));
			json_object_set_new(o, "source", json_string(ns.v[i].source));
			json_object_set_new(o, "text", json_string(ns.v[i].text));
			json_array_append_new(w, o);
		}
		json_object_set_new(j, "warnings", w);
		json_object_set_new(j, "supplement_ul_mg", ul > 0 ? view_num(ul, 0) : json_null());
		json_object_set_new(j, "planned_daily_mg", planned > 0 ? view_num(planned, 0) : json_null());
		json_object_set_new(j, "disclaimer", json_string(view_not_advice));
		cmd_print_json(j);
	} else {
		print_product(&p, &mg);
		if (!have_plan)
			printf("(no profile: the upper-limit and dose checks are skipped)\n");
		printf(ns.n ? "\nWarnings:\n" : "\nNo warnings.\n");
		for (size_t i = 0; i < ns.n; i++)
			printf("  - %s [%s]\n", ns.v[i].text, ns.v[i].rule);
		printf("%s\n", view_not_advice);
	}
	notes_release(&ns);
	return 0;
}

/* `product set NAME|ID [--taking[=N] | --not-taking] [--divisible |
 * --not-divisible]`: whether the person takes the product regularly (it
 * then counts against the upper limit every day, without a dose logged),
 * and whether its tablet is scored (the plan may then use half tablets). */
static int set(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"taking", optional_argument, NULL, O_TAKING},
		{"not-taking", no_argument, NULL, O_NOT_TAKING},
		{"divisible", no_argument, NULL, O_DIVISIBLE},
		{"not-divisible", no_argument, NULL, O_NOT_DIVISIBLE},
		{"json", no_argument, NULL, O_JSON},
		{NULL, 0, NULL, 0},
	};
	int c, rc, json = 0, given = 0, div_given = 0, divisible = 0;
	double servings = 0;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case O_TAKING:
			if ((rc = parse_taking(optarg, &servings)))
				return rc;
			given++;
			break;
		case O_NOT_TAKING: servings = 0; given++; break;
		case O_DIVISIBLE: divisible = 1; div_given++; break;
		case O_NOT_DIVISIBLE: divisible = 0; div_given++; break;
		case O_JSON: json = 1; break;
		default: return cmd_bad_option(ctx, c, argv);
		}
	}
	if (argc - optind != 1)
		return cmd_usage(ctx, "product set needs one product name or id");
	if (given > 1)
		return cmd_usage(ctx, "product set takes one of --taking[=SERVINGS] and --not-taking");
	if (div_given > 1)
		return cmd_usage(ctx, "product set takes one of --divisible and --not-divisible");
	if (!given && !div_given)
		return cmd_usage(ctx, "product set needs --taking[=SERVINGS], --not-taking, --divisible or --not-divisible");
	const char *key = argv[optind];
	sqlite3 *db;
	struct mg_err e = {0};
	struct product p;
	struct product_mg mg;
	if ((rc = cmd_open_journal(ctx, &db)))
		return rc;
	int found = -1;
	/* Marked or unmarked, it changes the room under the upper limit: the
	 * profile's course takes it into account in the same transaction, with
	 * the profile read inside it, so a `profile set` a moment before is
	 * never undone by a course computed from the profile as it was. */
	struct profile prof;
	struct mg_err pe = {0};
	int has_profile = 0;
	if (db_begin(db, &e) == 0 && ((has_profile = journal_profile_get(db, ctx->profile, &prof, &pe) == 0), 1) &&
	    (found = journal_product_get(db, key, &p, &e)) > 0 &&
	    (!given || journal_product_set_taking(db, p.id, servings, &e) == 0) &&
	    (!div_given || journal_product_set_divisible(db, p.id, divisible, &e) == 0) &&
	    (!has_profile || view_course_touch(db, &prof, mg_today(), &e) == 0) && db_commit(db, &e) == 0) {
		db_close(db);
		if (given)
			p.taking_servings = servings;
		if (div_given)
			p.divisible = divisible;
		if (product_magnesium(&p, &mg, &e) < 0)
			return cmd_fail(&e);
		if (json)
			cmd_print_json(view_product_json(&p, &mg));
		else
			print_product(&p, &mg);
		return 0;
	}
	db_rollback(db);
	db_close(db);
	if (found == 0) {
		cmd_say("no product \"%s\" (see 'mgtrack product list')\n", key);
		return MG_ENOINPUT;
	}
	return cmd_fail(&e);
}

int cmd_product(int argc, char **argv, struct cmd_ctx *ctx)
{
	if (argc < 2)
		return cmd_usage(ctx, "product needs add, set, list, show or check");
	const char *sub = argv[1];
	if (strcmp(sub, "add") == 0)
		return add(argc - 1, argv + 1, ctx);
	if (strcmp(sub, "list") == 0)
		return list(argc - 1, argv + 1, ctx);
	if (strcmp(sub, "set") == 0)
		return set(argc - 1, argv + 1, ctx);
	if (strcmp(sub, "show") == 0)
		return show_or_check(argc - 1, argv + 1, ctx, 0);
	if (strcmp(sub, "check") == 0)
		return show_or_check(argc - 1, argv + 1, ctx, 1);
	return cmd_usage(ctx, "unknown product subcommand \"%s\"", sub);
}
