/*
 * `export --json` and `import backup` (docs/EXPORT.md): the journal as one
 * JSON document and back. view/export.c builds the document from the
 * rows store/portable.c reads, in a read transaction of its own;
 * view/restore.c writes a document into a journal, empty or not, in the
 * caller's transaction.
 */
#ifndef MG_VIEW_EXPORT_H
#define MG_VIEW_EXPORT_H

#include <jansson.h>
#include <sqlite3.h>
#include "store/portable.h"
#include "util/err.h"
#include "util/strbuf.h"

/* The document's format name and version (docs/EXPORT.md). */
#define EXPORT_FORMAT "mgtrack-export"
#define EXPORT_VERSION 1

/* The export document: the products and custom foods (they belong to the
 * journal), and profile `profile` with everything it logged, or every
 * profile when profile is NULL, read in one read transaction (so the file
 * is one moment of the journal while others write; none may be open). NULL and e filled on failure (MG_ENOINPUT
 * for an unknown profile). *replaced counts texts that were not UTF-8 and
 * were written with U+FFFD in their bad bytes' place. Caller frees with
 * json_decref. */
json_t *view_export_doc(sqlite3 *db, const char *profile, size_t *replaced, struct mg_err *e);

/* The one byte form of a document: indented by two, keys in the
 * document's order, numbers to 15 significant digits, a final newline,
 * so export -> import -> export gives the same bytes. Caller frees. */
char *view_export_text(const json_t *doc, size_t *len);

/* One journal row as the export writes it, with its children (a
 * profile: only its goals, conditions and medicines, not its logs). For
 * comparing a keyed row of a backup with the journal's; a custom food's
 * entries are not among them, so no "custom_food" ref is written. */
json_t *view_export_row(sqlite3 *db, enum port_table t, long id, struct mg_err *e);

/* What import backup did. */
struct restore_summary {
	size_t added[PT_COUNT];      /* rows written, per table */
	size_t same[PT_COUNT];       /* rows already in the journal, left as they are */
	size_t conflicts;            /* rows the journal has otherwise; nothing is written when > 0 */
};

/* Writes doc into db, in the caller's transaction. A row the journal
 * already has exactly is left alone; one that has the same key but other
 * values is a conflict, described (one line each, at most 50, then a
 * count) in `conflicts`. Returns 0 (look at s->conflicts), or a negative
 * status with e saying which field of which row is wrong (MG_EDATA). */
int view_restore(sqlite3 *db, const json_t *doc, struct restore_summary *s, struct strbuf *conflicts,
		 struct mg_err *e);

/* The JSON key of each table in the document ("nights", "courses" ...). */
const char *view_export_key(enum port_table t);

#endif
