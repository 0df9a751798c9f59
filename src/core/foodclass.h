/*
 * Classifying a food once, when the food database is built: its food key
 * (core/foodkey.c), its usual serving (the food group's reference amount
 * from data/food-groups.tsv, at most serving-max-kcal, shown in the food's
 * own household measure), and the first row of data/food-exclusions.tsv
 * that keeps it out of suggestions (branded, fortified, bars,
 * concentrates, unprepared forms, restaurant dishes, luxury items, herbs,
 * sea vegetables, too much sodium a serving ...), or none. foods.db keeps
 * the result beside the food, with a digest of the rules it came from, so
 * suggestions read it instead of guessing per call (core/suggest.c).
 */
#ifndef MG_FOODCLASS_H
#define MG_FOODCLASS_H

#include <stddef.h>
#include "io/food-record.h"
#include "util/err.h"

struct foodclass;   /* the parsed rules; opaque */

/* Parses food-exclusions.tsv, food-groups.tsv and food-keys.tsv (the
 * tables must be loaded). MG_ESOFTWARE when a row is malformed (an unknown
 * match, a bad group code, a row that matches nothing in particular). The
 * caller frees *out with foodclass_free. */
int foodclass_new(struct foodclass **out, struct mg_err *e);
void foodclass_free(struct foodclass *fc);

struct food_class {
	char key[128];              /* "almond", "black bean" */
	const char *excluded;       /* food-exclusions.tsv row id, NULL when it may be suggested */
	int search_lower;           /* a row marked search=lower matches: a form people rarely mean */
	double serving_g;           /* the usual serving; NAN when none is known */
	char serving[128];          /* "1/2 cup (90 g)", "" when none */
};

/* Classifies f (pure over the rules). */
void foodclass_classify(const struct foodclass *fc, const struct food_record *f, struct food_class *out);

/* A digest of everything a classification depends on (the three tables,
 * the thresholds it reads and the classifier's version), as hex text. */
void foodclass_digest(char *buf, size_t n);

/* The reason text of exclusion row id, or NULL when there is no such row. */
const char *foodclass_reason(const char *id);

#endif
