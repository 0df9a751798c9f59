/*
 * Data file locations; see paths.h.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "util/paths.h"
#include "util/strbuf.h"
#include "util/banned.h"

int paths_check(const char *option, const char *path, struct mg_err *e)
{
	size_t len = strlen(path);
	if (len <= PATHS_MAX)
		return 0;
	/* The path itself is thousands of bytes: its start is enough to
	 * recognise it, and the message stays one line. */
	return mg_err_set(e, MG_EUSAGE, "%s \"%.40s...\" is %zu bytes long; a path may have at most %d", option, path,
			  len, PATHS_MAX);
}

int paths_resolve(const char *option, const char *flag, const char *env, const char *file,
		  char *buf, size_t n, struct mg_err *e)
{
	const char *v = flag && *flag ? flag : getenv(env);
	if (v && *v) {
		/* Refused, never cut short: a truncated path is another file. */
		if (paths_check(flag && *flag ? option : env, v, e) < 0)
			return -1;
		if (strlen(v) >= n)
			return mg_err_set(e, MG_EUSAGE, "%s is too long", flag && *flag ? option : env);
		mg_strlcpy(buf, v, n);
		return 0;
	}
	const char *xdg = getenv("XDG_DATA_HOME");
	int len;
	if (xdg && xdg[0] == '/') {
		len = snprintf(buf, n, "%s/mgtrack/%s", xdg, file);
	} else {
		const char *home = getenv("HOME");
		if (!home || !*home)
			return mg_err_set(e, MG_EUNAVAIL, "no place for \"%s\": set HOME, XDG_DATA_HOME or %s", file, env);
		len = snprintf(buf, n, "%s/.local/share/mgtrack/%s", home, file);
	}
	if (len < 0 || (size_t)len >= n)
		return mg_err_set(e, MG_EUSAGE, "data path for \"%s\" is too long", file);
	return 0;
}

void paths_installed_foods(char *buf, size_t n)
{
	char exe[PATH_MAX];
	ssize_t len = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	buf[0] = '\0';
	if (len <= 0)
		return;
	exe[len] = '\0';
	/* BINDIR/mgtrack -> BINDIR/../share/mgtrack/foods.db */
	char *slash = strrchr(exe, '/');
	if (!slash)
		return;
	*slash = '\0';
	int w = snprintf(buf, n, "%s/../share/mgtrack/foods.db", exe);
	if (w < 0 || (size_t)w >= n) {
		buf[0] = '\0';
		return;
	}
	/* Said plainly where it exists: /usr/share/..., not /usr/bin/../share/... */
	char real[PATH_MAX];
	if (realpath(buf, real) && strlen(real) < n)
		mg_strlcpy(buf, real, n);
}

int paths_foods(const char *flag, char *buf, size_t n, const char **step, struct mg_err *e)
{
	const char *env = getenv("MGTRACK_FOODS_DB");
	*step = flag && *flag ? "--foods-db" : env && *env ? "MGTRACK_FOODS_DB" : "user";
	if (paths_resolve("--foods-db", flag, "MGTRACK_FOODS_DB", "foods.db", buf, n, e) < 0)
		return -1;
	if (strcmp(*step, "user") != 0 || access(buf, F_OK) == 0)
		return 0;
	char installed[PATH_MAX + 64];
	paths_installed_foods(installed, sizeof(installed));
	if (*installed && access(installed, R_OK) == 0 && strlen(installed) < n) {
		mg_strlcpy(buf, installed, n);
		*step = "installed";
		return 0;
	}
	*step = "none";
	return 0;
}
