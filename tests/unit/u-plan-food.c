/*
 * Scenario suite for incomplete food logs: one row per profile and food
 * log, each taken through the intake of the 7 days before today and into
 * plan_compute exactly as src/view/plan.c builds its input, then through
 * view_plan_build itself. A day under a plausible energy intake (one banana)
 * does not count; with too few whole days left food is unknown and the plan
 * is the food-unknown one (200 mg, starting at 100); the warning says how
 * many days were too low. Days without any energy value count unchecked.
 */
#include "testutil.h"
#include "core/intake.h"
#include "core/plan.h"
#include "core/profile.h"
#include "core/tables.h"
#include "store/db.h"
#include "store/journal.h"
#include "view/view.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

static const long today = 20781;   /* 2026-11-24 */
static char *dir;
static sqlite3 *db;

/* One food log entry (or one imported daily total): day d is d days
 * before today; kcal NAN when the entry records no energy. */
struct entry {
	int day;
	double mg, kcal;
};

#define NOKCAL NAN
#define BANANA(d) {d, 31.9, 105}         /* 1 medium banana, USDA SR24 9040 */
#define WHOLE(d) {d, 70, 1800}           /* a whole day's food: 70 mg, 1800 kcal */
#define RICH(d) {d, 400, 2000}           /* a whole day that meets any adult target */

struct scenario {
	const char *name;
	int age;
	const char *sex;
	const char *condition;      /* "" for none */
	const char *food_source;    /* "log" or "apple-health" */
	struct entry log[16];       /* ends at day 0 */
	struct entry imported[8];   /* Apple Health's dietary magnesium, one total a day */
	/* expected */
	int days_logged, days_low;
	enum plan_status status;
	double daily_mg, start_mg;  /* the full daily dose and the first step's (0: none) */
	int incomplete;             /* the intake-incomplete warning */
	int unchecked;              /* the intake-energy-unchecked explanation */
};

static const struct scenario scenarios[] = {
	/* The case and its variants: nothing counts, food is unknown. */
	{"a banana a day for three days, woman", 40, "female", "", "log",
	 {BANANA(1), BANANA(2), BANANA(3)}, {{0}}, 0, 3, PLAN_OK, 200, 100, 1, 0},
	{"a banana a day for three days, man", 45, "male", "", "log",
	 {BANANA(1), BANANA(2), BANANA(3)}, {{0}}, 0, 3, PLAN_OK, 200, 100, 1, 0},
	{"a banana a day for a week", 30, "female", "", "log",
	 {BANANA(1), BANANA(2), BANANA(3), BANANA(4), BANANA(5), BANANA(6), BANANA(7)}, {{0}},
	 0, 7, PLAN_OK, 200, 100, 1, 0},
	/* Whole days: the gap (target 320 - food 70 = 250) makes the dose. */
	{"three whole days, woman", 40, "female", "", "log",
	 {WHOLE(1), WHOLE(2), WHOLE(3)}, {{0}}, 3, 0, PLAN_OK, 250, 125, 0, 0},
	{"three whole days and two banana days", 40, "female", "", "log",
	 {WHOLE(1), WHOLE(2), WHOLE(3), BANANA(4), BANANA(5)}, {{0}}, 3, 2, PLAN_OK, 250, 125, 1, 0},
	{"two whole days and two banana days: too few whole days", 40, "female", "", "log",
	 {WHOLE(1), WHOLE(2), BANANA(3), BANANA(4)}, {{0}}, 2, 2, PLAN_OK, 200, 100, 1, 0},
	{"whole days that meet the target, and a banana day", 40, "female", "", "log",
	 {RICH(1), RICH(2), RICH(3), BANANA(4)}, {{0}}, 3, 1, PLAN_OK, 0, 0, 1, 0},
	/* The limit follows sex: 650 kcal is a woman's whole day, not a man's. */
	{"650 kcal days, woman: whole", 40, "female", "", "log",
	 {{1, 70, 650}, {2, 70, 650}, {3, 70, 650}}, {{0}}, 3, 0, PLAN_OK, 250, 125, 0, 0},
	{"650 kcal days, man: too low", 40, "male", "", "log",
	 {{1, 70, 650}, {2, 70, 650}, {3, 70, 650}}, {{0}}, 0, 3, PLAN_OK, 200, 100, 1, 0},
	{"boundary: 500 kcal, woman, counts", 40, "female", "", "log",
	 {{1, 70, 500}, {2, 70, 500}, {3, 70, 500}}, {{0}}, 3, 0, PLAN_OK, 250, 125, 0, 0},
	{"boundary: 499 kcal, woman, does not", 40, "female", "", "log",
	 {{1, 70, 499}, {2, 70, 499}, {3, 70, 499}}, {{0}}, 0, 3, PLAN_OK, 200, 100, 1, 0},
	{"boundary: 800 kcal, man, counts", 40, "male", "", "log",
	 {{1, 170, 800}, {2, 170, 800}, {3, 170, 800}}, {{0}}, 3, 0, PLAN_OK, 250, 125, 0, 0},
	/* No energy recorded: the days cannot be checked and count. */
	{"foods without kcal, three days", 40, "female", "", "log",
	 {{1, 70, NOKCAL}, {2, 70, NOKCAL}, {3, 70, NOKCAL}}, {{0}}, 3, 0, PLAN_OK, 250, 125, 0, 1},
	{"Apple Health totals counted as food", 40, "female", "", "apple-health",
	 {BANANA(1)}, {{1, 70, NOKCAL}, {2, 70, NOKCAL}, {3, 70, NOKCAL}, {4, 70, NOKCAL}},
	 4, 0, PLAN_OK, 250, 125, 0, 1},
	{"Apple Health totals beside a banana log: the log counts", 40, "female", "", "log",
	 {BANANA(1), BANANA(2), BANANA(3)}, {{1, 70, NOKCAL}, {2, 70, NOKCAL}, {3, 70, NOKCAL}},
	 0, 3, PLAN_OK, 200, 100, 1, 0},
	/* A banana and a food without kcal is still a partial day. */
	{"a banana and a food without kcal, three days", 40, "female", "", "log",
	 {BANANA(1), {1, 20, NOKCAL}, BANANA(2), {2, 20, NOKCAL}, BANANA(3), {3, 20, NOKCAL}}, {{0}},
	 0, 3, PLAN_OK, 200, 100, 1, 0},
	/* Who must not self-dose still hears that the log looks incomplete. */
	{"banana days with kidney disease", 60, "female", "kidney-disease", "log",
	 {BANANA(1), BANANA(2), BANANA(3)}, {{0}}, 0, 3, PLAN_CLINICIAN, 0, 0, 1, 0},
	{"16-year-old boy, 600 kcal days: the lower limit", 16, "male", "", "log",
	 {{1, 70, 600}, {2, 70, 600}, {3, 70, 600}}, {{0}}, 3, 0, PLAN_CLINICIAN, 0, 0, 0, 0},
};

static int setup(void **state)
{
	struct mg_err e = {0};
	if (tables_load(&e) < 0)
		return -1;
	dir = tu_mkdtemp();
	return journal_open(tu_path(dir, "j.db"), &db, &e) < 0 ? -1 : 0;
}

static int teardown(void **state)
{
	db_close(db);
	tu_rmdir(dir);
	free(dir);
	tables_unload();
	return 0;
}

static void put_profile(const struct scenario *s, size_t idx, struct profile *p)
{
	struct mg_err e = {0};
	char name[32];
	snprintf(name, sizeof(name), "s%zu", idx);
	profile_defaults(p, name);
	p->age_years = s->age;
	p->age_on = today;
	mg_strlcpy(p->sex, s->sex, sizeof(p->sex));
	mg_strlcpy(p->food_source, s->food_source, sizeof(p->food_source));
	if (*s->condition)
		assert_int_equal(profile_add_condition(p, s->condition, &e), 0);
	assert_int_equal(profile_validate(p, today, &e), 0);
	assert_int_equal(journal_profile_put(db, p, &e), 0);
}

static void put_food(const struct scenario *s, const struct profile *p)
{
	struct mg_err e = {0};
	for (size_t i = 0; i < sizeof(s->log) / sizeof(s->log[0]) && s->log[i].day; i++) {
		struct food_log_entry en;
		memset(&en, 0, sizeof(en));
		en.date = today - s->log[i].day;
		en.food_id = 900000100 + (long)i;
		snprintf(en.food_name, sizeof(en.food_name), "food %zu", i);
		en.amount = 100;
		snprintf(en.measure, sizeof(en.measure), "g");
		en.grams = 100;
		en.mg = s->log[i].mg;
		en.kcal = s->log[i].kcal;
		assert_int_equal(journal_food_log_add(db, p->id, &en, &e), 0);
	}
	for (size_t i = 0; i < sizeof(s->imported) / sizeof(s->imported[0]) && s->imported[i].day; i++)
		assert_int_equal(journal_imported_intake_put(db, p->id, today - s->imported[i].day, "apple-health",
							     s->imported[i].mg, &e), 0);
}

static void test_scenario(void **state)
{
	const struct scenario *s = *state;
	size_t idx = (size_t)(s - scenarios);
	struct profile pr;
	struct mg_err e = {0};
	put_profile(s, idx, &pr);
	put_food(s, &pr);

	/* The intake as view_plan_build reads it: the window before today. */
	long window = (long)tables_threshold("intake-default-days", NULL);
	struct targets t;
	struct intake in;
	assert_int_equal(targets_compute(&pr, today, &t, &e), 0);
	assert_int_equal(intake_compute(db, &pr, today - window, today - 1, &t, &in, &e), 0);
	if (in.days_logged != s->days_logged || in.days_low_energy != s->days_low)
		fail_msg("%s: %d days logged, %d too low; expected %d and %d", s->name, in.days_logged,
			 in.days_low_energy, s->days_logged, s->days_low);
	int known = s->days_logged >= (int)tables_threshold("food-days-min", NULL);
	assert_int_equal(in.food_known, known);

	/* plan_compute's input, field for field as src/view/plan.c fills it. */
	struct plan_input pin = {
		.profile = &pr, .today = today, .days = 7,
		.food_known = in.food_known, .food_mg = in.food_mg, .food_days_logged = in.days_logged,
	};
	struct plan p;
	assert_int_equal(plan_compute(&pin, &p, &e), 0);
	if (p.status != s->status || fabs(p.daily_mg - s->daily_mg) > 1e-6)
		fail_msg("%s: status %s, %.1f mg a day; expected %s, %.1f", s->name, plan_status_name(p.status),
			 p.daily_mg, plan_status_name(s->status), s->daily_mg);
	double start = p.n_steps ? p.steps[0].daily_mg : 0;
	if (fabs(start - s->start_mg) > 1e-6)
		fail_msg("%s: starts at %.1f mg, expected %.1f", s->name, start, s->start_mg);
	if (p.status == PLAN_OK)
		assert_int_equal(notes_has(&p.explain, "plan-food-unknown"), !known);
	/* The intake's notes are the view's to add: the engine stays pure. */
	assert_false(notes_has(&p.warnings, "intake-incomplete"));

	/* The real builder agrees with the mirror above and adds the notes. */
	struct plan_opts opts = {.exclude_product = 0, .flags_after = MG_NO_DATE, .no_foods = 1};
	struct plan_build b;
	assert_int_equal(view_plan_build(db, "", &pr, today, 7, &opts, &b, &e), 0);
	assert_int_equal(b.input.food_known, pin.food_known);
	assert_true(b.input.food_mg == pin.food_mg);
	assert_int_equal(b.input.food_days_logged, pin.food_days_logged);
	assert_true(b.plan.daily_mg == p.daily_mg);
	assert_int_equal(b.plan.status, p.status);
	if (notes_has(&b.plan.warnings, "intake-incomplete") != s->incomplete)
		fail_msg("%s: the intake-incomplete warning is %s", s->name, s->incomplete ? "missing" : "there");
	if (notes_has(&b.plan.explain, "intake-energy-unchecked") != s->unchecked)
		fail_msg("%s: the intake-energy-unchecked note is %s", s->name, s->unchecked ? "missing" : "there");
	for (size_t i = 0; s->incomplete && i < b.plan.warnings.n; i++)
		if (strcmp(b.plan.warnings.v[i].rule, "intake-incomplete") == 0) {
			char want[64];
			snprintf(want, sizeof(want), "(%d of %d day", s->days_low, s->days_low + s->days_logged);
			if (!strstr(b.plan.warnings.v[i].text, "looks incomplete") || !strstr(b.plan.warnings.v[i].text, want))
				fail_msg("%s: the warning says \"%s\"", s->name, b.plan.warnings.v[i].text);
		}
	view_plan_release(&b);
	plan_release(&p);
	intake_release(&in);
}

#define N_SCENARIOS (sizeof(scenarios) / sizeof(scenarios[0]))

int main(void)
{
	/* One cmocka test per scenario, named after it. */
	struct CMUnitTest tests[N_SCENARIOS];
	for (size_t i = 0; i < N_SCENARIOS; i++) {
		struct CMUnitTest t = {scenarios[i].name, test_scenario, NULL, NULL, (void *)&scenarios[i]};
		tests[i] = t;
	}
	_Static_assert(N_SCENARIOS >= 8, "the brief asks for at least 8 plan profiles");
	return _cmocka_run_group_tests("plan-food", tests, N_SCENARIOS, setup, teardown);
}
