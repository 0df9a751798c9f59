/*
 * Apple Health sleep -> nights (see healthimport.h). Segments are kept in
 * one array (a few per night: small next to the file), sorted by night,
 * source and start, then each night is built from its chosen source.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "core/healthimport.h"
#include "core/tables.h"
#include "core/night.h"
#include "core/sessionimport.h"
#include "core/sessions.h"
#include "store/journal.h"
#include "store/nights.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

#define SOURCE_NAME "apple-health"

enum seg_kind { SEG_INBED, SEG_ASLEEP, SEG_AWAKE };

struct segment {
	long night;         /* the morning's date */
	int source;         /* index into the summary's sources */
	enum seg_kind kind;
	int stage;          /* asleep: 0 unspecified, 'c' core, 'd' deep, 'r' REM */
	double start, end;  /* UTC seconds */
	int offset;         /* minutes east of UTC, of the record */
};

struct sample {
	double utc;         /* end of the measurement */
	long local;         /* the same, local absolute minutes (day * 1440 + minute) */
	long day;           /* its local date */
	double value;
};

struct samples {
	struct sample *v;
	size_t n, cap;
};

struct collect {
	struct segment *v;
	size_t n, cap;
	struct samples hrv, rhr;
	struct samples mg;      /* dietary magnesium; `value` mg, `utc` unused, source in mg_src */
	int *mg_src;
	struct health_summary *s;
};

static void add_sample(struct samples *s, const struct ah_record *r)
{
	if (isnan(r->number))
		return;
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->v = mg_realloc(s->v, s->cap * sizeof(*s->v));
	}
	s->v[s->n++] = (struct sample){r->end.utc, r->end.day * 1440L + r->end.minute, r->start.day, r->number};
}

static enum seg_kind sleep_kind(const char *value, int *known)
{
	*known = 1;
	/* iOS 8 and 9 wrote in-bed records with no value at all. */
	if (!value[0] || strcmp(value, "HKCategoryValueSleepAnalysisInBed") == 0 || strcmp(value, "0") == 0)
		return SEG_INBED;
	if (strcmp(value, "HKCategoryValueSleepAnalysisAwake") == 0 || strcmp(value, "2") == 0)
		return SEG_AWAKE;
	/* Asleep (iOS <= 15), AsleepUnspecified, AsleepCore, AsleepDeep, AsleepREM (iOS 16+). */
	if (strncmp(value, "HKCategoryValueSleepAnalysisAsleep", 34) == 0 || strcmp(value, "1") == 0 ||
	    strcmp(value, "3") == 0 || strcmp(value, "4") == 0 || strcmp(value, "5") == 0)
		return SEG_ASLEEP;
	*known = 0;
	return SEG_INBED;
}

static int source_index(struct health_summary *s, const char *name)
{
	for (size_t i = 0; i < s->n_sources; i++)
		if (strcmp(s->sources[i], name) == 0)
			return (int)i;
	if (s->n_sources == HEALTH_MAX_SOURCES)
		return -1;
	mg_strlcpy(s->sources[s->n_sources], name, sizeof(s->sources[0]));
	return (int)s->n_sources++;
}

/* mg per unit Apple may write for a dietary mass ("" is Health's default,
 * mg); 0 for a unit that is not a mass. */
static double unit_to_mg(const char *unit)
{
	if (!unit[0] || strcmp(unit, "mg") == 0)
		return 1;
	if (strcmp(unit, "g") == 0)
		return 1000;
	if (strcmp(unit, "mcg") == 0 || strcmp(unit, "\xc2\xb5g") == 0 || strcmp(unit, "ug") == 0)
		return 0.001;
	return 0;
}

static int on_record(const struct ah_record *r, void *ctx)
{
	struct collect *c = ctx;
	switch (r->kind) {
	case AH_HRV_SDNN: c->s->hrv++; add_sample(&c->hrv, r); return 0;
	case AH_RESTING_HR: c->s->resting_hr++; add_sample(&c->rhr, r); return 0;
	case AH_DIETARY_MG: {
		c->s->dietary_mg++;
		int src = source_index(c->s, r->source);
		/* Apple writes the unit the app chose: 0.3 g is 300 mg, never 0.3. */
		double scale = unit_to_mg(r->unit);
		if (src < 0 || isnan(r->number) || r->number < 0 || scale <= 0) {
			c->s->skipped_dietary_unit += scale <= 0;
			return 0;
		}
		struct ah_record in_mg = *r;
		in_mg.number = r->number * scale;
		if (in_mg.number > tables_threshold("import-dietary-record-max-mg", NULL)) {
			c->s->skipped_dietary_implausible++;
			return 0;
		}
		add_sample(&c->mg, &in_mg);
		c->mg_src = mg_realloc(c->mg_src, c->mg.cap * sizeof(int));
		c->mg_src[c->mg.n - 1] = src;
		return 0;
	}
	case AH_SLEEP: break;
	}
	int known;
	enum seg_kind k = sleep_kind(r->value, &known);
	int src = source_index(c->s, r->source);
	if (!known || src < 0) {
		c->s->skipped_inconsistent++;
		return 0;
	}
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 256;
		c->v = mg_realloc(c->v, c->cap * sizeof(*c->v));
	}
	struct segment *g = &c->v[c->n++];
	g->night = r->end.day + (r->end.minute >= 18 * 60 ? 1 : 0);
	g->source = src;
	g->kind = k;
	g->stage = !strcmp(r->value, "HKCategoryValueSleepAnalysisAsleepCore") ? 'c'
		 : !strcmp(r->value, "HKCategoryValueSleepAnalysisAsleepDeep") ? 'd'
		 : !strcmp(r->value, "HKCategoryValueSleepAnalysisAsleepREM") ? 'r' : 0;
	g->start = r->start.utc;
	g->end = r->end.utc;
	g->offset = r->end.offset;
	return 0;
}

static int by_night(const void *a, const void *b)
{
	const struct segment *x = a, *y = b;
	if (x->night != y->night)
		return x->night < y->night ? -1 : 1;
	if (x->source != y->source)
		return x->source - y->source;
	return x->start < y->start ? -1 : x->start > y->start;
}

/* Minutes asleep of one source's segments [from, to): the union of its
 * asleep intervals (sources repeat and overlap their own records too). */
static double asleep_union(const struct segment *g, size_t from, size_t to, double *first, double *last,
			   int *pieces)
{
	double total = 0, cur_s = 0, cur_e = -1;
	*first = NAN;
	*last = NAN;
	*pieces = 0;
	for (size_t i = from; i < to; i++) {
		if (g[i].kind != SEG_ASLEEP)
			continue;
		if (isnan(*first))
			*first = g[i].start;
		if (cur_e < 0 || g[i].start > cur_e) {
			if (cur_e >= 0)
				total += cur_e - cur_s;
			cur_s = g[i].start;
			cur_e = g[i].end;
			(*pieces)++;
		} else if (g[i].end > cur_e) {
			cur_e = g[i].end;
		}
	}
	if (cur_e >= 0) {
		total += cur_e - cur_s;
		*last = cur_e;
	}
	return total / 60;
}

/* A sample's place in a lookup: sorted by key (HRV: local minute; resting
 * heart rate: day), then by its place in the file, so a night finds its
 * samples by binary search instead of reading them all. */
struct sample_key {
	long key;
	size_t i;
};

static int by_key(const void *a, const void *b)
{
	const struct sample_key *x = a, *y = b;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return (x->i > y->i) - (x->i < y->i);
}

static int by_index(const void *a, const void *b)
{
	const struct sample_key *x = a, *y = b;
	return (x->i > y->i) - (x->i < y->i);
}

/* Keys of s sorted (caller frees; NULL for no samples). */
static struct sample_key *sort_samples(const struct samples *s, int by_day)
{
	if (!s->n)
		return NULL;
	struct sample_key *k = mg_malloc(s->n * sizeof(*k));
	for (size_t i = 0; i < s->n; i++)
		k[i] = (struct sample_key){by_day ? s->v[i].day : s->v[i].local, i};
	qsort(k, s->n, sizeof(*k), by_key);
	return k;
}

/* The first key >= key. */
static size_t lower_bound(const struct sample_key *k, size_t n, long key)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (k[mid].key < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Local absolute minutes (day * 1440 + minute) of a UTC time. */
static long local_abs(double utc, int offset)
{
	return (long)floor((utc + offset * 60.0) / 60);
}

/* What the night callback needs: the store, the samples, and which source
 * each session's morning came from. */
struct nights_ctx {
	struct night_writer nights;
	long profile_id, since;
	const struct collect *c;
	struct sample_key *hrv_keys, *rhr_keys;   /* sort_samples of c->hrv, c->rhr */
	struct health_summary *s;
	struct session_counts counts;
	long *src_date;
	int *src_of;
	size_t n_src, cap_src;
	int prefer;            /* the --prefer source's index, or -1 */
	struct mg_err *e;
};

/* One session per continuous recording of the chosen source: its asleep,
 * awake and in-bed records back to back (an Awake record lies inside the
 * sleep period); a break with no record at all ends the session, and
 * core/sessions.c decides whether the next one is the same sleep. */
static void add_sessions(const struct segment *g, size_t from, size_t to, struct sessions *l,
			 struct nights_ctx *nc)
{
	int offset = g[to - 1].offset;
	for (size_t i = from; i < to;) {
		/* The block: every record touching the one before; the source's
		 * own in-bed records belong to it (old Withings and Sleep Cycle
		 * exports write in-bed between asleep records), never as sleep. */
		double b_start = g[i].start, b_end = g[i].end;
		size_t k = i + 1, last = i;
		for (; k < to; k++) {
			if (g[k].start > b_end)
				break;
			b_end = fmax(b_end, g[k].end);
			last = k;
		}
		double onset, final;
		int pieces;
		double asleep = asleep_union(g, i, last + 1, &onset, &final, &pieces);
		if (!isnan(onset)) {
			struct sleep_session ss;
			sleep_session_init(&ss);
			long a = local_abs(b_start, offset), w = local_abs(final, offset), e = local_abs(b_end, offset);
			ss.date = (long)floor((double)e / 1440);
			ss.up = (int)(e - ss.date * 1440);
			ss.date += ss.up >= 18 * 60;
			ss.bed = (int)(((a % 1440) + 1440) % 1440);
			ss.wake = (int)(((w % 1440) + 1440) % 1440);
			ss.sol_min = (onset - b_start) / 60;
			ss.tst_min = asleep;
			int awake = 0;
			double mins[3] = {0, 0, 0};
			int staged = 0;
			for (size_t x = i; x <= last; x++) {
				if (g[x].kind == SEG_AWAKE && g[x].start >= onset && g[x].end <= final)
					awake++;
				int st = g[x].stage == 'd' ? 0 : g[x].stage == 'c' ? 1 : g[x].stage == 'r' ? 2 : -1;
				if (g[x].kind == SEG_ASLEEP && st >= 0) {
					mins[st] += (g[x].end - g[x].start) / 60;
					staged = 1;
				}
			}
			ss.awakenings = awake ? awake : pieces - 1;
			if (staged) {
				ss.deep_min = mins[0];
				ss.light_min = mins[1];
				ss.rem_min = mins[2];
			}
			sessions_add(l, &ss);
			if (nc->n_src == nc->cap_src) {
				nc->cap_src = nc->cap_src ? nc->cap_src * 2 : 256;
				nc->src_date = mg_realloc(nc->src_date, nc->cap_src * sizeof(long));
				nc->src_of = mg_realloc(nc->src_of, nc->cap_src * sizeof(int));
			}
			nc->src_date[nc->n_src] = ss.date;
			nc->src_of[nc->n_src++] = g[i].source;
		}
		i = k;
	}
}

/* A night from core/sessions.c: SDNN measured between into bed and out of
 * bed, the resting heart rate of its morning, then stored. */
static int store_apple_night(const struct sleep_session *night, void *vctx)
{
	struct nights_ctx *nc = vctx;
	const struct collect *c = nc->c;
	struct sleep_session ss = *night;
	long bed, wake, up;
	if (sessions_span(&ss, &bed, &wake, &up) == 0) {
		size_t from = lower_bound(nc->hrv_keys, c->hrv.n, bed), to = lower_bound(nc->hrv_keys, c->hrv.n, up + 1);
		if (to > from) {
			/* Summed in file order, as always: the mean to the last bit. */
			qsort(nc->hrv_keys + from, to - from, sizeof(*nc->hrv_keys), by_index);
			double sum = 0;
			for (size_t i = from; i < to; i++)
				sum += c->hrv.v[nc->hrv_keys[i].i].value;
			qsort(nc->hrv_keys + from, to - from, sizeof(*nc->hrv_keys), by_key);
			ss.hrv_ms = sum / (double)(to - from);
			ss.hrv_rmssd = 0;
		}
	}
	/* The morning's last resting heart rate in the file. */
	size_t r = lower_bound(nc->rhr_keys, c->rhr.n, ss.date + 1);
	if (r > 0 && nc->rhr_keys[r - 1].key == ss.date)
		ss.hr_low = c->rhr.v[nc->rhr_keys[r - 1].i].value;
	size_t before = nc->counts.written + nc->counts.updated + nc->counts.unchanged;
	int src = -1;
	for (size_t i = nc->n_src; i-- > 0 && src < 0;)
		if (nc->src_date[i] == ss.date)
			src = nc->src_of[i];
	/* A night of the source the person chose (--prefer) is their say: it
	 * replaces the stored one, shorter or not. */
	unsigned flags = nc->prefer >= 0 && src == nc->prefer ? SESSION_REPLACE : 0;
	if (session_store(&nc->nights, nc->profile_id, SOURCE_NAME, nc->since, &ss, flags, &nc->counts, nc->e) < 0)
		return -1;
	if (nc->counts.written + nc->counts.updated + nc->counts.unchanged > before && src >= 0)
		nc->s->nights_from[src]++;
	return 0;
}

/* Dietary magnesium per day: apps that sync each other write the same
 * meal twice, so each day takes the one source with the largest total,
 * never the sum across sources. `by_day` holds the indexes of one day's
 * samples in file order (so each source's total adds up in the order it
 * always did). */
static int store_dietary_day(struct intake_writer *w, long profile_id, const struct collect *c, const size_t *by_day,
			     size_t n, long since, struct health_summary *s, struct mg_err *e)
{
	long day = c->mg.v[by_day[0]].day;
	if (since != MG_NO_DATE && day < since)
		return 0;
	double total[HEALTH_MAX_SOURCES] = {0}, best = 0;
	for (size_t k = 0; k < n; k++)
		total[c->mg_src[by_day[k]]] += c->mg.v[by_day[k]].value;
	for (size_t src = 0; src < s->n_sources; src++)
		best = fmax(best, total[src]);
	/* A day above any diet's magnesium is a unit or sync error, not food. */
	if (best > tables_threshold("import-dietary-day-max-mg", NULL) || day > mg_today()) {
		s->skipped_dietary_implausible++;
		return 0;
	}
	if (journal_intake_write(w, profile_id, day, SOURCE_NAME, best, e) < 0)
		return -1;
	s->intake_days++;
	return 0;
}

/* Every day's dietary magnesium through one prepared statement. The
 * samples are sorted by day once (a day's samples used to be found by a
 * pass over all of them per sample: ten years of meals took a second). */
static int store_dietary(sqlite3 *db, long profile_id, const struct collect *c, long since, struct health_summary *s,
			 struct mg_err *e)
{
	if (!c->mg.n)
		return 0;
	/* By day, and in file order within a day. */
	struct sample_key *k = sort_samples(&c->mg, 1);
	size_t *day = mg_malloc(c->mg.n * sizeof(*day));
	struct intake_writer w;
	int rc = journal_intake_writer_init(&w, db, e);
	for (size_t i = 0, j; i < c->mg.n && rc == 0; i = j) {
		for (j = i; j < c->mg.n && k[j].key == k[i].key; j++)
			day[j - i] = k[j].i;
		rc = store_dietary_day(&w, profile_id, c, day, j - i, since, s, e);
	}
	journal_intake_writer_release(&w);
	free(day);
	free(k);
	return rc;
}

int health_import_apple(sqlite3 *db, long profile_id, FILE *f, const struct health_options *o,
			struct health_summary *s, struct mg_err *e)
{
	memset(s, 0, sizeof(*s));
	struct collect c = {.s = s};
	if (ah_parse_progress(f, on_record, &c, o->progress, o->progress_ctx, &s->parse, e) < 0) {
		free(c.v);
		free(c.hrv.v);
		free(c.rhr.v);
		free(c.mg.v);
		free(c.mg_src);
		return -1;
	}
	if (c.n)
		qsort(c.v, c.n, sizeof(*c.v), by_night);
	int prefer = -1;
	for (size_t i = 0; o->prefer && i < s->n_sources; i++)
		if (strcmp(s->sources[i], o->prefer) == 0)
			prefer = (int)i;
	struct sessions l;
	sessions_init(&l);
	struct nights_ctx nc = {.profile_id = profile_id, .since = o->since, .c = &c, .s = s, .e = e, .prefer = prefer,
				.hrv_keys = sort_samples(&c.hrv, 0), .rhr_keys = sort_samples(&c.rhr, 1)};
	/* Prepared once here, used for every night sessions_nights gives. */
	int rc = journal_night_writer_init(&nc.nights, db, e);
	for (size_t i = 0; i < c.n && rc == 0;) {
		size_t j = i;
		while (j < c.n && c.v[j].night == c.v[i].night)
			j++;
		if (o->since != MG_NO_DATE && c.v[i].night < o->since) {
			s->skipped_before_since++;
			i = j;
			continue;
		}
		/* A night after today is a clock or export error: stored, it could
		 * be neither shown nor deleted. */
		if (c.v[i].night > mg_today()) {
			s->skipped_future++;
			i = j;
			continue;
		}
		/* Pick the source: the preferred one if it has sleep, else the
		 * one with the most minutes asleep. */
		size_t best_from = 0, best_to = 0;
		double best = -1;
		for (size_t a = i; a < j;) {
			size_t b = a;
			while (b < j && c.v[b].source == c.v[a].source)
				b++;
			double first, last;
			int pieces;
			double mins = asleep_union(c.v, a, b, &first, &last, &pieces);
			if (mins > 0 && (c.v[a].source == prefer ? 1e9 : mins) > best) {
				best = c.v[a].source == prefer ? 1e9 : mins;
				best_from = a;
				best_to = b;
			}
			a = b;
		}
		if (best < 0) {
			s->skipped_no_sleep++;
			i = j;
			continue;
		}
		/* Time in bed: the chosen source's in-bed records, else any
		 * source's (an iPhone's, when the Watch is chosen). */
		int own = 0;
		for (size_t k = best_from; k < best_to && !own; k++)
			own = c.v[k].kind == SEG_INBED;
		for (size_t k = own ? best_from : i; k < (own ? best_to : j); k++)
			if (c.v[k].kind == SEG_INBED)
				sessions_add_inbed(&l, local_abs(c.v[k].start, c.v[k].offset),
						   local_abs(c.v[k].end, c.v[k].offset));
		add_sessions(c.v, best_from, best_to, &l, &nc);
		i = j;
	}
	if (rc == 0)
		rc = sessions_nights(&l, store_apple_night, &nc, &s->sessions);
	journal_night_writer_release(&nc.nights);
	s->nights_written = nc.counts.written;
	s->nights_updated = nc.counts.updated;
	s->nights_unchanged = nc.counts.unchanged;
	s->nights_kept_longer = nc.counts.kept_longer;
	s->skipped_inconsistent += nc.counts.inconsistent;
	s->skipped_future += nc.counts.future;
	s->skipped_before_since += nc.counts.before_since;
	sessions_release(&l);
	free(nc.src_date);
	free(nc.src_of);
	free(nc.hrv_keys);
	free(nc.rhr_keys);
	if (rc == 0)
		rc = store_dietary(db, profile_id, &c, o->since, s, e);
	free(c.v);
	free(c.hrv.v);
	free(c.rhr.v);
	free(c.mg.v);
	free(c.mg_src);
	return rc;
}
