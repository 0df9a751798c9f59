/*
 * SQLite plumbing shared by the journal and the food database: opening a
 * file with mode 0600 (creating its folder with 0700), WAL and a busy
 * timeout so the CLI and the web server can share a journal, explicit
 * transactions, and turning SQLite failures into struct mg_err.
 */
#ifndef MG_DB_H
#define MG_DB_H

#include <sqlite3.h>
#include "util/err.h"

/* DB_IMMUTABLE: read-only, and the file never changes while open (the
 * food database is replaced by rename, never edited), so SQLite can skip
 * locking and change checks on every statement. */
enum { DB_CREATE = 1, DB_READONLY = 2, DB_IMMUTABLE = 4 };

/* Opens path; with DB_CREATE makes it (and its folder) when missing. The
 * caller closes *out with db_close. */
int db_open(const char *path, int flags, sqlite3 **out, struct mg_err *e);
void db_close(sqlite3 *db);

int db_exec(sqlite3 *db, const char *sql, struct mg_err *e);
int db_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st, struct mg_err *e);
/* For a statement kept for a whole import and run once per record (reset
 * and rebound each time): SQLITE_PREPARE_PERSISTENT tells SQLite it lives
 * long, so its memory does not come from the short-lived lookaside. The
 * caller finalizes *st. */
int db_prepare_persistent(sqlite3 *db, const char *sql, sqlite3_stmt **st, struct mg_err *e);
/* BEGIN IMMEDIATE: take the write lock up front, so a command never fails
 * half-way because another writer got in first. */
int db_begin(sqlite3 *db, struct mg_err *e);
/* A read transaction: every query until db_rollback sees one snapshot of
 * the journal (export reads all its files in one). Takes no write lock. */
int db_begin_read(sqlite3 *db, struct mg_err *e);
int db_commit(sqlite3 *db, struct mg_err *e);
void db_rollback(sqlite3 *db);

/* Fills e from the connection's last error, with `what` as context. */
int db_fail(sqlite3 *db, const char *what, struct mg_err *e);

/* Makes the folders above path (mode 0700). */
int db_mkdirs_for(const char *path, struct mg_err *e);

/* Binds a listing's profile and day window as parameters 1, 2 and 3
 * (profile_id, from and to as YYYY-MM-DD), as every "from..to" query of
 * the journal takes them. */
void db_bind_window(sqlite3_stmt *st, long profile_id, long from, long to);

/* Binds text or NULL when s is NULL or empty. */
int db_bind_text_or_null(sqlite3_stmt *st, int idx, const char *s);

#endif
