/*
 * The rule tables in data/ (one .tsv file each), compiled into the binary by
 * scripts/embed-data.py and parsed here once. Every row has an `id` and a
 * `source` column; rules cite the id in their explanations.
 *
 * tables_load() parses every table (call it once at start-up, before any
 * threads); tables_get() then hands out read-only views that live until
 * tables_unload().
 */
#ifndef MG_TABLES_H
#define MG_TABLES_H

#include <stddef.h>
#include "util/err.h"

struct mg_embedded_table {
	const char *name;   /* file name, e.g. "targets.tsv" */
	const char *text;   /* the whole TSV */
};
extern const struct mg_embedded_table mg_embedded_tables[];

struct mg_table {
	const char *name;
	size_t ncols, nrows;
	char **header;      /* ncols column names */
	char **cells;       /* nrows * ncols cells, row-major */
};

/* Parses every embedded table. Returns 0, or -1 with e filled when a table
 * is malformed (a build-time bug, reported as MG_ESOFTWARE). */
int tables_load(struct mg_err *e);
void tables_unload(void);

/* The table named "targets.tsv" etc., or NULL when there is none. */
const struct mg_table *tables_get(const char *name);

/* Column index of col, or -1. */
long table_col(const struct mg_table *t, const char *col);

/* Cell text ("" for an empty cell); col must exist (aborts otherwise: a
 * missing column is a programming error, caught by the unit tests). */
const char *table_cell(const struct mg_table *t, size_t row, const char *col);

/* First row whose `col` equals value, or -1. */
long table_find(const struct mg_table *t, const char *col, const char *value);

struct strbuf;
/* Appends the distinct values of col, in row order, as "a, b, c". */
void table_list_values(const struct mg_table *t, const char *col, struct strbuf *sb);

/* The `value` of row `id` in thresholds.tsv (a number rules use). Aborts
 * when the row is missing: the unit tests load every id the code asks for. */
double tables_threshold(const char *id, const char **source);

/* The source of thresholds.tsv row id. */
const char *tables_threshold_source(const char *id);

/* Parses a TSV text into t (header line first). Used by tables_load and by
 * the tests; the caller releases t with table_release. */
int table_parse(const char *name, const char *text, struct mg_table *t, struct mg_err *e);
void table_release(struct mg_table *t);

#endif
