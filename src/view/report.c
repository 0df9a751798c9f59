/*
 * The personal HTML report (`mgtrack report --html` and the web app's
 * /report) and the pieces the trial report shares: one self-contained page
 * with inline CSS and SVG, no scripts, printable. It shows intake against
 * the target, every recorded outcome over the last N days on its own scale
 * (night-fields.tsv) with its rolling mean, the doses, the first dose and
 * shaded spans (trial periods, or before and on magnesium) with their
 * means, and the checkpoint review with a forest plot of its effects.
 * view_outcome_chart gives one of those charts alone, for the web.
 */
#include <ctype.h>
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

double view_night_value(const struct night *n, const char *field)
{
	char buf[32];
	double v;
	night_get(n, field, buf, sizeof(buf));
	return buf[0] && mg_parse_double(buf, -1e9, 1e9, &v) == 0 ? v : NAN;
}

/*
 * The y axis of an outcome, from data/night-fields.tsv: a rating is drawn
 * on its whole scale (sleep quality 1-5, the 0-10 ratings), so a flat week
 * looks flat; counts and minutes start at the table's minimum and reach
 * the data's highest value, because their table maximum is a typo guard
 * (720 minutes), not a scale anyone's nights fill.
 */
static struct svg_axis outcome_axis(const char *field, char *words, size_t len)
{
	struct svg_axis a = {.min = NAN, .max = NAN};
	const struct mg_table *t = tables_get("night-fields.tsv");
	long r = table_find(t, "field", field);
	words[0] = 0;
	if (r < 0)
		return a;
	const char *kind = table_cell(t, (size_t)r, "kind");
	double lo, hi;
	int have = mg_parse_double(table_cell(t, (size_t)r, "min"), -1e9, 1e9, &lo) == 0 &&
		   mg_parse_double(table_cell(t, (size_t)r, "max"), -1e9, 1e9, &hi) == 0 && hi > lo;
	if (!have)
		return a;
	if (strcmp(kind, "rating") == 0) {
		a.min = lo;
		a.max = hi;
		a.integer = 1;
		snprintf(words, len, "%.0f-%.0f, ", lo, hi);
	} else if (strcmp(kind, "count") == 0) {
		a.min = lo;
		a.integer = 1;
		snprintf(words, len, "per night, ");
	} else if (strcmp(kind, "minutes") == 0) {
		a.min = lo;
		a.integer = 1;
		a.unit = "min";
		snprintf(words, len, "minutes, ");
	}
	return a;
}

size_t view_trial_spans(const struct trial_design *d, struct svg_span *out, size_t max)
{
	struct trial_period per[2 * TRIAL_MAX_BLOCKS];
	size_t np = trial_periods(d, per, 2 * TRIAL_MAX_BLOCKS), n = 0;
	const char *control = strcmp(d->control, "placebo") == 0 ? "placebo" : "no magnesium";
	if (d->baseline_days > 0 && n < max)
		out[n++] = (struct svg_span){.from = d->start, .to = d->start + d->baseline_days - 1,
					     .shade = SVG_SHADE_NONE, .label = "baseline", .mean = 1};
	for (size_t i = 0; i < np && n < max; i++)
		out[n++] = (struct svg_span){.from = per[i].start, .to = per[i].end,
					     .shade = per[i].magnesium ? SVG_SHADE_GREEN : SVG_SHADE_GREY,
					     .label = per[i].magnesium ? "magnesium" : control, .mean = 1};
	return n;
}

/*
 * The spans a personal chart shades. An open or unblinded trial: its
 * baseline and periods. A blinded one: none, since the shading would give
 * the allocation away. Without a trial: the nights before the first dose,
 * and the nights the review counts as on magnesium (from its
 * review-on-from-day), each with its mean, so the chart shows the very
 * comparison the review makes. Returns how many spans were written.
 */
static size_t personal_spans(int have_trial, const struct trial_row *tr, long first_dose, long from, long today,
			     struct svg_span *out, size_t max)
{
	if (have_trial)
		return tr->design.blind && !tr->unblinded ? 0 : view_trial_spans(&tr->design, out, max);
	if (first_dose == MG_NO_DATE || max < 2)
		return 0;
	long on_from = first_dose + (long)tables_threshold("review-on-from-day", NULL) - 1;
	out[0] = (struct svg_span){.from = from, .to = first_dose - 1, .shade = SVG_SHADE_GREY,
				   .label = "before magnesium", .mean = 1};
	out[1] = (struct svg_span){.from = on_from, .to = today, .shade = SVG_SHADE_GREEN, .label = "on magnesium",
				   .mean = 1};
	return 2;
}

void view_outcome_charts(struct strbuf *sb, long from, size_t n, const struct night *nights, size_t n_nights,
			 const double *dose_mg, long first_dose, const struct svg_span *spans, size_t n_spans,
			 const char *only)
{
	const struct mg_table *t = tables_get("outcomes.tsv");
	int window = (int)tables_threshold("chart-mean-nights", NULL);
	int min_n = (int)tables_threshold("chart-mean-min-nights", NULL);
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
			if (k >= 0 && (size_t)k < n && !isnan(y[k] = view_night_value(&nights[i], field)))
				seen++;
		}
		if (!seen)
			continue;
		char kind_words[32];
		struct svg_axis axis = outcome_axis(field, kind_words, sizeof(kind_words));
		char title[128];
		snprintf(title, sizeof(title), "%s (%s%s is better)", name, kind_words, table_cell(t, r, "better"));
		struct svg_series s = {
			.title = title, .first_day = from, .n = n, .y = y, .axis = axis,
			.mean_window = window, .mean_min = min_n, .bars = dose_mg,
			.bars_label = "magnesium taken, mg", .spans = spans, .n_spans = n_spans,
			.marker_day = first_dose >= from ? first_dose : -1, .marker_label = "first dose",
		};
		strbuf_adds(sb, "<section>\n");
		svg_series_chart(sb, &s);
		strbuf_adds(sb, "</section>\n");
	}
	free(y);
}

void view_charts_note(struct strbuf *sb, enum view_spans spans, int first_dose)
{
	double min_n = tables_threshold("chart-mean-min-nights", NULL);
	strbuf_adds(sb, "<p class=\"note\">");
	html_addf(sb, "Dots: each night. Blue line: the mean of the %.0f nights centred on each night, drawn where at "
		  "least %.0f of them are recorded. ", tables_threshold("chart-mean-nights", NULL), min_n);
	if (spans == VIEW_SPANS_TRIAL)
		html_addf(sb, "Shaded: trial periods (green on magnesium, grey control); orange lines: the mean of each "
			  "period with at least %.0f nights, wash-in days included. ", min_n);
	else if (spans == VIEW_SPANS_COURSE)
		html_addf(sb, "Shaded: the course's phases (pale green titrating or stepping down, green maintenance, grey "
			  "paused) after the baseline; orange lines: the mean of the nights shown in each. ");
	else if (spans == VIEW_SPANS_DOSING)
		html_addf(sb, "Grey: before the first dose; green: from day %.0f of dosing, as the review counts nights; "
			  "orange lines: the mean of the nights shown in each. ",
			  tables_threshold("review-on-from-day", NULL));
	html_addf(sb, "Blue bars: magnesium taken.%s", first_dose ? " Dashed line: first dose." : "");
	strbuf_adds(sb, "</p>\n");
}

/* The unit a review outcome's numbers are in, from its mid_kind. */
static const char *mid_unit(const char *outcome)
{
	const struct mg_table *t = tables_get("outcomes.tsv");
	long r = table_find(t, "outcome", outcome);
	const char *kind = r >= 0 ? table_cell(t, (size_t)r, "mid_kind") : "";
	if (strcmp(kind, "minutes") == 0)
		return "min";
	if (strcmp(kind, "points") == 0)
		return "points";
	/* Cramps: the change in cramps a night. */
	return strcmp(kind, "fraction-or-weekly") == 0 ? "per night" : NULL;
}

void view_review_reasons_html(struct strbuf *sb, const struct review *r)
{
	strbuf_adds(sb, "<ul>\n");
	for (size_t i = 0; i < r->reasons.n; i++) {
		strbuf_adds(sb, "<li>");
		html_escape(sb, r->reasons.v[i].text);
		strbuf_adds(sb, " <span class=\"note\">[");
		html_escape(sb, r->reasons.v[i].rule);
		strbuf_adds(sb, "]</span></li>\n");
	}
	strbuf_adds(sb, "</ul>\n");
}

/* The review's effects as a forest plot, one row per outcome. */
static void effect_chart(struct strbuf *sb, const struct review *r)
{
	struct svg_effect rows[REVIEW_MAX_OUTCOMES];
	char labels[REVIEW_MAX_OUTCOMES][64];
	for (size_t i = 0; i < r->n_outcomes; i++) {
		const struct review_outcome *o = &r->outcomes[i];
		snprintf(labels[i], sizeof(labels[i]), "%s%s", o->name, i == r->primary ? " (primary)" : "");
		rows[i] = (struct svg_effect){.label = labels[i], .unit = mid_unit(o->name), .estimated = o->fitted,
					      .effect = o->effect, .lo = o->lo, .hi = o->hi, .mid = o->mid,
					      .higher_better = strcmp(o->better, "higher") == 0};
	}
	char title[96];
	snprintf(title, sizeof(title), "Change on magnesium, day %d, with its 95 %% interval", r->checkpoint_day);
	svg_effect_chart(sb, title, rows, r->n_outcomes);
}

static void review_section(struct strbuf *sb, const struct review *r)
{
	strbuf_adds(sb, "<h2>Checkpoint review</h2>\n<p><strong>");
	html_addf(sb, "Day %d: %s", r->checkpoint_day, r->decision);
	strbuf_adds(sb, "</strong></p>\n");
	view_review_reasons_html(sb, r);
	strbuf_adds(sb, "<section>\n");
	effect_chart(sb, r);
	strbuf_adds(sb, "</section>\n<table><tr><th>outcome</th><th class=\"n\">before</th><th class=\"n\">on magnesium</th>"
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

long view_report_days(sqlite3 *db, const struct profile *p, long today)
{
	struct course c;
	struct mg_err e = {0};
	long days = 42;
	if (journal_course_latest(db, p->id, &c, &e) > 0) {
		long want = today - c.started + 1 + (long)tables_threshold("report-baseline-days", NULL);
		days = want < 42 ? 42 : want > 366 ? 366 : want;
		course_release(&c);
	}
	return days;
}

int view_report_html(sqlite3 *db, const char *foods_path, const struct profile *p, long today, long days,
		     struct strbuf *sb, struct mg_err *e)
{
	if (days <= 0)
		days = view_report_days(db, p, today);
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
	if (targets_compute(p, today, &t, e) < 0 || intake_compute(db, p, from, today, &t, &in, e) < 0) {
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
	/* The course as it stands today: a step that is due is stored first,
	 * as every command that shows the course does, so the report's
	 * timeline and its text agree. */
	struct course_view cv;
	struct mg_err ce = {0};
	int have_course = view_course_load(db, foods_path, p, today, 1, 0, &cv, &ce) == 0;
	if (have_course && !cv.has_course) {
		view_course_release(&cv);
		have_course = 0;
	}

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
	html_addf(sb, "%d of %d days have food logged%s. ", in.days_logged, in.days,
		  in.food_known ? "" : " (too few to know the usual intake)");
	/* The same words as `intake` and `plan`: which days did not count. */
	struct notes ns;
	notes_init(&ns);
	intake_note_incomplete(&in, &ns);
	intake_note_unchecked(&in, &ns);
	intake_note_no_mg(&in, &ns);
	for (size_t i = 0; i < ns.n; i++)
		html_addf(sb, "%c%s [%s]. ", toupper((unsigned char)ns.v[i].text[0]), ns.v[i].text + 1, ns.v[i].rule);
	notes_release(&ns);
	html_escape(sb, t.basis);
	strbuf_adds(sb, "</p>\n</section>\n");
	if (have_course)
		view_course_section(sb, &cv, today);
	strbuf_adds(sb, "<h2>Nights</h2>\n");

	struct svg_span spans[2 * TRIAL_MAX_BLOCKS + 1];
	size_t n_spans = have_course && !have_trial
		? view_course_spans(&cv.course, from, today, spans, sizeof(spans) / sizeof(spans[0]))
		: personal_spans(have_trial, &tr, first_ever, from, today, spans, sizeof(spans) / sizeof(spans[0]));
	if (have_course)
		view_course_release(&cv);
	if (n_nights) {
		view_outcome_charts(sb, from, pd.n, nights, n_nights, pd.mg, first_ever, spans, n_spans, NULL);
		view_charts_note(sb, !n_spans ? VIEW_SPANS_NONE : have_trial ? VIEW_SPANS_TRIAL
						: have_course ? VIEW_SPANS_COURSE : VIEW_SPANS_DOSING,
				 first_ever != MG_NO_DATE && first_ever >= from);
	} else {
		strbuf_adds(sb, "<p>No nights logged in this period.</p>\n");
	}

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
	struct trial_row tr;
	int have_trial = 0;
	if (journal_dose_list(db, p->id, from, today, view_add_dose, &pd, e) < 0 ||
	    journal_dose_list(db, p->id, 0, today, view_add_dose, &all, e) < 0 ||
	    view_night_list(db, p->id, from, today, &nights, &n_nights, e) < 0 ||
	    (have_trial = journal_trial_active(db, p->id, &tr, e)) < 0) {
		free(pd.mg);
		free(nights);
		return -1;
	}
	/* The same spans as the report's chart, so the web shows the same. */
	struct svg_span spans[2 * TRIAL_MAX_BLOCKS + 1];
	size_t n_spans = personal_spans(have_trial, &tr, all.first, from, today, spans,
					sizeof(spans) / sizeof(spans[0]));
	size_t before = sb->len;
	view_outcome_charts(sb, from, pd.n, nights, n_nights, pd.mg, all.first, spans, n_spans, outcome);
	if (sb->len == before) {
		/* No night has this outcome yet: an empty chart says so. */
		double *y = mg_calloc(pd.n, sizeof(double));
		for (size_t i = 0; i < pd.n; i++)
			y[i] = NAN;
		char title[96], words[32];
		snprintf(title, sizeof(title), "%s (no nights logged yet)", outcome);
		struct svg_series s = {.title = title, .first_day = from, .n = pd.n, .y = y,
				       .axis = outcome_axis(table_cell(t, (size_t)table_find(t, "outcome", outcome),
								       "field"), words, sizeof(words)),
				       .bars = pd.mg, .bars_label = "magnesium taken, mg", .marker_day = -1};
		svg_series_chart(sb, &s);
		free(y);
	}
	free(pd.mg);
	free(nights);
	return 0;
}
