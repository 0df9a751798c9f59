/*
 * Session -> night (see sessionimport.h). The diary fields are chosen so
 * that the night's own arithmetic gives back the device's total sleep:
 * tried = bed, sol = the device's latency, waso = its time awake after
 * onset, so (wake - tried) - sol - waso = total sleep, to the minute.
 */
#include <math.h>
#include <string.h>
#include "core/night.h"
#include "core/sessionimport.h"
#include "core/tables.h"
#include "store/nights.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

static int minutes(double v)
{
	return isnan(v) ? -1 : (int)lround(v);
}

/* A night's sleep period, onset to final wake, in minutes from the
 * midnight that starts its date (an end at 18:00 or later is the evening
 * before, as in core/sessions.c); -1 without the times to tell. */
static int sleep_period(const struct night *n, long *onset, long *wake)
{
	int start = n->tried >= 0 ? n->tried : n->bed;
	int w = n->wake >= 0 ? n->wake : n->up;
	if (start < 0 || w < 0)
		return -1;
	*wake = w - (w >= 18 * 60 ? 1440 : 0);
	long sol = n->sol > 0 ? n->sol : 0;
	long span = (w - start + 1440) % 1440;
	*onset = *wake - span + (sol < span ? sol : span);
	return 0;
}

int session_keeps_stored(const struct night *stored, const struct night *n)
{
	long so, sw, no, nw;
	if (sleep_period(stored, &so, &sw) < 0 || sleep_period(n, &no, &nw) < 0)
		return 0;
	if (nw - no >= sw - so)
		return 0;   /* as long or longer: the newer export has the say */
	long overlap = (nw < sw ? nw : sw) - (no > so ? no : so);
	double cover = tables_threshold("import-correction-cover-pct", NULL) / 100.0;
	/* The same sleep measured again covers most of it: a correction. */
	return overlap < cover * (double)(sw - so);
}

int session_store(struct night_writer *w, long profile_id, const char *source, long since, const struct sleep_session *ss,
		  unsigned flags, struct session_counts *c, struct mg_err *e)
{
	c->read++;
	if (since != MG_NO_DATE && ss->date < since) {
		c->before_since++;
		return 0;
	}
	if (ss->date > mg_today()) {
		c->future++;   /* a device clock or export error, never a night to keep */
		return 0;
	}
	struct night n;
	night_init(&n, ss->date);
	mg_strlcpy(n.source, source, sizeof(n.source));
	n.bed = ss->bed;
	n.tried = ss->bed;
	n.up = ss->up;
	n.wake = ss->wake >= 0 ? ss->wake : ss->up;
	n.sol = minutes(ss->sol_min);
	n.waso = minutes(ss->waso_min);
	n.awakenings = ss->awakenings;
	n.quality = ss->quality;
	n.deep = minutes(ss->deep_min);
	n.light = minutes(ss->light_min);
	n.rem = minutes(ss->rem_min);
	/* A long sleep without a minute of REM is a device that does not
	 * measure it (Withings' and Garmin's write 0): unknown, not none. */
	if (n.rem == 0 && !isnan(ss->tst_min) && ss->tst_min >= tables_threshold("import-rem-expected-min", NULL))
		n.rem = -1;
	if (!isnan(ss->hrv_ms) && ss->hrv_ms >= 1 && ss->hrv_ms <= 300) {
		n.hrv = minutes(ss->hrv_ms);
		n.hrv_kind = ss->hrv_rmssd ? NIGHT_HRV_RMSSD : NIGHT_HRV_SDNN;
	}
	if (!isnan(ss->hr_low) && ss->hr_low >= 20 && ss->hr_low <= 250)
		n.hr_low = minutes(ss->hr_low);
	struct night_derived d;
	struct mg_err ne = {0};
	if (night_derive(&n, &d, &ne) < 0) {
		c->inconsistent++;
		return 0;
	}
	int how = journal_night_write(w, profile_id, &n, flags & SESSION_REPLACE ? NULL : session_keeps_stored, e);
	if (how < 0)
		return -1;
	if (how == NIGHT_KEPT)
		c->kept_longer++;
	else if (how == NIGHT_UNCHANGED)
		c->unchanged++;
	else if (how == NIGHT_UPDATED)
		c->updated++;
	else
		c->written++;
	return 0;
}
