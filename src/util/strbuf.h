/*
 * A growable, always NUL-terminated string buffer. strbuf_init gives an
 * empty buffer that owns nothing; strbuf_release frees what it owns and
 * leaves it empty again. Allocation failure aborts: there is no sensible way
 * to go on without memory in a command-line tool.
 */
#ifndef MG_STRBUF_H
#define MG_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	char *buf;
	size_t len;
	size_t cap;
};

void strbuf_init(struct strbuf *sb);
void strbuf_release(struct strbuf *sb);
void strbuf_reset(struct strbuf *sb);
void strbuf_add(struct strbuf *sb, const char *data, size_t len);
void strbuf_adds(struct strbuf *sb, const char *s);
void strbuf_addch(struct strbuf *sb, char c);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap);
/* Hands the contents to the caller (who frees them) and empties sb. */
char *strbuf_detach(struct strbuf *sb);
/* Returns the contents (never NULL: "" for an empty buffer). */
const char *strbuf_str(const struct strbuf *sb);

/* Copies src into dst (size n), truncating; dst is always terminated. */
void mg_strlcpy(char *dst, const char *src, size_t n);

/* Whether text holds any of the comma-separated words or phrases in
 * words, as whole words, ignoring case ("raw" matches "Beans, raw" but
 * not "strawberries"). */
int mg_has_any_word(const char *text, const char *words);

/* Allocating helpers that abort on failure; the caller frees. */
void *mg_malloc(size_t n);
void *mg_calloc(size_t n, size_t size);
void *mg_realloc(void *p, size_t n);
char *mg_strdup(const char *s);

#endif
