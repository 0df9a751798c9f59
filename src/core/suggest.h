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
	int regular;               /* ... on most of the recent days with food (suggest-regular-share) */
	int days_eaten;            /* days of the recent window it was eaten */
	int days_with_food;        /* days of that window with any food logged */
	double usual_g;            /* a regular food: the grams usually eaten a day (median); NAN else */
	double mg_per_100g;
	double mg_per_serving;
	double mg_per_100kcal;     /* NAN when the food has no energy value */
	double serving_g;
	char serving[128];         /* "1/2 cup (86 g)" */
	double portion_g;          /* one usual serving */
	char portion[128];
	double portion_mg;
	double adds_mg;            /* what the line adds to the food log's average: for a regular
				    * food only the step from the usual amount to the portion
				    * (the usual amount is already counted), else portion_mg */
	double gap_share;          /* adds_mg / gap (1 when there is no gap) */
	const char *note;          /* food-rules.tsv note row for this food ("4 h from the tablet"), NULL when none */
};

/* A food the person has logged, and how they eat it lately. */
struct logged_food {
	long food_id;
	int days_eaten;            /* days of the recent window (suggest-usual-window-days) it was eaten */
	double usual_g;            /* median grams a day on those days; NAN when none */
};

struct suggest_opts {
	enum suggest_order order;
	size_t limit;
	const struct logged_food *logged;   /* foods the person has logged (any order), never excluded */
	size_t n_logged;
	int days_with_food;        /* days of the recent window with any food logged */
	const struct diet_rules *diet;   /* the profile's food rules (diet_rules_for); NULL: none */
};

/* Ranks suggestions for a gap of gap_mg (<= 0: none to close, the same
 * foods keep it closed): the person's own foods first (those eaten most
 * days as a bigger portion, when the usual amount is under one usual
 * serving by at least suggest-more-min-mg; those eaten now and then as one
 * serving), then the staples and the rest. A food eaten most days in a
 * full serving already is not suggested: it is in the food log already.
 * *out is an array of at most o->limit entries that the caller frees.
 * MG_EDATA when foods.db was classified by other rules (it must be
 * rebuilt). */
int suggest_foods(sqlite3 *foods, double gap_mg, const struct suggest_opts *o,
		  struct suggestion **out, size_t *n, struct mg_err *e);

/* What a suggestion of the person's own food says about it, or "" for
 * another food: "you eat it most days (6 of 7 days with food, usually
 * 117 g): 1 cup (234 g) instead gives +32 mg", or "you have eaten it". */
void suggest_own_text(const struct suggestion *s, char *buf, size_t n);

/* The distinct foods profile_id has ever logged up to day `to`, into *out
 * (the caller frees), with how often and how much of each was eaten in the
 * suggest-usual-window-days days ending on `to`; *days_with_food is the
 * number of those days with any food logged. */
int suggest_logged_foods(sqlite3 *journal, long profile_id, long to, struct logged_food **out, size_t *n,
			 int *days_with_food, struct mg_err *e);

#endif
