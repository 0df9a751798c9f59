/*
 * The food database (foods.db): USDA foods with their measures and
 * nutrients per 100 g, what the importer decided about each (its search
 * order, food key, usual serving and the exclusion that keeps it out of
 * suggestions: core/foodclass.c), and an FTS5 index over their names. It
 * is never edited in place: foods_build_* writes a new file beside the old
 * one and renames it over at the end, so a failed import keeps the
 * previous one.
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

/* Starts a rebuild of `path` that replaces every food of `source` and
 * keeps the other sources' foods from keep_from (the food database in
 * use: path itself when NULL), if it exists. A user's first own import
 * keeps what the installed read-only database holds that way. */
int foods_build_begin(struct foods_build *b, const char *path, const char *keep_from, const char *source,
		      struct mg_err *e);
/* What the importer decided about a food, stored beside it. The strings
 * are copied. */
struct foods_class {
	double quality;          /* search order, higher first (core/search.c) */
	const char *head;        /* the part of the name that names the food, indexed on its own */
	const char *key;         /* the food key (core/foodkey.c): one suggestion place per key */
	const char *excluded;    /* food-exclusions.tsv row, "" when the food may be suggested */
	double serving_g;        /* a usual serving; NAN when none is known */
	const char *serving;     /* "1/2 cup (90 g)", "" when none */
	unsigned tags;           /* core/foodclass.h enum food_tag bits */
};

/* Adds one food (MG_EDATA when its id is already taken). */
int foods_build_add(struct foods_build *b, const struct food_record *f, const struct foods_class *c,
		    struct mg_err *e);
/* Decides again about the foods kept from the current file (rules may have
 * changed since it was built): cb fills c for each, with strings valid
 * until it is called again. */
int foods_build_reclassify(struct foods_build *b,
			   void (*cb)(const struct food_record *f, struct foods_class *c, void *ctx), void *ctx,
			   struct mg_err *e);
/* Sets a meta value of the new file (replacing one of the same key). */
int foods_build_meta(struct foods_build *b, const char *key, const char *value, struct mg_err *e);
/* Indexes, commits and renames into place. */
int foods_build_commit(struct foods_build *b, struct mg_err *e);
/* Throws the new file away; the old one is untouched. Safe after commit. */
void foods_build_abort(struct foods_build *b);

/* Fills f (initialised by the caller) with food id; 1 found, 0 not. */
/* The foods.db schema this mgtrack builds and reads (foods.c's history). */
#define FOODS_SCHEMA_VERSION 3

int foods_get(sqlite3 *db, long id, struct food_record *f, struct mg_err *e);

/* The tags (core/foodclass.h bits) the import gave food id; 0 when the
 * food is not in foods.db (a custom food). */
unsigned foods_tags(sqlite3 *db, long id);

/* Full-text candidates for a search: calls cb with the id, name and
 * quality of at most limit matching foods, best quality first. */
int foods_match(sqlite3 *db, const char *fts_query, size_t limit,
		int (*cb)(long id, const char *name, double quality, void *ctx), void *ctx,
		struct mg_err *e);

/* Loads the measures of f->id into f. */
int foods_load_measures(sqlite3 *db, struct food_record *f, struct mg_err *e);

/* A food as suggestions read it: no measures, the importer's decisions. */
struct foods_candidate {
	long id;
	const char *name;
	int group;
	double mg, kcal;           /* per 100 g; kcal NAN when unknown */
	const char *key;           /* food key */
	const char *excluded;      /* "" when the food may be suggested */
	double serving_g;          /* NAN when no usual serving is known */
	const char *serving;
	unsigned tags;             /* core/foodclass.h enum food_tag bits */
};

/* Every current (not deprecated) food with magnesium > 0 that is not
 * excluded and gives at least min_mg in its usual serving, and those whose
 * id is one of ids (excluded or not, any serving), in no particular order.
 * cb returns non-zero to stop; its candidate is valid during the call. */
int foods_each_candidate(sqlite3 *db, const long *ids, size_t n_ids, double min_mg,
			 int (*cb)(const struct foods_candidate *c, void *ctx), void *ctx, struct mg_err *e);

/* The meta value of key into buf: 1 found, 0 not (buf ""). */
int foods_meta(sqlite3 *db, const char *key, char *buf, size_t n, struct mg_err *e);

/* Number of foods per source, as "sr24 8858, fdc 12" into buf. */
int foods_summary(sqlite3 *db, char *buf, size_t n, size_t *total, struct mg_err *e);

#endif
