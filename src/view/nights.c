/*
 * Nights as both front ends read and write them: the list of nights with
 * the user's own entry merged over imported ones, and recording a night
 * (merged into the stored manual entry, in one transaction).
 */
#include <stdlib.h>
#include <string.h>
#include "core/night.h"
#include "store/db.h"
#include "store/nights.h"
#include "view/view.h"
#include "util/strbuf.h"
#include "util/banned.h"

/* The nights of [from, to], one per date: imported sources first, then the
 * user's own entry over them (the user's entry wins). */
struct night_acc {
	struct night *v;
	size_t n, cap;
};

static int on_row(const struct night *row, void *ctx)
{
	struct night_acc *vw = ctx;
	struct night *last = vw->n ? &vw->v[vw->n - 1] : NULL;
	if (last && last->date == row->date) {
		int manual = strcmp(row->source, "manual") == 0;
		struct night merged = manual ? *last : *row;
		night_merge(&merged, manual ? row : last);
		if (manual)
			mg_strlcpy(merged.source, "manual", sizeof(merged.source));
		*last = merged;
		return 0;
	}
	if (vw->n == vw->cap) {
		vw->cap = vw->cap ? vw->cap * 2 : 16;
		vw->v = mg_realloc(vw->v, vw->cap * sizeof(*vw->v));
	}
	vw->v[vw->n++] = *row;
	return 0;
}

int view_night_list(sqlite3 *db, long profile_id, long from, long to, struct night **out, size_t *n,
		    struct mg_err *e)
{
	struct night_acc vw = {0};
	if (journal_night_list(db, profile_id, from, to, on_row, &vw, e) < 0) {
		free(vw.v);
		return -1;
	}
	*out = vw.v;
	*n = vw.n;
	return 0;
}

/* The user's own entry of `date`: 1 found, 0 not (out is then an empty
 * night of that date), -1 on error. */
static int night_manual(sqlite3 *db, long profile_id, long date, struct night *out, struct mg_err *e)
{
	int found = journal_night_get(db, profile_id, date, "manual", out, e);
	if (found == 0)
		night_init(out, date);
	return found;
}

int view_night_edit(sqlite3 *db, long profile_id, long date, int (*edit)(struct night *n, void *ctx, struct mg_err *e),
		    void *ctx, struct night *out, struct mg_err *e)
{
	/* The read of the stored entry is inside the write transaction: the
	 * phone and the laptop logging the same morning each add their fields,
	 * and neither overwrites the other's with what it read before. */
	struct night_derived d;
	if (db_begin(db, e) < 0)
		return -1;
	if (night_manual(db, profile_id, date, out, e) < 0 || edit(out, ctx, e) < 0 ||
	    night_derive(out, &d, e) < 0 || journal_night_put(db, profile_id, out, e) < 0 || db_commit(db, e) < 0) {
		db_rollback(db);
		return -1;
	}
	return 0;
}

static int merge_given(struct night *n, void *given, struct mg_err *e)
{
	(void)e;
	night_merge(n, given);
	return 0;
}

int view_night_record(sqlite3 *db, long profile_id, const struct night *given, struct night *out,
		      struct mg_err *e)
{
	return view_night_edit(db, profile_id, given->date, merge_given, (void *)given, out, e);
}
