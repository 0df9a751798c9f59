/*
 * Wearable sleep sessions (io/sleep-session.h) into the nightly log, the
 * same way for every device: one night per morning and source, times as
 * the device wrote them, stage minutes, HRV with its kind and the lowest
 * heart rate kept; the user's own entry wins field by field. Runs inside
 * the caller's transaction.
 */
#ifndef MG_SESSIONIMPORT_H
#define MG_SESSIONIMPORT_H

#include "io/sleep-session.h"
#include "store/nights.h"
#include "util/err.h"

struct session_counts {
	size_t read, written, updated, unchanged, before_since, inconsistent, future;
};

/* Stores one session under `source` (e.g. "oura") through the import's
 * night writer, unless it ended before `since` (MG_NO_DATE: no limit),
 * ends after today, or its times make no night. */
int session_store(struct night_writer *w, long profile_id, const char *source, long since, const struct sleep_session *ss,
		  struct session_counts *c, struct mg_err *e);

#endif
