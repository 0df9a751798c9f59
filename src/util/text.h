/*
 * Text as mgtrack accepts and prints it: UTF-8 only (jansson, SQLite's
 * text functions and the browser all assume it, and a Latin-1 byte would
 * silently vanish from every JSON answer), and messages without terminal
 * control bytes (a file's ESC sequence must not repaint the terminal).
 */
#ifndef MG_TEXT_H
#define MG_TEXT_H

#include <stddef.h>

/* Whether s[0..n) is well-formed UTF-8 (no overlongs, no surrogates, at
 * most U+10FFFF). */
int mg_utf8_valid(const char *s, size_t n);

/* Replaces, in place, control bytes (below 0x20 but tab, and 0x7f) and
 * bytes that are not well-formed UTF-8 with '?'. */
void mg_text_printable(char *s);

#endif
