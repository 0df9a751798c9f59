/*
 * libFuzzer target for the Apple Health scanner (src/io/apple-health.c):
 * any bytes must give well-formed records (parsed dates, end not before
 * start, terminated strings) or a clean MG_EDATA, never a crash or a read
 * past the buffer.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "io/apple-health.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int check(const struct ah_record *r, void *ctx)
{
	(void)ctx;
	if (r->end.utc < r->start.utc || strlen(r->source) >= sizeof(r->source) || !r->source[0] ||
	    r->start.minute < 0 || r->start.minute >= 1440)
		__builtin_trap();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char empty[1];
	FILE *f = size ? fmemopen((void *)data, size, "r") : fmemopen(empty, 0, "r");
	if (!f)
		return 0;
	struct ah_stats st;
	struct mg_err e = {0};
	if (ah_parse(f, check, NULL, &st, &e) != 0 && e.code != MG_EDATA)
		__builtin_trap();
	fclose(f);
	return 0;
}
