/*
 * The plan engine (see plan.h for the order of decisions). Every number
 * comes from data/thresholds.tsv and every sentence from a row of
 * data/plan-rules.tsv, safety.tsv, conditions.tsv, med-classes.tsv,
 * kidney-risks.tsv, form-choice.tsv or forms.tsv, so each decision can name
 * its rule and source.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/medicines.h"
#include "core/plan.h"
#include "core/profile.h"
#include "core/tables.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

#define DAY_MIN 1440

static double th(const char *id)
{
	return tables_threshold(id, NULL);
}

static void rule(struct notes *ns, const char *id)
{
	notes_add_row(ns, "plan-rules.tsv", id, "text", NULL);
}

static const char *rule_source(const char *id)
{
	const struct mg_table *t = tables_get("plan-rules.tsv");
	return table_cell(t, (size_t)table_find(t, "id", id), "source");
}

static const char *rule_text(const char *id)
{
	const struct mg_table *t = tables_get("plan-rules.tsv");
	return table_cell(t, (size_t)table_find(t, "id", id), "text");
}

static int has_goal(const struct profile *p, const char *goal)
{
	for (size_t i = 0; i < p->n_goals; i++)
		if (strcmp(p->goals[i], goal) == 0)
			return 1;
	return 0;
}

static void raise_status(struct plan *p, enum plan_status s)
{
	if (s > p->status)
		p->status = s;
}

/* ---- 1. status ---- */

static void safety_row(struct plan *p, const char *id)
{
	const struct mg_table *t = tables_get("safety.tsv");
	long r = table_find(t, "id", id);
	const char *status = table_cell(t, (size_t)r, "status");
	if (strcmp(status, "clinician") == 0)
		raise_status(p, PLAN_CLINICIAN);
	else if (strcmp(status, "pause") == 0)
		raise_status(p, PLAN_PAUSE);
	notes_add_row(&p->warnings, "safety.tsv", id, "advice", NULL);
}

/* Whether the profile has heart-rhythm concerns: the arrhythmia condition
 * or a heart-rhythm medicine (form choice prefers taurate for stress). */
static int heart_rhythm_concern(const struct profile *pr)
{
	for (size_t i = 0; i < pr->n_conditions; i++)
		if (strcmp(pr->conditions[i], "arrhythmia") == 0)
			return 1;
	for (size_t i = 0; i < pr->n_meds; i++) {
		struct med_rule m;
		medicines_lookup(pr->meds[i].name, &m);
		if (med_rule_has_class(&m, "med-antiarrhythmic"))
			return 1;
	}
	return 0;
}

/* ---- kidney function, and what the form can and cannot do ---- */

/* A safety.tsv row as a warning after a prefix that says why it applies
 * ("eGFR 45, below 60"), raising the status to the row's. */
static void safety_row_because(struct plan *p, const char *id, const char *prefix)
{
	const struct mg_table *t = tables_get("safety.tsv");
	size_t r = (size_t)table_find(t, "id", id);
	const char *status = table_cell(t, r, "status");
	raise_status(p, strcmp(status, "clinician") == 0 ? PLAN_CLINICIAN
			: strcmp(status, "caution") == 0 ? PLAN_CAUTION : PLAN_OK);
	notes_add(&p->warnings, id, table_cell(t, r, "source"), "%s: %s", prefix, table_cell(t, r, "advice"));
}

/* What makes kidney function a question before magnesium, as the rows of
 * kidney-risks.tsv list it: an age, or a medicine of a class. Each risk
 * found adds an explain note with its row; why gets "at 70, with
 * furosemide" (each medicine named once). Returns the count. */
static size_t kidney_risks(const struct profile *pr, struct plan *p, struct strbuf *why)
{
	const struct mg_table *t = tables_get("kidney-risks.tsv");
	size_t found = 0;
	int years = p->targets.age_months / 12;
	int named[PROFILE_MAX_LIST] = {0};
	for (size_t r = 0; r < t->nrows; r++) {
		const char *id = table_cell(t, r, "id"), *src = table_cell(t, r, "source");
		if (strcmp(table_cell(t, r, "risk"), "age") == 0) {
			if (years < (int)th("kidney-ask-age"))
				continue;
			strbuf_addf(why, "%sat %d", why->len ? ", " : "", years);
			notes_add(&p->explain, id, src, "kidney function matters at %d: from %.0f on it should be known before"
				  " magnesium", years, th("kidney-ask-age"));
			found++;
			continue;
		}
		for (size_t i = 0; i < pr->n_meds; i++) {
			struct med_rule m;
			medicines_lookup(pr->meds[i].name, &m);
			if (!med_rule_has_class(&m, table_cell(t, r, "class")))
				continue;
			if (!named[i])
				strbuf_addf(why, "%swith %s", why->len ? ", " : "", pr->meds[i].name);
			named[i] = 1;
			notes_add(&p->explain, id, src, "kidney function matters with %s: it should be known before magnesium",
				  pr->meds[i].name);
			found++;
		}
	}
	return found;
}

/* Kidney function (profile.egfr: > 0 the value, -1 said unknown, 0 never
 * asked). Below egfr-clinician-below the SmPC contraindicates magnesium;
 * below egfr-caution-below it is cleared more slowly, so a caution whatever
 * else holds; unknown matters only where kidney-risks.tsv says it should
 * be known. Called after the conditions, so that a stop for the kidneys
 * is the first warning (the course pauses with the first warning's words). */
static void kidney_status(const struct profile *pr, struct plan *p)
{
	char prefix[64];
	double egfr = pr->egfr;
	if (egfr > 0 && egfr < th("egfr-clinician-below")) {
		int said = 0;   /* the condition "egfr-below-30" already says it */
		for (size_t i = 0; i < pr->n_conditions; i++)
			said |= strcmp(pr->conditions[i], "egfr-below-30") == 0;
		if (!said) {
			snprintf(prefix, sizeof(prefix), "eGFR %g, below %.0f", egfr, th("egfr-clinician-below"));
			safety_row_because(p, "safety-egfr-below-30", prefix);
		}
		return;
	}
	/* Kidney disease or dialysis already stops the plan: asking for the
	 * eGFR would add nothing. */
	if (p->status == PLAN_CLINICIAN)
		return;
	if (egfr >= th("egfr-caution-below")) {
		notes_add(&p->explain, "plan-kidney-known", rule_source("plan-kidney-known"), "eGFR %g, %.0f or above: %s",
			  egfr, th("egfr-caution-below"), rule_text("plan-kidney-known"));
		return;
	}
	struct strbuf why;
	strbuf_init(&why);
	size_t risks = kidney_risks(pr, p, &why);
	if (egfr > 0) {
		/* The reasons can name several medicines: no fixed buffer. */
		struct strbuf pre;
		strbuf_init(&pre);
		strbuf_addf(&pre, "eGFR %g, below %.0f", egfr, th("egfr-caution-below"));
		if (risks)
			strbuf_addf(&pre, " (%s)", strbuf_str(&why));
		safety_row_because(p, "safety-egfr-30-59", strbuf_str(&pre));
		strbuf_release(&pre);
	} else if (risks) {
		safety_row_because(p, "safety-kidney-unknown", strbuf_str(&why));
	}
	strbuf_release(&why);
}

/* What the chosen form can and cannot do: the evidence for the goal's
 * choice (form-choice.tsv) and for the form's traits (forms.tsv) as
 * explain notes, and, for a regularity goal met with a form that is not a
 * laxative (a sensitive gut rules citrate out), a warning that it will not
 * help constipation. Runs last: it needs the form and the product chosen. */
static void form_claims(const struct plan_input *in, struct plan *p)
{
	const struct mg_table *choice = tables_get("form-choice.tsv"), *forms = tables_get("forms.tsv");
	size_t n = p->explain.n;
	for (size_t i = 0; i < n; i++) {
		long r = table_find(choice, "id", p->explain.v[i].rule);
		if (r >= 0)
			notes_add(&p->explain, table_cell(choice, (size_t)r, "id"), table_cell(choice, (size_t)r, "source"),
				  "%s, %s", table_cell(choice, (size_t)r, "form"), table_cell(choice, (size_t)r, "evidence"));
	}
	long f = p->form.id ? table_find(forms, "id", p->form.id) : -1;
	if (f >= 0 && *table_cell(forms, (size_t)f, "evidence"))
		notes_add(&p->explain, p->form.id, table_cell(forms, (size_t)f, "source"), "%s: %s", p->form.form,
			  table_cell(forms, (size_t)f, "evidence"));
	const struct form_info *used = p->product ? &p->product_mg.form : &p->form;
	if (has_goal(in->profile, "regularity") && in->profile->gi_sensitive && p->daily_mg > 0 && used->form &&
	    !form_has_trait(used, "laxative"))
		notes_add(&p->warnings, "plan-regularity-gentle", rule_source("plan-regularity-gentle"),
			  "%s will not help constipation: %s", used->form, rule_text("plan-regularity-gentle"));
}

static void decide_status(const struct plan_input *in, struct plan *p)
{
	const struct profile *pr = in->profile;
	const struct mg_table *conds = tables_get("conditions.tsv");
	for (size_t i = 0; i < pr->n_conditions; i++) {
		long r = table_find(conds, "condition", pr->conditions[i]);
		if (r < 0)
			continue;   /* profile_validate keeps unknown conditions out */
		const char *status = table_cell(conds, (size_t)r, "status");
		raise_status(p, strcmp(status, "clinician") == 0 ? PLAN_CLINICIAN : PLAN_CAUTION);
		notes_add_row(&p->warnings, "conditions.tsv", table_cell(conds, (size_t)r, "id"), "advice", NULL);
	}
	kidney_status(pr, p);
	if (p->targets.age_months < 18 * 12)
		safety_row(p, p->targets.ul_set ? "safety-under-18" : "safety-no-ul");
	if (pr->pregnant || pr->lactating) {
		if (pr->clinician_guided)
			safety_row(p, "safety-guided");
		else
			safety_row(p, pr->pregnant ? "safety-pregnant" : "safety-lactating");
	}
	for (size_t i = 0; i < pr->n_meds; i++) {
		struct med_rule m;
		medicines_lookup(pr->meds[i].name, &m);
		if (strcmp(m.status, "clinician") == 0)
			raise_status(p, PLAN_CLINICIAN);
		else if (strcmp(m.status, "caution") == 0)
			raise_status(p, PLAN_CAUTION);
		/* One note per class a medicine belongs to (a combination has
		 * several), each with its own rule; an unknown name says so. */
		for (size_t k = 0; k < m.n_parts; k++) {
			const struct med_part *part = &m.parts[k];
			int seen = 0;
			for (size_t j = 0; j < k; j++)
				seen |= strcmp(m.parts[j].class_id, part->class_id) == 0;
			if (seen)
				continue;
			if (!part->drug_id)
				notes_add(&p->warnings, part->class_id, part->source, "mgtrack could not check \"%s\"%s%s%s: %s",
					  m.unknown[0] ? m.unknown : pr->meds[i].name, m.did_you_mean[0] ? " (did you mean " : "",
					  m.did_you_mean, m.did_you_mean[0] ? "?)" : "", part->advice);
			else
				notes_add(&p->warnings, part->class_id, part->source, "%s: %s", pr->meds[i].name, part->advice);
		}
	}
	if (pr->zinc_mg > th("zinc-ul-mg"))
		notes_add(&p->warnings, "plan-zinc", rule_source("plan-zinc"),
			  "zinc %.0f mg a day is above %.0f mg, the adult upper limit for zinc: %s", pr->zinc_mg,
			  th("zinc-ul-mg"), rule_text("plan-zinc"));
	if (in->red_flag)
		safety_row(p, "safety-red-flag");
	if (has_goal(pr, "cramps"))
		rule(&p->warnings, "plan-cramps");
}

/* ---- 3. form and product ---- */

static void choose_form(const struct plan_input *in, struct plan *p)
{
	const struct profile *pr = in->profile;
	const struct mg_table *t = tables_get("form-choice.tsv");
	int heart = heart_rhythm_concern(pr);
	long chosen = -1;
	for (size_t r = 0; r < t->nrows && chosen < 0; r++) {
		const char *goal = table_cell(t, r, "goal");
		const char *when = table_cell(t, r, "when");
		int goal_ok = strcmp(goal, "none") == 0 || has_goal(pr, goal);
		int when_ok = strcmp(when, "any") == 0 || (strcmp(when, "heart-rhythm") == 0 && heart) ||
			      (strcmp(when, "gi-sensitive") == 0 && pr->gi_sensitive);
		if (goal_ok && when_ok)
			chosen = (long)r;
	}
	struct mg_err e = {0};
	/* form-choice.tsv names forms in forms.tsv (checked by u-tables). */
	forms_lookup(table_cell(t, (size_t)chosen, "form"), "", &p->form, &e);
	notes_add(&p->explain, table_cell(t, (size_t)chosen, "id"), table_cell(t, (size_t)chosen, "source"),
		  "form: %s", p->form.form);
}

/* ---- 2. the daily dose, and 3. the product that gives it ---- */

/* Whether n pieces of q mg a day lay out in intakes the split rule allows,
 * with schedule() giving the evening intake the larger share: one intake
 * of at most plan-split-above-mg, or two whose larger is at most that or
 * half the day's dose, whichever is more (at the 350 mg limit, 175 + 175).
 * So three 100 mg capsules are never 200 mg at night and 100 at lunch:
 * absorption falls as a single dose grows (Fine 1991). */
static int lays_out(long n, double q)
{
	double split = th("plan-split-above-mg");
	if (n * q <= split + 1e-6)
		return 1;
	double larger = ceil(n * th("plan-evening-share") - 1e-9) * q;
	return n >= 2 && larger <= fmax(split, n * q / 2) + 1e-6;
}

double plan_fit_dose(double piece_mg, double mg, double lo, double hi)
{
	double q = piece_mg > 0 ? piece_mg : th("plan-round-mg");
	/* Enough pieces to pass mg and lo; hi may be unbounded (no limit). */
	double top = fmin(hi, 2 * fmax(mg, lo)) + 2 * q;
	long most = (long)fmax(fmin(floor(top / q), 100000), 2);
	long best = 0, first = 0;
	for (long n = 1; n <= most; n++) {
		if (!lays_out(n, q))
			continue;
		if (!first)
			first = n;
		if (n * q > hi + 1e-6)
			break;
		/* The nearest; on a tie the lower, which is the careful one. */
		if (!best || fabs(n * q - mg) < fabs(best * q - mg) - 1e-9)
			best = n;
	}
	if (!best)
		return first * q;
	/* At least lo where the pieces allow it under hi, else the most they give. */
	for (long n = best + 1; best * q < lo - 1e-6 && n * q <= hi + 1e-6; n++)
		if (lays_out(n, q))
			best = n;
	return best * q;
}

/* Supplemental magnesium from other sources a day: the products the person
 * takes besides the plan's own (marked as taken, or logged), which count
 * against the same upper limit. own is the plan's product (NULL: none). */
static double other_mg(const struct plan_input *in, const struct product *own, struct strbuf *names)
{
	double sum = 0;
	for (size_t i = 0; i < in->n_others; i++) {
		const struct plan_other *o = &in->others[i];
		if ((own && o->product_id == own->id) || !(o->mg_per_day > 0))
			continue;
		sum += o->mg_per_day;
		if (names)
			strbuf_addf(names, "%s%s %.0f mg", names->len ? ", " : "", o->name, o->mg_per_day);
	}
	return sum;
}

/* What one product makes of the rules' dose (NULL: no product, doses in
 * plan-round-mg steps). basis is the gap, or the food-unknown dose. */
struct fit {
	double piece;          /* the smallest dose it gives: a unit, or half a scored tablet */
	double room;           /* under the upper limit less the other supplements; HUGE_VAL without one */
	double want;           /* the rules' daily dose: basis, at least the minimum, within room */
	double most;           /* the most a day rounding may reach */
	double daily;          /* 0: the limit is reached, nothing is added */
	double start_want;     /* the planned start: about half the daily dose, at least plan-start-mg */
	double start;
	int start_above;       /* one piece is above the planned start: the plan starts at it, and says so */
	char why[320];         /* "" when it fits; else why it is too strong */
};

/* What bounds `most`, for the sentences: the limit, the gap or the minimum. */
static void most_words(const struct plan *p, const struct fit *f, double basis, char *out, size_t n)
{
	double lo = th("plan-min-dose-mg"), over = th("plan-fit-gap-max");
	if (f->most >= f->room - 1e-6)
		snprintf(out, n, "%.0f mg a day %s", f->most, f->room < p->targets.supplement_ul_mg - 1e-6
			 ? "left under the upper limit by your other supplements" : "the upper limit for supplements allows");
	else if (!p->food_known)
		snprintf(out, n, "%.0f mg a day the conservative %.0f mg plan allows (%g times it)", f->most, basis, over);
	else if (f->most <= lo + 1e-6)
		snprintf(out, n, "%.0f mg a day a %.0f mg gap allows (the %.0f mg minimum)", f->most, basis, lo);
	else
		snprintf(out, n, "%.0f mg a day your %.0f mg gap allows (%g times it)", f->most, basis, over);
}

static void fit_product(const struct plan_input *in, const struct plan *p, const struct product *pr,
			const struct product_mg *mg, double basis, struct fit *f)
{
	double lo = th("plan-min-dose-mg"), split = th("plan-split-above-mg");
	memset(f, 0, sizeof(*f));
	f->piece = pr ? product_piece_mg(pr, mg) : th("plan-round-mg");
	f->room = p->targets.ul_set ? p->targets.supplement_ul_mg - other_mg(in, pr, NULL) : HUGE_VAL;
	if (f->room < lo - 1e-6)
		return;   /* the limit is reached: decide_dose says so */
	f->want = fmin(fmax(basis, lo), f->room);
	f->most = fmin(f->room, fmax(th("plan-fit-gap-max") * basis, lo));
	f->daily = plan_fit_dose(f->piece, f->want, lo, f->most);
	char one[48], most[160];
	snprintf(one, sizeof(one), "%s is %.0f mg", pr && pr->divisible ? "half a tablet" : "one unit", f->piece);
	if (f->daily > f->most + 1e-6) {
		most_words(p, f, basis, most, sizeof(most));
		if (f->piece > f->most + 1e-6)
			snprintf(f->why, sizeof(f->why), "%s, more than the %s", one, most);
		else
			snprintf(f->why, sizeof(f->why), "%s, more than the %.0f mg one intake may hold, and two are %.0f mg,"
				 " more than the %s", one, split, 2 * f->piece, most);
		return;
	}
	f->start_want = fmin(f->daily, fmax(f->daily * th("plan-start-share"), th("plan-start-mg")));
	f->start = plan_fit_dose(f->piece, f->start_want, lo, f->start_want);
	if (f->start <= f->start_want + 1e-6)
		return;
	/* No dose at or under the planned start: one piece a little above it
	 * is still a low start, said plainly; more is too strong to start. */
	if (f->start <= f->piece + 1e-6 && f->piece <= th("plan-fit-start-max") * f->start_want + 1e-6) {
		f->start_above = 1;
		f->start = fmin(f->start, f->daily);
	} else if (f->piece > split + 1e-6) {
		snprintf(f->why, sizeof(f->why), "%s, more than the %.0f mg one intake may hold, so the plan cannot start low"
			 " with it (about %.0f mg)", one, split, f->start_want);
	} else {
		snprintf(f->why, sizeof(f->why), "%s, more than %g times the %.0f mg to start with", one,
			 th("plan-fit-start-max"), f->start_want);
	}
}

/* Between two products of the same rank, the one that keeps closer to the
 * rules: a start at or under the planned one, then a daily dose nearer the
 * one the rules want (100 mg capsules for a 200 mg plan from 100, rather
 * than a 150 mg half tablet from day 1). */
static int fits_better(const struct fit *a, const struct fit *b)
{
	if (a->start_above != b->start_above)
		return !a->start_above;
	return fabs(a->daily - a->want) < fabs(b->daily - b->want) - 1e-6;
}

/* Picks the user's product: the suggested form first, then any other
 * product whose form may be recommended, among those whose units give the
 * dose within the rules (the better fit within a rank); never oxide, never
 * one taken regularly. *chosen is what the chosen product (or none) makes
 * of the dose. A product too strong for the plan is remembered, the
 * best-ranked one, to be said. */
static void choose_product(const struct plan_input *in, struct plan *p, double basis, struct fit *chosen)
{
	const struct product *best = NULL;
	struct product_mg best_mg;
	int best_rank = 99, strong_rank = 99;
	for (size_t i = 0; i < in->n_products; i++) {
		const struct product *pr = &in->products[i];
		struct product_mg mg;
		struct mg_err e = {0};
		if (product_magnesium(pr, &mg, &e) < 0)
			continue;
		const char *why = NULL;
		struct fit f;
		fit_product(in, p, pr, &mg, basis, &f);
		if (strcmp(mg.form.form, "oxide") == 0)
			why = "magnesium oxide is poorly absorbed and never recommended";
		else if (pr->taking_servings > 0)
			why = "you already take it regularly, so it counts as another source";
		else if (f.why[0])
			why = f.why;
		int rank = strcmp(mg.form.form, p->form.form) == 0 ? 0 : mg.form.recommend ? 1 : 2;
		if (why == f.why && rank < strong_rank) {
			p->too_strong = pr;
			mg_strlcpy(p->too_strong_why, f.why, sizeof(p->too_strong_why));
			strong_rank = rank;
		}
		if (why) {
			notes_add(&p->explain, "plan-product-skipped", rule_source("plan-product-skipped"), "product \"%s\" not used: %s", pr->name, why);
			continue;
		}
		if (rank < best_rank || (rank == best_rank && fits_better(&f, chosen))) {
			best = pr;
			best_mg = mg;
			best_rank = rank;
			*chosen = f;
		}
	}
	if (!best) {
		if (!p->too_strong)
			rule(&p->explain, "plan-no-product");
		fit_product(in, p, NULL, NULL, basis, chosen);
		return;
	}
	p->too_strong = NULL;   /* another product gives the dose: nothing to warn about */
	p->product = best;
	p->product_mg = best_mg;
	if (best_rank > 0)
		notes_add(&p->explain, "plan-product-form", rule_source("plan-product-form"), "product \"%s\" is %s, not %s: it is used because it is yours",
			  best->name, best_mg.form.form, p->form.form);
}

/* "200 mg a day, starting at 100 mg", or "150 mg a day from day 1". */
static void dose_words(double daily, double start, char *out, size_t n)
{
	if (start < daily - 1e-6)
		snprintf(out, n, "%.0f mg a day, starting at %.0f mg", daily, start);
	else
		snprintf(out, n, "%.0f mg a day from day 1", daily);
}

/* The warning for a product too strong for the plan: what it gives, the
 * dose the plan keeps in elemental magnesium, and what would do instead. */
static void too_strong(const struct plan_input *in, struct plan *p, const struct fit *mg_plan, double basis)
{
	const struct product *pr = p->too_strong;
	struct product_mg mg;
	struct mg_err e = {0};
	char plan[80], halves[256] = "";
	dose_words(mg_plan->daily, mg_plan->start, plan, sizeof(plan));
	if (!pr->divisible && product_magnesium(pr, &mg, &e) == 0) {
		/* Would half tablets fit? Then a scored one only needs saying so. */
		struct product scored = *pr;
		struct fit f;
		scored.divisible = 1;
		fit_product(in, p, &scored, &mg, basis, &f);
		if (!f.why[0])
			snprintf(halves, sizeof(halves), ", or, if it is a scored tablet, mark it with 'mgtrack product set \"%s\""
				 " --divisible' so the plan can use half tablets", pr->name);
	}
	raise_status(p, PLAN_CAUTION);
	notes_add(&p->warnings, "plan-product-too-strong", rule_source("plan-product-too-strong"),
		  "product \"%s\" is too strong for this plan: %s; %s. The plan keeps %s, in elemental magnesium: look"
		  " for one with units of at most %.0f mg%s", pr->name, p->too_strong_why, rule_text("plan-product-too-strong"),
		  plan, fmin(mg_plan->start, th("plan-split-above-mg")), halves);
}

static double decide_dose(const struct plan_input *in, struct plan *p, double *start)
{
	double lo = th("plan-min-dose-mg");
	double ul = p->targets.supplement_ul_mg;
	double basis;
	*start = 0;
	/* The training uplift (target above the RDA) is a food target first
	 * (facts sheet section 1): the food lines aim at the whole gap, the
	 * supplement at most at the gap to the RDA. */
	double uplift = p->targets.target_mg - p->targets.rda_mg;
	double to_rda = p->targets.rda_mg - p->food_mg;
	if (!in->food_known) {
		basis = th("plan-unknown-food-mg");
	} else if (p->gap_mg <= 0) {
		rule(&p->explain, "plan-gap-covered");
		return 0;
	} else if (uplift > 0 && to_rda <= 0) {
		notes_add(&p->explain, "plan-training-food-first", rule_source("plan-training-food-first"),
			  "%s: your food (%.0f mg) meets the RDA (%.0f mg); the %.0f mg left of your training target is"
			  " for food, so no supplement is planned", rule_text("plan-training-food-first"), p->food_mg,
			  p->targets.rda_mg, p->gap_mg);
		return 0;
	} else {
		basis = p->gap_mg;
		if (uplift > 0) {
			basis = to_rda;
			notes_add(&p->explain, "plan-training-food-first", rule_source("plan-training-food-first"),
				  "%s: the supplement closes the %.0f mg to the RDA (%.0f mg); the training uplift of %.0f mg"
				  " is for food", rule_text("plan-training-food-first"), to_rda, p->targets.rda_mg, uplift);
		}
	}
	struct fit f;
	choose_product(in, p, basis, &f);
	if (in->food_known) {
		notes_add(&p->explain, "plan-gap-dose", rule_source("plan-gap-dose"),
			  "%s: target %.0f mg - food %.0f mg = gap %.0f mg", rule_text("plan-gap-dose"),
			  p->targets.target_mg, p->food_mg, p->gap_mg);
		if (basis < lo)
			rule(&p->explain, "plan-min-dose");
	}
	struct strbuf names;
	strbuf_init(&names);
	double other = other_mg(in, p->product, &names);
	if (!(f.daily > 0)) {
		/* Nothing fits under the limit: the plan adds nothing and says why. */
		raise_status(p, PLAN_CAUTION);
		notes_add(&p->warnings, "plan-ul-reached", rule_source("plan-ul-reached"),
			  "your other supplements give %.0f mg a day (%s) of the %.0f mg upper limit [%s]: %s", other,
			  strbuf_str(&names), ul, p->targets.ul.id, rule_text("plan-ul-reached"));
		strbuf_release(&names);
		p->too_strong = NULL;
		return 0;
	}
	if (other > 0)
		notes_add(&p->explain, "plan-ul-others", rule_source("plan-ul-others"),
			  "%s: %s, %.0f mg a day in all, leave %.0f mg under the %.0f mg limit", rule_text("plan-ul-others"),
			  strbuf_str(&names), other, ul - other, ul);
	strbuf_release(&names);
	if (fmax(basis, lo) > f.room + 1e-6)
		notes_add(&p->explain, "plan-ul-cap", p->targets.ul.source, "%s (%s: %.0f mg/day%s)",
			  rule_text("plan-ul-cap"), p->targets.ul.id, ul, other > 0 ? ", less your other supplements" : "");
	/* The explanation names the doses actually planned. */
	char words[80];
	dose_words(f.daily, f.start, words, sizeof(words));
	if (!in->food_known) {
		char usual[96] = "";
		if (p->product && (fabs(f.daily - basis) > 1e-6 || fabs(f.start - th("plan-start-mg")) > 1e-6))
			snprintf(usual, sizeof(usual), ", as your product gives it (the conservative dose is %.0f mg, starting"
				 " at %.0f mg)", basis, th("plan-start-mg"));
		notes_add(&p->explain, "plan-food-unknown", rule_source("plan-food-unknown"), "%s: %s%s (%d day%s logged)",
			  rule_text("plan-food-unknown"), words, usual, in->food_days_logged,
			  in->food_days_logged == 1 ? "" : "s");
	}
	if (p->product) {
		char piece[64];
		snprintf(piece, sizeof(piece), p->product->divisible ? "%.0f mg in half a tablet" : "%.0f mg a unit", f.piece);
		notes_add(&p->explain, "plan-product-fit", rule_source("plan-product-fit"), "%s: \"%s\" gives %s, so %s"
			  " (at most %.0f mg a day)", rule_text("plan-product-fit"), p->product->name, piece, words, f.most);
		if (f.start_above)
			notes_add(&p->warnings, "plan-start-unit", rule_source("plan-start-unit"),
				  "%s of \"%s\" is %.0f mg, more than the %.0f mg start: %s%s%s%s", p->product->divisible ?
				  "half a tablet" : "one unit", p->product->name, f.piece, f.start_want, rule_text("plan-start-unit"),
				  p->product->divisible ? "" : "; if it is a scored tablet, 'mgtrack product set \"",
				  p->product->divisible ? "" : p->product->name,
				  p->product->divisible ? "" : "\" --divisible' lets the plan start at half of one");
	} else if (p->too_strong) {
		too_strong(in, p, &f, basis);
	}
	*start = f.start;
	return f.daily;
}

/* ---- 5. times and medicine windows ---- */

static int wrap(int t)
{
	return ((t % DAY_MIN) + DAY_MIN) % DAY_MIN;
}

int plan_window_contains(const struct plan_window *w, int t)
{
	/* Closed at the medicine's own time: with gabapentin the window runs
	 * from 2 h before to the dose itself, and the dose time is never a
	 * magnesium time. Its far edges stay open: exactly 2 h is allowed. */
	if (wrap(t) == wrap(w->med_time))
		return 1;
	int len = wrap(w->avoid_to - w->avoid_from);
	int off = wrap(t - w->avoid_from);
	return off > 0 && off < len;
}

int plan_window_applies(const struct plan_window *w, int weekday)
{
	/* weekday -1 is an ordinary day: only the every-day windows. */
	return w->weekday < 0 || w->weekday == weekday;
}

/* Whether t is inside any window that applies on weekday wd. */
static int in_windows(const struct plan *p, int t, int wd, const char **medicine)
{
	for (size_t i = 0; i < p->n_windows; i++)
		if (plan_window_applies(&p->windows[i], wd) && plan_window_contains(&p->windows[i], t)) {
			if (medicine)
				*medicine = p->windows[i].medicine;
			return 1;
		}
	return 0;
}

static int circular(int a, int b)
{
	int d = abs(wrap(a) - wrap(b));
	return d > DAY_MIN / 2 ? DAY_MIN - d : d;
}

/* Minutes from t to the nearest dose of a medicine whose window applies:
 * the least-bad time, when no time is clear, is the one furthest from
 * every medicine dose. */
static int nearest_medicine(const struct plan *p, int t, int wd)
{
	int best = DAY_MIN;
	for (size_t i = 0; i < p->n_windows; i++)
		if (plan_window_applies(&p->windows[i], wd)) {
			int d = circular(t, p->windows[i].med_time);
			if (d < best)
				best = d;
		}
	return best;
}

size_t plan_medicine_windows(const struct profile *pr, struct plan_window *out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < pr->n_meds; i++) {
		struct med_rule m;
		medicines_lookup(pr->meds[i].name, &m);
		if (!med_rule_spaces(&m))
			continue;
		int weekday = profile_med_weekday(&pr->meds[i]);
		const char *t = pr->meds[i].times;
		while (*t && *t != '/' && n < max) {
			char hhmm[8];
			size_t l = strcspn(t, ",/");
			mg_strlcpy(hhmm, t, l + 1 < sizeof(hhmm) ? l + 1 : sizeof(hhmm));
			int at;
			if (mg_parse_hhmm(hhmm, &at) == 0) {
				struct plan_window *w = &out[n++];
				mg_strlcpy(w->medicine, pr->meds[i].name, sizeof(w->medicine));
				w->med_time = at;
				w->avoid_from = wrap(at - (int)lround(m.mg_first_h * 60));
				w->avoid_to = wrap(at + (int)lround(m.med_first_h * 60));
				w->rule = m.class_id;
				w->weekday = weekday;
			}
			t += l + (t[l] == ',');
		}
	}
	return n;
}

static void build_windows(const struct profile *pr, struct plan *p)
{
	p->n_windows = plan_medicine_windows(pr, p->windows, PLAN_MAX_WINDOWS);
}

/* Whether t keeps at least `gap` minutes from the day's other placed doses
 * (gap 1: only a different time). */
static int far_from(const struct plan_schedule *s, size_t self, int t, int gap)
{
	for (size_t i = 0; i < s->n_doses; i++) {
		if (i == self || s->doses[i].time < 0)
			continue;
		if (circular(s->doses[i].time, t) < gap)
			return 0;
	}
	return 1;
}

/* The slot name for a time of day, for a dose that had to move. */
static const char *slot_at(int t)
{
	return t < 12 * 60 ? "morning" : t < 17 * 60 ? "afternoon" : "evening";
}

/* The last minute of the waking day a dose may take (an hour before bed),
 * counted from wake so that a day past midnight is one range. */
static int last_dose_time(const struct plan *p)
{
	return p->bed > p->wake ? p->bed - 60 : p->bed - 60 + DAY_MIN;
}

/* Places dose i at its preferred time when that is clear of every window
 * applying on weekday wd, else at the clear waking time nearest to it:
 * first keeping plan-min-gap-min from the day's other dose, then half of
 * that, then any other clear time, then (may_share) the other dose's own
 * time: the caller makes them one intake. With no
 * clear time at all, the least-bad time: the waking minute furthest from
 * every medicine dose, never at one, never where the other dose is. */
static void place_dose(const struct plan *p, struct plan_schedule *s, size_t i, int pref, int wd, int may_share)
{
	struct plan_dose *d = &s->doses[i];
	int gap = (int)th("plan-min-gap-min");
	const int gaps[4] = {gap, gap / 2, 1, 0};
	in_windows(p, pref, wd, &d->moved_for);
	int last = last_dose_time(p);
	for (int pass = 0; pass < (may_share ? 4 : 3); pass++) {
		int need = gaps[pass];
		if (!in_windows(p, pref, wd, NULL) && (!need || far_from(s, i, pref, need))) {
			d->time = wrap(pref);
			return;
		}
		int best = -1, best_dist = DAY_MIN * 2;
		for (int t = p->wake; t <= last; t += 15) {
			int tt = wrap(t);
			if (in_windows(p, tt, wd, NULL) || (need && !far_from(s, i, tt, need)))
				continue;
			int dist = circular(tt, pref);
			if (dist < best_dist) {
				best = tt;
				best_dist = dist;
			}
		}
		if (best >= 0) {
			d->time = best;
			d->moved = 1;
			return;
		}
	}
	int best = -1, best_score = -1, best_far = 0;
	for (int t = p->wake; t <= last; t += 15) {
		int tt = wrap(t), score = nearest_medicine(p, tt, wd);
		if (score == 0 || !far_from(s, i, tt, 1))
			continue;   /* never at a medicine's own time, nor on the other dose */
		int far = far_from(s, i, tt, gap);
		if (score > best_score || (score == best_score && far > best_far) ||
		    (score == best_score && far == best_far && circular(tt, pref) < circular(best, pref))) {
			best = tt;
			best_score = score;
			best_far = far;
		}
	}
	d->time = best >= 0 ? best : wrap(pref);
	d->moved = d->time != wrap(pref);
	d->conflict = 1;
}

/* unit_mg here is the product's smallest piece (a unit, or half a scored
 * tablet), 0 without a product: units counts pieces until lay_out turns
 * them into units. */
static void add_dose(struct plan_schedule *s, double unit_mg, int time, double mg, const char *slot)
{
	struct plan_dose *d = &s->doses[s->n_doses++];
	memset(d, 0, sizeof(*d));
	d->time = wrap(time);
	d->elemental_mg = mg;
	d->units = unit_mg > 0 ? round(mg / unit_mg) : 0;
	d->with_food = 1;
	d->slot = slot;
}

/* How far the person's day is shifted from the usual one: 0 when the
 * clock anchors (lunch at plan-afternoon-time) fall in their waking hours,
 * else the minutes from the default wake time to theirs, so that a night
 * worker waking at 15:00 takes the "lunch" intake six hours after waking,
 * as a day worker would, and never while asleep. */
static int day_shift(const struct plan *p)
{
	int awake = wrap(last_dose_time(p) - p->wake);
	int lunch = wrap((int)th("plan-afternoon-time") - p->wake);
	if (lunch >= (int)th("plan-shift-after-wake-min") && lunch <= awake - (int)th("plan-shift-before-last-min"))
		return 0;
	return wrap(p->wake - (int)th("plan-default-wake"));
}

/* The first training session that is "morning" training in the person's
 * own day, or -1. */
static int morning_training(const struct profile *pr, int shift)
{
	for (size_t i = 0; i < pr->n_train; i++)
		if (wrap(pr->train_at[i] - shift) < (int)th("plan-morning-training-before"))
			return pr->train_at[i];
	return -1;
}

/* The medicines whose window t is in, for a warning ("levothyroxine,
 * penicillamine"). */
static void windows_at(const struct plan *p, int t, int wd, struct strbuf *meds)
{
	for (size_t w = 0; w < p->n_windows; w++)
		if (plan_window_applies(&p->windows[w], wd) && plan_window_contains(&p->windows[w], t) &&
		    !mg_has_any_word(strbuf_str(meds), p->windows[w].medicine))
			strbuf_addf(meds, "%s%s", meds->len ? ", " : "", p->windows[w].medicine);
}

/* Places the laid-out doses (their preferred times in .time) around the
 * windows of weekday wd, the evening one first: its timing matters most
 * for sleep. Two intakes that can only share one time become one intake
 * when that stays within the split threshold. Returns 1 when merged. */
static int place_all(struct plan *p, struct plan_schedule *s, int wd)
{
	int pref[PLAN_MAX_DOSES];
	for (size_t i = 0; i < s->n_doses; i++) {
		pref[i] = s->doses[i].time;
		s->doses[i].time = -1;   /* unplaced: far_from ignores it */
		s->doses[i].moved = s->doses[i].conflict = 0;
		s->doses[i].moved_for = NULL;
	}
	for (size_t i = 0; i < s->n_doses; i++)
		place_dose(p, s, i, pref[i], wd, 1);
	int merged = 0;
	if (s->n_doses == 2 && s->doses[0].time == s->doses[1].time) {
		/* Only one time is clear: one intake, never above the split
		 * threshold (the rest would need a second time, and there is
		 * none that keeps clear of the medicines). */
		double split = th("plan-split-above-mg");
		s->doses[0].elemental_mg += s->doses[1].elemental_mg;
		s->doses[0].units += s->doses[1].units;
		s->n_doses = 1;
		merged = 1;
		if (s->doses[0].elemental_mg > split + 1e-6) {
			double per = s->doses[0].units > 0 ? s->doses[0].elemental_mg / s->doses[0].units : 0;
			double cap = plan_fit_dose(per, split, 0, split);
			if (cap > split + 1e-6)
				cap = s->doses[0].elemental_mg;   /* one unit is above it: cannot be lowered */
			s->doses[0].units = per > 0 ? round(cap / per) : 0;
			s->doses[0].elemental_mg = cap;
			s->daily_mg = cap;
			merged = 2;
		}
	}
	/* Doses in the order of the person's day (from waking). */
	if (s->n_doses == 2 && wrap(s->doses[0].time - p->wake) > wrap(s->doses[1].time - p->wake)) {
		struct plan_dose tmp = s->doses[0];
		s->doses[0] = s->doses[1];
		s->doses[1] = tmp;
	}
	return merged;
}

/* Lays out `daily` mg in one or two intakes. A dose is split above
 * plan-split-above-mg, or when min_intakes asks for two, but only when
 * whole pieces make two non-empty intakes: a single tablet is never cut
 * into a "0 units" intake (plan_fit_dose never plans one above the
 * split threshold). */
static void schedule(const struct plan_input *in, struct plan *p, double daily, int from_day,
		     struct plan_schedule *s, int explain, double unit_mg, int min_intakes)
{
	const struct profile *pr = in->profile;
	memset(s, 0, sizeof(*s));
	s->from_day = from_day;
	s->daily_mg = daily;
	double unit = unit_mg > 0 ? unit_mg : th("plan-round-mg");
	double n_units = round(daily / unit);
	int sleep = has_goal(pr, "sleep");
	int shift = day_shift(p);
	int trained = morning_training(pr, shift), morning = trained >= 0;
	int evening = p->bed - (int)th("plan-evening-before-bed-min");
	int lunch = (int)th("plan-afternoon-time") + shift;
	int day = morning ? trained + (int)th("plan-post-workout-min") : lunch;
	const char *day_slot = morning ? "post-workout" : "afternoon";
	if (explain && shift)
		notes_add(&p->explain, "plan-shift-day", rule_source("plan-shift-day"), "%s", rule_text("plan-shift-day"));
	if ((daily > th("plan-split-above-mg") || min_intakes > 1) && n_units >= 2) {
		double ev = ceil(n_units * th("plan-evening-share")) * unit;
		add_dose(s, unit_mg, evening, ev, "evening");
		add_dose(s, unit_mg, day, daily - ev, day_slot);
		if (explain) {
			rule(&p->explain, "plan-split");
			if (sleep)
				rule(&p->explain, "plan-evening-sleep");
			if (morning)
				rule(&p->explain, "plan-morning-training");
		}
	} else if (morning && !sleep) {
		add_dose(s, unit_mg, day, daily, day_slot);
		if (explain)
			rule(&p->explain, "plan-morning-training");
	} else if (!sleep && (has_goal(pr, "energy") || has_goal(pr, "focus"))) {
		add_dose(s, unit_mg, lunch, daily, "afternoon");
		if (explain)
			rule(&p->explain, "plan-single-daytime");
	} else {
		add_dose(s, unit_mg, evening, daily, "evening");
		if (explain)
			rule(&p->explain, sleep ? "plan-evening-sleep" : "plan-single-evening");
	}
	int merged = place_all(p, s, -1);
	if (!explain)
		return;
	if (merged && !s->doses[0].conflict) {
		char at[8];
		mg_format_hhmm(s->doses[0].time, at, sizeof(at));
		if (merged == 2)
			notes_add(&p->warnings, "plan-one-clear-time", rule_source("plan-one-clear-time"),
				  "%.0f mg a day in one intake at %s, not %.0f mg: %s", s->daily_mg, at, daily,
				  rule_text("plan-one-clear-time"));
		else
			notes_add(&p->warnings, "plan-moved", rule_source("plan-moved"),
				  "the day's dose is taken in one intake at %s: it is the only time clear of your medicines", at);
	}
	/* No clear time is never "ok"; for a chelating agent, whose effect
	 * depends on the spacing, the prescriber decides, and no dose time is
	 * offered at all. */
	const char *chelator = NULL;
	for (size_t i = 0; i < s->n_doses; i++)
		for (size_t w = 0; w < p->n_windows && s->doses[i].conflict; w++)
			if (plan_window_applies(&p->windows[w], -1) && plan_window_contains(&p->windows[w], s->doses[i].time) &&
			    strcmp(p->windows[w].rule, "med-penicillamine") == 0)
				chelator = p->windows[w].medicine;
	if (chelator) {
		raise_status(p, PLAN_CLINICIAN);
		notes_add(&p->warnings, "plan-no-window-chelator", rule_source("plan-no-window-chelator"),
			  "no time of your waking day is clear of %s: %s", chelator, rule_text("plan-no-window-chelator"));
	}
	for (size_t i = 0; i < s->n_doses; i++) {
		const struct plan_dose *d = &s->doses[i];
		char at[8];
		mg_format_hhmm(d->time, at, sizeof(at));
		if (d->conflict && !chelator) {
			struct strbuf meds;
			strbuf_init(&meds);
			windows_at(p, d->time, -1, &meds);
			int near = nearest_medicine(p, d->time, -1);
			notes_add(&p->warnings, "plan-no-window", rule_source("plan-no-window"),
				  "no time of your waking day is clear of %s: the %s dose at %s is the furthest from your"
				  " medicine doses (%d h %02d min from the nearest). %s", strbuf_str(&meds), slot_at(d->time), at,
				  near / 60, near % 60, rule_text("plan-no-window"));
			raise_status(p, PLAN_CAUTION);
			strbuf_release(&meds);
		} else if (d->conflict) {
			continue;
		} else if (d->moved) {
			if (d->moved_for)
				notes_add(&p->explain, "plan-moved", rule_source("plan-moved"),
					  "the %s dose moves to %s, out of the hours around %s", d->slot, at, d->moved_for);
			else
				notes_add(&p->explain, "plan-min-gap-min", tables_threshold_source("plan-min-gap-min"),
					  "the %s dose moves to %s, to keep the day's intakes at least %.0f h apart",
					  d->slot, at, th("plan-min-gap-min") / 60);
		}
	}
	rule(&p->explain, "plan-with-food");
}

/* A dose that moved keeps the name of where it landed, not of where it
 * was meant to go (an "evening" dose at 14:00 would mislead). */
static void relabel_moved(struct plan_schedule *s)
{
	for (size_t i = 0; i < s->n_doses; i++)
		if (s->doses[i].moved || s->doses[i].conflict)
			s->doses[i].slot = slot_at(s->doses[i].time);
}

/* schedule() in the product's pieces (halves of a scored tablet), then
 * each intake's pieces as units of the product: 1.5 tablets, never 0. */
static void lay_out(const struct plan_input *in, struct plan *p, double daily, int from_day, struct plan_schedule *s,
		    int explain, double unit_mg, int divisible, int min_intakes)
{
	double piece = unit_mg > 0 && divisible ? unit_mg / 2 : unit_mg;
	schedule(in, p, daily, from_day, s, explain, piece, min_intakes);
	for (size_t i = 0; i < s->n_doses; i++)
		s->doses[i].units = unit_mg > 0 ? product_units_round(s->doses[i].elemental_mg / unit_mg, divisible) : 0;
}

/* ---- 6. the day-by-day plan ---- */

/* The from_day of timeline.tsv row id (the checkpoint days). */
static int timeline_day(const char *id)
{
	const struct mg_table *t = tables_get("timeline.tsv");
	long d = 0;
	mg_parse_long(table_cell(t, (size_t)table_find(t, "id", id), "from_day"), 0, 10000, &d);
	return (int)d;
}

static const char *nth_practice(const char *kind, int n)
{
	const struct mg_table *t = tables_get("practices.tsv");
	size_t count = 0;
	for (size_t r = 0; r < t->nrows; r++)
		count += strcmp(table_cell(t, r, "kind"), kind) == 0;
	if (!count)
		return NULL;
	size_t want = (size_t)n % count;
	for (size_t r = 0; r < t->nrows; r++)
		if (strcmp(table_cell(t, r, "kind"), kind) == 0 && want-- == 0)
			return table_cell(t, r, "id");
	return NULL;
}

/* Moves, for weekday wd, the doses of s that fall in a window of a weekly
 * medicine taken that day; the other doses and every amount stay. Returns
 * how many moved. */
static int retime_weekday(const struct plan *p, struct plan_schedule *s, int wd)
{
	int moved = 0;
	for (size_t i = 0; i < s->n_doses; i++) {
		const char *med = NULL;
		if (!in_windows(p, s->doses[i].time, wd, &med))
			continue;
		int pref = s->doses[i].time;
		s->doses[i].time = -1;
		s->doses[i].moved_for = NULL;
		place_dose(p, s, i, pref, wd, 0);
		s->doses[i].moved = 1;
		if (!s->doses[i].moved_for)
			s->doses[i].moved_for = med;
		s->doses[i].slot = slot_at(s->doses[i].time);
		moved++;
	}
	return moved;
}

static int has_weekly(const struct plan *p, int wd)
{
	for (size_t w = 0; w < p->n_windows; w++)
		if (p->windows[w].weekday >= 0 && p->windows[w].weekday == wd)
			return 1;
	return 0;
}

size_t plan_retime_day(const struct plan *p, long date, int *times, size_t n, const char **moved_for)
{
	int wd = mg_weekday(date);
	if (!has_weekly(p, wd) || n > PLAN_MAX_DOSES)
		return 0;
	struct plan_schedule s;
	memset(&s, 0, sizeof(s));
	s.n_doses = n;
	for (size_t i = 0; i < n; i++)
		s.doses[i].time = times[i];
	size_t moved = (size_t)retime_weekday(p, &s, wd);
	for (size_t i = 0; i < n; i++) {
		if (s.doses[i].time != times[i] && moved_for)
			*moved_for = s.doses[i].moved_for;
		times[i] = s.doses[i].time;
	}
	return moved;
}

/* The day's schedule: the step's own, or on the day of a weekly medicine
 * a copy with the doses in its window moved (said once per weekday). */
static const struct plan_schedule *day_schedule(struct plan *p, struct plan_day *d, const struct plan_schedule *base,
						unsigned *said)
{
	int wd = mg_weekday(d->date);
	if (!base || !has_weekly(p, wd))
		return base;
	d->own = *base;
	if (!retime_weekday(p, &d->own, wd))
		return base;
	/* Said once per weekday and step; a dose left with no clear time
	 * raises the status whether said already or not. */
	unsigned bit = 1u << (wd + 7 * (unsigned)(base - p->steps));
	for (size_t i = 0; i < d->own.n_doses; i++) {
		const struct plan_dose *x = &d->own.doses[i];
		if (x->conflict)
			raise_status(p, PLAN_CAUTION);
		if (!x->moved || (*said & bit))
			continue;
		char at[8], was[8];
		mg_format_hhmm(x->time, at, sizeof(at));
		mg_format_hhmm(base->doses[i].time, was, sizeof(was));
		if (x->conflict) {
			notes_add(&p->warnings, "plan-no-window", rule_source("plan-no-window"),
				  "on %ss no time of your waking day is clear of %s: the %s dose moves to %s, the furthest"
				  " from it. %s", profile_weekday_name(wd), x->moved_for, was, at, rule_text("plan-no-window"));
			raise_status(p, PLAN_CAUTION);
		} else {
			notes_add(&p->warnings, "plan-weekly", rule_source("plan-weekly"), "on %ss the %s dose moves to %s, out"
				  " of the hours around %s: %s", profile_weekday_name(wd), was, at, x->moved_for,
				  rule_text("plan-weekly"));
		}
		*said |= bit;
	}
	return &d->own;
}

/* The day's 2-3 food lines: one food the person already eats first (a
 * different one each day), then the ranked suggestions from a point that
 * moves two places a day, so a week holds many different foods, until the
 * day's lines reach the food goal. One usual serving each; a food eaten
 * most days counts only what its bigger portion adds (adds_mg), since its
 * usual amount is in the food average already. */
static void day_foods(const struct plan_input *in, const struct plan *p, size_t day, struct plan_day *d)
{
	size_t most = (size_t)th("plan-day-foods-max"), least = (size_t)th("plan-day-foods-min");
	size_t n_logged = 0, n_other = 0;
	for (size_t k = 0; k < in->n_foods; k++) {
		n_logged += in->foods[k].logged != 0;
		n_other += in->foods[k].logged == 0;
	}
	d->n_foods = 0;
	d->foods_mg = 0;
	if (most > PLAN_DAY_FOODS)
		most = PLAN_DAY_FOODS;
	if (n_logged) {
		size_t want = day % n_logged;
		for (size_t k = 0; k < in->n_foods; k++)
			if (in->foods[k].logged && want-- == 0) {
				d->foods[d->n_foods++] = &in->foods[k];
				d->foods_mg += in->foods[k].adds_mg;
				break;
			}
	}
	for (size_t step = 0; n_other && step < n_other && d->n_foods < most; step++) {
		if (d->n_foods >= least && d->foods_mg >= p->food_goal_mg - 1e-6)
			break;
		size_t want = (day * 2 + step) % n_other;
		for (size_t k = 0; k < in->n_foods; k++)
			if (!in->foods[k].logged && want-- == 0) {
				d->foods[d->n_foods++] = &in->foods[k];
				d->foods_mg += in->foods[k].adds_mg;
				break;
			}
	}
}

static void build_days(const struct plan_input *in, struct plan *p)
{
	unsigned said = 0;
	p->n_days = (size_t)in->days;
	int suggest_food = in->n_foods && (!p->food_known || p->gap_mg > 0);
	/* Food first: with food known the lines aim at the whole gap; with it
	 * unknown, at what the conservative supplement would give. The
	 * supplement is sized from the food logged, never from these lines,
	 * so nothing is counted twice: as the person eats and logs them, the
	 * gap and the supplement shrink. */
	p->food_goal_mg = !suggest_food ? 0 : p->food_known ? p->gap_mg : th("plan-unknown-food-mg");
	/* Never more than the whole target: a child's target (80 mg at 1-3)
	 * is below the conservative adult dose the unknown-food goal is. */
	if (p->food_goal_mg > p->targets.target_mg)
		p->food_goal_mg = p->targets.target_mg;
	if (suggest_food)
		notes_add(&p->explain, "plan-food-lines", rule_source("plan-food-lines"), "%s: about %.0f mg a day in %.0f-%.0f"
			  " usual servings", rule_text("plan-food-lines"), p->food_goal_mg, th("plan-day-foods-min"),
			  th("plan-day-foods-max"));
	for (size_t i = 0; i < p->n_days; i++) {
		struct plan_day *d = &p->days[i];
		d->day = (int)i + 1;
		d->date = in->today + (long)i;
		for (size_t k = 0; k < p->n_steps; k++)
			if (p->steps[k].from_day <= d->day)
				d->schedule = &p->steps[k];
		d->schedule = day_schedule(p, d, d->schedule, &said);
		if (suggest_food)
			day_foods(in, p, i, d);
		d->movement = nth_practice("movement", (int)i);
		d->breathing = nth_practice("breathing", (int)i);
		d->rest = nth_practice("rest", (int)i);
		d->bed = p->bed;
		d->wake = p->wake;
		d->screens_off = wrap(p->bed - (int)th("plan-screens-off-min"));
	}
}

int plan_compute(const struct plan_input *in, struct plan *p, struct mg_err *e)
{
	const struct profile *pr = in->profile;
	memset(p, 0, sizeof(*p));
	notes_init(&p->warnings);
	notes_init(&p->explain);
	notes_init(&p->label);
	if (in->days < 1 || in->days > PLAN_MAX_DAYS)
		return mg_err_set(e, MG_EUSAGE, "--days \"%d\" is out of range (1 to %d)", in->days, PLAN_MAX_DAYS);
	if (targets_compute(pr, in->today, &p->targets, e) < 0)
		return -1;
	p->wake = pr->wake >= 0 ? pr->wake : (int)th("plan-default-wake");
	p->bed = pr->bed >= 0 ? pr->bed : (int)th("plan-default-bed");
	p->food_known = in->food_known;
	p->food_mg = in->food_mg;
	p->gap_mg = p->targets.target_mg - in->food_mg;
	notes_add(&p->explain, p->targets.rda.id, p->targets.rda.source, "target: %s", p->targets.basis);

	decide_status(in, p);
	choose_form(in, p);
	if (p->status == PLAN_CLINICIAN || p->status == PLAN_PAUSE) {
		if (p->status == PLAN_CLINICIAN)
			rule(&p->explain, "plan-clinician");
	} else {
		double start;
		p->daily_mg = decide_dose(in, p, &start);   /* chooses the product too */
		build_windows(pr, p);
		if (p->n_windows)
			rule(&p->explain, "plan-window");
		double unit = p->product ? p->product_mg.per_unit : 0;
		int divisible = p->product && p->product->divisible;
		/* Loose stools now: the plan stays at its start dose, with no step
		 * up in the days ahead, until stools are formed again. */
		int hold = in->loose_nights >= (int)th("review-loose-nights");
		if (hold && p->daily_mg > 0)
			notes_add(&p->warnings, "plan-loose-hold", rule_source("plan-loose-hold"),
				  "stool form 6-7 on %d of the last 7 nights: %s", in->loose_nights, rule_text("plan-loose-hold"));
		if (p->daily_mg > 0) {
			if (start < p->daily_mg) {
				lay_out(in, p, start, 1, &p->steps[p->n_steps++], hold, unit, divisible, 1);
				if (!hold)
					notes_add(&p->explain, "plan-titrate", rule_source("plan-titrate"),
						  "%s: %.0f mg a day from day 1, %.0f mg from day %d", rule_text("plan-titrate"),
						  start, p->daily_mg, (int)th("plan-step-up-day"));
			}
			if (!hold || start >= p->daily_mg) {
				lay_out(in, p, p->daily_mg, p->n_steps ? (int)th("plan-step-up-day") : 1,
					&p->steps[p->n_steps], 1, unit, divisible, 1);
				p->n_steps++;
			}
			for (size_t k = 0; k < p->n_steps; k++)
				relabel_moved(&p->steps[k]);
			/* A chelating agent with no clear time makes it a clinician's
			 * plan (plan-no-window-chelator): no schedule is offered. */
			if (p->status == PLAN_CLINICIAN) {
				p->n_steps = 0;
				p->daily_mg = 0;
				rule(&p->explain, "plan-clinician");
			}
			/* One clear time can lower the day's dose (plan-one-clear-time). */
			if (p->n_steps && p->steps[p->n_steps - 1].daily_mg < p->daily_mg)
				p->daily_mg = p->steps[p->n_steps - 1].daily_mg;
			if (p->product)
				product_check(p->product, &p->product_mg, p->targets.supplement_ul_mg, p->daily_mg,
					      &p->label);
		}
	}
	p->other_mg = other_mg(in, p->product, NULL);
	if (p->status != PLAN_CLINICIAN)
		rule(&p->explain, "plan-topical");
	p->checkpoint_days[0] = timeline_day("check-day-14");
	p->checkpoint_days[1] = timeline_day("check-day-42");
	build_days(in, p);
	form_claims(in, p);
	return 0;
}

void plan_layout(const struct plan_input *in, struct plan *p, double daily_mg, double unit_mg, int divisible,
		 int min_intakes, struct plan_schedule *out)
{
	lay_out(in, p, daily_mg, 1, out, 0, unit_mg, divisible, min_intakes);
	relabel_moved(out);
}

void plan_release(struct plan *p)
{
	notes_release(&p->warnings);
	notes_release(&p->explain);
	notes_release(&p->label);
}

const char *plan_status_name(enum plan_status s)
{
	switch (s) {
	case PLAN_OK: return "ok";
	case PLAN_CAUTION: return "caution";
	case PLAN_PAUSE: return "pause";
	case PLAN_CLINICIAN: return "clinician";
	}
	return "ok";
}
