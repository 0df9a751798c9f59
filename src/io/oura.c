/*
 * Oura sleep CSVs (see oura.h), through io/csv-reader.c with the
 * separator the header line uses.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "io/csv-reader.h"
#include "io/oura.h"
#include "util/parse.h"
#include "util/banned.h"

enum { C_DAY, C_START, C_END, C_TOTAL, C_TIB, C_LATENCY, C_AWAKE, C_DEEP, C_LIGHT, C_REM, C_TYPE, C_HRV, C_HR, N_COLS };

static const char *const names[N_COLS] = {
	"day", "bedtime_start", "bedtime_end", "total_sleep_duration", "time_in_bed", "latency", "awake_time",
	"deep_sleep_duration", "light_sleep_duration", "rem_sleep_duration", "type", "average_hrv",
	"lowest_heart_rate",
};

struct state {
	long cols[N_COLS];
	int (*cb)(const struct sleep_session *s, void *ctx);
	void *ctx;
	struct oura_stats *st;
};

/* A number of seconds (or bpm, ms), NAN when empty or not a number. */
static double num(struct csv_reader *r, long col)
{
	const char *v = csv_cell(r, col);
	double d;
	return *v && mg_parse_double(v, 0, 1e7, &d) == 0 ? d : NAN;
}

/* "2024-07-11" (membership export) or "7/11/2024" (web dashboard). */
static int oura_day(const char *v, long *day)
{
	int m, d, y;
	char tail;
	if (mg_parse_date(v, day) == 0)
		return 0;
	if (sscanf(v, "%2d/%2d/%4d%c", &m, &d, &y, &tail) != 3 || m < 1 || m > 12 || d < 1 || d > 31 || y < 1970)
		return -1;
	*day = mg_days_from_civil(y, m, d);
	return 0;
}

static int row(struct csv_reader *r, void *ctx)
{
	struct state *s = ctx;
	if (r->row == 2) {
		if (csv_col(r, "bedtime_start") < 0 && csv_col(r, "score") >= 0)
			return mg_err_set(r->e, MG_EDATA, "%s holds daily scores only: import sleepmodel.csv", r->file);
		if (csv_need_cols(r, names, s->cols, 5) < 0)
			return -1;
		for (int i = 5; i < N_COLS; i++)
			s->cols[i] = csv_col(r, names[i]);
	}
	s->st->rows++;
	const char *type = csv_cell(r, s->cols[C_TYPE]);
	if (s->cols[C_TYPE] >= 0 && strcmp(type, "long_sleep") != 0) {
		s->st->not_a_night++;
		return 0;
	}
	struct sleep_session ss;
	sleep_session_init(&ss);
	long end_day;
	double total = num(r, s->cols[C_TOTAL]), tib = num(r, s->cols[C_TIB]), lat = num(r, s->cols[C_LATENCY]);
	long day;
	if (oura_day(csv_cell(r, s->cols[C_DAY]), &day) < 0 ||
	    sleep_iso_local(csv_cell(r, s->cols[C_START]), &end_day, &ss.bed) < 0 ||
	    sleep_iso_local(csv_cell(r, s->cols[C_END]), &end_day, &ss.up) < 0 || isnan(total) || isnan(tib) ||
	    total > tib) {
		s->st->bad_row++;
		return 0;
	}
	ss.date = end_day + (ss.up >= 18 * 60);
	ss.tst_min = total / 60;
	ss.sol_min = isnan(lat) ? 0 : lat / 60;
	/* Awake time in bed, less the latency, is the time awake after onset. */
	ss.waso_min = fmax(0, (tib - total) / 60 - ss.sol_min);
	ss.deep_min = num(r, s->cols[C_DEEP]) / 60;
	ss.light_min = num(r, s->cols[C_LIGHT]) / 60;
	ss.rem_min = num(r, s->cols[C_REM]) / 60;
	ss.hrv_ms = num(r, s->cols[C_HRV]);
	ss.hrv_rmssd = 1;
	ss.hr_low = num(r, s->cols[C_HR]);
	return s->cb(&ss, s->ctx) < 0 ? -1 : 0;
}

int oura_parse(FILE *f, const char *name, int (*cb)(const struct sleep_session *s, void *ctx), void *ctx,
	       struct oura_stats *st, struct mg_err *e)
{
	memset(st, 0, sizeof(*st));
	struct state s = {.cb = cb, .ctx = ctx, .st = st};
	/* The separator is whichever of ';' and ',' the header line uses
	 * more: the header never holds either inside a name. */
	char head[4096];
	char delim = ';';
	long at = ftell(f);
	if (at >= 0 && fgets(head, sizeof(head), f)) {
		size_t semi = 0, comma = 0;
		for (const char *p = head; *p; p++) {
			semi += *p == ';';
			comma += *p == ',';
		}
		delim = comma > semi ? ',' : ';';
		if (fseek(f, at, SEEK_SET) != 0)
			return mg_err_set(e, MG_EIO, "cannot read %s again after its header", name);
	}
	return csv_read_delim(f, name, delim, row, &s, e);
}
