/*
 * `mgtrack eat`: log a portion of a food (stored with its magnesium, so the
 * log survives food database rebuilds), list the log, delete an entry.
 */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "cmd/cmd.h"
#include "core/portion.h"
#include "core/tables.h"
#include "store/db.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

/* More than 5 kg of one food in one entry is a typo, not a meal. */
#define MAX_PORTION_G 5000.0

struct list_ctx {
	json_t *json;
	double total;
	size_t n;
};

static int list_entry(const struct food_log_entry *en, void *vctx)
{
	struct list_ctx *l = vctx;
	char date[16];
	mg_format_date(en->date, date, sizeof(date));
	l->total += en->mg;
	l->n++;
	if (l->json) {
		json_t *j = json_object();
		json_object_set_new(j, "id", json_integer(en->id));
		json_object_set_new(j, "date", json_string(date));
		json_object_set_new(j, "food_id", json_integer(en->food_id));
		json_object_set_new(j, "food", json_string(en->food_name));
		json_object_set_new(j, "amount", cmd_json_num(en->amount, 3));
		json_object_set_new(j, "measure", json_string(en->measure));
		json_object_set_new(j, "grams", cmd_json_num(en->grams, 1));
		json_object_set_new(j, "mg", cmd_json_num(en->mg, 1));
		json_object_set_new(j, "kcal", cmd_json_num(en->kcal, 0));
		json_array_append_new(l->json, j);
	} else {
		char portion[160];
		snprintf(portion, sizeof(portion), "%g %s (%.0f g)", en->amount, en->measure, en->grams);
		printf("%6ld  %s  %6.1f  %-30.30s  %s\n", en->id, date, en->mg, portion, en->food_name);
	}
	return 0;
}

static int eat_list(struct cmd_ctx *ctx, long from, long to, int json)
{
	sqlite3 *db;
	struct profile p;
	int rc;
	if ((rc = cmd_open_profile(ctx, &db, &p)))
		return rc;
	struct list_ctx l = {.json = json ? json_array() : NULL};
	struct mg_err e = {0};
	if (!json)
		printf("%6s  %-10s  %6s  %-30s  %s\n", "entry", "date", "Mg mg", "portion", "food");
	rc = journal_food_log_list(db, p.id, from, to, list_entry, &l, &e);
	db_close(db);
	if (rc < 0) {
		json_decref(l.json);
		return cmd_fail(&e);
	}
	if (json)
		cmd_print_json(l.json);
	else
		printf("%zu entries, %.0f mg magnesium\n", l.n, l.total);
	return 0;
}

static int eat_delete(struct cmd_ctx *ctx, const char *arg)
{
	long id;
	int rc;
	if ((rc = cmd_parse_long("--delete", arg, 1, 999999999999L, &id)))
		return rc;
	sqlite3 *db;
	struct profile p;
	if ((rc = cmd_open_profile(ctx, &db, &p)))
		return rc;
	struct mg_err e = {0};
	if (db_begin(db, &e) < 0 || journal_food_log_delete(db, p.id, id, &e) < 0 || db_commit(db, &e) < 0) {
		db_rollback(db);
		db_close(db);
		return cmd_fail(&e);
	}
	db_close(db);
	printf("deleted food log entry %ld\n", id);
	return 0;
}

int cmd_eat(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"date", required_argument, NULL, 'd'},
		{"days", required_argument, NULL, 'n'},
		{"list", no_argument, NULL, 'l'},
		{"delete", required_argument, NULL, 'x'},
		{"json", no_argument, NULL, 'j'},
		{NULL, 0, NULL, 0},
	};
	long today = mg_today(), date = today, days = 0;
	int c, list = 0, json = 0, has_date = 0, rc;
	const char *del = NULL;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			if ((rc = cmd_parse_date("--date", optarg, &date)))
				return rc;
			has_date = 1;
			break;
		case 'n':
			if ((rc = cmd_parse_long("--days", optarg, 1, 3660, &days)))
				return rc;
			break;
		case 'l': list = 1; break;
		case 'x': del = optarg; break;
		case 'j': json = 1; break;
		default: return cmd_bad_option(ctx, c, argv);
		}
	}
	if (list + (del != NULL) > 1)
		return cmd_usage(ctx, "--list and --delete do not go together");
	if (del) {
		if (optind < argc || has_date || days || json)
			return cmd_usage(ctx, "--delete takes only an entry id");
		return eat_delete(ctx, del);
	}
	if (list) {
		if (optind < argc)
			return cmd_usage(ctx, "unexpected argument \"%s\"", argv[optind]);
		if (has_date && days)
			return cmd_usage(ctx, "--date and --days do not go together");
		if (days)
			return eat_list(ctx, today - days + 1, today, json);
		if (!has_date) {
			double d = tables_threshold("intake-default-days", NULL);
			return eat_list(ctx, today - (long)d + 1, today, json);
		}
		return eat_list(ctx, date, date, json);
	}
	if (days || json)
		return cmd_usage(ctx, "--days and --json are for --list");
	if (argc - optind < 2)
		return cmd_usage(ctx, "eat needs FOOD_ID AMOUNT [MEASURE]");
	double amount;
	if (mg_parse_double(argv[optind + 1], 1e-6, 100000, &amount) < 0) {
		fprintf(stderr, "mgtrack: amount \"%s\" is not a positive number\n", argv[optind + 1]);
		return MG_EDATA;
	}
	struct strbuf unit;
	strbuf_init(&unit);
	for (int i = optind + 2; i < argc; i++)
		strbuf_addf(&unit, "%s%s", i > optind + 2 ? " " : "", argv[i]);

	sqlite3 *db;
	struct profile p;
	struct food_record f;
	food_record_init(&f);
	if ((rc = cmd_open_journal(ctx, &db))) {
		strbuf_release(&unit);
		return rc;
	}
	if ((rc = cmd_load_profile(ctx, db, &p)) || (rc = cmd_find_food(ctx, db, argv[optind], &f)))
		goto out;
	struct food_log_entry en;
	memset(&en, 0, sizeof(en));
	struct mg_err e = {0};
	if (portion_grams(&f, amount, strbuf_str(&unit), &en.grams, en.measure, sizeof(en.measure), &e) < 0) {
		rc = cmd_fail(&e);
		goto out;
	}
	if (en.grams > MAX_PORTION_G) {
		fprintf(stderr, "mgtrack: amount \"%s %s\" is %.0f g, more than %.0f g of one food\n",
			argv[optind + 1], unit.len ? strbuf_str(&unit) : "g", en.grams, MAX_PORTION_G);
		rc = MG_EDATA;
		goto out;
	}
	if (isnan(f.nut[NUT_MG])) {
		fprintf(stderr, "mgtrack: food \"%ld\" has no magnesium value; add it as a custom food with 'mgtrack food add'\n", f.id);
		rc = MG_EDATA;
		goto out;
	}
	en.date = date;
	en.food_id = f.id;
	mg_strlcpy(en.food_name, f.name, sizeof(en.food_name));
	en.amount = amount;
	en.mg = f.nut[NUT_MG] * en.grams / 100;
	en.kcal = isnan(f.nut[NUT_KCAL]) ? NAN : f.nut[NUT_KCAL] * en.grams / 100;
	if (db_begin(db, &e) < 0 || journal_food_log_add(db, p.id, &en, &e) < 0 || db_commit(db, &e) < 0) {
		db_rollback(db);
		rc = cmd_fail(&e);
		goto out;
	}
	char d[16];
	mg_format_date(date, d, sizeof(d));
	printf("logged %g %s (%.0f g) of %s on %s: %.1f mg magnesium [entry %ld]\n", amount, en.measure, en.grams,
	       f.name, d, en.mg, en.id);
out:
	food_record_release(&f);
	strbuf_release(&unit);
	db_close(db);
	return rc;
}
