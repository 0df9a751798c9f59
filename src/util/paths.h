/*
 * Where mgtrack keeps its files: the journal at
 * $XDG_DATA_HOME/mgtrack/journal.db (MGTRACK_DB or --db override) and the
 * food database at $XDG_DATA_HOME/mgtrack/foods.db (MGTRACK_FOODS_DB
 * override), with $HOME/.local/share when XDG_DATA_HOME is unset.
 */
#ifndef MG_PATHS_H
#define MG_PATHS_H

#include <stddef.h>
#include "util/err.h"

/* Writes the path into buf. `flag` is the command-line value (may be NULL),
 * `env` the override variable, `file` the base name. MG_EUNAVAIL when no
 * home folder can be found. */
int paths_resolve(const char *flag, const char *env, const char *file,
		  char *buf, size_t n, struct mg_err *e);

#endif
