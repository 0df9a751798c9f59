/*
 * The plan as both front ends need it: gathers what a plan is computed
 * from (profile, the food log's last 7 days, products, recent red flags,
 * food ideas when foods.db exists), asks core/plan.c, adds the intake's own
 * notes (a log too low in energy to count, days without energy), and turns
 * the result into the JSON of `mgtrack plan --json` and the API, or an
 * iCalendar text.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "core/night.h"
#include "core/tables.h"
#include "io/ics.h"
#include "store/db.h"
#include "store/foods.h"
#include "view/view.h"
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

struct dose_sum {
	const struct product *products;
	double *mg;            /* per product, summed over the window */
	size_t n;
};

static int sum_by_product(const struct dose_entry *d, void *ctx)
{
	struct dose_sum *s = ctx;
	for (size_t i = 0; i < s->n; i++)
		if (s->products[i].id == d->product_id)
			s->mg[i] += d->elemental_mg;
	return 0;
}

/* The other supplemental sources a day: each product (but the course's own)
 * at the larger of what it is marked as taken and its logged average over
 * the last course-other-days days, so a multivitamin marked and logged is
 * counted once. */
static int other_sources(sqlite3 *db, struct plan_build *b, long today, long exclude, struct mg_err *e)
{
	long days = (long)tables_threshold("course-other-days", NULL);
	struct dose_sum s = {.products = b->products, .n = b->n_products};
	s.mg = mg_calloc(b->n_products ? b->n_products : 1, sizeof(double));
	if (journal_dose_list(db, b->profile.id, today - days + 1, today, sum_by_product, &s, e) < 0) {
		free(s.mg);
		return -1;
	}
	b->others = mg_calloc(b->n_products ? b->n_products : 1, sizeof(*b->others));
	for (size_t i = 0; i < b->n_products; i++) {
		const struct product *pr = &b->products[i];
		struct product_mg mg;
		struct mg_err pe = {0};
		if (pr->id == exclude || product_magnesium(pr, &mg, &pe) < 0)
			continue;
		double marked = pr->taking_servings * mg.per_serving, logged = s.mg[i] / (double)days;
		double a_day = marked > logged ? marked : logged;
		if (a_day > 0)
			b->others[b->n_others++] = (struct plan_other){.product_id = pr->id, .name = pr->name, .mg_per_day = a_day};
	}
	free(s.mg);
	return 0;
}

int view_plan_build(sqlite3 *db, const char *foods_path, const struct profile *p, long today, int days,
		    const struct plan_opts *opts, struct plan_build *b, struct mg_err *e)
{
	static const struct plan_opts defaults = {.exclude_product = 0, .flags_after = MG_NO_DATE, .no_foods = 0};
	if (!opts)
		opts = &defaults;
	memset(b, 0, sizeof(*b));
	b->profile = *p;
	long window = (long)tables_threshold("intake-default-days", NULL);
	struct targets t;
	struct product_acc products = {0};
	if (targets_compute(&b->profile, today, &t, e) < 0 ||
	    intake_compute(db, &b->profile, today - window, today - 1, &t, &b->intake, e) < 0 ||
	    journal_product_list(db, on_product, &products, e) < 0) {
		free(products.v);
		intake_release(&b->intake);
		return -1;
	}
	b->products = products.v;
	b->n_products = products.n;
	if (other_sources(db, b, today, opts->exclude_product, e) < 0) {
		view_plan_release(b);
		return -1;
	}
	/* A red flag in the recent nights pauses the plan; a course's resume
	 * clears the nights before it (the person confirmed they are gone). */
	long flag_days = (long)tables_threshold("pause-red-flag-days", NULL);
	struct night *nights = NULL;
	size_t n_nights = 0;
	int red_flag = 0, loose = 0;
	if (view_night_list(db, b->profile.id, today - flag_days + 1, today, &nights, &n_nights, e) < 0) {
		view_plan_release(b);
		return -1;
	}
	for (size_t i = 0; i < n_nights; i++)
		if (opts->flags_after == MG_NO_DATE || nights[i].date > opts->flags_after)
			red_flag |= nights[i].red_flags != 0;
	for (size_t i = 0; i < n_nights; i++)
		loose += nights[i].bristol >= (int)tables_threshold("review-loose-bristol", NULL);
	free(nights);

	/* Food suggestions need foods.db; without it the plan still works and
	 * says where the food ideas would come from. */
	double gap = t.target_mg - (b->intake.food_known ? b->intake.food_mg : 0);
	sqlite3 *foods;
	struct mg_err fe = {0};
	int have_foods = !opts->no_foods && access(foods_path, R_OK) == 0;
	if (have_foods && foods_open(foods_path, &foods, &fe) < 0)
		mg_strlcpy(b->foods_error, fe.msg, sizeof(b->foods_error));
	else if (have_foods) {
		struct logged_food *logged = NULL;
		size_t n_logged = 0;
		/* Enough ideas for 2-3 different foods a day over the days shown,
		 * and at least two weeks' worth, so the week varies. */
		size_t want = (size_t)days * PLAN_DAY_FOODS;
		struct suggest_opts so = {.order = SUGGEST_BY_SERVING, .limit = want < 21 ? 21 : want, .diet = &b->diet};
		diet_rules_for(&b->profile, today, &b->diet);
		if (suggest_logged_foods(db, b->profile.id, today, &logged, &n_logged, &so.days_with_food, &fe) < 0) {
			mg_strlcpy(b->foods_error, fe.msg, sizeof(b->foods_error));
		} else {
			so.logged = logged;
			so.n_logged = n_logged;
			if (suggest_foods(foods, gap, &so, &b->foods, &b->n_foods, &fe) < 0) {
				b->n_foods = 0;
				/* Said, not swallowed: a plan without food lines and
				 * no reason reads as "no food would help". */
				mg_strlcpy(b->foods_error, fe.msg, sizeof(b->foods_error));
			}
		}
		free(logged);
		db_close(foods);
	}
	struct plan_input in = {
		.profile = &b->profile, .today = today, .days = days,
		.food_known = b->intake.food_known, .food_mg = b->intake.food_mg,
		.food_days_logged = b->intake.days_logged,
		.products = b->products, .n_products = b->n_products,
		.foods = b->foods, .n_foods = b->n_foods,
		.red_flag = red_flag, .loose_nights = loose,
		.others = b->others, .n_others = b->n_others,
	};
	b->input = in;
	if (plan_compute(&b->input, &b->plan, e) < 0) {
		view_plan_release(b);
		return -1;
	}
	/* The plan engine sees only whether food is known; what made it
	 * unknown is the intake's to say. Days too low in energy go on top,
	 * where a person who logged three bananas looks first; days that could
	 * not be checked are an explanation, not a warning. */
	intake_note_incomplete(&b->intake, &b->plan.warnings);
	intake_note_unchecked(&b->intake, &b->plan.explain);
	intake_note_no_mg(&b->intake, &b->plan.warnings);
	/* What the person's diet, body and medicines changed about the food
	 * lines (food-rules.tsv): no food at all (an infant, kidney disease),
	 * foods left out (warfarin: keep vitamin K steady), said where the
	 * lines are, with each row's own note. */
	for (size_t i = 0; i < b->diet.n_applied; i++) {
		const char *id = b->diet.applied[i], *note = diet_rule_note(id);
		if (note && note[0])
			notes_add(b->diet.no_food && strcmp(id, b->diet.no_food) == 0 ? &b->plan.warnings : &b->plan.explain,
				  id, diet_rule_source(id), "food lines: %s", note);
	}
	char child[128];
	diet_portion_text(&b->diet, child, sizeof(child));
	if (*child && b->n_foods)
		notes_add(&b->plan.explain, b->diet.portion_rule, diet_portion_source(&b->diet), "food lines: %s", child);
	return 0;
}

void view_plan_release(struct plan_build *b)
{
	plan_release(&b->plan);
	intake_release(&b->intake);
	free(b->products);
	free(b->foods);
	free(b->others);
	memset(b, 0, sizeof(*b));
}

const char *view_practice_cell(const char *id, const char *col)
{
	const struct mg_table *t = tables_get("practices.tsv");
	long r = id ? table_find(t, "id", id) : -1;
	return r < 0 ? "" : table_cell(t, (size_t)r, col);
}

long view_cell_long(const struct mg_table *t, size_t r, const char *col)
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

/* ---- what is taken when: the proposal's titration, or the course ---- */

static void seg_from_schedule(const struct plan_schedule *ps, long from, int divisible, struct view_segment *sg)
{
	memset(sg, 0, sizeof(*sg));
	sg->from = from;
	sg->divisible = divisible;
	sg->daily_mg = ps->daily_mg;
	for (size_t i = 0; i < ps->n_doses && i < COURSE_MAX_INTAKES; i++) {
		struct course_intake *in = &sg->intakes[sg->n++];
		in->time = ps->doses[i].time;
		in->mg = ps->doses[i].elemental_mg;
		in->units = ps->doses[i].units;
		mg_strlcpy(in->slot, ps->doses[i].slot ? ps->doses[i].slot : "", sizeof(in->slot));
		sg->conflict[i] = ps->doses[i].conflict;
	}
}

static void seg_from_version(const struct course_version *v, long from, int tentative, struct view_segment *sg)
{
	memset(sg, 0, sizeof(*sg));
	sg->from = from;
	sg->daily_mg = v->n_intakes ? v->daily_mg : 0;
	sg->tentative = tentative;
	sg->divisible = v->divisible;
	for (size_t i = 0; i < v->n_intakes; i++)
		sg->intakes[sg->n++] = v->intakes[i];
}

int view_plan_following(const struct course_view *cv)
{
	return cv->has_course && cv->course.ended == MG_NO_DATE && cv->evaluated;
}

void view_plan_schedule(const struct course_view *cv, struct view_schedule *out)
{
	const struct plan *p = &cv->plan.plan;
	long today = p->days[0].date;
	memset(out, 0, sizeof(*out));
	if (view_plan_following(cv)) {
		const struct course_state *st = &cv->state;
		out->course = 1;
		out->day1 = cv->course.started;
		seg_from_version(&st->now, st->now.from < today ? today : st->now.from, 0, &out->seg[out->n++]);
		if (st->has_projection)
			seg_from_version(&st->projected, st->projected.from, 1, &out->seg[out->n++]);
		return;
	}
	out->day1 = today;
	for (size_t k = 0; k < p->n_steps && out->n < VIEW_MAX_SEGMENTS; k++)
		seg_from_schedule(&p->steps[k], today + p->steps[k].from_day - 1, p->product && p->product->divisible,
				  &out->seg[out->n++]);
}

const struct view_segment *view_segment_on(const struct view_schedule *s, long date)
{
	const struct view_segment *found = NULL;
	for (size_t i = 0; i < s->n; i++)
		if (s->seg[i].from <= date)
			found = &s->seg[i];
	return found;
}

const struct view_segment *view_segment_day(const struct plan *p, const struct view_schedule *s, long date,
					    struct view_segment *own)
{
	const struct view_segment *sg = view_segment_on(s, date);
	if (!sg || !sg->n)
		return sg;
	int times[COURSE_MAX_INTAKES];
	for (size_t i = 0; i < sg->n; i++)
		times[i] = sg->intakes[i].time;
	if (!plan_retime_day(p, date, times, sg->n, NULL))
		return sg;
	*own = *sg;
	for (size_t i = 0; i < own->n; i++)
		if (times[i] != own->intakes[i].time) {
			own->intakes[i].time = times[i];
			own->moved[i] = 1;
			/* Still in a window after the move: no clear time that day. */
			for (size_t w = 0; w < p->n_windows; w++)
				if (plan_window_applies(&p->windows[w], mg_weekday(date)) &&
				    plan_window_contains(&p->windows[w], times[i]))
					own->conflict[i] = 1;
		}
	return own;
}

static json_t *doses_json(const struct view_segment *s)
{
	json_t *a = json_array();
	for (size_t i = 0; s && i < s->n; i++) {
		const struct course_intake *d = &s->intakes[i];
		json_t *o = json_object();
		json_object_set_new(o, "time", hhmm_json(d->time));
		json_object_set_new(o, "elemental_mg", view_num(d->mg, 0));
		if (d->units > 0)
			json_object_set_new(o, "units", view_num(d->units, 1));
		json_object_set_new(o, "with_food", json_true());
		json_object_set_new(o, "slot", json_string(d->slot));
		if (s->conflict[i])
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
	json_object_set_new(o, "name", json_string(view_practice_cell(id, "name")));
	json_object_set_new(o, "text", json_string(view_practice_cell(id, "text")));
	return o;
}

json_t *view_plan_json(const struct course_view *cv, int explain)
{
	const struct plan_build *b = &cv->plan;
	const struct plan *p = &b->plan;
	struct view_schedule sc;
	view_plan_schedule(cv, &sc);
	int following = sc.course;
	const struct course_version *now = following ? &cv->state.now : NULL;
	int paused = now && !now->n_intakes;
	json_t *j = json_object();
	json_object_set_new(j, "status", json_string(paused && p->status < PLAN_PAUSE ? "pause" : plan_status_name(p->status)));
	json_object_set_new(j, "target_mg", view_num(p->targets.target_mg, 0));
	json_object_set_new(j, "supplement_ul_mg", p->targets.ul_set ? view_num(p->targets.supplement_ul_mg, 0)
								 : json_null());
	json_object_set_new(j, "other_supplements_mg", view_num(p->other_mg, 0));
	json_object_set_new(j, "food_mg", p->food_known ? view_num(p->food_mg, 0) : json_null());
	json_object_set_new(j, "gap_mg", p->food_known ? view_num(p->gap_mg, 0) : json_null());
	/* The days behind food_mg, and those too low in energy to count
	 * (the "intake-incomplete" warning says why). */
	json_object_set_new(j, "food_days_logged", json_integer(b->intake.days_logged));
	json_object_set_new(j, "food_days_low_energy", json_integer(b->intake.days_low_energy));
	json_object_set_new(j, "food_goal_mg", view_num(p->food_goal_mg, 0));
	double daily = now ? now->daily_mg : p->daily_mg;
	json_object_set_new(j, "daily_elemental_mg", view_num(daily, 0));
	json_object_set_new(j, "form", now ? json_string(now->form) : p->daily_mg > 0 ? json_string(p->form.form) : json_null());
	if (now) {
		json_t *o = json_object();
		json_object_set_new(o, "name", json_string(now->product_name));
		json_object_set_new(o, "form", json_string(now->form));
		json_object_set_new(o, "elemental_mg_per_unit", view_num(now->unit_mg, 1));
		json_object_set_new(o, "divisible", json_boolean(now->divisible));
		json_object_set_new(j, "product", o);
	} else if (p->product && p->daily_mg > 0) {
		json_t *o = json_object();
		json_object_set_new(o, "name", json_string(p->product->name));
		json_object_set_new(o, "form", json_string(p->product_mg.form.form));
		json_object_set_new(o, "elemental_mg_per_unit", view_num(p->product_mg.per_unit, 1));
		json_object_set_new(o, "estimated", json_boolean(p->product_mg.estimated));
		json_object_set_new(o, "divisible", json_boolean(p->product->divisible));
		json_object_set_new(o, "label_warnings", view_notes_json(&p->label));
		json_object_set_new(j, "product", o);
	} else {
		json_object_set_new(j, "product", json_null());
	}
	/* doses: the course's intakes today, or the proposal's full dose. */
	json_object_set_new(j, "doses", doses_json(following ? &sc.seg[0] : sc.n ? &sc.seg[sc.n - 1] : NULL));
	json_t *a = json_array();
	for (size_t i = 0; i < sc.n; i++) {
		json_t *o = json_object();
		json_object_set_new(o, "from_day", json_integer(sc.seg[i].from - sc.day1 + 1));
		json_object_set_new(o, "from", date_json(sc.seg[i].from));
		json_object_set_new(o, "daily_elemental_mg", view_num(sc.seg[i].daily_mg, 0));
		json_object_set_new(o, "doses", doses_json(&sc.seg[i]));
		json_object_set_new(o, "tentative", json_boolean(sc.seg[i].tentative));
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
		json_object_set_new(o, "weekly", p->windows[i].weekday >= 0 ?
				    json_string(profile_weekday_name(p->windows[i].weekday)) : json_null());
		json_array_append_new(a, o);
	}
	json_object_set_new(j, "windows", a);
	a = json_array();
	const struct mg_table *tl = tables_get("timeline.tsv");
	for (size_t i = 0; i < 2; i++) {
		json_t *o = json_object();
		const char *id = i == 0 ? "check-day-14" : "check-day-42";
		json_object_set_new(o, "day", json_integer(p->checkpoint_days[i]));
		json_object_set_new(o, "date", date_json(sc.day1 + p->checkpoint_days[i] - 1));
		json_object_set_new(o, "what", json_string(table_cell(tl, (size_t)table_find(tl, "id", id), "what")));
		json_object_set_new(o, "rule", json_string(id));
		json_array_append_new(a, o);
	}
	json_object_set_new(j, "checkpoints", a);
	a = json_array();
	for (size_t i = 0; i < p->n_days; i++) {
		const struct plan_day *d = &p->days[i];
		struct view_segment own;
		const struct view_segment *sg = view_segment_day(p, &sc, d->date, &own);
		json_t *o = json_object();
		json_object_set_new(o, "day", json_integer(d->date - sc.day1 + 1));
		json_object_set_new(o, "date", date_json(d->date));
		json_object_set_new(o, "daily_elemental_mg", view_num(sg ? sg->daily_mg : 0, 0));
		json_object_set_new(o, "doses", doses_json(sg));
		json_object_set_new(o, "tentative", json_boolean(sg && sg->tentative));
		/* "foods": the day's 2-3 lines; "food" stays the first, as before. */
		json_t *fa = json_array();
		for (size_t k = 0; k < d->n_foods; k++) {
			const struct suggestion *sg_food = d->foods[k];
			json_t *f = json_object();
			json_object_set_new(f, "food_id", json_integer(sg_food->food_id));
			json_object_set_new(f, "name", json_string(sg_food->name));
			json_object_set_new(f, "portion", json_string(sg_food->portion));
			json_object_set_new(f, "portion_g", view_num(sg_food->portion_g, 0));
			json_object_set_new(f, "mg", view_num(sg_food->portion_mg, 0));
			json_object_set_new(f, "adds_mg", view_num(sg_food->adds_mg, 0));
			json_object_set_new(f, "yours", json_boolean(sg_food->logged));
			json_object_set_new(f, "usual_g", sg_food->regular ? view_num(sg_food->usual_g, 0) : json_null());
			char own_text[256];
			suggest_own_text(sg_food, own_text, sizeof(own_text));
			json_object_set_new(f, "why", *own_text ? json_string(own_text) : json_null());
			json_object_set_new(f, "note", sg_food->note ? json_string(diet_rule_note(sg_food->note)) : json_null());
			if (k == 0)
				json_object_set_new(o, "food", json_deep_copy(f));
			json_array_append_new(fa, f);
		}
		if (!d->n_foods)
			json_object_set_new(o, "food", json_null());
		json_object_set_new(o, "foods", fa);
		json_object_set_new(o, "foods_mg", view_num(d->foods_mg, 0));
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
	/* Why the days have no food lines when foods.db cannot give them. */
	json_object_set_new(j, "foods_unavailable", *b->foods_error ? json_string(b->foods_error) : json_null());
	a = json_array();
	for (size_t r = 0; r < tl->nrows; r++) {
		if (strncmp(table_cell(tl, r, "id"), "expect-", 7) != 0)
			continue;
		json_t *o = json_object();
		json_object_set_new(o, "from_day", json_integer(view_cell_long(tl, r, "from_day")));
		json_object_set_new(o, "what", json_string(table_cell(tl, r, "what")));
		json_array_append_new(a, o);
	}
	json_object_set_new(j, "timeline", a);
	const struct mg_table *pr = tables_get("plan-rules.tsv");
	json_object_set_new(j, "timeline_note",
			    json_string(table_cell(pr, (size_t)table_find(pr, "id", "plan-timeline"), "text")));
	json_object_set_new(j, "warnings", view_notes_json(&p->warnings));
	if (explain)
		json_object_set_new(j, "explain", view_notes_json(&p->explain));
	json_object_set_new(j, "course", following ? view_course_json(cv, p->days[0].date) : json_null());
	const struct mg_table *st = tables_get("safety.tsv");
	json_object_set_new(j, "see_clinician",
			    json_string(table_cell(st, (size_t)table_find(st, "id", "safety-see-clinician"), "advice")));
	json_object_set_new(j, "disclaimer", json_string(view_not_advice));
	return j;
}

/* The calendar runs to the day-42 checkpoint, and at least four weeks. */
static long ics_until(const struct view_schedule *sc, const struct plan *p)
{
	long last = sc->day1 + p->checkpoint_days[1] - 1, min = p->days[0].date + 27;
	return last > min ? last : min;
}

/* The intake i of segment s moves on the day of a weekly medicine: the
 * daily event e leaves those days out, and a weekly event at the moved
 * time takes their place. */
static void weekly_moves(const struct plan *p, const struct view_segment *s, size_t i, long until,
			 struct ics_event *e, struct ics_event *ev, size_t *n)
{
	for (long first = s->from; first <= until && first < s->from + 7; first++) {
		int times[COURSE_MAX_INTAKES];
		for (size_t k = 0; k < s->n; k++)
			times[k] = s->intakes[k].time;
		const char *med = NULL;
		if (!plan_retime_day(p, first, times, s->n, &med) || times[i] == s->intakes[i].time)
			continue;
		int wd = mg_weekday(first);
		e->skip_weekdays |= 1u << wd;
		struct ics_event *w = &ev[(*n)++];
		*w = *e;
		w->skip_weekdays = 0;
		w->weekly = 1;
		w->date = first;
		w->start_min = times[i];
		w->daily_count = (int)((until - first) / 7 + 1);
		char uid[sizeof(w->uid)];
		mg_strlcpy(uid, e->uid, sizeof(uid));
		char *at = strchr(uid, '@');
		if (at)
			*at++ = '\0';
		snprintf(w->uid, sizeof(w->uid), "%.60s-%s@%s", uid, profile_weekday_name(wd), at ? at : "mgtrack.local");
		snprintf(w->description, sizeof(w->description), "On %ss this dose moves to %02d:%02d, out of the hours"
			 " around %s [plan-weekly]. %s", profile_weekday_name(wd), times[i] / 60, times[i] % 60,
			 med ? med : "a weekly medicine", view_not_advice);
	}
}

static void dose_events(const struct course_view *cv, const struct view_schedule *sc, struct ics_event *ev, size_t *n)
{
	const struct plan_build *b = &cv->plan;
	const struct plan *p = &b->plan;
	long until_all = ics_until(sc, p);
	const char *product = sc->course ? cv->state.now.product_name : p->product ? p->product->name : p->form.form;
	for (size_t k = 0; k < sc->n; k++) {
		const struct view_segment *s = &sc->seg[k];
		long until = k + 1 < sc->n ? sc->seg[k + 1].from - 1 : until_all;
		if (until < s->from)
			continue;
		for (size_t i = 0; i < s->n; i++) {
			const struct course_intake *d = &s->intakes[i];
			struct ics_event *e = &ev[(*n)++];
			memset(e, 0, sizeof(*e));
			e->date = s->from;
			snprintf(e->uid, sizeof(e->uid), "mgtrack-p%ld-%ld-dose-%zu-%zu@mgtrack.local",
				 b->profile.id, sc->day1, k, i);
			char units[32] = "";
			if (d->units > 0)
				view_units(d->units, s->divisible, "unit", units, sizeof(units));
			snprintf(e->summary, sizeof(e->summary), "Magnesium %.0f mg (%s%s%s) with food", d->mg, units,
				 units[0] ? " of " : "", product);
			snprintf(e->description, sizeof(e->description), "%s dose of the mgtrack %s, days %ld-%ld. %s %s",
				 d->slot, sc->course ? "course" : "plan", s->from - sc->day1 + 1, until - sc->day1 + 1,
				 s->tentative ? "Only if stools stayed formed and no red flag appeared: 'mgtrack course' says."
				 : k + 1 < sc->n ? "Step up after this only while stools stay formed and no red flag appears."
						 : "Reassess at the day-42 checkpoint.",
				 view_not_advice);
			e->start_min = d->time;
			e->duration_min = 10;
			e->daily_count = (int)(until - s->from + 1);
			e->alarm_before_min = 0;
			weekly_moves(p, s, i, until, e, ev, n);
		}
	}
}

int view_plan_ics(const struct course_view *cv, char **text, size_t *len, struct mg_err *err)
{
	const struct plan_build *b = &cv->plan;
	const struct plan *p = &b->plan;
	struct view_schedule sc;
	view_plan_schedule(cv, &sc);
	/* Each intake, its weekly moves (one per weekday at most), the windows
	 * and the two checkpoints. */
	struct ics_event ev[VIEW_MAX_SEGMENTS * COURSE_MAX_INTAKES * 8 + PLAN_MAX_WINDOWS + 2];
	size_t n = 0;
	dose_events(cv, &sc, ev, &n);
	long today = p->days[0].date, until = ics_until(&sc, p);
	for (size_t i = 0; i < p->n_windows; i++) {
		const struct plan_window *w = &p->windows[i];
		struct ics_event *e = &ev[n++];
		memset(e, 0, sizeof(*e));
		e->date = today;
		snprintf(e->uid, sizeof(e->uid), "mgtrack-p%ld-%ld-window-%zu@mgtrack.local", b->profile.id, e->date, i);
		snprintf(e->summary, sizeof(e->summary), "No magnesium (%s)", w->medicine);
		snprintf(e->description, sizeof(e->description),
			 "Keep magnesium out of these hours around %s [%s].", w->medicine, w->rule);
		e->start_min = w->avoid_from;
		e->duration_min = (w->avoid_to - w->avoid_from + 1440) % 1440;
		e->daily_count = (int)(until - today + 1);
		if (w->weekday >= 0) {
			/* A weekly medicine's hours, on its own day: the window
			 * opens before the dose, which may be the evening before. */
			long first = today;
			while (mg_weekday(first + (w->avoid_from > w->med_time ? 1 : 0)) != w->weekday)
				first++;
			e->date = first;
			e->weekly = 1;
			e->daily_count = (int)((until - first) / 7 + 1);
		}
		e->alarm_before_min = -1;
		e->transparent = 1;
	}
	const struct mg_table *tl = tables_get("timeline.tsv");
	for (size_t i = 0; i < 2; i++) {
		const char *id = i == 0 ? "check-day-14" : "check-day-42";
		long date = sc.day1 + p->checkpoint_days[i] - 1;
		if (date < today)
			continue;   /* a checkpoint passed needs no reminder */
		struct ics_event *e = &ev[n++];
		memset(e, 0, sizeof(*e));
		e->date = date;
		snprintf(e->uid, sizeof(e->uid), "mgtrack-p%ld-%ld-%s@mgtrack.local", b->profile.id, sc.day1, id);
		snprintf(e->summary, sizeof(e->summary), "mgtrack checkpoint, day %d", p->checkpoint_days[i]);
		snprintf(e->description, sizeof(e->description), "%s. Run 'mgtrack review'%s.",
			 table_cell(tl, (size_t)table_find(tl, "id", id), "what"),
			 sc.course ? ", then 'mgtrack review --apply'" : "");
		e->start_min = p->wake + 60;
		e->duration_min = 15;
		e->alarm_before_min = 0;
	}
	*text = NULL;
	*len = 0;
	FILE *f = open_memstream(text, len);
	if (!f)
		return mg_err_set(err, MG_EIO, "out of memory");
	int rc = ics_write(f, ev, n, err);
	fclose(f);
	if (rc < 0) {
		free(*text);
		*text = NULL;
	}
	return rc;
}
