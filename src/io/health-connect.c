/*
 * Health Connect sleep sessions (see health-connect.h), with jansson.
 */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "io/health-connect.h"
#include "io/json-records.h"
#include "util/parse.h"
#include "util/banned.h"

/* Epoch seconds of "2025-04-15T06:51:00Z" (fraction allowed); NAN else. */
static double utc(json_t *v)
{
	const char *s = json_string_value(v);
	int y, mo, d, h, mi, sec;
	if (!s || sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &sec) != 6 || mo < 1 || mo > 12 ||
	    d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 60 || y < 1970 || y > 9999 ||
	    !strchr(s, 'Z'))
		return NAN;
	return (double)mg_days_from_civil(y, mo, d) * 86400 + h * 3600.0 + mi * 60.0 + sec;
}

/* Local date and minute of epoch seconds, in this machine's zone. */
static int local(double t, long *day, int *minute)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!localtime_r(&tt, &tm))
		return -1;
	*day = mg_days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	*minute = tm.tm_hour * 60 + tm.tm_min;
	return 0;
}

static int asleep_stage(int s)
{
	return s == 2 || s == 4 || s == 5 || s == 6;
}

static int awake_stage(int s)
{
	return s == 1 || s == 7;
}

static int one_record(json_t *rec, double min_wake_s, struct sleep_session *ss)
{
	sleep_session_init(ss);
	double start = utc(json_object_get(rec, "start")), end = utc(json_object_get(rec, "end"));
	if (isnan(start) || isnan(end) || end <= start || end - start > 86400)
		return -1;
	json_t *stages = json_object_get(json_object_get(rec, "data"), "stages");
	double asleep = 0, onset = NAN, final = NAN, mins[3] = {0, 0, 0};
	int staged = 0;
	size_t n = json_is_array(stages) ? json_array_size(stages) : 0;
	for (size_t i = 0; i < n; i++) {
		json_t *st = json_array_get(stages, i);
		double a = utc(json_object_get(st, "startTime")), b = utc(json_object_get(st, "endTime"));
		json_t *k = json_object_get(st, "stage");
		if (isnan(a) || isnan(b) || b < a || !json_is_integer(k) || a < start || b > end)
			return -1;
		int s = (int)json_integer_value(k);
		if (!asleep_stage(s))
			continue;
		asleep += b - a;
		onset = isnan(onset) || a < onset ? a : onset;
		final = isnan(final) || b > final ? b : final;
		if (s >= 4) {
			mins[s - 4] += (b - a) / 60;
			staged = 1;
		}
	}
	if (n == 0) {
		asleep = end - start;   /* a session without stages: all of it sleep */
		onset = start;
		final = end;
	}
	if (isnan(onset))
		return -1;
	/* Awake stages back to back are one wake period (apps cut them by the
	 * minute): count the periods long enough, inside the sleep. */
	int awakenings = 0;
	double run_a = NAN, run_b = NAN;
	for (size_t i = 0; i <= n; i++) {
		json_t *st = i < n ? json_array_get(stages, i) : NULL;
		double a = st ? utc(json_object_get(st, "startTime")) : NAN;
		double b = st ? utc(json_object_get(st, "endTime")) : NAN;
		int awake = st && awake_stage((int)json_integer_value(json_object_get(st, "stage")));
		if (awake && !isnan(run_b) && a == run_b) {
			run_b = b;
			continue;
		}
		if (!isnan(run_a) && run_a >= onset && run_b <= final && run_b - run_a >= min_wake_s)
			awakenings++;
		run_a = awake ? a : NAN;
		run_b = awake ? b : NAN;
	}
	long d_bed, d_up, d_wake;
	int wake;
	if (local(start, &d_bed, &ss->bed) < 0 || local(end, &d_up, &ss->up) < 0 || local(final, &d_wake, &wake) < 0)
		return -1;
	ss->date = d_up + (ss->up >= 18 * 60);
	ss->wake = wake;
	ss->sol_min = (onset - start) / 60;
	ss->tst_min = asleep / 60;
	ss->waso_min = fmax(0, (final - onset - asleep) / 60);
	ss->awakenings = n ? awakenings : -1;
	if (staged) {
		ss->light_min = mins[0];
		ss->deep_min = mins[1];
		ss->rem_min = mins[2];
	}
	return 0;
}

int hc_parse(const char *buf, size_t len, const char *name, double min_wake_s,
	     int (*cb)(const struct sleep_session *s, void *ctx), void *ctx, struct hc_stats *st, struct mg_err *e)
{
	memset(st, 0, sizeof(*st));
	static const char *const keys[] = {"sleep", NULL};
	json_t *root;
	json_t *recs = json_records(buf, len, name, keys, "not Health Connect sleep sessions (no array of records)", &root,
				    e);
	if (!recs)
		return -1;
	size_t i;
	json_t *rec;
	int rc = 0;
	json_array_foreach(recs, i, rec) {
		st->records++;
		struct sleep_session ss;
		if (!json_is_object(rec) || one_record(rec, min_wake_s, &ss) < 0) {
			st->bad_record++;
			continue;
		}
		if ((rc = cb(&ss, ctx)) < 0)
			break;
	}
	json_decref(root);
	return rc < 0 ? -1 : 0;
}
