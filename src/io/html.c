/*
 * HTML escaping and the page frame (see html.h). The stylesheet is inline
 * and small, and prints well: charts keep their colours, sections avoid
 * page breaks inside.
 */
#include <stdarg.h>
#include "io/html.h"
#include "util/banned.h"

void html_escape(struct strbuf *sb, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': strbuf_adds(sb, "&amp;"); break;
		case '<': strbuf_adds(sb, "&lt;"); break;
		case '>': strbuf_adds(sb, "&gt;"); break;
		case '"': strbuf_adds(sb, "&quot;"); break;
		case '\'': strbuf_adds(sb, "&#39;"); break;
		default: strbuf_addch(sb, *s);
		}
	}
}

void html_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
{
	struct strbuf tmp;
	strbuf_init(&tmp);
	strbuf_vaddf(&tmp, fmt, ap);
	html_escape(sb, strbuf_str(&tmp));
	strbuf_release(&tmp);
}

void html_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	html_vaddf(sb, fmt, ap);
	va_end(ap);
}

void html_begin(struct strbuf *sb, const char *title)
{
	html_begin_css(sb, title, NULL);
}

void html_begin_css(struct strbuf *sb, const char *title, const char *css)
{
	strbuf_adds(sb, "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
		    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
	html_escape(sb, title);
	strbuf_adds(sb, "</title>\n<style>\n"
		    "body{font:15px/1.45 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222}\n"
		    "h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ccc}\n"
		    "table{border-collapse:collapse;margin:.5rem 0}td,th{padding:.2rem .6rem;border-bottom:1px solid #eee;"
		    "text-align:left}\n"
		    "td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}\n"
		    "svg{max-width:100%;height:auto}section>svg{display:block;margin:.4rem 0 1.1rem}\n"
		    ".note{color:#555;font-size:.9rem}\n"
		    "section{break-inside:avoid}@media print{body{margin:0}*{-webkit-print-color-adjust:exact;"
		    "print-color-adjust:exact}}\n");
	if (css)
		strbuf_adds(sb, css);
	strbuf_adds(sb, "</style>\n</head>\n<body>\n<h1>");
	html_escape(sb, title);
	strbuf_adds(sb, "</h1>\n");
}

void html_end(struct strbuf *sb, const char *footer)
{
	strbuf_adds(sb, "<p class=\"note\">");
	html_escape(sb, footer);
	strbuf_adds(sb, "</p>\n</body>\n</html>\n");
}
