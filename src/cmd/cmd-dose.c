/*
 * `mgtrack dose`: log a dose of a product taken now or at --at (back-filling
 * allowed) — with a course running, the next planned intake by default, or
 * that intake skipped (--skip) — list doses, delete one. A dose keeps the elemental magnesium it
 * gave, so it counts in `intake` as supplement_mg whatever happens to the
 * product later.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include "cmd/cmd.h"
#include "core/product.h"
#include "core/tables.h"
#include "store/db.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

static int print_dose(const struct dose_entry *d, void *ctx)
{
	json_t *a = ctx;
	if (a) {
		json_array_append_new(a, view_dose_json(d));
		return 0;
	}
	char date[16], t[8], planned[24] = "";
	mg_format_date(d->date, date, sizeof(date));
	mg_format_hhmm(d->time, t, sizeof(t));
	if (d->planned_time >= 0) {
		char pt[8];
		mg_format_hhmm(d->planned_time, pt, sizeof(pt));
		snprintf(planned, sizeof(planned), "  (planned %s)", pt);
	}
	if (d->skipped)
		printf("%5ld  %s %s  %-28.28s skipped the planned %.0f mg%s\n", d->id, date, t, d->product_name,
		       d->elemental_mg, planned);
	else
		printf("%5ld  %s %s  %-28.28s %5g serving%s  %6.1f mg%s%s\n", d->id, date, t, d->product_name, d->servings,
		       d->servings == 1 ? " " : "s", d->elemental_mg, d->estimated ? " (estimated)" : "", planned);
	return 0;
}

static int log_dose(struct cmd_ctx *ctx, long date, int time, const char *key, double servings, enum dose_mode mode,
		    int json)
{
	sqlite3 *db;
	int rc;
	struct mg_err e = {0};
	struct profile p;
	struct dose_entry d;
	struct targets t;
	double day_total;
	if ((rc = cmd_open_profile(ctx, &db, &p)))
		return rc;
	char warning[320];
	rc = view_dose_log(db, ctx->foods_path, &p, date, time, key, servings, mode, &d, &day_total, &t, warning,
			   sizeof(warning), &e);
	db_close(db);
	if (rc < 0)
		return cmd_fail(&e);
	if (json) {
		json_t *o = view_dose_json(&d);
		json_object_set_new(o, "day_supplement_mg", view_num(day_total, 1));
		cmd_print_json(o);
	} else {
		print_dose(&d, NULL);
	}
	/* The dose is recorded either way: the log must say what was taken. */
	if (warning[0])
		fprintf(stderr, "mgtrack: warning: %s\n", warning);
	if (t.ul_set && day_total > t.supplement_ul_mg + 1e-6)
		fprintf(stderr, "mgtrack: warning: supplements on this day add up to %.0f mg, above the upper limit "
			"of %.0f mg [%s]\n", day_total, t.supplement_ul_mg, t.ul.id);
	return 0;
}

int cmd_dose(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"at", required_argument, NULL, 'a'},
		{"list", no_argument, NULL, 'l'},
		{"date", required_argument, NULL, 'd'},
		{"days", required_argument, NULL, 'n'},
		{"delete", required_argument, NULL, 'x'},
		{"json", no_argument, NULL, 'j'},
		{"skip", no_argument, NULL, 's'},
		{NULL, 0, NULL, 0},
	};
	long today = mg_today(), date = today, days = 0, del = 0;
	int c, rc, json = 0, list = 0, has_at = 0, has_date = 0, time = 0, skip = 0;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'a':
			if (mg_parse_datetime(optarg, &date, &time) < 0) {
				cmd_say("--at \"%s\" is not a date and time (YYYY-MM-DD HH:MM)\n", optarg);
				return MG_EDATA;
			}
			has_at = 1;
			break;
		case 'l': list = 1; break;
		case 'd':
			if ((rc = cmd_parse_date("--date", optarg, &date)))
				return rc;
			has_date = 1;
			break;
		case 'n':
			if ((rc = cmd_parse_long("--days", optarg, 1, 3660, &days)))
				return rc;
			break;
		case 'x':
			if ((rc = cmd_parse_long("--delete", optarg, 1, 1L << 53, &del)))
				return rc;
			break;
		case 'j': json = 1; break;
		case 's': skip = 1; break;
		default: return cmd_bad_option(ctx, c, argv);
		}
	}
	if (skip && (del || list))
		return cmd_usage(ctx, "--skip records a planned intake; it does not go with --list or --delete");
	if (del) {
		if (list || has_at || optind < argc)
			return cmd_usage(ctx, "--delete takes only the dose id");
		sqlite3 *db;
		struct profile p;
		struct mg_err e = {0};
		if ((rc = cmd_open_profile(ctx, &db, &p)))
			return rc;
		if (db_begin(db, &e) < 0 || journal_dose_delete(db, p.id, del, &e) < 0 || db_commit(db, &e) < 0) {
			db_rollback(db);
			db_close(db);
			return cmd_fail(&e);
		}
		db_close(db);
		printf("deleted dose %ld\n", del);
		return 0;
	}
	if (list) {
		if (has_at || optind < argc)
			return cmd_usage(ctx, "--list takes only --date, --days and --json");
		if (has_date && days)
			return cmd_usage(ctx, "give --date or --days, not both");
		long from = has_date ? date : today - (days ? days : 7) + 1, to = has_date ? date : today;
		sqlite3 *db;
		struct profile p;
		struct mg_err e = {0};
		if ((rc = cmd_open_profile(ctx, &db, &p)))
			return rc;
		json_t *a = json ? json_array() : NULL;
		rc = journal_dose_events(db, p.id, from, to, print_dose, a, &e);
		db_close(db);
		if (rc < 0) {
			json_decref(a);
			return cmd_fail(&e);
		}
		if (a)
			cmd_print_json(a);
		return 0;
	}
	if (has_date || days)
		return cmd_usage(ctx, "--date and --days go with --list; use --at to log a dose at another time");
	if (argc - optind > (skip ? 1 : 2))
		return cmd_usage(ctx, skip ? "dose --skip takes at most PRODUCT" : "dose takes [PRODUCT [SERVINGS]]");
	double servings = 0;
	enum dose_mode mode = skip ? DOSE_SKIP : argc - optind == 2 ? DOSE_SERVINGS : DOSE_PLANNED;
	if (mode == DOSE_SERVINGS && mg_parse_double(argv[optind + 1], 0.25, 20, &servings) < 0) {
		cmd_say("servings \"%s\" must be a number from 0.25 to 20\n", argv[optind + 1]);
		return MG_EDATA;
	}
	if (!has_at)
		time = mg_now_minutes();
	return log_dose(ctx, date, time, optind < argc ? argv[optind] : NULL, servings, mode, json);
}
