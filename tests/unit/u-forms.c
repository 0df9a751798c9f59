/*
 * Unit tests for src/core/forms.c and src/core/product.c: the %Mg of every
 * salt in data/forms.tsv against n x 24.305 / M with the molar masses of
 * the facts sheet (section 2), the elemental arithmetic, and the label
 * checks and validation of products.
 */
#include "testutil.h"
#include "core/forms.h"
#include "core/product.h"
#include "core/tables.h"
#include "util/strbuf.h"
#include "util/banned.h"

struct salt {
	const char *form, *hydrate;
	double molar_mass;   /* g/mol, facts sheet section 2 */
	int n_mg;            /* magnesium atoms per formula unit */
};

static const struct salt salts[] = {
	{"oxide", "anhydrous", 40.30, 1},
	{"hydroxide", "anhydrous", 58.32, 1},
	{"carbonate", "anhydrous", 84.31, 1},
	{"chloride", "anhydrous", 95.21, 1},
	{"chloride", "hexahydrate", 203.30, 1},
	{"citrate", "anhydrous", 451.11, 3},
	{"citrate", "nonahydrate", 613.25, 3},
	{"hydrogen-citrate", "anhydrous", 214.41, 1},
	{"lactate", "anhydrous", 202.44, 1},
	{"lactate", "dihydrate", 238.48, 1},
	{"gluconate", "anhydrous", 414.60, 1},
	{"glycinate", "anhydrous", 172.42, 1},
	{"glycinate", "dihydrate", 208.45, 1},
	{"malate", "anhydrous", 156.38, 1},
	{"malate", "trihydrate", 210.42, 1},
	{"taurate", "anhydrous", 272.57, 1},
	{"threonate", "anhydrous", 294.50, 1},
	{"sulfate", "anhydrous", 120.36, 1},
	{"sulfate", "heptahydrate", 246.47, 1},
	{"orotate", "anhydrous", 334.48, 1},
	{"orotate", "dihydrate", 370.51, 1},
	{"aspartate", "anhydrous", 288.50, 1},
	{"aspartate", "tetrahydrate", 360.56, 1},
	{"pidolate", "anhydrous", 280.52, 1},
	{"glycerophosphate", "anhydrous", 194.36, 1},
	{"acetate", "tetrahydrate", 214.45, 1},
};

static void test_pct_matches_molar_mass(void **state)
{
	const struct mg_table *t = tables_get("forms.tsv");
	size_t with_pct = 0;
	for (size_t r = 0; r < t->nrows; r++)
		with_pct += *table_cell(t, r, "pct_mg") != '\0';
	/* Every row with a %Mg is checked here, and nothing else. */
	assert_int_equal(with_pct, sizeof(salts) / sizeof(salts[0]));
	for (size_t i = 0; i < sizeof(salts) / sizeof(salts[0]); i++) {
		struct form_info f;
		struct mg_err e = {0};
		assert_int_equal(forms_lookup(salts[i].form, salts[i].hydrate, &f, &e), 0);
		double expect = 100.0 * salts[i].n_mg * 24.305 / salts[i].molar_mass;
		if (fabs(f.pct_mg - expect) > 0.06)
			fail_msg("%s %s: table %.1f %%, computed %.2f %%", salts[i].form, salts[i].hydrate, f.pct_mg, expect);
	}
}

static void test_lookup(void **state)
{
	struct form_info f;
	struct mg_err e = {0};
	/* No hydrate on the label: the anhydrous row, flagged. */
	assert_int_equal(forms_lookup("glycinate", "", &f, &e), 0);
	assert_string_equal(f.hydrate, "anhydrous");
	assert_true(f.hydrate_assumed);
	assert_int_equal(f.variants, 2);
	assert_true(form_has_trait(&f, "gentle"));
	assert_false(form_has_trait(&f, "laxative"));
	assert_int_equal(forms_lookup("acetate", "", &f, &e), 0);
	assert_string_equal(f.hydrate, "tetrahydrate");
	assert_int_equal(forms_lookup("dimagnesium-malate", "", &f, &e), 0);
	assert_true(isnan(f.pct_mg));
	assert_int_equal(forms_lookup("unobtainium", "", &f, &e), -1);
	assert_int_equal(e.code, MG_EUSAGE);
	assert_non_null(strstr(e.msg, "unknown --form \"unobtainium\""));
	assert_non_null(strstr(e.msg, "glycinate"));
	assert_int_equal(forms_lookup("taurate", "dihydrate", &f, &e), -1);
	assert_non_null(strstr(e.msg, "unknown --hydrate \"dihydrate\" for taurate"));
	/* Worked examples: 500 mg citrate (trimagnesium dicitrate) = 81 mg;
	 * the marketed L-threonate figure (2,000 mg = 144 mg) is lower than
	 * the stoichiometric 8.3 %, so the estimate is flagged. */
	assert_int_equal(forms_lookup("citrate", "", &f, &e), 0);
	assert_true(fabs(forms_elemental_mg(&f, 500) - 81.0) < 0.01);
	assert_int_equal(forms_lookup("threonate", "", &f, &e), 0);
	assert_true(fabs(forms_elemental_mg(&f, 2000) - 166.0) < 0.01);
}

static void product(struct product *p, const char *form, const char *hydrate, double compound, double elemental,
		    int units)
{
	product_init(p);
	mg_strlcpy(p->name, "P", sizeof(p->name));
	mg_strlcpy(p->form, form, sizeof(p->form));
	mg_strlcpy(p->hydrate, hydrate, sizeof(p->hydrate));
	p->compound_mg = compound;
	p->elemental_mg = elemental;
	p->units_per_serving = units;
}

static void test_validate(void **state)
{
	struct product p;
	struct mg_err e = {0};
	product(&p, "glycinate", "", NAN, 200, 2);
	assert_int_equal(product_validate(&p, &e), 0);
	product(&p, "glycinate", "", NAN, 0, 1);
	assert_int_equal(product_validate(&p, &e), -1);
	assert_int_equal(e.code, MG_EDATA);
	assert_non_null(strstr(e.msg, "--elemental-mg \"0\""));
	product(&p, "glycinate", "", NAN, 100000, 1);
	assert_int_equal(product_validate(&p, &e), -1);
	assert_non_null(strstr(e.msg, "--elemental-mg \"100000\""));
	product(&p, "glycinate", "", 0.5, NAN, 1);
	assert_int_equal(product_validate(&p, &e), -1);
	assert_non_null(strstr(e.msg, "--compound-mg"));
	product(&p, "glycinate", "", NAN, NAN, 1);
	assert_int_equal(product_validate(&p, &e), -1);
	assert_non_null(strstr(e.msg, "no way to know its elemental magnesium"));
	product(&p, "buffered-chelate", "", 1000, NAN, 1);
	assert_int_equal(product_validate(&p, &e), -1);
	assert_non_null(strstr(e.msg, "no fixed magnesium content"));
	product(&p, "buffered-chelate", "", 1000, 200, 1);
	assert_int_equal(product_validate(&p, &e), 0);
	product(&p, "glycinate", "", 100, 200, 1);
	assert_int_equal(product_validate(&p, &e), -1);
	assert_non_null(strstr(e.msg, "more than --compound-mg"));
	product(&p, "glycinate", "", NAN, 200, 0);
	assert_int_equal(product_validate(&p, &e), -1);
	product(&p, "fluffy", "", NAN, 200, 1);
	assert_int_equal(product_validate(&p, &e), -1);
	assert_int_equal(e.code, MG_EUSAGE);
}

static void test_checks(void **state)
{
	struct product p;
	struct product_mg mg;
	struct notes ns;
	struct mg_err e = {0};

	/* Declared, tested, plain: no warnings. */
	product(&p, "glycinate", "", NAN, 200, 2);
	p.third_party = 1;
	assert_int_equal(product_magnesium(&p, &mg, &e), 0);
	assert_true(mg.per_serving == 200 && mg.per_unit == 100 && !mg.estimated);
	notes_init(&ns);
	product_check(&p, &mg, 350, 200, &ns);
	assert_int_equal(ns.n, 0);
	notes_release(&ns);

	/* Compound only, no hydrate: estimated, and the hydrate warning. */
	product(&p, "glycinate", "", 1000, NAN, 1);
	assert_int_equal(product_magnesium(&p, &mg, &e), 0);
	assert_true(mg.estimated && fabs(mg.per_serving - 141) < 0.01);
	notes_init(&ns);
	product_check(&p, &mg, 350, 0, &ns);
	assert_true(notes_has(&ns, "check-no-elemental"));
	assert_true(notes_has(&ns, "check-hydrate"));
	assert_false(notes_has(&ns, "check-citrate"));
	assert_true(notes_has(&ns, "check-third-party"));
	notes_release(&ns);

	/* The same with the hydrate stated: no hydrate warning, lower figure. */
	product(&p, "glycinate", "dihydrate", 1000, NAN, 1);
	assert_int_equal(product_magnesium(&p, &mg, &e), 0);
	assert_true(fabs(mg.per_serving - 117) < 0.01);
	notes_init(&ns);
	product_check(&p, &mg, 350, 0, &ns);
	assert_false(notes_has(&ns, "check-hydrate"));
	notes_release(&ns);

	/* Citrate without a hydrate or elemental figure is ambiguous. */
	product(&p, "citrate", "", 500, NAN, 1);
	assert_int_equal(product_magnesium(&p, &mg, &e), 0);
	notes_init(&ns);
	product_check(&p, &mg, 350, 0, &ns);
	assert_true(notes_has(&ns, "check-citrate"));
	notes_release(&ns);

	/* Oxide, blend, a serving above the UL, and many capsules. */
	product(&p, "oxide", "", NAN, 400, 1);
	p.proprietary_blend = 1;
	assert_int_equal(product_magnesium(&p, &mg, &e), 0);
	notes_init(&ns);
	product_check(&p, &mg, 350, 0, &ns);
	assert_true(notes_has(&ns, "check-oxide"));
	assert_true(notes_has(&ns, "check-blend"));
	assert_true(notes_has(&ns, "check-above-ul"));
	notes_release(&ns);
	product(&p, "glycinate", "", NAN, 50, 1);
	assert_int_equal(product_magnesium(&p, &mg, &e), 0);
	assert_int_equal(product_units_for(&mg, 200), 4);
	assert_int_equal(product_units_for(&mg, 250), 5);
	notes_init(&ns);
	product_check(&p, &mg, 350, 200, &ns);
	assert_false(notes_has(&ns, "check-many-units"));
	product_check(&p, &mg, 350, 250, &ns);
	assert_true(notes_has(&ns, "check-many-units"));
	notes_release(&ns);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pct_matches_molar_mass),
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_validate),
		cmocka_unit_test(test_checks),
	};
	return cmocka_run_group_tests(tests, tu_tables_setup, tu_tables_teardown);
}
