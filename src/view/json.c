/*
 * The JSON shape of each thing mgtrack shows: a night, a dose, a food, a
 * product, a profile, targets, intake, rule-tagged notes. The command line's --json and the
 * web API both print these, so the two never drift apart.
 */
#include <math.h>
#include <string.h>
#include "core/night.h"
#include "core/tables.h"
#include "core/profile.h"
#include "core/diet.h"
#include "view/view.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

const char view_not_advice[] =
	"Not medical advice: mgtrack explains published reference values; ask a clinician about your own case.";

json_t *view_num(double v, int digits)
{
	if (isnan(v))
		return json_null();
	double f = pow(10, digits);
	double r = round(v * f) / f;
	if (digits == 0 || r == floor(r))
		return json_integer((json_int_t)r);
	return json_real(r);
}

json_t *view_notes_json(const struct notes *ns)
{
	json_t *a = json_array();
	for (size_t i = 0; i < ns->n; i++) {
		json_t *o = json_object();
		json_object_set_new(o, "rule", json_string(ns->v[i].rule));
		json_object_set_new(o, "source", ns->v[i].source ? json_string(ns->v[i].source) : json_null());
		json_object_set_new(o, "text", json_string(ns->v[i].text));
		json_array_append_new(a, o);
	}
	return a;
}

const char *view_units(double units, int divisible, const char *noun, char *out, size_t n)
{
	if (divisible && units == 0.5)
		snprintf(out, n, "half a tablet");
	else
		snprintf(out, n, "%g %s%s", units, divisible ? "tablet" : noun, units == 1 ? "" : "s");
	return out;
}

json_t *view_night_json(const struct night *n)
{
	json_t *j = json_object();
	char buf[sizeof(n->note)];   /* the longest field: a note cut short would be bad UTF-8, and missing */
	mg_format_date(n->date, buf, sizeof(buf));
	json_object_set_new(j, "date", json_string(buf));
	size_t nf;
	const char *const *fields = night_field_names(&nf);
	const struct mg_table *t = tables_get("night-fields.tsv");
	for (size_t i = 0; i < nf; i++) {
		const char *f = fields[i];
		char key[32];
		mg_strlcpy(key, f, sizeof(key));
		for (char *p = key; *p; p++)
			if (*p == '-')
				*p = '_';
		if (strcmp(f, "red-flag") == 0) {
			json_t *a = json_array();
			for (unsigned b = 1; b <= RED_PALPITATIONS; b <<= 1)
				if (n->red_flags & b)
					json_array_append_new(a, json_string(night_red_flag_name(b)));
			json_object_set_new(j, "red_flags", a);
			continue;
		}
		night_get(n, f, buf, sizeof(buf));
		const char *kind = table_cell(t, (size_t)table_find(t, "field", f), "kind");
		json_t *v;
		long num;
		if (!buf[0])
			v = json_null();
		else if (strcmp(kind, "flag") == 0)
			v = json_boolean(strcmp(buf, "yes") == 0);
		else if ((strcmp(kind, "rating") == 0 || strcmp(kind, "count") == 0 || strcmp(kind, "minutes") == 0) &&
			 mg_parse_long(buf, 0, 100000, &num) == 0)
			v = json_integer(num);
		else
			v = json_string(buf);
		json_object_set_new(j, key, v);
	}
	struct night_derived d;
	struct mg_err e = {0};
	if (night_derive(n, &d, &e) < 0)
		d.tib_min = d.tst_min = d.se_pct = NAN;
	json_object_set_new(j, "tib_min", view_num(d.tib_min, 0));
	json_object_set_new(j, "tst_min", view_num(d.tst_min, 0));
	json_object_set_new(j, "se_pct", view_num(d.se_pct, 1));
	json_object_set_new(j, "source", json_string(n->source));
	return j;
}

json_t *view_dose_json(const struct dose_entry *d)
{
	json_t *o = json_object();
	char buf[16];
	json_object_set_new(o, "id", json_integer(d->id));
	mg_format_date(d->date, buf, sizeof(buf));
	json_object_set_new(o, "date", json_string(buf));
	mg_format_hhmm(d->time, buf, sizeof(buf));
	json_object_set_new(o, "time", json_string(buf));
	json_object_set_new(o, "product", json_string(d->product_name));
	json_object_set_new(o, "servings", view_num(d->servings, 2));
	json_object_set_new(o, "elemental_mg", view_num(d->elemental_mg, 1));
	json_object_set_new(o, "estimated", json_boolean(d->estimated));
	json_object_set_new(o, "status", json_string(d->skipped ? "skipped" : "taken"));
	if (d->planned_time >= 0) {
		mg_format_hhmm(d->planned_time, buf, sizeof(buf));
		json_object_set_new(o, "planned_time", json_string(buf));
	} else {
		json_object_set_new(o, "planned_time", json_null());
	}
	return o;
}

static json_t *measures_json(const struct food_record *f)
{
	json_t *a = json_array();
	for (size_t i = 0; i < f->n_measures; i++) {
		const struct food_measure *m = &f->measures[i];
		json_t *j = json_object();
		json_object_set_new(j, "amount", view_num(m->amount, 3));
		json_object_set_new(j, "name", json_string(m->name));
		json_object_set_new(j, "grams", view_num(m->grams, 2));
		json_object_set_new(j, "mg", view_num(f->nut[NUT_MG] * m->grams / 100, 1));
		json_array_append_new(a, j);
	}
	return a;
}

json_t *view_food_json(const struct food_record *f, int all_nutrients)
{
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer(f->id));
	json_object_set_new(j, "name", json_string(f->name));
	json_object_set_new(j, "source", json_string(f->source));
	json_object_set_new(j, "mg_per_100g", view_num(f->nut[NUT_MG], 2));
	json_object_set_new(j, "kcal_per_100g", view_num(f->nut[NUT_KCAL], 1));
	if (all_nutrients) {
		json_t *n = json_object();
		for (int i = 0; i < NUT_COUNT; i++)
			json_object_set_new(n, food_nutrients[i].key, view_num(f->nut[i], 3));
		json_object_set_new(j, "per_100g", n);
		json_object_set_new(j, "deprecated", json_boolean(f->deprecated));
	}
	json_object_set_new(j, "measures", measures_json(f));
	return j;
}

json_t *view_product_json(const struct product *p, const struct product_mg *mg)
{
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer(p->id));
	json_object_set_new(j, "name", json_string(p->name));
	json_object_set_new(j, "form", json_string(p->form));
	json_object_set_new(j, "hydrate", p->hydrate[0] ? json_string(p->hydrate) : json_null());
	json_object_set_new(j, "pct_mg", view_num(mg->form.pct_mg, 1));
	json_object_set_new(j, "compound_mg", view_num(p->compound_mg, 1));
	json_object_set_new(j, "elemental_mg_declared", view_num(p->elemental_mg, 1));
	json_object_set_new(j, "elemental_mg_per_serving", view_num(mg->per_serving, 1));
	json_object_set_new(j, "elemental_mg_per_unit", view_num(mg->per_unit, 1));
	json_object_set_new(j, "estimated", json_boolean(mg->estimated));
	json_object_set_new(j, "per_serving_units", json_integer(p->units_per_serving));
	json_object_set_new(j, "third_party", json_boolean(p->third_party));
	json_object_set_new(j, "proprietary_blend", json_boolean(p->proprietary_blend));
	json_object_set_new(j, "form_rule", json_string(mg->form.id));
	json_object_set_new(j, "taking_servings", p->taking_servings > 0 ? view_num(p->taking_servings, 2) : json_null());
	json_object_set_new(j, "divisible", json_boolean(p->divisible));
	return j;
}

json_t *view_profile_json(const struct profile *p, long today)
{
	json_t *j = json_object();
	char buf[16];
	json_object_set_new(j, "name", json_string(p->name));
	if (p->born != MG_NO_DATE) {
		mg_format_date(p->born, buf, sizeof(buf));
		json_object_set_new(j, "born", json_string(buf));
	} else {
		json_object_set_new(j, "born", json_null());
	}
	json_object_set_new(j, "age", json_integer(profile_age_months(p, today) / 12));
	json_object_set_new(j, "sex", json_string(p->sex));
	json_object_set_new(j, "pregnant", json_boolean(p->pregnant));
	json_object_set_new(j, "lactating", json_boolean(p->lactating));
	json_object_set_new(j, "clinician_guided", json_boolean(p->clinician_guided));
	json_object_set_new(j, "training", json_string(p->training));
	json_object_set_new(j, "region", json_string(p->region));
	json_object_set_new(j, "gi_sensitive", json_boolean(p->gi_sensitive));
	json_t *a = json_array();
	for (size_t i = 0; i < p->n_goals; i++)
		json_array_append_new(a, json_string(p->goals[i]));
	json_object_set_new(j, "goals", a);
	a = json_array();
	for (size_t i = 0; i < p->n_conditions; i++)
		json_array_append_new(a, json_string(p->conditions[i]));
	json_object_set_new(j, "conditions", a);
	a = json_array();
	for (size_t i = 0; i < p->n_meds; i++) {
		json_t *m = json_object(), *times = json_array();
		json_object_set_new(m, "name", json_string(p->meds[i].name));
		const char *t = p->meds[i].times;
		while (*t && *t != '/') {
			size_t l = strcspn(t, ",/");
			char hhmm[8];
			mg_strlcpy(hhmm, t, l + 1 < sizeof(hhmm) ? l + 1 : sizeof(hhmm));
			json_array_append_new(times, json_string(hhmm));
			t += l + (t[l] == ',');
		}
		json_object_set_new(m, "times", times);
		int wd = profile_med_weekday(&p->meds[i]);
		json_object_set_new(m, "weekly", wd >= 0 ? json_string(profile_weekday_name(wd)) : json_null());
		json_array_append_new(a, m);
	}
	json_object_set_new(j, "medicines", a);
	if (p->wake >= 0) {
		mg_format_hhmm(p->wake, buf, sizeof(buf));
		json_object_set_new(j, "wake", json_string(buf));
	} else {
		json_object_set_new(j, "wake", json_null());
	}
	if (p->bed >= 0) {
		mg_format_hhmm(p->bed, buf, sizeof(buf));
		json_object_set_new(j, "bed", json_string(buf));
	} else {
		json_object_set_new(j, "bed", json_null());
	}
	/* One time as "07:30", several as "07:00,18:00" (the form the
	 * command line and the web form take). */
	if (p->n_train) {
		char list[PROFILE_MAX_TRAIN * 6 + 1] = "";
		for (size_t i = 0; i < p->n_train; i++) {
			mg_format_hhmm(p->train_at[i], buf, sizeof(buf));
			snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s%s", i ? "," : "", buf);
		}
		json_object_set_new(j, "train_at", json_string(list));
	} else {
		json_object_set_new(j, "train_at", json_null());
	}
	json_object_set_new(j, "zinc_mg", json_integer((json_int_t)p->zinc_mg));
	/* A number, "unknown" (the person does not know it) or null (never
	 * given): the three mean different things to the plan. */
	json_object_set_new(j, "egfr", p->egfr > 0 ? view_num(p->egfr, 2) : p->egfr < 0 ? json_string("unknown") : json_null());
	json_object_set_new(j, "food_source", json_string(p->food_source));
	json_object_set_new(j, "diet", json_string(p->diet[0] ? p->diet : "omnivore"));
	/* The avoid list as an array, in food-rules.tsv's order. */
	json_t *av = json_array();
	for (const char *q = p->avoid; *q;) {
		size_t l = strcspn(q, ",");
		if (l)
			json_array_append_new(av, json_stringn(q, l));
		q += l + (q[l] == ',');
	}
	json_object_set_new(j, "avoid", av);
	return j;
}

static json_t *rule_json(const struct rule_ref *r)
{
	json_t *j = json_object();
	json_object_set_new(j, "id", json_string(r->id));
	json_object_set_new(j, "source", json_string(r->source));
	return j;
}

json_t *view_targets_json(const struct profile *p, const struct targets *t)
{
	json_t *j = json_object();
	json_object_set_new(j, "profile", json_string(p->name));
	json_object_set_new(j, "rda_mg", view_num(t->rda_mg, 0));
	json_object_set_new(j, "rda_kind", json_string(t->rda_kind));
	json_object_set_new(j, "training_factor", view_num(t->training_factor, 2));
	json_object_set_new(j, "target_mg", view_num(t->target_mg, 0));
	json_object_set_new(j, "supplement_ul_mg", t->ul_set ? view_num(t->supplement_ul_mg, 0) : json_null());
	json_object_set_new(j, "basis", json_string(t->basis));
	json_t *rules = json_array();
	json_array_append_new(rules, rule_json(&t->rda));
	json_array_append_new(rules, rule_json(&t->training));
	json_array_append_new(rules, rule_json(&t->ul));
	json_object_set_new(j, "rules", rules);
	json_object_set_new(j, "disclaimer", json_string(view_not_advice));
	return j;
}

json_t *view_intake_json(const struct profile *p, const struct intake *in)
{
	json_t *j = json_object();
	char d[16];
	json_object_set_new(j, "profile", json_string(p->name));
	mg_format_date(in->from, d, sizeof(d));
	json_object_set_new(j, "from", json_string(d));
	mg_format_date(in->to, d, sizeof(d));
	json_object_set_new(j, "to", json_string(d));
	json_object_set_new(j, "days", json_integer(in->days));
	json_object_set_new(j, "days_logged", json_integer(in->days_logged));
	json_object_set_new(j, "days_low_energy", json_integer(in->days_low_energy));
	json_object_set_new(j, "days_without_energy", json_integer(in->days_no_energy));
	json_object_set_new(j, "days_without_magnesium", json_integer(in->days_no_mg));
	json_object_set_new(j, "min_kcal", view_num(in->min_kcal, 0));
	json_object_set_new(j, "kcal_rule", json_string(in->kcal_rule));
	json_object_set_new(j, "food_known", json_boolean(in->food_known));
	json_object_set_new(j, "food_mg", view_num(in->food_mg, 1));
	json_object_set_new(j, "supplement_mg", view_num(in->supplement_mg, 1));
	json_object_set_new(j, "food_source", json_string(in->food_source));
	json_object_set_new(j, "imported_food_mg", in->imported_days ? view_num(in->imported_mg, 1) : json_null());
	json_object_set_new(j, "imported_days", json_integer(in->imported_days));
	json_object_set_new(j, "total_mg", view_num(in->total_mg, 1));
	json_object_set_new(j, "target_mg", view_num(in->target_mg, 0));
	json_object_set_new(j, "gap_mg", view_num(in->gap_mg, 1));
	json_t *top = json_array();
	for (size_t i = 0; i < in->n_top; i++) {
		json_t *t = json_object();
		json_object_set_new(t, "food_id", json_integer(in->top[i].food_id));
		json_object_set_new(t, "food", json_string(in->top[i].name));
		json_object_set_new(t, "mg", view_num(in->top[i].mg, 1));
		json_array_append_new(top, t);
	}
	json_object_set_new(j, "top", top);
	/* Coverage: a food without a magnesium value is named, never 0 mg. */
	json_object_set_new(j, "foods_logged", json_integer(in->foods_logged));
	json_object_set_new(j, "foods_with_magnesium", json_integer(in->foods_logged - in->foods_no_mg));
	json_t *none = json_array();
	for (size_t i = 0; i < in->n_no_mg; i++) {
		json_t *t = json_object();
		json_object_set_new(t, "food_id", json_integer(in->no_mg[i].food_id));
		json_object_set_new(t, "food", json_string(in->no_mg[i].name));
		json_array_append_new(none, t);
	}
	json_object_set_new(j, "foods_without_magnesium", none);
	json_t *days = json_array();
	for (size_t i = 0; i < in->n_per_day; i++) {
		json_t *t = json_object();
		mg_format_date(in->per_day[i].date, d, sizeof(d));
		json_object_set_new(t, "date", json_string(d));
		json_object_set_new(t, "food_mg", view_num(in->per_day[i].food_mg, 1));
		json_object_set_new(t, "kcal", view_num(in->per_day[i].kcal, 0));
		json_object_set_new(t, "kcal_complete", json_boolean(in->per_day[i].kcal_complete));
		json_object_set_new(t, "counted", json_boolean(in->per_day[i].counted));
		json_array_append_new(days, t);
	}
	json_object_set_new(j, "per_day", days);
	json_object_set_new(j, "rule", json_string(in->food_rule));
	/* What the figures above mean for this log: days too low in energy to
	 * count, days that could not be checked. */
	struct notes ns;
	notes_init(&ns);
	intake_note_incomplete(in, &ns);
	intake_note_unchecked(in, &ns);
	intake_note_no_mg(in, &ns);
	json_object_set_new(j, "notes", view_notes_json(&ns));
	notes_release(&ns);
	json_object_set_new(j, "disclaimer", json_string(view_not_advice));
	return j;
}

void view_not_for_you_text(const char *rule, char *buf, size_t n)
{
	const char *note = rule ? diet_rule_note(rule) : NULL;
	if (!rule)
		snprintf(buf, n, "%s", "");
	else if (note && *note)
		snprintf(buf, n, "%s (%s)", note, rule);
	else
		snprintf(buf, n, "not for your diet or allergies (%s)", rule);
}

json_t *view_not_for_you_json(const char *rule)
{
	if (!rule)
		return json_null();
	char text[320];
	view_not_for_you_text(rule, text, sizeof(text));
	json_t *j = json_object();
	json_object_set_new(j, "rule", json_string(rule));
	json_object_set_new(j, "text", json_string(text));
	return j;
}

json_t *view_food_log_json(const struct food_log_entry *en)
{
	char date[16];
	mg_format_date(en->date, date, sizeof(date));
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer(en->id));
	json_object_set_new(j, "date", json_string(date));
	json_object_set_new(j, "food_id", json_integer(en->food_id));
	json_object_set_new(j, "food", json_string(en->food_name));
	json_object_set_new(j, "amount", view_num(en->amount, 3));
	json_object_set_new(j, "measure", json_string(en->measure));
	json_object_set_new(j, "grams", view_num(en->grams, 1));
	json_object_set_new(j, "mg", view_num(en->mg, 1));
	json_object_set_new(j, "kcal", view_num(en->kcal, 0));
	return j;
}
