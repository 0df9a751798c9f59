/*
 * Unit tests for src/io/svg.c and the charts view/report.c builds with it:
 * the tick choice (each outcome on its own scale, from night-fields.tsv),
 * the date steps, the rolling mean and its gap rule, the means over spans,
 * the forest plot's rows, and that no chart cuts a label off. That last
 * check parses every chart with expat (so it is also well-formed XML) and
 * requires each <text> to lie inside the viewBox with room for its text,
 * taken as 0.6 x font size per character, whatever the anchor.
 */
#include <expat.h>
#include "testutil.h"
#include "core/night.h"
#include "core/tables.h"
#include "io/svg.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "view/view.h"
#include "util/banned.h"

static long day(const char *iso)
{
	long d;
	assert_int_equal(mg_parse_date(iso, &d), 0);
	return d;
}

static void assert_ticks(double lo, double hi, int integer, const double *want, size_t n_want)
{
	double t[16];
	size_t n = svg_ticks(lo, hi, integer, 6, t);
	if (n != n_want)
		fail_msg("ticks for %g..%g: %zu, expected %zu", lo, hi, n, n_want);
	for (size_t i = 0; i < n; i++)
		if (fabs(t[i] - want[i]) > 1e-9)
			fail_msg("tick %zu for %g..%g is %g, expected %g", i, lo, hi, t[i], want[i]);
}

static void test_ticks(void **state)
{
	/* The scales the outcomes come in. */
	assert_ticks(1, 5, 1, (double[]){1, 2, 3, 4, 5}, 5);                /* sleep quality */
	assert_ticks(0, 10, 1, (double[]){0, 2, 4, 6, 8, 10}, 6);           /* 0-10 ratings */
	assert_ticks(0, 73, 1, (double[]){0, 20, 40, 60, 80}, 5);           /* minutes, up to the data */
	assert_ticks(0, 45, 1, (double[]){0, 10, 20, 30, 40, 50}, 6);
	assert_ticks(0, 2, 1, (double[]){0, 1, 2}, 3);                      /* cramps */
	assert_ticks(0, 7, 1, (double[]){0, 2, 4, 6, 8}, 5);                /* awakenings */
	assert_ticks(0, 0, 1, (double[]){0, 1}, 2);                         /* nothing but zeros */
	assert_ticks(0, 0.7, 0, (double[]){0, 0.2, 0.4, 0.6, 0.8}, 5);      /* fractions keep their decimals */
	assert_ticks(-3, 3, 0, (double[]){-4, -2, 0, 2, 4}, 5);
	/* Any range: at most 6 ticks, covering it, 1-2-5 steps, whole with integer. */
	for (int k = 0; k < 2000; k++) {
		double lo = (k % 37) * 3.1 - 40, hi = lo + (k % 101) * (k % 7 + 0.37) + 0.01, t[16];
		int integer = k % 2;
		size_t n = svg_ticks(lo, hi, integer, 6, t);
		assert_true(n >= 2 && n <= 6);
		assert_true(t[0] <= lo + 1e-9 && t[n - 1] >= hi - 1e-9);
		double step = t[1] - t[0], p = pow(10, floor(log10(step) + 1e-9)), m = step / p;
		assert_true(fabs(m - 1) < 1e-6 || fabs(m - 2) < 1e-6 || fabs(m - 5) < 1e-6);
		if (integer)
			assert_true(step >= 1 - 1e-9);
	}
}

static void test_date_step(void **state)
{
	assert_int_equal(svg_date_step(7), 1);
	assert_int_equal(svg_date_step(14), 2);
	assert_int_equal(svg_date_step(42), 7);
	assert_int_equal(svg_date_step(90), 14);
	assert_int_equal(svg_date_step(366), 56);
	/* For any length: at most 7 labels, with the finest step that allows. */
	static const long steps[] = {1, 2, 7, 14, 28, 56, 91, 182};
	for (size_t n = 1; n <= 400; n++) {
		long step = svg_date_step(n);
		size_t k = 0;
		while ((n - 1) / (size_t)steps[k] + 1 > 7)
			k++;
		assert_int_equal(step, steps[k]);
	}
}

static void test_rolling_mean(void **state)
{
	/* 14 nights: 1..14, with the 5th to 8th missing. */
	double y[14], out[14];
	for (int i = 0; i < 14; i++)
		y[i] = i + 1;
	y[4] = y[5] = y[6] = y[7] = NAN;
	size_t n = svg_rolling_mean(y, 14, 7, 4, out);
	/* Night 1: itself and 3 after recorded (1, 2, 3, 4) -> 4 of 7, mean 2.5. */
	assert_true(fabs(out[0] - 2.5) < 1e-12);
	/* Night 2: 1..4 and 5 missing -> still 4 of the window's 5 days. */
	assert_true(fabs(out[1] - 2.5) < 1e-12);
	/* Night 5 (index 4): window 2..8 holds 2, 3, 4 only -> a gap. */
	assert_true(isnan(out[4]));
	assert_true(isnan(out[5]) && isnan(out[6]));
	/* Index 7: window 5..11 holds 9, 10, 11 -> gap; index 8: 9..12 -> 4 nights. */
	assert_true(isnan(out[7]));
	assert_true(fabs(out[8] - 10.5) < 1e-12);
	/* The last night: 11..14 recorded, nothing after the window. */
	assert_true(fabs(out[13] - 12.5) < 1e-12);
	assert_int_equal(n, 14 - 4);
	/* Every night recorded: a centred 7-night mean. */
	for (int i = 0; i < 14; i++)
		y[i] = i % 2 ? 4 : 2;
	svg_rolling_mean(y, 14, 7, 4, out);
	assert_true(fabs(out[6] - (4 * 4 + 2 * 3) / 7.0) < 1e-12);
	/* An even window is widened by one: 6 behaves as 7. */
	double out6[14];
	svg_rolling_mean(y, 14, 6, 4, out6);
	for (int i = 0; i < 14; i++)
		assert_true(fabs(out6[i] - out[i]) < 1e-12);
	/* Nothing recorded: nothing drawn. */
	for (int i = 0; i < 14; i++)
		y[i] = NAN;
	assert_int_equal(svg_rolling_mean(y, 14, 7, 4, out), 0);
}

static void test_span_mean(void **state)
{
	double y[10] = {1, 2, 3, NAN, 5, 6, 7, 8, NAN, 10};
	struct svg_series s = {.title = "t", .first_day = 100, .n = 10, .y = y};
	int k;
	/* Days 100-102: 1, 2, 3. */
	struct svg_span a = {.from = 100, .to = 102, .mean = 1};
	assert_true(fabs(svg_span_mean(&s, &a, &k) - 2) < 1e-12);
	assert_int_equal(k, 3);
	/* Reaching before the chart: only its days inside count; missing skipped. */
	struct svg_span b = {.from = 0, .to = 104, .mean = 1};
	assert_true(fabs(svg_span_mean(&s, &b, &k) - 11.0 / 4) < 1e-12);
	assert_int_equal(k, 4);
	struct svg_span c = {.from = 107, .to = 100000};
	assert_true(fabs(svg_span_mean(&s, &c, &k) - 9) < 1e-12);
	assert_int_equal(k, 2);
	/* Outside the chart, or only missing nights: NAN. */
	struct svg_span d = {.from = 200, .to = 300}, e = {.from = 103, .to = 103};
	assert_true(isnan(svg_span_mean(&s, &d, &k)) && k == 0);
	assert_true(isnan(svg_span_mean(&s, &e, NULL)));
}

/* ---- reading charts back ---- */

#define MAX_TEXTS 600

struct chart_text {
	double x, y, size;
	char anchor[8];
	char text[256];
};

struct reader {
	double vw, vh;              /* the current <svg>'s viewBox */
	int depth, svg_depth, n_svg, titled, described, labelled;
	int in_text;
	size_t n;
	struct chart_text t[MAX_TEXTS];
	struct strbuf cur;
	int bad;                    /* texts out of bounds */
	char first_bad[400];
};

static const char *attr(const char **atts, const char *name)
{
	for (size_t i = 0; atts[i]; i += 2)
		if (strcmp(atts[i], name) == 0)
			return atts[i + 1];
	return NULL;
}

static double attr_num(const char **atts, const char *name, double dflt)
{
	const char *v = attr(atts, name);
	return v ? strtod(v, NULL) : dflt;
}

static void on_start(void *ud, const char *name, const char **atts)
{
	struct reader *r = ud;
	r->depth++;
	if (strcmp(name, "svg") == 0) {
		const char *vb = attr(atts, "viewBox");
		assert_non_null(vb);
		double x0, y0;
		assert_int_equal(sscanf(vb, "%lf %lf %lf %lf", &x0, &y0, &r->vw, &r->vh), 4);
		r->svg_depth = r->depth;
		r->n_svg++;
		r->labelled += attr(atts, "aria-label") && strlen(attr(atts, "aria-label")) > 0 &&
			       attr(atts, "role") && strcmp(attr(atts, "role"), "img") == 0;
	} else if (r->depth == r->svg_depth + 1 && strcmp(name, "title") == 0) {
		r->titled++;
	} else if (r->depth == r->svg_depth + 1 && strcmp(name, "desc") == 0) {
		r->described++;
	} else if (strcmp(name, "text") == 0) {
		assert_true(r->n < MAX_TEXTS);
		struct chart_text *t = &r->t[r->n];
		t->x = attr_num(atts, "x", 0);
		t->y = attr_num(atts, "y", 0);
		t->size = attr_num(atts, "font-size", 16);
		const char *a = attr(atts, "text-anchor");
		mg_strlcpy(t->anchor, a ? a : "start", sizeof(t->anchor));
		strbuf_reset(&r->cur);
		r->in_text = 1;
	} else {
		/* No markup inside a text: the width check reads it whole. */
		assert_false(r->in_text);
	}
}

static void on_chars(void *ud, const char *s, int len)
{
	struct reader *r = ud;
	if (r->in_text)
		strbuf_add(&r->cur, s, (size_t)len);
}

static void on_end(void *ud, const char *name)
{
	struct reader *r = ud;
	r->depth--;
	if (strcmp(name, "text") != 0 || !r->in_text)
		return;
	r->in_text = 0;
	struct chart_text *t = &r->t[r->n++];
	mg_strlcpy(t->text, strbuf_str(&r->cur), sizeof(t->text));
	double w = svg_text_width(strbuf_str(&r->cur), t->size);
	double left = strcmp(t->anchor, "end") == 0 ? t->x - w : strcmp(t->anchor, "middle") == 0 ? t->x - w / 2 : t->x;
	if (left < 0 || left + w > r->vw || t->y - t->size < 0 || t->y > r->vh || w <= 0) {
		if (!r->bad++)
			snprintf(r->first_bad, sizeof(r->first_bad), "\"%s\" at %.1f,%.1f (%s, %g px, %.1f wide) "
				 "outside 0 0 %g %g", t->text, t->x, t->y, t->anchor, t->size, w, r->vw, r->vh);
	}
}

/* Parses the charts in html (one or several <svg>, maybe in <section>s). */
static void read_charts(const char *html, struct reader *r)
{
	memset(r, 0, sizeof(*r));
	strbuf_init(&r->cur);
	struct strbuf doc;
	strbuf_init(&doc);
	strbuf_adds(&doc, "<root>");
	strbuf_adds(&doc, html);
	strbuf_adds(&doc, "</root>");
	XML_Parser p = XML_ParserCreate("UTF-8");
	XML_SetUserData(p, r);
	XML_SetElementHandler(p, on_start, on_end);
	XML_SetCharacterDataHandler(p, on_chars);
	if (XML_Parse(p, strbuf_str(&doc), (int)doc.len, 1) != XML_STATUS_OK)
		fail_msg("chart is not well-formed XML: %s at line %lu", XML_ErrorString(XML_GetErrorCode(p)),
			 (unsigned long)XML_GetCurrentLineNumber(p));
	XML_ParserFree(p);
	strbuf_release(&doc);
	strbuf_release(&r->cur);
}

/* Every chart in html is accessible and keeps every label inside. */
static void assert_charts_fit(const char *html, struct reader *r)
{
	read_charts(html, r);
	assert_true(r->n_svg > 0);
	assert_int_equal(r->titled, r->n_svg);
	assert_int_equal(r->described, r->n_svg);
	assert_int_equal(r->labelled, r->n_svg);
	if (r->bad)
		fail_msg("%d labels cut off; the first: %s", r->bad, r->first_bad);
}

static int has_text(const struct reader *r, const char *text)
{
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(r->t[i].text, text) == 0)
			return 1;
	return 0;
}

/* The y tick labels: right-aligned texts in the left margin. */
static void tick_labels(const struct reader *r, struct strbuf *out)
{
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(r->t[i].anchor, "end") == 0 && r->t[i].x < 48 && r->t[i].size == 11 && r->t[i].y > 44 &&
		    r->t[i].y < 200)
			strbuf_addf(out, "%s%s", out->len ? " " : "", r->t[i].text);
}

static char *long_text(size_t n, const char *unit)
{
	struct strbuf sb;
	strbuf_init(&sb);
	while (sb.len < n)
		strbuf_adds(&sb, unit);
	return strbuf_detach(&sb);
}

static void test_series_extremes_fit(void **state)
{
	char *title = long_text(300, "a very long outcome title with <markup> & \"quotes\" ");
	char *label = long_text(120, "baseline with a long name ");
	static const size_t sizes[] = {1, 2, 7, 42, 366};
	for (size_t k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
		size_t n = sizes[k];
		double *y = mg_calloc(n, sizeof(double)), *bars = mg_calloc(n, sizeof(double));
		for (size_t i = 0; i < n; i++) {
			y[i] = i % 5 == 3 ? NAN : (i % 2 ? -123456.789 : 987654321.5);
			bars[i] = i % 3 ? 1e7 : 0;
		}
		struct svg_span spans[] = {
			{.from = day("2026-01-01") - 1000, .to = day("2026-01-01") + 3, .shade = SVG_SHADE_GREY,
			 .label = label, .mean = 1},
			{.from = day("2026-01-01") + 4, .to = day("2026-01-01") + 4, .shade = SVG_SHADE_PALE_GREEN,
			 .label = "titrating", .mean = 1},
			{.from = day("2026-01-01") + 5, .to = day("2030-01-01"), .shade = SVG_SHADE_GREEN,
			 .label = label, .mean = 1},
		};
		struct svg_series s = {
			.title = title, .first_day = day("2026-01-01"), .n = n, .y = y,
			.axis = {.min = NAN, .max = NAN, .unit = "a very long unit"}, .mean_window = 7, .mean_min = 1,
			.bars = bars, .bars_label = label, .spans = spans, .n_spans = 3,
			/* The marker on the last day: its label must turn left. */
			.marker_day = day("2026-01-01") + (long)n - 1, .marker_label = label,
		};
		struct strbuf sb;
		struct reader r;
		strbuf_init(&sb);
		svg_series_chart(&sb, &s);
		assert_charts_fit(strbuf_str(&sb), &r);
		assert_null(strstr(strbuf_str(&sb), "<markup>"));
		/* Nothing at all recorded, a scale given: still a chart. */
		for (size_t i = 0; i < n; i++)
			y[i] = NAN;
		s.axis = (struct svg_axis){.min = 1, .max = 5, .integer = 1};
		strbuf_reset(&sb);
		svg_series_chart(&sb, &s);
		assert_charts_fit(strbuf_str(&sb), &r);
		strbuf_release(&sb);
		free(y);
		free(bars);
	}
	free(title);
	free(label);
}

static void test_bar_chart_fits(void **state)
{
	struct strbuf sb;
	struct reader r;
	strbuf_init(&sb);
	/* The report's own case: the target far right of every bar. */
	const char *labels[] = {"food (per logged day)", "supplements (per day)", "total"};
	double values[] = {0, 95, 95};
	svg_bar_chart(&sb, "Magnesium, mg a day", labels, values, 3, 352, "target 352 mg");
	assert_charts_fit(strbuf_str(&sb), &r);
	assert_true(has_text(&r, "target 352 mg"));
	assert_true(has_text(&r, "supplements (per day)"));
	/* Long labels, a huge value, a value past the target, NAN. */
	char *lab = long_text(200, "an extremely long food label ");
	const char *l2[] = {lab, "x", "total"};
	double v2[] = {123456789, NAN, 0};
	strbuf_reset(&sb);
	svg_bar_chart(&sb, lab, l2, v2, 3, 1, lab);
	assert_charts_fit(strbuf_str(&sb), &r);
	/* The target at zero: no line, nothing outside. */
	strbuf_reset(&sb);
	svg_bar_chart(&sb, "t", labels, values, 3, 0, "target 0 mg");
	assert_charts_fit(strbuf_str(&sb), &r);
	free(lab);
	strbuf_release(&sb);
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

static void test_effect_chart(void **state)
{
	struct svg_effect rows[] = {
		{.label = "quality (primary)", .unit = "points", .estimated = 1, .effect = 0.95, .lo = 0.31, .hi = 1.62,
		 .mid = 0.5, .higher_better = 1},
		{.label = "sol", .unit = "min", .estimated = 1, .effect = -20.6, .lo = -33.7, .hi = -8.3, .mid = 10},
		{.label = "cramps", .unit = "a night", .estimated = 0, .mid = 0.25},
		/* Far past the axis: clipped with an arrow at both ends. */
		{.label = "stress", .unit = "points", .estimated = 1, .effect = 0, .lo = -50, .hi = 60, .mid = 1},
	};
	struct strbuf sb;
	struct reader r;
	strbuf_init(&sb);
	svg_effect_chart(&sb, "Change on magnesium", rows, 4);
	const char *svg = strbuf_str(&sb);
	assert_charts_fit(svg, &r);
	/* Numbers in the outcome's units and real sign; a row without an estimate says so. */
	assert_true(has_text(&r, "+0.95 (+0.31 to +1.62) points"));
	assert_true(has_text(&r, "-21 (-34 to -8) min"));
	assert_true(has_text(&r, "too few nights to tell"));
	assert_true(has_text(&r, "0") && has_text(&r, "+5") && has_text(&r, "-5"));
	/* A dot for each estimated row, two arrowheads for the wide one. */
	assert_int_equal(count(svg, "<circle"), 3);
	assert_int_equal(count(svg, "<path d="), 2);
	/* The band spans -1..+1 meaningful differences, the zero line its middle. */
	assert_non_null(strstr(svg, "fill=\"#e6e6e6\""));
	/* Long labels and no rows at all still fit. */
	char *lab = long_text(150, "a long outcome name ");
	for (size_t i = 0; i < 4; i++)
		rows[i].label = lab;
	rows[0].unit = lab;
	strbuf_reset(&sb);
	svg_effect_chart(&sb, lab, rows, 4);
	assert_charts_fit(strbuf_str(&sb), &r);
	strbuf_reset(&sb);
	svg_effect_chart(&sb, "nothing", NULL, 0);
	assert_charts_fit(strbuf_str(&sb), &r);
	free(lab);
	strbuf_release(&sb);
}

static void night_with(struct night *n, long date, const char *field, const char *value)
{
	struct mg_err e = {0};
	night_init(n, date);
	if (night_set(n, field, value, &e) < 0)
		fail_msg("%s=%s: %s", field, value, e.msg);
}

/* The report's charts put each outcome on its own scale. */
static void test_outcome_scales(void **state)
{
	static const struct {
		const char *outcome, *values, *ticks, *unit;
	} cases[] = {
		{"quality", "3 4 2 5 3", "1 2 3 4 5", NULL},
		{"stress", "3 4 2 5 3", "0 2 4 6 8 10", NULL},
		{"sol", "20 73 35 10 5", "0 20 40 60 80", "min"},
		{"waso", "5 12 40 0 25", "0 10 20 30 40", "min"},
		{"cramps", "0 1 2 0 0", "0 1 2", NULL},
	};
	long from = day("2026-10-14");
	for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
		struct night nights[5];
		char vals[64];
		mg_strlcpy(vals, cases[c].values, sizeof(vals));
		const char *p = vals;
		for (int i = 0; i < 5; i++) {
			char v[16];
			size_t len = strcspn(p, " ");
			snprintf(v, sizeof(v), "%.*s", (int)len, p);
			p += len + (p[len] == ' ');
			night_with(&nights[i], from + 3 * i, cases[c].outcome, v);
		}
		struct strbuf sb, ticks;
		struct reader r;
		strbuf_init(&sb);
		strbuf_init(&ticks);
		view_outcome_charts(&sb, from, 42, nights, 5, NULL, -1, NULL, 0, cases[c].outcome);
		assert_charts_fit(strbuf_str(&sb), &r);
		tick_labels(&r, &ticks);
		if (strcmp(strbuf_str(&ticks), cases[c].ticks) != 0)
			fail_msg("%s: ticks \"%s\", expected \"%s\"", cases[c].outcome, strbuf_str(&ticks), cases[c].ticks);
		assert_int_equal(has_text(&r, "min"), cases[c].unit != NULL);
		/* 42 days: dates a week apart, the newest labelled. */
		assert_true(has_text(&r, "24 Nov") && has_text(&r, "17 Nov") && !has_text(&r, "23 Nov"));
		strbuf_release(&sb);
		strbuf_release(&ticks);
	}
}

/* Phases: labelled spans with their means; a span with too few nights
 * gets its label but no mean. */
static void test_phase_spans(void **state)
{
	long from = day("2026-10-01");
	struct night nights[30];
	size_t n = 0;
	for (int i = 0; i < 28; i++) {
		if (i >= 10 && i < 14 && i != 12)
			continue;          /* the titrating phase has a single night */
		char v[8];
		snprintf(v, sizeof(v), "%d", i < 10 ? 2 : 4);
		night_with(&nights[n++], from + i, "quality", v);
	}
	struct svg_span phases[] = {
		{.from = from, .to = from + 9, .shade = SVG_SHADE_GREY, .label = "baseline", .mean = 1},
		{.from = from + 10, .to = from + 13, .shade = SVG_SHADE_PALE_GREEN, .label = "titrating", .mean = 1},
		{.from = from + 14, .to = from + 27, .shade = SVG_SHADE_GREEN, .label = "maintenance", .mean = 1},
	};
	struct strbuf sb;
	struct reader r;
	strbuf_init(&sb);
	view_outcome_charts(&sb, from, 28, nights, n, NULL, from + 10, phases, 3, "quality");
	const char *svg = strbuf_str(&sb);
	assert_charts_fit(svg, &r);
	assert_true(has_text(&r, "baseline: mean 2.0"));
	assert_true(has_text(&r, "maintenance: mean 4.0"));
	assert_true(has_text(&r, "titrating"));
	assert_non_null(strstr(svg, "<title>baseline: mean 2.0 over 10 nights</title>"));
	assert_null(strstr(svg, "<title>titrating"));
	assert_non_null(strstr(svg, "titrating 2026-10-11 to 2026-10-14."));
	/* The rolling mean line and its rule in the description. */
	assert_non_null(strstr(svg, "mean of 7 nights centred on each night, drawn where at least 4"));
	assert_int_equal(count(svg, "<path fill=\"none\""), 1);
	strbuf_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ticks),
		cmocka_unit_test(test_date_step),
		cmocka_unit_test(test_rolling_mean),
		cmocka_unit_test(test_span_mean),
		cmocka_unit_test(test_series_extremes_fit),
		cmocka_unit_test(test_bar_chart_fits),
		cmocka_unit_test(test_effect_chart),
		cmocka_unit_test(test_outcome_scales),
		cmocka_unit_test(test_phase_spans),
	};
	return cmocka_run_group_tests(tests, tu_tables_setup, tu_tables_teardown);
}
