/*
 * The array of records of a JSON export; see json-records.h.
 */
#include "io/json-records.h"
#include "util/banned.h"

json_t *json_records(const char *buf, size_t len, const char *name, const char *const *keys, const char *not_what,
		     json_t **root, struct mg_err *e)
{
	json_error_t je;
	*root = json_loadb(buf, len, 0, &je);
	if (!*root) {
		mg_err_set(e, MG_EDATA, "%s line %d: %s", name, je.line, je.text);
		return NULL;
	}
	json_t *recs = json_is_array(*root) ? *root : NULL;
	for (size_t i = 0; !recs && keys && keys[i]; i++)
		if (json_is_array(json_object_get(*root, keys[i])))
			recs = json_object_get(*root, keys[i]);
	if (!recs) {
		json_decref(*root);
		*root = NULL;
		mg_err_set(e, MG_EDATA, "%s is %s", name, not_what);
	}
	return recs;
}
