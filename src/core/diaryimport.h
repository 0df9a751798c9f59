/*
 * The documented CSV imports a person brings from paper or a spreadsheet:
 *   diary: a header of night field names (the `night` flags without the
 *          dashes in front: date,bed,sol,awakenings,waso,wake,quality,...,
 *          red-flag), any subset in any order; an empty cell is "not
 *          recorded"; red-flag may hold several values separated by ";".
 *          An optional "source" column keeps each night's source (what
 *          `export --csv` writes); without it nights are "diary-csv".
 *   doses: at,product,servings with at as "YYYY-MM-DD HH:MM" and product a
 *          product name (servings may be left out: 1).
 * Both run inside the caller's transaction: any bad row fails the whole
 * file with "FILE line N: FIELD ..." and the caller rolls back. Importing
 * the same file again changes nothing.
 */
#ifndef MG_DIARYIMPORT_H
#define MG_DIARYIMPORT_H

#include <sqlite3.h>
#include <stdio.h>
#include "util/err.h"

struct import_counts {
	size_t rows;        /* data rows read */
	size_t written;     /* new nights or doses */
	size_t updated;     /* nights whose fields changed */
	size_t unchanged;   /* already in the journal as they are */
};

/* Nights are stored with source "diary-csv" (or the row's source), so the
 * user's own typed entries (source "manual") still win where both exist.
 * A row of source "manual" is the user's own entry of that morning and
 * replaces it. Cells written with the guard of io/csv-writer.h (a quote
 * before text that begins like a formula) are read without it. */
int diary_import(sqlite3 *db, long profile_id, long today, FILE *f, const char *name,
		 struct import_counts *c, struct mg_err *e);

int doses_import(sqlite3 *db, long profile_id, long today, FILE *f, const char *name,
		 struct import_counts *c, struct mg_err *e);

#endif
