/*
 * SVG charts for the HTML report (and, later, the web app): an outcome
 * series over days with gaps for missing nights, an optional dose overlay
 * as bars and shaded spans (trial periods), and a bar chart of intake
 * against a target. The SVG is written inline into an HTML page, with
 * every text escaped.
 */
#ifndef MG_SVG_H
#define MG_SVG_H

#include <stddef.h>
#include "util/strbuf.h"

struct svg_span {
	long from, to;         /* days, inclusive */
	int magnesium;         /* shaded green; 0: grey */
};

struct svg_series {
	const char *title;
	long first_day;        /* days since 1970-01-01 of y[0] */
	size_t n;
	const double *y;       /* NAN: no value that day */
	const double *bars;    /* per day, e.g. mg of magnesium taken; NULL for none */
	const char *bars_label;
	const struct svg_span *spans;
	size_t n_spans;
	long marker_day;       /* a vertical line (first dose); < 0 for none */
	const char *marker_label;
};

void svg_series_chart(struct strbuf *sb, const struct svg_series *s);

/* Horizontal bars (one per label) with a target line. */
void svg_bar_chart(struct strbuf *sb, const char *title, const char *const *labels, const double *values, size_t n,
		   double target, const char *target_label);

#endif
