/*
 * Suggestion ranking; see suggest.h. One pass over the foods with
 * magnesium keeps the best food per "kind" (the first two comma segments
 * of its name, so "with salt" and "without salt" do not both take a place).
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/portion.h"
#include "core/suggest.h"
#include "core/tables.h"
#include "store/foods.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

struct ctx {
	const struct mg_table *groups;
	double gap, max_servings, max_kcal, min_mg;
	enum suggest_order order;
	struct suggestion *s;
	size_t n, cap;
};

static long group_row(const struct mg_table *t, int group)
{
	for (size_t r = 0; r < t->nrows; r++) {
		long code;
		if (mg_parse_long(table_cell(t, r, "code"), 0, 9999, &code) == 0 && code == group)
			return (long)r;
	}
	return -1;
}

static size_t kind_len(const char *name)
{
	const char *c = strchr(name, ',');
	if (!c)
		return strlen(name);
	const char *c2 = strchr(c + 1, ',');
	return c2 ? (size_t)(c2 - name) : strlen(name);
}

static double key(const struct ctx *c, const struct suggestion *s)
{
	if (c->order == SUGGEST_BY_KCAL)
		return isnan(s->mg_per_100kcal) ? -1 : s->mg_per_100kcal;
	return s->mg_per_serving;
}

static int on_food(const struct food_record *f, void *vctx)
{
	struct ctx *c = vctx;
	long r = f->group ? group_row(c->groups, f->group) : -1;
	if (r < 0 || strcmp(table_cell(c->groups, (size_t)r, "suggest"), "yes") != 0)
		return 0;
	if (mg_has_any_word(f->name, table_cell(c->groups, (size_t)r, "exclude_words")))
		return 0;
	/* Some groups list foods as bought (dry grains): only the prepared
	 * forms make sense as a portion to eat. */
	const char *req = table_cell(c->groups, (size_t)r, "require_words");
	if (*req && !mg_has_any_word(f->name, req))
		return 0;
	double serving_g;
	if (mg_parse_double(table_cell(c->groups, (size_t)r, "serving_g"), 1, 10000, &serving_g) < 0)
		return 0;
	/* Dense foods: a serving is at most about max_kcal of the food. */
	double kcal = f->nut[NUT_KCAL];
	if (kcal > 0 && serving_g > c->max_kcal / kcal * 100)
		serving_g = c->max_kcal / kcal * 100;
	const struct food_measure *m = portion_measure_near(f, serving_g);
	struct suggestion s;
	memset(&s, 0, sizeof(s));
	s.food_id = f->id;
	mg_strlcpy(s.name, f->name, sizeof(s.name));
	s.group_rule = table_cell(c->groups, (size_t)r, "id");
	s.mg_per_100g = f->nut[NUT_MG];
	/* Show the serving in the food's own measure when one is close. */
	s.serving_g = m ? m->grams / m->amount : serving_g;
	portion_format(m, s.serving_g, s.serving, sizeof(s.serving));
	s.mg_per_serving = s.mg_per_100g * s.serving_g / 100;
	if (s.mg_per_serving < c->min_mg)
		return 0;
	s.mg_per_100kcal = kcal > 0 ? s.mg_per_100g / kcal * 100 : NAN;
	double need_g = c->gap > 0 ? c->gap / s.mg_per_100g * 100 : s.serving_g;
	double cap_g = c->max_servings * s.serving_g;
	s.portion_g = need_g < cap_g ? need_g : cap_g;
	portion_format(m, s.portion_g, s.portion, sizeof(s.portion));
	s.portion_mg = s.mg_per_100g * s.portion_g / 100;
	s.gap_share = c->gap > 0 ? s.portion_mg / c->gap : 1;

	size_t kl = kind_len(f->name);
	for (size_t i = 0; i < c->n; i++) {
		if (kind_len(c->s[i].name) == kl && strncmp(c->s[i].name, f->name, kl) == 0) {
			if (key(c, &s) > key(c, &c->s[i]))
				c->s[i] = s;
			return 0;
		}
	}
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 256;
		c->s = mg_realloc(c->s, c->cap * sizeof(*c->s));
	}
	c->s[c->n++] = s;
	return 0;
}

static int by_key(const void *x, const void *y, void *vctx)
{
	const struct suggestion *a = x, *b = y;
	const struct ctx *c = vctx;
	double ka = key(c, a), kb = key(c, b);
	if (ka != kb)
		return ka < kb ? 1 : -1;
	return a->food_id < b->food_id ? -1 : a->food_id > b->food_id;
}

int suggest_foods(sqlite3 *foods, double gap_mg, enum suggest_order order, size_t limit,
		  struct suggestion **out, size_t *n, struct mg_err *e)
{
	*out = NULL;
	*n = 0;
	struct ctx c = {.groups = tables_get("food-groups.tsv"), .gap = gap_mg, .order = order};
	if (!c.groups)
		return mg_err_set(e, MG_ESOFTWARE, "rule tables are not loaded");
	c.max_servings = tables_threshold("suggest-max-servings", NULL);
	c.max_kcal = tables_threshold("serving-max-kcal", NULL);
	c.min_mg = tables_threshold("suggest-min-mg-per-serving", NULL);
	if (foods_each_with_magnesium(foods, on_food, &c, e) < 0) {
		free(c.s);
		return -1;
	}
	if (c.n)
		qsort_r(c.s, c.n, sizeof(*c.s), by_key, &c);
	/* Keep the list varied: at most max_head foods per name head. */
	size_t max_head = (size_t)tables_threshold("suggest-max-per-head", NULL), kept = 0;
	for (size_t i = 0; i < c.n && kept < limit; i++) {
		size_t head = strcspn(c.s[i].name, ","), same = 0;
		for (size_t j = 0; j < kept; j++)
			same += strcspn(c.s[j].name, ",") == head && strncmp(c.s[j].name, c.s[i].name, head) == 0;
		if (same < max_head)
			c.s[kept++] = c.s[i];
	}
	*out = c.s;
	*n = kept;
	return 0;
}
