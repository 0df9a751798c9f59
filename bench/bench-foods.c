/*
 * Food database benchmark (issue: foundation). Prints, on this machine:
 *   1. wall time of importing the USDA SR24 archive (median of 5 runs);
 *   2. search latency p50/p99 over 1,000 queries in one process on SR24;
 *   3. the same on a 400,000-food synthetic table (the size of USDA's
 *      branded-food release), built from SR24 names with brand-like words;
 *   4. suggestions for a 200 mg gap (suggest_foods, by serving and by kcal)
 *      in one process, on both (the command's wall time, process start
 *      included, is bench/bench-suggest's).
 * Goals (from the issues): import <= 0.5 s, p99 <= 1 ms on SR24 and
 * <= 10 ms at 400,000 foods, suggestions <= 30 ms; each figure is printed with its ratio to the
 * goal (< 1 meets it).
 *
 * Usage: bench-foods SR24_JAR [WORKDIR]   (WORKDIR keeps the databases)
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "core/foodclass.h"
#include "core/foodimport.h"
#include "core/search.h"
#include "core/suggest.h"
#include "core/tables.h"
#include "io/sr24.h"
#include "store/db.h"
#include "store/foods.h"
#include "util/strbuf.h"
#include "util/banned.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* Everyday food words; each is queried whole and as the prefixes a person
 * types on the way (as-you-type search), which makes 1,000 queries. */
static const char *const words[] = {
	"almonds", "black beans", "spinach", "banana", "pumpkin seeds", "milk", "oatmeal", "salmon",
	"brown rice", "yogurt", "chia seeds", "cashews", "peanut butter", "potato", "edamame", "soymilk",
	"quinoa", "avocado", "dark chocolate", "tofu", "lentils", "chickpeas", "broccoli", "kale",
	"sunflower seeds", "walnuts", "whole wheat bread", "chicken breast", "beef", "eggs", "cheese",
	"apple", "orange juice", "coffee", "tea", "pasta", "rice", "beans", "oats", "flax",
};

static size_t make_queries(char queries[][48], size_t max)
{
	size_t n = 0;
	while (n < max) {
		for (size_t w = 0; w < sizeof(words) / sizeof(words[0]) && n < max; w++) {
			size_t len = strlen(words[w]);
			for (size_t k = 3; k <= len && n < max; k++) {
				if (words[w][k - 1] == ' ')
					continue;
				memcpy(queries[n], words[w], k);
				queries[n][k] = '\0';
				n++;
			}
		}
	}
	return n;
}

static void search_bench(const char *label, const char *foods_path, double goal_ms)
{
	sqlite3 *db;
	struct mg_err e = {0};
	if (foods_open(foods_path, &db, &e) < 0) {
		fprintf(stderr, "bench: %s\n", e.msg);
		exit(1);
	}
	enum { N = 1000 };
	static char queries[N][48];
	make_queries(queries, N);
	double *ms = mg_calloc(N, sizeof(double));
	size_t hits = 0;
	for (size_t i = 0; i < N; i++) {
		struct search_result r;
		double t0 = now();
		if (food_search(db, NULL, queries[i], 10, &r, &e) < 0) {
			fprintf(stderr, "bench: %s\n", e.msg);
			exit(1);
		}
		ms[i] = (now() - t0) * 1000;
		hits += r.n;
		search_result_release(&r);
	}
	/* The slowest query, to show where the tail comes from. */
	size_t worst = 0;
	for (size_t i = 1; i < N; i++)
		if (ms[i] > ms[worst])
			worst = i;
	char worst_q[48];
	snprintf(worst_q, sizeof(worst_q), "%s", queries[worst]);
	qsort(ms, N, sizeof(double), cmp_double);
	double p50 = ms[N / 2], p99 = ms[N * 99 / 100];
	printf("search %-26s p50 %7.3f ms   p99 %7.3f ms   max %7.3f ms (\"%s\")   goal p99 <= %g ms   ratio %.2f   (%zu results)\n",
	       label, p50, p99, ms[N - 1], worst_q, goal_ms, p99 / goal_ms, hits);
	free(ms);
	db_close(db);
}

/* suggest_foods in one process, as `mgtrack suggest` calls it for a gap of
 * 200 mg (the first 10), 50 times after 3 warm-up calls. */
static void suggest_bench(const char *label, const char *foods_path, double goal_ms)
{
	sqlite3 *db;
	struct mg_err e = {0};
	if (foods_open(foods_path, &db, &e) < 0) {
		fprintf(stderr, "bench: %s\n", e.msg);
		exit(1);
	}
	enum { N = 50, WARM = 3 };
	double ms[N];
	size_t shown = 0;
	for (int order = 0; order < 2; order++) {
		struct suggest_opts o = {.order = order ? SUGGEST_BY_KCAL : SUGGEST_BY_SERVING, .limit = 10};
		for (int i = 0; i < N + WARM; i++) {
			struct suggestion *s;
			size_t n;
			double t0 = now();
			if (suggest_foods(db, 200, &o, &s, &n, &e) < 0) {
				fprintf(stderr, "bench: %s\n", e.msg);
				exit(1);
			}
			if (i >= WARM)
				ms[i - WARM] = (now() - t0) * 1000;
			shown = n;
			free(s);
		}
		qsort(ms, N, sizeof(double), cmp_double);
		printf("suggest %-4s %-26s median %6.2f ms   p95 %6.2f ms   goal <= %g ms   ratio %.2f   (%zu shown, in-process)\n",
		       order ? "kcal" : "", label, ms[N / 2], ms[N * 95 / 100], goal_ms, ms[N / 2] / goal_ms, shown);
	}
	db_close(db);
}

/* Synthetic branded foods: SR24 names with brand and product words, so
 * the vocabulary and the match counts look like FDC's branded release. */
struct synth {
	struct foods_build *b;
	char **names;
	size_t n, cap;
};

static int keep_name(const struct food_record *f, void *ctx)
{
	struct synth *s = ctx;
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 1024;
		s->names = mg_realloc(s->names, s->cap * sizeof(char *));
	}
	s->names[s->n++] = mg_strdup(f->name);
	return 0;
}

/* Foods suggest_foods may offer: not excluded, with magnesium and a
 * usual serving. */
static long count_suggestible(const char *path)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	long n = -1;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM food WHERE excluded = '' AND deprecated = 0"
			       " AND magnesium_mg > 0 AND serving_g > 0", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			n = (long)sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	sqlite3_close(db);
	return n;
}

static void build_synthetic(const char *jar, const char *path, size_t count)
{
	static const char *const brands[] = {"ACME", "GOODFIELD", "NORTHSTAR", "SUNRISE", "HARVEST MOON",
					     "BLUE RIVER", "GREEN VALLEY", "OAKWOOD", "PRAIRIE", "SEASIDE"};
	static const char *const extras[] = {"organic", "family size", "snack pack", "lightly salted",
					     "original", "classic", "value pack", "reduced fat"};
	struct synth s = {0};
	struct mg_err e = {0};
	if (sr24_read_archive(jar, keep_name, &s, NULL, &e) < 0) {
		fprintf(stderr, "bench: %s\n", e.msg);
		exit(1);
	}
	struct foods_build b;
	unlink(path);
	if (foods_build_begin(&b, path, NULL, "fdc", &e) < 0) {
		fprintf(stderr, "bench: %s\n", e.msg);
		exit(1);
	}
	struct foodclass *fc;
	char digest[32];
	foodclass_digest(digest, sizeof(digest));
	if (foodclass_new(&fc, &e) < 0 || foods_build_meta(&b, "classification", digest, &e) < 0) {
		fprintf(stderr, "bench: %s\n", e.msg);
		exit(1);
	}
	struct food_record f;
	food_record_init(&f);
	char name[512];
	for (size_t i = 0; i < count; i++) {
		/* Odd foods are plain (no brand) and have a household measure, so
		 * the classifier leaves a good share of them suggestible: the
		 * suggestion figure then ranks a large candidate set, not none. */
		food_record_release(&f);
		food_record_init(&f);
		if (i % 2)
			snprintf(name, sizeof(name), "%s, %s %zu", s.names[i % s.n], extras[(i / 10) % 8], i / 80);
		else
			snprintf(name, sizeof(name), "%s, %s, %s %zu", s.names[i % s.n], brands[i % 10],
				 extras[(i / 10) % 8], i / 80);
		if (i % 2)
			food_record_add_measure(&f, 1, "cup", 40 + (double)(i % 200));
		f.id = 1000000 + (long)i;
		food_record_set_name(&f, name);
		f.group = (int)(i % 25) + 1;
		f.nut[NUT_MG] = (double)(i % 300);
		f.nut[NUT_KCAL] = (double)(50 + i % 500);
		char head[512];
		search_head(f.name, head, sizeof(head));
		/* Classified as the importer does, so suggestions can run on it. */
		struct food_class cls;
		foodclass_classify(fc, &f, &cls);
		struct foods_class c = {
			.quality = search_food_quality(&f, cls.search_lower), .head = head, .key = cls.key,
			.excluded = cls.excluded ? cls.excluded : "", .serving_g = cls.serving_g, .serving = cls.serving,
		};
		if (foods_build_add(&b, &f, &c, &e) < 0) {
			fprintf(stderr, "bench: %s\n", e.msg);
			exit(1);
		}
	}
	foodclass_free(fc);
	food_record_release(&f);
	if (foods_build_commit(&b, &e) < 0) {
		fprintf(stderr, "bench: %s\n", e.msg);
		exit(1);
	}
	for (size_t i = 0; i < s.n; i++)
		free(s.names[i]);
	free(s.names);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: bench-foods SR24_JAR [WORKDIR]\n");
		return 64;
	}
	const char *jar = argv[1];
	char dir[4096];
	if (argc > 2) {
		snprintf(dir, sizeof(dir), "%s", argv[2]);
	} else {
		const char *tmp = getenv("TMPDIR");
		snprintf(dir, sizeof(dir), "%s/mgtrack-bench-XXXXXX", tmp && *tmp ? tmp : "/tmp");
		if (!mkdtemp(dir)) {
			perror("bench: mkdtemp");
			return 74;
		}
	}
	struct mg_err e = {0};
	if (tables_load(&e) < 0) {
		fprintf(stderr, "bench: %s\n", e.msg);
		return 70;
	}
	char sr24_db[4200], big_db[4200];
	snprintf(sr24_db, sizeof(sr24_db), "%s/sr24.db", dir);
	snprintf(big_db, sizeof(big_db), "%s/synthetic-400k.db", dir);

	double runs[5];
	struct food_import_result r = {0};
	for (int i = 0; i < 5; i++) {
		unlink(sr24_db);
		double t0 = now();
		if (food_import_sr24(sr24_db, NULL, jar, NULL, NULL, &r, &e) < 0) {
			fprintf(stderr, "bench: %s\n", e.msg);
			return 65;
		}
		runs[i] = now() - t0;
	}
	qsort(runs, 5, sizeof(double), cmp_double);
	printf("import SR24 (%zu foods)             median %.3f s   min %.3f s   goal <= 0.5 s   ratio %.2f\n",
	       r.added, runs[2], runs[0], runs[2] / 0.5);

	search_bench("SR24 (8,858 foods)", sr24_db, 1.0);
	suggest_bench("SR24 (8,858 foods)", sr24_db, 30.0);

	double t0 = now();
	build_synthetic(jar, big_db, 400000);
	printf("build synthetic table (400,000 foods) %.1f s, %ld of them suggestible\n", now() - t0,
	       count_suggestible(big_db));
	search_bench("synthetic (400,000 foods)", big_db, 10.0);
	suggest_bench("synthetic (400,000 foods)", big_db, 30.0);

	/* A WORKDIR given on the command line keeps the databases for study. */
	if (argc <= 2) {
		unlink(sr24_db);
		unlink(big_db);
		rmdir(dir);
	}
	tables_unload();
	return 0;
}
