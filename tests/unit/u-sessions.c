/*
 * Unit tests for src/core/sessions.c, the one rule from sleep sessions to
 * nights. Each case is a list of sessions (clock times on a morning) and
 * the nights expected, with how many sessions were merged, were naps or
 * too short, or lost to a longer night; the thresholds are the real rows
 * of data/thresholds.tsv (merge gap 180 min, minimum night 180 min, naps
 * from 4 h after the usual wake to 8 h before the next).
 */
#include "testutil.h"
#include "core/sessionimport.h"
#include "core/sessions.h"
#include "core/tables.h"
#include "util/parse.h"
#include "util/banned.h"

#define D0 20000L   /* an arbitrary morning */

struct in {
	long date;          /* offset from D0 */
	const char *bed, *up;
	double tst, sol;    /* minutes */
	int awakenings;
};

struct out {
	long date;
	const char *bed, *wake, *up;
	double tst, waso;
	int awakenings;
};

struct tcase {
	const char *name;
	struct in in[6];
	struct out out[4];
	size_t merged, naps, too_short, shorter, overlapping;
	long inbed[2][2];   /* optional in-bed records: offset from D0 * 1440 */
};

static int clock_min(const char *hm)
{
	int h, m;
	assert_int_equal(sscanf(hm, "%d:%d", &h, &m), 2);
	return h * 60 + m;
}

struct got {
	struct sleep_session v[8];
	size_t n;
};

static int collect(const struct sleep_session *s, void *ctx)
{
	struct got *g = ctx;
	assert_true(g->n < 8);
	g->v[g->n++] = *s;
	return 0;
}

static const struct tcase cases[] = {
	{"one night stays one night",
	 {{0, "23:00", "07:00", 450, 15, 2}},
	 {{0, "23:00", "07:00", "07:00", 450, 15, 2}}, 0, 0, 0, 0, 0, {{0}}},
	/* rhydermike 2020: tracking stopped at 05:19, restarted at 05:35. */
	{"a night tracked in two parts is one night, the gap awake and an awakening",
	 {{0, "01:48", "05:19", 211, 0, -1}, {0, "05:35", "10:04", 269, 0, -1}},
	 {{0, "01:48", "10:04", "10:04", 480, 16, 1}}, 1, 0, 0, 0, 0, {{0}}},
	/* dhelsby Withings 2022-12-11: two parts 2 h 33 min apart, then a nap. */
	{"a split night merges and the afternoon nap stays apart",
	 {{-1, "23:00", "07:00", 460, 0, 0}, {0, "00:21", "03:23", 162, 14, 1}, {0, "05:56", "08:30", 95, 33, 1},
	  {0, "15:12", "16:32", 61, 19, 0}},
	 {{-1, "23:00", "07:00", "07:00", 460, 20, 0}, {0, "00:21", "08:30", "08:30", 257, 218, 3}},
	 1, 1, 0, 0, 0, {{0}}},
	{"a shorter session never replaces the longer night of its morning",
	 {{0, "22:00", "06:00", 450, 0, 0}, {0, "11:00", "14:10", 180, 0, 0}},
	 {{0, "22:00", "06:00", "06:00", 450, 30, 0}}, 0, 0, 0, 1, 0, {{0}}},
	{"a short sleep in the afternoon is a nap",
	 {{0, "23:00", "07:00", 450, 0, 0}, {0, "14:00", "15:00", 55, 5, 0}},
	 {{0, "23:00", "07:00", "07:00", 450, 30, 0}}, 0, 1, 0, 0, 0, {{0}}},
	{"two full sleeps of one morning: the longer wins",
	 {{0, "19:00", "23:00", 230, 0, 0}, {0, "03:00", "11:00", 470, 0, 0}},
	 {{0, "03:00", "11:00", "11:00", 470, 10, 0}}, 0, 0, 0, 1, 0, {{0}}},
	/* alxdrcirilo iOS 17: a 13-minute Watch segment alone. */
	{"a 13-minute segment is not a night",
	 {{0, "03:27", "03:40", 13, 0, 0}},
	 {{0}}, 0, 0, 1, 0, 0, {{0}}},
	{"a tracking test of a minute neither counts nor bridges two sleeps",
	 {{1, "21:30", "00:20", 170, 0, 0}, {1, "01:00", "01:01", 1, 0, 0}, {1, "03:55", "08:00", 245, 0, 0}},
	 {{1, "03:55", "08:00", "08:00", 245, 0, 0}}, 0, 0, 2, 0, 0, {{0}}},
	{"the same night written twice is one night",
	 {{0, "23:00", "07:00", 450, 0, 0}, {0, "23:10", "06:50", 440, 0, 0}},
	 {{0, "23:00", "07:00", "07:00", 450, 30, 0}}, 0, 0, 0, 0, 1, {{0}}},
	{"another source's in-bed record gives the bed time",
	 {{0, "23:40", "06:50", 400, 0, 0}},
	 {{0, "23:00", "06:50", "07:10", 400, 30, 0}}, 0, 0, 0, 0, 0,
	 {{-60, 7 * 60 + 10}, {0}}},
};

static void run_case(const struct tcase *t)
{
	struct sessions l;
	sessions_init(&l);
	for (size_t i = 0; i < 6 && t->in[i].bed; i++) {
		struct sleep_session s;
		sleep_session_init(&s);
		s.date = D0 + t->in[i].date;
		s.bed = clock_min(t->in[i].bed);
		s.up = clock_min(t->in[i].up);
		s.tst_min = t->in[i].tst;
		s.sol_min = t->in[i].sol;
		s.awakenings = t->in[i].awakenings;
		sessions_add(&l, &s);
	}
	for (size_t i = 0; i < 2; i++)
		if (t->inbed[i][1])
			sessions_add_inbed(&l, D0 * 1440 + t->inbed[i][0], D0 * 1440 + t->inbed[i][1]);
	struct got g = {0};
	struct sessions_summary sum;
	assert_int_equal(sessions_nights(&l, collect, &g, &sum), 0);
	size_t want = 0;
	while (want < 4 && t->out[want].bed)
		want++;
	if (g.n != want)
		fail_msg("%s: %zu nights, expected %zu", t->name, g.n, want);
	for (size_t i = 0; i < want; i++) {
		const struct out *o = &t->out[i];
		const struct sleep_session *n = &g.v[i];
		if (n->date != D0 + o->date || n->bed != clock_min(o->bed) || n->wake != clock_min(o->wake) ||
		    n->up != clock_min(o->up) || fabs(n->tst_min - o->tst) > 0.01 || fabs(n->waso_min - o->waso) > 0.01 ||
		    n->awakenings != o->awakenings)
			fail_msg("%s: night %zu is %ld %d %d %d tst %.1f waso %.1f awakenings %d", t->name, i, n->date - D0,
				 n->bed, n->wake, n->up, n->tst_min, n->waso_min, n->awakenings);
	}
	if (sum.merged != t->merged || sum.naps != t->naps || sum.too_short != t->too_short ||
	    sum.shorter != t->shorter || sum.overlapping != t->overlapping)
		fail_msg("%s: merged %zu naps %zu too short %zu shorter %zu overlapping %zu", t->name, sum.merged,
			 sum.naps, sum.too_short, sum.shorter, sum.overlapping);
	assert_int_equal(sum.nights + sum.merged + sum.naps + sum.too_short + sum.shorter + sum.overlapping + sum.bad,
			 sum.sessions);
	sessions_release(&l);
}

static void test_cases(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		run_case(&cases[i]);
}

/* Clock times to absolute minutes: the date is the morning, an end at
 * 18:00 or later the evening before it. */
static void test_span(void **state)
{
	(void)state;
	struct sleep_session s;
	sleep_session_init(&s);
	long a, w, e;
	s.date = D0;
	s.bed = clock_min("22:30");
	s.up = clock_min("06:30");
	s.wake = clock_min("06:15");
	assert_int_equal(sessions_span(&s, &a, &w, &e), 0);
	assert_int_equal(e, D0 * 1440 + 390);
	assert_int_equal(a, D0 * 1440 - 90);
	assert_int_equal(w, D0 * 1440 + 375);
	s.bed = clock_min("19:00");
	s.up = clock_min("21:00");
	s.wake = -1;
	assert_int_equal(sessions_span(&s, &a, &w, &e), 0);
	assert_int_equal(e, (D0 - 1) * 1440 + 21 * 60);
	s.up = -1;
	assert_int_equal(sessions_span(&s, &a, &w, &e), -1);
}

static struct night timed(const char *bed, int sol, const char *wake)
{
	struct night n;
	night_init(&n, D0);
	n.bed = n.tried = clock_min(bed);
	n.sol = sol;
	n.wake = n.up = clock_min(wake);
	return n;
}

/* Across imports: the stored night of a morning (same source) stays when
 * the new one is shorter and covers under 75 % of its sleep period. */
static void test_keeps_stored(void **state)
{
	(void)state;
	struct night stored = timed("23:10", 15, "07:05");   /* 475 min, sleep period 460 */
	struct night frag = timed("03:30", 0, "07:05");      /* 215 of 460: a fragment */
	assert_true(session_keeps_stored(&stored, &frag));
	struct night fixed = timed("23:40", 0, "07:05");     /* 445 of 460: a correction */
	assert_false(session_keeps_stored(&stored, &fixed));
	struct night longer = timed("22:30", 0, "07:30");
	assert_false(session_keeps_stored(&stored, &longer));
	/* 75 % of 460 is 345: 00:40-06:25 (345 min) is a correction, a minute less is not. */
	struct night edge = timed("00:40", 0, "06:25");
	assert_false(session_keeps_stored(&stored, &edge));
	edge = timed("00:41", 0, "06:25");
	assert_true(session_keeps_stored(&stored, &edge));
	/* Latency is not sleep: the same times with 3 h to fall asleep are a fragment. */
	struct night slow = timed("23:40", 180, "07:05");
	assert_true(session_keeps_stored(&stored, &slow));
	/* A sleep apart from the stored one covers none of it. */
	struct night evening = timed("18:30", 0, "22:00");
	stored = timed("01:00", 0, "10:00");
	assert_true(session_keeps_stored(&stored, &evening));
	/* Without the times to tell, the new night is stored. */
	struct night bare;
	night_init(&bare, D0);
	assert_false(session_keeps_stored(&stored, &bare));
	assert_false(session_keeps_stored(&bare, &frag));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_span),
		cmocka_unit_test(test_keeps_stored),
	};
	return cmocka_run_group_tests(tests, tu_tables_setup, tu_tables_teardown);
}
