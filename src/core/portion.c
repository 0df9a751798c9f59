/*
 * Portion arithmetic; see portion.h. A measure's "head" is its name up to
 * the first comma or parenthesis ("cup" in "cup, chopped", "oz" in
 * "oz (23 whole kernels)"), so people can type the head alone when only one
 * measure has it.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "core/portion.h"
#include "util/strbuf.h"
#include "util/banned.h"

static const struct {
	const char *unit;
	double grams;
} weights[] = {
	{"g", 1.0}, {"gram", 1.0}, {"grams", 1.0}, {"kg", 1000.0},
	{"oz", 28.349523125}, {"lb", 453.59237},
};

static size_t head_len(const char *name)
{
	size_t n = strcspn(name, ",(");
	while (n > 0 && name[n - 1] == ' ')
		n--;
	return n;
}

static void list_measures(const struct food_record *f, struct strbuf *sb)
{
	for (size_t i = 0; i < f->n_measures; i++)
		strbuf_addf(sb, "%s\"%s\" (%g g)", i ? ", " : "", f->measures[i].name, f->measures[i].grams);
	strbuf_addf(sb, "%sg, oz, lb, kg", f->n_measures ? ", " : "");
}

int portion_grams(const struct food_record *f, double amount, const char *unit,
		  double *grams, char *matched, size_t n, struct mg_err *e)
{
	if (!unit || !*unit)
		unit = "g";
	const struct food_measure *hit = NULL;
	for (size_t i = 0; i < f->n_measures && !hit; i++)
		if (strcasecmp(f->measures[i].name, unit) == 0)
			hit = &f->measures[i];
	size_t heads = 0;
	if (!hit) {
		for (size_t i = 0; i < f->n_measures; i++) {
			size_t h = head_len(f->measures[i].name);
			if (h == strlen(unit) && strncasecmp(f->measures[i].name, unit, h) == 0) {
				heads++;
				hit = &f->measures[i];
			}
		}
		if (heads > 1) {
			struct strbuf sb;
			strbuf_init(&sb);
			list_measures(f, &sb);
			mg_err_set(e, MG_EDATA, "measure \"%s\" is ambiguous for food %ld; its measures: %s",
				   unit, f->id, strbuf_str(&sb));
			strbuf_release(&sb);
			return -1;
		}
	}
	if (hit) {
		*grams = amount / hit->amount * hit->grams;
		mg_strlcpy(matched, hit->name, n);
		return 0;
	}
	for (size_t i = 0; i < sizeof(weights) / sizeof(weights[0]); i++) {
		if (strcasecmp(weights[i].unit, unit) == 0) {
			*grams = amount * weights[i].grams;
			mg_strlcpy(matched, weights[i].grams == 1.0 ? "g" : weights[i].unit, n);
			return 0;
		}
	}
	struct strbuf sb;
	strbuf_init(&sb);
	list_measures(f, &sb);
	mg_err_set(e, MG_EDATA, "unknown measure \"%s\" for food %ld; its measures: %s", unit, f->id, strbuf_str(&sb));
	strbuf_release(&sb);
	return -1;
}

const struct food_measure *portion_measure_near(const struct food_record *f, double target_g)
{
	const struct food_measure *best = NULL;
	double best_d = log(2.0) + 1e-9;
	for (size_t i = 0; i < f->n_measures; i++) {
		const struct food_measure *m = &f->measures[i];
		if (m->grams <= 0 || m->amount <= 0)
			continue;
		/* Compare one whole unit of the measure (1 cup, 1 oz). */
		double unit_g = m->grams / m->amount;
		double d = fabs(log(unit_g / target_g));
		if (d < best_d) {
			best_d = d;
			best = m;
		}
	}
	return best;
}

void portion_format(const struct food_measure *m, double g, char *buf, size_t n)
{
	if (!m) {
		snprintf(buf, n, "%.0f g", g);
		return;
	}
	double units = g / (m->grams / m->amount);
	/* Quarters are what people can measure with household spoons and cups. */
	double q = round(units * 4) / 4;
	if (q <= 0)
		q = 0.25;
	snprintf(buf, n, "%g %s (%.0f g)", q, m->name, g);
}
