/*
 * Food suggestions that close a magnesium gap: foods ranked by magnesium
 * per usual serving (or per 100 kcal), each with the portion that closes
 * the gap, capped at a few servings (the idea of NUT's portion sizing).
 * Which food groups are suggested, their usual serving and the words that
 * rule a food out (raw dry beans, powders) come from data/food-groups.tsv.
 */
#ifndef MG_SUGGEST_H
#define MG_SUGGEST_H

#include <sqlite3.h>
#include <stddef.h>
#include "util/err.h"

enum suggest_order { SUGGEST_BY_SERVING, SUGGEST_BY_KCAL };

struct suggestion {
	long food_id;
	char name[256];
	const char *group_rule;    /* food-groups.tsv row id */
	double mg_per_100g;
	double mg_per_serving;
	double mg_per_100kcal;     /* NAN when the food has no energy value */
	double serving_g;
	char serving[128];         /* "1 oz (28 g)" */
	double portion_g;          /* closes the gap, or the cap */
	char portion[128];
	double portion_mg;
	double gap_share;          /* portion_mg / gap (1 = closes it) */
};

/* Ranks every suitable food in foods for a gap of gap_mg (a gap <= 0 ranks
 * them with one serving each). *out is an array of at most limit entries
 * that the caller frees. */
int suggest_foods(sqlite3 *foods, double gap_mg, enum suggest_order order, size_t limit,
		  struct suggestion **out, size_t *n, struct mg_err *e);

#endif
