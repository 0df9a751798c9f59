/*
 * Notes that carry their rule: a warning or an explanation with the id of
 * the data table row it comes from and that row's source. Plans, product
 * checks and (later) reviews collect them; the CLI and the web app print
 * them with the rule id so every recommendation can explain itself.
 */
#ifndef MG_NOTES_H
#define MG_NOTES_H

#include <stddef.h>

struct note {
	char rule[48];        /* data table row id */
	const char *source;   /* the row's source (owned by the tables) */
	char *text;           /* owned */
};

struct notes {
	struct note *v;
	size_t n, cap;
};

void notes_init(struct notes *ns);
void notes_release(struct notes *ns);
/* Adds a note; the text is formatted like printf. Aborts when out of memory. */
void notes_add(struct notes *ns, const char *rule, const char *source, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Adds the row `id` of table `table` with its `text_col` as the text
 * (and an optional suffix). Aborts if the row is missing: a build bug the
 * unit tests catch. */
void notes_add_row(struct notes *ns, const char *table, const char *id, const char *text_col,
		   const char *suffix);
/* 1 when a note with this rule is present. */
int notes_has(const struct notes *ns, const char *rule);

#endif
