/*
 * libFuzzer target for the FoodData Central reader (src/io/fdc-csv.c).
 * The input is split on "\n===\n" into up to five files: food.csv,
 * nutrient.csv, food_nutrient.csv, food_portion.csv, measure_unit.csv
 * (missing ones are empty). Any bytes must give foods or a clean error.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "io/fdc-csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int check(const struct food_record *f, void *ctx)
{
	(void)ctx;
	if (!f->name || !*f->name)
		__builtin_trap();
	for (size_t i = 0; i < f->n_measures; i++)
		if (!(f->measures[i].grams > 0) || !(f->measures[i].amount > 0))
			__builtin_trap();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char sep[] = "\n===\n";
	const char *p = (const char *)data, *end = p + size;
	FILE *files[5] = {0};
	static char empty[1];
	for (int i = 0; i < 5; i++) {
		const char *next = p < end ? memmem(p, (size_t)(end - p), sep, sizeof(sep) - 1) : NULL;
		size_t len = p < end ? (size_t)((next ? next : end) - p) : 0;
		files[i] = len ? fmemopen((void *)p, len, "r") : fmemopen(empty, 0, "r");
		p = next ? next + sizeof(sep) - 1 : end;
	}
	struct fdc_inputs in = {files[0], files[1], files[2], files[3], files[4]};
	struct mg_err e = {0};
	if (fdc_parse(&in, check, NULL, &e) != 0 && e.code != MG_EDATA && e.code != MG_EIO)
		__builtin_trap();
	for (int i = 0; i < 5; i++)
		if (files[i])
			fclose(files[i]);
	return 0;
}
