/*
 * Helpers shared by the wearable parsers (see sleep-session.h).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "io/sleep-session.h"
#include "util/parse.h"
#include "util/banned.h"

void sleep_session_init(struct sleep_session *s)
{
	memset(s, 0, sizeof(*s));
	s->bed = s->up = s->wake = -1;
	s->awakenings = -1;
	s->quality = -1;
	s->sol_min = s->waso_min = s->tst_min = NAN;
	s->deep_min = s->light_min = s->rem_min = s->hrv_ms = s->hr_low = NAN;
}

int sleep_iso_local(const char *s, long *day, int *minute)
{
	int y, mo, d, h, mi;
	char sep;
	if (strlen(s) < 16 || sscanf(s, "%4d-%2d-%2d%c%2d:%2d", &y, &mo, &d, &sep, &h, &mi) != 6 ||
	    (sep != 'T' && sep != ' ') || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 ||
	    mi > 59 || y < 1)
		return -1;
	*day = mg_days_from_civil(y, mo, d);
	*minute = h * 60 + mi;
	return 0;
}

int sleep_count(double x)
{
	return x >= 0 && x <= 1440 ? (int)x : -1;
}
