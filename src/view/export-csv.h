/*
 * The CSV files of `mgtrack export --csv DIR` for one profile
 * (docs/EXPORT.md, section CSV), built in memory from the journal. The
 * caller holds one read transaction around every call, so the files agree
 * with each other. nights.csv and doses.csv are exactly what `import
 * diary` and `import doses` read.
 */
#ifndef MG_VIEW_EXPORT_CSV_H
#define MG_VIEW_EXPORT_CSV_H

#include <sqlite3.h>
#include "util/err.h"
#include "util/strbuf.h"

enum { EXPORT_NIGHTS, EXPORT_DOSES, EXPORT_FOOD_LOG, EXPORT_PRODUCTS, EXPORT_PLAN_VERSIONS, EXPORT_CSV_FILES };

/* "nights.csv", ... by the enum above. */
extern const char *const export_csv_names[EXPORT_CSV_FILES];

/* Fills out[i] (each initialised by the caller, who releases them) with
 * file i: a UTF-8 byte-order mark, a header and CRLF rows; rows[i] gets
 * its number of data rows. */
int view_export_csv(sqlite3 *db, long profile_id, struct strbuf out[EXPORT_CSV_FILES],
		    size_t rows[EXPORT_CSV_FILES], struct mg_err *e);

#endif
