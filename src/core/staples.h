/*
 * The staples: everyday magnesium foods a dietitian would put in front of
 * a client (data/staples.tsv: pumpkin seeds, almonds, black beans,
 * spinach, oats, yogurt, salmon, dark chocolate ...), each the SR24 food it
 * is, a usual serving in one of that food's own household measures, and a
 * kind (data/food-kinds.tsv: seeds, nuts, beans, greens ...) that
 * suggestions take in turn, so a short list is a varied one.
 */
#ifndef MG_STAPLES_H
#define MG_STAPLES_H

#include <stddef.h>
#include "util/err.h"

struct staple {
	const char *id;         /* staples.tsv row */
	const char *name;       /* "Black beans, cooked" */
	long ndb;               /* the SR24 food */
	double amount;          /* of measure: 0.5 */
	const char *measure;    /* an SR24 measure name of that food: "cup" */
	double grams;           /* of the serving: 86 */
	const char *kind;       /* food-kinds.tsv kind: "beans" */
};

/* Reads staples.tsv (the tables must be loaded) into *out, sorted by ndb,
 * which the caller frees. MG_ESOFTWARE for a row with a bad number, an
 * unknown kind, or an NDB id listed twice. The strings live as long as the
 * tables. */
int staples_load(struct staple **out, size_t *n, struct mg_err *e);

/* The staple of SR24 food ndb in v (as staples_load sorts it), or NULL. */
const struct staple *staples_find(const struct staple *v, size_t n, long ndb);

/* The serving as a recipe writes it: "1/2 cup (86 g)". */
void staples_serving(const struct staple *s, char *buf, size_t n);

#endif
