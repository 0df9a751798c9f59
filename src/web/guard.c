/*
 * The connection guard: request deadlines and load shedding for the web
 * server (see guard.h for what and why). libmicrohttpd's own timeout is an
 * idle timeout, reset by every byte, so it cannot stop a client that sends
 * one byte a second; this measures the whole request instead.
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
	free(k);
}

unsigned guard_sweep(struct guard *g, double now)
{
	double limit = g->open > GUARD_BUSY_CONNECTIONS ? GUARD_BUSY_SECONDS : GUARD_REQUEST_SECONDS;
	unsigned n = 0;
	for (struct guard_conn *k = g->head; k; k = k->next) {
		if (!k->reading || k->shut || now - k->start <= limit)
			continue;
		shutdown(k->fd, SHUT_RDWR);
		k->shut = 1;
		n++;
	}
	g->shed += n;
	return n;
}
