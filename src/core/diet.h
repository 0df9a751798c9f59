/*
 * What a person's diet, body and medicines change about the foods mgtrack
 * suggests, as the rows of data/food-rules.tsv say it: a diet or an
 * allergy leaves foods of some tags out (core/foodclass.h tags, decided at
 * import), a medicine (warfarin) or pregnancy leaves others out, a
 * medicine taken apart from some foods (levothyroxine, quinolones) or a
 * child under 4 (whole nuts) gives those foods a note, an infant or kidney
 * disease stops food suggestions altogether, and a child's portions are a
 * share of the usual serving (data/child-portions.tsv). The rows are matched against the profile here,
 * once per call, so suggestions only compare tag bits.
 */
#ifndef MG_DIET_H
#define MG_DIET_H

#include "store/journal.h"
#include "util/err.h"

#define DIET_MAX_RULES 32

/* --diet NAME: one of the food-rules.tsv diet: rows. MG_EUSAGE naming the
 * flag and value otherwise. */
int diet_set(struct profile *p, const char *name, struct mg_err *e);
/* --avoid LIST (add) or --no-avoid LIST (remove): names of food-rules.tsv
 * avoid: rows, comma-separated. p->avoid stays in the table's order. */
int diet_avoid(struct profile *p, const char *csv, int add, struct mg_err *e);

/* The food-rules.tsv rows that apply to a profile on day `today`. */
struct diet_rules {
	const char *no_food;           /* a no-food row's id: suggest no food at all; NULL else */
	unsigned avoid_tags;           /* foods with any of these tags are left out */
	const char *applied[DIET_MAX_RULES];   /* the avoid and no-food rows that apply, in table order */
	size_t n_applied;
	const char *note_id[DIET_MAX_RULES];   /* note rows, in table order, with their tags */
	unsigned note_tags[DIET_MAX_RULES];
	size_t n_notes;
	double portion_factor;         /* a child's share of a usual serving (child-portions.tsv); 1 from 14 */
	const char *portion_rule;      /* that table's row, NULL for 1 */
};

void diet_rules_for(const struct profile *p, long today, struct diet_rules *out);

/* The first applied avoid (or no-food) row that leaves out a food with
 * `tags`; NULL when none does. */
const char *diet_rule_for_tags(const struct diet_rules *r, unsigned tags);

/* The first note row whose tags a food with `tags` carries; NULL when none. */
const char *diet_food_note(const struct diet_rules *r, unsigned tags);

/* "child-sized portions for ages 1-3: about 50 % of a usual serving" when
 * r->portion_rule is set, else "". */
void diet_portion_text(const struct diet_rules *r, char *buf, size_t n);
/* Its child-portions.tsv source ("" when none). */
const char *diet_portion_source(const struct diet_rules *r);

/* A food-rules.tsv row's note and source ("" when it has none, NULL when
 * there is no such row). */
const char *diet_rule_note(const char *id);
const char *diet_rule_source(const char *id);

#endif
