/*
 * Unit tests for src/io/ics.c: what ics_write produces parses back with
 * libical, passes its RFC 5545 restriction checks, and keeps the events,
 * recurrences and alarms; ics_check refuses what is not a calendar.
 */
#include "testutil.h"
#include "io/ics.h"
#include "util/banned.h"

static char *write_to_string(const struct ics_event *ev, size_t n)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct mg_err e = {0};
	assert_non_null(f);
	assert_int_equal(ics_write(f, ev, n, &e), 0);
	fclose(f);
	return buf;
}

static void test_round_trip(void **state)
{
	struct ics_event ev[3];
	memset(ev, 0, sizeof(ev));
	snprintf(ev[0].uid, sizeof(ev[0].uid), "dose-1@test");
	snprintf(ev[0].summary, sizeof(ev[0].summary), "Magnesium 100 mg; with food, please");
	snprintf(ev[0].description, sizeof(ev[0].description),
		 "A long description that needs folding at 75 octets, with commas, semicolons; and \\ backslashes");
	ev[0].date = 20781;            /* 2026-11-24 */
	ev[0].start_min = 21 * 60 + 30;
	ev[0].duration_min = 10;
	ev[0].daily_count = 7;
	ev[0].alarm_before_min = 0;
	snprintf(ev[1].uid, sizeof(ev[1].uid), "window-1@test");
	snprintf(ev[1].summary, sizeof(ev[1].summary), "No magnesium (ciprofloxacin)");
	ev[1].date = 20781;
	ev[1].start_min = 14 * 60;
	ev[1].duration_min = 8 * 60;
	ev[1].daily_count = 42;
	ev[1].alarm_before_min = -1;
	ev[1].transparent = 1;
	snprintf(ev[2].uid, sizeof(ev[2].uid), "check-14@test");
	snprintf(ev[2].summary, sizeof(ev[2].summary), "Checkpoint day 14");
	ev[2].date = 20781 + 13;
	ev[2].start_min = 8 * 60;
	ev[2].duration_min = 15;
	ev[2].alarm_before_min = 5;
	char *text = write_to_string(ev, 3);
	size_t events, alarms;
	struct mg_err e = {0};
	if (ics_check(text, &events, &alarms, &e) < 0)
		fail_msg("%s\n%s", e.msg, text);
	assert_int_equal(events, 3);
	assert_int_equal(alarms, 2);
	/* Lines end in CRLF and fold at 75 octets (RFC 5545 3.1). */
	for (const char *line = text; *line;) {
		const char *end = strstr(line, "\r\n");
		assert_non_null(end);
		assert_true(end - line <= 75);
		line = end + 2;
	}
	assert_non_null(strstr(text, "DTSTART:20261124T213000\r\n"));
	assert_non_null(strstr(text, "RRULE:FREQ=DAILY;COUNT=7\r\n"));
	assert_non_null(strstr(text, "TRANSP:TRANSPARENT\r\n"));
	assert_non_null(strstr(text, "DTSTART:20261207T080000\r\n"));
	assert_non_null(strstr(text, "TRIGGER:-PT5M\r\n"));
	assert_non_null(strstr(text, "SUMMARY:Magnesium 100 mg\\; with food\\, please\r\n"));
	free(text);
}

static void test_rejects(void **state)
{
	size_t events, alarms;
	struct mg_err e = {0};
	assert_int_equal(ics_check("hello", &events, &alarms, &e), -1);
	assert_int_equal(e.code, MG_EDATA);
	/* A VEVENT without DTSTAMP and UID breaks RFC 5545's restrictions. */
	const char *bad = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\n"
			  "BEGIN:VEVENT\r\nDTSTART:20261124T100000\r\nSUMMARY:x\r\nEND:VEVENT\r\n"
			  "END:VCALENDAR\r\n";
	assert_int_equal(ics_check(bad, &events, &alarms, &e), -1);
	assert_non_null(strstr(e.msg, "error"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_rejects),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
