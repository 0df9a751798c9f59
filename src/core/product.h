/*
 * Supplement labels: is a product well-defined, how much elemental
 * magnesium one unit and one serving give (declared, or estimated from the
 * form's %Mg and flagged), and the label warnings from
 * data/product-checks.tsv.
 */
#ifndef MG_PRODUCT_H
#define MG_PRODUCT_H

#include "core/forms.h"
#include "core/notes.h"
#include "store/supplements.h"
#include "util/err.h"

struct product_mg {
	double per_serving;    /* elemental mg per serving (the label's figure) */
	double per_unit;       /* per capsule, tablet or scoop: per_serving / units */
	int estimated;         /* computed from %Mg, not declared */
	struct form_info form;
};

/* Checks the product's fields and that its elemental magnesium can be
 * known. MG_EUSAGE for an unknown form or hydrate, MG_EDATA for numbers
 * out of range or no way to know the elemental mg. */
int product_validate(const struct product *p, struct mg_err *e);

/* Elemental magnesium of a valid product. */
int product_magnesium(const struct product *p, struct product_mg *out, struct mg_err *e);

/* Label warnings (rule ids from product-checks.tsv) for a valid product.
 * ul_mg: the supplemental upper limit (0: not known); planned_mg: the
 * planned daily dose (0: none). */
void product_check(const struct product *p, const struct product_mg *mg, double ul_mg,
		   double planned_mg, struct notes *out);

/* Units (capsules) a day for daily_mg, rounded up. */
int product_units_for(const struct product_mg *mg, double daily_mg);

/* The smallest dose the product gives in elemental mg: one unit, or half
 * of one for a scored tablet (divisible), which the plan may cut in two. */
double product_piece_mg(const struct product *p, const struct product_mg *mg);

/* A count of units as the product gives them: whole units, or halves of
 * a scored tablet; never less than one piece (no intake of 0 units). */
double product_units_round(double units, int divisible);

#endif
