/*
 * Unit tests for the export and backup: store/portable.c (the list of
 * tables and columns a backup holds), view/export.c and view/restore.c.
 * A journal is seeded with SQL here, so each test shows the rows it
 * starts from: a custom food eaten, a dose of a product, a night with a
 * note in Cyrillic, a blinded trial not yet unblinded.
 */
#include <sqlite3.h>
#include "testutil.h"
#include "store/db.h"
#include "store/journal.h"
#include "core/trial.h"
#include "util/parse.h"
#include "view/export.h"
#include "util/banned.h"

static sqlite3 *fresh(const char *dir, const char *name)
{
	sqlite3 *db;
	struct mg_err e = {0};
	assert_int_equal(journal_open(tu_path(dir, name), &db, &e), 0);
	return db;
}

static void run(sqlite3 *db, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
}

static const char seed_sql[] =
	"INSERT INTO profile(name, age_years, age_on, sex, created, updated) VALUES"
	" ('default', 40, '2026-01-01', 'female', '2026-01-01T08:00:00Z', '2026-01-02T08:00:00Z');"
	"INSERT INTO profile_goal VALUES (1, 'sleep');"
	"INSERT INTO profile_med(profile_id, name, times) VALUES (1, 'levothyroxine', '07:00');"
	"INSERT INTO product(name, form, elemental_mg, created) VALUES ('Glycinate 100', 'glycinate', 100, '2026-01-01T08:00:00Z');"
	"INSERT INTO custom_food(id, name, magnesium_mg, energy_kcal, created) VALUES"
	" (900000001, 'Grandma''s bread', 61.5, 250, '2026-01-01T08:00:00Z');"
	"INSERT INTO custom_measure VALUES (900000001, 0, 1, 'slice', 38);"
	"INSERT INTO food_log(profile_id, date, food_id, food_name, amount, measure, grams, magnesium_mg, energy_kcal, created)"
	" VALUES (1, '2026-01-03', 900000001, 'Grandma''s bread', 2, 'slice', 76, 46.74, 190, '2026-01-03T12:00:00Z');"
	"INSERT INTO dose(profile_id, date, time, product_id, product_name, servings, elemental_mg, created)"
	" VALUES (1, '2026-01-03', '21:00', 1, 'Glycinate 100', 1, 100, '2026-01-03T21:00:00Z');"
	"INSERT INTO night(profile_id, date, source, sol, quality, note, created, updated)"
	" VALUES (1, '2026-01-04', 'manual', '20', '4', 'спал хорошо', '2026-01-04T07:00:00Z', '2026-01-04T07:00:00Z');";

/* Two journals in a folder of their own: a, seeded with seed_sql, and b,
 * empty, for a backup to go from one to the other. */
struct pair {
	char *dir;
	sqlite3 *a, *b;
};

static void pair_open(struct pair *w)
{
	w->dir = tu_mkdtemp();
	w->a = fresh(w->dir, "a.db");
	w->b = fresh(w->dir, "b.db");
	run(w->a, seed_sql);
}

static void pair_close(struct pair *w)
{
	db_close(w->a);
	db_close(w->b);
	tu_rmdir(w->dir);
	free(w->dir);
}

/* A blinded trial, registered as 'trial design' makes it (its order and
 * hash drawn from the seed), not yet unblinded; *d gets its design. */
static void add_trial(sqlite3 *db, struct trial_design *d)
{
	memset(d, 0, sizeof(*d));
	mg_strlcpy(d->outcome, "sol", sizeof(d->outcome));
	mg_strlcpy(d->control, "placebo", sizeof(d->control));
	d->blocks = 3;
	d->period_days = 14;
	d->washin_days = 3;
	d->baseline_days = 7;
	d->blind = 1;
	d->seed = 987654;
	assert_int_equal(mg_parse_date("2026-02-01", &d->start), 0);
	struct mg_err e = {0};
	assert_int_equal(trial_design_make(d, &e), 0);
	char sql[512];
	snprintf(sql, sizeof(sql), "INSERT INTO trial(profile_id, outcome, blocks, period_days, washin_days, baseline_days,"
		 " control, blind, seed, start, block_order, hash, created) VALUES (1, 'sol', 3, 14, 3, 7, 'placebo', 1,"
		 " 987654, '2026-02-01', '%.3s', '%s', '2026-01-05T08:00:00Z');", d->order, d->hash);
	run(db, sql);
}

static char *export_text(sqlite3 *db, const char *profile)
{
	struct mg_err e = {0};
	size_t replaced = 0, len;
	json_t *doc = view_export_doc(db, profile, &replaced, &e);
	if (!doc)
		fail_msg("export: %s", e.msg);
	char *text = view_export_text(doc, &len);
	json_decref(doc);
	assert_non_null(text);
	assert_int_equal(strlen(text), len);
	return text;
}

static int restore_text(sqlite3 *db, const char *text, struct restore_summary *s, struct strbuf *conflicts,
			struct mg_err *e)
{
	json_error_t jerr;
	json_t *doc = json_loads(text, 0, &jerr);
	assert_non_null(doc);
	int rc = view_restore(db, doc, s, conflicts, e);
	json_decref(doc);
	return rc;
}

/* Every column of every table is in the export: a migration that adds
 * one without adding it to store/portable.c fails here. */
static void test_specs_match_schema(void **state)
{
	(void)state;
	char *dir = tu_mkdtemp();
	sqlite3 *db = fresh(dir, "j.db");
	for (int t = 0; t < PT_COUNT; t++) {
		const struct port_spec *s = port_spec((enum port_table)t);
		char live[2048], spec[2048] = "";
		struct mg_err e = {0};
		assert_int_equal(port_schema_columns(db, (enum port_table)t, live, sizeof(live), &e), 0);
		size_t used = 0;
		for (size_t i = 0; i < s->n_cols; i++)
			used += (size_t)snprintf(spec + used, sizeof(spec) - used, "%s%s", i ? "," : "", s->cols[i].name);
		if (strcmp(live, spec) != 0)
			fail_msg("table %s: the schema has %s, the export %s", s->table, live, spec);
	}
	db_close(db);
	tu_rmdir(dir);
	free(dir);
}

static void test_round_trip_is_byte_identical(void **state)
{
	(void)state;
	struct pair w;
	pair_open(&w);
	sqlite3 *a = w.a, *b = w.b;
	struct trial_design d;
	add_trial(a, &d);
	char *first = export_text(a, "default");
	/* The custom food travels by its ref, the product by its name, the
	 * sealed trial without its allocation in the clear. */
	assert_non_null(strstr(first, "\"custom_food\": 1"));
	assert_non_null(strstr(first, "\"product\": \"Glycinate 100\""));
	assert_non_null(strstr(first, "\"sealed\": \""));
	assert_null(strstr(first, "\"block_order\""));
	assert_null(strstr(first, "987654"));
	assert_null(strstr(first, d.hash));
	assert_non_null(strstr(first, "спал хорошо"));

	struct restore_summary s;
	struct strbuf conflicts;
	struct mg_err e = {0};
	strbuf_init(&conflicts);
	assert_int_equal(restore_text(b, first, &s, &conflicts, &e), 0);
	assert_int_equal(s.conflicts, 0);
	assert_int_equal(s.added[PT_NIGHT], 1);
	assert_int_equal(s.added[PT_TRIAL], 1);
	char *second = export_text(b, "default");
	assert_string_equal(first, second);

	/* The restored journal holds the same values, the sealed ones too. */
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(b, "SELECT seed, block_order FROM trial", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int64(st, 0), 987654);
	assert_int_equal(strlen((const char *)sqlite3_column_text(st, 1)), 3);
	assert_int_equal(strncmp((const char *)sqlite3_column_text(st, 1), d.order, 3), 0);
	sqlite3_finalize(st);
	assert_int_equal(sqlite3_prepare_v2(b, "SELECT food_id FROM food_log", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_true(sqlite3_column_int64(st, 0) > CUSTOM_FOOD_ID_BASE);
	sqlite3_finalize(st);

	/* Again: everything is already there, nothing is added. */
	assert_int_equal(restore_text(b, first, &s, &conflicts, &e), 0);
	assert_int_equal(s.conflicts, 0);
	for (int t = 0; t < PT_COUNT; t++)
		assert_int_equal(s.added[t], 0);
	assert_int_equal(s.same[PT_DOSE], 1);
	assert_int_equal(s.same[PT_NIGHT], 1);

	strbuf_release(&conflicts);
	free(first);
	free(second);
	pair_close(&w);
}

/* Rows that are the same in every field are each their own: the same
 * food logged twice in one second, two custom foods made alike, two
 * courses begun on one day. */
static void test_identical_rows_stay_two(void **state)
{
	(void)state;
	struct pair w;
	pair_open(&w);
	sqlite3 *a = w.a, *b = w.b;
	run(a, "INSERT INTO food_log(profile_id, date, food_id, food_name, amount, measure, grams, magnesium_mg, energy_kcal, created)"
	       " SELECT profile_id, date, food_id, food_name, amount, measure, grams, magnesium_mg, energy_kcal, created FROM food_log;"
	       "INSERT INTO custom_food(id, name, magnesium_mg, energy_kcal, created) VALUES"
	       " (900000002, 'Grandma''s bread', 61.5, 250, '2026-01-01T08:00:00Z');"
	       "INSERT INTO course(profile_id, started, ended, created) VALUES (1, '2026-01-10', '2026-01-10', '2026-01-10T08:00:00Z');"
	       "INSERT INTO course(profile_id, started, created) VALUES (1, '2026-01-10', '2026-01-10T09:00:00Z');");
	char *first = export_text(a, "default");
	struct restore_summary s;
	struct strbuf conflicts;
	struct mg_err e = {0};
	strbuf_init(&conflicts);
	assert_int_equal(restore_text(b, first, &s, &conflicts, &e), 0);
	assert_int_equal(s.conflicts, 0);
	assert_int_equal(s.added[PT_FOOD_LOG], 2);
	assert_int_equal(s.added[PT_CUSTOM_FOOD], 2);
	assert_int_equal(s.added[PT_COURSE], 2);
	char *second = export_text(b, "default");
	assert_string_equal(first, second);
	/* And again: both of each are there already. */
	assert_int_equal(restore_text(b, first, &s, &conflicts, &e), 0);
	assert_int_equal(s.added[PT_FOOD_LOG], 0);
	assert_int_equal(s.same[PT_FOOD_LOG], 2);
	assert_int_equal(s.same[PT_CUSTOM_FOOD], 2);
	assert_int_equal(s.same[PT_COURSE], 2);
	strbuf_release(&conflicts);
	free(first);
	free(second);
	pair_close(&w);
}

static void test_conflicts_are_listed(void **state)
{
	(void)state;
	struct pair w;
	pair_open(&w);
	sqlite3 *a = w.a, *b = w.b;
	run(b, seed_sql);
	run(b, "UPDATE night SET quality = '2'; UPDATE product SET form = 'citrate';");
	char *text = export_text(a, NULL);
	struct restore_summary s;
	struct strbuf conflicts;
	struct mg_err e = {0};
	strbuf_init(&conflicts);
	assert_int_equal(restore_text(b, text, &s, &conflicts, &e), 0);
	assert_int_equal(s.conflicts, 2);
	assert_non_null(strstr(conflicts.buf, "product \"Glycinate 100\": differs from the journal's; form: \"glycinate\" in the file, \"citrate\" in the journal"));
	assert_non_null(strstr(conflicts.buf, "night 2026-01-04 (manual): differs from the journal's; quality: \"4\" in the file, \"2\" in the journal"));
	strbuf_release(&conflicts);
	free(text);
	pair_close(&w);
}

static void test_bad_rows_name_their_field(void **state)
{
	(void)state;
	static const struct {
		const char *from, *to, *message;
	} cases[] = {
		{"\"sol\": \"20\"", "\"sol\": \"soon\"", "profiles[0].nights[0].sol: "},
		{"\"date\": \"2026-01-04\"", "\"date\": \"2026-02-30\"", "profiles[0].nights[0].date: \"2026-02-30\" is not a date"},
		{"\"time\": \"21:00\"", "\"time\": 2100", "profiles[0].doses[0].time: is not a string"},
		{"\"custom_food\": 1", "\"custom_food\": 7", "profiles[0].food_log[0].custom_food: is not the ref"},
		{"\"product\": \"Glycinate 100\"", "\"product\": \"Other\"", "profiles[0].doses[0].product: \"Other\" is not among the products"},
		{"\"sex\": \"female\"", "\"sex\": \"x\"", "profiles[0]: the journal refuses it"},
		{"\"quality\": \"4\"", "\"qualty\": \"4\"", "profiles[0].nights[0]: has an unknown field \"qualty\""},
		{"\"version\": 1", "\"version\": 2", "version: this mgtrack reads export version 1"},
		{"\"form\": \"glycinate\"", "\"form\": \"unobtainium\"", "products[0]: unknown --form \"unobtainium\""},
		{"\"name\": \"default\"", "\"name\": \"0123456789012345678901234567890123456789012345678901234567890123456789\"",
		 "profiles[0].name: is longer than 63 bytes"},
		{"\"times\": \"07:00\"", "\"times\": \"7 o'clock\"", "profiles[0].medicines[0]: "},
		{"\"sleep\"", "\"flying\"", "profiles[0].goals[0]: "},
		{"\"period_days\": 14", "\"period_days\": 21", "profiles[0].trials[0]: its allocation or design hash is not the one"},
		{"\"sealed\": \"", "\"sealed\": \"zz", "profiles[0].trials[0]: sealed: is not a sealed allocation"},
	};
	char *dir = tu_mkdtemp();
	sqlite3 *a = fresh(dir, "a.db");
	run(a, seed_sql);
	struct trial_design d;
	add_trial(a, &d);
	char *text = export_text(a, "default");
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *at = strstr(text, cases[i].from);
		assert_non_null(at);
		struct strbuf changed;
		strbuf_init(&changed);
		strbuf_add(&changed, text, (size_t)(at - text));
		strbuf_adds(&changed, cases[i].to);
		strbuf_adds(&changed, at + strlen(cases[i].from));
		char name[32];
		snprintf(name, sizeof(name), "b%zu.db", i);
		sqlite3 *b = fresh(dir, name);
		struct restore_summary s;
		struct strbuf conflicts;
		struct mg_err e = {0};
		strbuf_init(&conflicts);
		assert_int_equal(db_begin(b, &e), 0);
		if (restore_text(b, changed.buf, &s, &conflicts, &e) >= 0)
			fail_msg("case %zu (%s) was imported", i, cases[i].to);
		db_rollback(b);
		assert_int_equal(e.code, MG_EDATA);
		if (!strstr(e.msg, cases[i].message))
			fail_msg("case %zu: \"%s\" does not say \"%s\"", i, e.msg, cases[i].message);
		strbuf_release(&conflicts);
		strbuf_release(&changed);
		db_close(b);
	}
	free(text);
	db_close(a);
	tu_rmdir(dir);
	free(dir);
}

static void test_bad_utf8_is_replaced(void **state)
{
	(void)state;
	char *dir = tu_mkdtemp();
	sqlite3 *a = fresh(dir, "a.db");
	run(a, seed_sql);
	run(a, "UPDATE night SET note = CAST(X'6f6bff21' AS TEXT);");
	struct mg_err e = {0};
	size_t replaced = 0;
	json_t *doc = view_export_doc(a, "default", &replaced, &e);
	assert_non_null(doc);
	assert_int_equal(replaced, 1);
	json_t *night = json_array_get(json_object_get(json_array_get(json_object_get(doc, "profiles"), 0), "nights"), 0);
	assert_string_equal(json_string_value(json_object_get(night, "note")), "ok\xEF\xBF\xBD!");
	json_decref(doc);
	assert_null(view_export_doc(a, "nobody", &replaced, &e));
	assert_int_equal(e.code, MG_ENOINPUT);
	db_close(a);
	tu_rmdir(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_specs_match_schema),
		cmocka_unit_test(test_round_trip_is_byte_identical),
		cmocka_unit_test(test_identical_rows_stay_two),
		cmocka_unit_test(test_conflicts_are_listed),
		cmocka_unit_test(test_bad_rows_name_their_field),
		cmocka_unit_test(test_bad_utf8_is_replaced),
	};
	return cmocka_run_group_tests(tests, tu_tables_setup, tu_tables_teardown);
}
