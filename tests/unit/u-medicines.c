/*
 * Unit tests for src/core/medicines.c: names as people type them (salts,
 * strengths, UK and INN names, brands, combinations) reach the rule their
 * label gives; a combination takes the strictest rule of its parts; a name
 * still unknown is said, with a near miss and the strict default; every
 * name in the table is already in the normaliser's form.
 */
#include "testutil.h"
#include "core/medicines.h"
#include "core/tables.h"
#include "util/banned.h"

struct name_case {
	const char *typed;
	const char *class_id;      /* the strictest part's class */
	double med_first_h, mg_first_h;
	const char *status;
	int known;
};

static const struct name_case cases[] = {
	{"levothyroxine", "med-levothyroxine", 4, 4, "ok", 1},
	{"Levothyroxine Sodium 50 mcg", "med-levothyroxine", 4, 4, "ok", 1},
	{"thyroxine", "med-levothyroxine", 4, 4, "ok", 1},
	{"Eltroxin", "med-levothyroxine", 4, 4, "ok", 1},
	{"ciprofloxacin HCl 500mg", "med-ciprofloxacin", 2, 6, "ok", 1},
	{"doxycycline hyclate", "med-tetracycline", 2, 6, "ok", 1},
	{"Alendronic acid 70 mg tablets", "med-bisphosphonate", 4, 4, "ok", 1},
	{"Triumeq", "med-dolutegravir", 2, 6, "ok", 1},
	{"Juluca", "med-dolutegravir-rilpivirine", 4, 6, "ok", 1},
	{"eltrombopag", "med-eltrombopag", 2, 4, "ok", 1},
	{"Revolade", "med-eltrombopag", 2, 4, "ok", 1},
	{"raltegravir", "med-raltegravir", 0, 0, "clinician", 1},
	{"Digitek", "med-digoxin", 2, 2, "caution", 1},
	{"verapamil", "med-antiarrhythmic", 0, 0, "caution", 1},
	{"Diltiazem ER 120 mg", "med-antiarrhythmic", 0, 0, "caution", 1},
	{"eplerenone", "med-potassium-sparing", 0, 0, "caution", 1},
	{"cisplatin", "med-cancer-losses", 0, 0, "clinician", 1},
	{"penicillamine", "med-penicillamine", 4, 4, "caution", 1},
	{"ferrous sulphate 200mg", "med-iron", 4, 4, "ok", 1},
	{"esomeprazole magnesium", "med-ppi", 0, 0, "ok", 1},
	{"amphotericin B", "med-antimicrobial-losses", 0, 0, "clinician", 1},
	{"gabapentin", "med-gabapentin", 0, 2, "ok", 1},
	/* Combinations typed out: every ingredient, the strictest wins. */
	{"amiloride/hydrochlorothiazide", "med-potassium-sparing", 0, 0, "caution", 1},
	{"levothyroxine + ciprofloxacin", "med-levothyroxine", 4, 6, "ok", 1},
	{"carbidopa and levodopa", "med-other", 3, 3, "ok", 1},
	/* Unknown: the strict default, caution. */
	{"zzquiltrex", "med-unknown", 4, 6, "caution", 0},
	{"levothyroxine/zzquiltrex", "med-unknown", 4, 6, "caution", 0},
};

static void test_names(void **state)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct name_case *c = &cases[i];
		struct med_rule m;
		medicines_lookup(c->typed, &m);
		if (strcmp(m.class_id, c->class_id) != 0 || m.med_first_h != c->med_first_h ||
		    m.mg_first_h != c->mg_first_h || strcmp(m.status, c->status) != 0 || m.known != c->known)
			fail_msg("\"%s\": %s %.0f/%.0f %s known %d, expected %s %.0f/%.0f %s known %d", c->typed, m.class_id,
				 m.med_first_h, m.mg_first_h, m.status, m.known, c->class_id, c->med_first_h, c->mg_first_h,
				 c->status, c->known);
	}
	/* Dyazide is a potassium-sparing diuretic and a thiazide: both notes. */
	struct med_rule m;
	medicines_lookup("Dyazide", &m);
	assert_true(med_rule_has_class(&m, "med-potassium-sparing"));
	assert_true(med_rule_has_class(&m, "med-thiazide"));
	assert_string_equal(m.status, "caution");
}

static void test_near_miss(void **state)
{
	struct med_rule m;
	medicines_lookup("levothyroxin sodium", &m);
	assert_int_equal(m.known, 1);   /* the INN spelling is a row */
	medicines_lookup("levothyroxne", &m);
	assert_int_equal(m.known, 0);
	assert_string_equal(m.unknown, "levothyroxne");
	assert_string_equal(m.did_you_mean, "levothyroxine");
	medicines_lookup("ciproflaxacin", &m);
	assert_string_equal(m.did_you_mean, "ciprofloxacin");
	medicines_lookup("qq", &m);
	assert_string_equal(m.did_you_mean, "");   /* nothing near: no guess */
	medicines_lookup("calcium", &m);            /* only a salt word */
	assert_int_equal(m.known, 0);
	assert_string_equal(m.unknown, "calcium");
}

static void test_normalise(void **state)
{
	char out[64];
	medicines_normalise("  Doxycycline Hyclate 100mg Capsules ", out, sizeof(out));
	assert_string_equal(out, "doxycycline");
	medicines_normalise("Co-amilozide 5/50", out, sizeof(out));
	assert_string_equal(out, "co amilozide");
	medicines_normalise("Slow-Fe", out, sizeof(out));
	assert_string_equal(out, "slow fe");
	/* Every name in the table is already normalised, or no one could
	 * ever type it into a match. */
	const struct mg_table *t = tables_get("medicines.tsv");
	for (size_t r = 0; r < t->nrows; r++) {
		medicines_normalise(table_cell(t, r, "name"), out, sizeof(out));
		if (strcmp(out, table_cell(t, r, "name")) != 0)
			fail_msg("medicines.tsv row %s: \"%s\" normalises to \"%s\"", table_cell(t, r, "id"),
				 table_cell(t, r, "name"), out);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_near_miss),
		cmocka_unit_test(test_normalise),
	};
	return cmocka_run_group_tests(tests, tu_tables_setup, tu_tables_teardown);
}
