/*
 * Strict number, date and time parsing; see parse.h. Dates are handled as
 * day numbers with the proleptic Gregorian calendar (days_from_civil is the
 * well-known era-based computation, written out here), so date arithmetic is
 * plain integer arithmetic and independent of time zones.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "util/parse.h"
#include "util/banned.h"

int mg_parse_long(const char *s, long min, long max, long *out)
{
	if (!s || !*s)
		return -1;
	const char *p = s;
	if (*p == '+' || *p == '-')
		p++;
	if (*p < '0' || *p > '9')
		return -1;
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || *end || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

int mg_parse_double(const char *s, double min, double max, double *out)
{
	if (!s || !*s)
		return -1;
	/* Only plain decimals: strtod would also take "inf", "nan" and hex. */
	for (const char *p = s; *p; p++) {
		if (!strchr("0123456789.+-eE", *p))
			return -1;
	}
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (errno || *end || end == s || !isfinite(v) || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

long mg_days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void mg_civil_from_days(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static int days_in_month(int y, int m)
{
	static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dim[m - 1];
}

static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int mg_parse_date(const char *s, long *days)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	int y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
	if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 ||
	    d > days_in_month(y, m))
		return -1;
	*days = mg_days_from_civil(y, m, d);
	return 0;
}

void mg_format_date(long days, char *buf, size_t n)
{
	int y, m, d;
	mg_civil_from_days(days, &y, &m, &d);
	snprintf(buf, n, "%04d-%02d-%02d", y, m, d);
}

int mg_parse_hhmm(const char *s, int *minutes)
{
	if (!s || strlen(s) != 5 || s[2] != ':')
		return -1;
	int h = digits(s, 2), m = digits(s + 3, 2);
	if (h < 0 || h > 23 || m < 0 || m > 59)
		return -1;
	*minutes = h * 60 + m;
	return 0;
}

void mg_format_hhmm(int minutes, char *buf, size_t n)
{
	minutes = ((minutes % 1440) + 1440) % 1440;
	snprintf(buf, n, "%02d:%02d", minutes / 60, minutes % 60);
}

int mg_parse_hhmm_list(const char *s, int *out, size_t max, size_t *n, const char **bad)
{
	*n = 0;
	*bad = s;
	while (s && *s) {
		while (*s == ' ')
			s++;
		size_t len = strcspn(s, ",");
		char hhmm[8];
		int t;
		*bad = s;
		if (len >= sizeof(hhmm))
			return -1;
		memcpy(hhmm, s, len);
		hhmm[len] = '\0';
		if (mg_parse_hhmm(hhmm, &t) < 0)
			return -1;
		size_t i = 0;
		while (i < *n && out[i] < t)
			i++;
		if (i == *n || out[i] != t) {
			if (*n == max) {
				*bad = NULL;
				return -1;
			}
			memmove(out + i + 1, out + i, (*n - i) * sizeof(*out));
			out[i] = t;
			(*n)++;
		}
		s += len;
		if (*s == ',' && !s[1])
			return -1;   /* a trailing comma names no time */
		s += *s == ',';
	}
	return *n ? 0 : -1;
}

int mg_weekday(long days)
{
	return (int)(((days + 3) % 7 + 7) % 7);
}

long mg_today(void)
{
	const char *env = getenv("MGTRACK_TODAY");
	long days;
	if (env && *env && mg_parse_date(env, &days) == 0)
		return days;
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	return mg_days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

int mg_now_minutes(void)
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	return tm.tm_hour * 60 + tm.tm_min;
}

int mg_parse_datetime(const char *s, long *days, int *minutes)
{
	char d[11], t[6];
	if (strlen(s) != 16 || s[10] != ' ')
		return -1;
	memcpy(d, s, 10);
	d[10] = '\0';
	memcpy(t, s + 11, 5);
	t[5] = '\0';
	return mg_parse_date(d, days) < 0 || mg_parse_hhmm(t, minutes) < 0 ? -1 : 0;
}

int mg_age_months(long born, long on)
{
	int by, bm, bd, oy, om, od;
	mg_civil_from_days(born, &by, &bm, &bd);
	mg_civil_from_days(on, &oy, &om, &od);
	int months = (oy - by) * 12 + (om - bm);
	if (od < bd)
		months--;
	return months;
}

int mg_age_years(long born, long on)
{
	int months = mg_age_months(born, on);
	return months < 0 ? -1 : months / 12;
}
