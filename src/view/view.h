/*
 * Views: what the command line's --json and the web API both show, built
 * once. Each function reads the journal through store/, computes through
 * core/ and returns JSON or fills a struct; errors come back as values (a
 * struct mg_err), never printed, so cmd/ prints them on stderr and web/
 * answers them as HTTP errors.
 */
#ifndef MG_VIEW_H
#define MG_VIEW_H

#include <jansson.h>
#include <sqlite3.h>
#include "core/course.h"
#include "core/intake.h"
#include "core/plan.h"
#include "core/product.h"
#include "core/profile.h"
#include "core/review.h"
#include "core/suggest.h"
#include "core/tables.h"
#include "core/targets.h"
#include "io/food-record.h"
#include "store/journal.h"
#include "store/supplements.h"
#include "util/err.h"

/* The line every screen that recommends carries. */
extern const char view_not_advice[];

/* A number rounded to `digits` decimals, as JSON (null for NaN). */
json_t *view_num(double v, int digits);
/* Units of a product as a person counts them: "2 capsules", "1 unit";
 * a scored tablet (divisible) in tablets and halves: "half a tablet",
 * "1.5 tablets". noun is the word for a whole unit ("unit", "capsule").
 * Returns out. */
const char *view_units(double units, int divisible, const char *noun, char *out, size_t n);

struct night;
json_t *view_night_json(const struct night *n);
json_t *view_dose_json(const struct dose_entry *d);
json_t *view_food_log_json(const struct food_log_entry *en);
/* all_nutrients adds every nutrient per 100 g (food show). */
json_t *view_food_json(const struct food_record *f, int all_nutrients);
/* Why a food is not for this person (search_order_for_diet's row), as
 * {"rule", "text"}; JSON null when it is. */
json_t *view_not_for_you_json(const char *rule);
/* The same in words: "not for you: ... (diet-vegan)". */
void view_not_for_you_text(const char *rule, char *buf, size_t n);
json_t *view_product_json(const struct product *p, const struct product_mg *mg);
json_t *view_profile_json(const struct profile *p, long today);
json_t *view_targets_json(const struct profile *p, const struct targets *t);
json_t *view_intake_json(const struct profile *p, const struct intake *in);
/* Rule-tagged notes as [{"rule", "source", "text"}]. */
json_t *view_notes_json(const struct notes *ns);

/* Looks a food up by id: in foods.db, or in the journal for custom foods
 * (journal may be NULL). f is initialised by the caller. */
int view_find_food(sqlite3 *journal, const char *foods_path, long id, struct food_record *f, struct mg_err *e);
/* Logs `amount` `unit` (a measure name, g, oz...; "" for grams) of a food on
 * `date`; en is the entry as stored. */
int view_food_log_add(sqlite3 *db, const char *foods_path, long profile_id, long food_id, double amount,
		      const char *unit, long date, struct food_log_entry *en, struct mg_err *e);
/* How a dose is logged: `servings` of a product, the course's next planned
 * intake of the day (its capsules), or that intake recorded as skipped. */
enum dose_mode { DOSE_SERVINGS, DOSE_PLANNED, DOSE_SKIP };
/* Logs a dose at date and time (minutes), not in the future, in one
 * transaction: `servings` (0.25-20) of product `key` (name or id), or with
 * DOSE_PLANNED / DOSE_SKIP the next planned intake of the course (key NULL
 * or the course's product; another product is logged as one serving).
 * day_total is the day's supplemental magnesium with it, t the targets
 * (for the upper-limit warning); warning gets what else the dose should
 * warn about ("" for nothing): a medicine's hours, a paused course. A
 * planned intake that would take the day above the upper limit is refused. */
int view_dose_log(sqlite3 *db, const char *foods_path, const struct profile *p, long date, int time,
		  const char *key, double servings, enum dose_mode mode, struct dose_entry *d, double *day_total,
		  struct targets *t, char *warning, size_t warning_len, struct mg_err *e);

/* The nights of [from, to], one per date, the user's own entry merged over
 * imported ones. *out is owned by the caller. */
int view_night_list(sqlite3 *db, long profile_id, long from, long to, struct night **out, size_t *n,
		    struct mg_err *e);
/* Reads the user's own entry of `date` (an empty night when none), lets
 * edit() change it, checks its times and stores it: read and write in one
 * BEGIN IMMEDIATE transaction, so two writers never lose each other's
 * fields. *out is the night as stored; nothing is written when edit() or
 * the check fails. */
int view_night_edit(sqlite3 *db, long profile_id, long date, int (*edit)(struct night *n, void *ctx, struct mg_err *e),
		    void *ctx, struct night *out, struct mg_err *e);
/* Merges `given` into the stored manual entry of its date and stores it in
 * one transaction; *out is the night as stored. */
int view_night_record(sqlite3 *db, long profile_id, const struct night *given, struct night *out,
		      struct mg_err *e);

/* Everything a plan is computed from, and the plan. */
struct plan_build {
	struct profile profile;
	struct intake intake;          /* the last 7 days before today */
	struct product *products;      /* owned */
	size_t n_products;
	struct suggestion *foods;      /* owned; none without foods.db */
	struct diet_rules diet;        /* the profile's food rules the foods were chosen by */
	size_t n_foods;
	char foods_error[320];         /* why there are no food ideas when foods.db exists but cannot give
					* them (built with other food rules, damaged); "" otherwise */
	struct plan_other *others;     /* owned: other supplemental sources a day */
	size_t n_others;
	struct plan_input input;       /* what the plan was computed from (points into this struct) */
	struct plan plan;
};
/* How a plan is built: exclude_product is the course's own product (never
 * "another source"); red flags on nights up to flags_after are cleared
 * (MG_NO_DATE: none); no_foods skips the food suggestions. */
struct plan_opts {
	long exclude_product;
	long flags_after;
	int no_foods;
};
/* Computes the plan for `days` days from today; foods.db (foods_path) is
 * optional; opts may be NULL. On failure nothing is left to release. The
 * plan_build must not be copied: its input points into it. */
int view_plan_build(sqlite3 *db, const char *foods_path, const struct profile *p, long today, int days,
		    const struct plan_opts *opts, struct plan_build *b, struct mg_err *e);
void view_plan_release(struct plan_build *b);
struct course_view;
/* `mgtrack plan --json`: the proposal, or with a course running the course
 * from where it stands (today's step, the days ahead by course day, its
 * checkpoints); explain adds every decision with its rule. */
json_t *view_plan_json(const struct course_view *cv, int explain);
/* The plan as iCalendar text (*text is owned by the caller). */
int view_plan_ics(const struct course_view *cv, char **text, size_t *len, struct mg_err *err);
/* What is taken from which day: the proposal's titration steps, or the
 * course's version in force and the step ahead (tentative until taken). */
#define VIEW_MAX_SEGMENTS 3
struct view_segment {
	long from;                 /* first date */
	double daily_mg;
	struct course_intake intakes[2];
	int conflict[2];           /* no clear time around the medicines */
	int moved[2];              /* moved that day for a weekly medicine */
	size_t n;
	int divisible;             /* the product is a scored tablet: units in halves */
	int tentative;             /* a step still to come, if tolerated */
};
struct view_schedule {
	int course;                /* from a running course */
	long day1;                 /* the course's start, or today for a proposal */
	struct view_segment seg[VIEW_MAX_SEGMENTS];
	size_t n;
};
void view_plan_schedule(const struct course_view *cv, struct view_schedule *out);
const struct view_segment *view_segment_on(const struct view_schedule *s, long date);
/* The segment as taken on `date`: on the day of a weekly medicine a copy
 * in *own with the intakes in its hours moved (moved[] set). */
const struct view_segment *view_segment_day(const struct plan *p, const struct view_schedule *s, long date,
					    struct view_segment *own);
/* Whether cv holds a running, evaluated course the plan follows. */
int view_plan_following(const struct course_view *cv);
/* A cell of practices.tsv by practice id ("" when there is none). */
const char *view_practice_cell(const char *id, const char *col);
long view_cell_long(const struct mg_table *t, size_t r, const char *col);

/* ---- the course (course.c) ---- */
/* Today's plan, the course (running, or else the most recent) and where it
 * stands. */
struct course_view {
	struct plan_build plan;        /* today's proposal (the course's product is not "another source") */
	int plan_built;
	int has_course;                /* a course exists (running or ended) */
	struct course course;          /* its stored versions */
	int evaluated;
	struct course_state state;
	struct night *nights;          /* since the course began */
	size_t n_nights;
	struct dose_entry *doses;      /* taken and skipped, since the course began */
	size_t n_doses;
};
/* Loads and evaluates the course; a step that is due is stored (read and
 * write in one transaction). with_foods adds food ideas to the plan.
 * On failure nothing is left to release. */
int view_course_load(sqlite3 *db, const char *foods_path, const struct profile *p, long today, int days,
		     int with_foods, struct course_view *cv, struct mg_err *e);
/* The same, storing nothing: due versions stay in cv->state.due. */
int view_course_read(sqlite3 *db, const char *foods_path, const struct profile *p, long today, int days,
		     int with_foods, struct course_view *cv, struct mg_err *e);
/* The same inside the caller's transaction (cv zeroed by the caller). */
int view_course_load_in(sqlite3 *db, const char *foods_path, const struct profile *p, long today, int days,
			int with_foods, struct course_view *cv, struct mg_err *e);
void view_course_release(struct course_view *cv);
/* `course start [--date start]`, `course stop`, `course resume`: one
 * transaction each; cv is the course afterwards. */
int view_course_start(sqlite3 *db, const char *foods_path, const struct profile *p, long today, long start,
		      struct course_view *cv, struct mg_err *e);
int view_course_stop(sqlite3 *db, const char *foods_path, const struct profile *p, long today, const char *why,
		     struct course_view *cv, struct mg_err *e);
int view_course_resume(sqlite3 *db, const char *foods_path, const struct profile *p, long today,
		       struct course_view *cv, struct mg_err *e);
/* `review --apply`: the review of today and its decision turned into the
 * next version (product_key: the product for change_form, or NULL). On
 * success r holds the review (release it) and *changed says whether a
 * version was written; else *what says why nothing changed. */
int view_review_apply(sqlite3 *db, const char *foods_path, const struct profile *p, long today,
		      const char *product_key, struct course_view *cv, struct review *r, int *changed, char *what,
		      size_t what_len, struct mg_err *e);
/* What `review --apply` would make of review r, stored nowhere: {changes,
 * event, daily_elemental_mg, doses, reason, rule}, {changes: false, what},
 * {changes: false, error}, or null without a running course. */
json_t *view_review_preview(sqlite3 *db, const char *foods_path, const struct profile *p, long today,
			    const struct review *r);
/* `mgtrack course --json` (null without any course). */
json_t *view_course_json(const struct course_view *cv, long today);
json_t *view_course_intakes_json(const struct course_intake *in, size_t n, const enum intake_status *status);

/* The checkpoint review at day at_day of dosing (0: today) for `outcome`
 * (NULL: from the goals). On success the caller releases r. */
int view_review_compute(sqlite3 *db, const char *foods_path, const struct profile *p, long today, long at_day,
			const char *outcome, struct review *r, struct mg_err *e);
json_t *view_review_json(const struct review *r);

/* ---- changes (edit.c) ---- */
/* Stores the steps of p's course that a change just made due, inside the
 * caller's transaction (nothing without a course). */
int view_course_touch(sqlite3 *db, const struct profile *p, long today, struct mg_err *e);
/* Checks the profile (contradictions, ranges) and stores it. */
/* Loads profile `name`, lets edit() change it, checks and stores it (and
 * what it changes in the course), reading and writing in one transaction;
 * *out is the profile as stored. Nothing is written when edit() or the
 * check fails. */
int view_profile_edit(sqlite3 *db, const char *name, long today,
		      int (*edit)(struct profile *p, void *ctx, struct mg_err *e), void *ctx, struct profile *out,
		      struct mg_err *e);
int view_profile_save(sqlite3 *db, struct profile *p, long today, struct mg_err *e);
/* Checks a product's label figures and stores it; mg is its magnesium. */
int view_product_add(sqlite3 *db, struct product *p, struct product_mg *mg, struct mg_err *e);
struct trial_row;
/* The defaults of `mgtrack trial design`: 4 blocks of 2 x 7 days, 2
 * wash-in days, 7 baseline days, no placebo, starting today. */
void view_trial_defaults(struct trial_row *t, long today);
/* Makes the design (allocation, hash; a random seed when seed is 0) and
 * registers it; an active trial that has started is abandoned only with
 * force. */
int view_trial_register(sqlite3 *db, long profile_id, struct trial_row *t, int force, long today, struct mg_err *e);
/* `mgtrack trial design --json`: id, hash, seed, start, end (hash and seed
 * null for a blinded design: they are on the sealed sheet). */
json_t *view_trial_registered_json(const struct trial_row *t);

/* `mgtrack trial status --json` and `trial today --json`. */
json_t *view_trial_status_json(const struct trial_row *t);
json_t *view_trial_today_json(const struct trial_row *t, long today);
struct trial_design;
struct trial_analysis;
/* `mgtrack trial analyze`: the trial's nights and doses analysed for
 * `outcome` (NULL: the registered primary one); d receives the design as
 * analysed. MG_EDATA while blinded, MG_EUSAGE for an unknown outcome. */
int view_trial_analyze(sqlite3 *db, long profile_id, const struct trial_row *t, const char *outcome,
		       struct trial_design *d, struct trial_analysis *a, struct mg_err *e);
json_t *view_trial_analysis_json(const struct trial_row *t, const struct trial_analysis *a);

/* ---- the HTML report (report.c) ---- */
struct strbuf;
struct svg_span;
/* The personal report over the last `days` days (0: the course and its
 * baseline, else 42), appended to sb. */
int view_report_html(sqlite3 *db, const char *foods_path, const struct profile *p, long today, long days,
		     struct strbuf *sb, struct mg_err *e);
/* How many days a report covers by default: the whole course and the two
 * weeks before it (its baseline, report-baseline-days), within 42 to 366
 * days; without a course, 42. */
long view_report_days(sqlite3 *db, const struct profile *p, long today);
/* The report's chart of one outcome (an SVG element) over the last days. */
int view_outcome_chart(sqlite3 *db, const struct profile *p, long today, long days, const char *outcome,
		       struct strbuf *sb, struct mg_err *e);
/* Supplement mg per day over [from, from + n), and the first dose seen. */
struct view_dose_days {
	long from;
	size_t n;
	double *mg;       /* per day; NULL with n = 0 to find only the first dose */
	long first;       /* MG_NO_DATE until a dose is seen */
};
int view_add_dose(const struct dose_entry *d, void *ctx);
/*
 * One chart per outcome with any night in [from, from + n) (only: just
 * that one), each on the outcome's own scale (data/night-fields.tsv) with
 * its rolling mean (chart-mean-nights, chart-mean-min-nights in
 * thresholds.tsv), the doses as bars and the first dose marked (< from:
 * none). spans are drawn on every chart: trial periods, or phases of a
 * course such as baseline / titrating / maintenance. For each phase give
 * its days, a shade (SVG_SHADE_GREY before magnesium, SVG_SHADE_PALE_GREEN
 * while titrating, SVG_SHADE_GREEN at the full dose), a label, and mean = 1
 * to have the outcome's mean over the phase drawn and written next to the
 * label; see struct svg_span in io/svg.h. The caller keeps spans.
 */
void view_outcome_charts(struct strbuf *sb, long from, size_t n, const struct night *nights, size_t n_nights,
			 const double *dose_mg, long first_dose, const struct svg_span *spans, size_t n_spans,
			 const char *only);
/* A trial's baseline (unshaded) and periods (green magnesium, grey
 * control) as labelled spans with their means, for view_outcome_charts;
 * writes at most max and returns the count. */
size_t view_trial_spans(const struct trial_design *d, struct svg_span *out, size_t max);
/* The note under a page's outcome charts: what the dots, lines, shading
 * and bars mean, with the rules (thresholds.tsv) behind them. */
enum view_spans { VIEW_SPANS_NONE, VIEW_SPANS_TRIAL, VIEW_SPANS_DOSING, VIEW_SPANS_COURSE };
void view_charts_note(struct strbuf *sb, enum view_spans spans, int first_dose);
/* The course's phases from `from` (a baseline before the course) to today
 * as labelled spans with their means (report-course.c). */
size_t view_course_spans(const struct course *c, long from, long today, struct svg_span *out, size_t max);
/* The report's course section: where it stands, the dose timeline, the
 * checkpoints and every version with its reason. */
void view_course_section(struct strbuf *sb, const struct course_view *cv, long today);
/* A phase in words: "titrating", "stepping down" (report-course.c). */
const char *view_phase_words(enum course_phase p);
/* A version's intakes as "13:00 50 mg (1 capsule), 21:00 ...", escaped. */
void view_course_intakes_html(struct strbuf *sb, const struct course_version *v);
/* A night's value of a night-fields.tsv field as a number (NAN: not recorded). */
double view_night_value(const struct night *n, const char *field);
/* The review's reasons as a list, each with its rule id. */
void view_review_reasons_html(struct strbuf *sb, const struct review *r);
/* The one-page summary for a clinician (`report --html FILE --for-clinician`,
 * report-clinician.c): the person, the regimen and its versions, the
 * medicines and their spacing, adherence, tolerance, the outcome trend, the
 * review's decision and the total magnesium against the RDA and the
 * supplemental UL, appended to sb. A due step is stored first, as the
 * personal report does. */
int view_report_clinician_html(sqlite3 *db, const char *foods_path, const struct profile *p, long today,
			       struct strbuf *sb, struct mg_err *e);
/* <td>TEXT</td> with the formatted text escaped; numeric cells align right. */
void view_html_cell(struct strbuf *sb, int numeric, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
