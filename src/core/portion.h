/*
 * Portions: turning "1 oz", "2 cup" or "180 g" into grams of a particular
 * food, using the food's own household measures first and generic weight
 * units after; picking the household measure that best shows a serving;
 * and writing a portion the way a recipe does: "1/2 cup (90 g)", not
 * "0.25 cup (1 NLEA serving) (22 g)".
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

/* Writes "1 1/2 oz (43 g)" for g grams of measure m (or "43 g" when m is
 * NULL): portion_text with the units g makes of m. */
void portion_format(const struct food_measure *m, double g, char *buf, size_t n);

/* Writes `units` of the measure named `measure` weighing g grams, plainly:
 * the amount as a household fraction ("1/2", "1 1/2", "2") when it is
 * within 5 % of one, else in two figures ("0.37"); the measure without its
 * parenthesised and comma-separated details and without "NLEA", in the
 * plural above one ("2 slices", "1 biscuit"); then the grams, rounded. */
void portion_text(double units, const char *measure, double g, char *buf, size_t n);

/* The amount alone, as portion_text writes it ("1/4", "2/3", "1 1/2", "3",
 * "0.37"). */
void portion_amount(double units, char *buf, size_t n);

/* A household serving of f near target_g grams: one of its measures in a
 * plain amount (1/4, 1/3, 1/2, 2/3, 3/4, 1, 1 1/2, 2, 3, 4) within 25 % of
 * the target, the nearest with whole measures preferred; else target_g in
 * grams. Writes its text into buf and returns its grams. */
double portion_household(const struct food_record *f, double target_g, char *buf, size_t n);

#endif
