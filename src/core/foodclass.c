/*
 * The food classifier; see foodclass.h. foodclass_new turns the rows of
 * food-exclusions.tsv into a list of tests once per import (thousands of
 * foods go through them); foodclass_classify runs a food through them in
 * row order, so the first row that matches names the reason. A row's
 * `match` says what it tests:
 *   food     the food group is one of `groups` (any when empty) and the
 *            name holds one of `words` (any name when empty)
 *   brand    the name has a word in capitals outside parentheses (SR24
 *            writes makers and brands so: "KELLOGG'S ALL-BRAN")
 *   sodium   a usual serving holds more sodium than suggest-max-sodium-mg
 *   serving  no usual serving is known (no food-groups.tsv row)
 * and `unless_words` lifts any row for names that hold one of them.
 * food-tags.tsv rows are read the same way (match food), except that a
 * tag's unless phrase that holds one of its words only hides that phrase
 * (so "peanut butter" is not dairy, yet a cheese cracker with peanut butter
 * is); see has_word_outside. And also
 *   fibre    a usual serving holds tag-high-fibre-g of fibre or more
 *   calcium  a usual serving holds tag-high-calcium-mg of calcium or more
 * but every row that matches adds its tag: a food has many tags.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/foodclass.h"
#include "core/foodkey.h"
#include "core/portion.h"
#include "core/tables.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

/* Bumped when the code below changes what it decides, so a food database
 * classified by an older mgtrack is rebuilt rather than trusted. */
#define FOODCLASS_VERSION 3   /* 3: a tag's unless phrase holding one of its words only hides itself */
#define MAX_GROUPS 64
#define MAX_ROW_GROUPS 8

enum match { MATCH_FOOD, MATCH_BRAND, MATCH_SODIUM, MATCH_SERVING, MATCH_FIBRE, MATCH_CALCIUM };

static const char *const tag_names[FT_COUNT] = {
	"nuts", "peanuts", "sesame", "soy", "gluten", "dairy", "egg", "fish", "shellfish", "meat",
	"vitamin-k", "high-mercury", "raw-roe", "thyroid-apart", "calcium", "choking",
};

/* A cell's comma-separated words, lowercase: the import runs every food
 * through every row, so names are matched with memmem on one lowercase
 * copy (strstr, which glibc vectorises) rather than mg_has_any_word's
 * case-folding compare at every byte. */
struct words {
	char **w;
	size_t *len, n;
};

struct rule {
	const char *id;
	enum match match;
	int groups[MAX_ROW_GROUPS];
	size_t n_groups;
	struct words words, unless;
	int search_lower;
	int tag;           /* a food-tags.tsv row's enum food_tag; -1 for an exclusion */
};

struct group {
	int code;
	double serving_g;
};

struct foodclass {
	struct rule *rules;
	size_t n_rules;
	struct rule *tags;
	size_t n_tags;
	struct group groups[MAX_GROUPS];
	size_t n_groups;
	struct foodkeys keys;
	double max_kcal, max_sodium, high_fibre, high_calcium;
};

static void split_words(const char *cell, struct words *out)
{
	memset(out, 0, sizeof(*out));
	for (const char *p = cell; *p;) {
		size_t l = strcspn(p, ",");
		if (l) {
			out->w = mg_realloc(out->w, (out->n + 1) * sizeof(*out->w));
			out->len = mg_realloc(out->len, (out->n + 1) * sizeof(*out->len));
			char *w = mg_malloc(l + 1);
			for (size_t i = 0; i < l; i++)
				w[i] = (char)tolower((unsigned char)p[i]);
			w[l] = '\0';
			out->w[out->n] = w;
			out->len[out->n++] = l;
		}
		p += l + (p[l] == ',');
	}
}

static void free_words(struct words *ws)
{
	for (size_t i = 0; i < ws->n; i++)
		free(ws->w[i]);
	free(ws->w);
	free(ws->len);
}

/* Whether the lowercase name `low` (len bytes, NUL-terminated) holds one of ws as a whole
 * word or phrase: "raw" in "beans, raw", not in "strawberries". */
static int has_word(const char *low, size_t len, const struct words *ws)
{
	for (size_t i = 0; i < ws->n; i++) {
		const char *p = low, *end = low + len;
		while ((p = strstr(p, ws->w[i])) != NULL) {
			int before = p == low || !isalnum((unsigned char)p[-1]);
			int after = p + ws->len[i] == end || !isalnum((unsigned char)p[ws->len[i]]);
			if (before && after)
				return 1;
			p++;
		}
	}
	return 0;
}

/* Whether phrase holds one of ws's words (as text: "peanut butter" holds
 * "butter"). */
static int phrase_holds(const char *phrase, const struct words *ws)
{
	for (size_t i = 0; i < ws->n; i++)
		if (strstr(phrase, ws->w[i]))
			return 1;
	return 0;
}

/* A tag row's words against low, with its unless phrases read two ways:
 * one that holds a row word hides that occurrence ("peanut butter" is not
 * the dairy "butter", though a cheese cracker with peanut butter is
 * dairy); one that does not lifts the row for the food ("Atlantic"
 * mackerel is not king mackerel). */
static int has_word_outside(const char *low, size_t len, const struct words *ws, const struct words *unless)
{
	for (size_t i = 0; i < unless->n; i++) {
		struct words one = {.w = &unless->w[i], .len = &unless->len[i], .n = 1};
		if (!phrase_holds(unless->w[i], ws) && has_word(low, len, &one))
			return 0;
	}
	char buf[512];
	if (len >= sizeof(buf))
		return has_word(low, len, ws) && !has_word(low, len, unless);   /* the old, stricter reading */
	memcpy(buf, low, len + 1);
	for (size_t i = 0; i < unless->n; i++) {
		if (!phrase_holds(unless->w[i], ws))
			continue;
		char *p = buf;
		while ((p = strstr(p, unless->w[i])) != NULL) {
			int before = p == buf || !isalnum((unsigned char)p[-1]);
			int after = p + unless->len[i] == buf + len || !isalnum((unsigned char)p[unless->len[i]]);
			if (before && after)
				memset(p, ' ', unless->len[i]);
			p++;
		}
	}
	return has_word(buf, len, ws);
}

static int parse_groups(const char *table, const char *cell, struct rule *r, struct mg_err *e)
{
	const char *p = cell;
	while (*p) {
		size_t l = strcspn(p, ",");
		char code[8];
		long v;
		if (l == 0 || l >= sizeof(code) || r->n_groups == MAX_ROW_GROUPS)
			return mg_err_set(e, MG_ESOFTWARE, "%s row \"%s\": bad groups \"%s\"", table, r->id, cell);
		memcpy(code, p, l);
		code[l] = '\0';
		if (mg_parse_long(code, 1, 99, &v) < 0)
			return mg_err_set(e, MG_ESOFTWARE, "%s row \"%s\": bad group \"%s\"", table, r->id, code);
		r->groups[r->n_groups++] = (int)v;
		p += l + (p[l] == ',');
	}
	return 0;
}

/* food-tags.tsv into fc->tags: each row names a known tag and tests
 * something (a food row with neither groups nor words would tag every
 * food). */
static int parse_tags(struct foodclass *fc, struct mg_err *e)
{
	const struct mg_table *t = tables_get("food-tags.tsv");
	fc->tags = mg_calloc(t->nrows ? t->nrows : 1, sizeof(*fc->tags));
	for (size_t i = 0; i < t->nrows; i++) {
		struct rule *r = &fc->tags[fc->n_tags];
		r->id = table_cell(t, i, "id");
		const char *m = table_cell(t, i, "match"), *tag = table_cell(t, i, "tag");
		r->tag = -1;
		for (int k = 0; k < FT_COUNT; k++)
			if (strcmp(tag_names[k], tag) == 0)
				r->tag = k;
		if (r->tag < 0)
			return mg_err_set(e, MG_ESOFTWARE, "food-tags.tsv row \"%s\": unknown tag \"%s\"", r->id, tag);
		if (strcmp(m, "food") == 0)
			r->match = MATCH_FOOD;
		else if (strcmp(m, "fibre") == 0)
			r->match = MATCH_FIBRE;
		else if (strcmp(m, "calcium") == 0)
			r->match = MATCH_CALCIUM;
		else
			return mg_err_set(e, MG_ESOFTWARE, "food-tags.tsv row \"%s\": unknown match \"%s\"", r->id, m);
		if (parse_groups("food-tags.tsv", table_cell(t, i, "groups"), r, e) < 0)
			return -1;
		split_words(table_cell(t, i, "words"), &r->words);
		split_words(table_cell(t, i, "unless_words"), &r->unless);
		fc->n_tags++;
		if (r->match == MATCH_FOOD && !r->n_groups && !r->words.n)
			return mg_err_set(e, MG_ESOFTWARE, "food-tags.tsv row \"%s\" matches every food", r->id);
	}
	return 0;
}

int foodclass_new(struct foodclass **out, struct mg_err *e)
{
	*out = NULL;
	const struct mg_table *ex = tables_get("food-exclusions.tsv"), *gr = tables_get("food-groups.tsv");
	if (!ex || !gr || !tables_get("food-tags.tsv"))
		return mg_err_set(e, MG_ESOFTWARE, "rule tables are not loaded");
	struct foodclass *fc = mg_calloc(1, sizeof(*fc));
	fc->rules = mg_calloc(ex->nrows ? ex->nrows : 1, sizeof(*fc->rules));
	for (size_t i = 0; i < ex->nrows; i++) {
		struct rule *r = &fc->rules[fc->n_rules];
		r->id = table_cell(ex, i, "id");
		const char *m = table_cell(ex, i, "match");
		if (strcmp(m, "food") == 0)
			r->match = MATCH_FOOD;
		else if (strcmp(m, "brand") == 0)
			r->match = MATCH_BRAND;
		else if (strcmp(m, "sodium") == 0)
			r->match = MATCH_SODIUM;
		else if (strcmp(m, "serving") == 0)
			r->match = MATCH_SERVING;
		else {
			mg_err_set(e, MG_ESOFTWARE, "food-exclusions.tsv row \"%s\": unknown match \"%s\"", r->id, m);
			goto fail;
		}
		r->tag = -1;
		if (parse_groups("food-exclusions.tsv", table_cell(ex, i, "groups"), r, e) < 0)
			goto fail;
		split_words(table_cell(ex, i, "words"), &r->words);
		split_words(table_cell(ex, i, "unless_words"), &r->unless);
		r->search_lower = strcmp(table_cell(ex, i, "search"), "lower") == 0;
		fc->n_rules++;
		/* A food row without groups, words or an exception would exclude
		 * every food: a mistake in the table. */
		if (r->match == MATCH_FOOD && !r->n_groups && !r->words.n && !r->unless.n) {
			mg_err_set(e, MG_ESOFTWARE, "food-exclusions.tsv row \"%s\" matches every food", r->id);
			goto fail;
		}
	}
	if (parse_tags(fc, e) < 0)
		goto fail;
	for (size_t i = 0; i < gr->nrows && fc->n_groups < MAX_GROUPS; i++) {
		long code;
		double g;
		/* A group whose serving is not a positive weight has none. */
		if (mg_parse_long(table_cell(gr, i, "code"), 1, 99, &code) < 0 ||
		    mg_parse_double(table_cell(gr, i, "serving_g"), 1, 10000, &g) < 0)
			continue;
		fc->groups[fc->n_groups++] = (struct group){.code = (int)code, .serving_g = g};
	}
	if (foodkeys_load(&fc->keys, e) < 0)
		goto fail;
	fc->max_kcal = tables_threshold("serving-max-kcal", NULL);
	fc->max_sodium = tables_threshold("suggest-max-sodium-mg", NULL);
	fc->high_fibre = tables_threshold("tag-high-fibre-g", NULL);
	fc->high_calcium = tables_threshold("tag-high-calcium-mg", NULL);
	*out = fc;
	return 0;
fail:
	foodclass_free(fc);
	return -1;
}

void foodclass_free(struct foodclass *fc)
{
	if (!fc)
		return;
	for (size_t i = 0; i < fc->n_rules; i++) {
		free_words(&fc->rules[i].words);
		free_words(&fc->rules[i].unless);
	}
	free(fc->rules);
	for (size_t i = 0; i < fc->n_tags; i++) {
		free_words(&fc->tags[i].words);
		free_words(&fc->tags[i].unless);
	}
	free(fc->tags);
	free(fc);
}

/* A word of two or more letters, all capitals, outside parentheses:
 * "QUAKER", "KELLOGG'S". Parentheses hold abbreviations ("(NLEA)"). */
static int has_caps_word(const char *name)
{
	int depth = 0;
	const char *p = name;
	while (*p) {
		if (*p == '(') {
			depth++;
			p++;
			continue;
		}
		if (*p == ')') {
			depth -= depth > 0;
			p++;
			continue;
		}
		if (!isalpha((unsigned char)*p)) {
			p++;
			continue;
		}
		size_t upper = 0, lower = 0;
		while (isalpha((unsigned char)*p) || *p == '\'') {
			upper += isupper((unsigned char)*p) != 0;
			lower += islower((unsigned char)*p) != 0;
			p++;
		}
		if (depth == 0 && upper >= 2 && lower == 0)
			return 1;
	}
	return 0;
}

static int in_groups(const struct rule *r, int group)
{
	if (!r->n_groups)
		return 1;
	for (size_t i = 0; i < r->n_groups; i++)
		if (r->groups[i] == group)
			return 1;
	return 0;
}

static int rule_matches(const struct foodclass *fc, const struct rule *r, const struct food_record *f,
			const char *low, size_t len, const struct food_class *c)
{
	if (!in_groups(r, f->group))
		return 0;
	/* A tag's unless words only hide themselves: "peanut butter" is not
	 * the dairy word "butter", but "Crackers, cheese, ... with peanut
	 * butter filling" still holds "cheese". An exclusion's lift the row. */
	if (r->tag >= 0 && r->match == MATCH_FOOD && r->unless.n && r->words.n)
		return has_word_outside(low, len, &r->words, &r->unless);
	if (r->unless.n && has_word(low, len, &r->unless))
		return 0;
	switch (r->match) {
	case MATCH_FOOD:
		return !r->words.n || has_word(low, len, &r->words);
	case MATCH_BRAND:
		return has_caps_word(f->name);
	case MATCH_SODIUM:
		return !isnan(c->serving_g) && !isnan(f->nut[NUT_NA]) &&
		       f->nut[NUT_NA] * c->serving_g / 100 > fc->max_sodium;
	case MATCH_SERVING:
		return isnan(c->serving_g);
	case MATCH_FIBRE:
		return !isnan(c->serving_g) && !isnan(f->nut[NUT_FIBER]) &&
		       f->nut[NUT_FIBER] * c->serving_g / 100 >= fc->high_fibre;
	case MATCH_CALCIUM:
		return !isnan(c->serving_g) && !isnan(f->nut[NUT_CA]) &&
		       f->nut[NUT_CA] * c->serving_g / 100 >= fc->high_calcium;
	}
	return 0;
}

void foodclass_classify(const struct foodclass *fc, const struct food_record *f, struct food_class *out)
{
	memset(out, 0, sizeof(*out));
	foodkeys_key(&fc->keys, f->name, out->key, sizeof(out->key));
	out->serving_g = NAN;
	for (size_t i = 0; i < fc->n_groups; i++) {
		if (fc->groups[i].code != f->group)
			continue;
		/* The group's reference amount, but no more than about max_kcal of
		 * a dense food, so nuts and seeds come to about an ounce. */
		double target = fc->groups[i].serving_g, kcal = f->nut[NUT_KCAL];
		if (!isnan(kcal) && kcal > 0 && target > fc->max_kcal / kcal * 100)
			target = fc->max_kcal / kcal * 100;
		out->serving_g = portion_household(f, target, out->serving, sizeof(out->serving));
		break;
	}
	struct strbuf low;
	strbuf_init(&low);
	for (const char *p = f->name; *p; p++)
		strbuf_addch(&low, (char)tolower((unsigned char)*p));
	for (size_t i = 0; i < fc->n_rules; i++) {
		const struct rule *r = &fc->rules[i];
		if (!rule_matches(fc, r, f, strbuf_str(&low), low.len, out))
			continue;
		if (!out->excluded)
			out->excluded = r->id;
		out->search_lower |= r->search_lower;
	}
	/* Tags whether excluded or not: a food the person logs is suggested
	 * even when excluded, and the diet still applies to it. */
	for (size_t i = 0; i < fc->n_tags; i++)
		if (rule_matches(fc, &fc->tags[i], f, strbuf_str(&low), low.len, out))
			out->tags |= 1u << fc->tags[i].tag;
	strbuf_release(&low);
}

/* FNV-1a, 64 bits: a digest to notice a change, not a secret. */
static unsigned long long fnv(unsigned long long h, const char *s)
{
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

void foodclass_digest(char *buf, size_t n)
{
	unsigned long long h = 14695981039346656037ULL;
	static const char *const tables[] = {"food-exclusions.tsv", "food-tags.tsv", "food-groups.tsv", "food-keys.tsv"};
	for (size_t t = 0; t < sizeof(tables) / sizeof(tables[0]); t++)
		for (size_t i = 0; mg_embedded_tables[i].name; i++)
			if (strcmp(mg_embedded_tables[i].name, tables[t]) == 0)
				h = fnv(h, mg_embedded_tables[i].text);
	char num[160];
	snprintf(num, sizeof(num), "%d %.17g %.17g %.17g %.17g", FOODCLASS_VERSION,
		 tables_threshold("serving-max-kcal", NULL), tables_threshold("suggest-max-sodium-mg", NULL),
		 tables_threshold("tag-high-fibre-g", NULL), tables_threshold("tag-high-calcium-mg", NULL));
	h = fnv(h, num);
	snprintf(buf, n, "%016llx", h);
}

const char *foodclass_reason(const char *id)
{
	const struct mg_table *t = tables_get("food-exclusions.tsv");
	long r = id && t ? table_find(t, "id", id) : -1;
	return r < 0 ? NULL : table_cell(t, (size_t)r, "reason");
}

const char *foodclass_tag_name(int tag)
{
	return tag >= 0 && tag < FT_COUNT ? tag_names[tag] : NULL;
}

unsigned foodclass_tag_bit(const char *name)
{
	for (int k = 0; k < FT_COUNT; k++)
		if (strcmp(tag_names[k], name) == 0)
			return 1u << k;
	return 0;
}

long foodclass_tag_bits(const char *csv, char *bad, size_t n)
{
	long bits = 0;
	for (const char *p = csv; *p;) {
		size_t l = strcspn(p, ",");
		char name[32];
		if (l) {
			unsigned b = 0;
			if (l < sizeof(name)) {
				memcpy(name, p, l);
				name[l] = '\0';
				b = foodclass_tag_bit(name);
			}
			if (!b) {
				snprintf(bad, n, "%.*s", (int)l, p);
				return -1;
			}
			bits |= (long)b;
		}
		p += l + (p[l] == ',');
	}
	return bits;
}
