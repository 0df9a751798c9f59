/*
 * Unit tests for the web layer's pure parts: the route table (exact and
 * prefix routes, the argument after a prefix, 405 against 404), that every
 * compiled-in asset has a route and a script's content type, the
 * constant-time secret comparison, and that docs/API.md documents every
 * API route the table serves.
 */
#include "testutil.h"
#include "web/assets.h"
#include "web/web.h"

static void route(const char *method, const char *path, web_handler want, const char *want_arg, int want_known)
{
	const char *arg = "unset";
	int known = -1;
	const struct web_route *r = web_find_route(method, path, &arg, &known);
	assert_int_equal(known, want_known);
	if (!want) {
		assert_null(r);
		return;
	}
	assert_non_null(r);
	assert_ptr_equal(r->fn, want);
	if (want_arg)
		assert_string_equal(arg, want_arg);
	else
		assert_null(arg);
}

static void test_exact_routes(void **state)
{
	route("GET", "/api/v1/nights", api_nights, NULL, 1);
	route("POST", "/api/v1/nights", api_night_post, NULL, 1);
	route("GET", "/api/v1/review", api_review, NULL, 1);
	route("GET", "/api/v1/review/chart.svg", api_review_chart, NULL, 1);
	route("GET", "/api/v1/plan.ics", api_plan_ics, NULL, 1);
	route("GET", "/", page_app, NULL, 1);
	route("GET", "/plan", page_app, NULL, 1);
	route("GET", "/report", page_report, NULL, 1);
}

static void test_prefix_routes_take_one_segment(void **state)
{
	route("GET", "/api/v1/nights/2026-11-24", api_night, "2026-11-24", 1);
	route("DELETE", "/api/v1/doses/17", api_dose_delete, "17", 1);
	route("GET", "/api/v1/foods/12061", api_food, "12061", 1);
	route("GET", "/app.js", page_asset, "app.js", 1);
	route("GET", "/js/core.js", page_asset, "core.js", 1);
	/* A second segment matches nothing: no route walks into subfolders. */
	route("GET", "/api/v1/nights/2026-11-24/x", NULL, NULL, 0);
	route("GET", "/js/x/core.js", NULL, NULL, 0);
	route("DELETE", "/api/v1/doses/", NULL, NULL, 0);
}

static void test_wrong_method_is_known_path(void **state)
{
	route("PUT", "/api/v1/nights", NULL, NULL, 1);
	route("DELETE", "/api/v1/session", NULL, NULL, 1);
	route("POST", "/api/v1/doses/3", NULL, NULL, 1);
	route("GET", "/api/v1/nope/x", NULL, NULL, 0);
}

static void test_every_route_has_a_handler_and_a_method(void **state)
{
	for (size_t i = 0; i < web_n_routes; i++) {
		assert_non_null(web_routes[i].fn);
		const char *m = web_routes[i].method;
		assert_true(!strcmp(m, "GET") || !strcmp(m, "POST") || !strcmp(m, "DELETE"));
		assert_int_equal(web_routes[i].path[0], '/');
		if (web_routes[i].prefix)
			assert_int_equal(web_routes[i].path[strlen(web_routes[i].path) - 1], '/');
	}
}

/* Each file scripts/embed-assets.py compiled in is reachable: a file in a
 * folder the route table does not serve would be a module the browser
 * cannot import. Scripts are text/javascript, which module scripts need
 * (the server sends nosniff). */
static void test_every_asset_is_routed(void **state)
{
	assert_true(web_n_assets > 0);
	int scripts = 0;
	for (unsigned long i = 0; i < web_n_assets; i++) {
		const struct web_asset *a = &web_assets[i];
		const char *arg = NULL;
		int known = 0;
		const struct web_route *r = web_find_route("GET", a->path, &arg, &known);
		if (!r || r->fn != page_asset)
			fail_msg("no route serves the asset \"%s\"", a->path);
		size_t n = strlen(a->path);
		if (n > 3 && strcmp(a->path + n - 3, ".js") == 0) {
			assert_string_equal(a->type, "text/javascript; charset=utf-8");
			scripts++;
		}
	}
	assert_true(scripts > 0);
}

static void test_same_secret(void **state)
{
	assert_true(web_same_secret("abc123", "abc123"));
	assert_false(web_same_secret("abc123", "abc124"));
	assert_false(web_same_secret("abc123", "abc12"));
	assert_false(web_same_secret("", "a"));
	assert_true(web_same_secret("", ""));
}

/* docs/API.md names every API route of the table: "| METHOD | `/api/v1/...". */
static void test_api_doc_lists_every_route(void **state)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/../../docs/API.md", getenv("MGTRACK_TEST_FIXTURES"));
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	static char doc[65536];
	size_t n = fread(doc, 1, sizeof(doc) - 1, f);
	doc[n] = '\0';
	fclose(f);
	for (size_t i = 0; i < web_n_routes; i++) {
		const struct web_route *r = &web_routes[i];
		if (strncmp(r->path, "/api/", 5) != 0)
			continue;
		char row[200];
		snprintf(row, sizeof(row), "| %s | `%s", r->method, r->path);
		if (!strstr(doc, row))
			fail_msg("docs/API.md has no row \"%s\"", row);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exact_routes),
		cmocka_unit_test(test_prefix_routes_take_one_segment),
		cmocka_unit_test(test_wrong_method_is_known_path),
		cmocka_unit_test(test_every_route_has_a_handler_and_a_method),
		cmocka_unit_test(test_every_asset_is_routed),
		cmocka_unit_test(test_same_secret),
		cmocka_unit_test(test_api_doc_lists_every_route),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
