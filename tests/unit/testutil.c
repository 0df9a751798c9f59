/*
 * Test helpers; see testutil.h.
 */
#include <ftw.h>
#include "testutil.h"
#include "core/foodclass.h"
#include "core/search.h"
#include "core/tables.h"
#include "core/foodimport.h"
#include "store/db.h"
#include "store/foods.h"
#include "util/banned.h"

char *tu_mkdtemp(void)
{
	const char *tmp = getenv("TMPDIR");
	char buf[4096];
	snprintf(buf, sizeof(buf), "%s/mgtrack-test-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	char *d = mkdtemp(buf);
	assert_non_null(d);
	size_t n = strlen(d) + 1;
	char *out = malloc(n);
	memcpy(out, d, n);
	return out;
}

static int rm_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

void tu_rmdir(const char *dir)
{
	nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

const char *tu_path(const char *dir, const char *name)
{
	static char buf[4200];
	snprintf(buf, sizeof(buf), "%s/%s", dir, name);
	return buf;
}

void tu_food_record(const struct tu_food *in, struct food_record *f)
{
	food_record_init(f);
	f->id = in->id;
	snprintf(f->source, sizeof(f->source), "sr24");
	food_record_set_name(f, in->name);
	f->group = in->group;
	f->nut[NUT_MG] = in->mg;
	f->nut[NUT_KCAL] = in->kcal;
	f->nut[NUT_NA] = in->na;
	for (size_t i = 0; i < 6 && in->measures[i].name; i++)
		food_record_add_measure(f, in->measures[i].amount, in->measures[i].name, in->measures[i].grams);
}

void tu_build_foods(const char *path, const struct tu_food *foods, size_t n)
{
	struct foods_build b;
	struct mg_err e = {0};
	struct foodclass *fc;
	assert_int_equal(foodclass_new(&fc, &e), 0);
	assert_int_equal(foods_build_begin(&b, path, NULL, "sr24", &e), 0);
	char digest[32];
	foodclass_digest(digest, sizeof(digest));
	assert_int_equal(foods_build_meta(&b, "classification", digest, &e), 0);
	for (size_t i = 0; i < n; i++) {
		struct food_record f;
		tu_food_record(&foods[i], &f);
		char head[512];
		search_head(f.name, head, sizeof(head));
		/* Classified as the importer does (core/foodimport.c). */
		struct food_class cls;
		foodclass_classify(fc, &f, &cls);
		struct foods_class c = {
			.quality = search_food_quality(&f, cls.search_lower), .head = head, .key = cls.key,
			.excluded = cls.excluded ? cls.excluded : "", .serving_g = cls.serving_g, .serving = cls.serving,
		};
		assert_int_equal(foods_build_add(&b, &f, &c, &e), 0);
		food_record_release(&f);
	}
	foodclass_free(fc);
	if (foods_build_commit(&b, &e) != 0)
		fail_msg("foods_build_commit: %s", e.msg);
}

int tu_tables_setup(void **state)
{
	(void)state;
	struct mg_err e = {0};
	return tables_load(&e);
}

int tu_tables_teardown(void **state)
{
	(void)state;
	tables_unload();
	return 0;
}

struct sqlite3 *tu_sr24_db;
static char *sr24_dir;

int tu_sr24_setup(void **state)
{
	(void)state;
	struct mg_err e = {0};
	if (tables_load(&e) < 0)
		return -1;
	const char *jar = getenv("MGTRACK_SR24");
	if (!jar || access(jar, R_OK) != 0)
		return 0;
	sr24_dir = tu_mkdtemp();
	struct food_import_result r;
	const char *path = tu_path(sr24_dir, "foods.db");
	if (food_import_sr24(path, NULL, jar, NULL, NULL, &r, &e) < 0 || foods_open(path, &tu_sr24_db, &e) < 0) {
		fprintf(stderr, "cannot import %s: %s\n", jar, e.msg);
		return -1;
	}
	return 0;
}

int tu_sr24_teardown(void **state)
{
	(void)state;
	if (tu_sr24_db)
		db_close(tu_sr24_db);
	tu_sr24_db = NULL;
	if (sr24_dir) {
		tu_rmdir(sr24_dir);
		free(sr24_dir);
		sr24_dir = NULL;
	}
	tables_unload();
	return 0;
}

int tu_need_sr24(void)
{
	if (tu_sr24_db)
		return 1;
	print_message("skipped: set MGTRACK_SR24 to usda_sr24.jar (make check does) to check against SR24\n");
	return 0;
}
