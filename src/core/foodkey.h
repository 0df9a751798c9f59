/*
 * The food key: what makes two USDA names one food, so suggestions give
 * each food one place. SR24 names a food in its first comma segments and
 * qualifies it after ("Nuts, almonds, dry roasted"), and some names start
 * with a category ("Nuts", "Beans", "Fish") before the food itself. So
 * "Nuts, almonds" and "Almonds, dry roasted" are both "almond", "Beans,
 * black, mature seeds" is "black bean", and "Nuts, cashew nuts" is
 * "cashew nut", another food. The category prefixes, and the noun some of
 * them put after the food ("beans"), come from data/food-keys.tsv.
 */
#ifndef MG_FOODKEY_H
#define MG_FOODKEY_H

#include <stddef.h>
#include "util/err.h"

#define FOODKEY_MAX_PREFIXES 64

struct foodkeys {
	struct {
		const char *prefix, *noun;   /* cells of food-keys.tsv */
	} p[FOODKEY_MAX_PREFIXES];
	size_t n;
};

/* Reads food-keys.tsv (the tables must be loaded). MG_ESOFTWARE when the
 * table is missing or has more rows than FOODKEY_MAX_PREFIXES. The cells it
 * points to live as long as the tables. */
int foodkeys_load(struct foodkeys *k, struct mg_err *e);

/* Writes the key of name into buf: lowercase words, the category dropped,
 * its noun added, a trailing "kernels" dropped and the last word singular
 * ("pumpkin and squash seed"). Empty for a name without words; pure. */
void foodkeys_key(const struct foodkeys *k, const char *name, char *buf, size_t n);

#endif
