/*
 * `import backup FILE.json`: an export document (view/export.c) written
 * into a journal, empty or not, in the caller's one transaction.
 *
 * Every row is checked before it is written: its fields are the columns
 * of store/portable.c with their types, dates are dates, times are times,
 * a night's fields read as the nightly log reads them, a profile passes
 * profile_validate; the first bad field stops the import with its path
 * ("profiles[0].nights[3].quality: ...").
 *
 * Merging: rows with a key (a product's name, a profile's name, a night's
 * morning and source, a course's start, a trial's registration) that the
 * journal already has are compared with the journal's own, as the export
 * would write them: the same is left alone, anything else is a conflict,
 * listed, and nothing is written. Log rows without a key (food eaten,
 * doses) are added unless the journal has one with every field the same,
 * so importing a backup twice adds nothing the second time.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/night.h"
#include "core/product.h"
#include "core/profile.h"
#include "core/trial.h"
#include "store/courses.h"
#include "store/supplements.h"
#include "store/journal.h"
#include "view/export.h"
#include "util/parse.h"
#include "util/banned.h"

#define MAX_LISTED 50

struct restorer {
	/* The journal rows this import has matched or written, as
	 * table << 40 | id, in an open-addressing set (0 is empty). */
	unsigned long long *claimed;
	size_t n_claimed, cap_claimed;
	sqlite3 *db;
	struct port_cache *cache;   /* the statements run for every row */
	struct mg_err *e;
	struct restore_summary *s;
	struct strbuf *conflicts;
	long *custom_ids;       /* journal id of custom food ref i + 1 */
	size_t n_custom;
	char profile[64];       /* the profile being restored, for conflict lines */
};

static size_t claim_slot(const struct restorer *r, unsigned long long key)
{
	size_t i = (size_t)(key * 0x9E3779B97F4A7C15ull) & (r->cap_claimed - 1);
	while (r->claimed[i] && r->claimed[i] != key)
		i = (i + 1) & (r->cap_claimed - 1);
	return i;
}

static unsigned long long claim_key(enum port_table t, long id)
{
	return ((unsigned long long)t + 1) << 40 | (unsigned long long)id;
}

static int claimed(const struct restorer *r, enum port_table t, long id)
{
	unsigned long long key = claim_key(t, id);
	return r->cap_claimed && r->claimed[claim_slot(r, key)] == key;
}

static void claim(struct restorer *r, enum port_table t, long id)
{
	if (2 * (r->n_claimed + 1) > r->cap_claimed) {
		/* Grow to twice, keeping the set at most half full. */
		unsigned long long *old = r->claimed;
		size_t old_cap = r->cap_claimed;
		r->cap_claimed = old_cap ? old_cap * 2 : 1024;
		r->claimed = mg_calloc(r->cap_claimed, sizeof(*r->claimed));
		for (size_t i = 0; i < old_cap; i++)
			if (old[i])
				r->claimed[claim_slot(r, old[i])] = old[i];
		free(old);
	}
	unsigned long long key = claim_key(t, id);
	size_t i = claim_slot(r, key);
	if (!r->claimed[i]) {
		r->claimed[i] = key;
		r->n_claimed++;
	}
}

static int bad(struct restorer *r, const char *path, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int bad(struct restorer *r, const char *path, const char *fmt, ...)
{
	char what[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	return mg_err_set(r->e, MG_EDATA, "%s: %s", path, what);
}

static void conflict(struct restorer *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void conflict(struct restorer *r, const char *fmt, ...)
{
	r->s->conflicts++;
	if (r->s->conflicts > MAX_LISTED)
		return;
	va_list ap;
	va_start(ap, fmt);
	strbuf_vaddf(r->conflicts, fmt, ap);
	va_end(ap);
	strbuf_addch(r->conflicts, '\n');
}

static int is_child_key(enum port_table t, const char *key, enum port_table *child)
{
	for (int c = 0; c < PT_COUNT; c++) {
		const struct port_spec *s = port_spec((enum port_table)c);
		if (s->parent && s->parent_table == t && strcmp(view_export_key((enum port_table)c), key) == 0) {
			if (child)
				*child = (enum port_table)c;
			return 1;
		}
	}
	return 0;
}

/* The longest text a column may hold: what the struct that reads it back
 * keeps (less its NUL), so a restored row reads back whole; 4,096 bytes
 * for a text no struct bounds. */
#define KEEPS(type, field) (sizeof(((type *)0)->field) - 1)
static size_t text_max(enum port_table t, const char *name)
{
	static const struct {
		enum port_table t;
		const char *name;
		size_t max;
	} limits[] = {
		{PT_PROFILE, "name", KEEPS(struct profile, name)},
		{PT_PROFILE, "sex", KEEPS(struct profile, sex)},
		{PT_PROFILE, "training", KEEPS(struct profile, training)},
		{PT_PROFILE, "region", KEEPS(struct profile, region)},
		{PT_PROFILE, "food_source", KEEPS(struct profile, food_source)},
		{PT_PROFILE, "diet", KEEPS(struct profile, diet)},
		{PT_PROFILE, "avoid", KEEPS(struct profile, avoid)},
		{PT_MED, "name", KEEPS(struct profile_med, name)},
		{PT_MED, "times", KEEPS(struct profile_med, times)},
		{PT_PRODUCT, "name", KEEPS(struct product, name)},
		{PT_PRODUCT, "form", KEEPS(struct product, form)},
		{PT_PRODUCT, "hydrate", KEEPS(struct product, hydrate)},
		{PT_DOSE, "product_name", KEEPS(struct dose_entry, product_name)},
		{PT_PLAN_VERSION, "product_name", KEEPS(struct course_version, product_name)},
		{PT_PLAN_VERSION, "form", KEEPS(struct course_version, form)},
		{PT_PLAN_VERSION, "event", KEEPS(struct course_version, event)},
		{PT_PLAN_VERSION, "reason", KEEPS(struct course_version, reason)},
		{PT_PLAN_VERSION, "rule", KEEPS(struct course_version, rule)},
		{PT_PLAN_INTAKE, "slot", KEEPS(struct course_intake, slot)},
		{PT_FOOD_LOG, "food_name", KEEPS(struct food_log_entry, food_name)},
		{PT_FOOD_LOG, "measure", KEEPS(struct food_log_entry, measure)},
		{PT_NIGHT, "source", KEEPS(struct night, source)},
	};
#undef KEEPS
	for (size_t i = 0; i < sizeof(limits) / sizeof(limits[0]); i++)
		if (limits[i].t == t && strcmp(limits[i].name, name) == 0)
			return limits[i].max;
	return 4096;
}

/* A night field's column as the nightly log names the field. */
static const char *night_field(const char *column, char *buf, size_t n)
{
	size_t nf;
	const char *const *fields = night_field_names(&nf);
	mg_strlcpy(buf, column, n);
	for (char *p = buf; *p; p++)
		if (*p == '_')
			*p = '-';
	for (size_t i = 0; i < nf; i++)
		if (strcmp(fields[i], buf) == 0)
			return buf;
	return NULL;
}

static int decode_hex(const char *hex, char *out, size_t n)
{
	size_t len = strlen(hex);
	if (len % 2 || len / 2 >= n)
		return -1;
	for (size_t i = 0; i < len; i += 2) {
		unsigned v;
		char two[3] = {hex[i], hex[i + 1], 0};
		char *end;
		if (!strchr("0123456789abcdef", two[0]) || !strchr("0123456789abcdef", two[1]))
			return -1;
		v = (unsigned)strtoul(two, &end, 16);
		if (v == 0)
			return -1;
		out[i / 2] = (char)v;
	}
	out[len / 2] = '\0';
	return 0;
}

/* Reads object o (at path) as a row of t into vals; text points into o.
 * `keep` holds texts made here (sealed trials), valid while it lives. */
static int row_values(struct restorer *r, enum port_table t, const json_t *o, const char *path,
		      struct port_value *vals, char *keep, size_t keep_n)
{
	const struct port_spec *s = port_spec(t);
	if (s->n_cols == 1) {
		/* goals and conditions: a list of strings */
		if (!json_is_string(o) || strlen(json_string_value(o)) != json_string_length(o))
			return bad(r, path, "is not a string");
		vals[0] = (struct port_value){.type = SQLITE_TEXT, .s = json_string_value(o)};
		return 0;
	}
	if (!json_is_object(o))
		return bad(r, path, "is not an object");
	const char *key;
	json_t *v;
	json_object_foreach((json_t *)o, key, v) {
		int known = port_col_index(t, key) >= 0 || is_child_key(t, key, NULL);
		if (strcmp(key, "product_id") == 0)
			known = 0;
		if (strcmp(key, "product") == 0 && (t == PT_DOSE || t == PT_PLAN_VERSION))
			known = 1;
		if ((strcmp(key, "ref") == 0 && t == PT_CUSTOM_FOOD) || (strcmp(key, "custom_food") == 0 && t == PT_FOOD_LOG) ||
		    (strcmp(key, "sealed") == 0 && t == PT_TRIAL))
			known = 1;
		if (!known)
			return bad(r, path, "has an unknown field \"%.60s\"", key);
	}
	/* A sealed trial's seed and allocation. */
	const json_t *sealed = t == PT_TRIAL ? json_object_get(o, "sealed") : NULL;
	char *order = NULL, *hash = NULL;
	long long seed = 0;
	if (sealed) {
		if (!json_is_string(sealed) || decode_hex(json_string_value(sealed), keep, keep_n) < 0 ||
		    !(order = strchr(keep, ';')))
			return bad(r, path, "sealed: is not a sealed allocation this mgtrack wrote");
		*order++ = '\0';
		if (!(hash = strchr(order, ';')))
			return bad(r, path, "sealed: is not a sealed allocation this mgtrack wrote");
		*hash++ = '\0';
		long sv;
		if (mg_parse_long(keep, 0, 4294967295L, &sv) < 0)
			return bad(r, path, "sealed: is not a sealed allocation this mgtrack wrote");
		seed = sv;
		if (json_object_get(o, "seed") || json_object_get(o, "block_order") || json_object_get(o, "hash"))
			return bad(r, path, "has \"sealed\" and also \"seed\", \"block_order\" or \"hash\"");
	}
	for (size_t i = 0; i < s->n_cols; i++) {
		const struct port_col *c = &s->cols[i];
		struct port_value *pv = &vals[i];
		memset(pv, 0, sizeof(*pv));
		pv->type = SQLITE_NULL;
		char where[300];
		snprintf(where, sizeof(where), "%s.%s", path, c->name);
		if (sealed && strcmp(c->name, "seed") == 0) {
			pv->type = SQLITE_INTEGER;
			pv->i = seed;
			continue;
		}
		if (sealed && (strcmp(c->name, "block_order") == 0 || strcmp(c->name, "hash") == 0)) {
			pv->type = SQLITE_TEXT;
			pv->s = strcmp(c->name, "hash") == 0 ? hash : order;
			continue;
		}
		if (strcmp(c->name, "product_id") == 0) {
			const json_t *pn = json_object_get(o, "product");
			if (!pn)
				continue;
			snprintf(where, sizeof(where), "%s.product", path);
			if (!json_is_string(pn))
				return bad(r, where, "is not a product's name");
			struct port_value name[16] = {{.type = SQLITE_TEXT, .s = json_string_value(pn)}};
			int match = 0;
			long id;
			int rc = port_find(r->cache, PT_PRODUCT, 0, name, &match, 1, 0, &id, r->e);
			if (rc < 0)
				return rc;
			if (rc == 0)
				return bad(r, where, "\"%.80s\" is not among the products", json_string_value(pn));
			pv->type = SQLITE_INTEGER;
			pv->i = id;
			continue;
		}
		const json_t *jv = json_object_get(o, c->name);
		if (t == PT_FOOD_LOG && strcmp(c->name, "food_id") == 0 && json_object_get(o, "custom_food")) {
			const json_t *ref = json_object_get(o, "custom_food");
			snprintf(where, sizeof(where), "%s.custom_food", path);
			if (jv)
				return bad(r, path, "has both \"food_id\" and \"custom_food\"");
			if (!json_is_integer(ref) || json_integer_value(ref) < 1 ||
			    (size_t)json_integer_value(ref) > r->n_custom)
				return bad(r, where, "is not the ref of one of the custom foods");
			pv->type = SQLITE_INTEGER;
			pv->i = r->custom_ids[json_integer_value(ref) - 1];
			continue;
		}
		if (!jv || json_is_null(jv)) {
			if (!c->nullable)
				return bad(r, path, "\"%s\" is missing", c->name);
			continue;
		}
		if (json_is_integer(jv) && (c->type == 'i' || c->type == 'r' || c->type == 'a')) {
			pv->type = SQLITE_INTEGER;
			pv->i = json_integer_value(jv);
		} else if (json_is_real(jv) && (c->type == 'r' || c->type == 'a')) {
			pv->type = SQLITE_FLOAT;
			pv->r = json_real_value(jv);
		} else if (json_is_string(jv) && c->type != 'i' && c->type != 'r') {
			pv->type = SQLITE_TEXT;
			pv->s = json_string_value(jv);
			if (strlen(pv->s) != json_string_length(jv))
				return bad(r, where, "holds a NUL character");
			if (strlen(pv->s) > text_max(t, c->name))
				return bad(r, where, "is longer than %zu bytes", text_max(t, c->name));
		} else {
			const char *want = c->type == 'i' ? "an integer" : c->type == 'r' ? "a number" :
					   c->type == 'a' ? "a string or a number" : "a string";
			return bad(r, where, "is not %s", want);
		}
		if (c->type == 'd') {
			long d;
			if (mg_parse_date(pv->s, &d) < 0)
				return bad(r, where, "\"%.40s\" is not a date (YYYY-MM-DD)", pv->s);
		}
		if (c->type == 'h') {
			int m;
			if (mg_parse_hhmm(pv->s, &m) < 0)
				return bad(r, where, "\"%.40s\" is not a time (HH:MM)", pv->s);
		}
		char field[32];
		if (t == PT_NIGHT && c->type == 'a' && night_field(c->name, field, sizeof(field))) {
			/* The nightly log's own reading of the value. */
			char text[64];
			const char *txt = pv->s;
			if (pv->type == SQLITE_INTEGER) {
				snprintf(text, sizeof(text), "%lld", pv->i);
				txt = text;
			} else if (pv->type == SQLITE_FLOAT) {
				snprintf(text, sizeof(text), "%.15g", pv->r);
				txt = text;
			}
			struct night *n = mg_calloc(1, sizeof(*n));
			night_init(n, 0);
			struct mg_err ne = {0};
			int rc = night_set(n, field, txt, &ne);
			free(n);
			if (rc < 0)
				return mg_err_set(r->e, MG_EDATA, "%s: %s", where, ne.msg);
		}
	}
	return 0;
}

/* o without created and updated, for comparing rows that may have been
 * saved again with the same values. */
static json_t *comparable(const json_t *o)
{
	json_t *c = json_deep_copy(o);
	json_object_del(c, "created");
	json_object_del(c, "updated");
	return c;
}

/* Adds "; field: A in the file, B in the journal" for each differing
 * field of the two objects to b. */
static void describe_difference(struct strbuf *b, const json_t *file, const json_t *have)
{
	const char *key;
	json_t *v;
	int n = 0;
	json_object_foreach((json_t *)file, key, v) {
		json_t *w = json_object_get(have, key);
		if (w && json_equal(v, w))
			continue;
		if (n++ == 4) {
			strbuf_adds(b, "; and more");
			return;
		}
		if (json_is_array(v)) {
			strbuf_addf(b, "; its %s differ", key);
			continue;
		}
		char *a = json_dumps(v, JSON_ENCODE_ANY), *c = w ? json_dumps(w, JSON_ENCODE_ANY) : NULL;
		strbuf_addf(b, "; %s: %.40s in the file, %.40s in the journal", key, a, c ? c : "nothing");
		free(a);
		free(c);
	}
	json_object_foreach((json_t *)have, key, v) {
		if (json_object_get(file, key) || n >= 5)
			continue;
		n++;
		char *c = json_dumps(v, JSON_ENCODE_ANY);
		strbuf_addf(b, "; %s: nothing in the file, %.40s in the journal", key, c);
		free(c);
	}
}

/* Whether the journal's row `id` is `file` as the export writes it (the
 * file's log children left aside for a profile). 1 same, 0 not and a
 * conflict line "label: differences" added; negative on error. */
static int same_row(struct restorer *r, enum port_table t, long id, const json_t *file, const char *label)
{
	json_t *have = view_export_row(r->db, t, id, r->e);
	if (!have)
		return -1;
	json_t *a = comparable(file), *b = comparable(have);
	json_decref(have);
	if (t == PT_PROFILE) {
		/* Only the person and their lists; the logs merge row by row. */
		static const char *const logs[] = {"food_log", "imported_intake", "doses", "nights", "courses", "trials"};
		for (size_t i = 0; i < sizeof(logs) / sizeof(logs[0]); i++)
			json_object_del(a, logs[i]);
	}
	/* A list left out of the file is an empty one. */
	const char *k;
	json_t *v, *tmp;
	json_object_foreach_safe(b, tmp, k, v) {
		if (json_is_array(v) && json_array_size(v) == 0 && !json_object_get(a, k))
			json_object_del(b, k);
	}
	int same = json_equal(a, b);
	if (!same) {
		struct strbuf d;
		strbuf_init(&d);
		describe_difference(&d, a, b);
		conflict(r, "%s: differs from the journal's%s", label, d.buf ? d.buf : "");
		strbuf_release(&d);
	}
	json_decref(a);
	json_decref(b);
	return same;
}

static int restore_rows(struct restorer *r, enum port_table t, long parent, const json_t *arr, const char *path);

/* port_insert, with the row's path in front of what the journal refuses. */
static int insert_only(struct restorer *r, enum port_table t, long parent, const struct port_value *vals,
		       const char *path, long *id)
{
	int rc = port_insert(r->cache, t, parent, vals, id, r->e);
	if (rc < 0) {
		if (r->e->code == MG_EDATA) {
			char msg[sizeof(r->e->msg)];
			mg_strlcpy(msg, r->e->msg, sizeof(msg));
			mg_err_set(r->e, MG_EDATA, "%s: %s", path, msg);
		}
		return rc;
	}
	r->s->added[t]++;
	return 0;
}

/* Writes o as a new row of t under parent, then its children. */
static int insert_row(struct restorer *r, enum port_table t, long parent, const json_t *o, const struct port_value *vals,
		      const char *path, long *id)
{
	int rc = insert_only(r, t, parent, vals, path, id);
	if (rc < 0)
		return rc;
	const char *key;
	json_t *v;
	json_object_foreach((json_t *)o, key, v) {
		enum port_table child;
		if (!is_child_key(t, key, &child))
			continue;
		char where[300];
		snprintf(where, sizeof(where), "%s.%s", path, key);
		if ((rc = restore_rows(r, child, *id, v, where)) < 0)
			return rc;
	}
	return 0;
}

static int key_columns(enum port_table t, int *match)
{
	switch (t) {
	case PT_PRODUCT:
	case PT_PROFILE:
		match[0] = 0;   /* name */
		return 1;
	case PT_NIGHT:
	case PT_IMPORTED_INTAKE:
		match[0] = port_col_index(t, "date");
		match[1] = port_col_index(t, "source");
		return 2;
	case PT_COURSE:
		/* Two courses may start on one day (one stopped, another begun). */
		match[0] = port_col_index(t, "started");
		match[1] = port_col_index(t, "created");
		return 2;
	case PT_TRIAL:
		match[0] = port_col_index(t, "hash");
		match[1] = port_col_index(t, "created");
		return 2;
	default:
		return 0;
	}
}

static void row_label(struct restorer *r, enum port_table t, const struct port_value *vals, char *buf, size_t n)
{
	const char *v0 = vals[0].type == SQLITE_TEXT ? vals[0].s : "?";
	switch (t) {
	case PT_PRODUCT:
		snprintf(buf, n, "product \"%.60s\"", v0);
		break;
	case PT_PROFILE:
		snprintf(buf, n, "profile \"%.60s\"", v0);
		break;
	case PT_NIGHT:
		snprintf(buf, n, "profile \"%s\": night %s (%.40s)", r->profile, v0,
			 vals[1].type == SQLITE_TEXT ? vals[1].s : "?");
		break;
	case PT_IMPORTED_INTAKE:
		snprintf(buf, n, "profile \"%s\": imported intake %s (%.40s)", r->profile, v0,
			 vals[1].type == SQLITE_TEXT ? vals[1].s : "?");
		break;
	case PT_COURSE:
		snprintf(buf, n, "profile \"%s\": course started %s", r->profile, v0);
		break;
	case PT_TRIAL: {
		int st = port_col_index(t, "start");
		snprintf(buf, n, "profile \"%s\": trial starting %s", r->profile,
			 vals[st].type == SQLITE_TEXT ? vals[st].s : "?");
		break;
	}
	default:
		snprintf(buf, n, "%s", port_spec(t)->table);
	}
}

/* A profile as 'init' and 'profile set' check it: its lists read by the
 * setters that read the flags, then the whole profile as stored. */
static int check_profile(struct restorer *r, const json_t *o, const char *path)
{
	struct profile *p = mg_calloc(1, sizeof(*p));
	struct mg_err pe = {0};
	char where[300] = "";
	int rc = 0;
	size_t i;
	json_t *v;
	profile_defaults(p, "check");
	json_array_foreach(json_object_get(o, "goals"), i, v) {
		snprintf(where, sizeof(where), "%s.goals[%zu]", path, i);
		if ((rc = profile_set_goal_list(p, json_string_value(v), &pe)) < 0)
			goto out;
	}
	json_array_foreach(json_object_get(o, "conditions"), i, v) {
		snprintf(where, sizeof(where), "%s.conditions[%zu]", path, i);
		if ((rc = profile_add_condition(p, json_string_value(v), &pe)) < 0)
			goto out;
	}
	json_array_foreach(json_object_get(o, "medicines"), i, v) {
		char spec[256];
		snprintf(where, sizeof(where), "%s.medicines[%zu]", path, i);
		snprintf(spec, sizeof(spec), "%s@%s", json_string_value(json_object_get(v, "name")),
			 json_string_value(json_object_get(v, "times")));
		if ((rc = profile_add_med(p, spec, &pe)) < 0)
			goto out;
	}
	const json_t *train = json_object_get(o, "train_at");
	snprintf(where, sizeof(where), "%s.train_at", path);
	if (train && (rc = profile_set_train_times(p, json_string_value(train), &pe)) < 0)
		goto out;
	snprintf(where, sizeof(where), "%s", path);
	rc = journal_profile_get(r->db, r->profile, p, &pe);
	if (rc == 0)
		rc = profile_validate(p, mg_today(), &pe);
out:
	free(p);
	if (rc < 0)
		return mg_err_set(r->e, MG_EDATA, "%s: %s", where, pe.msg);
	return 0;
}

/* A product as 'product add' checks it: a known form, a label that
 * gives its magnesium. */
static int check_product(struct restorer *r, const char *name, const char *path)
{
	struct product *p = mg_calloc(1, sizeof(*p));
	struct product_mg mg;
	struct mg_err pe = {0};
	/* 1 found; 0 for a name of digits, which the lookup reads as an id
	 * (product_validate refuses such a name, and says why). */
	int rc = journal_product_get(r->db, name, p, &pe);
	if (rc == 0 || (rc == 1 && strcmp(p->name, name) != 0)) {
		mg_strlcpy(p->name, name, sizeof(p->name));
		rc = product_validate(p, &pe) < 0 ? -1 : mg_err_set(&pe, MG_EDATA, "product \"%s\" cannot be read back", name);
	} else if (rc == 1 && (rc = product_validate(p, &pe)) == 0)
		rc = product_magnesium(p, &mg, &pe);
	free(p);
	if (rc < 0)
		return mg_err_set(r->e, MG_EDATA, "%s: %s", path, pe.msg);
	return 0;
}

/* A trial as it was registered: its sizes in range, and its allocation
 * and design hash the ones its seed and design give. Anything else is a
 * pre-registration changed after the fact, or a damaged file. */
static int check_trial(struct restorer *r, const struct port_value *vals, const char *path)
{
	enum port_table t = PT_TRIAL;
#define COL(name) (&vals[port_col_index(t, name)])
	struct trial_design d;
	memset(&d, 0, sizeof(d));
	mg_strlcpy(d.outcome, COL("outcome")->s, sizeof(d.outcome));
	mg_strlcpy(d.control, COL("control")->s, sizeof(d.control));
	long long blocks = COL("blocks")->i, period = COL("period_days")->i, washin = COL("washin_days")->i,
		  baseline = COL("baseline_days")->i, seed = COL("seed")->i;
	struct mg_err te = {0};
	if (blocks < 0 || blocks > TRIAL_MAX_BLOCKS || period < 0 || period > 366 || washin < 0 || washin > 366 ||
	    baseline < 0 || baseline > 366 || seed < 0 || (unsigned long long)seed > 0xffffffffull ||
	    mg_parse_date(COL("start")->s, &d.start) < 0)
		return bad(r, path, "its design is out of range");
	d.blocks = (int)blocks;
	d.period_days = (int)period;
	d.washin_days = (int)washin;
	d.baseline_days = (int)baseline;
	d.blind = COL("blind")->i != 0;
	d.seed = (unsigned long)seed;
	if (trial_design_make(&d, &te) < 0)
		return mg_err_set(r->e, MG_EDATA, "%s: %s", path, te.msg);
	/* d.order holds one letter a block and no NUL when all 12 are used. */
	if (strlen(COL("block_order")->s) != (size_t)d.blocks ||
	    memcmp(d.order, COL("block_order")->s, (size_t)d.blocks) != 0 || strcmp(d.hash, COL("hash")->s) != 0)
		return bad(r, path, "its allocation or design hash is not the one its seed and design give:"
			   " the registered trial was changed");
#undef COL
	return 0;
}

/* The profile's running course or active trial, which the journal allows
 * one of: 1 when there is one already. */
static int has_running(struct restorer *r, enum port_table t, long profile_id, struct mg_err *e)
{
	struct port_value vals[64] = {{0}};
	int match;
	long id;
	if (t == PT_COURSE) {
		match = port_col_index(t, "ended");
		vals[match].type = SQLITE_NULL;
	} else {
		match = port_col_index(t, "status");
		vals[match].type = SQLITE_TEXT;
		vals[match].s = "active";
	}
	return port_find(r->cache, t, profile_id, vals, &match, 1, 0, &id, e);
}

static int restore_one(struct restorer *r, enum port_table t, long parent, const json_t *o, const char *path)
{
	struct port_value vals[64];
	char keep[512];
	int rc = row_values(r, t, o, path, vals, keep, sizeof(keep));
	if (rc < 0)
		return rc;
	int match[64];
	size_t n = (size_t)key_columns(t, match);
	long id;
	int keyed = n > 0;
	if (!keyed) {
		/* No key: the same row is one with every column the same. */
		n = port_spec(t)->n_cols;
		for (size_t i = 0; i < n; i++)
			match[i] = (int)i;
	}
	/* A new profile's or course's own lists go in with it. */
	int parent_is_new = t == PT_GOAL || t == PT_CONDITION || t == PT_MED || t == PT_CUSTOM_MEASURE ||
			    t == PT_PLAN_VERSION || t == PT_PLAN_INTAKE;
	/* A row of the file answers one row of the journal: two identical
	 * entries (the same food logged twice in a second) are two, so a
	 * journal row already matched or written by this import is passed
	 * over. */
	rc = 0;
	for (long after = 0; !parent_is_new;) {
		if ((rc = port_find(r->cache, t, parent, vals, match, n, after, &id, r->e)) <= 0)
			break;
		if (!claimed(r, t, id))
			break;
		after = id;
	}
	if (rc < 0)
		return rc;
	if (rc == 1)
		claim(r, t, id);
	if (t == PT_PROFILE)
		mg_strlcpy(r->profile, vals[0].s, sizeof(r->profile));
	if (rc == 1) {
		if (keyed) {
			char label[200];
			row_label(r, t, vals, label, sizeof(label));
			if ((rc = same_row(r, t, id, o, label)) < 0)
				return rc;
			if (rc == 0)
				return 0;   /* a conflict: its children are not looked at */
		}
		r->s->same[t]++;
		if (t == PT_CUSTOM_FOOD)
			r->custom_ids[r->n_custom++] = id;
		if (t == PT_PROFILE)
			goto logs;
		return 0;
	}
	if ((t == PT_COURSE && vals[port_col_index(t, "ended")].type == SQLITE_NULL) ||
	    (t == PT_TRIAL && vals[port_col_index(t, "status")].type == SQLITE_TEXT &&
	     strcmp(vals[port_col_index(t, "status")].s, "active") == 0)) {
		if ((rc = has_running(r, t, parent, r->e)) < 0)
			return rc;
		if (rc == 1) {
			char label[200];
			row_label(r, t, vals, label, sizeof(label));
			conflict(r, "%s: the journal has another %s, and one runs at a time", label,
				 t == PT_COURSE ? "running course" : "active trial");
			return 0;
		}
	}
	if (t == PT_PROFILE) {
		/* The person first, with their lists, then profile_validate;
		 * the logs after. */
		if ((rc = insert_only(r, t, 0, vals, path, &id)) < 0)
			return rc;
		claim(r, t, id);
		static const enum port_table lists[] = {PT_GOAL, PT_CONDITION, PT_MED};
		for (size_t i = 0; i < 3; i++) {
			char where[300];
			snprintf(where, sizeof(where), "%s.%s", path, view_export_key(lists[i]));
			if ((rc = restore_rows(r, lists[i], id, json_object_get(o, view_export_key(lists[i])), where)) < 0)
				return rc;
		}
		if ((rc = check_profile(r, o, path)) < 0)
			return rc;
		goto logs;
	}
	if ((rc = insert_row(r, t, parent, o, vals, path, &id)) < 0)
		return rc;
	claim(r, t, id);
	if (t == PT_TRIAL && (rc = check_trial(r, vals, path)) < 0)
		return rc;
	if (t == PT_PRODUCT && (rc = check_product(r, vals[0].s, path)) < 0)
		return rc;
	if (t == PT_CUSTOM_FOOD)
		r->custom_ids[r->n_custom++] = id;
	return 0;
logs:;
	static const enum port_table logs[] = {PT_FOOD_LOG, PT_IMPORTED_INTAKE, PT_DOSE, PT_NIGHT, PT_COURSE, PT_TRIAL};
	for (size_t i = 0; i < sizeof(logs) / sizeof(logs[0]); i++) {
		char where[300];
		snprintf(where, sizeof(where), "%s.%s", path, view_export_key(logs[i]));
		if ((rc = restore_rows(r, logs[i], id, json_object_get(o, view_export_key(logs[i])), where)) < 0)
			return rc;
	}
	return 0;
}

static int restore_rows(struct restorer *r, enum port_table t, long parent, const json_t *arr, const char *path)
{
	if (!arr)
		return 0;   /* an empty list may be left out */
	if (!json_is_array(arr))
		return bad(r, path, "is not a list");
	size_t i;
	json_t *o;
	json_array_foreach(arr, i, o) {
		char where[300];
		snprintf(where, sizeof(where), "%s[%zu]", path, i);
		int rc = restore_one(r, t, parent, o, where);
		if (rc < 0)
			return rc;
	}
	return 0;
}

int view_restore(sqlite3 *db, const json_t *doc, struct restore_summary *s, struct strbuf *conflicts,
		 struct mg_err *e)
{
	memset(s, 0, sizeof(*s));
	struct restorer r = {.db = db, .e = e, .s = s, .conflicts = conflicts};
	if (!json_is_object(doc))
		return mg_err_set(e, MG_EDATA, "the file is not an mgtrack export (not a JSON object)");
	const json_t *fmt = json_object_get(doc, "format"), *ver = json_object_get(doc, "version"),
		     *schema = json_object_get(doc, "journal_schema");
	if (!json_is_string(fmt) || strcmp(json_string_value(fmt), EXPORT_FORMAT) != 0)
		return mg_err_set(e, MG_EDATA, "the file is not an mgtrack export (its \"format\" is not \"%s\")",
				  EXPORT_FORMAT);
	if (!json_is_integer(ver) || json_integer_value(ver) != EXPORT_VERSION)
		return mg_err_set(e, MG_EDATA, "version: this mgtrack reads export version %d, the file says %s",
				  EXPORT_VERSION, json_is_integer(ver) ? "another" : "none");
	if (!json_is_integer(schema) || json_integer_value(schema) < 1 ||
	    json_integer_value(schema) > journal_schema_version())
		return mg_err_set(e, MG_EDATA, "journal_schema: the file comes from a journal this mgtrack does not know"
				  " (it knows schema 1 to %d): update mgtrack first", journal_schema_version());
	const char *key;
	json_t *v;
	json_object_foreach((json_t *)doc, key, v) {
		if (strcmp(key, "format") && strcmp(key, "version") && strcmp(key, "journal_schema") &&
		    strcmp(key, "products") && strcmp(key, "custom_foods") && strcmp(key, "profiles"))
			return mg_err_set(e, MG_EDATA, "the file has an unknown field \"%.60s\"", key);
	}
	const json_t *custom = json_object_get(doc, "custom_foods");
	size_t nc = json_is_array(custom) ? json_array_size(custom) : 0;
	r.custom_ids = mg_calloc(nc + 1, sizeof(long));
	/* A custom food's ref is its place in the list: food log entries
	 * name it so. */
	for (size_t i = 0; i < nc; i++) {
		const json_t *ref = json_object_get(json_array_get(custom, i), "ref");
		if (!json_is_integer(ref) || json_integer_value(ref) != (json_int_t)i + 1) {
			free(r.custom_ids);
			return mg_err_set(e, MG_EDATA, "custom_foods[%zu].ref: is not %zu (refs count up from 1)", i, i + 1);
		}
	}
	r.cache = port_cache_new(db);
	int rc = restore_rows(&r, PT_PRODUCT, 0, json_object_get(doc, "products"), "products");
	if (rc == 0)
		rc = restore_rows(&r, PT_CUSTOM_FOOD, 0, custom, "custom_foods");
	if (rc == 0)
		rc = restore_rows(&r, PT_PROFILE, 0, json_object_get(doc, "profiles"), "profiles");
	free(r.custom_ids);
	free(r.claimed);
	port_cache_free(r.cache);
	if (rc == 0 && s->conflicts > MAX_LISTED)
		strbuf_addf(conflicts, "and %zu more\n", s->conflicts - MAX_LISTED);
	return rc;
}
