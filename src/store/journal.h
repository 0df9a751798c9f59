/*
 * The journal: one SQLite file per person or household holding profiles,
 * custom foods and the food log; products and doses are in
 * store/supplements.c (later: nights, plans, trials).
 * journal_open applies forward migrations, numbered by PRAGMA user_version.
 * Write functions run inside the caller's transaction (db_begin/commit), so
 * a command is all or nothing.
 */
#ifndef MG_JOURNAL_H
#define MG_JOURNAL_H

#include <sqlite3.h>
#include <stddef.h>
#include "io/food-record.h"
#include "util/err.h"

#define PROFILE_MAX_LIST 16
#define PROFILE_MAX_TRAIN 4

struct profile_med {
	char name[64];    /* as typed, lowercased */
	char times[96];   /* "08:00,20:00", or "07:00/weekly:mon" for a weekly medicine */
};

struct profile {
	long id;
	char name[64];
	long born;          /* days since 1970-01-01, or MG_NO_DATE when only age is known */
	int age_years;      /* without born: the age given on age_on */
	long age_on;
	char sex[8];        /* "female" or "male" */
	int pregnant, lactating, clinician_guided, gi_sensitive;
	char training[8];   /* none, regular, heavy */
	char region[4];     /* us, eu */
	int wake, bed;      /* minutes after midnight, or -1 */
	int train_at[PROFILE_MAX_TRAIN];   /* usual training starts, minutes after midnight, in order */
	size_t n_train;
	double zinc_mg;     /* supplemental zinc per day, 0 when none */
	char food_source[16];   /* what counts as food: "log", "apple-health" or "cronometer" */
	double egfr;        /* kidney function, mL/min/1.73 m2; 0 never asked, -1 said unknown */
	char diet[16];      /* omnivore, pescatarian, vegetarian, vegan (food-rules.tsv diet: rows) */
	char avoid[128];    /* "nuts,dairy": food-rules.tsv avoid: names, in the table's order */
	char goals[PROFILE_MAX_LIST][16];
	size_t n_goals;
	char conditions[PROFILE_MAX_LIST][32];   /* condition names from conditions.tsv (u-tables checks they fit) */
	size_t n_conditions;
	struct profile_med meds[PROFILE_MAX_LIST];
	size_t n_meds;
};

/* The newest schema version journal_open migrates to. */
int journal_schema_version(void);

int journal_open(const char *path, sqlite3 **db, struct mg_err *e);

/* Loads profile `name` (MG_ENOINPUT when there is none). */
int journal_profile_get(sqlite3 *db, const char *name, struct profile *p, struct mg_err *e);
/* Inserts (p->id == 0) or updates the profile and replaces its lists. */
int journal_profile_put(sqlite3 *db, struct profile *p, struct mg_err *e);
/* Calls cb for each profile name, in name order. */
int journal_profile_names(sqlite3 *db, void (*cb)(const char *name, void *ctx), void *ctx, struct mg_err *e);

struct food_log_entry {
	long id;
	long date;            /* days since 1970-01-01 */
	long food_id;
	char food_name[256];  /* snapshot: the log survives food database rebuilds */
	double amount;
	char measure[96];     /* the measure as matched, or "g" */
	double grams;
	double mg;            /* magnesium in this portion */
	double kcal;          /* NAN when the food has no energy value */
};

int journal_food_log_add(sqlite3 *db, long profile_id, struct food_log_entry *en, struct mg_err *e);
/* MG_ENOINPUT when the profile has no entry with that id. */
int journal_food_log_delete(sqlite3 *db, long profile_id, long id, struct mg_err *e);
/* Entries with from <= date <= to, oldest first. */
int journal_food_log_list(sqlite3 *db, long profile_id, long from, long to,
			  int (*cb)(const struct food_log_entry *en, void *ctx), void *ctx,
			  struct mg_err *e);
/* The same add and list for one import's many rows, their statements
 * prepared once (as struct night_writer in nights.h): a Cronometer file of
 * years of servings spent most of its import preparing them per row.
 * Inside the import's transaction; the caller releases it (also after a
 * failed init) before closing the connection. */
struct food_log_writer {
	sqlite3 *db;
	sqlite3_stmt *add, *list;
};
int journal_food_log_writer_init(struct food_log_writer *w, sqlite3 *db, struct mg_err *e);
void journal_food_log_writer_release(struct food_log_writer *w);
int journal_food_log_write(struct food_log_writer *w, long profile_id, struct food_log_entry *en, struct mg_err *e);
/* The entries of one day, oldest first. */
int journal_food_log_day(struct food_log_writer *w, long profile_id, long date,
			 int (*cb)(const struct food_log_entry *en, void *ctx), void *ctx, struct mg_err *e);

/* Custom foods live in the journal, not in foods.db, so rebuilding the food
 * database never loses them. Their ids start above CUSTOM_FOOD_ID_BASE, far
 * above USDA's numbers. */
#define CUSTOM_FOOD_ID_BASE 900000000L
int journal_custom_food_add(sqlite3 *db, struct food_record *f, struct mg_err *e);
/* Fills f (initialised by the caller); returns 1 when found, 0 when not. */
int journal_custom_food_get(sqlite3 *db, long id, struct food_record *f, struct mg_err *e);
/* Calls cb for each custom food whose name contains every word. */
int journal_custom_food_match(sqlite3 *db, const char *const *words, size_t n,
			      int (*cb)(const struct food_record *f, void *ctx), void *ctx,
			      struct mg_err *e);

/* The profile's food_source ("log" when the profile is unknown). */
int journal_profile_food_source(sqlite3 *db, long profile_id, char *buf, size_t n, struct mg_err *e);

/* Magnesium from food as another app reported it, one row per day and
 * source (replaced on re-import). */
/* The same for one import's many days, its statement prepared once
 * (as struct night_writer in nights.h): init, put per day, release. */
struct intake_writer {
	sqlite3 *db;
	sqlite3_stmt *put, *list;
};
int journal_intake_writer_init(struct intake_writer *w, sqlite3 *db, struct mg_err *e);
int journal_intake_write(struct intake_writer *w, long profile_id, long date, const char *source, double mg,
			 struct mg_err *e);
/* The rows of one day, by source (as journal_imported_intake_list). */
int journal_intake_day(struct intake_writer *w, long profile_id, long date,
		       int (*cb)(long date, const char *source, double mg, void *ctx), void *ctx, struct mg_err *e);
void journal_intake_writer_release(struct intake_writer *w);
int journal_imported_intake_put(sqlite3 *db, long profile_id, long date, const char *source, double mg,
				struct mg_err *e);
int journal_imported_intake_list(sqlite3 *db, long profile_id, long from, long to,
				 int (*cb)(long date, const char *source, double mg, void *ctx), void *ctx,
				 struct mg_err *e);

#endif
