/*
 * Magnesium salts (data/forms.tsv): the share of elemental magnesium by
 * weight for each form and hydrate, the traits the planner and the label
 * checker use (gentle, laxative, calming, poorly-absorbed, ambiguous,
 * no-fixed-stoichiometry), and the arithmetic elemental = compound x %Mg.
 */
#ifndef MG_FORMS_H
#define MG_FORMS_H

#include "util/err.h"

struct form_info {
	const char *id;         /* row id, e.g. "form-glycinate" */
	const char *form;       /* "glycinate" */
	const char *hydrate;    /* "anhydrous", "dihydrate", ... */
	double pct_mg;          /* NAN when the form has no fixed stoichiometry */
	int hydrate_assumed;    /* the label gave none: the default row was used */
	int variants;           /* how many hydrates the table knows for this form */
	int recommend;          /* a form the planner may choose */
	const char *traits;     /* comma-separated */
	const char *source;
};

/* Looks up form and hydrate ("" when the label does not say: the row
 * marked default, the highest %Mg). MG_EUSAGE naming the known values for
 * an unknown form or hydrate. */
int forms_lookup(const char *form, const char *hydrate, struct form_info *out, struct mg_err *e);

/* Whether the form has trait t ("laxative", "gentle", ...). */
int form_has_trait(const struct form_info *f, const char *trait);

/* Elemental magnesium in compound_mg of the salt. */
double forms_elemental_mg(const struct form_info *f, double compound_mg);

#endif
