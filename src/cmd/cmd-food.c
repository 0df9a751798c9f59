/*
 * `mgtrack food import|search|show|add`: the food database and custom
 * foods. Import shows progress on a terminal; search and show print
 * magnesium per 100 g and per household measure.
 */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "cmd/cmd.h"
#include "core/foodimport.h"
#include "core/diet.h"
#include "core/search.h"
#include "store/db.h"
#include "store/foods.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

static void progress(size_t done, void *ctx)
{
	fprintf(stderr, "\rimporting foods: %zu", done);
}

static int food_import(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"sr24", required_argument, NULL, 's'},
		{"fdc", required_argument, NULL, 'f'},
		{NULL, 0, NULL, 0},
	};
	const char *sr24 = NULL, *fdc = NULL;
	int c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 's')
			sr24 = optarg;
		else if (c == 'f')
			fdc = optarg;
		else
			return cmd_bad_option(ctx, c, argv);
	}
	if (optind < argc)
		return cmd_usage(ctx, "unexpected argument \"%s\"", argv[optind]);
	if (!sr24 == !fdc)
		return cmd_usage(ctx, "food import needs exactly one of --sr24 PATH or --fdc DIR");
	int bad = cmd_check_path(sr24 ? "--sr24" : "--fdc", sr24 ? sr24 : fdc);
	if (bad)
		return bad;
	struct food_import_result r;
	struct mg_err e = {0};
	int tty = isatty(STDERR_FILENO);
	/* Into the user's own file, never the installed read-only one. */
	/* The foods of the other source come from the database in use: on an
	 * installed mgtrack the first --fdc import keeps the installed SR24. */
	const char *keep = ctx->foods_path;
	int rc = sr24 ? food_import_sr24(ctx->foods_import_path, keep, sr24, tty ? progress : NULL, NULL, &r, &e)
		      : food_import_fdc(ctx->foods_import_path, keep, fdc, tty ? progress : NULL, NULL, &r, &e);
	if (tty)
		fputs("\r\033[K", stderr);
	if (rc < 0) {
		fprintf(stderr, "mgtrack: import failed, food database unchanged: %s\n", e.msg);
		return e.code ? e.code : MG_ESOFTWARE;
	}
	printf("imported %zu foods from %s into %s in %.2f s", r.added, sr24 ? "USDA SR24" : "FoodData Central",
	       ctx->foods_import_path, r.seconds);
	if (r.deprecated)
		printf(" (%zu withdrawn by USDA: kept, ranked last in search)", r.deprecated);
	if (r.kept)
		printf("; kept %zu foods from other sources", r.kept);
	printf("\n");
	return 0;
}

static int food_search_cmd(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"limit", required_argument, NULL, 'l'},
		{"json", no_argument, NULL, 'j'},
		{NULL, 0, NULL, 0},
	};
	long limit = 10;
	int c, json = 0, rc;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'l') {
			if ((rc = cmd_parse_long("--limit", optarg, 1, 1000, &limit)))
				return rc;
		} else if (c == 'j') {
			json = 1;
		} else {
			return cmd_bad_option(ctx, c, argv);
		}
	}
	if (optind >= argc)
		return cmd_usage(ctx, "food search needs TEXT");
	struct strbuf text;
	strbuf_init(&text);
	for (int i = optind; i < argc; i++)
		strbuf_addf(&text, "%s%s", i > optind ? " " : "", argv[i]);
	struct mg_err e = {0};
	sqlite3 *foods, *journal = NULL;
	if (foods_open(ctx->foods_path, &foods, &e) < 0) {
		strbuf_release(&text);
		return cmd_fail(&e);
	}
	/* Custom foods come from the journal when there is one; search never
	 * creates a journal. */
	if (access(ctx->journal_path, F_OK) == 0 && journal_open(ctx->journal_path, &journal, &e) < 0) {
		db_close(foods);
		strbuf_release(&text);
		return cmd_fail(&e);
	}
	struct search_result res;
	rc = food_search(foods, journal, strbuf_str(&text), (size_t)limit * 4 + 20, &res, &e);
	/* With a profile, the foods its rules leave out of suggestions go
	 * last and are marked (shown, since a search is a lookup). */
	struct profile p;
	struct mg_err pe = {0};
	struct diet_rules d;
	int have_profile = journal && journal_profile_get(journal, ctx->profile, &p, &pe) == 0;
	if (have_profile)
		diet_rules_for(&p, mg_today(), &d);
	if (rc == 0)
		search_order_for_diet(foods, have_profile ? &d : NULL, &res, (size_t)limit);
	db_close(foods);
	db_close(journal);
	if (rc < 0) {
		strbuf_release(&text);
		return cmd_fail(&e);
	}
	if (json) {
		json_t *a = json_array();
		for (size_t i = 0; i < res.n; i++) {
			json_t *f = view_food_json(&res.hits[i].food, 0);
			json_object_set_new(f, "not_for_you", view_not_for_you_json(res.hits[i].not_for_you));
			json_array_append_new(a, f);
		}
		cmd_print_json(a);
	} else if (res.n == 0) {
		printf("no food matches \"%s\"\n", strbuf_str(&text));
	} else {
		printf("%9s  %7s  %-34s  %s\n", "id", "Mg/100g", "Mg per measure", "food");
		for (size_t i = 0; i < res.n; i++) {
			const struct food_record *f = &res.hits[i].food;
			char per[96] = "";
			if (f->n_measures && !isnan(f->nut[NUT_MG])) {
				const struct food_measure *m = &f->measures[0];
				snprintf(per, sizeof(per), "%.0f mg per %g %s", f->nut[NUT_MG] * m->grams / 100,
					 m->amount, m->name);
			}
			char mg[16] = "-";
			if (!isnan(f->nut[NUT_MG]))
				snprintf(mg, sizeof(mg), "%.0f", f->nut[NUT_MG]);
			printf("%9ld  %7s  %-34.34s  %s\n", f->id, mg, per, f->name);
			if (res.hits[i].not_for_you) {
				char why[320];
				view_not_for_you_text(res.hits[i].not_for_you, why, sizeof(why));
				printf("%9s  %7s  %-34s  %s\n", "", "", "", why);
			}
		}
	}
	search_result_release(&res);
	strbuf_release(&text);
	return 0;
}

int cmd_parse_food_id(const char *arg, long *id)
{
	if (mg_parse_long(arg, 1, 999999999999L, id) < 0) {
		cmd_say("food id \"%s\" is not a number; find ids with 'mgtrack food search'\n", arg);
		return MG_EDATA;
	}
	return 0;
}

/* Food `arg` from foods.db, or from the journal for custom ids (journal
 * may be NULL). Returns 0 or an exit code (reported). */
static int find_food(struct cmd_ctx *ctx, sqlite3 *journal, const char *arg, struct food_record *f)
{
	long id;
	struct mg_err e = {0};
	int rc = cmd_parse_food_id(arg, &id);
	if (rc)
		return rc;
	return view_find_food(journal, ctx->foods_path, id, f, &e) < 0 ? cmd_fail(&e) : 0;
}

static int food_show(int argc, char **argv, struct cmd_ctx *ctx)
{
	int json = 0, rc;
	if ((rc = cmd_parse_json_flag(ctx, argc, argv, &json)))
		return rc;
	if (optind != argc - 1)
		return cmd_usage(ctx, "food show needs one ID");
	sqlite3 *journal = NULL;
	struct mg_err e = {0};
	if (access(ctx->journal_path, F_OK) == 0 && journal_open(ctx->journal_path, &journal, &e) < 0)
		return cmd_fail(&e);
	struct food_record f;
	food_record_init(&f);
	rc = find_food(ctx, journal, argv[optind], &f);
	db_close(journal);
	if (rc) {
		food_record_release(&f);
		return rc;
	}
	if (json) {
		cmd_print_json(view_food_json(&f, 1));
	} else {
		printf("%s\n", f.name);
		printf("id %ld, source %s%s\n\nPer 100 g:\n", f.id, f.source,
		       f.deprecated ? " (withdrawn by USDA)" : "");
		for (int i = 0; i < NUT_COUNT; i++) {
			if (isnan(f.nut[i]) && i != NUT_MG)
				continue;
			if (isnan(f.nut[i]))   /* the one nutrient this tool is about: say it is missing */
				printf("  %-13s   unknown (logged portions are not counted)\n", food_nutrients[i].label);
			else
				printf("  %-13s %9.2f %s\n", food_nutrients[i].label, f.nut[i], food_nutrients[i].unit);
		}
		if (f.n_measures)
			printf("\nMeasures:\n");
		for (size_t i = 0; i < f.n_measures; i++) {
			const struct food_measure *m = &f.measures[i];
			if (isnan(f.nut[NUT_MG]))
				printf("  %g %-32s %7.1f g\n", m->amount, m->name, m->grams);
			else
				printf("  %g %-32s %7.1f g  %6.1f mg magnesium\n", m->amount, m->name, m->grams,
				       f.nut[NUT_MG] * m->grams / 100);
		}
	}
	food_record_release(&f);
	return 0;
}

static int food_add(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"name", required_argument, NULL, 'n'},
		{"mg", required_argument, NULL, 'm'},
		{"kcal", required_argument, NULL, 'k'},
		{"measure", required_argument, NULL, 'M'},
		{"json", no_argument, NULL, 'j'},
		{NULL, 0, NULL, 0},
	};
	struct food_record f;
	food_record_init(&f);
	int c, json = 0, rc = 0, mg_unknown = 0;
	optind = 0;
	opterr = 0;
	while (rc == 0 && (c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		double v;
		switch (c) {
		case 'n':
			if (!*optarg || strlen(optarg) > 200)
				rc = cmd_usage(ctx, "--name \"%s\" must be 1 to 200 characters", optarg);
			else
				food_record_set_name(&f, optarg);
			break;
		case 'm':
			/* "unknown": a food whose label gives no magnesium. It can
			 * be logged, and intake says it is not counted, rather than
			 * a guessed 0 that would lower the food average. */
			if (strcmp(optarg, "unknown") == 0) {
				mg_unknown = 1;
				break;
			}
			/* No food reaches 2,000 mg per 100 g (pumpkin seeds: 550). */
			if (mg_parse_double(optarg, 0, 2000, &v) < 0) {
				cmd_say("--mg \"%s\" is not magnesium per 100 g (0 to 2000, or unknown)\n", optarg);
				rc = MG_EDATA;
			} else {
				f.nut[NUT_MG] = v;
			}
			break;
		case 'k':
			if (mg_parse_double(optarg, 0, 900, &v) < 0) {
				cmd_say("--kcal \"%s\" is not energy per 100 g (0 to 900)\n", optarg);
				rc = MG_EDATA;
			} else {
				f.nut[NUT_KCAL] = v;
			}
			break;
		case 'M': {
			const char *eq = strrchr(optarg, '=');
			char name[96];
			if (!eq || eq == optarg || (size_t)(eq - optarg) >= sizeof(name) ||
			    mg_parse_double(eq + 1, 0.01, 10000, &v) < 0) {
				cmd_say("--measure \"%s\" is not NAME=GRAMS (e.g. \"cup=240\")\n", optarg);
				rc = MG_EDATA;
				break;
			}
			mg_strlcpy(name, optarg, (size_t)(eq - optarg) + 1);
			food_record_add_measure(&f, 1.0, name, v);
			break;
		}
		case 'j':
			json = 1;
			break;
		default:
			rc = cmd_bad_option(ctx, c, argv);
		}
	}
	if (rc == 0 && optind < argc)
		rc = cmd_usage(ctx, "unexpected argument \"%s\"", argv[optind]);
	if (rc == 0 && (!f.name || (isnan(f.nut[NUT_MG]) && !mg_unknown)))
		rc = cmd_usage(ctx, "food add needs --name and --mg (mg per 100 g, or unknown)");
	sqlite3 *db = NULL;
	if (rc == 0)
		rc = cmd_open_journal(ctx, &db);
	struct mg_err e = {0};
	if (rc == 0) {
		if (db_begin(db, &e) < 0 || journal_custom_food_add(db, &f, &e) < 0 || db_commit(db, &e) < 0) {
			db_rollback(db);
			rc = cmd_fail(&e);
		}
	}
	db_close(db);
	if (rc == 0) {
		if (json)
			cmd_print_json(view_food_json(&f, 0));
		else if (isnan(f.nut[NUT_MG]))
			printf("added custom food %ld \"%s\" (magnesium unknown: logged portions are not counted"
			       " in your intake)\n", f.id, f.name);
		else
			printf("added custom food %ld \"%s\" (%.1f mg magnesium per 100 g)\n", f.id, f.name, f.nut[NUT_MG]);
	}
	food_record_release(&f);
	return rc;
}

int cmd_food(int argc, char **argv, struct cmd_ctx *ctx)
{
	if (argc < 2)
		return cmd_usage(ctx, "food needs import, search, show or add");
	static const struct {
		const char *name;
		int (*run)(int, char **, struct cmd_ctx *);
	} subs[] = {
		{"add", food_add}, {"import", food_import}, {"search", food_search_cmd}, {"show", food_show},
	};
	for (size_t i = 0; i < sizeof(subs) / sizeof(subs[0]); i++)
		if (strcmp(argv[1], subs[i].name) == 0)
			return subs[i].run(argc - 1, argv + 1, ctx);
	return cmd_usage(ctx, "unknown food subcommand \"%s\"", argv[1]);
}
