/*
 * Product rules (see product.h). Elemental magnesium is taken as declared;
 * only when the label gives none is it computed from the compound weight
 * and the form's %Mg (data/forms.tsv), and then flagged as an estimate.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "core/product.h"
#include "core/tables.h"
#include "util/banned.h"

/* Bounds that catch typos (a gram figure typed as mg, a missing decimal
 * point) rather than rules: no magnesium product holds more than this. */
#define MAX_ELEMENTAL_MG 2000.0
#define MAX_COMPOUND_MG 20000.0
#define MAX_UNITS 20

int product_validate(const struct product *p, struct mg_err *e)
{
	struct form_info f;
	if (!p->name[0])
		return mg_err_set(e, MG_EUSAGE, "a product needs --name");
	/* Commands take a product by NAME or ID: a name of digits only would
	 * be read as another product's id. */
	if (strspn(p->name, "0123456789") == strlen(p->name))
		return mg_err_set(e, MG_EUSAGE, "--name \"%s\" is only digits, which commands read as a product id: add"
				  " a word (\"%s mg\")", p->name, p->name);
	if (forms_lookup(p->form, p->hydrate, &f, e) < 0)
		return -1;
	if (!isnan(p->elemental_mg) && !(p->elemental_mg >= 1 && p->elemental_mg <= MAX_ELEMENTAL_MG))
		return mg_err_set(e, MG_EDATA, "--elemental-mg \"%g\" is out of range (1 to %.0f mg per serving)",
				  p->elemental_mg, MAX_ELEMENTAL_MG);
	if (!isnan(p->compound_mg) && !(p->compound_mg >= 1 && p->compound_mg <= MAX_COMPOUND_MG))
		return mg_err_set(e, MG_EDATA, "--compound-mg \"%g\" is out of range (1 to %.0f mg per serving)",
				  p->compound_mg, MAX_COMPOUND_MG);
	if (p->units_per_serving < 1 || p->units_per_serving > MAX_UNITS)
		return mg_err_set(e, MG_EDATA, "--per-serving-units \"%d\" is out of range (1 to %d)",
				  p->units_per_serving, MAX_UNITS);
	if (isnan(p->elemental_mg)) {
		if (isnan(f.pct_mg))
			return mg_err_set(e, MG_EDATA, "product \"%s\": form \"%s\" has no fixed magnesium content;"
					  " give --elemental-mg from the Supplement Facts panel", p->name, p->form);
		if (isnan(p->compound_mg))
			return mg_err_set(e, MG_EDATA, "product \"%s\" has no way to know its elemental magnesium:"
					  " give --elemental-mg (or --compound-mg)", p->name);
	}
	if (!isnan(p->elemental_mg) && !isnan(p->compound_mg) && p->elemental_mg > p->compound_mg)
		return mg_err_set(e, MG_EDATA, "--elemental-mg \"%g\" is more than --compound-mg \"%g\"",
				  p->elemental_mg, p->compound_mg);
	return 0;
}

int product_magnesium(const struct product *p, struct product_mg *out, struct mg_err *e)
{
	memset(out, 0, sizeof(*out));
	if (forms_lookup(p->form, p->hydrate, &out->form, e) < 0)
		return -1;
	if (!isnan(p->elemental_mg)) {
		out->per_serving = p->elemental_mg;
	} else {
		out->per_serving = forms_elemental_mg(&out->form, p->compound_mg);
		out->estimated = 1;
	}
	out->per_unit = out->per_serving / p->units_per_serving;
	return 0;
}

void product_check(const struct product *p, const struct product_mg *mg, double ul_mg,
		   double planned_mg, struct notes *out)
{
	const char *T = "product-checks.tsv";
	if (isnan(p->elemental_mg)) {
		notes_add_row(out, T, "check-no-elemental", "text", NULL);
		if (form_has_trait(&mg->form, "ambiguous") && mg->form.hydrate_assumed)
			notes_add_row(out, T, "check-citrate", "text", NULL);
		else if (mg->form.hydrate_assumed && mg->form.variants > 1)
			notes_add_row(out, T, "check-hydrate", "text", NULL);
	}
	if (form_has_trait(&mg->form, "no-fixed-stoichiometry"))
		notes_add_row(out, T, "check-no-stoichiometry", "text", NULL);
	if (strcmp(mg->form.form, "oxide") == 0)
		notes_add_row(out, T, "check-oxide", "text", NULL);
	if (p->proprietary_blend)
		notes_add_row(out, T, "check-blend", "text", NULL);
	if (ul_mg > 0 && mg->per_serving > ul_mg) {
		char s[96];
		snprintf(s, sizeof(s), " (%.0f mg per serving, limit %.0f mg/day)", mg->per_serving, ul_mg);
		notes_add_row(out, T, "check-above-ul", "text", s);
	}
	int max_units = (int)tables_threshold("plan-max-capsules", NULL);
	if (planned_mg > 0 && product_units_for(mg, planned_mg) > max_units) {
		char s[96];
		snprintf(s, sizeof(s), " (%d for %.0f mg)", product_units_for(mg, planned_mg), planned_mg);
		notes_add_row(out, T, "check-many-units", "text", s);
	}
	if (!p->third_party)
		notes_add_row(out, T, "check-third-party", "text", NULL);
}

int product_units_for(const struct product_mg *mg, double daily_mg)
{
	if (!(mg->per_unit > 0))
		return 0;
	/* A unit that covers all but a rounding crumb counts as enough. */
	return (int)ceil(daily_mg / mg->per_unit - 1e-6);
}

double product_piece_mg(const struct product *p, const struct product_mg *mg)
{
	return p->divisible ? mg->per_unit / 2 : mg->per_unit;
}

double product_units_round(double units, int divisible)
{
	/* Halves are exact in binary floating point, so 1.5 stays 1.5. */
	double pieces = fmax(round(units * (divisible ? 2 : 1)), 1);
	return divisible ? pieces / 2 : pieces;
}
