/*
 * SVG chart writers (see svg.h). Coordinates are computed here by hand on
 * a canvas 720 units wide that the page scales to its width. Every <text>
 * goes through text_in, which knows roughly how wide the text will be
 * (svg_text_width) and keeps it inside the room it is given, moving it or
 * shortening it: that is what keeps labels from being cut off at the
 * canvas edge, and tests/unit/u-svg.c checks it for every chart. Start at
 * svg_series_chart; the tick and mean helpers come first.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "io/html.h"
#include "io/svg.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

enum { W = 720 };

/* The series chart: left and right margins, the plot's top and height, the
 * strip of dose bars under it. The left margin holds tick labels of up to
 * six characters; the right one half of a date label. */
enum { ML = 48, MR = 28, PT = 44, PH = 150, STRIP = 24, INSET = 6 };

/* Width of one character as a share of the font size: a generous average
 * for sans-serif text, so estimates err on the wide side. */
#define CHAR_EM 0.6
#define FONT "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
#define HALO "stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\""
#define C_MEAN "#2b6cb0"
#define C_SPAN_MEAN "#c05621"
#define C_BARS "#7aa7d9"
#define C_MARK "#a33"

static size_t code_points(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

double svg_text_width(const char *text, double font_size)
{
	return CHAR_EM * font_size * (double)code_points(text ? text : "");
}

static int fits(const char *text, double font_size, double room)
{
	return svg_text_width(text, font_size) <= room;
}

enum anchor { START, MIDDLE, END };

/*
 * Writes text at (x, y) so that its whole estimated width lies within
 * [lo, hi]: the anchor is moved inside when it is too close to an edge,
 * and a text wider than the room keeps what fits and ends in an ellipsis.
 * When not even three characters fit nothing is written. Returns the
 * width written (0 for nothing). attrs are extra attributes (or NULL).
 */
static double text_in(struct strbuf *sb, double x, double y, double size, enum anchor a, double lo, double hi,
		      const char *attrs, const char *text)
{
	static const char *const names[] = {"start", "middle", "end"};
	double cw = CHAR_EM * size;
	size_t have = code_points(text ? text : ""), room = hi > lo ? (size_t)((hi - lo) / cw) : 0;
	struct strbuf t;
	strbuf_init(&t);
	if (have <= room) {
		strbuf_adds(&t, text ? text : "");
	} else if (room >= 3) {
		/* Keep room - 1 characters, whole UTF-8 sequences, and "…". */
		size_t k = 0;
		for (const char *p = text; *p; p++) {
			if (((unsigned char)*p & 0xC0) != 0x80 && k++ == room - 1)
				break;
			strbuf_addch(&t, *p);
		}
		strbuf_adds(&t, "\xe2\x80\xa6");
	}
	if (!t.len) {
		strbuf_release(&t);
		return 0;
	}
	double w = svg_text_width(strbuf_str(&t), size);
	if (a == START)
		x = fmax(lo, fmin(x, hi - w));
	else if (a == MIDDLE)
		x = fmax(lo + w / 2, fmin(x, hi - w / 2));
	else
		x = fmax(lo + w, fmin(x, hi));
	strbuf_addf(sb, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%g\" text-anchor=\"%s\"%s%s>", x, y, size, names[a],
		    attrs ? " " : "", attrs ? attrs : "");
	html_escape(sb, strbuf_str(&t));
	strbuf_adds(sb, "</text>\n");
	strbuf_release(&t);
	return w;
}

/* v with dec decimals, never "-0". */
static void num(char *buf, size_t n, double v, int dec)
{
	snprintf(buf, n, "%.*f", dec, v);
	if (buf[0] == '-' && strspn(buf + 1, "0.") == strlen(buf + 1))
		memmove(buf, buf + 1, strlen(buf));
}

/* "14 Oct": short, and the same in every locale. */
static void short_date(long day, char *buf, size_t n)
{
	static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
					     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	char iso[16];
	mg_format_date(day, iso, sizeof(iso));
	int m = (iso[5] - '0') * 10 + (iso[6] - '0'), d = (iso[8] - '0') * 10 + (iso[9] - '0');
	snprintf(buf, n, "%d %s", d, m >= 1 && m <= 12 ? months[m - 1] : "?");
}

/* The opening tag with the accessible name, <title> and <desc>. */
static void svg_open(struct strbuf *sb, int height, const char *title, const char *desc)
{
	strbuf_addf(sb, "<svg viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"", W, height);
	html_escape(sb, title ? title : "");
	strbuf_addf(sb, "\" font-family=\"%s\" xmlns=\"http://www.w3.org/2000/svg\">\n<title>", FONT);
	html_escape(sb, title ? title : "");
	strbuf_adds(sb, "</title>\n<desc>");
	html_escape(sb, desc);
	strbuf_adds(sb, "</desc>\n");
}

size_t svg_ticks(double lo, double hi, int integer, size_t max_ticks, double *ticks)
{
	static const double mant[] = {1, 2, 5};
	if (max_ticks < 2)
		max_ticks = 2;
	if (!isfinite(lo))
		lo = 0;
	if (!isfinite(hi) || !(hi > lo))
		hi = lo + 1;
	/* Start a decade below the step that would just fit and go up: the
	 * first step whose ticks number at most max_ticks is the finest nice one. */
	double p = pow(10, floor(log10((hi - lo) / (double)(max_ticks - 1))) - 1);
	for (;; p *= 10) {
		for (int k = 0; k < 3; k++) {
			double step = mant[k] * p;
			if (integer && step < 1 - 1e-9)
				continue;
			double a = floor(lo / step + 1e-9), b = ceil(hi / step - 1e-9);
			if (b - a + 1 > (double)max_ticks + 1e-9)
				continue;
			size_t n = (size_t)(b - a + 1.5);
			for (size_t i = 0; i < n; i++) {
				double v = (a + (double)i) * step;
				ticks[i] = fabs(v) < step * 1e-9 ? 0 : v;
			}
			return n;
		}
	}
}

long svg_date_step(size_t n)
{
	static const long steps[] = {1, 2, 7, 14, 28, 56, 91, 182};
	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++)
		if (n == 0 || (n - 1) / (size_t)steps[i] + 1 <= 7)
			return steps[i];
	return ((long)(n - 1) / 6 / 7 + 1) * 7;
}

size_t svg_rolling_mean(const double *y, size_t n, int window, int min_n, double *out)
{
	long half = window > 0 ? window / 2 : 0;
	size_t defined = 0;
	for (size_t i = 0; i < n; i++) {
		double sum = 0;
		int k = 0;
		for (long j = (long)i - half; j <= (long)i + half; j++)
			if (j >= 0 && (size_t)j < n && !isnan(y[j])) {
				sum += y[j];
				k++;
			}
		out[i] = k > 0 && k >= min_n ? sum / k : NAN;
		defined += !isnan(out[i]);
	}
	return defined;
}

double svg_span_mean(const struct svg_series *s, const struct svg_span *sp, int *nights)
{
	double sum = 0;
	int k = 0;
	if (s->n) {
		long from = sp->from > s->first_day ? sp->from : s->first_day;
		long last = s->first_day + (long)s->n - 1, to = sp->to < last ? sp->to : last;
		for (long d = from; d <= to; d++)
			if (!isnan(s->y[d - s->first_day])) {
				sum += s->y[d - s->first_day];
				k++;
			}
	}
	if (nights)
		*nights = k;
	return k ? sum / k : NAN;
}

/* ---- the series chart ---- */

/* Where the plot is: day index i to x, value v to y. */
struct frame {
	double slot;        /* width of one day */
	double lo, hi;      /* the axis' first and last tick */
};

static double fx(const struct frame *f, double i)
{
	return ML + (i + 0.5) * f->slot;
}

static double fy(const struct frame *f, double v)
{
	/* The ticks' range sits INSET inside the plot, so a dot on the top or
	 * bottom tick is not cut by the plot's edge. */
	return PT + PH - INSET - (v - f->lo) / (f->hi - f->lo) * (PH - 2 * INSET);
}

static const char *shade_fill(enum svg_shade sh)
{
	switch (sh) {
	case SVG_SHADE_GREEN: return "#d8eed8";
	case SVG_SHADE_PALE_GREEN: return "#ebf5e4";
	case SVG_SHADE_NONE: return NULL;
	case SVG_SHADE_GREY: break;
	}
	return "#ececec";
}

enum legend_mark { L_DOT, L_LINE, L_SPAN_LINE, L_BAR, L_SWATCH };

/* One legend entry at *x: a mark 14 wide (a swatch in `fill`), then its
 * text; *x moves on. */
static void legend_item(struct strbuf *sb, double *x, double y, enum legend_mark m, const char *fill,
			const char *text)
{
	if (*x + 40 > W - 4)
		return;
	switch (m) {
	case L_DOT:
		strbuf_addf(sb, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.6\" fill=\"#333\"/>\n", *x + 7, y - 4);
		break;
	case L_LINE:
	case L_SPAN_LINE:
		strbuf_addf(sb, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2.5\"/>\n",
			    *x, *x + 14, y - 4, y - 4, m == L_LINE ? C_MEAN : C_SPAN_MEAN);
		break;
	case L_SWATCH:
		strbuf_addf(sb, "<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"10\" fill=\"%s\" stroke=\"#bbb\"/>\n",
			    *x, y - 9, fill ? fill : "none");
		break;
	case L_BAR:
		strbuf_addf(sb, "<rect x=\"%.1f\" y=\"%.1f\" width=\"4\" height=\"10\" fill=\"" C_BARS "\"/>\n", *x + 5,
			    y - 10);
		break;
	}
	double w = text_in(sb, *x + 18, y, 11, START, *x + 18, W - 4, "fill=\"#444\"", text);
	*x += 18 + w + 16;
}

/* "label: mean 2.9", or shorter forms, whichever first fits the span.
 * Returns whether the label was written whole (else the legend names it). */
static int span_label(struct strbuf *sb, double x0, double x1, const char *label, const char *mean)
{
	char c[4][96];
	size_t n = 0;
	if (label && *label && *mean) {
		snprintf(c[n++], sizeof(c[0]), "%s: mean %s", label, mean);
		snprintf(c[n++], sizeof(c[0]), "%s %s", label, mean);
	}
	if (*mean) {
		snprintf(c[n++], sizeof(c[0]), "mean %s", mean);
		snprintf(c[n++], sizeof(c[0]), "%s", mean);
	}
	for (size_t i = 0; i < n; i++)
		if (fits(c[i], 10, x1 - x0 - 4)) {
			text_in(sb, x0 + 2, PT - 6, 10, START, x0 + 2, x1 - 2, "fill=\"#444\"", c[i]);
			return i < 2;
		}
	/* Without a mean, the label alone, shortened if need be; with a mean
	 * whose number does not fit either, nothing (the legend names it). */
	if (!(label && *label))
		return 1;
	if (!n)
		text_in(sb, x0 + 2, PT - 6, 10, START, x0 + 2, x1 - 2, "fill=\"#444\"", label);
	return !n && fits(label, 10, x1 - x0 - 4);
}

void svg_series_chart(struct strbuf *sb, const struct svg_series *s)
{
	/* What the data hold. */
	double dlo = INFINITY, dhi = -INFINITY, sum = 0, bmax = 0;
	size_t count = 0;
	for (size_t i = 0; i < s->n; i++) {
		if (!isnan(s->y[i])) {
			dlo = fmin(dlo, s->y[i]);
			dhi = fmax(dhi, s->y[i]);
			sum += s->y[i];
			count++;
		}
		if (s->bars && s->bars[i] > bmax)
			bmax = s->bars[i];
	}
	/* The axis: the outcome's own scale, widened to take in every value. */
	double lo = isfinite(s->axis.min) ? s->axis.min : count ? dlo : 0;
	double hi = isfinite(s->axis.max) ? s->axis.max : count ? dhi : lo + 1;
	if (count) {
		lo = fmin(lo, dlo);
		hi = fmax(hi, dhi);
	}
	double ticks[8];
	size_t nt = svg_ticks(lo, hi, s->axis.integer, 6, ticks);
	struct frame f = {.slot = (double)(W - ML - MR) / (double)(s->n ? s->n : 1), .lo = ticks[0], .hi = ticks[nt - 1]};
	double step = nt > 1 ? ticks[1] - ticks[0] : 1;
	int tick_dec = step >= 1 ? 0 : (int)ceil(-log10(step) - 1e-9);
	/* Means of a scale 20 wide or more are whole numbers (minutes); of a
	 * rating or a count, one decimal. */
	int dec = f.hi - f.lo >= 20 ? 0 : 1;
	int has_bars = s->bars && bmax > 0;
	int strip_top = PT + PH + 4, dates_y = (has_bars ? strip_top + STRIP : PT + PH) + 15;
	int legend_y = dates_y + 20, height = legend_y + 8;

	double *roll = NULL;
	if (s->mean_window > 0 && s->n) {
		roll = mg_calloc(s->n, sizeof(double));
		if (!svg_rolling_mean(s->y, s->n, s->mean_window, s->mean_min, roll)) {
			free(roll);
			roll = NULL;
		}
	}
	double *means = mg_calloc(s->n_spans ? s->n_spans : 1, sizeof(double));
	char *unnamed = mg_calloc(s->n_spans ? s->n_spans : 1, 1);   /* label not shown whole */
	int need = s->mean_min > 0 ? s->mean_min : 1, any_span_mean = 0;
	for (size_t i = 0; i < s->n_spans; i++) {
		int k = 0;
		means[i] = s->spans[i].mean ? svg_span_mean(s, &s->spans[i], &k) : NAN;
		if (k < need)
			means[i] = NAN;
		any_span_mean |= !isnan(means[i]);
	}

	/* The description a screen reader gives, and what a printout loses. */
	struct strbuf d;
	strbuf_init(&d);
	char a[16], b[16], v1[32], v2[32];
	mg_format_date(s->first_day, a, sizeof(a));
	mg_format_date(s->first_day + (long)(s->n ? s->n - 1 : 0), b, sizeof(b));
	strbuf_addf(&d, "%zu of %zu nights recorded, %s to %s", count, s->n, a, b);
	if (count) {
		num(v1, sizeof(v1), dlo, s->axis.integer ? 0 : dec + 1);
		num(v2, sizeof(v2), dhi, s->axis.integer ? 0 : dec + 1);
		strbuf_addf(&d, "; lowest %s, highest %s", v1, v2);
		num(v1, sizeof(v1), sum / (double)count, dec);
		strbuf_addf(&d, ", mean %s", v1);
	}
	num(v1, sizeof(v1), f.lo, tick_dec);
	num(v2, sizeof(v2), f.hi, tick_dec);
	strbuf_addf(&d, ". Axis %s to %s%s%s.", v1, v2, s->axis.unit ? " " : "", s->axis.unit ? s->axis.unit : "");
	if (roll)
		strbuf_addf(&d, " Line: the mean of %d nights centred on each night, drawn where at least %d of them "
			    "are recorded.", s->mean_window | 1, s->mean_min > 0 ? s->mean_min : 1);
	for (size_t i = 0; i < s->n_spans; i++) {
		const struct svg_span *sp = &s->spans[i];
		if (!(sp->label && *sp->label) && isnan(means[i]))
			continue;
		/* The part of the span the chart shows. */
		long last = s->first_day + (long)(s->n ? s->n - 1 : 0);
		mg_format_date(sp->from > s->first_day ? sp->from : s->first_day, a, sizeof(a));
		mg_format_date(sp->to < last ? sp->to : last, b, sizeof(b));
		strbuf_addf(&d, " %s %s to %s", sp->label && *sp->label ? sp->label : "period", a, b);
		if (!isnan(means[i])) {
			int k;
			svg_span_mean(s, sp, &k);
			num(v1, sizeof(v1), means[i], dec);
			strbuf_addf(&d, ": mean %s over %d nights", v1, k);
		}
		strbuf_adds(&d, ".");
	}
	if (has_bars)
		strbuf_addf(&d, " Bars: %s, up to %.0f a day.", s->bars_label ? s->bars_label : "", bmax);
	int marked = s->marker_day >= s->first_day && s->marker_day < s->first_day + (long)s->n;
	if (marked) {
		mg_format_date(s->marker_day, a, sizeof(a));
		strbuf_addf(&d, " Dashed line: %s, %s.", s->marker_label ? s->marker_label : "", a);
	}
	svg_open(sb, height, s->title, strbuf_str(&d));
	strbuf_release(&d);
	text_in(sb, 4, 16, 13, START, 4, W - 4, "font-weight=\"bold\"", s->title);

	/* Shaded spans behind everything, a hair apart so neighbours show. */
	for (size_t i = 0; i < s->n_spans; i++) {
		const struct svg_span *sp = &s->spans[i];
		double i0 = fmax((double)(sp->from - s->first_day), 0), i1 = fmin((double)(sp->to - s->first_day) + 1,
										    (double)s->n);
		const char *fill = shade_fill(sp->shade);
		if (i1 > i0 && fill)
			strbuf_addf(sb, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>\n",
				    ML + i0 * f.slot + 0.5, PT, (i1 - i0) * f.slot - 1, PH, fill);
	}
	/* Gridlines at the ticks, labelled on the left, the unit on top. */
	for (size_t k = 0; k < nt; k++) {
		double y = fy(&f, ticks[k]);
		num(v1, sizeof(v1), ticks[k], tick_dec);
		strbuf_addf(sb, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#dcdcdc\"/>\n", ML, W - MR, y, y);
		text_in(sb, ML - 6, y + 4, 11, END, 2, ML - 6, "fill=\"#555\"", v1);
	}
	if (s->axis.unit && *s->axis.unit)
		text_in(sb, ML - 6, PT - 6, 11, END, 2, ML - 2, "fill=\"#555\"", s->axis.unit);
	strbuf_addf(sb, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#999\"/>\n", ML, W - MR, PT + PH, PT + PH);
	/* A few dates, counted back from the newest day. */
	long dstep = svg_date_step(s->n);
	for (long i = (long)s->n - 1; i >= 0; i -= dstep) {
		double x = fx(&f, (double)i);
		short_date(s->first_day + i, v1, sizeof(v1));
		strbuf_addf(sb, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#999\"/>\n", x, x, PT + PH,
			    PT + PH + 4);
		text_in(sb, x, dates_y, 11, MIDDLE, 2, W - 2, "fill=\"#555\"", v1);
	}
	double mx = marked ? fx(&f, (double)(s->marker_day - s->first_day)) : 0;
	if (marked)
		strbuf_addf(sb, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"" C_MARK "\" "
			    "stroke-dasharray=\"4 3\"/>\n", mx, mx, PT, PT + PH);
	/* The nights as dots, their rolling mean over them. */
	for (size_t i = 0; i < s->n; i++)
		if (!isnan(s->y[i]))
			strbuf_addf(sb, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.4\" fill=\"#333\"/>\n", fx(&f, (double)i),
				    fy(&f, s->y[i]));
	if (roll) {
		strbuf_adds(sb, "<path fill=\"none\" stroke=\"" C_MEAN "\" stroke-width=\"2.2\" stroke-linejoin=\"round\" "
			    "stroke-linecap=\"round\" d=\"");
		for (size_t i = 0; i < s->n; i++) {
			if (isnan(roll[i]))
				continue;
			int starts = i == 0 || isnan(roll[i - 1]), alone = starts && (i + 1 == s->n || isnan(roll[i + 1]));
			strbuf_addf(sb, "%c%.1f %.1f ", starts ? 'M' : 'L', fx(&f, (double)i), fy(&f, roll[i]));
			/* A lone defined day still shows, as a round cap. */
			if (alone)
				strbuf_adds(sb, "l0.1 0 ");
		}
		strbuf_adds(sb, "\"/>\n");
	}
	/* Each span's mean across it, and its label in the band above. */
	for (size_t i = 0; i < s->n_spans; i++) {
		const struct svg_span *sp = &s->spans[i];
		double i0 = fmax((double)(sp->from - s->first_day), 0), i1 = fmin((double)(sp->to - s->first_day) + 1,
										    (double)s->n);
		if (!(i1 > i0))
			continue;
		double x0 = ML + i0 * f.slot, x1 = ML + i1 * f.slot;
		v1[0] = 0;
		if (!isnan(means[i])) {
			int k;
			svg_span_mean(s, sp, &k);
			num(v1, sizeof(v1), means[i], dec);
			double y = fy(&f, means[i]);
			strbuf_addf(sb, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"" C_SPAN_MEAN "\" "
				    "stroke-width=\"2.5\"><title>", x0 + 2, x1 - 2, y, y);
			html_addf(sb, "%s: mean %s over %d nights", sp->label && *sp->label ? sp->label : "period", v1, k);
			strbuf_adds(sb, "</title></line>\n");
		}
		if (!span_label(sb, x0, x1, sp->label, v1))
			unnamed[i] = 1;
	}
	if (marked) {
		const char *ml = s->marker_label ? s->marker_label : "";
		int right = mx + 3 + svg_text_width(ml, 11) <= W - MR;
		text_in(sb, right ? mx + 3 : mx - 3, PT + 12, 11, right ? START : END, ML, W - MR,
			"fill=\"" C_MARK "\" " HALO, ml);
	}
	/* Doses in their own strip, so they never hide a night. */
	if (has_bars) {
		double bw = fmax(1, fmin(4, f.slot * 0.6));
		for (size_t i = 0; i < s->n; i++) {
			if (!(s->bars[i] > 0))
				continue;
			double h = s->bars[i] / bmax * (STRIP - 6);
			strbuf_addf(sb, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"" C_BARS "\"/>\n",
				    fx(&f, (double)i) - bw / 2, strip_top + STRIP - 4 - h, bw, h);
		}
		text_in(sb, ML - 6, strip_top + STRIP - 6, 10, END, 2, ML - 2, "fill=\"#3a6ea5\"", "Mg");
	}
	/* The legend: only what this chart shows. */
	double lx = ML;
	if (count)
		legend_item(sb, &lx, legend_y, L_DOT, NULL, "each night");
	if (roll) {
		snprintf(v1, sizeof(v1), "mean of %d nights", s->mean_window | 1);
		legend_item(sb, &lx, legend_y, L_LINE, NULL, v1);
	}
	if (any_span_mean)
		legend_item(sb, &lx, legend_y, L_SPAN_LINE, NULL, "mean over a period");
	if (has_bars) {
		char bl[96];
		snprintf(bl, sizeof(bl), "%s (max %.0f)", s->bars_label ? s->bars_label : "", bmax);
		legend_item(sb, &lx, legend_y, L_BAR, NULL, bl);
	}
	/* Spans too narrow for their label: a swatch per label instead. */
	for (size_t i = 0; i < s->n_spans; i++) {
		int first = unnamed[i];
		for (size_t k = 0; k < i && first; k++)
			first = !(unnamed[k] && strcmp(s->spans[k].label, s->spans[i].label) == 0);
		if (first)
			legend_item(sb, &lx, legend_y, L_SWATCH, shade_fill(s->spans[i].shade), s->spans[i].label);
	}
	strbuf_adds(sb, "</svg>\n");
	free(roll);
	free(means);
	free(unnamed);
}

/* ---- intake against the target ---- */

void svg_bar_chart(struct strbuf *sb, const char *title, const char *const *labels, const double *values, size_t n,
		   double target, const char *target_label)
{
	enum { ROW = 24, BT = 30 };
	int has_target = isfinite(target) && target > 0;
	double lw = 0, vw = 0, max = has_target ? target : 0;
	char v[32];
	struct strbuf d;
	strbuf_init(&d);
	for (size_t i = 0; i < n; i++) {
		lw = fmax(lw, svg_text_width(labels[i], 12));
		snprintf(v, sizeof(v), isfinite(values[i]) ? "%.0f" : "-", values[i]);
		vw = fmax(vw, svg_text_width(v, 11));
		if (isfinite(values[i]))
			max = fmax(max, values[i]);
		strbuf_addf(&d, "%s%s %s", i ? ", " : "", labels[i], v);
	}
	if (has_target)
		strbuf_addf(&d, "; %s", target_label ? target_label : "");
	strbuf_adds(&d, ".");
	if (!(max > 0))
		max = 1;
	/* The label column is as wide as its longest label (within reason:
	 * longer ones are shortened), the right margin as the widest value. */
	double left = fmin(fmax(lw + 12, 60), W * 0.4), pw = W - left - (vw + 12);
	int height = BT + (int)n * ROW + 26;
	svg_open(sb, height, title, strbuf_str(&d));
	strbuf_release(&d);
	text_in(sb, 4, 16, 13, START, 4, W - 4, "font-weight=\"bold\"", title);
	for (size_t i = 0; i < n; i++) {
		double y = BT + (double)i * ROW, val = isfinite(values[i]) && values[i] > 0 ? values[i] : 0;
		double w = val / max * pw;
		snprintf(v, sizeof(v), isfinite(values[i]) ? "%.0f" : "-", values[i]);
		text_in(sb, left - 6, y + 15, 12, END, 4, left - 6, NULL, labels[i]);
		strbuf_addf(sb, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"16\" fill=\"%s\"/>\n", left, y + 3, w,
			    has_target && val < target ? "#d9a35f" : "#6aa86a");
		text_in(sb, left + w + 4, y + 15, 11, START, left, W - 4, NULL, v);
	}
	if (has_target) {
		double x = left + target / max * pw;
		strbuf_addf(sb, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"" C_MARK "\" "
			    "stroke-dasharray=\"4 3\"/>\n", x, x, BT - 2, BT + (int)n * ROW + 2);
		/* Centred under the line, moved in when the line is near an edge. */
		text_in(sb, x, BT + (int)n * ROW + 16, 11, MIDDLE, 4, W - 4, "fill=\"" C_MARK "\"", target_label);
	}
	strbuf_adds(sb, "</svg>\n");
}

/* ---- the effects of a review ---- */

/* Decimals for numbers in units whose meaningful difference is mid: whole
 * minutes for a 10-minute difference, hundredths for half a point. */
static int effect_decimals(double mid)
{
	return mid >= 5 ? 0 : mid >= 1 ? 1 : 2;
}

/* A value in units of mid, turned so that positive is better. */
static double benefit(const struct svg_effect *r, double v)
{
	return (r->higher_better ? v : -v) / r->mid;
}

static int effect_drawable(const struct svg_effect *r)
{
	return r->estimated && isfinite(r->effect) && isfinite(r->lo) && isfinite(r->hi) && r->mid > 0;
}

void svg_effect_chart(struct strbuf *sb, const char *title, const struct svg_effect *rows, size_t n)
{
	enum { ROW = 26, ET = 46, MAX_RANGE = 5 };
	char (*txt)[112] = mg_calloc(n ? n : 1, sizeof(*txt));
	double lw = 0, nw = 0, range = 1.5;
	struct strbuf d;
	strbuf_init(&d);
	strbuf_adds(&d, "Change on magnesium with its 95 % interval; each outcome is drawn in units of its own "
		    "meaningful difference, with better to the right.");
	for (size_t i = 0; i < n; i++) {
		const struct svg_effect *r = &rows[i];
		char e[32], l[32], h[32];
		int dec = effect_decimals(r->mid);
		if (effect_drawable(r)) {
			snprintf(e, sizeof(e), "%+.*f", dec, r->effect);
			snprintf(l, sizeof(l), "%+.*f", dec, r->lo);
			snprintf(h, sizeof(h), "%+.*f", dec, r->hi);
			snprintf(txt[i], sizeof(txt[i]), "%s (%s to %s)%s%s", e, l, h, r->unit ? " " : "",
				 r->unit ? r->unit : "");
			range = fmax(range, fmax(fabs(benefit(r, r->lo)), fabs(benefit(r, r->hi))));
			num(e, sizeof(e), r->mid, dec);
			strbuf_addf(&d, " %s: %s, meaningful difference %s.", r->label, txt[i], e);
		} else {
			snprintf(txt[i], sizeof(txt[i]), "too few nights to tell");
			strbuf_addf(&d, " %s: too few nights to tell.", r->label);
		}
		lw = fmax(lw, svg_text_width(r->label, 12));
		nw = fmax(nw, svg_text_width(txt[i], 11));
	}
	/* A symmetric axis in whole meaningful differences, 2 to 5 of them;
	 * an interval reaching further ends in an arrow. */
	range = fmin(ceil(range - 1e-9), MAX_RANGE);
	double left = fmin(fmax(lw + 16, 80), W * 0.3), right = fmin(fmax(nw + 16, 120), W * 0.38);
	double x0 = left, pw = W - left - right;
	int bottom = ET + (int)(n ? n : 1) * ROW, height = bottom + 44;
#define EX(v) (x0 + ((v) + range) / (2 * range) * pw)
	svg_open(sb, height, title, strbuf_str(&d));
	strbuf_release(&d);
	text_in(sb, 4, 16, 13, START, 4, W - 4, "font-weight=\"bold\"", title);
	text_in(sb, EX(-range), ET - 10, 11, START, 4, EX(0) - 4, "fill=\"#555\"", "\xe2\x86\x90 worse");
	text_in(sb, EX(range), ET - 10, 11, END, EX(0) + 4, W - right, "fill=\"#555\"", "better \xe2\x86\x92");
	text_in(sb, W - right + 8, ET - 10, 11, START, W - right + 8, W - 4, "fill=\"#555\"", "change (95 % interval)");
	strbuf_addf(sb, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#e6e6e6\"/>\n", EX(-1), ET - 2,
		    EX(1) - EX(-1), bottom - ET + 4);
	for (int k = (int)-range; k <= (int)range; k++) {
		char t[16];
		snprintf(t, sizeof(t), k ? "%+d" : "0", k);
		strbuf_addf(sb, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"%s\"/>\n", EX(k), EX(k),
			    k ? bottom : ET - 2, bottom + 4, k ? "#999" : "#666");
		text_in(sb, EX(k), bottom + 16, 11, MIDDLE, 4, W - 4, "fill=\"#555\"", t);
	}
	if (!n)
		text_in(sb, EX(0), ET + 17, 12, MIDDLE, 4, W - 4, NULL, "no outcomes to show");
	for (size_t i = 0; i < n; i++) {
		const struct svg_effect *r = &rows[i];
		double yc = ET + (double)i * ROW + ROW / 2.0;
		if (i)
			strbuf_addf(sb, "<line x1=\"4\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#f0f0f0\"/>\n", W - 4,
				    yc - ROW / 2.0, yc - ROW / 2.0);
		text_in(sb, left - 10, yc + 4, 12, END, 4, left - 10, NULL, r->label);
		text_in(sb, W - right + 8, yc + 4, 11, START, W - right + 8, W - 4, "fill=\"#333\"", txt[i]);
		if (!effect_drawable(r))
			continue;
		double a = benefit(r, r->lo), b = benefit(r, r->hi), m = benefit(r, r->effect);
		if (a > b) {
			double t = a;
			a = b;
			b = t;
		}
		double ca = fmax(a, -range), cb = fmin(b, range), cm = fmax(-range, fmin(m, range));
		strbuf_addf(sb, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"" C_MEAN "\" "
			    "stroke-width=\"2.5\"/>\n", EX(ca), EX(cb), yc, yc);
		if (a < -range)
			strbuf_addf(sb, "<path d=\"M%.1f %.1fl7 -4v8z\" fill=\"" C_MEAN "\"/>\n", EX(-range) - 2, yc);
		if (b > range)
			strbuf_addf(sb, "<path d=\"M%.1f %.1fl-7 -4v8z\" fill=\"" C_MEAN "\"/>\n", EX(range) + 2, yc);
		strbuf_addf(sb, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4.5\" fill=\"#1a365d\"/>\n", EX(cm), yc);
	}
	text_in(sb, 4, bottom + 34, 10.5, START, 4, W - 4, "fill=\"#555\"",
		"Axis: change in meaningful differences (grey band: less than one, too small to matter).");
#undef EX
	strbuf_adds(sb, "</svg>\n");
	free(txt);
}
