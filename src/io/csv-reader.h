/*
 * A CSV file with a header row, streamed through libcsv (RFC 4180): each
 * data row goes to a callback that finds its cells by column name, so
 * column order and extra columns never matter. Used by the FoodData
 * Central reader and the diary and dose imports.
 */
#ifndef MG_CSV_READER_H
#define MG_CSV_READER_H

#include <stdio.h>
#include "util/err.h"
#include "util/strbuf.h"

#define CSV_MAX_COLS 64

/* The file being read. Callbacks read it; only csv_read writes it. */
struct csv_reader {
	const char *file;            /* e.g. "food.csv", for messages */
	struct strbuf fields[CSV_MAX_COLS];
	size_t nfields;
	size_t row_bytes;            /* of the row being read, against its cap */
	size_t row;                  /* 1 = the header; the first data row is 2 */
	char *header[CSV_MAX_COLS];
	size_t ncols;
	int (*on_row)(struct csv_reader *r, void *ctx);
	void *ctx;
	struct mg_err *e;
	int failed, stopped;
};

/* Streams f, calling row_cb for each row after the header (a negative
 * return fails the read with the callback's error, a positive one stops
 * it). MG_EDATA for broken CSV or an empty file, MG_EIO on read errors. */
int csv_read(FILE *f, const char *file, int (*row_cb)(struct csv_reader *, void *), void *ctx,
	     struct mg_err *e);

/* The same with another field separator (Oura's exports use ';'). */
int csv_read_delim(FILE *f, const char *file, char delim, int (*row_cb)(struct csv_reader *, void *), void *ctx,
		   struct mg_err *e);

/* Index of column name, or -1 (a byte-order mark on the first header is
 * ignored). */
long csv_col(const struct csv_reader *r, const char *name);
/* The current row's cell in column c ("" for a missing column or cell). */
const char *csv_cell(struct csv_reader *r, long c);
/* Finds every name's column into idx; MG_EDATA naming the first missing one. */
int csv_need_cols(struct csv_reader *r, const char *const *names, long *idx, size_t n);
/* MG_EDATA "FILE row N: FIELD "VALUE" is not a number". */
int csv_bad_number(struct csv_reader *r, const char *field, const char *value);
/* The header cell of column i without a byte-order mark. */
const char *csv_header(const struct csv_reader *r, size_t i);

#endif
