/*
 * `mgtrack doctor`: which files this mgtrack uses and whether they are
 * sound: the journal (path, size, schema version, SQLite's integrity
 * check) and the food database (which lookup step found it, its schema and
 * food rules, how many foods), so a person with a new install or a moved
 * laptop can see what is read before trusting a plan. It only reads:
 * nothing is created, migrated or repaired.
 */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cmd/cmd.h"
#include "core/foodclass.h"
#include "store/db.h"
#include "store/foods.h"
#include "store/journal.h"
#include "util/paths.h"
#include "util/banned.h"

struct checkup {
	int exists;
	long long bytes;
	int version, want;       /* schema version found and the one this mgtrack writes */
	char integrity[128];     /* "ok" or SQLite's first complaint */
	char problem[600];       /* why it could not be read; "" when it could */
	long long foods;         /* foods.db: how many foods */
	int rules_current;       /* foods.db: classified by this mgtrack's food rules */
};

static long long file_size(const char *path, int *exists)
{
	struct stat sb;
	*exists = stat(path, &sb) == 0;
	return *exists ? (long long)sb.st_size : -1;
}

static long long one_number(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	long long v = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	return v;
}

static void integrity(sqlite3 *db, char *buf, size_t n)
{
	sqlite3_stmt *st;
	snprintf(buf, n, "not checked: %s", sqlite3_errmsg(db));
	if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK)
		return;
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(buf, n, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

static void check_journal(const char *path, struct checkup *c)
{
	memset(c, 0, sizeof(*c));
	c->bytes = file_size(path, &c->exists);
	c->want = journal_schema_version();
	if (!c->exists)
		return;
	sqlite3 *db;
	struct mg_err e = {0};
	/* Read-only: a doctor that upgraded the journal would change what it
	 * reports on. */
	if (db_open(path, DB_READONLY, &db, &e) < 0) {
		snprintf(c->problem, sizeof(c->problem), "%s", e.msg);
		return;
	}
	c->version = (int)one_number(db, "PRAGMA user_version");
	integrity(db, c->integrity, sizeof(c->integrity));
	db_close(db);
}

static void check_foods(const char *path, struct checkup *c)
{
	memset(c, 0, sizeof(*c));
	c->bytes = file_size(path, &c->exists);
	c->want = FOODS_SCHEMA_VERSION;
	if (!c->exists)
		return;
	sqlite3 *db;
	struct mg_err e = {0};
	if (foods_open(path, &db, &e) < 0) {
		snprintf(c->problem, sizeof(c->problem), "%s", e.msg);
		return;
	}
	c->version = (int)one_number(db, "PRAGMA user_version");
	c->foods = one_number(db, "SELECT count(*) FROM food");
	char want[32], have[64] = "";
	foodclass_digest(want, sizeof(want));
	foods_meta(db, "classification", have, sizeof(have), &e);
	c->rules_current = strcmp(want, have) == 0;
	integrity(db, c->integrity, sizeof(c->integrity));
	db_close(db);
}

static const char *step_words(const char *step)
{
	if (strcmp(step, "--foods-db") == 0)
		return "given with --foods-db";
	if (strcmp(step, "MGTRACK_FOODS_DB") == 0)
		return "from MGTRACK_FOODS_DB";
	if (strcmp(step, "user") == 0)
		return "your own ($XDG_DATA_HOME/mgtrack)";
	if (strcmp(step, "installed") == 0)
		return "the one installed with mgtrack";
	return "none found: run 'mgtrack food import --sr24 PATH'";
}

static json_t *checkup_json(const char *path, const struct checkup *c, int foods)
{
	json_t *j = json_object();
	json_object_set_new(j, "path", json_string(path));
	json_object_set_new(j, "exists", json_boolean(c->exists));
	json_object_set_new(j, "bytes", c->exists ? json_integer(c->bytes) : json_null());
	json_object_set_new(j, "schema_version", c->exists && !*c->problem ? json_integer(c->version) : json_null());
	json_object_set_new(j, "schema_expected", json_integer(c->want));
	json_object_set_new(j, "integrity", *c->integrity ? json_string(c->integrity) : json_null());
	json_object_set_new(j, "problem", *c->problem ? json_string(c->problem) : json_null());
	if (foods) {
		json_object_set_new(j, "foods", c->exists && !*c->problem ? json_integer(c->foods) : json_null());
		json_object_set_new(j, "food_rules_current", json_boolean(c->rules_current));
	}
	return j;
}

static int healthy(const struct checkup *c)
{
	return !c->exists || (!*c->problem && strcmp(c->integrity, "ok") == 0);
}

int cmd_doctor(int argc, char **argv, struct cmd_ctx *ctx)
{
	int json = 0, rc;
	if ((rc = cmd_parse_json_flag(ctx, argc, argv, &json)))
		return rc;
	if (optind != argc)
		return cmd_usage(ctx, "unexpected argument \"%s\"", argv[optind]);
	struct checkup j, f;
	check_journal(ctx->journal_path, &j);
	check_foods(ctx->foods_path, &f);
	char installed[4200];
	paths_installed_foods(installed, sizeof(installed));
	int inst_exists = *installed && access(installed, R_OK) == 0;
	if (json) {
		json_t *o = json_object();
		json_object_set_new(o, "version", json_string(MGTRACK_VERSION));
		json_object_set_new(o, "journal", checkup_json(ctx->journal_path, &j, 0));
		json_t *fj = checkup_json(ctx->foods_path, &f, 1);
		json_object_set_new(fj, "found_by", json_string(ctx->foods_step));
		json_object_set_new(o, "foods", fj);
		json_object_set_new(o, "installed_foods", *installed ? json_string(installed) : json_null());
		json_object_set_new(o, "installed_foods_exists", json_boolean(inst_exists));
		json_object_set_new(o, "ok", json_boolean(healthy(&j) && healthy(&f)));
		cmd_print_json(o);
	} else {
		printf("mgtrack %s\n\n", MGTRACK_VERSION);
		printf("journal     %s\n", ctx->journal_path);
		if (!j.exists)
			printf("            not there yet: 'mgtrack init' starts one\n");
		else if (*j.problem)
			printf("            cannot be read: %s\n", j.problem);
		else
			printf("            %lld bytes, schema %d (this mgtrack writes %d%s), integrity: %s\n", j.bytes, j.version,
			       j.want, j.version < j.want ? "; the next command upgrades it" : "", j.integrity);
		printf("food data   %s\n            %s\n", ctx->foods_path, step_words(ctx->foods_step));
		if (f.exists && *f.problem)
			printf("            cannot be used: %s\n", f.problem);
		else if (f.exists)
			printf("            %lld bytes, schema %d, %lld foods, food rules %s, integrity: %s\n", f.bytes, f.version,
			       f.foods, f.rules_current ? "current" : "older: rebuild with 'mgtrack food import'", f.integrity);
		if (*installed)
			printf("installed   %s (%s)\n", installed, inst_exists ? "present" : "not installed");
	}
	/* A journal or food database that fails its check is bad data (65);
	 * a missing one is not an error here, only reported. */
	return healthy(&j) && healthy(&f) ? 0 : MG_EDATA;
}
