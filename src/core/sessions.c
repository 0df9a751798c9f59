/*
 * Sleep sessions -> nights (see sessions.h for the rules and their order).
 * Everything is computed on local absolute minutes (day * 1440 + minute)
 * so that sessions on either side of midnight compare by plain
 * subtraction; a daylight-saving change inside a gap is off by an hour at
 * most, which no threshold here is fine enough to notice.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "core/sessions.h"
#include "core/tables.h"
#include "util/strbuf.h"
#include "util/banned.h"

enum { LIVE, NAP, MERGED, TOO_SHORT, SHORTER, OVERLAPPING, BAD };

void sessions_init(struct sessions *l)
{
	memset(l, 0, sizeof(*l));
}

void sessions_release(struct sessions *l)
{
	free(l->v);
	free(l->inbed);
	sessions_init(l);
}

int sessions_span(const struct sleep_session *s, long *start, long *wake, long *end)
{
	if (s->bed < 0 || s->up < 0 || s->bed >= 1440 || s->up >= 1440)
		return -1;
	long up_day = s->date - (s->up >= 18 * 60 ? 1 : 0);
	*end = up_day * 1440 + s->up;
	*start = *end - ((s->up - s->bed + 1440) % 1440);
	int w = s->wake >= 0 && s->wake < 1440 ? s->wake : s->up;
	*wake = *end - ((s->up - w + 1440) % 1440);
	if (*wake < *start)
		*wake = *end;   /* a final wake before bed is a misread: out of bed it is */
	return 0;
}

void sessions_add(struct sessions *l, const struct sleep_session *s)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = mg_realloc(l->v, l->cap * sizeof(*l->v));
	}
	struct sessions_item *it = &l->v[l->n++];
	memset(it, 0, sizeof(*it));
	it->s = *s;
	if (sessions_span(s, &it->start, &it->wake, &it->end) < 0) {
		it->state = BAD;
		return;
	}
	double sol = isnan(s->sol_min) || s->sol_min < 0 ? 0 : s->sol_min;
	it->onset = it->start + lround(sol);
	if (it->onset > it->wake)
		it->onset = it->wake;
}

void sessions_add_inbed(struct sessions *l, long start, long end)
{
	if (end <= start)
		return;
	if (l->n_inbed == l->cap_inbed) {
		l->cap_inbed = l->cap_inbed ? l->cap_inbed * 2 : 64;
		l->inbed = mg_realloc(l->inbed, l->cap_inbed * sizeof(*l->inbed));
	}
	l->inbed[l->n_inbed][0] = start;
	l->inbed[l->n_inbed++][1] = end;
}

/* The sleep period, onset to final wake, in minutes. */
static long period(const struct sessions_item *it)
{
	return it->wake - it->onset;
}

/* Minutes since 18:00, the hour the night's date changes: wake times sort
 * and average without wrapping around midnight. */
static int from_evening(long minute_of_day)
{
	return (int)((minute_of_day + 6 * 60) % 1440);
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* The median final wake of the full-length sessions, as a local minute;
 * the ones the device calls naps say nothing about the person's mornings. */
static int usual_wake(const struct sessions *l, long min_night)
{
	int *w = mg_malloc((l->n ? l->n : 1) * sizeof(int));
	size_t k = 0;
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].state == LIVE && !l->v[i].s.device_nap && period(&l->v[i]) >= min_night)
			w[k++] = from_evening(((l->v[i].wake % 1440) + 1440) % 1440);
	int usual = (int)tables_threshold("import-usual-wake-default", NULL);
	if (k) {
		qsort(w, k, sizeof(int), cmp_int);
		usual = (w[(k - 1) / 2] + 18 * 60) % 1440;   /* the lower middle: an odd day never sets it */
	}
	free(w);
	return usual;
}

static int by_start(const void *a, const void *b)
{
	const struct sessions_item *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return (x->end > y->end) - (x->end < y->end);   /* the longer first */
}

static double add_known(double a, double b)
{
	return isnan(a) || isnan(b) ? NAN : a + b;
}

/* Folds `next` into the night `n` (whose span is *it, its longest part
 * `*longest` minutes): the gap between them is awake time and one
 * awakening. */
static void fold(struct sessions_item *it, struct sleep_session *n, long *longest, const struct sessions_item *next)
{
	const struct sleep_session *b = &next->s;
	long gap = next->start - it->end;
	int aw_a = n->awakenings, aw_b = b->awakenings;
	n->awakenings = (aw_a < 0 && aw_b < 0 ? 0 : (aw_a > 0 ? aw_a : 0) + (aw_b > 0 ? aw_b : 0)) + (gap > 0);
	double tst_a = n->tst_min, tst_b = b->tst_min;
	n->tst_min = add_known(tst_a, tst_b);
	n->deep_min = add_known(n->deep_min, b->deep_min);
	n->light_min = add_known(n->light_min, b->light_min);
	n->rem_min = add_known(n->rem_min, b->rem_min);
	/* HRV: the mean over the parts of one kind, weighted by their sleep. */
	if (isnan(n->hrv_ms)) {
		n->hrv_ms = b->hrv_ms;
		n->hrv_rmssd = b->hrv_rmssd;
	} else if (!isnan(b->hrv_ms) && b->hrv_rmssd == n->hrv_rmssd && tst_a + tst_b > 0) {
		n->hrv_ms = (n->hrv_ms * tst_a + b->hrv_ms * tst_b) / (tst_a + tst_b);
	}
	if (isnan(n->hr_low) || (!isnan(b->hr_low) && b->hr_low < n->hr_low))
		n->hr_low = b->hr_low;
	/* The rating the person gave the longer part speaks for the night. */
	if (b->quality >= 0 && (n->quality < 0 || period(next) > *longest))
		n->quality = b->quality;
	if (period(next) > *longest)
		*longest = period(next);
	n->date = b->date;
	n->up = b->up;
	n->wake = b->wake >= 0 ? b->wake : b->up;
	it->wake = next->wake;
	it->end = next->end;
}

/* Awake after onset, whatever of onset..final wake is not sleep. */
static void settle_waso(const struct sessions_item *it, struct sleep_session *n)
{
	if (!isnan(n->tst_min))
		n->waso_min = fmax(0, (double)(it->wake - it->onset) - n->tst_min);
}

/* Widens bed and out-of-bed time to the in-bed records that overlap the
 * night; latency grows by what bed time moved. */
static void widen_to_inbed(const struct sessions *l, struct sessions_item *it, struct sleep_session *n)
{
	long start = it->start, end = it->end;
	for (size_t i = 0; i < l->n_inbed; i++) {
		long a = l->inbed[i][0], b = l->inbed[i][1];
		if (b <= it->start || a >= it->end)
			continue;
		if (a < start)
			start = a;
		if (b > end)
			end = b;
	}
	if (start < it->start) {
		n->sol_min = (isnan(n->sol_min) ? 0 : n->sol_min) + (double)(it->start - start);
		n->bed = (int)(((start % 1440) + 1440) % 1440);
		it->start = start;
	}
	if (end > it->end) {
		if (n->wake < 0)
			n->wake = n->up;
		n->up = (int)(((end % 1440) + 1440) % 1440);
		it->end = end;
	}
}

struct night_out {
	struct sleep_session n;
	struct sessions_item span;
	size_t parts;
	size_t main_parts;   /* parts the device does not call naps */
	long longest;     /* minutes, of its longest part */
};

static int by_date(const void *a, const void *b)
{
	const struct night_out *x = a, *y = b;
	if (x->n.date != y->n.date)
		return x->n.date < y->n.date ? -1 : 1;
	long px = period(&x->span), py = period(&y->span);
	if (px != py)
		return px > py ? -1 : 1;   /* the longest first */
	return (x->span.start > y->span.start) - (x->span.start < y->span.start);
}

int sessions_nights(struct sessions *l, int (*cb)(const struct sleep_session *night, void *ctx), void *ctx,
		    struct sessions_summary *sum)
{
	memset(sum, 0, sizeof(*sum));
	sum->sessions = l->n;
	long min_night = lround(tables_threshold("import-min-night-min", NULL));
	long gap_max = lround(tables_threshold("import-merge-gap-min", NULL));
	int after_wake = (int)lround(tables_threshold("import-nap-after-wake-min", NULL));
	int before_wake = (int)lround(tables_threshold("import-nap-before-wake-min", NULL));
	long min_session = lround(tables_threshold("import-min-session-min", NULL));
	long max_night = lround(tables_threshold("import-max-night-min", NULL));
	sum->usual_wake = usual_wake(l, min_night);

	/* 0. A tracking test (started and stopped) is no part of any sleep. */
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].state == LIVE && period(&l->v[i]) < min_session)
			l->v[i].state = TOO_SHORT;

	/* 1. Naps: short (or called a nap by the device), and ending in the
	 * person's day. */
	for (size_t i = 0; i < l->n; i++) {
		struct sessions_item *it = &l->v[i];
		if (it->state != LIVE || (period(it) >= min_night && !it->s.device_nap))
			continue;
		int since_wake = (int)((((it->wake % 1440) + 1440) % 1440 - sum->usual_wake + 1440) % 1440);
		if (since_wake >= after_wake && since_wake < 1440 - before_wake)
			it->state = NAP;
	}

	/* 2. Merge the parts of one sleep period. */
	if (l->n)
		qsort(l->v, l->n, sizeof(*l->v), by_start);
	struct night_out *out = mg_malloc((l->n ? l->n : 1) * sizeof(*out));
	size_t n_out = 0;
	for (size_t i = 0; i < l->n; i++) {
		struct sessions_item *it = &l->v[i];
		if (it->state != LIVE)
			continue;
		struct night_out *cur = n_out ? &out[n_out - 1] : NULL;
		if (cur && it->start < cur->span.end) {
			/* The same sleep written twice, or a part inside another:
			 * the longer one stands, the shorter never replaces it. */
			if (period(it) > period(&cur->span) && cur->parts == 1) {
				cur->n = it->s;
				cur->span = *it;
				cur->longest = period(it);
			}
			if (!it->s.device_nap && cur->main_parts == 0)
				cur->main_parts = 1;   /* written twice, once as the main sleep */
			it->state = OVERLAPPING;
			continue;
		}
		/* A part joins when the gap is short and the night stays a night:
		 * tracking left running all morning is not more of it. */
		if (cur && it->start - cur->span.end <= gap_max && it->wake - cur->span.onset <= max_night) {
			fold(&cur->span, &cur->n, &cur->longest, it);
			cur->parts++;
			cur->main_parts += !it->s.device_nap;
			it->state = MERGED;
			continue;
		}
		out[n_out].n = it->s;
		out[n_out].span = *it;
		out[n_out].parts = 1;
		out[n_out].main_parts = !it->s.device_nap;
		out[n_out].longest = period(it);
		n_out++;
	}

	/* 3 and 4: long enough, and the longest of its morning. */
	for (size_t i = 0; i < n_out; i++)
		settle_waso(&out[i].span, &out[i].n);
	if (n_out)
		qsort(out, n_out, sizeof(*out), by_date);
	int rc = 0;
	long last_date = 0;
	int any = 0;
	for (size_t i = 0; i < n_out && rc >= 0; i++) {
		struct night_out *o = &out[i];
		/* What the device calls a nap stays one unless it joined a sleep
		 * the device does not: then it was part of the night. */
		if (o->main_parts == 0) {
			sum->naps += o->parts;
			continue;
		}
		if (period(&o->span) < min_night) {
			sum->too_short += o->parts;
			continue;
		}
		if (any && last_date == o->n.date) {
			sum->shorter += o->parts;
			continue;
		}
		any = 1;
		last_date = o->n.date;
		if (o->n.wake < 0)
			o->n.wake = o->n.up;   /* the final wake is then out of bed: say so */
		widen_to_inbed(l, &o->span, &o->n);
		sum->nights++;
		sum->merged += o->parts - 1;
		rc = cb(&o->n, ctx);
	}
	for (size_t i = 0; i < l->n; i++) {
		sum->too_short += l->v[i].state == TOO_SHORT;
		sum->naps += l->v[i].state == NAP;
		sum->overlapping += l->v[i].state == OVERLAPPING;
		sum->bad += l->v[i].state == BAD;
	}
	free(out);
	return rc < 0 ? rc : 0;
}
