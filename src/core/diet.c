/*
 * The food rules of a profile; see diet.h. A row's `when` is one of
 *   diet:NAME        the profile's diet is NAME
 *   avoid:NAME       NAME is in the profile's avoid list
 *   med:ID           a medicine of the profile has class or drug ID
 *                    (med-classes.tsv or medicines.tsv row)
 *   condition:NAME   the profile has condition NAME
 *   pregnant         the profile is pregnant
 *   lactating        the profile is breastfeeding
 *   infant           the profile is under 12 months old
 *   age-below:N      the profile is under N years old
 * and its `action` is avoid (leave out foods with the tags), note (give
 * those foods the note) or no-food (suggest none).
 */
#include <stdio.h>
#include <string.h>
#include "core/diet.h"
#include "core/foodclass.h"
#include "core/medicines.h"
#include "core/profile.h"
#include "core/tables.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

/* The row of `when` "prefix:name", or -1. */
static long find_when(const char *prefix, const char *name)
{
	const struct mg_table *t = tables_get("food-rules.tsv");
	size_t pl = strlen(prefix);
	for (size_t r = 0; t && r < t->nrows; r++) {
		const char *w = table_cell(t, r, "when");
		if (strncmp(w, prefix, pl) == 0 && strcmp(w + pl, name) == 0)
			return (long)r;
	}
	return -1;
}

/* The names after prefix of every row, comma-separated, for an error. */
static void names_of(const char *prefix, struct strbuf *sb)
{
	const struct mg_table *t = tables_get("food-rules.tsv");
	size_t pl = strlen(prefix);
	for (size_t r = 0; t && r < t->nrows; r++) {
		const char *w = table_cell(t, r, "when");
		if (strncmp(w, prefix, pl) == 0)
			strbuf_addf(sb, "%s%s", sb->len ? ", " : "", w + pl);
	}
}

int diet_set(struct profile *p, const char *name, struct mg_err *e)
{
	if (find_when("diet:", name) < 0) {
		struct strbuf sb;
		strbuf_init(&sb);
		names_of("diet:", &sb);
		mg_err_set(e, MG_EUSAGE, "--diet \"%s\" must be one of %s", name, strbuf_str(&sb));
		strbuf_release(&sb);
		return -1;
	}
	mg_strlcpy(p->diet, name, sizeof(p->diet));
	return 0;
}

/* Whether csv (a comma list) holds name. */
static int in_list(const char *csv, const char *name)
{
	size_t nl = strlen(name);
	for (const char *q = csv; *q;) {
		size_t l = strcspn(q, ",");
		if (l == nl && strncmp(q, name, l) == 0)
			return 1;
		q += l + (q[l] == ',');
	}
	return 0;
}

int diet_avoid(struct profile *p, const char *csv, int add, struct mg_err *e)
{
	const char *flag = add ? "--avoid" : "--no-avoid";
	char want[sizeof(p->avoid)];
	mg_strlcpy(want, p->avoid, sizeof(want));
	/* Each name must be a row; the new set is the old one with the names
	 * added or taken away. */
	char set[PROFILE_MAX_LIST][32];
	size_t n = 0;
	for (const char *q = csv; *q;) {
		size_t l = strcspn(q, ",");
		char name[32];
		if (l == 0 || l >= sizeof(name))
			return mg_err_set(e, MG_EUSAGE, "%s \"%s\" must be a comma list of food names", flag, csv);
		memcpy(name, q, l);
		name[l] = '\0';
		if (find_when("avoid:", name) < 0) {
			struct strbuf sb;
			strbuf_init(&sb);
			names_of("avoid:", &sb);
			mg_err_set(e, MG_EUSAGE, "%s \"%s\" must be one of %s", flag, name, strbuf_str(&sb));
			strbuf_release(&sb);
			return -1;
		}
		if (n < PROFILE_MAX_LIST)
			mg_strlcpy(set[n++], name, sizeof(set[0]));
		q += l + (q[l] == ',');
	}
	/* Rebuilt in the table's order, so the stored list is the same however
	 * the flags were given. */
	const struct mg_table *t = tables_get("food-rules.tsv");
	struct strbuf out;
	strbuf_init(&out);
	for (size_t r = 0; r < t->nrows; r++) {
		const char *w = table_cell(t, r, "when");
		if (strncmp(w, "avoid:", 6) != 0)
			continue;
		int named = 0;
		for (size_t i = 0; i < n; i++)
			named |= strcmp(set[i], w + 6) == 0;
		int keep = add ? (named || in_list(want, w + 6)) : (!named && in_list(want, w + 6));
		if (keep)
			strbuf_addf(&out, "%s%s", out.len ? "," : "", w + 6);
	}
	mg_strlcpy(p->avoid, strbuf_str(&out), sizeof(p->avoid));
	strbuf_release(&out);
	return 0;
}

static int has_med(const struct profile *p, const char *id)
{
	for (size_t i = 0; i < p->n_meds; i++) {
		struct med_rule m;
		medicines_lookup(p->meds[i].name, &m);
		if (med_rule_has_class(&m, id))
			return 1;
		for (size_t k = 0; k < m.n_parts; k++)
			if (m.parts[k].drug_id && strcmp(m.parts[k].drug_id, id) == 0)
				return 1;
	}
	return 0;
}

static int applies(const struct profile *p, long today, const char *w)
{
	if (strncmp(w, "diet:", 5) == 0)
		return strcmp(p->diet[0] ? p->diet : "omnivore", w + 5) == 0;
	if (strncmp(w, "avoid:", 6) == 0)
		return in_list(p->avoid, w + 6);
	if (strncmp(w, "med:", 4) == 0)
		return has_med(p, w + 4);
	if (strncmp(w, "condition:", 10) == 0) {
		for (size_t i = 0; i < p->n_conditions; i++)
			if (strcmp(p->conditions[i], w + 10) == 0)
				return 1;
		return 0;
	}
	if (strcmp(w, "pregnant") == 0)
		return p->pregnant;
	if (strcmp(w, "lactating") == 0)
		return p->lactating;
	if (strcmp(w, "infant") == 0) {
		int m = profile_age_months(p, today);
		return m >= 0 && m < 12;
	}
	if (strncmp(w, "age-below:", 10) == 0) {
		long years;
		int m = profile_age_months(p, today);
		return mg_parse_long(w + 10, 1, 120, &years) == 0 && m >= 0 && m < years * 12;
	}
	return 0;
}

/* A child's share of a usual serving: the child-portions.tsv row whose
 * years hold the profile's age. */
static void child_portion(const struct profile *p, long today, struct diet_rules *out)
{
	out->portion_factor = 1;
	const struct mg_table *t = tables_get("child-portions.tsv");
	int m = profile_age_months(p, today);
	for (size_t r = 0; t && m >= 0 && r < t->nrows; r++) {
		long from, to;
		double f;
		if (mg_parse_long(table_cell(t, r, "from_years"), 0, 120, &from) < 0 ||
		    mg_parse_long(table_cell(t, r, "to_years"), 0, 120, &to) < 0 ||
		    mg_parse_double(table_cell(t, r, "factor"), 0.1, 1, &f) < 0)
			continue;   /* u-dietitian checks every row parses */
		if (m >= from * 12 && m < to * 12) {
			out->portion_factor = f;
			out->portion_rule = table_cell(t, r, "id");
		}
	}
}

void diet_rules_for(const struct profile *p, long today, struct diet_rules *out)
{
	memset(out, 0, sizeof(*out));
	child_portion(p, today, out);
	const struct mg_table *t = tables_get("food-rules.tsv");
	for (size_t r = 0; t && r < t->nrows; r++) {
		if (!applies(p, today, table_cell(t, r, "when")))
			continue;
		const char *id = table_cell(t, r, "id"), *action = table_cell(t, r, "action");
		char bad[32];
		long tags = foodclass_tag_bits(table_cell(t, r, "tags"), bad, sizeof(bad));
		/* u-dietitian checks every row's tags are known; an unknown one
		 * here must not widen what is suggested, so it stops food. */
		if (tags < 0) {
			out->no_food = out->no_food ? out->no_food : id;
			continue;
		}
		if (strcmp(action, "note") == 0) {
			if (out->n_notes < DIET_MAX_RULES) {
				out->note_id[out->n_notes] = id;
				out->note_tags[out->n_notes++] = (unsigned)tags;
			}
			continue;
		}
		if (strcmp(action, "no-food") == 0 && !out->no_food)
			out->no_food = id;
		out->avoid_tags |= (unsigned)tags;
		if (out->n_applied < DIET_MAX_RULES && (tags || strcmp(action, "no-food") == 0 || *table_cell(t, r, "note")))
			out->applied[out->n_applied++] = id;
	}
}

void diet_portion_text(const struct diet_rules *r, char *buf, size_t n)
{
	const struct mg_table *t = tables_get("child-portions.tsv");
	long row = r->portion_rule && t ? table_find(t, "id", r->portion_rule) : -1;
	if (row < 0) {
		snprintf(buf, n, "%s", "");
		return;
	}
	long to = 0;
	mg_parse_long(table_cell(t, (size_t)row, "to_years"), 0, 120, &to);
	snprintf(buf, n, "child-sized portions for ages %s-%ld: about %.0f %% of a usual serving",
		 table_cell(t, (size_t)row, "from_years"), to - 1, 100 * r->portion_factor);
}

const char *diet_portion_source(const struct diet_rules *r)
{
	const struct mg_table *t = tables_get("child-portions.tsv");
	long row = r->portion_rule && t ? table_find(t, "id", r->portion_rule) : -1;
	return row < 0 ? "" : table_cell(t, (size_t)row, "source");
}

static const char *cell_of(const char *id, const char *col);

const char *diet_rule_for_tags(const struct diet_rules *r, unsigned tags)
{
	for (size_t i = 0; i < r->n_applied; i++) {
		char bad[32];
		long t = foodclass_tag_bits(cell_of(r->applied[i], "tags"), bad, sizeof(bad));
		if (t > 0 && ((unsigned)t & tags))
			return r->applied[i];
	}
	return NULL;
}

const char *diet_food_note(const struct diet_rules *r, unsigned tags)
{
	for (size_t i = 0; i < r->n_notes; i++)
		if (r->note_tags[i] & tags)
			return r->note_id[i];
	return NULL;
}

static const char *cell_of(const char *id, const char *col)
{
	const struct mg_table *t = tables_get("food-rules.tsv");
	long r = id && t ? table_find(t, "id", id) : -1;
	return r < 0 ? NULL : table_cell(t, (size_t)r, col);
}

const char *diet_rule_note(const char *id)
{
	return cell_of(id, "note");
}

const char *diet_rule_source(const char *id)
{
	return cell_of(id, "source");
}
