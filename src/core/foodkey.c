/*
 * Food keys; see foodkey.h. The name is cleaned first (parenthesised
 * text removed, since it holds commas of its own: "Chickpeas (garbanzo
 * beans, bengal gram)"), split into comma segments, and the segment that
 * names the food is chosen: the first, or after a category prefix the
 * next one that is not a maker in capitals ("Cereals ready-to-eat, POST,
 * Shredded Wheat" -> "shredded wheat").
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>
#include "core/foodkey.h"
#include "core/tables.h"
#include "util/strbuf.h"
#include "util/banned.h"

#define MAX_SEGMENTS 16

int foodkeys_load(struct foodkeys *k, struct mg_err *e)
{
	memset(k, 0, sizeof(*k));
	const struct mg_table *t = tables_get("food-keys.tsv");
	if (!t)
		return mg_err_set(e, MG_ESOFTWARE, "rule table \"food-keys.tsv\" is not loaded");
	if (t->nrows > FOODKEY_MAX_PREFIXES)
		return mg_err_set(e, MG_ESOFTWARE, "food-keys.tsv has %zu rows, more than %d", t->nrows,
				  FOODKEY_MAX_PREFIXES);
	for (size_t r = 0; r < t->nrows; r++) {
		k->p[k->n].prefix = table_cell(t, r, "prefix");
		k->p[k->n].noun = table_cell(t, r, "noun");
		k->n++;
	}
	return 0;
}

/* A segment in capitals only ("POST", "GENERAL MILLS") is a maker or a
 * brand, not the food: SR24 writes those in capitals. */
static int is_caps(const char *s, size_t len)
{
	size_t letters = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (islower(c))
			return 0;
		letters += isupper(c) != 0;
	}
	return letters >= 2;
}

static int word_is(const char *w, size_t len, const char *lit)
{
	return strlen(lit) == len && memcmp(w, lit, len) == 0;
}

/* Makes the last word of buf (len bytes, lowercase) singular in place and
 * returns the new length. Only the endings USDA names use: "berries",
 * "potatoes", "peaches", "almonds"; words in -ss, -us and -is stay. */
static size_t singular_last(char *buf, size_t len)
{
	size_t start = len;
	while (start > 0 && buf[start - 1] != ' ')
		start--;
	const char *w = buf + start;
	size_t wl = len - start;
	if (wl > 4 && strncmp(w + wl - 3, "ies", 3) == 0) {
		buf[len - 3] = 'y';
		return len - 2;
	}
	if (wl > 4 && (strncmp(w + wl - 3, "oes", 3) == 0 || strncmp(w + wl - 4, "ches", 4) == 0 ||
		       strncmp(w + wl - 4, "shes", 4) == 0 || strncmp(w + wl - 3, "xes", 3) == 0))
		return len - 2;
	if (wl > 3 && w[wl - 1] == 's' && w[wl - 2] != 's' && w[wl - 2] != 'u' && w[wl - 2] != 'i')
		return len - 1;
	return len;
}

/* Appends the words of s (len bytes) to out, lowercase, one space apart. */
static void add_words(struct strbuf *out, const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		while (i < len && isspace((unsigned char)s[i]))
			i++;
		if (i == len)
			break;
		if (out->len)
			strbuf_addch(out, ' ');
		while (i < len && !isspace((unsigned char)s[i]))
			strbuf_addch(out, (char)tolower((unsigned char)s[i++]));
	}
}

void foodkeys_key(const struct foodkeys *k, const char *name, char *buf, size_t n)
{
	/* Without parenthesised text, so its commas split nothing. */
	struct strbuf clean;
	strbuf_init(&clean);
	int depth = 0;
	for (const char *p = name; *p; p++) {
		if (*p == '(')
			depth++;
		else if (*p == ')' && depth > 0)
			depth--;
		else if (depth == 0)
			strbuf_addch(&clean, *p);
	}
	const char *seg[MAX_SEGMENTS];
	size_t seg_len[MAX_SEGMENTS], nseg = 0;
	const char *s = strbuf_str(&clean);
	while (*s && nseg < MAX_SEGMENTS) {
		size_t l = strcspn(s, ",");
		const char *a = s, *b = s + l;
		while (a < b && isspace((unsigned char)*a))
			a++;
		while (b > a && isspace((unsigned char)b[-1]))
			b--;
		if (b > a) {
			seg[nseg] = a;
			seg_len[nseg++] = (size_t)(b - a);
		}
		s += l + (s[l] == ',');
	}
	struct strbuf key;
	strbuf_init(&key);
	if (nseg) {
		size_t pick = 0;
		const char *noun = "";
		for (size_t i = 0; i < k->n && nseg > 1; i++) {
			size_t pl = strlen(k->p[i].prefix);
			if (pl == seg_len[0] && strncasecmp(seg[0], k->p[i].prefix, pl) == 0) {
				pick = 1;
				while (pick + 1 < nseg && is_caps(seg[pick], seg_len[pick]))
					pick++;
				noun = k->p[i].noun;
				break;
			}
		}
		add_words(&key, seg[pick], seg_len[pick]);
		if (*noun)
			add_words(&key, noun, strlen(noun));
	}
	if (key.len) {
		/* "seed kernels" and "seeds" are one food: drop "kernels". */
		size_t len = key.len;
		size_t last = len;
		while (last > 0 && key.buf[last - 1] != ' ')
			last--;
		if (last > 0 && word_is(key.buf + last, len - last, "kernels"))
			len = last - 1;
		len = singular_last(key.buf, len);
		key.buf[len] = '\0';
		key.len = len;
	}
	mg_strlcpy(buf, strbuf_str(&key), n);
	strbuf_release(&key);
	strbuf_release(&clean);
}
