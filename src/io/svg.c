/*
 * SVG chart writers (see svg.h). Coordinates are computed here by hand:
 * a fixed 720 x 240 canvas that the page scales to its width, y axis on
 * the left for the outcome, a right axis for the bars when there are any.
 */
#include <math.h>
#include <stdio.h>
#include "io/html.h"
#include "io/svg.h"
#include "util/parse.h"
#include "util/banned.h"

enum { W = 720, H = 240, ML = 44, MR = 44, MT = 26, MB = 30 };

static double x_of(const struct svg_series *s, double day)
{
	double span = s->n > 1 ? (double)(s->n - 1) : 1;
	return ML + (day - (double)s->first_day) / span * (W - ML - MR);
}

void svg_series_chart(struct strbuf *sb, const struct svg_series *s)
{
	double lo = INFINITY, hi = -INFINITY, bmax = 0;
	for (size_t i = 0; i < s->n; i++) {
		if (!isnan(s->y[i])) {
			lo = fmin(lo, s->y[i]);
			hi = fmax(hi, s->y[i]);
		}
		if (s->bars && s->bars[i] > bmax)
			bmax = s->bars[i];
	}
	if (!isfinite(lo)) {
		lo = 0;
		hi = 1;
	}
	if (hi - lo < 1) {
		lo -= 0.5;
		hi += 0.5;
	}
	double pad = (hi - lo) * 0.08;
	lo -= pad;
	hi += pad;
	strbuf_addf(sb, "<svg viewBox=\"0 0 %d %d\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">\n<title>", W, H);
	html_escape(sb, s->title);
	strbuf_adds(sb, "</title>\n");
	strbuf_addf(sb, "<text x=\"%d\" y=\"16\" font-size=\"13\" font-weight=\"bold\">", ML);
	html_escape(sb, s->title);
	strbuf_adds(sb, "</text>\n");
	for (size_t i = 0; i < s->n_spans; i++) {
		double x0 = x_of(s, (double)s->spans[i].from - 0.5), x1 = x_of(s, (double)s->spans[i].to + 0.5);
		strbuf_addf(sb, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>\n", x0, MT, x1 - x0,
			    H - MT - MB, s->spans[i].magnesium ? "#dcefdc" : "#efefef");
	}
	/* Axes and three y gridlines with labels. */
	for (int k = 0; k <= 2; k++) {
		double v = lo + (hi - lo) * k / 2, y = H - MB - (v - lo) / (hi - lo) * (H - MT - MB);
		strbuf_addf(sb, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
			    "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%.1f</text>\n",
			    ML, W - MR, y, y, ML - 4, y + 4, v);
	}
	for (size_t i = 0; i < s->n; i += s->n > 60 ? 14 : 7) {
		char d[16];
		mg_format_date(s->first_day + (long)i, d, sizeof(d));
		strbuf_addf(sb, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>\n",
			    x_of(s, (double)(s->first_day + (long)i)), H - 10, d + 5);
	}
	if (s->bars && bmax > 0) {
		for (size_t i = 0; i < s->n; i++) {
			if (!(s->bars[i] > 0))
				continue;
			double h = s->bars[i] / bmax * (H - MT - MB) * 0.35, x = x_of(s, (double)(s->first_day + (long)i));
			strbuf_addf(sb, "<rect x=\"%.1f\" y=\"%.1f\" width=\"4\" height=\"%.1f\" fill=\"#7aa7d9\"/>\n", x - 2,
				    H - MB - h, h);
		}
		strbuf_addf(sb, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\" fill=\"#3a6ea5\">",
			    W - 4, H - MB - 4);
		html_escape(sb, s->bars_label ? s->bars_label : "");
		strbuf_addf(sb, " (max %.0f)</text>\n", bmax);
	}
	if (s->marker_day >= 0) {
		double x = x_of(s, (double)s->marker_day);
		strbuf_addf(sb, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#a33\" stroke-dasharray=\"4 3\"/>"
			    "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" fill=\"#a33\">", x, x, MT, H - MB, x + 3, MT + 10);
		html_escape(sb, s->marker_label ? s->marker_label : "");
		strbuf_adds(sb, "</text>\n");
	}
	/* The series: a path that lifts the pen over missing nights. */
	strbuf_adds(sb, "<path fill=\"none\" stroke=\"#222\" stroke-width=\"1.5\" d=\"");
	int pen = 0;
	for (size_t i = 0; i < s->n; i++) {
		if (isnan(s->y[i])) {
			pen = 0;
			continue;
		}
		double x = x_of(s, (double)(s->first_day + (long)i));
		double y = H - MB - (s->y[i] - lo) / (hi - lo) * (H - MT - MB);
		strbuf_addf(sb, "%c%.1f %.1f ", pen ? 'L' : 'M', x, y);
		pen = 1;
	}
	strbuf_adds(sb, "\"/>\n");
	for (size_t i = 0; i < s->n; i++)
		if (!isnan(s->y[i]))
			strbuf_addf(sb, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.2\"/>\n", x_of(s, (double)(s->first_day + (long)i)),
				    H - MB - (s->y[i] - lo) / (hi - lo) * (H - MT - MB));
	strbuf_adds(sb, "</svg>\n");
}

void svg_bar_chart(struct strbuf *sb, const char *title, const char *const *labels, const double *values, size_t n,
		   double target, const char *target_label)
{
	int row = 24, height = MT + (int)n * row + 20, left = 150;
	double max = target;
	for (size_t i = 0; i < n; i++)
		max = fmax(max, values[i]);
	if (!(max > 0))
		max = 1;
	max *= 1.1;
	strbuf_addf(sb, "<svg viewBox=\"0 0 %d %d\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">\n<title>", W, height);
	html_escape(sb, title);
	strbuf_addf(sb, "</title>\n<text x=\"%d\" y=\"16\" font-size=\"13\" font-weight=\"bold\">", 4);
	html_escape(sb, title);
	strbuf_adds(sb, "</text>\n");
	for (size_t i = 0; i < n; i++) {
		double y = MT + (double)i * row, w = values[i] / max * (W - left - 20);
		strbuf_addf(sb, "<text x=\"%d\" y=\"%.1f\" font-size=\"12\" text-anchor=\"end\">", left - 6, y + 15);
		html_escape(sb, labels[i]);
		strbuf_addf(sb, "</text><rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"16\" fill=\"%s\"/>"
			    "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\">%.0f</text>\n", left, y + 3, w,
			    values[i] >= target ? "#6aa86a" : "#d9a35f", left + w + 4, y + 15, values[i]);
	}
	double x = left + target / max * (W - left - 20);
	strbuf_addf(sb, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#a33\" stroke-dasharray=\"4 3\"/>"
		    "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" fill=\"#a33\">", x, x, MT - 4, MT + (int)n * row, x + 3,
		    MT + (int)n * row + 14);
	html_escape(sb, target_label);
	strbuf_adds(sb, "</text>\n</svg>\n");
}
