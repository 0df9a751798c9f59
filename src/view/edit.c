/*
 * Changing what the plan is computed from, as both front ends do it: the
 * profile (checked by profile_validate, so the rules on who must not
 * self-dose see every change), a supplement product (checked against its
 * form's table row) and a trial design (registered with its hash; an
 * active trial is only replaced on purpose). Each is one transaction.
 */
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "core/trial.h"
#include "store/db.h"
#include "store/trials.h"
#include "view/view.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

int view_course_touch(sqlite3 *db, const struct profile *p, long today, struct mg_err *e)
{
	struct course_view cv;
	memset(&cv, 0, sizeof(cv));
	int rc = view_course_load_in(db, "", p, today, 1, 0, &cv, e);
	view_course_release(&cv);
	return rc;
}

int view_profile_save(sqlite3 *db, struct profile *p, long today, struct mg_err *e)
{
	if (profile_validate(p, today, e) < 0 || db_begin(db, e) < 0)
		return -1;
	/* A change that pauses or re-times the course (a pregnancy, a new
	 * medicine) is stored with it, dated today. */
	if (journal_profile_put(db, p, e) < 0 || view_course_touch(db, p, today, e) < 0 || db_commit(db, e) < 0) {
		db_rollback(db);
		return -1;
	}
	return 0;
}

int view_profile_edit(sqlite3 *db, const char *name, long today,
		      int (*edit)(struct profile *p, void *ctx, struct mg_err *e), void *ctx, struct profile *out,
		      struct mg_err *e)
{
	/* Read, change and store in one BEGIN IMMEDIATE: two devices setting
	 * different fields at once each keep theirs. */
	if (db_begin(db, e) < 0)
		return -1;
	if (journal_profile_get(db, name, out, e) < 0 || edit(out, ctx, e) < 0 || profile_validate(out, today, e) < 0 ||
	    journal_profile_put(db, out, e) < 0 || view_course_touch(db, out, today, e) < 0 || db_commit(db, e) < 0) {
		db_rollback(db);
		return -1;
	}
	return 0;
}

int view_product_add(sqlite3 *db, struct product *p, struct product_mg *mg, struct mg_err *e)
{
	if (product_validate(p, e) < 0 || product_magnesium(p, mg, e) < 0 || db_begin(db, e) < 0)
		return -1;
	if (journal_product_add(db, p, e) < 0 || db_commit(db, e) < 0) {
		db_rollback(db);
		return -1;
	}
	return 0;
}

void view_trial_defaults(struct trial_row *t, long today)
{
	memset(t, 0, sizeof(*t));
	struct trial_design *d = &t->design;
	d->blocks = 4;
	d->period_days = 7;
	d->washin_days = 2;
	d->baseline_days = 7;
	mg_strlcpy(d->control, "none", sizeof(d->control));
	d->start = today;
}

int view_trial_register(sqlite3 *db, long profile_id, struct trial_row *t, int force, long today, struct mg_err *e)
{
	if (!t->design.seed)
		/* Recorded with the design, so the allocation can be re-derived. */
		t->design.seed = (unsigned long)((time(NULL) ^ ((long)getpid() << 16)) & 0x7fffffffL);
	if (trial_design_make(&t->design, e) < 0)
		return -1;
	/* The active trial is read inside the transaction, so a design from
	 * the other front end at the same moment cannot leave two active. */
	if (db_begin(db, e) < 0)
		return -1;
	struct trial_row old;
	int found = journal_trial_active(db, profile_id, &old, e);
	if (found < 0)
		goto fail;
	if (found && today >= old.design.start && !force) {
		char s[16];
		mg_format_date(old.design.start, s, sizeof(s));
		mg_err_set(e, MG_EDATA, "a trial started on %s; 'trial design --force' abandons it (it stays on record)", s);
		goto fail;
	}
	if ((found && journal_trial_abandon(db, old.id, e) < 0) || journal_trial_add(db, profile_id, t, e) < 0 ||
	    db_commit(db, e) < 0)
		goto fail;
	return 0;
fail:
	db_rollback(db);
	return -1;
}

json_t *view_trial_registered_json(const struct trial_row *t)
{
	const struct trial_design *d = &t->design;
	char s[16], end[16];
	mg_format_date(d->start, s, sizeof(s));
	mg_format_date(trial_end(d), end, sizeof(end));
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer(t->id));
	/* A blinded design's seed and hash go on the sealed sheet only. */
	json_object_set_new(j, "hash", d->blind ? json_null() : json_string(d->hash));
	json_object_set_new(j, "seed", d->blind ? json_null() : json_integer((json_int_t)d->seed));
	json_object_set_new(j, "start", json_string(s));
	json_object_set_new(j, "end", json_string(end));
	return j;
}
