/*
 * The error struct's two functions; see err.h for the convention.
 */
#include <stdarg.h>
#include <stdio.h>
#include "util/err.h"
#include "util/text.h"
#include "util/banned.h"

int mg_err_set(struct mg_err *e, int code, const char *fmt, ...)
{
	if (!e)
		return -1;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	/* Messages quote what people and files typed: never let a control
	 * byte or broken UTF-8 through to the terminal or a JSON answer. */
	mg_text_printable(e->msg);
	e->code = code;
	return -1;
}

void mg_err_clear(struct mg_err *e)
{
	if (!e)
		return;
	e->code = MG_OK;
	e->msg[0] = '\0';
}
