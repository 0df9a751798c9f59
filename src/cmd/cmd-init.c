/*
 * `mgtrack init` and `mgtrack profile show|set|list`: the profile flags are
 * parsed once here for both, checked by core/profile.c, and written in one
 * transaction.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "cmd/cmd.h"
#include "core/diet.h"
#include "core/profile.h"
#include "store/db.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

enum {
	O_BORN = 256, O_AGE, O_SEX, O_PREGNANT, O_NO_PREGNANT, O_LACTATING, O_NO_LACTATING,
	O_TRAINING, O_REGION, O_CLIN, O_NO_CLIN, O_GOAL, O_CONDITION, O_NO_CONDITION,
	O_MED, O_NO_MED, O_WAKE, O_BED, O_GI, O_NO_GI, O_JSON, O_TRAIN_AT, O_NO_TRAIN_AT, O_ZINC, O_FOOD_SOURCE,
	O_DIET, O_AVOID, O_NO_AVOID,
	O_EGFR, O_NO_EGFR,
};

static const struct option profile_opts[] = {
	{"born", required_argument, NULL, O_BORN},
	{"age", required_argument, NULL, O_AGE},
	{"sex", required_argument, NULL, O_SEX},
	{"pregnant", no_argument, NULL, O_PREGNANT},
	{"no-pregnant", no_argument, NULL, O_NO_PREGNANT},
	{"lactating", no_argument, NULL, O_LACTATING},
	{"no-lactating", no_argument, NULL, O_NO_LACTATING},
	{"training", required_argument, NULL, O_TRAINING},
	{"region", required_argument, NULL, O_REGION},
	{"clinician-guided", no_argument, NULL, O_CLIN},
	{"no-clinician-guided", no_argument, NULL, O_NO_CLIN},
	{"goal", required_argument, NULL, O_GOAL},
	{"condition", required_argument, NULL, O_CONDITION},
	{"no-condition", required_argument, NULL, O_NO_CONDITION},
	{"med", required_argument, NULL, O_MED},
	{"no-med", required_argument, NULL, O_NO_MED},
	{"wake", required_argument, NULL, O_WAKE},
	{"bed", required_argument, NULL, O_BED},
	{"train-at", required_argument, NULL, O_TRAIN_AT},
	{"no-train-at", no_argument, NULL, O_NO_TRAIN_AT},
	{"zinc-mg", required_argument, NULL, O_ZINC},
	{"egfr", required_argument, NULL, O_EGFR},
	{"no-egfr", no_argument, NULL, O_NO_EGFR},
	{"food-source", required_argument, NULL, O_FOOD_SOURCE},
	{"gi-sensitive", no_argument, NULL, O_GI},
	{"no-gi-sensitive", no_argument, NULL, O_NO_GI},
	{"diet", required_argument, NULL, O_DIET},
	{"avoid", required_argument, NULL, O_AVOID},
	{"no-avoid", required_argument, NULL, O_NO_AVOID},
	{NULL, 0, NULL, 0},
};

static int parse_time_flag(const char *flag, const char *s, int *out)
{
	if (mg_parse_hhmm(s, out) < 0) {
		cmd_say("%s \"%s\" is not a time (HH:MM)\n", flag, s);
		return MG_EDATA;
	}
	return 0;
}

/* Applies the flags to p. Returns 0 or an exit code (already reported). */
static int apply_flags(struct cmd_ctx *ctx, int argc, char **argv, struct profile *p, long today)
{
	struct mg_err e = {0};
	int c, goals_reset = 0, rc, age_given = 0, born_given = 0;
	long v;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", profile_opts, NULL)) != -1) {
		/* A date of birth and an age say the same thing twice, and may
		 * disagree: one of them, not both. */
		if ((c == O_BORN && age_given) || (c == O_AGE && born_given))
			return cmd_usage(ctx, "give --born or --age, not both");
		age_given |= c == O_AGE;
		born_given |= c == O_BORN;
		switch (c) {
		case O_BORN:
			if ((rc = cmd_parse_date("--born", optarg, &p->born)))
				return rc;
			p->age_years = -1;
			p->age_on = MG_NO_DATE;
			break;
		case O_AGE:
			if ((rc = cmd_parse_long("--age", optarg, 0, 120, &v)))
				return rc;
			p->age_years = (int)v;
			p->age_on = today;
			p->born = MG_NO_DATE;
			break;
		case O_SEX:
			if (strcmp(optarg, "female") && strcmp(optarg, "male"))
				return cmd_usage(ctx, "--sex \"%s\" must be female or male", optarg);
			mg_strlcpy(p->sex, optarg, sizeof(p->sex));
			break;
		case O_PREGNANT: p->pregnant = 1; break;
		case O_NO_PREGNANT: p->pregnant = 0; break;
		case O_LACTATING: p->lactating = 1; break;
		case O_NO_LACTATING: p->lactating = 0; break;
		case O_CLIN: p->clinician_guided = 1; break;
		case O_NO_CLIN: p->clinician_guided = 0; break;
		case O_GI: p->gi_sensitive = 1; break;
		case O_NO_GI: p->gi_sensitive = 0; break;
		case O_TRAINING:
			if (strcmp(optarg, "none") && strcmp(optarg, "regular") && strcmp(optarg, "heavy"))
				return cmd_usage(ctx, "--training \"%s\" must be none, regular or heavy", optarg);
			mg_strlcpy(p->training, optarg, sizeof(p->training));
			break;
		case O_REGION:
			if (strcmp(optarg, "us") && strcmp(optarg, "eu"))
				return cmd_usage(ctx, "--region \"%s\" must be us or eu", optarg);
			mg_strlcpy(p->region, optarg, sizeof(p->region));
			break;
		case O_GOAL:
			/* --goal replaces the stored list; repeating it adds. */
			if (!goals_reset) {
				p->n_goals = 0;
				goals_reset = 1;
			}
			if (profile_set_goal_list(p, optarg, &e) < 0)
				return cmd_fail(&e);
			break;
		case O_CONDITION:
			if (profile_add_condition(p, optarg, &e) < 0)
				return cmd_fail(&e);
			break;
		case O_NO_CONDITION: {
			size_t k = 0;
			for (size_t i = 0; i < p->n_conditions; i++)
				if (strcmp(p->conditions[i], optarg) != 0)
					memcpy(p->conditions[k++], p->conditions[i], sizeof(p->conditions[0]));
			if (k == p->n_conditions)
				return cmd_usage(ctx, "--no-condition \"%s\": the profile has no such condition", optarg);
			p->n_conditions = k;
			break;
		}
		case O_MED:
			if (profile_add_med(p, optarg, &e) < 0)
				return cmd_fail(&e);
			break;
		case O_NO_MED: {
			size_t k = 0;
			for (size_t i = 0; i < p->n_meds; i++)
				if (strcasecmp(p->meds[i].name, optarg) != 0)
					p->meds[k++] = p->meds[i];
			if (k == p->n_meds)
				return cmd_usage(ctx, "--no-med \"%s\": the profile has no such medicine", optarg);
			p->n_meds = k;
			break;
		}
		case O_WAKE:
			if ((rc = parse_time_flag("--wake", optarg, &p->wake)))
				return rc;
			break;
		case O_BED:
			if ((rc = parse_time_flag("--bed", optarg, &p->bed)))
				return rc;
			break;
		case O_TRAIN_AT:
			if (profile_set_train_times(p, optarg, &e) < 0)
				return cmd_fail(&e);
			break;
		case O_NO_TRAIN_AT: p->n_train = 0; break;
		case O_FOOD_SOURCE:
			if (strcmp(optarg, "log") && strcmp(optarg, "apple-health") && strcmp(optarg, "cronometer"))
				return cmd_usage(ctx, "--food-source \"%s\" must be log, apple-health or cronometer", optarg);
			mg_strlcpy(p->food_source, optarg, sizeof(p->food_source));
			break;
		case O_ZINC: {
			long mg;
			if ((rc = cmd_parse_long("--zinc-mg", optarg, 0, 1000, &mg)))
				return rc;
			p->zinc_mg = (double)mg;
			break;
		}
		case O_EGFR:
			if (profile_set_egfr(p, optarg, &e) < 0)
				return cmd_fail(&e);
			break;
		/* Back to "never asked": for a value typed by mistake, not for
		 * "I do not know it" (that is --egfr unknown). */
		case O_NO_EGFR: p->egfr = 0; break;
		case O_DIET:
			if (diet_set(p, optarg, &e) < 0)
				return cmd_fail(&e);
			break;
		case O_AVOID:
		case O_NO_AVOID:
			if (diet_avoid(p, optarg, c == O_AVOID, &e) < 0)
				return cmd_fail(&e);
			break;
		default:
			return cmd_bad_option(ctx, c, argv);
		}
	}
	if (optind < argc)
		return cmd_usage(ctx, "unexpected argument \"%s\"", argv[optind]);
	return 0;
}

static int save(struct cmd_ctx *ctx, sqlite3 *db, struct profile *p, long today)
{
	struct mg_err e = {0};
	return view_profile_save(db, p, today, &e) < 0 ? cmd_fail(&e) : 0;
}

static void print_profile(const struct profile *p, long today)
{
	char buf[16];
	printf("profile    %s\n", p->name);
	if (p->born != MG_NO_DATE) {
		mg_format_date(p->born, buf, sizeof(buf));
		printf("born       %s (age %d)\n", buf, profile_age_months(p, today) / 12);
	} else {
		printf("age        %d\n", profile_age_months(p, today) / 12);
	}
	printf("sex        %s%s%s\n", p->sex, p->pregnant ? ", pregnant" : "", p->lactating ? ", lactating" : "");
	printf("training   %s\nregion     %s\n", p->training, p->region);
	if (p->clinician_guided)
		printf("clinician  guides the plan\n");
	if (p->gi_sensitive)
		printf("gut        sensitive\n");
	for (size_t i = 0; i < p->n_goals; i++)
		printf("%-10s %s\n", i ? "" : "goals", p->goals[i]);
	for (size_t i = 0; i < p->n_conditions; i++)
		printf("%-10s %s\n", i ? "" : "conditions", p->conditions[i]);
	for (size_t i = 0; i < p->n_meds; i++)
		printf("%-10s %s at %.*s%s%s\n", i ? "" : "medicines", p->meds[i].name,
		       (int)strcspn(p->meds[i].times, "/"), p->meds[i].times,
		       profile_med_weekday(&p->meds[i]) >= 0 ? ", weekly on " : "",
		       profile_weekday_name(profile_med_weekday(&p->meds[i])));
	if (p->wake >= 0) {
		mg_format_hhmm(p->wake, buf, sizeof(buf));
		printf("wake       %s\n", buf);
	}
	if (p->bed >= 0) {
		mg_format_hhmm(p->bed, buf, sizeof(buf));
		printf("bed        %s\n", buf);
	}
	for (size_t i = 0; i < p->n_train; i++) {
		mg_format_hhmm(p->train_at[i], buf, sizeof(buf));
		printf("%s%s%s", i ? ", " : "trains at  ", buf, i + 1 == p->n_train ? "\n" : "");
	}
	if (p->zinc_mg > 0)
		printf("zinc       %.0f mg/day (supplement)\n", p->zinc_mg);
	if (p->egfr > 0)
		printf("kidney     eGFR %g mL/min/1.73 m2\n", p->egfr);
	else if (p->egfr < 0)
		printf("kidney     eGFR unknown (ask your doctor for it)\n");
	if (strcmp(p->food_source, "log") != 0)
		printf("food       from %s (not the food log)\n", p->food_source);
	printf("diet       %s\n", p->diet[0] ? p->diet : "omnivore");
	if (p->avoid[0])
		printf("avoids     %s\n", p->avoid);
}

int cmd_init(int argc, char **argv, struct cmd_ctx *ctx)
{
	long today = mg_today();
	struct profile p;
	profile_defaults(&p, ctx->profile);
	int rc = apply_flags(ctx, argc, argv, &p, today);
	if (rc)
		return rc;
	if (!p.sex[0])
		return cmd_usage(ctx, "init needs --sex female|male");
	if (p.born == MG_NO_DATE && p.age_years < 0)
		return cmd_usage(ctx, "init needs --born YYYY-MM-DD or --age N");
	if (strlen(ctx->profile) == 0 || strlen(ctx->profile) >= sizeof(p.name))
		return cmd_usage(ctx, "--profile \"%s\" must be 1 to 63 characters", ctx->profile);
	sqlite3 *db;
	if ((rc = cmd_open_journal(ctx, &db)))
		return rc;
	struct profile existing;
	struct mg_err e = {0};
	if (journal_profile_get(db, ctx->profile, &existing, &e) == 0) {
		db_close(db);
		cmd_say("profile \"%s\" already exists; change it with 'mgtrack profile set'\n",
			ctx->profile);
		return MG_EDATA;
	}
	rc = save(ctx, db, &p, today);
	db_close(db);
	if (rc)
		return rc;
	printf("created profile \"%s\" in %s\n", p.name, ctx->journal_path);
	return 0;
}

/* `profile show` and `profile list` take --json and nothing else. */
static int parse_json_only(struct cmd_ctx *ctx, int argc, char **argv, int *json)
{
	int rc = cmd_parse_json_flag(ctx, argc, argv, json);
	if (rc == 0 && optind < argc)
		rc = cmd_usage(ctx, "unexpected argument \"%s\"", argv[optind]);
	return rc;
}

static void print_name(const char *name, void *vctx)
{
	json_t *a = vctx;
	if (a)
		json_array_append_new(a, json_string(name));
	else
		printf("%s\n", name);
}

/* profile set's flags, applied inside view_profile_edit's transaction. */
struct set_flags {
	struct cmd_ctx *ctx;
	int argc;
	char **argv;
	long today;
	int rc;   /* apply_flags' exit code, its message already printed */
};

static int set_flags_edit(struct profile *p, void *vctx, struct mg_err *e)
{
	struct set_flags *sf = vctx;
	(void)e;
	sf->rc = apply_flags(sf->ctx, sf->argc, sf->argv, p, sf->today);
	return sf->rc ? -1 : 0;
}

int cmd_profile(int argc, char **argv, struct cmd_ctx *ctx)
{
	if (argc < 2)
		return cmd_usage(ctx, "profile needs show, set or list");
	const char *sub = argv[1];
	long today = mg_today();
	int rc, json = 0;
	sqlite3 *db;
	struct profile p;
	if (strcmp(sub, "show") == 0) {
		if ((rc = parse_json_only(ctx, argc - 1, argv + 1, &json)) ||
		    (rc = cmd_read_profile(ctx, &p)))
			return rc;
		if (json)
			cmd_print_json(view_profile_json(&p, today));
		else
			print_profile(&p, today);
		return 0;
	}
	if (strcmp(sub, "set") == 0) {
		if ((rc = cmd_open_existing(ctx, &db)))
			return rc;
		struct set_flags sf = {ctx, argc - 1, argv + 1, today, 0};
		struct mg_err e = {0};
		if (view_profile_edit(db, ctx->profile, today, set_flags_edit, &sf, &p, &e) < 0) {
			db_close(db);
			return sf.rc ? sf.rc : cmd_fail(&e);   /* a bad flag has said so already */
		}
		db_close(db);
		print_profile(&p, today);
		return 0;
	}
	if (strcmp(sub, "list") == 0) {
		if ((rc = parse_json_only(ctx, argc - 1, argv + 1, &json)))
			return rc;
		if ((rc = cmd_open_existing(ctx, &db)))
			return rc;
		json_t *a = json ? json_array() : NULL;
		struct mg_err e = {0};
		if (journal_profile_names(db, print_name, a, &e) < 0) {
			db_close(db);
			json_decref(a);
			return cmd_fail(&e);
		}
		db_close(db);
		if (a)
			cmd_print_json(a);
		return 0;
	}
	return cmd_usage(ctx, "unknown profile subcommand \"%s\"", sub);
}
