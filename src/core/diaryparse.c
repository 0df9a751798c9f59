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
#include "io/csv-writer.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

/* The most sources one file may name: a journal has "manual", the diary
 * and one per device, so this bounds the memory of the repeat check. */
#define DIARY_MAX_SOURCES 16

struct diary_state {
	long today;
	long date_col, source_col;
	/* Dates seen in this file per source, to refuse duplicates: one bit
	 * per day from 1900 (the earliest date mg_parse_date takes) to today,
	 * so a check costs the same for the 46,000th row as for the first. */
	struct {
		char name[32];
		unsigned char *seen;
	} sources[DIARY_MAX_SOURCES];
	size_t n_sources;
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
		int known = strcmp(h, "date") == 0 || strcmp(h, "source") == 0;
		for (size_t k = 0; k < nf && !known; k++)
			known = strcmp(h, fields[k]) == 0;
		if (!known)
			return mg_err_set(r->e, MG_EDATA, "%s line 1: unknown column \"%s\"", r->file, h);
		for (size_t k = 0; k < i; k++)
			if (strcmp(csv_header(r, k), h) == 0)
				return mg_err_set(r->e, MG_EDATA, "%s line 1: column \"%s\" appears twice", r->file, h);
	}
	st->date_col = csv_col(r, "date");
	st->source_col = csv_col(r, "source");
	if (st->date_col < 0)
		return mg_err_set(r->e, MG_EDATA, "%s line 1: no \"date\" column", r->file);
	return 0;
}

/* A source is a word like the journal's own: "manual", "diary-csv",
 * "oura", "apple-health". */
static int source_ok(const char *s)
{
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-");
	return n >= 1 && n < 32 && s[n] == '\0';
}

/* The repeat bits of `source`, made on first use; NULL past the cap. */
static unsigned char *source_seen(struct diary_state *st, const char *source)
{
	for (size_t i = 0; i < st->n_sources; i++)
		if (strcmp(st->sources[i].name, source) == 0)
			return st->sources[i].seen;
	if (st->n_sources == DIARY_MAX_SOURCES)
		return NULL;
	mg_strlcpy(st->sources[st->n_sources].name, source, sizeof(st->sources[0].name));
	st->sources[st->n_sources].seen = mg_calloc((size_t)(st->today - st->first_day) / 8 + 1, 1);
	return st->sources[st->n_sources++].seen;
}

static int diary_row(struct csv_reader *r, void *ctx)
{
	struct diary_state *st = ctx;
	if (r->row == 2 && check_header(r, st) < 0)
		return -1;
	/* Every cell without the quote `export --csv` puts before text that
	 * begins like a formula (io/csv-writer.h). */
	const char *d = csv_unguard(csv_cell(r, st->date_col));
	long date;
	if (mg_parse_date(d, &date) < 0)
		return mg_err_set(r->e, MG_EDATA, "%s line %zu: date \"%s\" is not a date (YYYY-MM-DD)", r->file, r->row, d);
	if (date > st->today)
		return mg_err_set(r->e, MG_EDATA, "%s line %zu: date \"%s\" is in the future", r->file, r->row, d);
	/* No source, or an empty cell: the diary's own. A night exported with
	 * its source (export --csv) goes back under that source. */
	const char *source = csv_unguard(csv_cell(r, st->source_col));
	if (!*source)
		source = DIARY_CSV_SOURCE;
	if (!source_ok(source))
		return mg_err_set(r->e, MG_EDATA, "%s line %zu: source \"%s\" must be 1 to 31 lowercase letters, digits"
				  " or dashes (e.g. manual, diary-csv, oura)", r->file, r->row, source);
	st->first_day = mg_days_from_civil(1900, 1, 1);
	unsigned char *seen = source_seen(st, source);
	if (!seen)
		return mg_err_set(r->e, MG_EDATA, "%s line %zu: more than %d sources in one file", r->file, r->row,
				  DIARY_MAX_SOURCES);
	size_t bit = (size_t)(date - st->first_day);
	if (seen[bit / 8] & (1u << (bit % 8))) {
		if (st->source_col >= 0)
			return mg_err_set(r->e, MG_EDATA, "%s line %zu: date \"%s\" appears twice in the file for"
					  " source \"%s\"", r->file, r->row, d, source);
		return mg_err_set(r->e, MG_EDATA, "%s line %zu: date \"%s\" appears twice in the file", r->file,
				  r->row, d);
	}
	seen[bit / 8] |= (unsigned char)(1u << (bit % 8));
	struct night n;
	night_init(&n, date);
	mg_strlcpy(n.source, source, sizeof(n.source));
	struct mg_err fe = {0};
	for (size_t i = 0; i < r->ncols; i++) {
		if ((long)i == st->date_col || (long)i == st->source_col)
			continue;
		const char *field = csv_header(r, i);
		const char *v = csv_unguard(csv_cell(r, (long)i));
		/* red-flag may hold "diarrhoea;dizziness". */
		do {
			size_t len = strcmp(field, "red-flag") == 0 ? strcspn(v, ";") : strlen(v);
			/* Room for a whole note (500 characters of UTF-8): a 512-byte
			 * copy cut a long Cyrillic or emoji note mid-character. */
			char value[sizeof(n.note)];
			if (len >= sizeof(value))
				return mg_err_set(r->e, MG_EDATA, "%s line %zu: %s is longer than %zu bytes", r->file,
						  r->row, field, sizeof(value) - 1);
			mg_strlcpy(value, v, len + 1);
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
	for (size_t i = 0; i < st.n_sources; i++)
		free(st.sources[i].seen);
	return rc;
}
