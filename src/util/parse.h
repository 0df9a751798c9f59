/*
 * Strict parsing of the numbers, dates and times users type. Each function
 * accepts the whole string or nothing (no trailing junk, no overflow, no
 * silent truncation) and returns 0 on success, -1 on failure; callers turn a
 * failure into a message naming the field and the value.
 */
#ifndef MG_PARSE_H
#define MG_PARSE_H

#include <limits.h>
#include <stddef.h>

/* A decimal integer in [min, max]. */
int mg_parse_long(const char *s, long min, long max, long *out);

/* A finite decimal number (no hex, inf or nan) in [min, max]. */
int mg_parse_double(const char *s, double min, double max, double *out);

/* "No date": day numbers before 1970 are negative, so -1 cannot mean
 * unknown (someone born in 1966 has a negative birth day number). */
#define MG_NO_DATE LONG_MIN

/* A calendar date YYYY-MM-DD (years 1900..2999) as days since 1970-01-01. */
int mg_parse_date(const char *s, long *days);

/* Writes days since 1970-01-01 as YYYY-MM-DD into buf (at least 11 bytes). */
void mg_format_date(long days, char *buf, size_t n);

/* Days since 1970-01-01 of a civil date; no range checks. */
long mg_days_from_civil(int y, int m, int d);

/* The civil date of days since 1970-01-01. */
void mg_civil_from_days(long days, int *y, int *m, int *d);

/* A clock time HH:MM (00:00..23:59) as minutes after midnight. */
int mg_parse_hhmm(const char *s, int *minutes);

/* "YYYY-MM-DD HH:MM" (exactly one space) as a date and minutes after
 * midnight. */
int mg_parse_datetime(const char *s, long *days, int *minutes);

/* Writes minutes after midnight as HH:MM into buf (at least 6 bytes). */
void mg_format_hhmm(int minutes, char *buf, size_t n);

/* "HH:MM[,HH:MM...]" (spaces after commas allowed) into at most max times,
 * sorted, duplicates dropped. -1 on a bad time or more than max; *bad
 * then points at the offending text (NULL when there are too many). */
int mg_parse_hhmm_list(const char *s, int *out, size_t max, size_t *n, const char **bad);

/* The weekday of a day count: 0 Monday .. 6 Sunday (1970-01-01 was a
 * Thursday). */
int mg_weekday(long days);

/* Today's local date as days since 1970-01-01. MGTRACK_TODAY=YYYY-MM-DD
 * overrides it, so tests and demos are reproducible. */
long mg_today(void);

/* The local clock time now, in minutes after midnight. */
int mg_now_minutes(void);

/* Whole years between two dates given as days (birthday rule). */
int mg_age_years(long born, long on);

/* Whole months between two dates given as days. */
int mg_age_months(long born, long on);

#endif
