/*
 * Withings sleep.csv (see withings.h).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "io/csv-reader.h"
#include "io/withings.h"
#include "util/parse.h"
#include "util/banned.h"

enum { C_FROM, C_TO, C_LIGHT, C_DEEP, C_REM, C_AWAKE, C_WAKEUPS, C_TO_SLEEP, C_TO_WAKE, C_HR, C_HR_MIN, N_COLS };

/* Each column's English name, then its German one. */
static const char *const names[N_COLS][2] = {
	{"from", "von"}, {"to", "bis"}, {"light (s)", "leicht (s)"}, {"deep (s)", "tief (s)"}, {"rem (s)", "REM (s)"},
	{"awake (s)", "wach (s)"}, {"wake up", "Aufwachen"}, {"Duration to sleep (s)", "Einschlafdauer (s)"},
	{"Duration to wake up (s)", "Aufwachdauer (s)"}, {"Heart rate (min/max)", "Herzfrequenz (min/max)"},
	/* What real exports write (English even in German ones). */
	{"Heart rate (min)", "Herzfrequenz (min)"},
};

struct state {
	long cols[N_COLS];
	int (*cb)(const struct sleep_session *s, void *ctx);
	void *ctx;
	struct withings_stats *st;
};

static double num(struct csv_reader *r, long col)
{
	const char *v = csv_cell(r, col);
	double d;
	return *v && mg_parse_double(v, 0, 1e6, &d) == 0 ? d : NAN;
}

static int row(struct csv_reader *r, void *ctx)
{
	struct state *s = ctx;
	if (r->row == 2) {
		for (int i = 0; i < N_COLS; i++) {
			s->cols[i] = csv_col(r, names[i][0]);
			if (s->cols[i] < 0)
				s->cols[i] = csv_col(r, names[i][1]);
		}
		if (s->cols[C_FROM] < 0 || s->cols[C_TO] < 0)
			return mg_err_set(r->e, MG_EDATA, "%s has no \"from\" and \"to\" columns", r->file);
	}
	s->st->records++;
	struct sleep_session ss;
	sleep_session_init(&ss);
	long bed_day, up_day;
	double light = num(r, s->cols[C_LIGHT]), deep = num(r, s->cols[C_DEEP]), rem = num(r, s->cols[C_REM]);
	double asleep = (isnan(light) ? 0 : light) + (isnan(deep) ? 0 : deep) + (isnan(rem) ? 0 : rem);
	if (sleep_iso_local(csv_cell(r, s->cols[C_FROM]), &bed_day, &ss.bed) < 0 ||
	    sleep_iso_local(csv_cell(r, s->cols[C_TO]), &up_day, &ss.up) < 0 || asleep <= 0) {
		s->st->bad_record++;
		return 0;
	}
	ss.date = up_day + (ss.up >= 18 * 60 ? 1 : 0);
	double to_sleep = num(r, s->cols[C_TO_SLEEP]), to_wake = num(r, s->cols[C_TO_WAKE]);
	ss.sol_min = isnan(to_sleep) ? 0 : to_sleep / 60;
	int wake_off = to_wake >= 0 && to_wake <= 86400 ? (int)lround(to_wake / 60) : 0;
	ss.wake = ((ss.up - wake_off) % 1440 + 1440) % 1440;
	ss.tst_min = asleep / 60;
	/* Time awake after onset: whatever of the night is neither latency nor sleep. */
	long span = ((long)ss.wake - ss.bed + 1440) % 1440;
	ss.waso_min = fmax(0, (double)span - ss.sol_min - ss.tst_min);
	double wakes = num(r, s->cols[C_WAKEUPS]);
	ss.awakenings = sleep_count(wakes);
	ss.light_min = light / 60;
	ss.deep_min = deep / 60;
	ss.rem_min = rem / 60;
	/* The lowest heart rate: its own column in real files, "49/88" in
	 * the combined one older descriptions named. */
	const char *hr = csv_cell(r, s->cols[C_HR_MIN] >= 0 ? s->cols[C_HR_MIN] : s->cols[C_HR]);
	char low[16];
	size_t l = strcspn(hr, "/");
	if (l > 0 && l < sizeof(low)) {
		memcpy(low, hr, l);
		low[l] = '\0';
		double v;
		if (mg_parse_double(low, 20, 250, &v) == 0)
			ss.hr_low = v;
	}
	return s->cb(&ss, s->ctx) < 0 ? -1 : 0;
}

int withings_parse(FILE *f, const char *name, int (*cb)(const struct sleep_session *s, void *ctx), void *ctx,
		   struct withings_stats *st, struct mg_err *e)
{
	memset(st, 0, sizeof(*st));
	struct state s = {.cb = cb, .ctx = ctx, .st = st};
	return csv_read(f, name, row, &s, e);
}
