/*
 * Medicine lookups over data/medicines.tsv and data/med-classes.tsv.
 * A magnesium dose at minute D conflicts with a medicine taken at minute T
 * when T - mg_first_h < D < T + med_first_h (the windows are computed by
 * the plan engine in core/plan.c).
 */
#include <stdlib.h>
#include <string.h>
#include "core/medicines.h"
#include "core/tables.h"
#include "util/banned.h"

static void fill_class(const char *class_name, struct med_rule *out)
{
	const struct mg_table *t = tables_get("med-classes.tsv");
	long r = table_find(t, "class", class_name);
	if (r < 0)
		abort();   /* medicines.tsv names a class med-classes.tsv lacks: caught by u-tables */
	out->class_id = table_cell(t, (size_t)r, "id");
	out->class_name = table_cell(t, (size_t)r, "class");
	out->med_first_h = strtod(table_cell(t, (size_t)r, "med_first_h"), NULL);
	out->mg_first_h = strtod(table_cell(t, (size_t)r, "mg_first_h"), NULL);
	out->status = table_cell(t, (size_t)r, "status");
	out->advice = table_cell(t, (size_t)r, "advice");
	out->source = table_cell(t, (size_t)r, "source");
}

void medicines_lookup(const char *name, struct med_rule *out)
{
	const struct mg_table *t = tables_get("medicines.tsv");
	long r = table_find(t, "name", name);
	memset(out, 0, sizeof(*out));
	if (r >= 0) {
		out->known = 1;
		out->drug_id = table_cell(t, (size_t)r, "id");
		out->drug_source = table_cell(t, (size_t)r, "source");
		fill_class(table_cell(t, (size_t)r, "class"), out);
	} else {
		fill_class("other oral medicine", out);
	}
}

int med_rule_spaces(const struct med_rule *r)
{
	return r->med_first_h > 0 || r->mg_first_h > 0;
}
