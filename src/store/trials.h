/*
 * Trial designs in the journal (table trial, migration 4). Write
 * functions run inside the caller's transaction.
 */
#ifndef MG_TRIALS_H
#define MG_TRIALS_H

#include <sqlite3.h>
#include "core/trial.h"
#include "util/err.h"

struct trial_row {
	long id;
	struct trial_design design;
	int unblinded;
};

/* The profile's active trial: 1 found, 0 none. */
int journal_trial_active(sqlite3 *db, long profile_id, struct trial_row *t, struct mg_err *e);
int journal_trial_add(sqlite3 *db, long profile_id, struct trial_row *t, struct mg_err *e);
int journal_trial_abandon(sqlite3 *db, long id, struct mg_err *e);
int journal_trial_unblind(sqlite3 *db, long id, struct mg_err *e);

#endif
