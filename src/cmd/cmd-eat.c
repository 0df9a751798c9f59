/*
 * `mgtrack eat`: log a portion of a food (stored with its magnesium, so the
 * log survives food database rebuilds), list the log, delete an entry.
 */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include "cmd/cmd.h"
#include "core/tables.h"
#include "store/db.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

struct list_ctx {
	json_t *json;
	double total;
	size_t n, unknown;
};

static int list_entry(const struct food_log_entry *en, void *vctx)
{
	struct list_ctx *l = vctx;
	char date[16];
	mg_format_date(en->date, date, sizeof(date));
	if (isnan(en->mg))
		l->unknown++;   /* no magnesium value: listed, not added as 0 mg */
	else
		l->total += en->mg;
	l->n++;
	if (l->json) {
		json_array_append_new(l->json, view_food_log_json(en));
	} else {
		char portion[160];
		snprintf(portion, sizeof(portion), "%g %s (%.0f g)", en->amount, en->measure, en->grams);
		char mg[16] = "?";
		if (!isnan(en->mg))
			snprintf(mg, sizeof(mg), "%.1f", en->mg);
		printf("%6ld  %s  %6s  %-30.30s  %s\n", en->id, date, mg, portion, en->food_name);
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
		printf("%zu entries, %.0f mg magnesium%s\n", l.n, l.total,
		       l.unknown ? " (? = no magnesium value: not counted)" : "");
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
		cmd_say("amount \"%s\" is not a positive number\n", argv[optind + 1]);
		return MG_EDATA;
	}
	struct strbuf unit;
	strbuf_init(&unit);
	for (int i = optind + 2; i < argc; i++)
		strbuf_addf(&unit, "%s%s", i > optind + 2 ? " " : "", argv[i]);

	sqlite3 *db;
	struct profile p;
	long food_id;
	if ((rc = cmd_parse_food_id(argv[optind], &food_id)) || (rc = cmd_open_profile(ctx, &db, &p))) {
		strbuf_release(&unit);
		return rc;
	}
	struct food_log_entry en;
	struct mg_err e = {0};
	rc = view_food_log_add(db, ctx->foods_path, p.id, food_id, amount, strbuf_str(&unit), date, &en, &e);
	db_close(db);
	strbuf_release(&unit);
	if (rc < 0)
		return cmd_fail(&e);
	char d[16];
	mg_format_date(date, d, sizeof(d));
	if (isnan(en.mg))
		printf("logged %g %s (%.0f g) of %s on %s: no magnesium value, so not counted in your intake [entry %ld]\n",
		       amount, en.measure, en.grams, en.food_name, d, en.id);
	else
		printf("logged %g %s (%.0f g) of %s on %s: %.1f mg magnesium [entry %ld]\n", amount, en.measure,
		       en.grams, en.food_name, d, en.mg, en.id);
	return rc;
}
