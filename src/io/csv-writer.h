/*
 * A small, pure CSV writer for files a spreadsheet opens (docs/EXPORT.md,
 * section CSV): RFC 4180 quoting, CRLF line ends, UTF-8 as given, and
 * cells guarded against formula ("CSV") injection.
 *
 * The guard (OWASP's rule): a text cell that begins with = + - @, a tab or
 * a carriage return, is written with a single quote in front (and always
 * quoted), so no spreadsheet runs it as a formula. A cell that is a plain
 * decimal number ("-2", "+1", "0.5") cannot be a formula and stays as it
 * is, so a number reads back as that number. A text that already begins
 * with quotes before one of those characters gets one more quote, so
 * csv_unguard undoes the guard exactly: unguard(guard(s)) == s for every
 * s, and the imports (diary, doses) read an exported cell back as it was.
 *
 * Cells go into a strbuf; the writer neither allocates nor does I/O.
 */
#ifndef MG_CSV_WRITER_H
#define MG_CSV_WRITER_H

#include <stddef.h>
#include "util/strbuf.h"

struct csv_writer {
	struct strbuf *out;
	size_t cells;          /* in the row being written */
	size_t rows;           /* ended so far, the header's included */
};

void csv_writer_init(struct csv_writer *w, struct strbuf *out);
/* A text cell: guarded and quoted as needed. NULL is an empty cell. */
void csv_text(struct csv_writer *w, const char *s);
/* A number cell with up to 15 significant digits ("0.5", "120"); NAN is
 * an empty cell (not recorded). Never guarded: a number is not a formula. */
void csv_num(struct csv_writer *w, double v);
void csv_int(struct csv_writer *w, long v);
/* Ends the row with CRLF. */
void csv_end_row(struct csv_writer *w);

/* Whether text cell s would get the quote in front. */
int csv_needs_guard(const char *s);
/* s without the guard's quote: s + 1 when s is a guarded cell, else s. */
const char *csv_unguard(const char *s);

#endif
