/*
 * SVG charts for the HTML report and the web app (the report's page and
 * /api/v1/review/chart.svg draw with the same functions): an outcome
 * night by night on the outcome's own scale with its rolling mean, shaded
 * spans of days (trial periods, course phases) that can carry a label and
 * the outcome's mean over the span, dose bars and a marker line; a bar
 * chart of intake against a target; and a forest plot of a review's
 * effects. Each chart is one self-contained <svg> element with a <title>,
 * a <desc> and an aria-label; every text is escaped and kept inside the
 * canvas (moved in, or shortened with an ellipsis). Start reading at
 * struct svg_series; the helpers below it (ticks, means) are exported so
 * the unit tests can check each choice on its own.
 */
#ifndef MG_SVG_H
#define MG_SVG_H

#include <stddef.h>
#include "util/strbuf.h"

/* How a span of days is shaded. The first two keep the trial's meaning
 * (0 = control or no magnesium, 1 = on magnesium), so a trial period's
 * `magnesium` flag can be used as the shade. */
enum svg_shade {
	SVG_SHADE_GREY = 0,        /* without magnesium: baseline, control period */
	SVG_SHADE_GREEN = 1,       /* on magnesium, full dose */
	SVG_SHADE_PALE_GREEN = 2,  /* on magnesium, dose still rising (titrating) */
	SVG_SHADE_NONE = 3,        /* no fill: only the label and the mean */
};

/*
 * A span of days drawn behind the series: trial periods, or course phases
 * such as baseline / titrating / maintenance. With a label, the label is
 * written above the span; with mean set, the series' mean over the span's
 * recorded nights is drawn across the span as a short horizontal line and
 * its value follows the label ("baseline: mean 2.9"). A span mean needs
 * at least svg_series.mean_min recorded nights (1 when mean_min is 0), so
 * a mean of one or two nights is not shown as if it were a level. Spans
 * may reach outside the chart's days: only the part inside is drawn and
 * averaged. Labels that do not fit the span's width are shortened, then
 * left out.
 */
struct svg_span {
	long from, to;             /* days since 1970-01-01, inclusive */
	enum svg_shade shade;
	const char *label;         /* "baseline", "titrating"...; NULL or "": none */
	int mean;                  /* 1: draw the mean over the span */
};

/* The y axis: the scale the outcome is measured on. An end given as NAN
 * comes from the data (its lowest or highest value); either way the axis
 * widens to take in every value and ends on a tick. */
struct svg_axis {
	double min, max;           /* e.g. 1 and 5 for sleep quality; max NAN for minutes */
	int integer;               /* ticks at whole numbers only (ratings, counts, minutes) */
	const char *unit;          /* written above the axis, e.g. "min"; NULL: none */
};

struct svg_series {
	const char *title;
	long first_day;            /* days since 1970-01-01 of y[0] */
	size_t n;
	const double *y;           /* NAN: no value that day */
	struct svg_axis axis;
	/* The rolling mean line: the mean of the mean_window nights centred on
	 * each night (see svg_rolling_mean), drawn where at least mean_min of
	 * them are recorded, with a gap elsewhere. mean_window 0: no line. */
	int mean_window, mean_min;
	const double *bars;        /* per day, e.g. mg of magnesium taken; NULL for none */
	const char *bars_label;    /* legend text for the bars, e.g. "magnesium taken, mg" */
	const struct svg_span *spans;
	size_t n_spans;
	long marker_day;           /* a vertical line (first dose); < 0 for none */
	const char *marker_label;
};

/* Appends the chart as an <svg> element. */
void svg_series_chart(struct strbuf *sb, const struct svg_series *s);

/* Horizontal bars (one per label) with a target line. */
void svg_bar_chart(struct strbuf *sb, const char *title, const char *const *labels, const double *values, size_t n,
		   double target, const char *target_label);

/* One row of an effect chart: a change with its 95 % interval, in the
 * outcome's own units. */
struct svg_effect {
	const char *label;         /* e.g. "quality (primary)" */
	const char *unit;          /* after the numbers: "points", "min"; NULL: none */
	int estimated;             /* 0: too few nights; the row says so and draws nothing */
	double effect, lo, hi;     /* change (on magnesium minus before) and its interval */
	double mid;                /* the meaningful difference, > 0 */
	int higher_better;         /* 1: an increase is an improvement */
};

/*
 * A forest plot, one row per effect: the interval as a line, the change as
 * a dot, a zero line and a shaded band for plus or minus the meaningful
 * difference, with the label on the left and the numbers on the right.
 * Outcomes have different units, so every row is drawn in units of its
 * own meaningful difference (the band is the same width on every row),
 * and turned so that right of zero is better for every outcome (a shorter
 * sleep onset plots to the right); the numbers keep their real sign and
 * unit. Intervals wider than the axis end in an arrow.
 */
void svg_effect_chart(struct strbuf *sb, const char *title, const struct svg_effect *rows, size_t n);

/* ---- the choices the charts make, for the tests ---- */

/* "Nice" ticks from at or below lo to at or above hi, with steps of 1, 2
 * or 5 times a power of ten (at least 1 when integer), as few steps as
 * possible while the count stays at most max_ticks (at least 2). Writes
 * the ticks, lowest first, and returns how many. */
size_t svg_ticks(double lo, double hi, int integer, size_t max_ticks, double *ticks);

/* Days between labelled dates on an axis of n days: the smallest of 1, 2,
 * 7, 14, 28, 56, 91 or 182 that gives at most 7 labels. The labels count
 * back from the last day, so the newest day is always labelled. */
long svg_date_step(size_t n);

/* out[i] = mean of the recorded y among the `window` days centred on day
 * i (window/2 either side; days before y[0] or after y[n-1] count as not
 * recorded), or NAN when fewer than min_n of them are recorded. An even
 * window is widened by one. Returns how many out[i] are numbers. */
size_t svg_rolling_mean(const double *y, size_t n, int window, int min_n, double *out);

/* The mean of the series' recorded values inside the span (NAN when
 * none); *nights (if not NULL) gets how many were averaged. */
double svg_span_mean(const struct svg_series *s, const struct svg_span *sp, int *nights);

/* The width the charts assume for a text: 0.6 x font size per character
 * (UTF-8 code points). */
double svg_text_width(const char *text, double font_size);

#endif
