/*
 * The food database (foods.db): USDA foods with their measures and
 * nutrients per 100 g, and an FTS5 index over their names. It is never
 * edited in place: foods_build_* writes a new file beside the old one and
 * renames it over at the end, so a failed import keeps the previous one.
 */
#ifndef MG_STORE_FOODS_H
#define MG_STORE_FOODS_H

#include <sqlite3.h>
#include <stddef.h>
#include "io/food-record.h"
#include "util/err.h"

/* Opens an existing foods.db read-only (MG_EUNAVAIL with a hint to import
 * when it does not exist yet). */
int foods_open(const char *path, sqlite3 **db, struct mg_err *e);

struct foods_build {
	sqlite3 *db;
	sqlite3_stmt *ins_food, *ins_measure;
	char *final_path, *tmp_path;
	char source[8];
	size_t added, kept;
};

/* Starts a rebuild that replaces every food of `source` and keeps the other
 * sources' foods from the current file, if any. */
int foods_build_begin(struct foods_build *b, const char *path, const char *source, struct mg_err *e);
/* Adds one food (MG_EDATA when its id is already taken). quality orders
 * foods for search (higher first; see core/search.c) and head is the part
 * of the name that names the food, indexed on its own. */
int foods_build_add(struct foods_build *b, const struct food_record *f, double quality,
		    const char *head, struct mg_err *e);
/* Indexes, commits and renames into place. */
int foods_build_commit(struct foods_build *b, struct mg_err *e);
/* Throws the new file away; the old one is untouched. Safe after commit. */
void foods_build_abort(struct foods_build *b);

/* Fills f (initialised by the caller) with food id; 1 found, 0 not. */
int foods_get(sqlite3 *db, long id, struct food_record *f, struct mg_err *e);

/* Full-text candidates for a search: calls cb with the id, name and
 * quality of at most limit matching foods, best quality first. */
int foods_match(sqlite3 *db, const char *fts_query, size_t limit,
		int (*cb)(long id, const char *name, double quality, void *ctx), void *ctx,
		struct mg_err *e);

/* Loads the measures of f->id into f. */
int foods_load_measures(sqlite3 *db, struct food_record *f, struct mg_err *e);

/* Every current (not deprecated) food with magnesium > 0, with measures. */
int foods_each_with_magnesium(sqlite3 *db,
			      int (*cb)(const struct food_record *f, void *ctx), void *ctx,
			      struct mg_err *e);

/* Number of foods per source, as "sr24 8858, fdc 12" into buf. */
int foods_summary(sqlite3 *db, char *buf, size_t n, size_t *total, struct mg_err *e);

#endif
