/*
 * libFuzzer target for the Withings sleep.csv reader (src/io/withings.c).
 */
#include <stdint.h>
#include <stdio.h>
#include "io/withings.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int check(const struct sleep_session *s, void *ctx)
{
	(void)ctx;
	if (s->bed < 0 || s->bed >= 1440 || s->up < 0 || s->up >= 1440 || s->wake < 0 || s->wake >= 1440 ||
	    !(s->tst_min > 0) || s->waso_min < 0)
		__builtin_trap();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char empty[1];
	FILE *f = size ? fmemopen((void *)data, size, "r") : fmemopen(empty, 0, "r");
	if (!f)
		return 0;
	struct withings_stats st;
	struct mg_err e = {0};
	if (withings_parse(f, "fuzz.csv", check, NULL, &st, &e) != 0 && e.code != MG_EDATA && e.code != MG_EIO)
		__builtin_trap();
	fclose(f);
	return 0;
}
