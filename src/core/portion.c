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
#include <ctype.h>
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

/* Household amounts and how a recipe writes them. When a serving is
 * chosen (portion_household), `cost` is added to how far off the target an
 * amount is (as a log ratio), so a whole measure beats a fraction that is
 * only a little nearer: for 30 g of almonds, 1 oz (5.6 % off) rather than
 * 1/3 cup sliced (2.2 % off). A negative cost is never offered. */
static const struct {
	double v;
	const char *text;
	double cost;
} amounts[] = {
	{0.25, "1/4", 0.05}, {1.0 / 3, "1/3", 0.07}, {0.5, "1/2", 0.03}, {2.0 / 3, "2/3", 0.07},
	{0.75, "3/4", 0.05}, {1, "1", 0}, {1.25, "1 1/4", -1}, {4.0 / 3, "1 1/3", -1}, {1.5, "1 1/2", 0.05},
	{5.0 / 3, "1 2/3", -1}, {1.75, "1 3/4", -1}, {2, "2", 0.03}, {2.5, "2 1/2", -1}, {3, "3", 0.03},
	{4, "4", 0.05},
};

void portion_amount(double units, char *buf, size_t n)
{
	for (size_t i = 0; i < sizeof(amounts) / sizeof(amounts[0]); i++) {
		if (fabs(units - amounts[i].v) <= 0.05 * amounts[i].v) {
			mg_strlcpy(buf, amounts[i].text, n);
			return;
		}
	}
	/* Whole numbers above the table; else two figures: 0.37, 2.2. */
	if (units >= 4.5 && fabs(units - round(units)) <= 0.05 * units)
		snprintf(buf, n, "%.0f", round(units));
	else
		snprintf(buf, n, "%.2g", units);
}

/* Abbreviations and sizes read the same in the plural ("2 oz", "2 medium"). */
static int invariable(const char *w, size_t len)
{
	static const char *const words[] = {"oz", "fl", "tbsp", "tsp", "lb", "g", "kg", "ml", "l",
					    "small", "medium", "large", "extra"};
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strlen(words[i]) == len && strncasecmp(w, words[i], len) == 0)
			return 1;
	return 0;
}

static int is_size(const char *w, size_t len)
{
	return (len == 5 && strncasecmp(w, "small", 5) == 0) || (len == 6 && strncasecmp(w, "medium", 6) == 0) ||
	       (len == 5 && strncasecmp(w, "large", 5) == 0);
}

/* Appends the plural of word x (xl bytes), unless it is one already. */
static void add_plural(struct strbuf *out, const char *x, size_t xl)
{
	if (x[xl - 1] == 's') {
		strbuf_add(out, x, xl);
	} else if (xl > 1 && x[xl - 1] == 'y' && !strchr("aeiou", x[xl - 2])) {
		strbuf_add(out, x, xl - 1);
		strbuf_adds(out, "ies");
	} else if (xl > 3 && x[xl - 1] == 'f') {
		strbuf_add(out, x, xl - 1);   /* leaf, loaf, half */
		strbuf_adds(out, "ves");
	} else if (x[xl - 1] == 'x' || (xl > 1 && x[xl - 1] == 'h' && strchr("cs", x[xl - 2])) ||
		   (xl == 6 && (strncasecmp(x, "potato", 6) == 0 || strncasecmp(x, "tomato", 6) == 0))) {
		strbuf_add(out, x, xl);
		strbuf_adds(out, "es");
	} else {
		strbuf_add(out, x, xl);
		strbuf_addch(out, 's');
	}
}

/* The measure's plain words: "cup" of "cup (8 fl oz)" and of "cup,
 * chopped", "serving" of "NLEA serving", "medium potato" of "potato medium
 * (2-1/4" to 3-1/4" dia.)", singular or plural for units. */
static void measure_words(const char *measure, double units, struct strbuf *out)
{
	struct strbuf w;
	strbuf_init(&w);
	int depth = 0;
	for (const char *p = measure; *p && !(depth == 0 && *p == ','); p++) {
		if (*p == '(')
			depth++;
		else if (*p == ')' && depth > 0)
			depth--;
		else if (depth == 0)
			strbuf_addch(&w, *p);
	}
	/* Words, without "NLEA" (a labelling term, not a measure). */
	const char *word[8];
	size_t wlen[8], nw = 0;
	const char *s = strbuf_str(&w);
	while (*s && nw < 8) {
		while (*s == ' ')
			s++;
		size_t l = strcspn(s, " ");
		if (l && !(l == 4 && strncmp(s, "NLEA", 4) == 0)) {
			word[nw] = s;
			wlen[nw++] = l;
		}
		s += l;
	}
	if (nw == 2 && is_size(word[1], wlen[1]) && !is_size(word[0], wlen[0])) {
		const char *t = word[0];
		size_t tl = wlen[0];
		word[0] = word[1];
		wlen[0] = wlen[1];
		word[1] = t;
		wlen[1] = tl;
	}
	for (size_t i = 0; i < nw; i++) {
		if (i)
			strbuf_addch(out, ' ');
		const char *x = word[i];
		size_t xl = wlen[i];
		/* Only the last word changes number: "cup slices", "fl oz". */
		if (i + 1 < nw || invariable(x, xl) || !isalpha((unsigned char)x[xl - 1]))
			strbuf_add(out, x, xl);
		else if (units > 1.0 + 1e-9)
			add_plural(out, x, xl);
		else if (nw == 1 && xl > 3 && x[xl - 1] == 's' && x[xl - 2] != 's')
			strbuf_add(out, x, xl - 1);   /* one of "biscuits", "nuts", "pods" */
		else
			strbuf_add(out, x, xl);
	}
	if (nw == 0)
		strbuf_adds(out, "serving");
	strbuf_release(&w);
}

void portion_text(double units, const char *measure, double g, char *buf, size_t n)
{
	char amount[32];
	portion_amount(units, amount, sizeof(amount));
	struct strbuf words;
	strbuf_init(&words);
	measure_words(measure, units, &words);
	snprintf(buf, n, "%s %s (%.0f g)", amount, strbuf_str(&words), g);
	strbuf_release(&words);
}

void portion_format(const struct food_measure *m, double g, char *buf, size_t n)
{
	if (!m || m->grams <= 0 || m->amount <= 0) {
		snprintf(buf, n, "%.0f g", g);
		return;
	}
	portion_text(g / (m->grams / m->amount), m->name, g, buf, n);
}

double portion_household(const struct food_record *f, double target_g, char *buf, size_t n)
{
	const struct food_measure *best = NULL;
	double best_units = 0, best_d = INFINITY;
	for (size_t i = 0; i < f->n_measures; i++) {
		const struct food_measure *m = &f->measures[i];
		if (m->grams <= 0 || m->amount <= 0)
			continue;
		double unit_g = m->grams / m->amount;
		for (size_t k = 0; k < sizeof(amounts) / sizeof(amounts[0]); k++) {
			if (amounts[k].cost < 0)
				continue;
			double off = fabs(log(amounts[k].v * unit_g / target_g));
			if (off > log(1.25))
				continue;
			double d = off + amounts[k].cost;
			/* Earlier measures win ties: USDA lists the usual ones first. */
			if (d < best_d - 1e-9) {
				best_d = d;
				best = m;
				best_units = amounts[k].v;
			}
		}
	}
	if (!best) {
		snprintf(buf, n, "%.0f g", target_g);
		return target_g;
	}
	double g = best_units * best->grams / best->amount;
	portion_text(best_units, best->name, g, buf, n);
	return g;
}
