/*
 * Unit tests for src/core/review.c: each decision of review-rules.tsv on
 * a constructed log (baseline from day -20, first dose on day 0), in the
 * order the review applies them: tolerance before the data checks, the
 * adherence threshold (the arithmetic is the course's, in u-course.c).
 */
#include "testutil.h"
#include "core/review.h"
#include "core/profile.h"
#include "core/tables.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

enum { FIRST = 20000, BASE = 20, DAYS = 42 };

struct log {
	struct night nights[BASE + DAYS];
	size_t n;
	double adherence;
};

/* Quality q_before before the first dose, q_on after; stool form 4. */
static void make_log(struct log *l, int q_before, int q_on, int days)
{
	l->n = 0;
	for (long d = FIRST - BASE; d < FIRST + days; d++) {
		struct night *n = &l->nights[l->n++];
		night_init(n, d);
		/* A small zig-zag so the model has noise to estimate. */
		n->quality = (d < FIRST ? q_before : q_on) + (d % 3 == 0 ? 1 : 0) - (d % 3 == 1 ? 1 : 0);
		if (n->quality < 1)
			n->quality = 1;
		if (n->quality > 5)
			n->quality = 5;
		n->bristol = 4;
	}
	l->adherence = 1;
}

static const char *run(struct log *l, int at_day, int split, const char *form, struct review *r)
{
	struct profile p;
	profile_defaults(&p, "t");
	struct mg_err e = {0};
	assert_int_equal(profile_set_goal_list(&p, "sleep", &e), 0);
	struct review_input in = {
		.profile = &p, .first_dose = FIRST, .at = FIRST + at_day - 1, .nights = l->nights, .n_nights = l->n,
		.adherence = l->adherence, .on_from = MG_NO_DATE, .loose_after = MG_NO_DATE, .flags_after = MG_NO_DATE,
		.baseline_from = MG_NO_DATE, .split = split, .form = form,
		.seed = 3, .draws = 3000,
	};
	if (review_compute(&in, r, &e) < 0)
		fail_msg("%s", e.msg);
	return r->decision;
}

static void test_decisions(void **state)
{
	static struct log l;
	struct review r;
	make_log(&l, 2, 4, 20);
	assert_string_equal(run(&l, 20, 1, "glycinate", &r), "continue");
	assert_true(notes_has(&r.reasons, "review-continue"));
	assert_true(notes_has(&r.reasons, "review-before-after"));
	assert_int_equal(r.nights_baseline, 20);
	assert_int_equal(r.nights_on, 18);   /* from the third day of dosing */
	assert_true(r.adherence == 1);
	review_release(&r);

	make_log(&l, 4, 2, 20);
	assert_string_equal(run(&l, 20, 1, "glycinate", &r), "stop");
	review_release(&r);

	make_log(&l, 3, 3, 42);
	assert_string_equal(run(&l, 42, 1, "glycinate", &r), "change_form");
	assert_true(notes_has(&r.reasons, "review-change-form"));
	review_release(&r);
	assert_string_equal(run(&l, 20, 1, "glycinate", &r), "extend");
	review_release(&r);

	/* Too few on-magnesium nights at day 10 (8 < 10). */
	assert_string_equal(run(&l, 10, 1, "glycinate", &r), "insufficient_data");
	assert_true(notes_has(&r.reasons, "review-too-few"));
	review_release(&r);

	/* Adherence: half the planned magnesium taken. */
	make_log(&l, 2, 4, 20);
	l.adherence = 0.5;
	assert_string_equal(run(&l, 20, 1, "glycinate", &r), "insufficient_data");
	assert_true(fabs(r.adherence - 0.5) < 1e-9);
	assert_true(notes_has(&r.reasons, "review-adherence"));
	review_release(&r);

	/* Loose stools on 3 of the last 7 nights: split, then gentler, then lower. */
	make_log(&l, 2, 4, 20);
	for (size_t i = l.n - 3; i < l.n; i++)
		l.nights[i].bristol = 6;
	assert_string_equal(run(&l, 20, 0, "citrate", &r), "split_dose");
	review_release(&r);
	assert_string_equal(run(&l, 20, 1, "citrate", &r), "change_form");
	assert_true(notes_has(&r.reasons, "review-gentler"));
	review_release(&r);
	assert_string_equal(run(&l, 20, 1, "glycinate", &r), "lower_dose");
	assert_true(notes_has(&r.reasons, "review-lower"));
	review_release(&r);

	/* Tolerance comes before the data checks: loose stools on day 8
	 * split the dose though the nights are too few to judge benefit. */
	make_log(&l, 3, 3, 8);
	for (size_t i = l.n - 3; i < l.n; i++)
		l.nights[i].bristol = 7;
	l.adherence = 0.4;
	assert_string_equal(run(&l, 8, 0, "glycinate", &r), "split_dose");
	assert_false(notes_has(&r.reasons, "review-too-few"));
	review_release(&r);
	/* Stool form on nights before the regimen began does not count. */
	{
		struct profile p;
		profile_defaults(&p, "t");
		struct mg_err e = {0};
		assert_int_equal(profile_set_goal_list(&p, "sleep", &e), 0);
		struct review_input in = {
			.profile = &p, .first_dose = FIRST, .at = FIRST + 7, .nights = l.nights, .n_nights = l.n,
			.adherence = 1, .on_from = MG_NO_DATE, .loose_after = FIRST + 7, .flags_after = MG_NO_DATE,
			.baseline_from = MG_NO_DATE, .split = 0, .form = "glycinate",
			.seed = 3, .draws = 3000,
		};
		assert_int_equal(review_compute(&in, &r, &e), 0);
		assert_string_equal(r.decision, "insufficient_data");
		review_release(&r);
	}
	make_log(&l, 2, 4, 20);
	for (size_t i = l.n - 3; i < l.n; i++)
		l.nights[i].bristol = 6;

	/* A red flag comes before everything. */
	l.nights[l.n - 2].red_flags = RED_DIZZINESS;
	assert_string_equal(run(&l, 20, 1, "glycinate", &r), "pause");
	review_release(&r);
	/* ... unless the person resumed after it (the course cleared it). */
	{
		struct profile p;
		profile_defaults(&p, "t");
		struct mg_err e = {0};
		assert_int_equal(profile_set_goal_list(&p, "sleep", &e), 0);
		for (size_t i = l.n - 3; i < l.n; i++)
			l.nights[i].bristol = 4;
		long off[1][2] = {{FIRST + 5, FIRST + 9}};
		struct review_input in = {
			.profile = &p, .first_dose = FIRST, .at = FIRST + 19, .nights = l.nights, .n_nights = l.n,
			.adherence = 1, .on_from = MG_NO_DATE, .loose_after = MG_NO_DATE, .flags_after = FIRST + 18,
			.baseline_from = FIRST - 10, .off = (const long (*)[2])off, .n_off = 1, .split = 1,
			.form = "glycinate", .seed = 3, .draws = 3000,
		};
		assert_int_equal(review_compute(&in, &r, &e), 0);
		assert_string_equal(r.decision, "continue");
		assert_int_equal(r.nights_baseline, 10);   /* from FIRST - 10 only */
		assert_int_equal(r.nights_on, 13);         /* 18 less the 5 paused nights */
		review_release(&r);
	}
}

static void test_errors(void **state)
{
	struct profile p;
	profile_defaults(&p, "t");
	struct review r;
	struct mg_err e = {0};
	struct review_input in = {.profile = &p, .first_dose = MG_NO_DATE, .at = FIRST, .adherence = NAN,
				  .on_from = MG_NO_DATE, .loose_after = MG_NO_DATE, .flags_after = MG_NO_DATE,
				  .baseline_from = MG_NO_DATE};
	assert_int_equal(review_compute(&in, &r, &e), -1);
	assert_int_equal(e.code, MG_ENOINPUT);
	review_release(&r);
	in.first_dose = FIRST;
	in.outcome = "colour";
	assert_int_equal(review_compute(&in, &r, &e), -1);
	assert_int_equal(e.code, MG_EUSAGE);
	review_release(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decisions),
		cmocka_unit_test(test_errors),
	};
	return cmocka_run_group_tests(tests, tu_tables_setup, tu_tables_teardown);
}
