/*
 * Health Connect sleep sessions (see health-connect.h), with jansson.
 */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "io/health-connect.h"
#include "io/json-records.h"
#include "util/parse.h"
#include "util/banned.h"

/* Where a record says nothing about its zone, and where what it says
 * cannot be read (the record is then bad: a guessed zone would move it). */
#define NO_ZONE (-1000000)
#define BAD_ZONE (-2000000)

/* "+02:00", "-0530", "+09", "Z": seconds east of UTC; NO_ZONE else. */
static long offset_text(const char *s)
{
	if (strcmp(s, "Z") == 0)
		return 0;
	size_t n = strlen(s);
	if ((s[0] != '+' && s[0] != '-') || !(n == 3 || n == 5 || n == 6) || (n == 6 && s[3] != ':'))
		return NO_ZONE;
	const char *mm = n == 6 ? s + 4 : s + 3;
	for (const char *p = s + 1; p < s + n; p++)
		if (p != s + 3 || n != 6)
			if (*p < '0' || *p > '9')
				return NO_ZONE;
	long h = (s[1] - '0') * 10 + (s[2] - '0'), m = n == 3 ? 0 : (mm[0] - '0') * 10 + (mm[1] - '0');
	if (h > 18 || m > 59)
		return NO_ZONE;
	long off = h * 3600 + m * 60;
	return s[0] == '-' ? -off : off;
}

/* Epoch seconds of "2025-04-15T06:51:00Z" or "2025-04-15T01:51:00-05:00"
 * (fraction allowed); NAN else. *written gets the offset the text gives
 * (0 for Z), NULL when not wanted. */
static double instant(json_t *v, long *written)
{
	const char *s = json_string_value(v);
	int y, mo, d, h, mi, sec, used = 0;
	if (!s || sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &sec, &used) != 6 || used != 19 ||
	    mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 60 ||
	    y < 1970 || y > 9999)
		return NAN;
	const char *zone = s + used;
	if (*zone == '.')
		zone += 1 + strspn(zone + 1, "0123456789");
	long off = offset_text(zone);
	if (off == NO_ZONE)
		return NAN;
	if (written)
		*written = off;
	return (double)mg_days_from_civil(y, mo, d) * 86400 + h * 3600.0 + mi * 60.0 + sec - (double)off;
}

static double utc(json_t *v)
{
	return instant(v, NULL);
}

/* A record's zone offset field (Health Connect's startZoneOffset and
 * endZoneOffset): "+02:00" as ZoneOffset writes it, or seconds. NO_ZONE
 * when absent or null, BAD_ZONE when unreadable. */
static long zone_field(json_t *rec, const char *key)
{
	json_t *v = json_object_get(rec, key);
	if (!v)
		v = json_object_get(json_object_get(rec, "data"), key);
	if (!v || json_is_null(v))
		return NO_ZONE;
	if (json_is_string(v)) {
		long off = offset_text(json_string_value(v));
		return off == NO_ZONE ? BAD_ZONE : off;
	}
	if (json_is_integer(v) && llabs(json_integer_value(v)) <= 18 * 3600)
		return (long)json_integer_value(v);
	return BAD_ZONE;
}

/* Local date and minute of epoch seconds: at `offset` seconds east of
 * UTC, or in this machine's zone when the record gives none. */
static int local(double t, long offset, long *day, int *minute)
{
	if (offset != NO_ZONE) {
		long long s = (long long)floor(t) + offset;
		long long days = s >= 0 ? s / 86400 : -((-s + 86399) / 86400);
		*day = (long)days;
		*minute = (int)((s - days * 86400) / 60);
		return 0;
	}
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
	long start_written, end_written;
	double start = instant(json_object_get(rec, "start"), &start_written);
	double end = instant(json_object_get(rec, "end"), &end_written);
	if (isnan(start) || isnan(end) || end <= start || end - start > 86400)
		return -1;
	/* The zone the person was in: the record's offsets, else the one its
	 * times are written in, else (UTC with a Z, as real exports write
	 * them) this machine's. The night is dated by its local wake. */
	long start_off = zone_field(rec, "startZoneOffset"), end_off = zone_field(rec, "endZoneOffset");
	if (start_off == BAD_ZONE || end_off == BAD_ZONE)
		return -1;
	if (start_off == NO_ZONE)
		start_off = start_written != 0 ? start_written : end_off;
	if (end_off == NO_ZONE)
		end_off = end_written != 0 ? end_written : start_off;
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
	if (local(start, start_off, &d_bed, &ss->bed) < 0 || local(end, end_off, &d_up, &ss->up) < 0 ||
	    local(final, end_off, &d_wake, &wake) < 0)
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
