/*
 * `mgtrack plan`: reads the profile, the food log's average, the products
 * and (when foods.db exists) food suggestions, asks core/plan.c for the
 * plan and prints it as text, JSON or an iCalendar file. cmd_plan_build is
 * shared with `product check`, which needs the planned dose.
 */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cmd/cmd.h"
#include "core/intake.h"
#include "core/night.h"
#include "core/plan.h"
#include "core/tables.h"
#include "io/ics.h"
#include "store/db.h"
#include "store/foods.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

struct product_acc {
	struct product *v;
	size_t n, cap;
};

static int on_product(const struct product *p, void *ctx)
{
	struct product_acc *a = ctx;
	if (a->n == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 8;
		a->v = mg_realloc(a->v, a->cap * sizeof(*a->v));
	}
	a->v[a->n++] = *p;
	return 0;
}

int cmd_plan_build(struct cmd_ctx *ctx, long today, int days, struct plan_build *b)
{
	memset(b, 0, sizeof(*b));
	struct mg_err e = {0};
	sqlite3 *db;
	int rc;
	if ((rc = cmd_open_profile(ctx, &db, &b->profile)))
		return rc;
	long window = (long)tables_threshold("intake-default-days", NULL);
	struct targets t;
	struct product_acc products = {0};
	if (targets_compute(&b->profile, today, &t, &e) < 0 ||
	    intake_compute(db, b->profile.id, today - window, today - 1, &t, &b->intake, &e) < 0 ||
	    journal_product_list(db, on_product, &products, &e) < 0) {
		db_close(db);
		free(products.v);
		return cmd_fail(&e);
	}
	/* A red flag in the recent nights pauses the plan. */
	long flag_days = (long)tables_threshold("pause-red-flag-days", NULL);
	struct night *nights = NULL;
	size_t n_nights = 0;
	int red_flag = 0;
	if (cmd_night_view(db, b->profile.id, today - flag_days + 1, today, &nights, &n_nights, &e) < 0) {
		db_close(db);
		free(products.v);
		intake_release(&b->intake);
		return cmd_fail(&e);
	}
	for (size_t i = 0; i < n_nights; i++)
		red_flag |= nights[i].red_flags != 0;
	free(nights);
	db_close(db);
	b->products = products.v;
	b->n_products = products.n;

	/* Food suggestions need foods.db; without it the plan still works and
	 * says where the food ideas would come from. */
	double gap = t.target_mg - (b->intake.food_known ? b->intake.food_mg : 0);
	sqlite3 *foods;
	if (access(ctx->foods_path, R_OK) == 0 && foods_open(ctx->foods_path, &foods, &e) == 0) {
		if (suggest_foods(foods, gap, SUGGEST_BY_SERVING, (size_t)days, &b->foods, &b->n_foods, &e) < 0)
			b->n_foods = 0;
		db_close(foods);
	}
	struct plan_input in = {
		.profile = &b->profile, .today = today, .days = days,
		.food_known = b->intake.food_known, .food_mg = b->intake.food_mg,
		.food_days_logged = b->intake.days_logged,
		.products = b->products, .n_products = b->n_products,
		.foods = b->foods, .n_foods = b->n_foods,
		.red_flag = red_flag,
	};
	if (plan_compute(&in, &b->plan, &e) < 0) {
		cmd_plan_release(b);
		return cmd_fail(&e);
	}
	return 0;
}

void cmd_plan_release(struct plan_build *b)
{
	plan_release(&b->plan);
	intake_release(&b->intake);
	free(b->products);
	free(b->foods);
	memset(b, 0, sizeof(*b));
}

static const char *practice_cell(const char *id, const char *col)
{
	const struct mg_table *t = tables_get("practices.tsv");
	long r = id ? table_find(t, "id", id) : -1;
	return r < 0 ? "" : table_cell(t, (size_t)r, col);
}

static long cell_long(const struct mg_table *t, size_t r, const char *col)
{
	long v = 0;
	mg_parse_long(table_cell(t, r, col), 0, 100000, &v);
	return v;
}

static json_t *hhmm_json(int minutes)
{
	char buf[8];
	mg_format_hhmm(minutes, buf, sizeof(buf));
	return json_string(buf);
}

static json_t *date_json(long day)
{
	char buf[16];
	mg_format_date(day, buf, sizeof(buf));
	return json_string(buf);
}

static json_t *notes_json(const struct notes *ns)
{
	json_t *a = json_array();
	for (size_t i = 0; i < ns->n; i++) {
		json_t *o = json_object();
		json_object_set_new(o, "rule", json_string(ns->v[i].rule));
		json_object_set_new(o, "source", ns->v[i].source ? json_string(ns->v[i].source) : json_null());
		json_object_set_new(o, "text", json_string(ns->v[i].text));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *doses_json(const struct plan_schedule *s)
{
	json_t *a = json_array();
	for (size_t i = 0; s && i < s->n_doses; i++) {
		const struct plan_dose *d = &s->doses[i];
		json_t *o = json_object();
		json_object_set_new(o, "time", hhmm_json(d->time));
		json_object_set_new(o, "elemental_mg", cmd_json_num(d->elemental_mg, 0));
		if (d->units)
			json_object_set_new(o, "units", json_integer(d->units));
		json_object_set_new(o, "with_food", json_boolean(d->with_food));
		json_object_set_new(o, "slot", json_string(d->slot));
		if (d->conflict)
			json_object_set_new(o, "conflict", json_true());
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *practice_json(const char *id)
{
	if (!id)
		return json_null();
	json_t *o = json_object();
	json_object_set_new(o, "rule", json_string(id));
	json_object_set_new(o, "name", json_string(practice_cell(id, "name")));
	json_object_set_new(o, "text", json_string(practice_cell(id, "text")));
	return o;
}

static json_t *plan_json(const struct plan_build *b, int explain)
{
	const struct plan *p = &b->plan;
	json_t *j = json_object();
	json_object_set_new(j, "status", json_string(plan_status_name(p->status)));
	json_object_set_new(j, "target_mg", cmd_json_num(p->targets.target_mg, 0));
	json_object_set_new(j, "supplement_ul_mg", p->targets.ul_set ? cmd_json_num(p->targets.supplement_ul_mg, 0)
								 : json_null());
	json_object_set_new(j, "food_mg", p->food_known ? cmd_json_num(p->food_mg, 0) : json_null());
	json_object_set_new(j, "gap_mg", p->food_known ? cmd_json_num(p->gap_mg, 0) : json_null());
	json_object_set_new(j, "daily_elemental_mg", cmd_json_num(p->daily_mg, 0));
	json_object_set_new(j, "form", p->daily_mg > 0 ? json_string(p->form.form) : json_null());
	if (p->product && p->daily_mg > 0) {
		json_t *o = json_object();
		json_object_set_new(o, "name", json_string(p->product->name));
		json_object_set_new(o, "form", json_string(p->product_mg.form.form));
		json_object_set_new(o, "elemental_mg_per_unit", cmd_json_num(p->product_mg.per_unit, 1));
		json_object_set_new(o, "estimated", json_boolean(p->product_mg.estimated));
		json_object_set_new(o, "label_warnings", notes_json(&p->label));
		json_object_set_new(j, "product", o);
	} else {
		json_object_set_new(j, "product", json_null());
	}
	const struct plan_schedule *full = p->n_steps ? &p->steps[p->n_steps - 1] : NULL;
	json_object_set_new(j, "doses", doses_json(full));
	json_t *a = json_array();
	for (size_t i = 0; i < p->n_steps; i++) {
		json_t *o = json_object();
		json_object_set_new(o, "from_day", json_integer(p->steps[i].from_day));
		json_object_set_new(o, "daily_elemental_mg", cmd_json_num(p->steps[i].daily_mg, 0));
		json_object_set_new(o, "doses", doses_json(&p->steps[i]));
		json_array_append_new(a, o);
	}
	json_object_set_new(j, "titration", a);
	a = json_array();
	for (size_t i = 0; i < p->n_windows; i++) {
		json_t *o = json_object();
		json_object_set_new(o, "medicine", json_string(p->windows[i].medicine));
		json_object_set_new(o, "taken_at", hhmm_json(p->windows[i].med_time));
		json_object_set_new(o, "avoid_from", hhmm_json(p->windows[i].avoid_from));
		json_object_set_new(o, "avoid_to", hhmm_json(p->windows[i].avoid_to));
		json_object_set_new(o, "rule", json_string(p->windows[i].rule));
		json_array_append_new(a, o);
	}
	json_object_set_new(j, "windows", a);
	a = json_array();
	const struct mg_table *tl = tables_get("timeline.tsv");
	for (size_t i = 0; i < 2; i++) {
		json_t *o = json_object();
		const char *id = i == 0 ? "check-day-14" : "check-day-42";
		json_object_set_new(o, "day", json_integer(p->checkpoint_days[i]));
		json_object_set_new(o, "date", date_json(b->plan.days[0].date + p->checkpoint_days[i] - 1));
		json_object_set_new(o, "what", json_string(table_cell(tl, (size_t)table_find(tl, "id", id), "what")));
		json_object_set_new(o, "rule", json_string(id));
		json_array_append_new(a, o);
	}
	json_object_set_new(j, "checkpoints", a);
	a = json_array();
	for (size_t i = 0; i < p->n_days; i++) {
		const struct plan_day *d = &p->days[i];
		json_t *o = json_object();
		json_object_set_new(o, "day", json_integer(d->day));
		json_object_set_new(o, "date", date_json(d->date));
		json_object_set_new(o, "daily_elemental_mg", cmd_json_num(d->schedule ? d->schedule->daily_mg : 0, 0));
		json_object_set_new(o, "doses", doses_json(d->schedule));
		if (d->food) {
			json_t *f = json_object();
			json_object_set_new(f, "food_id", json_integer(d->food->food_id));
			json_object_set_new(f, "name", json_string(d->food->name));
			json_object_set_new(f, "portion", json_string(d->food->portion));
			json_object_set_new(f, "mg", cmd_json_num(d->food->portion_mg, 0));
			json_object_set_new(o, "food", f);
		} else {
			json_object_set_new(o, "food", json_null());
		}
		json_object_set_new(o, "movement", practice_json(d->movement));
		json_object_set_new(o, "breathing", practice_json(d->breathing));
		json_object_set_new(o, "rest", practice_json(d->rest));
		json_t *sw = json_object();
		json_object_set_new(sw, "bed", hhmm_json(d->bed));
		json_object_set_new(sw, "wake", hhmm_json(d->wake));
		json_object_set_new(o, "sleep_window", sw);
		json_object_set_new(o, "screens_off", hhmm_json(d->screens_off));
		json_t *lim = json_array();
		const struct mg_table *pt = tables_get("practices.tsv");
		for (size_t r = 0; r < pt->nrows; r++)
			if (strcmp(table_cell(pt, r, "kind"), "limit") == 0)
				json_array_append_new(lim, json_string(table_cell(pt, r, "name")));
		json_object_set_new(o, "limit", lim);
		json_array_append_new(a, o);
	}
	json_object_set_new(j, "days", a);
	a = json_array();
	for (size_t r = 0; r < tl->nrows; r++) {
		if (strncmp(table_cell(tl, r, "id"), "expect-", 7) != 0)
			continue;
		json_t *o = json_object();
		json_object_set_new(o, "from_day", json_integer(cell_long(tl, r, "from_day")));
		json_object_set_new(o, "what", json_string(table_cell(tl, r, "what")));
		json_array_append_new(a, o);
	}
	json_object_set_new(j, "timeline", a);
	const struct mg_table *pr = tables_get("plan-rules.tsv");
	json_object_set_new(j, "timeline_note",
			    json_string(table_cell(pr, (size_t)table_find(pr, "id", "plan-timeline"), "text")));
	json_object_set_new(j, "warnings", notes_json(&p->warnings));
	if (explain)
		json_object_set_new(j, "explain", notes_json(&p->explain));
	const struct mg_table *st = tables_get("safety.tsv");
	json_object_set_new(j, "see_clinician",
			    json_string(table_cell(st, (size_t)table_find(st, "id", "safety-see-clinician"), "advice")));
	json_object_set_new(j, "disclaimer", json_string(cmd_not_advice));
	return j;
}

static void print_dose_line(const struct plan_schedule *s, const struct plan *p)
{
	for (size_t i = 0; i < s->n_doses; i++) {
		const struct plan_dose *d = &s->doses[i];
		char at[8];
		mg_format_hhmm(d->time, at, sizeof(at));
		printf("%s%s %.0f mg", i ? ", " : "", at, d->elemental_mg);
		if (d->units)
			printf(" (%d unit%s)", d->units, d->units == 1 ? "" : "s");
		if (d->conflict)
			printf(" [conflict]");
	}
	(void)p;
}

static void print_notes(const char *title, const struct notes *ns, int with_source)
{
	if (!ns->n)
		return;
	printf("\n%s\n", title);
	for (size_t i = 0; i < ns->n; i++) {
		printf("  - %s [%s]\n", ns->v[i].text, ns->v[i].rule);
		if (with_source && ns->v[i].source)
			printf("      source: %s\n", ns->v[i].source);
	}
}

static void print_text(const struct plan_build *b, int explain)
{
	const struct plan *p = &b->plan;
	char d[16], at[8];
	printf("Plan for \"%s\": status %s\n", b->profile.name, plan_status_name(p->status));
	printf("Target %.0f mg/day; ", p->targets.target_mg);
	if (p->food_known)
		printf("food %.0f mg/day (%d days logged); gap %.0f mg\n", p->food_mg, b->intake.days_logged,
		       p->gap_mg > 0 ? p->gap_mg : 0);
	else
		printf("food unknown (%d of the 3 days needed are logged in the 7 days before today)\n",
		       b->intake.days_logged);
	print_notes(p->status == PLAN_OK ? "Notes:" : "Warnings (read first):", &p->warnings, 0);
	printf("\n");
	if (p->status == PLAN_CLINICIAN) {
		printf("No supplement schedule: see a clinician first. Food guidance and logging still work.\n");
	} else if (p->status == PLAN_PAUSE) {
		printf("Pause magnesium now and reassess; see a clinician if the symptom persists.\n");
	} else if (p->daily_mg <= 0) {
		printf("No supplement needed: your food meets the target.\n");
	} else {
		printf("Supplement: %.0f mg elemental magnesium a day as %s", p->daily_mg, p->form.form);
		if (p->product)
			printf(", from \"%s\" (%.0f mg per unit%s)", p->product->name, p->product_mg.per_unit,
			       p->product_mg.estimated ? ", estimated" : "");
		printf("\n");
		for (size_t i = 0; i < p->n_steps; i++) {
			const struct plan_schedule *s = &p->steps[i];
			if (i + 1 < p->n_steps)
				printf("  days %d-%d:    %3.0f mg  ", s->from_day, p->steps[i + 1].from_day - 1, s->daily_mg);
			else
				printf("  from day %d: %3.0f mg  ", s->from_day, s->daily_mg);
			print_dose_line(s, p);
			printf("  (with food)\n");
		}
		if (p->product) {
			/* Doses are logged in servings; say how many one intake is. */
			const struct plan_schedule *full = &p->steps[p->n_steps - 1];
			printf("  log each intake with: mgtrack dose \"%s\" %g\n", p->product->name,
			       full->doses[0].units / (double)p->product->units_per_serving);
		}
		if (p->label.n)
			print_notes("Label checks:", &p->label, 0);
	}
	if (p->n_windows) {
		printf("\nNo magnesium in these hours:\n");
		for (size_t i = 0; i < p->n_windows; i++) {
			char from[8], to[8];
			mg_format_hhmm(p->windows[i].med_time, at, sizeof(at));
			mg_format_hhmm(p->windows[i].avoid_from, from, sizeof(from));
			mg_format_hhmm(p->windows[i].avoid_to, to, sizeof(to));
			printf("  %s-%s  around %s at %s [%s]\n", from, to, p->windows[i].medicine, at, p->windows[i].rule);
		}
	}
	printf("\n%zu-day plan:\n", p->n_days);
	for (size_t i = 0; i < p->n_days; i++) {
		const struct plan_day *day = &p->days[i];
		char bed[8], wake[8], off[8];
		mg_format_date(day->date, d, sizeof(d));
		mg_format_hhmm(day->bed, bed, sizeof(bed));
		mg_format_hhmm(day->wake, wake, sizeof(wake));
		mg_format_hhmm(day->screens_off, off, sizeof(off));
		printf("  Day %d  %s\n", day->day, d);
		if (day->schedule) {
			printf("    magnesium  ");
			print_dose_line(day->schedule, p);
			printf("\n");
		}
		if (day->food)
			printf("    food       %s: %s (%.0f mg)\n", day->food->name, day->food->portion, day->food->portion_mg);
		printf("    move       %s: %s\n", practice_cell(day->movement, "name"), practice_cell(day->movement, "text"));
		printf("    breathe    %s: %s\n", practice_cell(day->breathing, "name"), practice_cell(day->breathing, "text"));
		printf("    rest       %s: %s\n", practice_cell(day->rest, "name"), practice_cell(day->rest, "text"));
		printf("    sleep      screens off %s, bed %s, up %s\n", off, bed, wake);
	}
	printf("    every day, limit: ");
	const struct mg_table *pt = tables_get("practices.tsv");
	int first = 1;
	for (size_t r = 0; r < pt->nrows; r++)
		if (strcmp(table_cell(pt, r, "kind"), "limit") == 0) {
			printf("%s%s", first ? "" : "; ", table_cell(pt, r, "text"));
			first = 0;
		}
	printf("\n");
	if (!b->n_foods && (p->gap_mg > 0 || !p->food_known))
		printf("    (food ideas need the food database: run 'mgtrack food import --sr24 PATH')\n");
	const struct mg_table *tl = tables_get("timeline.tsv");
	const struct mg_table *pr = tables_get("plan-rules.tsv");
	printf("\nWhat to expect (%s):\n", table_cell(pr, (size_t)table_find(pr, "id", "plan-timeline"), "text"));
	for (size_t r = 0; r < tl->nrows; r++)
		if (strncmp(table_cell(tl, r, "id"), "expect-", 7) == 0)
			printf("  from day %-3ld %s\n", cell_long(tl, r, "from_day"), table_cell(tl, r, "what"));
	printf("Checkpoints:\n");
	for (size_t i = 0; i < 2; i++) {
		const char *id = i == 0 ? "check-day-14" : "check-day-42";
		mg_format_date(p->days[0].date + p->checkpoint_days[i] - 1, d, sizeof(d));
		printf("  day %-3d %s  %s\n", p->checkpoint_days[i], d,
		       table_cell(tl, (size_t)table_find(tl, "id", id), "what"));
	}
	if (explain)
		print_notes("Why (each decision, its rule and source):", &p->explain, 1);
	const struct mg_table *st = tables_get("safety.tsv");
	printf("\nSee a clinician: %s.\n", table_cell(st, (size_t)table_find(st, "id", "safety-see-clinician"), "advice"));
	printf("%s\n", cmd_not_advice);
}

/* ---- the calendar ---- */

static void dose_events(const struct plan_build *b, struct ics_event *ev, size_t *n)
{
	const struct plan *p = &b->plan;
	int last_day = p->checkpoint_days[1];
	for (size_t k = 0; k < p->n_steps; k++) {
		const struct plan_schedule *s = &p->steps[k];
		int until = k + 1 < p->n_steps ? p->steps[k + 1].from_day - 1 : last_day;
		for (size_t i = 0; i < s->n_doses; i++) {
			const struct plan_dose *d = &s->doses[i];
			struct ics_event *e = &ev[(*n)++];
			memset(e, 0, sizeof(*e));
			e->date = p->days[0].date + s->from_day - 1;
			snprintf(e->uid, sizeof(e->uid), "mgtrack-p%ld-%ld-dose-%zu-%zu@mgtrack.local",
				 b->profile.id, p->days[0].date, k, i);
			snprintf(e->summary, sizeof(e->summary), "Magnesium %.0f mg (%s) with food", d->elemental_mg,
				 p->product ? p->product->name : p->form.form);
			snprintf(e->description, sizeof(e->description), "%s dose of the mgtrack plan, days %d-%d. %s %s",
				 d->slot, s->from_day, until,
				 k + 1 < p->n_steps ? "Step up after this only while stools stay formed and no red flag appears."
						    : "Reassess at the day-42 checkpoint.",
				 cmd_not_advice);
			e->start_min = d->time;
			e->duration_min = 10;
			e->daily_count = until - s->from_day + 1;
			e->alarm_before_min = 0;
		}
	}
}

static int write_ics(const struct plan_build *b, const char *path)
{
	const struct plan *p = &b->plan;
	struct ics_event ev[PLAN_MAX_STEPS * PLAN_MAX_DOSES + PLAN_MAX_WINDOWS + 2];
	size_t n = 0;
	dose_events(b, ev, &n);
	for (size_t i = 0; i < p->n_windows; i++) {
		const struct plan_window *w = &p->windows[i];
		struct ics_event *e = &ev[n++];
		memset(e, 0, sizeof(*e));
		e->date = p->days[0].date;
		snprintf(e->uid, sizeof(e->uid), "mgtrack-p%ld-%ld-window-%zu@mgtrack.local", b->profile.id, e->date, i);
		snprintf(e->summary, sizeof(e->summary), "No magnesium (%s)", w->medicine);
		snprintf(e->description, sizeof(e->description),
			 "Keep magnesium out of these hours around %s [%s].", w->medicine, w->rule);
		e->start_min = w->avoid_from;
		e->duration_min = (w->avoid_to - w->avoid_from + 1440) % 1440;
		e->daily_count = p->checkpoint_days[1];
		e->alarm_before_min = -1;
		e->transparent = 1;
	}
	const struct mg_table *tl = tables_get("timeline.tsv");
	for (size_t i = 0; i < 2; i++) {
		const char *id = i == 0 ? "check-day-14" : "check-day-42";
		struct ics_event *e = &ev[n++];
		memset(e, 0, sizeof(*e));
		e->date = p->days[0].date + p->checkpoint_days[i] - 1;
		snprintf(e->uid, sizeof(e->uid), "mgtrack-p%ld-%ld-%s@mgtrack.local", b->profile.id, p->days[0].date, id);
		snprintf(e->summary, sizeof(e->summary), "mgtrack checkpoint, day %d", p->checkpoint_days[i]);
		snprintf(e->description, sizeof(e->description), "%s. Run 'mgtrack review'.",
			 table_cell(tl, (size_t)table_find(tl, "id", id), "what"));
		e->start_min = p->wake + 60;
		e->duration_min = 15;
		e->alarm_before_min = 0;
	}
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	struct mg_err e = {0};
	int rc = f ? ics_write(f, ev, n, &e) : mg_err_set(&e, MG_EIO, "out of memory");
	if (f)
		fclose(f);
	rc = rc < 0 ? cmd_fail(&e) : cmd_write_file(path, text, len);
	free(text);
	return rc;
}

int cmd_plan(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"json", no_argument, NULL, 'j'},
		{"explain", no_argument, NULL, 'x'},
		{"days", required_argument, NULL, 'n'},
		{"ics", required_argument, NULL, 'i'},
		{NULL, 0, NULL, 0},
	};
	long days = 7;
	int c, json = 0, explain = 0, rc;
	const char *ics = NULL;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'j': json = 1; break;
		case 'x': explain = 1; break;
		case 'n':
			if ((rc = cmd_parse_long("--days", optarg, 1, PLAN_MAX_DAYS, &days)))
				return rc;
			break;
		case 'i':
			if (!*optarg)
				return cmd_usage(ctx, "--ics needs a file name");
			ics = optarg;
			break;
		default: return cmd_bad_option(ctx, c, argv);
		}
	}
	if (optind < argc)
		return cmd_usage(ctx, "unexpected argument \"%s\"", argv[optind]);
	struct plan_build b;
	if ((rc = cmd_plan_build(ctx, mg_today(), (int)days, &b)))
		return rc;
	if (ics && (rc = write_ics(&b, ics))) {
		cmd_plan_release(&b);
		return rc;
	}
	if (json)
		cmd_print_json(plan_json(&b, explain));
	else
		print_text(&b, explain);
	if (ics && !json)
		printf("Calendar written to %s\n", ics);
	cmd_plan_release(&b);
	return 0;
}
