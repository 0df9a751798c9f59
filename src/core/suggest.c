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

/* A row of food-groups.tsv, read once per call rather than once a food:
 * the scan visits thousands of foods. */
struct group_info {
	long code;
	int suggest;
	const char *id, *exclude, *require;
	double serving_g;
};

struct ctx {
	struct group_info groups[64];
	size_t n_groups;
	double gap, max_servings, max_kcal, min_mg;
	enum suggest_order order;
	struct suggestion *s;
	size_t n, cap;
};

static void read_groups(struct ctx *c, const struct mg_table *t)
{
	for (size_t r = 0; r < t->nrows && c->n_groups < sizeof(c->groups) / sizeof(c->groups[0]); r++) {
		struct group_info *g = &c->groups[c->n_groups];
		if (mg_parse_long(table_cell(t, r, "code"), 0, 9999, &g->code) < 0 ||
		    mg_parse_double(table_cell(t, r, "serving_g"), 1, 10000, &g->serving_g) < 0)
			continue;
		g->suggest = strcmp(table_cell(t, r, "suggest"), "yes") == 0;
		g->id = table_cell(t, r, "id");
		g->exclude = table_cell(t, r, "exclude_words");
		g->require = table_cell(t, r, "require_words");
		c->n_groups++;
	}
}

static const struct group_info *group_of(const struct ctx *c, int group)
{
	for (size_t i = 0; i < c->n_groups; i++)
		if (c->groups[i].code == group)
			return &c->groups[i];
	return NULL;
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
	const struct group_info *g = f->group ? group_of(c, f->group) : NULL;
	if (!g || !g->suggest)
		return 0;
	double serving_g = g->serving_g;
	/* Dense foods: a serving is at most about max_kcal of the food. */
	double kcal = f->nut[NUT_KCAL];
	if (kcal > 0 && serving_g > c->max_kcal / kcal * 100)
		serving_g = c->max_kcal / kcal * 100;
	const struct food_measure *m = portion_measure_near(f, serving_g);
	/* Show the serving in the food's own measure when one is close; a
	 * food below the minimum per serving is passed over before any of
	 * its words are read. */
	double per_serving_g = m ? m->grams / m->amount : serving_g;
	if (f->nut[NUT_MG] * per_serving_g / 100 < c->min_mg)
		return 0;
	if (mg_has_any_word(f->name, g->exclude))
		return 0;
	/* Some groups list foods as bought (dry grains): only the prepared
	 * forms make sense as a portion to eat. */
	if (*g->require && !mg_has_any_word(f->name, g->require))
		return 0;
	struct suggestion s;
	memset(&s, 0, sizeof(s));
	s.food_id = f->id;
	mg_strlcpy(s.name, f->name, sizeof(s.name));
	s.group_rule = g->id;
	s.mg_per_100g = f->nut[NUT_MG];
	s.serving_g = per_serving_g;
	portion_format(m, s.serving_g, s.serving, sizeof(s.serving));
	s.mg_per_serving = s.mg_per_100g * s.serving_g / 100;
	s.mg_per_100kcal = kcal > 0 ? s.mg_per_100g / kcal * 100 : NAN;
	double need_g = c->gap > 0 ? c->gap / s.mg_per_100g * 100 : s.serving_g;
	double cap_g = c->max_servings * s.serving_g;
	s.portion_g = need_g < cap_g ? need_g : cap_g;
	portion_format(m, s.portion_g, s.portion, sizeof(s.portion));
	s.portion_mg = s.mg_per_100g * s.portion_g / 100;
	s.gap_share = c->gap > 0 ? s.portion_mg / c->gap : 1;

	/* Every candidate is kept here; one per kind is chosen after the scan
	 * (a sort, not a search of the list for every food). */
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 256;
		c->s = mg_realloc(c->s, c->cap * sizeof(*c->s));
	}
	c->s[c->n++] = s;
	return 0;
}

/* By kind (the first two comma segments of the name), the best first. */
static int by_kind(const void *x, const void *y, void *vctx)
{
	const struct suggestion *a = x, *b = y;
	const struct ctx *c = vctx;
	size_t la = kind_len(a->name), lb = kind_len(b->name);
	int d = strncmp(a->name, b->name, la < lb ? la : lb);
	if (d)
		return d;
	if (la != lb)
		return la < lb ? -1 : 1;
	double ka = key(c, a), kb = key(c, b);
	if (ka != kb)
		return ka < kb ? 1 : -1;
	return a->food_id < b->food_id ? -1 : a->food_id > b->food_id;
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
	struct ctx c;
	memset(&c, 0, sizeof(c));
	c.gap = gap_mg;
	c.order = order;
	const struct mg_table *groups = tables_get("food-groups.tsv");
	if (!groups)
		return mg_err_set(e, MG_ESOFTWARE, "rule tables are not loaded");
	read_groups(&c, groups);
	c.max_servings = tables_threshold("suggest-max-servings", NULL);
	c.max_kcal = tables_threshold("serving-max-kcal", NULL);
	c.min_mg = tables_threshold("suggest-min-mg-per-serving", NULL);
	if (foods_each_with_magnesium(foods, on_food, &c, e) < 0) {
		free(c.s);
		return -1;
	}
	/* The best food of each kind ("with salt" and "without salt" share a
	 * place), then all of them by the ranking key. */
	if (c.n) {
		qsort_r(c.s, c.n, sizeof(*c.s), by_kind, &c);
		size_t kept_kinds = 0;
		for (size_t i = 0; i < c.n; i++) {
			const struct suggestion *prev = kept_kinds ? &c.s[kept_kinds - 1] : NULL;
			size_t l = kind_len(c.s[i].name);
			if (prev && kind_len(prev->name) == l && strncmp(prev->name, c.s[i].name, l) == 0)
				continue;
			c.s[kept_kinds++] = c.s[i];
		}
		c.n = kept_kinds;
		qsort_r(c.s, c.n, sizeof(*c.s), by_key, &c);
	}
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
