/*
 * The connection guard: request deadlines and load shedding for the web
 * server (see guard.h for what and why). libmicrohttpd's own timeout is an
 * idle timeout, reset by every byte, so it cannot stop a client that sends
 * one byte a second; this measures the whole request instead. And its
 * connection limit, once reached, stops accepting: new clients wait in
 * the kernel's queue until a slot frees. So the guard keeps the count
 * below it, shutting the slowest request's connection for a new one.
 *
 * A late connection is shut down with shutdown(2), never closed: the
 * socket stays libmicrohttpd's, which sees the end of it, closes it and
 * tells server.c, which calls guard_close. Everything runs on the
 * server's one thread, so a descriptor is never shut after it was closed
 * and handed to a new connection.
 */
#include <stdlib.h>
#include <sys/socket.h>
#include <time.h>
#include "web/guard.h"
#include "util/strbuf.h"
#include "util/banned.h"

double guard_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void shut(struct guard *g, struct guard_conn *k)
{
	shutdown(k->fd, SHUT_RDWR);
	k->shut = 1;
	g->shutting++;
}

/* Makes room for k: the connection whose request began first among those
 * still reading is shut (the list runs newest first, so a tie goes to
 * the older); with none, k itself. */
static void make_room(struct guard *g, struct guard_conn *k)
{
	struct guard_conn *oldest = NULL;
	for (struct guard_conn *o = k->next; o; o = o->next)
		if (o->reading && !o->shut && (!oldest || o->start <= oldest->start))
			oldest = o;
	shut(g, oldest ? oldest : k);
	g->evicted++;
}

struct guard_conn *guard_open(struct guard *g, int fd, double now)
{
	struct guard_conn *k = mg_calloc(1, sizeof(*k));
	k->fd = fd;
	k->start = now;
	k->reading = 1;
	k->next = g->head;
	if (g->head)
		g->head->prev = k;
	g->head = k;
	g->open++;
	if (g->open - g->shutting > GUARD_MAX_CONNECTIONS)
		make_room(g, k);
	return k;
}

void guard_answered(struct guard_conn *k)
{
	k->reading = 0;
}

void guard_next(struct guard_conn *k, double now)
{
	k->reading = 1;
	k->start = now;
}

void guard_close(struct guard *g, struct guard_conn *k)
{
	if (k->prev)
		k->prev->next = k->next;
	else
		g->head = k->next;
	if (k->next)
		k->next->prev = k->prev;
	g->open--;
	if (k->shut)
		g->shutting--;
	free(k);
}

unsigned guard_sweep(struct guard *g, double now)
{
	double limit = g->open > GUARD_BUSY_CONNECTIONS ? GUARD_BUSY_SECONDS : GUARD_REQUEST_SECONDS;
	unsigned n = 0;
	for (struct guard_conn *k = g->head; k; k = k->next) {
		if (!k->reading || k->shut || now - k->start <= limit)
			continue;
		shut(g, k);
		n++;
	}
	g->shed += n;
	return n;
}
