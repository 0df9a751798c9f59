/*
 * Unit tests for src/io/csv-writer.c: RFC 4180 quoting, CRLF rows, the
 * formula-injection guard (OWASP: = + - @ tab CR), plain numbers left as
 * numbers, and csv_unguard undoing the guard exactly.
 */
#include "testutil.h"
#include "io/csv-writer.h"
#include "io/csv-reader.h"
#include "util/strbuf.h"
#include "util/banned.h"

/* One row of text cells, as written. */
static char *row(const char *const *cells, size_t n)
{
	struct strbuf sb;
	strbuf_init(&sb);
	struct csv_writer w;
	csv_writer_init(&w, &sb);
	for (size_t i = 0; i < n; i++)
		csv_text(&w, cells[i]);
	csv_end_row(&w);
	return strbuf_detach(&sb);
}

static void expect_cell(const char *in, const char *want)
{
	char *got = row(&in, 1);
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_addf(&sb, "%s\r\n", want);
	assert_string_equal(got, sb.buf);
	strbuf_release(&sb);
	free(got);
}

static void test_quoting(void **state)
{
	expect_cell("plain", "plain");
	expect_cell("", "");
	expect_cell("a,b", "\"a,b\"");
	expect_cell("say \"hi\"", "\"say \"\"hi\"\"\"");
	expect_cell("two\nlines", "\"two\nlines\"");
	expect_cell("crlf\r\nin", "\"crlf\r\nin\"");
	expect_cell("Ünïcødé 😴", "Ünïcødé 😴");
	expect_cell("23:10", "23:10");
	expect_cell("2026-11-20", "2026-11-20");
	static const char *const cells[] = {"a", "", "b,c", NULL};
	char *r = row(cells, 4);
	assert_string_equal(r, "a,,\"b,c\",\r\n");
	free(r);
}

static void test_guard(void **state)
{
	expect_cell("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
	expect_cell("@SUM(1)", "\"'@SUM(1)\"");
	expect_cell("+1+cmd", "\"'+1+cmd\"");
	expect_cell("-2-3", "\"'-2-3\"");
	expect_cell("-", "\"'-\"");
	expect_cell("\tindented", "\"'\tindented\"");
	expect_cell("\rback", "\"'\rback\"");
	expect_cell("'=already", "\"''=already\"");
	expect_cell("'plain quote", "'plain quote");
	expect_cell("a=b", "a=b");
	expect_cell(" =1", " =1");
	/* Plain numbers are numbers, never guarded. */
	expect_cell("-2", "-2");
	expect_cell("+1", "+1");
	expect_cell("0.5", "0.5");
	expect_cell("-0.25", "-0.25");
	/* Not plain numbers: guarded. */
	expect_cell("-1e5", "\"'-1e5\"");
	expect_cell("-.5", "\"'-.5\"");
	expect_cell("-1.", "\"'-1.\"");
	expect_cell("+", "\"'+\"");
}

static void test_unguard_round_trip(void **state)
{
	static const char *const texts[] = {
		"=1+1", "@SUM(1)", "+1", "-2", "-x", "'", "'=", "''=x", "'''@", "'plain", "plain", "",
		"\t", "\ttab", "'\ttab", "-", "+", "=", "'-2", "a'=b", "1e3",
	};
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		const char *s = texts[i];
		struct strbuf sb;
		strbuf_init(&sb);
		if (csv_needs_guard(s))
			strbuf_addch(&sb, '\'');
		strbuf_adds(&sb, s);
		assert_string_equal(csv_unguard(sb.buf), s);
		strbuf_release(&sb);
	}
	/* What a person typed in a spreadsheet is read as it is. */
	assert_string_equal(csv_unguard("-2"), "-2");
	assert_string_equal(csv_unguard("'quoted"), "'quoted");
	assert_string_equal(csv_unguard("'=x"), "=x");
}

static void test_numbers(void **state)
{
	struct strbuf sb;
	strbuf_init(&sb);
	struct csv_writer w;
	csv_writer_init(&w, &sb);
	csv_num(&w, 0.25);
	csv_num(&w, 120);
	csv_num(&w, NAN);
	csv_num(&w, -0.0);
	csv_num(&w, 0.1 + 0.2);
	csv_num(&w, 1.0 / 3);
	csv_int(&w, 42);
	csv_int(&w, -1);
	csv_end_row(&w);
	assert_string_equal(sb.buf, "0.25,120,,0,0.3,0.333333333333333,42,-1\r\n");
	strbuf_release(&sb);
}

struct seen {
	char cells[8][64];
	size_t n;
};

static int on_row(struct csv_reader *r, void *ctx)
{
	struct seen *s = ctx;
	for (size_t i = 0; i < r->ncols && s->n < 8; i++)
		mg_strlcpy(s->cells[s->n++], csv_unguard(csv_cell(r, (long)i)), sizeof(s->cells[0]));
	return 0;
}

/* What the writer writes, the project's reader (libcsv) reads back. */
static void test_reader_reads_it_back(void **state)
{
	static const char *const head[] = {"a", "b", "c", "d"};
	static const char *const cells[] = {"x,\"y\"", "two\r\nlines", "=1+1", "-2"};
	struct strbuf sb;
	strbuf_init(&sb);
	struct csv_writer w;
	csv_writer_init(&w, &sb);
	for (size_t i = 0; i < 4; i++)
		csv_text(&w, head[i]);
	csv_end_row(&w);
	for (size_t i = 0; i < 4; i++)
		csv_text(&w, cells[i]);
	csv_end_row(&w);
	FILE *f = fmemopen(sb.buf, sb.len, "r");
	assert_non_null(f);
	struct seen s = {0};
	struct mg_err e = {0};
	assert_int_equal(csv_read(f, "t.csv", on_row, &s, &e), 0);
	fclose(f);
	strbuf_release(&sb);
	assert_int_equal(s.n, 4);
	for (size_t i = 0; i < 4; i++)
		assert_string_equal(s.cells[i], cells[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quoting),
		cmocka_unit_test(test_guard),
		cmocka_unit_test(test_unguard_round_trip),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_reader_reads_it_back),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
