/*
 * `mgtrack plan`: reads the profile, the food log's average, the products
 * and (when foods.db exists) food suggestions, asks core/plan.c for the
 * plan and prints it as text, JSON or an iCalendar file. With a course
 * running it shows the course from where it stands (view/course.c);
 * without one, the proposal and how to start it. cmd_plan_build is shared
 * with `product check`, which needs the planned dose.
 */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cmd/cmd.h"
#include "core/diet.h"
#include "core/intake.h"
#include "core/night.h"
#include "core/plan.h"
#include "core/profile.h"
#include "core/tables.h"
#include "io/ics.h"
#include "store/db.h"
#include "store/foods.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

int cmd_plan_build(struct cmd_ctx *ctx, long today, int days, struct plan_build *b)
{
	sqlite3 *db;
	struct profile p;
	struct mg_err e = {0};
	int rc;
	memset(b, 0, sizeof(*b));
	if ((rc = cmd_open_profile(ctx, &db, &p)))
		return rc;
	rc = view_plan_build(db, ctx->foods_path, &p, today, days, NULL, b, &e);
	db_close(db);
	return rc < 0 ? cmd_fail(&e) : 0;
}


static void print_dose_line(const struct view_segment *s)
{
	for (size_t i = 0; s && i < s->n; i++) {
		const struct course_intake *d = &s->intakes[i];
		char at[8];
		mg_format_hhmm(d->time, at, sizeof(at));
		printf("%s%s %.0f mg", i ? ", " : "", at, d->mg);
		if (d->units > 0) {
			char units[32];
			printf(" (%s)", view_units(d->units, s->divisible, "unit", units, sizeof(units)));
		}
		if (s->conflict[i])
			printf(" [conflict]");
	}
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

/* The supplement lines: the proposal's titration, or the course's step. */
static void print_supplement(const struct course_view *cv, const struct view_schedule *sc)
{
	const struct plan *p = &cv->plan.plan;
	char d[16];
	if (sc->course) {
		const struct course_state *st = &cv->state;
		const struct course_version *v = &st->now;
		mg_format_date(cv->course.started, d, sizeof(d));
		printf("Following your course since %s: day %d, %s.\n", d, st->day, course_phase_name(v->phase));
		if (!v->n_intakes) {
			printf("No magnesium now: %s [%s]\n", v->reason, v->rule);
		} else {
			printf("Supplement: %.0f mg elemental magnesium a day as %s, from \"%s\" (%.0f mg per unit)\n",
			       v->daily_mg, v->form, v->product_name, v->unit_mg);
			for (size_t i = 0; i < sc->n; i++) {
				const struct view_segment *sg = &sc->seg[i];
				mg_format_date(sg->from, d, sizeof(d));
				printf("  %s day %ld (%s): %3.0f mg  ", i ? "from" : "now, ", sg->from - sc->day1 + 1, d, sg->daily_mg);
				print_dose_line(sg);
				printf("  (with food)%s\n", sg->tentative ? "  if stools stay formed and no red flag appears" : "");
			}
			printf("  log each intake with: mgtrack dose   (skip one: mgtrack dose --skip)\n");
		}
		if (st->hold[0])
			printf("  held: %s [%s]\n", st->hold, st->hold_rule);
		printf("  next: %s", st->next_what);
		if (st->next_date != MG_NO_DATE) {
			mg_format_date(st->next_date, d, sizeof(d));
			printf(" (%s)", d);
		}
		printf("\n  'mgtrack course' shows every version and your adherence.\n");
		return;
	}
	if (p->status == PLAN_CLINICIAN) {
		printf("No supplement schedule: see a clinician first. Food guidance and logging still work.\n");
	} else if (p->status == PLAN_PAUSE) {
		printf("Pause magnesium now and reassess; see a clinician if the symptom persists.\n");
	} else if (p->daily_mg <= 0) {
		if (p->other_mg > 0)
			printf("No supplement added: your other supplements already give %.0f mg a day.\n", p->other_mg);
		else
			printf("No supplement needed: your food meets the target.\n");
	} else {
		printf("Supplement: %.0f mg elemental magnesium a day as %s", p->daily_mg, p->form.form);
		if (p->product)
			printf(", from \"%s\" (%.0f mg per unit%s)", p->product->name, p->product_mg.per_unit,
			       p->product_mg.estimated ? ", estimated" : "");
		printf("\n");
		for (size_t i = 0; i < sc->n; i++) {
			const struct view_segment *sg = &sc->seg[i];
			int from = (int)(sg->from - sc->day1 + 1);
			if (i + 1 < sc->n)
				printf("  days %d-%ld:    %3.0f mg  ", from, sc->seg[i + 1].from - sc->day1, sg->daily_mg);
			else
				printf("  from day %d: %3.0f mg  ", from, sg->daily_mg);
			print_dose_line(sg);
			printf("  (with food)\n");
		}
		if (p->product)
			printf("  to follow it day by day: mgtrack course start   (then log each intake with: mgtrack dose)\n");
		else if (p->too_strong)
			printf("  \"%s\" is too strong for it (see the warning): add one with smaller units, then: mgtrack course"
			       " start\n", p->too_strong->name);
		else
			printf("  add the product you will take ('mgtrack product add'), then: mgtrack course start\n");
		if (p->label.n)
			print_notes("Label checks:", &p->label, 0);
	}
}

static void print_text(const struct course_view *cv, int explain)
{
	const struct plan_build *b = &cv->plan;
	const struct plan *p = &b->plan;
	struct view_schedule sc;
	view_plan_schedule(cv, &sc);
	char d[16], at[8];
	printf("Plan for \"%s\": status %s\n", b->profile.name, plan_status_name(p->status));
	printf("Target %.0f mg/day; ", p->targets.target_mg);
	if (p->food_known)
		printf("food %.0f mg/day (%d days logged", p->food_mg, b->intake.days_logged);
	else
		printf("food unknown (%d of the %.0f days needed are logged in the %d days before today",
		       b->intake.days_logged, tables_threshold(b->intake.food_rule, NULL), b->intake.days);
	/* Days with food that did not count: the warnings say why. */
	if (b->intake.days_low_energy)
		printf("; %d more too low in energy to count", b->intake.days_low_energy);
	/* Coverage, when a food is missing its value: the warnings name it. */
	if (b->intake.foods_no_mg) {
		char cov[96];
		intake_coverage_text(&b->intake, cov, sizeof(cov));
		printf("; %s", cov);
	}
	if (p->food_known)
		printf("); gap %.0f mg\n", p->gap_mg > 0 ? p->gap_mg : 0);
	else
		printf(")\n");
	if (p->other_mg > 0)
		printf("Other supplements: %.0f mg a day, counted against the %.0f mg upper limit\n", p->other_mg,
		       p->targets.supplement_ul_mg);
	print_notes(p->status == PLAN_OK ? "Notes:" : "Warnings (read first):", &p->warnings, 0);
	printf("\n");
	print_supplement(cv, &sc);
	if (p->n_windows) {
		printf("\nNo magnesium in these hours:\n");
		for (size_t i = 0; i < p->n_windows; i++) {
			char from[8], to[8];
			mg_format_hhmm(p->windows[i].med_time, at, sizeof(at));
			mg_format_hhmm(p->windows[i].avoid_from, from, sizeof(from));
			mg_format_hhmm(p->windows[i].avoid_to, to, sizeof(to));
			printf("  %s-%s  around %s at %s%s%s [%s]\n", from, to, p->windows[i].medicine, at,
			       p->windows[i].weekday >= 0 ? " on " : "", p->windows[i].weekday >= 0 ?
			       profile_weekday_name(p->windows[i].weekday) : "", p->windows[i].rule);
		}
	}
	printf("\n%zu-day plan:\n", p->n_days);
	for (size_t i = 0; i < p->n_days; i++) {
		const struct plan_day *day = &p->days[i];
		struct view_segment own;
		const struct view_segment *sg = view_segment_day(p, &sc, day->date, &own);
		char bed[8], wake[8], off[8];
		mg_format_date(day->date, d, sizeof(d));
		mg_format_hhmm(day->bed, bed, sizeof(bed));
		mg_format_hhmm(day->wake, wake, sizeof(wake));
		mg_format_hhmm(day->screens_off, off, sizeof(off));
		printf("  Day %ld  %s\n", day->date - sc.day1 + 1, d);
		if (sg && sg->n) {
			printf("    magnesium  ");
			print_dose_line(sg);
			printf("%s%s\n", sg->tentative ? "  (if stools stay formed)" : "",
			       sg == &own ? "  (moved for the weekly medicine)" : "");
		}
		for (size_t k = 0; k < day->n_foods; k++) {
			const struct suggestion *f = day->foods[k];
			/* A food eaten most days is in the food average already:
			 * the line says what the bigger portion adds. */
			char amount[96];
			if (f->regular)
				snprintf(amount, sizeof(amount), "instead of your usual %.0f g (+%.0f mg)", f->usual_g, f->adds_mg);
			else
				snprintf(amount, sizeof(amount), "(%.0f mg)", f->portion_mg);
			printf("    %-10s %s: %s %s%s%s%s%s\n", k ? "" : "food", f->name, f->portion, amount,
			       f->logged && !f->regular ? "  (you have eaten it)" : "", f->note ? "  [" : "",
			       f->note ? diet_rule_note(f->note) : "", f->note ? "]" : "");
		}
		if (day->n_foods > 1)
			printf("    %-10s about %.0f mg from food\n", "", day->foods_mg);
		printf("    move       %s: %s\n", view_practice_cell(day->movement, "name"), view_practice_cell(day->movement, "text"));
		printf("    breathe    %s: %s\n", view_practice_cell(day->breathing, "name"), view_practice_cell(day->breathing, "text"));
		printf("    rest       %s: %s\n", view_practice_cell(day->rest, "name"), view_practice_cell(day->rest, "text"));
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
	if (!b->n_foods && *b->foods_error)
		printf("    (no food ideas: %s)\n", b->foods_error);
	else if (!b->n_foods && (p->gap_mg > 0 || !p->food_known) && !b->diet.no_food)
		printf("    (food ideas need the food database: run 'mgtrack food import --sr24 PATH')\n");
	const struct mg_table *tl = tables_get("timeline.tsv");
	const struct mg_table *pr = tables_get("plan-rules.tsv");
	printf("\nWhat to expect (%s):\n", table_cell(pr, (size_t)table_find(pr, "id", "plan-timeline"), "text"));
	for (size_t r = 0; r < tl->nrows; r++)
		if (strncmp(table_cell(tl, r, "id"), "expect-", 7) == 0)
			printf("  from day %-3ld %s\n", view_cell_long(tl, r, "from_day"), table_cell(tl, r, "what"));
	printf("Checkpoints%s:\n", sc.course ? " (days of your course)" : "");
	for (size_t i = 0; i < 2; i++) {
		const char *id = i == 0 ? "check-day-14" : "check-day-42";
		long date = sc.day1 + p->checkpoint_days[i] - 1;
		mg_format_date(date, d, sizeof(d));
		printf("  day %-3d %s  %s%s\n", p->checkpoint_days[i], d,
		       table_cell(tl, (size_t)table_find(tl, "id", id), "what"), date < p->days[0].date ? " (passed)" : "");
	}
	if (explain)
		print_notes("Why (each decision, its rule and source):", &p->explain, 1);
	const struct mg_table *st = tables_get("safety.tsv");
	printf("\nSee a clinician: %s.\n", table_cell(st, (size_t)table_find(st, "id", "safety-see-clinician"), "advice"));
	printf("%s\n", view_not_advice);
}

static int write_ics(const struct course_view *b, const char *path)
{
	char *text = NULL;
	size_t len = 0;
	struct mg_err e = {0};
	int rc = view_plan_ics(b, &text, &len, &e) < 0 ? cmd_fail(&e) : cmd_write_file(path, text, len);
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
			if ((rc = cmd_check_path("--ics", optarg)))
				return rc;
			ics = optarg;
			break;
		default: return cmd_bad_option(ctx, c, argv);
		}
	}
	if (optind < argc)
		return cmd_usage(ctx, "unexpected argument \"%s\"", argv[optind]);
	sqlite3 *db;
	struct profile p;
	struct mg_err e = {0};
	if ((rc = cmd_open_profile(ctx, &db, &p)))
		return rc;
	struct course_view b;
	rc = view_course_load(db, ctx->foods_path, &p, mg_today(), (int)days, 1, &b, &e);
	db_close(db);
	if (rc < 0)
		return cmd_fail(&e);
	if (ics && (rc = write_ics(&b, ics))) {
		view_course_release(&b);
		return rc;
	}
	if (json)
		cmd_print_json(view_plan_json(&b, explain));
	else
		print_text(&b, explain);
	if (ics && !json)
		printf("Calendar written to %s\n", ics);
	view_course_release(&b);
	return 0;
}
