/*
 * `mgtrack export --csv DIR [--all-profiles]` (docs/EXPORT.md, section
 * CSV): one read transaction for every file of every profile, then each
 * file written through a temporary file and a rename. DIR is made (mode
 * 0700) when missing; only the files named in export_csv_names are
 * replaced, anything else in DIR is left alone. With --all-profiles each
 * profile gets its own folder DIR/NAME holding the same five files.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "cmd/cmd.h"
#include "store/db.h"
#include "view/export-csv.h"
#include "util/strbuf.h"
#include "util/banned.h"

struct profile_files {
	char name[64];
	long id;
	struct strbuf file[EXPORT_CSV_FILES];
	size_t rows[EXPORT_CSV_FILES];
};

struct export_set {
	struct profile_files *p;
	size_t n;
};

static void add_name(const char *name, void *ctx)
{
	struct export_set *s = ctx;
	s->p = mg_realloc(s->p, (s->n + 1) * sizeof(*s->p));
	struct profile_files *pf = &s->p[s->n++];
	memset(pf, 0, sizeof(*pf));
	mg_strlcpy(pf->name, name, sizeof(pf->name));
	for (int i = 0; i < EXPORT_CSV_FILES; i++)
		strbuf_init(&pf->file[i]);
}

static void release_set(struct export_set *s)
{
	for (size_t k = 0; k < s->n; k++)
		for (int i = 0; i < EXPORT_CSV_FILES; i++)
			strbuf_release(&s->p[k].file[i]);
	free(s->p);
}

/* A profile's folder name under DIR: the name as it is, but with '/',
 * '%', control bytes and a leading '.' written as %XX, so no name climbs
 * out of DIR or hides, and two names never share a folder. */
static void folder_name(const char *name, struct strbuf *out)
{
	for (const unsigned char *c = (const unsigned char *)name; *c; c++) {
		if (*c == '/' || *c == '%' || *c < 0x20 || *c == 0x7f || (*c == '.' && c == (const unsigned char *)name))
			strbuf_addf(out, "%%%02X", *c);
		else
			strbuf_addch(out, (char)*c);
	}
}

/* DIR itself: made with its parents (mode 0700) when missing; a file
 * there is refused. */
static int make_dir(const char *dir)
{
	struct stat st;
	if (stat(dir, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return 0;
		cmd_say("export --csv: \"%s\" is a file, not a folder: name a folder (it is made when missing)", dir);
		return MG_EIO;
	}
	if (errno != ENOENT) {
		cmd_say("export --csv: cannot use \"%s\": %s", dir, strerror(errno));
		return MG_EIO;
	}
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_addf(&sb, "%s/x", dir);
	struct mg_err e = {0};
	int rc = db_mkdirs_for(sb.buf, &e);
	strbuf_release(&sb);
	return rc < 0 ? cmd_fail(&e) : 0;
}

static int write_files(const char *dir, const struct profile_files *pf)
{
	int rc = make_dir(dir);
	for (int i = 0; i < EXPORT_CSV_FILES && !rc; i++) {
		struct strbuf path;
		strbuf_init(&path);
		strbuf_addf(&path, "%s/%s", dir, export_csv_names[i]);
		rc = cmd_write_file(path.buf, pf->file[i].buf ? pf->file[i].buf : "", pf->file[i].len);
		strbuf_release(&path);
	}
	return rc;
}

/* Reads every profile's files in one read transaction. */
static int read_all(struct cmd_ctx *ctx, int all, struct export_set *s)
{
	sqlite3 *db;
	struct mg_err e = {0};
	int rc = cmd_open_existing(ctx, &db);
	if (rc)
		return rc;
	if (db_begin_read(db, &e) < 0) {
		db_close(db);
		return cmd_fail(&e);
	}
	if (all) {
		if (journal_profile_names(db, add_name, s, &e) < 0) {
			rc = cmd_fail(&e);
			goto out;
		}
		if (!s->n) {
			cmd_say("the journal has no profile: start one with 'mgtrack init'");
			rc = MG_ENOINPUT;
			goto out;
		}
	} else {
		add_name(ctx->profile, s);
	}
	for (size_t k = 0; k < s->n; k++) {
		struct profile p;
		struct cmd_ctx one = *ctx;
		one.profile = s->p[k].name;
		if ((rc = cmd_load_profile(&one, db, &p)))
			goto out;
		if (view_export_csv(db, p.id, s->p[k].file, s->p[k].rows, &e) < 0) {
			rc = cmd_fail(&e);
			goto out;
		}
	}
out:
	db_rollback(db);   /* a read: nothing to commit */
	db_close(db);
	return rc;
}

int cmd_export_csv(struct cmd_ctx *ctx, const char *dir, int all)
{
	int rc = cmd_check_path("export --csv DIR", dir);
	if (rc)
		return rc;
	struct export_set s = {0};
	if ((rc = read_all(ctx, all, &s))) {
		release_set(&s);
		return rc;
	}
	/* DIR is refused or made before any profile's folder. */
	if ((rc = make_dir(dir))) {
		release_set(&s);
		return rc;
	}
	for (size_t k = 0; k < s.n && !rc; k++) {
		struct strbuf where;
		strbuf_init(&where);
		strbuf_adds(&where, dir);
		if (all) {
			strbuf_addch(&where, '/');
			folder_name(s.p[k].name, &where);
		}
		rc = cmd_check_path("export --csv DIR", where.buf);
		if (!rc)
			rc = write_files(where.buf, &s.p[k]);
		if (!rc) {
			printf("profile \"%s\" exported to %s/\n", s.p[k].name, where.buf);
			for (int i = 0; i < EXPORT_CSV_FILES; i++)
				printf("  %-18s %zu rows\n", export_csv_names[i], s.p[k].rows[i]);
		}
		strbuf_release(&where);
	}
	release_set(&s);
	return rc;
}
