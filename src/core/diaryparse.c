/*
 * The diary CSV parser (format in core/diaryimport.h): pure over a stream,
 * it checks the header, each row's date and fields (with night_set, the
 * same checks as the `night` command) and hands each night to a callback.
 * diary_import stores them; the fuzz target feeds it arbitrary bytes.
 */
#include <stdlib.h>
#include <string.h>
#include "core/diaryparse.h"
#include "io/csv-reader.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

struct diary_state {
	long today;
	long date_col;
	/* Dates seen in this file, to refuse duplicates: one bit per day from
	 * 1900 (the earliest date mg_parse_date takes) to today, so a check
	 * costs the same for the 46,000th row as for the first. */
	unsigned char *seen;
	long first_day;
	int (*cb)(const struct night *n, void *ctx);
	void *ctx;
};

static int check_header(struct csv_reader *r, struct diary_state *st)
{
	size_t nf;
	const char *const *fields = night_field_names(&nf);
	for (size_t i = 0; i < r->ncols; i++) {
		const char *h = csv_header(r, i);
		int known = strcmp(h, "date") == 0;
		for (size_t k = 0; k < nf && !known; k++)
			known = strcmp(h, fields[k]) == 0;
		if (!known)
			return mg_err_set(r->e, MG_EDATA, "%s line 1: unknown column \"%s\"", r->file, h);
		for (size_t k = 0; k < i; k++)
			if (strcmp(csv_header(r, k), h) == 0)
				return mg_err_set(r->e, MG_EDATA, "%s line 1: column \"%s\" appears twice", r->file, h);
	}
	st->date_col = csv_col(r, "date");
	if (st->date_col < 0)
		return mg_err_set(r->e, MG_EDATA, "%s line 1: no \"date\" column", r->file);
	return 0;
}

static int diary_row(struct csv_reader *r, void *ctx)
{
	struct diary_state *st = ctx;
	if (r->row == 2 && check_header(r, st) < 0)
		return -1;
	const char *d = csv_cell(r, st->date_col);
	long date;
	if (mg_parse_date(d, &date) < 0)
		return mg_err_set(r->e, MG_EDATA, "%s line %zu: date \"%s\" is not a date (YYYY-MM-DD)", r->file, r->row, d);
	if (date > st->today)
		return mg_err_set(r->e, MG_EDATA, "%s line %zu: date \"%s\" is in the future", r->file, r->row, d);
	if (!st->seen) {
		st->first_day = mg_days_from_civil(1900, 1, 1);
		st->seen = mg_calloc((size_t)(st->today - st->first_day) / 8 + 1, 1);
	}
	size_t bit = (size_t)(date - st->first_day);
	if (st->seen[bit / 8] & (1u << (bit % 8)))
		return mg_err_set(r->e, MG_EDATA, "%s line %zu: date \"%s\" appears twice in the file", r->file,
				  r->row, d);
	st->seen[bit / 8] |= (unsigned char)(1u << (bit % 8));
	struct night n;
	night_init(&n, date);
	struct mg_err fe = {0};
	for (size_t i = 0; i < r->ncols; i++) {
		if ((long)i == st->date_col)
			continue;
		const char *field = csv_header(r, i);
		const char *v = csv_cell(r, (long)i);
		/* red-flag may hold "diarrhoea;dizziness". */
		do {
			size_t len = strcmp(field, "red-flag") == 0 ? strcspn(v, ";") : strlen(v);
			char value[512];
			mg_strlcpy(value, v, len + 1 < sizeof(value) ? len + 1 : sizeof(value));
			if (night_set(&n, field, value, &fe) < 0)
				return mg_err_set(r->e, MG_EDATA, "%s line %zu: %s", r->file, r->row, fe.msg);
			v += len + (v[len] == ';');
		} while (*v);
	}
	struct night_derived dv;
	if (night_derive(&n, &dv, &fe) < 0)
		return mg_err_set(r->e, MG_EDATA, "%s line %zu: %s", r->file, r->row, fe.msg);
	return st->cb(&n, st->ctx) < 0 ? -1 : 0;
}

int diary_parse(FILE *f, const char *name, long today, int (*cb)(const struct night *n, void *ctx), void *ctx,
		struct mg_err *e)
{
	struct diary_state st = {.today = today, .cb = cb, .ctx = ctx};
	int rc = csv_read(f, name, diary_row, &st, e);
	free(st.seen);
	return rc;
}
