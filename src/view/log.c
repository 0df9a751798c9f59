/*
 * Logging what was eaten and taken, as both front ends do it: a food
 * portion (resolved to grams through the food's measures, stored with its
 * magnesium so the log survives food database rebuilds) and a dose of a
 * product (stored with the elemental magnesium it gave). Each is one
 * transaction.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "core/portion.h"
#include "store/db.h"
#include "store/foods.h"
#include "view/view.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

/* More than 5 kg of one food in one entry is a typo, not a meal. */
#define MAX_PORTION_G 5000.0

int view_find_food(sqlite3 *journal, const char *foods_path, long id, struct food_record *f, struct mg_err *e)
{
	int found;
	if (id > CUSTOM_FOOD_ID_BASE) {
		found = journal ? journal_custom_food_get(journal, id, f, e) : 0;
	} else {
		sqlite3 *foods;
		if (foods_open(foods_path, &foods, e) < 0)
			return -1;
		found = foods_get(foods, id, f, e);
		db_close(foods);
	}
	if (found < 0)
		return -1;
	if (!found)
		return mg_err_set(e, MG_ENOINPUT, "no food \"%ld\"; find ids with 'mgtrack food search'", id);
	return 0;
}

int view_food_log_add(sqlite3 *db, const char *foods_path, long profile_id, long food_id, double amount,
		      const char *unit, long date, struct food_log_entry *en, struct mg_err *e)
{
	struct food_record f;
	food_record_init(&f);
	memset(en, 0, sizeof(*en));
	int rc = -1;
	if (date > mg_today()) {
		/* Food is logged once eaten: a future day would count as logged
		 * and change the average before it happens. */
		char d[16];
		mg_format_date(date, d, sizeof(d));
		mg_err_set(e, MG_EDATA, "--date \"%s\" is in the future: log food once it is eaten", d);
		goto out;
	}
	if (!(amount > 0 && amount <= 100000)) {
		mg_err_set(e, MG_EDATA, "amount \"%g\" is not a positive number", amount);
		goto out;
	}
	if (view_find_food(db, foods_path, food_id, &f, e) < 0 ||
	    portion_grams(&f, amount, unit, &en->grams, en->measure, sizeof(en->measure), e) < 0)
		goto out;
	if (en->grams > MAX_PORTION_G) {
		mg_err_set(e, MG_EDATA, "amount \"%g %s\" is %.0f g, more than %.0f g of one food", amount,
			   unit && *unit ? unit : "g", en->grams, MAX_PORTION_G);
		goto out;
	}
	/* A food with no magnesium value is logged all the same (its energy
	 * still tells whether the day is whole); en->mg stays NAN, and intake
	 * names it rather than counting 0 mg. */
	en->date = date;
	en->food_id = f.id;
	mg_strlcpy(en->food_name, f.name, sizeof(en->food_name));
	en->amount = amount;
	en->mg = f.nut[NUT_MG] * en->grams / 100;
	en->kcal = isnan(f.nut[NUT_KCAL]) ? NAN : f.nut[NUT_KCAL] * en->grams / 100;
	if (db_begin(db, e) < 0)
		goto out;
	if (journal_food_log_add(db, profile_id, en, e) < 0 || db_commit(db, e) < 0) {
		db_rollback(db);
		goto out;
	}
	rc = 0;
out:
	food_record_release(&f);
	return rc;
}

static int sum_dose(const struct dose_entry *d, void *ctx)
{
	*(double *)ctx += d->elemental_mg;
	return 0;
}

/* The course's next planned intake of `date` as a dose of its product (or
 * the intake to skip). *other is set when key names another product, which
 * is then logged as one serving. */
static int planned_dose(sqlite3 *db, const char *foods_path, const struct profile *p, long date, int time,
			const char *key, enum dose_mode mode, struct product *pr, struct dose_entry *d, int *other, struct mg_err *e)
{
	struct course_view cv;
	memset(&cv, 0, sizeof(cv));
	*other = 0;
	int rc = view_course_load_in(db, foods_path, p, mg_today(), 1, 0, &cv, e);
	if (rc < 0)
		goto out;
	if ((!cv.has_course || cv.course.ended != MG_NO_DATE) && key && mode == DOSE_PLANNED) {
		*other = 1;   /* no course: PRODUCT alone is one serving, as always */
		goto out;
	}
	if (!cv.has_course || cv.course.ended != MG_NO_DATE) {
		rc = mode == DOSE_SKIP ? mg_err_set(e, MG_EDATA, "no course is running, so no intake is planned to skip")
				       : mg_err_set(e, MG_EUSAGE, "no course is running: give PRODUCT and SERVINGS, or start"
						    " one with 'mgtrack course start'");
		goto out;
	}
	const struct course_version *v = course_version_on(&cv.course, date);
	if (key) {
		int found = journal_product_get(db, key, pr, e);
		if (found <= 0) {
			rc = found < 0 ? -1 : mg_err_set(e, MG_ENOINPUT, "no product \"%s\" (add it with 'mgtrack product add')", key);
			goto out;
		}
		if (!v || pr->id != v->product_id) {
			if (mode == DOSE_SKIP) {
				rc = mg_err_set(e, MG_EDATA, "--skip records a planned intake of the course's product%s%s%s; \"%s\""
						" is not it", v ? " \"" : "", v ? v->product_name : "", v ? "\"" : "", pr->name);
				goto out;
			}
			*other = 1;   /* a multivitamin or an antacid: welcome, as one serving */
			goto out;
		}
	}
	struct course_intake in[COURSE_MAX_INTAKES];
	enum intake_status status[COURSE_MAX_INTAKES];
	size_t n;
	char day[16];
	mg_format_date(date, day, sizeof(day));
	int next = course_day_intakes(&cv.course, cv.doses, cv.n_doses, date, in, status, &n);
	if (!n && v && v->phase == PHASE_PAUSED) {
		char since[16];
		mg_format_date(v->from, since, sizeof(since));
		rc = mg_err_set(e, MG_EDATA, "no intake is planned on %s: the course is paused since %s [%s]; resume it"
				" with 'mgtrack course resume' once the cause has gone", day, since, v->rule);
		goto out;
	}
	if (!n) {
		rc = mg_err_set(e, MG_EDATA, "no intake is planned on %s (the course is %s then)%s", day,
				v ? course_phase_name(v->phase) : "not started",
				mode == DOSE_SKIP ? "" : ": give PRODUCT and SERVINGS to log a dose anyway");
		goto out;
	}
	if (next < 0) {
		rc = mg_err_set(e, MG_EDATA, "every intake planned on %s is already logged%s", day,
				mode == DOSE_SKIP ? ": nothing is left to skip" : ": give PRODUCT and SERVINGS to log an extra dose");
		goto out;
	}
	/* A dose taken answers the due intake nearest its time (the evening
	 * one, when the lunch one was missed); a skip, the next one due. */
	for (size_t i = 0; mode == DOSE_PLANNED && i < n; i++) {
		int gi = abs(in[i].time - time), gn = abs(in[next].time - time);
		if (status[i] == INTAKE_DUE && gi < gn)
			next = (int)i;
	}
	if (!key) {
		char id[24];
		snprintf(id, sizeof(id), "%ld", v->product_id);
		int found = v->product_id ? journal_product_get(db, id, pr, e) : 0;
		if (found <= 0) {
			rc = found < 0 ? -1 : mg_err_set(e, MG_ENOINPUT, "the course's product \"%s\" is no longer recorded",
							 v->product_name);
			goto out;
		}
	}
	d->planned_time = in[next].time;
	d->elemental_mg = in[next].mg;
	d->servings = (double)in[next].units / (pr->units_per_serving > 0 ? pr->units_per_serving : 1);
	d->skipped = mode == DOSE_SKIP;
out:
	view_course_release(&cv);
	return rc;
}

/* What a dose just logged should warn about: a time inside the hours
 * around a medicine, or the course's product taken while it is paused. */
static void dose_warning(sqlite3 *db, const struct profile *p, const struct dose_entry *d, char *w, size_t n)
{
	w[0] = '\0';
	if (d->skipped)
		return;
	struct plan_window win[PLAN_MAX_WINDOWS];
	size_t nw = plan_medicine_windows(p, win, PLAN_MAX_WINDOWS);
	for (size_t i = 0; i < nw; i++)
		if (plan_window_applies(&win[i], mg_weekday(d->date)) && plan_window_contains(&win[i], d->time)) {
			char at[8], from[8], to[8];
			mg_format_hhmm(d->time, at, sizeof(at));
			mg_format_hhmm(win[i].avoid_from, from, sizeof(from));
			mg_format_hhmm(win[i].avoid_to, to, sizeof(to));
			snprintf(w, n, "this dose at %s is within the hours around %s (%s-%s) that magnesium keeps out of [%s]",
				 at, win[i].medicine, from, to, win[i].rule);
			return;
		}
	struct course c;
	struct mg_err e = {0};
	if (journal_course_latest(db, p->id, &c, &e) <= 0)
		return;
	const struct course_version *v = course_version_on(&c, d->date);
	if (v && c.ended == MG_NO_DATE && v->phase == PHASE_PAUSED && v->product_id == d->product_id)
		snprintf(w, n, "the course is paused [%s]: magnesium is not planned now; see a clinician if the symptom"
			 " persists", v->rule);
	course_release(&c);
}

int view_dose_log(sqlite3 *db, const char *foods_path, const struct profile *p, long date, int time,
		  const char *key, double servings, enum dose_mode mode, struct dose_entry *d, double *day_total,
		  struct targets *t, char *warning, size_t warning_len, struct mg_err *e)
{
	warning[0] = '\0';
	struct product pr;
	struct product_mg mg;
	memset(d, 0, sizeof(*d));
	d->planned_time = -1;
	*day_total = 0;
	if (date > mg_today()) {
		char day[16], hhmm[8];
		mg_format_date(date, day, sizeof(day));
		mg_format_hhmm(time, hhmm, sizeof(hhmm));
		return mg_err_set(e, MG_EDATA, "--at \"%s %s\" is in the future", day, hhmm);
	}
	if (mode == DOSE_SERVINGS && !(servings >= 0.25 && servings <= 20))
		return mg_err_set(e, MG_EDATA, "servings \"%g\" must be a number from 0.25 to 20", servings);
	if (mode == DOSE_SERVINGS && !key)
		return mg_err_set(e, MG_EUSAGE, "a dose needs a product");
	if (targets_compute(p, date, t, e) < 0)
		return -1;
	/* The course's state, the product and the day's total are read in
	 * the same transaction as the insert, so an intake or a dose logged
	 * meanwhile elsewhere is counted. */
	if (db_begin(db, e) < 0)
		return -1;
	int rc = 0;
	if (mode != DOSE_SERVINGS) {
		int other;
		rc = planned_dose(db, foods_path, p, date, time, key, mode, &pr, d, &other, e);
		if (rc == 0 && other) {
			mode = DOSE_SERVINGS;
			servings = 1;
		}
	}
	if (rc == 0 && mode == DOSE_SERVINGS) {
		int found = journal_product_get(db, key, &pr, e);
		if (found < 0)
			rc = -1;
		else if (!found)
			rc = mg_err_set(e, MG_ENOINPUT, "no product \"%s\" (add it with 'mgtrack product add')", key);
	}
	if (rc == 0)
		rc = product_magnesium(&pr, &mg, e);
	if (rc == 0) {
		d->date = date;
		d->time = time;
		d->product_id = pr.id;
		mg_strlcpy(d->product_name, pr.name, sizeof(d->product_name));
		if (mode == DOSE_SERVINGS) {
			d->servings = servings;
			d->elemental_mg = mg.per_serving * servings;
		}
		d->estimated = mg.estimated;
		rc = journal_dose_list(db, p->id, date, date, sum_dose, day_total, e);
	}
	/* A planned intake never takes the day over the limit: the limit is a
	 * daily one, and an antacid or a laxative taken today counts. A dose
	 * typed with its servings is recorded (the log must say what was
	 * taken) and warned about by the caller. */
	if (rc == 0 && mode == DOSE_PLANNED && t->ul_set && *day_total + d->elemental_mg > t->supplement_ul_mg + 1e-6)
		rc = mg_err_set(e, MG_EDATA, "supplements today already add up to %.0f mg: this %.0f mg intake would take the"
				" day above the %.0f mg upper limit [%s]; skip it ('mgtrack dose --skip')", *day_total,
				d->elemental_mg, t->supplement_ul_mg, t->ul.id);
	if (rc == 0)
		dose_warning(db, p, d, warning, warning_len);
	if (rc == 0)
		rc = journal_dose_add(db, p->id, d, e);
	if (rc == 0)
		rc = db_commit(db, e);
	if (rc < 0) {
		db_rollback(db);
		return -1;
	}
	if (!d->skipped)
		*day_total += d->elemental_mg;
	return 0;
}
