/*
 * Supplement products and the doses taken, in the journal. Products are
 * shared by every profile in the journal (a household buys one bottle);
 * doses belong to a profile and keep a snapshot of the product's name and
 * elemental magnesium, so editing a product never rewrites history.
 * Write functions run inside the caller's transaction.
 */
#ifndef MG_SUPPLEMENTS_H
#define MG_SUPPLEMENTS_H

#include <sqlite3.h>
#include "util/err.h"

struct product {
	long id;
	char name[128];
	char form[24];            /* a form in data/forms.tsv */
	char hydrate[16];         /* "" when the label does not say */
	double compound_mg;       /* per serving, as on the label; NAN when not given */
	double elemental_mg;      /* declared per serving; NAN when not declared */
	int units_per_serving;    /* capsules, tablets or scoops per serving */
	int third_party, proprietary_blend;
	double taking_servings;   /* servings a day the person takes regularly; 0: not marked */
	int divisible;            /* a scored tablet: the plan may use half units */
};

void product_init(struct product *p);

/* MG_EDATA when a product of that name exists (names ignore case). */
int journal_product_add(sqlite3 *db, struct product *p, struct mg_err *e);
/* By name (ignoring case) or by id when key is all digits. 1 found, 0 not. */
int journal_product_get(sqlite3 *db, const char *key, struct product *p, struct mg_err *e);
/* Marks product id as taken regularly, `servings` a day (0 clears it). */
int journal_product_set_taking(sqlite3 *db, long id, double servings, struct mg_err *e);
/* Marks product id's tablet as scored (half units allowed) or not. */
int journal_product_set_divisible(sqlite3 *db, long id, int divisible, struct mg_err *e);
/* Every product, in name order. cb returns non-zero to stop. */
int journal_product_list(sqlite3 *db, int (*cb)(const struct product *p, void *ctx), void *ctx,
			 struct mg_err *e);

struct dose_entry {
	long id;
	long date;               /* days since 1970-01-01 */
	int time;                /* minutes after midnight */
	long product_id;         /* 0 when the product was deleted */
	char product_name[128];
	double servings;
	double elemental_mg;     /* magnesium in this dose */
	int estimated;           /* elemental computed from %Mg, not declared */
	int skipped;             /* a planned intake recorded as skipped (elemental_mg: what was planned) */
	int planned_time;        /* the planned intake it answers, minutes after midnight; -1 none */
};

int journal_dose_add(sqlite3 *db, long profile_id, struct dose_entry *d, struct mg_err *e);
/* MG_ENOINPUT when the profile has no dose with that id. */
int journal_dose_delete(sqlite3 *db, long profile_id, long id, struct mg_err *e);
/* Doses taken with from <= date <= to, in time order (skipped intakes are
 * not doses: they never count as magnesium). */
int journal_dose_list(sqlite3 *db, long profile_id, long from, long to,
		      int (*cb)(const struct dose_entry *d, void *ctx), void *ctx, struct mg_err *e);
/* Doses taken and intakes skipped, in time order (the course's record of
 * planned intakes; `dose --list`). */
int journal_dose_events(sqlite3 *db, long profile_id, long from, long to,
			int (*cb)(const struct dose_entry *d, void *ctx), void *ctx, struct mg_err *e);

#endif
