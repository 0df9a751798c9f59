/*
 * The course tables (schema in store/journal.c, migration 7): a course row
 * per programme, its plan versions in seq order, and each version's
 * intakes. Versions are only ever appended; reading a course loads all of
 * them (a course has tens, not thousands).
 */
#include <stdlib.h>
#include <string.h>
#include "store/courses.h"
#include "store/db.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

static const char *const phase_names[] = {"titrating", "maintenance", "stepping_down", "paused", "stopped"};

const char *course_phase_name(enum course_phase p)
{
	return (unsigned)p < sizeof(phase_names) / sizeof(phase_names[0]) ? phase_names[p] : "stopped";
}

static int phase_from_name(const char *s, enum course_phase *p)
{
	for (size_t i = 0; i < sizeof(phase_names) / sizeof(phase_names[0]); i++)
		if (s && strcmp(s, phase_names[i]) == 0) {
			*p = (enum course_phase)i;
			return 0;
		}
	return -1;
}

void course_init(struct course *c)
{
	memset(c, 0, sizeof(*c));
	c->started = c->ended = MG_NO_DATE;
}

void course_release(struct course *c)
{
	free(c->v);
	course_init(c);
}

void course_push(struct course *c, const struct course_version *v)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 8;
		c->v = mg_realloc(c->v, c->cap * sizeof(*c->v));
	}
	c->v[c->n++] = *v;
}

const struct course_version *course_last(const struct course *c)
{
	return c->n ? &c->v[c->n - 1] : NULL;
}

static void text(sqlite3_stmt *st, int col, char *dst, size_t n)
{
	const unsigned char *s = sqlite3_column_text(st, col);
	mg_strlcpy(dst, s ? (const char *)s : "", n);
}

static long date_col(sqlite3_stmt *st, int col)
{
	long d;
	const unsigned char *s = sqlite3_column_text(st, col);
	return s && mg_parse_date((const char *)s, &d) == 0 ? d : MG_NO_DATE;
}

static int load_intakes(sqlite3 *db, struct course_version *v, struct mg_err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, "SELECT time, elemental_mg, units, slot FROM plan_intake WHERE version_id = ? ORDER BY seq",
		       &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, v->id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && v->n_intakes < COURSE_MAX_INTAKES) {
		struct course_intake *in = &v->intakes[v->n_intakes++];
		if (mg_parse_hhmm((const char *)sqlite3_column_text(st, 0), &in->time) < 0) {
			sqlite3_finalize(st);
			return mg_err_set(e, MG_EDATA, "plan version %ld has a damaged intake time", v->id);
		}
		in->mg = sqlite3_column_double(st, 1);
		in->units = sqlite3_column_double(st, 2);
		text(st, 3, in->slot, sizeof(in->slot));
	}
	sqlite3_finalize(st);
	return 0;
}

static int load_versions(sqlite3 *db, struct course *c, struct mg_err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, "SELECT id, seq, from_date, phase, event, daily_mg, full_mg, start_mg, step_mg, form,"
		       " coalesce(product_id, 0), product_name, unit_mg, units_per_serving, reason, rule, divisible"
		       " FROM plan_version WHERE course_id = ? ORDER BY seq", &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, c->id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct course_version v;
		memset(&v, 0, sizeof(v));
		v.id = sqlite3_column_int64(st, 0);
		v.seq = sqlite3_column_int(st, 1);
		v.from = date_col(st, 2);
		char phase[24];
		text(st, 3, phase, sizeof(phase));
		if (v.from == MG_NO_DATE || phase_from_name(phase, &v.phase) < 0) {
			sqlite3_finalize(st);
			return mg_err_set(e, MG_EDATA, "plan version %ld in the journal is damaged", v.id);
		}
		text(st, 4, v.event, sizeof(v.event));
		v.daily_mg = sqlite3_column_double(st, 5);
		v.full_mg = sqlite3_column_double(st, 6);
		v.start_mg = sqlite3_column_double(st, 7);
		v.step_mg = sqlite3_column_double(st, 8);
		text(st, 9, v.form, sizeof(v.form));
		v.product_id = sqlite3_column_int64(st, 10);
		text(st, 11, v.product_name, sizeof(v.product_name));
		v.unit_mg = sqlite3_column_double(st, 12);
		v.units_per_serving = sqlite3_column_int(st, 13);
		text(st, 14, v.reason, sizeof(v.reason));
		text(st, 15, v.rule, sizeof(v.rule));
		v.divisible = sqlite3_column_int(st, 16);
		course_push(c, &v);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, "cannot read the course", e);
	for (size_t i = 0; i < c->n; i++)
		if (load_intakes(db, &c->v[i], e) < 0)
			return -1;
	return 0;
}

int journal_course_latest(sqlite3 *db, long profile_id, struct course *c, struct mg_err *e)
{
	course_init(c);
	sqlite3_stmt *st;
	/* The running course first (ended IS NULL sorts first), else the newest. */
	if (db_prepare(db, "SELECT id, started, ended FROM course WHERE profile_id = ?"
		       " ORDER BY ended IS NOT NULL, id DESC LIMIT 1", &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, profile_id);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return rc == SQLITE_DONE ? 0 : db_fail(db, "cannot read the course", e);
	}
	c->id = sqlite3_column_int64(st, 0);
	c->started = date_col(st, 1);
	c->ended = sqlite3_column_type(st, 2) == SQLITE_NULL ? MG_NO_DATE : date_col(st, 2);
	sqlite3_finalize(st);
	if (c->started == MG_NO_DATE) {
		mg_err_set(e, MG_EDATA, "course %ld in the journal has a damaged start date", c->id);
		return -1;
	}
	if (load_versions(db, c, e) < 0) {
		course_release(c);
		return -1;
	}
	if (!c->n) {
		long id = c->id;
		course_release(c);
		return mg_err_set(e, MG_EDATA, "course %ld in the journal has no plan version", id);
	}
	return 1;
}

int journal_course_list(sqlite3 *db, long profile_id, int (*cb)(const struct course *c, void *ctx), void *ctx,
			struct mg_err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, "SELECT id, started, ended FROM course WHERE profile_id = ? ORDER BY started, id", &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, profile_id);
	int rc, stop = 0;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct course c;
		course_init(&c);
		c.id = sqlite3_column_int64(st, 0);
		c.started = date_col(st, 1);
		c.ended = sqlite3_column_type(st, 2) == SQLITE_NULL ? MG_NO_DATE : date_col(st, 2);
		if (c.started == MG_NO_DATE) {
			sqlite3_finalize(st);
			return mg_err_set(e, MG_EDATA, "course %ld in the journal has a damaged start date", c.id);
		}
		if (load_versions(db, &c, e) < 0) {
			course_release(&c);
			sqlite3_finalize(st);
			return -1;
		}
		stop = cb(&c, ctx);
		course_release(&c);
	}
	sqlite3_finalize(st);
	if (!stop && rc != SQLITE_DONE)
		return db_fail(db, "cannot read the courses", e);
	return 0;
}

int journal_course_add(sqlite3 *db, long profile_id, struct course *c, struct mg_err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, "INSERT INTO course(profile_id, started) VALUES (?, ?)", &st, e) < 0)
		return -1;
	char d[16];
	mg_format_date(c->started, d, sizeof(d));
	sqlite3_bind_int64(st, 1, profile_id);
	sqlite3_bind_text(st, 2, d, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_CONSTRAINT)
		return mg_err_set(e, MG_EDATA, "a course is already running: see 'mgtrack course', or stop it first");
	if (rc != SQLITE_DONE)
		return db_fail(db, "cannot save the course", e);
	c->id = sqlite3_last_insert_rowid(db);
	return 0;
}

int journal_version_add(sqlite3 *db, long course_id, struct course_version *v, struct mg_err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, "INSERT INTO plan_version(course_id, seq, from_date, phase, event, daily_mg, full_mg,"
		       " start_mg, step_mg, form, product_id, product_name, unit_mg, units_per_serving, reason, rule,"
		       " divisible)"
		       " VALUES (?1, (SELECT coalesce(max(seq), 0) + 1 FROM plan_version WHERE course_id = ?1),"
		       " ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)", &st, e) < 0)
		return -1;
	char d[16];
	mg_format_date(v->from, d, sizeof(d));
	sqlite3_bind_int64(st, 1, course_id);
	sqlite3_bind_text(st, 2, d, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, course_phase_name(v->phase), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, v->event, -1, SQLITE_STATIC);
	sqlite3_bind_double(st, 5, v->daily_mg);
	sqlite3_bind_double(st, 6, v->full_mg);
	sqlite3_bind_double(st, 7, v->start_mg);
	sqlite3_bind_double(st, 8, v->step_mg);
	sqlite3_bind_text(st, 9, v->form, -1, SQLITE_STATIC);
	if (v->product_id)
		sqlite3_bind_int64(st, 10, v->product_id);
	else
		sqlite3_bind_null(st, 10);
	sqlite3_bind_text(st, 11, v->product_name, -1, SQLITE_STATIC);
	sqlite3_bind_double(st, 12, v->unit_mg);
	sqlite3_bind_int(st, 13, v->units_per_serving);
	sqlite3_bind_text(st, 14, v->reason, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 15, v->rule, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 16, v->divisible != 0);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, "cannot save the plan version", e);
	v->id = sqlite3_last_insert_rowid(db);
	if (db_prepare(db, "SELECT seq FROM plan_version WHERE id = ?", &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, v->id);
	v->seq = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	for (size_t i = 0; i < v->n_intakes; i++) {
		const struct course_intake *in = &v->intakes[i];
		if (db_prepare(db, "INSERT INTO plan_intake(version_id, seq, time, elemental_mg, units, slot)"
			       " VALUES (?, ?, ?, ?, ?, ?)", &st, e) < 0)
			return -1;
		char t[8];
		mg_format_hhmm(in->time, t, sizeof(t));
		sqlite3_bind_int64(st, 1, v->id);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)i + 1);
		sqlite3_bind_text(st, 3, t, -1, SQLITE_TRANSIENT);
		sqlite3_bind_double(st, 4, in->mg);
		sqlite3_bind_double(st, 5, in->units);
		sqlite3_bind_text(st, 6, in->slot, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return db_fail(db, "cannot save the plan version's intakes", e);
	}
	return 0;
}

int journal_course_end(sqlite3 *db, long course_id, long date, struct mg_err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, "UPDATE course SET ended = ? WHERE id = ? AND ended IS NULL", &st, e) < 0)
		return -1;
	char d[16];
	mg_format_date(date, d, sizeof(d));
	sqlite3_bind_text(st, 1, d, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, course_id);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, "cannot end the course", e);
	return 0;
}

int journal_course_previous_end(sqlite3 *db, long profile_id, long course_id, long *ended, struct mg_err *e)
{
	sqlite3_stmt *st;
	*ended = MG_NO_DATE;
	if (db_prepare(db, "SELECT max(ended) FROM course WHERE profile_id = ? AND id <> ? AND ended IS NOT NULL", &st,
		       e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, profile_id);
	sqlite3_bind_int64(st, 2, course_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		*ended = date_col(st, 0);
	sqlite3_finalize(st);
	return 0;
}
