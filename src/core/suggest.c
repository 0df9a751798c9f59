/*
 * Suggestion ranking; see suggest.h. One pass over foods.db's candidates
 * (foods that are not excluded, the staples and the person's own foods:
 * store/foods.c) sorts each into the staples or the rest; the staples are
 * then dealt out one kind at a time, and the rest keep their best food per
 * food key, after every key a staple already holds. Nothing here reads a
 * food's words: the importer decided about each food once.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/foodclass.h"
#include "core/portion.h"
#include "core/staples.h"
#include "core/suggest.h"
#include "core/tables.h"
#include "store/foods.h"
#include "store/journal.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

/* A candidate with its food key (the suggestion does not keep one). */
struct cand {
	struct suggestion s;
	char key[128];
	const struct staple *staple;
	int full;      /* eaten most days in a full serving already: not offered, but holds its key */
};

struct ctx {
	const struct staple *staples;
	size_t n_staples;
	const struct logged_food *logged;   /* sorted by food_id */
	size_t n_logged;
	int days_with_food;
	const struct mg_table *groups;
	const char *group_rule[100];   /* food-groups.tsv row id by group code, as found */
	double gap, min_mg, more_min_mg, regular_share, regular_min_days;
	enum suggest_order order;
	const struct diet_rules *diet;
	struct cand *v;
	size_t n, cap;
	/* The other foods keep only their best of each food key as they come
	 * (a large FDC import has tens of thousands of suggestible foods in a
	 * few thousand keys): an open-addressing table of key -> index + 1. */
	size_t *by_key;
	size_t key_cap;
};

static size_t key_hash(const char *k)
{
	size_t h = 1469598103934665603u;   /* FNV-1a */
	for (; *k; k++)
		h = (h ^ (unsigned char)*k) * 1099511628211u;
	return h;
}

/* The slot of key in c->by_key: its entry, or the empty slot it goes in. */
static size_t *key_slot(struct ctx *c, const char *key)
{
	if (c->key_cap == 0 || c->n * 2 >= c->key_cap) {
		size_t old_cap = c->key_cap;
		size_t *old = c->by_key;
		c->key_cap = old_cap ? old_cap * 2 : 4096;
		c->by_key = mg_calloc(c->key_cap, sizeof(size_t));
		for (size_t i = 0; i < old_cap; i++)
			if (old[i]) {
				size_t j = key_hash(c->v[old[i] - 1].key) & (c->key_cap - 1);
				while (c->by_key[j])
					j = (j + 1) & (c->key_cap - 1);
				c->by_key[j] = old[i];
			}
		free(old);
	}
	size_t j = key_hash(key) & (c->key_cap - 1);
	while (c->by_key[j] && strcmp(c->v[c->by_key[j] - 1].key, key) != 0)
		j = (j + 1) & (c->key_cap - 1);
	return &c->by_key[j];
}

static int cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;
	return x < y ? -1 : x > y;
}

static int cmp_logged(const void *a, const void *b)
{
	const struct logged_food *x = a, *y = b;
	return x->food_id < y->food_id ? -1 : x->food_id > y->food_id;
}

/* How the person eats food f lately: the portion becomes the step up from
 * their usual amount when they eat it most days. Returns 0 when the food
 * is eaten most days in a full serving already (nothing to add). */
static int own_portion(const struct ctx *c, const struct logged_food *lf, struct suggestion *s)
{
	s->days_eaten = lf->days_eaten;
	s->days_with_food = c->days_with_food;
	s->usual_g = NAN;
	s->regular = c->days_with_food >= c->regular_min_days && !isnan(lf->usual_g) &&
		     lf->days_eaten >= c->regular_share * c->days_with_food;
	if (!s->regular)
		return 1;
	s->usual_g = lf->usual_g;
	/* The usual amount is in the food log's average already: only the
	 * step up to one usual serving is new. */
	s->adds_mg = (s->portion_g - lf->usual_g) * s->mg_per_100g / 100;
	return s->adds_mg >= c->more_min_mg;
}

static double rank_key(const struct ctx *c, const struct suggestion *s)
{
	if (c->order == SUGGEST_BY_KCAL)
		return isnan(s->mg_per_100kcal) ? -1 : s->mg_per_100kcal;
	return s->mg_per_serving;
}

/* The food-groups.tsv row of group, the rule a non-staple's serving comes
 * from (the group's reference amount). */
static const char *group_rule(struct ctx *c, int group)
{
	if (group >= 0 && group < 100 && c->group_rule[group])
		return c->group_rule[group];
	for (size_t r = 0; r < c->groups->nrows; r++) {
		long code;
		if (mg_parse_long(table_cell(c->groups, r, "code"), 1, 99, &code) == 0 && code == group)
			return c->group_rule[group] = table_cell(c->groups, r, "id");
	}
	return "food-groups.tsv";
}

/* A child's portion, share of the usual serving: a staple's in the
 * household fraction of its measure nearest that share (1/2 cup x 0.65
 * is "1/3 cup"), so the amount is one a parent can measure; another food's
 * in grams. */
static void child_portion(const struct staple *st, double share, struct suggestion *s)
{
	if (!st) {
		s->portion_g = s->serving_g * share;
		snprintf(s->portion, sizeof(s->portion), "%.0f g", s->portion_g);
		return;
	}
	static const double fractions[] = {0.25, 1.0 / 3, 0.5, 2.0 / 3, 0.75, 1, 1.5, 2, 3};
	double want = st->amount * share, best = fractions[0];
	for (size_t i = 1; i < sizeof(fractions) / sizeof(*fractions); i++)
		if (fabs(log(fractions[i] / want)) < fabs(log(best / want)))
			best = fractions[i];
	s->portion_g = st->grams / st->amount * best;
	portion_text(best, st->measure, s->portion_g, s->portion, sizeof(s->portion));
}

static int on_candidate(const struct foods_candidate *f, void *vctx)
{
	struct ctx *c = vctx;
	const struct staple *st = staples_find(c->staples, c->n_staples, f->id);
	struct logged_food probe = {.food_id = f->id};
	const struct logged_food *lf =
		c->n_logged ? bsearch(&probe, c->logged, c->n_logged, sizeof(*c->logged), cmp_logged) : NULL;
	int logged = lf != NULL;
	/* A staple comes with its own serving; any other food needs the usual
	 * serving the importer found, and enough magnesium in it. */
	double serving_g = st ? st->grams : f->serving_g;
	if (isnan(serving_g) || serving_g <= 0)
		return 0;
	if (!st && f->mg * serving_g / 100 < c->min_mg)
		return 0;
	/* The query also returns the staples and logged foods it was asked
	 * for even when excluded; only those may pass an exclusion. */
	if (!st && !logged && *f->excluded)
		return 0;
	/* The diet, allergies and medicines hold for every food, the
	 * person's own included: a vegan's logged cheese is not offered back. */
	if (c->diet && (f->tags & c->diet->avoid_tags))
		return 0;
	/* Another food: only the best of its key is kept (as by_rank orders
	 * them: the higher rank, then the lower id). */
	size_t *slot = NULL;
	struct cand *k;
	if (!st && !logged) {
		double mg_serving = f->mg * serving_g / 100;
		double rank = c->order == SUGGEST_BY_KCAL ? (!isnan(f->kcal) && f->kcal > 0 ? f->mg / f->kcal * 100 : -1)
							  : mg_serving;
		slot = key_slot(c, f->key);
		if (*slot) {
			const struct suggestion *had = &c->v[*slot - 1].s;
			double had_rank = rank_key(c, had);
			if (rank < had_rank || (rank == had_rank && f->id > had->food_id))
				return 0;
		}
	}
	if (slot && *slot) {
		k = &c->v[*slot - 1];   /* a better food of a key already held replaces it */
	} else {
		if (c->n == c->cap) {
			c->cap = c->cap ? c->cap * 2 : 512;
			c->v = mg_realloc(c->v, c->cap * sizeof(*c->v));
		}
		k = &c->v[c->n++];
		if (slot)
			*slot = c->n;
	}
	memset(k, 0, sizeof(*k));
	struct suggestion *s = &k->s;
	k->staple = st;
	mg_strlcpy(k->key, f->key, sizeof(k->key));
	s->food_id = f->id;
	mg_strlcpy(s->usda_name, f->name, sizeof(s->usda_name));
	mg_strlcpy(s->name, st ? st->name : f->name, sizeof(s->name));
	s->rule = st ? st->id : group_rule(c, f->group);
	s->kind = st ? st->kind : NULL;
	s->logged = logged;
	s->mg_per_100g = f->mg;
	s->serving_g = serving_g;
	if (st)
		staples_serving(st, s->serving, sizeof(s->serving));
	else
		mg_strlcpy(s->serving, f->serving, sizeof(s->serving));
	s->mg_per_serving = f->mg * serving_g / 100;
	s->mg_per_100kcal = !isnan(f->kcal) && f->kcal > 0 ? f->mg / f->kcal * 100 : NAN;
	/* One usual serving: the gap is shared out over several foods. */
	s->portion_g = s->serving_g;
	mg_strlcpy(s->portion, s->serving, sizeof(s->portion));
	if (c->diet && c->diet->portion_factor < 1)
		child_portion(st, c->diet->portion_factor, s);
	s->portion_mg = s->mg_per_100g * s->portion_g / 100;
	s->adds_mg = s->portion_mg;
	s->usual_g = NAN;
	if (lf)
		k->full = !own_portion(c, lf, s);
	s->gap_share = c->gap > 0 ? s->adds_mg / c->gap : 1;
	s->note = c->diet ? diet_food_note(c->diet, f->tags) : NULL;
	return 0;
}

/* The comparators sort arrays of pointers: a candidate is about 1 KB,
 * and 70,000 of them (a large FDC import) cost more to move than to rank. */
static int by_rank(const void *x, const void *y, void *vctx)
{
	const struct cand *a = *(const struct cand *const *)x, *b = *(const struct cand *const *)y;
	double ka = rank_key(vctx, &a->s), kb = rank_key(vctx, &b->s);
	if (ka != kb)
		return ka < kb ? 1 : -1;
	return a->s.food_id < b->s.food_id ? -1 : a->s.food_id > b->s.food_id;
}

/* The person's own foods: those eaten most days first, the larger step
 * up first; then those eaten now and then, in rank order. */
static int by_own(const void *x, const void *y, void *vctx)
{
	const struct cand *a = *(const struct cand *const *)x, *b = *(const struct cand *const *)y;
	if (a->s.regular != b->s.regular)
		return a->s.regular ? -1 : 1;
	if (a->s.regular && a->s.adds_mg != b->s.adds_mg)
		return a->s.adds_mg < b->s.adds_mg ? 1 : -1;
	return by_rank(x, y, vctx);
}

/* Whether one of v[0..n) holds food key `key`. */
static int key_held(struct cand *const *v, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i]->key, key) == 0)
			return 1;
	return 0;
}

/* By food key, the best first, so the first of each key is kept. */
static int by_key_then_rank(const void *x, const void *y, void *vctx)
{
	const struct cand *a = *(const struct cand *const *)x, *b = *(const struct cand *const *)y;
	int d = strcmp(a->key, b->key);
	return d ? d : by_rank(x, y, vctx);
}

/* One kind of staple while they are dealt out: where its first (best)
 * staple is, how many it has and how many are dealt. */
struct kind_slot {
	const char *kind;
	size_t first, n, taken;
};

/* Appends the staples s[0..n) (sorted by rank) to out one kind at a time:
 * the best of each kind, then the second of each, and so on. */
static size_t deal_by_kind(struct cand *const *s, size_t n, struct cand **out)
{
	struct kind_slot *k = mg_calloc(n ? n : 1, sizeof(*k));
	size_t nk = 0;
	/* Kinds in the order of their best staple; each kind's staples keep
	 * their rank order, found again by scanning (n is small). */
	for (size_t i = 0; i < n; i++) {
		size_t j = 0;
		while (j < nk && strcmp(k[j].kind, s[i]->s.kind) != 0)
			j++;
		if (j == nk)
			k[nk++] = (struct kind_slot){.kind = s[i]->s.kind, .first = i};
		k[j].n++;
	}
	size_t m = 0;
	while (m < n) {
		for (size_t j = 0; j < nk; j++) {
			if (k[j].taken >= k[j].n)
				continue;
			/* The (taken+1)-th staple of this kind. */
			size_t seen = 0;
			for (size_t i = k[j].first; i < n; i++) {
				if (strcmp(s[i]->s.kind, k[j].kind) != 0)
					continue;
				if (seen++ == k[j].taken) {
					out[m++] = s[i];
					break;
				}
			}
			k[j].taken++;
		}
	}
	free(k);
	return m;
}

/* foods.db must have been classified by these rules: a database built by
 * another mgtrack would apply exclusions this one does not know. */
static int check_rules(sqlite3 *foods, struct mg_err *e)
{
	char want[32], have[64];
	foodclass_digest(want, sizeof(want));
	if (foods_meta(foods, "classification", have, sizeof(have), e) < 0)
		return -1;
	if (strcmp(want, have) != 0) {
		const char *path = sqlite3_db_filename(foods, "main");
		return mg_err_set(e, MG_EDATA,
				  "food database \"%s\" was built with other food rules: rebuild it with"
				  " 'mgtrack food import --sr24 PATH'", path && *path ? path : "foods.db");
	}
	return 0;
}

int suggest_foods(sqlite3 *foods, double gap_mg, const struct suggest_opts *o,
		  struct suggestion **out, size_t *n, struct mg_err *e)
{
	*out = NULL;
	*n = 0;
	struct ctx c;
	memset(&c, 0, sizeof(c));
	c.gap = gap_mg;
	c.order = o->order;
	c.groups = tables_get("food-groups.tsv");
	if (!c.groups)
		return mg_err_set(e, MG_ESOFTWARE, "rule tables are not loaded");
	c.min_mg = tables_threshold("suggest-min-mg-per-serving", NULL);
	c.more_min_mg = tables_threshold("suggest-more-min-mg", NULL);
	c.regular_share = tables_threshold("suggest-regular-share", NULL);
	c.regular_min_days = tables_threshold("food-days-min", NULL);
	c.days_with_food = o->days_with_food;
	if (check_rules(foods, e) < 0)
		return -1;
	c.diet = o->diet;
	/* An infant, kidney disease, dialysis: no food is pushed at all. */
	if (c.diet && c.diet->no_food) {
		*out = mg_calloc(1, sizeof(**out));
		return 0;
	}
	struct staple *staples;
	if (staples_load(&staples, &c.n_staples, e) < 0)
		return -1;
	c.staples = staples;
	/* The query takes the staples and the logged foods as one id list. */
	size_t n_ids = c.n_staples + o->n_logged;
	long *ids = mg_calloc(n_ids ? n_ids : 1, sizeof(long));
	for (size_t i = 0; i < c.n_staples; i++)
		ids[i] = staples[i].ndb;
	struct logged_food *logged = mg_calloc(o->n_logged ? o->n_logged : 1, sizeof(*logged));
	/* o->logged may be NULL when there are none: memcpy must not see it. */
	if (o->n_logged) {
		for (size_t i = 0; i < o->n_logged; i++)
			ids[c.n_staples + i] = o->logged[i].food_id;
		memcpy(logged, o->logged, o->n_logged * sizeof(*logged));
		qsort(logged, o->n_logged, sizeof(*logged), cmp_logged);
	}
	c.logged = logged;
	c.n_logged = o->n_logged;
	int rc = foods_each_candidate(foods, ids, n_ids, c.min_mg, on_candidate, &c, e);
	free(ids);
	if (rc < 0) {
		free(c.v);
		free(c.by_key);
		free(logged);
		free(staples);
		return -1;
	}
	struct cand **pv = mg_calloc(c.n ? c.n : 1, sizeof(*pv));
	for (size_t i = 0; i < c.n; i++)
		pv[i] = &c.v[i];
	if (c.n)
		qsort_r(pv, c.n, sizeof(*pv), by_rank, &c);
	/* Three groups in turn: the person's own foods (one per food key),
	 * the staples dealt out by kind, the rest; a key already held by an
	 * earlier group is not offered again. A food eaten most days in a full
	 * serving holds its key without being offered: a second serving of
	 * the same food is not variety. */
	struct cand **own = mg_calloc(c.n ? c.n : 1, sizeof(*own));
	size_t no = 0, held_full = 0;
	for (size_t i = 0; i < c.n; i++)
		if (pv[i]->s.logged && pv[i]->full)
			own[no++] = pv[i];
	held_full = no;
	for (size_t i = 0; i < c.n; i++)
		if (pv[i]->s.logged && !pv[i]->full)
			own[no++] = pv[i];
	qsort_r(own + held_full, no - held_full, sizeof(*own), by_own, &c);
	size_t nown = held_full;
	for (size_t i = held_full; i < no; i++)
		if (!key_held(own, nown, own[i]->key))
			own[nown++] = own[i];

	struct cand **ranked = mg_calloc(c.n ? c.n : 1, sizeof(*ranked));
	size_t ns = 0, nr = 0;
	for (size_t i = 0; i < c.n; i++)
		if (pv[i]->staple && !pv[i]->s.logged && !key_held(own, nown, pv[i]->key))
			ranked[ns++] = pv[i];
	struct cand **dealt = mg_calloc(ns ? ns : 1, sizeof(*dealt));
	deal_by_kind(ranked, ns, dealt);
	/* The rest: the best food of each key that no staple holds. */
	struct cand **rest = ranked + ns;
	for (size_t i = 0; i < c.n; i++)
		if (!pv[i]->staple && !pv[i]->s.logged && !key_held(own, nown, pv[i]->key))
			rest[nr++] = pv[i];
	qsort_r(rest, nr, sizeof(*rest), by_key_then_rank, &c);
	size_t kept = 0;
	for (size_t i = 0; i < nr; i++) {
		if (kept && strcmp(rest[kept - 1]->key, rest[i]->key) == 0)
			continue;
		if (!key_held(dealt, ns, rest[i]->key))
			rest[kept++] = rest[i];
	}
	qsort_r(rest, kept, sizeof(*rest), by_rank, &c);

	size_t offered = nown - held_full;
	size_t total = offered + ns + kept, limit = o->limit < total ? o->limit : total;
	struct suggestion *res = mg_calloc(limit ? limit : 1, sizeof(*res));
	for (size_t i = 0; i < limit; i++)
		res[i] = i < offered ? own[held_full + i]->s : i < offered + ns ? dealt[i - offered]->s
								       : rest[i - offered - ns]->s;
	free(own);
	free(dealt);
	free(ranked);
	free(pv);
	free(c.v);
	free(c.by_key);
	free(logged);
	free(staples);
	*out = res;
	*n = limit;
	return 0;
}

void suggest_own_text(const struct suggestion *s, char *buf, size_t n)
{
	if (!s->logged)
		snprintf(buf, n, "%s", "");
	else if (!s->regular)
		snprintf(buf, n, "you have eaten it");
	else
		snprintf(buf, n, "you eat it most days (%d of %d days with food, usually %.0f g): %s instead gives +%.0f mg",
			 s->days_eaten, s->days_with_food, s->usual_g, s->portion, s->adds_mg);
}

/* The log read once: every food id ever logged, and the entries of the
 * recent window (food, day, grams). */
struct log_acc {
	long *ids;
	size_t n_ids, cap_ids;
	struct recent { long food_id, date; double grams; } *recent;
	size_t n_recent, cap_recent;
	long from;
};

static int on_log(const struct food_log_entry *en, void *ctx)
{
	struct log_acc *a = ctx;
	if (a->n_ids == a->cap_ids) {
		a->cap_ids = a->cap_ids ? a->cap_ids * 2 : 64;
		a->ids = mg_realloc(a->ids, a->cap_ids * sizeof(long));
	}
	a->ids[a->n_ids++] = en->food_id;
	if (en->date >= a->from) {
		if (a->n_recent == a->cap_recent) {
			a->cap_recent = a->cap_recent ? a->cap_recent * 2 : 64;
			a->recent = mg_realloc(a->recent, a->cap_recent * sizeof(*a->recent));
		}
		a->recent[a->n_recent++] = (struct recent){en->food_id, en->date, en->grams};
	}
	return 0;
}

static int by_food_day(const void *x, const void *y)
{
	const struct recent *a = x, *b = y;
	if (a->food_id != b->food_id)
		return a->food_id < b->food_id ? -1 : 1;
	return a->date < b->date ? -1 : a->date > b->date;
}

static int cmp_double(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;
	return a < b ? -1 : a > b;
}

int suggest_logged_foods(sqlite3 *journal, long profile_id, long to, struct logged_food **out, size_t *n,
			 int *days_with_food, struct mg_err *e)
{
	struct log_acc a = {0};
	*out = NULL;
	*n = 0;
	*days_with_food = 0;
	a.from = to - (long)tables_threshold("suggest-usual-window-days", NULL) + 1;
	/* The whole log: a food eaten once, months ago, is still the person's. */
	if (journal_food_log_list(journal, profile_id, 0, to, on_log, &a, e) < 0) {
		free(a.ids);
		free(a.recent);
		return -1;
	}
	if (a.n_ids)
		qsort(a.ids, a.n_ids, sizeof(long), cmp_long);
	size_t k = 0;
	for (size_t i = 0; i < a.n_ids; i++)
		if (!k || a.ids[k - 1] != a.ids[i])
			a.ids[k++] = a.ids[i];
	struct logged_food *v = mg_calloc(k ? k : 1, sizeof(*v));
	for (size_t i = 0; i < k; i++)
		v[i] = (struct logged_food){.food_id = a.ids[i], .days_eaten = 0, .usual_g = NAN};

	/* Days with any food: the entries arrive oldest first. */
	long last = MG_NO_DATE;
	for (size_t i = 0; i < a.n_recent; i++)
		if (a.recent[i].date != last) {
			(*days_with_food)++;
			last = a.recent[i].date;
		}
	/* Per food: the grams of each day it was eaten, and their median. */
	if (a.n_recent)
		qsort(a.recent, a.n_recent, sizeof(*a.recent), by_food_day);
	double *day_g = mg_calloc(a.n_recent ? a.n_recent : 1, sizeof(double));
	size_t j = 0, f = 0;
	while (j < a.n_recent) {
		long id = a.recent[j].food_id;
		size_t nd = 0;
		while (j < a.n_recent && a.recent[j].food_id == id) {
			long d = a.recent[j].date;
			double g = 0;
			while (j < a.n_recent && a.recent[j].food_id == id && a.recent[j].date == d)
				g += a.recent[j++].grams;
			day_g[nd++] = g;
		}
		while (f < k && v[f].food_id < id)
			f++;
		if (f < k && v[f].food_id == id) {
			qsort(day_g, nd, sizeof(double), cmp_double);
			v[f].days_eaten = (int)nd;
			v[f].usual_g = nd % 2 ? day_g[nd / 2] : (day_g[nd / 2 - 1] + day_g[nd / 2]) / 2;
		}
	}
	free(day_g);
	free(a.ids);
	free(a.recent);
	*out = v;
	*n = k;
	return 0;
}
