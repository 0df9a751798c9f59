/*
 * `mgtrack trial design|status|today|unblind|analyze`: the personal n-of-1
 * trial. The design (core/trial.c) is stored with its hash before the
 * first period (pre-registration); while blinded, no command shows the
 * arms except the sealed sheet printed once at design time.
 */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmd/cmd.h"
#include "core/tables.h"
#include "core/trial.h"
#include "core/trialstats.h"
#include "store/db.h"
#include "store/supplements.h"
#include "store/trials.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

static int load_active(struct cmd_ctx *ctx, sqlite3 **db, struct profile *p, struct trial_row *t)
{
	int rc;
	struct mg_err e = {0};
	if ((rc = cmd_open_profile(ctx, db, p)))
		return rc;
	int found = journal_trial_active(*db, p->id, t, &e);
	if (found <= 0) {
		db_close(*db);
		if (found < 0)
			return cmd_fail(&e);
		fprintf(stderr, "mgtrack: no trial: design one with 'mgtrack trial design --outcome NAME'\n");
		return MG_ENOINPUT;
	}
	return 0;
}

static const char *arm_name(const struct trial_design *d, int magnesium)
{
	return magnesium ? "magnesium" : strcmp(d->control, "placebo") == 0 ? "placebo" : "control";
}

static void print_sheet(const struct trial_row *t)
{
	const struct trial_design *d = &t->design;
	struct trial_period per[2 * TRIAL_MAX_BLOCKS];
	size_t n = trial_periods(d, per, 2 * TRIAL_MAX_BLOCKS);
	printf("SEALED ALLOCATION SHEET - for the helper who fills the capsules; keep it out of sight\n");
	printf("trial %ld, seed %lu, design hash %s\n", t->id, d->seed, d->hash);
	for (size_t i = 0; i < n; i++) {
		char a[16], b[16];
		mg_format_date(per[i].start, a, sizeof(a));
		mg_format_date(per[i].end, b, sizeof(b));
		printf("  period %2zu  %s to %s  %s\n", i + 1, a, b, per[i].magnesium ? "MAGNESIUM" : "PLACEBO");
	}
	printf("Fill identical capsules for each period, label them with the period number only.\n");
}

static int design(int argc, char **argv, struct cmd_ctx *ctx)
{
	enum { O_OUTCOME = 256, O_BLOCKS, O_PERIOD, O_WASHIN, O_BASELINE, O_CONTROL, O_BLIND, O_SEED, O_START,
	       O_FORCE, O_JSON };
	static const struct option opts[] = {
		{"outcome", required_argument, NULL, O_OUTCOME}, {"blocks", required_argument, NULL, O_BLOCKS},
		{"period-days", required_argument, NULL, O_PERIOD}, {"washin-days", required_argument, NULL, O_WASHIN},
		{"baseline-days", required_argument, NULL, O_BASELINE},
		{"control", required_argument, NULL, O_CONTROL}, {"blind", no_argument, NULL, O_BLIND},
		{"seed", required_argument, NULL, O_SEED}, {"start", required_argument, NULL, O_START},
		{"force", no_argument, NULL, O_FORCE}, {"json", no_argument, NULL, O_JSON}, {NULL, 0, NULL, 0},
	};
	struct trial_row t;
	struct trial_design *d = &t.design;
	view_trial_defaults(&t, mg_today());
	long v;
	int c, rc, force = 0, json = 0;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case O_OUTCOME:
			if (table_find(tables_get("outcomes.tsv"), "outcome", optarg) < 0)
				return cmd_usage(ctx, "unknown --outcome \"%s\" (see 'mgtrack review --help')", optarg);
			mg_strlcpy(d->outcome, optarg, sizeof(d->outcome));
			break;
		case O_BLOCKS: case O_PERIOD: case O_WASHIN: case O_BASELINE: {
			const char *flag = c == O_BLOCKS ? "--blocks" : c == O_PERIOD ? "--period-days" :
					   c == O_WASHIN ? "--washin-days" : "--baseline-days";
			if ((rc = cmd_parse_long(flag, optarg, 0, 1000, &v)))
				return rc;
			*(c == O_BLOCKS ? &d->blocks : c == O_PERIOD ? &d->period_days :
			  c == O_WASHIN ? &d->washin_days : &d->baseline_days) = (int)v;
			break;
		}
		case O_CONTROL: mg_strlcpy(d->control, optarg, sizeof(d->control)); break;
		case O_BLIND: d->blind = 1; break;
		case O_SEED:
			if ((rc = cmd_parse_long("--seed", optarg, 1, 2147483647L, &v)))
				return rc;
			d->seed = (unsigned long)v;
			break;
		case O_START:
			if ((rc = cmd_parse_date("--start", optarg, &d->start)))
				return rc;
			break;
		case O_FORCE: force = 1; break;
		case O_JSON: json = 1; break;
		default: return cmd_bad_option(ctx, c, argv);
		}
	}
	if (optind < argc)
		return cmd_usage(ctx, "unexpected argument \"%s\"", argv[optind]);
	if (!d->outcome[0])
		return cmd_usage(ctx, "trial design needs --outcome (the primary outcome, fixed now)");
	struct mg_err e = {0};
	sqlite3 *db;
	struct profile p;
	if ((rc = cmd_open_profile(ctx, &db, &p)))
		return rc;
	rc = view_trial_register(db, p.id, &t, force, mg_today(), &e);
	db_close(db);
	if (rc < 0)
		return cmd_fail(&e);
	char s[16], end[16];
	mg_format_date(d->start, s, sizeof(s));
	mg_format_date(trial_end(d), end, sizeof(end));
	if (json) {
		cmd_print_json(view_trial_registered_json(&t));
	} else {
		printf("trial %ld registered: outcome %s, %d blocks of 2 x %d days (first %d days of each period not\n"
		       "analysed), %d baseline days, control %s%s; %s to %s\n", t.id, d->outcome, d->blocks,
		       d->period_days, d->washin_days, d->baseline_days, d->control, d->blind ? ", blinded" : "", s, end);
		if (d->blind)
			printf("seed and design hash: on the sealed sheet (they would give the allocation away)\n");
		else
			printf("seed %lu, design hash %s (pre-registration: the design cannot change unnoticed)\n",
			       d->seed, d->hash);
	}
	if (d->blind)
		print_sheet(&t);
	return 0;
}

/* For the read-only subcommands: --json, then the active trial. */
static int read_trial(struct cmd_ctx *ctx, int argc, char **argv, int *json, struct trial_row *t)
{
	sqlite3 *db;
	struct profile p;
	int rc;
	if ((rc = cmd_parse_json_flag(ctx, argc, argv, json)) || (rc = load_active(ctx, &db, &p, t)))
		return rc;
	db_close(db);
	return 0;
}

static int status(int argc, char **argv, struct cmd_ctx *ctx)
{
	int json = 0, rc;
	struct trial_row t;
	if ((rc = read_trial(ctx, argc, argv, &json, &t)))
		return rc;
	const struct trial_design *d = &t.design;
	int hidden = d->blind && !t.unblinded;
	struct trial_period per[2 * TRIAL_MAX_BLOCKS];
	size_t n = trial_periods(d, per, 2 * TRIAL_MAX_BLOCKS);
	char a[16], b[16];
	if (json) {
		cmd_print_json(view_trial_status_json(&t));
		return 0;
	}
	printf("trial %ld: outcome %s, %s, hash %s\n", t.id, d->outcome, hidden ? "blinded" : "open",
	       hidden ? "sealed until unblinding" : d->hash);
	if (d->baseline_days) {
		mg_format_date(d->start, a, sizeof(a));
		mg_format_date(d->start + d->baseline_days - 1, b, sizeof(b));
		printf("  baseline   %s to %s\n", a, b);
	}
	for (size_t i = 0; i < n; i++) {
		mg_format_date(per[i].start, a, sizeof(a));
		mg_format_date(per[i].end, b, sizeof(b));
		printf("  block %d    %s to %s  %s\n", per[i].block, a, b, hidden ? "(hidden)" : arm_name(d, per[i].magnesium));
	}
	return 0;
}

static int today_cmd(int argc, char **argv, struct cmd_ctx *ctx)
{
	int json = 0, rc;
	struct trial_row t;
	if ((rc = read_trial(ctx, argc, argv, &json, &t)))
		return rc;
	const struct trial_design *d = &t.design;
	long today = mg_today();
	int k = trial_period_at(d, today);
	struct trial_period per[2 * TRIAL_MAX_BLOCKS];
	trial_periods(d, per, 2 * TRIAL_MAX_BLOCKS);
	int hidden = d->blind && !t.unblinded;
	int day_in = k >= 0 ? (int)(today - per[k].start + 1) : 0;
	if (json) {
		cmd_print_json(view_trial_today_json(&t, today));
		return 0;
	}
	if (k == -2)
		printf("the trial has not started yet\n");
	else if (k == -1)
		printf("baseline: no magnesium; log your night every morning\n");
	else if (k == -3)
		printf("the trial is over: %s\n", hidden ? "run 'mgtrack trial unblind', then 'mgtrack trial analyze'"
							 : "run 'mgtrack trial analyze'");
	else if (hidden)
		printf("period %d (block %d), day %d of %d: take the capsules labelled %d%s\n", k + 1, per[k].block, day_in,
		       d->period_days, k + 1, day_in <= d->washin_days ? " (wash-in day: log as usual)" : "");
	else
		printf("period %d (block %d), day %d of %d: %s%s\n", k + 1, per[k].block, day_in, d->period_days,
		       per[k].magnesium ? "take magnesium as planned" :
		       strcmp(d->control, "placebo") == 0 ? "take the placebo" : "no magnesium",
		       day_in <= d->washin_days ? " (wash-in day: not analysed; log as usual)" : "");
	return 0;
}

static int unblind(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {{"force", no_argument, NULL, 'f'}, {NULL, 0, NULL, 0}};
	int c, rc, force = 0;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c != 'f')
			return cmd_bad_option(ctx, c, argv);
		force = 1;
	}
	sqlite3 *db;
	struct profile p;
	struct trial_row t;
	if ((rc = load_active(ctx, &db, &p, &t)))
		return rc;
	struct mg_err e = {0};
	if (!t.design.blind || t.unblinded) {
		db_close(db);
		printf("trial %ld is not blinded\n", t.id);
		return 0;
	}
	if (mg_today() <= trial_end(&t.design) && !force) {
		db_close(db);
		char end[16];
		mg_format_date(trial_end(&t.design), end, sizeof(end));
		fprintf(stderr, "mgtrack: the last period ends on %s: unblinding earlier spoils the trial (--force to do"
			" it anyway)\n", end);
		return MG_EDATA;
	}
	if (db_begin(db, &e) < 0 || journal_trial_unblind(db, t.id, &e) < 0 || db_commit(db, &e) < 0) {
		db_rollback(db);
		db_close(db);
		return cmd_fail(&e);
	}
	db_close(db);
	t.unblinded = 1;
	printf("trial %ld unblinded\n", t.id);
	return status(0, argv, ctx);
}

static int analyze(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"outcome", required_argument, NULL, 'o'}, {"json", no_argument, NULL, 'j'}, {NULL, 0, NULL, 0},
	};
	int c, rc, json = 0;
	const char *outcome = NULL;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'o')
			outcome = optarg;
		else if (c == 'j')
			json = 1;
		else
			return cmd_bad_option(ctx, c, argv);
	}
	if (optind < argc)
		return cmd_usage(ctx, "unexpected argument \"%s\"", argv[optind]);
	sqlite3 *db;
	struct profile p;
	struct trial_row t;
	if ((rc = load_active(ctx, &db, &p, &t)))
		return rc;
	struct trial_design d = t.design;
	struct mg_err e = {0};
	struct trial_analysis a;
	rc = view_trial_analyze(db, p.id, &t, outcome, &d, &a, &e);
	db_close(db);
	if (rc < 0)
		return e.code == MG_EUSAGE ? cmd_usage(ctx, "%s", e.msg) : cmd_fail(&e);
	int secondary = strcmp(d.outcome, t.design.outcome) != 0;
	if (json) {
		cmd_print_json(view_trial_analysis_json(&t, &a));
		return 0;
	}
	printf("Trial %ld, %s outcome %s (%s is better; meaningful difference %.2f), design hash %s\n", t.id,
	       secondary ? "secondary" : "primary", a.outcome, a.better, a.mid, t.design.hash);
	printf("Blocks with data: %d of %d; nights analysed: %d on magnesium, %d control\n", a.blocks_used, d.blocks,
	       a.nights_magnesium, a.nights_control);
	if (!isnan(a.adherence_magnesium))
		printf("Doses logged on %.0f %% of magnesium days and %.0f %% of control days\n",
		       100 * a.adherence_magnesium, 100 * a.doses_in_control);
	if (!isnan(a.mean_diff))
		printf("Paired (block means): %+.2f, 95 %% CI %+.2f to %+.2f, p = %.3f; randomisation test p = %.3f\n",
		       a.mean_diff, a.ci_lo, a.ci_hi, a.p_paired, a.p_randomization);
	else
		printf("Paired comparison: needs at least 2 blocks with nights in both periods\n");
	if (a.bayes.fitted)
		printf("Bayesian AR(1): %+.2f, 95 %% CrI %+.2f to %+.2f, P(benefit > MID) = %.2f, rho %.2f, R-hat %.3f\n",
		       a.bayes.median, a.bayes.lo, a.bayes.hi, a.bayes.p_benefit, a.bayes.rho_median, a.bayes.rhat);
	if (a.sensitivity.fitted)
		printf("With wash-in days: %+.2f, 95 %% CrI %+.2f to %+.2f, P(benefit > MID) = %.2f\n",
		       a.sensitivity.median, a.sensitivity.lo, a.sensitivity.hi, a.sensitivity.p_benefit);
	printf("%s\n", view_not_advice);
	return 0;
}

int cmd_trial(int argc, char **argv, struct cmd_ctx *ctx)
{
	if (argc < 2)
		return cmd_usage(ctx, "trial needs design, status, today, unblind, analyze or report");
	const char *sub = argv[1];
	if (strcmp(sub, "design") == 0)
		return design(argc - 1, argv + 1, ctx);
	if (strcmp(sub, "status") == 0)
		return status(argc - 1, argv + 1, ctx);
	if (strcmp(sub, "today") == 0)
		return today_cmd(argc - 1, argv + 1, ctx);
	if (strcmp(sub, "unblind") == 0)
		return unblind(argc - 1, argv + 1, ctx);
	if (strcmp(sub, "analyze") == 0)
		return analyze(argc - 1, argv + 1, ctx);
	if (strcmp(sub, "report") == 0)
		return cmd_trial_report(argc - 1, argv + 1, ctx);
	return cmd_usage(ctx, "unknown trial subcommand \"%s\"", sub);
}
