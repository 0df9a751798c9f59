/*
 * libFuzzer target for the API's night body (src/web/night-body.c): any
 * bytes that parse as a JSON object must either apply cleanly, leaving
 * only values the diary's own checks allow, or fail with MG_EDATA naming
 * a key of the body.
 */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "core/tables.h"
#include "web/night-body.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int loaded;
	if (!loaded) {
		struct mg_err e = {0};
		if (tables_load(&e) != 0)
			__builtin_trap();
		loaded = 1;
	}
	json_t *body = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES, NULL);
	if (!json_is_object(body)) {
		json_decref(body);
		return 0;
	}
	struct night n;
	night_init(&n, 20000);
	struct mg_err e = {0};
	const char *field = NULL;
	if (web_night_apply(&n, body, &field, &e) != 0) {
		if (e.code != MG_EDATA || !field || !json_object_get(body, field) || !e.msg[0])
			__builtin_trap();
	} else {
		if ((n.quality != -1 && (n.quality < 1 || n.quality > 5)) || (n.bristol != -1 && (n.bristol < 1 || n.bristol > 7)) ||
		    n.red_flags > 7 || n.hrv != -1 || n.deep != -1)
			__builtin_trap();
		struct night_derived d;
		night_derive(&n, &d, &e);   /* must not crash, whatever the times */
	}
	json_decref(body);
	return 0;
}
