/*
 * Oura's API v2 sleep documents as JSON: {"data": [...]} as the API
 * returns them, {"sleep": [...]} as people save them, or a bare array.
 * Each document has the fields the CSVs have (day, bedtime_start,
 * bedtime_end with offsets, total_sleep_duration, time_in_bed, latency,
 * deep/light/rem durations in seconds, type, average_hrv as RMSSD,
 * lowest_heart_rate). As for the CSVs, only type long_sleep is a sleep
 * session; the others (sleep, late_nap, rest, deleted, none) are counted
 * and skipped. Parsed with jansson from a buffer (a month is a few MB).
 */
#ifndef MG_OURA_JSON_H
#define MG_OURA_JSON_H

#include <stddef.h>
#include "io/oura.h"
#include "io/sleep-session.h"
#include "util/err.h"

/* Whether the buffer looks like JSON (its first non-blank byte is { or [). */
int oura_is_json(const char *buf, size_t len);

/* MG_EDATA naming the file when it is not JSON, or JSON without an array
 * of sleep documents. */
int oura_json_parse(const char *buf, size_t len, const char *name,
		    int (*cb)(const struct sleep_session *s, void *ctx), void *ctx, struct oura_stats *st,
		    struct mg_err *e);

#endif
