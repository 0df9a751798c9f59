/*
 * Classifying a food once, when the food database is built: its food key
 * (core/foodkey.c), its usual serving (the food group's reference amount
 * from data/food-groups.tsv, at most serving-max-kcal, shown in the food's
 * own household measure), and the first row of data/food-exclusions.tsv
 * that keeps it out of suggestions (branded, fortified, bars,
 * concentrates, unprepared forms, restaurant dishes, luxury items, herbs,
 * sea vegetables, too much sodium a serving ...), or none; and its tags
 * (data/food-tags.tsv: allergens, diets, foods a medicine or pregnancy
 * cares about), so a profile's diet and medicines filter suggestions
 * without reading names again. foods.db keeps
 * the result beside the food, with a digest of the rules it came from, so
 * suggestions read it instead of guessing per call (core/suggest.c).
 */
#ifndef MG_FOODCLASS_H
#define MG_FOODCLASS_H

#include <stddef.h>
#include "io/food-record.h"
#include "util/err.h"

struct foodclass;   /* the parsed rules; opaque */

/* A food's tags, one bit each (food-tags.tsv's `tag` column names them). */
enum food_tag {
	FT_NUTS, FT_PEANUTS, FT_SESAME, FT_SOY, FT_GLUTEN, FT_DAIRY, FT_EGG, FT_FISH, FT_SHELLFISH, FT_MEAT,
	FT_VITAMIN_K, FT_HIGH_MERCURY, FT_RAW_ROE, FT_THYROID_APART, FT_CALCIUM, FT_CHOKING,
	FT_COUNT
};

/* The tag's name in the tables ("nuts", "vitamin-k"); NULL out of range. */
const char *foodclass_tag_name(int tag);
/* The bit of a tag name, 0 when there is no such tag. */
unsigned foodclass_tag_bit(const char *name);
/* The bits of a comma-separated list of tag names; -1 when one is unknown
 * (its name into bad). */
long foodclass_tag_bits(const char *csv, char *bad, size_t n);

/* Parses food-exclusions.tsv, food-tags.tsv, food-groups.tsv and food-keys.tsv (the
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
	unsigned tags;              /* 1u << enum food_tag, for every food-tags.tsv row that matches */
};

/* Classifies f (pure over the rules). */
void foodclass_classify(const struct foodclass *fc, const struct food_record *f, struct food_class *out);

/* A digest of everything a classification depends on (the four tables,
 * the thresholds it reads and the classifier's version), as hex text. */
void foodclass_digest(char *buf, size_t n);

/* The reason text of exclusion row id, or NULL when there is no such row. */
const char *foodclass_reason(const char *id);

#endif
