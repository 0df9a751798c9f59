/*
 * libFuzzer target for the SR24 food parser (src/io/sr24.c): any bytes
 * given as one food's XML must give a food or a clean MG_EDATA error,
 * never a crash, a leak or undefined behaviour.
 */
#include <stddef.h>
#include <stdint.h>
#include "io/sr24.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct food_record f;
	struct mg_err e = {0};
	food_record_init(&f);
	if (sr24_parse_food((const char *)data, size, &f, &e) == 0) {
		/* A parsed food must be well formed. */
		if (!f.name || f.id < 1 || f.id > 99999)
			__builtin_trap();
		for (size_t i = 0; i < f.n_measures; i++)
			if (!(f.measures[i].grams > 0) || !f.measures[i].name)
				__builtin_trap();
	} else if (e.code != MG_EDATA && e.code != MG_ESOFTWARE) {
		__builtin_trap();
	}
	food_record_release(&f);
	return 0;
}
