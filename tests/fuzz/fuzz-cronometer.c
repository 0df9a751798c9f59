/*
 * libFuzzer target for the Cronometer CSV reader (src/io/cronometer.c):
 * any bytes give rows with a calendar date and magnesium and energy that
 * are absent (NAN) or non-negative, or a clean error naming the row.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "io/cronometer.h"
#include "util/parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int check(const struct cron_row *r, void *ctx)
{
	(void)ctx;
	char d[16];
	long back;
	mg_format_date(r->date, d, sizeof(d));
	if (mg_parse_date(d, &back) != 0 || back != r->date)
		__builtin_trap();
	if ((!isnan(r->mg) && !(r->mg >= 0)) || (!isnan(r->kcal) && !(r->kcal >= 0)))
		__builtin_trap();
	if (r->kind == CRON_SERVINGS && (!r->food[0] || (!isnan(r->amount) && r->amount < 0)))
		__builtin_trap();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char empty[1];
	FILE *f = size ? fmemopen((void *)data, size, "r") : fmemopen(empty, 0, "r");
	if (!f)
		return 0;
	struct mg_err e = {0};
	int rc = cron_parse(f, "fuzz.csv", check, NULL, &e);
	if (rc != 0 && e.code != MG_EDATA && e.code != MG_EIO)
		__builtin_trap();
	fclose(f);
	return 0;
}
