/*
 * Where mgtrack keeps its files: the journal at
 * $XDG_DATA_HOME/mgtrack/journal.db (MGTRACK_DB or --db override) and the
 * food database at $XDG_DATA_HOME/mgtrack/foods.db (MGTRACK_FOODS_DB
 * override, or the installed one: paths_foods), with $HOME/.local/share
 * when XDG_DATA_HOME is unset.
 */
#ifndef MG_PATHS_H
#define MG_PATHS_H

#include <stddef.h>
#include "util/err.h"

/* The longest path mgtrack takes, in bytes: Linux's PATH_MAX less its NUL.
 * A longer one would be cut short by the kernel or by our buffers, and a
 * cut path names another file. */
#define PATHS_MAX 4095

/* MG_EUSAGE, naming `option` (such as "--db"), when path is longer than
 * PATHS_MAX; 0 otherwise. */
int paths_check(const char *option, const char *path, struct mg_err *e);

/* Writes the path into buf. `flag` is the command-line value of `option`
 * (may be NULL), `env` the override variable, `file` the base name.
 * MG_EUNAVAIL when no home folder can be found; MG_EUSAGE when the path
 * given is too long for buf or PATHS_MAX, naming the option or variable. */
int paths_resolve(const char *option, const char *flag, const char *env, const char *file,
		  char *buf, size_t n, struct mg_err *e);

/* The food database to read, in this order: --foods-db (flag),
 * MGTRACK_FOODS_DB, $XDG_DATA_HOME/mgtrack/foods.db when it exists (the
 * user's own rebuild or FDC import), then the read-only one installed
 * beside the program (BINDIR/../share/mgtrack/foods.db, so an install
 * under a DESTDIR or a prefix finds its own) when it exists; else the
 * user's path, where 'food import' writes and whose absence commands
 * report. *step names the step that gave it ("--foods-db",
 * "MGTRACK_FOODS_DB", "user", "installed", "none"). */
int paths_foods(const char *flag, char *buf, size_t n, const char **step, struct mg_err *e);

/* The installed food database's path (it may not exist); "" when the
 * program's own location cannot be read. */
void paths_installed_foods(char *buf, size_t n);

#endif
