/*
 * The web app's files, compiled into the binary by scripts/embed-assets.py
 * (the build generates web-assets.c): no files to install, nothing fetched
 * from anywhere at run time.
 */
#ifndef MG_WEB_ASSETS_H
#define MG_WEB_ASSETS_H

struct web_asset {
	const char *path;            /* "/app.js", "/js/core.js" */
	const char *type;            /* Content-Type */
	const unsigned char *data;
	unsigned long len;
};

extern const struct web_asset web_assets[];
extern const unsigned long web_n_assets;

#endif
