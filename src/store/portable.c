/*
 * The export's view of the journal's tables (see portable.h). The SQL is
 * built from the specs below, never from input: table and column names
 * come from this file only, every value is a bound parameter.
 */
#include <stdlib.h>
#include <string.h>
#include "store/db.h"
#include "store/journal.h"
#include "store/portable.h"
#include "util/strbuf.h"
#include "util/banned.h"

#define COLS(a) a, sizeof(a) / sizeof(a[0])

static const struct port_col product_cols[] = {
	{"name", 't', 0}, {"form", 't', 0}, {"hydrate", 't', 1}, {"compound_mg", 'r', 1},
	{"elemental_mg", 'r', 1}, {"units_per_serving", 'i', 0}, {"third_party", 'i', 0},
	{"proprietary_blend", 'i', 0}, {"created", 't', 0}, {"taking_servings", 'r', 1}, {"divisible", 'i', 0},
};
static const struct port_col custom_food_cols[] = {
	{"name", 't', 0}, {"magnesium_mg", 'r', 0}, {"energy_kcal", 'r', 1}, {"created", 't', 0},
	{"magnesium_known", 'i', 0},
};
static const struct port_col custom_measure_cols[] = {
	{"seq", 'i', 0}, {"amount", 'r', 0}, {"name", 't', 0}, {"grams", 'r', 0},
};
static const struct port_col profile_cols[] = {
	{"name", 't', 0}, {"born", 'd', 1}, {"age_years", 'i', 1}, {"age_on", 'd', 1}, {"sex", 't', 0},
	{"pregnant", 'i', 0}, {"lactating", 'i', 0}, {"clinician_guided", 'i', 0}, {"gi_sensitive", 'i', 0},
	{"training", 't', 0}, {"region", 't', 0}, {"wake", 'h', 1}, {"bed", 'h', 1}, {"created", 't', 0},
	{"updated", 't', 0}, {"train_at", 't', 1}, {"zinc_mg", 'r', 1}, {"food_source", 't', 0},
	{"egfr", 't', 1}, {"diet", 't', 0}, {"avoid", 't', 0},
};
static const struct port_col goal_cols[] = {{"goal", 't', 0}};
static const struct port_col condition_cols[] = {{"condition", 't', 0}};
static const struct port_col med_cols[] = {{"name", 't', 0}, {"times", 't', 0}};
static const struct port_col food_log_cols[] = {
	{"date", 'd', 0}, {"food_id", 'i', 0}, {"food_name", 't', 0}, {"amount", 'r', 0}, {"measure", 't', 0},
	{"grams", 'r', 0}, {"magnesium_mg", 'r', 0}, {"energy_kcal", 'r', 1}, {"created", 't', 0},
	{"magnesium_known", 'i', 0},
};
static const struct port_col imported_intake_cols[] = {
	{"date", 'd', 0}, {"source", 't', 0}, {"magnesium_mg", 'r', 0},
};
static const struct port_col dose_cols[] = {
	{"date", 'd', 0}, {"time", 'h', 0}, {"product_id", 'i', 1}, {"product_name", 't', 0},
	{"servings", 'r', 0}, {"elemental_mg", 'r', 0}, {"estimated", 'i', 0}, {"created", 't', 0},
	{"status", 't', 0}, {"planned_time", 'h', 1},
};
static const struct port_col night_cols[] = {
	{"date", 'd', 0}, {"source", 't', 0}, {"bed", 'a', 1}, {"tried", 'a', 1}, {"sol", 'a', 1},
	{"awakenings", 'a', 1}, {"waso", 'a', 1}, {"wake", 'a', 1}, {"up", 'a', 1}, {"quality", 'a', 1},
	{"rested", 'a', 1}, {"rls", 'a', 1}, {"tightness", 'a', 1}, {"stress", 'a', 1}, {"mood", 'a', 1},
	{"energy", 'a', 1}, {"cramps", 'a', 1}, {"bristol", 'a', 1}, {"red_flag", 'a', 1},
	{"caffeine_after_noon", 'a', 1}, {"alcohol", 'a', 1}, {"training", 'a', 1}, {"headache", 'a', 1},
	{"note", 'a', 1}, {"created", 't', 0}, {"updated", 't', 0}, {"deep", 'a', 1}, {"light", 'a', 1},
	{"rem", 'a', 1}, {"hrv", 'a', 1}, {"hrv_kind", 'a', 1}, {"hr_low", 'a', 1},
};
static const struct port_col course_cols[] = {{"started", 'd', 0}, {"ended", 'd', 1}, {"created", 't', 0}};
static const struct port_col plan_version_cols[] = {
	{"seq", 'i', 0}, {"from_date", 'd', 0}, {"phase", 't', 0}, {"event", 't', 0}, {"daily_mg", 'r', 0},
	{"full_mg", 'r', 0}, {"start_mg", 'r', 0}, {"step_mg", 'r', 0}, {"form", 't', 0},
	{"product_id", 'i', 1}, {"product_name", 't', 0}, {"unit_mg", 'r', 0}, {"units_per_serving", 'i', 0},
	{"reason", 't', 0}, {"rule", 't', 0}, {"created", 't', 0}, {"divisible", 'i', 0},
};
static const struct port_col plan_intake_cols[] = {
	{"seq", 'i', 0}, {"time", 'h', 0}, {"elemental_mg", 'r', 0}, {"units", 'r', 0}, {"slot", 't', 0},
};
static const struct port_col trial_cols[] = {
	{"status", 't', 0}, {"outcome", 't', 0}, {"blocks", 'i', 0}, {"period_days", 'i', 0},
	{"washin_days", 'i', 0}, {"baseline_days", 'i', 0}, {"control", 't', 0}, {"blind", 'i', 0},
	{"seed", 'i', 0}, {"start", 'd', 0}, {"block_order", 't', 0}, {"hash", 't', 0},
	{"unblinded", 't', 1}, {"created", 't', 0},
};

static const struct port_spec specs[PT_COUNT] = {
	[PT_PRODUCT] = {"product", NULL, 0, COLS(product_cols), "id"},
	[PT_CUSTOM_FOOD] = {"custom_food", NULL, 0, COLS(custom_food_cols), "id"},
	[PT_CUSTOM_MEASURE] = {"custom_measure", "food_id", PT_CUSTOM_FOOD, COLS(custom_measure_cols), "seq"},
	[PT_PROFILE] = {"profile", NULL, 0, COLS(profile_cols), "name"},
	[PT_GOAL] = {"profile_goal", "profile_id", PT_PROFILE, COLS(goal_cols), "goal"},
	[PT_CONDITION] = {"profile_condition", "profile_id", PT_PROFILE, COLS(condition_cols), "condition"},
	[PT_MED] = {"profile_med", "profile_id", PT_PROFILE, COLS(med_cols), "id"},
	[PT_FOOD_LOG] = {"food_log", "profile_id", PT_PROFILE, COLS(food_log_cols), "id"},
	[PT_IMPORTED_INTAKE] = {"imported_intake", "profile_id", PT_PROFILE, COLS(imported_intake_cols), "date, source"},
	[PT_DOSE] = {"dose", "profile_id", PT_PROFILE, COLS(dose_cols), "id"},
	[PT_NIGHT] = {"night", "profile_id", PT_PROFILE, COLS(night_cols), "id"},
	[PT_COURSE] = {"course", "profile_id", PT_PROFILE, COLS(course_cols), "id"},
	[PT_PLAN_VERSION] = {"plan_version", "course_id", PT_COURSE, COLS(plan_version_cols), "seq"},
	[PT_PLAN_INTAKE] = {"plan_intake", "version_id", PT_PLAN_VERSION, COLS(plan_intake_cols), "seq"},
	[PT_TRIAL] = {"trial", "profile_id", PT_PROFILE, COLS(trial_cols), "id"},
};

/* Tables keyed by something else than an id column: the rowid. */
static const char *id_expr(enum port_table t)
{
	return t == PT_GOAL || t == PT_CONDITION || t == PT_IMPORTED_INTAKE || t == PT_CUSTOM_MEASURE ||
		       t == PT_PLAN_INTAKE
		       ? "rowid"
		       : "id";
}

const struct port_spec *port_spec(enum port_table t)
{
	return &specs[t];
}

int port_col_index(enum port_table t, const char *name)
{
	for (size_t i = 0; i < specs[t].n_cols; i++)
		if (strcmp(specs[t].cols[i].name, name) == 0)
			return (int)i;
	return -1;
}

static void read_values(sqlite3_stmt *st, int first, size_t n, struct port_value *vals)
{
	for (size_t i = 0; i < n; i++) {
		int c = first + (int)i;
		struct port_value *v = &vals[i];
		v->type = sqlite3_column_type(st, c);
		v->i = 0;
		v->r = 0;
		v->s = NULL;
		if (v->type == SQLITE_INTEGER)
			v->i = sqlite3_column_int64(st, c);
		else if (v->type == SQLITE_FLOAT)
			v->r = sqlite3_column_double(st, c);
		else if (v->type == SQLITE_TEXT || v->type == SQLITE_BLOB) {
			/* No column holds a blob; one read as text keeps its bytes. */
			v->type = SQLITE_TEXT;
			v->s = (const char *)sqlite3_column_text(st, c);
		}
	}
}

static int bind_value(sqlite3_stmt *st, int idx, const struct port_value *v)
{
	switch (v->type) {
	case SQLITE_INTEGER:
		return sqlite3_bind_int64(st, idx, v->i);
	case SQLITE_FLOAT:
		return sqlite3_bind_double(st, idx, v->r);
	case SQLITE_TEXT:
		return sqlite3_bind_text(st, idx, v->s, -1, SQLITE_TRANSIENT);
	default:
		return sqlite3_bind_null(st, idx);
	}
}

static void add_columns(struct strbuf *sql, enum port_table t)
{
	for (size_t i = 0; i < specs[t].n_cols; i++)
		strbuf_addf(sql, "%s%s", i ? ", " : "", specs[t].cols[i].name);
}

int port_rows(sqlite3 *db, enum port_table t, long parent_id, port_row_fn cb, void *arg, struct mg_err *e)
{
	const struct port_spec *s = &specs[t];
	struct strbuf sql;
	strbuf_init(&sql);
	strbuf_addf(&sql, "SELECT %s, ", id_expr(t));
	add_columns(&sql, t);
	strbuf_addf(&sql, " FROM %s", s->table);
	if (s->parent)
		strbuf_addf(&sql, " WHERE %s = ?", s->parent);
	strbuf_addf(&sql, " ORDER BY %s", s->order);
	sqlite3_stmt *st;
	int rc = db_prepare(db, sql.buf, &st, e);
	strbuf_release(&sql);
	if (rc < 0)
		return rc;
	if (s->parent)
		sqlite3_bind_int64(st, 1, parent_id);
	struct port_value vals[64];
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		read_values(st, 1, s->n_cols, vals);
		if ((rc = cb((long)sqlite3_column_int64(st, 0), vals, arg)) < 0) {
			sqlite3_finalize(st);
			return rc;
		}
	}
	if (step != SQLITE_DONE) {
		rc = db_fail(db, "cannot read the journal", e);
		sqlite3_finalize(st);
		return rc;
	}
	sqlite3_finalize(st);
	return 0;
}

/* A find statement is kept with the columns it matches. */
struct cached_find {
	int match[64];
	size_t n;
	sqlite3_stmt *st;
};

struct port_cache {
	sqlite3 *db;
	sqlite3_stmt *insert[PT_COUNT];
	struct cached_find find[PT_COUNT][2];   /* an import matches by key and by every column */
};

struct port_cache *port_cache_new(sqlite3 *db)
{
	struct port_cache *c = mg_calloc(1, sizeof(*c));
	c->db = db;
	return c;
}

void port_cache_free(struct port_cache *c)
{
	if (!c)
		return;
	for (int t = 0; t < PT_COUNT; t++) {
		sqlite3_finalize(c->insert[t]);
		for (int k = 0; k < 2; k++)
			sqlite3_finalize(c->find[t][k].st);
	}
	free(c);
}

static int insert_stmt(struct port_cache *c, enum port_table t, sqlite3_stmt **out, struct mg_err *e)
{
	if (c->insert[t]) {
		sqlite3_reset(c->insert[t]);
		sqlite3_clear_bindings(c->insert[t]);
		*out = c->insert[t];
		return 0;
	}
	const struct port_spec *s = &specs[t];
	struct strbuf sql;
	strbuf_init(&sql);
	strbuf_addf(&sql, "INSERT INTO %s(", s->table);
	/* A custom food's id is above CUSTOM_FOOD_ID_BASE, as
	 * journal_custom_food_add gives it, so it never meets a foods.db id. */
	if (t == PT_CUSTOM_FOOD)
		strbuf_adds(&sql, "id, ");
	if (s->parent)
		strbuf_addf(&sql, "%s, ", s->parent);
	add_columns(&sql, t);
	strbuf_adds(&sql, ") VALUES (");
	if (t == PT_CUSTOM_FOOD)
		strbuf_addf(&sql, "(SELECT max(coalesce(max(id), 0), %ld) + 1 FROM custom_food), ", CUSTOM_FOOD_ID_BASE);
	size_t n = s->n_cols + (s->parent ? 1 : 0);
	for (size_t i = 0; i < n; i++)
		strbuf_adds(&sql, i ? ", ?" : "?");
	strbuf_adds(&sql, ")");
	int rc = db_prepare_persistent(c->db, sql.buf, &c->insert[t], e);
	strbuf_release(&sql);
	*out = c->insert[t];
	return rc;
}

int port_insert(struct port_cache *c, enum port_table t, long parent_id, const struct port_value *vals, long *id,
		struct mg_err *e)
{
	const struct port_spec *s = &specs[t];
	sqlite3_stmt *st;
	if (insert_stmt(c, t, &st, e) < 0)
		return -1;
	int idx = 1;
	if (s->parent)
		sqlite3_bind_int64(st, idx++, parent_id);
	for (size_t i = 0; i < s->n_cols; i++)
		bind_value(st, idx++, &vals[i]);
	int step = sqlite3_step(st), rc = 0;
	if (step != SQLITE_DONE) {
		int ext = sqlite3_extended_errcode(c->db);
		if (ext == SQLITE_CONSTRAINT_CHECK || ext == SQLITE_CONSTRAINT_UNIQUE ||
		    ext == SQLITE_CONSTRAINT_NOTNULL || ext == SQLITE_CONSTRAINT_TRIGGER ||
		    ext == SQLITE_CONSTRAINT_PRIMARYKEY)
			rc = mg_err_set(e, MG_EDATA, "the journal refuses it: %s", sqlite3_errmsg(c->db));
		else
			rc = db_fail(c->db, "cannot write the journal", e);
	} else
		*id = (long)sqlite3_last_insert_rowid(c->db);
	sqlite3_reset(st);
	return rc;
}

static int find_stmt(struct port_cache *c, enum port_table t, const int *match, size_t n, sqlite3_stmt **out,
		     struct mg_err *e)
{
	int slot = -1;
	for (int k = 0; k < 2 && slot < 0; k++) {
		struct cached_find *f = &c->find[t][k];
		if (f->st && f->n == n && memcmp(f->match, match, n * sizeof(int)) == 0) {
			sqlite3_reset(f->st);
			sqlite3_clear_bindings(f->st);
			*out = f->st;
			return 0;
		}
		if (!f->st)
			slot = k;
	}
	const struct port_spec *s = &specs[t];
	struct strbuf sql;
	strbuf_init(&sql);
	strbuf_addf(&sql, "SELECT %s FROM %s WHERE ", id_expr(t), s->table);
	if (s->parent)
		strbuf_addf(&sql, "%s = ? AND ", s->parent);
	for (size_t i = 0; i < n; i++)
		strbuf_addf(&sql, "%s IS ? AND ", s->cols[match[i]].name);
	strbuf_addf(&sql, "%s > ? ORDER BY %s LIMIT 1", id_expr(t), id_expr(t));
	sqlite3_stmt *st;
	int rc = slot >= 0 && n <= 64 ? db_prepare_persistent(c->db, sql.buf, &st, e)
				      : db_prepare(c->db, sql.buf, &st, e);
	strbuf_release(&sql);
	if (rc < 0)
		return rc;
	if (slot >= 0 && n <= 64) {
		struct cached_find *f = &c->find[t][slot];
		f->st = st;
		f->n = n;
		memcpy(f->match, match, n * sizeof(int));
	}
	*out = st;
	return slot >= 0 && n <= 64 ? 0 : 1;   /* 1: the caller finalizes it */
}

int port_find(struct port_cache *c, enum port_table t, long parent_id, const struct port_value *vals,
	      const int *match, size_t n, long after, long *id, struct mg_err *e)
{
	const struct port_spec *s = &specs[t];
	sqlite3_stmt *st;
	int own = find_stmt(c, t, match, n, &st, e);
	if (own < 0)
		return own;
	int idx = 1;
	if (s->parent)
		sqlite3_bind_int64(st, idx++, parent_id);
	for (size_t i = 0; i < n; i++)
		bind_value(st, idx++, &vals[match[i]]);
	sqlite3_bind_int64(st, idx, after);
	int step = sqlite3_step(st), rc;
	if (step == SQLITE_ROW) {
		*id = (long)sqlite3_column_int64(st, 0);
		rc = 1;
	} else if (step == SQLITE_DONE)
		rc = 0;
	else
		rc = db_fail(c->db, "cannot read the journal", e);
	if (own)
		sqlite3_finalize(st);
	else
		sqlite3_reset(st);
	return rc;
}

int port_get(sqlite3 *db, enum port_table t, long id, struct port_value *vals, char *buf, size_t n,
	     struct mg_err *e)
{
	const struct port_spec *s = &specs[t];
	struct strbuf sql;
	strbuf_init(&sql);
	strbuf_adds(&sql, "SELECT ");
	add_columns(&sql, t);
	strbuf_addf(&sql, " FROM %s WHERE %s = ?", s->table, id_expr(t));
	sqlite3_stmt *st;
	int rc = db_prepare(db, sql.buf, &st, e);
	strbuf_release(&sql);
	if (rc < 0)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		read_values(st, 0, s->n_cols, vals);
		size_t used = 0;
		for (size_t i = 0; i < s->n_cols; i++) {
			if (vals[i].type != SQLITE_TEXT)
				continue;
			size_t len = strlen(vals[i].s) + 1;
			if (used + len > n) {   /* cut, never overrun: the value is only shown */
				vals[i].s = "";
				continue;
			}
			memcpy(buf + used, vals[i].s, len);
			vals[i].s = buf + used;
			used += len;
		}
		rc = 1;
	} else if (step == SQLITE_DONE)
		rc = 0;
	else
		rc = db_fail(db, "cannot read the journal", e);
	sqlite3_finalize(st);
	return rc;
}

int port_schema_columns(sqlite3 *db, enum port_table t, char *buf, size_t n, struct mg_err *e)
{
	const struct port_spec *s = &specs[t];
	struct strbuf sql, out;
	strbuf_init(&sql);
	strbuf_init(&out);
	strbuf_addf(&sql, "SELECT name FROM pragma_table_info('%s') ORDER BY cid", s->table);
	sqlite3_stmt *st;
	int rc = db_prepare(db, sql.buf, &st, e);
	strbuf_release(&sql);
	if (rc < 0)
		return rc;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *c = (const char *)sqlite3_column_text(st, 0);
		if (strcmp(c, "id") == 0 || (s->parent && strcmp(c, s->parent) == 0))
			continue;
		strbuf_addf(&out, "%s%s", out.len ? "," : "", c);
	}
	sqlite3_finalize(st);
	mg_strlcpy(buf, strbuf_str(&out), n);
	strbuf_release(&out);
	return 0;
}
