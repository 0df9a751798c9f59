/*
 * `mgtrack night`: the one-minute nightly log. With field flags it records
 * (or updates) the night that ended on --date (default today); with no
 * flags on a terminal it asks the questions one by one. --show, --list and
 * --delete read and remove nights. Where an import and the user both gave
 * a field, the user's entry wins (night_view merges them).
 */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cmd/cmd.h"
#include "core/night.h"
#include "core/tables.h"
#include "store/db.h"
#include "store/nights.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

enum { O_DATE = 256, O_SHOW, O_LIST, O_DAYS, O_DELETE, O_JSON, O_FIELD };

/* Field flags: every diary field by its name; the yes/no items may be
 * given without a value. */
static const struct option opts[] = {
	{"date", required_argument, NULL, O_DATE},
	{"show", no_argument, NULL, O_SHOW},
	{"list", no_argument, NULL, O_LIST},
	{"days", required_argument, NULL, O_DAYS},
	{"delete", no_argument, NULL, O_DELETE},
	{"json", no_argument, NULL, O_JSON},
	{"bed", required_argument, NULL, O_FIELD}, {"tried", required_argument, NULL, O_FIELD},
	{"sol", required_argument, NULL, O_FIELD}, {"awakenings", required_argument, NULL, O_FIELD},
	{"waso", required_argument, NULL, O_FIELD}, {"wake", required_argument, NULL, O_FIELD},
	{"up", required_argument, NULL, O_FIELD}, {"quality", required_argument, NULL, O_FIELD},
	{"rested", required_argument, NULL, O_FIELD}, {"rls", required_argument, NULL, O_FIELD},
	{"tightness", required_argument, NULL, O_FIELD}, {"stress", required_argument, NULL, O_FIELD},
	{"mood", required_argument, NULL, O_FIELD}, {"energy", required_argument, NULL, O_FIELD},
	{"cramps", required_argument, NULL, O_FIELD}, {"bristol", required_argument, NULL, O_FIELD},
	{"red-flag", required_argument, NULL, O_FIELD}, {"alcohol", required_argument, NULL, O_FIELD},
	{"caffeine-after-noon", optional_argument, NULL, O_FIELD},
	{"headache", optional_argument, NULL, O_FIELD},
	{"training", required_argument, NULL, O_FIELD}, {"note", required_argument, NULL, O_FIELD},
	{NULL, 0, NULL, 0},
};

/* Plain-language questions for the interactive log, in diary order. */
static const struct {
	const char *field, *question;
} questions[] = {
	{"bed", "What time did you get into bed? (HH:MM)"},
	{"tried", "What time did you try to go to sleep? (HH:MM)"},
	{"sol", "How long did it take you to fall asleep? (minutes)"},
	{"awakenings", "How many times did you wake up, not counting the final time?"},
	{"waso", "In total, how long did these awakenings last? (minutes)"},
	{"wake", "What time was your final awakening? (HH:MM)"},
	{"up", "What time did you get out of bed? (HH:MM)"},
	{"quality", "How would you rate the quality of your sleep? (1 very poor - 5 very good)"},
	{"rested", "How rested do you feel? (0-10)"},
	{"cramps", "How many leg cramps did you have?"},
	{"rls", "Restless legs? (0 none - 10 severe)"},
	{"tightness", "Muscle tightness? (0-10)"},
	{"stress", "Stress yesterday? (0-10)"},
	{"mood", "Mood? (0-10)"},
	{"energy", "Energy yesterday? (0-10)"},
	{"bristol", "Stool form, if any? (Bristol type 1-7)"},
	{"red-flag", "Any of: diarrhoea, dizziness, palpitations? (one word, or Enter)"},
	{"caffeine-after-noon", "Caffeine after noon? (yes/no)"},
	{"alcohol", "Alcoholic drinks last evening? (number)"},
	{"training", "Training yesterday? (none, light, hard)"},
	{"headache", "Headache? (yes/no)"},
	{"note", "Anything else? (a note)"},
};

static void print_night(const struct night *n)
{
	char buf[sizeof(n->note)];   /* the longest field, whole */
	mg_format_date(n->date, buf, sizeof(buf));
	printf("night ending %s (%s)\n", buf, n->source);
	size_t nf;
	const char *const *fields = night_field_names(&nf);
	for (size_t i = 0; i < nf; i++) {
		night_get(n, fields[i], buf, sizeof(buf));
		if (buf[0])
			printf("  %-20s %s\n", fields[i], buf);
	}
	struct night_derived d;
	struct mg_err e = {0};
	if (night_derive(n, &d, &e) == 0) {
		if (!isnan(d.tib_min))
			printf("  %-20s %.0f min\n", "time in bed", d.tib_min);
		if (!isnan(d.tst_min))
			printf("  %-20s %.0f min\n", "total sleep", d.tst_min);
		if (!isnan(d.se_pct))
			printf("  %-20s %.1f %%\n", "sleep efficiency", d.se_pct);
	}
}

/* Asks each question on the terminal; Enter skips, a bad answer asks again. */
static int ask(struct night *n)
{
	char line[600], d[16];
	mg_format_date(n->date, d, sizeof(d));
	printf("The night that ended on the morning of %s; press Enter to skip a question.\n", d);
	for (size_t i = 0; i < sizeof(questions) / sizeof(questions[0]); i++) {
		for (;;) {
			printf("%s ", questions[i].question);
			fflush(stdout);
			if (!fgets(line, sizeof(line), stdin))
				return 0;
			line[strcspn(line, "\r\n")] = '\0';
			struct mg_err e = {0};
			if (night_set(n, questions[i].field, line, &e) == 0)
				break;
			printf("  %s\n", e.msg);
		}
	}
	return 0;
}

static int record(struct cmd_ctx *ctx, struct night *given, int interactive, int json)
{
	sqlite3 *db;
	struct profile p;
	struct mg_err e = {0};
	int rc;
	if (interactive)
		ask(given);
	if (!night_has_data(given))
		return cmd_usage(ctx, "nothing to record: give at least one field");
	if ((rc = cmd_open_profile(ctx, &db, &p)))
		return rc;
	struct night n;
	rc = view_night_record(db, p.id, given, &n, &e);
	if (rc < 0) {
		db_close(db);
		return cmd_fail(&e);
	}
	db_close(db);
	if (json)
		cmd_print_json(view_night_json(&n));
	else
		print_night(&n);
	if (n.red_flags)
		fprintf(stderr, "mgtrack: a red flag is logged: pause magnesium and reassess; see a clinician if it "
			"persists [safety-red-flag]\n");
	return 0;
}

int cmd_night(int argc, char **argv, struct cmd_ctx *ctx)
{
	long today = mg_today(), date = today, days = 7;
	int c, idx, rc, show = 0, list = 0, del = 0, json = 0, fields = 0, has_date = 0, has_days = 0;
	struct night given;
	night_init(&given, today);
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, &idx)) != -1) {
		struct mg_err e = {0};
		switch (c) {
		case O_DATE:
			if ((rc = cmd_parse_date("--date", optarg, &date)))
				return rc;
			has_date = 1;
			break;
		case O_SHOW: show = 1; break;
		case O_LIST: list = 1; break;
		case O_DELETE: del = 1; break;
		case O_JSON: json = 1; break;
		case O_DAYS:
			if ((rc = cmd_parse_long("--days", optarg, 1, 3660, &days)))
				return rc;
			has_days = 1;
			break;
		case O_FIELD: {
			const char *name = opts[idx].name;
			const char *value = optarg ? optarg : "yes";
			if (night_set(&given, name, value, &e) < 0) {
				/* Name the flag as the user typed it. */
				fprintf(stderr, "mgtrack: --%s\n", e.msg);
				return e.code;
			}
			fields++;
			break;
		}
		default:
			return cmd_bad_option(ctx, c, argv);
		}
	}
	if (optind < argc)
		return cmd_usage(ctx, "unexpected argument \"%s\"", argv[optind]);
	if (show + list + del > 1 || ((show || list || del) && fields))
		return cmd_usage(ctx, "give one of --show, --list, --delete or the night's fields");
	if (has_days && !list)
		return cmd_usage(ctx, "--days goes with --list");
	if (date > today) {
		char d[16];
		mg_format_date(date, d, sizeof(d));
		cmd_say("--date \"%s\" is in the future\n", d);
		return MG_EDATA;
	}
	given.date = date;
	sqlite3 *db;
	struct profile p;
	struct mg_err e = {0};
	if (del) {
		if (!has_date)
			return cmd_usage(ctx, "--delete needs --date");
		if ((rc = cmd_open_profile(ctx, &db, &p)))
			return rc;
		if (db_begin(db, &e) < 0 || journal_night_delete(db, p.id, date, &e) < 0 || db_commit(db, &e) < 0) {
			db_rollback(db);
			db_close(db);
			return cmd_fail(&e);
		}
		db_close(db);
		char d[16];
		mg_format_date(date, d, sizeof(d));
		if (json) {
			json_t *j = json_object();
			json_object_set_new(j, "deleted", json_string(d));
			cmd_print_json(j);
		} else {
			printf("deleted the night ending %s\n", d);
		}
		return 0;
	}
	if (show || list) {
		long from = show ? date : today - days + 1, to = show ? date : today;
		struct night *nights;
		size_t n;
		if ((rc = cmd_open_profile(ctx, &db, &p)))
			return rc;
		rc = view_night_list(db, p.id, from, to, &nights, &n, &e);
		db_close(db);
		if (rc < 0)
			return cmd_fail(&e);
		if (show && n == 0) {
			free(nights);
			char d[16];
			mg_format_date(date, d, sizeof(d));
			cmd_say("no night on \"%s\"\n", d);
			return MG_ENOINPUT;
		}
		if (json) {
			json_t *a = json_array();
			for (size_t i = 0; i < n; i++)
				json_array_append_new(a, view_night_json(&nights[i]));
			if (show) {
				json_t *one = json_incref(json_array_get(a, 0));
				json_decref(a);
				a = one;
			}
			cmd_print_json(a);
		} else {
			for (size_t i = 0; i < n; i++)
				print_night(&nights[i]);
			if (!n)
				printf("no nights logged in the last %ld days\n", days);
		}
		free(nights);
		return 0;
	}
	return record(ctx, &given, fields == 0 && isatty(STDIN_FILENO), json);
}
