/*
 * Unit tests for src/util/parse.c: strict numbers, calendar dates, clock
 * times, ages, and the MGTRACK_TODAY override.
 */
#include "testutil.h"
#include "util/parse.h"
#include "util/banned.h"

static void test_long(void **state)
{
	long v;
	assert_int_equal(mg_parse_long("42", 0, 100, &v), 0);
	assert_int_equal(v, 42);
	assert_int_equal(mg_parse_long("-5", -10, 10, &v), 0);
	assert_int_equal(v, -5);
	assert_int_equal(mg_parse_long("42x", 0, 100, &v), -1);
	assert_int_equal(mg_parse_long("", 0, 100, &v), -1);
	assert_int_equal(mg_parse_long(" 4", 0, 100, &v), -1);
	assert_int_equal(mg_parse_long("101", 0, 100, &v), -1);
	assert_int_equal(mg_parse_long("99999999999999999999999", 0, 100, &v), -1);
	assert_int_equal(mg_parse_long("0x10", 0, 100, &v), -1);
}

static void test_double(void **state)
{
	double v;
	assert_int_equal(mg_parse_double("28.35", 0, 100, &v), 0);
	assert_true(fabs(v - 28.35) < 1e-12);
	assert_int_equal(mg_parse_double("1e2", 0, 1000, &v), 0);
	assert_true(v == 100);
	assert_int_equal(mg_parse_double("inf", 0, 1e9, &v), -1);
	assert_int_equal(mg_parse_double("nan", 0, 1e9, &v), -1);
	assert_int_equal(mg_parse_double("0x1p3", 0, 1e9, &v), -1);
	assert_int_equal(mg_parse_double("1e999", 0, 1e9, &v), -1);
	assert_int_equal(mg_parse_double("2.5kg", 0, 1e9, &v), -1);
	assert_int_equal(mg_parse_double("-1", 0, 1e9, &v), -1);
	assert_int_equal(mg_parse_double(".", 0, 1e9, &v), -1);
}

static void test_dates(void **state)
{
	long d;
	assert_int_equal(mg_parse_date("1970-01-01", &d), 0);
	assert_int_equal(d, 0);
	assert_int_equal(mg_parse_date("2024-02-29", &d), 0);
	assert_int_equal(mg_parse_date("2000-02-29", &d), 0);
	assert_int_equal(mg_parse_date("2023-02-29", &d), -1);
	assert_int_equal(mg_parse_date("2100-02-29", &d), -1);
	assert_int_equal(mg_parse_date("2026-13-01", &d), -1);
	assert_int_equal(mg_parse_date("2026-04-31", &d), -1);
	assert_int_equal(mg_parse_date("2026-1-01", &d), -1);
	assert_int_equal(mg_parse_date("2026-01-01x", &d), -1);
	assert_int_equal(mg_parse_date("26-01-2026", &d), -1);
	/* Round trip over a century of days. */
	char buf[16];
	for (long day = -20000; day < 30000; day += 7) {
		long back;
		mg_format_date(day, buf, sizeof(buf));
		assert_int_equal(mg_parse_date(buf, &back), 0);
		assert_int_equal(back, day);
	}
	assert_int_equal(mg_days_from_civil(2026, 11, 24) - mg_days_from_civil(2026, 11, 23), 1);
}

static void test_times(void **state)
{
	int m;
	char buf[8];
	assert_int_equal(mg_parse_hhmm("00:00", &m), 0);
	assert_int_equal(m, 0);
	assert_int_equal(mg_parse_hhmm("23:59", &m), 0);
	assert_int_equal(m, 1439);
	assert_int_equal(mg_parse_hhmm("24:00", &m), -1);
	assert_int_equal(mg_parse_hhmm("7:00", &m), -1);
	assert_int_equal(mg_parse_hhmm("07:60", &m), -1);
	mg_format_hhmm(22 * 60 + 5, buf, sizeof(buf));
	assert_string_equal(buf, "22:05");
	mg_format_hhmm(-60, buf, sizeof(buf));
	assert_string_equal(buf, "23:00");
}

static void test_datetime(void **state)
{
	long d;
	int m;
	assert_int_equal(mg_parse_datetime("2026-11-24 21:05", &d, &m), 0);
	assert_int_equal(d, mg_days_from_civil(2026, 11, 24));
	assert_int_equal(m, 21 * 60 + 5);
	assert_int_equal(mg_parse_datetime("2026-11-24T21:05", &d, &m), -1);
	assert_int_equal(mg_parse_datetime("2026-11-24  21:05", &d, &m), -1);
	assert_int_equal(mg_parse_datetime("2026-11-24 21:05 ", &d, &m), -1);
	assert_int_equal(mg_parse_datetime("2026-11-24 24:00", &d, &m), -1);
	assert_int_equal(mg_parse_datetime("2026-02-30 08:00", &d, &m), -1);
	assert_int_equal(mg_parse_datetime("", &d, &m), -1);
	int now = mg_now_minutes();
	assert_true(now >= 0 && now < 1440);
}

static void test_ages(void **state)
{
	long born = mg_days_from_civil(1990, 6, 15);
	assert_int_equal(mg_age_years(born, mg_days_from_civil(2026, 6, 14)), 35);
	assert_int_equal(mg_age_years(born, mg_days_from_civil(2026, 6, 15)), 36);
	assert_int_equal(mg_age_months(born, mg_days_from_civil(1990, 9, 14)), 2);
	assert_int_equal(mg_age_months(born, mg_days_from_civil(1990, 9, 15)), 3);
	long leap = mg_days_from_civil(2000, 2, 29);
	assert_int_equal(mg_age_years(leap, mg_days_from_civil(2001, 2, 28)), 0);
	assert_int_equal(mg_age_years(leap, mg_days_from_civil(2001, 3, 1)), 1);
	assert_int_equal(mg_age_years(born, born - 1), -1);
}

static void test_today_override(void **state)
{
	setenv("MGTRACK_TODAY", "2026-11-24", 1);
	assert_int_equal(mg_today(), mg_days_from_civil(2026, 11, 24));
	setenv("MGTRACK_TODAY", "not-a-date", 1);
	assert_true(mg_today() > mg_days_from_civil(2020, 1, 1));
	unsetenv("MGTRACK_TODAY");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_long),
		cmocka_unit_test(test_double),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_times),
		cmocka_unit_test(test_datetime),
		cmocka_unit_test(test_ages),
		cmocka_unit_test(test_today_override),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
