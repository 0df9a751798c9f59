/*
 * When magnesium is taken (src/core/plan.c, issue 11 "Placing doses"): a
 * table of profiles, each with the times and status a pharmacist would
 * sign (medicine windows, the least-bad time when none is clear, weekly
 * medicines, shift work, several training sessions), and a property test
 * over thousands of random medicine schedules: no planned dose ever falls
 * inside a window that applies that day, no dose is ever at a medicine's
 * own time, every dose is in waking hours, and with no clear time the
 * status is never ok.
 */
#include "testutil.h"
#include "core/plan.h"
#include "core/profile.h"
#include "core/tables.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

static const long today = 20788;   /* 2026-12-01, a Tuesday */

struct timing {
	const char *name;
	const char *goals;        /* comma list or "" */
	const char *meds[4];      /* NAME@HH:MM,...[/weekly:DAY] */
	const char *wake, *bed;   /* NULL: the defaults, 07:00 and 23:00 */
	const char *train;        /* "HH:MM[,HH:MM]" or NULL */
	double food_mg;           /* < 0: unknown (200 mg, 100 the first week) */
	/* expected, at the full dose on an ordinary day: */
	enum plan_status status;
	const char *times;        /* "HH:MM mg, HH:MM mg" */
	const char *rule;         /* must appear in warnings or explain; NULL none */
	const char *tuesday;      /* the full dose's times on a Tuesday, when a weekly medicine moves them */
};

static const struct timing timings[] = {
	/* the usual day */
	{"sleep, no medicines: half in the evening", "sleep", {NULL}, NULL, NULL, NULL, -1, PLAN_OK,
	 "13:00 100, 21:30 100", "plan-evening-sleep", NULL},
	{"energy, 100 mg: one intake at lunch", "energy", {NULL}, NULL, NULL, NULL, 300, PLAN_OK, "13:00 100",
	 "plan-single-daytime", NULL},
	{"early bird: evening 90 min before a 21:00 bed", "sleep", {NULL}, "05:00", "21:00", NULL, -1, PLAN_OK,
	 "13:00 100, 19:30 100", NULL, NULL},
	/* shift work: the day follows the person */
	{"night shift: wake 15:00, bed 07:00", "sleep", {NULL}, "15:00", "07:00", NULL, -1, PLAN_OK,
	 "21:00 100, 05:30 100", "plan-shift-day", NULL},
	{"late riser: wake 11:00, bed 03:00, lunch at 13:00 is awake", "sleep", {NULL}, "11:00", "03:00", NULL, -1,
	 PLAN_OK, "13:00 100, 01:30 100", "plan-evening-sleep", NULL},
	{"night shift ending at 06:00: wake 14:00", "energy", {NULL}, "14:00", "06:00", NULL, 300, PLAN_OK, "20:00 100",
	 "plan-shift-day", NULL},
	{"night shift with training after waking", "recovery", {NULL}, "16:00", "08:00", "17:00", -1, PLAN_OK,
	 "18:30 100, 06:30 100", "plan-morning-training", NULL},
	/* several training sessions */
	{"two sessions: the morning one sets post-workout", "recovery", {NULL}, NULL, NULL, "06:30,18:00", -1, PLAN_OK,
	 "08:00 100, 21:30 100", "plan-morning-training", NULL},
	{"evening sessions only: no post-workout intake", "recovery", {NULL}, NULL, NULL, "17:00,19:30", -1, PLAN_OK,
	 "13:00 100, 21:30 100", NULL, NULL},
	/* closed windows */
	{"gabapentin at 15:00: exactly 2 h before it is allowed", "energy", {"gabapentin@15:00"}, NULL, NULL, NULL, 300,
	 PLAN_OK, "13:00 100", "med-gabapentin", NULL},
	{"gabapentin at 14:00: never in the 2 h before it", "energy", {"gabapentin@14:00"}, NULL, NULL, NULL, 300,
	 PLAN_OK, "12:00 100", "plan-moved", NULL},
	{"gabapentin at 13:00: never at its own time, after it is fine", "energy", {"gabapentin@13:00"}, NULL, NULL,
	 NULL, 300, PLAN_OK, "13:15 100", "plan-moved", NULL},
	{"levothyroxine at 07:00, sleep", "sleep", {"levothyroxine@07:00"}, NULL, NULL, NULL, -1, PLAN_OK,
	 "13:00 100, 21:30 100", "med-levothyroxine", NULL},
	{"ciprofloxacin at 08:00 and 20:00", "sleep", {"ciprofloxacin@08:00,20:00"}, NULL, NULL, NULL, -1, PLAN_OK,
	 "13:00 100, 22:00 100", "plan-moved", NULL},
	/* no clear time: the least-bad time, split kept, caution */
	{"ciprofloxacin three times with gabapentin and levothyroxine", "sleep",
	 {"levothyroxine@06:00", "ciprofloxacin@08:00,14:00,20:00", "gabapentin@10:00,16:00,22:00"}, NULL, NULL, NULL,
	 -1, PLAN_CAUTION, "12:00 100, 18:00 100", "plan-no-window", NULL},
	{"a medicine six times a day: never at a dose time", "sleep", {"doxycycline@07:00,10:00,13:00,16:00,19:00,22:00"},
	 NULL, NULL, NULL, -1, PLAN_CAUTION, "11:30 100, 20:30 100", "plan-no-window", NULL},
	{"moxifloxacin twice: one clear minute holds one intake", "sleep", {"moxifloxacin@08:00,20:00"}, NULL, NULL,
	 NULL, -1, PLAN_OK, "12:00 150", "plan-one-clear-time", NULL},
	{"moxifloxacin twice, 100 mg: one clear minute is enough", "energy", {"moxifloxacin@08:00,20:00"}, NULL, NULL,
	 NULL, 300, PLAN_OK, "12:00 100", "med-moxifloxacin", NULL},
	{"penicillamine four times: a clinician decides", "sleep", {"penicillamine@06:00,12:00,18:00,00:00"}, NULL,
	 NULL, NULL, -1, PLAN_CLINICIAN, "", "plan-no-window-chelator", NULL},
	{"trientine three times: a clinician decides", "sleep", {"trientine@07:00,13:00,19:00"}, NULL, NULL, NULL, -1,
	 PLAN_CLINICIAN, "", "plan-no-window-chelator", NULL},
	{"penicillamine once: a clear time, caution", "sleep", {"penicillamine@08:00"}, NULL, NULL, NULL, -1,
	 PLAN_CAUTION, "13:00 100, 21:30 100", "med-penicillamine", NULL},
	{"an unknown medicine four times: strict spacing, caution", "sleep", {"zorbatrex@07:00,12:00,17:00,22:00"},
	 NULL, NULL, NULL, -1, PLAN_CAUTION, "14:30 100, 19:30 100", "med-unknown", NULL},
	/* weekly medicines: their window on their day only */
	{"weekly alendronate on Tuesday: post-workout moves that day", "recovery", {"alendronate@07:00/weekly:tue"},
	 NULL, NULL, "06:00", -1, PLAN_OK, "07:30 100, 21:30 100", "plan-weekly", "11:00 100, 21:30 100"},
	{"weekly alendronate on Sunday: Tuesday keeps the usual times", "recovery", {"alendronate@07:00/weekly:sun"},
	 NULL, NULL, "06:00", -1, PLAN_OK, "07:30 100, 21:30 100", NULL, "07:30 100, 21:30 100"},
	{"weekly risedronate at 21:00 on Tuesday: the evening dose moves", "sleep", {"risedronate@21:00/weekly:tuesday"},
	 NULL, NULL, NULL, -1, PLAN_OK, "13:00 100, 21:30 100", "plan-weekly", "13:00 100, 17:00 100"},
	{"weekly medicine with no clear time that day: caution", "sleep",
	 {"doxycycline@08:00,20:00", "alendronate@12:00/weekly:tue"}, NULL, NULL, NULL, -1, PLAN_CAUTION,
	 "13:00 100, 22:00 100", "plan-no-window", "16:00 100, 22:00 100"},
};

#define N_TIMINGS (sizeof(timings) / sizeof(timings[0]))

static void build(const struct timing *t, struct profile *pr)
{
	struct mg_err e = {0};
	profile_defaults(pr, "t");
	pr->age_years = 45;
	pr->age_on = today;
	mg_strlcpy(pr->sex, "female", sizeof(pr->sex));
	if (t->goals[0])
		assert_int_equal(profile_set_goal_list(pr, t->goals, &e), 0);
	for (size_t i = 0; i < 4 && t->meds[i]; i++)
		if (profile_add_med(pr, t->meds[i], &e) < 0)
			fail_msg("%s: %s", t->name, e.msg);
	if (t->wake)
		assert_int_equal(mg_parse_hhmm(t->wake, &pr->wake), 0);
	if (t->bed)
		assert_int_equal(mg_parse_hhmm(t->bed, &pr->bed), 0);
	if (t->train) {
		assert_int_equal(profile_set_train_times(pr, t->train, &e), 0);
		mg_strlcpy(pr->training, "regular", sizeof(pr->training));
	}
	assert_int_equal(profile_validate(pr, today, &e), 0);
}

static void times_text(const struct plan_schedule *s, char *buf, size_t n)
{
	buf[0] = '\0';
	for (size_t i = 0; s && i < s->n_doses; i++) {
		char at[8];
		mg_format_hhmm(s->doses[i].time, at, sizeof(at));
		size_t l = strlen(buf);
		snprintf(buf + l, n - l, "%s%s %.0f", i ? ", " : "", at, s->doses[i].elemental_mg);
	}
}

static void test_timing(void **state)
{
	const struct timing *t = *state;
	struct profile pr;
	build(t, &pr);
	struct plan_input in = {.profile = &pr, .today = today, .days = 14, .food_known = t->food_mg >= 0,
				.food_mg = t->food_mg >= 0 ? t->food_mg : 0, .food_days_logged = t->food_mg >= 0 ? 7 : 0};
	struct plan p;
	struct mg_err e = {0};
	if (plan_compute(&in, &p, &e) < 0)
		fail_msg("%s: %s", t->name, e.msg);
	char got[96];
	times_text(p.n_steps ? &p.steps[p.n_steps - 1] : NULL, got, sizeof(got));
	if (p.status != t->status)
		fail_msg("%s: status %s, expected %s (%s)", t->name, plan_status_name(p.status), plan_status_name(t->status),
			 got);
	if (strcmp(got, t->times) != 0)
		fail_msg("%s: times \"%s\", expected \"%s\"", t->name, got, t->times);
	if (t->rule && !notes_has(&p.warnings, t->rule) && !notes_has(&p.explain, t->rule))
		fail_msg("%s: no note with rule %s", t->name, t->rule);
	if (t->tuesday) {
		/* Day 8 (2026-12-08) is a Tuesday at the full dose. */
		assert_int_equal(mg_weekday(p.days[7].date), 1);
		times_text(p.days[7].schedule, got, sizeof(got));
		if (strcmp(got, t->tuesday) != 0)
			fail_msg("%s: Tuesday \"%s\", expected \"%s\"", t->name, got, t->tuesday);
		/* and plan_retime_day, which the course and the views use, agrees */
		const struct plan_schedule *full = &p.steps[p.n_steps - 1];
		int times[PLAN_MAX_DOSES];
		for (size_t i = 0; i < full->n_doses; i++)
			times[i] = full->doses[i].time;
		plan_retime_day(&p, p.days[7].date, times, full->n_doses, NULL);
		for (size_t i = 0; i < full->n_doses; i++)
			assert_int_equal(times[i], p.days[7].schedule->doses[i].time);
	}
	plan_release(&p);
}

/* ---- the property test ---- */

static uint64_t rng_state = 0x9e3779b97f4a7c15u;

static unsigned rnd(unsigned n)
{
	/* xorshift64*: deterministic, so a failure names a reproducible case */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (unsigned)((rng_state * 2685821657736338717u) >> 33) % n;
}

static const char *const spacing_meds[] = {
	"levothyroxine", "ciprofloxacin", "doxycycline", "gabapentin", "dolutegravir", "alendronate", "moxifloxacin",
	"penicillamine", "iron", "eltrombopag", "Triumeq", "thyroxine", "levofloxacin", "hydroxychloroquine",
	"digoxin", "unknownium", "bictegravir", "risedronate", "Juluca",
};

static int in_waking_hours(const struct plan *p, int t)
{
	int last = p->bed > p->wake ? p->bed - 60 : p->bed - 60 + 1440;
	int off = ((t - p->wake) % 1440 + 1440) % 1440;
	return off <= last - p->wake;
}

static void check_schedule(const struct plan *p, const struct plan_schedule *s, int wd, const char *what)
{
	for (size_t i = 0; i < s->n_doses; i++) {
		const struct plan_dose *d = &s->doses[i];
		if (!in_waking_hours(p, d->time))
			fail_msg("%s: dose at %d outside waking hours %d-%d", what, d->time, p->wake, p->bed);
		if (d->elemental_mg <= 0)
			fail_msg("%s: an empty intake", what);
		for (size_t w = 0; w < p->n_windows; w++) {
			const struct plan_window *x = &p->windows[w];
			if (!plan_window_applies(x, wd))
				continue;
			if (d->time == x->med_time)
				fail_msg("%s: dose at the %s dose time %d", what, x->medicine, d->time);
			if (!d->conflict && plan_window_contains(x, d->time))
				fail_msg("%s: dose at %d inside the %s window, not flagged", what, d->time, x->medicine);
		}
		if (d->conflict && p->status == PLAN_OK)
			fail_msg("%s: no clear time, yet status ok", what);
	}
	if (s->n_doses == 1 && s->doses[0].elemental_mg > tables_threshold("plan-split-above-mg", NULL) + 1e-6)
		fail_msg("%s: one intake of %.0f mg, above the split threshold", what, s->doses[0].elemental_mg);
	if (s->n_doses == 2 && s->doses[0].time == s->doses[1].time)
		fail_msg("%s: two intakes at the same time", what);
}

static void test_random_schedules(void **state)
{
	(void)state;
	static const char *const goals[] = {"sleep", "energy", "recovery", "stress", ""};
	for (int run = 0; run < 3000; run++) {
		struct profile pr;
		struct mg_err e = {0};
		profile_defaults(&pr, "r");
		pr.age_years = 20 + (int)rnd(60);
		pr.age_on = today;
		mg_strlcpy(pr.sex, rnd(2) ? "female" : "male", sizeof(pr.sex));
		const char *g = goals[rnd(5)];
		if (*g)
			assert_int_equal(profile_set_goal_list(&pr, g, &e), 0);
		pr.wake = (int)rnd(96) * 15;
		pr.bed = (pr.wake + 12 * 60 + (int)rnd(33) * 15) % 1440;   /* 12-20 h awake */
		if (rnd(3) == 0) {
			char train[16];
			int t = (pr.wake + 30 + (int)rnd(40) * 15) % 1440;
			snprintf(train, sizeof(train), "%02d:%02d", t / 60, t % 60);
			assert_int_equal(profile_set_train_times(&pr, train, &e), 0);
		}
		size_t n_meds = 1 + rnd(4);
		struct strbuf spec;
		strbuf_init(&spec);
		for (size_t m = 0; m < n_meds; m++) {
			strbuf_reset(&spec);
			strbuf_addf(&spec, "%s@", spacing_meds[rnd(sizeof(spacing_meds) / sizeof(spacing_meds[0]))]);
			size_t n_times = 1 + rnd(6);
			for (size_t k = 0; k < n_times; k++) {
				int t = (int)rnd(96) * 15;
				strbuf_addf(&spec, "%s%02d:%02d", k ? "," : "", t / 60, t % 60);
			}
			if (rnd(5) == 0)
				strbuf_addf(&spec, "/weekly:%s", (const char *[]){"mon", "tue", "wed", "thu", "fri", "sat", "sun"}[rnd(7)]);
			if (profile_add_med(&pr, strbuf_str(&spec), &e) < 0)
				fail_msg("run %d: %s", run, e.msg);
		}
		strbuf_release(&spec);
		int known = (int)rnd(2);
		struct plan_input in = {.profile = &pr, .today = today, .days = 14, .food_known = known,
					.food_mg = known ? (double)rnd(400) : 0, .food_days_logged = known ? 7 : 0};
		struct plan p;
		if (plan_compute(&in, &p, &e) < 0)
			fail_msg("run %d: %s", run, e.msg);
		char what[64];
		for (size_t k = 0; k < p.n_steps; k++) {
			snprintf(what, sizeof(what), "run %d step %zu", run, k);
			check_schedule(&p, &p.steps[k], -1, what);
		}
		for (size_t i = 0; i < p.n_days; i++)
			if (p.days[i].schedule) {
				snprintf(what, sizeof(what), "run %d day %zu", run, i + 1);
				check_schedule(&p, p.days[i].schedule, mg_weekday(p.days[i].date), what);
			}
		if (p.status == PLAN_CLINICIAN || p.status == PLAN_PAUSE)
			assert_int_equal(p.n_steps, 0);
		plan_release(&p);
	}
}

int main(void)
{
	struct CMUnitTest tests[N_TIMINGS + 1];
	for (size_t i = 0; i < N_TIMINGS; i++) {
		struct CMUnitTest t = {timings[i].name, test_timing, NULL, NULL, (void *)&timings[i]};
		tests[i] = t;
	}
	struct CMUnitTest prop = cmocka_unit_test(test_random_schedules);
	tests[N_TIMINGS] = prop;
	return _cmocka_run_group_tests("plan-times", tests, N_TIMINGS + 1, tu_tables_setup, tu_tables_teardown);
}
