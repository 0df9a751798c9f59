/*
 * The header-row CSV reader (see csv-reader.h). libcsv hands over fields
 * and row ends; this file keeps the current row in reusable buffers, maps
 * the header, and calls the row callback.
 */
#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "io/csv-reader.h"
#include "util/text.h"
#include "util/banned.h"

/* A row longer than this is not a diary, a dose list or a food table: it
 * is a file that is not CSV, and reading it whole would cost its size in
 * memory. */
#define CSV_MAX_ROW_BYTES (1u << 20)

static void on_field(void *s, size_t len, void *data)
{
	struct csv_reader *r = data;
	r->row_bytes += len + 1;
	if (r->row_bytes > CSV_MAX_ROW_BYTES && !r->failed) {
		mg_err_set(r->e, MG_EDATA, "%s row %zu is longer than %u KiB: not a CSV file this reads", r->file,
			   r->row + 1, CSV_MAX_ROW_BYTES >> 10);
		r->failed = 1;
	}
	if (s && !mg_utf8_valid(s, len) && !r->failed) {
		mg_err_set(r->e, MG_EDATA, "%s row %zu: field %zu is not UTF-8 text: save the file as UTF-8 (in a"
			   " spreadsheet: CSV UTF-8)", r->file, r->row + 1, r->nfields + 1);
		r->failed = 1;
	}
	if (r->nfields < CSV_MAX_COLS) {
		strbuf_reset(&r->fields[r->nfields]);
		strbuf_add(&r->fields[r->nfields], s ? s : "", s ? len : 0);
	}
	r->nfields++;
}

static void on_row(int c, void *data)
{
	struct csv_reader *r = data;
	(void)c;
	r->row++;
	size_t n = r->nfields < CSV_MAX_COLS ? r->nfields : CSV_MAX_COLS;
	r->nfields = 0;
	r->row_bytes = 0;
	if (r->failed || r->stopped)
		return;
	if (r->row == 1) {
		for (size_t i = 0; i < n; i++)
			r->header[i] = mg_strdup(strbuf_str(&r->fields[i]));
		r->ncols = n;
		return;
	}
	/* Cells beyond a short row read as empty. */
	for (size_t i = n; i < r->ncols; i++)
		strbuf_reset(&r->fields[i]);
	int rc = r->on_row(r, r->ctx);
	if (rc < 0)
		r->failed = 1;
	else if (rc > 0)
		r->stopped = 1;
}

/* Index of column name, or -1. A byte-order mark on the first header cell
 * is ignored: spreadsheet tools add one. */
const char *csv_header(const struct csv_reader *r, size_t i)
{
	const char *h = r->header[i];
	if (i == 0 && strncmp(h, "\xEF\xBB\xBF", 3) == 0)
		h += 3;
	return h;
}

long csv_col(const struct csv_reader *r, const char *name)
{
	for (size_t i = 0; i < r->ncols; i++)
		if (strcmp(csv_header(r, i), name) == 0)
			return (long)i;
	return -1;
}

const char *csv_cell(struct csv_reader *r, long c)
{
	return c >= 0 && (size_t)c < r->ncols ? strbuf_str(&r->fields[c]) : "";
}

int csv_need_cols(struct csv_reader *r, const char *const *names, long *idx, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		idx[i] = csv_col(r, names[i]);
		if (idx[i] < 0)
			return mg_err_set(r->e, MG_EDATA, "%s has no \"%s\" column", r->file, names[i]);
		/* A column this reader needs, named twice, is ambiguous (Sleep as
		 * Android repeats its actigraphy time columns: those it ignores). */
		for (size_t k = (size_t)idx[i] + 1; k < r->ncols; k++)
			if (strcmp(csv_header(r, k), names[i]) == 0)
				return mg_err_set(r->e, MG_EDATA, "%s has the column \"%s\" twice", r->file, names[i]);
	}
	return 0;
}

int csv_bad_number(struct csv_reader *r, const char *field, const char *value)
{
	return mg_err_set(r->e, MG_EDATA, "%s row %zu: %s \"%s\" is not a number", r->file, r->row, field, value);
}

int csv_read(FILE *f, const char *file, int (*row_cb)(struct csv_reader *, void *), void *ctx,
	     struct mg_err *e)
{
	return csv_read_delim(f, file, ',', row_cb, ctx, e);
}

int csv_read_delim(FILE *f, const char *file, char delim, int (*row_cb)(struct csv_reader *, void *), void *ctx,
		   struct mg_err *e)
{
	struct csv_parser p;
	/* Strict: a stray quote inside a field, or a quote never closed at the
	 * end of the file, is an error, not the rest of the file in one cell. */
	if (csv_init(&p, CSV_APPEND_NULL | CSV_STRICT | CSV_STRICT_FINI) != 0)
		return mg_err_set(e, MG_ESOFTWARE, "cannot start the csv parser");
	csv_set_delim(&p, (unsigned char)delim);
	struct csv_reader r = {.file = file, .on_row = row_cb, .ctx = ctx, .e = e};
	for (size_t i = 0; i < CSV_MAX_COLS; i++)
		strbuf_init(&r.fields[i]);
	char buf[65536];
	size_t n;
	int rc = 0;
	while (!r.failed && !r.stopped && (n = fread(buf, 1, sizeof(buf), f)) > 0) {
		if (memchr(buf, '\0', n)) {
			rc = mg_err_set(e, MG_EDATA, "%s row %zu: a NUL byte: not a text file", file, r.row + 1);
			break;
		}
		if (csv_parse(&p, buf, n, on_field, on_row, &r) != n) {
			rc = mg_err_set(e, MG_EDATA, "%s row %zu: %s", file, r.row + 1, csv_strerror(csv_error(&p)));
			break;
		}
	}
	if (rc == 0 && ferror(f))
		rc = mg_err_set(e, MG_EIO, "cannot read %s: %s", file, strerror(errno));
	if (rc == 0 && !r.failed && !r.stopped && csv_fini(&p, on_field, on_row, &r) != 0)
		rc = mg_err_set(e, MG_EDATA, "%s row %zu: %s", file, r.row + 1,
				csv_error(&p) == CSV_EPARSE ? "a quoted field is never closed" : csv_strerror(csv_error(&p)));
	if (rc == 0 && r.failed)
		rc = -1;
	if (rc == 0 && r.row == 0)
		rc = mg_err_set(e, MG_EDATA, "%s is empty", file);
	csv_free(&p);
	for (size_t i = 0; i < CSV_MAX_COLS; i++)
		strbuf_release(&r.fields[i]);
	for (size_t i = 0; i < r.ncols; i++)
		free(r.header[i]);
	return rc;
}
