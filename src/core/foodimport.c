/*
 * The food importer; see foodimport.h. Each food is classified here, once
 * (core/foodclass.c), and the decisions are stored beside it with the
 * digest of the rules they came from.
 */
#include <string.h>
#include <time.h>
#include "core/foodclass.h"
#include "core/foodimport.h"
#include "core/search.h"
#include "io/fdc-csv.h"
#include "io/sr24.h"
#include "store/foods.h"
#include "util/banned.h"

struct sink {
	struct foods_build *b;
	const struct foodclass *fc;
	struct mg_err *e;
	food_import_progress progress;
	void *pctx;
	size_t deprecated;
	int failed;
};

/* The importer's decisions about f, into c (and the buffers it points to). */
struct decided {
	char head[512];
	struct food_class cls;
};

static void decide(const struct foodclass *fc, const struct food_record *f, struct decided *d,
		   struct foods_class *c)
{
	search_head(f->name, d->head, sizeof(d->head));
	foodclass_classify(fc, f, &d->cls);
	*c = (struct foods_class){
		.quality = search_food_quality(f, d->cls.search_lower), .head = d->head, .key = d->cls.key,
		.excluded = d->cls.excluded ? d->cls.excluded : "", .serving_g = d->cls.serving_g,
		.serving = d->cls.serving, .tags = d->cls.tags,
	};
}

/* The kept foods' decisions point into one buffer, which the store copies
 * before it asks about the next food. */
struct kept {
	const struct foodclass *fc;
	struct decided d;
};

static void decide_kept(const struct food_record *f, struct foods_class *c, void *ctx)
{
	struct kept *k = ctx;
	decide(k->fc, f, &k->d, c);
}

static int on_food(const struct food_record *f, void *ctx)
{
	struct sink *s = ctx;
	struct decided d;
	struct foods_class c;
	decide(s->fc, f, &d, &c);
	if (foods_build_add(s->b, f, &c, s->e) < 0) {
		s->failed = 1;
		return 1;
	}
	s->deprecated += (size_t)f->deprecated;
	if (s->progress && s->b->added % 500 == 0)
		s->progress(s->b->added, s->pctx);
	return 0;
}

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef int (*reader_fn)(const char *path, food_record_cb cb, void *ctx, struct mg_err *e);

static int read_sr24(const char *path, food_record_cb cb, void *ctx, struct mg_err *e)
{
	return sr24_read_archive(path, cb, ctx, NULL, e);
}

static int read_fdc(const char *path, food_record_cb cb, void *ctx, struct mg_err *e)
{
	return fdc_read_dir(path, cb, ctx, e);
}

static int run(const char *foods_path, const char *keep_from, const char *input, const char *source, reader_fn read,
	       food_import_progress progress, void *pctx, struct food_import_result *r, struct mg_err *e)
{
	memset(r, 0, sizeof(*r));
	double t0 = now_seconds();
	struct foodclass *fc;
	if (foodclass_new(&fc, e) < 0)
		return -1;
	struct foods_build b;
	if (foods_build_begin(&b, foods_path, keep_from, source, e) < 0) {
		foodclass_free(fc);
		return -1;
	}
	char digest[32];
	foodclass_digest(digest, sizeof(digest));
	struct sink s = {.b = &b, .fc = fc, .e = e, .progress = progress, .pctx = pctx};
	/* The other sources' foods were classified by whichever mgtrack built
	 * the old file: decide about them again with these rules. */
	struct kept k = {.fc = fc};
	if ((b.kept && foods_build_reclassify(&b, decide_kept, &k, e) < 0) ||
	    foods_build_meta(&b, "classification", digest, e) < 0 || read(input, on_food, &s, e) < 0) {
		/* When the sink stopped the read, e already says why. */
		foods_build_abort(&b);
		foodclass_free(fc);
		return -1;
	}
	foodclass_free(fc);
	r->added = b.added;
	r->kept = b.kept;
	r->deprecated = s.deprecated;
	if (foods_build_commit(&b, e) < 0)
		return -1;
	r->seconds = now_seconds() - t0;
	return 0;
}

int food_import_sr24(const char *foods_path, const char *keep_from, const char *archive,
		     food_import_progress progress, void *pctx,
		     struct food_import_result *r, struct mg_err *e)
{
	return run(foods_path, keep_from, archive, "sr24", read_sr24, progress, pctx, r, e);
}

int food_import_fdc(const char *foods_path, const char *keep_from, const char *dir,
		    food_import_progress progress, void *pctx,
		    struct food_import_result *r, struct mg_err *e)
{
	return run(foods_path, keep_from, dir, "fdc", read_fdc, progress, pctx, r, e);
}
