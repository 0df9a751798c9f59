/*
 * The connection guard (guard.c): a deadline for every request, so a
 * client that trickles its headers or body cannot hold a connection for
 * longer than a few seconds however steadily it sends, and a shorter one
 * when many connections are open, so a crowd of slow clients is shed
 * before the connection limit shuts everyone out, and a cap on open
 * connections that makes room for a new one by shutting the oldest one
 * still sending its request: many addresses trickling bytes cannot fill
 * every slot and leave the phone waiting. It knows sockets and
 * times, not HTTP: server.c tells it when a connection opens, when a
 * request has been read in full, when it was answered, and when the
 * connection closes, and calls guard_sweep from the server's only thread.
 */
#ifndef MG_WEB_GUARD_H
#define MG_WEB_GUARD_H

/* Headers and body of one request must arrive within this many seconds of
 * the connection opening or of the previous answer. Our requests are a
 * few hundred bytes (bodies at most 16 KiB): a phone on a weak Wi-Fi sends
 * that in well under a second. */
#define GUARD_REQUEST_SECONDS 5.0
/* With more connections open than GUARD_BUSY_CONNECTIONS, a request gets
 * GUARD_BUSY_SECONDS: slow clients are dropped first, quick ones are
 * still served. The one person using the app opens a handful; the
 * benchmark opens 50. */
#define GUARD_BUSY_CONNECTIONS 128
#define GUARD_BUSY_SECONDS 1.0
/* At most this many connections stay open. A new one past it shuts the
 * connection whose request has been arriving longest (a slow client, or
 * an idle kept-alive one); a quick client's request is whole within
 * milliseconds, so it is never that one. Only when every open connection
 * is being answered is the new one itself shut, at once. Below the
 * server's own limit (server.c), which must never be reached: there
 * libmicrohttpd stops accepting and a new client would wait unanswered. */
#define GUARD_MAX_CONNECTIONS 512

struct guard_conn {
	int fd;
	double start;              /* when this request could begin (monotonic s) */
	int reading;               /* still reading the request: the deadline applies */
	int shut;                  /* already shut down by the sweep */
	struct guard_conn *prev, *next;
};

struct guard {
	struct guard_conn *head;
	unsigned open;             /* connections open */
	unsigned shutting;         /* of those, shut and not yet closed */
	unsigned long shed;        /* connections shut for being too slow */
	unsigned long evicted;     /* connections shut to make room for a new one */
};

/* Seconds on the monotonic clock. */
double guard_now(void);
/* A new connection on fd; the caller owns the result until guard_close.
 * With GUARD_MAX_CONNECTIONS already open, shuts the oldest one still
 * reading its request, or this one when none is. */
struct guard_conn *guard_open(struct guard *g, int fd, double now);
/* The request has been read in full: no deadline while it is answered. */
void guard_answered(struct guard_conn *k);
/* The answer has gone: the next request on this connection starts now. */
void guard_next(struct guard_conn *k, double now);
/* The connection closed; frees k. */
void guard_close(struct guard *g, struct guard_conn *k);
/* Shuts down (both ways) every connection whose request is past its
 * deadline at now; the server then sees it end and closes it. Returns how
 * many were shut. */
unsigned guard_sweep(struct guard *g, double now);

#endif
