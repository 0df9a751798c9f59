/*
 * The server's certificate (see tls.h). A self-signed one: the phone has
 * no way to trust a local name through a certificate authority, so the
 * person compares the fingerprint serve prints with the one the browser
 * shows. The key is ECDSA P-256 (small, fast, and what every phone
 * browser takes); the certificate is valid for ten years, since renewing
 * it would change the fingerprint the person has learnt to expect.
 *
 * The files are written through a temporary file in the journal's folder
 * (mkstemp: O_EXCL, mode 0600), flushed and renamed, so a crash never
 * leaves half a key, and the key is never readable by anyone else.
 */
#include <errno.h>
#include <fcntl.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "web/tls.h"
#include "util/strbuf.h"
#include "util/banned.h"

#define TLS_MAX_PEM (64 * 1024)
#define TLS_VALID_DAYS 3650

/* Reads a whole small file; NULL with errno set when it cannot. Tightens
 * a file others can read to 0600. */
static char *read_pem(const char *path, struct mg_err *e, int *missing)
{
	*missing = 0;
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT)
			*missing = 1;
		else
			mg_err_set(e, MG_EIO, "cannot read \"%s\": %s", path, strerror(errno));
		return NULL;
	}
	struct stat sb;
	if (fstat(fd, &sb) == 0 && (sb.st_mode & 077)) {
		fchmod(fd, 0600);
		fprintf(stderr, "mgtrack: serve: \"%s\" was readable by others; it is now 0600\n", path);
	}
	char *buf = mg_malloc(TLS_MAX_PEM + 1);
	size_t len = 0;
	ssize_t r;
	while (len < TLS_MAX_PEM && (r = read(fd, buf + len, TLS_MAX_PEM - len)) != 0) {
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			mg_err_set(e, MG_EIO, "cannot read \"%s\": %s", path, strerror(errno));
			close(fd);
			free(buf);
			return NULL;
		}
		len += (size_t)r;
	}
	close(fd);
	buf[len] = '\0';
	return buf;
}

/* Writes data to path through a 0600 temporary file beside it. */
static int write_private(const char *path, const void *data, size_t len, struct mg_err *e)
{
	struct strbuf tmp;
	strbuf_init(&tmp);
	strbuf_addf(&tmp, "%s.tmp-XXXXXX", path);
	int fd = mkstemp(tmp.buf);
	if (fd < 0) {
		strbuf_release(&tmp);
		return mg_err_set(e, MG_EIO, "cannot create \"%s\": %s", path, strerror(errno));
	}
	const char *p = data;
	size_t left = len;
	int ok = 1;
	while (left && ok) {
		ssize_t w = write(fd, p, left);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			ok = 0;
		else
			p += w, left -= (size_t)w;
	}
	ok = ok && fsync(fd) == 0;
	int err = errno;
	close(fd);
	if (!ok || rename(tmp.buf, path) != 0) {
		if (ok)
			err = errno;
		unlink(tmp.buf);
		strbuf_release(&tmp);
		return mg_err_set(e, MG_EIO, "cannot write \"%s\": %s", path, strerror(err));
	}
	strbuf_release(&tmp);
	return 0;
}

static int gnutls_fail(int rc, const char *what, struct mg_err *e)
{
	return mg_err_set(e, MG_ESOFTWARE, "cannot %s: %s", what, gnutls_strerror(rc));
}

/* Makes a key and a certificate signed with it; PEM texts in t. */
static int make_pair(struct web_tls *t, struct mg_err *e)
{
	gnutls_x509_privkey_t key = NULL;
	gnutls_x509_crt_t crt = NULL;
	gnutls_datum_t kp = {0}, cp = {0};
	int rc, ret = -1;
	unsigned char serial[16];
	if (getrandom(serial, sizeof(serial), 0) != (ssize_t)sizeof(serial))
		abort();   /* no randomness: never make a guessable key */
	serial[0] &= 0x7f;   /* a positive serial number, as RFC 5280 asks */
	time_t now = time(NULL);
	if ((rc = gnutls_x509_privkey_init(&key)) < 0 ||
	    (rc = gnutls_x509_privkey_generate(key, GNUTLS_PK_ECDSA, GNUTLS_CURVE_TO_BITS(GNUTLS_ECC_CURVE_SECP256R1), 0)) < 0) {
		gnutls_fail(rc, "make a key", e);
		goto out;
	}
	if ((rc = gnutls_x509_crt_init(&crt)) < 0 || (rc = gnutls_x509_crt_set_version(crt, 3)) < 0 ||
	    (rc = gnutls_x509_crt_set_serial(crt, serial, sizeof(serial))) < 0 ||
	    (rc = gnutls_x509_crt_set_activation_time(crt, now - 24 * 3600)) < 0 ||   /* a phone's clock may lag */
	    (rc = gnutls_x509_crt_set_expiration_time(crt, now + (time_t)TLS_VALID_DAYS * 24 * 3600)) < 0 ||
	    (rc = gnutls_x509_crt_set_dn_by_oid(crt, GNUTLS_OID_X520_COMMON_NAME, 0, "mgtrack", 7)) < 0 ||
	    (rc = gnutls_x509_crt_set_key(crt, key)) < 0 ||
	    (rc = gnutls_x509_crt_set_basic_constraints(crt, 0, -1)) < 0 ||
	    (rc = gnutls_x509_crt_set_key_usage(crt, GNUTLS_KEY_DIGITAL_SIGNATURE)) < 0 ||
	    (rc = gnutls_x509_crt_set_key_purpose_oid(crt, GNUTLS_KP_TLS_WWW_SERVER, 1)) < 0 ||
	    (rc = gnutls_x509_crt_sign2(crt, crt, key, GNUTLS_DIG_SHA256, 0)) < 0) {
		gnutls_fail(rc, "make a certificate", e);
		goto out;
	}
	if ((rc = gnutls_x509_privkey_export2(key, GNUTLS_X509_FMT_PEM, &kp)) < 0 ||
	    (rc = gnutls_x509_crt_export2(crt, GNUTLS_X509_FMT_PEM, &cp)) < 0) {
		gnutls_fail(rc, "write the certificate", e);
		goto out;
	}
	/* The key first: a certificate without its key is useless, and the
	 * next start makes both again. */
	if (write_private(t->key_path, kp.data, kp.size, e) < 0 || write_private(t->cert_path, cp.data, cp.size, e) < 0)
		goto out;
	t->key_pem = mg_malloc(kp.size + 1);
	memcpy(t->key_pem, kp.data, kp.size);
	t->key_pem[kp.size] = '\0';
	t->cert_pem = mg_malloc(cp.size + 1);
	memcpy(t->cert_pem, cp.data, cp.size);
	t->cert_pem[cp.size] = '\0';
	t->made = 1;
	ret = 0;
out:
	gnutls_free(kp.data);
	gnutls_free(cp.data);
	if (crt)
		gnutls_x509_crt_deinit(crt);
	if (key)
		gnutls_x509_privkey_deinit(key);
	return ret;
}

/* The certificate's SHA-256 fingerprint, as browsers show it. */
static int fingerprint(struct web_tls *t, struct mg_err *e)
{
	gnutls_x509_crt_t crt;
	gnutls_datum_t d = {(unsigned char *)t->cert_pem, (unsigned)strlen(t->cert_pem)};
	unsigned char fp[32];
	size_t n = sizeof(fp);
	int rc;
	if ((rc = gnutls_x509_crt_init(&crt)) < 0)
		return gnutls_fail(rc, "read the certificate", e);
	rc = gnutls_x509_crt_import(crt, &d, GNUTLS_X509_FMT_PEM);
	if (rc >= 0)
		rc = gnutls_x509_crt_get_fingerprint(crt, GNUTLS_DIG_SHA256, fp, &n);
	gnutls_x509_crt_deinit(crt);
	if (rc < 0 || n != sizeof(fp))
		return mg_err_set(e, MG_EDATA, "\"%s\" is not a usable certificate (%s): delete it and its key, and serve makes"
				  " new ones", t->cert_path, rc < 0 ? gnutls_strerror(rc) : "no SHA-256");
	for (size_t i = 0; i < n; i++)
		snprintf(t->fingerprint + 3 * i, 4, i + 1 < n ? "%02X:" : "%02X", fp[i]);
	return 0;
}

int web_tls_load(const char *journal_path, struct web_tls *t, struct mg_err *e)
{
	memset(t, 0, sizeof(*t));
	if (strlen(journal_path) + 20 > sizeof(t->key_path))
		return mg_err_set(e, MG_EUSAGE, "the journal's path is too long for its certificate files");
	snprintf(t->key_path, sizeof(t->key_path), "%s.tls-key.pem", journal_path);
	snprintf(t->cert_path, sizeof(t->cert_path), "%s.tls-cert.pem", journal_path);
	int kmiss, cmiss;
	e->code = 0;
	t->key_pem = read_pem(t->key_path, e, &kmiss);
	if (!t->key_pem && !kmiss)
		return -1;
	t->cert_pem = read_pem(t->cert_path, e, &cmiss);
	if (!t->cert_pem && !cmiss) {
		web_tls_release(t);
		return -1;
	}
	if (kmiss || cmiss) {
		/* Half a pair (a file deleted by hand): make both again. */
		web_tls_release(t);
		if (make_pair(t, e) < 0)
			return -1;
	}
	if (fingerprint(t, e) < 0) {
		web_tls_release(t);
		return -1;
	}
	return 0;
}

void web_tls_release(struct web_tls *t)
{
	free(t->key_pem);
	free(t->cert_pem);
	t->key_pem = t->cert_pem = NULL;
}
