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

struct got {
	char source[4][32], note[4][64];
	int n;
};

static int keep(const struct night *n, void *ctx)
{
	struct got *g = ctx;
	if (g->n < 4) {
		mg_strlcpy(g->source[g->n], n->source, sizeof(g->source[0]));
		mg_strlcpy(g->note[g->n], n->note, sizeof(g->note[0]));
		g->n++;
	}
	return 0;
}

static int parse_keep(const char *text, struct got *g, struct mg_err *e)
{
	long today;
	assert_int_equal(mg_parse_date("2026-11-24", &today), 0);
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	assert_non_null(f);
	memset(g, 0, sizeof(*g));
	int rc = diary_parse(f, "d.csv", today, keep, g, e);
	fclose(f);
	return rc;
}

/* The source column export --csv writes: one night per date and source,
 * kept under that source; without it, "diary-csv". */
static void test_source_column(void **state)
{
	struct got g;
	struct mg_err e = {0};
	assert_int_equal(parse_keep("date,source,quality\n2026-11-20,manual,3\n2026-11-20,oura,\n"
				    "2026-11-21,,4\n", &g, &e), 0);
	assert_int_equal(g.n, 3);
	assert_string_equal(g.source[0], "manual");
	assert_string_equal(g.source[1], "oura");
	assert_string_equal(g.source[2], "diary-csv");
	assert_int_equal(parse_keep("date,quality\n2026-11-20,3\n", &g, &e), 0);
	assert_string_equal(g.source[0], "diary-csv");
	memset(&e, 0, sizeof(e));
	assert_true(parse_keep("date,source\n2026-11-20,oura\n2026-11-20,oura\n", &g, &e) < 0);
	assert_non_null(strstr(e.msg, "line 3: date \"2026-11-20\" appears twice in the file for source \"oura\""));
	memset(&e, 0, sizeof(e));
	assert_true(parse_keep("date,source\n2026-11-20,Oura Ring\n", &g, &e) < 0);
	assert_non_null(strstr(e.msg, "line 2: source \"Oura Ring\""));
	/* Seventeen sources in one file are refused, not given memory each. */
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_adds(&sb, "date,source\n");
	for (int i = 0; i < 17; i++)
		strbuf_addf(&sb, "2026-11-20,s%d\n", i);
	memset(&e, 0, sizeof(e));
	assert_true(parse_keep(sb.buf, &g, &e) < 0);
	assert_non_null(strstr(e.msg, "line 18: more than 16 sources"));
	strbuf_release(&sb);
}

/* A note export --csv guarded against formula injection reads back as it
 * was; one a person typed with a leading quote keeps it. */
static void test_guarded_cells(void **state)
{
	struct got g;
	struct mg_err e = {0};
	assert_int_equal(parse_keep("date,note\n2026-11-20,\"'@SUM(1)\"\n2026-11-21,\"''=x\"\n"
				    "2026-11-22,-2\n2026-11-23,'quoted\n", &g, &e), 0);
	assert_int_equal(g.n, 4);
	assert_string_equal(g.note[0], "@SUM(1)");
	assert_string_equal(g.note[1], "'=x");
	assert_string_equal(g.note[2], "-2");
	assert_string_equal(g.note[3], "'quoted");
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
		cmocka_unit_test(test_source_column),
		cmocka_unit_test(test_guarded_cells),
	};
	return cmocka_run_group_tests(tests, tu_tables_setup, tu_tables_teardown);
}
