/*
 * iCalendar (RFC 5545) writing and checking with libical. The caller
 * describes events in this neutral shape (io/ never sees the plan); times
 * are floating local times, so "21:30" stays 21:30 wherever the calendar
 * travels.
 */
#ifndef MG_ICS_H
#define MG_ICS_H

#include <stddef.h>
#include <stdio.h>
#include "util/err.h"

struct ics_event {
	char uid[96];
	char summary[160];
	char description[1024];
	long date;             /* first day, days since 1970-01-01 */
	int start_min;         /* minutes after midnight */
	int duration_min;
	int daily_count;       /* > 1: repeats daily (weekly: weekly) this many times */
	int weekly;            /* repeats every week instead (a weekly medicine's window) */
	unsigned skip_weekdays;   /* daily repeats left out on these weekdays (bit 0 Monday): EXDATEs */
	int alarm_before_min;  /* >= 0: a display alarm this many minutes before; -1: none */
	int transparent;       /* does not block time (windows to avoid) */
};

/* Writes a VCALENDAR with the events to f. MG_EIO on a write error. */
int ics_write(FILE *f, const struct ics_event *ev, size_t n, struct mg_err *e);

/* Parses text with libical and checks every component's RFC 5545
 * restrictions; *events gets the number of VEVENTs and *alarms of VALARMs.
 * MG_EDATA with libical's first complaint when the calendar is not valid. */
int ics_check(const char *text, size_t *events, size_t *alarms, struct mg_err *e);

#endif
