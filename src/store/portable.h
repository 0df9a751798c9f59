/*
 * The journal's tables as `export --json` and `import backup` carry them
 * (docs/EXPORT.md): every table, every column, in schema order. This is
 * the one list of what a backup holds, so it sits beside the migrations:
 * a migration that adds a column adds it here too (u-portable checks that
 * each table's columns match the schema, so a forgotten one fails a test).
 *
 * Rows travel as arrays of struct port_value, one per column in the
 * table's order; values keep SQLite's storage class, so what is read and
 * written back is the same value of the same type. The row id and the
 * parent link are not columns here: a row is read under its parent and
 * written under the parent's new id.
 */
#ifndef MG_PORTABLE_H
#define MG_PORTABLE_H

#include <sqlite3.h>
#include <stddef.h>
#include "util/err.h"

enum port_table {
	PT_PRODUCT, PT_CUSTOM_FOOD, PT_CUSTOM_MEASURE,
	PT_PROFILE, PT_GOAL, PT_CONDITION, PT_MED,
	PT_FOOD_LOG, PT_IMPORTED_INTAKE, PT_DOSE, PT_NIGHT,
	PT_COURSE, PT_PLAN_VERSION, PT_PLAN_INTAKE, PT_TRIAL,
	PT_COUNT
};

/* What a column accepts when a backup is read: 'i' integer, 'r' number,
 * 't' text, 'd' a date (YYYY-MM-DD), 'h' a clock time (HH:MM), 'a' any
 * scalar (the nightly log's typeless columns). */
struct port_col {
	const char *name;
	char type;
	int nullable;
};

struct port_spec {
	const char *table;
	const char *parent;           /* the column holding the parent row's id; NULL at the top */
	enum port_table parent_table; /* meaningful when parent is set */
	const struct port_col *cols;
	size_t n_cols;
	const char *order;            /* ORDER BY of a listing: insertion order, so ids keep their order */
};

const struct port_spec *port_spec(enum port_table t);
/* The column's index in t, or -1. */
int port_col_index(enum port_table t, const char *name);

struct port_value {
	int type;            /* SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT or SQLITE_NULL */
	long long i;
	double r;
	const char *s;       /* SQLITE_TEXT: borrowed, valid for the callback or the call */
};

/* Calls cb(id, values, arg) for each row of t under parent_id (every row
 * when t has no parent), in the spec's order. cb returns 0 to go on or a
 * negative status to stop (returned). */
typedef int (*port_row_fn)(long id, const struct port_value *vals, void *arg);
int port_rows(sqlite3 *db, enum port_table t, long parent_id, port_row_fn cb, void *arg, struct mg_err *e);

/* The statements an import runs for every row, prepared once per table
 * and match (an import of a year runs thousands). port_cache_new never
 * fails; port_cache_free finalizes them. */
struct port_cache;
struct port_cache *port_cache_new(sqlite3 *db);
void port_cache_free(struct port_cache *c);

/* Inserts a row under parent_id; *id gets its new row id. Runs inside the
 * caller's transaction. A CHECK or UNIQUE failure is MG_EDATA. */
int port_insert(struct port_cache *c, enum port_table t, long parent_id, const struct port_value *vals, long *id,
		struct mg_err *e);

/* Finds the first row after row id `after` (0: from the first) under
 * parent_id whose columns listed in `match` (indexes, n of them) equal
 * vals' (NULL equals NULL; text compares with the column's collation).
 * 1 and *id when found, 0 when not. */
int port_find(struct port_cache *c, enum port_table t, long parent_id, const struct port_value *vals,
	      const int *match, size_t n, long after, long *id, struct mg_err *e);

/* Reads row `id` of t into vals (text copied into buf, which must hold
 * all of its text; n bytes). 1 found, 0 not, negative on error. */
int port_get(sqlite3 *db, enum port_table t, long id, struct port_value *vals, char *buf, size_t n,
	     struct mg_err *e);

/* The columns of `table` in the live schema, in order, without id and
 * the parent link, joined by commas into buf (for u-portable). */
int port_schema_columns(sqlite3 *db, enum port_table t, char *buf, size_t n, struct mg_err *e);

#endif
