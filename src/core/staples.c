/*
 * The staples table; see staples.h. It is small (about 60 rows) and read
 * once per suggestion call, so it is parsed each time rather than cached:
 * a cache would need a lock in the web server for no measurable gain.
 */
#include <stdlib.h>
#include <string.h>
#include "core/portion.h"
#include "core/staples.h"
#include "core/tables.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

static int by_ndb(const void *a, const void *b)
{
	const struct staple *x = a, *y = b;
	return x->ndb < y->ndb ? -1 : x->ndb > y->ndb;
}

int staples_load(struct staple **out, size_t *n, struct mg_err *e)
{
	*out = NULL;
	*n = 0;
	const struct mg_table *t = tables_get("staples.tsv"), *kinds = tables_get("food-kinds.tsv");
	if (!t || !kinds)
		return mg_err_set(e, MG_ESOFTWARE, "rule tables are not loaded");
	struct staple *v = mg_calloc(t->nrows ? t->nrows : 1, sizeof(*v));
	for (size_t r = 0; r < t->nrows; r++) {
		struct staple *s = &v[r];
		s->id = table_cell(t, r, "id");
		s->name = table_cell(t, r, "name");
		s->measure = table_cell(t, r, "measure");
		s->kind = table_cell(t, r, "kind");
		if (mg_parse_long(table_cell(t, r, "ndb"), 1, 99999999, &s->ndb) < 0 ||
		    mg_parse_double(table_cell(t, r, "amount"), 0.01, 100, &s->amount) < 0 ||
		    mg_parse_double(table_cell(t, r, "grams"), 1, 1000, &s->grams) < 0 || !*s->measure ||
		    table_find(kinds, "kind", s->kind) < 0) {
			free(v);
			return mg_err_set(e, MG_ESOFTWARE, "staples.tsv row \"%s\" is malformed", s->id);
		}
	}
	qsort(v, t->nrows, sizeof(*v), by_ndb);
	for (size_t r = 1; r < t->nrows; r++) {
		if (v[r].ndb == v[r - 1].ndb) {
			mg_err_set(e, MG_ESOFTWARE, "staples.tsv lists food %ld twice (\"%s\", \"%s\")", v[r].ndb,
				   v[r - 1].id, v[r].id);
			free(v);
			return -1;
		}
	}
	*out = v;
	*n = t->nrows;
	return 0;
}

const struct staple *staples_find(const struct staple *v, size_t n, long ndb)
{
	struct staple key = {.ndb = ndb};
	return n ? bsearch(&key, v, n, sizeof(*v), by_ndb) : NULL;
}

void staples_serving(const struct staple *s, char *buf, size_t n)
{
	portion_text(s->amount, s->measure, s->grams, buf, n);
}
