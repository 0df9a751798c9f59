/*
 * Reader for the USDA SR24 archive that Debian's cronometer package ships
 * (usda_sr24.jar): a zip holding one small XML file per food,
 * usda_sr24/NNNNN.xml, shaped like
 *   <food uid="12016" name="Seeds, pumpkin ..."><measure amount="1.0"
 *    name="oz" grams="28.35"/><nutrient amount="550.0" name="Magnesium"/>...
 * with nutrients per 100 g, plus usda_sr24/deprecated.index listing the
 * foods USDA withdrew from its current list. Parsing never touches a
 * database: foods go to a callback.
 */
#ifndef MG_SR24_H
#define MG_SR24_H

#include <stddef.h>
#include "io/food-record.h"
#include "util/err.h"

/* Parses one food's XML (a pure function over a buffer, and the fuzz
 * target's entry point). On success fills out (initialised by the caller,
 * released by the caller) and returns 0; on bad input returns -1 with e
 * naming what is wrong (MG_EDATA). */
int sr24_parse_food(const char *xml, size_t len, struct food_record *out, struct mg_err *e);

struct sr24_stats {
	size_t foods;        /* foods passed to the callback */
	size_t deprecated;   /* of them, marked deprecated */
};

/* Reads every food in the archive at path, in id order, calling cb for
 * each. A damaged archive or food file stops the read with -1 and e set
 * (MG_EDATA for bad content, MG_ENOINPUT / MG_EIO for the file itself). */
int sr24_read_archive(const char *path, food_record_cb cb, void *ctx,
		      struct sr24_stats *stats, struct mg_err *e);

#endif
