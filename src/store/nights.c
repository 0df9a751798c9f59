/*
 * Nightly log rows (see nights.h). The column for field "red-flag" is
 * red_flag, "caffeine-after-noon" is caffeine_after_noon: a dash becomes
 * an underscore. Values are the text night_get gives and night_set reads,
 * so the table and the CLI agree on every format.
 *
 * The SQL text is built from the field list, once per statement: the
 * one-off get and put prepare and finalize their own, an import's writer
 * prepares both once and resets them for every night.
 */
#include <stdio.h>
#include <string.h>
#include "store/db.h"
#include "store/nights.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

/* The longest text of one field, read or written: the note's (500
 * characters of UTF-8, up to 2,048 bytes). A smaller buffer cut long notes
 * short, in the middle of a character. */
#define FIELD_TEXT ((int)sizeof(((struct night *)0)->note))

static void column_name(const char *field, char *buf, size_t n)
{
	mg_strlcpy(buf, field, n);
	for (char *p = buf; *p; p++)
		if (*p == '-')
			*p = '_';
}

static void select_sql(struct strbuf *sql, const char *where)
{
	size_t nf;
	const char *const *fields = night_field_names(&nf);
	strbuf_adds(sql, "SELECT date, source");
	for (size_t i = 0; i < nf; i++) {
		char col[32];
		column_name(fields[i], col, sizeof(col));
		strbuf_addf(sql, ", %s", col);
	}
	strbuf_addf(sql, " FROM night WHERE %s", where);
}

static int row_to_night(sqlite3_stmt *st, struct night *n, struct mg_err *e)
{
	long date;
	const char *d = (const char *)sqlite3_column_text(st, 0);
	if (!d || mg_parse_date(d, &date) < 0)
		return mg_err_set(e, MG_EDATA, "a night in the journal has a damaged date");
	night_init(n, date);
	const unsigned char *src = sqlite3_column_text(st, 1);
	mg_strlcpy(n->source, src ? (const char *)src : "manual", sizeof(n->source));
	size_t nf;
	const char *const *fields = night_field_names(&nf);
	for (size_t i = 0; i < nf; i++) {
		const unsigned char *v = sqlite3_column_text(st, (int)i + 2);
		if (!v)
			continue;
		/* Red flags are stored as "a;b": set them one by one. */
		const char *p = (const char *)v;
		do {
			size_t len = strcmp(fields[i], "red-flag") == 0 ? strcspn(p, ";") : strlen(p);
			char value[FIELD_TEXT];
			mg_strlcpy(value, p, len + 1 < sizeof(value) ? len + 1 : sizeof(value));
			if (night_set(n, fields[i], value, e) < 0)
				return -1;
			p += len + (p[len] == ';');
		} while (*p);
	}
	return 0;
}

/* SELECT of one night by (profile, date, source). */
static int prepare_get(sqlite3 *db, int persistent, sqlite3_stmt **st, struct mg_err *e)
{
	struct strbuf sql;
	strbuf_init(&sql);
	select_sql(&sql, "profile_id = ? AND date = ? AND source = ?");
	int rc = persistent ? db_prepare_persistent(db, strbuf_str(&sql), st, e) : db_prepare(db, strbuf_str(&sql), st, e);
	strbuf_release(&sql);
	return rc;
}

/* The upsert of one night: every field, NULL for the unrecorded ones. */
static int prepare_put(sqlite3 *db, int persistent, sqlite3_stmt **st, struct mg_err *e)
{
	size_t nf;
	const char *const *fields = night_field_names(&nf);
	struct strbuf sql, vals, upd;
	strbuf_init(&sql);
	strbuf_init(&vals);
	strbuf_init(&upd);
	strbuf_adds(&sql, "INSERT INTO night(profile_id, date, source");
	for (size_t i = 0; i < nf; i++) {
		char col[32];
		column_name(fields[i], col, sizeof(col));
		strbuf_addf(&sql, ", %s", col);
		strbuf_addf(&vals, ", ?%zu", i + 4);
		strbuf_addf(&upd, "%s%s = excluded.%s", i ? ", " : "", col, col);
	}
	strbuf_addf(&sql, ") VALUES (?1, ?2, ?3%s) ON CONFLICT(profile_id, date, source) DO UPDATE SET %s,"
		    " updated = strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', 'now')", strbuf_str(&vals), strbuf_str(&upd));
	int rc = persistent ? db_prepare_persistent(db, strbuf_str(&sql), st, e) : db_prepare(db, strbuf_str(&sql), st, e);
	strbuf_release(&sql);
	strbuf_release(&vals);
	strbuf_release(&upd);
	return rc;
}

/* Both run functions bind text that lives until they return (their own
 * stack or the caller's night) as SQLITE_STATIC, so SQLite copies no
 * value, and leave the statement reset with its bindings cleared: no
 * binding outlives the text it points to, and the statement can run
 * again. */
static int run_get(sqlite3_stmt *st, long profile_id, long date, const char *source, struct night *n,
		   struct mg_err *e)
{
	char d[16];
	mg_format_date(date, d, sizeof(d));
	sqlite3_bind_int64(st, 1, profile_id);
	sqlite3_bind_text(st, 2, d, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, source, -1, SQLITE_STATIC);
	int found = sqlite3_step(st) == SQLITE_ROW;
	if (found && row_to_night(st, n, e) < 0)
		found = -1;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return found;
}

/* Room for every field's text; a field past it is copied by SQLite
 * instead. */
#define PUT_TEXT (40 * 512)

static int run_put(sqlite3 *db, sqlite3_stmt *st, long profile_id, const struct night *n, struct mg_err *e)
{
	size_t nf;
	const char *const *fields = night_field_names(&nf);
	char d[16], text[PUT_TEXT];
	size_t used = 0;
	mg_format_date(n->date, d, sizeof(d));
	sqlite3_bind_int64(st, 1, profile_id);
	sqlite3_bind_text(st, 2, d, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, n->source, -1, SQLITE_STATIC);
	for (size_t i = 0; i < nf; i++) {
		char spill[FIELD_TEXT];
		int own = used + FIELD_TEXT <= sizeof(text);
		char *v = own ? text + used : spill;
		night_get(n, fields[i], v, FIELD_TEXT);
		if (!v[0]) {
			sqlite3_bind_null(st, (int)i + 4);
			continue;
		}
		size_t len = strlen(v);
		sqlite3_bind_text(st, (int)i + 4, v, (int)len, own ? SQLITE_STATIC : SQLITE_TRANSIENT);
		if (own)
			used += len + 1;
	}
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, "cannot save night", e);
}

int journal_night_get(sqlite3 *db, long profile_id, long date, const char *source, struct night *n,
		      struct mg_err *e)
{
	sqlite3_stmt *st;
	if (prepare_get(db, 0, &st, e) < 0)
		return -1;
	int found = run_get(st, profile_id, date, source, n, e);
	sqlite3_finalize(st);
	return found;
}

int journal_night_put(sqlite3 *db, long profile_id, const struct night *n, struct mg_err *e)
{
	sqlite3_stmt *st;
	if (prepare_put(db, 0, &st, e) < 0)
		return -1;
	int rc = run_put(db, st, profile_id, n, e);
	sqlite3_finalize(st);
	return rc;
}

int journal_night_delete(sqlite3 *db, long profile_id, long date, struct mg_err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, "DELETE FROM night WHERE profile_id = ? AND date = ?", &st, e) < 0)
		return -1;
	char d[16];
	mg_format_date(date, d, sizeof(d));
	sqlite3_bind_int64(st, 1, profile_id);
	sqlite3_bind_text(st, 2, d, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, "cannot delete night", e);
	if (sqlite3_changes(db) == 0)
		return mg_err_set(e, MG_ENOINPUT, "no night on \"%s\"", d);
	return 0;
}

int journal_night_list(sqlite3 *db, long profile_id, long from, long to,
		       int (*cb)(const struct night *n, void *ctx), void *ctx, struct mg_err *e)
{
	struct strbuf sql;
	strbuf_init(&sql);
	select_sql(&sql, "profile_id = ? AND date BETWEEN ? AND ? ORDER BY date, source");
	sqlite3_stmt *st;
	int rc = db_prepare(db, strbuf_str(&sql), &st, e);
	strbuf_release(&sql);
	if (rc < 0)
		return -1;
	db_bind_window(st, profile_id, from, to);
	int stop = 0;
	rc = 0;
	while (!stop && sqlite3_step(st) == SQLITE_ROW) {
		struct night n;
		if (row_to_night(st, &n, e) < 0) {
			rc = -1;
			break;
		}
		stop = cb(&n, ctx);
	}
	sqlite3_finalize(st);
	return rc;
}

int journal_night_writer_init(struct night_writer *w, sqlite3 *db, struct mg_err *e)
{
	memset(w, 0, sizeof(*w));
	w->db = db;
	if (prepare_get(db, 1, &w->get, e) < 0 || prepare_put(db, 1, &w->put, e) < 0) {
		journal_night_writer_release(w);
		return -1;
	}
	return 0;
}

void journal_night_writer_release(struct night_writer *w)
{
	/* sqlite3_finalize(NULL) is a no-op: a half-made writer releases too. */
	sqlite3_finalize(w->get);
	sqlite3_finalize(w->put);
	memset(w, 0, sizeof(*w));
}

int journal_night_write(struct night_writer *w, long profile_id, const struct night *n,
			int (*keep_stored)(const struct night *stored, const struct night *n), struct mg_err *e)
{
	struct night old;
	int found = run_get(w->get, profile_id, n->date, n->source, &old, e);
	if (found < 0)
		return -1;
	if (found && night_equal(&old, n))
		return NIGHT_UNCHANGED;
	if (found && keep_stored && keep_stored(&old, n))
		return NIGHT_KEPT;
	if (run_put(w->db, w->put, profile_id, n, e) < 0)
		return -1;
	return found ? NIGHT_UPDATED : NIGHT_WRITTEN;
}
