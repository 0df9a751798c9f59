/*
 * Food search: candidate retrieval and re-ranking; see search.h.
 * The scoring weights were tuned on the SR24 names by checking that
 * everyday queries (almonds, black beans, spinach, banana, pumpkin seeds,
 * milk, oatmeal) put the plain food first; tests/unit/u-search.c pins them.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/diet.h"
#include "core/search.h"
#include "core/tables.h"
#include "store/foods.h"
#include "store/journal.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"


size_t search_tokenize(const char *text, char tokens[][32], size_t max)
{
	size_t n = 0;
	const unsigned char *p = (const unsigned char *)text;
	while (*p && n < max) {
		while (*p && !isalnum(*p) && *p < 0x80)
			p++;
		size_t len = 0;
		while (*p && (isalnum(*p) || *p >= 0x80)) {
			if (len < 31)
				tokens[n][len++] = (char)tolower(*p);
			p++;
		}
		if (len) {
			tokens[n][len] = '\0';
			n++;
		}
	}
	return n;
}

/* Word w (length wl) matches token t: equal, plural/singular of each other,
 * or (for the last, still-being-typed token) a prefix. */
static int word_matches(const char *w, size_t wl, const char *t, int prefix, int *exact)
{
	size_t tl = strlen(t);
	*exact = 0;
	if (wl == tl && strncmp(w, t, wl) == 0) {
		*exact = 1;
		return 1;
	}
	/* Plurals: "almonds"/"almond", "berries"/"berry", "peaches"/"peach". */
	if ((wl == tl + 1 && w[wl - 1] == 's' && strncmp(w, t, tl) == 0) ||
	    (tl == wl + 1 && t[tl - 1] == 's' && strncmp(w, t, wl) == 0) ||
	    (wl == tl + 2 && strncmp(w + tl, "es", 2) == 0 && strncmp(w, t, tl) == 0) ||
	    (tl == wl + 2 && strncmp(t + wl, "es", 2) == 0 && strncmp(w, t, wl) == 0) ||
	    (wl > 3 && tl > 3 && strncmp(w + wl - 3, "ies", 3) == 0 && t[tl - 1] == 'y' &&
	     wl - 3 == tl - 1 && strncmp(w, t, tl - 1) == 0) ||
	    (wl > 3 && tl > 3 && strncmp(t + tl - 3, "ies", 3) == 0 && w[wl - 1] == 'y' &&
	     tl - 3 == wl - 1 && strncmp(w, t, wl - 1) == 0)) {
		*exact = 1;
		return 1;
	}
	return prefix && wl > tl && strncmp(w, t, tl) == 0;
}

double search_match_score(const char *name, char tokens[][32], size_t n)
{
	/* Lowercase copy split into comma segments and words. */
	char low[512];
	size_t len = strlen(name);
	if (len >= sizeof(low))
		len = sizeof(low) - 1;
	for (size_t i = 0; i < len; i++)
		low[i] = (char)tolower((unsigned char)name[i]);
	low[len] = '\0';

	double score = 0;
	for (size_t k = 0; k < n; k++) {
		double best = -3;   /* the token matched nowhere we can see */
		int seg = 0;
		size_t seg_words = 0, i = 0;
		/* Count words per segment first for the "whole segment" bonus. */
		while (i <= len) {
			size_t seg_start = i;
			while (i < len && low[i] != ',')
				i++;
			size_t seg_end = i;
			seg_words = 0;
			for (size_t j = seg_start; j < seg_end;) {
				while (j < seg_end && !isalnum((unsigned char)low[j]))
					j++;
				if (j < seg_end)
					seg_words++;
				while (j < seg_end && isalnum((unsigned char)low[j]))
					j++;
			}
			for (size_t j = seg_start; j < seg_end;) {
				while (j < seg_end && !isalnum((unsigned char)low[j]))
					j++;
				size_t ws = j;
				while (j < seg_end && isalnum((unsigned char)low[j]))
					j++;
				if (j == ws)
					continue;
				int exact;
				if (!word_matches(low + ws, j - ws, tokens[k], k == n - 1, &exact))
					continue;
				/* Earlier segments name the food; later ones qualify it. */
				double v = 6.0 / (1 + seg);
				if (exact)
					v += 2;
				if (exact && seg_words == 1)
					v += 4;   /* the segment is just this word: "almonds" */
				if (v > best)
					best = v;
			}
			seg++;
			i++;
		}
		score += best;
	}
	return score;
}

double search_static_score(const char *name, int deprecated, int basic, size_t n_measures)
{
	size_t len = strlen(name);
	int segments = 1;
	for (size_t i = 0; i < len; i++)
		segments += name[i] == ',';
	/* Plain foods over prepared products: fewer segments, shorter names. */
	double score = -0.35 * segments - 0.01 * (double)len;
	/* Flavoured products carry a food's name without being that food. */
	if (strcasestr(name, "flavor") || strcasestr(name, "flavour"))
		score -= 5;
	if (deprecated)
		score -= 4;
	if (basic)
		score += 1.5;
	/* USDA gives everyday foods many household measures (cup, slice,
	 * medium, NLEA serving) and rare ones one or two: a fair proxy for
	 * "the food people mean" among equally good name matches. */
	score += 0.2 * (double)(n_measures < 8 ? n_measures : 8);
	return score;
}

double search_score(const char *name, char tokens[][32], size_t n, int deprecated, int basic)
{
	return search_match_score(name, tokens, n) + search_static_score(name, deprecated, basic, 0);
}

void search_head(const char *name, char *buf, size_t n)
{
	const char *c = strchr(name, ',');
	if (c)
		c = strchr(c + 1, ',');
	size_t len = c ? (size_t)(c - name) : strlen(name);
	if (len >= n)
		len = n - 1;
	memcpy(buf, name, len);
	buf[len] = '\0';
}

double search_food_quality(const struct food_record *f, int form_not_eaten)
{
	/* Called for every food of an import: the columns are found once and
	 * the group's code is compared as the table writes it ("05"). */
	const struct mg_table *groups = tables_get("food-groups.tsv");
	int basic = 0;
	char code[16];
	snprintf(code, sizeof(code), "%02d", f->group);
	long cc = groups ? table_col(groups, "code") : -1, sc = groups ? table_col(groups, "search") : -1;
	for (size_t r = 0; cc >= 0 && sc >= 0 && r < groups->nrows; r++)
		if (strcmp(groups->cells[r * groups->ncols + (size_t)cc], code) == 0)
			basic = strcmp(groups->cells[r * groups->ncols + (size_t)sc], "basic") == 0;
	return search_static_score(f->name, f->deprecated, basic, f->n_measures) - (form_not_eaten ? 1.0 : 0);
}

/* How many candidates each FTS pass re-ranks: the index hands them over
 * best quality first, so this bounds the work whatever the table size.
 * Head matches are the likely answers, so that pass looks further. */
#define HEAD_CANDIDATES 200
#define NAME_CANDIDATES 100

struct candidate {
	long id;
	char *name;
	double score;
	struct food_record *custom;   /* set for the journal's own foods */
};

struct collect {
	struct candidate *c;
	size_t n, cap;
	char (*tokens)[32];
	size_t ntok;
};

/* Adds a candidate; duplicates (found by both passes) are removed later
 * by dedupe(), which is cheaper than a search here for every row. */
static struct candidate *add_candidate(struct collect *c, long id, const char *name, double score)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 128;
		c->c = mg_realloc(c->c, c->cap * sizeof(*c->c));
	}
	struct candidate *k = &c->c[c->n++];
	k->id = id;
	k->name = mg_strdup(name);
	k->score = score;
	k->custom = NULL;
	return k;
}

static int by_id(const void *a, const void *b)
{
	const struct candidate *x = a, *y = b;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* Drops repeated ids and adds each survivor's match score. */
static void dedupe_and_score(struct collect *c)
{
	if (c->n == 0)
		return;
	qsort(c->c, c->n, sizeof(*c->c), by_id);
	size_t k = 0;
	for (size_t i = 0; i < c->n; i++) {
		if (k > 0 && c->c[k - 1].id == c->c[i].id) {
			free(c->c[i].name);
			if (c->c[i].custom) {
				food_record_release(c->c[i].custom);
				free(c->c[i].custom);
			}
			continue;
		}
		c->c[k] = c->c[i];
		c->c[k].score += search_match_score(c->c[k].name, c->tokens, c->ntok);
		k++;
	}
	c->n = k;
}

static int on_fts(long id, const char *name, double quality, void *ctx)
{
	add_candidate(ctx, id, name, quality);
	return 0;
}

static int on_custom(const struct food_record *f, void *ctx)
{
	/* The user's own foods are meant on purpose: a small bonus. */
	struct candidate *k = add_candidate(ctx, f->id, f->name, search_static_score(f->name, 0, 1, f->n_measures) + 1);
	{
		k->custom = mg_malloc(sizeof(*k->custom));
		food_record_init(k->custom);
		k->custom->id = f->id;
		mg_strlcpy(k->custom->source, f->source, sizeof(k->custom->source));
		food_record_set_name(k->custom, f->name);
		memcpy(k->custom->nut, f->nut, sizeof(f->nut));
		for (size_t i = 0; i < f->n_measures; i++)
			food_record_add_measure(k->custom, f->measures[i].amount, f->measures[i].name,
						f->measures[i].grams);
	}
	return 0;
}

static int by_score(const void *a, const void *b)
{
	const struct candidate *x = a, *y = b;
	if (x->score != y->score)
		return x->score < y->score ? 1 : -1;
	return x->id < y->id ? -1 : x->id > y->id;
}

static void release_candidates(struct collect *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->c[i].name);
		if (c->c[i].custom) {
			food_record_release(c->c[i].custom);
			free(c->c[i].custom);
		}
	}
	free(c->c);
}

void search_result_release(struct search_result *r)
{
	for (size_t i = 0; i < r->n; i++)
		food_record_release(&r->hits[i].food);
	free(r->hits);
	r->hits = NULL;
	r->n = 0;
}

int food_search(sqlite3 *foods, sqlite3 *journal, const char *text, size_t limit,
		struct search_result *out, struct mg_err *e)
{
	memset(out, 0, sizeof(*out));
	char tokens[SEARCH_MAX_TOKENS][32];
	size_t n = search_tokenize(text, tokens, SEARCH_MAX_TOKENS);
	if (n == 0)
		return mg_err_set(e, MG_EUSAGE, "search text \"%s\" has no words", text);
	struct collect c = {.tokens = tokens, .ntok = n};
	int rc = 0;

	if (foods) {
		/* Every word must match; the last one as a prefix, since the user
		 * may still be typing it. Words are quoted, so FTS5 syntax in the
		 * query ("AND", "*", quotes) is taken as text. Two passes: foods
		 * whose head (the first two comma segments, what the food is)
		 * matches, then any name that matches. */
		struct strbuf words, q;
		strbuf_init(&words);
		strbuf_init(&q);
		for (size_t i = 0; i < n; i++)
			strbuf_addf(&words, "%s\"%s\"%s", i ? " " : "", tokens[i], i == n - 1 ? "*" : "");
		strbuf_addf(&q, "{head} : (%s)", strbuf_str(&words));
		rc = foods_match(foods, strbuf_str(&q), HEAD_CANDIDATES, on_fts, &c, e);
		if (rc == 0)
			rc = foods_match(foods, strbuf_str(&words), NAME_CANDIDATES, on_fts, &c, e);
		strbuf_release(&words);
		strbuf_release(&q);
	}
	if (rc == 0 && journal) {
		const char *w[SEARCH_MAX_TOKENS];
		for (size_t i = 0; i < n; i++)
			w[i] = tokens[i];
		rc = journal_custom_food_match(journal, w, n, on_custom, &c, e);
	}
	if (rc < 0) {
		release_candidates(&c);
		return -1;
	}
	dedupe_and_score(&c);
	if (c.n)
		qsort(c.c, c.n, sizeof(*c.c), by_score);
	size_t keep = c.n < limit ? c.n : limit;
	out->hits = mg_calloc(keep, sizeof(*out->hits));
	for (size_t i = 0; i < keep; i++) {
		struct search_hit *h = &out->hits[out->n];
		food_record_init(&h->food);
		h->score = c.c[i].score;
		if (c.c[i].custom) {
			/* Hand the custom record over instead of copying it. */
			h->food = *c.c[i].custom;
			free(c.c[i].custom);
			c.c[i].custom = NULL;
		} else if (foods_get(foods, c.c[i].id, &h->food, e) <= 0) {
			food_record_release(&h->food);
			search_result_release(out);
			release_candidates(&c);
			return mg_err_set(e, MG_EDATA, "food %ld is in the search index but not in the food table", c.c[i].id);
		}
		out->n++;
	}
	release_candidates(&c);
	return 0;
}

void search_order_for_diet(sqlite3 *foods, const struct diet_rules *d, struct search_result *r, size_t limit)
{
	struct search_hit *v = mg_calloc(r->n ? r->n : 1, sizeof(*v));
	size_t k = 0;
	unsigned avoid = d ? d->avoid_tags : 0;
	for (size_t i = 0; i < r->n; i++) {
		unsigned tags = foods && avoid ? foods_tags(foods, r->hits[i].food.id) : 0;
		r->hits[i].not_for_you = tags & avoid ? diet_rule_for_tags(d, tags) : NULL;
	}
	/* A stable partition: the foods that fit first, both in search order. */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < r->n; i++)
			if ((r->hits[i].not_for_you != NULL) == pass)
				v[k++] = r->hits[i];
	for (size_t i = limit; i < k; i++)
		food_record_release(&v[i].food);
	free(r->hits);
	r->hits = v;
	r->n = k < limit ? k : limit;
}
