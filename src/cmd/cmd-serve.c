/*
 * `mgtrack serve`: the local web app. Opens the journal once (the server
 * thread is its only user), prints the URL to open, and serves until
 * Ctrl-C. Binding beyond loopback needs a token, generated when not given,
 * and serves HTTPS with a self-signed certificate kept beside the journal:
 * the fingerprint is printed under the URL so it can be checked on the
 * phone. --insecure-http serves plain HTTP there instead, and says what
 * that exposes.
 */
#include <getopt.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cmd/cmd.h"
#include "store/db.h"
#include "web/web.h"
#include "util/strbuf.h"
#include "util/banned.h"

struct serve_ctx {
	int open_browser;
	int insecure;              /* plain HTTP beyond loopback */
};

static void ready(const struct web_ready *r, void *ctx)
{
	struct serve_ctx *sc = ctx;
	int open_browser = sc->open_browser;
	const char *url = r->url;
	printf("mgtrack serving at %s\n", url);
	if (r->fingerprint)
		printf("certificate SHA-256 %s\n", r->fingerprint);
	fflush(stdout);
	if (r->fingerprint)
		fprintf(stderr, "mgtrack: the certificate is self-signed (%s %s): when the browser warns, accept it only if"
			" it shows this SHA-256 fingerprint\n", r->cert_made ? "made now in" : "kept in", r->cert_path);
	if (sc->insecure)
		fprintf(stderr, "mgtrack: --insecure-http: the token and everything the app shows or sends (nights, doses,"
			" food, the profile) cross the network in clear text; anyone on it can read them and use the token\n");
	fprintf(stderr, "mgtrack: press Ctrl-C to stop\n");
	if (open_browser) {
		/* xdg-open is the desktop's own way to open a URL. The server has
		 * blocked SIGINT and SIGTERM for itself; the browser gets them back. */
		posix_spawnattr_t attr;
		sigset_t none;
		sigemptyset(&none);
		posix_spawnattr_init(&attr);
		posix_spawnattr_setsigmask(&attr, &none);
		posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);
		char *argv[] = {"xdg-open", (char *)url, NULL};
		pid_t pid;
		if (posix_spawnp(&pid, "xdg-open", NULL, &attr, argv, environ) != 0)
			fprintf(stderr, "mgtrack: could not start a browser (xdg-open); open %s yourself\n", url);
		posix_spawnattr_destroy(&attr);
	}
}

int cmd_serve(int argc, char **argv, struct cmd_ctx *ctx)
{
	static const struct option opts[] = {
		{"bind", required_argument, NULL, 'b'},
		{"port", required_argument, NULL, 'p'},
		{"token", required_argument, NULL, 't'},
		{"open", no_argument, NULL, 'o'},
		{"insecure-http", no_argument, NULL, 'i'},
		{NULL, 0, NULL, 0},
	};
	struct web_options o = {.bind = "127.0.0.1", .port = 8737};
	long port;
	int c, rc, open_browser = 0;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'b': o.bind = optarg; break;
		case 'p':
			if ((rc = cmd_parse_long("--port", optarg, 0, 65535, &port)))
				return rc;
			o.port = (unsigned)port;
			break;
		case 't': o.token = optarg; break;
		case 'o': open_browser = 1; break;
		case 'i': o.insecure_http = 1; break;
		default: return cmd_bad_option(ctx, c, argv);
		}
	}
	if (optind < argc)
		return cmd_usage(ctx, "unexpected argument \"%s\"", argv[optind]);
	struct web_app *app = mg_calloc(1, sizeof(*app));
	mg_strlcpy(app->journal_path, ctx->journal_path, sizeof(app->journal_path));
	mg_strlcpy(app->foods_path, ctx->foods_path, sizeof(app->foods_path));
	app->profile = ctx->profile;
	if ((rc = cmd_open_journal(ctx, &app->db))) {
		free(app);
		return rc;
	}
	struct mg_err e = {0};
	struct serve_ctx sc = {open_browser, 0};
	/* The warning is for a server others can reach; on loopback the flag
	 * changes nothing. */
	sc.insecure = o.insecure_http && strncmp(o.bind, "127.", 4) != 0;
	rc = web_serve(app, &o, ready, &sc, &e);
	db_close(app->db);
	free(app);
	if (rc < 0)
		return e.code == MG_EUSAGE ? cmd_usage(ctx, "%s", e.msg) : cmd_fail(&e);
	return 0;
}
