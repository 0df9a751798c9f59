/*
 * Medicines as a pharmacist checks them (data/medicines.tsv: generic, INN
 * and UK names, brands and combination products -> classes; one row per
 * ingredient of a combination; data/med-classes.tsv: spacing in hours,
 * status, advice). A name is normalised first (case, spacing, salt and
 * hydrate words, strengths and dosage forms: "Levothyroxine Sodium 50 mcg"
 * is levothyroxine), split at "/", "+", " and ", " with " into its
 * ingredients, and each is looked up; the strictest rule of all of them
 * wins. A name still unknown gets the strictest common spacing, status
 * caution, and the nearest names of the table as "did you mean".
 */
#ifndef MG_MEDICINES_H
#define MG_MEDICINES_H

#include <stddef.h>

#define MED_MAX_PARTS 4

/* One class a medicine belongs to (a combination has several). */
struct med_part {
	const char *drug_id;     /* medicines.tsv row id; NULL when unknown */
	const char *class_id;    /* med-classes.tsv row id */
	const char *class_name;
	double med_first_h, mg_first_h;
	const char *status;      /* "ok", "caution" or "clinician" */
	const char *advice;
	const char *source;
};

struct med_rule {
	int known;               /* 0: some ingredient is not in the table */
	char normalised[64];     /* the name as looked up */
	char unknown[64];        /* the first ingredient mgtrack could not check, "" when none */
	char did_you_mean[64];   /* the nearest known name to it, "" when none is near */
	struct med_part parts[MED_MAX_PARTS];
	size_t n_parts;
	/* The strictest of the parts: */
	const char *drug_id;     /* of the part whose spacing is strictest */
	const char *class_id;
	const char *class_name;
	double med_first_h;      /* hours the medicine must come before a magnesium dose */
	double mg_first_h;       /* hours a magnesium dose must come before the medicine */
	const char *status;      /* the highest of the parts' statuses */
	const char *advice;      /* of the strictest part */
	const char *source;
};

/* Looks name up as a person typed it. Always fills out. */
void medicines_lookup(const char *name, struct med_rule *out);

/* The name without case, salt and hydrate words, strengths or dosage
 * forms, with single spaces ("Doxycycline Hyclate 100mg tablets" ->
 * "doxycycline"). */
void medicines_normalise(const char *name, char *out, size_t n);

/* Whether the rule asks for any spacing. */
int med_rule_spaces(const struct med_rule *r);

/* Whether any part of the medicine is of class class_id. */
int med_rule_has_class(const struct med_rule *r, const char *class_id);

#endif
