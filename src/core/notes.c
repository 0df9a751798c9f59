/*
 * struct notes: a growing array of rule-tagged texts (see notes.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/notes.h"
#include "core/tables.h"
#include "util/strbuf.h"
#include "util/banned.h"

void notes_init(struct notes *ns)
{
	memset(ns, 0, sizeof(*ns));
}

void notes_release(struct notes *ns)
{
	for (size_t i = 0; i < ns->n; i++)
		free(ns->v[i].text);
	free(ns->v);
	notes_init(ns);
}

static void add_text(struct notes *ns, const char *rule, const char *source, char *text)
{
	if (ns->n == ns->cap) {
		ns->cap = ns->cap ? ns->cap * 2 : 8;
		ns->v = mg_realloc(ns->v, ns->cap * sizeof(*ns->v));
	}
	struct note *n = &ns->v[ns->n++];
	mg_strlcpy(n->rule, rule, sizeof(n->rule));
	n->source = source;
	n->text = text;
}

void notes_add(struct notes *ns, const char *rule, const char *source, const char *fmt, ...)
{
	struct strbuf sb;
	strbuf_init(&sb);
	va_list ap;
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	add_text(ns, rule, source, strbuf_detach(&sb));
}

void notes_add_row(struct notes *ns, const char *table, const char *id, const char *text_col,
		   const char *suffix)
{
	const struct mg_table *t = tables_get(table);
	long r = table_find(t, "id", id);
	if (r < 0) {
		fprintf(stderr, "mgtrack: internal error: no row \"%s\" in %s\n", id, table);
		abort();
	}
	notes_add(ns, id, table_cell(t, (size_t)r, "source"), "%s%s", table_cell(t, (size_t)r, text_col),
		  suffix ? suffix : "");
}

int notes_has(const struct notes *ns, const char *rule)
{
	for (size_t i = 0; i < ns->n; i++)
		if (strcmp(ns->v[i].rule, rule) == 0)
			return 1;
	return 0;
}
