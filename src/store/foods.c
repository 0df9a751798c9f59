/*
 * foods.db schema, rebuild and queries; see foods.h. The nutrient columns
 * are named after food_nutrients[].key, so adding a nutrient there adds a
 * column here.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "store/db.h"
#include "store/foods.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

/* The history of FOODS_SCHEMA_VERSION (foods.h):
 * 2: the importer's decisions (food_key, excluded, serving_g, serving).
 * 3: the food's tags (core/foodclass.h enum food_tag bits). */

int foods_open(const char *path, sqlite3 **db, struct mg_err *e)
{
	struct stat sb;
	if (stat(path, &sb) != 0)
		return mg_err_set(e, MG_EUNAVAIL,
				  "no food database at \"%s\": build it with 'mgtrack food import --sr24 PATH'", path);
	if (db_open(path, DB_IMMUTABLE, db, e) < 0)
		return -1;
	/* Read through a memory map: a suggestion scans every suggestible
	 * food, and pread into SQLite's small page cache copied each page on
	 * every call. Safe here: foods.db is never written in place (a rebuild
	 * renames a new file over it, and the mapped old file stays whole). */
	sqlite3_exec(*db, "PRAGMA mmap_size = 1073741824", NULL, NULL, NULL);
	sqlite3_stmt *st;
	int v = 0;
	if (sqlite3_prepare_v2(*db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	if (v != FOODS_SCHEMA_VERSION) {
		db_close(*db);
		*db = NULL;
		return mg_err_set(e, MG_EDATA, "food database \"%s\" has schema version %d, expected %d: rebuild it",
				  path, v, FOODS_SCHEMA_VERSION);
	}
	return 0;
}

static void nutrient_columns(struct strbuf *sb, const char *prefix)
{
	for (int i = 0; i < NUT_COUNT; i++)
		strbuf_addf(sb, "%s%s%s", i ? ", " : "", prefix, food_nutrients[i].key);
}

static int create_schema(sqlite3 *db, struct mg_err *e)
{
	struct strbuf sql;
	strbuf_init(&sql);
	strbuf_adds(&sql, "CREATE TABLE food (id INTEGER PRIMARY KEY, source TEXT NOT NULL,"
		    " name TEXT NOT NULL, grp INTEGER NOT NULL DEFAULT 0,"
		    " deprecated INTEGER NOT NULL DEFAULT 0,"
		    " quality REAL NOT NULL DEFAULT 0, search_head TEXT NOT NULL DEFAULT '',"
		    " food_key TEXT NOT NULL DEFAULT '', excluded TEXT NOT NULL DEFAULT '',"
		    " serving_g REAL, serving TEXT NOT NULL DEFAULT '', tags INTEGER NOT NULL DEFAULT 0");
	for (int i = 0; i < NUT_COUNT; i++)
		strbuf_addf(&sql, ", %s REAL", food_nutrients[i].key);
	strbuf_adds(&sql, ");"
		    "CREATE TABLE measure (food_id INTEGER NOT NULL, seq INTEGER NOT NULL,"
		    " amount REAL NOT NULL, name TEXT NOT NULL, grams REAL NOT NULL,"
		    " PRIMARY KEY (food_id, seq)) WITHOUT ROWID;"
		    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);");
	strbuf_addf(&sql, "PRAGMA user_version=%d;", FOODS_SCHEMA_VERSION);
	int rc = db_exec(db, strbuf_str(&sql), e);
	strbuf_release(&sql);
	return rc;
}

static int prepare_inserts(struct foods_build *b, struct mg_err *e)
{
	struct strbuf sql;
	strbuf_init(&sql);
	strbuf_adds(&sql, "INSERT INTO food (id, source, name, grp, deprecated, quality, search_head,"
		    " food_key, excluded, serving_g, serving, tags, ");
	nutrient_columns(&sql, "");
	strbuf_adds(&sql, ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?");
	for (int i = 0; i < NUT_COUNT; i++)
		strbuf_adds(&sql, ", ?");
	strbuf_adds(&sql, ")");
	int rc = db_prepare(b->db, strbuf_str(&sql), &b->ins_food, e);
	strbuf_release(&sql);
	if (rc < 0)
		return -1;
	return db_prepare(b->db, "INSERT INTO measure VALUES (?, ?, ?, ?, ?)", &b->ins_measure, e);
}

/* Removes PATH.new-PID files left by imports that were killed: their
 * process is gone (kill(pid, 0) fails with ESRCH), so nobody will finish
 * or remove them. A running import's file is left alone. */
static void remove_stale_builds(const char *path)
{
	char *dir = mg_strdup(path), *slash = strrchr(dir, '/');
	const char *base = slash ? slash + 1 : path;
	if (slash)
		*slash = '\0';
	DIR *d = opendir(slash ? (dir[0] ? dir : "/") : ".");
	size_t blen = strlen(base);
	struct dirent *de;
	while (d && (de = readdir(d))) {
		const char *n = de->d_name;
		long pid;
		if (strncmp(n, base, blen) != 0 || strncmp(n + blen, ".new-", 5) != 0 ||
		    mg_parse_long(n + blen + 5, 1, 1L << 30, &pid) < 0)
			continue;
		if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;
		struct strbuf full;
		strbuf_init(&full);
		strbuf_addf(&full, "%s/%s", slash ? (dir[0] ? dir : "") : ".", n);
		unlink(strbuf_str(&full));
		strbuf_release(&full);
	}
	if (d)
		closedir(d);
	free(dir);
}

/* fsync of a finished file before it is renamed into place: after a crash
 * the name holds the whole new database or the old one, never a torn one. */
static int sync_file(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	close(fd);
	return rc;
}

int foods_build_begin(struct foods_build *b, const char *path, const char *keep_from, const char *source,
		      struct mg_err *e)
{
	memset(b, 0, sizeof(*b));
	remove_stale_builds(path);
	mg_strlcpy(b->source, source, sizeof(b->source));
	b->final_path = mg_strdup(path);
	struct strbuf tmp;
	strbuf_init(&tmp);
	strbuf_addf(&tmp, "%s.new-%ld", path, (long)getpid());
	b->tmp_path = mg_strdup(strbuf_str(&tmp));
	strbuf_release(&tmp);
	unlink(b->tmp_path);
	/* Bulk load: no journal on the new file; it is renamed into place only
	 * after a successful commit, so a crash leaves the old file intact. */
	if (db_open(b->tmp_path, DB_CREATE, &b->db, e) < 0)
		goto fail;
	if (db_exec(b->db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;", e) < 0 ||
	    create_schema(b->db, e) < 0)
		goto fail;

	struct stat sb;
	if (!keep_from)
		keep_from = path;
	if (stat(keep_from, &sb) == 0) {
		/* Keep the other sources' foods from the current database. */
		sqlite3 *old;
		if (foods_open(keep_from, &old, e) < 0) {
			/* An unreadable old file is simply replaced. */
			mg_err_clear(e);
		} else {
			db_close(old);
			sqlite3_stmt *st;
			if (db_prepare(b->db, "ATTACH DATABASE ? AS old", &st, e) < 0)
				goto fail;
			sqlite3_bind_text(st, 1, keep_from, -1, SQLITE_STATIC);
			int rc = sqlite3_step(st);
			sqlite3_finalize(st);
			if (rc != SQLITE_DONE) {
				db_fail(b->db, "cannot read the current food database", e);
				goto fail;
			}
			if (db_prepare(b->db, "INSERT INTO food SELECT * FROM old.food WHERE source <> ?1", &st, e) < 0)
				goto fail;
			sqlite3_bind_text(st, 1, b->source, -1, SQLITE_STATIC);
			rc = sqlite3_step(st);
			sqlite3_finalize(st);
			if (rc != SQLITE_DONE ||
			    db_exec(b->db, "INSERT INTO measure SELECT m.* FROM old.measure m"
				    " JOIN food f ON f.id = m.food_id", e) < 0) {
				db_fail(b->db, "cannot copy the current food database", e);
				goto fail;
			}
			sqlite3_stmt *cnt;
			if (db_prepare(b->db, "SELECT count(*) FROM food", &cnt, e) < 0)
				goto fail;
			if (sqlite3_step(cnt) == SQLITE_ROW)
				b->kept = (size_t)sqlite3_column_int64(cnt, 0);
			sqlite3_finalize(cnt);
			if (db_exec(b->db, "DETACH DATABASE old", e) < 0)
				goto fail;
		}
	}
	/* ATTACH cannot run inside a transaction, so the bulk load's own
	 * transaction starts only now. */
	if (db_begin(b->db, e) < 0 || prepare_inserts(b, e) < 0)
		goto fail;
	return 0;
fail:
	foods_build_abort(b);
	return -1;
}

/* Binds c's columns from `first` on: quality, head, key, excluded,
 * serving_g, serving, tags. */
static void bind_class(sqlite3_stmt *st, int first, const struct foods_class *c)
{
	sqlite3_bind_double(st, first, c->quality);
	sqlite3_bind_text(st, first + 1, c->head ? c->head : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, first + 2, c->key ? c->key : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, first + 3, c->excluded ? c->excluded : "", -1, SQLITE_TRANSIENT);
	if (isnan(c->serving_g))
		sqlite3_bind_null(st, first + 4);
	else
		sqlite3_bind_double(st, first + 4, c->serving_g);
	sqlite3_bind_text(st, first + 5, c->serving ? c->serving : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, first + 6, (sqlite3_int64)c->tags);
}

int foods_build_add(struct foods_build *b, const struct food_record *f, const struct foods_class *c,
		    struct mg_err *e)
{
	sqlite3_stmt *st = b->ins_food;
	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, f->id);
	sqlite3_bind_text(st, 2, b->source, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, f->name, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, f->group);
	sqlite3_bind_int(st, 5, f->deprecated);
	bind_class(st, 6, c);
	for (int i = 0; i < NUT_COUNT; i++) {
		if (isnan(f->nut[i]))
			sqlite3_bind_null(st, 13 + i);
		else
			sqlite3_bind_double(st, 13 + i, f->nut[i]);
	}
	if (sqlite3_step(st) != SQLITE_DONE) {
		if (sqlite3_errcode(b->db) == SQLITE_CONSTRAINT)
			return mg_err_set(e, MG_EDATA, "food id \"%ld\" appears twice (or in another source)", f->id);
		return db_fail(b->db, "cannot add food", e);
	}
	st = b->ins_measure;
	for (size_t i = 0; i < f->n_measures; i++) {
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, f->id);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
		sqlite3_bind_double(st, 3, f->measures[i].amount);
		sqlite3_bind_text(st, 4, f->measures[i].name, -1, SQLITE_STATIC);
		sqlite3_bind_double(st, 5, f->measures[i].grams);
		if (sqlite3_step(st) != SQLITE_DONE)
			return db_fail(b->db, "cannot add measure", e);
	}
	b->added++;
	return 0;
}

int foods_build_commit(struct foods_build *b, struct mg_err *e)
{
	sqlite3_finalize(b->ins_food);
	sqlite3_finalize(b->ins_measure);
	b->ins_food = b->ins_measure = NULL;
	/* The index's rowid is the food's place in quality order (best
	 * first): FTS5 returns matches in rowid order, so a query with LIMIT
	 * stops after the best-placed matches however many foods match.
	 * Porter stemming makes "almonds" find "almond"; prefix indexes make
	 * as-you-type queries cheap; remove_diacritics folds "purée". The index
	 * keeps id and quality itself, so a match costs no second lookup.
	 * food_suggestible holds only the foods suggestions may offer, with
	 * every column a suggestion reads (CANDIDATE_COLS), so the scan never
	 * seeks into the table: on a 400,000-food import those seeks were
	 * most of a suggestion's time. */
	if (db_exec(b->db,
		    "CREATE INDEX food_suggestible ON food(id, name, grp, magnesium_mg, energy_kcal, food_key, excluded,"
		    " serving_g, serving, tags) WHERE excluded = '' AND deprecated = 0 AND magnesium_mg > 0;"
		    "CREATE VIRTUAL TABLE food_fts USING fts5(name, head, id UNINDEXED, quality UNINDEXED,"
		    " tokenize='porter unicode61 remove_diacritics 2', prefix='1 2 3');"
		    "INSERT INTO food_fts(rowid, name, head, id, quality)"
		    " SELECT row_number() OVER (ORDER BY quality DESC, id), name, search_head, id, quality FROM food;"
		    "INSERT INTO meta VALUES ('built', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));", e) < 0 ||
	    db_commit(b->db, e) < 0)
		goto fail;
	db_close(b->db);
	b->db = NULL;
	if (sync_file(b->tmp_path) < 0 || rename(b->tmp_path, b->final_path) < 0) {
		mg_err_set(e, MG_EIO, "cannot replace \"%s\": %s", b->final_path, strerror(errno));
		goto fail;
	}
	free(b->tmp_path);
	b->tmp_path = NULL;
	foods_build_abort(b);
	return 0;
fail:
	foods_build_abort(b);
	return -1;
}

void foods_build_abort(struct foods_build *b)
{
	sqlite3_finalize(b->ins_food);
	sqlite3_finalize(b->ins_measure);
	b->ins_food = b->ins_measure = NULL;
	if (b->db) {
		db_rollback(b->db);
		db_close(b->db);
		b->db = NULL;
	}
	if (b->tmp_path) {
		unlink(b->tmp_path);
		free(b->tmp_path);
		b->tmp_path = NULL;
	}
	free(b->final_path);
	b->final_path = NULL;
}

/* SELECT list shared by the queries that build a food_record. */
static void food_select(struct strbuf *sql)
{
	strbuf_adds(sql, "SELECT f.id, f.source, f.name, f.grp, f.deprecated");
	for (int i = 0; i < NUT_COUNT; i++)
		strbuf_addf(sql, ", f.%s", food_nutrients[i].key);
}

static void food_from_row(sqlite3_stmt *st, struct food_record *f)
{
	f->id = sqlite3_column_int64(st, 0);
	mg_strlcpy(f->source, (const char *)sqlite3_column_text(st, 1), sizeof(f->source));
	food_record_set_name(f, (const char *)sqlite3_column_text(st, 2));
	f->group = sqlite3_column_int(st, 3);
	f->deprecated = sqlite3_column_int(st, 4);
	for (int i = 0; i < NUT_COUNT; i++)
		f->nut[i] = sqlite3_column_type(st, 5 + i) == SQLITE_NULL ? NAN : sqlite3_column_double(st, 5 + i);
}

int foods_load_measures(sqlite3 *db, struct food_record *f, struct mg_err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, "SELECT amount, name, grams FROM measure WHERE food_id = ? ORDER BY seq", &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, f->id);
	while (sqlite3_step(st) == SQLITE_ROW)
		food_record_add_measure(f, sqlite3_column_double(st, 0),
					(const char *)sqlite3_column_text(st, 1), sqlite3_column_double(st, 2));
	sqlite3_finalize(st);
	return 0;
}

unsigned foods_tags(sqlite3 *db, long id)
{
	sqlite3_stmt *st;
	unsigned tags = 0;
	if (sqlite3_prepare_v2(db, "SELECT tags FROM food WHERE id = ?", -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		tags = (unsigned)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return tags;
}

int foods_get(sqlite3 *db, long id, struct food_record *f, struct mg_err *e)
{
	struct strbuf sql;
	strbuf_init(&sql);
	food_select(&sql);
	strbuf_adds(&sql, " FROM food f WHERE f.id = ?");
	sqlite3_stmt *st;
	int rc = db_prepare(db, strbuf_str(&sql), &st, e);
	strbuf_release(&sql);
	if (rc < 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int found = sqlite3_step(st) == SQLITE_ROW;
	if (found)
		food_from_row(st, f);
	sqlite3_finalize(st);
	if (found && foods_load_measures(db, f, e) < 0)
		return -1;
	return found;
}

int foods_match(sqlite3 *db, const char *fts_query, size_t limit,
		int (*cb)(long id, const char *name, double quality, void *ctx), void *ctx,
		struct mg_err *e)
{
	/* FTS5 walks matches in rowid (quality) order and LIMIT stops it. */
	sqlite3_stmt *st;
	if (db_prepare(db, "SELECT id, name, quality FROM food_fts WHERE food_fts MATCH ?1 LIMIT ?2", &st, e) < 0)
		return -1;
	sqlite3_bind_text(st, 1, fts_query, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)limit);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (cb(sqlite3_column_int64(st, 0), (const char *)sqlite3_column_text(st, 1),
		       sqlite3_column_double(st, 2), ctx)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, "food search failed", e);
	return 0;
}

/* Calls cb with each food of `where` (an SQL condition on f), with its
 * measures. Both queries run in food id order (the measure table's key):
 * one pass over each, merged, instead of a query per food. */
static int each_food(sqlite3 *db, const char *where,
		     int (*cb)(const struct food_record *f, void *ctx), void *ctx, struct mg_err *e)
{
	struct strbuf sql;
	strbuf_init(&sql);
	food_select(&sql);
	strbuf_addf(&sql, " FROM food f WHERE %s ORDER BY f.id", where);
	sqlite3_stmt *st, *ms;
	int rc = db_prepare(db, strbuf_str(&sql), &st, e);
	strbuf_release(&sql);
	if (rc < 0)
		return -1;
	if (db_prepare(db, "SELECT food_id, amount, name, grams FROM measure ORDER BY food_id, seq", &ms, e) < 0) {
		sqlite3_finalize(st);
		return -1;
	}
	int mrc = sqlite3_step(ms);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct food_record f;
		food_record_init(&f);
		food_from_row(st, &f);
		while (mrc == SQLITE_ROW && sqlite3_column_int64(ms, 0) < f.id)
			mrc = sqlite3_step(ms);
		for (; mrc == SQLITE_ROW && sqlite3_column_int64(ms, 0) == f.id; mrc = sqlite3_step(ms))
			food_record_add_measure(&f, sqlite3_column_double(ms, 1),
						(const char *)sqlite3_column_text(ms, 2), sqlite3_column_double(ms, 3));
		int stop = cb(&f, ctx);
		food_record_release(&f);
		if (stop) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(ms);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, "cannot read foods", e);
	return 0;
}

/* One kept food's new decisions, held until the scan is over: SQLite
 * should not update a table under a running SELECT of it. */
struct reclass {
	long id;
	double quality, serving_g;
	char *head, *key, *excluded, *serving;
	unsigned tags;
};

struct reclass_acc {
	void (*cb)(const struct food_record *f, struct foods_class *c, void *ctx);
	void *ctx;
	struct reclass *v;
	size_t n, cap;
};

static int collect_class(const struct food_record *f, void *vctx)
{
	struct reclass_acc *a = vctx;
	struct foods_class c = {.serving_g = NAN};
	a->cb(f, &c, a->ctx);
	if (a->n == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 256;
		a->v = mg_realloc(a->v, a->cap * sizeof(*a->v));
	}
	a->v[a->n++] = (struct reclass){
		.id = f->id, .quality = c.quality, .serving_g = c.serving_g, .tags = c.tags,
		.head = mg_strdup(c.head ? c.head : ""), .key = mg_strdup(c.key ? c.key : ""),
		.excluded = mg_strdup(c.excluded ? c.excluded : ""), .serving = mg_strdup(c.serving ? c.serving : ""),
	};
	return 0;
}

int foods_build_reclassify(struct foods_build *b,
			   void (*cb)(const struct food_record *f, struct foods_class *c, void *ctx), void *ctx,
			   struct mg_err *e)
{
	struct reclass_acc a = {.cb = cb, .ctx = ctx};
	int rc = each_food(b->db, "1", collect_class, &a, e);
	sqlite3_stmt *up = NULL;
	if (rc == 0)
		rc = db_prepare(b->db, "UPDATE food SET quality = ?1, search_head = ?2, food_key = ?3, excluded = ?4,"
				" serving_g = ?5, serving = ?6, tags = ?7 WHERE id = ?8", &up, e);
	for (size_t i = 0; i < a.n; i++) {
		struct reclass *r = &a.v[i];
		if (rc == 0) {
			struct foods_class c = {.quality = r->quality, .head = r->head, .key = r->key,
						.excluded = r->excluded, .serving_g = r->serving_g, .serving = r->serving,
						.tags = r->tags};
			sqlite3_reset(up);
			bind_class(up, 1, &c);
			sqlite3_bind_int64(up, 8, r->id);
			if (sqlite3_step(up) != SQLITE_DONE)
				rc = db_fail(b->db, "cannot update a kept food", e);
		}
		free(r->head);
		free(r->key);
		free(r->excluded);
		free(r->serving);
	}
	sqlite3_finalize(up);
	free(a.v);
	return rc;
}

int foods_build_meta(struct foods_build *b, const char *key, const char *value, struct mg_err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(b->db, "INSERT OR REPLACE INTO meta VALUES (?, ?)", &st, e) < 0)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_fail(b->db, "cannot write the food database's meta", e);
}

int foods_meta(sqlite3 *db, const char *key, char *buf, size_t n, struct mg_err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, "SELECT value FROM meta WHERE key = ?", &st, e) < 0)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	int found = sqlite3_step(st) == SQLITE_ROW;
	mg_strlcpy(buf, found ? (const char *)sqlite3_column_text(st, 0) : "", n);
	sqlite3_finalize(st);
	return found;
}

/* The columns food_suggestible covers (create_schema keeps them alike). */
#define CANDIDATE_COLS "id, name, grp, magnesium_mg, energy_kcal, food_key, excluded, serving_g, serving, tags"

int foods_each_candidate(sqlite3 *db, const long *ids, size_t n_ids, double min_mg,
			 int (*cb)(const struct foods_candidate *c, void *ctx), void *ctx, struct mg_err *e)
{
	/* The extra ids travel as one JSON array: one bound parameter
	 * however many foods the person has logged. */
	struct strbuf list;
	strbuf_init(&list);
	strbuf_addch(&list, '[');
	for (size_t i = 0; i < n_ids; i++)
		strbuf_addf(&list, "%s%ld", i ? "," : "", ids[i]);
	strbuf_addch(&list, ']');
	sqlite3_stmt *st;
	/* The foods that may be suggested come from their own partial index
	 * (built at commit), so a table of mostly excluded foods (a branded
	 * release) is not read row by row; the extra ids by primary key. */
	/* A food below min_mg a serving is left in SQLite (most rows of a
	 * large import): only the asked-for ids come whatever their serving. */
	if (db_prepare(db, "SELECT " CANDIDATE_COLS " FROM food INDEXED BY food_suggestible"
		       " WHERE excluded = '' AND deprecated = 0 AND magnesium_mg > 0"
		       " AND (magnesium_mg * serving_g / 100 >= ?2 OR id IN (SELECT value FROM json_each(?1)))"
		       " UNION ALL SELECT " CANDIDATE_COLS " FROM food"
		       " WHERE id IN (SELECT value FROM json_each(?1))"
		       " AND excluded <> '' AND deprecated = 0 AND magnesium_mg > 0", &st, e) < 0) {
		strbuf_release(&list);
		return -1;
	}
	sqlite3_bind_text(st, 1, strbuf_str(&list), -1, SQLITE_STATIC);
	sqlite3_bind_double(st, 2, min_mg);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct foods_candidate c = {
			.id = sqlite3_column_int64(st, 0),
			.name = (const char *)sqlite3_column_text(st, 1),
			.group = sqlite3_column_int(st, 2),
			.mg = sqlite3_column_double(st, 3),
			.kcal = sqlite3_column_type(st, 4) == SQLITE_NULL ? NAN : sqlite3_column_double(st, 4),
			.key = (const char *)sqlite3_column_text(st, 5),
			.excluded = (const char *)sqlite3_column_text(st, 6),
			.serving_g = sqlite3_column_type(st, 7) == SQLITE_NULL ? NAN : sqlite3_column_double(st, 7),
			.serving = (const char *)sqlite3_column_text(st, 8),
			.tags = (unsigned)sqlite3_column_int64(st, 9),
		};
		if (cb(&c, ctx)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(st);
	strbuf_release(&list);
	if (rc != SQLITE_DONE)
		return db_fail(db, "cannot read foods", e);
	return 0;
}

int foods_summary(sqlite3 *db, char *buf, size_t n, size_t *total, struct mg_err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, "SELECT source, count(*) FROM food GROUP BY source ORDER BY source", &st, e) < 0)
		return -1;
	struct strbuf sb;
	strbuf_init(&sb);
	*total = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		long c = (long)sqlite3_column_int64(st, 1);
		strbuf_addf(&sb, "%s%s %ld", sb.len ? ", " : "", sqlite3_column_text(st, 0), c);
		*total += (size_t)c;
	}
	sqlite3_finalize(st);
	mg_strlcpy(buf, strbuf_str(&sb), n);
	strbuf_release(&sb);
	return 0;
}
