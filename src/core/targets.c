/*
 * Target lookup over the rule tables; see targets.h. Age bands are in
 * months, [from, to), so infants and adults use the same rows.
 */
#include <stdio.h>
#include <string.h>
#include "core/profile.h"
#include "core/tables.h"
#include "core/targets.h"
#include "util/parse.h"
#include "util/banned.h"

static double num(const struct mg_table *t, size_t r, const char *col)
{
	double v = 0;
	mg_parse_double(table_cell(t, r, col), -1e9, 1e9, &v);
	return v;
}

static int in_band(const struct mg_table *t, size_t r, int months)
{
	return months >= num(t, r, "age_from_months") && months < num(t, r, "age_to_months");
}

int targets_compute(const struct profile *p, long on, struct targets *t, struct mg_err *e)
{
	memset(t, 0, sizeof(*t));
	const struct mg_table *rda = tables_get("targets.tsv"), *tr = tables_get("training.tsv"),
			      *ul = tables_get("ul.tsv");
	if (!rda || !tr || !ul)
		return mg_err_set(e, MG_ESOFTWARE, "rule tables are not loaded");
	int months = profile_age_months(p, on);
	if (months < 0)
		return mg_err_set(e, MG_EDATA, "profile \"%s\" has no age", p->name);
	t->age_months = months;
	const char *state = p->pregnant ? "pregnant" : p->lactating ? "lactating" : "none";

	long row = -1;
	for (size_t r = 0; r < rda->nrows && row < 0; r++) {
		const char *sex = table_cell(rda, r, "sex"), *st = table_cell(rda, r, "state");
		if (strcmp(table_cell(rda, r, "region"), p->region) != 0 || !in_band(rda, r, months))
			continue;
		if (strcmp(sex, "any") != 0 && strcmp(sex, p->sex) != 0)
			continue;
		if (strcmp(st, "any") != 0 && strcmp(st, state) != 0)
			continue;
		row = (long)r;
	}
	if (row < 0)
		return mg_err_set(e, MG_EDATA, "no %s magnesium target for age %d months%s%s", p->region, months,
				  strcmp(state, "none") ? " and " : "", strcmp(state, "none") ? state : "");
	t->rda_mg = num(rda, (size_t)row, "mg");
	t->rda_kind = table_cell(rda, (size_t)row, "kind");
	t->rda.id = table_cell(rda, (size_t)row, "id");
	t->rda.source = table_cell(rda, (size_t)row, "source");

	t->training_factor = 1.0;
	for (size_t r = 0; r < tr->nrows; r++) {
		if (strcmp(table_cell(tr, r, "load"), p->training) == 0) {
			t->training_factor = num(tr, r, "factor");
			t->training.id = table_cell(tr, r, "id");
			t->training.source = table_cell(tr, r, "source");
		}
	}
	if (!t->training.id)
		return mg_err_set(e, MG_EDATA, "no training row for \"%s\"", p->training);
	t->target_mg = t->rda_mg * t->training_factor;

	for (size_t r = 0; r < ul->nrows; r++) {
		if (strcmp(table_cell(ul, r, "region"), p->region) != 0 || !in_band(ul, r, months))
			continue;
		const char *mg = table_cell(ul, r, "mg");
		t->ul_set = strcmp(mg, "none") != 0;
		t->supplement_ul_mg = t->ul_set ? num(ul, r, "mg") : 0;
		t->ul.id = table_cell(ul, r, "id");
		t->ul.source = table_cell(ul, r, "source");
		break;
	}
	if (!t->ul.id)
		return mg_err_set(e, MG_EDATA, "no %s upper limit row for age %d months", p->region, months);

	char age[32];
	if (months < 24)
		snprintf(age, sizeof(age), "%d months", months);
	else
		snprintf(age, sizeof(age), "%d years", months / 12);
	char training[48] = "";
	if (strcmp(p->training, "none") != 0)
		snprintf(training, sizeof(training), ", x%.2f for %s training", t->training_factor, p->training);
	snprintf(t->basis, sizeof(t->basis), "%s %s for a %s aged %s%s%s%s",
		 strcmp(p->region, "eu") == 0 ? "EFSA" : "US", t->rda_kind, p->sex, age,
		 strcmp(state, "none") ? ", " : "", strcmp(state, "none") ? state : "", training);
	return 0;
}
