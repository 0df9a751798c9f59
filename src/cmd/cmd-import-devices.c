/*
 * `mgtrack import apple-health|fitbit|garmin|health-connect|oura|sleep-as-android|whoop|withings`:
 * sleep from phones and wearables. Apple Health has its own reader (a
 * streaming export, sources chosen per night: core/healthimport.c); the
 * others read sleep sessions with io/ parsers. Both hand their sessions
 * to core/sessions.c, the one rule from sessions to nights, and store the
 * nights through core/sessionimport.c.
 * Each import is one transaction; --dry-run rolls it back after counting.
 * Called from cmd-import.c, which owns the command's dispatch.
 */
#include <errno.h>
#include <ftw.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>
#include "cmd/cmd.h"
#include "core/healthimport.h"
#include "core/sessionimport.h"
#include "core/sessions.h"
#include "core/tables.h"
#include "io/fitbit.h"
#include "io/garmin.h"
#include "io/oura.h"
#include "io/oura-json.h"
#include "io/health-connect.h"
#include "io/whoop.h"
#include "io/sleep-as-android.h"
#include "io/withings.h"
#include "store/db.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

/* ---- how sessions became nights (core/sessions.c), for both paths ---- */

static void json_session_skips(json_t *skipped, const struct sessions_summary *ns)
{
	json_object_set_new(skipped, "nap", json_integer((json_int_t)ns->naps));
	json_object_set_new(skipped, "too_short", json_integer((json_int_t)ns->too_short));
	json_object_set_new(skipped, "shorter_than_night", json_integer((json_int_t)ns->shorter));
	json_object_set_new(skipped, "overlapping", json_integer((json_int_t)ns->overlapping));
}

/* One line saying each choice made, when any was. The naps include the
 * sessions the export itself calls naps (Fitbit, WHOOP) that joined no
 * night. */
static void print_session_choices(const struct sessions_summary *ns)
{
	if (!ns->merged && !ns->naps && !ns->too_short && !ns->shorter && !ns->overlapping)
		return;
	printf("  %zu sessions: %zu merged into the night before them, %zu naps, %zu too short for a night"
	       " (under %.0f min), %zu shorter than their morning's night, %zu overlapping another\n",
	       ns->sessions, ns->merged, ns->naps, ns->too_short,
	       tables_threshold("import-min-night-min", NULL), ns->shorter, ns->overlapping);
}

/* Nights of this file that the journal already holds longer (from an
 * earlier import of the same source): kept, not replaced. */
static void print_kept_longer(size_t kept)
{
	if (kept)
		printf("  kept %zu stored longer nights: this file's night of that morning is shorter and covers"
		       " less than %.0f %% of it\n", kept, tables_threshold("import-correction-cover-pct", NULL));
}

/* ---- Apple Health: export.zip or the XML inside it ---- */

static ssize_t zip_cookie_read(void *cookie, char *buf, size_t n)
{
	zip_int64_t got = zip_fread(cookie, buf, n);
	return got < 0 ? -1 : (ssize_t)got;
}

static int zip_cookie_close(void *cookie)
{
	return zip_fclose(cookie);
}

/* The export's XML inside the zip: its name is localised, so the entry
 * whose first bytes hold <HealthData (export_cda.xml is the other XML). */
static FILE *open_in_zip(zip_t *z, const char *path)
{
	zip_int64_t n = zip_get_num_entries(z, 0);
	for (zip_int64_t i = 0; i < n; i++) {
		const char *name = zip_get_name(z, (zip_uint64_t)i, 0);
		size_t len = name ? strlen(name) : 0;
		if (len < 4 || strcmp(name + len - 4, ".xml") != 0 || strstr(name, "export_cda"))
			continue;
		zip_file_t *zf = zip_fopen_index(z, (zip_uint64_t)i, 0);
		char head[4096];
		zip_int64_t got = zf ? zip_fread(zf, head, sizeof(head) - 1) : -1;
		if (zf)
			zip_fclose(zf);
		if (got <= 0)
			continue;
		head[got] = '\0';
		if (!strstr(head, "<HealthData") && !strstr(head, "<!DOCTYPE HealthData"))
			continue;
		zf = zip_fopen_index(z, (zip_uint64_t)i, 0);
		cookie_io_functions_t io = {.read = zip_cookie_read, .close = zip_cookie_close};
		return zf ? fopencookie(zf, "r", io) : NULL;
	}
	cmd_say("\"%s\" holds no Apple Health export XML\n", path);
	return NULL;
}

/* A progress line on stderr, for big exports on a terminal. */
struct progress {
	size_t total;        /* bytes, 0 when unknown (inside a zip) */
	int last;
};

static void show_progress(size_t bytes, void *ctx)
{
	struct progress *p = ctx;
	int pct = p->total ? (int)(100.0 * (double)bytes / (double)p->total) : -1;
	int mb = (int)(bytes >> 20);
	if (pct >= 0 ? pct == p->last : mb / 64 == p->last)
		return;
	p->last = pct >= 0 ? pct : mb / 64;
	if (pct >= 0)
		fprintf(stderr, "\rimporting: %3d %% (%d of %zu MB)", pct > 100 ? 100 : pct, mb, p->total >> 20);
	else
		fprintf(stderr, "\rimporting: %d MB", mb);
}

static int import_apple_health(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"since", required_argument, NULL, 's'}, {"dry-run", no_argument, NULL, 'n'},
		{"prefer", required_argument, NULL, 'p'}, {"json", no_argument, NULL, 'j'}, {NULL, 0, NULL, 0},
	};
	struct health_options o = {.since = MG_NO_DATE};
	int c, rc, json = 0, dry = 0;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 's':
			if ((rc = cmd_parse_date("--since", optarg, &o.since)))
				return rc;
			break;
		case 'n': dry = 1; break;
		case 'p': o.prefer = optarg; break;
		case 'j': json = 1; break;
		default: return cmd_bad_option(ctx, c, argv);
		}
	}
	if (optind != argc - 1)
		return cmd_usage(ctx, "import apple-health needs one PATH (export.zip or its XML)");
	const char *path = argv[optind];
	if ((rc = cmd_check_path("import apple-health PATH", path)))
		return rc;
	FILE *f = fopen(path, "rb");
	if (!f) {
		cmd_say("cannot open \"%s\": %s\n", path, strerror(errno));
		return errno == ENOENT ? MG_ENOINPUT : MG_EIO;
	}
	char magic[4] = {0};
	size_t got = fread(magic, 1, 4, f);
	zip_t *z = NULL;
	if (got == 4 && memcmp(magic, "PK\3\4", 4) == 0) {
		fclose(f);
		int zerr;
		z = zip_open(path, ZIP_RDONLY, &zerr);
		f = z ? open_in_zip(z, path) : NULL;
		if (!f) {
			if (z)
				zip_discard(z);
			else
				cmd_say("\"%s\" is not a readable zip archive\n", path);
			return MG_EDATA;
		}
	} else {
		rewind(f);
	}
	/* Progress only where someone watches and the wait is noticeable. */
	struct progress prog = {0};
	struct stat fst;
	if (!z && stat(path, &fst) == 0)
		prog.total = (size_t)fst.st_size;
	if (isatty(STDERR_FILENO) && (z || prog.total > (64u << 20))) {
		prog.last = -1;
		o.progress = show_progress;
		o.progress_ctx = &prog;
	}
	sqlite3 *db;
	struct profile p;
	struct mg_err e = {0};
	struct health_summary s;
	if ((rc = cmd_open_profile(ctx, &db, &p))) {
		fclose(f);
		if (z)
			zip_discard(z);
		return rc;
	}
	/* One transaction; --dry-run rolls it back after counting. */
	rc = db_begin(db, &e) < 0 || health_import_apple(db, p.id, f, &o, &s, &e) < 0 ? -1 : 0;
	fclose(f);
	if (z)
		zip_discard(z);
	if (o.progress)
		fputs("\r\033[K", stderr);
	size_t usable = s.nights_written + s.nights_updated + s.nights_unchanged + s.nights_kept_longer;
	/* A --prefer that names no source of this export would be ignored
	 * without a word: refuse it, name the sources, write nothing. */
	int prefer_found = !o.prefer;
	for (size_t i = 0; i < s.n_sources && !prefer_found; i++)
		prefer_found = strcmp(s.sources[i], o.prefer) == 0;
	if (rc == 0 && !prefer_found) {
		struct strbuf names;
		strbuf_init(&names);
		for (size_t i = 0; i < s.n_sources; i++)
			strbuf_addf(&names, "%s\"%s\"", i ? ", " : "", s.sources[i]);
		mg_err_set(&e, MG_EUSAGE, "--prefer \"%s\" is not a source in \"%s\" (its sources: %s); nothing"
			   " was saved", o.prefer, path, names.len ? strbuf_str(&names) : "none");
		strbuf_release(&names);
		rc = -1;
	}
	/* Commit only what is worth keeping: an export with neither a night nor
	 * a day of dietary magnesium writes nothing and fails. */
	int nothing = usable == 0 && s.intake_days == 0;
	if (rc == 0 && !dry && !nothing && db_commit(db, &e) < 0)
		rc = -1;
	if (rc < 0 || dry || nothing)
		db_rollback(db);
	db_close(db);
	if (rc < 0)
		return cmd_fail(&e);
	if (json) {
		json_t *j = json_object(), *sk = json_object(), *src = json_array();
		json_object_set_new(j, "records_read", json_integer((json_int_t)s.parse.records));
		json_object_set_new(j, "nights_written", json_integer((json_int_t)s.nights_written));
		json_object_set_new(j, "nights_updated", json_integer((json_int_t)s.nights_updated));
		json_object_set_new(j, "nights_unchanged", json_integer((json_int_t)s.nights_unchanged));
		json_object_set_new(j, "nights_kept_longer", json_integer((json_int_t)s.nights_kept_longer));
		json_object_set_new(sk, "in_correlation", json_integer((json_int_t)s.parse.in_correlation));
		json_object_set_new(sk, "bad_date", json_integer((json_int_t)s.parse.bad_date));
		json_object_set_new(sk, "bad_record", json_integer((json_int_t)s.parse.bad_record));
		json_object_set_new(sk, "before_since", json_integer((json_int_t)s.skipped_before_since));
		json_object_set_new(sk, "no_asleep_records", json_integer((json_int_t)s.skipped_no_sleep));
		json_object_set_new(sk, "inconsistent", json_integer((json_int_t)s.skipped_inconsistent));
		json_object_set_new(sk, "after_today", json_integer((json_int_t)s.skipped_future));
		json_session_skips(sk, &s.sessions);
		json_object_set_new(sk, "dietary_unit", json_integer((json_int_t)s.skipped_dietary_unit));
		json_object_set_new(sk, "dietary_implausible", json_integer((json_int_t)s.skipped_dietary_implausible));
		json_object_set_new(j, "sessions_merged", json_integer((json_int_t)s.sessions.merged));
		json_object_set_new(j, "skipped", sk);
		for (size_t i = 0; i < s.n_sources; i++) {
			json_t *o2 = json_object();
			json_object_set_new(o2, "name", json_string(s.sources[i]));
			json_object_set_new(o2, "nights_chosen", json_integer((json_int_t)s.nights_from[i]));
			json_array_append_new(src, o2);
		}
		json_object_set_new(j, "sources", src);
		json_object_set_new(j, "hrv_sdnn_records", json_integer((json_int_t)s.hrv));
		json_object_set_new(j, "resting_heart_rate_records", json_integer((json_int_t)s.resting_hr));
		json_object_set_new(j, "dietary_magnesium_records", json_integer((json_int_t)s.dietary_mg));
		json_object_set_new(j, "intake_days", json_integer((json_int_t)s.intake_days));
		json_object_set_new(j, "truncated", json_boolean(s.parse.truncated));
		json_object_set_new(j, "dry_run", json_boolean(dry));
		cmd_print_json(j);
	} else {
		printf("%s: %zu records read; %zu nights written, %zu updated, %zu unchanged%s\n", path, s.parse.records,
		       s.nights_written, s.nights_updated, s.nights_unchanged, dry ? " (dry run: nothing saved)" : "");
		for (size_t i = 0; i < s.n_sources; i++)
			printf("  source %-24s chosen for %zu nights\n", s.sources[i], s.nights_from[i]);
		print_session_choices(&s.sessions);
		print_kept_longer(s.nights_kept_longer);
		if (s.intake_days)
			printf("  dietary magnesium for %zu days, kept apart from the food log (profile --food-source)\n",
			       s.intake_days);
		if (s.parse.truncated)
			printf("  the file ends in the middle of a record: what came before it was imported\n");
	}
	if (nothing) {
		cmd_say("no usable sleep or dietary magnesium records in \"%s\": nothing was saved\n", path);
		return MG_EDATA;
	}
	if (usable == 0 && !json)
		printf("  no usable sleep records: only the dietary magnesium was imported\n");
	return 0;
}

/* ---- wearables that export sleep sessions ---- */

struct skip_counts {
	const char *reason[4];
	size_t count[4];
	size_t n;
};

struct session_ctx {
	struct night_writer nights;   /* prepared once per import */
	long profile_id, since;
	const char *source;
	struct session_counts c;
	struct mg_err *e;
	size_t from_to;   /* Sleep as Android records timed by From/To */
	/* What the parser read; core/sessions.c makes the nights of it. */
	struct sessions list;
	/* RMSSD by date, from a separate file (Fitbit), joined to the nights. */
	long *hrv_date;
	double *hrv;
	size_t n_hrv;
};

/* Parsers hand their sessions here; nights are made once all are read. */
static int store_session(const struct sleep_session *ss, void *vctx)
{
	struct session_ctx *sc = vctx;
	sessions_add(&sc->list, ss);
	return 0;
}

static int store_night(const struct sleep_session *ss, void *vctx)
{
	struct session_ctx *sc = vctx;
	struct sleep_session with = *ss;
	for (size_t i = 0; i < sc->n_hrv && isnan(with.hrv_ms); i++)
		if (sc->hrv_date[i] == ss->date) {
			with.hrv_ms = sc->hrv[i];
			with.hrv_rmssd = 1;
		}
	return session_store(&sc->nights, sc->profile_id, sc->source, sc->since, &with, 0, &sc->c, sc->e);
}

static int add_hrv(long date, double rmssd, void *vctx)
{
	struct session_ctx *sc = vctx;
	sc->hrv_date = mg_realloc(sc->hrv_date, (sc->n_hrv + 1) * sizeof(long));
	sc->hrv = mg_realloc(sc->hrv, (sc->n_hrv + 1) * sizeof(double));
	sc->hrv_date[sc->n_hrv] = date;
	sc->hrv[sc->n_hrv++] = rmssd;
	return 0;
}

static int is_fitbit_hrv(const char *path)
{
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	size_t n = strlen(base);
	return strncmp(base, "Daily Heart Rate Variability Summary", 36) == 0 && n > 4 &&
	       strcmp(base + n - 4, ".csv") == 0;
}

static FILE *open_input(const char *path, struct mg_err *e)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		mg_err_set(e, errno == ENOENT ? MG_ENOINPUT : MG_EIO, "cannot open \"%s\": %s", path, strerror(errno));
	return f;
}

static char *slurp(const char *path, size_t *len, struct mg_err *e);

/* Oura: a sleep CSV (either export) or the API's JSON sleep documents,
 * told apart by the first byte. */
static int run_oura(const char *path, const char *name, struct session_ctx *sc, struct skip_counts *sk,
		    struct mg_err *e)
{
	struct oura_stats st = {0};
	size_t len;
	char *buf = slurp(path, &len, e);
	if (!buf)
		return -1;
	int rc;
	if (oura_is_json(buf, len)) {
		rc = oura_json_parse(buf, len, name, store_session, sc, &st, e);
	} else {
		FILE *f = fmemopen(buf, len ? len : 1, "r");
		rc = f ? oura_parse(f, name, store_session, sc, &st, e)
		       : mg_err_set(e, MG_EIO, "cannot read \"%s\"", path);
		if (f)
			fclose(f);
	}
	free(buf);
	sk->reason[0] = "not_a_night";
	sk->count[0] = st.not_a_night;
	sk->reason[1] = "bad_row";
	sk->count[1] = st.bad_row;
	sk->n = 2;
	return rc;
}

/* Fitbit: a Takeout folder (sleep-*.json anywhere below it), its zip, or
 * one sleep JSON file. Files are read whole: each holds about a month. */
static int fitbit_buffer(const char *buf, size_t len, const char *name, struct session_ctx *sc,
			 struct fitbit_stats *st, struct mg_err *e)
{
	return fitbit_parse(buf, len, name, 60 * tables_threshold("import-awakening-min-min", NULL), store_session, sc,
			    st, e);
}

static int is_sleep_json(const char *path)
{
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	size_t n = strlen(base);
	return strncmp(base, "sleep-", 6) == 0 && n > 11 && strcmp(base + n - 5, ".json") == 0;
}

static int fitbit_file(const char *path, struct session_ctx *sc, struct fitbit_stats *st, struct mg_err *e)
{
	size_t len;
	char *buf = slurp(path, &len, e);
	if (!buf)
		return -1;
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	int rc = fitbit_buffer(buf, len, base, sc, st, e);
	free(buf);
	return rc;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* nftw has no context argument: the walk collects into this, the files
 * `wanted_file` accepts. */
static struct {
	char **v;
	size_t n, cap;
} found_files;
static int (*wanted_file)(const char *path);

static int collect_sleep_file(const char *fpath, const struct stat *sb, int type, struct FTW *ftw)
{
	(void)sb;
	(void)ftw;
	if (type == FTW_F && wanted_file(fpath)) {
		if (found_files.n == found_files.cap) {
			found_files.cap = found_files.cap ? found_files.cap * 2 : 64;
			found_files.v = mg_realloc(found_files.v, found_files.cap * sizeof(char *));
		}
		found_files.v[found_files.n++] = mg_strdup(fpath);
	}
	return 0;
}

static int run_fitbit(const char *path, const char *name, struct session_ctx *sc, struct skip_counts *sk,
		      struct mg_err *e)
{
	struct fitbit_stats st = {0};
	struct stat sb;
	int rc = 0;
	size_t files = 0;
	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		/* The daily HRV files first, so the nights can take their RMSSD. */
		found_files.n = 0;
		wanted_file = is_fitbit_hrv;
		if (nftw(path, collect_sleep_file, 16, FTW_PHYS) != 0)
			rc = mg_err_set(e, MG_EIO, "cannot read the folder \"%s\"", path);
		for (size_t i = 0; i < found_files.n; i++) {
			FILE *hf = rc == 0 ? open_input(found_files.v[i], e) : NULL;
			if (hf) {
				rc = fitbit_hrv_parse(hf, strrchr(found_files.v[i], '/') + 1, add_hrv, sc, e);
				fclose(hf);
			} else if (rc == 0) {
				rc = -1;
			}
			free(found_files.v[i]);
		}
		/* Every sleep-*.json below the folder, in name (date) order. */
		found_files.n = 0;
		wanted_file = is_sleep_json;
		if (nftw(path, collect_sleep_file, 16, FTW_PHYS) != 0)
			rc = mg_err_set(e, MG_EIO, "cannot read the folder \"%s\"", path);
		if (found_files.n)
			qsort(found_files.v, found_files.n, sizeof(char *), cmp_str);
		for (size_t i = 0; i < found_files.n; i++) {
			if (rc == 0)
				rc = fitbit_file(found_files.v[i], sc, &st, e);
			free(found_files.v[i]);
		}
		size_t n = found_files.n;
		free(found_files.v);
		found_files.v = NULL;
		found_files.n = found_files.cap = 0;
		files = n;
	} else {
		int zerr;
		zip_t *z = zip_open(path, ZIP_RDONLY, &zerr);
		if (z) {
			zip_int64_t n = zip_get_num_entries(z, 0);
			/* Pass 0 reads the daily HRV files, pass 1 the sleep logs. */
			for (zip_int64_t i = 0; i < 2 * n && rc == 0; i++) {
				int hrv_pass = i < n;
				const char *en = zip_get_name(z, (zip_uint64_t)(i % n), 0);
				zip_stat_t zs;
				if (!en || !(hrv_pass ? is_fitbit_hrv(en) : is_sleep_json(en)) ||
				    zip_stat_index(z, (zip_uint64_t)(i % n), 0, &zs) != 0 || zs.size > (64u << 20))
					continue;
				char *buf = mg_malloc(zs.size + 1);
				zip_file_t *zf = zip_fopen_index(z, (zip_uint64_t)(i % n), 0);
				zip_int64_t got = zf ? zip_fread(zf, buf, zs.size) : -1;
				if (zf)
					zip_fclose(zf);
				if (got == (zip_int64_t)zs.size && hrv_pass) {
					FILE *mf = fmemopen(buf, zs.size ? zs.size : 1, "r");
					rc = mf ? fitbit_hrv_parse(mf, en, add_hrv, sc, e) : -1;
					if (mf)
						fclose(mf);
				} else if (got == (zip_int64_t)zs.size) {
					rc = fitbit_buffer(buf, zs.size, en, sc, &st, e);
					files++;
				}
				free(buf);
			}
			zip_discard(z);
		} else {
			rc = fitbit_file(path, sc, &st, e);
			files = 1;
		}
	}
	(void)name;
	if (rc == 0 && files == 0)
		rc = mg_err_set(e, MG_EDATA, "no sleep-*.json files in \"%s\"", path);
	sk->reason[0] = "bad_log";
	sk->count[0] = st.bad_log;
	sk->n = 1;
	return rc;
}

/* Garmin: the export folder (every *_sleepData.json below it) or one file. */
static int is_garmin_sleep(const char *path)
{
	size_t n = strlen(path);
	return n > 15 && strcmp(path + n - 15, "_sleepData.json") == 0;
}

static char *slurp(const char *path, size_t *len, struct mg_err *e)
{
	FILE *f = open_input(path, e);
	if (!f)
		return NULL;
	char *buf = NULL;
	FILE *m = open_memstream(&buf, len);
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		fwrite(chunk, 1, n, m);
	fclose(m);
	fclose(f);
	return buf;
}

static int run_garmin(const char *path, const char *name, struct session_ctx *sc, struct skip_counts *sk,
		      struct mg_err *e)
{
	struct garmin_stats st = {0};
	struct stat sb;
	int rc = 0;
	char *one[1] = {mg_strdup(path)};
	char **files = one;
	size_t n = 1;
	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		free(one[0]);
		found_files.n = 0;
		wanted_file = is_garmin_sleep;
		if (nftw(path, collect_sleep_file, 16, FTW_PHYS) != 0)
			rc = mg_err_set(e, MG_EIO, "cannot read the folder \"%s\"", path);
		if (found_files.n)
			qsort(found_files.v, found_files.n, sizeof(char *), cmp_str);
		files = found_files.v;
		n = found_files.n;
		if (rc == 0 && n == 0)
			rc = mg_err_set(e, MG_EDATA, "no *_sleepData.json files in \"%s\"", path);
	}
	for (size_t i = 0; i < n; i++) {
		size_t len;
		char *buf = rc == 0 ? slurp(files[i], &len, e) : NULL;
		const char *base = strrchr(files[i], '/') ? strrchr(files[i], '/') + 1 : files[i];
		if (rc == 0)
			rc = buf ? garmin_parse(buf, len, base, store_session, sc, &st, e) : -1;
		free(buf);
		free(files[i]);
	}
	if (files != one) {
		free(found_files.v);
		found_files.v = NULL;
		found_files.n = found_files.cap = 0;
	}
	(void)name;
	sk->reason[0] = "bad_record";
	sk->count[0] = st.bad_record;
	sk->n = 1;
	return rc;
}

static int run_withings(const char *path, const char *name, struct session_ctx *sc, struct skip_counts *sk,
			struct mg_err *e)
{
	struct withings_stats st;
	FILE *f = open_input(path, e);
	if (!f)
		return -1;
	int rc = withings_parse(f, name, store_session, sc, &st, e);
	fclose(f);
	sk->reason[0] = "bad_record";
	sk->count[0] = st.bad_record;
	sk->n = 1;
	return rc;
}

static int run_saa(const char *path, const char *name, struct session_ctx *sc, struct skip_counts *sk,
		   struct mg_err *e)
{
	struct saa_stats st = {0};
	int zerr, rc;
	zip_t *z = zip_open(path, ZIP_RDONLY, &zerr);
	FILE *f = NULL;
	if (z) {
		zip_file_t *zf = zip_fopen(z, "sleep-export.csv", 0);
		cookie_io_functions_t io = {.read = zip_cookie_read, .close = zip_cookie_close};
		f = zf ? fopencookie(zf, "r", io) : NULL;
		if (!f) {
			zip_discard(z);
			return mg_err_set(e, MG_EDATA, "\"%s\" holds no sleep-export.csv", path);
		}
	} else if (!(f = open_input(path, e))) {
		return -1;
	}
	rc = saa_parse(f, name, store_session, sc, &st, e);
	fclose(f);
	if (z)
		zip_discard(z);
	if (rc == 0 && st.bad_record)
		fprintf(stderr, "mgtrack: skipped %zu records of \"%s\" with neither a usable Id nor From/To, the"
			" first at row %zu\n", st.bad_record, name, st.first_bad_row);
	sc->from_to = st.from_to;
	sk->reason[0] = "bad_record";
	sk->count[0] = st.bad_record;
	sk->n = 1;
	return rc;
}

/* WHOOP: sleeps.csv or the same rows as JSON, read whole (a few years
 * is well under a megabyte). */
static int run_whoop(const char *path, const char *name, struct session_ctx *sc, struct skip_counts *sk,
		     struct mg_err *e)
{
	struct whoop_stats st = {0};
	size_t len;
	char *buf = slurp(path, &len, e);
	if (!buf)
		return -1;
	int rc = whoop_parse(buf, len, name, store_session, sc, &st, e);
	free(buf);
	sk->reason[0] = "bad_record";
	sk->count[0] = st.bad_record;
	sk->n = 1;
	return rc;
}

/* Health Connect: the sleep sessions' JSON, read whole. */
static int run_health_connect(const char *path, const char *name, struct session_ctx *sc, struct skip_counts *sk,
			      struct mg_err *e)
{
	struct hc_stats st = {0};
	size_t len;
	char *buf = slurp(path, &len, e);
	if (!buf)
		return -1;
	int rc = hc_parse(buf, len, name, 60 * tables_threshold("import-awakening-min-min", NULL), store_session, sc,
			  &st, e);
	free(buf);
	sk->reason[0] = "bad_record";
	sk->count[0] = st.bad_record;
	sk->n = 1;
	return rc;
}

static const struct {
	const char *kind, *source;
	int (*run)(const char *path, const char *name, struct session_ctx *sc, struct skip_counts *sk,
		   struct mg_err *e);
} session_importers[] = {
	{"sleep-as-android", "sleep-as-android", run_saa},
	{"withings", "withings", run_withings},
	{"fitbit", "fitbit", run_fitbit},
	{"garmin", "garmin", run_garmin},
	{"oura", "oura", run_oura},
	{"whoop", "whoop", run_whoop},
	{"health-connect", "health-connect", run_health_connect},
};

static int import_sessions(int k, int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"since", required_argument, NULL, 's'}, {"dry-run", no_argument, NULL, 'n'},
		{"json", no_argument, NULL, 'j'}, {NULL, 0, NULL, 0},
	};
	long since = MG_NO_DATE;
	int c, rc, json = 0, dry = 0;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 's':
			if ((rc = cmd_parse_date("--since", optarg, &since)))
				return rc;
			break;
		case 'n': dry = 1; break;
		case 'j': json = 1; break;
		default: return cmd_bad_option(ctx, c, argv);
		}
	}
	if (optind != argc - 1)
		return cmd_usage(ctx, "import %s needs one FILE", session_importers[k].kind);
	const char *path = argv[optind];
	char what[64];
	snprintf(what, sizeof(what), "import %s FILE", session_importers[k].kind);
	if ((rc = cmd_check_path(what, path)))
		return rc;
	if (access(path, R_OK) != 0) {
		cmd_say("cannot open \"%s\": %s\n", path, strerror(errno));
		return errno == ENOENT ? MG_ENOINPUT : MG_EIO;
	}
	sqlite3 *db;
	struct profile p;
	struct mg_err e = {0};
	if ((rc = cmd_open_profile(ctx, &db, &p)))
		return rc;
	struct session_ctx sc = {.profile_id = p.id, .since = since,
				 .source = session_importers[k].source, .e = &e};
	struct skip_counts sk = {0};
	const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	struct sessions_summary ns = {0};
	sessions_init(&sc.list);
	rc = db_begin(db, &e) < 0 || journal_night_writer_init(&sc.nights, db, &e) < 0 ||
	     session_importers[k].run(path, name, &sc, &sk, &e) < 0 ||
	     sessions_nights(&sc.list, store_night, &sc, &ns) < 0 ? -1 : 0;
	journal_night_writer_release(&sc.nights);
	sessions_release(&sc.list);
	free(sc.hrv_date);
	free(sc.hrv);
	if (rc == 0 && !dry && db_commit(db, &e) < 0)
		rc = -1;
	if (rc < 0 || dry)
		db_rollback(db);
	db_close(db);
	if (rc < 0)
		return cmd_fail(&e);
	size_t usable = sc.c.written + sc.c.updated + sc.c.unchanged + sc.c.kept_longer;
	if (json) {
		json_t *j = json_object(), *skipped = json_object(), *src = json_array();
		size_t records = ns.sessions;
		for (size_t i = 0; i < sk.n; i++)
			records += sk.count[i];
		json_object_set_new(j, "records_read", json_integer((json_int_t)records));
		json_object_set_new(j, "nights_written", json_integer((json_int_t)sc.c.written));
		json_object_set_new(j, "nights_updated", json_integer((json_int_t)sc.c.updated));
		json_object_set_new(j, "nights_unchanged", json_integer((json_int_t)sc.c.unchanged));
		json_object_set_new(j, "nights_kept_longer", json_integer((json_int_t)sc.c.kept_longer));
		for (size_t i = 0; i < sk.n; i++)
			json_object_set_new(skipped, sk.reason[i], json_integer((json_int_t)sk.count[i]));
		json_object_set_new(j, "sessions_merged", json_integer((json_int_t)ns.merged));
		if (strcmp(session_importers[k].kind, "sleep-as-android") == 0)
			json_object_set_new(j, "timed_by_from_to", json_integer((json_int_t)sc.from_to));
		json_session_skips(skipped, &ns);
		json_object_set_new(skipped, "before_since", json_integer((json_int_t)sc.c.before_since));
		json_object_set_new(skipped, "inconsistent", json_integer((json_int_t)sc.c.inconsistent));
		json_object_set_new(skipped, "after_today", json_integer((json_int_t)sc.c.future));
		json_object_set_new(j, "skipped", skipped);
		json_array_append_new(src, json_string(session_importers[k].source));
		json_object_set_new(j, "sources", src);
		json_object_set_new(j, "dry_run", json_boolean(dry));
		cmd_print_json(j);
	} else {
		printf("%s: %zu nights written, %zu updated, %zu unchanged%s\n", name, sc.c.written, sc.c.updated,
		       sc.c.unchanged, dry ? " (dry run: nothing saved)" : "");
		print_session_choices(&ns);
		print_kept_longer(sc.c.kept_longer);
		if (sc.from_to)
			printf("  %zu records timed by From/To: their Id is not an integer or not the time From"
			       " says\n", sc.from_to);
	}
	if (usable == 0) {
		cmd_say("no usable nights in \"%s\"\n", path);
		return MG_EDATA;
	}
	return 0;
}

int cmd_import_device(const char *kind, int argc, char **argv, struct cmd_ctx *ctx)
{
	if (strcmp(kind, "apple-health") == 0)
		return import_apple_health(argc, argv, ctx);
	for (size_t i = 0; i < sizeof(session_importers) / sizeof(session_importers[0]); i++)
		if (strcmp(kind, session_importers[i].kind) == 0)
			return import_sessions((int)i, argc, argv, ctx);
	return -1;
}
