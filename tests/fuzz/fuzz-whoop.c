/*
 * libFuzzer target for the WHOOP sleeps reader (src/io/whoop.c), CSV and
 * JSON: any bytes give sessions with clock times in range and sleep that
 * is not negative, or a clean MG_EDATA.
 */
#include <math.h>
#include <stdint.h>
#include "io/whoop.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int check(const struct sleep_session *s, void *ctx)
{
	(void)ctx;
	if (s->bed < 0 || s->bed >= 1440 || s->up < 0 || s->up >= 1440 || !(s->tst_min >= 0) || s->waso_min < 0)
		__builtin_trap();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct whoop_stats st;
	struct mg_err e = {0};
	if (whoop_parse((const char *)data, size, "fuzz", check, NULL, &st, &e) != 0 && e.code != MG_EDATA &&
	    e.code != MG_EIO)
		__builtin_trap();
	return 0;
}
