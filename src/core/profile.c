/*
 * Profile validation; see profile.h.
 */
#include <ctype.h>
#include <strings.h>
#include <string.h>
#include "core/profile.h"
#include "core/tables.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

void profile_defaults(struct profile *p, const char *name)
{
	memset(p, 0, sizeof(*p));
	mg_strlcpy(p->name, name, sizeof(p->name));
	p->born = MG_NO_DATE;
	p->age_years = -1;
	p->age_on = MG_NO_DATE;
	mg_strlcpy(p->training, "none", sizeof(p->training));
	mg_strlcpy(p->region, "us", sizeof(p->region));
	p->wake = p->bed = -1;
	p->n_train = 0;
	mg_strlcpy(p->food_source, "log", sizeof(p->food_source));
	mg_strlcpy(p->diet, "omnivore", sizeof(p->diet));
}

int profile_age_months(const struct profile *p, long on)
{
	if (p->born != MG_NO_DATE)
		return mg_age_months(p->born, on);
	if (p->age_years < 0)
		return -1;
	/* Only the age on age_on is known: assume the birthday was that day,
	 * which is right to within a year and never makes anyone older. */
	int extra = p->age_on != MG_NO_DATE && on > p->age_on ? mg_age_months(p->age_on, on) : 0;
	return p->age_years * 12 + extra;
}

static int in_table(const char *table, const char *col, const char *value)
{
	return table_find(tables_get(table), col, value) >= 0;
}

static void table_values(const char *table, const char *col, struct strbuf *sb)
{
	table_list_values(tables_get(table), col, sb);
}

int profile_set_goal_list(struct profile *p, const char *csv, struct mg_err *e)
{
	const char *s = csv;
	while (*s) {
		const char *comma = strchr(s, ',');
		size_t len = comma ? (size_t)(comma - s) : strlen(s);
		char goal[32];
		if (len == 0 || len >= sizeof(goal))
			return mg_err_set(e, MG_EUSAGE, "bad --goal \"%s\"", csv);
		memcpy(goal, s, len);
		goal[len] = '\0';
		if (!in_table("goals.tsv", "goal", goal)) {
			struct strbuf sb;
			strbuf_init(&sb);
			table_values("goals.tsv", "goal", &sb);
			mg_err_set(e, MG_EUSAGE, "unknown --goal \"%s\" (known: %s)", goal, strbuf_str(&sb));
			strbuf_release(&sb);
			return -1;
		}
		int dup = 0;
		for (size_t i = 0; i < p->n_goals; i++)
			dup |= strcmp(p->goals[i], goal) == 0;
		if (!dup) {
			if (p->n_goals == PROFILE_MAX_LIST)
				return mg_err_set(e, MG_EUSAGE, "too many --goal values");
			mg_strlcpy(p->goals[p->n_goals++], goal, sizeof(p->goals[0]));
		}
		s += len + (comma ? 1 : 0);
		if (comma && !*s)
			return mg_err_set(e, MG_EUSAGE, "bad --goal \"%s\"", csv);
	}
	return 0;
}

int profile_add_condition(struct profile *p, const char *name, struct mg_err *e)
{
	if (!in_table("conditions.tsv", "condition", name)) {
		struct strbuf sb;
		strbuf_init(&sb);
		table_values("conditions.tsv", "condition", &sb);
		mg_err_set(e, MG_EUSAGE, "unknown --condition \"%s\" (known: %s)", name, strbuf_str(&sb));
		strbuf_release(&sb);
		return -1;
	}
	for (size_t i = 0; i < p->n_conditions; i++)
		if (strcmp(p->conditions[i], name) == 0)
			return 0;
	if (p->n_conditions == PROFILE_MAX_LIST)
		return mg_err_set(e, MG_EUSAGE, "too many --condition values");
	mg_strlcpy(p->conditions[p->n_conditions++], name, sizeof(p->conditions[0]));
	return 0;
}

static const char *const weekday_names[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
static const char *const weekday_long[7] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
					    "sunday"};

int profile_parse_weekday(const char *spec)
{
	if (strncasecmp(spec, "weekly:", 7) != 0)
		return -1;
	for (int d = 0; d < 7; d++)
		if (strcasecmp(spec + 7, weekday_names[d]) == 0 || strcasecmp(spec + 7, weekday_long[d]) == 0)
			return d;
	return -1;
}

int profile_med_weekday(const struct profile_med *m)
{
	const char *slash = strchr(m->times, '/');
	return slash ? profile_parse_weekday(slash + 1) : -1;
}

const char *profile_weekday_name(int weekday)
{
	return weekday >= 0 && weekday < 7 ? weekday_long[weekday] : "";
}

int profile_set_train_times(struct profile *p, const char *csv, struct mg_err *e)
{
	const char *bad;
	size_t n;
	int t[PROFILE_MAX_TRAIN];
	if (mg_parse_hhmm_list(csv, t, PROFILE_MAX_TRAIN, &n, &bad) < 0) {
		if (!bad)
			return mg_err_set(e, MG_EUSAGE, "--train-at \"%s\" has more than %d times", csv, PROFILE_MAX_TRAIN);
		return mg_err_set(e, MG_EUSAGE, "--train-at \"%s\" is not HH:MM[,HH:MM...]", csv);
	}
	memcpy(p->train_at, t, n * sizeof(*t));
	p->n_train = n;
	return 0;
}

int profile_add_med(struct profile *p, const char *spec, struct mg_err *e)
{
	/* NAME@HH:MM[,HH:MM...][/weekly:DAY]: the medicine name is checked against the
	 * medicines table by the plan engine; here only its shape and times. */
	const char *at = strchr(spec, '@');
	if (!at || at == spec)
		return mg_err_set(e, MG_EUSAGE, "bad --med \"%s\" (expected NAME@HH:MM[,HH:MM][/weekly:DAY])", spec);
	size_t nlen = (size_t)(at - spec);
	struct profile_med m;
	memset(&m, 0, sizeof(m));
	if (nlen >= sizeof(m.name))
		return mg_err_set(e, MG_EUSAGE, "--med name \"%.*s\" is too long", (int)nlen, spec);
	for (size_t i = 0; i < nlen; i++) {
		unsigned char c = (unsigned char)spec[i];
		/* Combinations are typed with a slash or a plus ("amiloride/
		 * hydrochlorothiazide"), strengths with a % or a comma. */
		if (!isalnum(c) && !strchr("- _./+&(),%", c))
			return mg_err_set(e, MG_EUSAGE, "bad --med name \"%.*s\"", (int)nlen, spec);
		m.name[i] = (char)tolower(c);
	}
	const char *t = at + 1;
	if (!*t || *t == '/')
		return mg_err_set(e, MG_EUSAGE, "--med \"%s\" has no time", spec);
	/* A weekly medicine: "alendronate@07:00/weekly:mon". */
	int weekday = -1;
	const char *slash = strchr(t, '/');
	char times_part[sizeof(m.times)];
	if (slash) {
		if ((weekday = profile_parse_weekday(slash + 1)) < 0)
			return mg_err_set(e, MG_EUSAGE, "--med \"%s\": \"%s\" is not weekly:DAY (mon, tue, ... sun)", spec,
					  slash + 1);
		if ((size_t)(slash - t) >= sizeof(times_part))
			return mg_err_set(e, MG_EUSAGE, "--med \"%s\" has too many times", spec);
		memcpy(times_part, t, (size_t)(slash - t));
		times_part[slash - t] = '\0';
		t = times_part;
	}
	struct strbuf times;
	strbuf_init(&times);
	while (*t) {
		char hhmm[8];
		const char *comma = strchr(t, ',');
		size_t len = comma ? (size_t)(comma - t) : strlen(t);
		int minutes;
		if (len >= sizeof(hhmm)) {
			strbuf_release(&times);
			return mg_err_set(e, MG_EDATA, "--med time \"%.*s\" is not a time (HH:MM)", (int)len, t);
		}
		memcpy(hhmm, t, len);
		hhmm[len] = '\0';
		if (mg_parse_hhmm(hhmm, &minutes) < 0) {
			strbuf_release(&times);
			return mg_err_set(e, MG_EDATA, "--med time \"%s\" is not a time (HH:MM)", hhmm);
		}
		strbuf_addf(&times, "%s%s", times.len ? "," : "", hhmm);
		t += len + (comma ? 1 : 0);
		if (comma && !*t) {
			strbuf_release(&times);
			return mg_err_set(e, MG_EDATA, "--med \"%s\" ends with a comma", spec);
		}
	}
	if (weekday >= 0)
		strbuf_addf(&times, "/weekly:%s", weekday_names[weekday]);
	if (times.len >= sizeof(m.times)) {
		strbuf_release(&times);
		return mg_err_set(e, MG_EUSAGE, "--med \"%s\" has too many times", spec);
	}
	mg_strlcpy(m.times, strbuf_str(&times), sizeof(m.times));
	strbuf_release(&times);
	for (size_t i = 0; i < p->n_meds; i++) {
		if (strcmp(p->meds[i].name, m.name) == 0) {
			p->meds[i] = m;   /* the newest times for a medicine win */
			return 0;
		}
	}
	if (p->n_meds == PROFILE_MAX_LIST)
		return mg_err_set(e, MG_EUSAGE, "too many --med values");
	p->meds[p->n_meds++] = m;
	return 0;
}

int profile_set_egfr(struct profile *p, const char *value, struct mg_err *e)
{
	double lo = tables_threshold("egfr-min", NULL), hi = tables_threshold("egfr-max", NULL), v;
	if (strcmp(value, "unknown") == 0) {
		p->egfr = -1;
		return 0;
	}
	/* Labs print normal values as ">90" or ">60": the bound is what is
	 * known, and every rule asks only whether eGFR is below a limit, which
	 * a value above the bound is not. "<15" has no such safe reading, so a
	 * number must be typed. */
	const char *num = value[0] == '>' ? value + 1 : value;
	if (mg_parse_double(num, lo, hi, &v) < 0)
		return mg_err_set(e, MG_EDATA, "--egfr \"%s\" must be a number from %.0f to %.0f (mL/min/1.73 m2) or unknown",
				  value, lo, hi);
	p->egfr = v;
	return 0;
}

/* The condition row of conditions.tsv that only one sex can have, if any
 * of the profile's conditions is one the profile's sex cannot. */
static const char *condition_for_other_sex(const struct profile *p)
{
	const struct mg_table *t = tables_get("conditions.tsv");
	for (size_t i = 0; i < p->n_conditions; i++) {
		long r = table_find(t, "condition", p->conditions[i]);
		const char *sex = r >= 0 ? table_cell(t, (size_t)r, "sex") : "any";
		if (strcmp(sex, "any") != 0 && strcmp(sex, p->sex) != 0)
			return p->conditions[i];
	}
	return NULL;
}

static int has_condition(const struct profile *p, const char *name)
{
	for (size_t i = 0; i < p->n_conditions; i++)
		if (strcmp(p->conditions[i], name) == 0)
			return 1;
	return 0;
}

int profile_validate(const struct profile *p, long today, struct mg_err *e)
{
	if (strcmp(p->sex, "female") != 0 && strcmp(p->sex, "male") != 0)
		return mg_err_set(e, MG_EUSAGE, "--sex \"%s\" must be female or male", p->sex);
	if (p->born == MG_NO_DATE && p->age_years < 0)
		return mg_err_set(e, MG_EUSAGE, "the profile needs --born YYYY-MM-DD or --age N");
	if (p->born != MG_NO_DATE && p->born > today) {
		char d[16];
		mg_format_date(p->born, d, sizeof(d));
		return mg_err_set(e, MG_EDATA, "--born \"%s\" is in the future", d);
	}
	int months = profile_age_months(p, today);
	if (months > 120 * 12)
		return mg_err_set(e, MG_EDATA, "--age \"%d\" is above 120", months / 12);
	if (strcmp(p->training, "none") && strcmp(p->training, "regular") && strcmp(p->training, "heavy"))
		return mg_err_set(e, MG_EUSAGE, "--training \"%s\" must be none, regular or heavy", p->training);
	if (strcmp(p->region, "us") && strcmp(p->region, "eu"))
		return mg_err_set(e, MG_EUSAGE, "--region \"%s\" must be us or eu", p->region);
	if ((p->pregnant || p->lactating) && strcmp(p->sex, "male") == 0)
		return mg_err_set(e, MG_EUSAGE, "--%s contradicts --sex \"male\"",
				  p->pregnant ? "pregnant" : "lactating");
	if (p->pregnant && p->lactating)
		return mg_err_set(e, MG_EUSAGE, "--pregnant and --lactating together: choose the one that applies now");
	if ((p->pregnant || p->lactating) && months < 9 * 12)
		return mg_err_set(e, MG_EDATA, "--%s with age \"%d\" is not plausible",
				  p->pregnant ? "pregnant" : "lactating", months / 12);
	const char *other = condition_for_other_sex(p);
	if (other)
		return mg_err_set(e, MG_EUSAGE, "--condition \"%s\" contradicts --sex \"%s\"", other, p->sex);
	/* A measured eGFR and the condition "egfr-below-30" must agree: the
	 * plan would otherwise follow whichever rule is stricter without
	 * saying the profile holds two answers. */
	if (p->egfr >= tables_threshold("egfr-clinician-below", NULL) && has_condition(p, "egfr-below-30"))
		return mg_err_set(e, MG_EUSAGE, "--egfr \"%g\" contradicts --condition \"egfr-below-30\"", p->egfr);
	return 0;
}
