/*
 * The start every JSON export parser shares (Fitbit, Garmin, Oura's API,
 * WHOOP, Health Connect): load the document and find its array of
 * records, which is the document itself or one of its members, with the
 * one error message each failure gets.
 */
#ifndef MG_JSON_RECORDS_H
#define MG_JSON_RECORDS_H

#include <jansson.h>
#include <stddef.h>
#include "util/err.h"

/* Parses buf (the file `name`) and returns its array of records: the
 * document when it is an array, else the first member named in keys (a
 * NULL-terminated list, may be NULL) that is an array. *root is set to the
 * document, which the caller json_decref's; the array lives in it. On
 * failure NULL with nothing to release and MG_EDATA in e: the syntax
 * error with its line, or "NAME is NOT_WHAT". */
json_t *json_records(const char *buf, size_t len, const char *name, const char *const *keys, const char *not_what,
		     json_t **root, struct mg_err *e);

#endif
