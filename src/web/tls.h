/*
 * HTTPS for `mgtrack serve --bind` beyond loopback (tls.c): a self-signed
 * certificate made with GnuTLS on first use and kept beside the journal,
 * and its SHA-256 fingerprint, which serve prints with the URL so the
 * person can check it on the phone before accepting the certificate.
 */
#ifndef MG_WEB_TLS_H
#define MG_WEB_TLS_H

#include <stddef.h>
#include "util/err.h"

/* "AB:CD:..." for the 32 bytes of a SHA-256, and its NUL. */
#define WEB_TLS_FINGERPRINT_LEN 96

struct web_tls {
	char *key_pem;                 /* malloc'd, NUL-terminated */
	char *cert_pem;
	char fingerprint[WEB_TLS_FINGERPRINT_LEN];
	char key_path[4200], cert_path[4200];
	int made;                      /* 1: made now, 0: loaded */
};

/* Loads JOURNAL.tls-key.pem and JOURNAL.tls-cert.pem, or makes both (mode
 * 0600) when neither or only one exists. Returns 0, or -1 with e filled. */
int web_tls_load(const char *journal_path, struct web_tls *t, struct mg_err *e);
/* Frees the PEM texts. */
void web_tls_release(struct web_tls *t);

#endif
