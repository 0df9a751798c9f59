/*
 * Food suggestions that close a magnesium gap, as a dietitian would give
 * them: everyday foods first (the staples, data/staples.tsv), one of each
 * kind in turn (seeds, nuts, beans, greens, grains ...), each kind's
 * richest first; then other foods that pass the exclusions the importer
 * decided (core/foodclass.c: no branded or fortified products, bars,
 * concentrates, luxury items, herbs, sea vegetables, salty servings ...),
 * except that a food the person has logged is never excluded. One place
 * per food (its food key: "Almonds" and "Almonds, dry roasted" share one),
 * and every portion is one usual serving: food is shared out over two or
 * three foods a day, never sized to close the whole gap on its own.
 * With a profile, its food rules apply to every food, logged or not
 * (core/diet.c: a vegan sees no dairy, an infant or a dialysis patient no
 * food at all, levothyroxine gives soy a note).
 */
#ifndef MG_SUGGEST_H
#define MG_SUGGEST_H

#include <sqlite3.h>
#include <stddef.h>
#include "core/diet.h"
#include "util/err.h"

enum suggest_order { SUGGEST_BY_SERVING, SUGGEST_BY_KCAL };

struct suggestion {
	long food_id;
	char name[256];            /* the staple's plain name, else the USDA name */
	char usda_name[256];
	const char *rule;          /* staples.tsv row of a staple, else the food-groups.tsv row of its serving */
	const char *kind;          /* the staple's kind ("beans"), NULL for other foods */
	int logged;                /* the person has logged this food */
	double mg_per_100g;
	double mg_per_serving;
	double mg_per_100kcal;     /* NAN when the food has no energy value */
	double serving_g;
	char serving[128];         /* "1/2 cup (86 g)" */
	double portion_g;          /* one usual serving */
	char portion[128];
	double portion_mg;
	double gap_share;          /* portion_mg / gap (1 when there is no gap) */
	const char *note;          /* food-rules.tsv note row for this food ("4 h from the tablet"), NULL when none */
};

struct suggest_opts {
	enum suggest_order order;
	size_t limit;
	const long *logged;        /* foods the person has logged (any order), never excluded */
	size_t n_logged;
	const struct diet_rules *diet;   /* the profile's food rules (diet_rules_for); NULL: none */
};

/* Ranks suggestions for a gap of gap_mg (<= 0: none to close, the same
 * foods keep it closed). *out is an array of at most o->limit entries that
 * the caller frees. MG_EDATA when foods.db was classified by other rules
 * (it must be rebuilt). */
int suggest_foods(sqlite3 *foods, double gap_mg, const struct suggest_opts *o,
		  struct suggestion **out, size_t *n, struct mg_err *e);

/* The distinct food ids profile_id has ever logged up to day `to`, into
 * *ids (the caller frees). */
int suggest_logged_foods(sqlite3 *journal, long profile_id, long to, long **ids, size_t *n, struct mg_err *e);

#endif
