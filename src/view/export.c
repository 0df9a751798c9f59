/*
 * The journal as one JSON document (docs/EXPORT.md, schema in
 * docs/export.schema.json). A row becomes an object whose keys are its
 * columns in the schema's order, NULL columns left out, then its
 * children's arrays. Three columns are written as what they mean rather
 * than as an id: a dose's or plan version's product_id becomes "product"
 * (the product's name, which is unique), a food log entry's food_id of a
 * custom food becomes "custom_food" (the food's "ref", its place in
 * custom_foods), and a blinded trial not yet unblinded carries its seed,
 * allocation and design hash only as "sealed" (hex), so reading the file does not
 * unblind the person.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "store/db.h"
#include "store/journal.h"
#include "view/export.h"
#include "util/banned.h"

static const struct {
	enum port_table parent, child;
	const char *key;
} children[] = {
	{PT_CUSTOM_FOOD, PT_CUSTOM_MEASURE, "measures"},
	{PT_PROFILE, PT_GOAL, "goals"},
	{PT_PROFILE, PT_CONDITION, "conditions"},
	{PT_PROFILE, PT_MED, "medicines"},
	{PT_PROFILE, PT_FOOD_LOG, "food_log"},
	{PT_PROFILE, PT_IMPORTED_INTAKE, "imported_intake"},
	{PT_PROFILE, PT_DOSE, "doses"},
	{PT_PROFILE, PT_NIGHT, "nights"},
	{PT_PROFILE, PT_COURSE, "courses"},
	{PT_PROFILE, PT_TRIAL, "trials"},
	{PT_COURSE, PT_PLAN_VERSION, "versions"},
	{PT_PLAN_VERSION, PT_PLAN_INTAKE, "intakes"},
};

const char *view_export_key(enum port_table t)
{
	switch (t) {
	case PT_PRODUCT:
		return "products";
	case PT_CUSTOM_FOOD:
		return "custom_foods";
	case PT_PROFILE:
		return "profiles";
	default:
		for (size_t i = 0; i < sizeof(children) / sizeof(children[0]); i++)
			if (children[i].child == t)
				return children[i].key;
		return "?";
	}
}

struct exporter {
	sqlite3 *db;
	struct mg_err *e;
	const char *only;        /* the profile to export, NULL for all */
	size_t found;            /* profiles written */
	size_t replaced;         /* texts with bytes that were not UTF-8 */
	long *custom_ids;        /* custom food ids in export order: ref = index + 1 */
	size_t n_custom;
	int shallow;             /* a profile without its logs (view_export_row) */
	struct {
		long id;
		char *name;
	} *products;             /* the journal's products, read on first use */
	size_t n_products;
	int products_read;
	json_t *arr;             /* the array port_rows' callback appends to */
	enum port_table t;
};

/* Text as a JSON string; bytes that are not UTF-8 become U+FFFD (jansson
 * refuses them, and a backup must not stop at one bad byte). */
static json_t *text_json(struct exporter *x, const char *s)
{
	json_t *j = json_string(s);
	if (j)
		return j;
	x->replaced++;
	struct strbuf b;
	strbuf_init(&b);
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		size_t n = *p < 0x80 ? 1 : (*p >> 5) == 6 ? 2 : (*p >> 4) == 14 ? 3 : (*p >> 3) == 30 ? 4 : 0;
		/* jansson's own check says whether these n bytes are one character. */
		json_t *one = n && strnlen((const char *)p, n) == n ? json_stringn((const char *)p, n) : NULL;
		if (one) {
			strbuf_add(&b, (const char *)p, n);
			p += n;
			json_decref(one);
		} else {
			strbuf_adds(&b, "\xEF\xBF\xBD");
			p++;
		}
	}
	j = json_string(strbuf_str(&b));
	strbuf_release(&b);
	return j ? j : json_string("");
}

static json_t *value_json(struct exporter *x, const struct port_value *v)
{
	switch (v->type) {
	case SQLITE_INTEGER:
		return json_integer(v->i);
	case SQLITE_FLOAT:
		return json_real(v->r);
	case SQLITE_TEXT:
		return text_json(x, v->s);
	default:
		return NULL;
	}
}

static long custom_ref(const struct exporter *x, long id)
{
	for (size_t i = 0; i < x->n_custom; i++)
		if (x->custom_ids[i] == id)
			return (long)i + 1;
	return 0;
}

static int collect_product(long id, const struct port_value *vals, void *arg)
{
	struct exporter *x = arg;
	x->products = mg_realloc(x->products, (x->n_products + 1) * sizeof(x->products[0]));
	x->products[x->n_products].id = id;
	x->products[x->n_products].name = mg_strdup(vals[0].s);
	x->n_products++;
	return 0;
}

/* The product's name for a dose or version: the journal's few products
 * are read once, not once per dose. */
static int product_name(struct exporter *x, long id, json_t **out)
{
	*out = NULL;
	if (!x->products_read) {
		x->products_read = 1;
		if (port_rows(x->db, PT_PRODUCT, 0, collect_product, x, x->e) < 0)
			return -1;
	}
	for (size_t i = 0; i < x->n_products; i++)
		if (x->products[i].id == id) {
			*out = text_json(x, x->products[i].name);
			break;
		}
	return 0;
}

static void exporter_release(struct exporter *x)
{
	for (size_t i = 0; i < x->n_products; i++)
		free(x->products[i].name);
	free(x->products);
	free(x->custom_ids);
}

static void hex_into(struct strbuf *b, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		strbuf_addf(b, "%02x", *p);
}

static int add_children(struct exporter *x, enum port_table t, long id, json_t *obj);

/* A row as an object; NULL and x->e filled on failure. */
static json_t *row_object(struct exporter *x, enum port_table t, long id, const struct port_value *vals)
{
	const struct port_spec *s = port_spec(t);
	json_t *o = json_object();
	if (t == PT_CUSTOM_FOOD)
		json_object_set_new(o, "ref", json_integer(custom_ref(x, id)));
	int sealed = 0;
	if (t == PT_TRIAL) {
		int blind = port_col_index(t, "blind"), unbl = port_col_index(t, "unblinded");
		sealed = vals[blind].type == SQLITE_INTEGER && vals[blind].i != 0 && vals[unbl].type == SQLITE_NULL;
	}
	for (size_t i = 0; i < s->n_cols; i++) {
		const char *name = s->cols[i].name;
		const struct port_value *v = &vals[i];
		if (v->type == SQLITE_NULL)
			continue;
		if (strcmp(name, "product_id") == 0 && v->type == SQLITE_INTEGER) {
			json_t *pn;
			if (product_name(x, (long)v->i, &pn) < 0) {
				json_decref(o);
				return NULL;
			}
			if (pn)
				json_object_set_new(o, "product", pn);
			continue;
		}
		if (t == PT_FOOD_LOG && strcmp(name, "food_id") == 0 && v->type == SQLITE_INTEGER &&
		    v->i > CUSTOM_FOOD_ID_BASE) {
			long ref = custom_ref(x, (long)v->i);
			if (ref) {
				json_object_set_new(o, "custom_food", json_integer(ref));
				continue;
			}
		}
		if (sealed && strcmp(name, "seed") == 0) {
			/* The seed gives the allocation, and the design hash would
			 * let one try the few allocations there are (the CLI keeps
			 * both on the sealed sheet): all three travel as one opaque
			 * value, "seed;order;hash" in hex. */
			char seed[32];
			snprintf(seed, sizeof(seed), "%lld;", v->i);
			struct strbuf b;
			strbuf_init(&b);
			hex_into(&b, seed);
			const struct port_value *order = &vals[port_col_index(t, "block_order")];
			hex_into(&b, order->type == SQLITE_TEXT ? order->s : "");
			strbuf_adds(&b, "3b");   /* ';' */
			const struct port_value *hash = &vals[port_col_index(t, "hash")];
			hex_into(&b, hash->type == SQLITE_TEXT ? hash->s : "");
			json_object_set_new(o, "sealed", json_string(b.buf));
			strbuf_release(&b);
			continue;
		}
		if (sealed && (strcmp(name, "block_order") == 0 || strcmp(name, "hash") == 0))
			continue;
		json_object_set_new(o, name, value_json(x, v));
	}
	if (add_children(x, t, id, o) < 0) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static int append_row(long id, const struct port_value *vals, void *arg)
{
	struct exporter *x = arg;
	if (x->t == PT_PROFILE) {
		if (x->only && strcmp(vals[0].s, x->only) != 0)
			return 0;
		x->found++;
	}
	/* A list of names (goals, conditions) is a list of strings. */
	json_t *o = port_spec(x->t)->n_cols == 1 ? value_json(x, &vals[0]) : row_object(x, x->t, id, vals);
	if (!o)
		return -1;
	json_array_append_new(x->arr, o);
	return 0;
}

/* The rows of t under parent as an array; NULL on failure. */
static json_t *rows_array(struct exporter *x, enum port_table t, long parent)
{
	json_t *saved_arr = x->arr, *arr = json_array();
	enum port_table saved_t = x->t;
	x->arr = arr;
	x->t = t;
	int rc = port_rows(x->db, t, parent, append_row, x, x->e);
	x->arr = saved_arr;
	x->t = saved_t;
	if (rc < 0) {
		json_decref(arr);
		return NULL;
	}
	return arr;
}

static int add_children(struct exporter *x, enum port_table t, long id, json_t *obj)
{
	for (size_t i = 0; i < sizeof(children) / sizeof(children[0]); i++) {
		if (children[i].parent != t)
			continue;
		if (x->shallow && t == PT_PROFILE && children[i].child != PT_GOAL &&
		    children[i].child != PT_CONDITION && children[i].child != PT_MED)
			continue;
		json_t *arr = rows_array(x, children[i].child, id);
		if (!arr)
			return -1;
		json_object_set_new(obj, children[i].key, arr);
	}
	return 0;
}

static int collect_custom(long id, const struct port_value *vals, void *arg)
{
	(void)vals;
	struct exporter *x = arg;
	x->custom_ids = mg_realloc(x->custom_ids, (x->n_custom + 1) * sizeof(long));
	x->custom_ids[x->n_custom++] = id;
	return 0;
}

static json_t *export_doc(sqlite3 *db, const char *profile, size_t *replaced, struct mg_err *e)
{
	struct exporter x = {.db = db, .e = e, .only = profile};
	if (port_rows(db, PT_CUSTOM_FOOD, 0, collect_custom, &x, e) < 0) {
		exporter_release(&x);
		return NULL;
	}
	json_t *doc = json_object();
	json_object_set_new(doc, "format", json_string(EXPORT_FORMAT));
	json_object_set_new(doc, "version", json_integer(EXPORT_VERSION));
	json_object_set_new(doc, "journal_schema", json_integer(journal_schema_version()));
	static const enum port_table top[] = {PT_PRODUCT, PT_CUSTOM_FOOD, PT_PROFILE};
	for (size_t i = 0; i < 3; i++) {
		json_t *arr = rows_array(&x, top[i], 0);
		if (!arr) {
			json_decref(doc);
			exporter_release(&x);
			return NULL;
		}
		json_object_set_new(doc, view_export_key(top[i]), arr);
	}
	exporter_release(&x);
	if (profile && x.found == 0) {
		json_decref(doc);
		mg_err_set(e, MG_ENOINPUT, "no profile \"%s\" in the journal", profile);
		return NULL;
	}
	if (replaced)
		*replaced = x.replaced;
	return doc;
}

json_t *view_export_doc(sqlite3 *db, const char *profile, size_t *replaced, struct mg_err *e)
{
	if (db_begin_read(db, e) < 0)
		return NULL;
	json_t *doc = export_doc(db, profile, replaced, e);
	db_rollback(db);   /* it only read */
	return doc;
}

char *view_export_text(const json_t *doc, size_t *len)
{
	char *s = json_dumps(doc, JSON_INDENT(2) | JSON_REAL_PRECISION(15));
	if (!s)
		return NULL;
	size_t n = strlen(s);
	char *out = mg_realloc(s, n + 2);
	out[n] = '\n';
	out[n + 1] = '\0';
	*len = n + 1;
	return out;
}

json_t *view_export_row(sqlite3 *db, enum port_table t, long id, struct mg_err *e)
{
	struct exporter x = {.db = db, .e = e, .shallow = 1};
	struct port_value vals[64];
	char text[32768];
	int rc = port_get(db, t, id, vals, text, sizeof(text), e);
	if (rc <= 0) {
		if (rc == 0)
			mg_err_set(e, MG_ESOFTWARE, "row %ld of %s went missing", id, port_spec(t)->table);
		return NULL;
	}
	json_t *o = row_object(&x, t, id, vals);
	exporter_release(&x);
	return o;
}
