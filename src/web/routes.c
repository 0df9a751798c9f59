/*
 * The route table: method, path (or a prefix ending in '/', whose rest is
 * an id or a date) and handler. server.c walks it in order; a path that
 * matches with another method answers 405. docs/API.md documents each row.
 */
#include "web/web.h"

const struct web_route web_routes[] = {
	{"GET", "/api/v1/session", 0, api_session},
	{"GET", "/api/v1/profile", 0, api_profile},
	{"POST", "/api/v1/profile", 0, api_profile_post},
	{"GET", "/api/v1/targets", 0, api_targets},
	{"GET", "/api/v1/intake", 0, api_intake},
	{"GET", "/api/v1/export", 0, api_export},
	{"GET", "/api/v1/foods", 0, api_foods},
	{"GET", "/api/v1/foods/", 1, api_food},
	{"GET", "/api/v1/food-log", 0, api_food_log},
	{"POST", "/api/v1/food-log", 0, api_food_log_post},
	{"DELETE", "/api/v1/food-log/", 1, api_food_log_delete},
	{"GET", "/api/v1/products", 0, api_products},
	{"POST", "/api/v1/products", 0, api_product_post},
	{"GET", "/api/v1/doses", 0, api_doses},
	{"POST", "/api/v1/doses", 0, api_dose_post},
	{"DELETE", "/api/v1/doses/", 1, api_dose_delete},
	{"GET", "/api/v1/course", 0, api_course},
	{"POST", "/api/v1/course", 0, api_course_post},
	{"GET", "/api/v1/plan", 0, api_plan},
	{"GET", "/api/v1/plan.ics", 0, api_plan_ics},
	{"GET", "/api/v1/nights", 0, api_nights},
	{"POST", "/api/v1/nights", 0, api_night_post},
	{"GET", "/api/v1/nights/", 1, api_night},
	{"GET", "/api/v1/review", 0, api_review},
	{"GET", "/api/v1/review/chart.svg", 0, api_review_chart},
	{"POST", "/api/v1/review/apply", 0, api_review_apply},
	{"GET", "/api/v1/trial", 0, api_trial},
	{"POST", "/api/v1/trial", 0, api_trial_post},
	{"GET", "/api/v1/trial/analysis", 0, api_trial_analysis},
	{"GET", "/api/v1/report", 0, page_report},
	{"GET", "/report", 0, page_report},
	/* The app's screens: one page, drawn by app.js and its modules. */
	{"GET", "/", 0, page_app},
	{"GET", "/plan", 0, page_app},
	{"GET", "/review", 0, page_app},
	{"GET", "/trial", 0, page_app},
	{"GET", "/foods", 0, page_app},
	{"GET", "/profile", 0, page_app},
	/* The compiled-in files: the page's own at the top, its ES modules in /js/. */
	{"GET", "/", 1, page_asset},
	{"GET", "/js/", 1, page_asset},
};

const size_t web_n_routes = sizeof(web_routes) / sizeof(web_routes[0]);
