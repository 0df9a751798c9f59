/*
 * Errors as values. Core, store and io functions return 0 on success or -1
 * on failure and fill a caller-owned struct mg_err with an exit-code class
 * (sysexits style) and a one-line message; only cmd/ and web/ print it.
 */
#ifndef MG_ERR_H
#define MG_ERR_H

enum mg_code {
	MG_OK = 0,
	MG_EUSAGE = 64,     /* bad command line: unknown flag, missing argument */
	MG_EDATA = 65,      /* bad data: a value out of range, a damaged file */
	MG_ENOINPUT = 66,   /* an input file, food or profile does not exist */
	MG_EUNAVAIL = 69,   /* a needed service or database is unavailable */
	MG_ESOFTWARE = 70,  /* an internal error: a bug */
	MG_EIO = 74,        /* reading or writing a file failed */
};

struct mg_err {
	int code;
	char msg[512];
};

/* Fills e (if not NULL) with code and a printf-style message; returns -1 so
 * callers can write `return mg_err_set(e, MG_EDATA, "...")`. */
int mg_err_set(struct mg_err *e, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Clears e to "no error". */
void mg_err_clear(struct mg_err *e);

#endif
