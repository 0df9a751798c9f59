/*
 * The course engine (see course.h). Numbers come from data/thresholds.tsv
 * (course-*, and the review's loose-stool figures, so the plan and the
 * review read stools the same way); sentences from data/course-rules.tsv.
 * The replay (replay_day) is the heart: one day at a time from the last
 * version, the same order every time: red flag, loose stools, step up.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/course.h"
#include "core/tables.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

#define DAY_MIN 1440

static double th(const char *id)
{
	return tables_threshold(id, NULL);
}

static const char *rule_text(const char *id)
{
	const struct mg_table *t = tables_get("course-rules.tsv");
	return table_cell(t, (size_t)table_find(t, "id", id), "text");
}

/* The reason: the figures of this change, then the rule's sentence. */
static void reason(struct course_version *v, const char *rule, const char *text, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void reason(struct course_version *v, const char *rule, const char *text, const char *fmt, ...)
{
	char head[256] = "";
	if (fmt) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(head, sizeof(head), fmt, ap);
		va_end(ap);
	}
	snprintf(v->reason, sizeof(v->reason), "%s%s%s", head, head[0] ? ": " : "", text ? text : rule_text(rule));
	mg_strlcpy(v->rule, rule, sizeof(v->rule));
}

size_t course_reason_figures(const struct course_version *v)
{
	static const char *const tables[] = {"course-rules.tsv", "review-rules.tsv"};
	size_t n = strlen(v->reason);
	for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++) {
		const struct mg_table *t = tables_get(tables[i]);
		long r = t ? table_find(t, "id", v->rule) : -1;
		if (r < 0)
			continue;
		const char *text = table_cell(t, (size_t)r, "text");
		size_t k = strlen(text);
		/* "figures: text", as reason() writes it. */
		if (k && n > k + 2 && strcmp(v->reason + n - k, text) == 0 && strncmp(v->reason + n - k - 2, ": ", 2) == 0)
			return n - k - 2;
		break;
	}
	return n;
}

static int active(enum course_phase p)
{
	return p != PHASE_PAUSED && p != PHASE_STOPPED;
}

/* A new version continuing from cur on `from`. */
static void derive(const struct course_version *cur, long from, const char *event, enum course_phase phase,
		   struct course_version *v)
{
	*v = *cur;
	v->id = 0;
	v->seq = cur->seq + 1;
	v->from = from;
	v->phase = phase;
	mg_strlcpy(v->event, event, sizeof(v->event));
	v->reason[0] = v->rule[0] = '\0';
}

/* The smallest dose of the version's product: a unit, or half a scored
 * tablet. Every dose the course plans is whole pieces. */
static double piece(const struct course_version *v)
{
	return v->divisible ? v->unit_mg / 2 : v->unit_mg;
}

/* Lays daily mg out in intakes as today's plan would; min_intakes 2 keeps
 * a split. Returns the number of intakes. */
static size_t layout(const struct plan_input *pin, struct plan *plan, struct course_version *v, double daily,
		     int min_intakes)
{
	v->daily_mg = daily;
	v->n_intakes = 0;
	if (daily <= 0)
		return 0;
	struct plan_schedule s;
	plan_layout(pin, plan, daily, v->unit_mg, v->divisible, min_intakes, &s);
	v->daily_mg = s.daily_mg;   /* one clear time may hold less (plan-one-clear-time) */
	for (size_t i = 0; i < s.n_doses && i < COURSE_MAX_INTAKES; i++) {
		struct course_intake *in = &v->intakes[v->n_intakes++];
		in->time = s.doses[i].time;
		in->mg = s.doses[i].elemental_mg;
		in->units = s.doses[i].units > 0 ? s.doses[i].units : 1;
		mg_strlcpy(in->slot, s.doses[i].slot ? s.doses[i].slot : "", sizeof(in->slot));
	}
	return v->n_intakes;
}

static void pause_version(const struct course_version *cur, long from, const char *rule, const char *text,
			  struct course_version *v)
{
	derive(cur, from, "pause", PHASE_PAUSED, v);
	v->daily_mg = 0;
	v->n_intakes = 0;
	reason(v, rule, text, NULL);
}

const struct course_version *course_version_on(const struct course *c, long date)
{
	const struct course_version *found = NULL;
	for (size_t i = 0; i < c->n; i++)
		if (c->v[i].from <= date)
			found = &c->v[i];
	return found;
}

/* ---- nights ---- */

/* Index of the last night dated on or before d, or -1. */
static long night_at_or_before(const struct course_input *in, long d)
{
	long lo = 0, hi = (long)in->n_nights - 1, found = -1;
	while (lo <= hi) {
		long mid = lo + (hi - lo) / 2;
		if (in->nights[mid].date <= d) {
			found = mid;
			lo = mid + 1;
		} else {
			hi = mid - 1;
		}
	}
	return found;
}

static const struct night *night_on(const struct course_input *in, long d)
{
	long i = night_at_or_before(in, d);
	return i >= 0 && in->nights[i].date == d ? &in->nights[i] : NULL;
}

/* The newest version that starts a new reading of tolerance: the start, a
 * resume, and the tolerance changes themselves (split, lower, another
 * form), so the loose nights that caused a split are not counted again
 * for a lower dose. A step up or a retime does not restart it: a loose
 * night logged late for the days before a step up still counts. */
static long tolerance_anchor(const struct course *c)
{
	static const char *const events[] = {"start", "resume", "split", "lower", "change_form"};
	long at = c->started - 1;
	for (size_t i = 0; i < c->n; i++)
		for (size_t k = 0; k < sizeof(events) / sizeof(events[0]); k++)
			if (strcmp(c->v[i].event, events[k]) == 0)
				at = c->v[i].from;
	return at;
}

struct stools {
	int loose_recent;    /* loose among the last review-loose-window nights with stool form, after the anchor */
	int recent_logged;
	int logged;          /* nights with stool form since the current version began */
	long last_logged;    /* the newest of them */
	long last_loose;     /* the newest loose night in the last course-step-min-days days */
};

static void stools(const struct course_input *in, const struct course *c, const struct course_version *cur, long d,
		   struct stools *s)
{
	memset(s, 0, sizeof(*s));
	s->last_loose = s->last_logged = MG_NO_DATE;
	int loose = (int)th("review-loose-bristol");
	int window = (int)th("review-loose-window");
	long anchor = tolerance_anchor(c);
	long hold_from = d - (long)th("course-step-min-days") + 1;
	for (long i = night_at_or_before(in, d); i >= 0; i--) {
		const struct night *n = &in->nights[i];
		if (n->bristol < 1)
			continue;
		if (n->date > anchor && s->recent_logged < window) {
			s->recent_logged++;
			s->loose_recent += n->bristol >= loose;
		}
		if (n->date > cur->from) {
			s->logged++;
			if (s->last_logged == MG_NO_DATE)
				s->last_logged = n->date;
		}
		if (n->bristol >= loose && n->date >= hold_from && s->last_loose == MG_NO_DATE)
			s->last_loose = n->date;
		if (n->date <= anchor && n->date <= cur->from && n->date < hold_from)
			break;
	}
}

static const char *flag_names(unsigned flags, char *buf, size_t n)
{
	buf[0] = '\0';
	for (unsigned bit = 1; bit <= RED_PALPITATIONS; bit <<= 1)
		if (flags & bit) {
			size_t l = strlen(buf);
			snprintf(buf + l, n - l, "%s%s", l ? " and " : "", night_red_flag_name(bit));
		}
	return buf;
}

/* ---- the changes ---- */

static double min_dose(void)
{
	return th("plan-min-dose-mg");
}

/* Room under the supplemental upper limit left by other supplements;
 * HUGE_VAL when no limit applies. */
static double ul_room(const struct plan *plan)
{
	if (!plan->targets.ul_set)
		return HUGE_VAL;
	return plan->targets.supplement_ul_mg - plan->other_mg;
}

/* The daily dose one step below cur, in whole units, or 0 when that
 * would fall under the minimum dose. */
static double one_step_down(const struct course_version *cur)
{
	double want = cur->daily_mg - cur->step_mg;
	if (want < min_dose() - 1e-6)
		return 0;
	double lower = plan_fit_dose(piece(cur), want, min_dose(), cur->daily_mg - piece(cur));
	return lower < cur->daily_mg - 1e-6 && lower >= min_dose() - 1e-6 ? lower : 0;
}

/* Loose stools on enough recent nights: split, else lower, else pause. */
static void tolerance_change(const struct course_input *in, const struct course_version *cur, long d,
			     const struct stools *s, struct course_version *v)
{
	int split = cur->n_intakes >= 2;
	if (!split) {
		derive(cur, d, "split", cur->phase, v);
		if (layout(in->plan_in, in->plan, v, cur->daily_mg, 2) >= 2) {
			reason(v, "course-split", NULL, "loose stools on %d of the last %d nights with stool form logged",
			       s->loose_recent, s->recent_logged);
			return;
		}
	}
	double lower = one_step_down(cur);
	if (lower > 0) {
		derive(cur, d, "lower", PHASE_MAINTENANCE, v);
		layout(in->plan_in, in->plan, v, lower, split ? 2 : 1);
		v->full_mg = lower;
		reason(v, "course-lower", NULL, "loose stools on %d of the last %d nights with stool form logged%s; %.0f mg a day instead of %.0f mg",
		       s->loose_recent, s->recent_logged, split ? " on a split dose" : " (one unit cannot be split)",
		       lower, cur->daily_mg);
		return;
	}
	pause_version(cur, d, "course-pause-loose", NULL, v);
}

/* A red flag on the night of day d pauses from that day: magnesium stops
 * the morning it is logged for, even when the course learns it later. */
static int red_flag_day(const struct course_input *in, const struct course_version *cur, long d,
			struct course_version *v)
{
	const struct night *n = night_on(in, d);
	if (!n || !n->red_flags)
		return 0;
	char names[64], date[16];
	mg_format_date(d, date, sizeof(date));
	pause_version(cur, d, "course-pause-red-flag", NULL, v);
	reason(v, "course-pause-red-flag", NULL, "%s logged for %s", flag_names(n->red_flags, names, sizeof(names)), date);
	return 1;
}

/* Whether a step up is due today: 1, else 0 with the hold's rule in *hold
 * ("" when it is simply not time yet). */
static int step_due(const struct course_input *in, const struct course_version *cur, const struct stools *s,
		    const char **hold, double *up)
{
	*hold = "";
	if (cur->phase != PHASE_TITRATING || cur->daily_mg >= cur->full_mg - 1e-6)
		return 0;
	if (in->today - cur->from < (long)th("course-step-min-days"))
		return 0;
	if (s->last_loose != MG_NO_DATE) {
		*hold = "course-hold-loose";
		return 0;
	}
	if (s->logged < (int)th("course-step-min-stool-nights") ||
	    in->today - s->last_logged >= (long)th("course-step-recent-days")) {
		*hold = "course-hold-no-log";
		return 0;
	}
	double room = ul_room(in->plan);
	double target = fmin(fmin(cur->full_mg, cur->daily_mg + cur->step_mg), room);
	*up = plan_fit_dose(piece(cur), target, cur->daily_mg, target);
	if (*up > target + 1e-6 || *up <= cur->daily_mg + 1e-6) {
		*hold = "course-hold-ul";
		return 0;
	}
	return 1;
}

/* The last night whose red flags have been dealt with: a pause acted on
 * the flags up to its own night; a resume is refused while its morning
 * has one, so it clears the nights before it; a course starts only without
 * a recent one, so its own morning still counts. */
static long flags_cleared(const struct course *c)
{
	long at = c->started - 1;
	for (size_t i = 0; i < c->n; i++) {
		if (strcmp(c->v[i].event, "start") == 0 || strcmp(c->v[i].event, "resume") == 0)
			at = c->v[i].from - 1;
		else if (strcmp(c->v[i].event, "pause") == 0)
			at = c->v[i].from;
	}
	return at;
}

/* What changes today: a red flag not yet acted on, a profile that now
 * needs a clinician, loose stools, other supplements that leave less room
 * under the upper limit, a step up that is due, an intake that now falls in
 * a medicine window. Steps are taken on the day the course learns they are
 * due, never back-dated: the person could not have followed them before. */
static int present_change(const struct course_input *in, const struct course *work, const struct course_version *cur,
			  struct course_version *v)
{
	long today = in->today;
	struct plan *plan = in->plan;
	/* A red flag logged afterwards for an earlier night (the replay only
	 * reads each night on its own day) still pauses, today. */
	long cleared = flags_cleared(work);
	for (long i = night_at_or_before(in, today); i >= 0 && in->nights[i].date > cleared; i--)
		if (in->nights[i].red_flags) {
			char names[64], date[16];
			mg_format_date(in->nights[i].date, date, sizeof(date));
			pause_version(cur, today, "course-pause-red-flag", NULL, v);
			reason(v, "course-pause-red-flag", NULL, "%s logged for %s",
			       flag_names(in->nights[i].red_flags, names, sizeof(names)), date);
			return 1;
		}
	if (plan->status == PLAN_CLINICIAN) {
		pause_version(cur, today, "course-pause-clinician", NULL, v);
		if (plan->warnings.n)
			reason(v, "course-pause-clinician", NULL, "%s", plan->warnings.v[0].text);
		return 1;
	}
	struct stools s;
	stools(in, work, cur, today, &s);
	if (s.loose_recent >= (int)th("review-loose-nights")) {
		tolerance_change(in, cur, today, &s, v);
		return 1;
	}
	double room = ul_room(plan);
	if (cur->daily_mg > room + 1e-6) {
		double fit = room >= min_dose() - 1e-6 ? plan_fit_dose(piece(cur), room, min_dose(), room) : 0;
		if (fit < min_dose() - 1e-6 || fit > room + 1e-6) {
			pause_version(cur, today, "course-pause-ul", NULL, v);
			reason(v, "course-pause-ul", NULL, "your other supplements give %.0f mg a day of the %.0f mg upper limit",
			       plan->other_mg, plan->targets.supplement_ul_mg);
			return 1;
		}
		/* The full dose stays where it was: once the other supplements
		 * stop, the course steps up again towards it. */
		derive(cur, today, "fit_ul", fit < cur->full_mg - 1e-6 ? PHASE_TITRATING : cur->phase, v);
		layout(in->plan_in, plan, v, fit, cur->n_intakes >= 2 ? 2 : 1);
		v->start_mg = fmin(cur->start_mg, fit);
		reason(v, "course-fit-ul", NULL, "other supplements give %.0f mg a day, so %.0f mg is left under the %.0f mg limit",
		       plan->other_mg, room, plan->targets.supplement_ul_mg);
		return 1;
	}
	const char *hold;
	double up;
	if (step_due(in, cur, &s, &hold, &up)) {
		int reached = up >= cur->full_mg - 1e-6;
		derive(cur, today, "step_up", reached ? PHASE_MAINTENANCE : PHASE_TITRATING, v);
		layout(in->plan_in, plan, v, up, cur->n_intakes >= 2 ? 2 : 1);
		reason(v, "course-step-up", NULL, "%ld days at %.0f mg, %d nights with stool form logged, none loose: %.0f mg a day",
		       today - cur->from, cur->daily_mg, s.logged, up);
		return 1;
	}
	for (size_t i = 0; i < cur->n_intakes; i++)
		for (size_t w = 0; w < plan->n_windows; w++)
			if (plan_window_applies(&plan->windows[w], -1) &&
			    plan_window_contains(&plan->windows[w], cur->intakes[i].time)) {
				derive(cur, today, "retime", cur->phase, v);
				layout(in->plan_in, plan, v, cur->daily_mg, cur->n_intakes >= 2 ? 2 : 1);
				/* With no clear time the layout lands where it did:
				 * nothing changes, and no version is written. */
				int same = v->n_intakes == cur->n_intakes;
				for (size_t k = 0; same && k < v->n_intakes; k++)
					same = v->intakes[k].time == cur->intakes[k].time;
				if (same)
					return 0;
				reason(v, "course-retime", NULL, "an intake at %02d:%02d is now within the hours around %s",
				       cur->intakes[i].time / 60, cur->intakes[i].time % 60, plan->windows[w].medicine);
				return 1;
			}
	return 0;
}

/* ---- adherence ---- */

static int same_product(const struct dose_entry *d, const struct course_version *v)
{
	if (v->product_id)
		return d->product_id == v->product_id;
	return strcasecmp(d->product_name, v->product_name) == 0;
}

static int circular_gap(int a, int b)
{
	int d = abs(a - b) % DAY_MIN;
	return d > DAY_MIN / 2 ? DAY_MIN - d : d;
}

static int nearest_intake(const struct course_version *v, int t)
{
	int best = -1;
	for (size_t i = 0; i < v->n_intakes; i++)
		if (best < 0 || circular_gap(v->intakes[i].time, t) < circular_gap(best, t))
			best = v->intakes[i].time;
	return best;
}

void course_adherence(const struct course *c, const struct dose_entry *doses, size_t n_doses, long from, long to,
		      long today, struct course_adherence *out)
{
	memset(out, 0, sizeof(*out));
	out->mg_pct = out->on_time_pct = NAN;
	double sum_pct = 0;
	int on_time = 0, timed = 0;
	int tolerance = (int)th("course-on-time-min");
	size_t k = 0;
	while (k < n_doses && doses[k].date < from)
		k++;
	for (long d = from; d <= to; d++) {
		const struct course_version *v = course_version_on(c, d);
		double taken = 0;
		size_t answered = 0;
		for (; k < n_doses && doses[k].date == d; k++) {
			const struct dose_entry *x = &doses[k];
			if (!v || !same_product(x, v))
				continue;
			answered++;
			if (x->skipped)
				continue;
			taken += x->elemental_mg;
			if (v->n_intakes) {
				int planned = x->planned_time >= 0 ? x->planned_time : nearest_intake(v, x->time);
				timed++;
				on_time += circular_gap(planned, x->time) <= tolerance;
			}
		}
		if (!v || !active(v->phase) || v->daily_mg <= 0)
			continue;
		if (d == today && answered < v->n_intakes)
			continue;   /* today is not over: it counts once every intake is answered */
		double f = fmin(taken / v->daily_mg, 1.0);
		sum_pct += f;
		out->days_planned++;
		out->days_adherent += f >= th("course-adherent-day") - 1e-9;
	}
	if (out->days_planned)
		out->mg_pct = 100 * sum_pct / out->days_planned;
	if (timed)
		out->on_time_pct = 100.0 * on_time / timed;
}

void course_intake_tally(const struct course *c, const struct dose_entry *doses, size_t n_doses, long from, long to,
			 long today, struct course_tally *out)
{
	memset(out, 0, sizeof(*out));
	if (to > today)
		to = today;
	/* The doses are in date order: each day looks at its own slice. */
	size_t k = 0;
	for (long d = from; d <= to; d++) {
		while (k < n_doses && doses[k].date < d)
			k++;
		size_t end = k;
		while (end < n_doses && doses[end].date == d)
			end++;
		struct course_intake in[COURSE_MAX_INTAKES];
		enum intake_status st[COURSE_MAX_INTAKES];
		size_t n;
		course_day_intakes(c, doses + k, end - k, d, in, st, &n);
		for (size_t i = 0; i < n; i++) {
			if (st[i] == INTAKE_DUE && d == today)
				continue;   /* the day is not over */
			out->planned++;
			out->taken += st[i] == INTAKE_TAKEN;
			out->skipped += st[i] == INTAKE_SKIPPED;
			out->missed += st[i] == INTAKE_DUE;
		}
		k = end;
	}
}

/* ---- where the course stands ---- */

int course_day_intakes(const struct course *c, const struct dose_entry *doses, size_t n_doses, long date,
		       struct course_intake *out, enum intake_status *status, size_t *n)
{
	const struct course_version *v = course_version_on(c, date);
	*n = v && active(v->phase) ? v->n_intakes : 0;
	for (size_t i = 0; i < *n; i++) {
		out[i] = v->intakes[i];
		status[i] = INTAKE_DUE;
	}
	/* A planned dose answers the intake of its planned time. Any other
	 * dose (servings typed, a CSV) answers the intakes still due in order,
	 * as many as its magnesium covers: 200 mg taken at once covers both
	 * 100 mg intakes, so the evening one is not taken again. */
	for (size_t k = 0; k < n_doses; k++) {
		const struct dose_entry *x = &doses[k];
		if (x->date != date || !v || !same_product(x, v))
			continue;
		long slot = -1;
		for (size_t i = 0; i < *n && slot < 0; i++)
			if (status[i] == INTAKE_DUE && x->planned_time == out[i].time)
				slot = (long)i;
		if (slot >= 0 || x->skipped) {
			for (size_t i = 0; i < *n && slot < 0; i++)
				if (status[i] == INTAKE_DUE)
					slot = (long)i;
			if (slot >= 0)
				status[slot] = x->skipped ? INTAKE_SKIPPED : INTAKE_TAKEN;
			continue;
		}
		double left = x->elemental_mg;
		for (size_t i = 0; i < *n; i++)
			if (status[i] == INTAKE_DUE && (left >= out[i].mg - 1e-6 || left == x->elemental_mg)) {
				status[i] = INTAKE_TAKEN;
				left -= out[i].mg;
				if (left <= 1e-6)
					break;
			}
	}
	for (size_t i = 0; i < *n; i++)
		if (status[i] == INTAKE_DUE)
			return (int)i;
	return -1;
}

static void set_next(struct course_state *st, const char *rule, long date, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void set_next(struct course_state *st, const char *rule, long date, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(st->next_what, sizeof(st->next_what), fmt, ap);
	va_end(ap);
	st->next_date = date;
	mg_strlcpy(st->next_rule, rule, sizeof(st->next_rule));
}

static int has_event(const struct course *c, const char *event)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->v[i].event, event) == 0)
			return 1;
	return 0;
}

/* Why today's step up is held, the tentative step ahead, and what is next. */
static void look_ahead(const struct course_input *in, const struct course *work, struct course_state *st)
{
	const struct course_version *v = &st->now;
	long today = in->today;
	st->next_date = MG_NO_DATE;
	switch (v->phase) {
	case PHASE_PAUSED:
		set_next(st, "course-resume", MG_NO_DATE, "paused: when the cause has gone, resume with 'mgtrack course resume'"
			 " (the course restarts at %.0f mg)", v->start_mg);
		return;
	case PHASE_STOPPED:
		set_next(st, "course-stop", MG_NO_DATE, "the course has ended: 'mgtrack course start' begins a new one");
		return;
	case PHASE_STEPPING_DOWN: {
		long at = v->from + (long)th("course-step-down-hold-days");
		set_next(st, "course-step-down", at, "review the lower dose: 'mgtrack review --apply' keeps it if the benefit"
			 " holds, else goes back up");
		return;
	}
	case PHASE_TITRATING:
		if (v->daily_mg < v->full_mg - 1e-6) {
			long earliest = v->from + (long)th("course-step-min-days");
			struct stools s;
			const char *hold;
			double up;
			stools(in, work, v, today, &s);
			double next_mg = fmin(v->full_mg, v->daily_mg + v->step_mg);
			if (earliest <= today && !step_due(in, v, &s, &hold, &up) && hold[0]) {
				/* Due today by the calendar, but not taken: say why. */
				char date[16];
				if (strcmp(hold, "course-hold-loose") == 0) {
					mg_format_date(s.last_loose, date, sizeof(date));
					snprintf(st->hold, sizeof(st->hold), "loose stools on %s: %s", date, rule_text(hold));
				} else if (strcmp(hold, "course-hold-no-log") == 0) {
					snprintf(st->hold, sizeof(st->hold), "%d night%s with stool form since the last step (%.0f"
						 " needed, one in the last %.0f days): %s", s.logged, s.logged == 1 ? "" : "s",
						 th("course-step-min-stool-nights"), th("course-step-recent-days"), rule_text(hold));
				} else {
					snprintf(st->hold, sizeof(st->hold), "%s", rule_text(hold));
				}
				mg_strlcpy(st->hold_rule, hold, sizeof(st->hold_rule));
				set_next(st, hold, MG_NO_DATE, "step up to %.0f mg once the hold ends", next_mg);
				return;
			}
			/* The step ahead at the dose and times it would have, for the
			 * days ahead in the plan and the calendar. */
			st->has_projection = 1;
			derive(v, earliest > today ? earliest : today + 1, "step_up", PHASE_TITRATING, &st->projected);
			double target = fmin(next_mg, ul_room(in->plan));
			double ahead = plan_fit_dose(piece(v), target, v->daily_mg, target);
			layout(in->plan_in, in->plan, &st->projected, ahead, v->n_intakes >= 2 ? 2 : 1);
			if (ahead >= v->full_mg - 1e-6)
				st->projected.phase = PHASE_MAINTENANCE;
			set_next(st, "course-step-up", st->projected.from,
				 "step up to %.0f mg if stools stay formed and no red flag appears", ahead);
			return;
		}
		break;
	case PHASE_MAINTENANCE:
		break;
	}
	for (size_t i = 0; i < 2; i++)
		if (st->checkpoint_date[i] >= today) {
			set_next(st, i == 0 ? "check-day-14" : "check-day-42", st->checkpoint_date[i],
				 "checkpoint, day %d: 'mgtrack review'%s", st->checkpoint_day[i],
				 i == 1 ? " and then 'mgtrack review --apply'" : "");
			return;
		}
	if (has_event(work, "keep_lower") || has_event(work, "step_back_up"))
		set_next(st, "course-keep-lower", MG_NO_DATE, "continue at %.0f mg, the lowest dose found to help",
			 v->daily_mg);
	else
		set_next(st, "check-day-42", today, "the day-%d review is due: 'mgtrack review', then 'mgtrack review --apply'",
			 st->checkpoint_day[1]);
}

int course_evaluate(const struct course_input *in, struct course_state *st, struct mg_err *e)
{
	memset(st, 0, sizeof(*st));
	st->next_intake = -1;
	const struct course *c = in->course;
	if (!c->n)
		return mg_err_set(e, MG_EDATA, "course %ld has no plan version", c->id);
	struct course work;
	course_init(&work);
	work.id = c->id;
	work.started = c->started;
	work.ended = c->ended;
	for (size_t i = 0; i < c->n; i++)
		course_push(&work, &c->v[i]);

	const struct course_version *cur = course_last(&work);
	/* A red flag pauses from its own morning, so the days since it are not
	 * counted as planned; everything else is decided today. */
	for (long d = cur->from + 1; active(cur->phase) && d <= in->today; d++) {
		struct course_version v;
		if (red_flag_day(in, cur, d, &v)) {
			course_push(&work, &v);
			cur = course_last(&work);
		}
	}
	/* A change can make another due the same day (a lower dose that now
	 * needs other times); a few rounds settle it. */
	for (int round = 0; round < 3 && active(cur->phase) && cur->from <= in->today; round++) {
		struct course_version v;
		if (!present_change(in, &work, cur, &v))
			break;
		course_push(&work, &v);
		cur = course_last(&work);
	}
	st->n_due = work.n - c->n;
	if (st->n_due) {
		st->due = mg_calloc(st->n_due, sizeof(*st->due));
		memcpy(st->due, work.v + c->n, st->n_due * sizeof(*st->due));
	}
	const struct course_version *now = course_version_on(&work, in->today);
	st->now = now ? *now : work.v[0];
	st->day = (int)(in->today - c->started + 1);
	for (size_t i = 0; i < 2; i++) {
		st->checkpoint_day[i] = in->plan->checkpoint_days[i];
		st->checkpoint_date[i] = c->started + in->plan->checkpoint_days[i] - 1;
	}
	long to = c->ended != MG_NO_DATE && c->ended < in->today ? c->ended : in->today;
	course_adherence(&work, in->doses, in->n_doses, c->started, to, in->today, &st->adherence);
	st->next_intake = course_day_intakes(&work, in->doses, in->n_doses, in->today, st->today, st->today_status,
					     &st->n_today);
	/* On the day of a weekly medicine the intakes in its hours move, for
	 * today only; the version and the planned times doses answer stay. */
	int times[COURSE_MAX_INTAKES];
	for (size_t i = 0; i < st->n_today; i++)
		times[i] = st->today[i].time;
	const char *med = NULL;
	if (st->n_today && plan_retime_day(in->plan, in->today, times, st->n_today, &med)) {
		for (size_t i = 0; i < st->n_today; i++) {
			if (times[i] == st->today[i].time)
				continue;
			snprintf(st->today_note, sizeof(st->today_note),
				 "the %s intake moves from %02d:%02d to %02d:%02d, out of the hours around %s, on this day"
				 " only [plan-weekly]", st->today[i].slot, st->today[i].time / 60, st->today[i].time % 60,
				 times[i] / 60, times[i] % 60, med ? med : "a weekly medicine");
			st->today[i].time = times[i];
		}
	}
	/* The limit is a daily one: an antacid taken today leaves less room
	 * today, whatever the usual day is. */
	double due_mg = 0;
	for (size_t i = 0; i < st->n_today; i++)
		if (st->today_status[i] == INTAKE_DUE)
			due_mg += st->today[i].mg;
	if (in->plan->targets.ul_set && due_mg > 0 &&
	    in->today_other_mg + due_mg > in->plan->targets.supplement_ul_mg + 1e-6)
		snprintf(st->today_warning, sizeof(st->today_warning),
			 "your other supplements today give %.0f mg: with the %.0f mg still planned the day would pass the"
			 " %.0f mg upper limit, so skip today's remaining intakes ('mgtrack dose --skip') [course-pause-ul]",
			 in->today_other_mg, due_mg, in->plan->targets.supplement_ul_mg);
	look_ahead(in, &work, st);
	course_release(&work);
	return 0;
}

void course_state_release(struct course_state *st)
{
	free(st->due);
	memset(st, 0, sizeof(*st));
}

/* ---- explicit changes ---- */

int course_first_version(const struct plan_input *pin, struct plan *plan, long start, struct course_version *v,
			 struct mg_err *e)
{
	memset(v, 0, sizeof(*v));
	if (plan->status == PLAN_CLINICIAN || plan->status == PLAN_PAUSE)
		return mg_err_set(e, MG_EDATA, "the plan's status is %s, so no course can start: %s", plan_status_name(plan->status),
				  plan->warnings.n ? plan->warnings.v[0].text : "see a clinician first");
	if (!(plan->daily_mg > 0))
		return mg_err_set(e, MG_EDATA, "the plan adds no supplement, so there is no course to start (see 'mgtrack plan --explain')");
	/* The plan did not use the person's product: its units give more
	 * than the rules allow. Said plainly, never started at full strength. */
	if (!plan->product && plan->too_strong)
		return mg_err_set(e, MG_EDATA, "product \"%s\" is too strong for the plan, so no course can start with it: %s;"
				  " add one with smaller units, or mark a scored tablet with --divisible ('mgtrack plan'"
				  " says which would do), then start the course", plan->too_strong->name, plan->too_strong_why);
	if (!plan->product)
		return mg_err_set(e, MG_ENOINPUT, "the plan has no product: add the one you will take with 'mgtrack product add',"
				  " then start the course");
	const struct plan_schedule *first = &plan->steps[0];
	v->seq = 1;
	v->from = start;
	mg_strlcpy(v->event, "start", sizeof(v->event));
	v->full_mg = plan->daily_mg;
	v->start_mg = first->daily_mg;
	v->unit_mg = plan->product_mg.per_unit;
	v->divisible = plan->product->divisible;
	v->step_mg = v->full_mg - v->start_mg > 1e-6 ? v->full_mg - v->start_mg : piece(v);
	v->phase = v->start_mg < v->full_mg - 1e-6 ? PHASE_TITRATING : PHASE_MAINTENANCE;
	mg_strlcpy(v->form, plan->product_mg.form.form, sizeof(v->form));
	v->product_id = plan->product->id;
	mg_strlcpy(v->product_name, plan->product->name, sizeof(v->product_name));
	v->units_per_serving = plan->product->units_per_serving;
	layout(pin, plan, v, v->start_mg, first->n_doses >= 2 ? 2 : 1);
	if (v->phase == PHASE_TITRATING)
		reason(v, "course-start", NULL, "%.0f mg a day to start, %.0f mg once stools stay formed", v->start_mg,
		       v->full_mg);
	else
		reason(v, "course-start", NULL, "%.0f mg a day", v->start_mg);
	return 0;
}

/* The last version before the pause, for what the course resumes with. */
static const struct course_version *last_active(const struct course *c)
{
	for (size_t i = c->n; i-- > 0;)
		if (active(c->v[i].phase))
			return &c->v[i];
	return c->n ? &c->v[0] : NULL;
}

int course_resume_version(const struct course *c, const struct night *nights, size_t n_nights,
			  const struct plan_input *pin, struct plan *plan, long date, struct course_version *v,
			  struct mg_err *e)
{
	const struct course_version *cur = course_last(c);
	if (!cur || cur->phase != PHASE_PAUSED)
		return mg_err_set(e, MG_EDATA, "the course is not paused (it is %s): there is nothing to resume",
				  cur ? course_phase_name(cur->phase) : "not started");
	if (plan->status == PLAN_CLINICIAN)
		return mg_err_set(e, MG_EDATA, "the plan's status is clinician, so the course cannot resume: %s",
				  plan->warnings.n ? plan->warnings.v[0].text : "see a clinician first");
	/* The flags the person confirms have gone: those of the nights since
	 * the pause. One logged for this very morning is not gone yet. */
	char confirmed[160] = "";
	for (size_t i = 0; i < n_nights; i++) {
		const struct night *n = &nights[i];
		if (!n->red_flags || n->date < cur->from || n->date > date)
			continue;
		char names[64], d[16];
		mg_format_date(n->date, d, sizeof(d));
		if (n->date == date)
			return mg_err_set(e, MG_EDATA, "%s is logged for this morning (%s): resume once it has gone; see a"
					  " clinician if it persists", flag_names(n->red_flags, names, sizeof(names)), d);
		size_t l = strlen(confirmed);
		snprintf(confirmed + l, sizeof(confirmed) - l, "%s%s (%s)", l ? ", " : "",
			 flag_names(n->red_flags, names, sizeof(names)), d);
	}
	const struct course_version *base = last_active(c);
	double room = ul_room(plan);
	if (base->start_mg > room + 1e-6)
		return mg_err_set(e, MG_EDATA, "your other supplements give %.0f mg a day of the %.0f mg upper limit: the"
				  " course cannot resume at %.0f mg until they change", plan->other_mg,
				  plan->targets.supplement_ul_mg, base->start_mg);
	derive(cur, date, "resume", base->start_mg < base->full_mg - 1e-6 ? PHASE_TITRATING : PHASE_MAINTENANCE, v);
	v->full_mg = base->full_mg;
	v->start_mg = base->start_mg;
	v->step_mg = base->step_mg;
	layout(pin, plan, v, base->start_mg, base->n_intakes >= 2 ? 2 : 1);
	int flag_pause = strcmp(cur->rule, "course-pause-red-flag") == 0 || strcmp(cur->rule, "review-pause") == 0;
	if (confirmed[0])
		reason(v, "course-resume", NULL, "you confirm that %s %s gone; back to %.0f mg a day", confirmed,
		       strchr(confirmed, ',') ? "have" : "has", v->start_mg);
	else if (flag_pause)
		reason(v, "course-resume", NULL, "the red flag that paused it is no longer logged; back to %.0f mg a day",
		       v->start_mg);
	else
		reason(v, "course-resume-other", NULL, "back to %.0f mg a day", v->start_mg);
	return 0;
}

void course_stop_version(const struct course *c, long date, const char *why, struct course_version *v)
{
	derive(course_last(c), date, "stop", PHASE_STOPPED, v);
	v->daily_mg = 0;
	v->n_intakes = 0;
	if (why && *why)
		reason(v, "course-stop", why, NULL);
	else
		reason(v, "course-stop", NULL, NULL);
}

/* A product to change to: of `form` when given; else the form suggested
 * for the person's goals (today's plan), a gentle one, then any other
 * recommended form than the course's. Never oxide, one taken regularly, or
 * one whose smallest piece is above the course's dose or cannot give it
 * under the limit (a change of form never raises the dose). */
static const struct product *pick_product(const struct course_version *cur, const char *form, int need_gentle,
					  const char *goal_form, const struct product *products, size_t n, double room)
{
	const struct product *best = NULL;
	int best_rank = 99;
	for (size_t i = 0; i < n; i++) {
		struct product_mg mg;
		struct mg_err e = {0};
		const struct product *p = &products[i];
		if (p->id == cur->product_id || p->taking_servings > 0 || product_magnesium(p, &mg, &e) < 0)
			continue;
		/* Its pieces must give the course's dose within the room, as the
		 * plan would lay it out (no intake above the split threshold). */
		double q = product_piece_mg(p, &mg), hi = fmin(cur->full_mg, room);
		if (strcmp(mg.form.form, "oxide") == 0 || !mg.form.recommend || q > cur->daily_mg + 1e-6 ||
		    plan_fit_dose(q, cur->full_mg, min_dose(), hi) > hi + 1e-6)
			continue;
		int gentle = mg_has_any_word(mg.form.traits, "gentle");
		if ((need_gentle && !gentle) || strcmp(mg.form.form, cur->form) == 0)
			continue;
		int rank = form ? (strcmp(mg.form.form, form) == 0 ? 0 : 99)
			 : goal_form && strcmp(mg.form.form, goal_form) == 0 ? 0 : gentle ? 1 : 2;
		if (rank < best_rank) {
			best = p;
			best_rank = rank;
		}
	}
	return best;
}

/* The course goes on with another product, from that form's start dose:
 * a new form is started low like the first one. */
static int change_form(const struct course_version *cur, const char *form, int need_gentle,
		       const struct product *products, size_t n_products, const struct plan_input *pin,
		       struct plan *plan, long today, struct course_version *v, struct mg_err *e)
{
	double room = ul_room(plan);
	const struct product *p = pick_product(cur, form, need_gentle, plan->form.form, products, n_products, room);
	if (!p)
		return mg_err_set(e, MG_ENOINPUT, "no product of %s%s is recorded with capsules of at most %.0f mg: add one"
				  " (for example glycinate) with 'mgtrack product add', or name it with --product, then apply"
				  " again", need_gentle ? "a gentle form other than " : form ? "the form " : "another form than ",
				  form ? form : cur->form, cur->daily_mg);
	struct product_mg mg;
	if (product_magnesium(p, &mg, e) < 0)
		return -1;
	double q = product_piece_mg(p, &mg);
	double full = plan_fit_dose(q, cur->full_mg, min_dose(), fmin(cur->full_mg, room));
	double start = plan_fit_dose(q, cur->start_mg, min_dose(), full);
	derive(cur, today, "change_form", start < full - 1e-6 ? PHASE_TITRATING : PHASE_MAINTENANCE, v);
	v->product_id = p->id;
	mg_strlcpy(v->product_name, p->name, sizeof(v->product_name));
	mg_strlcpy(v->form, mg.form.form, sizeof(v->form));
	v->unit_mg = mg.per_unit;
	v->divisible = p->divisible;
	v->units_per_serving = p->units_per_serving;
	v->full_mg = full;
	v->start_mg = start;
	v->step_mg = full - start > 1e-6 ? full - start : q;
	layout(pin, plan, v, start, cur->n_intakes >= 2 ? 2 : 1);
	return 0;
}

int course_apply_decision(const struct course *c, const struct course_state *st, const char *decision,
			  const char *rule, const char *rule_text_, const char *form, const struct product *products,
			  size_t n_products, const struct plan_input *pin, struct plan *plan, long today,
			  struct course_version *v, char *what, size_t what_len, struct mg_err *e)
{
	const struct course_version *cur = &st->now;
	what[0] = '\0';
	if (!active(cur->phase))
		return mg_err_set(e, MG_EDATA, "the course is %s: %s", course_phase_name(cur->phase),
				  cur->phase == PHASE_PAUSED ? "resume it first ('mgtrack course resume')"
							     : "start a new one first ('mgtrack course start')");
	if (strcmp(decision, "insufficient_data") == 0)
		return mg_err_set(e, MG_EDATA, "the decision is insufficient_data, so there is nothing to apply: keep"
				  " logging and review again");
	if (strcmp(decision, "pause") == 0) {
		pause_version(cur, today, rule, rule_text_, v);
		return 1;
	}
	if (strcmp(decision, "stop") == 0) {
		course_stop_version(c, today, rule_text_, v);
		mg_strlcpy(v->rule, rule, sizeof(v->rule));
		return 1;
	}
	if (strcmp(decision, "split_dose") == 0) {
		if (cur->n_intakes >= 2) {
			snprintf(what, what_len, "the dose is already split into %zu intakes: nothing changes", cur->n_intakes);
			return 0;
		}
		derive(cur, today, "split", cur->phase, v);
		if (layout(pin, plan, v, cur->daily_mg, 2) < 2)
			return mg_err_set(e, MG_EDATA, "the day's %.0f mg is one capsule of \"%s\" and cannot be split:"
					  " lower the dose or change the form instead", cur->daily_mg, cur->product_name);
		reason(v, rule, rule_text_, NULL);
		return 1;
	}
	if (strcmp(decision, "lower_dose") == 0) {
		double lower = one_step_down(cur);
		if (lower <= 0)
			return mg_err_set(e, MG_EDATA, "%.0f mg a day is already the lowest dose the course uses: pause"
					  " or change the form instead", cur->daily_mg);
		derive(cur, today, "lower", PHASE_MAINTENANCE, v);
		layout(pin, plan, v, lower, cur->n_intakes >= 2 ? 2 : 1);
		v->full_mg = lower;
		reason(v, rule, rule_text_, "%.0f mg a day instead of %.0f mg", lower, cur->daily_mg);
		return 1;
	}
	int stepping = cur->phase == PHASE_STEPPING_DOWN;
	long review_at = cur->from + (long)th("course-step-down-hold-days");
	if (stepping && today < review_at && (strcmp(decision, "continue") == 0 || strcmp(decision, "extend") == 0 ||
					       strcmp(decision, "change_form") == 0)) {
		char d[16];
		mg_format_date(review_at, d, sizeof(d));
		snprintf(what, what_len, "the lower dose is reviewed on %s, two weeks after the step down: nothing changes"
			 " yet", d);
		return 0;
	}
	if (stepping && strcmp(decision, "continue") == 0) {
		derive(cur, today, "keep_lower", PHASE_MAINTENANCE, v);
		v->full_mg = cur->daily_mg;
		reason(v, "course-keep-lower", NULL, "%.0f mg a day", cur->daily_mg);
		return 1;
	}
	if (stepping && (strcmp(decision, "extend") == 0 || strcmp(decision, "change_form") == 0)) {
		const struct course_version *before = NULL;
		for (size_t i = c->n; i-- > 0 && !before;)
			if (c->v[i].phase == PHASE_MAINTENANCE && c->v[i].daily_mg > cur->daily_mg + 1e-6)
				before = &c->v[i];
		/* In whole pieces of the product: the room under the limit may
		 * have shrunk to an amount no whole number of capsules gives. */
		double hi = fmin(before ? before->daily_mg : cur->full_mg, ul_room(plan));
		double back = plan_fit_dose(piece(cur), hi, min_dose(), hi);
		derive(cur, today, "step_back_up", PHASE_MAINTENANCE, v);
		layout(pin, plan, v, back, before && before->n_intakes >= 2 ? 2 : (int)cur->n_intakes);
		v->full_mg = v->daily_mg;
		reason(v, "course-step-back-up", NULL, "back to %.0f mg a day", v->daily_mg);
		return 1;
	}
	if (strcmp(decision, "change_form") == 0) {
		if (change_form(cur, form, strcmp(rule, "review-gentler") == 0, products, n_products, pin, plan, today, v,
				e) < 0)
			return -1;
		reason(v, rule, rule_text_, "%s (%s) instead of %s", v->product_name, v->form, cur->form);
		return 1;
	}
	if (strcmp(decision, "continue") == 0) {
		for (size_t i = 0; i < c->n; i++)
			if (strcmp(c->v[i].event, "keep_lower") == 0 || strcmp(c->v[i].event, "step_back_up") == 0) {
				snprintf(what, what_len, "continue at %.0f mg a day, the lowest dose found to help: nothing"
					 " changes", cur->daily_mg);
				return 0;
			}
		if (cur->phase == PHASE_TITRATING && st->day >= st->checkpoint_day[1]) {
			snprintf(what, what_len, "the course is still stepping up to %.0f mg: the step down to the lowest"
				 " helpful dose comes once it is there", cur->full_mg);
			return 0;
		}
		if (cur->phase == PHASE_MAINTENANCE && st->day >= st->checkpoint_day[1]) {
			double lower = one_step_down(cur);
			if (lower <= 0) {
				snprintf(what, what_len, "%.0f mg a day is already the lowest dose: continue as you are",
					 cur->daily_mg);
				return 0;
			}
			derive(cur, today, "step_down", PHASE_STEPPING_DOWN, v);
			layout(pin, plan, v, lower, cur->n_intakes >= 2 ? 2 : 1);
			reason(v, "course-step-down", NULL, "%.0f mg a day instead of %.0f mg for %.0f days", lower,
			       cur->daily_mg, th("course-step-down-hold-days"));
			return 1;
		}
		snprintf(what, what_len, "continue: nothing changes before the day-%d review", st->checkpoint_day[1]);
		return 0;
	}
	snprintf(what, what_len, "%s: nothing changes; keep logging to the next checkpoint", decision);
	return 0;
}
