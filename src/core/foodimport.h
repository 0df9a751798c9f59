/*
 * Rebuilding foods.db from USDA data: the io/ readers emit foods, and this
 * importer writes them into a new food database in one transaction, which
 * replaces the old file only when everything went well.
 */
#ifndef MG_FOODIMPORT_H
#define MG_FOODIMPORT_H

#include <stddef.h>
#include "util/err.h"

struct food_import_result {
	size_t added;        /* foods from this import */
	size_t deprecated;   /* of them, withdrawn by USDA (kept, ranked last) */
	size_t kept;         /* foods of other sources carried over */
	double seconds;
};

/* Optional progress callback: foods so far. */
typedef void (*food_import_progress)(size_t done, void *ctx);

/* Rebuild foods_path with the foods of one source; the other source's
 * foods are kept from keep_from (the database in use; foods_path when
 * NULL). */
int food_import_sr24(const char *foods_path, const char *keep_from, const char *archive,
		     food_import_progress progress, void *pctx,
		     struct food_import_result *r, struct mg_err *e);
int food_import_fdc(const char *foods_path, const char *keep_from, const char *dir,
		    food_import_progress progress, void *pctx,
		    struct food_import_result *r, struct mg_err *e);

#endif
