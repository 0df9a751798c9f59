/*
 * The trial table (see trials.h). The stored hash is checked against the
 * design on every read, so an edited row is reported, not trusted.
 */
#include <string.h>
#include "store/db.h"
#include "store/trials.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

static void text(sqlite3_stmt *st, int col, char *dst, size_t n)
{
	const unsigned char *s = sqlite3_column_text(st, col);
	mg_strlcpy(dst, s ? (const char *)s : "", n);
}

int journal_trial_active(sqlite3 *db, long profile_id, struct trial_row *t, struct mg_err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, "SELECT id, outcome, blocks, period_days, washin_days, baseline_days, control, blind,"
		       " seed, start, block_order, hash, unblinded FROM trial WHERE profile_id = ? AND status = 'active'"
		       " ORDER BY id DESC LIMIT 1", &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, profile_id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return 0;
	}
	memset(t, 0, sizeof(*t));
	struct trial_design *d = &t->design;
	t->id = sqlite3_column_int64(st, 0);
	text(st, 1, d->outcome, sizeof(d->outcome));
	d->blocks = sqlite3_column_int(st, 2);
	d->period_days = sqlite3_column_int(st, 3);
	d->washin_days = sqlite3_column_int(st, 4);
	d->baseline_days = sqlite3_column_int(st, 5);
	text(st, 6, d->control, sizeof(d->control));
	d->blind = sqlite3_column_int(st, 7);
	d->seed = (unsigned long)sqlite3_column_int64(st, 8);
	char start[16], order[TRIAL_MAX_BLOCKS + 1], hash[17];
	text(st, 9, start, sizeof(start));
	text(st, 10, order, sizeof(order));
	text(st, 11, hash, sizeof(hash));
	t->unblinded = sqlite3_column_type(st, 12) != SQLITE_NULL;
	sqlite3_finalize(st);
	memcpy(d->order, order, strlen(order) < TRIAL_MAX_BLOCKS ? strlen(order) : TRIAL_MAX_BLOCKS);
	if (mg_parse_date(start, &d->start) < 0 || d->blocks < 1 || d->blocks > TRIAL_MAX_BLOCKS)
		return mg_err_set(e, MG_EDATA, "trial %ld in the journal is damaged", t->id);
	trial_hash(d, d->hash);
	if (strcmp(d->hash, hash) != 0)
		return mg_err_set(e, MG_EDATA, "trial %ld no longer matches its registered hash %s: the design was edited",
				  t->id, hash);
	return 1;
}

int journal_trial_add(sqlite3 *db, long profile_id, struct trial_row *t, struct mg_err *e)
{
	const struct trial_design *d = &t->design;
	sqlite3_stmt *st;
	if (db_prepare(db, "INSERT INTO trial(profile_id, outcome, blocks, period_days, washin_days, baseline_days,"
		       " control, blind, seed, start, block_order, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", &st, e) < 0)
		return -1;
	char start[16], order[TRIAL_MAX_BLOCKS + 1];
	mg_format_date(d->start, start, sizeof(start));
	memcpy(order, d->order, (size_t)d->blocks);
	order[d->blocks] = '\0';
	sqlite3_bind_int64(st, 1, profile_id);
	sqlite3_bind_text(st, 2, d->outcome, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, d->blocks);
	sqlite3_bind_int(st, 4, d->period_days);
	sqlite3_bind_int(st, 5, d->washin_days);
	sqlite3_bind_int(st, 6, d->baseline_days);
	sqlite3_bind_text(st, 7, d->control, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 8, d->blind);
	sqlite3_bind_int64(st, 9, (sqlite3_int64)d->seed);
	sqlite3_bind_text(st, 10, start, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 11, order, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 12, d->hash, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, "cannot save trial", e);
	t->id = sqlite3_last_insert_rowid(db);
	return 0;
}

static int update(sqlite3 *db, const char *sql, long id, struct mg_err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, sql, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, "cannot update trial", e);
}

int journal_trial_abandon(sqlite3 *db, long id, struct mg_err *e)
{
	return update(db, "UPDATE trial SET status = 'abandoned' WHERE id = ?", id, e);
}

int journal_trial_unblind(sqlite3 *db, long id, struct mg_err *e)
{
	return update(db, "UPDATE trial SET unblinded = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?", id, e);
}
