/*
 * Applying a JSON body to a night (see night-body.h): the mapping from
 * JSON types to the diary's text values, so every check stays in
 * core/night.c's night_set and the web accepts exactly what the command
 * line accepts.
 */
#include <stdio.h>
#include <string.h>
#include "web/night-body.h"
#include "util/strbuf.h"
#include "util/banned.h"

/* Fields wearables measure: imports fill them, people do not type them. */
static const char *const device_fields[] = {"deep", "light", "rem", "hrv", "hrv-kind", "hr-low"};

/* One JSON value as the text night_set parses; NULL for a wrong type. */
static const char *night_text(json_t *v, char *buf, size_t n)
{
	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_boolean(v))
		return json_is_true(v) ? "yes" : "no";
	if (json_is_integer(v)) {
		snprintf(buf, n, "%lld", (long long)json_integer_value(v));
		return buf;
	}
	if (json_is_real(v)) {
		snprintf(buf, n, "%.17g", json_real_value(v));
		return buf;
	}
	return NULL;
}

static int apply_one(struct night *n, const char *key, json_t *v, struct mg_err *e)
{
	char field[40], buf[64];
	if (strlen(key) >= sizeof(field))
		return mg_err_set(e, MG_EDATA, "unknown night field \"%.40s\"", key);
	mg_strlcpy(field, key, sizeof(field));
	for (char *c = field; *c; c++)
		if (*c == '_')
			*c = '-';
	if (strcmp(field, "red-flags") == 0) {
		if (!json_is_array(v) && !json_is_null(v))
			return mg_err_set(e, MG_EDATA, "red_flags must be a list");
		n->red_flags = 0;
		size_t i;
		json_t *x;
		json_array_foreach(v, i, x) {
			if (!json_is_string(x))
				return mg_err_set(e, MG_EDATA, "red_flags must hold strings");
			if (night_set(n, "red-flag", json_string_value(x), e) < 0)
				return -1;
		}
		return 0;
	}
	if (strcmp(field, "red-flag") == 0)
		return mg_err_set(e, MG_EDATA, "give red flags as the list red_flags");
	for (size_t i = 0; i < sizeof(device_fields) / sizeof(device_fields[0]); i++)
		if (strcmp(field, device_fields[i]) == 0)
			return mg_err_set(e, MG_EDATA, "%s comes from a device import, not typed", key);
	const char *text = json_is_null(v) ? "" : night_text(v, buf, sizeof(buf));
	if (!text || (json_is_string(v) && !*text))
		return mg_err_set(e, MG_EDATA, "%s has the wrong type (null clears it)", key);
	if (night_set(n, field, text, e) < 0) {
		e->code = MG_EDATA;   /* an unknown field is a bad value of the body */
		return -1;
	}
	return 0;
}

int web_night_apply(struct night *n, json_t *body, const char **field, struct mg_err *e)
{
	const char *key;
	json_t *v;
	json_object_foreach(body, key, v) {
		if (strcmp(key, "date") == 0)
			continue;
		if (apply_one(n, key, v, e) < 0) {
			*field = key;
			return -1;
		}
	}
	return 0;
}
