/*
 * Unit tests for src/core/night.c: field parsing with the ranges of
 * data/night-fields.tsv, merging, and the Consensus Sleep Diary figures
 * across midnight and daylight-saving changes.
 */
#include <time.h>
#include "testutil.h"
#include "core/night.h"
#include "core/tables.h"
#include "util/parse.h"
#include "util/banned.h"

static long day(const char *iso)
{
	long d;
	assert_int_equal(mg_parse_date(iso, &d), 0);
	return d;
}

static void set(struct night *n, const char *field, const char *value)
{
	struct mg_err e = {0};
	if (night_set(n, field, value, &e) < 0)
		fail_msg("%s=%s: %s", field, value, e.msg);
}

static void test_fields(void **state)
{
	struct night n;
	struct mg_err e = {0};
	night_init(&n, day("2026-11-24"));
	assert_false(night_has_data(&n));
	set(&n, "quality", "5");
	set(&n, "stress", "0");
	set(&n, "red-flag", "dizziness");
	set(&n, "red-flag", "diarrhoea");
	set(&n, "caffeine-after-noon", "yes");
	set(&n, "training", "hard");
	assert_true(night_has_data(&n));
	assert_int_equal(n.quality, 5);
	assert_int_equal(n.red_flags, RED_DIZZINESS | RED_DIARRHOEA);
	char buf[64];
	night_get(&n, "red-flag", buf, sizeof(buf));
	assert_string_equal(buf, "diarrhoea;dizziness");
	night_get(&n, "caffeine-after-noon", buf, sizeof(buf));
	assert_string_equal(buf, "yes");
	night_get(&n, "mood", buf, sizeof(buf));
	assert_string_equal(buf, "");
	/* Out of range, wrong type, unknown: one message naming field and value. */
	assert_int_equal(night_set(&n, "quality", "6", &e), -1);
	assert_int_equal(e.code, MG_EDATA);
	assert_string_equal(e.msg, "quality \"6\" must be a whole number from 1 to 5");
	assert_int_equal(night_set(&n, "stress", "11", &e), -1);
	assert_int_equal(night_set(&n, "bristol", "0", &e), -1);
	assert_int_equal(night_set(&n, "bed", "25:00", &e), -1);
	assert_string_equal(e.msg, "bed \"25:00\" is not a time (HH:MM)");
	assert_int_equal(night_set(&n, "red-flag", "headache", &e), -1);
	assert_int_equal(night_set(&n, "training", "extreme", &e), -1);
	assert_int_equal(night_set(&n, "colour", "blue", &e), -1);
	assert_int_equal(e.code, MG_EUSAGE);
	assert_int_equal(n.quality, 5);   /* a refused value changes nothing */
	/* An empty value clears a field. */
	set(&n, "quality", "");
	assert_int_equal(n.quality, -1);
}

static void test_merge(void **state)
{
	struct night a, b;
	night_init(&a, 1);
	night_init(&b, 1);
	set(&a, "quality", "2");
	set(&a, "sol", "30");
	set(&b, "quality", "4");
	set(&b, "red-flag", "palpitations");
	night_merge(&a, &b);
	assert_int_equal(a.quality, 4);
	assert_int_equal(a.sol, 30);
	assert_int_equal(a.red_flags, RED_PALPITATIONS);
}

static void diary(struct night *n, const char *bed, const char *tried, const char *sol, const char *waso,
		  const char *wake, const char *up)
{
	set(n, "bed", bed);
	set(n, "tried", tried);
	set(n, "sol", sol);
	set(n, "waso", waso);
	set(n, "wake", wake);
	set(n, "up", up);
}

static void test_derive(void **state)
{
	setenv("TZ", "UTC", 1);
	tzset();
	struct night n;
	struct night_derived d;
	struct mg_err e = {0};
	/* Across midnight: TIB 23:10-07:00 = 470; TST (06:40 - 23:30) - 20 - 25 = 385. */
	night_init(&n, day("2026-11-24"));
	diary(&n, "23:10", "23:30", "20", "25", "06:40", "07:00");
	assert_int_equal(night_derive(&n, &d, &e), 0);
	assert_true(d.tib_min == 470 && d.tst_min == 385);
	assert_true(fabs(d.se_pct - 100.0 * 385 / 470) < 1e-9);
	/* After midnight, all on the morning's date. */
	night_init(&n, day("2026-11-24"));
	diary(&n, "01:00", "01:15", "15", "0", "08:00", "08:30");
	assert_int_equal(night_derive(&n, &d, &e), 0);
	assert_true(d.tib_min == 450 && d.tst_min == 390);
	/* A day sleep after a night shift. */
	night_init(&n, day("2026-11-24"));
	diary(&n, "08:00", "08:00", "10", "20", "15:30", "16:00");
	assert_int_equal(night_derive(&n, &d, &e), 0);
	assert_true(d.tib_min == 480 && d.tst_min == 420);
	/* Without "tried", bed stands in; without sol, no TST. */
	night_init(&n, day("2026-11-24"));
	set(&n, "bed", "23:00");
	set(&n, "up", "07:00");
	assert_int_equal(night_derive(&n, &d, &e), 0);
	assert_true(d.tib_min == 480 && isnan(d.tst_min) && isnan(d.se_pct));
	/* Times that make no night, and SOL + WASO longer than the night. */
	night_init(&n, day("2026-11-24"));
	set(&n, "bed", "22:00");
	set(&n, "up", "21:00");
	assert_int_equal(night_derive(&n, &d, &e), -1);
	assert_int_equal(e.code, MG_EDATA);
	night_init(&n, day("2026-11-24"));
	diary(&n, "23:00", "23:00", "300", "300", "07:00", "07:00");
	assert_int_equal(night_derive(&n, &d, &e), -1);
}

/* Values that did not come through night_set (a wearable's export) are
 * held to night-fields.tsv as well; latency longer than the time in bed
 * is refused even without a final awakening. */
static void test_ranges_everywhere(void **state)
{
	(void)state;
	struct night n;
	struct night_derived d;
	struct mg_err e = {0};
	night_init(&n, 20780);
	n.light = 43680;
	assert_int_equal(night_derive(&n, &d, &e), -1);
	assert_non_null(strstr(e.msg, "light 43680 is out of range (0 to 900)"));
	n.light = 900;
	assert_int_equal(night_derive(&n, &d, &e), 0);
	n.hr_low = 5;
	assert_int_equal(night_derive(&n, &d, &e), -1);
	assert_non_null(strstr(e.msg, "hr-low 5"));
	night_init(&n, 20780);
	assert_int_equal(mg_parse_hhmm("23:00", &n.bed), 0);
	assert_int_equal(mg_parse_hhmm("07:00", &n.up), 0);
	n.sol = 400;
	n.waso = 80;
	assert_int_equal(night_derive(&n, &d, &e), 0);   /* 480 min asleep-or-not of 480 in bed */
	n.waso = 81;
	assert_int_equal(night_derive(&n, &d, &e), -1);
	assert_non_null(strstr(e.msg, "longer than the time in bed"));
}

static void test_daylight_saving(void **state)
{
	struct night n;
	struct night_derived d;
	struct mg_err e = {0};
	setenv("TZ", "Europe/Berlin", 1);
	tzset();
	/* Clocks go forward at 02:00 on 2026-03-29: 23:00 to 07:00 is 7 h. */
	night_init(&n, day("2026-03-29"));
	diary(&n, "23:00", "23:00", "0", "0", "07:00", "07:00");
	assert_int_equal(night_derive(&n, &d, &e), 0);
	assert_true(d.tib_min == 420 && d.tst_min == 420);
	/* Clocks go back at 03:00 on 2026-10-25: 23:00 to 07:00 is 9 h. */
	night_init(&n, day("2026-10-25"));
	diary(&n, "23:00", "23:00", "0", "0", "07:00", "07:00");
	assert_int_equal(night_derive(&n, &d, &e), 0);
	assert_true(d.tib_min == 540);
	setenv("TZ", "UTC", 1);
	tzset();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_merge),
		cmocka_unit_test(test_derive),
		cmocka_unit_test(test_daylight_saving),
		cmocka_unit_test(test_ranges_everywhere),
	};
	return cmocka_run_group_tests(tests, tu_tables_setup, tu_tables_teardown);
}
