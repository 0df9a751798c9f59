/*
 * Courses and their plan versions in the journal (tables course,
 * plan_version and plan_intake, migration 7; half units, migration 9). A course is the programme a
 * person follows over weeks; every change of regimen is a new version,
 * appended and never edited (a trigger refuses UPDATE). The rules that
 * decide versions live in core/course.c; this file only stores and reads
 * them. Write functions run inside the caller's transaction.
 */
#ifndef MG_COURSES_H
#define MG_COURSES_H

#include <sqlite3.h>
#include <stddef.h>
#include "util/err.h"

#define COURSE_MAX_INTAKES 2

enum course_phase { PHASE_TITRATING, PHASE_MAINTENANCE, PHASE_STEPPING_DOWN, PHASE_PAUSED, PHASE_STOPPED };

struct course_intake {
	int time;              /* minutes after midnight */
	double mg;             /* elemental magnesium */
	double units;          /* units of the product: whole, or halves of a scored tablet (0.5, 1.5); never 0 */
	char slot[16];         /* "afternoon", "post-workout", "evening", ... */
};

struct course_version {
	long id;               /* 0 until stored */
	int seq;               /* 1-based within the course */
	long from;             /* first day in force (days since 1970-01-01) */
	enum course_phase phase;
	char event[16];        /* start, step_up, split, lower, step_down, keep_lower, step_back_up,
				  change_form, fit_ul, retime, pause, resume, stop */
	double daily_mg;       /* 0 while paused or stopped */
	double full_mg;        /* the dose titration heads for */
	double start_mg;       /* the course's start dose (a resume restarts here) */
	double step_mg;        /* one step up or down */
	char form[24];
	long product_id;       /* 0 when the product was deleted */
	char product_name[128];
	double unit_mg;        /* elemental mg per capsule of the product, when the version was made */
	int units_per_serving;
	int divisible;         /* the product was a scored tablet then: doses in half units */
	struct course_intake intakes[COURSE_MAX_INTAKES];
	size_t n_intakes;
	char reason[320];      /* plain words */
	char rule[48];         /* the data table row behind it */
};

struct course {
	long id;
	long started;          /* day 1 */
	long ended;            /* MG_NO_DATE while it runs */
	struct course_version *v;   /* owned, in seq order */
	size_t n, cap;
};

void course_init(struct course *c);
void course_release(struct course *c);
/* Appends a copy of v (aborts when out of memory). */
void course_push(struct course *c, const struct course_version *v);
/* The last version, or NULL for an empty course. */
const struct course_version *course_last(const struct course *c);
const char *course_phase_name(enum course_phase p);

/* The profile's running course, or else its most recent one: 1 found
 * (c filled, versions loaded), 0 none. c is initialised here either way. */
int journal_course_latest(sqlite3 *db, long profile_id, struct course *c, struct mg_err *e);
/* Every course of the profile, oldest first, each with its versions and
 * their intakes (cb returns non-zero to stop; c is released after it). */
int journal_course_list(sqlite3 *db, long profile_id, int (*cb)(const struct course *c, void *ctx), void *ctx,
			struct mg_err *e);
/* Creates a running course starting on `started`; sets c->id. MG_EDATA
 * when the profile already has one running. */
int journal_course_add(sqlite3 *db, long profile_id, struct course *c, struct mg_err *e);
/* Appends v as the next version of course_id (v->seq and v->id are set). */
int journal_version_add(sqlite3 *db, long course_id, struct course_version *v, struct mg_err *e);
/* The end of the profile's latest course other than course_id
 * (MG_NO_DATE when none ended). */
int journal_course_previous_end(sqlite3 *db, long profile_id, long course_id, long *ended, struct mg_err *e);
/* Marks the course ended on `date`. */
int journal_course_end(sqlite3 *db, long course_id, long date, struct mg_err *e);

#endif
