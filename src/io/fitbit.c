/*
 * Fitbit sleep JSON (see fitbit.h).
 */
#include <jansson.h>
#include <math.h>
#include <string.h>
#include "io/csv-reader.h"
#include "io/json-records.h"
#include "io/fitbit.h"
#include "util/parse.h"
#include "util/banned.h"

static double number(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	return json_is_number(v) ? json_number_value(v) : NAN;
}

static double stage(json_t *summary, const char *level, const char *what)
{
	return number(json_object_get(summary, level), what);
}

static int is_wake(const char *level)
{
	return level && (strcmp(level, "wake") == 0 || strcmp(level, "awake") == 0);
}

/* Awakenings as a diary counts them: wake periods of levels.data (Fitbit
 * keeps wakes of 3 minutes or less apart, in shortData) lasting at least
 * min_wake_s, after the first sleep and before the last (neither the time
 * to fall asleep nor the final awakening). -1 without levels.data. */
static int diary_awakenings(json_t *data, double min_wake_s)
{
	if (!json_is_array(data))
		return -1;
	size_t n = json_array_size(data), first = n, last = 0;
	for (size_t i = 0; i < n; i++)
		if (!is_wake(json_string_value(json_object_get(json_array_get(data, i), "level")))) {
			if (first == n)
				first = i;
			last = i;
		}
	if (first == n)
		return -1;   /* no sleep in it: a cut-down log, the summary says more */
	int count = 0;
	for (size_t i = first + 1; i < last; i++) {
		json_t *d = json_array_get(data, i);
		if (is_wake(json_string_value(json_object_get(d, "level"))) && number(d, "seconds") >= min_wake_s)
			count++;
	}
	return count;
}

/* Seconds since 1970 of a local "2023-05-13T09:05:30.000" as if it were
 * UTC (only differences are used); NAN when it does not parse. */
static double local_seconds(const char *s)
{
	long day;
	int minute, sec = 0;
	if (!s || sleep_iso_local(s, &day, &minute) < 0)
		return NAN;
	if (strlen(s) >= 19 && s[16] == ':' && s[17] >= '0' && s[17] <= '5' && s[18] >= '0' && s[18] <= '9')
		sec = (s[17] - '0') * 10 + (s[18] - '0');
	return (double)day * 86400 + minute * 60.0 + sec;
}

/* The end of the last sleep in levels.data, local seconds as above; NAN
 * without one. */
static double last_sleep_end(json_t *data)
{
	if (!json_is_array(data))
		return NAN;
	for (size_t i = json_array_size(data); i-- > 0;) {
		json_t *d = json_array_get(data, i);
		if (is_wake(json_string_value(json_object_get(d, "level"))))
			continue;
		double at = local_seconds(json_string_value(json_object_get(d, "dateTime")));
		double len = number(d, "seconds");
		return isnan(len) || len < 0 ? NAN : at + len;
	}
	return NAN;
}

static int one_log(json_t *log, double min_wake_s, struct sleep_session *ss)
{
	sleep_session_init(ss);
	json_t *main_flag = json_object_get(log, "mainSleep");
	if (!main_flag)
		main_flag = json_object_get(log, "isMainSleep");
	ss->device_nap = json_is_false(main_flag);
	const char *date = json_string_value(json_object_get(log, "dateOfSleep"));
	const char *start = json_string_value(json_object_get(log, "startTime"));
	const char *end = json_string_value(json_object_get(log, "endTime"));
	long d0, d1, d2;
	double sol = number(log, "minutesToFallAsleep"), asleep = number(log, "minutesAsleep");
	double after = number(log, "minutesAfterWakeup"), tib = number(log, "timeInBed");
	if (!date || !start || !end || mg_parse_date(date, &d0) < 0 || sleep_iso_local(start, &d1, &ss->bed) < 0 ||
	    sleep_iso_local(end, &d2, &ss->up) < 0 || isnan(asleep) || isnan(tib) || asleep < 0 || tib < asleep ||
	    tib > 24 * 60)
		return -1;
	/* The morning it ended, as for every format (an end at 18:00 or later
	 * is the next one's): dateOfSleep is the day a nap ended, 18:30 too. */
	ss->date = d2 + (ss->up >= 18 * 60);
	ss->sol_min = isnan(sol) || sol < 0 ? 0 : sol;
	if (isnan(after) || after < 0 || after > tib)
		after = 0;
	ss->wake = ((ss->up - (int)lround(after)) % 1440 + 1440) % 1440;
	/* The final wake is where the last sleep of levels.data ends: a log
	 * that ends in 22 minutes awake in bed still says minutesAfterWakeup
	 * 0 (a real one), and that time is not awake after sleep onset. */
	json_t *levels = json_object_get(log, "levels");
	double final = last_sleep_end(json_object_get(levels, "data")), stop = local_seconds(end);
	if (!isnan(final) && !isnan(stop) && final <= stop && (stop - final) / 60 > after && (stop - final) / 60 <= tib) {
		after = (stop - final) / 60;
		ss->wake = (int)(fmod(final, 86400) / 60);
	}
	ss->tst_min = asleep;
	/* Time in bed = latency + asleep + awake + after waking up. */
	ss->waso_min = fmax(0, tib - ss->sol_min - asleep - after);
	json_t *summary = json_object_get(levels, "summary");
	ss->awakenings = diary_awakenings(json_object_get(levels, "data"), min_wake_s);
	if (ss->awakenings < 0) {
		/* Only the summary: Fitbit's count of every wake, short ones too. */
		double wakes = stage(summary, "wake", "count");
		if (isnan(wakes))
			wakes = stage(summary, "awake", "count");   /* classic logs */
		ss->awakenings = sleep_count(wakes);
	}
	ss->deep_min = stage(summary, "deep", "minutes");
	ss->light_min = stage(summary, "light", "minutes");
	ss->rem_min = stage(summary, "rem", "minutes");
	return 0;
}

int fitbit_parse(const char *buf, size_t len, const char *name, double min_wake_s,
		 int (*cb)(const struct sleep_session *s, void *ctx), void *ctx, struct fitbit_stats *st, struct mg_err *e)
{
	static const char *const keys[] = {"sleep", NULL};
	json_t *root;
	json_t *logs = json_records(buf, len, name, keys, "not a Fitbit sleep file (no array of sleep logs)", &root, e);
	if (!logs)
		return -1;
	size_t i;
	json_t *log;
	int rc = 0;
	json_array_foreach(logs, i, log) {
		st->logs++;
		struct sleep_session ss;
		if (!json_is_object(log) || one_log(log, min_wake_s, &ss) < 0) {
			st->bad_log++;
			continue;
		}
		if ((rc = cb(&ss, ctx)) < 0)
			break;
	}
	json_decref(root);
	return rc < 0 ? -1 : 0;
}

struct hrv_state {
	long cols[2];
	int (*cb)(long date, double rmssd, void *ctx);
	void *ctx;
};

static int hrv_row(struct csv_reader *r, void *ctx)
{
	struct hrv_state *h = ctx;
	if (r->row == 2) {
		static const char *const names[2] = {"timestamp", "rmssd"};
		if (csv_need_cols(r, names, h->cols, 2) < 0)
			return -1;
	}
	long date;
	int minute;
	double rmssd;
	if (sleep_iso_local(csv_cell(r, h->cols[0]), &date, &minute) < 0 ||
	    mg_parse_double(csv_cell(r, h->cols[1]), 1, 300, &rmssd) < 0)
		return 0;   /* a day without a valid reading */
	return h->cb(date, rmssd, h->ctx) < 0 ? -1 : 0;
}

int fitbit_hrv_parse(FILE *f, const char *name, int (*cb)(long date, double rmssd, void *ctx), void *ctx,
		     struct mg_err *e)
{
	struct hrv_state h = {.cb = cb, .ctx = ctx};
	return csv_read(f, name, hrv_row, &h, e);
}
