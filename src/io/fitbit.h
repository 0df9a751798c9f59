/*
 * Fitbit's Google Takeout sleep files (sleep-YYYY-MM-DD.json: a JSON array
 * of sleep logs, or the web API's {"sleep": [...]}), parsed with jansson
 * from a buffer. Each log becomes a sleep session: endTime's date is the
 * morning, startTime/endTime are local clock times, the minutes fields
 * give latency and sleep, the end of the last sleep in levels.data the
 * final wake (else minutesAfterWakeup before endTime), and levels.summary
 * the stages. Logs Fitbit does not call the main sleep (mainSleep false) are
 * sessions too, marked device_nap: core/sessions.c decides whether one is
 * a nap or part of a night (Fitbit splits a night broken by a long wake).
 *
 * Awakenings: Fitbit's levels.summary.wake.count counts every wake epoch
 * run, the brief ones of shortData too (32 in a real night), which no one
 * waking up would count. The session's awakenings are instead the wake
 * periods in levels.data of at least min_wake_s seconds between the first
 * and the last sleep, which is what a diary's "times woken, not counting
 * the final awakening" asks; only a log whose levels.data holds no sleep
 * falls back to Fitbit's own count.
 */
#ifndef MG_FITBIT_H
#define MG_FITBIT_H

#include <stddef.h>
#include <stdio.h>
#include "io/sleep-session.h"
#include "util/err.h"

struct fitbit_stats {
	size_t logs, bad_log;
};

/* MG_EDATA (naming the file) when the buffer is not a Fitbit sleep file. */
int fitbit_parse(const char *buf, size_t len, const char *name, double min_wake_s,
		 int (*cb)(const struct sleep_session *s, void *ctx), void *ctx, struct fitbit_stats *st, struct mg_err *e);

/* The daily HRV summary CSV (Heart Rate Variability/Daily Heart Rate
 * Variability Summary - YYYY-MM-(DD).csv: timestamp,rmssd,nremhr,entropy):
 * one RMSSD per date, measured during that night's sleep. */
int fitbit_hrv_parse(FILE *f, const char *name, int (*cb)(long date, double rmssd, void *ctx), void *ctx,
		     struct mg_err *e);

#endif
