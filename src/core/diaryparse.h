/*
 * Parses a diary CSV (the format in core/diaryimport.h) into nights,
 * without touching the journal. Errors name the file, line and field:
 * an unknown or repeated column, no date column, a bad or future or
 * repeated date, a field the `night` command would refuse, times that
 * make no night, a bad source. A negative callback return stops with
 * its error. Each night carries its source: the row's "source" cell, or
 * DIARY_CSV_SOURCE. A date may appear once per source.
 */
#ifndef MG_DIARYPARSE_H
#define MG_DIARYPARSE_H

#include <stdio.h>
#include "core/night.h"
#include "util/err.h"

/* The source of a diary's nights when the file names none. */
#define DIARY_CSV_SOURCE "diary-csv"

int diary_parse(FILE *f, const char *name, long today, int (*cb)(const struct night *n, void *ctx), void *ctx,
		struct mg_err *e);

#endif
