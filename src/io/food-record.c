/*
 * The food record type and the nutrient list; see food-record.h. The FDC
 * numbers are FoodData Central's nutrient_nbr values (the old SR numbers):
 * 208 energy kcal, 203 protein, 204 fat, 205 carbohydrate, 291 fibre,
 * 304 magnesium, 301 calcium, 306 potassium, 307 sodium, 309 zinc,
 * 305 phosphorus, 303 iron.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "io/food-record.h"
#include "util/strbuf.h"
#include "util/banned.h"

const struct nutrient_info food_nutrients[NUT_COUNT] = {
	[NUT_KCAL]    = {"energy_kcal", "Energy", "kcal", "Energy", 208},
	[NUT_PROTEIN] = {"protein_g", "Protein", "g", "Protein", 203},
	[NUT_FAT]     = {"fat_g", "Fat", "g", "Fat", 204},
	[NUT_CARBS]   = {"carbs_g", "Carbohydrate", "g", "Carbs", 205},
	[NUT_FIBER]   = {"fiber_g", "Fibre", "g", "Fiber", 291},
	[NUT_MG]      = {"magnesium_mg", "Magnesium", "mg", "Magnesium", 304},
	[NUT_CA]      = {"calcium_mg", "Calcium", "mg", "Calcium", 301},
	[NUT_K]       = {"potassium_mg", "Potassium", "mg", "Potassium", 306},
	[NUT_NA]      = {"sodium_mg", "Sodium", "mg", "Sodium", 307},
	[NUT_ZN]      = {"zinc_mg", "Zinc", "mg", "Zinc", 309},
	[NUT_P]       = {"phosphorus_mg", "Phosphorus", "mg", "Phosphorus", 305},
	[NUT_FE]      = {"iron_mg", "Iron", "mg", "Iron", 303},
};

int food_nutrient_by_sr24_name(const char *name)
{
	for (int i = 0; i < NUT_COUNT; i++)
		if (strcmp(food_nutrients[i].sr24_name, name) == 0)
			return i;
	return -1;
}

int food_nutrient_by_fdc_number(long number)
{
	for (int i = 0; i < NUT_COUNT; i++)
		if (food_nutrients[i].fdc_number == number)
			return i;
	return -1;
}

void food_record_init(struct food_record *f)
{
	memset(f, 0, sizeof(*f));
	for (int i = 0; i < NUT_COUNT; i++)
		f->nut[i] = NAN;
}

void food_record_release(struct food_record *f)
{
	for (size_t i = 0; i < f->n_measures; i++)
		free(f->measures[i].name);
	free(f->measures);
	free(f->name);
	food_record_init(f);
}

void food_record_set_name(struct food_record *f, const char *name)
{
	free(f->name);
	f->name = mg_strdup(name);
}

void food_record_add_measure(struct food_record *f, double amount, const char *name, double grams)
{
	if (f->n_measures == f->cap_measures) {
		f->cap_measures = f->cap_measures ? f->cap_measures * 2 : 8;
		f->measures = mg_realloc(f->measures, f->cap_measures * sizeof(*f->measures));
	}
	struct food_measure *m = &f->measures[f->n_measures++];
	m->amount = amount;
	m->name = mg_strdup(name);
	m->grams = grams;
}
