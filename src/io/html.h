/*
 * HTML output: the one escaping function every page and report uses
 * (house rule: all HTML goes through it), and the frame of a
 * self-contained, printable page (inline CSS, no scripts, no external
 * requests).
 */
#ifndef MG_HTML_H
#define MG_HTML_H

#include <stdarg.h>
#include "util/strbuf.h"

/* Appends s with &, <, >, " and ' escaped. */
void html_escape(struct strbuf *sb, const char *s);
/* Appends the printf-formatted text, escaped. */
void html_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void html_vaddf(struct strbuf *sb, const char *fmt, va_list ap);

/* <!doctype html> ... <body><h1>title</h1> and the closing tags. */
void html_begin(struct strbuf *sb, const char *title);
/* The same with more rules appended to the stylesheet (css may be NULL):
 * a page's own layout, such as a one-page print. */
void html_begin_css(struct strbuf *sb, const char *title, const char *css);
void html_end(struct strbuf *sb, const char *footer);

#endif
