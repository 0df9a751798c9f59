/*
 * The nightly log's fields and derived figures (see night.h). Each field's
 * kind and range come from data/night-fields.tsv; the table below only
 * says where in struct night a field lives.
 */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "core/night.h"
#include "core/tables.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/text.h"
#include "util/banned.h"

struct slot {
	const char *name;
	size_t offset;    /* of an int in struct night; 0 for the special fields */
};

#define INT_FIELD(name, member) {name, offsetof(struct night, member)}
static const struct slot slots[] = {
	INT_FIELD("bed", bed), INT_FIELD("tried", tried), INT_FIELD("sol", sol),
	INT_FIELD("awakenings", awakenings), INT_FIELD("waso", waso), INT_FIELD("wake", wake),
	INT_FIELD("up", up), INT_FIELD("quality", quality), INT_FIELD("rested", rested),
	INT_FIELD("rls", rls), INT_FIELD("tightness", tightness), INT_FIELD("stress", stress),
	INT_FIELD("mood", mood), INT_FIELD("energy", energy), INT_FIELD("cramps", cramps),
	INT_FIELD("bristol", bristol), INT_FIELD("red-flag", red_flags),
	INT_FIELD("caffeine-after-noon", caffeine_after_noon), INT_FIELD("alcohol", alcohol),
	INT_FIELD("training", training), INT_FIELD("headache", headache), INT_FIELD("note", note),
	INT_FIELD("deep", deep), INT_FIELD("light", light), INT_FIELD("rem", rem), INT_FIELD("hrv", hrv),
	INT_FIELD("hrv-kind", hrv_kind), INT_FIELD("hr-low", hr_low),
};
#define N_SLOTS (sizeof(slots) / sizeof(slots[0]))

static const char *const red_flag_names[] = {"diarrhoea", "dizziness", "palpitations"};
static const char *const training_values[] = {"none", "light", "hard"};
/* HRV kinds by their enum value (index 0 unused): SDNN (Apple) and RMSSD
 * (Fitbit, Oura) are different measures and never compared. */
static const char *const hrv_kinds[] = {"", "sdnn", "rmssd"};

void night_init(struct night *n, long date)
{
	memset(n, 0, sizeof(*n));
	n->date = date;
	mg_strlcpy(n->source, "manual", sizeof(n->source));
	for (size_t i = 0; i < N_SLOTS; i++) {
		const char *k = slots[i].name;
		if (strcmp(k, "red-flag") && strcmp(k, "training") && strcmp(k, "note"))
			*(int *)((char *)n + slots[i].offset) = -1;
	}
}

const char *const *night_field_names(size_t *n)
{
	static const char *names[N_SLOTS];
	for (size_t i = 0; i < N_SLOTS; i++)
		names[i] = slots[i].name;
	*n = N_SLOTS;
	return names;
}

const char *night_red_flag_name(unsigned bit)
{
	for (unsigned i = 0; i < 3; i++)
		if (bit == 1u << i)
			return red_flag_names[i];
	return "";
}

static const struct slot *find_slot(const char *field)
{
	for (size_t i = 0; i < N_SLOTS; i++)
		if (strcmp(slots[i].name, field) == 0)
			return &slots[i];
	return NULL;
}

int night_set(struct night *n, const char *field, const char *value, struct mg_err *e)
{
	const struct slot *s = find_slot(field);
	const struct mg_table *t = tables_get("night-fields.tsv");
	long r = table_find(t, "field", field);
	if (!s || r < 0)
		return mg_err_set(e, MG_EUSAGE, "unknown night field \"%s\"", field);
	const char *kind = table_cell(t, (size_t)r, "kind");
	long min = 0, max = 0;
	mg_parse_long(table_cell(t, (size_t)r, "min"), 0, 100000, &min);
	mg_parse_long(table_cell(t, (size_t)r, "max"), 0, 100000, &max);
	void *at = (char *)n + s->offset;
	if (strcmp(field, "red-flag") == 0) {
		if (!*value)
			return 0;
		for (unsigned i = 0; i < 3; i++)
			if (strcmp(value, red_flag_names[i]) == 0) {
				n->red_flags |= 1u << i;
				return 0;
			}
		return mg_err_set(e, MG_EDATA, "%s \"%s\" must be diarrhoea, dizziness or palpitations", field, value);
	}
	if (strcmp(field, "training") == 0) {
		if (!*value) {
			n->training[0] = '\0';
			return 0;
		}
		for (unsigned i = 0; i < 3; i++)
			if (strcmp(value, training_values[i]) == 0) {
				mg_strlcpy(n->training, value, sizeof(n->training));
				return 0;
			}
		return mg_err_set(e, MG_EDATA, "%s \"%s\" must be none, light or hard", field, value);
	}
	if (strcmp(field, "hrv-kind") == 0) {
		if (!*value) {
			n->hrv_kind = -1;
			return 0;
		}
		for (int i = 1; i <= 2; i++)
			if (strcmp(value, hrv_kinds[i]) == 0) {
				n->hrv_kind = i;
				return 0;
			}
		return mg_err_set(e, MG_EDATA, "%s \"%s\" must be sdnn or rmssd", field, value);
	}
	if (strcmp(kind, "text") == 0) {
		/* Characters, not bytes: 500 letters of Greek or emoji are a
		 * 500-character note. NUL, control bytes but tab and newline, and
		 * text that is not UTF-8 are refused. */
		size_t chars = 0, bytes = strlen(value);
		if (!mg_utf8_valid(value, bytes))
			return mg_err_set(e, MG_EDATA, "%s is not UTF-8 text", field);
		for (const unsigned char *c = (const unsigned char *)value; *c; c++) {
			chars += (*c & 0xc0) != 0x80;
			if ((*c < 0x20 && *c != '\t' && *c != '\n') || *c == 0x7f)
				return mg_err_set(e, MG_EDATA, "%s holds a control character", field);
		}
		if (chars > (size_t)max || bytes >= sizeof(n->note))
			return mg_err_set(e, MG_EDATA, "%s is longer than %ld characters", field, max);
		mg_strlcpy(n->note, value, sizeof(n->note));
		return 0;
	}
	int *slot = at;
	if (!*value) {
		*slot = -1;
		return 0;
	}
	if (strcmp(kind, "time") == 0) {
		if (mg_parse_hhmm(value, slot) < 0)
			return mg_err_set(e, MG_EDATA, "%s \"%s\" is not a time (HH:MM)", field, value);
		return 0;
	}
	if (strcmp(kind, "flag") == 0) {
		if (!strcmp(value, "1") || !strcmp(value, "yes") || !strcmp(value, "true"))
			*slot = 1;
		else if (!strcmp(value, "0") || !strcmp(value, "no") || !strcmp(value, "false"))
			*slot = 0;
		else
			return mg_err_set(e, MG_EDATA, "%s \"%s\" must be yes or no", field, value);
		return 0;
	}
	long v;
	if (mg_parse_long(value, min, max, &v) < 0)
		return mg_err_set(e, MG_EDATA, "%s \"%s\" must be a whole number from %ld to %ld", field, value, min, max);
	*slot = (int)v;
	return 0;
}

void night_get(const struct night *n, const char *name, char *buf, size_t len)
{
	const struct slot *s = find_slot(name);
	buf[0] = '\0';
	if (!s)
		return;
	if (strcmp(name, "red-flag") == 0) {
		struct strbuf sb;
		strbuf_init(&sb);
		for (unsigned i = 0; i < 3; i++)
			if (n->red_flags & (1u << i))
				strbuf_addf(&sb, "%s%s", sb.len ? ";" : "", red_flag_names[i]);
		mg_strlcpy(buf, strbuf_str(&sb), len);
		strbuf_release(&sb);
		return;
	}
	if (strcmp(name, "training") == 0) {
		mg_strlcpy(buf, n->training, len);
		return;
	}
	if (strcmp(name, "note") == 0) {
		mg_strlcpy(buf, n->note, len);
		return;
	}
	int v = *(const int *)((const char *)n + s->offset);
	if (v < 0)
		return;
	if (strcmp(name, "hrv-kind") == 0) {
		mg_strlcpy(buf, v >= 1 && v <= 2 ? hrv_kinds[v] : "", len);
		return;
	}
	const struct mg_table *t = tables_get("night-fields.tsv");
	const char *kind = table_cell(t, (size_t)table_find(t, "field", name), "kind");
	if (strcmp(kind, "time") == 0)
		mg_format_hhmm(v, buf, len);
	else if (strcmp(kind, "flag") == 0)
		mg_strlcpy(buf, v ? "yes" : "no", len);
	else
		snprintf(buf, len, "%d", v);
}

void night_merge(struct night *dst, const struct night *src)
{
	for (size_t i = 0; i < N_SLOTS; i++) {
		const char *k = slots[i].name;
		if (!strcmp(k, "red-flag") || !strcmp(k, "training") || !strcmp(k, "note"))
			continue;
		int v = *(const int *)((const char *)src + slots[i].offset);
		if (v >= 0)
			*(int *)((char *)dst + slots[i].offset) = v;
	}
	dst->red_flags |= src->red_flags;
	if (src->training[0])
		mg_strlcpy(dst->training, src->training, sizeof(dst->training));
	if (src->note[0])
		mg_strlcpy(dst->note, src->note, sizeof(dst->note));
}

int night_equal(const struct night *a, const struct night *b)
{
	for (size_t i = 0; i < N_SLOTS; i++) {
		char x[512], y[512];
		night_get(a, slots[i].name, x, sizeof(x));
		night_get(b, slots[i].name, y, sizeof(y));
		if (strcmp(x, y) != 0)
			return 0;
	}
	return a->date == b->date;
}

int night_has_data(const struct night *n)
{
	struct night empty;
	night_init(&empty, n->date);
	mg_strlcpy(empty.source, n->source, sizeof(empty.source));
	return memcmp(&empty, n, sizeof(empty)) != 0;
}

/* Seconds since the epoch of local clock time `minute` on day `date`, in
 * the process's time zone (TZ), so a night across a daylight-saving
 * change has its real length. */
static double local_seconds(long date, int minute)
{
	int y, m, d;
	mg_civil_from_days(date, &y, &m, &d);
	struct tm tm;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = minute / 60;
	tm.tm_min = minute % 60;
	tm.tm_isdst = -1;
	return (double)mktime(&tm);
}

/* Every number within its row of night-fields.tsv, however it arrived:
 * typed, from the web or from a wearable's export (a 30-day record once
 * gave one night 43,680 minutes of light sleep). */
static int check_ranges(const struct night *n, struct mg_err *e)
{
	const struct mg_table *t = tables_get("night-fields.tsv");
	for (size_t r = 0; r < t->nrows; r++) {
		const char *kind = table_cell(t, r, "kind");
		if (strcmp(kind, "minutes") && strcmp(kind, "count") && strcmp(kind, "rating") && strcmp(kind, "flag"))
			continue;
		const char *field = table_cell(t, r, "field");
		const struct slot *sl = find_slot(field);
		long lo, hi;
		if (!sl || mg_parse_long(table_cell(t, r, "min"), -100000, 100000, &lo) < 0 ||
		    mg_parse_long(table_cell(t, r, "max"), -100000, 100000, &hi) < 0)
			continue;
		int v = *(const int *)((const char *)n + sl->offset);
		if (v >= 0 && (v < lo || v > hi))
			return mg_err_set(e, MG_EDATA, "%s %d is out of range (%ld to %ld)", field, v, lo, hi);
	}
	return 0;
}

int night_derive(const struct night *n, struct night_derived *d, struct mg_err *e)
{
	d->tib_min = d->tst_min = d->se_pct = NAN;
	if (check_ranges(n, e) < 0)
		return -1;
	/* The clock times in diary order; the last one given is on the
	 * morning's date, and each earlier one is the latest time at or
	 * before the next (the day before when its clock reads later). */
	int clock[4] = {n->bed, n->tried, n->wake, n->up};
	double at[4];
	long day = n->date;
	int next = -1;
	for (int i = 3; i >= 0; i--) {
		if (clock[i] < 0) {
			at[i] = NAN;
			continue;
		}
		if (next >= 0 && clock[i] > next)
			day--;
		at[i] = local_seconds(day, clock[i]);
		next = clock[i];
	}
	double first = NAN, last = NAN;
	for (int i = 0; i < 4; i++)
		if (!isnan(at[i])) {
			if (isnan(first))
				first = at[i];
			last = at[i];
		}
	double max_span = tables_threshold("night-max-span-min", NULL);
	if (!isnan(first) && (last - first) / 60 > max_span)
		return mg_err_set(e, MG_EDATA, "bed, wake and up times span %.0f h: not one night (check the times)",
				  (last - first) / 3600);
	if (!isnan(at[0]) && !isnan(at[3]))
		d->tib_min = (at[3] - at[0]) / 60;
	/* Without a "tried to sleep" time the time into bed stands in for it. */
	double start = !isnan(at[1]) ? at[1] : at[0];
	if (!isnan(start) && !isnan(at[2]) && n->sol >= 0) {
		double tst = (at[2] - start) / 60 - n->sol - (n->waso >= 0 ? n->waso : 0);
		if (tst < 0)
			return mg_err_set(e, MG_EDATA, "sol and waso (%d + %d min) are longer than the night", n->sol,
					  n->waso >= 0 ? n->waso : 0);
		d->tst_min = tst;
	}
	/* Without a final awakening, time asleep still cannot be longer than
	 * the time from going to sleep to getting up. */
	if (isnan(at[2]) && !isnan(start) && !isnan(at[3]) && n->sol >= 0 &&
	    n->sol + (n->waso >= 0 ? n->waso : 0) > (at[3] - start) / 60)
		return mg_err_set(e, MG_EDATA, "sol and waso (%d + %d min) are longer than the time in bed", n->sol,
				  n->waso >= 0 ? n->waso : 0);
	if (!isnan(d->tst_min) && !isnan(d->tib_min) && d->tib_min > 0)
		d->se_pct = 100.0 * d->tst_min / d->tib_min;
	return 0;
}
