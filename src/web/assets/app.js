/* mgtrack web app (app.js): the front end of `mgtrack serve`, its entry module.
 *
 * One page, routed on location.pathname: Today (/), Plan, Review, Trial,
 * Foods and Profile, one ES module each under js/, on js/core.js (the DOM
 * helper, formatting, api(), the router). Every figure comes from the JSON
 * API of docs/API.md; every change is a POST or DELETE carrying the
 * session's CSRF token. The page is built with createElement and
 * textContent only (never innerHTML), so data from the journal or the food
 * tables cannot become markup. Plain ES2020 modules, loaded by the browser
 * itself: no framework, no build step, no request to another site.
 */
import {start} from './js/core.js';
import {pageToday} from './js/today.js';
import {pagePlan} from './js/plan.js';
import {pageReview} from './js/review.js';
import {pageTrial} from './js/trial.js';
import {pageFoods} from './js/foods.js';
import {pageProfile} from './js/profile.js';

// The pages by path: [title, draw(view)]. The nav in index.html links them.
start({
  '/': ['Today', pageToday],
  '/plan': ['Plan', pagePlan],
  '/review': ['Review', pageReview],
  '/trial': ['Trial', pageTrial],
  '/foods': ['Foods', pageFoods],
  '/profile': ['Profile', pageProfile],
});
