/*
 * Medicines (data/medicines.tsv: generic and brand names -> class) and
 * their classes (data/med-classes.tsv: spacing in hours, status, advice).
 * A name the table does not know gets the "other oral medicine" rule and
 * is flagged as unknown.
 */
#ifndef MG_MEDICINES_H
#define MG_MEDICINES_H

struct med_rule {
	int known;               /* 0: not in the table, the fallback applies */
	const char *drug_id;     /* medicines.tsv row id, NULL when unknown */
	const char *drug_source;
	const char *class_id;    /* med-classes.tsv row id */
	const char *class_name;
	double med_first_h;      /* hours the medicine must come before a magnesium dose */
	double mg_first_h;       /* hours a magnesium dose must come before the medicine */
	const char *status;      /* "ok" or "caution" */
	const char *advice;
	const char *source;      /* the class row's source */
};

/* Looks name up (lowercase, as stored in the profile). Always fills out. */
void medicines_lookup(const char *name, struct med_rule *out);

/* Whether the rule asks for any spacing. */
int med_rule_spaces(const struct med_rule *r);

#endif
