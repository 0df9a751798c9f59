/*
 * The personal HTML report (`mgtrack report --html` and the web app's
 * /report) and the pieces the trial report shares: one self-contained page
 * with inline CSS and SVG, no scripts, printable. It shows intake against
 * the target, every recorded outcome over the last N days with the doses
 * and the first dose marked (trial periods shaded), and the checkpoint
 * review. view_outcome_chart gives one of those charts alone, for the web.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/night.h"
#include "core/trial.h"
#include "io/html.h"
#include "io/svg.h"
#include "store/trials.h"
#include "view/view.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

/* <td>TEXT</td> with the formatted text escaped; numeric cells align right. */
void view_html_cell(struct strbuf *sb, int numeric, const char *fmt, ...)
{
	strbuf_adds(sb, numeric ? "<td class=\"n\">" : "<td>");
	va_list ap;
	va_start(ap, fmt);
	html_vaddf(sb, fmt, ap);
	va_end(ap);
	strbuf_adds(sb, "</td>");
}

int view_add_dose(const struct dose_entry *d, void *ctx)
{
	struct view_dose_days *pd = ctx;
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
void view_outcome_charts(struct strbuf *sb, long from, size_t n, const struct night *nights, size_t n_nights,
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
		view_html_cell(sb, 0, "%s%s", o->name, i == r->primary ? " (primary)" : "");
		view_html_cell(sb, 1, isnan(o->baseline_mean) ? "-" : "%.2f", o->baseline_mean);
		view_html_cell(sb, 1, isnan(o->on_mean) ? "-" : "%.2f", o->on_mean);
		if (o->fitted) {
			view_html_cell(sb, 1, "%+.2f", o->effect);
			view_html_cell(sb, 1, "%+.2f to %+.2f", o->lo, o->hi);
			view_html_cell(sb, 1, "%.2f", o->p_benefit);
		} else {
			strbuf_adds(sb, "<td class=\"n\">-</td><td class=\"n\">-</td><td class=\"n\">-</td>");
		}
		strbuf_adds(sb, "</tr>\n");
	}
	strbuf_adds(sb, "</table>\n");
}

int view_report_html(sqlite3 *db, const char *foods_path, const struct profile *p, long today, long days,
		     struct strbuf *sb, struct mg_err *e)
{
	long from = today - days + 1;
	struct view_dose_days pd = {.from = from, .n = (size_t)days, .first = MG_NO_DATE};
	pd.mg = mg_calloc(pd.n, sizeof(double));
	struct night *nights = NULL;
	size_t n_nights = 0;
	struct targets t;
	struct intake in;
	struct trial_row tr;
	int have_trial = 0;
	long first_ever = MG_NO_DATE;
	struct view_dose_days all = {.from = 0, .n = 0, .first = MG_NO_DATE};
	if (targets_compute(p, today, &t, e) < 0 || intake_compute(db, p->id, from, today, &t, &in, e) < 0) {
		free(pd.mg);
		return -1;
	}
	if (journal_dose_list(db, p->id, from, today, view_add_dose, &pd, e) < 0 ||
	    journal_dose_list(db, p->id, 0, today, view_add_dose, &all, e) < 0 ||
	    view_night_list(db, p->id, from, today, &nights, &n_nights, e) < 0 ||
	    (have_trial = journal_trial_active(db, p->id, &tr, e)) < 0) {
		free(pd.mg);
		free(nights);
		intake_release(&in);
		return -1;
	}
	first_ever = all.first;

	char title[160], a[16], b[16];
	mg_format_date(from, a, sizeof(a));
	mg_format_date(today, b, sizeof(b));
	snprintf(title, sizeof(title), "mgtrack report: %s, %s to %s", p->name, a, b);
	html_begin(sb, title);
	strbuf_adds(sb, "<p class=\"note\">");
	html_escape(sb, view_not_advice);
	strbuf_adds(sb, "</p>\n<h2>Intake against the target</h2>\n<section>\n");
	const char *labels[] = {"food (per logged day)", "supplements (per day)", "total"};
	double values[] = {in.food_mg, in.supplement_mg, in.total_mg};
	char target_label[64];
	snprintf(target_label, sizeof(target_label), "target %.0f mg", t.target_mg);
	svg_bar_chart(sb, "Magnesium, mg a day", labels, values, 3, t.target_mg, target_label);
	strbuf_adds(sb, "<p class=\"note\">");
	html_addf(sb, "%d of %d days have food logged%s. %s", in.days_logged, in.days,
		  in.food_known ? "" : " (too few to know the usual intake)", t.basis);
	strbuf_adds(sb, "</p>\n</section>\n<h2>Nights</h2>\n");

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
		view_outcome_charts(sb, from, pd.n, nights, n_nights, pd.mg, first_ever, spans, n_spans, NULL);
	else
		strbuf_adds(sb, "<p>No nights logged in this period.</p>\n");
	if (n_spans)
		strbuf_adds(sb, "<p class=\"note\">Shaded: trial periods (green on magnesium, grey control). "
			    "Blue bars: magnesium taken. Dashed line: first dose.</p>\n");

	free(nights);
	if (first_ever != MG_NO_DATE) {
		/* The review up to today, exactly as `mgtrack review` gives it. */
		struct review r;
		struct mg_err re = {0};
		if (view_review_compute(db, foods_path, p, today, 0, NULL, &r, &re) == 0) {
			review_section(sb, &r);
			review_release(&r);
		}
	}
	html_end(sb, "Made by mgtrack from your own journal; nothing here left your machine. Not medical advice.");
	free(pd.mg);
	intake_release(&in);
	return 0;
}

int view_outcome_chart(sqlite3 *db, const struct profile *p, long today, long days, const char *outcome,
		       struct strbuf *sb, struct mg_err *e)
{
	const struct mg_table *t = tables_get("outcomes.tsv");
	if (table_find(t, "outcome", outcome) < 0)
		return mg_err_set(e, MG_EDATA, "outcome \"%s\" is not one of the outcomes (see 'mgtrack review --help')",
				  outcome);
	long from = today - days + 1;
	struct view_dose_days pd = {.from = from, .n = (size_t)days, .first = MG_NO_DATE};
	struct view_dose_days all = {.from = 0, .n = 0, .first = MG_NO_DATE};
	pd.mg = mg_calloc(pd.n, sizeof(double));
	struct night *nights = NULL;
	size_t n_nights = 0;
	if (journal_dose_list(db, p->id, from, today, view_add_dose, &pd, e) < 0 ||
	    journal_dose_list(db, p->id, 0, today, view_add_dose, &all, e) < 0 ||
	    view_night_list(db, p->id, from, today, &nights, &n_nights, e) < 0) {
		free(pd.mg);
		return -1;
	}
	size_t before = sb->len;
	view_outcome_charts(sb, from, pd.n, nights, n_nights, pd.mg, all.first, NULL, 0, outcome);
	if (sb->len == before) {
		/* No night has this outcome yet: an empty chart says so. */
		double *y = mg_calloc(pd.n, sizeof(double));
		for (size_t i = 0; i < pd.n; i++)
			y[i] = NAN;
		char title[96];
		snprintf(title, sizeof(title), "%s (no nights logged yet)", outcome);
		struct svg_series s = {.title = title, .first_day = from, .n = pd.n, .y = y, .bars = pd.mg,
				       .bars_label = "magnesium mg", .marker_day = -1};
		svg_series_chart(sb, &s);
		free(y);
	}
	free(pd.mg);
	free(nights);
	return 0;
}
