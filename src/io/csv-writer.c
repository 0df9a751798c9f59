/*
 * The CSV writer (see csv-writer.h): quoting and the injection guard.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "io/csv-writer.h"
#include "util/banned.h"

void csv_writer_init(struct csv_writer *w, struct strbuf *out)
{
	w->out = out;
	w->cells = 0;
	w->rows = 0;
}

static int trigger(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

/* "-2", "+1", "0.5", "12": an optional sign, digits, an optional
 * fraction. No exponent, no spaces: "1e3" and " 1" are text. */
static int plain_number(const char *s)
{
	if (*s == '-' || *s == '+')
		s++;
	if (*s < '0' || *s > '9')
		return 0;
	while (*s >= '0' && *s <= '9')
		s++;
	if (*s == '.') {
		s++;
		if (*s < '0' || *s > '9')
			return 0;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return *s == '\0';
}

int csv_needs_guard(const char *s)
{
	if (!s || plain_number(s))
		return 0;
	size_t q = strspn(s, "'");
	return trigger(s[q]);
}

const char *csv_unguard(const char *s)
{
	/* A guarded cell is one or more quotes, then a trigger character;
	 * the writer never writes a cell of that form unguarded. */
	size_t q = strspn(s, "'");
	return q >= 1 && trigger(s[q]) ? s + 1 : s;
}

static void sep(struct csv_writer *w)
{
	if (w->cells++)
		strbuf_addch(w->out, ',');
}

void csv_text(struct csv_writer *w, const char *s)
{
	sep(w);
	if (!s || !*s)
		return;
	int guard = csv_needs_guard(s);
	int quote = guard || strpbrk(s, ",\"\r\n") != NULL;
	if (!quote) {
		strbuf_adds(w->out, s);
		return;
	}
	strbuf_addch(w->out, '"');
	if (guard)
		strbuf_addch(w->out, '\'');
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			strbuf_addch(w->out, '"');
		strbuf_addch(w->out, *p);
	}
	strbuf_addch(w->out, '"');
}

void csv_num(struct csv_writer *w, double v)
{
	sep(w);
	if (isnan(v) || isinf(v))
		return;
	char buf[40];
	snprintf(buf, sizeof(buf), "%.15g", v == 0 ? 0.0 : v);   /* never "-0" */
	strbuf_adds(w->out, buf);
}

void csv_int(struct csv_writer *w, long v)
{
	sep(w);
	strbuf_addf(w->out, "%ld", v);
}

void csv_end_row(struct csv_writer *w)
{
	strbuf_add(w->out, "\r\n", 2);
	w->cells = 0;
	w->rows++;
}
