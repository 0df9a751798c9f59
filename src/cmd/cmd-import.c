/*
 * `mgtrack import KIND ...`: dispatch, and the diary and dose CSVs a person
 * brings from paper or a spreadsheet, and a Cronometer food diary, each in
 * one transaction (formats in core/diaryimport.h, core/cronimport.h and the
 * man page). Phones and wearables are in
 * cmd-import-devices.c.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <unistd.h>
#include <stdio.h>
#include <string.h>
#include "cmd/cmd.h"
#include "core/cronimport.h"
#include "core/diaryimport.h"
#include "store/db.h"
#include "util/parse.h"
#include "util/banned.h"

typedef int (*import_fn)(sqlite3 *db, long profile_id, long today, FILE *f, const char *name,
			 struct import_counts *c, struct mg_err *e);

static const struct {
	const char *kind;
	import_fn run;
	const char *what;   /* plural noun for the summary */
} importers[] = {
	{"diary", diary_import, "nights"},
	{"doses", doses_import, "doses"},
};

/* Opens the file to import and the profile's journal; on failure prints
 * why and returns the exit code, with nothing left open. */
static int open_import(struct cmd_ctx *ctx, const char *kind, const char *path, FILE **f, sqlite3 **db, struct profile *p)
{
	*f = NULL;
	char what[64];
	snprintf(what, sizeof(what), "import %s FILE", kind);
	int bad = cmd_check_path(what, path);
	if (bad)
		return bad;
	*f = fopen(path, "rb");
	if (!*f) {
		cmd_say("cannot open \"%s\": %s", path, strerror(errno));
		return errno == ENOENT ? MG_ENOINPUT : MG_EIO;
	}
	int rc = cmd_open_profile(ctx, db, p);
	if (rc) {
		fclose(*f);
		*f = NULL;
	}
	return rc;
}

/* `import cronometer FILE.csv`: servings.csv into the food log, or
 * dailysummary.csv as imported dietary magnesium, in one transaction. */
static int import_cronometer(int argc, char **argv, struct cmd_ctx *ctx)
{
	int json = 0, rc;
	if ((rc = cmd_parse_json_flag(ctx, argc, argv, &json)))
		return rc;
	if (optind != argc - 1)
		return cmd_usage(ctx, "import cronometer needs one FILE.csv (servings.csv or dailysummary.csv)");
	const char *path = argv[optind];
	FILE *f;
	sqlite3 *db;
	struct profile p;
	struct mg_err e = {0};
	struct cron_counts c;
	if ((rc = open_import(ctx, "cronometer", path, &f, &db, &p)))
		return rc;
	const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	if (db_begin(db, &e) < 0 || cron_import(db, p.id, mg_today(), f, name, &c, &e) < 0 || db_commit(db, &e) < 0) {
		db_rollback(db);
		db_close(db);
		fclose(f);
		return cmd_fail(&e);
	}
	db_close(db);
	fclose(f);
	const char *what = c.kind == CRON_SERVINGS ? "food-log entries" : "days of dietary magnesium";
	if (json) {
		json_t *j = json_object(), *sk = json_object();
		json_object_set_new(j, "file", json_string(path));
		json_object_set_new(j, "kind", json_string(c.kind == CRON_SERVINGS ? "servings" : "daily-summary"));
		json_object_set_new(j, "rows", json_integer((json_int_t)c.rows));
		json_object_set_new(j, "written", json_integer((json_int_t)c.written));
		json_object_set_new(j, "unchanged", json_integer((json_int_t)c.unchanged));
		json_object_set_new(j, "written_without_magnesium", json_integer((json_int_t)c.unknown_mg));
		json_object_set_new(sk, "no_magnesium", json_integer((json_int_t)c.no_magnesium));
		json_object_set_new(sk, "after_today", json_integer((json_int_t)c.after_today));
		json_object_set_new(sk, "implausible", json_integer((json_int_t)c.implausible));
		json_object_set_new(sk, "empty", json_integer((json_int_t)c.empty));
		json_object_set_new(j, "skipped", sk);
		cmd_print_json(j);
	} else {
		printf("%s: %zu rows; %zu %s written, %zu unchanged\n", name, c.rows, c.written, what, c.unchanged);
		if (c.no_magnesium)
			printf("  %zu rows have no magnesium value: left out, never counted as 0 mg\n", c.no_magnesium);
		if (c.unknown_mg)
			printf("  %zu of the entries written have no magnesium value: 'mgtrack intake' names them and never"
			       " counts them as 0 mg\n", c.unknown_mg);
		if (c.after_today || c.implausible || c.empty)
			printf("  skipped: %zu dated after today, %zu above a plausible amount, %zu of 0 g\n", c.after_today,
			       c.implausible, c.empty);
		if (c.kind == CRON_DAILY && strcmp(p.food_source, CRON_SOURCE) != 0)
			printf("  these daily totals count as food with 'mgtrack profile set --food-source cronometer'\n");
	}
	return 0;
}

int cmd_import(int argc, char **argv, struct cmd_ctx *ctx)
{
	int json = 0, rc;
	if (argc < 2)
		return cmd_usage(ctx, "import needs a kind: backup, diary, doses, cronometer, apple-health, fitbit, garmin, health-connect, oura, sleep-as-android, whoop or withings");
	if ((rc = cmd_import_device(argv[1], argc - 1, argv + 1, ctx)) >= 0)
		return rc;
	if (strcmp(argv[1], "cronometer") == 0)
		return import_cronometer(argc - 1, argv + 1, ctx);
	if (strcmp(argv[1], "backup") == 0)
		return cmd_import_backup(argc - 1, argv + 1, ctx);
	size_t k = 0;
	while (k < sizeof(importers) / sizeof(importers[0]) && strcmp(importers[k].kind, argv[1]) != 0)
		k++;
	if (k == sizeof(importers) / sizeof(importers[0]))
		return cmd_usage(ctx, "unknown import kind \"%s\" (known: backup, diary, doses, cronometer, apple-health, fitbit, garmin, health-connect, oura, sleep-as-android, whoop, withings)", argv[1]);
	if ((rc = cmd_parse_json_flag(ctx, argc - 1, argv + 1, &json)))
		return rc;
	if (optind != argc - 2)
		return cmd_usage(ctx, "import %s needs one FILE.csv", argv[1]);
	const char *path = argv[optind + 1];
	FILE *f;
	sqlite3 *db;
	struct profile p;
	struct mg_err e = {0};
	struct import_counts c;
	if ((rc = open_import(ctx, importers[k].kind, path, &f, &db, &p)))
		return rc;
	const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	/* One transaction for the whole file: a bad line leaves the journal as it was. */
	if (db_begin(db, &e) < 0 || importers[k].run(db, p.id, mg_today(), f, name, &c, &e) < 0 ||
	    db_commit(db, &e) < 0) {
		db_rollback(db);
		db_close(db);
		fclose(f);
		return cmd_fail(&e);
	}
	db_close(db);
	fclose(f);
	if (json) {
		json_t *j = json_object();
		json_object_set_new(j, "file", json_string(path));
		json_object_set_new(j, "kind", json_string(importers[k].kind));
		json_object_set_new(j, "rows", json_integer((json_int_t)c.rows));
		json_object_set_new(j, "written", json_integer((json_int_t)c.written));
		json_object_set_new(j, "updated", json_integer((json_int_t)c.updated));
		json_object_set_new(j, "unchanged", json_integer((json_int_t)c.unchanged));
		cmd_print_json(j);
	} else {
		printf("%s: %zu rows; %zu %s written, %zu updated, %zu unchanged\n", name, c.rows, c.written,
		       importers[k].what, c.updated, c.unchanged);
	}
	return 0;
}
