/*
 * `mgtrack course`: the programme over weeks (PRODUCT.md section 1b).
 * show (the default) says where the course stands: day, phase, today's
 * intakes and what was logged of them, a held step and why, the next step
 * or checkpoint, adherence and every version; start, stop and resume make
 * the explicit changes. All of it goes through view/course.c.
 */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "cmd/cmd.h"
#include "store/db.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

static void print_intakes(const struct course_intake *in, size_t n, const enum intake_status *status,
			  int divisible, const char *indent)
{
	static const char *const names[] = {"due", "taken", "skipped"};
	for (size_t i = 0; i < n; i++) {
		char t[8], units[32];
		mg_format_hhmm(in[i].time, t, sizeof(t));
		printf("%s%s  %3.0f mg  %-10s  %-12s%s%s\n", indent, t, in[i].mg,
		       view_units(in[i].units, divisible, "capsule", units, sizeof(units)), in[i].slot, status ? "  " : "",
		       status ? names[status[i]] : "");
	}
}

static void print_version_line(const struct course_version *v, long started)
{
	char d[16];
	mg_format_date(v->from, d, sizeof(d));
	printf("  %2d  %s  day %-3ld %-13s %4.0f mg", v->seq, d, v->from - started + 1, course_phase_name(v->phase),
	       v->daily_mg);
	for (size_t i = 0; i < v->n_intakes; i++) {
		char t[8];
		mg_format_hhmm(v->intakes[i].time, t, sizeof(t));
		printf("%s%s %.0f", i ? ", " : "  (", t, v->intakes[i].mg);
	}
	printf("%s  %s\n", v->n_intakes ? ")" : "", v->event);
	printf("        %s [%s]\n", v->reason, v->rule);
}

void cmd_print_course(const struct course_view *cv, long today)
{
	const struct course *c = &cv->course;
	const struct course_state *st = &cv->state;
	const struct course_version *v = &st->now;
	char d[16];
	mg_format_date(c->started, d, sizeof(d));
	printf("Course for \"%s\": day %d, %s (started %s)\n", cv->plan.profile.name, st->day,
	       course_phase_name(v->phase), d);
	const struct plan *p = &cv->plan.plan;
	if (p->warnings.n) {
		printf("\n%s\n", p->status == PLAN_OK ? "Notes:" : "Warnings (read first):");
		for (size_t i = 0; i < p->warnings.n; i++)
			printf("  - %s [%s]\n", p->warnings.v[i].text, p->warnings.v[i].rule);
	}
	mg_format_date(v->from, d, sizeof(d));
	if (v->phase == PHASE_PAUSED || v->phase == PHASE_STOPPED) {
		printf("\n%s since %s: no magnesium. %s [%s]\n", v->phase == PHASE_PAUSED ? "Paused" : "Stopped", d,
		       v->reason, v->rule);
	} else {
		printf("\nToday: %.0f mg a day of %s from \"%s\" (version %d, since %s)\n", v->daily_mg, v->form,
		       v->product_name, v->seq, d);
		print_intakes(st->today, st->n_today, st->today_status, v->divisible, "  ");
		if (st->today_warning[0])
			printf("  today: %s\n", st->today_warning);
		if (st->today_note[0])
			printf("  today: %s\n", st->today_note);
		if (st->next_intake >= 0)
			printf("  log the next intake with: mgtrack dose   (or skip it: mgtrack dose --skip)\n");
	}
	if (st->hold[0])
		printf("\nHeld: %s [%s]\n", st->hold, st->hold_rule);
	printf("\nNext: %s", st->next_what);
	if (st->next_date != MG_NO_DATE) {
		mg_format_date(st->next_date, d, sizeof(d));
		printf(" (%s, day %ld)", d, st->next_date - c->started + 1);
	}
	printf(" [%s]\n", st->next_rule);
	printf("Checkpoints:");
	for (size_t i = 0; i < 2; i++) {
		mg_format_date(st->checkpoint_date[i], d, sizeof(d));
		printf("%s day %d %s%s", i ? ";" : "", st->checkpoint_day[i], d,
		       st->checkpoint_date[i] <= today ? " (reached)" : "");
	}
	printf("\n");
	const struct course_adherence *a = &st->adherence;
	if (a->days_planned) {
		printf("Adherence: %.0f %% of the magnesium planned; %d of %d days at 80 %% or more", a->mg_pct,
		       a->days_adherent, a->days_planned);
		if (!isnan(a->on_time_pct))
			printf("; %.0f %% of intakes on time", a->on_time_pct);
		printf("\n");
	} else {
		printf("Adherence: no complete day planned yet\n");
	}
	printf("\nVersions:\n");
	for (size_t i = 0; i < c->n; i++)
		print_version_line(&c->v[i], c->started);
	printf("\n%s\n", view_not_advice);
}

enum change { SHOW, START, STOP, RESUME };

/* Runs the subcommand (SHOW stores only the steps that are due) and prints
 * the course afterwards. */
static int change(struct cmd_ctx *ctx, enum change what, long start, const char *why, int json)
{
	sqlite3 *db;
	struct profile p;
	struct mg_err e = {0};
	int rc;
	if ((rc = cmd_open_profile(ctx, &db, &p)))
		return rc;
	long today = mg_today();
	struct course_view cv;
	rc = what == SHOW ? view_course_load(db, ctx->foods_path, &p, today, 7, 0, &cv, &e)
	   : what == START ? view_course_start(db, ctx->foods_path, &p, today, start, &cv, &e)
	   : what == STOP ? view_course_stop(db, ctx->foods_path, &p, today, why, &cv, &e)
			  : view_course_resume(db, ctx->foods_path, &p, today, &cv, &e);
	db_close(db);
	if (rc < 0)
		return cmd_fail(&e);
	if (json) {
		cmd_print_json(view_course_json(&cv, today));
	} else if (!cv.has_course) {
		printf("No course yet for \"%s\". 'mgtrack plan' shows the proposal; 'mgtrack course start' begins it.\n",
		       p.name);
	} else {
		const struct course_version *v = course_last(&cv.course);
		if (what != SHOW)
			printf("%s: %s [%s]\n\n", what == START ? "Course started" : what == STOP ? "Course stopped" : "Course resumed",
			       v->reason, v->rule);
		cmd_print_course(&cv, today);
	}
	view_course_release(&cv);
	return 0;
}

int cmd_course(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"json", no_argument, NULL, 'j'},
		{"date", required_argument, NULL, 'd'},
		{"reason", required_argument, NULL, 'r'},
		{NULL, 0, NULL, 0},
	};
	const char *sub = argc > 1 && argv[1][0] != '-' ? argv[1] : "show";
	int shift = argc > 1 && argv[1][0] != '-';
	int c, rc, json = 0;
	long date = mg_today();
	const char *date_arg = NULL, *why = NULL;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc - shift, argv + shift, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'j': json = 1; break;
		case 'd':
			if ((rc = cmd_parse_date("--date", optarg, &date)))
				return rc;
			date_arg = optarg;
			break;
		case 'r':
			if (!*optarg || strlen(optarg) > 200)
				return cmd_usage(ctx, "--reason needs a text of 1 to 200 characters");
			for (const unsigned char *c2 = (const unsigned char *)optarg; *c2; c2++)
				if (*c2 < 0x20 || *c2 == 0x7f)
					return cmd_usage(ctx, "--reason must be one line of text, without control characters");
			why = optarg;
			break;
		default: return cmd_bad_option(ctx, c, argv + shift);
		}
	}
	if (optind < argc - shift)
		return cmd_usage(ctx, "unexpected argument \"%s\"", argv[shift + optind]);
	int is_start = strcmp(sub, "start") == 0, is_stop = strcmp(sub, "stop") == 0;
	if (date_arg && !is_start)
		return cmd_usage(ctx, "--date goes with 'course start'");
	if (why && !is_stop)
		return cmd_usage(ctx, "--reason goes with 'course stop'");
	if (strcmp(sub, "show") == 0)
		return change(ctx, SHOW, 0, NULL, json);
	if (is_start)
		return change(ctx, START, date, NULL, json);
	if (is_stop)
		return change(ctx, STOP, 0, why, json);
	if (strcmp(sub, "resume") == 0)
		return change(ctx, RESUME, 0, NULL, json);
	return cmd_usage(ctx, "unknown subcommand \"%s\" (show, start, stop, resume)", sub);
}
