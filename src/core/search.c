/*
 * Food search: candidate retrieval and re-ranking; see search.h.
 * The scoring weights were tuned on the SR24 names by checking that
 * everyday queries (almonds, black beans, spinach, banana, pumpkin seeds,
 * milk, oatmeal) put the plain food first; tests/unit/u-search.c pins them.
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "core/search.h"
#include "core/tables.h"
#include "store/foods.h"
#include "store/journal.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

/* How many FTS candidates to re-rank: enough that the plain food is among
 * them for any common word, few enough to stay well under a millisecond. */
#define CANDIDATES 400

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

double search_score(const char *name, char tokens[][32], size_t n, int deprecated, int basic)
{
	/* Lowercase copy split into comma segments and words. */
	char low[512];
	size_t len = strlen(name);
	if (len >= sizeof(low))
		len = sizeof(low) - 1;
	for (size_t i = 0; i < len; i++)
		low[i] = (char)tolower((unsigned char)name[i]);
	low[len] = '\0';

	int segments = 1;
	for (size_t i = 0; i < len; i++)
		segments += low[i] == ',';

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
	/* Plain foods over prepared products: fewer segments, shorter names. */
	score -= 0.35 * segments + 0.01 * (double)len;
	/* Flavoured products carry a food's name without being that food. */
	if (strstr(low, "flavor") || strstr(low, "flavour"))
		score -= 5;
	if (deprecated)
		score -= 4;
	if (basic)
		score += 1.5;
	return score;
}

struct collect {
	unsigned char basic[100];   /* by USDA food group code */
	struct search_hit *hits;
	size_t n, cap;
	char (*tokens)[32];
	size_t ntok;
};

static void add_hit(struct collect *c, const struct food_record *f)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		c->hits = mg_realloc(c->hits, c->cap * sizeof(*c->hits));
	}
	struct search_hit *h = &c->hits[c->n++];
	food_record_init(&h->food);
	h->food.id = f->id;
	mg_strlcpy(h->food.source, f->source, sizeof(h->food.source));
	food_record_set_name(&h->food, f->name);
	h->food.group = f->group;
	h->food.deprecated = f->deprecated;
	memcpy(h->food.nut, f->nut, sizeof(f->nut));
	for (size_t i = 0; i < f->n_measures; i++)
		food_record_add_measure(&h->food, f->measures[i].amount, f->measures[i].name, f->measures[i].grams);
	int basic = strcmp(f->source, "custom") == 0 ||
		    (f->group > 0 && f->group < 100 && c->basic[f->group]);
	h->score = search_score(f->name, c->tokens, c->ntok, f->deprecated, basic);
}

static int on_fts(const struct food_record *f, double bm25, int n_measures, void *ctx)
{
	struct collect *c = ctx;
	(void)bm25;   /* ranking is ours: bm25 only picks the candidates */
	add_hit(c, f);
	/* USDA gives everyday foods many household measures (cup, slice,
	 * medium, NLEA serving) and rare ones one or two: a fair proxy for
	 * "the food people mean" among equally good name matches. */
	c->hits[c->n - 1].score += 0.2 * (n_measures < 8 ? n_measures : 8);
	return 0;
}

static int on_custom(const struct food_record *f, void *ctx)
{
	struct collect *c = ctx;
	add_hit(c, f);
	c->hits[c->n - 1].score += 1;   /* the user's own foods are meant on purpose */
	return 0;
}

static int by_score(const void *a, const void *b)
{
	const struct search_hit *x = a, *y = b;
	if (x->score != y->score)
		return x->score < y->score ? 1 : -1;
	return x->food.id < y->food.id ? -1 : x->food.id > y->food.id;
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
	const struct mg_table *groups = tables_get("food-groups.tsv");
	for (size_t r = 0; groups && r < groups->nrows; r++) {
		long code;
		if (mg_parse_long(table_cell(groups, r, "code"), 1, 99, &code) == 0)
			c.basic[code] = strcmp(table_cell(groups, r, "search"), "basic") == 0;
	}

	if (foods) {
		/* Every word must match; the last one as a prefix, since the user
		 * may still be typing it. Words are quoted, so FTS5 syntax in
		 * the query ("AND", "*", quotes) is taken as text. */
		struct strbuf q;
		strbuf_init(&q);
		for (size_t i = 0; i < n; i++)
			strbuf_addf(&q, "%s\"%s\"%s", i ? " " : "", tokens[i], i == n - 1 ? "*" : "");
		int rc = foods_match(foods, strbuf_str(&q), CANDIDATES, on_fts, &c, e);
		strbuf_release(&q);
		if (rc < 0)
			goto fail;
	}
	if (journal) {
		const char *words[SEARCH_MAX_TOKENS];
		for (size_t i = 0; i < n; i++)
			words[i] = tokens[i];
		if (journal_custom_food_match(journal, words, n, on_custom, &c, e) < 0)
			goto fail;
	}
	if (c.n)
		qsort(c.hits, c.n, sizeof(*c.hits), by_score);
	for (size_t i = limit; i < c.n; i++)
		food_record_release(&c.hits[i].food);
	out->hits = c.hits;
	out->n = c.n < limit ? c.n : limit;
	for (size_t i = 0; foods && i < out->n; i++) {
		struct food_record *f = &out->hits[i].food;
		if (strcmp(f->source, "custom") != 0 && foods_load_measures(foods, f, e) < 0) {
			search_result_release(out);
			return -1;
		}
	}
	return 0;
fail:
	for (size_t i = 0; i < c.n; i++)
		food_record_release(&c.hits[i].food);
	free(c.hits);
	return -1;
}
