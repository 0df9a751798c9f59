/*
 * SQLite helpers; see db.h. Files are created 0600 by creating them
 * ourselves before SQLite opens them: SQLite gives its -wal and -shm files
 * the same mode as the database file.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "store/db.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

int db_fail(sqlite3 *db, const char *what, struct mg_err *e)
{
	int rc = sqlite3_errcode(db);
	int code = MG_EIO;
	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		code = MG_EUNAVAIL;
	else if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB)
		code = MG_EDATA;
	else if (rc == SQLITE_CONSTRAINT)
		code = MG_EDATA;
	return mg_err_set(e, code, "%s: %s", what, sqlite3_errmsg(db));
}

int db_mkdirs_for(const char *path, struct mg_err *e)
{
	char *dir = mg_strdup(path);
	char *slash = strrchr(dir, '/');
	if (!slash || slash == dir) {
		free(dir);
		return 0;
	}
	*slash = '\0';
	for (char *p = dir + 1; ; p++) {
		if (*p == '/' || *p == '\0') {
			char c = *p;
			*p = '\0';
			if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
				int rc = mg_err_set(e, MG_EIO, "cannot create folder \"%s\": %s", dir, strerror(errno));
				free(dir);
				return rc;
			}
			*p = c;
			if (!c)
				break;
		}
	}
	free(dir);
	return 0;
}

int db_open(const char *path, int flags, sqlite3 **out, struct mg_err *e)
{
	*out = NULL;
	struct stat sb;
	int exists = stat(path, &sb) == 0;
	if (!exists && !(flags & DB_CREATE))
		return mg_err_set(e, MG_ENOINPUT, "database \"%s\" does not exist", path);
	if (!exists) {
		if (db_mkdirs_for(path, e) < 0)
			return -1;
		int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
		if (fd < 0 && errno != EEXIST)
			return mg_err_set(e, MG_EIO, "cannot create \"%s\": %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
	}
	sqlite3 *db = NULL;
	int oflags = (flags & (DB_READONLY | DB_IMMUTABLE)) ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	struct strbuf uri;
	strbuf_init(&uri);
	if (flags & DB_IMMUTABLE) {
		/* A URI filename, with every byte that could end the path or
		 * start a parameter percent-encoded. */
		strbuf_adds(&uri, "file:");
		for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
			if (*p == '%' || *p == '?' || *p == '#' || *p < 0x21 || *p > 0x7e)
				strbuf_addf(&uri, "%%%02X", *p);
			else
				strbuf_addch(&uri, (char)*p);
		}
		strbuf_adds(&uri, "?immutable=1");
		oflags |= SQLITE_OPEN_URI;
	}
	int orc = sqlite3_open_v2((flags & DB_IMMUTABLE) ? strbuf_str(&uri) : path, &db, oflags | SQLITE_OPEN_NOMUTEX, NULL);
	strbuf_release(&uri);
	if (orc != SQLITE_OK) {
		int rc = mg_err_set(e, MG_EIO, "cannot open \"%s\": %s", path,
				    db ? sqlite3_errmsg(db) : "out of memory");
		sqlite3_close(db);
		return rc;
	}
	sqlite3_busy_timeout(db, 5000);
	sqlite3_extended_result_codes(db, 0);
	/* A file that is not a database shows up at the first read. */
	const char *setup = (flags & (DB_READONLY | DB_IMMUTABLE))
		? "PRAGMA foreign_keys=ON; PRAGMA query_only=ON; SELECT count(*) FROM sqlite_master;"
		: "PRAGMA foreign_keys=ON; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";
	/* Switching a new file to WAL takes a lock the busy handler does not
	 * wait for when another process is doing the same: retry for as long
	 * as the busy timeout, then say it is busy, not damaged. */
	int src = sqlite3_exec(db, setup, NULL, NULL, NULL);
	for (int tries = 0; (src == SQLITE_BUSY || src == SQLITE_LOCKED) && tries < 500; tries++) {
		sqlite3_sleep(10);
		src = sqlite3_exec(db, setup, NULL, NULL, NULL);
	}
	if (src == SQLITE_BUSY || src == SQLITE_LOCKED) {
		int rc = mg_err_set(e, MG_EIO, "\"%s\" is busy: another mgtrack has held it for 5 s; try again", path);
		sqlite3_close(db);
		return rc;
	}
	if (src != SQLITE_OK && src != SQLITE_NOTADB && src != SQLITE_CORRUPT) {
		/* A read-only folder or mount, a full disk, no permission: the
		 * journal is fine, the place is not. Never suggest it is damaged. */
		int rc = mg_err_set(e, MG_EIO, "cannot use \"%s\": %s (the file itself may be fine: check the folder's"
				    " permissions and free space)", path, sqlite3_errmsg(db));
		sqlite3_close(db);
		return rc;
	}
	if (src != SQLITE_OK) {
		int rc = mg_err_set(e, MG_EDATA, "\"%s\" is not a usable database: %s", path, sqlite3_errmsg(db));
		sqlite3_close(db);
		return rc;
	}
	*out = db;
	return 0;
}

void db_close(sqlite3 *db)
{
	if (db)
		sqlite3_close(db);
}

int db_exec(sqlite3 *db, const char *sql, struct mg_err *e)
{
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		int rc = mg_err_set(e, MG_EIO, "database error: %s", msg ? msg : sqlite3_errmsg(db));
		sqlite3_free(msg);
		return rc;
	}
	return 0;
}

int db_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st, struct mg_err *e)
{
	if (sqlite3_prepare_v2(db, sql, -1, st, NULL) != SQLITE_OK)
		return db_fail(db, "cannot prepare a query", e);
	return 0;
}

int db_prepare_persistent(sqlite3 *db, const char *sql, sqlite3_stmt **st, struct mg_err *e)
{
	if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL) != SQLITE_OK)
		return db_fail(db, "cannot prepare a query", e);
	return 0;
}

int db_begin(sqlite3 *db, struct mg_err *e)
{
	if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return db_fail(db, "cannot start a transaction", e);
	return 0;
}

int db_begin_read(sqlite3 *db, struct mg_err *e)
{
	/* A deferred transaction takes its snapshot at the first read: read
	 * once now, so the snapshot is the journal as it was here. */
	if (sqlite3_exec(db, "BEGIN DEFERRED; SELECT count(*) FROM sqlite_master", NULL, NULL, NULL) != SQLITE_OK) {
		int rc = db_fail(db, "cannot start a read transaction", e);
		db_rollback(db);
		return rc;
	}
	return 0;
}

int db_commit(sqlite3 *db, struct mg_err *e)
{
	if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		int rc = db_fail(db, "cannot commit", e);
		db_rollback(db);
		return rc;
	}
	return 0;
}

void db_rollback(sqlite3 *db)
{
	if (!sqlite3_get_autocommit(db))
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
}

int db_bind_text_or_null(sqlite3_stmt *st, int idx, const char *s)
{
	if (!s || !*s)
		return sqlite3_bind_null(st, idx);
	return sqlite3_bind_text(st, idx, s, -1, SQLITE_TRANSIENT);
}

void db_bind_window(sqlite3_stmt *st, long profile_id, long from, long to)
{
	char a[16], b[16];
	mg_format_date(from, a, sizeof(a));
	mg_format_date(to, b, sizeof(b));
	sqlite3_bind_int64(st, 1, profile_id);
	sqlite3_bind_text(st, 2, a, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, b, -1, SQLITE_TRANSIENT);
}
