/*
 * Journal schema, migrations and the profile, food-log and custom-food
 * tables. Start with `migrations` below: each entry upgrades the schema by
 * one version and runs in its own transaction.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "store/db.h"
#include "store/journal.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

static const char *const migrations[] = {
	/* 1: profiles, custom foods, food log */
	"CREATE TABLE profile ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  born TEXT, age_years INTEGER, age_on TEXT,"
	"  sex TEXT NOT NULL CHECK (sex IN ('female', 'male')),"
	"  pregnant INTEGER NOT NULL DEFAULT 0,"
	"  lactating INTEGER NOT NULL DEFAULT 0,"
	"  clinician_guided INTEGER NOT NULL DEFAULT 0,"
	"  gi_sensitive INTEGER NOT NULL DEFAULT 0,"
	"  training TEXT NOT NULL DEFAULT 'none',"
	"  region TEXT NOT NULL DEFAULT 'us',"
	"  wake TEXT, bed TEXT,"
	"  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
	"  updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));"
	"CREATE TABLE profile_goal ("
	"  profile_id INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,"
	"  goal TEXT NOT NULL, PRIMARY KEY (profile_id, goal));"
	"CREATE TABLE profile_condition ("
	"  profile_id INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,"
	"  condition TEXT NOT NULL, PRIMARY KEY (profile_id, condition));"
	"CREATE TABLE profile_med ("
	"  id INTEGER PRIMARY KEY,"
	"  profile_id INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,"
	"  name TEXT NOT NULL, times TEXT NOT NULL);"
	"CREATE TABLE custom_food ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL,"
	"  magnesium_mg REAL NOT NULL, energy_kcal REAL,"
	"  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));"
	"CREATE TABLE custom_measure ("
	"  food_id INTEGER NOT NULL REFERENCES custom_food(id) ON DELETE CASCADE,"
	"  seq INTEGER NOT NULL, amount REAL NOT NULL, name TEXT NOT NULL, grams REAL NOT NULL,"
	"  PRIMARY KEY (food_id, seq));"
	"CREATE TABLE food_log ("
	"  id INTEGER PRIMARY KEY,"
	"  profile_id INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,"
	"  date TEXT NOT NULL,"
	"  food_id INTEGER NOT NULL, food_name TEXT NOT NULL,"
	"  amount REAL NOT NULL, measure TEXT NOT NULL, grams REAL NOT NULL,"
	"  magnesium_mg REAL NOT NULL, energy_kcal REAL,"
	"  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));"
	"CREATE INDEX food_log_by_day ON food_log(profile_id, date);",
	/* 2: training time and supplemental zinc on the profile; supplement
	 * products (shared by the journal's profiles) and doses taken */
	"ALTER TABLE profile ADD COLUMN train_at TEXT;"
	"ALTER TABLE profile ADD COLUMN zinc_mg REAL;"
	"CREATE TABLE product ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
	"  form TEXT NOT NULL, hydrate TEXT,"
	"  compound_mg REAL, elemental_mg REAL,"
	"  units_per_serving INTEGER NOT NULL DEFAULT 1,"
	"  third_party INTEGER NOT NULL DEFAULT 0,"
	"  proprietary_blend INTEGER NOT NULL DEFAULT 0,"
	"  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));"
	"CREATE TABLE dose ("
	"  id INTEGER PRIMARY KEY,"
	"  profile_id INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,"
	"  date TEXT NOT NULL, time TEXT NOT NULL,"
	"  product_id INTEGER REFERENCES product(id) ON DELETE SET NULL,"
	"  product_name TEXT NOT NULL, servings REAL NOT NULL,"
	"  elemental_mg REAL NOT NULL, estimated INTEGER NOT NULL DEFAULT 0,"
	"  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));"
	"CREATE INDEX dose_by_day ON dose(profile_id, date, time);",
	/* 3: the nightly log. One row per night and source ("manual" or an
	 * import); each diary field is a column holding the text night_get
	 * gives (store/nights.c), NULL when not recorded. */
	"CREATE TABLE night ("
	"  id INTEGER PRIMARY KEY,"
	"  profile_id INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,"
	"  date TEXT NOT NULL, source TEXT NOT NULL DEFAULT 'manual',"
	"  bed, tried, sol, awakenings, waso, wake, up, quality, rested, rls, tightness, stress,"
	"  mood, energy, cramps, bristol, red_flag, caffeine_after_noon, alcohol, training,"
	"  headache, note,"
	"  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
	"  updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
	"  UNIQUE (profile_id, date, source));",
	/* 4: n-of-1 trial designs. One active trial per profile; a redesign
	 * keeps the old row, marked abandoned (the pre-registration stays). */
	"CREATE TABLE trial ("
	"  id INTEGER PRIMARY KEY,"
	"  profile_id INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,"
	"  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'abandoned')),"
	"  outcome TEXT NOT NULL, blocks INTEGER NOT NULL, period_days INTEGER NOT NULL,"
	"  washin_days INTEGER NOT NULL, baseline_days INTEGER NOT NULL, control TEXT NOT NULL,"
	"  blind INTEGER NOT NULL, seed INTEGER NOT NULL, start TEXT NOT NULL, block_order TEXT NOT NULL,"
	"  hash TEXT NOT NULL, unblinded TEXT,"
	"  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));",
	/* 5: what wearables measure beyond the diary: stage minutes, HRV with
	 * its kind, lowest or resting heart rate. */
	"ALTER TABLE night ADD COLUMN deep;"
	"ALTER TABLE night ADD COLUMN light;"
	"ALTER TABLE night ADD COLUMN rem;"
	"ALTER TABLE night ADD COLUMN hrv;"
	"ALTER TABLE night ADD COLUMN hrv_kind;"
	"ALTER TABLE night ADD COLUMN hr_low;",
	/* 6: magnesium from food as other apps report it (Apple Health's
	 * DietaryMagnesium), kept apart from the food log; the profile says
	 * which of the two counts as food, so nothing is counted twice. */
	"CREATE TABLE imported_intake ("
	"  profile_id INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,"
	"  date TEXT NOT NULL, source TEXT NOT NULL, magnesium_mg REAL NOT NULL,"
	"  PRIMARY KEY (profile_id, date, source));"
	"ALTER TABLE profile ADD COLUMN food_source TEXT NOT NULL DEFAULT 'log';",
	/* 7: the course (PRODUCT.md section 1b). A course per profile runs at
	 * a time; its plan versions are history, so a trigger refuses any
	 * UPDATE of them. Doses record whether a planned intake was taken or
	 * skipped and which planned time they answer; a product can be marked
	 * as taken regularly (servings a day), so it counts against the
	 * supplemental upper limit without a dose logged each day. */
	"CREATE TABLE course ("
	"  id INTEGER PRIMARY KEY,"
	"  profile_id INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,"
	"  started TEXT NOT NULL, ended TEXT,"
	"  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));"
	"CREATE UNIQUE INDEX course_one_running ON course(profile_id) WHERE ended IS NULL;"
	"CREATE TABLE plan_version ("
	"  id INTEGER PRIMARY KEY,"
	"  course_id INTEGER NOT NULL REFERENCES course(id) ON DELETE CASCADE,"
	"  seq INTEGER NOT NULL, from_date TEXT NOT NULL,"
	"  phase TEXT NOT NULL CHECK (phase IN ('titrating', 'maintenance', 'stepping_down', 'paused', 'stopped')),"
	"  event TEXT NOT NULL,"
	"  daily_mg REAL NOT NULL, full_mg REAL NOT NULL, start_mg REAL NOT NULL, step_mg REAL NOT NULL,"
	"  form TEXT NOT NULL,"
	"  product_id INTEGER REFERENCES product(id) ON DELETE SET NULL,"
	"  product_name TEXT NOT NULL, unit_mg REAL NOT NULL, units_per_serving INTEGER NOT NULL,"
	"  reason TEXT NOT NULL, rule TEXT NOT NULL,"
	"  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
	"  UNIQUE (course_id, seq));"
	"CREATE TABLE plan_intake ("
	"  version_id INTEGER NOT NULL REFERENCES plan_version(id) ON DELETE CASCADE,"
	"  seq INTEGER NOT NULL, time TEXT NOT NULL, elemental_mg REAL NOT NULL,"
	"  units INTEGER NOT NULL CHECK (units >= 1), slot TEXT NOT NULL,"
	"  PRIMARY KEY (version_id, seq));"
	/* Every column but product_id, which a deleted product sets to NULL. */
	"CREATE TRIGGER plan_version_is_history BEFORE UPDATE OF course_id, seq, from_date, phase, event, daily_mg,"
	"  full_mg, start_mg, step_mg, form, product_name, unit_mg, units_per_serving, reason, rule, created"
	"  ON plan_version"
	"  BEGIN SELECT RAISE(ABORT, 'plan versions are never edited'); END;"
	"CREATE TRIGGER plan_intake_is_history BEFORE UPDATE ON plan_intake"
	"  BEGIN SELECT RAISE(ABORT, 'plan versions are never edited'); END;"
	"ALTER TABLE dose ADD COLUMN status TEXT NOT NULL DEFAULT 'taken' CHECK (status IN ('taken', 'skipped'));"
	"ALTER TABLE dose ADD COLUMN planned_time TEXT;"
	"ALTER TABLE product ADD COLUMN taking_servings REAL;",
	/* 8: what a pharmacist asks before magnesium (issue 11): kidney
	 * function as eGFR (a number, 'unknown' when the person does not know
	 * it, NULL when never asked), and whether a product's tablet is scored,
	 * so the plan may use half units. */
	"ALTER TABLE profile ADD COLUMN egfr TEXT;"
	"ALTER TABLE product ADD COLUMN divisible INTEGER NOT NULL DEFAULT 0;",
	/* 9: half tablets (issue 11). A scored tablet's intakes count in
	 * halves, so an intake's units become a number in steps of a half,
	 * never 0; and a version records whether its product was divisible,
	 * as it records the unit's mg. SQLite cannot change a CHECK, so
	 * plan_intake is rebuilt (its rows copied as they are), and both
	 * history triggers come back covering every column. */
	"CREATE TABLE plan_intake_9 ("
	"  version_id INTEGER NOT NULL REFERENCES plan_version(id) ON DELETE CASCADE,"
	"  seq INTEGER NOT NULL, time TEXT NOT NULL, elemental_mg REAL NOT NULL,"
	"  units REAL NOT NULL CHECK (units >= 0.5 AND units * 2 = round(units * 2)), slot TEXT NOT NULL,"
	"  PRIMARY KEY (version_id, seq));"
	"INSERT INTO plan_intake_9(version_id, seq, time, elemental_mg, units, slot)"
	"  SELECT version_id, seq, time, elemental_mg, units, slot FROM plan_intake;"
	"DROP TABLE plan_intake;"
	"ALTER TABLE plan_intake_9 RENAME TO plan_intake;"
	"CREATE TRIGGER plan_intake_is_history BEFORE UPDATE ON plan_intake"
	"  BEGIN SELECT RAISE(ABORT, 'plan versions are never edited'); END;"
	"ALTER TABLE plan_version ADD COLUMN divisible INTEGER NOT NULL DEFAULT 0 CHECK (divisible IN (0, 1));"
	"DROP TRIGGER plan_version_is_history;"
	"CREATE TRIGGER plan_version_is_history BEFORE UPDATE OF course_id, seq, from_date, phase, event, daily_mg,"
	"  full_mg, start_mg, step_mg, form, product_name, unit_mg, units_per_serving, divisible, reason, rule, created"
	"  ON plan_version"
	"  BEGIN SELECT RAISE(ABORT, 'plan versions are never edited'); END;",
	/* 10: the person's diet and the foods they avoid (issue 12), so
	 * suggestions and the plan's food lines leave those foods out. The
	 * avoid list is a comma list of food-rules.tsv avoid: names, in that
	 * table's order; both are checked against the table when set. */
	"ALTER TABLE profile ADD COLUMN diet TEXT NOT NULL DEFAULT 'omnivore';"
	"ALTER TABLE profile ADD COLUMN avoid TEXT NOT NULL DEFAULT '';",
	/* 11: a food without a magnesium value can be logged and a custom
	 * food added without one (issue 12: honest coverage); such an entry
	 * is flagged, never counted as 0 mg. SQLite stores no NaN and the
	 * magnesium columns are NOT NULL, and rebuilding custom_food would
	 * cascade into custom_measure, so a flag column says it instead
	 * (magnesium_mg is then 0 and never read). */
	"ALTER TABLE custom_food ADD COLUMN magnesium_known INTEGER NOT NULL DEFAULT 1"
	"  CHECK (magnesium_known IN (0, 1));"
	"ALTER TABLE food_log ADD COLUMN magnesium_known INTEGER NOT NULL DEFAULT 1"
	"  CHECK (magnesium_known IN (0, 1));",
};

int journal_schema_version(void)
{
	return (int)(sizeof(migrations) / sizeof(migrations[0]));
}

static int user_version(sqlite3 *db, int *v, struct mg_err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, "PRAGMA user_version", &st, e) < 0)
		return -1;
	*v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	return 0;
}

int journal_open(const char *path, sqlite3 **out, struct mg_err *e)
{
	sqlite3 *db;
	if (db_open(path, DB_CREATE, &db, e) < 0)
		return -1;
	int v;
	if (user_version(db, &v, e) < 0)
		goto fail;
	int newest = journal_schema_version();
	if (v > newest) {
		mg_err_set(e, MG_EDATA, "journal \"%s\" has schema version %d, newer than this mgtrack (%d)",
			   path, v, newest);
		goto fail;
	}
	while (v < newest) {
		/* Two processes may open a new or old journal at once: the version
		 * is read again under the write lock, so only one of them applies
		 * each migration and the other sees it done. */
		if (db_begin(db, e) < 0)
			goto fail;
		if (user_version(db, &v, e) < 0) {
			db_rollback(db);
			goto fail;
		}
		if (v >= newest) {
			db_rollback(db);
			break;
		}
		char pragma[48];
		snprintf(pragma, sizeof(pragma), "PRAGMA user_version=%d", v + 1);
		if (db_exec(db, migrations[v], e) < 0 || db_exec(db, pragma, e) < 0 ||
		    db_commit(db, e) < 0) {
			db_rollback(db);
			goto fail;
		}
		v++;
	}
	*out = db;
	return 0;
fail:
	db_close(db);
	return -1;
}

/* ---- profiles ---- */

static void date_text(long days, char *buf, size_t n)
{
	if (days == MG_NO_DATE)
		buf[0] = '\0';
	else
		mg_format_date(days, buf, n);
}

static long text_date(const unsigned char *s)
{
	long d;
	return s && mg_parse_date((const char *)s, &d) == 0 ? d : MG_NO_DATE;
}

/* The stored eGFR: a number, 'unknown' (-1) or NULL (0: never asked). */
static double text_egfr(const unsigned char *s)
{
	double v;
	if (!s)
		return 0;
	if (strcmp((const char *)s, "unknown") == 0)
		return -1;
	return mg_parse_double((const char *)s, 1, 200, &v) == 0 ? v : 0;
}

static int text_time(const unsigned char *s)
{
	int m;
	return s && mg_parse_hhmm((const char *)s, &m) == 0 ? m : -1;
}

static void col_text(sqlite3_stmt *st, int col, char *dst, size_t n)
{
	const unsigned char *s = sqlite3_column_text(st, col);
	mg_strlcpy(dst, s ? (const char *)s : "", n);
}

int journal_profile_get(sqlite3 *db, const char *name, struct profile *p, struct mg_err *e)
{
	memset(p, 0, sizeof(*p));
	sqlite3_stmt *st;
	if (db_prepare(db, "SELECT id, name, born, age_years, age_on, sex, pregnant, lactating,"
		       " clinician_guided, gi_sensitive, training, region, wake, bed, train_at, zinc_mg, food_source,"
		       " egfr, diet, avoid FROM profile WHERE name = ?", &st, e) < 0)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		if (rc == SQLITE_DONE)
			return mg_err_set(e, MG_ENOINPUT, "no profile \"%s\": create it with 'mgtrack init'", name);
		return db_fail(db, "cannot read profile", e);
	}
	p->id = sqlite3_column_int64(st, 0);
	col_text(st, 1, p->name, sizeof(p->name));
	p->born = text_date(sqlite3_column_text(st, 2));
	p->age_years = sqlite3_column_int(st, 3);
	p->age_on = text_date(sqlite3_column_text(st, 4));
	col_text(st, 5, p->sex, sizeof(p->sex));
	p->pregnant = sqlite3_column_int(st, 6);
	p->lactating = sqlite3_column_int(st, 7);
	p->clinician_guided = sqlite3_column_int(st, 8);
	p->gi_sensitive = sqlite3_column_int(st, 9);
	col_text(st, 10, p->training, sizeof(p->training));
	col_text(st, 11, p->region, sizeof(p->region));
	p->wake = text_time(sqlite3_column_text(st, 12));
	p->bed = text_time(sqlite3_column_text(st, 13));
	/* Training times are one column, "07:00,18:00" (a single time before
	 * issue 11). */
	const unsigned char *train = sqlite3_column_text(st, 14);
	const char *bad;
	if (!train || mg_parse_hhmm_list((const char *)train, p->train_at, PROFILE_MAX_TRAIN, &p->n_train, &bad) < 0)
		p->n_train = 0;
	p->zinc_mg = sqlite3_column_type(st, 15) == SQLITE_NULL ? 0 : sqlite3_column_double(st, 15);
	col_text(st, 16, p->food_source, sizeof(p->food_source));
	p->egfr = text_egfr(sqlite3_column_text(st, 17));
	col_text(st, 18, p->diet, sizeof(p->diet));
	col_text(st, 19, p->avoid, sizeof(p->avoid));
	sqlite3_finalize(st);

	if (db_prepare(db, "SELECT goal FROM profile_goal WHERE profile_id = ? ORDER BY goal", &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, p->id);
	while (sqlite3_step(st) == SQLITE_ROW && p->n_goals < PROFILE_MAX_LIST)
		col_text(st, 0, p->goals[p->n_goals++], sizeof(p->goals[0]));
	sqlite3_finalize(st);

	if (db_prepare(db, "SELECT condition FROM profile_condition WHERE profile_id = ? ORDER BY condition",
		       &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, p->id);
	while (sqlite3_step(st) == SQLITE_ROW && p->n_conditions < PROFILE_MAX_LIST)
		col_text(st, 0, p->conditions[p->n_conditions++], sizeof(p->conditions[0]));
	sqlite3_finalize(st);

	if (db_prepare(db, "SELECT name, times FROM profile_med WHERE profile_id = ? ORDER BY id", &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, p->id);
	while (sqlite3_step(st) == SQLITE_ROW && p->n_meds < PROFILE_MAX_LIST) {
		col_text(st, 0, p->meds[p->n_meds].name, sizeof(p->meds[0].name));
		col_text(st, 1, p->meds[p->n_meds].times, sizeof(p->meds[0].times));
		p->n_meds++;
	}
	sqlite3_finalize(st);
	return 0;
}

static int exec_bound(sqlite3 *db, sqlite3_stmt *st, const char *what, struct mg_err *e)
{
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, what, e);
	return 0;
}

int journal_profile_put(sqlite3 *db, struct profile *p, struct mg_err *e)
{
	sqlite3_stmt *st;
	const char *sql = p->id
		? "UPDATE profile SET name=?1, born=?2, age_years=?3, age_on=?4, sex=?5, pregnant=?6,"
		  " lactating=?7, clinician_guided=?8, gi_sensitive=?9, training=?10, region=?11,"
		  " wake=?12, bed=?13, train_at=?15, zinc_mg=?16, food_source=?17, egfr=?18,"
		  " diet=?19, avoid=?20, updated=strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id=?14"
		: "INSERT INTO profile(name, born, age_years, age_on, sex, pregnant, lactating,"
		  " clinician_guided, gi_sensitive, training, region, wake, bed, train_at, zinc_mg, food_source, egfr,"
		  " diet, avoid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?15, ?16, ?17, ?18, ?19, ?20)";
	if (db_prepare(db, sql, &st, e) < 0)
		return -1;
	char born[16], age_on[16], wake[8] = "", bed[8] = "", train_at[PROFILE_MAX_TRAIN * 6 + 1] = "";
	date_text(p->born, born, sizeof(born));
	date_text(p->born == MG_NO_DATE ? p->age_on : MG_NO_DATE, age_on, sizeof(age_on));
	if (p->wake >= 0)
		mg_format_hhmm(p->wake, wake, sizeof(wake));
	if (p->bed >= 0)
		mg_format_hhmm(p->bed, bed, sizeof(bed));
	for (size_t i = 0; i < p->n_train; i++) {
		size_t l = strlen(train_at);
		if (i)
			train_at[l++] = ',';
		mg_format_hhmm(p->train_at[i], train_at + l, sizeof(train_at) - l);
	}
	sqlite3_bind_text(st, 1, p->name, -1, SQLITE_STATIC);
	db_bind_text_or_null(st, 2, born);
	if (p->born == MG_NO_DATE)
		sqlite3_bind_int(st, 3, p->age_years);
	else
		sqlite3_bind_null(st, 3);
	db_bind_text_or_null(st, 4, age_on);
	sqlite3_bind_text(st, 5, p->sex, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 6, p->pregnant);
	sqlite3_bind_int(st, 7, p->lactating);
	sqlite3_bind_int(st, 8, p->clinician_guided);
	sqlite3_bind_int(st, 9, p->gi_sensitive);
	sqlite3_bind_text(st, 10, p->training, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 11, p->region, -1, SQLITE_STATIC);
	db_bind_text_or_null(st, 12, wake);
	db_bind_text_or_null(st, 13, bed);
	if (p->id)
		sqlite3_bind_int64(st, 14, p->id);
	db_bind_text_or_null(st, 15, train_at);
	if (p->zinc_mg > 0)
		sqlite3_bind_double(st, 16, p->zinc_mg);
	else
		sqlite3_bind_null(st, 16);
	sqlite3_bind_text(st, 17, p->food_source[0] ? p->food_source : "log", -1, SQLITE_STATIC);
	char egfr[16] = "";
	/* %g, not %.0f: a lab's 29.6 must not be stored as 30, across the
	 * contraindication limit. */
	if (p->egfr > 0)
		snprintf(egfr, sizeof(egfr), "%g", p->egfr);
	else if (p->egfr < 0)
		mg_strlcpy(egfr, "unknown", sizeof(egfr));
	db_bind_text_or_null(st, 18, egfr);
	sqlite3_bind_text(st, 19, p->diet[0] ? p->diet : "omnivore", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 20, p->avoid, -1, SQLITE_STATIC);
	if (exec_bound(db, st, "cannot save profile", e) < 0)
		return -1;
	if (!p->id)
		p->id = sqlite3_last_insert_rowid(db);

	static const char *const clear[] = {
		"DELETE FROM profile_goal WHERE profile_id = ?",
		"DELETE FROM profile_condition WHERE profile_id = ?",
		"DELETE FROM profile_med WHERE profile_id = ?",
	};
	for (size_t i = 0; i < 3; i++) {
		if (db_prepare(db, clear[i], &st, e) < 0)
			return -1;
		sqlite3_bind_int64(st, 1, p->id);
		if (exec_bound(db, st, "cannot save profile", e) < 0)
			return -1;
	}
	for (size_t i = 0; i < p->n_goals; i++) {
		if (db_prepare(db, "INSERT OR IGNORE INTO profile_goal VALUES (?, ?)", &st, e) < 0)
			return -1;
		sqlite3_bind_int64(st, 1, p->id);
		sqlite3_bind_text(st, 2, p->goals[i], -1, SQLITE_STATIC);
		if (exec_bound(db, st, "cannot save goals", e) < 0)
			return -1;
	}
	for (size_t i = 0; i < p->n_conditions; i++) {
		if (db_prepare(db, "INSERT OR IGNORE INTO profile_condition VALUES (?, ?)", &st, e) < 0)
			return -1;
		sqlite3_bind_int64(st, 1, p->id);
		sqlite3_bind_text(st, 2, p->conditions[i], -1, SQLITE_STATIC);
		if (exec_bound(db, st, "cannot save conditions", e) < 0)
			return -1;
	}
	for (size_t i = 0; i < p->n_meds; i++) {
		if (db_prepare(db, "INSERT INTO profile_med(profile_id, name, times) VALUES (?, ?, ?)", &st, e) < 0)
			return -1;
		sqlite3_bind_int64(st, 1, p->id);
		sqlite3_bind_text(st, 2, p->meds[i].name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, p->meds[i].times, -1, SQLITE_STATIC);
		if (exec_bound(db, st, "cannot save medicines", e) < 0)
			return -1;
	}
	return 0;
}

int journal_profile_names(sqlite3 *db, void (*cb)(const char *name, void *ctx), void *ctx, struct mg_err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, "SELECT name FROM profile ORDER BY name", &st, e) < 0)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW)
		cb((const char *)sqlite3_column_text(st, 0), ctx);
	sqlite3_finalize(st);
	return 0;
}

/* ---- food log ---- */

#define FOOD_LOG_ADD_SQL "INSERT INTO food_log(profile_id, date, food_id, food_name, amount, measure," \
	" grams, magnesium_mg, energy_kcal, magnesium_known) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
#define FOOD_LOG_LIST_SQL "SELECT id, date, food_id, food_name, amount, measure, grams," \
	" CASE WHEN magnesium_known THEN magnesium_mg END," \
	" energy_kcal FROM food_log WHERE profile_id = ? AND date BETWEEN ? AND ?" \
	" ORDER BY date, id"

/* Binds the entry to the prepared insert and runs it, leaving the
 * statement reset with its bindings cleared (the text is bound without a
 * copy from this frame and the caller's entry). */
static int run_food_log_add(sqlite3 *db, sqlite3_stmt *st, long profile_id, struct food_log_entry *en,
			    struct mg_err *e)
{
	char date[16];
	mg_format_date(en->date, date, sizeof(date));
	sqlite3_bind_int64(st, 1, profile_id);
	sqlite3_bind_text(st, 2, date, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, en->food_id);
	sqlite3_bind_text(st, 4, en->food_name, -1, SQLITE_STATIC);
	sqlite3_bind_double(st, 5, en->amount);
	sqlite3_bind_text(st, 6, en->measure, -1, SQLITE_STATIC);
	sqlite3_bind_double(st, 7, en->grams);
	sqlite3_bind_double(st, 8, isnan(en->mg) ? 0 : en->mg);
	if (isnan(en->kcal))
		sqlite3_bind_null(st, 9);
	else
		sqlite3_bind_double(st, 9, en->kcal);
	sqlite3_bind_int(st, 10, !isnan(en->mg));
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, "cannot log food", e);
	en->id = sqlite3_last_insert_rowid(db);
	return 0;
}

int journal_food_log_add(sqlite3 *db, long profile_id, struct food_log_entry *en, struct mg_err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, FOOD_LOG_ADD_SQL, &st, e) < 0)
		return -1;
	int rc = run_food_log_add(db, st, profile_id, en, e);
	sqlite3_finalize(st);
	return rc;
}

int journal_food_log_delete(sqlite3 *db, long profile_id, long id, struct mg_err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, "DELETE FROM food_log WHERE profile_id = ? AND id = ?", &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, profile_id);
	sqlite3_bind_int64(st, 2, id);
	if (exec_bound(db, st, "cannot delete food log entry", e) < 0)
		return -1;
	if (sqlite3_changes(db) == 0)
		return mg_err_set(e, MG_ENOINPUT, "no food log entry \"%ld\"", id);
	return 0;
}

/* Runs the prepared list over from..to and leaves it reset. */
static int run_food_log_list(sqlite3 *db, sqlite3_stmt *st, long profile_id, long from, long to,
			     int (*cb)(const struct food_log_entry *en, void *ctx), void *ctx, struct mg_err *e)
{
	db_bind_window(st, profile_id, from, to);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct food_log_entry en;
		memset(&en, 0, sizeof(en));
		en.id = sqlite3_column_int64(st, 0);
		en.date = text_date(sqlite3_column_text(st, 1));
		en.food_id = sqlite3_column_int64(st, 2);
		col_text(st, 3, en.food_name, sizeof(en.food_name));
		en.amount = sqlite3_column_double(st, 4);
		col_text(st, 5, en.measure, sizeof(en.measure));
		en.grams = sqlite3_column_double(st, 6);
		en.mg = sqlite3_column_type(st, 7) == SQLITE_NULL ? NAN : sqlite3_column_double(st, 7);
		en.kcal = sqlite3_column_type(st, 8) == SQLITE_NULL ? NAN : sqlite3_column_double(st, 8);
		if (cb(&en, ctx)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, "cannot read the food log", e);
	return 0;
}

int journal_food_log_list(sqlite3 *db, long profile_id, long from, long to,
			  int (*cb)(const struct food_log_entry *en, void *ctx), void *ctx,
			  struct mg_err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, FOOD_LOG_LIST_SQL, &st, e) < 0)
		return -1;
	int rc = run_food_log_list(db, st, profile_id, from, to, cb, ctx, e);
	sqlite3_finalize(st);
	return rc;
}

int journal_food_log_writer_init(struct food_log_writer *w, sqlite3 *db, struct mg_err *e)
{
	memset(w, 0, sizeof(*w));
	w->db = db;
	if (db_prepare_persistent(db, FOOD_LOG_ADD_SQL, &w->add, e) < 0 ||
	    db_prepare_persistent(db, FOOD_LOG_LIST_SQL, &w->list, e) < 0) {
		journal_food_log_writer_release(w);
		return -1;
	}
	return 0;
}

void journal_food_log_writer_release(struct food_log_writer *w)
{
	sqlite3_finalize(w->add);   /* NULL after a failed init: a no-op */
	sqlite3_finalize(w->list);
	memset(w, 0, sizeof(*w));
}

int journal_food_log_write(struct food_log_writer *w, long profile_id, struct food_log_entry *en, struct mg_err *e)
{
	return run_food_log_add(w->db, w->add, profile_id, en, e);
}

int journal_food_log_day(struct food_log_writer *w, long profile_id, long date,
			 int (*cb)(const struct food_log_entry *en, void *ctx), void *ctx, struct mg_err *e)
{
	return run_food_log_list(w->db, w->list, profile_id, date, date, cb, ctx, e);
}

/* ---- custom foods ---- */

int journal_custom_food_add(sqlite3 *db, struct food_record *f, struct mg_err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, "INSERT INTO custom_food(id, name, magnesium_mg, energy_kcal, magnesium_known) VALUES ("
		       " (SELECT max(coalesce(max(id), 0), ?) + 1 FROM custom_food), ?, ?, ?, ?)", &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, CUSTOM_FOOD_ID_BASE);
	sqlite3_bind_text(st, 2, f->name, -1, SQLITE_STATIC);
	sqlite3_bind_double(st, 3, isnan(f->nut[NUT_MG]) ? 0 : f->nut[NUT_MG]);
	sqlite3_bind_int(st, 5, !isnan(f->nut[NUT_MG]));
	if (isnan(f->nut[NUT_KCAL]))
		sqlite3_bind_null(st, 4);
	else
		sqlite3_bind_double(st, 4, f->nut[NUT_KCAL]);
	if (exec_bound(db, st, "cannot add food", e) < 0)
		return -1;
	f->id = sqlite3_last_insert_rowid(db);
	mg_strlcpy(f->source, "custom", sizeof(f->source));
	for (size_t i = 0; i < f->n_measures; i++) {
		if (db_prepare(db, "INSERT INTO custom_measure VALUES (?, ?, ?, ?, ?)", &st, e) < 0)
			return -1;
		sqlite3_bind_int64(st, 1, f->id);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
		sqlite3_bind_double(st, 3, f->measures[i].amount);
		sqlite3_bind_text(st, 4, f->measures[i].name, -1, SQLITE_STATIC);
		sqlite3_bind_double(st, 5, f->measures[i].grams);
		if (exec_bound(db, st, "cannot add measure", e) < 0)
			return -1;
	}
	return 0;
}

static int load_custom_measures(sqlite3 *db, struct food_record *f, struct mg_err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, "SELECT amount, name, grams FROM custom_measure WHERE food_id = ? ORDER BY seq",
		       &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, f->id);
	while (sqlite3_step(st) == SQLITE_ROW)
		food_record_add_measure(f, sqlite3_column_double(st, 0),
					(const char *)sqlite3_column_text(st, 1), sqlite3_column_double(st, 2));
	sqlite3_finalize(st);
	return 0;
}

static void custom_from_row(sqlite3_stmt *st, struct food_record *f)
{
	f->id = sqlite3_column_int64(st, 0);
	food_record_set_name(f, (const char *)sqlite3_column_text(st, 1));
	f->nut[NUT_MG] = sqlite3_column_type(st, 2) == SQLITE_NULL ? NAN : sqlite3_column_double(st, 2);
	f->nut[NUT_KCAL] = sqlite3_column_type(st, 3) == SQLITE_NULL ? NAN : sqlite3_column_double(st, 3);
	mg_strlcpy(f->source, "custom", sizeof(f->source));
}

int journal_custom_food_get(sqlite3 *db, long id, struct food_record *f, struct mg_err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, "SELECT id, name, CASE WHEN magnesium_known THEN magnesium_mg END, energy_kcal FROM custom_food WHERE id = ?", &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int found = sqlite3_step(st) == SQLITE_ROW;
	if (found)
		custom_from_row(st, f);
	sqlite3_finalize(st);
	if (found && load_custom_measures(db, f, e) < 0)
		return -1;
	return found;
}

int journal_custom_food_match(sqlite3 *db, const char *const *words, size_t n,
			      int (*cb)(const struct food_record *f, void *ctx), void *ctx,
			      struct mg_err *e)
{
	/* Custom foods are few (dozens), so a scan with instr() is plenty. */
	sqlite3_stmt *st;
	if (db_prepare(db, "SELECT id, name, CASE WHEN magnesium_known THEN magnesium_mg END, energy_kcal FROM custom_food ORDER BY id", &st, e) < 0)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 1);
		size_t hit = 0;
		for (size_t i = 0; i < n; i++)
			hit += strcasestr(name, words[i]) != NULL;
		if (hit != n)
			continue;
		struct food_record f;
		food_record_init(&f);
		custom_from_row(st, &f);
		int stop = load_custom_measures(db, &f, e) < 0 || cb(&f, ctx);
		food_record_release(&f);
		if (stop)
			break;
	}
	sqlite3_finalize(st);
	return 0;
}

/* ---- magnesium from food reported by other apps ---- */

#define INTAKE_PUT_SQL "INSERT OR REPLACE INTO imported_intake VALUES (?, ?, ?, ?)"

/* Binds and runs st, then resets it with its bindings cleared: the date
 * is bound from this stack frame without a copy and must not outlive it. */
static int run_intake_put(sqlite3 *db, sqlite3_stmt *st, long profile_id, long date, const char *source, double mg,
			  struct mg_err *e)
{
	char d[16];
	mg_format_date(date, d, sizeof(d));
	sqlite3_bind_int64(st, 1, profile_id);
	sqlite3_bind_text(st, 2, d, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, source, -1, SQLITE_STATIC);
	sqlite3_bind_double(st, 4, mg);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, "cannot save imported intake", e);
}

int journal_imported_intake_put(sqlite3 *db, long profile_id, long date, const char *source, double mg,
				struct mg_err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, INTAKE_PUT_SQL, &st, e) < 0)
		return -1;
	int rc = run_intake_put(db, st, profile_id, date, source, mg, e);
	sqlite3_finalize(st);
	return rc;
}

#define INTAKE_LIST_SQL "SELECT date, source, magnesium_mg FROM imported_intake WHERE profile_id = ?" \
	" AND date BETWEEN ? AND ? ORDER BY date, source"

/* Runs the prepared list over from..to and leaves it reset. */
static int run_intake_list(sqlite3_stmt *st, long profile_id, long from, long to,
			   int (*cb)(long date, const char *source, double mg, void *ctx), void *ctx)
{
	db_bind_window(st, profile_id, from, to);
	int stop = 0;
	while (!stop && sqlite3_step(st) == SQLITE_ROW) {
		long date;
		if (mg_parse_date((const char *)sqlite3_column_text(st, 0), &date) < 0)
			continue;
		stop = cb(date, (const char *)sqlite3_column_text(st, 1), sqlite3_column_double(st, 2), ctx);
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return 0;
}

int journal_intake_writer_init(struct intake_writer *w, sqlite3 *db, struct mg_err *e)
{
	w->db = db;
	w->put = w->list = NULL;
	if (db_prepare_persistent(db, INTAKE_PUT_SQL, &w->put, e) < 0 ||
	    db_prepare_persistent(db, INTAKE_LIST_SQL, &w->list, e) < 0) {
		journal_intake_writer_release(w);
		return -1;
	}
	return 0;
}

int journal_intake_day(struct intake_writer *w, long profile_id, long date,
		       int (*cb)(long date, const char *source, double mg, void *ctx), void *ctx, struct mg_err *e)
{
	(void)e;
	return run_intake_list(w->list, profile_id, date, date, cb, ctx);
}

int journal_intake_write(struct intake_writer *w, long profile_id, long date, const char *source, double mg,
			 struct mg_err *e)
{
	return run_intake_put(w->db, w->put, profile_id, date, source, mg, e);
}

void journal_intake_writer_release(struct intake_writer *w)
{
	sqlite3_finalize(w->put);   /* NULL after a failed init: a no-op */
	sqlite3_finalize(w->list);
	w->put = w->list = NULL;
}

int journal_imported_intake_list(sqlite3 *db, long profile_id, long from, long to,
				 int (*cb)(long date, const char *source, double mg, void *ctx), void *ctx,
				 struct mg_err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, INTAKE_LIST_SQL, &st, e) < 0)
		return -1;
	int rc = run_intake_list(st, profile_id, from, to, cb, ctx);
	sqlite3_finalize(st);
	return rc;
}

int journal_profile_food_source(sqlite3 *db, long profile_id, char *buf, size_t n, struct mg_err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, "SELECT food_source FROM profile WHERE id = ?", &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, profile_id);
	mg_strlcpy(buf, "log", n);
	if (sqlite3_step(st) == SQLITE_ROW)
		col_text(st, 0, buf, n);
	sqlite3_finalize(st);
	return 0;
}
