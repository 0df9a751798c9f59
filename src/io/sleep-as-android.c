/*
 * Sleep as Android export (see sleep-as-android.h). Local times come from
 * the C library's time-zone database: TZ is switched to the record's Tz
 * for the conversion and put back afterwards.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "io/csv-reader.h"
#include "io/sleep-as-android.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

enum { C_ID, C_TZ, C_HOURS, C_RATING, C_LENADJ, C_FROM, C_TO, N_COLS };

struct state {
	long cols[N_COLS];
	int (*cb)(const struct sleep_session *s, void *ctx);
	void *ctx;
	struct saa_stats *st;
};

/* Local date and minute of epoch seconds t in time zone tz. */
static int local_in(const char *tz, double t, long *day, int *minute)
{
	/* A zone name is letters, digits and / _ + - only: anything else is
	 * not trusted to the TZ variable. */
	for (const char *p = tz; *p; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		      strchr("/_+-", *p)))
			return -1;
	if (!*tz || strlen(tz) > 64)
		return -1;
	const char *old = getenv("TZ");
	char saved[128] = "";
	int had = old != NULL;
	if (had)
		mg_strlcpy(saved, old, sizeof(saved));
	setenv("TZ", tz, 1);
	tzset();
	time_t tt = (time_t)floor(t);
	struct tm tm;
	int ok = localtime_r(&tt, &tm) != NULL;
	if (had)
		setenv("TZ", saved, 1);
	else
		unsetenv("TZ");
	tzset();
	if (!ok)
		return -1;
	*day = mg_days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	*minute = tm.tm_hour * 60 + tm.tm_min;
	return 0;
}

/* "22. 06. 2020 23:53" (From, To) as a local date and minute. */
static int saa_local(const char *v, long *day, int *minute)
{
	int d, mo, y, h, mi;
	char tail;
	if (sscanf(v, "%2d. %2d. %4d %2d:%2d%c", &d, &mo, &y, &h, &mi, &tail) != 5 || d < 1 || d > 31 || mo < 1 ||
	    mo > 12 || y < 1970 || h < 0 || h > 23 || mi < 0 || mi > 59)
		return -1;
	*day = mg_days_from_civil(y, mo, d);
	*minute = h * 60 + mi;
	return 0;
}

/* Digits only: "1.59287E+12" parses as a number but lost its minutes. */
static int is_integer(const char *v)
{
	if (!*v)
		return 0;
	for (; *v; v++)
		if (*v < '0' || *v > '9')
			return 0;
	return 1;
}

static void bad(struct saa_stats *st, size_t row)
{
	if (!st->bad_record++)
		st->first_bad_row = row;
}

static int row(struct csv_reader *r, void *ctx)
{
	struct state *s = ctx;
	if (r->row == 2) {
		static const char *const names[N_COLS] = {"Id", "Tz", "Hours", "Rating", "LenAdjust"};
		if (csv_need_cols(r, names, s->cols, 3) < 0)
			return -1;
		s->cols[C_RATING] = csv_col(r, "Rating");
		s->cols[C_LENADJ] = csv_col(r, "LenAdjust");
		s->cols[C_FROM] = csv_col(r, "From");
		s->cols[C_TO] = csv_col(r, "To");
	}
	const char *id = csv_cell(r, s->cols[C_ID]);
	if (strcmp(id, "Id") == 0)
		return 0;   /* the header, repeated before each record */
	if (!*id && !*csv_cell(r, s->cols[C_FROM]))
		return 0;   /* a blank row a spreadsheet added, not a record */
	s->st->records++;
	double start_ms = NAN, hours, rating = 0, adj = 0;
	const char *tz = csv_cell(r, s->cols[C_TZ]);
	long from_day = 0, to_day = 0;
	int from_min = -1, to_min = -1;
	int have_from = saa_local(csv_cell(r, s->cols[C_FROM]), &from_day, &from_min) == 0 &&
			saa_local(csv_cell(r, s->cols[C_TO]), &to_day, &to_min) == 0;
	if (!is_integer(id) || mg_parse_double(id, 0, 1e14, &start_ms) < 0)
		start_ms = NAN;
	if ((isnan(start_ms) && !have_from) || mg_parse_double(csv_cell(r, s->cols[C_HOURS]), 0, 24, &hours) < 0) {
		bad(s->st, r->row);
		return 0;
	}
	mg_parse_double(csv_cell(r, s->cols[C_RATING]), 0, 5, &rating);
	mg_parse_double(csv_cell(r, s->cols[C_LENADJ]), -1440, 1440, &adj);
	struct sleep_session ss;
	sleep_session_init(&ss);
	long bed_day, up_day;
	double start = start_ms / 1000, end = start + hours * 3600;
	int by_id = !isnan(start_ms) && local_in(tz, start, &bed_day, &ss.bed) == 0 &&
		    local_in(tz, end, &up_day, &ss.up) == 0;
	/* Id must say what From says: a rounded or shifted Id never sets a
	 * time the row contradicts. */
	if (by_id && have_from && (bed_day != from_day || ss.bed != from_min))
		by_id = 0;
	if (!by_id) {
		if (!have_from) {
			bad(s->st, r->row);
			return 0;
		}
		s->st->from_to++;
		ss.bed = from_min;
		ss.up = to_min;
		up_day = to_day;
	}
	/* The night belongs to the morning it ends (an evening end: the next). */
	ss.date = up_day + (ss.up >= 18 * 60 ? 1 : 0);
	ss.tst_min = fmax(0, hours * 60 + adj);
	ss.sol_min = 0;
	ss.waso_min = fmax(0, hours * 60 - ss.tst_min);
	/* 0 is "not rated"; quarter stars under one still rate the night. */
	if (rating > 0 && rating <= 5)
		ss.quality = rating < 1 ? 1 : (int)lround(rating);
	return s->cb(&ss, s->ctx) < 0 ? -1 : 0;
}

int saa_parse(FILE *f, const char *name, int (*cb)(const struct sleep_session *s, void *ctx), void *ctx,
	      struct saa_stats *st, struct mg_err *e)
{
	memset(st, 0, sizeof(*st));
	struct state s = {.cb = cb, .ctx = ctx, .st = st};
	return csv_read(f, name, row, &s, e);
}
