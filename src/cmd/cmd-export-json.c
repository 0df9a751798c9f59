/*
 * `mgtrack export --json FILE` and `mgtrack import backup FILE.json`: the
 * journal as one JSON document (view/export.c, docs/EXPORT.md) and back
 * (view/restore.c). The export reads in one read transaction, so the file
 * is one consistent moment of the journal; the import writes in one
 * BEGIN IMMEDIATE, so a bad row or a conflict leaves the journal as it was.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmd/cmd.h"
#include "store/db.h"
#include "view/export.h"
#include "util/banned.h"

int cmd_export_json(struct cmd_ctx *ctx, const char *path, int all_profiles)
{
	sqlite3 *db;
	int rc;
	if ((rc = cmd_open_existing(ctx, &db)))
		return rc;
	struct mg_err e = {0};
	size_t replaced = 0;
	json_t *doc = view_export_doc(db, all_profiles ? NULL : ctx->profile, &replaced, &e);
	db_close(db);
	if (!doc)
		return cmd_fail(&e);
	size_t len;
	char *text = view_export_text(doc, &len);
	size_t n_profiles = json_array_size(json_object_get(doc, "profiles"));
	json_decref(doc);
	if (!text) {
		cmd_say("cannot write the export as JSON");
		return MG_ESOFTWARE;
	}
	if (strcmp(path, "-") == 0) {
		rc = fwrite(text, 1, len, stdout) == len && fflush(stdout) == 0 ? 0 : MG_EIO;
		if (rc)
			cmd_say("cannot write the export to standard output");
	} else
		rc = cmd_write_file(path, text, len);
	free(text);
	if (rc)
		return rc;
	if (replaced)
		cmd_say("%zu texts had bytes that are not UTF-8: written with U+FFFD in their place", replaced);
	if (strcmp(path, "-") != 0)
		fprintf(stderr, "exported %zu profile%s to \"%s\" (%zu bytes); read it back with 'mgtrack import backup'\n",
			n_profiles, n_profiles == 1 ? "" : "s", path, len);
	return 0;
}

/* What the summary counts, with its words for one and for more. */
static const struct {
	enum port_table t;
	const char *one, *more;
} counted[] = {
	{PT_PRODUCT, "product", "products"}, {PT_CUSTOM_FOOD, "custom food", "custom foods"},
	{PT_PROFILE, "profile", "profiles"}, {PT_FOOD_LOG, "food log entry", "food log entries"},
	{PT_IMPORTED_INTAKE, "imported intake day", "imported intake days"}, {PT_DOSE, "dose", "doses"},
	{PT_NIGHT, "night", "nights"}, {PT_COURSE, "course", "courses"},
	{PT_PLAN_VERSION, "plan version", "plan versions"}, {PT_TRIAL, "trial", "trials"},
};

static void print_summary(const char *path, const struct restore_summary *s, int dry_run, int json)
{
	if (json) {
		json_t *j = json_object(), *added = json_object(), *same = json_object();
		json_object_set_new(j, "file", json_string(path));
		json_object_set_new(j, "dry_run", json_boolean(dry_run));
		for (size_t i = 0; i < sizeof(counted) / sizeof(counted[0]); i++) {
			enum port_table t = counted[i].t;
			json_object_set_new(added, view_export_key(t), json_integer((json_int_t)s->added[t]));
			json_object_set_new(same, view_export_key(t), json_integer((json_int_t)s->same[t]));
		}
		json_object_set_new(j, "added", added);
		json_object_set_new(j, "already_there", same);
		cmd_print_json(j);
		return;
	}
	printf("%s \"%s\":", dry_run ? "would import" : "imported", path);
	int any = 0;
	for (size_t i = 0; i < sizeof(counted) / sizeof(counted[0]); i++) {
		enum port_table t = counted[i].t;
		if (!s->added[t] && !s->same[t])
			continue;
		printf("%s %zu %s", any++ ? "," : "", s->added[t], s->added[t] == 1 ? counted[i].one : counted[i].more);
		if (s->same[t])
			printf(" (%zu already there)", s->same[t]);
	}
	printf("%s\n", any ? "" : " nothing");
}

int cmd_import_backup(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"json", no_argument, NULL, 'j'}, {"dry-run", no_argument, NULL, 'n'}, {NULL, 0, NULL, 0},
	};
	int json = 0, dry_run = 0, c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'j')
			json = 1;
		else if (c == 'n')
			dry_run = 1;
		else
			return cmd_bad_option(ctx, c, argv);
	}
	if (optind != argc - 1)
		return cmd_usage(ctx, "import backup needs one FILE.json (written by 'mgtrack export --json')");
	const char *path = argv[optind];
	int rc;
	if ((rc = cmd_check_path("import backup FILE", path)))
		return rc;
	json_error_t jerr;
	json_t *doc = json_load_file(path, JSON_REJECT_DUPLICATES, &jerr);
	if (!doc) {
		FILE *f = fopen(path, "rb");
		if (!f) {
			cmd_say("cannot read \"%s\": no such file or not readable", path);
			return MG_ENOINPUT;
		}
		fclose(f);
		cmd_say("\"%s\" line %d column %d: not JSON: %s", path, jerr.line, jerr.column, jerr.text);
		return MG_EDATA;
	}
	sqlite3 *db;
	if ((rc = cmd_open_journal(ctx, &db))) {
		json_decref(doc);
		return rc;
	}
	struct mg_err e = {0};
	struct restore_summary s;
	struct strbuf conflicts;
	strbuf_init(&conflicts);
	/* The reads that decide what is new and the writes in one
	 * transaction: another device writing meanwhile waits. */
	if (db_begin(db, &e) < 0 || view_restore(db, doc, &s, &conflicts, &e) < 0) {
		db_rollback(db);
		db_close(db);
		json_decref(doc);
		strbuf_release(&conflicts);
		return cmd_fail(&e);
	}
	json_decref(doc);
	if (s.conflicts) {
		db_rollback(db);
		db_close(db);
		cmd_say("\"%s\" conflicts with the journal in %zu row%s; nothing was imported:", path, s.conflicts,
			s.conflicts == 1 ? "" : "s");
		fputs(strbuf_str(&conflicts), stderr);
		strbuf_release(&conflicts);
		return MG_EDATA;
	}
	strbuf_release(&conflicts);
	if (dry_run)
		db_rollback(db);
	else if (db_commit(db, &e) < 0) {
		db_rollback(db);
		db_close(db);
		return cmd_fail(&e);
	}
	db_close(db);
	print_summary(path, &s, dry_run, json);
	return 0;
}
