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
	s->v[s->n++] = (struct sample){r->end.utc, r->start.day, r->number};
}

static enum seg_kind sleep_kind(const char *value, int *known)
{
	*known = 1;
	if (strcmp(value, "HKCategoryValueSleepAnalysisInBed") == 0 || strcmp(value, "0") == 0)
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

static int local_minute(double utc, int offset)
{
	double local = utc + offset * 60.0;
	long secs = (long)floor(local);
	long m = ((secs % 86400) + 86400) % 86400;
	return (int)(m / 60);
}

/* Stage minutes, HRV (SDNN) measured between into bed and out of bed, and
 * the resting heart rate of the morning's date. */
static void extras(const struct segment *g, size_t from, size_t to, const struct collect *c, double bed, double up,
		   struct night *n)
{
	double mins[3] = {0, 0, 0};
	int any = 0;
	for (size_t i = from; i < to; i++) {
		int k = g[i].stage == 'd' ? 0 : g[i].stage == 'c' ? 1 : g[i].stage == 'r' ? 2 : -1;
		if (k >= 0) {
			mins[k] += (g[i].end - g[i].start) / 60;
			any = 1;
		}
	}
	if (any) {
		n->deep = (int)lround(mins[0]);
		n->light = (int)lround(mins[1]);
		n->rem = (int)lround(mins[2]);
	}
	double sum = 0;
	int cnt = 0;
	for (size_t i = 0; i < c->hrv.n; i++)
		if (c->hrv.v[i].utc >= bed && c->hrv.v[i].utc <= up) {
			sum += c->hrv.v[i].value;
			cnt++;
		}
	if (cnt && sum / cnt >= 1 && sum / cnt <= 300) {
		n->hrv = (int)lround(sum / cnt);
		n->hrv_kind = NIGHT_HRV_SDNN;
	}
	for (size_t i = 0; i < c->rhr.n; i++)
		if (c->rhr.v[i].day == n->date && c->rhr.v[i].value >= 20 && c->rhr.v[i].value <= 250)
			n->hr_low = (int)lround(c->rhr.v[i].value);
}

/* Builds the night from source segments [from, to) of one night. */
static int build_night(const struct segment *g, size_t from, size_t to, const struct collect *c, struct night *n,
		       struct mg_err *e)
{
	double onset, final;
	int pieces;
	double asleep = asleep_union(g, from, to, &onset, &final, &pieces);
	if (isnan(onset))
		return 1;
	double bed = onset, up = final;
	int awake_segments = 0, offset = g[to - 1].offset;
	for (size_t i = from; i < to; i++) {
		if (g[i].kind == SEG_INBED) {
			bed = fmin(bed, g[i].start);
			up = fmax(up, g[i].end);
		} else if (g[i].kind == SEG_AWAKE && g[i].start >= onset && g[i].end <= final) {
			awake_segments++;
		}
	}
	night_init(n, g[from].night);
	mg_strlcpy(n->source, SOURCE_NAME, sizeof(n->source));
	n->bed = local_minute(bed, offset);
	n->tried = n->bed;
	n->sol = (int)lround((onset - bed) / 60);
	n->wake = local_minute(final, offset);
	n->up = local_minute(up, offset);
	n->waso = (int)lround((final - onset) / 60 - asleep);
	n->awakenings = awake_segments ? awake_segments : pieces - 1;
	extras(g, from, to, c, bed, up, n);
	struct night_derived d;
	return night_derive(n, &d, e) < 0 ? -1 : 0;
}


/* Dietary magnesium per day: apps that sync each other write the same
 * meal twice, so each day takes the one source with the largest total,
 * never the sum across sources. */
static int store_dietary(sqlite3 *db, long profile_id, const struct collect *c, long since, struct health_summary *s,
			 struct mg_err *e)
{
	for (size_t i = 0; i < c->mg.n; i++) {
		long day = c->mg.v[i].day;
		int seen_before = 0;
		for (size_t k = 0; k < i && !seen_before; k++)
			seen_before = c->mg.v[k].day == day;
		if (seen_before || (since != MG_NO_DATE && day < since))
			continue;
		double best = 0;
		for (int src = 0; src < (int)s->n_sources; src++) {
			double total = 0;
			for (size_t k = i; k < c->mg.n; k++)
				if (c->mg.v[k].day == day && c->mg_src[k] == src)
					total += c->mg.v[k].value;
			best = fmax(best, total);
		}
		/* A day above any diet's magnesium is a unit or sync error, not food. */
		if (best > tables_threshold("import-dietary-day-max-mg", NULL) || day > mg_today()) {
			s->skipped_dietary_implausible++;
			continue;
		}
		if (journal_imported_intake_put(db, profile_id, day, SOURCE_NAME, best, e) < 0)
			return -1;
		s->intake_days++;
	}
	return 0;
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
	int rc = 0;
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
		struct night n;
		struct mg_err ne = {0};
		if (build_night(c.v, best_from, best_to, &c, &n, &ne) != 0) {
			s->skipped_inconsistent++;
			i = j;
			continue;
		}
		s->nights_from[c.v[best_from].source]++;
		int how = journal_night_store(db, profile_id, &n, e);
		if (how < 0)
			rc = -1;
		else if (how == NIGHT_UNCHANGED)
			s->nights_unchanged++;
		else if (how == NIGHT_UPDATED)
			s->nights_updated++;
		else
			s->nights_written++;
		i = j;
	}
	if (rc == 0)
		rc = store_dietary(db, profile_id, &c, o->since, s, e);
	free(c.v);
	free(c.hrv.v);
	free(c.rhr.v);
	free(c.mg.v);
	free(c.mg_src);
	return rc;
}
