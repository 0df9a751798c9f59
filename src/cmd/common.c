/*
 * Helpers shared by the commands; see cmd.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "cmd/cmd.h"
#include "store/db.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/text.h"
#include "util/paths.h"
#include "util/banned.h"

int cmd_fail(const struct mg_err *e)
{
	fprintf(stderr, "mgtrack: %s\n", e->msg[0] ? e->msg : "unknown error");
	return e->code ? e->code : MG_ESOFTWARE;
}

int cmd_usage(const struct cmd_ctx *ctx, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	mg_text_printable(msg);
	fprintf(stderr, "mgtrack: %s; see 'mgtrack %s --help'\n", msg, ctx->name);
	return MG_EUSAGE;
}

void cmd_say(const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	size_t n = strlen(msg);
	if (n && msg[n - 1] == '\n')
		msg[--n] = '\0';
	/* What people and files typed is quoted here: never a control byte. */
	mg_text_printable(msg);
	fprintf(stderr, "mgtrack: %s\n", msg);
}

int cmd_bad_option(const struct cmd_ctx *ctx, int c, char **argv)
{
	/* Option strings start with ':', so getopt_long reports a missing
	 * value as ':' and an unknown option as '?', with the word at
	 * optind - 1. */
	const char *word = optind > 0 ? argv[optind - 1] : "?";
	if (c == ':')
		return cmd_usage(ctx, "option \"%s\" needs a value", word);
	return cmd_usage(ctx, "unknown option \"%s\"", word);
}

int cmd_open_journal(struct cmd_ctx *ctx, sqlite3 **db)
{
	struct mg_err e = {0};
	struct stat st;
	/* A journal holds health data: one left readable by others (made by
	 * an older mgtrack or copied in) is tightened, and says so. */
	if (stat(ctx->journal_path, &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 077)) {
		if (chmod(ctx->journal_path, 0600) == 0)
			cmd_say("note: \"%s\" was readable by others; it is now private to you (mode 0600)",
				ctx->journal_path);
	}
	if (journal_open(ctx->journal_path, db, &e) < 0)
		return cmd_fail(&e);
	return 0;
}

int cmd_open_existing(struct cmd_ctx *ctx, sqlite3 **db)
{
	/* Commands that only read, or that need a profile, never create a
	 * journal (or its folders) for a mistyped --db. */
	if (access(ctx->journal_path, F_OK) != 0 && errno == ENOENT) {
		cmd_say("no journal at \"%s\": start one with 'mgtrack init' (or check --db / MGTRACK_DB)",
			ctx->journal_path);
		return MG_ENOINPUT;
	}
	return cmd_open_journal(ctx, db);
}

int cmd_load_profile(struct cmd_ctx *ctx, sqlite3 *db, struct profile *p)
{
	struct mg_err e = {0};
	if (journal_profile_get(db, ctx->profile, p, &e) < 0)
		return cmd_fail(&e);
	return 0;
}

int cmd_open_profile(struct cmd_ctx *ctx, sqlite3 **db, struct profile *p)
{
	int rc = cmd_open_existing(ctx, db);
	if (rc)
		return rc;
	if ((rc = cmd_load_profile(ctx, *db, p))) {
		db_close(*db);
		*db = NULL;
	}
	return rc;
}

int cmd_read_profile(struct cmd_ctx *ctx, struct profile *p)
{
	sqlite3 *db;
	int rc = cmd_open_profile(ctx, &db, p);
	if (rc == 0)
		db_close(db);
	return rc;
}

int cmd_parse_json_flag(struct cmd_ctx *ctx, int argc, char **argv, int *json)
{
	static const struct option opts[] = {{"json", no_argument, NULL, 'j'}, {NULL, 0, NULL, 0}};
	int c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (c != 'j')
			return cmd_bad_option(ctx, c, argv);
		*json = 1;
	}
	return 0;
}

int cmd_check_path(const char *what, const char *path)
{
	struct mg_err e = {0};
	if (paths_check(what, path, &e) == 0)
		return 0;
	cmd_say("%s", e.msg);
	return e.code;
}

int cmd_write_file(const char *path, const char *data, size_t len)
{
	/* A new file renamed over the old one: a failure leaves no half file.
	 * mkstemp makes it with O_EXCL and mode 0600 (a report holds health
	 * data), under a name nobody can plant a symlink for in advance, in
	 * the target's own folder so the rename stays on one file system. */
	if (strlen(path) >= PATH_MAX - 16) {
		cmd_say("the path \"%.80s...\" is longer than this system allows", path);
		return MG_EUSAGE;
	}
	struct strbuf tmp;
	strbuf_init(&tmp);
	strbuf_addf(&tmp, "%s.tmp-XXXXXX", path);
	char *name = tmp.buf;
	int fd = mkostemp(name, O_CLOEXEC);
	int rc = 0;
	if (fd < 0) {
		cmd_say("cannot write \"%s\": %s", path, strerror(errno));
		strbuf_release(&tmp);
		return MG_EIO;
	}
	size_t done = 0;
	while (done < len) {
		ssize_t w = write(fd, data + done, len - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		done += (size_t)w;
	}
	/* fsync before the rename: after a crash the name points at the whole
	 * new file or at the old one, never at an empty one. */
	if (done != len || fsync(fd) != 0 || close(fd) != 0 || rename(name, path) != 0) {
		cmd_say("cannot write \"%s\": %s", path, strerror(errno ? errno : EIO));
		unlink(name);
		rc = MG_EIO;
	}
	strbuf_release(&tmp);
	return rc;
}

void cmd_print_json(json_t *j)
{
	json_dumpf(j, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10) | JSON_ENCODE_ANY);
	fputc('\n', stdout);
	json_decref(j);
}

int cmd_parse_date(const char *flag, const char *s, long *days)
{
	if (mg_parse_date(s, days) < 0) {
		cmd_say("%s \"%s\" is not a date (YYYY-MM-DD)\n", flag, s);
		return MG_EDATA;
	}
	return 0;
}

int cmd_parse_long(const char *flag, const char *s, long min, long max, long *out)
{
	if (mg_parse_long(s, min, max, out) < 0) {
		cmd_say("%s \"%s\" is not a whole number from %ld to %ld\n", flag, s, min, max);
		return MG_EDATA;
	}
	return 0;
}
