/*
 * Unit tests for src/io/fdc-csv.c: the FoodData Central fixture in
 * tests/fixtures/fdc, columns in any order, quoting, and errors that name
 * the file, row and value.
 */
#include "testutil.h"
#include "io/fdc-csv.h"
#include "util/banned.h"

struct got {
	struct food_record f[8];
	size_t n;
	size_t stop_after;
};

static int keep(const struct food_record *f, void *ctx)
{
	struct got *g = ctx;
	if (g->n < 8) {
		struct food_record *d = &g->f[g->n];
		food_record_init(d);
		d->id = f->id;
		food_record_set_name(d, f->name);
		d->group = f->group;
		memcpy(d->nut, f->nut, sizeof(f->nut));
		for (size_t i = 0; i < f->n_measures; i++)
			food_record_add_measure(d, f->measures[i].amount, f->measures[i].name, f->measures[i].grams);
	}
	g->n++;
	return g->stop_after && g->n >= g->stop_after;
}

static void release(struct got *g)
{
	for (size_t i = 0; i < g->n && i < 8; i++)
		food_record_release(&g->f[i]);
}

static const char *fixtures(void)
{
	const char *d = getenv("MGTRACK_TEST_FIXTURES");
	if (!d)
		fail_msg("MGTRACK_TEST_FIXTURES is not set");
	return d;
}

static void test_fixture(void **state)
{
	struct got g = {0};
	struct mg_err e = {0};
	char dir[4096];
	snprintf(dir, sizeof(dir), "%s/fdc", fixtures());
	if (fdc_read_dir(dir, keep, &g, &e) != 0)
		fail_msg("%s", e.msg);
	assert_int_equal(g.n, 6);
	/* fdc_id order: 168462 spinach first. */
	assert_int_equal(g.f[0].id, 168462);
	const struct food_record *alm = NULL, *ban = NULL, *mix = NULL;
	for (size_t i = 0; i < g.n; i++) {
		if (g.f[i].id == 170567) alm = &g.f[i];
		if (g.f[i].id == 173944) ban = &g.f[i];
		if (g.f[i].id == 2000001) mix = &g.f[i];
	}
	assert_non_null(alm);
	assert_string_equal(alm->name, "Nuts, almonds");
	assert_int_equal(alm->group, 12);
	assert_true(alm->nut[NUT_MG] == 270);
	assert_true(alm->nut[NUT_KCAL] == 579);   /* kcal (208), not kJ (268) */
	assert_true(alm->nut[NUT_ZN] == 3.12);
	assert_int_equal(alm->n_measures, 2);
	assert_string_equal(alm->measures[0].name, "cup whole");
	assert_true(alm->measures[0].grams == 143);
	assert_string_equal(alm->measures[1].name, "oz");
	assert_non_null(ban);
	assert_string_equal(ban->measures[0].name, "medium (7\" to 7-7/8\" long)");   /* "undetermined" unit dropped */
	assert_true(ban->measures[1].amount == 0.5);
	assert_string_equal(g.f[0].measures[0].name, "cup");   /* "1 cup" loses its number */
	assert_non_null(mix);
	assert_string_equal(mix->name, "GOODFIELD TRAIL MIX, \"SWEET & SALTY\", ALMONDS, RAISINS");
	assert_int_equal(mix->group, 0);   /* a text category maps to no group */
	release(&g);
}

static FILE *mem(const char *s)
{
	return fmemopen((void *)s, strlen(s), "r");
}

static int parse(const char *food, const char *nutrient, const char *fn, struct got *g, struct mg_err *e)
{
	struct fdc_inputs in = {mem(food), mem(nutrient), mem(fn), NULL, NULL};
	int rc = fdc_parse(&in, keep, g, e);
	fclose(in.food);
	fclose(in.nutrient);
	fclose(in.food_nutrient);
	return rc;
}

static const char nutrients[] = "id,name,unit_name,nutrient_nbr\n1090,Magnesium,MG,304.0\n1008,Energy,KCAL,208\n";

static void test_any_column_order(void **state)
{
	struct got g = {0};
	struct mg_err e = {0};
	assert_int_equal(parse("\xEF\xBB\xBF" "description,fdc_id\n\"Tofu, firm\",5\nOats,3\n", nutrients,
			       "amount,nutrient_id,fdc_id\n58,1090,5\n138,1090,3\n", &g, &e), 0);
	assert_int_equal(g.n, 2);
	assert_int_equal(g.f[0].id, 3);
	assert_true(g.f[0].nut[NUT_MG] == 138);
	assert_string_equal(g.f[1].name, "Tofu, firm");
	release(&g);
}

static void test_errors(void **state)
{
	struct got g = {0};
	struct mg_err e = {0};
	assert_int_equal(parse("fdc_id,description\nabc,Oats\n", nutrients, "fdc_id,nutrient_id,amount\n", &g, &e), -1);
	assert_int_equal(e.code, MG_EDATA);
	assert_string_equal(e.msg, "food.csv row 2: fdc_id \"abc\" is not a number");
	assert_int_equal(parse("fdc_id,name\n1,Oats\n", nutrients, "fdc_id,nutrient_id,amount\n", &g, &e), -1);
	assert_string_equal(e.msg, "food.csv has no \"description\" column");
	assert_int_equal(parse("fdc_id,description\n1,Oats\n1,Oats again\n", nutrients, "fdc_id,nutrient_id,amount\n", &g, &e), -1);
	assert_non_null(strstr(e.msg, "fdc_id \"1\" appears twice"));
	assert_int_equal(parse("fdc_id,description\n1,\n", nutrients, "fdc_id,nutrient_id,amount\n", &g, &e), -1);
	assert_non_null(strstr(e.msg, "empty description"));
	assert_int_equal(parse("fdc_id,description\n", nutrients, "fdc_id,nutrient_id,amount\n", &g, &e), -1);
	assert_non_null(strstr(e.msg, "no foods"));
	assert_int_equal(parse("fdc_id,description\n1,Oats\n", nutrients, "fdc_id,nutrient_id,amount\n1,1090,lots\n", &g, &e), -1);
	assert_string_equal(e.msg, "food_nutrient.csv row 2: amount \"lots\" is not a number");
	assert_int_equal(g.n, 0);
}

static void test_stop_and_missing(void **state)
{
	struct got g = {.stop_after = 1};
	struct mg_err e = {0};
	assert_int_equal(parse("fdc_id,description\n1,A\n2,B\n", nutrients, "fdc_id,nutrient_id,amount\n", &g, &e), -1);
	assert_int_equal(g.n, 1);
	release(&g);
	assert_int_equal(fdc_read_dir("/nonexistent-mgtrack-dir", keep, &g, &e), -1);
	assert_int_equal(e.code, MG_ENOINPUT);
	char dir[4096];
	snprintf(dir, sizeof(dir), "%s/fdc-bad", fixtures());
	struct got g2 = {0};
	assert_int_equal(fdc_read_dir(dir, keep, &g2, &e), -1);
	assert_int_equal(e.code, MG_EDATA);
	assert_non_null(strstr(e.msg, "\"16846x\""));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixture),
		cmocka_unit_test(test_any_column_order),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_stop_and_missing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
