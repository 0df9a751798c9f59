/*
 * The course suite (src/core/course.c): one scripted log per row, run day
 * by day over 6-10 weeks the way a person follows the programme. Each
 * morning the night is logged, the course is evaluated (due versions are
 * stored, as view/course.c does, and a second evaluation must find none),
 * the row's actions are taken (resume, stop, a review decision applied,
 * another supplement, a new medicine), the row's checks run, and the day's
 * intakes are taken, skipped or replaced as the script says.
 *
 * Everything is pure: no journal, just the course, nights and doses in
 * memory. Start at `scenarios` below.
 */
#include "testutil.h"
#include "core/course.h"
#include "core/profile.h"
#include "core/tables.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

enum take {
	TAKE_ALL,       /* every planned intake at its time */
	TAKE_ONCE,      /* the whole daily amount once, at 21:00, logged as servings */
	TAKE_FIXED,     /* 100 mg once at 21:00 whatever is planned (a course begun before mgtrack) */
	TAKE_SKIP,      /* every planned intake recorded as skipped */
	TAKE_FIRST,     /* only the first intake */
	TAKE_NONE,
};

struct span {
	int from, to;          /* course days, inclusive; from 0 ends the list */
	int bristol;           /* 0: not logged */
	unsigned red;          /* red flags on these nights */
	int no_night;          /* no night logged at all */
	enum take take;
};

struct action {
	int day;               /* 0 ends the list */
	const char *what;      /* resume, stop, apply:DECISION[:RULE], other:MG, med:NAME@HH:MM, pregnant, egfr:VALUE,
				  redflag:DAY (a red flag written later into an earlier night) */
};

#define ANY -1
struct check {
	int day;               /* 0 ends the list */
	const char *phase;
	double daily;          /* ANY: not checked */
	int intakes;           /* ANY */
	const char *event;     /* the newest version's event; NULL: not checked */
	double adh_lo, adh_hi; /* mg_pct bounds; adh_lo ANY: not checked */
	const char *hold;      /* hold rule, "" for none, NULL: not checked */
	const char *next;      /* next rule; NULL: not checked */
	int versions;          /* ANY */
};

struct scenario {
	const char *name;
	double unit_mg;        /* the course product's capsule */
	int divisible;         /* a scored tablet: the course may use halves */
	const char *goal;
	double food_mg;        /* < 0: food unknown (200 mg planned, 100 to start) */
	int first_eval;        /* the first day mgtrack sees (a course begun in the past); 0: day 1 */
	int days;
	struct span spans[6];
	struct action actions[4];   /* at most 3, the 4th ends the list */
	struct check checks[10];
};

#define FORMED(a, b, t) {a, b, 4, 0, 0, t}
#define LOOSE(a, b, t) {a, b, 6, 0, 0, t}

static const struct scenario scenarios[] = {
	{"formed stools: step up on day 8, then maintenance", 100, 0, "sleep", -1, 0, 44,
	 {FORMED(1, 44, TAKE_ALL)}, {{0}},
	 {{7, "titrating", 100, 1, "start", 99, 100, "", "course-step-up", 1},
	  {8, "maintenance", 200, 2, "step_up", 99, 100, "", "check-day-14", 2},
	  {30, "maintenance", 200, 2, "step_up", 99.9, 100, "", "check-day-42", 2},
	  {43, "maintenance", 200, 2, NULL, 99.9, 100, "", "check-day-42", 2}}},
	{"the whole daily amount once each evening is adherent", 100, 0, "sleep", -1, 0, 30,
	 {FORMED(1, 30, TAKE_ONCE)}, {{0}},
	 {{20, "maintenance", 200, 2, "step_up", 99.9, 100, "", NULL, 2}}},
	{"half the magnesium taken is 50 % adherence, whatever the occasions", 100, 0, "sleep", -1, 0, 30,
	 {FORMED(1, 7, TAKE_ALL), FORMED(8, 30, TAKE_FIRST)}, {{0}},
	 {{29, "maintenance", 200, 2, NULL, 55, 70, "", NULL, 2}}},
	{"one loose night holds the step for a week", 100, 0, "sleep", -1, 0, 20,
	 {FORMED(1, 4, TAKE_ALL), LOOSE(5, 5, TAKE_ALL), FORMED(6, 20, TAKE_ALL)}, {{0}},
	 {{8, "titrating", 100, 1, "start", ANY, 0, "course-hold-loose", "course-hold-loose", 1},
	  {11, "titrating", 100, 1, "start", ANY, 0, "course-hold-loose", NULL, 1},
	  {12, "maintenance", 200, 2, "step_up", ANY, 0, "", NULL, 2}}},
	{"no stool form logged: hold and ask", 100, 0, "sleep", -1, 0, 20,
	 {{1, 20, 0, 0, 0, TAKE_ALL}}, {{0}},
	 {{8, "titrating", 100, 1, "start", ANY, 0, "course-hold-no-log", NULL, 1},
	  {20, "titrating", 100, 1, "start", ANY, 0, "course-hold-no-log", NULL, 1}}},
	{"loose stools: split, then lower", 50, 0, "sleep", 170, 0, 30,
	 {FORMED(1, 8, TAKE_ALL), LOOSE(9, 11, TAKE_ALL), LOOSE(12, 14, TAKE_ALL), FORMED(15, 30, TAKE_ALL)}, {{0}},
	 {{8, "maintenance", 150, 1, "step_up", ANY, 0, "", NULL, 2},
	  {10, "maintenance", 150, 1, "step_up", ANY, 0, NULL, NULL, 2},
	  {11, "maintenance", 150, 2, "split", ANY, 0, NULL, NULL, 3},
	  {14, "maintenance", 100, 2, "lower", ANY, 0, NULL, NULL, 4},
	  {30, "maintenance", 100, 2, "lower", ANY, 0, "", NULL, 4}}},
	{"loose stools in titration, then formed: no step up past the lowered dose", 100, 0, "sleep", -1, 0, 30,
	 {FORMED(1, 2, TAKE_ALL), LOOSE(3, 5, TAKE_ALL), FORMED(6, 30, TAKE_ALL)}, {{0}},
	 {{5, "paused", 0, 0, "pause", ANY, 0, NULL, "course-resume", 2},
	  {20, "paused", 0, 0, "pause", ANY, 0, NULL, "course-resume", 2}}},
	{"a red flag pauses until resumed; resume restarts at the start dose", 100, 0, "sleep", -1, 0, 40,
	 {FORMED(1, 9, TAKE_ALL), {10, 10, 4, RED_PALPITATIONS, 0, TAKE_NONE}, FORMED(11, 40, TAKE_ALL)},
	 {{18, "resume"}},
	 {{9, "maintenance", 200, 2, "step_up", 99, 100, "", NULL, 2},
	  {10, "paused", 0, 0, "pause", ANY, 0, "", "course-resume", 3},
	  {17, "paused", 0, 0, "pause", 99, 100, "", "course-resume", 3},
	  {18, "titrating", 100, 1, "resume", ANY, 0, "", "course-step-up", 4},
	  {25, "maintenance", 200, 2, "step_up", 99, 100, "", NULL, 5}}},
	{"stop ends the course", 100, 0, "sleep", -1, 0, 30,
	 {FORMED(1, 30, TAKE_ALL)}, {{20, "stop"}},
	 {{20, "stopped", 0, 0, "stop", ANY, 0, "", "course-stop", 3},
	  {30, "stopped", 0, 0, "stop", 99, 100, "", "course-stop", 3}}},
	{"continue at day 42 steps down; the benefit lost goes back up", 100, 0, "sleep", -1, 0, 60,
	 {FORMED(1, 60, TAKE_ALL)}, {{42, "apply:continue"}, {56, "apply:extend"}},
	 {{42, "stepping_down", 100, 1, "step_down", ANY, 0, "", "course-step-down", 3},
	  {55, "stepping_down", 100, 1, "step_down", 99, 100, "", "course-step-down", 3},
	  {56, "maintenance", 200, 2, "step_back_up", ANY, 0, "", NULL, 4}}},
	{"continue at day 42 steps down; the benefit kept keeps the lower dose", 100, 0, "sleep", -1, 0, 70,
	 {FORMED(1, 70, TAKE_ALL)}, {{42, "apply:continue"}, {56, "apply:continue"}},
	 {{56, "maintenance", 100, 1, "keep_lower", ANY, 0, "", "course-keep-lower", 4},
	  {70, "maintenance", 100, 1, "keep_lower", 99, 100, "", "course-keep-lower", 4}}},
	{"another form from a review starts low again, and never above the dose", 100, 0, "regularity", -1, 0, 50,
	 {FORMED(1, 50, TAKE_ALL)}, {{42, "apply:change_form:review-change-form"}},
	 {{42, "titrating", 100, 1, "change_form", ANY, 0, "", "course-step-up", 3},
	  {49, "maintenance", 200, 2, "step_up", ANY, 0, "", NULL, 4}}},
	/* Steps are taken on the day mgtrack learns they are due, never
	 * back-dated: she took 100 mg a day as planned, so 100 % adherent. */
	{"a course begun three weeks before mgtrack steps up the day it is read", 100, 0, "sleep", -1, 21, 30,
	 {FORMED(1, 20, TAKE_FIXED), FORMED(21, 30, TAKE_ALL)}, {{0}},
	 {{21, "maintenance", 200, 2, "step_up", 99.9, 100, "", NULL, 2}}},
	{"other supplements leave less room under the upper limit", 100, 0, "sleep", -1, 0, 30,
	 {FORMED(1, 30, TAKE_ALL)}, {{15, "other:200"}, {25, "other:300"}},
	 {{15, "titrating", 100, 1, "fit_ul", ANY, 0, "", NULL, 3},
	  {22, "titrating", 100, 1, "fit_ul", ANY, 0, "course-hold-ul", "course-hold-ul", 3},
	  {25, "paused", 0, 0, "pause", ANY, 0, "", "course-resume", 4}}},
	{"when the other supplement stops, the course steps up again", 100, 0, "sleep", -1, 0, 40,
	 {FORMED(1, 40, TAKE_ALL)}, {{15, "other:200"}, {20, "other:0"}},
	 {{15, "titrating", 100, 1, "fit_ul", ANY, 0, "", NULL, 3},
	  {21, "titrating", 100, 1, "fit_ul", ANY, 0, "", "course-step-up", 3},
	  {22, "maintenance", 200, 2, "step_up", ANY, 0, "", NULL, 4}}},
	{"a step down is reviewed only after its two weeks", 100, 0, "sleep", -1, 0, 60,
	 {FORMED(1, 60, TAKE_ALL)}, {{42, "apply:continue"}, {50, "noapply:continue"}},
	 {{50, "stepping_down", 100, 1, "step_down", ANY, 0, "", "course-step-down", 3}}},
	{"back up after a step down: a later continue changes nothing", 100, 0, "sleep", -1, 0, 64,
	 {FORMED(1, 64, TAKE_ALL)}, {{42, "apply:continue"}, {56, "apply:extend"}, {60, "noapply:continue"}},
	 {{60, "maintenance", 200, 2, "step_back_up", ANY, 0, "", "course-keep-lower", 4}}},
	{"200 mg taken at once answers both intakes", 100, 0, "sleep", -1, 0, 12,
	 {FORMED(1, 7, TAKE_ALL), FORMED(8, 12, TAKE_ONCE)}, {{0}},
	 {{12, "maintenance", 200, 2, NULL, 99, 100, "", NULL, 2}}},
	{"loose nights logged late for the days before a step up still count", 100, 0, "sleep", -1, 0, 14,
	 {FORMED(1, 4, TAKE_ALL), {5, 8, 0, 0, 0, TAKE_ALL}, FORMED(9, 14, TAKE_ALL)}, {{10, "loose:5-7"}},
	 {{8, "titrating", 100, 1, "start", ANY, 0, "course-hold-no-log", NULL, 1},
	  {9, "maintenance", 200, 2, "step_up", ANY, 0, "", NULL, 2},
	  {10, "maintenance", 100, 1, "lower", ANY, 0, NULL, NULL, 3}}},
	{"a new medicine re-times the intakes", 100, 0, "sleep", -1, 0, 20,
	 {FORMED(1, 20, TAKE_ALL)}, {{15, "med:levothyroxine@21:30"}},
	 {{15, "maintenance", 200, 2, "retime", ANY, 0, "", NULL, 3}}},
	{"skipped intakes count as not taken", 100, 0, "sleep", -1, 0, 20,
	 {FORMED(1, 9, TAKE_ALL), FORMED(10, 19, TAKE_SKIP), FORMED(20, 20, TAKE_ALL)}, {{0}},
	 {{20, "maintenance", 200, 2, NULL, 40, 55, "", NULL, 2}}},
	{"a red flag logged later for an earlier night still pauses, today", 100, 0, "sleep", -1, 0, 20,
	 {FORMED(1, 20, TAKE_ALL)}, {{12, "redflag:9"}},
	 {{11, "maintenance", 200, 2, "step_up", ANY, 0, "", NULL, 2},
	  {12, "paused", 0, 0, "pause", ANY, 0, "", "course-resume", 3},
	  {20, "paused", 0, 0, "pause", ANY, 0, "", "course-resume", 3}}},
	{"medicines around the clock: one least-bad time, no new version every day", 100, 0, "sleep", -1, 0, 20,
	 {FORMED(1, 20, TAKE_ALL)}, {{10, "med:levothyroxine@08:00,12:00,16:00,20:00"}},
	 {{10, "maintenance", 200, ANY, NULL, ANY, 0, "", NULL, ANY},
	  {11, "maintenance", 200, ANY, NULL, ANY, 0, "", NULL, 3},
	  {20, "maintenance", 200, ANY, NULL, ANY, 0, "", NULL, 3}}},
	{"a pregnancy pauses the course", 100, 0, "sleep", -1, 0, 20,
	 {FORMED(1, 20, TAKE_ALL)}, {{12, "pregnant"}},
	 {{12, "paused", 0, 0, "pause", ANY, 0, "", "course-resume", 3}}},
	/* Kidney function learnt mid-course: below 30 the course pauses that
	 * day; 30-59 is a caution, and the course goes on. */
	{"an eGFR below 30 pauses the course", 100, 0, "sleep", -1, 0, 20,
	 {FORMED(1, 20, TAKE_ALL)}, {{12, "egfr:25"}},
	 {{11, "maintenance", 200, 2, "step_up", ANY, 0, "", NULL, 2},
	  {12, "paused", 0, 0, "pause", ANY, 0, "", "course-resume", 3},
	  {20, "paused", 0, 0, "pause", ANY, 0, "", "course-resume", 3}}},
	{"an eGFR of 45 leaves the course running", 100, 0, "sleep", -1, 0, 20,
	 {FORMED(1, 20, TAKE_ALL)}, {{12, "egfr:45"}},
	 {{12, "maintenance", 200, 2, "step_up", ANY, 0, "", NULL, 2},
	  {20, "maintenance", 200, 2, "step_up", ANY, 0, "", NULL, 2}}},
	/* Back up after a step down while other supplements leave 175 mg:
	 * whole capsules only (never 100 + 75 mg "in capsules" of 100). */
	{"back up after a step down, the limit shrunk: whole capsules only", 100, 0, "sleep", -1, 0, 60,
	 {FORMED(1, 60, TAKE_ALL)}, {{42, "apply:continue"}, {50, "other:175"}, {56, "apply:extend"}},
	 {{56, "maintenance", 100, 1, "step_back_up", ANY, 0, "", NULL, 4}}},
	/* Half a 200 mg scored tablet to start; the step up is two halves,
	 * one at lunch and one in the evening; loose stools then lower it to
	 * one half again, never to 0 or a whole tablet at once. */
	{"a scored 200 mg tablet: half to start, two halves at the full dose", 200, 1, "sleep", -1, 0, 24,
	 {FORMED(1, 14, TAKE_ALL), LOOSE(15, 17, TAKE_ALL), FORMED(18, 24, TAKE_ALL)}, {{0}},
	 {{7, "titrating", 100, 1, "start", 99, 100, "", "course-step-up", 1},
	  {8, "maintenance", 200, 2, "step_up", ANY, 0, "", NULL, 2},
	  {17, "maintenance", 100, 1, "lower", ANY, 0, NULL, NULL, 3},
	  {24, "maintenance", 100, 1, "lower", ANY, 0, "", NULL, 3}}},
};

static const long day0 = 20700;   /* 2026-09-05: day 1 of every course */

struct sim {
	const struct scenario *sc;
	struct profile pr;
	struct product products[2];
	size_t n_products;
	struct plan_other other;
	struct course c;
	struct night nights[128];
	size_t n_nights;
	struct dose_entry doses[512];
	size_t n_doses;
	long dose_id;
};

static const struct span *span_on(const struct scenario *sc, int day)
{
	for (size_t i = 0; i < 6 && sc->spans[i].from; i++)
		if (day >= sc->spans[i].from && day <= sc->spans[i].to)
			return &sc->spans[i];
	return NULL;
}

static void sim_plan(struct sim *s, long today, struct plan_input *in, struct plan *p)
{
	memset(in, 0, sizeof(*in));
	in->profile = &s->pr;
	in->today = today;
	in->days = 1;
	in->food_known = s->sc->food_mg >= 0;
	in->food_mg = s->sc->food_mg >= 0 ? s->sc->food_mg : 0;
	in->food_days_logged = in->food_known ? 7 : 0;
	in->products = s->products;
	in->n_products = s->n_products;
	in->others = s->other.mg_per_day > 0 ? &s->other : NULL;
	in->n_others = s->other.mg_per_day > 0 ? 1 : 0;
	struct mg_err e = {0};
	if (plan_compute(in, p, &e) < 0)
		fail_msg("%s: plan: %s", s->sc->name, e.msg);
}

/* Evaluates the course on `today`, stores what is due, and checks that a
 * second evaluation finds nothing more due (the replay is deterministic). */
static void sim_eval(struct sim *s, long today, struct course_state *st)
{
	struct plan_input in;
	struct plan p;
	sim_plan(s, today, &in, &p);
	struct course_input ci = {
		.course = &s->c, .today = today, .nights = s->nights, .n_nights = s->n_nights,
		.doses = s->doses, .n_doses = s->n_doses, .plan_in = &in, .plan = &p,
	};
	struct mg_err e = {0};
	assert_int_equal(course_evaluate(&ci, st, &e), 0);
	for (size_t i = 0; i < st->n_due; i++) {
		struct course_version v = st->due[i];
		v.id = (long)s->c.n + 1;
		assert_int_equal(v.seq, (int)s->c.n + 1);
		assert_true(v.from <= today && v.from >= course_last(&s->c)->from);
		assert_true(v.reason[0] && v.rule[0]);
		/* Every rule a version names is a row of a table. */
		const struct mg_table *t = tables_get(strncmp(v.rule, "review-", 7) == 0 ? "review-rules.tsv"
										 : "course-rules.tsv");
		assert_true(table_find(t, "id", v.rule) >= 0);
		course_push(&s->c, &v);
	}
	if (st->n_due) {
		course_state_release(st);
		assert_int_equal(course_evaluate(&ci, st, &e), 0);
		assert_int_equal(st->n_due, 0);
	}
	plan_release(&p);
}

static void add_dose(struct sim *s, long date, int time, double mg, int planned, int skipped)
{
	assert_true(s->n_doses < sizeof(s->doses) / sizeof(s->doses[0]));
	struct dose_entry *d = &s->doses[s->n_doses++];
	memset(d, 0, sizeof(*d));
	d->id = ++s->dose_id;
	d->date = date;
	d->time = time;
	d->product_id = course_last(&s->c)->product_id ? course_last(&s->c)->product_id : 1;
	mg_strlcpy(d->product_name, course_last(&s->c)->product_name, sizeof(d->product_name));
	d->elemental_mg = mg;
	d->servings = 1;
	d->planned_time = planned;
	d->skipped = skipped;
}

static void take(struct sim *s, long date, const struct course_state *st, enum take how)
{
	switch (how) {
	case TAKE_NONE:
		return;
	case TAKE_FIXED:
		add_dose(s, date, 21 * 60, 100, -1, 0);
		return;
	case TAKE_ONCE:
		if (st->now.daily_mg > 0)
			add_dose(s, date, 21 * 60, st->now.daily_mg, -1, 0);
		return;
	default:
		break;
	}
	for (size_t i = 0; i < st->n_today; i++) {
		if (how == TAKE_FIRST && i > 0)
			break;
		add_dose(s, date, st->today[i].time + 10, st->today[i].mg, st->today[i].time, how == TAKE_SKIP);
	}
}

static void act(struct sim *s, long today, const char *what)
{
	struct mg_err e = {0};
	struct course_state st;
	struct course_version v;
	struct plan_input in;
	struct plan p;
	if (strncmp(what, "other:", 6) == 0) {
		s->other = (struct plan_other){.product_id = 99, .name = "Cal-Mag", .mg_per_day = strtod(what + 6, NULL)};
		return;
	}
	if (strncmp(what, "med:", 4) == 0) {
		assert_int_equal(profile_add_med(&s->pr, what + 4, &e), 0);
		return;
	}
	if (strcmp(what, "pregnant") == 0) {
		s->pr.pregnant = 1;
		return;
	}
	if (strncmp(what, "egfr:", 5) == 0) {
		assert_int_equal(profile_set_egfr(&s->pr, what + 5, &e), 0);
		return;
	}
	if (strncmp(what, "loose:", 6) == 0) {
		char *dash;
		long a = strtol(what + 6, &dash, 10), b = strtol(dash + 1, NULL, 10);
		for (size_t i = 0; i < s->n_nights; i++)
			if (s->nights[i].date >= day0 + a - 1 && s->nights[i].date <= day0 + b - 1)
				s->nights[i].bristol = 7;
		return;
	}
	if (strncmp(what, "redflag:", 8) == 0) {
		long date = day0 + strtol(what + 8, NULL, 10) - 1;
		for (size_t i = 0; i < s->n_nights; i++)
			if (s->nights[i].date == date)
				s->nights[i].red_flags = RED_DIARRHOEA;
		return;
	}
	sim_eval(s, today, &st);
	sim_plan(s, today, &in, &p);
	if (strcmp(what, "resume") == 0) {
		assert_int_equal(course_resume_version(&s->c, s->nights, s->n_nights, &in, &p, today, &v, &e), 0);
	} else if (strcmp(what, "stop") == 0) {
		course_stop_version(&s->c, today, NULL, &v);
	} else {
		/* apply:DECISION[:RULE] must change the course; noapply:DECISION must not. */
		int expect_change = strncmp(what, "apply:", 6) == 0;
		const char *d = strchr(what, ':') + 1;
		char decision[32], rule[48] = "review-continue";
		const char *colon = strchr(d, ':');
		size_t l = colon ? (size_t)(colon - d) : strlen(d);
		mg_strlcpy(decision, d, l + 1 < sizeof(decision) ? l + 1 : sizeof(decision));
		if (colon)
			mg_strlcpy(rule, colon + 1, sizeof(rule));
		char said[240];
		int k = course_apply_decision(&s->c, &st, decision, rule, "the review says so", NULL, s->products,
					      s->n_products, &in, &p, today, &v, said, sizeof(said), &e);
		if (k != (expect_change ? 1 : 0))
			fail_msg("%s: apply %s on %ld: %d %s %s", s->sc->name, decision, today - day0 + 1, k, said, e.msg);
		if (!expect_change) {
			plan_release(&p);
			course_state_release(&st);
			return;
		}
	}
	v.id = (long)s->c.n + 1;
	course_push(&s->c, &v);
	plan_release(&p);
	course_state_release(&st);
}

static void check(struct sim *s, const struct check *c, const struct course_state *st)
{
	const char *name = s->sc->name;
	const struct course_version *last = course_last(&s->c);
	if (strcmp(course_phase_name(st->now.phase), c->phase) != 0)
		fail_msg("%s, day %d: phase %s, expected %s (%s)", name, c->day, course_phase_name(st->now.phase), c->phase,
			 last->reason);
	if (c->daily != ANY && fabs(st->now.daily_mg - c->daily) > 1e-6)
		fail_msg("%s, day %d: %.0f mg a day, expected %.0f", name, c->day, st->now.daily_mg, c->daily);
	if (c->intakes != ANY && (int)st->now.n_intakes != c->intakes)
		fail_msg("%s, day %d: %zu intakes, expected %d", name, c->day, st->now.n_intakes, c->intakes);
	if (c->event && strcmp(last->event, c->event) != 0)
		fail_msg("%s, day %d: last event %s, expected %s", name, c->day, last->event, c->event);
	if (c->adh_lo != ANY && !(st->adherence.mg_pct >= c->adh_lo - 1e-9 && st->adherence.mg_pct <= c->adh_hi + 1e-9))
		fail_msg("%s, day %d: adherence %.2f %%, expected %.1f-%.1f", name, c->day, st->adherence.mg_pct, c->adh_lo,
			 c->adh_hi);
	if (c->hold && strcmp(st->hold_rule, c->hold) != 0)
		fail_msg("%s, day %d: hold \"%s\", expected \"%s\"", name, c->day, st->hold_rule, c->hold);
	if (c->next && strcmp(st->next_rule, c->next) != 0)
		fail_msg("%s, day %d: next %s (%s), expected %s", name, c->day, st->next_rule, st->next_what, c->next);
	if (c->versions != ANY && (int)s->c.n != c->versions)
		fail_msg("%s, day %d: %zu versions, expected %d", name, c->day, s->c.n, c->versions);
	/* Invariants of every day: the course's dose stays within the upper
	 * limit with the other supplements, every intake has whole capsules
	 * (or halves of a scored tablet) that give its magnesium, a paused or
	 * stopped course plans nothing. */
	double intake_sum = 0;
	for (size_t i = 0; i < st->now.n_intakes; i++) {
		const struct course_intake *in = &st->now.intakes[i];
		double pieces = in->units * (st->now.divisible ? 2 : 1);
		assert_int_equal(st->now.divisible, s->sc->divisible);
		assert_true(pieces >= 1 && fabs(pieces - round(pieces)) < 1e-9);
		assert_true(fabs(in->units * st->now.unit_mg - in->mg) < 1e-6);
		assert_true(in->mg > 0);
		intake_sum += in->mg;
	}
	assert_true(fabs(intake_sum - st->now.daily_mg) < 1e-6);
	assert_true(st->now.daily_mg + s->other.mg_per_day <= 350 + 1e-6 || st->now.daily_mg == 0);
	if (st->now.phase == PHASE_PAUSED || st->now.phase == PHASE_STOPPED)
		assert_int_equal(st->n_today, 0);
}

static void run_scenario(const struct scenario *sc)
{
	static struct sim s;
	memset(&s, 0, sizeof(s));
	s.sc = sc;
	struct mg_err e = {0};
	profile_defaults(&s.pr, "t");
	s.pr.born = MG_NO_DATE;
	s.pr.age_years = 34;
	s.pr.age_on = day0;
	mg_strlcpy(s.pr.sex, "female", sizeof(s.pr.sex));
	assert_int_equal(profile_set_goal_list(&s.pr, sc->goal, &e), 0);
	assert_int_equal(mg_parse_hhmm("23:00", &s.pr.bed), 0);
	/* The course's product, and a gentle one to change to. */
	const char *form = strcmp(sc->goal, "regularity") == 0 ? "citrate" : "glycinate";
	product_init(&s.products[0]);
	s.products[0].id = 1;
	mg_strlcpy(s.products[0].name, "Course Caps", sizeof(s.products[0].name));
	mg_strlcpy(s.products[0].form, form, sizeof(s.products[0].form));
	s.products[0].elemental_mg = sc->unit_mg;
	s.products[0].divisible = sc->divisible;
	product_init(&s.products[1]);
	s.products[1].id = 2;
	mg_strlcpy(s.products[1].name, "Other Form", sizeof(s.products[1].name));
	mg_strlcpy(s.products[1].form, strcmp(form, "glycinate") == 0 ? "malate" : "glycinate", sizeof(s.products[1].form));
	s.products[1].elemental_mg = 100;
	s.n_products = 2;

	/* Day 1: the course starts from the plan of its first day. */
	course_init(&s.c);
	s.c.started = day0;
	{
		struct plan_input in;
		struct plan p;
		struct course_version v;
		sim_plan(&s, day0, &in, &p);
		if (course_first_version(&in, &p, day0, &v, &e) < 0)
			fail_msg("%s: start: %s", sc->name, e.msg);
		assert_string_equal(v.product_name, "Course Caps");
		v.id = 1;
		course_push(&s.c, &v);
		plan_release(&p);
	}
	int first_eval = sc->first_eval ? sc->first_eval : 1;
	for (int day = 1; day <= sc->days; day++) {
		long date = day0 + day - 1;
		const struct span *sp = span_on(sc, day);
		if (sp && !sp->no_night) {
			struct night *n = &s.nights[s.n_nights++];
			night_init(n, date);
			n->quality = 3;
			n->bristol = sp->bristol ? sp->bristol : -1;
			n->red_flags = sp->red;
		}
		struct course_state st;
		if (day < first_eval) {
			/* Before mgtrack knew: only doses were taken. */
			memset(&st, 0, sizeof(st));
			take(&s, date, &st, sp ? sp->take : TAKE_NONE);
			continue;
		}
		sim_eval(&s, date, &st);
		for (size_t i = 0; i < 4 && sc->actions[i].day; i++)
			if (sc->actions[i].day == day) {
				course_state_release(&st);
				act(&s, date, sc->actions[i].what);
				sim_eval(&s, date, &st);
			}
		for (size_t i = 0; i < 10 && sc->checks[i].day; i++)
			if (sc->checks[i].day == day)
				check(&s, &sc->checks[i], &st);
		take(&s, date, &st, sp ? sp->take : TAKE_NONE);
		course_state_release(&st);
	}
	course_release(&s.c);
}

static void test_scenarios(void **state)
{
	for (size_t i = 0; i < sizeof(scenarios) / sizeof(scenarios[0]); i++)
		run_scenario(&scenarios[i]);
}

/* Refusals: a course cannot start for a clinician-only profile or without
 * a product; a resume needs a pause; a decision with no data applies
 * nothing. */
static void test_refusals(void **state)
{
	struct profile pr;
	struct mg_err e = {0};
	profile_defaults(&pr, "t");
	pr.born = MG_NO_DATE;
	pr.age_years = 15;
	pr.age_on = day0;
	mg_strlcpy(pr.sex, "male", sizeof(pr.sex));
	struct plan_input in = {.profile = &pr, .today = day0, .days = 1};
	struct plan p;
	struct course_version v;
	assert_int_equal(plan_compute(&in, &p, &e), 0);
	assert_int_equal(course_first_version(&in, &p, day0, &v, &e), -1);
	assert_int_equal(e.code, MG_EDATA);
	assert_non_null(strstr(e.msg, "clinician"));
	plan_release(&p);

	pr.age_years = 40;
	assert_int_equal(plan_compute(&in, &p, &e), 0);
	assert_int_equal(course_first_version(&in, &p, day0, &v, &e), -1);
	assert_int_equal(e.code, MG_ENOINPUT);

	struct product prod;
	product_init(&prod);
	prod.id = 1;
	mg_strlcpy(prod.name, "Caps", sizeof(prod.name));
	mg_strlcpy(prod.form, "glycinate", sizeof(prod.form));
	prod.elemental_mg = 100;
	in.products = &prod;
	in.n_products = 1;
	plan_release(&p);
	assert_int_equal(plan_compute(&in, &p, &e), 0);
	assert_int_equal(course_first_version(&in, &p, day0, &v, &e), 0);
	struct course c;
	course_init(&c);
	c.started = day0;
	course_push(&c, &v);
	assert_int_equal(course_resume_version(&c, NULL, 0, &in, &p, day0, &v, &e), -1);
	assert_non_null(strstr(e.msg, "not paused"));

	/* A product too strong for the plan (300 mg tablets, food unknown: a
	 * 200 mg plan from 100) is refused plainly, never started at 300 mg. */
	{
		struct product strong = prod;
		struct plan sp;
		struct course_version sv;
		mg_strlcpy(strong.name, "Big Tab", sizeof(strong.name));
		strong.elemental_mg = 300;
		struct plan_input sin = in;
		sin.products = &strong;
		assert_int_equal(plan_compute(&sin, &sp, &e), 0);
		assert_null(sp.product);
		assert_true(sp.daily_mg == 200);
		assert_int_equal(course_first_version(&sin, &sp, day0, &sv, &e), -1);
		assert_int_equal(e.code, MG_EDATA);
		assert_non_null(strstr(e.msg, "product \"Big Tab\" is too strong for the plan"));
		assert_non_null(strstr(e.msg, "one unit is 300 mg"));
		plan_release(&sp);
		/* Scored, its 150 mg halves would do: the course starts at one. */
		strong.divisible = 1;
		assert_int_equal(plan_compute(&sin, &sp, &e), 0);
		assert_int_equal(course_first_version(&sin, &sp, day0, &sv, &e), 0);
		assert_true(sv.divisible && sv.daily_mg == 150 && sv.n_intakes == 1 && sv.intakes[0].units == 0.5);
		plan_release(&sp);
	}
	struct course_input ci = {.course = &c, .today = day0 + 3, .plan_in = &in, .plan = &p};
	struct course_state st;
	assert_int_equal(course_evaluate(&ci, &st, &e), 0);
	char what[240];
	assert_int_equal(course_apply_decision(&c, &st, "insufficient_data", "review-too-few", "", NULL, &prod, 1, &in, &p,
					       day0 + 3, &v, what, sizeof(what), &e), -1);
	assert_int_equal(course_apply_decision(&c, &st, "continue", "review-continue", "", NULL, &prod, 1, &in, &p,
					       day0 + 3, &v, what, sizeof(what), &e), 0);
	assert_non_null(strstr(what, "nothing changes"));
	/* change_form without a product of another form asks for one. */
	assert_int_equal(course_apply_decision(&c, &st, "change_form", "review-change-form", "", NULL, &prod, 1, &in, &p,
					       day0 + 3, &v, what, sizeof(what), &e), -1);
	assert_int_equal(e.code, MG_ENOINPUT);
	course_state_release(&st);
	course_release(&c);
	plan_release(&p);
}

/* A course from day0 at 200 mg a day of product 1, 100 mg at 13:00 and
 * at 21:00; v is its version, for tests that push more. */
static void twice_daily(struct course *c, struct course_version *v)
{
	course_init(c);
	c->started = day0;
	memset(v, 0, sizeof(*v));
	v->seq = 1;
	v->from = day0;
	v->phase = PHASE_MAINTENANCE;
	v->daily_mg = 200;
	v->product_id = 1;
	v->n_intakes = 2;
	v->intakes[0] = (struct course_intake){13 * 60, 100, 1, "afternoon"};
	v->intakes[1] = (struct course_intake){21 * 60, 100, 1, "evening"};
	course_push(c, v);
}

/* Adherence in magnesium, a day at a time, capped at 100 %; today counts
 * once every intake is answered; timing is apart. */
static void test_adherence(void **state)
{
	struct course c;
	struct course_version v;
	twice_daily(&c, &v);
	struct dose_entry d[4];
	memset(d, 0, sizeof(d));
	for (int i = 0; i < 4; i++) {
		d[i].product_id = 1;
		d[i].planned_time = -1;
	}
	d[0].date = day0;       /* day 1: 300 mg late at night: capped at 100 %, off time */
	d[0].time = 23 * 60 + 30;
	d[0].elemental_mg = 300;
	d[1].date = day0 + 1;   /* day 2: 100 mg on time: 50 % */
	d[1].time = 13 * 60 + 20;
	d[1].elemental_mg = 100;
	d[2].date = day0 + 2;   /* day 3 (today): one intake answered of two: not counted yet */
	d[2].time = 13 * 60;
	d[2].elemental_mg = 100;
	struct course_adherence a;
	course_adherence(&c, d, 3, day0, day0 + 2, day0 + 2, &a);
	assert_int_equal(a.days_planned, 2);
	assert_int_equal(a.days_adherent, 1);
	assert_true(fabs(a.mg_pct - 75) < 1e-9);
	assert_true(fabs(a.on_time_pct - 200.0 / 3) < 1e-9);
	/* Another product's dose never counts as the course's. */
	d[3] = d[2];
	d[3].product_id = 7;
	d[3].time = 21 * 60;
	course_adherence(&c, d, 4, day0, day0 + 2, day0 + 2, &a);
	assert_int_equal(a.days_planned, 2);
	course_release(&c);
}

/* Intakes taken, skipped and missed: a planned dose answers its own
 * intake, a skip its own, a servings dose as many as its magnesium
 * covers; nothing logged by the end of the day is missed, but today's
 * due intakes are not missed yet, and paused days plan none. */
static void test_intake_tally(void **state)
{
	(void)state;
	struct course c;
	struct course_version v;
	twice_daily(&c, &v);
	v.seq = 2;
	v.from = day0 + 4;   /* days 5 and 6 paused */
	v.phase = PHASE_PAUSED;
	v.daily_mg = 0;
	v.n_intakes = 0;
	course_push(&c, &v);
	struct dose_entry d[6];
	memset(d, 0, sizeof(d));
	for (int i = 0; i < 6; i++) {
		d[i].product_id = 1;
		d[i].planned_time = -1;
		d[i].elemental_mg = 100;
	}
	d[0].date = day0;             /* day 1: both planned intakes taken */
	d[0].time = d[0].planned_time = 13 * 60;
	d[1].date = day0;
	d[1].time = d[1].planned_time = 21 * 60;
	d[2].date = day0 + 1;         /* day 2: the afternoon skipped, the evening missed */
	d[2].skipped = 1;
	d[2].time = d[2].planned_time = 13 * 60;
	/* day 3: nothing logged: both missed */
	d[3].date = day0 + 3;         /* day 4: 200 mg at once covers both */
	d[3].time = 20 * 60;
	d[3].elemental_mg = 200;
	d[4].date = day0 + 3;         /* another product answers nothing */
	d[4].product_id = 9;
	d[4].time = 8 * 60;
	struct course_tally t;
	course_intake_tally(&c, d, 5, day0, day0 + 5, day0 + 5, &t);
	assert_int_equal(t.planned, 8);
	assert_int_equal(t.taken, 4);
	assert_int_equal(t.skipped, 1);
	assert_int_equal(t.missed, 3);
	/* Today (day 2) with the evening still due: it is not missed yet. */
	course_intake_tally(&c, d, 5, day0, day0 + 1, day0 + 1, &t);
	assert_int_equal(t.planned, 3);
	assert_int_equal(t.taken, 2);
	assert_int_equal(t.skipped, 1);
	assert_int_equal(t.missed, 0);
	/* A range past today stops at today. */
	course_intake_tally(&c, d, 5, day0, day0 + 9, day0, &t);
	assert_int_equal(t.planned, 2);
	assert_int_equal(t.taken, 2);
	course_release(&c);
}

/* A version's figures without its rule's sentence; a reason that is the
 * sentence alone, or other words, is kept whole. */
static void test_reason_figures(void **state)
{
	(void)state;
	const struct mg_table *t = tables_get("course-rules.tsv");
	const char *split = table_cell(t, (size_t)table_find(t, "id", "course-split"), "text");
	struct course_version v;
	memset(&v, 0, sizeof(v));
	mg_strlcpy(v.rule, "course-split", sizeof(v.rule));
	snprintf(v.reason, sizeof(v.reason), "loose stools on 3 of the last 7 nights: %s", split);
	assert_int_equal(course_reason_figures(&v), strlen("loose stools on 3 of the last 7 nights"));
	/* The sentence alone: nothing to cut. */
	snprintf(v.reason, sizeof(v.reason), "%s", split);
	assert_int_equal(course_reason_figures(&v), strlen(split));
	/* A stop in the person's own words. */
	mg_strlcpy(v.rule, "course-stop", sizeof(v.rule));
	snprintf(v.reason, sizeof(v.reason), "moving abroad: no pharmacy");
	assert_int_equal(course_reason_figures(&v), strlen(v.reason));
	/* A review rule applied: its sentence from review-rules.tsv. */
	const struct mg_table *rt = tables_get("review-rules.tsv");
	const char *lower = table_cell(rt, (size_t)table_find(rt, "id", "review-lower"), "text");
	mg_strlcpy(v.rule, "review-lower", sizeof(v.rule));
	snprintf(v.reason, sizeof(v.reason), "100 mg a day instead of 200 mg: %s", lower);
	assert_int_equal(course_reason_figures(&v), strlen("100 mg a day instead of 200 mg"));
	/* An unknown rule keeps the whole reason. */
	mg_strlcpy(v.rule, "no-such-rule", sizeof(v.rule));
	assert_int_equal(course_reason_figures(&v), strlen(v.reason));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scenarios),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_adherence),
		cmocka_unit_test(test_intake_tally),
		cmocka_unit_test(test_reason_figures),
	};
	return cmocka_run_group_tests(tests, tu_tables_setup, tu_tables_teardown);
}
