/*
 * ics-check FILE: parses an iCalendar file with libical (io/ics.c's
 * ics_check) and prints "events N alarms N", or the error and exit 1. The
 * CLI tests use it to check what `mgtrack plan --ics` writes.
 */
#include <stdio.h>
#include <stdlib.h>
#include "io/ics.h"
#include "util/banned.h"

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: ics-check FILE\n");
		return 2;
	}
	FILE *f = fopen(argv[1], "rb");
	if (!f) {
		perror(argv[1]);
		return 1;
	}
	char *text = NULL;
	size_t cap = 0, len = 0, n;
	char chunk[8192];
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if (len + n + 1 > cap) {
			cap = (len + n + 1) * 2;
			char *grown = realloc(text, cap);
			if (!grown) {
				free(text);
				fclose(f);
				return 1;
			}
			text = grown;
		}
		for (size_t i = 0; i < n; i++)
			text[len + i] = chunk[i];
		len += n;
	}
	fclose(f);
	if (!text)
		return 1;
	text[len] = '\0';
	size_t events, alarms;
	struct mg_err e = {0};
	int rc = ics_check(text, &events, &alarms, &e);
	free(text);
	if (rc < 0) {
		fprintf(stderr, "ics-check: %s\n", e.msg);
		return 1;
	}
	printf("events %zu alarms %zu\n", events, alarms);
	return 0;
}
