/*
 * `mgtrack export`: parses the options and hands over to the format's
 * code: --csv DIR to cmd-export-csv.c (docs/EXPORT.md).
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include "cmd/cmd.h"
#include "util/banned.h"

int cmd_export(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"csv", required_argument, NULL, 'c'},
		{"all-profiles", no_argument, NULL, 'a'},
		{NULL, 0, NULL, 0},
	};
	const char *csv = NULL;
	int all = 0, c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'c':
			csv = optarg;
			break;
		case 'a':
			all = 1;
			break;
		default:
			return cmd_bad_option(ctx, c, argv);
		}
	}
	if (optind < argc)
		return cmd_usage(ctx, "unexpected argument \"%s\"", argv[optind]);
	if (!csv)
		return cmd_usage(ctx, "export needs --csv DIR");
	if (!*csv)
		return cmd_usage(ctx, "--csv needs a folder");
	return cmd_export_csv(ctx, csv, all);
}
