/*
 * The web app's insides, shared by the server (server.c), the API handlers
 * (api-*.c) and the pages (pages.c): the app state, a request as handlers
 * see it, the response they fill, and the route table type. Only server.c
 * includes libmicrohttpd (guard.c knows sockets, not HTTP); handlers read
 * the request through web_query and the parsed JSON body, so they stay
 * small and testable.
 */
#ifndef MG_WEB_H
#define MG_WEB_H

#include <jansson.h>
#include <sqlite3.h>
#include <stddef.h>
#include "core/profile.h"
#include "core/review.h"
#include "util/err.h"

/* Request bodies above this are refused with 413. */
#define WEB_MAX_BODY 16384
/* The smallest food amount (grams or measures) the log takes: a hundredth
 * is already a crumb, and 1e-300 is a typing or a scripting error that
 * would otherwise be stored as an entry that counts for nothing. */
#define WEB_MIN_AMOUNT 0.01

struct web_options {
	const char *bind;          /* dotted IPv4 address, default 127.0.0.1 */
	unsigned port;             /* 0: any free port */
	const char *token;         /* NULL: none (loopback) or generated */
	int insecure_http;         /* beyond loopback: plain HTTP, no certificate */
};

/* One cached answer, valid while the journal has not changed. */
struct web_cache {
	char key[256];
	long long version;
	char *body;
	size_t len;
};

struct web_app {
	sqlite3 *db;                    /* the journal, opened once, used by the server thread only */
	sqlite3_stmt *data_version;     /* PRAGMA data_version, prepared once */
	char journal_path[4096];
	char foods_path[4096];
	const char *profile;            /* profile name */
	char csrf[65];                  /* per-run CSRF token (hex) */
	char token[65];                 /* access token, "" when not needed */
	char origin[300];               /* http(s)://HOST:PORT of this server */
	int tls;                        /* served over HTTPS */
	char hosts[4][300];             /* Host header values accepted */
	size_t n_hosts;
	struct web_cache review_cache[8];
	size_t review_next;
};

struct web_req {
	void *conn;                     /* the MHD connection (server.c only) */
	const char *method;
	const char *path;
	const char *arg;                /* what follows a prefix route: an id or a date */
	json_t *body;                   /* a POST's JSON object, or NULL */
};

struct web_resp {
	unsigned status;
	const char *type;               /* Content-Type */
	char *body;                     /* malloc'd, owned */
	size_t len;
	const char *disposition;        /* Content-Disposition, or NULL */
	const char *csp;                /* a page-specific Content-Security-Policy, or NULL */
	int cacheable;                  /* compiled-in assets */
	unsigned retry_after;           /* seconds for Retry-After, 0: none */
};

typedef void (*web_handler)(struct web_app *app, struct web_req *rq, struct web_resp *rs);

struct web_route {
	const char *method;
	const char *path;               /* exact, or a prefix ending in '/' when prefix is set */
	int prefix;
	web_handler fn;
};

/* The routes (routes.c), in match order. */
extern const struct web_route web_routes[];
extern const size_t web_n_routes;

/* The route for method and path (arg: the rest after a prefix route), or
 * NULL; *path_known says whether another method would match. */
const struct web_route *web_find_route(const char *method, const char *path, const char **arg, int *path_known);
/* Equal secrets, compared in time independent of where they differ. */
int web_same_secret(const char *a, const char *b);

/* What the server tells serve once it listens. */
struct web_ready {
	const char *url;                /* to open, with the token when there is one */
	const char *fingerprint;        /* the certificate's SHA-256, or NULL (plain HTTP) */
	const char *cert_path;          /* where it is kept, or NULL */
	int cert_made;                  /* made on this start */
};

/* Starts the server and blocks until SIGINT or SIGTERM. `ready` is called
 * once it listens. Beyond loopback it serves HTTPS with the certificate
 * kept beside the journal (tls.h), unless o->insecure_http. Returns 0 or
 * -1 with e filled. */
int web_serve(struct web_app *app, const struct web_options *o, void (*ready)(const struct web_ready *r, void *ctx),
	      void *ready_ctx, struct mg_err *e);

/* ---- for handlers ---- */

/* A query parameter (URL-decoded), or NULL. */
const char *web_query(struct web_req *rq, const char *name);
/* Answers j (stolen) as JSON with status. */
void web_json(struct web_resp *rs, unsigned status, json_t *j);
/* Answers {"error": {code, message, field}}. */
void web_error(struct web_resp *rs, unsigned status, const char *code, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* Answers a core error: its class picks the status (65 -> 422, 66 -> 404...). */
void web_fail(struct web_resp *rs, const struct mg_err *e, const char *field);
/* Answers bytes (copied) with a type. */
void web_bytes(struct web_resp *rs, unsigned status, const char *type, const char *data, size_t len);
/* web_fail for core checks written for the command line: the first
 * "--flag" in the message names the field (as the API spells it, e.g.
 * medicines for --med), the message uses the API's names, and a usage
 * class becomes 422. fallback names the field when no flag is found. */
void web_fail_flags(struct web_resp *rs, const struct mg_err *e, const char *fallback);
/* Loads the app's profile; on failure answers 404 and returns -1. */
int web_profile(struct web_app *app, struct web_resp *rs, struct profile *p);
/* Parses an optional whole-number query parameter within [min, max]
 * (default def); on failure answers 400 naming it and returns -1. */
int web_query_long(struct web_req *rq, struct web_resp *rs, const char *name, long min, long max, long def, long *out);
/* Every key of body is one of known (NULL-terminated); else answers 422
 * naming the first stranger (what: "product", "trial design"...). */
int web_only_known(struct web_resp *rs, json_t *body, const char *const *known, const char *what);
/* A journal version that changes with every commit, from any process. */
long long web_journal_version(struct web_app *app);

/* Handlers (api-read.c, api-log.c, api-edit.c, pages.c). */
void api_session(struct web_app *, struct web_req *, struct web_resp *);
void api_profile(struct web_app *, struct web_req *, struct web_resp *);
void api_targets(struct web_app *, struct web_req *, struct web_resp *);
void api_intake(struct web_app *, struct web_req *, struct web_resp *);
void api_foods(struct web_app *, struct web_req *, struct web_resp *);
void api_food(struct web_app *, struct web_req *, struct web_resp *);
void api_products(struct web_app *, struct web_req *, struct web_resp *);
void api_plan(struct web_app *, struct web_req *, struct web_resp *);
void api_course(struct web_app *, struct web_req *, struct web_resp *);
void api_course_post(struct web_app *, struct web_req *, struct web_resp *);
void api_review_apply(struct web_app *, struct web_req *, struct web_resp *);
void api_plan_ics(struct web_app *, struct web_req *, struct web_resp *);
void api_export(struct web_app *, struct web_req *, struct web_resp *);
void api_review(struct web_app *, struct web_req *, struct web_resp *);
void api_review_chart(struct web_app *, struct web_req *, struct web_resp *);
void api_trial(struct web_app *, struct web_req *, struct web_resp *);
void api_trial_analysis(struct web_app *, struct web_req *, struct web_resp *);
void api_profile_post(struct web_app *, struct web_req *, struct web_resp *);
void api_product_post(struct web_app *, struct web_req *, struct web_resp *);
void api_trial_post(struct web_app *, struct web_req *, struct web_resp *);
void api_nights(struct web_app *, struct web_req *, struct web_resp *);
void api_night(struct web_app *, struct web_req *, struct web_resp *);
void api_night_post(struct web_app *, struct web_req *, struct web_resp *);
void api_food_log(struct web_app *, struct web_req *, struct web_resp *);
void api_food_log_post(struct web_app *, struct web_req *, struct web_resp *);
void api_food_log_delete(struct web_app *, struct web_req *, struct web_resp *);
void api_doses(struct web_app *, struct web_req *, struct web_resp *);
void api_dose_post(struct web_app *, struct web_req *, struct web_resp *);
void api_dose_delete(struct web_app *, struct web_req *, struct web_resp *);
void page_app(struct web_app *, struct web_req *, struct web_resp *);
void page_asset(struct web_app *, struct web_req *, struct web_resp *);
void page_report(struct web_app *, struct web_req *, struct web_resp *);

#endif
