/*
 * libFuzzer target for the Garmin sleepData reader (src/io/garmin.c).
 */
#include <stdint.h>
#include <stdlib.h>
#include "io/garmin.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int check(const struct sleep_session *s, void *ctx)
{
	(void)ctx;
	if (s->bed < 0 || s->bed >= 1440 || s->up < 0 || s->up >= 1440 || !(s->tst_min > 0) || s->waso_min < 0)
		__builtin_trap();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int tz;
	if (!tz++)
		setenv("TZ", "UTC", 1);
	struct garmin_stats st = {0};
	struct mg_err e = {0};
	if (garmin_parse((const char *)data, size, "fuzz.json", check, NULL, &st, &e) != 0 && e.code != MG_EDATA)
		__builtin_trap();
	return 0;
}
