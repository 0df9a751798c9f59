/*
 * Form lookups over data/forms.tsv (see forms.h). A form with several
 * hydrates has one row marked default=yes, the anhydrous salt: when a label
 * does not state the hydrate, the highest %Mg is assumed, so a check
 * against the upper limit errs on the safe side, and the product checker
 * says the real figure may be lower.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "core/forms.h"
#include "core/tables.h"
#include "util/strbuf.h"
#include "util/banned.h"

static void fill(const struct mg_table *t, size_t r, struct form_info *out)
{
	const char *pct = table_cell(t, r, "pct_mg");
	out->id = table_cell(t, r, "id");
	out->form = table_cell(t, r, "form");
	out->hydrate = table_cell(t, r, "hydrate");
	out->pct_mg = *pct ? strtod(pct, NULL) : NAN;
	out->recommend = strcmp(table_cell(t, r, "recommend"), "yes") == 0;
	out->traits = table_cell(t, r, "traits");
	out->source = table_cell(t, r, "source");
}

int forms_lookup(const char *form, const char *hydrate, struct form_info *out, struct mg_err *e)
{
	const struct mg_table *t = tables_get("forms.tsv");
	memset(out, 0, sizeof(*out));
	long chosen = -1;
	struct strbuf known;
	strbuf_init(&known);
	for (size_t r = 0; r < t->nrows; r++) {
		if (strcmp(table_cell(t, r, "form"), form) != 0)
			continue;
		out->variants++;
		const char *h = table_cell(t, r, "hydrate");
		strbuf_addf(&known, "%s%s", known.len ? ", " : "", h);
		if (*hydrate ? strcmp(h, hydrate) == 0 : strcmp(table_cell(t, r, "default"), "yes") == 0)
			chosen = (long)r;
	}
	if (out->variants == 0) {
		strbuf_reset(&known);
		table_list_values(t, "form", &known);
		mg_err_set(e, MG_EUSAGE, "unknown --form \"%s\" (known: %s)", form, strbuf_str(&known));
		strbuf_release(&known);
		return -1;
	}
	if (chosen < 0) {
		mg_err_set(e, MG_EUSAGE, "unknown --hydrate \"%s\" for %s (known: %s)", hydrate, form,
			   strbuf_str(&known));
		strbuf_release(&known);
		return -1;
	}
	strbuf_release(&known);
	int variants = out->variants;
	fill(t, (size_t)chosen, out);
	out->variants = variants;
	out->hydrate_assumed = !*hydrate;
	return 0;
}

int form_has_trait(const struct form_info *f, const char *trait)
{
	return mg_has_any_word(f->traits, trait);
}

double forms_elemental_mg(const struct form_info *f, double compound_mg)
{
	return compound_mg * f->pct_mg / 100.0;
}
