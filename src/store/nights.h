/*
 * The nightly log in the journal: one row per night and source. Columns
 * mirror the fields of struct night (core/night.h) one to one, so this
 * file turns rows into nights with night_set and back with night_get.
 * Write functions run inside the caller's transaction.
 */
#ifndef MG_NIGHTS_H
#define MG_NIGHTS_H

#include <sqlite3.h>
#include "core/night.h"
#include "util/err.h"

/* Loads the night of `date` from `source` into n; 1 found, 0 not. */
int journal_night_get(sqlite3 *db, long profile_id, long date, const char *source, struct night *n,
		      struct mg_err *e);
/* Inserts or replaces the night (profile, date, source). */
int journal_night_put(sqlite3 *db, long profile_id, const struct night *n, struct mg_err *e);
/* Stores the nights of one import. Its statements are prepared once by
 * journal_night_writer_init and reset for every night: an export spanning
 * thousands of nights once spent most of its import preparing the same
 * SQL again for each. Use it inside the import's transaction; the caller
 * releases it (also after a failed init), before closing the connection. */
struct night_writer {
	sqlite3 *db;
	sqlite3_stmt *get, *put;
};
int journal_night_writer_init(struct night_writer *w, sqlite3 *db, struct mg_err *e);
void journal_night_writer_release(struct night_writer *w);
/* Stores an imported night unless the journal already holds it as it is:
 * NIGHT_WRITTEN, NIGHT_UPDATED or NIGHT_UNCHANGED, or -1. When the journal
 * holds a different night of that date and source and keep_stored (NULL:
 * never) says so, the stored one stays and the answer is NIGHT_KEPT: the
 * rule is the importer's (core/sessionimport.c), the one read is the
 * store's. */
enum { NIGHT_WRITTEN, NIGHT_UPDATED, NIGHT_UNCHANGED, NIGHT_KEPT };
int journal_night_write(struct night_writer *w, long profile_id, const struct night *n,
			int (*keep_stored)(const struct night *stored, const struct night *n), struct mg_err *e);
/* Deletes every source's night of `date`; MG_ENOINPUT when there is none. */
int journal_night_delete(sqlite3 *db, long profile_id, long date, struct mg_err *e);
/* Nights with from <= date <= to, by date then source. cb returns non-zero to stop. */
int journal_night_list(sqlite3 *db, long profile_id, long from, long to,
		       int (*cb)(const struct night *n, void *ctx), void *ctx, struct mg_err *e);

#endif
