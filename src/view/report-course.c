/*
 * The course in the HTML report: where the person stands (day, phase,
 * adherence), a timeline of the dose planned each day against the
 * magnesium taken with the phases shaded, the checkpoints, and every
 * version with its reason and rule: what changed, when and why. The
 * phases also shade the outcome charts (view_course_spans), each with the
 * outcome's mean over the phase, so a reader sees how the nights went on
 * each dose.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "io/html.h"
#include "io/svg.h"
#include "view/view.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

const char *view_phase_words(enum course_phase p)
{
	switch (p) {
	case PHASE_TITRATING: return "titrating";
	case PHASE_MAINTENANCE: return "maintenance";
	case PHASE_STEPPING_DOWN: return "stepping down";
	case PHASE_PAUSED: return "paused";
	case PHASE_STOPPED: return "stopped";
	}
	return "";
}

static enum svg_shade phase_shade(enum course_phase p)
{
	return p == PHASE_MAINTENANCE ? SVG_SHADE_GREEN
	     : p == PHASE_TITRATING || p == PHASE_STEPPING_DOWN ? SVG_SHADE_PALE_GREEN : SVG_SHADE_GREY;
}

size_t view_course_spans(const struct course *c, long from, long today, struct svg_span *out, size_t max)
{
	size_t n = 0;
	if (!c->n || max == 0)
		return 0;
	if (c->started > from)
		out[n++] = (struct svg_span){.from = from, .to = c->started - 1, .shade = SVG_SHADE_NONE,
					     .label = "baseline", .mean = 1};
	long end = c->ended != MG_NO_DATE && c->ended < today ? c->ended : today;
	/* Versions in a row with the same phase make one span (a split or a
	 * retime does not start a new phase). */
	for (size_t i = 0; i < c->n && n < max; i++) {
		const struct course_version *v = &c->v[i];
		if (v->phase == PHASE_STOPPED)
			break;
		long to = i + 1 < c->n ? c->v[i + 1].from - 1 : end;
		if (to < v->from)
			continue;
		if (n && out[n - 1].to == v->from - 1 && out[n - 1].label &&
		    strcmp(out[n - 1].label, view_phase_words(v->phase)) == 0) {
			out[n - 1].to = to;
			continue;
		}
		out[n++] = (struct svg_span){.from = v->from, .to = to, .shade = phase_shade(v->phase),
					     .label = view_phase_words(v->phase), .mean = 1};
	}
	return n;
}

void view_course_intakes_html(struct strbuf *sb, const struct course_version *v)
{
	for (size_t i = 0; i < v->n_intakes; i++) {
		char t[8];
		mg_format_hhmm(v->intakes[i].time, t, sizeof(t));
		char units[32];
		html_addf(sb, "%s%s %.0f mg (%s)", i ? ", " : "", t, v->intakes[i].mg,
			  view_units(v->intakes[i].units, v->divisible, "unit", units, sizeof(units)));
	}
	if (!v->n_intakes)
		strbuf_adds(sb, "none");
}

void view_course_section(struct strbuf *sb, const struct course_view *cv, long today)
{
	const struct course *c = &cv->course;
	const struct course_state *st = &cv->state;
	char d[16], e[16];
	mg_format_date(c->started, d, sizeof(d));
	strbuf_adds(sb, "<h2>Your course</h2>\n<section>\n<p>");
	html_addf(sb, "Started %s; today is day %d, %s, on %.0f mg a day of %s (\"%s\").", d, st->day,
		  view_phase_words(st->now.phase), st->now.daily_mg, st->now.form, st->now.product_name);
	if (st->adherence.days_planned)
		html_addf(sb, " Adherence: %.0f %% of the magnesium planned; %d of %d days at %.0f %% or more.",
			  st->adherence.mg_pct, st->adherence.days_adherent, st->adherence.days_planned,
			  100 * tables_threshold("course-adherent-day", NULL));
	if (!isnan(st->adherence.on_time_pct))
		html_addf(sb, " %.0f %% of intakes on time.", st->adherence.on_time_pct);
	html_addf(sb, " Next: %s", st->next_what);
	if (st->next_date != MG_NO_DATE) {
		mg_format_date(st->next_date, e, sizeof(e));
		html_addf(sb, " (%s)", e);
	}
	strbuf_adds(sb, ".</p>\n");

	/* The dose planned each day (points) against the magnesium taken of
	 * any product (bars), phases shaded; the day-42 checkpoint marked. */
	long end = c->ended != MG_NO_DATE && c->ended < today ? c->ended : today;
	size_t n = (size_t)(end - c->started + 1);
	double *planned = mg_calloc(n, sizeof(double)), *taken = mg_calloc(n, sizeof(double));
	double top = 0;
	for (size_t i = 0; i < n; i++) {
		const struct course_version *v = course_version_on(c, c->started + (long)i);
		planned[i] = v ? v->daily_mg : NAN;
		top = fmax(top, planned[i]);
	}
	for (size_t k = 0; k < cv->n_doses; k++) {
		long i = cv->doses[k].date - c->started;
		if (!cv->doses[k].skipped && i >= 0 && (size_t)i < n)
			taken[i] += cv->doses[k].elemental_mg;
	}
	struct svg_span spans[32];
	size_t n_spans = view_course_spans(c, c->started, end, spans, sizeof(spans) / sizeof(spans[0]));
	for (size_t i = 0; i < n_spans; i++)
		spans[i].mean = 0;
	long marker = c->started + st->checkpoint_day[1] - 1;
	struct svg_series s = {
		.title = "magnesium planned a day (dots, mg) and taken (bars)", .first_day = c->started, .n = n,
		.y = planned, .axis = {.min = 0, .max = top > 0 ? top : 100, .integer = 1, .unit = "mg"},
		.bars = taken, .bars_label = "magnesium taken, mg", .spans = spans, .n_spans = n_spans,
		.marker_day = marker <= end ? marker : -1, .marker_label = "day-42 checkpoint",
	};
	svg_series_chart(sb, &s);
	free(planned);
	free(taken);

	strbuf_adds(sb, "<p class=\"note\">");
	for (size_t i = 0; i < 2; i++) {
		mg_format_date(st->checkpoint_date[i], e, sizeof(e));
		html_addf(sb, "%sCheckpoint day %d: %s%s.", i ? " " : "", st->checkpoint_day[i], e,
			  st->checkpoint_date[i] <= today ? " (reached)" : "");
	}
	strbuf_adds(sb, " Shaded: pale green titrating or stepping down, green maintenance, grey paused.</p>\n");

	strbuf_adds(sb, "<table>\n<tr><th>#</th><th>from</th><th>day</th><th>phase</th><th>mg a day</th>"
			"<th>intakes (capsules)</th><th>why</th></tr>\n");
	for (size_t i = 0; i < c->n; i++) {
		const struct course_version *v = &c->v[i];
		mg_format_date(v->from, e, sizeof(e));
		strbuf_adds(sb, "<tr>");
		view_html_cell(sb, 1, "%d", v->seq);
		view_html_cell(sb, 0, "%s", e);
		view_html_cell(sb, 1, "%ld", v->from - c->started + 1);
		view_html_cell(sb, 0, "%s", view_phase_words(v->phase));
		view_html_cell(sb, 1, "%.0f", v->daily_mg);
		strbuf_adds(sb, "<td>");
		view_course_intakes_html(sb, v);
		strbuf_adds(sb, "</td>");
		view_html_cell(sb, 0, "%s [%s]", v->reason, v->rule);
		strbuf_adds(sb, "</tr>\n");
	}
	strbuf_adds(sb, "</table>\n</section>\n");
}
