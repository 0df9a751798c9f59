/*
 * Portions: turning "1 oz", "2 cup" or "180 g" into grams of a particular
 * food, using the food's own household measures first and generic weight
 * units after; and picking the measure that best shows a serving.
 */
#ifndef MG_PORTION_H
#define MG_PORTION_H

#include <stddef.h>
#include "io/food-record.h"
#include "util/err.h"

/* Grams of `amount` `unit` of food f (unit NULL or "g" means grams). On an
 * unknown or ambiguous unit, MG_EDATA with the food's measures listed.
 * matched receives the measure's full name, e.g. "oz (23 whole kernels)". */
int portion_grams(const struct food_record *f, double amount, const char *unit,
		  double *grams, char *matched, size_t n, struct mg_err *e);

/* The food's measure closest to target_g grams (by ratio), or NULL when it
 * has none within a factor of 2. */
const struct food_measure *portion_measure_near(const struct food_record *f, double target_g);

/* Writes "1.5 oz (43 g)" for g grams of measure m (or "43 g" when m is
 * NULL). */
void portion_format(const struct food_measure *m, double g, char *buf, size_t n);

#endif
