/*
 * Growable strings and the aborting allocators; see strbuf.h.
 */
#include <ctype.h>
#include <stdarg.h>
#include <strings.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "util/strbuf.h"
#include "util/banned.h"

void *mg_malloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p) {
		fputs("mgtrack: out of memory\n", stderr);
		abort();
	}
	return p;
}

void *mg_calloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p) {
		fputs("mgtrack: out of memory\n", stderr);
		abort();
	}
	return p;
}

void *mg_realloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q) {
		fputs("mgtrack: out of memory\n", stderr);
		abort();
	}
	return q;
}

char *mg_strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = mg_malloc(n);
	memcpy(d, s, n);
	return d;
}

void mg_strlcpy(char *dst, const char *src, size_t n)
{
	if (n == 0)
		return;
	size_t len = strlen(src);
	if (len >= n)
		len = n - 1;
	memcpy(dst, src, len);
	dst[len] = '\0';
}

void strbuf_init(struct strbuf *sb)
{
	sb->buf = NULL;
	sb->len = 0;
	sb->cap = 0;
}

void strbuf_release(struct strbuf *sb)
{
	free(sb->buf);
	strbuf_init(sb);
}

void strbuf_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->buf)
		sb->buf[0] = '\0';
}

static void grow(struct strbuf *sb, size_t extra)
{
	size_t need = sb->len + extra + 1;
	if (need <= sb->cap)
		return;
	size_t cap = sb->cap ? sb->cap : 64;
	while (cap < need)
		cap *= 2;
	sb->buf = mg_realloc(sb->buf, cap);
	sb->cap = cap;
}

void strbuf_add(struct strbuf *sb, const char *data, size_t len)
{
	grow(sb, len);
	memcpy(sb->buf + sb->len, data, len);
	sb->len += len;
	sb->buf[sb->len] = '\0';
}

void strbuf_adds(struct strbuf *sb, const char *s)
{
	strbuf_add(sb, s, strlen(s));
}

void strbuf_addch(struct strbuf *sb, char c)
{
	strbuf_add(sb, &c, 1);
}

void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list again;
	va_copy(again, ap);
	char probe[1];
	int n = vsnprintf(probe, sizeof(probe), fmt, ap);
	if (n >= 0) {
		grow(sb, (size_t)n);
		vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, again);
		sb->len += (size_t)n;
	}
	va_end(again);
}

void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	strbuf_vaddf(sb, fmt, ap);
	va_end(ap);
}

char *strbuf_detach(struct strbuf *sb)
{
	char *s = sb->buf ? sb->buf : mg_strdup("");
	strbuf_init(sb);
	return s;
}

const char *strbuf_str(const struct strbuf *sb)
{
	return sb->buf ? sb->buf : "";
}

int mg_has_any_word(const char *text, const char *words)
{
	while (*words) {
		size_t wl = strcspn(words, ",");
		for (const char *p = text; wl && *p; p++) {
			if (strncasecmp(p, words, wl) != 0)
				continue;
			int before = p == text || !isalnum((unsigned char)p[-1]);
			int after = !isalnum((unsigned char)p[wl]);
			if (before && after)
				return 1;
		}
		words += wl + (words[wl] == ',');
	}
	return 0;
}
