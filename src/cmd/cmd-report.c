/*
 * `mgtrack report --html FILE [--for-clinician]` and `mgtrack trial report
 * --html FILE`: one self-contained HTML file (inline CSS and SVG, no
 * scripts, printable). --for-clinician writes the one-page clinician
 * summary (view/report-clinician.c) instead of the personal report.
 * The personal report shows intake against the target, every recorded
 * outcome over the last N days with the doses and the first dose marked
 * (and trial periods shaded), and the checkpoint review. The trial report
 * follows the CENT items for an n-of-1 trial: design, periods, adherence,
 * results and limitations.
 */
#include <getopt.h>
#include <stdarg.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmd/cmd.h"
#include "core/intake.h"
#include "core/review.h"
#include "core/tables.h"
#include "core/trial.h"
#include "core/trialstats.h"
#include "io/html.h"
#include "io/svg.h"
#include "store/db.h"
#include "store/supplements.h"
#include "store/trials.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

/* --html FILE, and for `report` (days and clinician given) --days N or
 * --for-clinician: the clinician page covers the course, so a window of
 * days would mean nothing to it. */
static int html_option(struct cmd_ctx *ctx, int argc, char **argv, const char **path, long *days, int *clinician)
{
	static const struct option opts[] = {
		{"html", required_argument, NULL, 'h'}, {"days", required_argument, NULL, 'd'},
		{"for-clinician", no_argument, NULL, 'c'}, {NULL, 0, NULL, 0},
	};
	int c, rc;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'h')
			*path = optarg;
		else if (c == 'd' && days) {
			if ((rc = cmd_parse_long("--days", optarg, 7, 366, days)))
				return rc;
		} else if (c == 'c' && clinician)
			*clinician = 1;
		else
			return cmd_bad_option(ctx, c, argv);
	}
	if (optind < argc)
		return cmd_usage(ctx, "unexpected argument \"%s\"", argv[optind]);
	if (clinician && *clinician && days && *days)
		return cmd_usage(ctx, "give --days or --for-clinician, not both (the clinician page covers the course)");
	if (!*path || !**path)
		return cmd_usage(ctx, "give the output file with --html FILE");
	/* `--html --for-clinician` took the flag for the file name (a file
	 * that really starts with "--" can be given as ./--name). */
	if (strncmp(*path, "--", 2) == 0)
		return cmd_usage(ctx, "option \"--html\" needs a file name, not \"%s\"", *path);
	return cmd_check_path("--html", *path);
}

int cmd_report(int argc, char **argv, struct cmd_ctx *ctx)
{
	const char *path = NULL;
	long days = 0;   /* the view's default: the course and its baseline, else 42 days */
	int clinician = 0, rc;
	if ((rc = html_option(ctx, argc, argv, &path, &days, &clinician)))
		return rc;
	sqlite3 *db;
	struct profile p;
	struct mg_err e = {0};
	if ((rc = cmd_open_profile(ctx, &db, &p)))
		return rc;
	struct strbuf sb;
	strbuf_init(&sb);
	rc = clinician ? view_report_clinician_html(db, ctx->foods_path, &p, mg_today(), &sb, &e)
		       : view_report_html(db, ctx->foods_path, &p, mg_today(), days, &sb, &e);
	db_close(db);
	if (rc < 0) {
		strbuf_release(&sb);
		return cmd_fail(&e);
	}
	rc = cmd_write_file(path, strbuf_str(&sb), sb.len);
	strbuf_release(&sb);
	if (rc == 0)
		printf("%s written to %s\n", clinician ? "clinician summary" : "report", path);
	return rc;
}

int cmd_trial_report(int argc, char **argv, struct cmd_ctx *ctx)
{
	const char *path = NULL;
	int rc;
	if ((rc = html_option(ctx, argc, argv, &path, NULL, NULL)))
		return rc;
	sqlite3 *db;
	struct profile p;
	struct trial_row t;
	struct mg_err e = {0};
	if ((rc = cmd_open_profile(ctx, &db, &p)))
		return rc;
	int found = journal_trial_active(db, p.id, &t, &e);
	if (found <= 0) {
		db_close(db);
		if (found < 0)
			return cmd_fail(&e);
		fprintf(stderr, "mgtrack: no trial: design one with 'mgtrack trial design --outcome NAME'\n");
		return MG_ENOINPUT;
	}
	const struct trial_design *d = &t.design;
	if (d->blind && !t.unblinded) {
		db_close(db);
		fprintf(stderr, "mgtrack: the trial is blinded: run 'mgtrack trial unblind' after the last period\n");
		return MG_EDATA;
	}
	long end = trial_end(d);
	struct view_dose_days pd = {.from = d->start, .n = (size_t)(end - d->start + 1), .first = MG_NO_DATE};
	pd.mg = mg_calloc(pd.n, sizeof(double));
	struct night *nights = NULL;
	size_t n_nights = 0;
	if (journal_dose_list(db, p.id, d->start, end, view_add_dose, &pd, &e) < 0 ||
	    view_night_list(db, p.id, d->start, end, &nights, &n_nights, &e) < 0) {
		db_close(db);
		free(pd.mg);
		free(nights);
		return cmd_fail(&e);
	}
	db_close(db);
	int *dosed = mg_calloc(pd.n, sizeof(int));
	for (size_t i = 0; i < pd.n; i++)
		dosed[i] = pd.mg[i] > 0;
	struct trial_analysis an;
	rc = trial_analyze(d, nights, n_nights, dosed, d->seed, 0, &an, &e);
	free(dosed);
	if (rc < 0) {
		free(pd.mg);
		free(nights);
		return cmd_fail(&e);
	}
	struct strbuf sb;
	strbuf_init(&sb);
	char title[128], a[16], b[16];
	snprintf(title, sizeof(title), "n-of-1 trial of magnesium: %s", p.name);
	html_begin(&sb, title);
	strbuf_adds(&sb, "<p class=\"note\">");
	html_escape(&sb, view_not_advice);
	strbuf_adds(&sb, "</p>\n<h2>Design</h2>\n<p>");
	mg_format_date(d->start, a, sizeof(a));
	mg_format_date(end, b, sizeof(b));
	html_addf(&sb, "A single-person crossover trial from %s to %s: %d baseline days, then %d blocks of two %d-day "
		  "periods (magnesium and %s), the order within each block drawn at random from seed %lu. The first %d "
		  "days of each period are a wash-in, left out of the primary analysis. Primary outcome: %s, fixed at "
		  "design time; design hash %s. %s.", a, b, d->baseline_days, d->blocks, d->period_days,
		  strcmp(d->control, "placebo") == 0 ? "placebo" : "no magnesium", d->seed, d->washin_days, d->outcome,
		  d->hash, d->blind ? "Blinded: a helper prepared identical capsules from a sealed allocation"
				    : "Open label: the participant knew the allocation");
	strbuf_adds(&sb, "</p>\n<h2>Periods</h2>\n<table><tr><th>block</th><th>from</th><th>to</th><th>arm</th></tr>\n");
	struct trial_period per[2 * TRIAL_MAX_BLOCKS];
	size_t np = trial_periods(d, per, 2 * TRIAL_MAX_BLOCKS);
	struct svg_span spans[2 * TRIAL_MAX_BLOCKS + 1];
	size_t n_spans = view_trial_spans(d, spans, sizeof(spans) / sizeof(spans[0]));
	for (size_t i = 0; i < np; i++) {
		mg_format_date(per[i].start, a, sizeof(a));
		mg_format_date(per[i].end, b, sizeof(b));
		strbuf_adds(&sb, "<tr>");
		view_html_cell(&sb, 0, "%d", per[i].block);
		view_html_cell(&sb, 0, "%s", a);
		view_html_cell(&sb, 0, "%s", b);
		view_html_cell(&sb, 0, "%s", per[i].magnesium ? "magnesium" : d->control);
		strbuf_adds(&sb, "</tr>\n");
	}
	strbuf_adds(&sb, "</table>\n<h2>Adherence and data</h2>\n<p>");
	html_addf(&sb, "Nights analysed: %d on magnesium, %d control (after wash-in). ", an.nights_magnesium,
		  an.nights_control);
	if (!isnan(an.adherence_magnesium))
		html_addf(&sb, "Doses were logged on %.0f %% of magnesium days and %.0f %% of control days.",
			  100 * an.adherence_magnesium, 100 * an.doses_in_control);
	strbuf_adds(&sb, "</p>\n<section>\n");
	view_outcome_charts(&sb, d->start, pd.n, nights, n_nights, pd.mg, -1, spans, n_spans, d->outcome);
	view_charts_note(&sb, VIEW_SPANS_TRIAL, 0);
	strbuf_adds(&sb, "</section>\n<h2>Results</h2>\n<table>\n");
	strbuf_adds(&sb, "<tr><th>analysis</th><th class=\"n\">effect</th><th class=\"n\">95 % interval</th>"
		    "<th class=\"n\">p or P(benefit)</th></tr>\n");
	if (!isnan(an.mean_diff)) {
		strbuf_adds(&sb, "<tr><td>paired, block means</td>");
		view_html_cell(&sb, 1, "%+.2f", an.mean_diff);
		view_html_cell(&sb, 1, "%+.2f to %+.2f", an.ci_lo, an.ci_hi);
		view_html_cell(&sb, 1, "p = %.3f", an.p_paired);
		strbuf_adds(&sb, "</tr>\n<tr><td>randomisation test (all orders)</td><td></td><td></td>");
		view_html_cell(&sb, 1, "p = %.3f", an.p_randomization);
		strbuf_adds(&sb, "</tr>\n");
	}
	const struct trial_bayes *bs[2] = {&an.bayes, &an.sensitivity};
	const char *names[2] = {"Bayesian, AR(1) errors and block effects", "the same, wash-in days included"};
	for (int i = 0; i < 2; i++) {
		if (!bs[i]->fitted)
			continue;
		strbuf_adds(&sb, "<tr>");
		view_html_cell(&sb, 0, "%s", names[i]);
		view_html_cell(&sb, 1, "%+.2f", bs[i]->median);
		view_html_cell(&sb, 1, "%+.2f to %+.2f", bs[i]->lo, bs[i]->hi);
		view_html_cell(&sb, 1, "P = %.2f", bs[i]->p_benefit);
		strbuf_adds(&sb, "</tr>\n");
	}
	strbuf_adds(&sb, "</table>\n<p class=\"note\">");
	html_addf(&sb, "Effect = magnesium minus control in %s (%s is better); P = probability that the benefit exceeds "
		  "the meaningful difference of %.2f.", an.outcome, an.better, an.mid);
	strbuf_adds(&sb, "</p>\n<h2>Limitations</h2>\n<ul>\n<li>The result applies to this person, in these weeks; it "
		    "is not evidence about anyone else.</li>\n<li>");
	html_escape(&sb, d->blind ? "Blinding depends on capsules that look and taste the same."
				  : "The participant knew which periods were magnesium: expectation can explain part of any effect.");
	strbuf_adds(&sb, "</li>\n<li>Effects that carry over beyond the wash-in days, and missing nights, weaken the "
		    "comparison; the sensitivity analysis shows how much the wash-in choice matters.</li>\n");
	if (d->blocks < 5)
		strbuf_adds(&sb, "<li>With fewer than 5 blocks the randomisation test cannot reach p &lt; 0.05.</li>\n");
	strbuf_adds(&sb, "</ul>\n");
	html_end(&sb, "Made by mgtrack from your own journal; the structure follows the CONSORT extension for n-of-1 "
		      "trials (CENT 2015). Not medical advice.");
	free(pd.mg);
	free(nights);
	rc = cmd_write_file(path, strbuf_str(&sb), sb.len);
	strbuf_release(&sb);
	if (rc == 0)
		printf("trial report written to %s\n", path);
	return rc;
}
