/*
 * Oura API v2 sleep JSON (see oura-json.h). The mapping is the CSV
 * reader's (io/oura.c): latency is time to fall asleep, and what of the
 * time in bed is neither latency nor sleep is time awake after onset.
 */
#include <jansson.h>
#include <math.h>
#include <string.h>
#include "io/oura-json.h"
#include "io/json-records.h"
#include "util/parse.h"
#include "util/banned.h"

int oura_is_json(const char *buf, size_t len)
{
	size_t i = 0;
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < len && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r' || buf[i] == '\n'))
		i++;
	return i < len && (buf[i] == '{' || buf[i] == '[');
}

/* Seconds, bpm or ms: NAN when missing, not a number, or beyond a day. */
static double field(json_t *doc, const char *key)
{
	json_t *v = json_object_get(doc, key);
	double x = json_is_number(v) ? json_number_value(v) : NAN;
	return x >= 0 && x <= 1e6 ? x : NAN;
}

/* 0 and a session for a usable long sleep, 1 for another type, -1 for a
 * document whose times or durations make no session. */
static int one_doc(json_t *doc, struct sleep_session *ss)
{
	sleep_session_init(ss);
	const char *type = json_string_value(json_object_get(doc, "type"));
	if (!type || strcmp(type, "long_sleep") != 0)
		return 1;
	const char *start = json_string_value(json_object_get(doc, "bedtime_start"));
	const char *end = json_string_value(json_object_get(doc, "bedtime_end"));
	long start_day, end_day;
	double total = field(doc, "total_sleep_duration"), tib = field(doc, "time_in_bed");
	double lat = field(doc, "latency");
	if (!start || !end || sleep_iso_local(start, &start_day, &ss->bed) < 0 ||
	    sleep_iso_local(end, &end_day, &ss->up) < 0 || isnan(total) || isnan(tib) || total > tib ||
	    tib > 86400)
		return -1;
	ss->date = end_day + (ss->up >= 18 * 60);
	ss->tst_min = total / 60;
	ss->sol_min = isnan(lat) ? 0 : lat / 60;
	ss->waso_min = fmax(0, (tib - total) / 60 - ss->sol_min);
	ss->deep_min = field(doc, "deep_sleep_duration") / 60;
	ss->light_min = field(doc, "light_sleep_duration") / 60;
	ss->rem_min = field(doc, "rem_sleep_duration") / 60;
	ss->hrv_ms = field(doc, "average_hrv");
	ss->hrv_rmssd = 1;
	ss->hr_low = field(doc, "lowest_heart_rate");
	return 0;
}

int oura_json_parse(const char *buf, size_t len, const char *name,
		    int (*cb)(const struct sleep_session *s, void *ctx), void *ctx, struct oura_stats *st,
		    struct mg_err *e)
{
	memset(st, 0, sizeof(*st));
	static const char *const keys[] = {"data", "sleep", NULL};
	json_t *root;
	json_t *docs = json_records(buf, len, name, keys,
				    "JSON but not Oura sleep documents (no \"data\" or \"sleep\" array)", &root, e);
	if (!docs)
		return -1;
	size_t i;
	json_t *doc;
	int rc = 0;
	json_array_foreach(docs, i, doc) {
		st->rows++;
		struct sleep_session ss;
		int how = json_is_object(doc) ? one_doc(doc, &ss) : -1;
		if (how > 0) {
			st->not_a_night++;
			continue;
		}
		if (how < 0) {
			st->bad_row++;
			continue;
		}
		if ((rc = cb(&ss, ctx)) < 0)
			break;
	}
	json_decref(root);
	return rc < 0 ? -1 : 0;
}
