/*
 * The food importer; see foodimport.h.
 */
#include <string.h>
#include <time.h>
#include "core/foodimport.h"
#include "core/search.h"
#include "io/fdc-csv.h"
#include "io/sr24.h"
#include "store/foods.h"
#include "util/banned.h"

struct sink {
	struct foods_build *b;
	struct mg_err *e;
	food_import_progress progress;
	void *pctx;
	size_t deprecated;
	int failed;
};

static int on_food(const struct food_record *f, void *ctx)
{
	struct sink *s = ctx;
	char head[512];
	search_head(f->name, head, sizeof(head));
	if (foods_build_add(s->b, f, search_food_quality(f), head, s->e) < 0) {
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

static int run(const char *foods_path, const char *input, const char *source, reader_fn read,
	       food_import_progress progress, void *pctx, struct food_import_result *r, struct mg_err *e)
{
	memset(r, 0, sizeof(*r));
	double t0 = now_seconds();
	struct foods_build b;
	if (foods_build_begin(&b, foods_path, source, e) < 0)
		return -1;
	struct sink s = {.b = &b, .e = e, .progress = progress, .pctx = pctx};
	if (read(input, on_food, &s, e) < 0) {
		/* When the sink stopped the read, e already says why. */
		foods_build_abort(&b);
		return -1;
	}
	r->added = b.added;
	r->kept = b.kept;
	r->deprecated = s.deprecated;
	if (foods_build_commit(&b, e) < 0)
		return -1;
	r->seconds = now_seconds() - t0;
	return 0;
}

int food_import_sr24(const char *foods_path, const char *archive,
		     food_import_progress progress, void *pctx,
		     struct food_import_result *r, struct mg_err *e)
{
	return run(foods_path, archive, "sr24", read_sr24, progress, pctx, r, e);
}

int food_import_fdc(const char *foods_path, const char *dir,
		    food_import_progress progress, void *pctx,
		    struct food_import_result *r, struct mg_err *e)
{
	return run(foods_path, dir, "fdc", read_fdc, progress, pctx, r, e);
}
