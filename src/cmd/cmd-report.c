/*
 * `mgtrack report --html FILE` and `mgtrack trial report --html FILE`: one
 * self-contained HTML file (inline CSS and SVG, no scripts, printable).
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

/* <td>TEXT</td> with the formatted text escaped; numeric cells align right. */
static void cell(struct strbuf *sb, int numeric, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void cell(struct strbuf *sb, int numeric, const char *fmt, ...)
{
	strbuf_adds(sb, numeric ? "<td class=\"n\">" : "<td>");
	va_list ap;
	va_start(ap, fmt);
	html_vaddf(sb, fmt, ap);
	va_end(ap);
	strbuf_adds(sb, "</td>");
}

struct per_day {
	long from;
	size_t n;
	double *mg;       /* supplement mg per day */
	long first;       /* first dose in the window, or MG_NO_DATE */
};

static int add_dose(const struct dose_entry *d, void *ctx)
{
	struct per_day *pd = ctx;
	long k = d->date - pd->from;
	if (k >= 0 && (size_t)k < pd->n)
		pd->mg[k] += d->elemental_mg;
	if (pd->first == MG_NO_DATE)
		pd->first = d->date;
	return 0;
}

static double night_value(const struct night *n, const char *field)
{
	char buf[32];
	double v;
	night_get(n, field, buf, sizeof(buf));
	return buf[0] && mg_parse_double(buf, -1e9, 1e9, &v) == 0 ? v : NAN;
}

/* One chart per outcome that has any night in the window. */
static void outcome_charts(struct strbuf *sb, long from, size_t n, const struct night *nights, size_t n_nights,
			   const double *dose_mg, long first_dose, const struct svg_span *spans, size_t n_spans,
			   const char *only)
{
	const struct mg_table *t = tables_get("outcomes.tsv");
	double *y = mg_calloc(n, sizeof(double));
	for (size_t r = 0; r < t->nrows; r++) {
		const char *name = table_cell(t, r, "outcome"), *field = table_cell(t, r, "field");
		if (only && strcmp(only, name) != 0)
			continue;
		size_t seen = 0;
		for (size_t i = 0; i < n; i++)
			y[i] = NAN;
		for (size_t i = 0; i < n_nights; i++) {
			long k = nights[i].date - from;
			if (k >= 0 && (size_t)k < n && !isnan(y[k] = night_value(&nights[i], field)))
				seen++;
		}
		if (!seen)
			continue;
		char title[96];
		snprintf(title, sizeof(title), "%s (%s is better)", name, table_cell(t, r, "better"));
		struct svg_series s = {
			.title = title, .first_day = from, .n = n, .y = y, .bars = dose_mg,
			.bars_label = "magnesium mg", .spans = spans, .n_spans = n_spans,
			.marker_day = first_dose >= from ? first_dose : -1, .marker_label = "first dose",
		};
		strbuf_adds(sb, "<section>\n");
		svg_series_chart(sb, &s);
		strbuf_adds(sb, "</section>\n");
	}
	free(y);
}

static void review_section(struct strbuf *sb, const struct review *r)
{
	strbuf_adds(sb, "<h2>Checkpoint review</h2>\n<p><strong>");
	html_addf(sb, "Day %d: %s", r->checkpoint_day, r->decision);
	strbuf_adds(sb, "</strong></p>\n<ul>\n");
	for (size_t i = 0; i < r->reasons.n; i++) {
		strbuf_adds(sb, "<li>");
		html_escape(sb, r->reasons.v[i].text);
		strbuf_adds(sb, " <span class=\"note\">[");
		html_escape(sb, r->reasons.v[i].rule);
		strbuf_adds(sb, "]</span></li>\n");
	}
	strbuf_adds(sb, "</ul>\n<table><tr><th>outcome</th><th class=\"n\">before</th><th class=\"n\">on magnesium</th>"
		    "<th class=\"n\">change</th><th class=\"n\">95 % interval</th><th class=\"n\">P(better)</th></tr>\n");
	for (size_t i = 0; i < r->n_outcomes; i++) {
		const struct review_outcome *o = &r->outcomes[i];
		strbuf_adds(sb, "<tr>");
		cell(sb, 0, "%s%s", o->name, i == r->primary ? " (primary)" : "");
		cell(sb, 1, isnan(o->baseline_mean) ? "-" : "%.2f", o->baseline_mean);
		cell(sb, 1, isnan(o->on_mean) ? "-" : "%.2f", o->on_mean);
		if (o->fitted) {
			cell(sb, 1, "%+.2f", o->effect);
			cell(sb, 1, "%+.2f to %+.2f", o->lo, o->hi);
			cell(sb, 1, "%.2f", o->p_benefit);
		} else {
			strbuf_adds(sb, "<td class=\"n\">-</td><td class=\"n\">-</td><td class=\"n\">-</td>");
		}
		strbuf_adds(sb, "</tr>\n");
	}
	strbuf_adds(sb, "</table>\n");
}

static int html_option(struct cmd_ctx *ctx, int argc, char **argv, const char **path, long *days)
{
	static const struct option opts[] = {
		{"html", required_argument, NULL, 'h'}, {"days", required_argument, NULL, 'd'}, {NULL, 0, NULL, 0},
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
		} else
			return cmd_bad_option(ctx, c, argv);
	}
	if (optind < argc)
		return cmd_usage(ctx, "unexpected argument \"%s\"", argv[optind]);
	if (!*path || !**path)
		return cmd_usage(ctx, "give the output file with --html FILE");
	return 0;
}

int cmd_report(int argc, char **argv, struct cmd_ctx *ctx)
{
	const char *path = NULL;
	long days = 42;
	int rc;
	if ((rc = html_option(ctx, argc, argv, &path, &days)))
		return rc;
	long today = mg_today(), from = today - days + 1;
	sqlite3 *db;
	struct profile p;
	struct mg_err e = {0};
	if ((rc = cmd_open_profile(ctx, &db, &p)))
		return rc;
	struct per_day pd = {.from = from, .n = (size_t)days, .first = MG_NO_DATE};
	pd.mg = mg_calloc(pd.n, sizeof(double));
	struct night *nights = NULL;
	size_t n_nights = 0;
	struct targets t;
	struct intake in;
	struct trial_row tr;
	int have_trial = 0;
	long first_ever = MG_NO_DATE;
	struct per_day all = {.from = 0, .n = 0, .first = MG_NO_DATE};
	if (targets_compute(&p, today, &t, &e) < 0 || intake_compute(db, p.id, from, today, &t, &in, &e) < 0 ||
	    journal_dose_list(db, p.id, from, today, add_dose, &pd, &e) < 0 ||
	    journal_dose_list(db, p.id, 0, today, add_dose, &all, &e) < 0 ||
	    cmd_night_view(db, p.id, from, today, &nights, &n_nights, &e) < 0 ||
	    (have_trial = journal_trial_active(db, p.id, &tr, &e)) < 0) {
		db_close(db);
		free(pd.mg);
		free(nights);
		return cmd_fail(&e);
	}
	db_close(db);
	first_ever = all.first;

	struct strbuf sb;
	strbuf_init(&sb);
	char title[160], a[16], b[16];
	mg_format_date(from, a, sizeof(a));
	mg_format_date(today, b, sizeof(b));
	snprintf(title, sizeof(title), "mgtrack report: %s, %s to %s", p.name, a, b);
	html_begin(&sb, title);
	strbuf_adds(&sb, "<p class=\"note\">");
	html_escape(&sb, cmd_not_advice);
	strbuf_adds(&sb, "</p>\n<h2>Intake against the target</h2>\n<section>\n");
	const char *labels[] = {"food (per logged day)", "supplements (per day)", "total"};
	double values[] = {in.food_mg, in.supplement_mg, in.total_mg};
	char target_label[64];
	snprintf(target_label, sizeof(target_label), "target %.0f mg", t.target_mg);
	svg_bar_chart(&sb, "Magnesium, mg a day", labels, values, 3, t.target_mg, target_label);
	strbuf_adds(&sb, "<p class=\"note\">");
	html_addf(&sb, "%d of %d days have food logged%s. %s", in.days_logged, in.days,
		  in.food_known ? "" : " (too few to know the usual intake)", t.basis);
	strbuf_adds(&sb, "</p>\n</section>\n<h2>Nights</h2>\n");

	struct svg_span spans[2 * TRIAL_MAX_BLOCKS];
	size_t n_spans = 0;
	if (have_trial && !(tr.design.blind && !tr.unblinded)) {
		struct trial_period per[2 * TRIAL_MAX_BLOCKS];
		size_t np = trial_periods(&tr.design, per, 2 * TRIAL_MAX_BLOCKS);
		for (size_t i = 0; i < np; i++) {
			spans[n_spans].from = per[i].start;
			spans[n_spans].to = per[i].end;
			spans[n_spans++].magnesium = per[i].magnesium;
		}
	}
	if (n_nights)
		outcome_charts(&sb, from, pd.n, nights, n_nights, pd.mg, first_ever, spans, n_spans, NULL);
	else
		strbuf_adds(&sb, "<p>No nights logged in this period.</p>\n");
	if (n_spans)
		strbuf_adds(&sb, "<p class=\"note\">Shaded: trial periods (green on magnesium, grey control). "
			    "Blue bars: magnesium taken. Dashed line: first dose.</p>\n");

	free(nights);
	if (first_ever != MG_NO_DATE) {
		/* The review over all nights up to today, as `mgtrack review` gives it. */
		struct night *all_nights = NULL;
		size_t n_all = 0;
		if ((rc = cmd_open_profile(ctx, &db, &p)) == 0) {
			if (cmd_night_view(db, p.id, 0, today, &all_nights, &n_all, &e) == 0) {
				struct review r;
				struct review_input ri = {.profile = &p, .first_dose = first_ever, .at = today,
							  .nights = all_nights, .n_nights = n_all, .seed = 1};
				if (review_compute(&ri, &r, &e) == 0)
					review_section(&sb, &r);
				review_release(&r);
			}
			db_close(db);
			free(all_nights);
		}
	}
	html_end(&sb, "Made by mgtrack from your own journal; nothing here left your machine. Not medical advice.");
	free(pd.mg);
	intake_release(&in);
	rc = cmd_write_file(path, strbuf_str(&sb), sb.len);
	strbuf_release(&sb);
	if (rc == 0)
		printf("report written to %s\n", path);
	return rc;
}

int cmd_trial_report(int argc, char **argv, struct cmd_ctx *ctx)
{
	const char *path = NULL;
	int rc;
	if ((rc = html_option(ctx, argc, argv, &path, NULL)))
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
	struct per_day pd = {.from = d->start, .n = (size_t)(end - d->start + 1), .first = MG_NO_DATE};
	pd.mg = mg_calloc(pd.n, sizeof(double));
	struct night *nights = NULL;
	size_t n_nights = 0;
	if (journal_dose_list(db, p.id, d->start, end, add_dose, &pd, &e) < 0 ||
	    cmd_night_view(db, p.id, d->start, end, &nights, &n_nights, &e) < 0) {
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
	html_escape(&sb, cmd_not_advice);
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
	struct svg_span spans[2 * TRIAL_MAX_BLOCKS];
	for (size_t i = 0; i < np; i++) {
		mg_format_date(per[i].start, a, sizeof(a));
		mg_format_date(per[i].end, b, sizeof(b));
		strbuf_adds(&sb, "<tr>");
		cell(&sb, 0, "%d", per[i].block);
		cell(&sb, 0, "%s", a);
		cell(&sb, 0, "%s", b);
		cell(&sb, 0, "%s", per[i].magnesium ? "magnesium" : d->control);
		strbuf_adds(&sb, "</tr>\n");
		spans[i] = (struct svg_span){per[i].start, per[i].end, per[i].magnesium};
	}
	strbuf_adds(&sb, "</table>\n<h2>Adherence and data</h2>\n<p>");
	html_addf(&sb, "Nights analysed: %d on magnesium, %d control (after wash-in). ", an.nights_magnesium,
		  an.nights_control);
	if (!isnan(an.adherence_magnesium))
		html_addf(&sb, "Doses were logged on %.0f %% of magnesium days and %.0f %% of control days.",
			  100 * an.adherence_magnesium, 100 * an.doses_in_control);
	strbuf_adds(&sb, "</p>\n<section>\n");
	outcome_charts(&sb, d->start, pd.n, nights, n_nights, pd.mg, -1, spans, np, d->outcome);
	strbuf_adds(&sb, "</section>\n<h2>Results</h2>\n<table>\n");
	strbuf_adds(&sb, "<tr><th>analysis</th><th class=\"n\">effect</th><th class=\"n\">95 % interval</th>"
		    "<th class=\"n\">p or P(benefit)</th></tr>\n");
	if (!isnan(an.mean_diff)) {
		strbuf_adds(&sb, "<tr><td>paired, block means</td>");
		cell(&sb, 1, "%+.2f", an.mean_diff);
		cell(&sb, 1, "%+.2f to %+.2f", an.ci_lo, an.ci_hi);
		cell(&sb, 1, "p = %.3f", an.p_paired);
		strbuf_adds(&sb, "</tr>\n<tr><td>randomisation test (all orders)</td><td></td><td></td>");
		cell(&sb, 1, "p = %.3f", an.p_randomization);
		strbuf_adds(&sb, "</tr>\n");
	}
	const struct trial_bayes *bs[2] = {&an.bayes, &an.sensitivity};
	const char *names[2] = {"Bayesian, AR(1) errors and block effects", "the same, wash-in days included"};
	for (int i = 0; i < 2; i++) {
		if (!bs[i]->fitted)
			continue;
		strbuf_adds(&sb, "<tr>");
		cell(&sb, 0, "%s", names[i]);
		cell(&sb, 1, "%+.2f", bs[i]->median);
		cell(&sb, 1, "%+.2f to %+.2f", bs[i]->lo, bs[i]->hi);
		cell(&sb, 1, "P = %.2f", bs[i]->p_benefit);
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
