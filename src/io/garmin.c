/*
 * Garmin sleepData JSON (see garmin.h).
 */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "io/garmin.h"
#include "io/json-records.h"
#include "util/parse.h"
#include "util/banned.h"

/* A duration or a count in the record; NAN when missing or not a number a
 * night can hold (negative, or more than a day), so no figure from a
 * damaged file is ever cast out of range. */
static double seconds(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	double x = json_is_number(v) ? json_number_value(v) : NAN;
	return x >= 0 && x <= 86400 ? x : NAN;
}

/* Epoch seconds of a GMT timestamp: "2024-03-20T22:04:00.0" or milliseconds. */
static double gmt(json_t *v)
{
	if (json_is_number(v))
		return json_number_value(v) / 1000;
	const char *s = json_string_value(v);
	int y, mo, d, h, mi, sec = 0;
	if (!s || sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &sec) < 5 || mo < 1 || mo > 12 || d < 1 ||
	    d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 60 || y < 1)
		return NAN;
	return (double)mg_days_from_civil(y, mo, d) * 86400 + h * 3600.0 + mi * 60.0 + sec;
}

static int local_minute(double t, int *minute)
{
	if (isnan(t) || t < 0 || t > 1e11)
		return -1;
	time_t tt = (time_t)t;
	struct tm tm;
	if (!localtime_r(&tt, &tm))
		return -1;
	*minute = tm.tm_hour * 60 + tm.tm_min;
	return 0;
}

int garmin_parse(const char *buf, size_t len, const char *name, int (*cb)(const struct sleep_session *s, void *ctx),
		 void *ctx, struct garmin_stats *st, struct mg_err *e)
{
	json_t *root;
	if (!json_records(buf, len, name, NULL, "not a Garmin sleepData file (no array)", &root, e))
		return -1;
	size_t i;
	json_t *rec;
	int rc = 0;
	json_array_foreach(root, i, rec) {
		st->records++;
		struct sleep_session ss;
		sleep_session_init(&ss);
		const char *date = json_string_value(json_object_get(rec, "calendarDate"));
		double start = gmt(json_object_get(rec, "sleepStartTimestampGMT"));
		double end = gmt(json_object_get(rec, "sleepEndTimestampGMT"));
		double deep = seconds(rec, "deepSleepSeconds"), light = seconds(rec, "lightSleepSeconds");
		double rem = seconds(rec, "remSleepSeconds"), awake = seconds(rec, "awakeSleepSeconds");
		double count = seconds(rec, "awakeCount");
		double asleep = (isnan(deep) ? 0 : deep) + (isnan(light) ? 0 : light) + (isnan(rem) ? 0 : rem);
		if (!date || mg_parse_date(date, &ss.date) < 0 || isnan(start) || isnan(end) || end <= start ||
		    end - start > 86400 || asleep <= 0 || asleep > end - start + 60 || local_minute(start, &ss.bed) < 0 ||
		    local_minute(end, &ss.up) < 0) {
			st->bad_record++;
			continue;
		}
		ss.tst_min = asleep / 60;
		ss.sol_min = 0;
		ss.waso_min = fmax(0, (end - start - asleep) / 60);
		(void)awake;
		ss.awakenings = sleep_count(count);
		ss.deep_min = deep / 60;
		ss.light_min = light / 60;
		ss.rem_min = rem / 60;
		if ((rc = cb(&ss, ctx)) < 0)
			break;
	}
	json_decref(root);
	return rc < 0 ? -1 : 0;
}
