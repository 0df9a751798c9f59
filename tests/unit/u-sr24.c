/*
 * Unit tests for src/io/sr24.c: one food's XML, and whole archives built
 * here with libzip (good, damaged, truncated, empty). When MGTRACK_SR24
 * names the real usda_sr24.jar, its foods are checked against published
 * USDA figures too.
 */
#include <zip.h>
#include "testutil.h"
#include "io/sr24.h"
#include "util/banned.h"

static const char pumpkin[] =
	"<food uid=\"12016\" fcf=\"8.37\" name=\"Seeds, pumpkin and squash seed kernels, roasted, without salt\">"
	"<measure amount=\"1.0\" name=\"cup\" grams=\"118.0\"/><measure amount=\"1.0\" name=\"oz\" grams=\"28.35\"/>"
	"<nutrient amount=\"574.0\" name=\"Energy\"/><nutrient amount=\"550.0\" name=\"Magnesium\"/>"
	"<nutrient amount=\"7.64\" name=\"Zinc\"/><nutrient amount=\"12.73\" name=\"Gamma Tocopherol\"/></food>";

static int parse(const char *xml, struct food_record *f, struct mg_err *e)
{
	food_record_init(f);
	return sr24_parse_food(xml, strlen(xml), f, e);
}

static void test_parse_food(void **state)
{
	struct food_record f;
	struct mg_err e = {0};
	assert_int_equal(parse(pumpkin, &f, &e), 0);
	assert_int_equal(f.id, 12016);
	assert_string_equal(f.source, "sr24");
	assert_true(f.nut[NUT_MG] == 550);
	assert_true(f.nut[NUT_KCAL] == 574);
	assert_true(f.nut[NUT_ZN] == 7.64);
	assert_true(isnan(f.nut[NUT_CA]));
	assert_int_equal(f.n_measures, 2);
	assert_string_equal(f.measures[1].name, "oz");
	/* NIH ODS: roasted pumpkin seeds, 156 mg per ounce. */
	assert_true(fabs(f.nut[NUT_MG] * f.measures[1].grams / 100 - 156) < 0.5);
	food_record_release(&f);
	assert_int_equal(parse("<food uid=\"9040\" name=\"Bananas, &quot;raw&quot; &amp; ripe\">"
			       "<measure amount=\"0.5\" name=\"cup, sliced\" grams=\"75\"/></food>", &f, &e), 0);
	assert_string_equal(f.name, "Bananas, \"raw\" & ripe");
	assert_true(f.measures[0].amount == 0.5);
	food_record_release(&f);
}

static void test_parse_errors(void **state)
{
	static const char *const bad[] = {
		"<food uid=\"abc\" name=\"x\"/>",
		"<food uid=\"123456\" name=\"x\"/>",
		"<food uid=\"1\"/>",
		"<food uid=\"1\" name=\"x\"><measure amount=\"1\" name=\"cup\" grams=\"-3\"/></food>",
		"<food uid=\"1\" name=\"x\"><measure amount=\"0\" name=\"cup\" grams=\"3\"/></food>",
		"<food uid=\"1\" name=\"x\"><measure amount=\"1\" grams=\"3\"/></food>",
		"<food uid=\"1\" name=\"x\"><nutrient amount=\"lots\" name=\"Magnesium\"/></food>",
		"<food uid=\"1\" name=\"x\"><food uid=\"2\" name=\"y\"/></food>",
		"<food uid=\"1\" name=\"x\"><measure amount=\"1\" name=\"cup\" grams=\"3\"/>",
		"<measure amount=\"1\" name=\"cup\" grams=\"3\"/>",
		"not xml at all",
		"",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct food_record f;
		struct mg_err e = {0};
		if (parse(bad[i], &f, &e) != -1)
			fail_msg("case %zu parsed: %s", i, bad[i]);
		assert_int_equal(e.code, MG_EDATA);
		assert_true(strlen(e.msg) > 0);
		food_record_release(&f);
	}
}

/* Writes a zip with the given entries (name, text pairs). */
static void write_zip(const char *path, const char *const *entries, size_t n)
{
	int err;
	zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
	assert_non_null(z);
	for (size_t i = 0; i < n; i += 2) {
		zip_source_t *src = zip_source_buffer(z, entries[i + 1], strlen(entries[i + 1]), 0);
		assert_non_null(src);
		assert_true(zip_file_add(z, entries[i], src, ZIP_FL_ENC_UTF_8) >= 0);
	}
	assert_int_equal(zip_close(z), 0);
}

struct seen {
	long ids[8];
	int deprecated[8];
	size_t n;
	size_t stop_after;
};

static int on_food(const struct food_record *f, void *ctx)
{
	struct seen *s = ctx;
	if (s->n < 8) {
		s->ids[s->n] = f->id;
		s->deprecated[s->n] = f->deprecated;
	}
	s->n++;
	return s->stop_after && s->n >= s->stop_after;
}

static void test_archive(void **state)
{
	char *dir = tu_mkdtemp();
	char path[4200];
	snprintf(path, sizeof(path), "%s", tu_path(dir, "a.jar"));
	const char *const entries[] = {
		"META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n",
		"usda_sr24/09040.xml", "<food uid=\"9040\" name=\"Bananas, raw\"><nutrient amount=\"27\" name=\"Magnesium\"/></food>",
		"usda_sr24/12016.xml", pumpkin,
		"usda_sr24/03266.xml", "<food uid=\"3266\" name=\"BABYFOOD,JUC,APPL GRAPE\"/>",
		"usda_sr24/foods.index", "09040|Bananas, raw\n",
		"usda_sr24/deprecated.index", "03266|BABYFOOD,JUC,APPL GRAPE\n",
	};
	write_zip(path, entries, sizeof(entries) / sizeof(entries[0]));
	struct seen s = {0};
	struct sr24_stats st;
	struct mg_err e = {0};
	assert_int_equal(sr24_read_archive(path, on_food, &s, &st, &e), 0);
	assert_int_equal(st.foods, 3);
	assert_int_equal(st.deprecated, 1);
	assert_int_equal(s.ids[0], 9040);
	assert_int_equal(s.ids[2], 3266);
	assert_int_equal(s.deprecated[2], 1);
	assert_int_equal(s.deprecated[0], 0);

	/* The callback can stop the read. */
	struct seen s2 = {.stop_after = 1};
	assert_int_equal(sr24_read_archive(path, on_food, &s2, NULL, &e), -1);
	assert_int_equal(s2.n, 1);

	/* A truncated copy is refused. */
	FILE *in = fopen(path, "rb");
	char buf[65536];
	size_t len = fread(buf, 1, sizeof(buf), in);
	fclose(in);
	FILE *out = fopen(tu_path(dir, "t.jar"), "wb");
	fwrite(buf, 1, len / 2, out);
	fclose(out);
	assert_int_equal(sr24_read_archive(tu_path(dir, "t.jar"), on_food, &s, NULL, &e), -1);
	assert_int_equal(e.code, MG_EDATA);

	/* Not a zip, a missing file, a zip without foods, a damaged food. */
	out = fopen(tu_path(dir, "n.jar"), "wb");
	fputs("plain text", out);
	fclose(out);
	assert_int_equal(sr24_read_archive(tu_path(dir, "n.jar"), on_food, &s, NULL, &e), -1);
	assert_int_equal(e.code, MG_EDATA);
	assert_int_equal(sr24_read_archive(tu_path(dir, "missing.jar"), on_food, &s, NULL, &e), -1);
	assert_int_equal(e.code, MG_ENOINPUT);
	const char *const empty[] = {"META-INF/MANIFEST.MF", "x"};
	snprintf(path, sizeof(path), "%s", tu_path(dir, "e.jar"));
	write_zip(path, empty, 2);
	assert_int_equal(sr24_read_archive(path, on_food, &s, NULL, &e), -1);
	assert_non_null(strstr(e.msg, "no usda_sr24 food files"));
	const char *const damaged[] = {"usda_sr24/00001.xml", "<food uid=\"1\" name=\"x\"><measure"};
	snprintf(path, sizeof(path), "%s", tu_path(dir, "d.jar"));
	write_zip(path, damaged, 2);
	assert_int_equal(sr24_read_archive(path, on_food, &s, NULL, &e), -1);
	assert_non_null(strstr(e.msg, "usda_sr24/00001.xml"));
	tu_rmdir(dir);
	free(dir);
}

struct real {
	size_t n;
	double pumpkin_oz_mg, spinach_cup_mg;
};

static int on_real(const struct food_record *f, void *ctx)
{
	struct real *r = ctx;
	r->n++;
	for (size_t i = 0; i < f->n_measures; i++) {
		if (f->id == 12016 && strcmp(f->measures[i].name, "oz") == 0)
			r->pumpkin_oz_mg = f->nut[NUT_MG] * f->measures[i].grams / 100;
		if (f->id == 11458 && strcmp(f->measures[i].name, "cup") == 0)
			r->spinach_cup_mg = f->nut[NUT_MG] * f->measures[i].grams / 100;
	}
	return 0;
}

static void test_real_archive(void **state)
{
	const char *jar = getenv("MGTRACK_SR24");
	if (!jar || access(jar, R_OK) != 0)
		skip();
	struct real r = {0};
	struct mg_err e = {0};
	assert_int_equal(sr24_read_archive(jar, on_real, &r, NULL, &e), 0);
	assert_int_equal(r.n, 8858);
	/* NIH ODS Table 2: 156 mg per ounce of pumpkin seeds; 157 per cup of
	 * boiled spinach (78 per half cup). */
	assert_true(fabs(r.pumpkin_oz_mg - 156) < 0.5);
	assert_true(fabs(r.spinach_cup_mg - 157) < 0.5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_food),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_archive),
		cmocka_unit_test(test_real_archive),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
