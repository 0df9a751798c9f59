/*
 * Medicine lookups over data/medicines.tsv and data/med-classes.tsv (see
 * medicines.h). A magnesium dose at minute D conflicts with a medicine
 * taken at minute T when T - mg_first_h < D < T + med_first_h (the plan
 * engine in core/plan.c computes those windows). The words dropped by the
 * normaliser are salts, hydrates, strengths and dosage forms: none of them
 * changes how the medicine binds magnesium in the gut.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/medicines.h"
#include "core/tables.h"
#include "util/strbuf.h"
#include "util/banned.h"

/* Salt and hydrate words, release and dosage-form words: dropped. */
static const char *const dropped[] = {
	"sodium", "disodium", "potassium", "calcium", "magnesium", "hydrochloride", "hcl", "dihydrochloride",
	"hydrobromide", "hyclate", "monohydrate", "dihydrate", "trihydrate", "hemihydrate", "sesquihydrate",
	"anhydrous", "mesylate", "mesilate", "maleate", "tartrate", "succinate", "fumarate", "besylate",
	"besilate", "sulfate", "sulphate", "phosphate", "acetate", "citrate", "gluconate", "lactate", "bromide",
	"chloride", "nitrate", "mofetil", "olamine", "acid", "base", "tablet", "tablets", "tab", "tabs",
	"capsule", "capsules", "cap", "caps", "oral", "solution", "suspension", "liquid", "syrup", "drops",
	"chewable", "dispersible", "effervescent", "er", "xr", "sr", "cr", "la", "xl", "mr", "ec", "dr", "ir",
	"extended", "modified", "delayed", "release", "prolonged", "retard", "film", "coated", "generic", NULL,
};

/* Units after a strength: "50 mg", "100mcg", "2.5mg/ml". */
static int is_strength(const char *w)
{
	if (!isdigit((unsigned char)w[0]) && w[0] != '.')
		return 0;
	size_t i = strspn(w, "0123456789.,");
	static const char *const units[] = {"", "mg", "mcg", "ug", "g", "ml", "iu", "units", "%", "mg/ml", NULL};
	for (const char *const *u = units; *u; u++)
		if (strcmp(w + i, *u) == 0)
			return 1;
	return 0;
}

static int is_dropped(const char *w)
{
	if (strcmp(w, "mg") == 0 || strcmp(w, "mcg") == 0 || strcmp(w, "micrograms") == 0 || strcmp(w, "ml") == 0)
		return 1;
	for (const char *const *d = dropped; *d; d++)
		if (strcmp(w, *d) == 0)
			return 1;
	return is_strength(w);
}

void medicines_normalise(const char *name, char *out, size_t n)
{
	char buf[128];
	size_t k = 0;
	/* Lowercase, and every separator a space (a slash or plus is a
	 * combination and never reaches here: see split_parts). */
	for (const char *s = name; *s && k + 1 < sizeof(buf); s++) {
		unsigned char c = (unsigned char)*s;
		buf[k++] = isalnum(c) || c == '.' || c == '%' || c >= 0x80 ? (char)tolower(c) : ' ';
	}
	buf[k] = '\0';
	out[0] = '\0';
	size_t len = 0;
	char *p = buf;
	while (*p) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		char *e = p;
		while (*e && *e != ' ')
			e++;
		char saved = *e;
		*e = '\0';
		/* "amphotericin b" keeps its letter; the names table spells INN
		 * acids without "acid" ("alendronic"). */
		if (!is_dropped(p) && len + strlen(p) + 2 < n)
			len += (size_t)snprintf(out + len, n - len, "%s%s", len ? " " : "", p);
		*e = saved;
		p = e;
	}
}

static int status_rank(const char *s)
{
	return strcmp(s, "clinician") == 0 ? 2 : strcmp(s, "caution") == 0 ? 1 : 0;
}

static void fill_class(const char *class_name, struct med_part *out)
{
	const struct mg_table *t = tables_get("med-classes.tsv");
	long r = table_find(t, "class", class_name);
	if (r < 0)
		abort();   /* medicines.tsv names a class med-classes.tsv lacks: caught by u-tables */
	out->class_id = table_cell(t, (size_t)r, "id");
	out->class_name = table_cell(t, (size_t)r, "class");
	out->med_first_h = strtod(table_cell(t, (size_t)r, "med_first_h"), NULL);
	out->mg_first_h = strtod(table_cell(t, (size_t)r, "mg_first_h"), NULL);
	out->status = table_cell(t, (size_t)r, "status");
	out->advice = table_cell(t, (size_t)r, "advice");
	out->source = table_cell(t, (size_t)r, "source");
}

/* Edit distance between a and b, capped at cap + 1 (near misses only). */
static size_t distance(const char *a, const char *b, size_t cap)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 63 || lb > 63 || (la > lb ? la - lb : lb - la) > cap)
		return cap + 1;
	size_t row[64];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0], best = row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t v = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < v)
				v = up + 1;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			row[j] = v;
			diag = up;
			if (v < best)
				best = v;
		}
		if (best > cap)
			return cap + 1;
	}
	return row[lb];
}

/* The known name nearest to `name`: at most one edit per four letters. */
static void nearest(const char *name, char *out, size_t n)
{
	const struct mg_table *t = tables_get("medicines.tsv");
	size_t cap = strlen(name) / 4 ? strlen(name) / 4 : 1, best = cap + 1;
	out[0] = '\0';
	for (size_t r = 0; r < t->nrows; r++) {
		size_t d = distance(name, table_cell(t, r, "name"), cap);
		if (d < best) {
			best = d;
			mg_strlcpy(out, table_cell(t, r, "name"), n);
		}
	}
}

static void add_part(struct med_rule *out, const char *drug_id, const char *class_name)
{
	if (out->n_parts == MED_MAX_PARTS)
		return;
	struct med_part *p = &out->parts[out->n_parts++];
	p->drug_id = drug_id;
	fill_class(class_name, p);
}

/* Looks one ingredient (or a brand) up; a brand of a combination is
 * several rows. 1 when found. */
static int lookup_one(const char *name, struct med_rule *out)
{
	const struct mg_table *t = tables_get("medicines.tsv");
	int found = 0;
	for (size_t r = 0; r < t->nrows; r++)
		if (strcmp(table_cell(t, r, "name"), name) == 0) {
			add_part(out, table_cell(t, r, "id"), table_cell(t, r, "class"));
			found = 1;
		}
	return found;
}

/* The ingredients as typed: "amiloride/hydrochlorothiazide", "x + y",
 * "x and y", "x with y". */
static size_t split_parts(const char *name, char parts[][64], size_t max)
{
	char buf[160];
	mg_strlcpy(buf, name, sizeof(buf));
	for (char *c = buf; *c; c++)
		*c = (char)tolower((unsigned char)*c);
	static const char *const joins[] = {" and ", " with ", " & ", NULL};
	for (const char *const *j = joins; *j; j++)
		for (char *at = strstr(buf, *j); at; at = strstr(at + 1, *j)) {
			at[0] = '/';
			memset(at + 1, ' ', strlen(*j) - 1);
		}
	size_t n = 0;
	char *p = buf;
	while (*p && n < max) {
		size_t l = strcspn(p, "/+;");
		char piece[160];
		mg_strlcpy(piece, p, l + 1 < sizeof(piece) ? l + 1 : sizeof(piece));
		medicines_normalise(piece, parts[n], 64);
		if (parts[n][0])
			n++;
		p += l + (p[l] != '\0');
	}
	return n;
}

void medicines_lookup(const char *name, struct med_rule *out)
{
	memset(out, 0, sizeof(*out));
	out->known = 1;
	medicines_normalise(name, out->normalised, sizeof(out->normalised));
	/* The whole name first: a brand can hold a slash or the word "and". */
	if (!out->normalised[0] || !lookup_one(out->normalised, out)) {
		char parts[MED_MAX_PARTS][64];
		size_t n = split_parts(name, parts, MED_MAX_PARTS);
		if (n == 0) {
			/* Nothing left but salt words ("calcium"): the name itself. */
			mg_strlcpy(parts[0], name, sizeof(parts[0]));
			for (char *c = parts[0]; *c; c++)
				*c = (char)tolower((unsigned char)*c);
			n = 1;
		}
		for (size_t i = 0; i < n; i++)
			if (!lookup_one(parts[i], out)) {
				if (out->known) {
					mg_strlcpy(out->unknown, parts[i], sizeof(out->unknown));
					nearest(parts[i], out->did_you_mean, sizeof(out->did_you_mean));
				}
				out->known = 0;
				add_part(out, NULL, "unknown medicine");
			}
	}
	/* The strictest of the parts wins: the widest spacing on each side,
	 * the highest status. */
	size_t strict = 0;
	int rank = -1;
	for (size_t i = 0; i < out->n_parts; i++) {
		const struct med_part *p = &out->parts[i];
		if (p->med_first_h > out->med_first_h)
			out->med_first_h = p->med_first_h;
		if (p->mg_first_h > out->mg_first_h)
			out->mg_first_h = p->mg_first_h;
		const struct med_part *s = &out->parts[strict];
		if (p->med_first_h + p->mg_first_h > s->med_first_h + s->mg_first_h)
			strict = i;
		if (status_rank(p->status) > rank) {
			rank = status_rank(p->status);
			out->status = p->status;
		}
	}
	const struct med_part *s = &out->parts[strict];
	out->drug_id = s->drug_id;
	out->class_id = s->class_id;
	out->class_name = s->class_name;
	out->advice = s->advice;
	out->source = s->source;
}

int med_rule_spaces(const struct med_rule *r)
{
	return r->med_first_h > 0 || r->mg_first_h > 0;
}

int med_rule_has_class(const struct med_rule *r, const char *class_id)
{
	for (size_t i = 0; i < r->n_parts; i++)
		if (strcmp(r->parts[i].class_id, class_id) == 0)
			return 1;
	return 0;
}
