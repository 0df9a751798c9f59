/*
 * One sleep period as a wearable export reports it, in local clock time
 * with the device's own offset already applied: what the Oura, Fitbit and
 * other parsers emit and core/sessionimport.c turns into a night. -1 (or
 * NAN for durations) means the export does not say.
 */
#ifndef MG_SLEEP_SESSION_H
#define MG_SLEEP_SESSION_H

struct sleep_session {
	long date;                   /* the morning the sleep ended, days since 1970-01-01 */
	int bed, up;                 /* into and out of bed, local minutes */
	int wake;                    /* final awakening, local minutes (-1: same as up) */
	double sol_min, waso_min;    /* minutes to fall asleep, awake after onset */
	double tst_min;              /* total sleep, as the device counts it */
	int awakenings;
	double deep_min, light_min, rem_min;
	double hrv_ms;               /* RMSSD for Oura and Fitbit */
	int hrv_rmssd;               /* 1 when hrv_ms is RMSSD, 0 SDNN */
	double hr_low;               /* lowest or resting heart rate */
	int quality;                 /* the user's own 1-5 rating in the app, -1 */
	int device_nap;              /* 1: the export calls it a nap (Fitbit's mainSleep false,
	                              * WHOOP's Nap); core/sessions.c decides what it is */
};

void sleep_session_init(struct sleep_session *s);

/* "2024-03-20T22:04:00+01:00" (fraction and offset optional): the local
 * date and minute as written. -1 when it does not parse. */
int sleep_iso_local(const char *s, long *day, int *minute);

/* A count from an export (awakenings) as an int: -1 when missing, negative
 * or beyond any night (more than 1440), so a damaged file never overflows. */
int sleep_count(double x);

#endif
