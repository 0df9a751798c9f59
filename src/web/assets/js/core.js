/* mgtrack web app, the shared core (js/core.js): what every page uses.
 *
 * The app's state (the session), the DOM helper h() and the formatting of
 * numbers, dates and JSON values, alerts and tables; api() for every request
 * (its CSRF token, and a new session when the server has restarted); the
 * form helpers that show an API error next to its field; and the router,
 * which draws the page registered for location.pathname (app.js hands the
 * pages to start()). Nothing here knows a page.
 */

export const app = {
  session: null,   // GET /api/v1/session: csrf_token, profile, today, version, disclaimer
  renderId: 0,     // the navigation being drawn; older ones drop their result
  flash: null,     // news the next drawing of the Trial page shows on top
};

/* ---------- small helpers ---------- */

const PROPS = new Set(['value', 'checked', 'selected', 'disabled', 'hidden', 'open']);

// h('p', {class: 'x', onclick: f}, 'text', child...): an element; strings become text nodes.
export function h(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
    else if (PROPS.has(k)) e[k] = v;
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const kid of kids.flat(Infinity)) {
    if (kid === null || kid === undefined || kid === false) continue;
    e.append(kid instanceof Node ? kid : String(kid));
  }
  return e;
}

export function num(x, digits = 1) {
  if (typeof x !== 'number' || !Number.isFinite(x)) return String(x);
  const f = 10 ** digits;
  return String(Math.round(x * f) / f);
}

export function mg(x) {
  return x === null || x === undefined ? 'unknown' : `${num(x)} mg`;
}

export function minutes(m) {
  if (typeof m !== 'number') return '—';
  const hh = Math.floor(m / 60), mm = Math.round(m % 60);
  return hh ? `${hh} h ${mm} min` : `${mm} min`;
}

export function words(key) {
  return String(key).replace(/_/g, ' ');
}

// A scalar as a node: dates and times never break at their hyphens.
export function scalarNode(v) {
  const text = scalar(v);
  return /^\d{4}-\d\d-\d\d( \d\d:\d\d)?$/.test(text) ? h('span', {class: 'nowrap'}, text) : text;
}

export function scalar(v) {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number') return num(v, 2);
  return String(v);
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function longDate(iso) {
  const d = new Date(`${iso}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : `${WEEKDAYS[d.getUTCDay()]} ${iso}`;
}

export function alertBox(message) {
  return h('p', {class: 'alert', role: 'alert'}, message);
}

export function notice(message) {
  return h('p', {class: 'notice'}, message);
}

// Any JSON value as readable markup: objects as <dl>, lists of objects as tables.
export function generic(v) {
  if (v === null || v === undefined || typeof v !== 'object') return h('span', null, scalarNode(v));
  if (Array.isArray(v)) {
    if (v.length === 0) return h('span', {class: 'muted'}, 'none');
    if (v.every((x) => x === null || typeof x !== 'object')) return h('span', null, v.map(scalar).join(', '));
    if (v.every((x) => x && typeof x === 'object' && !Array.isArray(x))) return table(v);
    return h('ul', null, v.map((x) => h('li', null, generic(x))));
  }
  return h('dl', {class: 'kv'}, Object.entries(v).map(([k, x]) => [h('dt', null, words(k)), h('dd', null, generic(x))]));
}

// A table from a list of objects; columns: [key, heading, format?] or every key seen.
export function table(rows, columns) {
  if (!columns) {
    const keys = [];
    for (const r of rows) for (const k of Object.keys(r)) if (!keys.includes(k)) keys.push(k);
    columns = keys.map((k) => [k, words(k)]);
  }
  return h('div', {class: 'table-wrap'},
    h('table', null,
      h('thead', null, h('tr', null, columns.map(([, head]) => h('th', {scope: 'col'}, head)))),
      h('tbody', null, rows.map((r) => h('tr', null, columns.map(([k, , f]) => {
        const v = r[k];
        return h('td', null, f ? f(v, r) : (v !== null && typeof v === 'object' ? generic(v) : scalarNode(v)));
      }))))));
}

/* ---------- the API ---------- */

// How often a request the server answered 503 "busy" is tried again: the
// command line holds the journal's write lock (an import), and the server
// waits only a quarter of a second for it so as not to hold up everyone else.
const BUSY_RETRIES = 2;

// api('GET', '/api/v1/plan') -> {ok, status, data} or {ok: false, status, error: {code, message, field}}
export async function api(method, path, body, retried = false, busyTries = 0) {
  const headers = {Accept: 'application/json'};
  const opts = {method, headers, credentials: 'same-origin', cache: 'no-store'};
  if (method !== 'GET') {
    headers['X-CSRF-Token'] = app.session ? app.session.csrf_token : '';
    headers['Content-Type'] = 'application/json';
    if (body !== undefined) opts.body = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(path, opts);
  } catch (err) {
    return {ok: false, status: 0, error: {code: 'network', message: 'the server did not answer: is mgtrack serve still running?'}};
  }
  let data = null;
  if (res.status !== 204) {
    const text = await res.text();
    try { data = text ? JSON.parse(text) : null; } catch (err) { data = null; }
  }
  if (res.ok) return {ok: true, status: res.status, data};
  const error = (data && data.error) || {code: `http_${res.status}`, message: `the server answered ${res.status}`};
  if (res.status === 403 && error.code === 'csrf' && !retried && (await loadSession())) {
    return api(method, path, body, true, busyTries);   // the server restarted: a new token
  }
  if (res.status === 503 && error.code === 'busy' && busyTries < BUSY_RETRIES) {
    // Nothing was written (each change is one transaction): trying again is safe.
    const secs = Number(res.headers.get('Retry-After')) || 1;
    await new Promise((resolve) => setTimeout(resolve, Math.min(secs, 5) * 1000));
    return api(method, path, body, retried, busyTries + 1);
  }
  return {ok: false, status: res.status, error, data};
}

async function loadSession() {
  const r = await api('GET', '/api/v1/session');
  if (!r.ok) return false;
  app.session = r.data;
  const d = document.getElementById('disclaimer');
  if (d && r.data.disclaimer) d.textContent = r.data.disclaimer;
  const v = document.getElementById('version');
  if (v) v.textContent = `mgtrack ${r.data.version || ''} · profile ${r.data.profile || ''}`;
  return true;
}

// A response's own disclaimer replaces the footer's when it says something else.
export function showDisclaimer(data) {
  const d = document.getElementById('disclaimer');
  if (d && data && typeof data.disclaimer === 'string' && data.disclaimer) d.textContent = data.disclaimer;
}

/* ---------- forms ---------- */

// Take away the errors that showError() put into a form.
export function clearErrors(form) {
  for (const e of form.querySelectorAll('.field-error')) e.remove();
  for (const e of form.querySelectorAll('[aria-invalid]')) {
    e.removeAttribute('aria-invalid');
    const keep = e.dataset.describedby;   // the hint it had before the error
    if (keep) e.setAttribute('aria-describedby', keep);
    else e.removeAttribute('aria-describedby');
    delete e.dataset.describedby;
  }
}

// Show an API error next to the field it names (or at the top of the form).
// A field is the element #PREFIX-FIELD: an input, a select or a fieldset
// (a fieldset has tabindex=-1 so that it can take the focus).
export function showError(form, error, prefix, status) {
  const name = error.field;
  const message = error.message || error.code || 'the server refused the request';
  const target = name && form.querySelector(`#${prefix}-${CSS.escape(name)}`);
  if (target) {
    const id = `${prefix}-${name}-error`;
    const p = h('p', {class: 'field-error', id, role: 'alert'}, message);
    const hint = target.getAttribute('aria-describedby') || '';
    if (target.dataset.describedby === undefined) target.dataset.describedby = hint;
    target.setAttribute('aria-invalid', 'true');
    target.setAttribute('aria-describedby', `${target.dataset.describedby} ${id}`.trim());
    const holder = target.closest('.field') || (target.matches('input, select, textarea') ? null : target);
    if (holder) holder.append(p);
    else (target.closest('label') || target).after(p);   // a checkbox in its label
    target.focus();
  } else {
    status.replaceChildren(h('span', {class: 'field-error', role: 'alert'}, message));
  }
}

// A labelled field of a form grid. Its hint, if any, goes into `notes`,
// drawn under the grid, so that the inputs of a row stay in line.
export function gridField(input, label, hint, notes, cls) {
  if (hint) {
    const hid = `${input.id}-hint`;
    input.setAttribute('aria-describedby', hid);
    notes.push(h('p', {class: 'small muted hint', id: hid}, h('strong', null, `${label}: `), hint));
  }
  return h('div', {class: cls ? `field ${cls}` : 'field'}, h('label', {for: input.id}, label), input);
}

/* ---------- shared by several pages ---------- */

// Warnings, reasons or notes as a list, each with its rule id when it has one.
export function noteList(items) {
  return h('ul', {class: 'notes'}, items.map((w) => h('li', null,
    typeof w === 'object' && w !== null
      ? [w.text || w.what || JSON.stringify(w), w.rule ? h('code', {class: 'rule'}, w.rule) : null]
      : String(w))));
}

// The plan's status in words: the Plan page, and Profile after a save.
export const STATUS_TEXT = {
  ok: 'ok',
  caution: 'caution: read the warnings below',
  pause: 'paused: read the warnings below',
  clinician: 'see a clinician: read the warnings below',
};

/* ---------- routing ---------- */

// The page registry, path -> [title, draw(view)]: filled by start().
const ROUTES = {};

function routePath() {
  return location.pathname.replace(/\/+$/, '') || '/';
}

export async function render(moveFocus) {
  const id = ++app.renderId;
  const path = routePath();
  const route = ROUTES[path];
  for (const a of document.querySelectorAll('nav a')) {
    if (a.getAttribute('href') === path) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const view = h('div', {class: 'view'});
  if (!route) {
    document.title = 'Not found · mgtrack';
    view.append(h('h1', {tabindex: '-1'}, 'Not found'), h('p', null, 'No such page. ', h('a', {href: '/'}, 'Back to Today')));
  } else {
    document.title = `${route[0]} · mgtrack`;
    try {
      await route[1](view);
    } catch (err) {
      console.error(err);
      view.append(alertBox(`Something went wrong while drawing this page: ${err.message}`));
    }
  }
  if (id !== app.renderId) return;   // the user has moved on
  const main = document.getElementById('main');
  main.replaceChildren(view);
  if (moveFocus) {
    const h1 = main.querySelector('h1');
    (h1 || main).focus();
  }
}

function navigate(path) {
  history.pushState(null, '', path);
  window.scrollTo(0, 0);
  render(true);
}

document.addEventListener('click', (ev) => {
  if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
  const a = ev.target.closest('a[href]');
  if (!a || a.target || a.hasAttribute('download') || a.origin !== location.origin) return;
  const path = a.pathname.replace(/\/+$/, '') || '/';
  if (!ROUTES[path] || a.hash) return;
  ev.preventDefault();
  if (path !== routePath()) navigate(path);
});

window.addEventListener('popstate', () => render(true));

// Register the pages ({path: [title, async draw(view)]}), load the session
// and draw the page of the current path.
export async function start(pages) {
  Object.assign(ROUTES, pages);
  if (!(await loadSession())) {
    document.getElementById('main').replaceChildren(h('div', {class: 'view'},
      h('h1', null, 'mgtrack'),
      h('p', {class: 'alert', role: 'alert'}, 'Could not reach the mgtrack server (GET /api/v1/session failed). Is ',
        h('code', null, 'mgtrack serve'), ' running?')));
    return;
  }
  render(false);
}
