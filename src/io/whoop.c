/*
 * WHOOP sleeps (see whoop.h). One mapping from a row to a session serves
 * both the CSV and the JSON form: it asks for each field by its column
 * name through a lookup function, so neither form knows the other.
 */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "io/csv-reader.h"
#include "io/json-records.h"
#include "io/whoop.h"
#include "util/parse.h"
#include "util/banned.h"

typedef const char *(*lookup_fn)(void *src, const char *key);

/* "2024-06-23 20:24:26" (the export) or "3/6/2024 3:23" (converted). */
static int whoop_time(const char *v, long *day, int *minute)
{
	if (sleep_iso_local(v, day, minute) == 0)
		return 0;
	int m, d, y, h, mi;
	if (sscanf(v, "%2d/%2d/%4d %2d:%2d", &m, &d, &y, &h, &mi) != 5 || m < 1 || m > 12 || d < 1 || d > 31 ||
	    y < 1970 || h < 0 || h > 23 || mi < 0 || mi > 59)
		return -1;
	*day = mg_days_from_civil(y, m, d);
	*minute = h * 60 + mi;
	return 0;
}

/* Minutes of a night: NAN when empty, not a number, or more than a day. */
static double minutes(lookup_fn get, void *src, const char *key)
{
	const char *v = get(src, key);
	double d;
	return v && *v && mg_parse_double(v, 0, 1440, &d) == 0 ? d : NAN;
}

/* 0 with a session (a row marked Nap is one too, marked device_nap), -1
 * for a row that makes no session. */
static int one_row(lookup_fn get, void *src, struct sleep_session *ss)
{
	sleep_session_init(ss);
	const char *nap = get(src, "Nap");
	ss->device_nap = nap && strcasecmp(nap, "true") == 0;
	long bed_day, up_day;
	const char *on = get(src, "Sleep onset"), *off = get(src, "Wake onset");
	double asleep = minutes(get, src, "Asleep duration (min)");
	double in_bed = minutes(get, src, "In bed duration (min)");
	double awake = minutes(get, src, "Awake duration (min)");
	if (!on || !off || whoop_time(on, &bed_day, &ss->bed) < 0 || whoop_time(off, &up_day, &ss->up) < 0 ||
	    isnan(asleep) || (bed_day != up_day && bed_day + 1 != up_day))
		return -1;
	ss->date = up_day + (ss->up >= 18 * 60);
	ss->tst_min = asleep;
	ss->sol_min = 0;
	ss->waso_min = !isnan(awake) ? awake : !isnan(in_bed) ? fmax(0, in_bed - asleep) : NAN;
	ss->light_min = minutes(get, src, "Light sleep duration (min)");
	ss->deep_min = minutes(get, src, "Deep (SWS) duration (min)");
	ss->rem_min = minutes(get, src, "REM duration (min)");
	return 0;
}

struct sink {
	int (*cb)(const struct sleep_session *s, void *ctx);
	void *ctx;
	struct whoop_stats *st;
};

static int emit(struct sink *k, lookup_fn get, void *src)
{
	k->st->rows++;
	struct sleep_session ss;
	if (one_row(get, src, &ss) < 0) {
		k->st->bad_record++;
		return 0;
	}
	return k->cb(&ss, k->ctx) < 0 ? -1 : 0;
}

/* ---- CSV ---- */

static const char *csv_get(void *src, const char *key)
{
	struct csv_reader *r = src;
	long c = csv_col(r, key);
	return c < 0 ? NULL : csv_cell(r, c);
}

static int csv_row(struct csv_reader *r, void *ctx)
{
	if (r->row == 2 && (csv_col(r, "Sleep onset") < 0 || csv_col(r, "Wake onset") < 0 ||
			    csv_col(r, "Asleep duration (min)") < 0))
		return mg_err_set(r->e, MG_EDATA, "%s is not WHOOP's sleeps.csv (no \"Sleep onset\", \"Wake onset\""
				  " and \"Asleep duration (min)\" columns)", r->file);
	return emit(ctx, csv_get, r);
}

/* ---- JSON ---- */

struct json_src {
	json_t *obj;
	char buf[8][64];   /* numbers written as text, a few fields at a time */
	int next;
};

static const char *json_get(void *src, const char *key)
{
	struct json_src *j = src;
	json_t *v = json_object_get(j->obj, key);
	if (json_is_string(v))
		return json_string_value(v);
	char *b = j->buf[j->next++ % 8];
	if (json_is_integer(v))
		snprintf(b, 64, "%lld", (long long)json_integer_value(v));
	else if (json_is_real(v))
		snprintf(b, 64, "%.17g", json_real_value(v));
	else if (json_is_boolean(v))
		snprintf(b, 64, "%s", json_is_true(v) ? "true" : "false");
	else
		return NULL;
	return b;
}

static int parse_json(const char *buf, size_t len, const char *name, struct sink *k, struct mg_err *e)
{
	static const char *const keys[] = {"sleeps", NULL};
	json_t *root;
	json_t *rows = json_records(buf, len, name, keys, "JSON but not WHOOP sleeps (no array of sleep rows)", &root, e);
	if (!rows)
		return -1;
	size_t i;
	json_t *row;
	int rc = 0;
	json_array_foreach(rows, i, row) {
		struct json_src src = {.obj = row};
		if (!json_is_object(row)) {
			k->st->rows++;
			k->st->bad_record++;
			continue;
		}
		if ((rc = emit(k, json_get, &src)) < 0)
			break;
	}
	json_decref(root);
	return rc < 0 ? -1 : 0;
}

int whoop_parse(const char *buf, size_t len, const char *name, int (*cb)(const struct sleep_session *s, void *ctx),
		void *ctx, struct whoop_stats *st, struct mg_err *e)
{
	memset(st, 0, sizeof(*st));
	struct sink k = {.cb = cb, .ctx = ctx, .st = st};
	size_t i = len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
	while (i < len && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r' || buf[i] == '\n'))
		i++;
	if (i < len && (buf[i] == '[' || buf[i] == '{'))
		return parse_json(buf, len, name, &k, e);
	static char empty[1];
	FILE *f = len ? fmemopen((void *)buf, len, "r") : fmemopen(empty, 0, "r");
	if (!f)
		return mg_err_set(e, MG_EIO, "cannot read %s", name);
	int rc = csv_read(f, name, csv_row, &k, e);
	fclose(f);
	return rc;
}
