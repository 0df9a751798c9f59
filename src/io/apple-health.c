/*
 * The Apple Health scanner (see apple-health.h). The buffer holds a chunk
 * of the file; `scan` looks for the next '<', finds the end of that
 * markup (quote-aware for tags, by terminator for comments, processing
 * instructions and the DOCTYPE), and when the end is not in the buffer yet
 * it moves the unfinished markup to the front and reads more. Only Record
 * and Correlation tags are looked at; text and every other element pass by
 * without being decoded.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "io/apple-health.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

#define CHUNK (1 << 20)
#define MAX_MARKUP (16 << 20)   /* one tag or DOCTYPE larger than this is not an export */

struct scanner {
	FILE *f;
	ah_progress_fn progress;
	void *progress_ctx;
	char *buf;
	size_t cap, len, pos;
	int eof;
	struct ah_stats *st;
};

/* Whether the n bytes at m begin with the literal `lit`. A memcmp of a
 * constant length compiles to a few compares; strncmp on every tag was a
 * tenth of an import (a call per tag kind, per tag). */
#define STARTS(m, n, lit) ((n) >= sizeof(lit) - 1 && memcmp((m), (lit), sizeof(lit) - 1) == 0)

/* Moves buf[from..len) to the front (callers then index from 0) and
 * appends up to a chunk. Returns 0 when nothing more could be read. */
static int refill(struct scanner *s, size_t from)
{
	memmove(s->buf, s->buf + from, s->len - from);
	s->len -= from;
	s->pos = 0;
	s->buf[s->len] = '\0';
	if (s->eof)
		return 0;
	if (s->cap - s->len < CHUNK) {
		if (s->cap >= MAX_MARKUP)
			return 0;
		s->cap *= 2;
		s->buf = mg_realloc(s->buf, s->cap + 1);
	}
	size_t n = fread(s->buf + s->len, 1, s->cap - s->len, s->f);
	s->st->bytes += n;
	s->len += n;
	if (s->progress && n)
		s->progress(s->st->bytes, s->progress_ctx);
	s->buf[s->len] = '\0';
	if (n == 0)
		s->eof = 1;
	return n > 0;
}

/* End of a tag starting at s->buf[at] ('<'): the index after '>', honouring
 * quotes; 0 when the buffer ends first. */
static size_t tag_end(const struct scanner *s, size_t at)
{
	/* memchr and strcspn rather than a loop over every byte: the tag's
	 * quoted values are most of it, and this is the scanner's hottest
	 * code (a byte loop ran a quarter faster or slower with nothing but
	 * its address changed). The buffer is NUL-terminated at len; a NUL
	 * inside it is passed over like any other byte. */
	const char *b = s->buf, *end = s->buf + s->len;
	for (const char *p = b + at + 1; p < end;) {
		p += strcspn(p, "\"'>");
		if (p >= end)
			break;
		if (*p == '>')
			return (size_t)(p - b) + 1;
		if (!*p) {
			p++;
			continue;
		}
		const char *q = memchr(p + 1, *p, (size_t)(end - p - 1));
		if (!q)
			break;
		p = q + 1;
	}
	return 0;
}

static size_t find_after(const struct scanner *s, size_t at, const char *term)
{
	size_t tl = strlen(term);
	const char *p = s->len > at ? memmem(s->buf + at, s->len - at, term, tl) : NULL;
	return p ? (size_t)(p - s->buf) + tl : 0;
}

/* The DOCTYPE: its internal subset ends at "]>" (export version 12 leaves
 * an ATTLIST unclosed inside it, so nothing in between is trusted). */
static size_t doctype_end(const struct scanner *s, size_t at)
{
	size_t close = tag_end(s, at);
	const char *bracket = memchr(s->buf + at, '[', (close ? close : s->len) - at);
	if (!bracket)
		return close;
	return find_after(s, (size_t)(bracket - s->buf), "]>");
}

static void decode(const char *v, size_t n, char *out, size_t cap)
{
	size_t o = 0;
	for (size_t i = 0; i < n && o + 4 < cap; i++) {
		if (v[i] != '&') {
			out[o++] = v[i];
			continue;
		}
		const char *semi = memchr(v + i, ';', n - i);
		size_t len = semi ? (size_t)(semi - (v + i)) : 0;
		static const struct {
			const char *name;
			char c;
		} named[] = {{"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
		int done = 0;
		for (size_t k = 0; k < 5 && semi && !done; k++)
			if (len - 1 == strlen(named[k].name) && strncmp(v + i + 1, named[k].name, len - 1) == 0) {
				out[o++] = named[k].c;
				done = 1;
			}
		if (!done && semi && len > 2 && v[i + 1] == '#') {
			char num[16];
			if (len < sizeof(num)) {
				memcpy(num, v + i + 2, len - 2);
				num[len - 2] = '\0';
				char *end;
				unsigned long cp = num[0] == 'x' ? strtoul(num + 1, &end, 16) : strtoul(num, &end, 10);
				if (*end == '\0' && cp > 0 && cp < 0x110000) {
					/* UTF-8 encode the code point. */
					if (cp < 0x80) {
						out[o++] = (char)cp;
					} else if (cp < 0x800) {
						out[o++] = (char)(0xC0 | (cp >> 6));
						out[o++] = (char)(0x80 | (cp & 0x3F));
					} else if (cp < 0x10000) {
						out[o++] = (char)(0xE0 | (cp >> 12));
						out[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
						out[o++] = (char)(0x80 | (cp & 0x3F));
					} else {
						out[o++] = (char)(0xF0 | (cp >> 18));
						out[o++] = (char)(0x80 | ((cp >> 12) & 0x3F));
						out[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
						out[o++] = (char)(0x80 | (cp & 0x3F));
					}
					done = 1;
				}
			}
		}
		if (done)
			i += len;
		else
			out[o++] = '&';
	}
	out[o] = '\0';
}

struct attrs {
	char type[96], source[128], old_source[128], start[40], end[40], value[64], unit[16];
};

/* Reads the attributes of the tag buf[from, to) (after the name). */
static void read_attrs(const char *p, const char *end, struct attrs *a)
{
	memset(a, 0, sizeof(*a));
	while (p < end) {
		while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
			p++;
		const char *name = p;
		while (p < end && *p != '=' && *p != ' ' && *p != '>' && *p != '/')
			p++;
		size_t nl = (size_t)(p - name);
		while (p < end && *p == ' ')
			p++;
		if (p >= end || *p != '=') {
			p++;
			continue;
		}
		p++;
		while (p < end && *p == ' ')
			p++;
		if (p >= end || (*p != '"' && *p != '\''))
			return;
		char q = *p++;
		const char *v = p;
		while (p < end && *p != q)
			p++;
		size_t vl = (size_t)(p - v);
		p++;
		char *dst = NULL;
		size_t cap = 0;
#define ATTR(lit, field) else if (nl == sizeof(lit) - 1 && memcmp(name, lit, nl) == 0) dst = a->field, cap = sizeof(a->field)
		if (0) {
		}
		ATTR("type", type);
		ATTR("sourceName", source);
		ATTR("source", old_source);   /* iOS 8 and 9 wrote source= */
		ATTR("startDate", start);
		ATTR("endDate", end);
		ATTR("value", value);
		ATTR("unit", unit);
#undef ATTR
		if (dst)
			decode(v, vl, dst, cap);
	}
}

int ah_parse_time(const char *s, struct ah_time *t)
{
	int y, mo, d, h, mi, sec = 0, oh, om;
	char sign;
	size_t n = strlen(s);
	if (n == 25 && s[4] == '-' && s[10] == ' ' && s[19] == ' ') {
		/* 2017-03-07 15:06:00 +0200 */
		if (sscanf(s, "%4d-%2d-%2d %2d:%2d:%2d %c%2d%2d", &y, &mo, &d, &h, &mi, &sec, &sign, &oh, &om) != 9)
			return -1;
	} else if (n == 19 && (s[14] == '+' || s[14] == '-')) {
		/* iOS 8: 20150616071916-0700 */
		if (sscanf(s, "%4d%2d%2d%2d%2d%2d%c%2d%2d", &y, &mo, &d, &h, &mi, &sec, &sign, &oh, &om) != 9)
			return -1;
	} else {
		return -1;
	}
	if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 ||
	    sec > 60 || oh < 0 || oh > 14 || om < 0 || om > 59 ||
	    (sign != '+' && sign != '-'))
		return -1;
	t->day = mg_days_from_civil(y, mo, d);
	t->minute = h * 60 + mi;
	t->offset = (sign == '-' ? -1 : 1) * (oh * 60 + om);
	t->utc = (double)t->day * 86400 + t->minute * 60.0 + sec - t->offset * 60.0;
	return 0;
}

static const struct {
	const char *type;
	enum ah_kind kind;
} wanted[] = {
	{"HKCategoryTypeIdentifierSleepAnalysis", AH_SLEEP},
	{"HKQuantityTypeIdentifierHeartRateVariabilitySDNN", AH_HRV_SDNN},
	{"HKQuantityTypeIdentifierRestingHeartRate", AH_RESTING_HR},
	{"HKQuantityTypeIdentifierDietaryMagnesium", AH_DIETARY_MG},
};

static int record(const char *p, const char *end, struct ah_stats *st,
		  int (*cb)(const struct ah_record *, void *), void *ctx)
{
	/* Most records are steps and heart rate: look at the type before
	 * decoding anything. */
	const char *ty = memmem(p, (size_t)(end - p), "type=\"HK", 8);
	if (!ty)
		ty = memmem(p, (size_t)(end - p), "type='HK", 8);
	if (!ty)
		return 0;
	size_t k = 0;
	for (; k < sizeof(wanted) / sizeof(wanted[0]); k++) {
		size_t tl = strlen(wanted[k].type);
		if ((size_t)(end - ty) > tl + 7 && memcmp(ty + 6, wanted[k].type, tl) == 0 && ty[6 + tl] == ty[5])
			break;
	}
	if (k == sizeof(wanted) / sizeof(wanted[0]))
		return 0;
	struct attrs a;
	read_attrs(p, end, &a);
	struct ah_record r;
	memset(&r, 0, sizeof(r));
	r.kind = wanted[k].kind;
	if (!a.source[0])
		mg_strlcpy(a.source, a.old_source, sizeof(a.source));
	if (!a.source[0] || !a.start[0] || !a.end[0]) {
		st->bad_record++;
		return 0;
	}
	if (ah_parse_time(a.start, &r.start) < 0 || ah_parse_time(a.end, &r.end) < 0 || r.end.utc < r.start.utc) {
		st->bad_date++;
		return 0;
	}
	mg_strlcpy(r.source, a.source, sizeof(r.source));
	mg_strlcpy(r.value, a.value, sizeof(r.value));
	mg_strlcpy(r.unit, a.unit, sizeof(r.unit));
	char *num_end;
	r.number = a.value[0] ? strtod(a.value, &num_end) : NAN;
	if (a.value[0] && *num_end)
		r.number = NAN;
	st->relevant++;
	return cb(&r, ctx);
}

int ah_parse(FILE *f, int (*cb)(const struct ah_record *r, void *ctx), void *ctx, struct ah_stats *st,
	     struct mg_err *e)
{
	return ah_parse_progress(f, cb, ctx, NULL, NULL, st, e);
}

int ah_parse_progress(FILE *f, int (*cb)(const struct ah_record *r, void *ctx), void *ctx, ah_progress_fn progress,
		      void *progress_ctx, struct ah_stats *st, struct mg_err *e)
{
	memset(st, 0, sizeof(*st));
	struct scanner s = {.f = f, .cap = 2 * CHUNK, .st = st, .progress = progress, .progress_ctx = progress_ctx};
	s.buf = mg_malloc(s.cap + 1);
	s.buf[0] = '\0';
	int depth = 0, seen_root = 0, rc = 0;
	refill(&s, 0);
	for (;;) {
		char *lt = s.pos < s.len ? memchr(s.buf + s.pos, '<', s.len - s.pos) : NULL;
		if (!lt) {
			if (!refill(&s, s.len))
				break;
			continue;
		}
		size_t at = (size_t)(lt - s.buf), end = 0;
		/* Make sure the markup's kind is readable, then find its end. */
		if (s.len - at < 16) {
			refill(&s, at);
			at = 0;
		}
		const char *m = s.buf + at;
		size_t avail = s.len - at;
		int kind = STARTS(m, avail, "<!--") ? 1 : STARTS(m, avail, "<!DOCTYPE") ? 2 : STARTS(m, avail, "<?") ? 3 : 0;
		for (;;) {
			end = kind == 1 ? find_after(&s, at, "-->") : kind == 2 ? doctype_end(&s, at)
				: kind == 3 ? find_after(&s, at, "?>") : tag_end(&s, at);
			if (end)
				break;
			int more = refill(&s, at);
			at = 0;
			if (!more)
				break;
		}
		if (!end) {
			st->truncated = s.len > at;
			break;
		}
		m = s.buf + at;
		size_t tag = end - at;   /* the whole tag, '>' included */
		if (kind == 0) {
			if (STARTS(m, tag, "<HealthData"))
				seen_root = 1;
			else if (STARTS(m, tag, "<Record") && (m[7] == ' ' || m[7] == '\n' || m[7] == '\t')) {
				st->records++;
				if (depth > 0)
					st->in_correlation++;
				else if ((rc = record(m + 7, s.buf + end - 1, st, cb, ctx)) < 0)
					break;
			} else if (STARTS(m, tag, "<Correlation") && s.buf[end - 2] != '/')
				depth++;
			else if (STARTS(m, tag, "</Correlation") && depth > 0)
				depth--;
		}
		s.pos = end;
	}
	free(s.buf);
	if (rc < 0)
		return -1;
	if (!seen_root)
		return mg_err_set(e, MG_EDATA, "not an Apple Health export: no <HealthData> element");
	return 0;
}
