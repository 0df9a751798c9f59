/*
 * What every command shares: the context main.c resolves (data paths,
 * profile name), the command table type, and the helpers that report
 * errors, open the journal and print JSON. Commands parse their flags, call
 * core/, and print; nothing else happens here.
 */
#ifndef MG_CMD_H
#define MG_CMD_H

#include <jansson.h>
#include <sqlite3.h>
#include "core/intake.h"
#include "core/plan.h"
#include "store/journal.h"
#include "store/supplements.h"
#include "util/err.h"
#include "view/view.h"

struct cmd_ctx {
	char journal_path[4096];
	char foods_path[4096];   /* the food database to read (paths_foods) */
	char foods_import_path[4096];   /* where 'food import' writes: never the installed one */
	const char *foods_step;  /* which lookup step gave foods_path */
	const char *profile;     /* --profile, default "default" */
	const char *name;        /* the command being run */
};

typedef int (*cmd_fn)(int argc, char **argv, struct cmd_ctx *ctx);

struct cmd {
	const char *name;
	cmd_fn run;
	const char *summary;     /* one line for `mgtrack help` */
	const char *usage;       /* the full --help text */
};

/* The sorted command table (main.c) and its length. */
extern const struct cmd mg_commands[];
extern const size_t mg_n_commands;
const struct cmd *cmd_find(const char *name);

int cmd_backup(int argc, char **argv, struct cmd_ctx *ctx);
int cmd_course(int argc, char **argv, struct cmd_ctx *ctx);
int cmd_doctor(int argc, char **argv, struct cmd_ctx *ctx);
int cmd_eat(int argc, char **argv, struct cmd_ctx *ctx);
int cmd_export(int argc, char **argv, struct cmd_ctx *ctx);
/* export --json (cmd-export-json.c): one profile, or all of them. */
int cmd_export_json(struct cmd_ctx *ctx, const char *path, int all_profiles);
/* import backup FILE.json (cmd-export-json.c). */
int cmd_import_backup(int argc, char **argv, struct cmd_ctx *ctx);
/* `export --csv DIR` (cmd-export-csv.c): every profile's files with
 * all_profiles, else the context's profile. Returns the exit code. */
int cmd_export_csv(struct cmd_ctx *ctx, const char *dir, int all_profiles);
int cmd_food(int argc, char **argv, struct cmd_ctx *ctx);
int cmd_help(int argc, char **argv, struct cmd_ctx *ctx);
int cmd_import(int argc, char **argv, struct cmd_ctx *ctx);
/* The phone and wearable imports (cmd-import-devices.c): -1 when `kind`
 * is not one of them, else the exit code. */
int cmd_import_device(const char *kind, int argc, char **argv, struct cmd_ctx *ctx);
int cmd_init(int argc, char **argv, struct cmd_ctx *ctx);
int cmd_intake(int argc, char **argv, struct cmd_ctx *ctx);
int cmd_profile(int argc, char **argv, struct cmd_ctx *ctx);
int cmd_report(int argc, char **argv, struct cmd_ctx *ctx);
int cmd_trial_report(int argc, char **argv, struct cmd_ctx *ctx);
int cmd_review(int argc, char **argv, struct cmd_ctx *ctx);
int cmd_serve(int argc, char **argv, struct cmd_ctx *ctx);
int cmd_suggest(int argc, char **argv, struct cmd_ctx *ctx);
int cmd_targets(int argc, char **argv, struct cmd_ctx *ctx);
int cmd_dose(int argc, char **argv, struct cmd_ctx *ctx);
int cmd_night(int argc, char **argv, struct cmd_ctx *ctx);
int cmd_plan(int argc, char **argv, struct cmd_ctx *ctx);
int cmd_product(int argc, char **argv, struct cmd_ctx *ctx);
int cmd_trial(int argc, char **argv, struct cmd_ctx *ctx);
int cmd_version(int argc, char **argv, struct cmd_ctx *ctx);

/* Prints "mgtrack: MESSAGE" on stderr; returns e->code (70 if unset). */
int cmd_fail(const struct mg_err *e);
/* Prints a usage error naming the command; returns 64. */
int cmd_usage(const struct cmd_ctx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "mgtrack: MESSAGE" on stderr, with control bytes and broken UTF-8 from
 * quoted input shown as '?' (a trailing newline in fmt is optional). */
void cmd_say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Reports getopt_long's ':' (missing value) or '?' (unknown option). */
int cmd_bad_option(const struct cmd_ctx *ctx, int c, char **argv);

/* Opens (creating when needed) the journal; prints and returns the exit
 * code on failure, 0 on success. */
int cmd_open_journal(struct cmd_ctx *ctx, sqlite3 **db);
/* The same for a journal that must exist already (66 and a line saying
 * so when it does not): reads, and everything that needs a profile. */
int cmd_open_existing(struct cmd_ctx *ctx, sqlite3 **db);
/* Loads the context's profile; prints and returns the exit code on failure. */
int cmd_load_profile(struct cmd_ctx *ctx, sqlite3 *db, struct profile *p);
/* Opens the journal and loads the context's profile; on failure the
 * journal is closed again and the exit code returned (already reported). */
int cmd_open_profile(struct cmd_ctx *ctx, sqlite3 **db, struct profile *p);
/* Opens the journal, loads the context's profile and closes the journal. */
int cmd_read_profile(struct cmd_ctx *ctx, struct profile *p);
/* For commands whose only option is --json: parses argv, leaving optind at
 * the first positional argument. Returns 0 or an exit code (reported). */
int cmd_parse_json_flag(struct cmd_ctx *ctx, int argc, char **argv, int *json);

/* Parses a food id argument; prints and returns 65 when it is not one. */
int cmd_parse_food_id(const char *arg, long *id);

struct targets;
struct intake;
/* Loads the profile, its targets and its intake over [from, to]. Returns 0
 * or an exit code (already reported); the caller releases in. */
int cmd_intake_window(struct cmd_ctx *ctx, long from, long to, struct profile *p,
		      struct targets *t, struct intake *in);

/* Reads the journal (and foods.db when present) and computes the plan for
 * `days` days from today. Returns 0 or an exit code (already reported). */
int cmd_plan_build(struct cmd_ctx *ctx, long today, int days, struct plan_build *b);

/* Prints where the course stands (course show; plan and review reuse it). */
void cmd_print_course(const struct course_view *cv, long today);

/* Writes data to path through a temporary file and a rename. Returns 0 or
 * MG_EIO (reported). */
int cmd_write_file(const char *path, const char *data, size_t len);
/* 0, or MG_EUSAGE after saying so, when path is longer than PATHS_MAX;
 * `what` names where it came from ("--html", "import oura FILE"). */
int cmd_check_path(const char *what, const char *path);

/* Prints j (and releases it) as indented JSON on stdout. */
void cmd_print_json(json_t *j);

/* Parses "YYYY-MM-DD" for flag; prints and returns 65 on failure. */
int cmd_parse_date(const char *flag, const char *s, long *days);
/* Parses an integer for flag within [min, max]; prints and returns 64/65. */
int cmd_parse_long(const char *flag, const char *s, long min, long max, long *out);

#endif
