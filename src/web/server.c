/*
 * The HTTP server: libmicrohttpd, the access checks every request passes,
 * and dispatch through the route table (routes.c).
 *
 * Threading: one thread, ours: web_serve runs libmicrohttpd's epoll loop
 * itself (MHD_run_wait) so that between two turns it can sweep the
 * connection guard (guard.c: a deadline for every request, not only an
 * idle timeout) and see the stop signals (signalfd). Every request is a
 * few SQLite statements on a local file, answered in well under a
 * millisecond or, for the review, cached until the journal changes; one
 * thread keeps a single journal connection with no locking of our own,
 * and writes from the web are serialised for free.
 *
 * A busy journal: the CLI (an import, say) may hold the write lock for
 * seconds. Reads never wait for it (WAL). A web write waits at most
 * WEB_BUSY_MS, then answers 503 "busy" with Retry-After, and the web app
 * tries again (core.js). We chose this over a thread pool with a journal
 * connection per thread: the pool would let a write wait its full 5 s
 * without holding anyone up, but every cache, prepared statement and
 * read-modify-write here would need locking, for a server one person
 * uses; a short wait keeps the one-thread model and bounds the stall any
 * request can cause to a quarter of a second.
 *
 * Connections: at most WEB_PER_ADDRESS from one address (libmicrohttpd
 * closes the rest at once) and GUARD_MAX_CONNECTIONS in all (a new one
 * past that shuts the connection whose request has been arriving longest:
 * guard.c), each request within GUARD_REQUEST_SECONDS (a second when more
 * than GUARD_BUSY_CONNECTIONS are open), idle ones closed after
 * WEB_IDLE_SECONDS.
 *
 * Beyond loopback the server speaks HTTPS with a self-signed certificate
 * kept beside the journal (tls.c), whose fingerprint serve prints; plain
 * HTTP there only with --insecure-http.
 *
 * Checks, in order: the Host header (against DNS rebinding, on loopback),
 * the access token (when bound beyond loopback), then for POST and DELETE
 * the Origin (same origin only), the CSRF header, the content type and the
 * body cap. Every answer carries a strict Content-Security-Policy, nosniff
 * and no-store; there is no CORS.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <sys/signalfd.h>
#include <unistd.h>
#include "store/db.h"
#include "store/journal.h"
#include "web/guard.h"
#include "web/tls.h"
#include "web/web.h"
#include "util/strbuf.h"
#include "util/text.h"
#include "util/banned.h"

/* Scripts, styles and requests only from this server; no inline script,
 * no frames, no plugins, no forms posting elsewhere. */
static const char csp_app[] = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			      "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/* Limits on connections (see the top comment). 64 from one address: the
 * benchmark's 50 and a browser's handful fit; one greedy device does not
 * take every slot. libmicrohttpd's own limit is only a backstop, never
 * reached: at it, libmicrohttpd stops accepting and new clients would
 * wait unanswered, so the guard keeps the count at GUARD_MAX_CONNECTIONS
 * (512) and this leaves room for the connections it has shut and
 * libmicrohttpd has yet to close, under the 1024 descriptors a process
 * gets by default. */
#define WEB_PER_ADDRESS 64
#define WEB_MAX_CONNECTIONS 900
#define WEB_IDLE_SECONDS 10
/* How long a web write waits for the journal's write lock before
 * answering 503 busy (see the top comment). */
#define WEB_BUSY_MS 250

struct conn_state {
	struct strbuf body;
	int seen;          /* the headers have been checked */
	int too_large;
	int answered;
	int nul;           /* the raw URI holds %00 */
};

static struct guard guard;

/* ---- helpers for handlers ---- */

const char *web_query(struct web_req *rq, const char *name)
{
	return MHD_lookup_connection_value(rq->conn, MHD_GET_ARGUMENT_KIND, name);
}

void web_bytes(struct web_resp *rs, unsigned status, const char *type, const char *data, size_t len)
{
	free(rs->body);
	rs->status = status;
	rs->type = type;
	rs->body = mg_malloc(len ? len : 1);
	memcpy(rs->body, data, len);
	rs->len = len;
}

void web_json(struct web_resp *rs, unsigned status, json_t *j)
{
	free(rs->body);
	rs->status = status;
	rs->type = "application/json";
	/* JSON_ENCODE_ANY: an answer may be a bare null (GET /api/v1/course
	 * before any course), which jansson otherwise refuses to encode. */
	rs->body = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10) | JSON_ENCODE_ANY);
	rs->len = rs->body ? strlen(rs->body) : 0;
	json_decref(j);
}

void web_error(struct web_resp *rs, unsigned status, const char *code, const char *field, const char *fmt, ...)
{
	char msg[600];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	/* A query value quoted back may not be UTF-8: jansson would drop the
	 * whole message. */
	mg_text_printable(msg);
	json_t *err = json_object();
	json_object_set_new(err, "code", json_string(code));
	json_object_set_new(err, "message", json_string(msg));
	json_object_set_new(err, "field", field ? json_string(field) : json_null());
	json_t *j = json_object();
	json_object_set_new(j, "error", err);
	web_json(rs, status, j);
}

void web_fail(struct web_resp *rs, const struct mg_err *e, const char *field)
{
	switch (e->code) {
	case MG_EUSAGE: web_error(rs, 400, "bad_request", field, "%s", e->msg); break;
	case MG_EDATA: web_error(rs, 422, "bad_value", field, "%s", e->msg); break;
	case MG_ENOINPUT: web_error(rs, 404, "not_found", field, "%s", e->msg); break;
	case MG_EUNAVAIL:
		/* SQLite's words for a lock held by another connection: the CLI
		 * is writing. Worth trying again shortly, unlike a missing file. */
		if (strstr(e->msg, "is locked")) {
			web_error(rs, 503, "busy", NULL, "the journal is busy with another mgtrack writing; try again in a second");
			rs->retry_after = 1;
		} else {
			web_error(rs, 503, "unavailable", NULL, "%s", e->msg);
		}
		break;
	default: web_error(rs, 500, "internal", NULL, "%s", e->msg[0] ? e->msg : "internal error"); break;
	}
}

/* Core checks name the command line's flags ("--born ... is in the
 * future"); the API names its fields. Flags whose field differs: */
static const struct {
	const char *flag, *field;
} flag_fields[] = {
	{"med", "medicines"}, {"no-med", "medicines"}, {"condition", "conditions"}, {"no-condition", "conditions"},
	{"goal", "goals"},
};

void web_fail_flags(struct web_resp *rs, const struct mg_err *e, const char *fallback)
{
	struct mg_err out = *e;
	char field[40] = "";
	struct strbuf msg;
	strbuf_init(&msg);
	for (const char *m = e->msg; *m;) {
		if (m[0] == '-' && m[1] == '-' && m[2] >= 'a' && m[2] <= 'z') {
			char flag[40];
			size_t n = 0;
			for (m += 2; ((*m >= 'a' && *m <= 'z') || *m == '-') && n + 1 < sizeof(flag); m++)
				flag[n++] = *m;
			flag[n] = '\0';
			const char *name = flag;
			for (size_t i = 0; i < sizeof(flag_fields) / sizeof(flag_fields[0]); i++)
				if (strcmp(flag, flag_fields[i].flag) == 0)
					name = flag_fields[i].field;
			char api[40];
			mg_strlcpy(api, name, sizeof(api));
			for (char *c = api; *c; c++)
				if (*c == '-')
					*c = '_';
			if (!field[0])
				mg_strlcpy(field, api, sizeof(field));
			strbuf_adds(&msg, api);
		} else {
			strbuf_add(&msg, m++, 1);
		}
	}
	mg_strlcpy(out.msg, strbuf_str(&msg), sizeof(out.msg));
	strbuf_release(&msg);
	/* A value the core refuses is a bad value of the body, whatever class
	 * the command line gives it. */
	if (out.code == MG_EUSAGE)
		out.code = MG_EDATA;
	web_fail(rs, &out, field[0] ? field : fallback);
}

int web_profile(struct web_app *app, struct web_resp *rs, struct profile *p)
{
	struct mg_err e = {0};
	if (journal_profile_get(app->db, app->profile, p, &e) < 0) {
		web_fail(rs, &e, NULL);
		return -1;
	}
	return 0;
}

long long web_journal_version(struct web_app *app)
{
	/* data_version moves when another connection commits; our own
	 * commits show in total_changes. The statement is prepared once. */
	long long v = 0;
	if (!app->data_version &&
	    sqlite3_prepare_v3(app->db, "PRAGMA data_version", -1, SQLITE_PREPARE_PERSISTENT, &app->data_version, NULL) != SQLITE_OK)
		return -1;   /* never equal to a cached version: no caching */
	if (sqlite3_step(app->data_version) == SQLITE_ROW)
		v = sqlite3_column_int64(app->data_version, 0);
	sqlite3_reset(app->data_version);
	return (v << 32) ^ (long long)sqlite3_total_changes64(app->db);
}

/* ---- access checks ---- */

/* Equal strings, in time that does not depend on where they differ. */
int web_same_secret(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	unsigned char d = la != lb;
	for (size_t i = 0; i < la && i < lb; i++)
		d |= (unsigned char)(a[i] ^ b[i]);
	return d == 0;
}

static void random_hex(char *out, size_t bytes)
{
	unsigned char buf[32];
	if (bytes > sizeof(buf))
		bytes = sizeof(buf);
	size_t got = 0;
	while (got < bytes) {
		ssize_t r = getrandom(buf + got, bytes - got, 0);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			abort();   /* no randomness: a broken invariant, never ship a guessable token */
		got += (size_t)r;
	}
	for (size_t i = 0; i < bytes; i++)
		snprintf(out + 2 * i, 3, "%02x", buf[i]);
}

static const char *header(struct MHD_Connection *c, const char *name)
{
	return MHD_lookup_connection_value(c, MHD_HEADER_KIND, name);
}

static int host_ok(struct web_app *app, const char *host)
{
	if (app->token[0])
		return 1;   /* the token already proves the request is ours */
	for (size_t i = 0; host && i < app->n_hosts; i++)
		if (strcmp(host, app->hosts[i]) == 0)
			return 1;
	return 0;
}

/* 0: the request carries the token; 1: it came as ?token= on a GET, so the
 * caller sets the cookie and redirects; -1: missing or wrong. */
static int token_check(struct web_app *app, struct MHD_Connection *c, const char *method)
{
	if (!app->token[0])
		return 0;
	const char *v = MHD_lookup_connection_value(c, MHD_COOKIE_KIND, "mg_token");
	if (v && web_same_secret(v, app->token))
		return 0;
	v = header(c, "Authorization");
	if (v && strncmp(v, "Bearer ", 7) == 0 && web_same_secret(v + 7, app->token))
		return 0;
	v = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "token");
	if (v && web_same_secret(v, app->token))
		return strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0 ? 1 : 0;
	return -1;
}

/* ---- dispatch ---- */

const struct web_route *web_find_route(const char *method, const char *path, const char **arg, int *path_known)
{
	*path_known = 0;
	for (size_t i = 0; i < web_n_routes; i++) {
		const struct web_route *r = &web_routes[i];
		size_t n = strlen(r->path);
		int match = r->prefix ? strncmp(path, r->path, n) == 0 && path[n] && !strchr(path + n, '/')
				      : strcmp(path, r->path) == 0;
		if (!match)
			continue;
		*path_known = 1;
		if (strcmp(method, r->method) == 0) {
			*arg = r->prefix ? path + n : NULL;
			return r;
		}
	}
	return NULL;
}

static int is_write(const char *method)
{
	return strcmp(method, "POST") == 0 || strcmp(method, "DELETE") == 0;
}

static void handle(struct web_app *app, struct MHD_Connection *c, const char *method, const char *path,
		   struct conn_state *st, struct web_resp *rs)
{
	/* HEAD is GET without the body, which libmicrohttpd leaves out. */
	if (strcmp(method, "HEAD") == 0)
		method = "GET";
	struct web_req rq = {.conn = c, .method = method, .path = path};
	if (!host_ok(app, header(c, "Host"))) {
		web_error(rs, 403, "bad_host", NULL, "this server answers only to %s", app->hosts[0]);
		return;
	}
	int tk = token_check(app, c, method);
	if (tk < 0) {
		web_error(rs, 401, "unauthorized", NULL, "open the URL with the token that 'mgtrack serve' printed");
		return;
	}
	if (tk == 1) {
		/* Trade the token in the URL for a cookie, and drop it from the
		 * address bar and history. */
		rs->status = 303;
		rs->type = "text/plain";
		rs->body = mg_strdup("see other");
		rs->len = strlen(rs->body);
		return;
	}
	if (st->too_large) {
		web_error(rs, 413, "too_large", NULL, "the request body is over %d bytes", WEB_MAX_BODY);
		return;
	}
	const char *arg = NULL;
	int known;
	const struct web_route *r = web_find_route(method, path, &arg, &known);
	if (!r) {
		if (known)
			web_error(rs, 405, "method_not_allowed", NULL, "%s is not allowed on %s", method, path);
		else
			web_error(rs, 404, "not_found", NULL, "no page or route \"%s\"", path);
		return;
	}
	if (is_write(method)) {
		const char *origin = header(c, "Origin"), *host = header(c, "Host");
		char want[320];
		snprintf(want, sizeof(want), "%s://%s", app->tls ? "https" : "http", host ? host : "");
		const char *site = header(c, "Sec-Fetch-Site");
		if ((origin && strcmp(origin, want) != 0) || (site && strcmp(site, "same-origin") != 0 && strcmp(site, "none") != 0)) {
			web_error(rs, 403, "cross_origin", NULL, "requests from \"%s\" are refused", origin ? origin : site);
			return;
		}
		const char *csrf = header(c, "X-CSRF-Token");
		if (!csrf || !web_same_secret(csrf, app->csrf)) {
			web_error(rs, 403, "csrf", NULL, "missing or wrong X-CSRF-Token (GET /api/v1/session gives it)");
			return;
		}
	}
	if (strcmp(method, "POST") == 0) {
		const char *type = header(c, "Content-Type");
		if (!type || strncmp(type, "application/json", 16) != 0 || (type[16] && type[16] != ';')) {
			web_error(rs, 415, "unsupported_media_type", NULL, "send the body as application/json");
			return;
		}
		json_error_t je;
		rq.body = json_loadb(st->body.buf ? st->body.buf : "", st->body.len, JSON_REJECT_DUPLICATES, &je);
		if (!rq.body || !json_is_object(rq.body)) {
			json_decref(rq.body);
			web_error(rs, 400, "bad_request", NULL, "the body is not a JSON object%s%s", rq.body ? "" : ": ",
				  rq.body ? "" : je.text);
			return;
		}
	}
	rq.arg = arg;
	r->fn(app, &rq, rs);
	json_decref(rq.body);
}

struct query_acc {
	struct strbuf *sb;
	int n;
};

/* Appends one query parameter, percent-encoded, unless it is the token. */
static enum MHD_Result add_query(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	struct query_acc *q = cls;
	if (strcmp(key, "token") == 0)
		return MHD_YES;
	strbuf_adds(q->sb, q->n++ ? "&" : "?");
	for (int part = 0; part < 2; part++) {
		const char *v = part ? value : key;
		if (part) {
			if (!v)
				break;
			strbuf_adds(q->sb, "=");
		}
		for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
			if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || strchr("-._~", *p))
				strbuf_add(q->sb, (const char *)p, 1);
			else
				strbuf_addf(q->sb, "%%%02X", *p);
		}
	}
	return MHD_YES;
}

static enum MHD_Result send_response(struct web_app *app, struct MHD_Connection *c, const char *path, struct web_resp *rs)
{
	struct MHD_Response *resp =
		MHD_create_response_from_buffer(rs->len, rs->body ? rs->body : (char *)"", rs->body ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
	rs->body = NULL;
	MHD_add_response_header(resp, "Content-Type", rs->type ? rs->type : "text/plain; charset=utf-8");
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, "Cross-Origin-Opener-Policy", "same-origin");
	MHD_add_response_header(resp, "Cross-Origin-Resource-Policy", "same-origin");
	MHD_add_response_header(resp, "Content-Security-Policy", rs->csp ? rs->csp : csp_app);
	MHD_add_response_header(resp, "Cache-Control", rs->cacheable ? "private, max-age=3600" : "no-store");
	if (rs->disposition)
		MHD_add_response_header(resp, "Content-Disposition", rs->disposition);
	if (rs->retry_after) {
		char secs[16];
		snprintf(secs, sizeof(secs), "%u", rs->retry_after);
		MHD_add_response_header(resp, "Retry-After", secs);
	}
	if (rs->status == 303) {
		char cookie[200];
		snprintf(cookie, sizeof(cookie), "mg_token=%s; Path=/; HttpOnly; SameSite=Strict%s", app->token,
			 app->tls ? "; Secure" : "");
		MHD_add_response_header(resp, "Set-Cookie", cookie);
		struct strbuf loc;
		strbuf_init(&loc);
		/* Back to the page asked for, spelt as the route table spells it,
		 * never as the request did: "/\\x" or "//x" would leave the
		 * server. Anything else goes to Today. The query follows without
		 * the token, every byte but letters and digits percent-encoded. */
		const char *arg;
		int known;
		const struct web_route *r = web_find_route("GET", path, &arg, &known);
		strbuf_adds(&loc, r && !r->prefix ? r->path : "/");
		struct query_acc q = {&loc, 0};
		MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, add_query, &q);
		MHD_add_response_header(resp, "Location", strbuf_str(&loc));
		strbuf_release(&loc);
	}
	enum MHD_Result ret = MHD_queue_response(c, rs->status ? rs->status : 500, resp);
	MHD_destroy_response(resp);
	return ret;
}

/* ---- the request's life: guard, framing ---- */

static struct conn_state *new_state(void)
{
	struct conn_state *st = mg_calloc(1, sizeof(*st));
	strbuf_init(&st->body);
	return st;
}

static struct guard_conn *guard_of(struct MHD_Connection *c)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	return ci ? ci->socket_context : NULL;
}

/* The request is read: its deadline no longer applies while it is answered. */
static void request_answered(struct MHD_Connection *c)
{
	struct guard_conn *k = guard_of(c);
	if (k)
		guard_answered(k);
}

static void on_connection(void *cls, struct MHD_Connection *c, void **socket_context, enum MHD_ConnectionNotificationCode code)
{
	if (code == MHD_CONNECTION_NOTIFY_STARTED) {
		const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
		*socket_context = ci ? guard_open(&guard, ci->connect_fd, guard_now()) : NULL;
	} else if (*socket_context) {
		guard_close(&guard, *socket_context);
		*socket_context = NULL;
	}
}

/* Called with the raw request line's URI, before it is decoded: the only
 * place a %00 can be seen, since the decoded path ends at the NUL. What
 * it returns becomes the request's state. */
static void *on_uri(void *cls, const char *uri, struct MHD_Connection *c)
{
	struct conn_state *st = new_state();
	st->nul = strstr(uri, "%00") != NULL;
	return st;
}

struct header_count {
	unsigned host, length, encoding;
};

static enum MHD_Result count_header(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	struct header_count *n = cls;
	if (strcasecmp(key, "Host") == 0)
		n->host++;
	else if (strcasecmp(key, "Content-Length") == 0)
		n->length++;
	else if (strcasecmp(key, "Transfer-Encoding") == 0)
		n->encoding++;
	return MHD_YES;
}

/* Requests whose framing or target is ambiguous are refused before
 * anything else: two Hosts or two lengths are how requests are smuggled
 * past a proxy's checks, and a coding we cannot undo would leave the
 * client waiting for an answer that never comes. Returns 1 with rs
 * filled when the request is refused. */
static int framing_error(struct MHD_Connection *c, struct conn_state *st, struct web_resp *rs)
{
	struct header_count n = {0};
	MHD_get_connection_values(c, MHD_HEADER_KIND, count_header, &n);
	const char *te = header(c, "Transfer-Encoding");
	if (st->nul)
		web_error(rs, 400, "bad_request", NULL, "the address holds %%00 (a NUL byte)");
	else if (n.host > 1)
		web_error(rs, 400, "bad_request", NULL, "the request has %u Host headers; send one", n.host);
	else if (n.length > 1)
		web_error(rs, 400, "bad_request", NULL, "the request has %u Content-Length headers; send one", n.length);
	else if (n.encoding > 1 || (te && strcasecmp(te, "chunked") != 0))
		web_error(rs, 501, "not_implemented", NULL, "Transfer-Encoding \"%s\" is not supported: send the body as is or chunked",
			  te ? te : "");
	else if (te && n.length)
		web_error(rs, 400, "bad_request", NULL, "the request has both Content-Length and Transfer-Encoding; send one");
	else
		return 0;
	return 1;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
				  const char *version, const char *upload, size_t *upload_size, void **req_cls)
{
	struct web_app *app = cls;
	struct conn_state *st = *req_cls;
	if (!st)
		*req_cls = st = new_state();
	if (!st->seen) {
		st->seen = 1;
		/* Framing errors are answered before the body is read, so a client
		 * never waits for a body we would not understand. */
		struct web_resp rs = {0};
		if (framing_error(c, st, &rs)) {
			st->answered = 1;
			request_answered(c);
			enum MHD_Result r = send_response(app, c, url, &rs);
			free(rs.body);
			return r;
		}
		/* Refuse an announced oversized body before reading it. */
		const char *cl = header(c, MHD_HTTP_HEADER_CONTENT_LENGTH);
		if (cl && strtoull(cl, NULL, 10) > WEB_MAX_BODY)
			st->too_large = 1;
		else
			return MHD_YES;
	}
	if (*upload_size) {
		/* Keep reading (and dropping) past the cap: libmicrohttpd takes a
		 * response only before the body or after all of it, so the 413
		 * waits for the final call. */
		if (!st->too_large && st->body.len + *upload_size > WEB_MAX_BODY)
			st->too_large = 1;
		if (!st->too_large)
			strbuf_add(&st->body, upload, *upload_size);
		*upload_size = 0;
		return MHD_YES;
	}
	if (st->answered)
		return MHD_YES;
	st->answered = 1;
	request_answered(c);
	struct web_resp rs = {0};
	handle(app, c, method, url, st, &rs);
	enum MHD_Result r = send_response(app, c, url, &rs);
	free(rs.body);
	return r;
}

static void on_completed(void *cls, struct MHD_Connection *c, void **req_cls, enum MHD_RequestTerminationCode toe)
{
	struct conn_state *st = *req_cls;
	if (st) {
		strbuf_release(&st->body);
		free(st);
		*req_cls = NULL;
	}
	/* The next request on a kept-alive connection starts its clock now. */
	struct guard_conn *k = guard_of(c);
	if (k)
		guard_next(k, guard_now());
}

/* libmicrohttpd reports every client that hangs up mid-request, so a
 * crowd of slow clients would write thousands of lines; with stderr a
 * pipe that is read slowly (or not at all) the server's one thread would
 * then block in write(2) and serve nobody. So at most WEB_LOG_LINES lines
 * every WEB_LOG_SECONDS, and the count of those left out. */
#define WEB_LOG_LINES 20
#define WEB_LOG_SECONDS 10.0

static void on_mhd_error(void *cls, const char *fmt, va_list ap)
{
	static double window;
	static unsigned lines;
	static unsigned long left_out;
	double now = guard_now();
	if (now - window >= WEB_LOG_SECONDS) {
		if (left_out)
			fprintf(stderr, "mgtrack: serve: %lu more messages from libmicrohttpd left out\n", left_out);
		window = now;
		lines = 0;
		left_out = 0;
	}
	if (lines >= WEB_LOG_LINES) {
		left_out++;
		return;
	}
	lines++;
	fputs("mgtrack: serve: ", stderr);
	vfprintf(stderr, fmt, ap);
}

int web_serve(struct web_app *app, const struct web_options *o, void (*ready)(const struct web_ready *r, void *ctx),
	      void *ready_ctx, struct mg_err *e)
{
	struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)o->port)};
	if (inet_pton(AF_INET, o->bind, &sa.sin_addr) != 1)
		return mg_err_set(e, MG_EUSAGE, "--bind \"%s\" is not an IPv4 address", o->bind);
	int loopback = (ntohl(sa.sin_addr.s_addr) >> 24) == 127;
	app->token[0] = '\0';
	if (o->token) {
		if (strlen(o->token) < 16 || strlen(o->token) >= sizeof(app->token))
			return mg_err_set(e, MG_EUSAGE, "--token \"%s\" must be 16 to 64 characters", o->token);
		for (const char *p = o->token; *p; p++)
			if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '-' || *p == '_'))
				return mg_err_set(e, MG_EUSAGE, "--token \"%s\" may hold only letters, digits, - and _", o->token);
		mg_strlcpy(app->token, o->token, sizeof(app->token));
	} else if (!loopback) {
		random_hex(app->token, 20);
	}
	random_hex(app->csrf, 32);
	/* Beyond loopback the token and the journal cross the network: HTTPS,
	 * unless the person said plainly that they want it in clear. */
	struct web_tls tls = {0};
	app->tls = !loopback && !o->insecure_http;
	if (app->tls && web_tls_load(app->journal_path, &tls, e) < 0)
		return -1;
	struct MHD_OptionItem tls_opts[] = {
		{app->tls ? MHD_OPTION_HTTPS_MEM_KEY : MHD_OPTION_END, 0, tls.key_pem},
		{MHD_OPTION_HTTPS_MEM_CERT, 0, tls.cert_pem},
		{MHD_OPTION_END, 0, NULL},
	};

	/* Block the stop signals here, before the server thread starts, so it
	 * inherits the mask and only sigwait below sees them. */
	sigset_t stop;
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);

	int sfd = signalfd(-1, &stop, SFD_NONBLOCK | SFD_CLOEXEC);
	if (sfd < 0) {
		web_tls_release(&tls);
		pthread_sigmask(SIG_UNBLOCK, &stop, NULL);
		return mg_err_set(e, MG_ESOFTWARE, "cannot wait for signals: %s", strerror(errno));
	}
	/* Reads never wait for a writer (WAL); a write waits this long at
	 * most, so it never holds up the requests behind it for longer. */
	sqlite3_busy_timeout(app->db, WEB_BUSY_MS);
	memset(&guard, 0, sizeof(guard));
	struct MHD_Daemon *d = MHD_start_daemon(
		MHD_USE_EPOLL | MHD_USE_ERROR_LOG | (app->tls ? MHD_USE_TLS : 0), (uint16_t)o->port, NULL, NULL, on_request, app,
		MHD_OPTION_EXTERNAL_LOGGER, on_mhd_error, NULL,
		MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)WEB_IDLE_SECONDS,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned int)WEB_MAX_CONNECTIONS,
		MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned int)WEB_PER_ADDRESS,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
		MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
		MHD_OPTION_NOTIFY_CONNECTION, on_connection, NULL,
		MHD_OPTION_URI_LOG_CALLBACK, on_uri, NULL,
		MHD_OPTION_ARRAY, tls_opts,
		MHD_OPTION_END);
	if (!d) {
		close(sfd);
		web_tls_release(&tls);
		pthread_sigmask(SIG_UNBLOCK, &stop, NULL);
		return mg_err_set(e, MG_EUNAVAIL, "cannot listen on %s:%u: %s", o->bind, o->port,
				  errno ? strerror(errno) : "the address is in use or not this machine's");
	}
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	unsigned port = info ? info->port : o->port;
	snprintf(app->origin, sizeof(app->origin), "%s://%s:%u", app->tls ? "https" : "http", o->bind, port);
	app->n_hosts = 0;
	snprintf(app->hosts[app->n_hosts++], sizeof(app->hosts[0]), "%s:%u", o->bind, port);
	if (loopback) {
		snprintf(app->hosts[app->n_hosts++], sizeof(app->hosts[0]), "localhost:%u", port);
		if (strcmp(o->bind, "127.0.0.1") != 0)
			snprintf(app->hosts[app->n_hosts++], sizeof(app->hosts[0]), "127.0.0.1:%u", port);
	}
	char url[400];
	if (app->token[0])
		snprintf(url, sizeof(url), "%s/?token=%s", app->origin, app->token);
	else
		snprintf(url, sizeof(url), "%s/", app->origin);
	struct web_ready rd = {url, app->tls ? tls.fingerprint : NULL, app->tls ? tls.cert_path : NULL, tls.made};
	ready(&rd, ready_ctx);
	/* The loop: a turn of libmicrohttpd (at most 100 ms, so late requests
	 * are swept within a tenth of a second of their deadline), the sweep,
	 * and a look for SIGINT or SIGTERM. */
	struct signalfd_siginfo si;
	while (read(sfd, &si, sizeof(si)) != (ssize_t)sizeof(si)) {
		MHD_run_wait(d, 100);
		guard_sweep(&guard, guard_now());
	}
	close(sfd);
	MHD_stop_daemon(d);
	web_tls_release(&tls);
	pthread_sigmask(SIG_UNBLOCK, &stop, NULL);
	for (size_t i = 0; i < sizeof(app->review_cache) / sizeof(app->review_cache[0]); i++)
		free(app->review_cache[i].body);
	sqlite3_finalize(app->data_version);
	app->data_version = NULL;
	return 0;
}
