/*
 * Scenario suite for the plan's kidney, pregnancy and wording rules
 * (issue 11): kidney function (eGFR 15 to 90, unknown, never asked) across
 * ages 40, 65 and 80 and the medicines that make it matter (loop,
 * thiazide and potassium-sparing diuretics, digoxin, lithium, by generic,
 * brand and salt names), pre-eclampsia and high blood pressure in
 * pregnancy, high-dose zinc, and a regularity goal with a sensitive gut.
 * Each row is one profile with the status it must get, rules that must
 * and must not appear in its notes, and words its notes must say; the
 * last test checks that every row of kidney-risks.tsv and every kidney and
 * pregnancy row of the other tables was reached. Plans are computed as in
 * u-plan.c: a profile in memory, food unknown unless a row says otherwise.
 */
#include "testutil.h"
#include "core/plan.h"
#include "core/profile.h"
#include "core/tables.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

static const long today = 20781;   /* 2026-11-24 */

struct kcase {
	const char *name;
	int age;
	const char *sex;
	const char *egfr;           /* as typed to --egfr; NULL: never asked */
	const char *meds[3];        /* NAME@HH:MM */
	const char *condition;      /* one condition or NULL */
	const char *flags;          /* words: pregnant guided gi */
	const char *goals;          /* comma list or "" */
	double zinc_mg;
	double food_mg;             /* < 0: food unknown */
	enum plan_status status;
	const char *must[2];        /* rules that must be among the notes */
	const char *must_not;       /* a rule that must not */
	const char *says;           /* words some warning or explain note must hold; NULL none */
};

#define M0 {NULL}
static const struct kcase cases[] = {
	/* eGFR without any other risk: < 30 stops the plan, 30-59 cautions,
	 * 60 and above is silent but explained. */
	{"eGFR 15 at 40", 40, "male", "15", M0, NULL, "", "", 0, -1, PLAN_CLINICIAN,
	 {"safety-egfr-below-30", "plan-clinician"}, "safety-kidney-unknown", "eGFR 15, below 30"},
	{"eGFR 29 at 40", 40, "female", "29", M0, NULL, "", "sleep", 0, -1, PLAN_CLINICIAN,
	 {"safety-egfr-below-30"}, "safety-egfr-30-59", NULL},
	{"eGFR 29.6 is below 30, not rounded up", 40, "female", "29.6", M0, NULL, "", "", 0, -1, PLAN_CLINICIAN,
	 {"safety-egfr-below-30"}, NULL, "eGFR 29.6"},
	{"eGFR 30 at 40: caution, not a stop", 40, "male", "30", M0, NULL, "", "", 0, -1, PLAN_CAUTION,
	 {"safety-egfr-30-59"}, "safety-egfr-below-30", "eGFR 30, below 60"},
	{"eGFR 45 at 40", 40, "female", "45", M0, NULL, "", "", 0, -1, PLAN_CAUTION,
	 {"safety-egfr-30-59"}, "kidney-risk-age", "blood magnesium check"},
	{"eGFR 45 at 65 names the age", 65, "male", "45", M0, NULL, "", "", 0, -1, PLAN_CAUTION,
	 {"safety-egfr-30-59", "kidney-risk-age"}, NULL, "(at 65)"},
	{"eGFR 59 at 80", 80, "female", "59", M0, NULL, "", "", 0, -1, PLAN_CAUTION,
	 {"safety-egfr-30-59", "kidney-risk-age"}, "safety-kidney-unknown", NULL},
	{"eGFR 60 at 80: known and not reduced", 80, "male", "60", M0, NULL, "", "", 0, -1, PLAN_OK,
	 {"plan-kidney-known"}, "safety-egfr-30-59", NULL},
	{"eGFR 90 at 40", 40, "female", "90", M0, NULL, "", "", 0, -1, PLAN_OK,
	 {"plan-kidney-known"}, "safety-kidney-unknown", NULL},
	{"eGFR 90 at 65", 65, "female", "90", M0, NULL, "", "", 0, -1, PLAN_OK,
	 {"plan-kidney-known"}, "safety-kidney-unknown", NULL},
	{"eGFR 90 at 80", 80, "male", "90", M0, NULL, "", "", 0, -1, PLAN_OK,
	 {"plan-kidney-known"}, "kidney-risk-age", NULL},
	{"a lab's \">90\" at 80", 80, "male", ">90", M0, NULL, "", "", 0, -1, PLAN_OK,
	 {"plan-kidney-known"}, "safety-kidney-unknown", "eGFR 90, 60 or above"},
	{"eGFR 15 at 80", 80, "female", "15", M0, NULL, "", "", 0, -1, PLAN_CLINICIAN,
	 {"safety-egfr-below-30"}, "safety-kidney-unknown", NULL},
	/* Unknown or never asked: a question only where it matters. */
	{"eGFR unknown at 40: no question", 40, "male", "unknown", M0, NULL, "", "", 0, -1, PLAN_OK,
	 {NULL}, "safety-kidney-unknown", NULL},
	{"eGFR unknown at 65", 65, "female", "unknown", M0, NULL, "", "", 0, -1, PLAN_CAUTION,
	 {"safety-kidney-unknown", "kidney-risk-age"}, NULL, "mgtrack does not know yours"},
	{"eGFR unknown at 80", 80, "male", "unknown", M0, NULL, "", "sleep", 0, -1, PLAN_CAUTION,
	 {"safety-kidney-unknown"}, "plan-kidney-known", "--egfr N"},
	{"never asked at 40", 40, "female", NULL, M0, NULL, "", "", 0, -1, PLAN_OK,
	 {NULL}, "safety-kidney-unknown", NULL},
	{"never asked at 64", 64, "male", NULL, M0, NULL, "", "", 0, 300, PLAN_OK,
	 {NULL}, "safety-kidney-unknown", NULL},
	{"never asked at 65", 65, "male", NULL, M0, NULL, "", "", 0, -1, PLAN_CAUTION,
	 {"safety-kidney-unknown", "kidney-risk-age"}, NULL, "at 65: kidney function should be known"},
	{"never asked at 80", 80, "female", NULL, M0, NULL, "", "", 0, 200, PLAN_CAUTION,
	 {"safety-kidney-unknown"}, NULL, "ask your doctor for your eGFR"},
	/* The medicines that make kidney function matter, by any name. */
	{"furosemide at 40, never asked", 40, "male", NULL, {"furosemide@08:00"}, NULL, "", "", 0, -1, PLAN_CAUTION,
	 {"safety-kidney-unknown", "kidney-risk-loop-diuretic"}, "kidney-risk-age", "with furosemide"},
	{"Lasix 40 mg, the brand", 40, "female", NULL, {"Lasix 40 mg@08:00"}, NULL, "", "", 0, -1, PLAN_CAUTION,
	 {"safety-kidney-unknown", "kidney-risk-loop-diuretic"}, NULL, NULL},
	{"frusemide, the old UK name, eGFR unknown", 50, "male", "unknown", {"frusemide@08:00"}, NULL, "", "", 0, -1,
	 PLAN_CAUTION, {"safety-kidney-unknown", "med-loop-diuretic"}, NULL, NULL},
	{"furosemide with eGFR 75: advice only", 40, "male", "75", {"furosemide@08:00"}, NULL, "", "", 0, -1, PLAN_OK,
	 {"med-loop-diuretic", "plan-kidney-known"}, "safety-kidney-unknown", NULL},
	{"furosemide and eGFR 25 at 80", 80, "female", "25", {"furosemide@08:00"}, NULL, "", "", 0, -1, PLAN_CLINICIAN,
	 {"safety-egfr-below-30", "med-loop-diuretic"}, "safety-kidney-unknown", NULL},
	{"hydrochlorothiazide at 40", 40, "female", NULL, {"hydrochlorothiazide@08:00"}, NULL, "", "", 0, -1,
	 PLAN_CAUTION, {"safety-kidney-unknown", "kidney-risk-thiazide"}, NULL, NULL},
	{"hydrochlorothiazide with eGFR 45 at 65", 65, "male", "45", {"hydrochlorothiazide 25mg@08:00"}, NULL, "", "", 0,
	 -1, PLAN_CAUTION, {"safety-egfr-30-59", "kidney-risk-thiazide"}, NULL, "(at 65, with hydrochlorothiazide 25mg)"},
	{"hydrochlorothiazide with eGFR 90 at 80", 80, "female", "90", {"hydrochlorothiazide@08:00"}, NULL, "", "", 0, -1,
	 PLAN_OK, {"med-thiazide"}, "safety-kidney-unknown", NULL},
	{"spironolactone at 40", 40, "male", NULL, {"spironolactone@08:00"}, NULL, "", "", 0, -1, PLAN_CAUTION,
	 {"safety-kidney-unknown", "kidney-risk-potassium-sparing"}, NULL, NULL},
	{"spironolactone with eGFR 90 stays a caution", 40, "male", "90", {"aldactone@08:00"}, NULL, "", "", 0, -1,
	 PLAN_CAUTION, {"med-potassium-sparing"}, "safety-kidney-unknown", NULL},
	{"eplerenone at 65, eGFR unknown", 65, "female", "unknown", {"eplerenone@09:00"}, NULL, "", "", 0, -1,
	 PLAN_CAUTION, {"safety-kidney-unknown", "kidney-risk-potassium-sparing"}, NULL, NULL},
	{"Inspra, eplerenone's brand, eGFR 45", 40, "male", "45", {"inspra@09:00"}, NULL, "", "", 0, -1, PLAN_CAUTION,
	 {"safety-egfr-30-59", "kidney-risk-potassium-sparing"}, NULL, "with inspra"},
	{"Dyazide: two diuretics, each a risk", 50, "female", NULL, {"Dyazide@08:00"}, NULL, "", "", 0, -1, PLAN_CAUTION,
	 {"kidney-risk-potassium-sparing", "kidney-risk-thiazide"}, NULL, NULL},
	{"digoxin at 40", 40, "male", NULL, {"digoxin@08:00"}, NULL, "", "", 0, -1, PLAN_CAUTION,
	 {"safety-kidney-unknown", "kidney-risk-digoxin"}, NULL, NULL},
	{"Lanoxin with eGFR 45 at 80", 80, "female", "45", {"lanoxin 125 mcg@08:00"}, NULL, "", "", 0, -1, PLAN_CAUTION,
	 {"safety-egfr-30-59", "kidney-risk-digoxin"}, NULL, NULL},
	{"75 on furosemide and digoxin, never asked", 75, "male", NULL, {"furosemide@08:00", "digitek@08:00"}, NULL, "",
	 "", 0, -1, PLAN_CAUTION, {"safety-kidney-unknown", "kidney-risk-digoxin"}, NULL,
	 "at 75, with furosemide, with digitek"},
	{"lithium at 40", 40, "female", NULL, {"lithium@08:00,20:00"}, NULL, "", "", 0, -1, PLAN_CAUTION,
	 {"safety-kidney-unknown", "kidney-risk-lithium"}, NULL, NULL},
	{"lithium carbonate 400 mg tablets", 40, "male", NULL, {"Lithium Carbonate 400 mg tablets@20:00"}, NULL, "", "",
	 0, -1, PLAN_CAUTION, {"kidney-risk-lithium", "med-lithium"}, NULL, NULL},
	{"lithium citrate liquid", 40, "female", "unknown", {"lithium citrate liquid@08:00"}, NULL, "", "", 0, -1,
	 PLAN_CAUTION, {"kidney-risk-lithium"}, NULL, NULL},
	{"Priadel with eGFR 90: advice, no question", 40, "male", "90", {"priadel@20:00"}, NULL, "", "", 0, -1, PLAN_OK,
	 {"med-lithium", "plan-kidney-known"}, "safety-kidney-unknown", NULL},
	{"omeprazole is no kidney risk", 40, "female", NULL, {"omeprazole@07:30"}, NULL, "", "", 0, -1, PLAN_OK,
	 {"med-ppi"}, "safety-kidney-unknown", NULL},
	/* Kidney conditions already stop the plan: no question on top. */
	{"kidney disease at 80, never asked", 80, "male", NULL, M0, "kidney-disease", "", "", 0, -1, PLAN_CLINICIAN,
	 {"cond-kidney-disease"}, "safety-kidney-unknown", NULL},
	{"dialysis on furosemide", 60, "female", NULL, {"furosemide@08:00"}, "dialysis", "", "", 0, -1, PLAN_CLINICIAN,
	 {"cond-dialysis"}, "safety-kidney-unknown", NULL},
	{"the condition and an eGFR of 20 say it once", 70, "male", "20", M0, "egfr-below-30", "", "", 0, -1,
	 PLAN_CLINICIAN, {"cond-egfr-below-30"}, "safety-egfr-below-30", NULL},
	/* Pregnancy: pre-eclampsia and high blood pressure need the obstetric
	 * team, even where a clinician guides the plan. */
	{"pre-eclampsia", 31, "female", NULL, M0, "pre-eclampsia", "pregnant", "sleep", 0, -1, PLAN_CLINICIAN,
	 {"cond-pre-eclampsia", "safety-pregnant"}, NULL, "magnesium sulfate is given in hospital"},
	{"pre-eclampsia with a clinician-guided plan", 31, "female", NULL, M0, "pre-eclampsia", "pregnant guided", "", 0,
	 -1, PLAN_CLINICIAN, {"cond-pre-eclampsia", "safety-guided"}, NULL, NULL},
	{"pre-eclampsia after the birth", 31, "female", NULL, M0, "pre-eclampsia", "", "", 0, -1, PLAN_CLINICIAN,
	 {"cond-pre-eclampsia"}, "safety-pregnant", NULL},
	{"hypertension in pregnancy", 35, "female", NULL, M0, "hypertension-in-pregnancy", "pregnant", "", 0, -1,
	 PLAN_CLINICIAN, {"cond-hypertension-in-pregnancy"}, NULL, "nifedipine"},
	{"hypertension in pregnancy, clinician-guided", 35, "female", NULL, {"nifedipine@08:00"},
	 "hypertension-in-pregnancy", "pregnant guided", "", 0, -1, PLAN_CLINICIAN,
	 {"cond-hypertension-in-pregnancy", "safety-guided"}, NULL, NULL},
	{"clinician-guided pregnancy without them is ok", 35, "female", NULL, M0, NULL, "pregnant guided", "", 0, -1,
	 PLAN_OK, {"safety-guided"}, "cond-hypertension-in-pregnancy", NULL},
	/* Zinc: the note says what 40 mg is and what lowered magnesium. */
	{"zinc 50 mg", 36, "male", NULL, M0, NULL, "", "", 50, -1, PLAN_OK,
	 {"plan-zinc"}, NULL, "set to protect copper status (IOM 2001), not for magnesium"},
	{"zinc 50 mg names the study", 36, "female", NULL, M0, NULL, "", "", 50, 150, PLAN_OK,
	 {"plan-zinc"}, NULL, "142 mg of zinc a day lowered magnesium absorption and balance (Spencer 1994)"},
	{"zinc 40 mg is not flagged", 36, "male", NULL, M0, NULL, "", "", 40, -1, PLAN_OK,
	 {NULL}, "plan-zinc", NULL},
	{"zinc 50 mg at 80, never asked", 80, "female", NULL, M0, NULL, "", "", 50, -1, PLAN_CAUTION,
	 {"plan-zinc", "safety-kidney-unknown"}, NULL, NULL},
	/* A regularity goal with a sensitive gut: glycinate is chosen and the
	 * plan says it will not help constipation. */
	{"regularity with a sensitive gut", 41, "female", NULL, M0, NULL, "gi", "regularity", 0, 150, PLAN_OK,
	 {"plan-regularity-gentle", "choose-regularity-gi"}, NULL, "glycinate will not help constipation"},
	{"regularity with a sensitive gut, food unknown", 30, "male", NULL, M0, NULL, "gi", "regularity", 0, -1, PLAN_OK,
	 {"plan-regularity-gentle"}, "choose-regularity", NULL},
	{"regularity without a sensitive gut: citrate, no note", 41, "female", NULL, M0, NULL, "", "regularity", 0, 150,
	 PLAN_OK, {"choose-regularity"}, "plan-regularity-gentle", "citrate, evidence: magnesium salts are established"},
	{"a sensitive gut without the goal: no note", 41, "female", NULL, M0, NULL, "gi", "sleep", 0, 150, PLAN_OK,
	 {"choose-sleep"}, "plan-regularity-gentle", NULL},
	{"regularity and energy with a sensitive gut: malate", 41, "female", NULL, M0, NULL, "gi", "energy,regularity", 0,
	 150, PLAN_OK, {"plan-regularity-gentle", "choose-energy"}, NULL, "malate will not help constipation"},
	{"regularity with a sensitive gut, no supplement needed", 41, "female", NULL, M0, NULL, "gi", "regularity", 0, 400,
	 PLAN_OK, {"plan-gap-covered"}, "plan-regularity-gentle", NULL},
	{"regularity with a sensitive gut at 80, never asked", 80, "male", NULL, M0, NULL, "gi", "regularity", 0, -1,
	 PLAN_CAUTION, {"plan-regularity-gentle", "safety-kidney-unknown"}, NULL, NULL},
	/* Evidence levels travel with the form chosen. */
	{"threonate for focus: its evidence said", 30, "male", NULL, M0, NULL, "", "focus", 0, 300, PLAN_OK,
	 {"choose-focus", "form-threonate"}, NULL, "funded by a company that sells it"},
	{"taurate for stress with arrhythmia: its evidence said", 48, "male", NULL, M0, "arrhythmia", "", "stress", 0, 250,
	 PLAN_CAUTION, {"choose-stress-heart", "form-taurate"}, NULL, "none in people for heart rhythm"},
	{"glycinate for sleep: small trials", 34, "female", NULL, M0, NULL, "", "sleep", 0, -1, PLAN_OK,
	 {"choose-sleep", "form-glycinate"}, NULL, "evidence: small trials"},
};

#define N_CASES (sizeof(cases) / sizeof(cases[0]))

/* Rule ids the cases produced, for the last test. */
static char seen[256][48];
static size_t n_seen;

static void remember(const struct notes *ns)
{
	for (size_t i = 0; i < ns->n; i++) {
		size_t k = 0;
		while (k < n_seen && strcmp(seen[k], ns->v[i].rule) != 0)
			k++;
		if (k == n_seen && n_seen < sizeof(seen) / sizeof(seen[0]))
			mg_strlcpy(seen[n_seen++], ns->v[i].rule, sizeof(seen[0]));
	}
}

static int has_rule(const struct plan *p, const char *rule)
{
	return notes_has(&p->warnings, rule) || notes_has(&p->explain, rule);
}

static int says(const struct notes *ns, const char *words)
{
	for (size_t i = 0; i < ns->n; i++)
		if (strstr(ns->v[i].text, words))
			return 1;
	return 0;
}

static void build(const struct kcase *c, struct profile *pr)
{
	struct mg_err e = {0};
	profile_defaults(pr, "k");
	pr->age_years = c->age;
	pr->age_on = today;
	mg_strlcpy(pr->sex, c->sex, sizeof(pr->sex));
	pr->pregnant = mg_has_any_word(c->flags, "pregnant");
	pr->clinician_guided = mg_has_any_word(c->flags, "guided");
	pr->gi_sensitive = mg_has_any_word(c->flags, "gi");
	if (*c->goals && profile_set_goal_list(pr, c->goals, &e) < 0)
		fail_msg("%s: %s", c->name, e.msg);
	if (c->condition && profile_add_condition(pr, c->condition, &e) < 0)
		fail_msg("%s: %s", c->name, e.msg);
	for (size_t i = 0; i < 3 && c->meds[i]; i++)
		if (profile_add_med(pr, c->meds[i], &e) < 0)
			fail_msg("%s: %s", c->name, e.msg);
	/* The value goes through the same setter as --egfr. */
	if (c->egfr && profile_set_egfr(pr, c->egfr, &e) < 0)
		fail_msg("%s: %s", c->name, e.msg);
	pr->zinc_mg = c->zinc_mg;
	if (profile_validate(pr, today, &e) < 0)
		fail_msg("%s: %s", c->name, e.msg);
}

static int compute(const struct kcase *c, const struct profile *pr, struct plan *p)
{
	struct plan_input in = {
		.profile = pr, .today = today, .days = 7, .food_known = c->food_mg >= 0,
		.food_mg = c->food_mg >= 0 ? c->food_mg : 0, .food_days_logged = c->food_mg >= 0 ? 7 : 0,
	};
	struct mg_err e = {0};
	int rc = plan_compute(&in, p, &e);
	if (rc < 0)
		fail_msg("%s: %s", c->name, e.msg);
	return rc;
}

static void test_case(void **state)
{
	const struct kcase *c = *state;
	struct profile pr;
	struct plan p;
	build(c, &pr);
	compute(c, &pr, &p);
	if (p.status != c->status)
		fail_msg("%s: status %s, expected %s", c->name, plan_status_name(p.status), plan_status_name(c->status));
	for (size_t i = 0; i < 2 && c->must[i]; i++)
		if (!has_rule(&p, c->must[i]))
			fail_msg("%s: no note with rule %s", c->name, c->must[i]);
	if (c->must_not && has_rule(&p, c->must_not))
		fail_msg("%s: a note with rule %s, which must not apply", c->name, c->must_not);
	if (c->says && !says(&p.warnings, c->says) && !says(&p.explain, c->says))
		fail_msg("%s: no note says \"%s\"", c->name, c->says);
	/* A stop means no doses at all; anything else with food unknown
	 * still plans (a caution is a plan with its warning on top). */
	if (p.status == PLAN_CLINICIAN) {
		assert_int_equal(p.n_steps, 0);
		for (size_t i = 0; i < p.n_days; i++)
			assert_null(p.days[i].schedule);
	} else if (c->food_mg < 0) {
		assert_true(p.n_steps > 0);
	}
	/* Every warning of a status above ok comes from a row whose status
	 * is at least that high, so the status is always explained. */
	if (p.status == PLAN_CAUTION)
		assert_true(p.warnings.n > 0);
	remember(&p.warnings);
	remember(&p.explain);
	plan_release(&p);
}

/* The course pauses with the first warning's words (core/course.c), so a
 * kidney stop must come before the medicines' own advice. */
static void test_kidney_stop_is_first(void **state)
{
	struct profile pr;
	struct plan p;
	const struct kcase c = {"first", 78, "male", "22", {"furosemide@08:00", "digoxin@08:00"}, NULL, "", "", 0, -1,
				PLAN_CLINICIAN, {NULL}, NULL, NULL};
	build(&c, &pr);
	compute(&c, &pr, &p);
	assert_int_equal(p.status, PLAN_CLINICIAN);
	assert_true(p.warnings.n >= 3);
	assert_string_equal(p.warnings.v[0].rule, "safety-egfr-below-30");
	plan_release(&p);
}

/* The same profile with only eGFR changed: the status never gets milder
 * as kidney function falls, at any age and with any risk medicine. */
static void test_status_follows_egfr(void **state)
{
	static const char *const egfrs[] = {"120", "90", "60", "59", "45", "30", "29", "15", "5"};
	static const int ages[] = {40, 65, 80};
	static const char *const meds[] = {NULL, "furosemide@08:00", "lithium@20:00", "eplerenone@09:00"};
	for (size_t a = 0; a < sizeof(ages) / sizeof(ages[0]); a++)
		for (size_t m = 0; m < sizeof(meds) / sizeof(meds[0]); m++) {
			enum plan_status last = PLAN_OK;
			for (size_t g = 0; g < sizeof(egfrs) / sizeof(egfrs[0]); g++) {
				struct kcase c = {"sweep", ages[a], "female", egfrs[g], {meds[m]}, NULL, "", "", 0, -1,
						  PLAN_OK, {NULL}, NULL, NULL};
				struct profile pr;
				struct plan p;
				build(&c, &pr);
				compute(&c, &pr, &p);
				if (p.status < last)
					fail_msg("age %d, %s: eGFR %s gives %s after %s", ages[a], meds[m] ? meds[m] : "no medicine",
						 egfrs[g], plan_status_name(p.status), plan_status_name(last));
				last = p.status;
				double v = strtod(egfrs[g], NULL);
				assert_int_equal(p.status == PLAN_CLINICIAN, v < 30);
				if (v < 60)
					assert_true(p.status >= PLAN_CAUTION);
				assert_false(notes_has(&p.warnings, "safety-kidney-unknown"));
				plan_release(&p);
			}
		}
}

static void test_every_kidney_row_reached(void **state)
{
	const struct mg_table *risks = tables_get("kidney-risks.tsv");
	struct strbuf missing;
	strbuf_init(&missing);
	for (size_t r = 0; r < risks->nrows; r++) {
		const char *id = table_cell(risks, r, "id");
		size_t k = 0;
		while (k < n_seen && strcmp(seen[k], id) != 0)
			k++;
		if (k == n_seen)
			strbuf_addf(&missing, " %s", id);
	}
	static const char *const rows[] = {"safety-egfr-below-30", "safety-egfr-30-59", "safety-kidney-unknown",
					   "plan-kidney-known", "cond-pre-eclampsia", "cond-hypertension-in-pregnancy",
					   "med-lithium", "plan-zinc", "plan-regularity-gentle"};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		size_t k = 0;
		while (k < n_seen && strcmp(seen[k], rows[i]) != 0)
			k++;
		if (k == n_seen)
			strbuf_addf(&missing, " %s", rows[i]);
	}
	if (missing.len)
		fail_msg("rows no case reached:%s", strbuf_str(&missing));
	strbuf_release(&missing);
}

int main(void)
{
	struct CMUnitTest tests[N_CASES + 3];
	for (size_t i = 0; i < N_CASES; i++) {
		struct CMUnitTest t = {cases[i].name, test_case, NULL, NULL, (void *)&cases[i]};
		tests[i] = t;
	}
	struct CMUnitTest first = cmocka_unit_test(test_kidney_stop_is_first);
	struct CMUnitTest sweep = cmocka_unit_test(test_status_follows_egfr);
	struct CMUnitTest every = cmocka_unit_test(test_every_kidney_row_reached);
	tests[N_CASES] = first;
	tests[N_CASES + 1] = sweep;
	tests[N_CASES + 2] = every;
	_Static_assert(N_CASES >= 20, "issue 11 asks for at least 20 kidney and pregnancy profiles");
	return _cmocka_run_group_tests("plan-kidney", tests, N_CASES + 3, tu_tables_setup, tu_tables_teardown);
}
