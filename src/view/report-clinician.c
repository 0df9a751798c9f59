/*
 * The clinician summary (`mgtrack report --html FILE --for-clinician`):
 * one printable page a person can hand to a doctor or pharmacist, in
 * plain clinical words. It asks the same functions as the personal report
 * (report.c) and every other front end: the course view for the regimen,
 * its versions and adherence (core/course.c: day 1 is the course's, never
 * worked out here), the review for the decision and the outcome means,
 * the plan for the status and the warnings, plan_medicine_windows and
 * medicines_lookup for the spacing, intake_compute and targets_compute for
 * the total against the RDA and the supplemental UL. What it adds is only
 * counting over nights (loose stools, red flags, notes, the outcome of the
 * latest two weeks) and the layout: a dense one-page print stylesheet.
 * Every line that sounds like advice carries the id of the table row
 * behind it. Start at view_report_clinician_html.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/medicines.h"
#include "core/night.h"
#include "io/html.h"
#include "view/view.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

/* The page's own layout on top of the report's stylesheet: compact, two
 * columns where the content is short, and sized so that a course of a few
 * months with a few medicines prints on one A4 or Letter page (the
 * smaller of each: 186 mm wide, 259 mm high inside the margins). A page
 * with very much to say (many versions, medicines and long notes) may
 * still run onto a second. */
static const char clinician_css[] =
	"body{max-width:60rem;margin:1rem auto;font-size:13px;line-height:1.3}\n"
	"h1{font-size:1.3em;margin:0 0 .2em}h2{font-size:1.1em;margin:.5em 0 .1em}\n"
	"p{margin:.2em 0}ul{margin:.15em 0;padding-left:1.2em}li{margin:0}.note{font-size:.9em}\n"
	"table{width:100%;margin:.1em 0;line-height:1.22}td,th{padding:.06em .35em;vertical-align:top}\n"
	"th{font-weight:600}table.kv th{width:1%;white-space:nowrap;color:#444}td.n,th.n{white-space:nowrap}\n"
	"table.trend td:first-child{white-space:nowrap}\n"
	".meta{border:1px solid #bbb;padding:.2em .5em;margin:.2em 0 .3em}\n"
	".cols{display:grid;grid-template-columns:1fr 1fr;gap:0 1.4em}.cols>div{min-width:0}\n"
	".rule,li span.note{color:#666;font-size:.85em;white-space:nowrap}td.d{white-space:nowrap}\n"
	"td.why,p.flags{font-size:.93em}p.flags{margin-top:.35em}\n"
	"@media print{@page{margin:10mm 12mm}body{font-size:8.1pt;margin:0;max-width:none;padding:0}}\n";

/* " [rule]" after a line, in the muted style. */
static void rule_tag(struct strbuf *sb, const char *rule)
{
	if (!rule || !*rule)
		return;
	strbuf_adds(sb, " <span class=\"rule\">[");
	html_escape(sb, rule);
	strbuf_adds(sb, "]</span>");
}

static void kv_row(struct strbuf *sb, const char *key)
{
	strbuf_adds(sb, "<tr><th>");
	html_escape(sb, key);
	strbuf_adds(sb, "</th><td>");
}

static const char *status_words(enum plan_status s)
{
	switch (s) {
	case PLAN_OK: return "no rule in mgtrack's tables stops self-dosing";
	case PLAN_CAUTION: return "self-dosing only with caution";
	case PLAN_PAUSE: return "paused: a red flag was recorded";
	case PLAN_CLINICIAN: return "must not self-dose: only a clinician can plan magnesium";
	}
	return "";
}

/* ---- the person ---- */

static void person_section(struct strbuf *sb, const struct profile *p, const struct course_view *cv, long today)
{
	strbuf_adds(sb, "<div>\n<h2>The person</h2>\n<table class=\"kv\">\n");
	kv_row(sb, "Age, sex");
	html_addf(sb, "%d years, %s", profile_age_months(p, today) / 12, p->sex[0] ? p->sex : "sex not recorded");
	strbuf_adds(sb, "</td></tr>\n");
	kv_row(sb, "Pregnancy");
	if (strcmp(p->sex, "male") == 0)
		strbuf_adds(sb, "not applicable");
	else
		html_addf(sb, "%s; %s", p->pregnant ? "pregnant" : "not pregnant",
			  p->lactating ? "breastfeeding" : "not breastfeeding");
	strbuf_adds(sb, "</td></tr>\n");
	kv_row(sb, "Kidneys");
	if (p->egfr > 0)
		html_addf(sb, "eGFR %.0f mL/min/1.73 m\xc2\xb2 (as recorded by the person)", p->egfr);
	else
		html_escape(sb, p->egfr < 0 ? "eGFR not known (the person does not know it)" : "eGFR not known (never recorded)");
	strbuf_adds(sb, "</td></tr>\n");
	kv_row(sb, "Conditions");
	const struct mg_table *ct = tables_get("conditions.tsv");
	for (size_t i = 0; i < p->n_conditions; i++) {
		long r = table_find(ct, "condition", p->conditions[i]);
		html_addf(sb, "%s%s", i ? "; " : "", p->conditions[i]);
		if (r >= 0) {
			const char *st = table_cell(ct, (size_t)r, "status");
			html_addf(sb, " (%s)", strcmp(st, "clinician") == 0 ? "clinician only" : st);
			rule_tag(sb, table_cell(ct, (size_t)r, "id"));
		}
	}
	if (!p->n_conditions)
		strbuf_adds(sb, "none recorded");
	strbuf_adds(sb, "</td></tr>\n");
	kv_row(sb, "Self-dosing");
	if (cv->plan_built) {
		const struct plan *pl = &cv->plan.plan;
		html_addf(sb, "%s (status %s)", status_words(pl->status), plan_status_name(pl->status));
	} else {
		strbuf_adds(sb, "not assessed (no plan could be computed)");
	}
	strbuf_adds(sb, "</td></tr>\n");
	kv_row(sb, "Clinician-guided");
	if (p->clinician_guided) {
		strbuf_adds(sb, "yes: a clinician guides the plan");
		rule_tag(sb, "safety-guided");
	} else {
		strbuf_adds(sb, "no (self-directed)");
	}
	strbuf_adds(sb, "</td></tr>\n</table>\n</div>\n");
}

/* The plan's warnings but the medicines' (they have their own section),
 * full width under the two columns: they are the longest sentences. */
static void warnings_list(struct strbuf *sb, const struct course_view *cv)
{
	if (!cv->plan_built)
		return;
	const struct notes *ws = &cv->plan.plan.warnings;
	int any = 0;
	for (size_t i = 0; i < ws->n; i++) {
		if (strncmp(ws->v[i].rule, "med-", 4) == 0)
			continue;
		strbuf_adds(sb, any++ ? "; " : "<p class=\"flags\"><strong>Rules that apply:</strong> ");
		html_escape(sb, ws->v[i].text);
		rule_tag(sb, ws->v[i].rule);
	}
	if (any)
		strbuf_adds(sb, "</p>\n");
}

/* ---- total magnesium ---- */

static void total_section(struct strbuf *sb, const struct intake *in, const struct targets *t,
			  const struct course_view *cv, int have_course, int days)
{
	strbuf_addf(sb, "<div>\n<h2>Total magnesium, last %d days</h2>\n<table class=\"kv\">\n", days);
	kv_row(sb, "Food");
	if (in->days_logged)
		html_addf(sb, "%.0f mg a day (mean of %d logged days)", in->food_mg, in->days_logged);
	else
		strbuf_adds(sb, "no food logged");
	if (!in->food_known) {
		strbuf_adds(sb, ": too few days to know the usual intake");
		rule_tag(sb, in->food_rule);
	}
	strbuf_adds(sb, "</td></tr>\n");
	kv_row(sb, "Supplements");
	html_addf(sb, "%.0f mg a day taken (mean of all %d days)", in->supplement_mg, days);
	double planned = have_course ? cv->state.now.daily_mg : 0;
	double other = cv->plan_built ? cv->plan.plan.other_mg : 0;
	if (have_course && planned > 0)
		html_addf(sb, "; the course plans %.0f mg", planned);
	else if (have_course)
		html_addf(sb, "; the course plans none now (%s)", view_phase_words(cv->state.now.phase));
	if (other > 0)
		html_addf(sb, ", other products %.0f mg", other);
	strbuf_adds(sb, "</td></tr>\n");
	kv_row(sb, "Total");
	/* Without the usual food intake a total would be the supplements
	 * passed off as everything. */
	if (in->food_known)
		html_addf(sb, "%.0f mg a day; %s %.0f mg", in->total_mg, t->rda_kind, t->rda_mg);
	else
		html_addf(sb, "not known without the food; %s %.0f mg", t->rda_kind, t->rda_mg);
	rule_tag(sb, t->rda.id);
	if (fabs(t->target_mg - t->rda_mg) > 0.5) {
		html_addf(sb, ", with training %.0f mg", t->target_mg);
		rule_tag(sb, t->training.id);
	}
	strbuf_adds(sb, "</td></tr>\n");
	kv_row(sb, "Supplemental UL");
	if (t->ul_set) {
		double sup = fmax(in->supplement_mg, planned + other);
		html_addf(sb, "%.0f mg a day, supplements only (not food): %s at %.0f mg", t->supplement_ul_mg,
			  sup > t->supplement_ul_mg + 1e-6 ? "above it" : "within it", sup);
	} else {
		strbuf_adds(sb, "none set at this age: no supplements without a clinician");
	}
	rule_tag(sb, t->ul.id);
	strbuf_adds(sb, "</td></tr>\n</table>\n</div>\n");
}

/* ---- the regimen and its versions ---- */

#define HISTORY_ROWS 8

/* A version's event in words. */
static const char *event_words(const char *event)
{
	static const char *const words[][2] = {
		{"start", "started"}, {"step_up", "stepped up"}, {"split", "split into two"}, {"lower", "lowered"},
		{"step_down", "stepped down"}, {"keep_lower", "kept the lower dose"}, {"step_back_up", "stepped back up"},
		{"change_form", "changed form"}, {"fit_ul", "fitted under the UL"}, {"retime", "retimed"},
		{"pause", "paused"}, {"resume", "resumed"}, {"stop", "stopped"},
	};
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcmp(event, words[i][0]) == 0)
			return words[i][1];
	return event;
}

static void version_row(struct strbuf *sb, const struct course *c, const struct course_version *v)
{
	char d[16];
	mg_format_date(v->from, d, sizeof(d));
	strbuf_adds(sb, "<tr><td class=\"d\">");
	html_escape(sb, d);
	strbuf_adds(sb, "</td>");
	view_html_cell(sb, 1, "%ld", v->from - c->started + 1);
	view_html_cell(sb, 0, "%s", event_words(v->event));
	view_html_cell(sb, 0, "%s", view_phase_words(v->phase));
	view_html_cell(sb, 1, "%.0f", v->daily_mg);
	strbuf_adds(sb, "<td class=\"why\">");
	/* The figures; the rule's own sentence is what its id stands for
	 * ('mgtrack course' and the personal report give it whole). */
	struct strbuf fig;
	strbuf_init(&fig);
	strbuf_add(&fig, v->reason, course_reason_figures(v));
	html_escape(sb, strbuf_str(&fig));
	strbuf_release(&fig);
	rule_tag(sb, v->rule);
	strbuf_adds(sb, "</td></tr>\n");
}

static void regimen_section(struct strbuf *sb, const struct course_view *cv)
{
	const struct course *c = &cv->course;
	const struct course_state *st = &cv->state;
	const struct course_version *v = &st->now;
	char d[16], e[16];
	strbuf_adds(sb, "<h2>Regimen now</h2>\n<p>");
	mg_format_date(c->started, d, sizeof(d));
	if (v->phase == PHASE_STOPPED || v->phase == PHASE_PAUSED) {
		mg_format_date(v->from, e, sizeof(e));
		html_addf(sb, "Course started %s; %s since %s (course day %ld): no magnesium planned", d,
			  view_phase_words(v->phase), e, v->from - c->started + 1);
		rule_tag(sb, v->rule);
		strbuf_adds(sb, ".");
	} else {
		html_addf(sb, "Magnesium %s, \"%s\" (%.0f mg elemental magnesium per unit): %.0f mg elemental a day as ",
			  v->form, v->product_name, v->unit_mg, v->daily_mg);
		view_course_intakes_html(sb, v);
		html_addf(sb, ". Course day %d (started %s), %s.", st->day, d, view_phase_words(v->phase));
	}
	if (st->next_what[0]) {
		strbuf_adds(sb, " Next: ");
		html_escape(sb, st->next_what);
		if (st->next_date != MG_NO_DATE) {
			mg_format_date(st->next_date, e, sizeof(e));
			html_addf(sb, " (%s)", e);
		}
		rule_tag(sb, st->next_rule);
		strbuf_adds(sb, ".");
	}
	if (st->hold[0]) {
		strbuf_adds(sb, " Held: ");
		html_escape(sb, st->hold);
		rule_tag(sb, st->hold_rule);
	}
	strbuf_adds(sb, "</p>\n<table><tr><th>from</th><th class=\"n\">day</th><th>change</th><th>phase</th>"
			"<th class=\"n\">mg/day</th><th>why (the figures; the rule in brackets)</th></tr>\n");
	/* A long course keeps its first version and the latest ones. */
	size_t skip_from = c->n > HISTORY_ROWS ? 1 : c->n, skip_to = c->n > HISTORY_ROWS ? c->n - (HISTORY_ROWS - 1) : c->n;
	for (size_t i = 0; i < c->n; i++) {
		if (i == skip_from && skip_to > skip_from)
			strbuf_addf(sb, "<tr><td colspan=\"6\" class=\"note\">%zu more versions (&#39;mgtrack course&#39; "
					"lists every one)</td></tr>\n", skip_to - skip_from);
		if (i >= skip_from && i < skip_to)
			continue;
		version_row(sb, c, &c->v[i]);
	}
	strbuf_adds(sb, "</table>\n");
}

/* ---- medicines ---- */

static void hours_words(struct strbuf *sb, const struct med_rule *r)
{
	if (r->med_first_h == r->mg_first_h)
		html_addf(sb, "%.0f h apart either way", r->med_first_h);
	else
		html_addf(sb, "the medicine %.0f h before magnesium, or %.0f h after it", r->med_first_h, r->mg_first_h);
}

static void medicines_section(struct strbuf *sb, const struct profile *p, const struct course_view *cv,
			      int have_course)
{
	strbuf_adds(sb, "<h2>Medicines and spacing</h2>\n");
	if (!p->n_meds) {
		strbuf_adds(sb, "<p>No medicines recorded.</p>\n");
		return;
	}
	struct plan_window w[PLAN_MAX_WINDOWS];
	size_t nw = plan_medicine_windows(p, w, PLAN_MAX_WINDOWS);
	const struct course_version *v = have_course ? &cv->state.now : NULL;
	int conflicts = 0;
	strbuf_adds(sb, "<table><tr><th>medicine</th><th>taken</th><th>interaction class, spacing</th>"
			"<th>magnesium kept out of</th></tr>\n");
	for (size_t i = 0; i < p->n_meds; i++) {
		const struct profile_med *m = &p->meds[i];
		struct med_rule r;
		medicines_lookup(m->name, &r);
		strbuf_adds(sb, "<tr>");
		view_html_cell(sb, 0, "%s", m->name);
		view_html_cell(sb, 0, "%s", m->times);
		strbuf_adds(sb, "<td>");
		if (!r.known) {
			html_addf(sb, "\"%s\" is not in mgtrack's table: spaced by the strictest common rule, ", r.unknown);
			hours_words(sb, &r);
		} else if (!med_rule_spaces(&r)) {
			html_addf(sb, "%s: no spacing needed", r.class_name);
		} else {
			html_addf(sb, "%s: ", r.class_name);
			hours_words(sb, &r);
		}
		if (strcmp(r.status, "ok") != 0)
			html_addf(sb, "; status %s", r.status);
		rule_tag(sb, r.class_id);
		strbuf_adds(sb, "</td><td>");
		int any = 0;
		for (size_t k = 0; k < nw; k++) {
			if (strcmp(w[k].medicine, m->name) != 0)
				continue;
			char a[8], b[8];
			mg_format_hhmm(w[k].avoid_from, a, sizeof(a));
			mg_format_hhmm(w[k].avoid_to, b, sizeof(b));
			html_addf(sb, "%s%s-%s%s%s", any++ ? "; " : "", a, b, w[k].weekday >= 0 ? " on " : "",
				  w[k].weekday >= 0 ? profile_weekday_name(w[k].weekday) : "");
			/* The regimen's intakes against the window: every day, or
			 * moved on the weekly medicine's day. */
			for (size_t j = 0; v && j < v->n_intakes; j++) {
				if (!plan_window_contains(&w[k], v->intakes[j].time))
					continue;
				char t[8];
				mg_format_hhmm(v->intakes[j].time, t, sizeof(t));
				if (w[k].weekday >= 0) {
					html_addf(sb, " (the %s intake moves out that day)", t);
					rule_tag(sb, "plan-weekly");
				} else {
					html_addf(sb, " (the %s intake falls inside: a conflict)", t);
					conflicts++;
				}
			}
			/* The class's id, unless the spacing column gave it. */
			if (strcmp(w[k].rule, r.class_id) != 0)
				rule_tag(sb, w[k].rule);
		}
		if (!any)
			strbuf_adds(sb, "-");
		strbuf_adds(sb, "</td></tr>\n");
	}
	strbuf_adds(sb, "</table>\n");
	if (v && v->n_intakes) {
		strbuf_adds(sb, "<p class=\"note\">");
		html_escape(sb, "The course's intakes (");
		for (size_t j = 0; j < v->n_intakes; j++) {
			char t[8];
			mg_format_hhmm(v->intakes[j].time, t, sizeof(t));
			html_addf(sb, "%s%s", j ? ", " : "", t);
		}
		html_escape(sb, conflicts ? ") are not all clear of the daily hours above."
					  : ") are clear of every medicine's daily hours.");
		strbuf_adds(sb, "</p>\n");
	}
}

/* ---- adherence and tolerance ---- */

/* The first `max` bytes of s, cut at a character boundary, with "..." when
 * cut. */
static void clipped(struct strbuf *sb, const char *s, size_t max)
{
	size_t n = strlen(s);
	if (n <= max) {
		html_escape(sb, s);
		return;
	}
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	struct strbuf t;
	strbuf_init(&t);
	strbuf_add(&t, s, max);
	html_escape(sb, strbuf_str(&t));
	strbuf_release(&t);
	strbuf_adds(sb, "...");
}

static void adherence_section(struct strbuf *sb, const struct course_view *cv, int have_course,
			      const struct night *nights, size_t n_nights, long since, long today)
{
	char d[16];
	strbuf_adds(sb, "<div>\n<h2>Adherence and tolerance</h2>\n<table class=\"kv\">\n");
	kv_row(sb, "Intakes");
	if (have_course) {
		const struct course *c = &cv->course;
		struct course_tally t;
		course_intake_tally(c, cv->doses, cv->n_doses, c->started, today, today, &t);
		html_addf(sb, "%d planned since day 1: %d taken, %d skipped, %d missed", t.planned, t.taken, t.skipped,
			  t.missed);
		const struct course_adherence *a = &cv->state.adherence;
		if (a->days_planned) {
			html_addf(sb, "; %.0f %% of the magnesium planned, %d of %d days at %.0f %% or more", a->mg_pct,
				  a->days_adherent, a->days_planned, 100 * tables_threshold("course-adherent-day", NULL));
			rule_tag(sb, "course-adherent-day");
		}
		if (!isnan(a->on_time_pct)) {
			html_addf(sb, "; on time (within %.0f min): %.0f %%", tables_threshold("course-on-time-min", NULL),
				  a->on_time_pct);
			rule_tag(sb, "course-on-time-min");
		}
	} else {
		strbuf_adds(sb, "no course: adherence to a plan is not tracked");
	}
	strbuf_adds(sb, "</td></tr>\n");

	/* Over the course (or the dosing): stool form, red flags, notes. */
	double loose_at = tables_threshold("review-loose-bristol", NULL);
	int stool = 0, loose = 0, flags[3] = {0};
	long last_loose = MG_NO_DATE, last_flag[3] = {MG_NO_DATE, MG_NO_DATE, MG_NO_DATE};
	for (size_t i = 0; i < n_nights; i++) {
		const struct night *n = &nights[i];
		if (n->date < since)
			continue;
		if (n->bristol > 0) {
			stool++;
			if (n->bristol >= loose_at) {
				loose++;
				last_loose = n->date;
			}
		}
		for (int k = 0; k < 3; k++)
			if (n->red_flags & (1u << k)) {
				flags[k]++;
				last_flag[k] = n->date;
			}
	}
	mg_format_date(since, d, sizeof(d));
	kv_row(sb, "Stools");
	if (stool) {
		html_addf(sb, "form recorded on %d nights since %s; %d loose (Bristol %.0f-7)", stool, d, loose, loose_at);
		if (last_loose != MG_NO_DATE) {
			mg_format_date(last_loose, d, sizeof(d));
			html_addf(sb, ", latest %s", d);
		}
		rule_tag(sb, "review-loose-bristol");
	} else {
		strbuf_adds(sb, "stool form not recorded");
	}
	strbuf_adds(sb, "</td></tr>\n");
	kv_row(sb, "Red flags");
	int anyf = 0;
	for (int k = 0; k < 3; k++) {
		if (!flags[k])
			continue;
		mg_format_date(last_flag[k], d, sizeof(d));
		html_addf(sb, "%s%s on %d night%s, latest %s", anyf++ ? "; " : "", night_red_flag_name(1u << k),
			  flags[k], flags[k] == 1 ? "" : "s", d);
	}
	if (!anyf)
		strbuf_adds(sb, "none recorded (diarrhoea, dizziness, palpitations)");
	else
		rule_tag(sb, "safety-red-flag");
	strbuf_adds(sb, "</td></tr>\n");
	strbuf_adds(sb, "</td></tr>\n</table>\n</div>\n");
}

/* The person's own notes since `since`, the latest few, each cut short. */
static void notes_part(struct strbuf *sb, const struct night *nights, size_t n_nights, long since)
{
	int noted = 0, shown = 0;
	for (size_t i = 0; i < n_nights; i++)
		noted += nights[i].date >= since && nights[i].note[0];
	if (!noted)
		return;
	strbuf_adds(sb, "<p><strong>Notes</strong> ");
	html_addf(sb, "(%d night%s with a note%s):", noted, noted == 1 ? "" : "s", noted > 3 ? ", the latest 3" : "");
	for (size_t i = n_nights; i-- > 0 && shown < 3;) {
		if (nights[i].date < since || !nights[i].note[0])
			continue;
		char d[16];
		mg_format_date(nights[i].date, d, sizeof(d));
		html_addf(sb, "%s %s \"", shown++ ? ";" : "", d);
		clipped(sb, nights[i].note, 120);
		html_escape(sb, "\"");
	}
	strbuf_adds(sb, "</p>\n");
}

/* ---- outcome trend ---- */

static void trend_section(struct strbuf *sb, const struct review *r, int have_review, const char *why_not,
			  const struct night *nights, size_t n_nights, long today, int days)
{
	strbuf_adds(sb, "<div>\n<h2>Outcome trend</h2>\n");
	if (!have_review) {
		strbuf_adds(sb, "<p>No before-and-after comparison: ");
		html_escape(sb, why_not);
		strbuf_adds(sb, ".</p>\n</div>\n");
		return;
	}
	int min_n = (int)tables_threshold("clinician-min-nights", NULL);
	int min_base = (int)tables_threshold("review-min-baseline", NULL);
	const struct mg_table *ot = tables_get("outcomes.tsv");
	long from = today - days + 1;
	strbuf_addf(sb, "<table class=\"trend\"><tr><th>outcome</th><th>better</th><th class=\"n\">before (n)</th>"
			"<th class=\"n\">last %d d (n)</th><th class=\"n\">change</th></tr>\n", days);
	int few = 0;
	for (size_t i = 0; i < r->n_outcomes; i++) {
		const struct review_outcome *o = &r->outcomes[i];
		long row = table_find(ot, "outcome", o->name);
		const char *field = row >= 0 ? table_cell(ot, (size_t)row, "field") : o->name;
		double sum = 0;
		int n = 0;
		for (size_t k = 0; k < n_nights; k++) {
			double x;
			if (nights[k].date >= from && nights[k].date <= today && !isnan(x = view_night_value(&nights[k], field))) {
				sum += x;
				n++;
			}
		}
		if (!n && !o->n_base)
			continue;
		double recent = n ? sum / n : NAN;
		int enough = n >= min_n && o->n_base >= min_base;
		few |= !enough;
		strbuf_adds(sb, "<tr>");
		view_html_cell(sb, 0, "%s%s", o->name, i == r->primary ? " (primary)" : "");
		view_html_cell(sb, 0, "%s", o->better);
		if (o->n_base)
			view_html_cell(sb, 1, "%.1f (%d)", o->baseline_mean, o->n_base);
		else
			strbuf_adds(sb, "<td class=\"n\">no nights</td>");
		if (n)
			view_html_cell(sb, 1, "%.1f (%d)", recent, n);
		else
			strbuf_adds(sb, "<td class=\"n\">no nights</td>");
		if (enough)
			view_html_cell(sb, 1, "%+.1f", recent - o->baseline_mean);
		else
			strbuf_adds(sb, "<td class=\"n\">too few nights</td>");
		strbuf_adds(sb, "</tr>\n");
	}
	strbuf_adds(sb, "</table>\n<p class=\"note\">");
	html_addf(sb, "Means of the nights logged (n); before: the review's baseline. A change only with %d nights "
		      "before", min_base);
	rule_tag(sb, "review-min-baseline");
	html_addf(sb, " and %d of the last %d", min_n, days);
	rule_tag(sb, "clinician-min-nights");
	strbuf_adds(sb, few ? "; some outcomes have fewer." : ".");
	strbuf_adds(sb, " Self-reported, unblinded: what changed, not why.</p>\n</div>\n");
}

static void review_part(struct strbuf *sb, const struct review *r, int have_review)
{
	if (!have_review)
		return;
	strbuf_adds(sb, "<h2>Review decision</h2>\n<p><strong>");
	html_addf(sb, "Day %d review: %s", r->checkpoint_day, r->decision);
	strbuf_adds(sb, "</strong>");
	const struct review_outcome *o = &r->outcomes[r->primary];
	html_addf(sb, " (primary outcome %s; %d nights before, %d on magnesium", o->name, r->nights_baseline, r->nights_on);
	if (o->fitted)
		html_addf(sb, "; change %+.2f, 95 %% interval %+.2f to %+.2f, P(better by %.2g or more) %.2f", o->effect,
			  o->lo, o->hi, o->mid, o->p_benefit);
	strbuf_adds(sb, ")</p>\n");
	view_review_reasons_html(sb, r);
}

int view_report_clinician_html(sqlite3 *db, const char *foods_path, const struct profile *p, long today,
			       struct strbuf *sb, struct mg_err *e)
{
	struct targets t;
	if (targets_compute(p, today, &t, e) < 0)
		return -1;
	/* The course as it stands today, a due step stored first (as the
	 * personal report does); the plan comes with it, course or not. */
	struct course_view cv;
	if (view_course_load(db, foods_path, p, today, 1, 0, &cv, e) < 0)
		return -1;
	int have_course = cv.has_course && cv.evaluated;
	int recent_days = (int)tables_threshold("clinician-recent-days", NULL);
	long from = today - view_report_days(db, p, today) + 1;   /* the personal report's span */
	struct intake in;
	struct night *nights = NULL;
	size_t n_nights = 0;
	if (intake_compute(db, p, today - recent_days + 1, today, &t, &in, e) < 0) {
		view_course_release(&cv);
		return -1;
	}
	struct view_dose_days all = {.from = 0, .n = 0, .first = MG_NO_DATE};
	if (journal_dose_list(db, p->id, 0, today, view_add_dose, &all, e) < 0 ||
	    view_night_list(db, p->id, all.first == MG_NO_DATE || from < all.first ? from : all.first, today,
			    &nights, &n_nights, e) < 0) {
		intake_release(&in);
		view_course_release(&cv);
		return -1;
	}
	struct review r;
	struct mg_err re = {0};
	int have_review = view_review_compute(db, foods_path, p, today, 0, NULL, &r, &re) == 0;

	char title[160], a[16], b[16];
	snprintf(title, sizeof(title), "Magnesium supplement summary for a clinician: %s", p->name);
	html_begin_css(sb, title, clinician_css);
	mg_format_date(from, a, sizeof(a));
	mg_format_date(today, b, sizeof(b));
	strbuf_adds(sb, "<p class=\"meta\">");
	html_addf(sb, "Data from %s to %s", a, b);
	if (have_course) {
		mg_format_date(cv.course.started, a, sizeof(a));
		html_addf(sb, " (course day 1: %s; today is day %d)", a, cv.state.day);
	}
	html_addf(sb, ". Generated by mgtrack on %s \xe2\x80\x94 self-reported data, not a diagnosis; not medical advice.",
		  b);
	strbuf_adds(sb, "</p>\n<div class=\"cols\">\n");
	person_section(sb, p, &cv, today);
	total_section(sb, &in, &t, &cv, have_course, recent_days);
	strbuf_adds(sb, "</div>\n");
	warnings_list(sb, &cv);
	if (have_course)
		regimen_section(sb, &cv);
	else
		strbuf_adds(sb, "<h2>Regimen now</h2>\n<p>No course is recorded: mgtrack holds no regimen to summarise.</p>\n");
	medicines_section(sb, p, &cv, have_course);
	strbuf_adds(sb, "<div class=\"cols\">\n");
	long since = have_course ? cv.course.started : all.first != MG_NO_DATE ? all.first : from;
	adherence_section(sb, &cv, have_course, nights, n_nights, since, today);
	trend_section(sb, &r, have_review, re.msg, nights, n_nights, today, recent_days);
	strbuf_adds(sb, "</div>\n");
	notes_part(sb, nights, n_nights, since);
	review_part(sb, &r, have_review);
	html_end(sb, "Made by mgtrack from the person's own journal, as they logged it. Ids in brackets name the rows of "
		     "mgtrack's data tables behind each line ('mgtrack plan --explain' gives their sources). Not a "
		     "diagnosis; not medical advice.");
	if (have_review)
		review_release(&r);
	free(nights);
	intake_release(&in);
	view_course_release(&cv);
	return 0;
}
