/*
 * `mgtrack export --json FILE | --csv DIR [--all-profiles]`: everything
 * the journal holds, out of mgtrack (docs/EXPORT.md). This file parses the
 * options; cmd-export-json.c writes the JSON document.
 */
#include <getopt.h>
#include <string.h>
#include "cmd/cmd.h"
#include "util/banned.h"

int cmd_export(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"json", required_argument, NULL, 'j'},
		{"all-profiles", no_argument, NULL, 'a'},
		{NULL, 0, NULL, 0},
	};
	const char *json = NULL;
	int all = 0, c, rc;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c == 'j')
			json = optarg;
		else if (c == 'a')
			all = 1;
		else
			return cmd_bad_option(ctx, c, argv);
	}
	if (optind < argc)
		return cmd_usage(ctx, "unexpected argument \"%s\"", argv[optind]);
	if (!json)
		return cmd_usage(ctx, "say what to write: --json FILE (or - for standard output)");
	if (!*json)
		return cmd_usage(ctx, "--json needs a FILE (or - for standard output)");
	if (strcmp(json, "-") != 0 && (rc = cmd_check_path("--json", json)))
		return rc;
	return cmd_export_json(ctx, json, all);
}
