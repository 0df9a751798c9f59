/*
 * Parsing of the embedded TSV rule tables. Rows are split on tabs and
 * newlines only (the tables hold no quoting); every row must have exactly
 * as many cells as the header, a non-empty id that is unique in its table,
 * and a non-empty source.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/tables.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

static struct mg_table *loaded;
static size_t n_loaded;

static char *dup_range(const char *s, size_t n)
{
	char *d = mg_malloc(n + 1);
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

/* Splits one line into cells; returns the count. */
static size_t split_line(const char *line, size_t len, char ***out)
{
	size_t n = 1;
	for (size_t i = 0; i < len; i++)
		n += line[i] == '\t';
	char **cells = mg_calloc(n, sizeof(*cells));
	size_t k = 0, start = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i == len || line[i] == '\t') {
			cells[k++] = dup_range(line + start, i - start);
			start = i + 1;
		}
	}
	*out = cells;
	return n;
}

static void free_cells(char **cells, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(cells[i]);
	free(cells);
}

void table_release(struct mg_table *t)
{
	if (t->header)
		free_cells(t->header, t->ncols);
	if (t->cells)
		free_cells(t->cells, t->ncols * t->nrows);
	memset(t, 0, sizeof(*t));
}

int table_parse(const char *name, const char *text, struct mg_table *t, struct mg_err *e)
{
	memset(t, 0, sizeof(*t));
	t->name = name;
	const char *p = text;
	size_t cap = 0, lineno = 0;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		lineno++;
		if (len == 0) {
			p += nl ? 1 : 0;
			if (!nl)
				break;
			continue;
		}
		char **cells;
		size_t n = split_line(p, len, &cells);
		if (!t->header) {
			t->header = cells;
			t->ncols = n;
		} else if (n != t->ncols) {
			free_cells(cells, n);
			table_release(t);
			return mg_err_set(e, MG_ESOFTWARE, "table \"%s\" line %zu has %zu cells, header has %zu",
					  name, lineno, n, t->ncols);
		} else {
			if (t->nrows == cap) {
				cap = cap ? cap * 2 : 16;
				t->cells = mg_realloc(t->cells, cap * t->ncols * sizeof(char *));
			}
			memcpy(t->cells + t->nrows * t->ncols, cells, n * sizeof(char *));
			free(cells);
			t->nrows++;
		}
		p += len + (nl ? 1 : 0);
	}
	long id = table_col(t, "id"), src = table_col(t, "source");
	if (!t->header || id != 0 || src < 0) {
		table_release(t);
		return mg_err_set(e, MG_ESOFTWARE, "table \"%s\" needs \"id\" first and a \"source\" column", name);
	}
	for (size_t r = 0; r < t->nrows; r++) {
		const char *rid = t->cells[r * t->ncols];
		if (!*rid || !*t->cells[r * t->ncols + (size_t)src]) {
			mg_err_set(e, MG_ESOFTWARE, "table \"%s\" row %zu has no id or no source", name, r + 1);
			table_release(t);
			return -1;
		}
		for (size_t q = 0; q < r; q++) {
			if (strcmp(rid, t->cells[q * t->ncols]) == 0) {
				mg_err_set(e, MG_ESOFTWARE, "table \"%s\" repeats id \"%s\"", name, rid);
				table_release(t);
				return -1;
			}
		}
	}
	return 0;
}

int tables_load(struct mg_err *e)
{
	if (loaded)
		return 0;
	size_t n = 0;
	while (mg_embedded_tables[n].name)
		n++;
	struct mg_table *ts = mg_calloc(n, sizeof(*ts));
	for (size_t i = 0; i < n; i++) {
		if (table_parse(mg_embedded_tables[i].name, mg_embedded_tables[i].text, &ts[i], e) < 0) {
			for (size_t j = 0; j < i; j++)
				table_release(&ts[j]);
			free(ts);
			return -1;
		}
	}
	loaded = ts;
	n_loaded = n;
	return 0;
}

void tables_unload(void)
{
	for (size_t i = 0; i < n_loaded; i++)
		table_release(&loaded[i]);
	free(loaded);
	loaded = NULL;
	n_loaded = 0;
}

const struct mg_table *tables_get(const char *name)
{
	for (size_t i = 0; i < n_loaded; i++)
		if (strcmp(loaded[i].name, name) == 0)
			return &loaded[i];
	return NULL;
}

long table_col(const struct mg_table *t, const char *col)
{
	for (size_t i = 0; i < t->ncols; i++)
		if (strcmp(t->header[i], col) == 0)
			return (long)i;
	return -1;
}

const char *table_cell(const struct mg_table *t, size_t row, const char *col)
{
	long c = table_col(t, col);
	if (c < 0 || row >= t->nrows) {
		fprintf(stderr, "mgtrack: internal error: table \"%s\" has no column \"%s\" or row %zu\n",
			t->name, col, row);
		abort();
	}
	return t->cells[row * t->ncols + (size_t)c];
}

const char *tables_threshold_source(const char *id)
{
	const char *src = NULL;
	tables_threshold(id, &src);
	return src;
}

long table_find(const struct mg_table *t, const char *col, const char *value)
{
	for (size_t r = 0; t && r < t->nrows; r++)
		if (strcmp(table_cell(t, r, col), value) == 0)
			return (long)r;
	return -1;
}

void table_list_values(const struct mg_table *t, const char *col, struct strbuf *sb)
{
	for (size_t r = 0; t && r < t->nrows; r++) {
		const char *v = table_cell(t, r, col);
		if (table_find(t, col, v) == (long)r)
			strbuf_addf(sb, "%s%s", sb->len ? ", " : "", v);
	}
}

double tables_threshold(const char *id, const char **source)
{
	const struct mg_table *t = tables_get("thresholds.tsv");
	for (size_t r = 0; t && r < t->nrows; r++) {
		if (strcmp(t->cells[r * t->ncols], id) == 0) {
			double v;
			if (mg_parse_double(table_cell(t, r, "value"), -1e12, 1e12, &v) < 0)
				break;
			if (source)
				*source = table_cell(t, r, "source");
			return v;
		}
	}
	fprintf(stderr, "mgtrack: internal error: no threshold \"%s\"\n", id);
	abort();
}
