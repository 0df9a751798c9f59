/*
 * The course (PRODUCT.md section 1b): where a person following the
 * programme stands. course_evaluate is the one function every front end
 * asks; it is pure: the caller reads the course's versions, the nights and
 * the doses from the journal and passes today's plan (the proposal, for
 * the profile, the medicine windows and the upper limit).
 *
 * It replays the days since the last version: on each day a red flag
 * pauses, loose stools split then lower, and a step up is taken once the
 * minimum days have passed with formed stools. What it finds due comes
 * back as new versions for the caller to store (in one transaction); then
 * the changes that depend on the present alone (a clinician-only profile,
 * other supplements that leave less room under the upper limit, an intake
 * that now falls in a medicine window). Start reading at course_evaluate.
 *
 * Every version's reason is a sentence from data/course-rules.tsv (or the
 * review rule that was applied) with its figures.
 */
#ifndef MG_COURSE_H
#define MG_COURSE_H

#include <stddef.h>
#include "core/night.h"
#include "core/plan.h"
#include "store/courses.h"
#include "store/supplements.h"

struct course_input {
	const struct course *course;
	long today;
	const struct night *nights;       /* merged nights by date (at least since the course began) */
	size_t n_nights;
	const struct dose_entry *doses;   /* taken and skipped, course start..today, by date and time */
	size_t n_doses;
	/* The present: today's plan input and proposal (the profile, status,
	 * medicine windows, upper limit, and in plan->other_mg the other
	 * supplemental magnesium of a usual day, which sizes the regimen). */
	const struct plan_input *plan_in;
	struct plan *plan;
	/* Other supplemental magnesium today: what was logged today of other
	 * products, and the products taken regularly; it guards today. */
	double today_other_mg;
};

enum intake_status { INTAKE_DUE, INTAKE_TAKEN, INTAKE_SKIPPED };

struct course_adherence {
	double mg_pct;            /* mean over planned days of mg taken / mg planned, capped at 100 %; NAN none */
	int days_adherent;        /* days at >= course-adherent-day */
	int days_planned;         /* complete days with magnesium planned */
	double on_time_pct;       /* taken intakes within the plan's timing; NAN none */
};

struct course_state {
	int day;                              /* today's course day; day 1 is the start */
	struct course_version *due;           /* versions due, not yet stored (owned) */
	size_t n_due;
	struct course_version now;            /* in force today, due versions included */
	/* Why a step up is held today ("" when not held). */
	char hold_rule[48];
	char hold[320];
	/* The next step or checkpoint. */
	char next_what[240];
	long next_date;                       /* MG_NO_DATE when it waits on the person */
	char next_rule[48];
	/* The step up the days ahead show while titrating (tentative): its
	 * date, dose and intakes as the step would have them. */
	int has_projection;
	struct course_version projected;
	int checkpoint_day[2];
	long checkpoint_date[2];
	struct course_adherence adherence;
	/* Set when today's other supplements leave no room for today's
	 * intakes under the upper limit: they are to be skipped today. */
	char today_warning[240];
	char today_note[240];        /* today's intakes moved for a weekly medicine; "" when none */
	/* Today's intakes and what was logged of them. */
	struct course_intake today[COURSE_MAX_INTAKES];
	enum intake_status today_status[COURSE_MAX_INTAKES];
	size_t n_today;
	int next_intake;                      /* index into today, -1 when none is due */
};

/* Where the course stands today. MG_EDATA for a course with no version. */
int course_evaluate(const struct course_input *in, struct course_state *st, struct mg_err *e);
void course_state_release(struct course_state *st);

/* The version in force on `date` (NULL before the course began). */
const struct course_version *course_version_on(const struct course *c, long date);

/* The intakes planned on `date` and what the doses logged that day made
 * of them; returns the index of the first still due, or -1. */
int course_day_intakes(const struct course *c, const struct dose_entry *doses, size_t n_doses, long date,
		       struct course_intake *out, enum intake_status *status, size_t *n);

/* Adherence over [from, to] (to <= today; today counts once every intake
 * is answered), in magnesium against the version in force each day. */
void course_adherence(const struct course *c, const struct dose_entry *doses, size_t n_doses, long from, long to,
		      long today, struct course_adherence *out);

/* The planned intakes of [from, to] (to <= today) and what became of
 * them: taken, recorded as skipped, or missed (no dose answered it by the
 * end of its day). Today's intakes still due are not missed yet: they
 * count only once answered. Paused and stopped days plan none. */
struct course_tally {
	int planned, taken, skipped, missed;
};
void course_intake_tally(const struct course *c, const struct dose_entry *doses, size_t n_doses, long from, long to,
			 long today, struct course_tally *out);

/* How much of v->reason is its own figures ("loose stools on 3 of the last
 * 7 nights with stool form logged"), before the sentence of its rule
 * (course-rules.tsv or review-rules.tsv), which the rule id stands for:
 * that head's length, or the whole reason's when it is the rule's
 * sentence alone or ends in other words (a stop's own reason). */
size_t course_reason_figures(const struct course_version *v);

/* Version 1 from today's proposal, starting on `start`: refused (MG_EDATA,
 * with the reason) for status clinician or pause, when no supplement is
 * planned, and (MG_ENOINPUT) without a product. */
int course_first_version(const struct plan_input *pin, struct plan *plan, long start, struct course_version *v,
			 struct mg_err *e);
/* The version that ends a pause on `date`: the start dose again; the
 * person confirms that the red flags logged since the pause have gone (the
 * reason names them). MG_EDATA when the course is not paused, a red flag
 * is logged for that very morning, or today's plan forbids a supplement. */
int course_resume_version(const struct course *c, const struct night *nights, size_t n_nights,
			  const struct plan_input *pin, struct plan *plan, long date, struct course_version *v,
			  struct mg_err *e);
/* The version that stops the course on `date`; why may be NULL. */
void course_stop_version(const struct course *c, long date, const char *why, struct course_version *v);

/* What applying a review decision makes of the course. `rule` is the
 * review rule behind the decision (its text becomes the reason); products
 * are the journal's (for change_form: one of `form`). Returns 1 with *v
 * filled when the decision changes the regimen, 0 when it changes nothing
 * (*what says so), -1 when it cannot be applied (MG_EDATA, or MG_ENOINPUT
 * when a product of the new form is missing). */
int course_apply_decision(const struct course *c, const struct course_state *st, const char *decision,
			  const char *rule, const char *rule_text, const char *form, const struct product *products,
			  size_t n_products, const struct plan_input *pin, struct plan *plan, long today,
			  struct course_version *v, char *what, size_t what_len, struct mg_err *e);

#endif
