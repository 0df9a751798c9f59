/*
 * Doses the product can give (issue 11): the plan rounds its dose to the
 * person's own product, and rounding never overrides the rules. One row
 * per profile (a unit strength, scored or not, a gap or food unknown,
 * other supplements near the limit, a child), each with what the plan
 * should make of it; then a property loop over every unit strength from
 * 10 to 500 mg and every gap from 10 to 400 mg, scored and not.
 *
 * Every plan goes through the same invariants (check_rules): the daily
 * dose at most plan-fit-gap-max times the gap (the minimum dose aside) and
 * never above the room under the upper limit; the start at most the
 * planned start, or one piece a little above it said in a warning; no
 * intake above the split threshold when the dose is split (none above
 * half the day's dose at the 350 mg limit); no intake of 0 mg or 0 units;
 * a product too strong for the plan never used, said plainly, with a
 * smaller unit to look for that does fit; and the explanation naming the
 * doses that are planned.
 */
#include "testutil.h"
#include "core/plan.h"
#include "core/profile.h"
#include "core/tables.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

static const long today = 20781;   /* 2026-11-24 */

/* A man of 40 who does not train: target 420 mg, so gaps up to 400 mg
 * have room for food (a 350 mg gap is 70 mg of food). Not a man who
 * trains: his training uplift is for food, and the supplement's gap would
 * be smaller than the row says. */
#define TARGET 420

struct row {
	const char *name;
	double unit_mg;        /* elemental mg per unit of the product; 0: no product */
	int divisible;
	double gap;            /* < 0: food unknown */
	double other;          /* other supplements a day, counted against the limit */
	int age;               /* 0: 40 */
	const char *region;    /* NULL: us */
	/* expected */
	enum plan_status status;
	int strong;            /* the product is too strong: not used, said */
	double daily;          /* the full daily dose */
	double start;          /* the first step's dose */
	int intakes;           /* at the full dose; -1: not checked */
	const char *rule;      /* a note that must be there; NULL: none */
};

static const struct row rows[] = {
	/* The two examples. */
	{"300 mg tablet, 135 mg gap: too strong, 125 mg a day in mg", 300, 0, 135, 0, 0, NULL,
	 PLAN_CAUTION, 1, 125, 100, 1, "plan-product-too-strong"},
	{"350 mg tablet, food unknown: too strong, 200 mg from 100 in mg", 350, 0, -1, 0, 0, NULL,
	 PLAN_CAUTION, 1, 200, 100, 2, "plan-product-too-strong"},
	/* Scored: halves. */
	{"300 mg scored, 135 mg gap: half a tablet, 150 mg from day 1, said", 300, 1, 135, 0, 0, NULL,
	 PLAN_OK, 0, 150, 150, 1, "plan-start-unit"},
	{"350 mg scored, food unknown: a half is 175 mg, still too strong", 350, 1, -1, 0, 0, NULL,
	 PLAN_CAUTION, 1, 200, 100, 2, "plan-product-too-strong"},
	{"300 mg scored, food unknown: 150 mg from day 1", 300, 1, -1, 0, 0, NULL,
	 PLAN_OK, 0, 150, 150, 1, "plan-start-unit"},
	{"200 mg scored, 200 mg gap: 200 mg from half a tablet", 200, 1, 200, 0, 0, NULL,
	 PLAN_OK, 0, 200, 100, 2, "plan-titrate"},
	{"150 mg scored, food unknown: 225 mg from half a tablet", 150, 1, -1, 0, 0, NULL,
	 PLAN_OK, 0, 225, 75, 2, "plan-product-fit"},
	{"250 mg scored, 350 mg gap: two halves, 250 mg", 250, 1, 350, 0, 0, NULL,
	 PLAN_OK, 0, 250, 125, 2, "plan-product-fit"},
	{"250 mg scored, food unknown: 250 mg from half a tablet", 250, 1, -1, 0, 0, NULL,
	 PLAN_OK, 0, 250, 125, 2, "plan-product-fit"},
	{"120 mg scored, 60 mg gap: half a capsule's 60 mg, under the minimum", 120, 1, 60, 0, 0, NULL,
	 PLAN_OK, 0, 60, 60, 1, "plan-product-fit"},
	{"400 mg scored, 350 mg gap: a half is 200 mg, too strong", 400, 1, 350, 0, 0, NULL,
	 PLAN_CAUTION, 1, 350, 175, 2, "plan-product-too-strong"},
	{"50 mg scored, 135 mg gap: 125 mg in halves", 50, 1, 135, 0, 0, NULL,
	 PLAN_OK, 0, 125, 100, 1, "plan-product-fit"},
	/* Whole units. */
	{"100 mg, 135 mg gap: one a day", 100, 0, 135, 0, 0, NULL, PLAN_OK, 0, 100, 100, 1, "plan-product-fit"},
	{"100 mg, food unknown: 200 mg from 100", 100, 0, -1, 0, 0, NULL, PLAN_OK, 0, 200, 100, 2, "plan-titrate"},
	{"100 mg, 350 mg gap: 200 mg, never 200 at night and 100 at lunch", 100, 0, 350, 0, 0, NULL,
	 PLAN_OK, 0, 200, 100, 2, "plan-product-fit"},
	{"50 mg, 350 mg gap: 300 mg as 150 + 150", 50, 0, 350, 0, 0, NULL, PLAN_OK, 0, 300, 150, 2, "plan-titrate"},
	{"50 mg, 60 mg gap: the 100 mg minimum", 50, 0, 60, 0, 0, NULL, PLAN_OK, 0, 100, 100, 1, "plan-min-dose"},
	{"120 mg, 200 mg gap: 240 mg from 120", 120, 0, 200, 0, 0, NULL, PLAN_OK, 0, 240, 120, 2, "plan-titrate"},
	{"120 mg, 60 mg gap: twice the gap, too strong", 120, 0, 60, 0, 0, NULL,
	 PLAN_CAUTION, 1, 100, 100, 1, "plan-product-too-strong"},
	{"150 mg, 135 mg gap: one from day 1, said", 150, 0, 135, 0, 0, NULL, PLAN_OK, 0, 150, 150, 1, "plan-start-unit"},
	{"150 mg, 200 mg gap: one a day", 150, 0, 200, 0, 0, NULL, PLAN_OK, 0, 150, 150, 1, "plan-start-unit"},
	{"200 mg, 200 mg gap: one intake above 150 mg, too strong", 200, 0, 200, 0, 0, NULL,
	 PLAN_CAUTION, 1, 200, 100, 2, "plan-product-too-strong"},
	{"200 mg, 350 mg gap: two would be 400 mg", 200, 0, 350, 0, 0, NULL,
	 PLAN_CAUTION, 1, 350, 175, 2, "plan-product-too-strong"},
	{"250 mg, 350 mg gap: too strong", 250, 0, 350, 0, 0, NULL, PLAN_CAUTION, 1, 350, 175, 2, "plan-product-too-strong"},
	{"350 mg, 350 mg gap: one intake of 350 mg, too strong", 350, 0, 350, 0, 0, NULL,
	 PLAN_CAUTION, 1, 350, 175, 2, "plan-product-too-strong"},
	{"400 mg, 200 mg gap: above the limit, too strong", 400, 0, 200, 0, 0, NULL,
	 PLAN_CAUTION, 1, 200, 100, 2, "plan-product-too-strong"},
	/* The upper limit nearly used by other supplements. */
	{"others 250 mg: 100 mg left, one 100 mg unit", 100, 0, 200, 250, 0, NULL, PLAN_OK, 0, 100, 100, 1, "plan-ul-cap"},
	{"others 250 mg: a 120 mg unit is above the 100 mg left", 120, 0, 200, 250, 0, NULL,
	 PLAN_CAUTION, 1, 100, 100, 1, "plan-product-too-strong"},
	{"others 240 mg: 110 mg left (as the 4-8 y limit): a 120 mg half is above it", 240, 1, -1, 240, 0, NULL,
	 PLAN_CAUTION, 1, 100, 100, 1, "plan-product-too-strong"},
	{"others 280 mg: nothing left, nothing added, no product said", 120, 0, 200, 280, 0, NULL,
	 PLAN_CAUTION, 0, 0, 0, -1, "plan-ul-reached"},
	/* EU limit 250 mg. */
	{"EU, 150 mg scored, 350 mg gap: 225 mg under the 250 mg limit", 150, 1, 350, 0, 0, "eu",
	 PLAN_OK, 0, 225, 75, 2, "plan-ul-cap"},
	/* Children: a clinician first, whatever the product. */
	{"age 11 (UL 350): clinician, no doses", 300, 0, 135, 0, 11, NULL, PLAN_CLINICIAN, 0, 0, 0, -1, "safety-under-18"},
	{"age 6 (UL 110): clinician, no doses", 120, 0, -1, 0, 6, NULL, PLAN_CLINICIAN, 0, 0, 0, -1, "safety-under-18"},
	/* No product: the dose in mg, in the same rules. */
	{"no product, 230 mg gap: 225 mg from 100", 0, 0, 230, 0, 0, NULL, PLAN_OK, 0, 225, 100, 2, "plan-no-product"},
};

static double th(const char *id)
{
	return tables_threshold(id, NULL);
}

static void make_profile(const struct row *r, struct profile *pr)
{
	struct mg_err e = {0};
	profile_defaults(pr, "t");
	pr->born = MG_NO_DATE;
	pr->age_years = r->age ? r->age : 40;
	pr->age_on = today;
	mg_strlcpy(pr->sex, "male", sizeof(pr->sex));
	if (r->region)
		mg_strlcpy(pr->region, r->region, sizeof(pr->region));
	assert_int_equal(profile_validate(pr, today, &e), 0);
}

static void make_product(double unit_mg, int divisible, struct product *p)
{
	product_init(p);
	p->id = 1;
	mg_strlcpy(p->name, "Test Tab", sizeof(p->name));
	mg_strlcpy(p->form, "glycinate", sizeof(p->form));
	p->elemental_mg = unit_mg;
	p->divisible = divisible;
	p->third_party = 1;
}

/* The plan for a row's profile with the given product (unit_mg 0: none). */
static void compute(const struct row *r, double unit_mg, int divisible, struct profile *pr, struct product *prod,
		    struct plan_other *other, struct plan *p)
{
	make_profile(r, pr);
	make_product(unit_mg, divisible, prod);
	*other = (struct plan_other){.product_id = 99, .name = "Multi", .mg_per_day = r->other};
	struct plan_input in = {
		.profile = pr, .today = today, .days = 1,
		.food_known = r->gap >= 0, .food_mg = r->gap >= 0 ? TARGET - r->gap : 0, .food_days_logged = r->gap >= 0 ? 7 : 1,
		.products = unit_mg > 0 ? prod : NULL, .n_products = unit_mg > 0 ? 1 : 0,
		.others = r->other > 0 ? other : NULL, .n_others = r->other > 0 ? 1 : 0,
	};
	struct mg_err e = {0};
	if (plan_compute(&in, p, &e) < 0)
		fail_msg("%s: %s", r->name, e.msg);
}

static const struct note *find_note(const struct notes *ns, const char *rule)
{
	for (size_t i = 0; i < ns->n; i++)
		if (strcmp(ns->v[i].rule, rule) == 0)
			return &ns->v[i];
	return NULL;
}

/* "200 mg a day, starting at 100 mg" or "150 mg a day from day 1": what
 * the explanation must say when the plan is that. */
static void dose_words(const struct plan *p, char *out, size_t n)
{
	double start = p->steps[0].daily_mg;
	if (start < p->daily_mg - 1e-6)
		snprintf(out, n, "%.0f mg a day, starting at %.0f mg", p->daily_mg, start);
	else
		snprintf(out, n, "%.0f mg a day from day 1", p->daily_mg);
}

static void check_rules(const char *name, const struct plan *p, double gap, double other, double unit_mg,
			int divisible);

/* A product of the size the too-strong warning names, and a scored one
 * when it suggests --divisible, must both fit the same profile. */
static void check_suggestions(const char *name, const struct row *r, const struct plan *p)
{
	const struct note *w = find_note(&p->warnings, "plan-product-too-strong");
	const char *at = strstr(w->text, "units of at most ");
	if (!at)
		fail_msg("%s: the warning names no smaller unit: %s", name, w->text);
	double size = strtod(at + strlen("units of at most "), NULL);
	assert_true(size > 0);
	struct profile pr;
	struct product prod;
	struct plan_other other;
	struct plan q;
	compute(r, size, 0, &pr, &prod, &other, &q);
	if (!q.product || q.too_strong)
		fail_msg("%s: the %.0f mg unit the warning names does not fit either", name, size);
	check_rules(name, &q, r->gap, r->other, size, 0);
	plan_release(&q);
	if (strstr(w->text, "--divisible")) {
		compute(r, r->unit_mg, 1, &pr, &prod, &other, &q);
		if (!q.product)
			fail_msg("%s: the warning suggests --divisible, but halves do not fit", name);
		plan_release(&q);
	}
}

/* The invariants of any plan with a product of unit_mg (0: none). */
static void check_rules(const char *name, const struct plan *p, double gap, double other, double unit_mg,
			int divisible)
{
	double split = th("plan-split-above-mg"), lo = th("plan-min-dose-mg");
	if (p->status == PLAN_CLINICIAN || p->status == PLAN_PAUSE) {
		assert_int_equal(p->n_steps, 0);
		return;
	}
	double room = p->targets.supplement_ul_mg - other;
	double basis = gap >= 0 ? gap : th("plan-unknown-food-mg");
	double most = fmin(room, fmax(th("plan-fit-gap-max") * basis, lo));
	int used = p->product != NULL;
	double piece = used ? unit_mg / (divisible ? 2 : 1) : th("plan-round-mg");
	if (!(p->daily_mg > 0)) {
		assert_int_equal(p->n_steps, 0);
		assert_true(room < lo);
		assert_null(p->too_strong);
		return;
	}
	/* No more than the gap allows, never above the limit. */
	if (p->daily_mg > most + 1e-6)
		fail_msg("%s: %.1f mg a day, more than the %.1f mg allowed", name, p->daily_mg, most);
	assert_true(p->daily_mg <= room + 1e-6);
	/* The product is used, or too strong and said; never silently dropped. */
	if (unit_mg > 0 && !used) {
		if (!p->too_strong || !find_note(&p->warnings, "plan-product-too-strong"))
			fail_msg("%s: the %.0f mg product is not used and nothing says why", name, unit_mg);
		assert_true(p->status >= PLAN_CAUTION);
	}
	if (used)
		assert_null(p->too_strong);
	/* Start low: at most the planned start, or one piece a little above it, said. */
	double start = p->steps[0].daily_mg;
	double start_want = fmin(p->daily_mg, fmax(p->daily_mg * th("plan-start-share"), th("plan-start-mg")));
	if (start > start_want + 1e-6) {
		if (!find_note(&p->warnings, "plan-start-unit"))
			fail_msg("%s: starts at %.1f mg, above the %.1f mg start, silently", name, start, start_want);
		assert_true(fabs(start - piece) < 1e-6);
		assert_true(start <= th("plan-fit-start-max") * start_want + 1e-6);
		assert_int_equal(p->n_steps, 1);
	}
	assert_true(p->n_steps >= 1 && p->n_steps <= 2);
	for (size_t k = 0; k < p->n_steps; k++) {
		const struct plan_schedule *st = &p->steps[k];
		double sum = 0;
		/* The minimum dose, or less than a piece under it. */
		assert_true(st->daily_mg >= lo - 1e-6 || st->daily_mg > lo - piece);
		assert_true(st->n_doses >= 1);
		if (st->daily_mg > split + 1e-6)
			assert_int_equal(st->n_doses, 2);
		for (size_t i = 0; i < st->n_doses; i++) {
			const struct plan_dose *d = &st->doses[i];
			if (!(d->elemental_mg > 0))
				fail_msg("%s: a %.1f mg intake", name, d->elemental_mg);
			if (st->n_doses == 2 && d->elemental_mg > fmax(split, st->daily_mg / 2) + 1e-6)
				fail_msg("%s: one intake of %.1f mg of %.1f mg split", name, d->elemental_mg, st->daily_mg);
			if (st->n_doses == 1 && d->elemental_mg > split + 1e-6)
				fail_msg("%s: %.1f mg in one intake", name, d->elemental_mg);
			if (used) {
				/* Whole pieces: units of 1, or halves of a scored tablet. */
				double pieces = d->units * (divisible ? 2 : 1);
				assert_true(d->units >= (divisible ? 0.5 : 1));
				assert_true(fabs(pieces - round(pieces)) < 1e-9);
				assert_true(fabs(d->units * unit_mg - d->elemental_mg) < 1e-6);
			} else {
				assert_true(d->units == 0);
			}
			sum += d->elemental_mg;
		}
		assert_true(fabs(sum - st->daily_mg) < 1e-6);
	}
	if (p->n_steps == 2)
		assert_true(p->steps[0].daily_mg < p->steps[1].daily_mg);
	/* The explanation names the doses planned. */
	char words[96], said[96];
	dose_words(p, words, sizeof(words));
	const struct note *n = find_note(&p->explain, used ? "plan-product-fit" : gap < 0 ? "plan-food-unknown" : "plan-titrate");
	if (n && strcmp(n->rule, "plan-titrate") == 0)
		snprintf(said, sizeof(said), "%.0f mg a day from day 1, %.0f mg from day", start, p->daily_mg);
	else
		mg_strlcpy(said, words, sizeof(said));
	if (n && !strstr(n->text, said))
		fail_msg("%s: the explanation \"%s\" does not say \"%s\"", name, n->text, said);
	const struct note *w = find_note(&p->warnings, "plan-product-too-strong");
	if (w) {
		char keeps[120];
		snprintf(keeps, sizeof(keeps), "The plan keeps %s,", words);
		if (!strstr(w->text, keeps))
			fail_msg("%s: the warning \"%s\" does not say \"%s\"", name, w->text, keeps);
	}
}

static void test_row(void **state)
{
	const struct row *r = *state;
	struct profile pr;
	struct product prod;
	struct plan_other other;
	struct plan p;
	compute(r, r->unit_mg, r->divisible, &pr, &prod, &other, &p);
	if (p.status != r->status)
		fail_msg("%s: status %s, expected %s", r->name, plan_status_name(p.status), plan_status_name(r->status));
	if ((p.too_strong != NULL) != r->strong)
		fail_msg("%s: too strong %d, expected %d", r->name, p.too_strong != NULL, r->strong);
	if (r->unit_mg > 0 && r->status < PLAN_PAUSE && r->daily > 0 && (p.product != NULL) == r->strong)
		fail_msg("%s: product %s", r->name, p.product ? "used" : "not used");
	if (fabs(p.daily_mg - r->daily) > 1e-6)
		fail_msg("%s: %.1f mg a day, expected %.0f", r->name, p.daily_mg, r->daily);
	if (p.n_steps && r->daily > 0 && fabs(p.steps[0].daily_mg - r->start) > 1e-6)
		fail_msg("%s: starts at %.1f mg, expected %.0f", r->name, p.steps[0].daily_mg, r->start);
	if (r->intakes >= 0 && p.n_steps && (int)p.steps[p.n_steps - 1].n_doses != r->intakes)
		fail_msg("%s: %zu intakes, expected %d", r->name, p.steps[p.n_steps - 1].n_doses, r->intakes);
	if (r->rule && !notes_has(&p.warnings, r->rule) && !notes_has(&p.explain, r->rule))
		fail_msg("%s: no note %s", r->name, r->rule);
	check_rules(r->name, &p, r->gap, r->other, r->unit_mg, r->divisible);
	if (p.too_strong)
		check_suggestions(r->name, r, &p);
	plan_release(&p);
}

/* A 240 mg scored tablet with 110 mg left under the limit (the 4-8 y
 * limit's size, for an adult whose other supplements use the rest): its
 * 120 mg half is above the room, too strong even scored; 100 mg fits. */
static void test_small_room(void **state)
{
	const struct row *r = NULL;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		if (rows[i].other == 240)
			r = &rows[i];
	assert_non_null(r);
	struct profile pr;
	struct product prod;
	struct plan_other other;
	struct plan p;
	compute(r, 240, 1, &pr, &prod, &other, &p);
	assert_non_null(p.too_strong);
	assert_true(p.daily_mg > 0 && p.daily_mg <= 110 + 1e-6);
	assert_non_null(strstr(p.too_strong_why, "left under the upper limit"));
	check_rules("240 mg scored, 110 mg left", &p, r->gap, r->other, 240, 1);
	plan_release(&p);
	compute(r, 100, 0, &pr, &prod, &other, &p);
	assert_non_null(p.product);
	assert_true(fabs(p.daily_mg - 100) < 1e-6);
	check_rules("100 mg, 110 mg left", &p, r->gap, r->other, 100, 0);
	plan_release(&p);
}

/* Two products of the suggested form: the plan takes the one that keeps to
 * the rules more closely, whatever their order (a 300 mg scored tablet
 * gives 150 mg from day 1; 100 mg capsules give 200 mg from 100). */
static void test_better_fit(void **state)
{
	const struct row r = {.name = "two products", .gap = -1};
	struct profile pr;
	make_profile(&r, &pr);
	for (int order = 0; order < 2; order++) {
		struct product two[2];
		make_product(300, 1, &two[order]);
		mg_strlcpy(two[order].name, "Big Tab", sizeof(two[order].name));
		make_product(100, 0, &two[1 - order]);
		mg_strlcpy(two[1 - order].name, "Calm Caps", sizeof(two[1 - order].name));
		two[1 - order].id = 2;
		struct plan_input in = {.profile = &pr, .today = today, .days = 1, .food_days_logged = 1,
					.products = two, .n_products = 2};
		struct plan p;
		struct mg_err e = {0};
		assert_int_equal(plan_compute(&in, &p, &e), 0);
		assert_non_null(p.product);
		assert_string_equal(p.product->name, "Calm Caps");
		assert_true(p.daily_mg == 200 && p.steps[0].daily_mg == 100);
		assert_false(notes_has(&p.warnings, "plan-start-unit"));
		check_rules("two products", &p, -1, 0, 100, 0);
		plan_release(&p);
	}
}

/* Every unit strength from 10 to 500 mg against every gap from 10 to 400
 * mg, whole and scored: the invariants hold, and whenever the product is
 * too strong the smaller unit the warning names does fit. */
static void test_every_strength_and_gap(void **state)
{
	struct row r = {.name = "loop", .status = PLAN_OK};
	int strong = 0, used = 0;
	for (int unit = 10; unit <= 500; unit += 10)
		for (int gap = 10; gap <= 400; gap += 10)
			for (int div = 0; div <= 1; div++) {
				char name[96];
				snprintf(name, sizeof(name), "%d mg%s, gap %d mg", unit, div ? " scored" : "", gap);
				r.unit_mg = unit;
				r.divisible = div;
				r.gap = gap;
				struct profile pr;
				struct product prod;
				struct plan_other other;
				struct plan p;
				compute(&r, unit, div, &pr, &prod, &other, &p);
				check_rules(name, &p, gap, 0, unit, div);
				if (p.too_strong) {
					strong++;
					check_suggestions(name, &r, &p);
				} else {
					used += p.product != NULL;
				}
				plan_release(&p);
			}
	/* Both kinds occur: the loop tests something either way. */
	assert_true(strong > 100 && used > 100);
}

#define N_ROWS (sizeof(rows) / sizeof(rows[0]))

int main(void)
{
	struct CMUnitTest tests[N_ROWS + 3];
	for (size_t i = 0; i < N_ROWS; i++) {
		struct CMUnitTest t = {rows[i].name, test_row, NULL, NULL, (void *)&rows[i]};
		tests[i] = t;
	}
	struct CMUnitTest small = cmocka_unit_test(test_small_room);
	struct CMUnitTest loop = cmocka_unit_test(test_every_strength_and_gap);
	struct CMUnitTest better = cmocka_unit_test(test_better_fit);
	tests[N_ROWS] = small;
	tests[N_ROWS + 1] = loop;
	tests[N_ROWS + 2] = better;
	_Static_assert(N_ROWS >= 20, "the issue asks for at least 20 product profiles");
	return _cmocka_run_group_tests("plan-products", tests, N_ROWS + 3, tu_tables_setup, tu_tables_teardown);
}
