/*
 * `mgtrack export --json FILE | --csv DIR [--all-profiles]`: everything
 * the journal holds, out of mgtrack (docs/EXPORT.md). This file parses the
 * options and hands over to the format's code: --json to
 * cmd-export-json.c, --csv to cmd-export-csv.c.
 */
#include <getopt.h>
#include <string.h>
#include "cmd/cmd.h"
#include "util/banned.h"

int cmd_export(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"json", required_argument, NULL, 'j'},
		{"csv", required_argument, NULL, 'c'},
		{"all-profiles", no_argument, NULL, 'a'},
		{NULL, 0, NULL, 0},
	};
	const char *json = NULL, *csv = NULL;
	int all = 0, c, rc;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'j')
			json = optarg;
		else if (c == 'c')
			csv = optarg;
		else if (c == 'a')
			all = 1;
		else
			return cmd_bad_option(ctx, c, argv);
	}
	if (optind < argc)
		return cmd_usage(ctx, "unexpected argument \"%s\"", argv[optind]);
	if (!json == !csv)
		return cmd_usage(ctx, "say what to write: --json FILE (or - for standard output) or --csv DIR");
	if (csv) {
		if (!*csv)
			return cmd_usage(ctx, "--csv needs a folder");
		return cmd_export_csv(ctx, csv, all);
	}
	if (!*json)
		return cmd_usage(ctx, "--json needs a FILE (or - for standard output)");
	if (strcmp(json, "-") != 0 && (rc = cmd_check_path("--json", json)))
		return rc;
	return cmd_export_json(ctx, json, all);
}
