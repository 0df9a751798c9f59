/*
 * libFuzzer target for the Fitbit readers (src/io/fitbit.c): the sleep
 * JSON (sessions with valid clock times and sleep within time in bed) and
 * the daily HRV CSV (RMSSD in range), or a clean MG_EDATA, from any bytes.
 */
#include <stdint.h>
#include <stdio.h>
#include "io/fitbit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int check(const struct sleep_session *s, void *ctx)
{
	(void)ctx;
	if (s->bed < 0 || s->bed >= 1440 || s->up < 0 || s->up >= 1440 || s->wake < 0 || s->wake >= 1440 ||
	    !(s->tst_min >= 0) || s->waso_min < 0)
		__builtin_trap();
	return 0;
}

static int check_hrv(long date, double rmssd, void *ctx)
{
	(void)ctx;
	(void)date;
	if (!(rmssd >= 1 && rmssd <= 300))
		__builtin_trap();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fitbit_stats st = {0};
	struct mg_err e = {0};
	if (fitbit_parse((const char *)data, size, "fuzz.json", 300, check, NULL, &st, &e) != 0 && e.code != MG_EDATA)
		__builtin_trap();
	static char empty[1];
	FILE *f = size ? fmemopen((void *)data, size, "r") : fmemopen(empty, 0, "r");
	if (f) {
		if (fitbit_hrv_parse(f, "fuzz.csv", check_hrv, NULL, &e) != 0 && e.code != MG_EDATA && e.code != MG_EIO)
			__builtin_trap();
		fclose(f);
	}
	return 0;
}
