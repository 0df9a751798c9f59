/*
 * One night of the nightly log (PRODUCT.md section 2): the Consensus Sleep
 * Diary core items plus the project's ratings, stool form, red flags and
 * context. The date is the morning the night ended. Every field but the
 * date is optional ("not recorded" is -1, or "" for text).
 *
 * night_set parses one field from text (CLI flags and, later, the diary
 * CSV use it), with the ranges of data/night-fields.tsv. night_derive
 * works out time in bed, total sleep and sleep efficiency on the real
 * clock, across midnight and daylight-saving changes.
 */
#ifndef MG_NIGHT_H
#define MG_NIGHT_H

#include "util/err.h"

enum night_red_flag { RED_DIARRHOEA = 1, RED_DIZZINESS = 2, RED_PALPITATIONS = 4 };

struct night {
	long date;                   /* days since 1970-01-01: the morning */
	char source[32];             /* "manual" or the import it came from */
	int bed, tried, wake, up;    /* minutes after midnight, -1 */
	int sol, waso, awakenings;   /* minutes, minutes, count; -1 */
	int quality;                 /* 1-5, -1 */
	int rested, rls, tightness, stress, mood, energy;   /* 0-10, -1 */
	int cramps, bristol, alcohol;                       /* -1 */
	int caffeine_after_noon, headache;                  /* 0/1, -1 */
	char training[8];            /* none, light, hard, or "" */
	unsigned red_flags;          /* enum night_red_flag bits */
	char note[2048];      /* up to 500 characters of UTF-8 (4 bytes each at most) */
	/* Filled by wearable imports (no `night` flag sets them). */
	int deep, light, rem;        /* stage minutes, -1 */
	int hrv, hrv_kind;           /* ms; kind NIGHT_HRV_SDNN or NIGHT_HRV_RMSSD (never mixed); -1 */
	int hr_low;                  /* lowest or resting heart rate, bpm; -1 */
};

enum { NIGHT_HRV_SDNN = 1, NIGHT_HRV_RMSSD = 2 };

struct night_derived {
	double tib_min, tst_min, se_pct;   /* NAN when the items are missing */
};

void night_init(struct night *n, long date);

/* Sets `field` (a flag name without dashes, e.g. "sol", "red-flag") from
 * text. An empty value clears the field (red-flag: adds nothing).
 * MG_EUSAGE for an unknown field, MG_EDATA naming field and value for a
 * bad or out-of-range value. */
int night_set(struct night *n, const char *field, const char *value, struct mg_err *e);

/* Copies every field recorded in src over dst (red flags are added). */
void night_merge(struct night *dst, const struct night *src);

/* Whether two nights hold the same date and fields (sources aside). */
int night_equal(const struct night *a, const struct night *b);

/* Whether any field besides date and source is recorded. */
int night_has_data(const struct night *n);

/* Derived sleep figures; MG_EDATA when the times do not make a night
 * (more than 20 h in bed, or SOL + WASO longer than the sleep period). */
int night_derive(const struct night *n, struct night_derived *d, struct mg_err *e);

/* Field names in the order of the diary, for prompts and the CSV header;
 * *n gets the count. */
const char *const *night_field_names(size_t *n);

/* The red flag names for the bits, "diarrhoea" etc. */
const char *night_red_flag_name(unsigned bit);

/* Reads field `name` of n back as text into buf ("" when not recorded;
 * red-flag gives "a;b"). */
void night_get(const struct night *n, const char *name, char *buf, size_t len);

#endif
