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
	size_t kept_longer;   /* the journal's night of that morning and source was longer: kept */
};

/* Whether the journal's night `stored` (same date and source) stays when
 * an import brings `n`: a shorter night never replaces a longer one
 * across imports either, unless it covers `import-correction-cover-pct`
 * of the stored sleep period (onset to final wake), i.e. is the same
 * sleep measured again (a corrected re-export). A fragment of the night
 * (one part of a night tracked in two, an export cut off at its start)
 * covers less. Times missing on either side: the new night is stored. */
int session_keeps_stored(const struct night *stored, const struct night *n);

/* SESSION_REPLACE: the person chose this import's device (Apple Health's
 * --prefer), so its night replaces the stored one whatever their lengths. */
enum { SESSION_REPLACE = 1 };

/* Stores one session under `source` (e.g. "oura") through the import's
 * night writer, unless it ended before `since` (MG_NO_DATE: no limit),
 * ends after today, its times make no night, or the journal keeps a
 * longer night of its morning (session_keeps_stored; never with
 * SESSION_REPLACE in flags). */
int session_store(struct night_writer *w, long profile_id, const char *source, long since, const struct sleep_session *ss,
		  unsigned flags, struct session_counts *c, struct mg_err *e);

#endif
