/*
 * Profile rules that do not need the database: the allowed values of each
 * field (goals and conditions come from data/goals.tsv and
 * data/conditions.tsv), contradictions between them, and the age on a day.
 */
#ifndef MG_PROFILE_H
#define MG_PROFILE_H

#include "store/journal.h"
#include "util/err.h"

/* A fresh profile: no age, no sex, training none, region us, no times. */
void profile_defaults(struct profile *p, const char *name);

/* Checks the whole profile: one message naming the first bad field.
 * MG_EUSAGE for contradictory flags, MG_EDATA for impossible values. */
int profile_validate(const struct profile *p, long today, struct mg_err *e);

/* Setters that check one value and name the flag in their error. */
int profile_set_goal_list(struct profile *p, const char *csv, struct mg_err *e);
int profile_add_condition(struct profile *p, const char *name, struct mg_err *e);
int profile_add_med(struct profile *p, const char *spec, struct mg_err *e);
/* "HH:MM[,HH:MM...]": replaces the training times (at most
 * PROFILE_MAX_TRAIN, kept in order). */
int profile_set_train_times(struct profile *p, const char *csv, struct mg_err *e);

/* "weekly:mon" (or weekly:monday, any case) -> 0..6 from Monday; -1 else. */
int profile_parse_weekday(const char *spec);
/* The weekday of a weekly medicine (-1: every day). */
int profile_med_weekday(const struct profile_med *m);
/* "monday" .. "sunday". */
const char *profile_weekday_name(int weekday);
/* Kidney function as a lab report gives it: a number of mL/min/1.73 m2
 * within egfr-min..egfr-max (thresholds.tsv), ">90" as at least 90, or
 * "unknown" when the person does not know it (stored as -1). MG_EDATA
 * naming --egfr and the value otherwise. */
int profile_set_egfr(struct profile *p, const char *value, struct mg_err *e);

/* Age in whole months on day `on` (from born, or from the stated age). */
int profile_age_months(const struct profile *p, long on);

#endif
