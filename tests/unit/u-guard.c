/*
 * Unit tests for src/web/guard.c: past GUARD_MAX_CONNECTIONS a new
 * connection shuts the one whose request has been arriving longest, never
 * one being answered, and only itself when every other is being answered
 * (issue 15 item 2: many addresses trickling bytes must not fill every
 * slot); the sweep shuts late requests only. Descriptors here are -1, so
 * shutdown(2) fails harmlessly: the tests look at what the guard marks.
 */
#include "testutil.h"
#include "web/guard.h"
#include "util/banned.h"

#define N GUARD_MAX_CONNECTIONS

static struct guard_conn *conns[N + 8];

static void fill(struct guard *g)
{
	for (int i = 0; i < N; i++)
		conns[i] = guard_open(g, -1, (double)i);
	assert_int_equal(g->open, N);
	assert_int_equal(g->evicted, 0);
	for (int i = 0; i < N; i++)
		assert_false(conns[i]->shut);
}

static void empty(struct guard *g, int n)
{
	for (int i = 0; i < n; i++)
		guard_close(g, conns[i]);
	assert_int_equal(g->open, 0);
	assert_int_equal(g->shutting, 0);
}

static void test_new_connection_shuts_the_oldest_reader(void **state)
{
	struct guard g = {0};
	fill(&g);
	guard_answered(conns[0]);   /* the oldest, but being answered */
	conns[N] = guard_open(&g, -1, 1000);
	assert_false(conns[0]->shut);
	assert_true(conns[1]->shut);
	assert_false(conns[N]->shut);
	/* The next one skips the connection already shut. */
	conns[N + 1] = guard_open(&g, -1, 1001);
	assert_true(conns[2]->shut);
	assert_false(conns[3]->shut);
	assert_int_equal(g.evicted, 2);
	assert_int_equal(g.shutting, 2);
	/* Once libmicrohttpd has closed those, the count is back at the cap. */
	guard_close(&g, conns[1]);
	guard_close(&g, conns[2]);
	conns[1] = conns[N];
	conns[2] = conns[N + 1];
	assert_int_equal(g.open, N);
	assert_int_equal(g.shutting, 0);
	empty(&g, N);
}

static void test_a_kept_alive_request_counts_from_its_start(void **state)
{
	struct guard g = {0};
	fill(&g);
	/* The oldest connection's next request began just now. */
	guard_answered(conns[0]);
	guard_next(conns[0], 900);
	conns[N] = guard_open(&g, -1, 1000);
	assert_false(conns[0]->shut);
	assert_true(conns[1]->shut);
	guard_close(&g, conns[1]);
	conns[1] = conns[N];
	empty(&g, N);
}

static void test_all_answered_shuts_the_new_one(void **state)
{
	struct guard g = {0};
	fill(&g);
	for (int i = 0; i < N; i++)
		guard_answered(conns[i]);
	conns[N] = guard_open(&g, -1, 1000);
	assert_true(conns[N]->shut);
	for (int i = 0; i < N; i++)
		assert_false(conns[i]->shut);
	empty(&g, N + 1);
}

static void test_sweep_shuts_late_requests_only(void **state)
{
	struct guard g = {0};
	struct guard_conn *late = guard_open(&g, -1, 0), *answered = guard_open(&g, -1, 0),
			  *fresh = guard_open(&g, -1, 4);
	guard_answered(answered);
	assert_int_equal(guard_sweep(&g, GUARD_REQUEST_SECONDS + 1), 1);
	assert_true(late->shut);
	assert_false(answered->shut);
	assert_false(fresh->shut);
	/* Already shut: not counted twice. */
	assert_int_equal(guard_sweep(&g, GUARD_REQUEST_SECONDS + 2), 0);
	assert_int_equal(g.shed, 1);
	guard_close(&g, late);
	guard_close(&g, answered);
	guard_close(&g, fresh);
	assert_int_equal(g.open, 0);
	assert_int_equal(g.shutting, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_connection_shuts_the_oldest_reader),
		cmocka_unit_test(test_a_kept_alive_request_counts_from_its_start),
		cmocka_unit_test(test_all_answered_shuts_the_new_one),
		cmocka_unit_test(test_sweep_shuts_late_requests_only),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
