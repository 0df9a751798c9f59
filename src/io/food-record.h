/*
 * One food as the importers emit it and the food store keeps it: the
 * source's own id and name, nutrients per 100 g (NAN when the source does
 * not give one) and household measures in grams. The nutrient list below is
 * what mgtrack keeps of the ~70 nutrients USDA publishes: energy, the
 * macronutrients, and the minerals that matter for magnesium planning.
 */
#ifndef MG_FOOD_RECORD_H
#define MG_FOOD_RECORD_H

#include <stddef.h>

enum nutrient {
	NUT_KCAL, NUT_PROTEIN, NUT_FAT, NUT_CARBS, NUT_FIBER,
	NUT_MG, NUT_CA, NUT_K, NUT_NA, NUT_ZN, NUT_P, NUT_FE,
	NUT_COUNT
};

struct nutrient_info {
	const char *key;        /* column and JSON key, e.g. "magnesium_mg" */
	const char *label;      /* for people, e.g. "Magnesium" */
	const char *unit;       /* "kcal", "g" or "mg" */
	const char *sr24_name;  /* name attribute in the SR24 XML */
	int fdc_number;         /* FoodData Central nutrient_nbr */
};

extern const struct nutrient_info food_nutrients[NUT_COUNT];

/* The nutrient whose SR24 name or FDC number this is, or -1. */
int food_nutrient_by_sr24_name(const char *name);
int food_nutrient_by_fdc_number(long number);

struct food_measure {
	double amount;   /* e.g. 1.0 or 0.5 */
	char *name;      /* e.g. "cup, chopped" (owned) */
	double grams;    /* grams of `amount` of this measure */
};

struct food_record {
	long id;                 /* the source's own number: NDB, fdc_id, custom */
	char source[8];          /* "sr24", "fdc" or "custom" */
	char *name;              /* owned */
	int group;               /* USDA food group code, 0 when unknown */
	int deprecated;          /* withdrawn from the source's current list */
	double nut[NUT_COUNT];   /* per 100 g; NAN when not given */
	struct food_measure *measures;
	size_t n_measures, cap_measures;
};

/* food_record_init: an empty record (all nutrients NAN).
 * food_record_release: frees what it owns and leaves it empty. */
void food_record_init(struct food_record *f);
void food_record_release(struct food_record *f);
void food_record_set_name(struct food_record *f, const char *name);
void food_record_add_measure(struct food_record *f, double amount, const char *name, double grams);

/* Callback an importer calls for each food; return non-zero to stop. The
 * record is only valid during the call. */
typedef int (*food_record_cb)(const struct food_record *f, void *ctx);

#endif
