/*
 * Reader for USDA FoodData Central CSV downloads (the format users
 * download today): food.csv, nutrient.csv, food_nutrient.csv and, when
 * present, food_portion.csv and measure_unit.csv. Foods keep their fdc_id
 * as id; nutrients are matched by nutrient_nbr (see io/food-record.c);
 * portions become household measures in grams. Parsing never touches a
 * database: foods go to a callback.
 */
#ifndef MG_FDC_CSV_H
#define MG_FDC_CSV_H

#include <stdio.h>
#include "io/food-record.h"
#include "util/err.h"

struct fdc_inputs {
	FILE *food;            /* required */
	FILE *nutrient;        /* required */
	FILE *food_nutrient;   /* required */
	FILE *food_portion;    /* optional: NULL */
	FILE *measure_unit;    /* optional: NULL */
};

/* Parses the streams (a pure function over streams, and the fuzz target's
 * entry point), calling cb once per food in fdc_id order. Bad content:
 * -1 with MG_EDATA and a message naming the file, line and field. */
int fdc_parse(const struct fdc_inputs *in, food_record_cb cb, void *ctx, struct mg_err *e);

/* Opens the CSV files in dir and parses them. A missing required file is
 * MG_ENOINPUT naming it. */
int fdc_read_dir(const char *dir, food_record_cb cb, void *ctx, struct mg_err *e);

#endif
