/*
 * Helpers shared by the unit tests: cmocka's headers in the right order,
 * temporary folders, and small food records and food databases built in
 * memory, so each test states its data next to its assertions.
 */
#ifndef MG_TESTUTIL_H
#define MG_TESTUTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "io/food-record.h"
#include "util/err.h"

/* A new empty folder under $TMPDIR (or /tmp); the caller frees the path
 * and removes the folder with tu_rmdir. */
char *tu_mkdtemp(void);
void tu_rmdir(const char *dir);
/* dir + "/" + name in a static buffer (valid until the next call). */
const char *tu_path(const char *dir, const char *name);

struct tu_measure {
	double amount;
	const char *name;
	double grams;
};

struct tu_food {
	long id;
	const char *name;
	int group;
	double mg, kcal;
	struct tu_measure measures[6];
	double na;          /* sodium mg per 100 g (0 when not given) */
};

/* Fills f (initialised here; release with food_record_release). */
void tu_food_record(const struct tu_food *in, struct food_record *f);

/* cmocka group set-up and tear-down that load and unload the rule tables. */
int tu_tables_setup(void **state);
int tu_tables_teardown(void **state);

/* A food database imported once per suite from the SR24 archive named by
 * $MGTRACK_SR24 (make check sets it), with the data tables loaded: group
 * setup and teardown for cmocka. Without the archive tu_sr24_db stays
 * NULL and tu_need_sr24 prints why a test is skipped and returns 0. */
extern struct sqlite3 *tu_sr24_db;
int tu_sr24_setup(void **state);
int tu_sr24_teardown(void **state);
int tu_need_sr24(void);

/* Builds a food database at path from foods (source "sr24"). */
void tu_build_foods(const char *path, const struct tu_food *foods, size_t n);

#endif
