/*
 * Unit tests for src/core/diaryparse.c: a date repeated in one file is
 * refused with its line, and finding that costs the same at the 46,000th
 * row as at the second (issue 15 item 12: the check was quadratic, 8.6 s
 * under the journal's write lock for a 46,000-row diary).
 */
#include <stdlib.h>
#include <time.h>
#include "testutil.h"
#include "core/diaryparse.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

static int count(const struct night *n, void *ctx)
{
	(void)n;
	(*(long *)ctx)++;
	return 0;
}

/* Parses text as a diary on 2026-11-24; returns diary_parse's result. */
static int parse(const char *text, size_t len, long *nights, struct mg_err *e)
{
	long today;
	assert_int_equal(mg_parse_date("2026-11-24", &today), 0);
	FILE *f = fmemopen((void *)text, len, "r");
	assert_non_null(f);
	*nights = 0;
	int rc = diary_parse(f, "d.csv", today, count, nights, e);
	fclose(f);
	return rc;
}

static void test_repeated_date(void **state)
{
	static const char text[] = "date,quality\n2026-11-20,3\n2026-11-21,4\n2026-11-20,5\n";
	struct mg_err e = {0};
	long n;
	assert_true(parse(text, sizeof(text) - 1, &n, &e) < 0);
	assert_non_null(strstr(e.msg, "line 4"));
	assert_non_null(strstr(e.msg, "\"2026-11-20\" appears twice"));
}

/* CPU seconds to parse rows distinct nights back from yesterday and then
 * yesterday again, which must be refused at the last line. */
static double time_repeat(long rows)
{
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_adds(&sb, "date,quality\n");
	long today;
	assert_int_equal(mg_parse_date("2026-11-24", &today), 0);
	for (long i = 1; i <= rows; i++) {
		char d[16];
		mg_format_date(today - i, d, sizeof(d));
		strbuf_addf(&sb, "%s,3\n", d);
	}
	strbuf_adds(&sb, "2026-11-23,4\n");
	struct mg_err e = {0};
	long n;
	char line[32];
	snprintf(line, sizeof(line), "line %ld", rows + 2);
	clock_t t0 = clock();
	assert_true(parse(sb.buf, sb.len, &n, &e) < 0);
	double took = (double)(clock() - t0) / CLOCKS_PER_SEC;
	strbuf_release(&sb);
	assert_int_equal(n, rows);
	assert_non_null(strstr(e.msg, line));
	return took;
}

static void test_repeat_found_in_linear_time(void **state)
{
	/* Ten times the rows: about ten times the time when the check is one
	 * bit per day, a hundred when it compares every pair. A ratio, so
	 * that a slow or busy machine does not matter. */
	double small = time_repeat(4600), large = time_repeat(46000);
	if (small < 0.001)
		small = 0.001;
	if (large / small > 30)
		fail_msg("4,600 rows %.3f s, 46,000 rows %.3f s of CPU: the repeat check is not linear", small, large);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_repeated_date),
		cmocka_unit_test(test_repeat_found_in_linear_time),
	};
	return cmocka_run_group_tests(tests, tu_tables_setup, tu_tables_teardown);
}
