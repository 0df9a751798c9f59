/*
 * libFuzzer target for the Fitbit sleep JSON reader (src/io/fitbit.c):
 * any bytes give sessions with valid clock times and sleep within time in
 * bed, or a clean MG_EDATA.
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fitbit_stats st = {0};
	struct mg_err e = {0};
	if (fitbit_parse((const char *)data, size, "fuzz.json", check, NULL, &st, &e) != 0 && e.code != MG_EDATA)
		__builtin_trap();
	return 0;
}
