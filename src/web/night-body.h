/*
 * A night as the API receives it: a JSON object of diary fields applied to
 * a night, field by field, with the command line's checks (night_set). A
 * pure function over the parsed body, so it has a fuzz target of its own
 * (tests/fuzz/fuzz-web-night.c).
 */
#ifndef MG_WEB_NIGHT_BODY_H
#define MG_WEB_NIGHT_BODY_H

#include <jansson.h>
#include "core/night.h"
#include "util/err.h"

/* Applies every key of body but "date" to n: a value sets the field, null
 * clears it, "red_flags" (a list) replaces the set of flags. Keys are the
 * names of the night JSON (caffeine_after_noon); fields that devices
 * measure (deep, hrv, ...) are refused. On failure *field names the key
 * (valid while body lives), e holds the message, and n may be partly
 * changed: the caller stores nothing. */
int web_night_apply(struct night *n, json_t *body, const char **field, struct mg_err *e);

#endif
