/*
 * A dietitian's check of the food rules (core/diet.c, data/food-rules.tsv)
 * on the real USDA SR24 database: for each of 24 people (diets, allergies,
 * warfarin, levothyroxine, quinolones and tetracyclines, an infant,
 * children of 3, 8 and 12, dialysis and kidney disease, pregnancy,
 * breastfeeding, an athlete) no food `mgtrack suggest` offers, and no food
 * line of the plan's 7 days, has a name with one of the words that person
 * must not be offered; portions are one usual serving (a child's share of
 * one), the week holds at least 7 foods, and the food lines never change
 * the supplement (no double counting). To be sure a word list can catch something, each person has
 * "logged" the richest foods with those words (a logged food passes every
 * exclusion but the food rules), and the same foods are shown to hold a
 * forbidden word when the rules are left out (the athlete logs nothing:
 * the exclusions alone keep caviar and kelp away). Without MGTRACK_SR24
 * (make check sets it) these tests are skipped, and say so.
 */
#include <ctype.h>
#include <math.h>
#include "testutil.h"
#include "core/diet.h"
#include "core/foodclass.h"
#include "core/foodimport.h"
#include "core/plan.h"
#include "core/profile.h"
#include "core/suggest.h"
#include "core/tables.h"
#include "store/db.h"
#include "store/foods.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

static const long today = 20000;

struct person {
	const char *name;
	int age_years, age_months;      /* age_months for an infant, else 0 */
	const char *diet, *avoid, *med, *condition;
	int pregnant;
	const char *training;
	const char *never;              /* words no offered food's name may hold, "|"-separated */
	int no_food;                    /* nothing at all may be offered */
	const char *noted;              /* words whose foods must carry a note, "|"-separated */
	int own_foods;                  /* 0: logs nothing (the never words are kept out by the exclusions) */
	double share;                   /* a child's portion as a share of the usual serving (0: 1) */
	int lactating;
};

#define MERCURY "shark|swordfish|tilefish|marlin|roughy|bigeye|mackerel, king"
#define CHOKING "peanut|peanuts|almonds|cashews|walnuts|pecans|pistachio|hazelnuts|sunflower|" \
		"pumpkin and squash seed|chia|flaxseed|sesame"
#define ALL_SOY "soy|soybeans|soymilk|tofu|edamame|natto|tempeh|miso"
#define ALL_GLUTEN "wheat|barley|rye|bulgur|couscous|semolina|spelt"


static const struct person people[] = {
	{"vegan", 30, 0, "vegan", "", "", "", 0, "none",
	 "milk, |cheese|yogurt|kefir|egg|eggs|fish|salmon|tuna|halibut|beef|chicken|pork|turkey|lamb|shrimp|crab|"
	 "clam|clams|oyster|oysters|mollusks|crustaceans", 0, "", 1, 0, 0},
	{"vegetarian", 35, 0, "vegetarian", "", "", "", 0, "none",
	 "fish|salmon|tuna|halibut|beef|chicken|pork|turkey|lamb|veal|shrimp|crab|clam|oyster|mollusks|crustaceans",
	 0, "", 1, 0, 0},
	{"pescatarian", 40, 0, "pescatarian", "", "", "", 0, "none", "beef|chicken|pork|turkey|lamb|veal|bacon", 0, "", 1, 0, 0},
	{"nut allergy", 28, 0, "omnivore", "nuts", "", "", 0, "none",
	 "nuts|almond|almonds|cashew|cashews|walnuts|pecans|pistachio|hazelnuts|filberts|macadamia", 0, "", 1, 0, 0},
	{"dairy-free", 45, 0, "omnivore", "dairy", "", "", 0, "none",
	 "milk, |cheese|yogurt|kefir|whey|buttermilk", 0, "", 1, 0, 0},
	{"warfarin", 70, 0, "omnivore", "", "warfarin@18:00", "", 0, "none",
	 "kale|collards|spinach|chard|turnip greens|beet greens|parsley|natto", 0, "", 1, 0, 0},
	{"levothyroxine", 50, 0, "omnivore", "", "Synthroid@07:00", "", 0, "none", "", 0,
	 "soybeans|soymilk|tofu|walnuts", 1, 0, 0},
	{"ciprofloxacin", 38, 0, "omnivore", "", "ciprofloxacin@08:00,20:00", "", 0, "none", "", 0, "milk, |yogurt|cheese", 1, 0, 0},
	{"infant 6 months", 0, 6, "omnivore", "", "", "", 0, "none", "", 1, "", 1, 0, 0},
	{"dialysis", 62, 0, "omnivore", "", "", "dialysis", 0, "none", "", 1, "", 1, 0, 0},
	{"pregnancy", 31, 0, "omnivore", "", "", "", 1, "none",
	 "shark|swordfish|tilefish|marlin|roughy|bigeye|mackerel, king|roe|caviar", 0, "", 1, 0, 0},
	{"athlete", 25, 0, "omnivore", "", "", "", 0, "heavy", "caviar|conch|natto|kelp|epazote", 0, "", 0, 0, 0},
	/* A child's portions are a share of the usual serving; under 4, nuts
	 * and seeds only ground or as a thin spread; no high-mercury fish for
	 * children, nor while breastfeeding. */
	{"child 3 years", 3, 0, "omnivore", "", "", "", 0, "none", MERCURY, 0, CHOKING, 1, 0.5, 0},
	{"child 8 years", 8, 0, "omnivore", "", "", "", 0, "none", MERCURY, 0, "", 1, 0.65, 0},
	{"child 12 years", 12, 0, "omnivore", "", "", "", 0, "none", "", 0, "", 1, 0.85, 0},
	{"breastfeeding", 30, 0, "omnivore", "", "", "", 0, "none", MERCURY, 0, "", 1, 0, 1},
	{"sesame allergy", 33, 0, "omnivore", "sesame", "", "", 0, "none", "sesame|tahini", 0, "", 1, 0, 0},
	{"soy allergy", 41, 0, "omnivore", "soy", "", "", 0, "none", ALL_SOY, 0, "", 1, 0, 0},
	{"gluten-free", 29, 0, "omnivore", "gluten", "", "", 0, "none", ALL_GLUTEN, 0, "", 1, 0, 0},
	{"egg and shellfish allergy", 36, 0, "omnivore", "egg,shellfish", "", "", 0, "none",
	 "egg|eggs|shrimp|crab|lobster|crustaceans", 0, "", 1, 0, 0},
	{"vegan with a nut allergy", 27, 0, "vegan", "nuts", "", "", 0, "none",
	 "milk, |cheese|yogurt|egg|fish|salmon|beef|chicken|almonds|cashews|walnuts|pecans|hazelnuts", 0, "", 1, 0, 0},
	{"doxycycline", 44, 0, "omnivore", "", "doxycycline@08:00,20:00", "", 0, "none", "", 0, "milk, |yogurt|cheese", 1, 0, 0},
	{"kidney disease", 66, 0, "omnivore", "", "", "kidney-disease", 0, "none", "", 1, "", 1, 0, 0},
	{"warfarin, vegetarian", 72, 0, "vegetarian", "", "warfarin@18:00", "", 0, "none",
	 "kale|collards|spinach|chard|turnip greens|beet greens|parsley|natto|chicken|beef|fish", 0, "", 1, 0, 0},
};

static void build(const struct person *s, struct profile *p)
{
	struct mg_err e = {0};
	profile_defaults(p, "t");
	p->born = s->age_months ? today - s->age_months * 30 - 5 : MG_NO_DATE;
	p->age_years = s->age_years;
	p->age_on = today;
	mg_strlcpy(p->sex, s->pregnant || s->lactating ? "female" : "male", sizeof(p->sex));
	p->pregnant = s->pregnant;
	p->lactating = s->lactating;
	mg_strlcpy(p->training, s->training, sizeof(p->training));
	assert_int_equal(diet_set(p, s->diet, &e), 0);
	if (*s->avoid)
		assert_int_equal(diet_avoid(p, s->avoid, 1, &e), 0);
	if (*s->med)
		assert_int_equal(profile_add_med(p, s->med, &e), 0);
	if (*s->condition)
		assert_int_equal(profile_add_condition(p, s->condition, &e), 0);
}

/* The "|"-separated word of list that name holds as a whole word (any
 * case), or 0 when none: "egg" is in "Egg, whole", not in "Eggplant". */
static int holds(const char *name, const char *list, char *which, size_t n)
{
	char low[256];
	size_t len = 0;
	for (; name[len] && len + 1 < sizeof(low); len++)
		low[len] = (char)tolower((unsigned char)name[len]);
	low[len] = '\0';
	for (const char *w = list; *w;) {
		size_t l = strcspn(w, "|");
		for (const char *p = low; l && *p; p++) {
			if (strncmp(p, w, l) != 0)
				continue;
			int before = p == low || !isalnum((unsigned char)p[-1]);
			int after = !isalnum((unsigned char)p[l]) || w[l - 1] == ' ';
			if (before && after) {
				snprintf(which, n, "%.*s", (int)l, w);
				return 1;
			}
		}
		w += l + (w[l] == '|');
	}
	return 0;
}

/* The richest foods holding each word of list, as if the person logged
 * them: the food rules must keep them out even so. */
static size_t logged_for(const char *list, struct logged_food *ids, size_t max)
{
	size_t n = 0;
	for (const char *w = list; *w && n < max;) {
		size_t l = strcspn(w, "|");
		char word[64], like[80];
		snprintf(word, sizeof(word), "%.*s", (int)l, w);
		snprintf(like, sizeof(like), "%%%s%%", word);
		sqlite3_stmt *st;
		assert_int_equal(sqlite3_prepare_v2(tu_sr24_db, "SELECT id FROM food WHERE deprecated = 0 AND magnesium_mg > 0"
						    " AND serving_g > 0 AND lower(name) LIKE ?1"
						    " ORDER BY magnesium_mg * serving_g DESC LIMIT 2", -1, &st, NULL), SQLITE_OK);
		sqlite3_bind_text(st, 1, like, -1, SQLITE_STATIC);
		while (sqlite3_step(st) == SQLITE_ROW && n < max)
			ids[n++] = (struct logged_food){sqlite3_column_int64(st, 0), 0, NAN};
		sqlite3_finalize(st);
		w += l + (w[l] == '|');
	}
	return n;
}

static void suggest(const struct profile *p, const struct diet_rules *d, const struct logged_food *logged, size_t n_logged,
		    struct suggestion **s, size_t *n)
{
	struct mg_err e = {0};
	struct suggest_opts o = {.order = SUGGEST_BY_SERVING, .limit = 10000, .logged = logged,
				 .n_logged = n_logged, .diet = d};
	(void)p;
	if (suggest_foods(tu_sr24_db, 250, &o, s, n, &e) < 0)
		fail_msg("suggest_foods: %s", e.msg);
}

static void check_person(const struct person *s)
{
	struct profile p;
	build(s, &p);
	struct diet_rules d;
	diet_rules_for(&p, today, &d);
	struct logged_food logged[128];
	size_t n_logged = s->own_foods ? logged_for(s->never, logged, 128) : 0;
	struct suggestion *all, *got;
	size_t n_all, n_got;
	char which[64];
	/* The control: without the rules, the word list finds something. */
	suggest(&p, NULL, logged, n_logged, &all, &n_all);
	assert_true(n_all > 20);
	if (*s->never && s->own_foods) {
		int found = 0;
		for (size_t i = 0; i < n_all; i++)
			found |= holds(all[i].usda_name, s->never, which, sizeof(which));
		if (!found)
			fail_msg("%s: the control offers no food with a forbidden word", s->name);
	}
	suggest(&p, &d, logged, n_logged, &got, &n_got);
	if (s->no_food) {
		assert_non_null(d.no_food);
		assert_int_equal(n_got, 0);
	} else {
		assert_null(d.no_food);
		if (n_got < 20)
			fail_msg("%s: only %zu foods offered", s->name, n_got);
	}
	for (size_t i = 0; i < n_got; i++)
		if (holds(got[i].usda_name, s->never, which, sizeof(which)) ||
		    holds(got[i].name, s->never, which, sizeof(which)))
			fail_msg("%s: \"%s\" offered (holds \"%s\")", s->name, got[i].usda_name, which);
	/* Foods kept apart from a medicine carry its note; the rest do not. */
	size_t noted = 0;
	for (size_t i = 0; i < n_got; i++) {
		int want = *s->noted && holds(got[i].usda_name, s->noted, which, sizeof(which));
		if (want && !got[i].note)
			fail_msg("%s: \"%s\" has no note", s->name, got[i].usda_name);
		noted += got[i].note != NULL;
	}
	if (*s->noted && !noted)
		fail_msg("%s: no food has a note", s->name);
	if (!*s->noted && noted)
		fail_msg("%s: %zu foods have a note", s->name, noted);
	for (size_t i = 0; i < n_all; i++)
		assert_null(all[i].note);
	/* Portions: one usual serving for an adult, a child's share of it
	 * (a staple's in a household fraction, so within 30 %), and the
	 * magnesium is the portion's own. */
	double share = s->share > 0 ? s->share : 1;
	assert_true(fabs(d.portion_factor - share) < 1e-9);
	for (size_t i = 0; i < n_got; i++) {
		double r = got[i].portion_g / got[i].serving_g;
		if (share == 1 ? fabs(r - 1) > 1e-9 : (r < share / 1.3 || r > share * 1.3))
			fail_msg("%s: \"%s\" portion %s is %.2f of the serving", s->name, got[i].name, got[i].portion, r);
		assert_true(fabs(got[i].portion_mg - got[i].mg_per_100g * got[i].portion_g / 100) < 1e-6);
		assert_true(fabs(got[i].adds_mg - got[i].portion_mg) < 1e-6);   /* nothing is eaten most days here */
	}

	/* The plan's week of food lines, from the first 21 foods as
	 * view/plan.c asks for them. */
	struct plan_input in = {.profile = &p, .today = today, .days = 7, .foods = got,
				.n_foods = n_got < 21 ? n_got : 21};
	struct plan pl;
	struct mg_err e = {0};
	if (plan_compute(&in, &pl, &e) < 0)
		fail_msg("%s: plan: %s", s->name, e.msg);
	size_t lines = 0;
	for (size_t k = 0; k < pl.n_days; k++)
		for (size_t f = 0; f < pl.days[k].n_foods; f++) {
			lines++;
			if (holds(pl.days[k].foods[f]->usda_name, s->never, which, sizeof(which)))
				fail_msg("%s: plan day %zu offers \"%s\"", s->name, k + 1, pl.days[k].foods[f]->usda_name);
		}
	if (s->no_food)
		assert_int_equal(lines, 0);
	else if (pl.food_goal_mg > 0 && lines < 14)
		fail_msg("%s: only %zu food lines in the week", s->name, lines);
	/* Variety: at least 7 different foods in the week; the day's food
	 * figure is what its lines add; the goal is never above the target. */
	long ids[64];
	size_t n_ids = 0;
	for (size_t k = 0; k < pl.n_days; k++) {
		double sum = 0;
		for (size_t f = 0; f < pl.days[k].n_foods; f++) {
			const struct suggestion *x = pl.days[k].foods[f];
			sum += x->adds_mg;
			size_t j = 0;
			while (j < n_ids && ids[j] != x->food_id)
				j++;
			if (j == n_ids && n_ids < 64)
				ids[n_ids++] = x->food_id;
		}
		assert_true(fabs(sum - pl.days[k].foods_mg) < 1e-6);
	}
	if (!s->no_food && n_ids < 7)
		fail_msg("%s: only %zu different foods in the week", s->name, n_ids);
	assert_true(pl.food_goal_mg <= pl.targets.target_mg + 1e-9);
	/* No double counting: the supplement is the same with or without
	 * the food lines (it is sized from the food logged, not from them). */
	struct plan_input bare = in;
	bare.foods = NULL;
	bare.n_foods = 0;
	struct plan pb;
	if (plan_compute(&bare, &pb, &e) < 0)
		fail_msg("%s: plan without foods: %s", s->name, e.msg);
	assert_true(fabs(pb.daily_mg - pl.daily_mg) < 1e-9);
	plan_release(&pb);
	plan_release(&pl);
	free(all);
	free(got);
}

static void test_people(void **state)
{
	(void)state;
	if (!tu_need_sr24())
		return;
	for (size_t i = 0; i < sizeof(people) / sizeof(people[0]); i++)
		check_person(&people[i]);
}

/* Food already above the target: no food line pushes more, and no
 * supplement is planned. */
static void test_food_above_target(void **state)
{
	(void)state;
	if (!tu_need_sr24())
		return;
	struct profile p;
	build(&people[0], &p);   /* the vegan: 30, target 400 mg as a man */
	struct diet_rules d;
	diet_rules_for(&p, today, &d);
	struct suggestion *got;
	size_t n_got;
	suggest(&p, &d, NULL, 0, &got, &n_got);
	struct plan_input in = {.profile = &p, .today = today, .days = 7, .foods = got, .n_foods = n_got < 21 ? n_got : 21,
				.food_known = 1, .food_mg = 520, .food_days_logged = 7};
	struct plan pl;
	struct mg_err e = {0};
	assert_int_equal(plan_compute(&in, &pl, &e), 0);
	assert_true(pl.gap_mg < 0);
	assert_true(pl.food_goal_mg == 0);
	assert_true(pl.daily_mg == 0);
	for (size_t k = 0; k < pl.n_days; k++)
		assert_int_equal(pl.days[k].n_foods, 0);
	plan_release(&pl);
	free(got);
}

/* Tags on real SR24 names, one or more foods per tag, and foods that
 * must not have it. */
struct tagcase {
	const char *tag;
	long yes[4], no[4];
};

static const struct tagcase tagcases[] = {
	{"nuts", {12061, 12155, 12087, 12142}, {16087, 11426, 0, 0}},          /* almonds, walnuts, cashews, pecans; peanuts, pumpkin pie mix */
	{"peanuts", {16087, 16098, 0, 0}, {12061, 0, 0, 0}},                    /* peanuts, peanut butter; almonds */
	{"sesame", {12023, 12166, 0, 0}, {12036, 0, 0, 0}},                     /* sesame seeds, tahini; sunflower */
	{"soy", {16108, 16126, 16120, 0}, {16015, 0, 0, 0}},                    /* soybeans, tofu, soymilk; black beans */
	{"gluten", {20080, 18075, 20006, 0}, {20137, 20010, 20045, 0}},         /* whole-wheat flour, bread, pearled barley; quinoa, buckwheat, rice */
	{"dairy", {1077, 1116, 1009, 0}, {16120, 1123, 16098, 0}},              /* milk, yogurt, cheddar; soymilk, egg, peanut butter */
	{"dairy", {18215, 18976, 0, 0}, {16097, 0, 0, 0}},                      /* cheese crackers with peanut butter filling, Country Cheddar crackers; peanut butter */
	{"egg", {1123, 1124, 0, 0}, {11209, 1077, 0, 0}},                       /* egg, egg white; eggplant, milk */
	{"fish", {15076, 15117, 15033, 0}, {15151, 0, 0, 0}},                   /* salmon, tuna, haddock; shrimp */
	{"shellfish", {15151, 15159, 15167, 0}, {15076, 0, 0, 0}},              /* shrimp, clams, oysters; salmon */
	{"meat", {13000, 5006, 10219, 0}, {16108, 15076, 0, 0}},                /* beef, chicken, pork; soybeans, salmon */
	{"vitamin-k", {11234, 11458, 11162, 16113}, {11090, 0, 0, 0}},          /* kale, spinach, collards, natto; broccoli */
	{"high-mercury", {15111, 15095, 15049, 15073}, {15076, 15047, 15048, 15117}}, /* swordfish, shark, king mackerel, orange roughy; salmon, Atlantic and jack mackerel, bluefin tuna */
	{"raw-roe", {15072, 15012, 0, 0}, {15076, 0, 0, 0}},                    /* roe, caviar; salmon */
	{"thyroid-apart", {16108, 12155, 16126, 0}, {9040, 0, 0, 0}},           /* soybeans, walnuts, tofu; banana */
	{"calcium", {1077, 1116, 12023, 0}, {9040, 0, 0, 0}},                   /* milk, yogurt, sesame seeds; banana */
	{"choking", {12061, 12016, 16087, 12006}, {16015, 9040, 0, 0}},         /* almonds, pumpkin seeds, peanuts, chia; black beans, banana */
};

static unsigned tags_of(long id, char *name, size_t n)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(tu_sr24_db, "SELECT tags, name FROM food WHERE id = ?", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) != SQLITE_ROW)
		fail_msg("SR24 has no food %ld", id);
	unsigned t = (unsigned)sqlite3_column_int64(st, 0);
	mg_strlcpy(name, (const char *)sqlite3_column_text(st, 1), n);
	sqlite3_finalize(st);
	return t;
}

static void test_tags(void **state)
{
	(void)state;
	if (!tu_need_sr24())
		return;
	for (size_t i = 0; i < sizeof(tagcases) / sizeof(tagcases[0]); i++) {
		const struct tagcase *c = &tagcases[i];
		unsigned bit = foodclass_tag_bit(c->tag);
		char name[256];
		assert_true(bit != 0);
		for (size_t k = 0; k < 4 && c->yes[k]; k++)
			if (!(tags_of(c->yes[k], name, sizeof(name)) & bit))
				fail_msg("%ld \"%s\" is not tagged %s", c->yes[k], name, c->tag);
		for (size_t k = 0; k < 4 && c->no[k]; k++)
			if (tags_of(c->no[k], name, sizeof(name)) & bit)
				fail_msg("%ld \"%s\" is tagged %s", c->no[k], name, c->tag);
	}
}

/* Every food-rules.tsv row names known tags and a known action. */
static void test_rules_table(void **state)
{
	(void)state;
	const struct mg_table *t = tables_get("food-rules.tsv");
	assert_non_null(t);
	for (size_t r = 0; r < t->nrows; r++) {
		char bad[32];
		if (foodclass_tag_bits(table_cell(t, r, "tags"), bad, sizeof(bad)) < 0)
			fail_msg("food-rules.tsv %s: unknown tag %s", table_cell(t, r, "id"), bad);
		const char *a = table_cell(t, r, "action");
		assert_true(!strcmp(a, "avoid") || !strcmp(a, "note") || !strcmp(a, "no-food"));
		if (strcmp(a, "avoid") != 0)
			assert_true(strlen(table_cell(t, r, "note")) > 10);
	}
}

/* --diet and --avoid: bad values name the flag; the list keeps the
 * table's order and --no-avoid takes a name away. */
static void test_flags(void **state)
{
	(void)state;
	struct profile p;
	struct mg_err e = {0};
	profile_defaults(&p, "t");
	assert_string_equal(p.diet, "omnivore");
	assert_int_equal(diet_set(&p, "carnivore", &e), -1);
	assert_non_null(strstr(e.msg, "--diet \"carnivore\""));
	assert_int_equal(diet_avoid(&p, "dairy,nuts", 1, &e), 0);
	assert_string_equal(p.avoid, "nuts,dairy");
	assert_int_equal(diet_avoid(&p, "egg", 1, &e), 0);
	assert_string_equal(p.avoid, "nuts,dairy,egg");
	assert_int_equal(diet_avoid(&p, "nuts", 0, &e), 0);
	assert_string_equal(p.avoid, "dairy,egg");
	assert_int_equal(diet_avoid(&p, "lupin", 1, &e), -1);
	assert_non_null(strstr(e.msg, "--avoid \"lupin\""));
	assert_int_equal(diet_avoid(&p, "fish", 0, &e), 0);
	assert_string_equal(p.avoid, "dairy,egg");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rules_table),
		cmocka_unit_test(test_food_above_target),
		cmocka_unit_test(test_flags),
		cmocka_unit_test(test_tags),
		cmocka_unit_test(test_people),
	};
	return cmocka_run_group_tests(tests, tu_sr24_setup, tu_sr24_teardown);
}
