/*
 * A personal trial as both front ends show it: the design with its periods
 * (arms hidden while blinded) and where today falls in it.
 */
#include <string.h>
#include "core/trial.h"
#include "store/trials.h"
#include "view/view.h"
#include "util/parse.h"
#include "util/banned.h"

json_t *view_trial_status_json(const struct trial_row *t)
{
	const struct trial_design *d = &t->design;
	int hidden = d->blind && !t->unblinded;
	struct trial_period per[2 * TRIAL_MAX_BLOCKS];
	size_t n = trial_periods(d, per, 2 * TRIAL_MAX_BLOCKS);
	char a[16], b[16];
	json_t *j = json_object();
	json_object_set_new(j, "id", json_integer(t->id));
	json_object_set_new(j, "outcome", json_string(d->outcome));
	json_object_set_new(j, "blinded", json_boolean(hidden));
	json_object_set_new(j, "control", json_string(d->control));
	json_object_set_new(j, "hash", json_string(d->hash));
	json_object_set_new(j, "seed", json_integer((json_int_t)d->seed));
	json_object_set_new(j, "washin_days", json_integer(d->washin_days));
	if (d->baseline_days) {
		json_t *bl = json_object();
		mg_format_date(d->start, a, sizeof(a));
		mg_format_date(d->start + d->baseline_days - 1, b, sizeof(b));
		json_object_set_new(bl, "start", json_string(a));
		json_object_set_new(bl, "end", json_string(b));
		json_object_set_new(j, "baseline", bl);
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_object();
		mg_format_date(per[i].start, a, sizeof(a));
		mg_format_date(per[i].end, b, sizeof(b));
		json_object_set_new(o, "block", json_integer(per[i].block));
		json_object_set_new(o, "arm", json_string(hidden ? "hidden" : per[i].magnesium ? "magnesium" : "control"));
		json_object_set_new(o, "start", json_string(a));
		json_object_set_new(o, "end", json_string(b));
		json_array_append_new(arr, o);
	}
	json_object_set_new(j, "periods", arr);
	return j;
}

json_t *view_trial_today_json(const struct trial_row *t, long today)
{
	const struct trial_design *d = &t->design;
	int k = trial_period_at(d, today);
	struct trial_period per[2 * TRIAL_MAX_BLOCKS];
	trial_periods(d, per, 2 * TRIAL_MAX_BLOCKS);
	int hidden = d->blind && !t->unblinded;
	const char *phase = k == -2 ? "not started" : k == -1 ? "baseline" : k == -3 ? "finished" : "period";
	const char *arm = k < 0 ? NULL : hidden ? "hidden" : per[k].magnesium ? "magnesium" : "control";
	int day_in = k >= 0 ? (int)(today - per[k].start + 1) : 0;
	json_t *j = json_object();
	json_object_set_new(j, "phase", json_string(phase));
	json_object_set_new(j, "period", k >= 0 ? json_integer(k + 1) : json_null());
	json_object_set_new(j, "block", k >= 0 ? json_integer(per[k].block) : json_null());
	json_object_set_new(j, "arm", arm ? json_string(arm) : json_null());
	json_object_set_new(j, "day_in_period", k >= 0 ? json_integer(day_in) : json_null());
	json_object_set_new(j, "washin", json_boolean(k >= 0 && day_in <= d->washin_days));
	return j;
}
