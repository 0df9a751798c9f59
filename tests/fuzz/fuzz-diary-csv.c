/*
 * libFuzzer target for the diary CSV parser (src/core/diaryparse.c): any
 * bytes must give nights that pass the diary's own checks, or a clean
 * MG_EDATA/MG_EIO error naming the line.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/diaryparse.h"
#include "core/tables.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int check(const struct night *n, void *ctx)
{
	(void)ctx;
	struct night_derived d;
	struct mg_err e = {0};
	/* The parser only hands over nights whose figures derive cleanly. */
	if (night_derive(n, &d, &e) != 0 || (n->quality != -1 && (n->quality < 1 || n->quality > 5)))
		__builtin_trap();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int loaded;
	if (!loaded) {
		struct mg_err e = {0};
		if (tables_load(&e) != 0)
			__builtin_trap();
		setenv("TZ", "UTC", 1);
		loaded = 1;
	}
	static char empty[1];
	FILE *f = size ? fmemopen((void *)data, size, "r") : fmemopen(empty, 0, "r");
	if (!f)
		return 0;
	struct mg_err e = {0};
	if (diary_parse(f, "fuzz.csv", 30000, check, NULL, &e) != 0 && e.code != MG_EDATA && e.code != MG_EIO)
		__builtin_trap();
	fclose(f);
	return 0;
}
