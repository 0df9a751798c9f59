/*
 * Food search that puts the food a person means first. FTS5 (porter
 * stemming, prefix matching for as-you-type) finds candidates in foods.db
 * and the journal's custom foods; search_score then re-ranks them by how a
 * USDA name is built: "Nuts, almonds" names the food in its first comma
 * segments and qualifies it after, so a query word that *is* a leading
 * segment beats one buried in "Beverages, almond milk, chocolate".
 */
#ifndef MG_SEARCH_H
#define MG_SEARCH_H

#include <sqlite3.h>
#include <stddef.h>
#include "io/food-record.h"
#include "util/err.h"

#define SEARCH_MAX_TOKENS 8

struct search_hit {
	struct food_record food;   /* with measures */
	double score;              /* higher is better */
	const char *not_for_you;   /* after search_order_for_diet: the food-rules.tsv row that leaves this
				    * food out of the person's suggestions ("diet-vegan"), NULL when none */
};

struct search_result {
	struct search_hit *hits;
	size_t n;
};

/* Lowercased words of text (letters and digits), at most max, each at most
 * 31 bytes. Returns the count. */
size_t search_tokenize(const char *text, char tokens[][32], size_t max);

/* How well name answers the query words, whatever the food; pure. */
double search_match_score(const char *name, char tokens[][32], size_t n);

/* The query-independent part: plain, short, common foods first; pure. */
double search_static_score(const char *name, int deprecated, int basic, size_t n_measures);

/* The static score of a food as imported (uses the food-groups table);
 * foods.db orders its search index by it. form_not_eaten says the food is
 * in a form people rarely mean when they search (a food-exclusions.tsv row
 * marked search=lower matches it: dry beans "raw", powders): it goes a
 * little lower. */
double search_food_quality(const struct food_record *f, int form_not_eaten);

/* The part of a USDA name that says what the food is: its first two comma
 * segments ("Nuts, almonds" of "Nuts, almonds, blanched"). */
void search_head(const char *name, char *buf, size_t n);

/* search_match_score + search_static_score without measures. `basic`
 * says the food is from a group of plain foods (food-groups.tsv column
 * "search"): people searching "almonds" mean the nuts, not almond oil. */
double search_score(const char *name, char tokens[][32], size_t n, int deprecated, int basic);

/* Searches foods (may be NULL) and the journal's custom foods (journal may
 * be NULL); fills out with at most limit hits, best first. The caller
 * releases out with search_result_release. MG_EUSAGE for a query without
 * words. */
int food_search(sqlite3 *foods, sqlite3 *journal, const char *text, size_t limit,
		struct search_result *out, struct mg_err *e);
void search_result_release(struct search_result *r);

struct diet_rules;
/* A person's food rules applied to a search: the foods their diet,
 * allergies, medicines or life stage leave out of suggestions go after
 * the others (in their order), each marked with the row that says why,
 * then the list is cut to limit. A search is a lookup, so nothing is
 * hidden: a vegan may still log the cheese they ate. */
void search_order_for_diet(sqlite3 *foods, const struct diet_rules *d, struct search_result *r, size_t limit);

#endif
