/*
 * `mgtrack backup FILE`: a consistent copy of the live journal, made with
 * SQLite's online backup API, so it is safe while `serve` or another
 * command writes: the copy is one snapshot of a committed state. It is
 * written to a new file beside FILE (mode 0600: it holds health data),
 * checked with PRAGMA integrity_check, synced and renamed over FILE, so a
 * failure leaves no half backup and an existing FILE is only replaced by
 * a whole one.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <jansson.h>
#include "cmd/cmd.h"
#include "store/db.h"
#include "util/strbuf.h"
#include "util/banned.h"

/* Copies the main database of `from` into the new file `path` in one step
 * (one read transaction: a snapshot), then checks the copy. */
static int copy_journal(sqlite3 *from, const char *path, struct mg_err *e)
{
	sqlite3 *to;
	if (sqlite3_open_v2(path, &to, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		mg_err_set(e, MG_EIO, "cannot open \"%s\": %s", path, sqlite3_errmsg(to));
		sqlite3_close(to);
		return -1;
	}
	sqlite3_busy_timeout(to, 5000);
	sqlite3_backup *b = sqlite3_backup_init(to, "main", from, "main");
	int rc = SQLITE_ERROR;
	if (b) {
		/* -1: every page in one step, so no writer's commit can fall
		 * between two steps; a busy journal is waited for, not copied
		 * half-way. */
		for (int tries = 0; tries < 200; tries++) {   /* 10 s of a journal held busy, then give up */
			rc = sqlite3_backup_step(b, -1);
			if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
				break;
			sqlite3_sleep(50);
		}
		sqlite3_backup_finish(b);
	}
	if (rc != SQLITE_DONE) {
		mg_err_set(e, MG_EIO, "cannot copy the journal: %s", sqlite3_errmsg(to));
		sqlite3_close(to);
		return -1;
	}
	/* A copy in rollback mode: one file, whatever the live journal's WAL. */
	sqlite3_exec(to, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL);
	sqlite3_stmt *st;
	int ok = 0;
	if (sqlite3_prepare_v2(to, "PRAGMA integrity_check", -1, &st, NULL) == SQLITE_OK) {
		ok = sqlite3_step(st) == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(st, 0), "ok") == 0;
		sqlite3_finalize(st);
	}
	sqlite3_close(to);
	if (!ok)
		return mg_err_set(e, MG_EIO, "the copy in \"%s\" fails SQLite's integrity check", path);
	return 0;
}

int cmd_backup(int argc, char **argv, struct cmd_ctx *ctx)
{
	int json = 0, rc;
	if ((rc = cmd_parse_json_flag(ctx, argc, argv, &json)))
		return rc;
	if (optind != argc - 1)
		return cmd_usage(ctx, "backup needs one FILE to write");
	const char *path = argv[optind];
	if (strlen(path) >= PATH_MAX - 16)
		return cmd_usage(ctx, "FILE \"%.80s...\" is longer than this system allows", path);
	/* Never over the live journal itself: its -wal and -shm files belong
	 * to the name, and would be replayed into the copy. */
	struct stat live, target;
	if (stat(ctx->journal_path, &live) == 0 && stat(path, &target) == 0 && live.st_dev == target.st_dev &&
	    live.st_ino == target.st_ino)
		return cmd_usage(ctx, "FILE \"%s\" is the journal itself: back it up to another file", path);
	sqlite3 *db;
	if ((rc = cmd_open_existing(ctx, &db)))
		return rc;
	struct strbuf tmp;
	strbuf_init(&tmp);
	strbuf_addf(&tmp, "%s.tmp-XXXXXX", path);
	int fd = mkostemp(tmp.buf, O_CLOEXEC);
	if (fd < 0) {
		cmd_say("cannot write \"%s\": %s\n", path, strerror(errno));
		strbuf_release(&tmp);
		db_close(db);
		return MG_EIO;
	}
	close(fd);
	struct mg_err e = {0};
	rc = copy_journal(db, tmp.buf, &e);
	db_close(db);
	/* fsync before the rename: after a crash FILE is the old backup or
	 * the whole new one. */
	int sfd = rc == 0 ? open(tmp.buf, O_RDONLY | O_CLOEXEC) : -1;
	if (rc == 0 && (sfd < 0 || fsync(sfd) != 0 || rename(tmp.buf, path) != 0))
		rc = mg_err_set(&e, MG_EIO, "cannot write \"%s\": %s", path, strerror(errno ? errno : EIO));
	if (sfd >= 0)
		close(sfd);
	if (rc < 0) {
		unlink(tmp.buf);
		strbuf_release(&tmp);
		return cmd_fail(&e);
	}
	strbuf_release(&tmp);
	struct stat sb;
	long long size = stat(path, &sb) == 0 ? (long long)sb.st_size : -1;
	if (json) {
		json_t *j = json_object();
		json_object_set_new(j, "journal", json_string(ctx->journal_path));
		json_object_set_new(j, "file", json_string(path));
		json_object_set_new(j, "bytes", json_integer(size));
		json_object_set_new(j, "integrity", json_string("ok"));
		cmd_print_json(j);
	} else
		printf("backed up \"%s\" to \"%s\" (%lld bytes, integrity ok); restore by copying it back while"
		       " mgtrack is not running, or open it with --db\n", ctx->journal_path, path, size);
	return 0;
}
