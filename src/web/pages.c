/*
 * The pages: the app's one HTML page for every screen path (app.js and the
 * ES modules it imports from /js/ draw the screen from the API), its
 * compiled-in scripts, styles and icon, and the printable report (the same
 * HTML as `mgtrack report --html`).
 */
#include <string.h>
#include "view/view.h"
#include "web/assets.h"
#include "web/web.h"
#include "util/parse.h"
#include "util/strbuf.h"
#include "util/banned.h"

/* The report has inline styles and SVG, and no script at all. */
static const char csp_report[] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
				 "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

static const struct web_asset *asset(const char *path)
{
	for (unsigned long i = 0; i < web_n_assets; i++)
		if (strcmp(web_assets[i].path, path) == 0)
			return &web_assets[i];
	return NULL;
}

void page_app(struct web_app *app, struct web_req *rq, struct web_resp *rs)
{
	const struct web_asset *a = asset("/index.html");
	web_bytes(rs, 200, a->type, (const char *)a->data, a->len);
}

void page_asset(struct web_app *app, struct web_req *rq, struct web_resp *rs)
{
	const struct web_asset *a = asset(rq->path);
	if (!a || strcmp(rq->path, "/index.html") == 0)
		return web_error(rs, 404, "not_found", NULL, "no page or route \"%s\"", rq->path);
	web_bytes(rs, 200, a->type, (const char *)a->data, a->len);
	rs->cacheable = 1;
}

void page_report(struct web_app *app, struct web_req *rq, struct web_resp *rs)
{
	struct profile p;
	long days;
	if (web_query_long(rq, rs, "days", 7, 366, 0, &days) < 0 || web_profile(app, rs, &p) < 0)
		return;
	struct strbuf sb;
	struct mg_err e = {0};
	strbuf_init(&sb);
	if (view_report_html(app->db, app->foods_path, &p, mg_today(), days, &sb, &e) < 0) {
		web_fail(rs, &e, NULL);
	} else {
		web_bytes(rs, 200, "text/html; charset=utf-8", strbuf_str(&sb), sb.len);
		rs->csp = csp_report;
	}
	strbuf_release(&sb);
}
