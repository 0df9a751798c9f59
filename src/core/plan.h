/*
 * The plan engine: from a profile, its targets, the food log's average and
 * the user's products to a safe, explained supplement plan (PRODUCT.md
 * section 1). plan_compute is pure: the caller reads the journal and the
 * food database and passes what they hold; nothing here touches SQLite.
 *
 * Order of decisions (each adds an `explain` note with its rule id):
 *   1. status: clinician (conditions, eGFR below 30, age, pregnancy, no
 *      UL) > pause (red flag) > caution (conditions, eGFR 30-59 or unknown
 *      where kidney-risks.tsv says it matters, medicines) > ok
 *   2. daily dose: food unknown -> 200 mg; gap <= 0 -> none; else the gap,
 *      at least 100 mg, at most the supplemental UL
 *   3. form by goal and gut (form-choice.tsv), product by form, among the
 *      products whose units give that dose within the rules (at most about
 *      1.5 times the gap, within the UL, a low start, no intake above the
 *      split threshold); a product too strong for the plan is not used
 *   4. titration: half the dose the first week, then the full dose
 *   5. times: split above 150 mg, evening share for sleep, post-workout for
 *      morning training, all moved out of medicine windows
 *   6. the day-by-day plan, checkpoints and the expected timeline
 *   7. what the form can and cannot do: the evidence for the choice, and a
 *      regularity goal met with a form that is no laxative
 */
#ifndef MG_PLAN_H
#define MG_PLAN_H

#include <stddef.h>
#include "core/forms.h"
#include "core/notes.h"
#include "core/product.h"
#include "core/suggest.h"
#include "core/targets.h"
#include "store/journal.h"

enum plan_status { PLAN_OK, PLAN_CAUTION, PLAN_PAUSE, PLAN_CLINICIAN };

#define PLAN_MAX_DOSES 2
#define PLAN_MAX_STEPS 2
#define PLAN_MAX_WINDOWS 48
#define PLAN_MAX_DAYS 28
#define PLAN_DAY_FOODS 3

struct plan_dose {
	int time;               /* minutes after midnight */
	double elemental_mg;
	double units;           /* units of the product, in halves for a scored tablet (1.5); 0 without one */
	int with_food;
	const char *slot;       /* "afternoon", "post-workout", "evening" */
	int moved;              /* moved out of a medicine window */
	const char *moved_for;  /* the medicine whose window it left (in plan.windows) */
	int conflict;           /* no clear time existed: in a window still */
};

struct plan_schedule {
	int from_day;           /* 1-based */
	double daily_mg;
	struct plan_dose doses[PLAN_MAX_DOSES];
	size_t n_doses;
};

struct plan_window {
	char medicine[64];
	int med_time;
	int avoid_from, avoid_to;   /* minutes after midnight; may wrap past midnight */
	const char *rule;           /* med-classes.tsv row id */
	int weekday;                /* -1 every day; 0 Monday .. 6 Sunday for a weekly medicine */
};

struct plan_day {
	int day;                /* 1-based */
	long date;
	const struct plan_schedule *schedule;   /* NULL: no doses; the step's, or own */
	struct plan_schedule own;               /* the step moved for a weekly medicine that day */
	const struct suggestion *foods[PLAN_DAY_FOODS];   /* the day's food lines, the person's own first */
	size_t n_foods;
	double foods_mg;                        /* what they add, one usual serving each */
	const char *movement, *breathing, *rest; /* practices.tsv row ids */
	int bed, wake, screens_off;
};

/* Supplemental magnesium the person takes besides the plan's own product:
 * a multivitamin, an antacid, a laxative, a Cal-Mag tablet. It counts
 * against the same upper limit. */
struct plan_other {
	long product_id;
	const char *name;
	double mg_per_day;
};

struct plan_input {
	const struct profile *profile;
	long today;                       /* day 1 of the plan */
	int days;                         /* 1..PLAN_MAX_DAYS */
	int food_known;                   /* enough days logged */
	double food_mg;                   /* average per logged day */
	int food_days_logged;
	const struct product *products;   /* the journal's products */
	size_t n_products;
	int red_flag;                     /* a red flag logged since the last plan */
	int loose_nights;                 /* nights with stool form 6-7 in the last 7 days */
	const struct suggestion *foods;   /* ranked foods for the gap (may be NULL) */
	size_t n_foods;
	const struct plan_other *others;  /* other supplemental sources (may be NULL) */
	size_t n_others;
};

struct plan {
	enum plan_status status;
	struct targets targets;
	int food_known;
	double food_mg, gap_mg;
	double daily_mg;                  /* the full daily dose; 0 for none */
	double other_mg;                  /* other supplements a day, counted against the UL */
	double food_goal_mg;              /* what each day's food lines aim to add; 0: none */
	struct form_info form;            /* the suggested form */
	const struct product *product;    /* points into the input; NULL for none */
	struct product_mg product_mg;
	/* A product of the person's that the plan could not use because its
	 * units give more than the rules allow (points into the input; NULL
	 * for none), and why in words ("one unit is 300 mg, more than ..."). */
	const struct product *too_strong;
	char too_strong_why[320];
	struct plan_schedule steps[PLAN_MAX_STEPS];   /* titration; the last is the full dose */
	size_t n_steps;
	struct plan_window windows[PLAN_MAX_WINDOWS];
	size_t n_windows;
	int checkpoint_days[2];
	struct plan_day days[PLAN_MAX_DAYS];
	size_t n_days;
	int wake, bed;                    /* used for the schedule */
	struct notes warnings;            /* shown on top, always */
	struct notes explain;             /* every decision, for --explain */
	struct notes label;               /* the chosen product's label checks */
};

/* Computes the plan. MG_EDATA when the targets cannot be computed. The
 * caller releases p with plan_release. */
int plan_compute(const struct plan_input *in, struct plan *p, struct mg_err *e);
void plan_release(struct plan *p);

const char *plan_status_name(enum plan_status s);

/* The daily dose nearest mg in whole pieces of piece_mg (one unit, or half
 * a scored tablet; 0: plan-round-mg steps) that the split rule can lay
 * out: one intake of at most plan-split-above-mg, or two whose larger is
 * at most that or half the day's dose. Kept within [lo, hi] where pieces
 * allow, at least one piece; above hi only when no such dose is at most
 * hi (the smallest the pieces give: callers check). */
double plan_fit_dose(double piece_mg, double mg, double lo, double hi);

/* The intakes of daily_mg for the plan's profile, bed time and medicine
 * windows, as the plan itself would lay them out; unit_mg is one unit's
 * elemental mg (0: no product), divisible a scored tablet (halves);
 * min_intakes 2 splits the dose even below the split threshold when the
 * pieces allow. p is a computed plan (its windows are used); nothing is
 * added to its notes. */
void plan_layout(const struct plan_input *in, struct plan *p, double daily_mg, double unit_mg, int divisible,
		 int min_intakes, struct plan_schedule *out);

/* The hours around the profile's medicines that magnesium keeps out of
 * (med-classes.tsv): at most max windows into out; returns the count. */
size_t plan_medicine_windows(const struct profile *pr, struct plan_window *out, size_t max);

/* Whether minute t lies inside window w: its far edges are allowed, the
 * medicine's own time never is. */
int plan_window_contains(const struct plan_window *w, int t);

/* Whether window w applies on weekday (0 Monday .. 6 Sunday; -1: an
 * ordinary day, which only every-day windows constrain). */
int plan_window_applies(const struct plan_window *w, int weekday);

/* Moves, on `date`, the intake times (n of them) that fall in the window
 * of a weekly medicine taken that weekday, as the plan's days do; the
 * medicine of the last move goes to *moved_for. Returns how many moved. */
size_t plan_retime_day(const struct plan *p, long date, int *times, size_t n, const char **moved_for);

#endif
