/*
 * SR24 archive reader: libzip for the jar, expat for each food's XML.
 * Start at sr24_read_archive; sr24_parse_food is the per-food parser.
 */
#include <errno.h>
#include <expat.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>
#include "io/sr24.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

struct parse_state {
	struct food_record *f;
	struct mg_err *e;
	int seen_food;
	int failed;
};

static const char *attr(const XML_Char **atts, const char *name)
{
	for (size_t i = 0; atts[i]; i += 2)
		if (strcmp(atts[i], name) == 0)
			return atts[i + 1];
	return NULL;
}

static void fail(struct parse_state *st, XML_Parser p, const char *fmt, const char *a, const char *b)
{
	if (st->failed)
		return;
	st->failed = 1;
	mg_err_set(st->e, MG_EDATA, fmt, a ? a : "", b ? b : "");
	XML_StopParser(p, XML_FALSE);
}

/* expat hands the parser itself as user data (XML_UseParserAsHandlerArg),
 * so the handler can stop it; the state hangs off a static-free wrapper. */
struct handler_ctx {
	XML_Parser parser;
	struct parse_state st;
};

static void start_element(void *ud, const XML_Char *el, const XML_Char **atts)
{
	struct handler_ctx *h = ud;
	struct parse_state *st = &h->st;
	if (st->failed)
		return;
	if (strcmp(el, "food") == 0) {
		const char *uid = attr(atts, "uid"), *name = attr(atts, "name");
		long id;
		if (st->seen_food)
			{ fail(st, h->parser, "food file has a second <food> element%s%s", NULL, NULL); return; }
		st->seen_food = 1;
		if (!uid || mg_parse_long(uid, 1, 99999, &id) < 0)
			{ fail(st, h->parser, "food uid \"%s\" is not an NDB number%s", uid ? uid : "(missing)", NULL); return; }
		if (!name || !*name)
			{ fail(st, h->parser, "food \"%s\" has no name%s", uid, NULL); return; }
		st->f->id = id;
		food_record_set_name(st->f, name);
		return;
	}
	if (!st->seen_food)
		{ fail(st, h->parser, "element <%s> outside <food>%s", el, NULL); return; }
	if (strcmp(el, "measure") == 0) {
		const char *a = attr(atts, "amount"), *n = attr(atts, "name"), *g = attr(atts, "grams");
		double amount, grams;
		if (!a || mg_parse_double(a, 1e-6, 1e6, &amount) < 0)
			{ fail(st, h->parser, "measure amount \"%s\" is not a positive number%s", a ? a : "(missing)", NULL); return; }
		if (!g || mg_parse_double(g, 1e-6, 1e6, &grams) < 0)
			{ fail(st, h->parser, "measure grams \"%s\" is not a positive number%s", g ? g : "(missing)", NULL); return; }
		if (!n || !*n)
			{ fail(st, h->parser, "measure has no name%s%s", NULL, NULL); return; }
		food_record_add_measure(st->f, amount, n, grams);
	} else if (strcmp(el, "nutrient") == 0) {
		const char *a = attr(atts, "amount"), *n = attr(atts, "name");
		if (!n)
			{ fail(st, h->parser, "nutrient has no name%s%s", NULL, NULL); return; }
		int k = food_nutrient_by_sr24_name(n);
		if (k < 0)
			return;  /* a nutrient mgtrack does not keep */
		double v;
		if (!a || mg_parse_double(a, 0, 1e6, &v) < 0)
			{ fail(st, h->parser, "nutrient \"%s\" amount \"%s\" is not a number", n, a ? a : "(missing)"); return; }
		st->f->nut[k] = v;
	}
	/* Other elements are ignored: later cronometer releases may add some. */
}

int sr24_parse_food(const char *xml, size_t len, struct food_record *out, struct mg_err *e)
{
	XML_Parser p = XML_ParserCreate("UTF-8");
	if (!p)
		return mg_err_set(e, MG_ESOFTWARE, "cannot create an xml parser");
	struct handler_ctx h = {.parser = p, .st = {.f = out, .e = e}};
	XML_SetUserData(p, &h);
	XML_SetStartElementHandler(p, start_element);
	/* Size limit: a single food file is a few kB; refuse absurd sizes so a
	 * damaged archive cannot make us parse gigabytes as one food. */
	int rc = 0;
	if (len > (1u << 24)) {
		rc = mg_err_set(e, MG_EDATA, "food file of %zu bytes is too large", len);
	} else if (XML_Parse(p, xml, (int)len, XML_TRUE) == XML_STATUS_ERROR) {
		if (!h.st.failed)
			mg_err_set(e, MG_EDATA, "xml error at line %lu: %s",
				   (unsigned long)XML_GetCurrentLineNumber(p),
				   XML_ErrorString(XML_GetErrorCode(p)));
		rc = -1;
	} else if (h.st.failed) {
		rc = -1;
	} else if (!h.st.seen_food) {
		rc = mg_err_set(e, MG_EDATA, "no <food> element%s", "");
	}
	XML_ParserFree(p);
	if (rc == 0)
		mg_strlcpy(out->source, "sr24", sizeof(out->source));
	return rc;
}

/* Reads entry idx fully into *buf (grown as needed). */
static int read_entry(zip_t *z, zip_uint64_t idx, struct strbuf *buf, const char *name, struct mg_err *e)
{
	zip_stat_t zs;
	if (zip_stat_index(z, idx, 0, &zs) < 0)
		return mg_err_set(e, MG_EDATA, "damaged archive entry \"%s\"", name);
	zip_file_t *zf = zip_fopen_index(z, idx, 0);
	if (!zf)
		return mg_err_set(e, MG_EDATA, "damaged archive entry \"%s\": %s", name, zip_strerror(z));
	strbuf_reset(buf);
	char chunk[16384];
	zip_int64_t n;
	while ((n = zip_fread(zf, chunk, sizeof(chunk))) > 0)
		strbuf_add(buf, chunk, (size_t)n);
	int bad = n < 0;
	if (bad)
		mg_err_set(e, MG_EDATA, "damaged archive entry \"%s\": %s", name, zip_file_strerror(zf));
	zip_fclose(zf);
	return bad ? -1 : 0;
}

/* deprecated.index lines look like "03266|BABYFOOD,...": mark those ids. */
static void parse_deprecated(const char *text, unsigned char *mark, size_t nmark)
{
	const char *p = text;
	while (*p) {
		long id = 0;
		int digits = 0;
		while (*p >= '0' && *p <= '9' && digits < 6) {
			id = id * 10 + (*p++ - '0');
			digits++;
		}
		if (digits && *p == '|' && id > 0 && (size_t)id < nmark)
			mark[id] = 1;
		while (*p && *p != '\n')
			p++;
		if (*p)
			p++;
	}
}

static int is_food_entry(const char *name)
{
	const char *prefix = "usda_sr24/";
	size_t pl = strlen(prefix), n = strlen(name);
	if (n != pl + 9 || strncmp(name, prefix, pl) != 0 || strcmp(name + n - 4, ".xml") != 0)
		return 0;
	for (size_t i = pl; i < n - 4; i++)
		if (name[i] < '0' || name[i] > '9')
			return 0;
	return 1;
}

int sr24_read_archive(const char *path, food_record_cb cb, void *ctx,
		      struct sr24_stats *stats, struct mg_err *e)
{
	int zerr = 0;
	struct sr24_stats local = {0};
	if (!stats)
		stats = &local;
	memset(stats, 0, sizeof(*stats));
	zip_t *z = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &zerr);
	if (!z) {
		if (zerr == ZIP_ER_NOENT || zerr == ZIP_ER_OPEN) {
			zip_error_t ze;
			zip_error_init_with_code(&ze, zerr);
			int rc = mg_err_set(e, zerr == ZIP_ER_NOENT ? MG_ENOINPUT : MG_EIO,
					    "cannot open \"%s\": %s", path, zip_error_strerror(&ze));
			zip_error_fini(&ze);
			return rc;
		}
		zip_error_t ze;
		zip_error_init_with_code(&ze, zerr);
		int rc = mg_err_set(e, MG_EDATA, "\"%s\" is not a readable sr24 archive: %s", path,
				    zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return rc;
	}
	enum { MAX_NDB = 100000 };
	unsigned char *deprecated = mg_calloc(MAX_NDB, 1);
	struct strbuf buf;
	strbuf_init(&buf);
	int rc = 0;
	zip_int64_t dep = zip_name_locate(z, "usda_sr24/deprecated.index", 0);
	if (dep >= 0) {
		if (read_entry(z, (zip_uint64_t)dep, &buf, "usda_sr24/deprecated.index", e) < 0)
			rc = -1;
		else
			parse_deprecated(strbuf_str(&buf), deprecated, MAX_NDB);
	}
	zip_int64_t n = zip_get_num_entries(z, 0);
	/* Entries are stored in id order in the jar; libzip keeps that order. */
	for (zip_int64_t i = 0; rc == 0 && i < n; i++) {
		const char *name = zip_get_name(z, (zip_uint64_t)i, 0);
		if (!name || !is_food_entry(name))
			continue;
		if (read_entry(z, (zip_uint64_t)i, &buf, name, e) < 0) {
			rc = -1;
			break;
		}
		struct food_record f;
		food_record_init(&f);
		if (sr24_parse_food(buf.buf, buf.len, &f, e) < 0) {
			char why[sizeof(e->msg)];
			mg_strlcpy(why, e->msg, sizeof(why));
			mg_err_set(e, MG_EDATA, "\"%s\" in \"%s\": %s", name, path, why);
			food_record_release(&f);
			rc = -1;
			break;
		}
		f.group = (int)(f.id / 1000);
		f.deprecated = deprecated[f.id];
		stats->deprecated += (size_t)f.deprecated;
		int stop = cb(&f, ctx);
		food_record_release(&f);
		if (stop) {
			rc = -1;
			break;
		}
		stats->foods++;
	}
	if (rc == 0 && stats->foods == 0)
		rc = mg_err_set(e, MG_EDATA, "\"%s\" holds no usda_sr24 food files", path);
	strbuf_release(&buf);
	free(deprecated);
	zip_discard(z);
	return rc;
}
