/*
 * libFuzzer target for import backup (src/view/restore.c): any bytes,
 * parsed as JSON and written into a journal inside a transaction that is
 * rolled back, give 0 (with or without conflicts) or a clean MG_EDATA
 * naming the field; never a crash, a leak or another error. The journal
 * starts with one profile, product and night, so merges and conflicts
 * are reached as well as fresh inserts.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "core/tables.h"
#include "store/db.h"
#include "store/journal.h"
#include "view/export.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static sqlite3 *journal(void)
{
	static sqlite3 *db;
	if (db)
		return db;
	struct mg_err e = {0};
	const char *tmp = getenv("TMPDIR");
	char path[4096];
	snprintf(path, sizeof(path), "%s/mgtrack-fuzz-backup-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	int fd = mkstemp(path);
	if (fd < 0 || tables_load(&e) < 0)
		abort();
	close(fd);
	unlink(path);
	if (journal_open(path, &db, &e) < 0 ||
	    db_exec(db,
		    "INSERT INTO profile(name, age_years, age_on, sex) VALUES ('default', 40, '2026-01-01', 'female');"
		    "INSERT INTO product(name, form, elemental_mg) VALUES ('Calm Caps', 'glycinate', 100);"
		    "INSERT INTO night(profile_id, date, source, quality) VALUES (1, '2026-01-04', 'manual', '4');",
		    &e) < 0)
		abort();
	return db;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sqlite3 *db = journal();
	json_error_t jerr;
	json_t *doc = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES, &jerr);
	if (!doc)
		return 0;
	struct mg_err e = {0};
	struct restore_summary s;
	struct strbuf conflicts;
	strbuf_init(&conflicts);
	if (db_begin(db, &e) < 0)
		abort();
	int rc = view_restore(db, doc, &s, &conflicts, &e);
	db_rollback(db);
	json_decref(doc);
	strbuf_release(&conflicts);
	if (rc < 0 && e.code != MG_EDATA)
		__builtin_trap();
	return 0;
}
