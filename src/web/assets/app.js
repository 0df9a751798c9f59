/* mgtrack web app (app.js): the front end of `mgtrack serve`.
 *
 * One page, routed on location.pathname: Today (/), Plan, Review, Trial,
 * Foods and Profile. Every figure comes from the JSON API of docs/API.md;
 * every change is a POST or DELETE carrying the session's CSRF token. The
 * page is built with createElement and textContent only (never innerHTML),
 * so data from the journal or the food tables cannot become markup.
 * Plain ES2020: no framework, no build step, no request to another site.
 */
'use strict';

const app = {
  session: null,   // GET /api/v1/session: csrf_token, profile, today, version, disclaimer
  renderId: 0,     // the navigation being drawn; older ones drop their result
};

/* ---------- small helpers ---------- */

const PROPS = new Set(['value', 'checked', 'selected', 'disabled', 'hidden', 'open']);

// h('p', {class: 'x', onclick: f}, 'text', child...): an element; strings become text nodes.
function h(tag, attrs, ...kids) {
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

function num(x, digits = 1) {
  if (typeof x !== 'number' || !Number.isFinite(x)) return String(x);
  const f = 10 ** digits;
  return String(Math.round(x * f) / f);
}

function mg(x) {
  return x === null || x === undefined ? 'unknown' : `${num(x)} mg`;
}

function minutes(m) {
  if (typeof m !== 'number') return '—';
  const hh = Math.floor(m / 60), mm = Math.round(m % 60);
  return hh ? `${hh} h ${mm} min` : `${mm} min`;
}

function words(key) {
  return String(key).replace(/_/g, ' ');
}

// A scalar as a node: dates and times never break at their hyphens.
function scalarNode(v) {
  const text = scalar(v);
  return /^\d{4}-\d\d-\d\d( \d\d:\d\d)?$/.test(text) ? h('span', {class: 'nowrap'}, text) : text;
}

function scalar(v) {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number') return num(v, 2);
  return String(v);
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function longDate(iso) {
  const d = new Date(`${iso}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : `${WEEKDAYS[d.getUTCDay()]} ${iso}`;
}

function alertBox(message) {
  return h('p', {class: 'alert', role: 'alert'}, message);
}

function notice(message) {
  return h('p', {class: 'notice'}, message);
}

// Any JSON value as readable markup: objects as <dl>, lists of objects as tables.
function generic(v) {
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
function table(rows, columns) {
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

// api('GET', '/api/v1/plan') -> {ok, status, data} or {ok: false, status, error: {code, message, field}}
async function api(method, path, body, retried = false) {
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
    return api(method, path, body, true);   // the server restarted: a new token
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
function showDisclaimer(data) {
  const d = document.getElementById('disclaimer');
  if (d && data && typeof data.disclaimer === 'string' && data.disclaimer) d.textContent = data.disclaimer;
}

/* ---------- routing ---------- */

const ROUTES = {
  '/': ['Today', pageToday],
  '/plan': ['Plan', pagePlan],
  '/review': ['Review', pageReview],
  '/trial': ['Trial', pageTrial],
  '/foods': ['Foods', pageFoods],
  '/profile': ['Profile', pageProfile],
};

function routePath() {
  return location.pathname.replace(/\/+$/, '') || '/';
}

async function render(moveFocus) {
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

async function start() {
  if (!(await loadSession())) {
    document.getElementById('main').replaceChildren(h('div', {class: 'view'},
      h('h1', null, 'mgtrack'),
      h('p', {class: 'alert', role: 'alert'}, 'Could not reach the mgtrack server (GET /api/v1/session failed). Is ',
        h('code', null, 'mgtrack serve'), ' running?')));
    return;
  }
  render(false);
}

/* ---------- Today ---------- */

// The nightly log's fields (docs/API.md "A night"): [name, label, kind, min, max].
const NIGHT_TIMES = [
  ['bed', 'Into bed', 'time'],
  ['tried', 'Tried to sleep', 'time'],
  ['wake', 'Final awakening', 'time'],
  ['up', 'Out of bed', 'time'],
];
const NIGHT_SLEEP = [
  ['sol', 'Minutes to fall asleep', 'int', 0, 1440],
  ['waso', 'Minutes awake after', 'int', 0, 1440],
  ['awakenings', 'Times woken', 'int', 0, 99],
  ['quality', 'Sleep quality, 1 very poor – 5 very good', 'int', 1, 5],
];
const NIGHT_MORNING = [
  ['rested', 'Rested, 0–10', 'int', 0, 10],
  ['stress', 'Stress, 0–10', 'int', 0, 10],
  ['mood', 'Mood, 0–10', 'int', 0, 10],
  ['energy', 'Energy, 0–10', 'int', 0, 10],
];
const NIGHT_BODY = [
  ['cramps', 'Leg cramps, count', 'int', 0, 99],
  ['bristol', 'Stool form, Bristol 1–7', 'int', 1, 7],
];
const NIGHT_MORE = [
  ['rls', 'Restless legs, 0–10', 'int', 0, 10],
  ['tightness', 'Muscle tightness, 0–10', 'int', 0, 10],
  ['alcohol', 'Alcoholic drinks', 'int', 0, 99],
  ['caffeine_after_noon', 'Caffeine after noon', 'yesno'],
  ['headache', 'Headache', 'yesno'],
  ['training', 'Training', 'choice', ['none', 'light', 'hard']],
];
const NIGHT_TEXT = [['note', 'Note', 'text']];
const NIGHT_FIELDS = [...NIGHT_TIMES, ...NIGHT_SLEEP, ...NIGHT_MORNING, ...NIGHT_BODY, ...NIGHT_MORE, ...NIGHT_TEXT];
const RED_FLAGS = ['diarrhoea', 'dizziness', 'palpitations'];

function nightInput([name, label, kind, a, b]) {
  const id = `night-${name}`;
  let input;
  if (kind === 'time') {
    input = h('input', {id, name, type: 'time'});
  } else if (kind === 'int') {
    input = h('input', {id, name, type: 'number', inputmode: 'numeric', min: a, max: b, step: 1});
  } else if (kind === 'yesno') {
    input = h('select', {id, name}, h('option', {value: ''}, '—'), h('option', {value: 'yes'}, 'yes'), h('option', {value: 'no'}, 'no'));
  } else if (kind === 'choice') {
    input = h('select', {id, name}, h('option', {value: ''}, '—'), a.map((c) => h('option', {value: c}, c)));
  } else {
    input = h('textarea', {id, name, rows: 2, maxlength: 1000});
  }
  return h('div', {class: `field field-${kind}`, id: `field-${name}`}, h('label', {for: id}, label), input);
}

function setNightForm(form, night) {
  for (const [name, , kind] of NIGHT_FIELDS) {
    const input = form.elements[name];
    const v = night ? night[name] : null;
    if (v === null || v === undefined) input.value = '';
    else if (kind === 'yesno') input.value = v ? 'yes' : 'no';
    else input.value = String(v);
  }
  const flags = (night && night.red_flags) || [];
  for (const f of RED_FLAGS) form.elements[`red_flag_${f}`].checked = flags.includes(f);
}

// The POST body: the filled fields, and null for a stored field the user emptied.
function nightBody(form, date, stored) {
  const body = {date};
  for (const [name, , kind] of NIGHT_FIELDS) {
    const raw = form.elements[name].value.trim();
    const before = stored ? stored[name] : null;
    if (raw === '') {
      if (before !== null && before !== undefined) body[name] = null;
    } else if (kind === 'int') {
      body[name] = Number(raw);
    } else if (kind === 'yesno') {
      body[name] = raw === 'yes';
    } else {
      body[name] = raw;
    }
  }
  const flags = RED_FLAGS.filter((f) => form.elements[`red_flag_${f}`].checked);
  if (flags.length || (stored && stored.red_flags && stored.red_flags.length)) body.red_flags = flags;
  return body;
}

function clearErrors(form) {
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
function showError(form, error, prefix, status) {
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

function nightSaved(n) {
  const bits = [`Saved the night of ${n.date}.`];
  if (n.tib_min !== null && n.tib_min !== undefined) bits.push(`Time in bed ${minutes(n.tib_min)}.`);
  if (n.tst_min !== null && n.tst_min !== undefined) bits.push(`Total sleep ${minutes(n.tst_min)}.`);
  if (n.se_pct !== null && n.se_pct !== undefined) bits.push(`Sleep efficiency ${num(n.se_pct)} %.`);
  if (n.red_flags && n.red_flags.length && !n.warning) bits.push('A red flag pauses the plan: see the Plan page.');
  return bits.join(' ');
}

function nightSection(today, stored, onSaved) {
  const status = h('div', {class: 'status', id: 'night-status', role: 'status', 'aria-live': 'polite'});
  const group = (legend, fields, cls) => h('fieldset', {class: cls || 'grid'}, h('legend', null, legend), fields.map(nightInput));
  const flags = h('fieldset', {class: 'flags', id: 'night-red_flags'},
    h('legend', null, 'Red flags'),
    RED_FLAGS.map((f) => h('label', {class: 'check'},
      h('input', {type: 'checkbox', name: `red_flag_${f}`, id: `night-red_flag_${f}`, value: f}), ` ${f}`)));
  const submit = h('button', {type: 'submit', class: 'primary', id: 'night-save'}, 'Save night');
  const form = h('form', {id: 'night-form', novalidate: true, 'aria-labelledby': 'night-title'},
    group('Times', NIGHT_TIMES),
    group('Sleep', NIGHT_SLEEP),
    group('This morning', NIGHT_MORNING),
    group('Body', NIGHT_BODY),
    flags,
    h('details', {class: 'more'}, h('summary', null, 'More: restless legs, tightness, alcohol, caffeine, headache, training'),
      h('div', {class: 'grid'}, NIGHT_MORE.map(nightInput))),
    h('div', {class: 'grid one'}, NIGHT_TEXT.map(nightInput)),
    h('div', {class: 'actions'}, submit, status));
  setNightForm(form, stored);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    status.textContent = 'Saving…';
    submit.disabled = true;
    const r = await api('POST', '/api/v1/nights', nightBody(form, today, stored));
    submit.disabled = false;
    if (!r.ok) {
      status.textContent = '';
      showError(form, r.error, 'night', status);
      return;
    }
    stored = r.data;
    setNightForm(form, stored);
    status.replaceChildren(nightSaved(stored));
    if (typeof stored.warning === 'string') status.append(alertBox(stored.warning));
    onSaved(stored);
  });
  return h('section', {class: 'card', 'aria-labelledby': 'night-title'},
    h('h2', {id: 'night-title'}, 'Last night'),
    h('p', {class: 'small muted'}, `The night that ended this morning, ${longDate(today)}. Every field is optional.`),
    form);
}

function doseLine(d) {
  const bits = [d.time, d.product, `× ${num(d.servings, 2)}`, mg(d.elemental_mg)];
  if (d.estimated) bits.push('(estimated)');
  return bits.join(' · ');
}

// Planned doses as buttons, and today's logged doses; onChange runs after a dose is logged or removed.
function dosesSection(today, onChange) {
  const planned = h('div', {id: 'planned-doses'});
  const logged = h('ul', {id: 'dose-list', class: 'entries'});
  const total = h('p', {id: 'dose-total', class: 'small'});
  const status = h('div', {class: 'status', id: 'dose-status', role: 'status', 'aria-live': 'polite'});
  let ul = null;    // the upper limit for supplements, from the plan
  let sum = null;   // magnesium from today's logged doses
  const showTotal = () => {
    if (sum !== null) total.textContent = `Supplements today: ${mg(sum)}${typeof ul === 'number' ? ` (upper limit for supplements ${mg(ul)})` : ''}.`;
  };

  async function refreshLogged() {
    const r = await api('GET', `/api/v1/doses?date=${today}`);
    if (!r.ok) { logged.replaceChildren(h('li', null, alertBox(r.error.message))); return; }
    const doses = r.data || [];
    logged.replaceChildren(...doses.map((d) => h('li', null,
      h('span', {class: 'what'}, doseLine(d)),
      h('button', {type: 'button', class: 'small-button', 'aria-label': `Remove the dose at ${d.time}`,
        onclick: async () => {
          const del = await api('DELETE', `/api/v1/doses/${encodeURIComponent(d.id)}`);
          status.textContent = del.ok ? `Removed the dose at ${d.time}.` : del.error.message;
          refreshLogged();
          onChange();
        }}, 'Remove'))));
    if (!doses.length) logged.append(h('li', {class: 'muted'}, 'No dose logged today.'));
    sum = doses.reduce((s, d) => s + (d.elemental_mg || 0), 0);
    showTotal();
  }

  async function refreshPlanned() {
    const [plan, products] = await Promise.all([api('GET', '/api/v1/plan'), api('GET', '/api/v1/products')]);
    if (!plan.ok) { planned.replaceChildren(alertBox(`No plan: ${plan.error.message}`)); return; }
    const p = plan.data;
    ul = p.supplement_ul_mg;
    showTotal();
    const day = (p.days || []).find((d) => d.date === today) || (p.days || [])[0];
    const doses = (day && day.doses) || [];
    const product = p.product && products.ok ? (products.data || []).find((x) => x.name === p.product.name) : null;
    const kids = [];
    if (p.status && p.status !== 'ok') kids.push(h('p', {class: `plan-status status-${p.status}`}, `Plan status: ${words(p.status)}. See the Plan page.`));
    if (!doses.length) kids.push(h('p', {class: 'muted'}, 'No dose is planned today.'));
    else if (!p.product) kids.push(h('p', {class: 'muted'}, 'Planned today: ', doses.map((d) => `${d.time} ${mg(d.elemental_mg)}`).join(', '), '. Add your product on the ', h('a', {href: '/plan'}, 'Plan page'), ' to log doses here.'));
    else {
      kids.push(h('p', {class: 'small muted'}, `Planned today with ${p.product.name}; press a button when you take it.`));
      kids.push(h('div', {class: 'buttons'}, doses.map((d) => {
        let servings;
        if (product && product.per_serving_units > 0 && typeof d.units === 'number') servings = d.units / product.per_serving_units;
        else if (product && product.elemental_mg_per_serving > 0) servings = d.elemental_mg / product.elemental_mg_per_serving;
        else servings = typeof d.units === 'number' ? d.units : 1;
        servings = Math.round(servings * 10000) / 10000;
        const unitText = typeof d.units === 'number' ? `${num(d.units, 2)} ${d.units === 1 ? 'unit' : 'units'}` : '';
        return h('button', {type: 'button', class: 'dose-button', 'data-time': d.time, onclick: async (ev) => {
          const btn = ev.currentTarget;
          btn.disabled = true;
          status.textContent = 'Logging…';
          const r = await api('POST', '/api/v1/doses', {product: p.product.name, servings});
          btn.disabled = false;
          if (!r.ok) { status.replaceChildren(alertBox(r.error.message)); return; }
          const dose = r.data;
          let text = `Logged ${num(dose.servings, 2)} serving of ${dose.product} at ${dose.time}: ${mg(dose.elemental_mg)}.`;
          if (typeof dose.day_supplement_mg === 'number') text += ` Supplements today: ${mg(dose.day_supplement_mg)}.`;
          status.replaceChildren(text);
          if (typeof dose.warning === 'string') status.append(alertBox(dose.warning));
          else if (typeof dose.day_supplement_mg === 'number' && typeof ul === 'number' && dose.day_supplement_mg > ul) {
            status.append(alertBox(`Above the upper limit for supplements (${mg(ul)}) today.`));
          }
          refreshLogged();
          onChange();
        }}, `Took the ${d.time} dose`, h('span', {class: 'sub'}, [mg(d.elemental_mg), unitText, d.with_food ? 'with food' : ''].filter(Boolean).join(' · ')));
      })));
    }
    planned.replaceChildren(...kids);
  }

  const section = h('section', {class: 'card', 'aria-labelledby': 'doses-title'},
    h('h2', {id: 'doses-title'}, 'Doses'), planned, status, h('h3', null, 'Logged today'), logged, total);
  section.refresh = () => Promise.all([refreshPlanned(), refreshLogged()]);
  return section;
}

// As-you-type food search: a combobox over a listbox, usable with arrows and Enter.
function foodPicker(prefix, onChoose) {
  const listId = `${prefix}-options`;
  const input = h('input', {id: `${prefix}-q`, type: 'text', role: 'combobox', autocomplete: 'off', spellcheck: 'false',
    enterkeyhint: 'search', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': listId,
    'aria-describedby': `${prefix}-hint`, placeholder: 'e.g. almonds'});
  const list = h('ul', {id: listId, role: 'listbox', class: 'options', hidden: true, 'aria-label': 'Foods found'});
  const hint = h('p', {id: `${prefix}-hint`, class: 'small muted', 'aria-live': 'polite'}, 'Type two letters or more.');
  let results = [];
  let active = -1;
  let seq = 0;
  let timer = 0;

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }
  function open() {
    if (!results.length) return;
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }
  function setActive(i) {
    active = i;
    for (const [j, li] of [...list.children].entries()) li.setAttribute('aria-selected', j === i ? 'true' : 'false');
    const li = list.children[i];
    if (li) {
      input.setAttribute('aria-activedescendant', li.id);
      li.scrollIntoView({block: 'nearest'});
    }
  }
  function choose(i) {
    const food = results[i];
    if (!food) return;
    close();
    input.value = food.name;
    hint.textContent = `Chosen: ${food.name}.`;
    onChoose(food);
  }
  async function search() {
    const q = input.value.trim();
    const mine = ++seq;
    if (q.length < 2) {
      results = [];
      list.replaceChildren();
      close();
      hint.textContent = 'Type two letters or more.';
      return;
    }
    const r = await api('GET', `/api/v1/foods?q=${encodeURIComponent(q)}&limit=8`);
    if (mine !== seq) return;   // a newer search is under way
    if (!r.ok) { results = []; close(); hint.textContent = r.error.message; return; }
    results = Array.isArray(r.data) ? r.data : [];
    list.replaceChildren(...results.map((f, i) => h('li', {id: `${prefix}-opt-${i}`, role: 'option', class: 'option',
      'aria-selected': 'false', 'data-food-id': f.id,
      onmousedown: (ev) => ev.preventDefault(),   // keep the focus in the input
      onclick: () => choose(i)},
    h('span', {class: 'name'}, f.name), h('span', {class: 'mg'}, `${num(f.mg_per_100g)} mg / 100 g`))));
    active = -1;
    if (results.length) {
      hint.textContent = `${results.length} ${results.length === 1 ? 'food' : 'foods'} found: arrow keys to move, Enter to choose.`;
      open();
    } else {
      hint.textContent = 'No food found.';
      close();
    }
  }
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(search, 150);
  });
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' && results.length) {
      ev.preventDefault();
      open();
      setActive(Math.min(active + 1, results.length - 1));
    } else if (ev.key === 'ArrowUp' && results.length) {
      ev.preventDefault();
      open();
      setActive(Math.max(active - 1, 0));
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      if (!list.hidden && results.length) choose(active >= 0 ? active : 0);
    } else if (ev.key === 'Escape') {
      if (!list.hidden) { ev.preventDefault(); close(); }
    }
  });
  input.addEventListener('blur', close);
  input.addEventListener('focus', open);
  return h('div', {class: 'picker'}, h('label', {for: input.id}, 'Find a food'), input, list, hint);
}

// The portion form for one food: measure, amount, the magnesium it makes, Add.
function addFoodForm(prefix, food, onAdded) {
  const measures = Array.isArray(food.measures) ? food.measures : [];
  const units = [...measures.map((m, i) => ({key: `m${i}`, name: m.name, amount: m.amount || 1, grams: m.grams, mg: m.mg,
    label: `${num(m.amount, 2)} ${m.name} (${num(m.grams)} g)`})),
  {key: 'g', name: 'g', amount: 100, grams: 100, mg: food.mg_per_100g, label: 'grams'}];
  // "oz" would mean a measure of the food's own named "oz ..." if it has one (the server matches names by their head)
  if (!measures.some((m) => /^oz\b/i.test(m.name))) {
    units.push({key: 'oz', name: 'oz', amount: 1, grams: 28.349523125, mg: food.mg_per_100g * 0.28349523125, label: 'ounces (28.35 g)'});
  }
  const select = h('select', {id: `${prefix}-measure`, name: 'measure'},
    units.map((u) => h('option', {value: u.name}, u.label)));
  const amount = h('input', {id: `${prefix}-amount`, name: 'amount', type: 'number', inputmode: 'decimal', min: 0, step: 'any', value: String(units[0].amount)});
  const preview = h('output', {id: `${prefix}-preview`, for: `${prefix}-measure ${prefix}-amount`});
  const status = h('div', {class: 'status', id: `${prefix}-status`, role: 'status', 'aria-live': 'polite'});
  const unit = () => units.find((u) => u.name === select.value) || units[0];
  const update = () => {
    const u = unit();
    const a = Number(amount.value);
    preview.textContent = amount.value !== '' && a >= 0 && typeof u.mg === 'number'
      ? `≈ ${num(a / u.amount * u.mg)} mg magnesium (${num(a / u.amount * u.grams)} g)` : '';
  };
  select.addEventListener('change', () => { amount.value = String(unit().amount); update(); });
  amount.addEventListener('input', update);
  update();
  const submit = h('button', {type: 'submit', class: 'primary', id: `${prefix}-add`}, 'Add to today’s log');
  const form = h('form', {class: 'add-food', id: `${prefix}-form`, novalidate: true},
    h('p', {class: 'chosen'}, h('strong', null, food.name), ` · ${num(food.mg_per_100g)} mg per 100 g`),
    h('div', {class: 'grid'},
      h('div', {class: 'field'}, h('label', {for: select.id}, 'Measure'), select),
      h('div', {class: 'field'}, h('label', {for: amount.id}, 'Amount'), amount)),
    h('p', {class: 'small'}, preview),
    h('div', {class: 'actions'}, submit, status));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    submit.disabled = true;
    status.textContent = 'Adding…';
    const r = await api('POST', '/api/v1/food-log', {food_id: food.id, amount: Number(amount.value), measure: select.value});
    submit.disabled = false;
    if (!r.ok) {
      status.textContent = '';
      showError(form, r.error, prefix, status);
      return;
    }
    const e = r.data || {};
    status.textContent = `Added ${num(e.amount, 2)} ${e.measure} of ${e.food}: ${mg(e.mg)}.`;
    onAdded(e);
  });
  return form;
}

function foodLine(e) {
  return `${num(e.amount, 2)} ${e.measure} · ${e.food} · ${mg(e.mg)}`;
}

function foodSection(today) {
  const chosen = h('div', {id: 'food-chosen'});
  const logged = h('ul', {id: 'food-log', class: 'entries'});
  const intakeBox = h('div', {id: 'intake'});
  const status = h('div', {class: 'status', role: 'status', 'aria-live': 'polite'});

  async function refreshLog() {
    const r = await api('GET', `/api/v1/food-log?date=${today}`);
    if (!r.ok) { logged.replaceChildren(h('li', null, alertBox(r.error.message))); return; }
    const entries = r.data || [];
    logged.replaceChildren(...entries.map((e) => h('li', null,
      h('span', {class: 'what'}, foodLine(e)),
      h('button', {type: 'button', class: 'small-button', 'aria-label': `Remove ${e.food}`, onclick: async () => {
        const del = await api('DELETE', `/api/v1/food-log/${encodeURIComponent(e.id)}`);
        status.textContent = del.ok ? `Removed ${e.food}.` : del.error.message;
        refresh();
      }}, 'Remove'))));
    const sum = entries.reduce((s, e) => s + (e.mg || 0), 0);
    if (!entries.length) logged.append(h('li', {class: 'muted'}, 'Nothing logged today.'));
    else logged.append(h('li', {class: 'total'}, `Food today: ${mg(sum)}`));
  }

  async function refreshIntake() {
    const r = await api('GET', '/api/v1/intake?days=7');
    if (!r.ok) { intakeBox.replaceChildren(alertBox(r.error.message)); return; }
    const x = r.data;
    const rows = [
      ['Food', x.food_known
        ? `${mg(x.food_mg)} a day (${x.days_logged} of ${x.days} days logged)`
        : `not known yet: ${x.days_logged} of ${x.days} days logged; log food on at least 3 days`],
      ['Supplements', `${mg(x.supplement_mg)} a day`],
      ['Target', `${mg(x.target_mg)} a day`],
      ['Gap', x.gap_mg === null || x.gap_mg === undefined ? 'unknown' : `${mg(x.gap_mg)} a day`],
    ];
    const kids = [h('dl', {class: 'kv', id: 'intake-figures'}, rows.map(([k, v]) => [h('dt', null, k), h('dd', null, v)]))];
    if (typeof x.total_mg === 'number' && typeof x.target_mg === 'number' && x.target_mg > 0) {
      kids.push(h('label', {for: 'intake-meter', class: 'small'}, `Food and supplements against the target: ${mg(x.total_mg)} of ${mg(x.target_mg)}`),
        h('meter', {id: 'intake-meter', min: 0, max: x.target_mg, low: x.target_mg * 0.5, high: x.target_mg * 0.99, optimum: x.target_mg, value: Math.min(x.total_mg, x.target_mg)}));
    }
    intakeBox.replaceChildren(...kids);
    showDisclaimer(x);
  }

  function refresh() {
    return Promise.all([refreshLog(), refreshIntake()]);
  }

  const picker = foodPicker('food', (food) => {
    chosen.replaceChildren(addFoodForm('food-add', food, () => refresh()));
  });
  const section = h('section', {class: 'card', 'aria-labelledby': 'food-title'},
    h('h2', {id: 'food-title'}, 'Food'), picker, chosen, status,
    h('h3', null, 'Logged today'), logged,
    h('h3', null, 'Intake, last 7 days'), intakeBox);
  section.refresh = refresh;
  return section;
}

async function pageToday(view) {
  const today = app.session.today;
  const nightP = api('GET', `/api/v1/nights/${today}`);   // 404: nothing logged yet
  const food = foodSection(today);
  const doses = dosesSection(today, () => food.refresh());
  const filling = Promise.all([doses.refresh(), food.refresh()]);
  const nightR = await nightP;
  view.append(h('h1', {tabindex: '-1'}, 'Today'), h('p', {class: 'lead'}, longDate(today)));
  if (!nightR.ok && nightR.status !== 404) view.append(alertBox(`Could not read last night: ${nightR.error.message}`));
  view.append(nightSection(today, nightR.ok ? nightR.data : null, () => doses.refresh()), doses, food);
  await filling;
}

/* ---------- Plan ---------- */

const STATUS_TEXT = {
  ok: 'ok',
  caution: 'caution: read the warnings below',
  pause: 'paused: read the warnings below',
  clinician: 'see a clinician: read the warnings below',
};

function doseText(d) {
  const bits = [d.time, mg(d.elemental_mg)];
  if (typeof d.units === 'number') bits.push(`${num(d.units, 2)} ${d.units === 1 ? 'unit' : 'units'}`);
  if (d.with_food) bits.push('with food');
  return bits.join(' · ');
}

// One entry of a plan day, by what it holds.
function dayValue(key, v) {
  if (key === 'doses' && Array.isArray(v)) return v.length ? h('ul', null, v.map((d) => h('li', null, doseText(d)))) : h('span', {class: 'muted'}, 'none');
  if (key === 'food' && v && typeof v === 'object' && v.name) return h('span', null, `${v.name} — ${v.portion || ''}${v.mg !== undefined ? `: ${mg(v.mg)}` : ''}`);
  if (key === 'sleep_window' && v && v.bed && v.wake) return h('span', null, `${v.bed} to ${v.wake}`);
  if (key === 'daily_elemental_mg') return h('span', null, mg(v));
  if (v && typeof v === 'object' && !Array.isArray(v) && typeof v.text === 'string') {
    return h('span', null, v.name ? h('strong', null, `${v.name}: `) : null, v.text, v.rule ? h('code', {class: 'rule'}, v.rule) : null);
  }
  return generic(v);
}

function noteList(items) {
  return h('ul', {class: 'notes'}, items.map((w) => h('li', null,
    typeof w === 'object' && w !== null
      ? [w.text || w.what || JSON.stringify(w), w.rule ? h('code', {class: 'rule'}, w.rule) : null]
      : String(w))));
}

// A labelled field of a form grid. Its hint, if any, goes into `notes`,
// drawn under the grid, so that the inputs of a row stay in line.
function gridField(input, label, hint, notes, cls) {
  if (hint) {
    const hid = `${input.id}-hint`;
    input.setAttribute('aria-describedby', hid);
    notes.push(h('p', {class: 'small muted hint', id: hid}, h('strong', null, `${label}: `), hint));
  }
  return h('div', {class: cls ? `field ${cls}` : 'field'}, h('label', {for: input.id}, label), input);
}

// The plan as two lists of sections: those above the products (status,
// warnings, summary) and those below them (doses, days, explanations).
function planSections(p) {
  const head = [];
  const body = [];
  head.push(h('p', {class: `plan-status status-${p.status}`, id: 'plan-status'}, 'Status: ', h('strong', null, STATUS_TEXT[p.status] || words(p.status || 'unknown'))));
  if (p.see_clinician) head.push(h('p', {class: 'notice'}, p.see_clinician));
  if (Array.isArray(p.warnings) && p.warnings.length) head.push(h('section', {class: 'card warn', 'aria-labelledby': 'warn-title'}, h('h2', {id: 'warn-title'}, 'Warnings'), noteList(p.warnings)));

  const toProducts = (ev) => {
    ev.preventDefault();
    const t = document.getElementById('products-title');
    if (t) { t.scrollIntoView({block: 'start'}); t.focus(); }
  };
  const summary = [
    ['Target', `${mg(p.target_mg)} a day`],
    ['Food', p.food_mg === null || p.food_mg === undefined ? 'unknown (log food on three days)' : `${mg(p.food_mg)} a day`],
    ['Gap', p.gap_mg === null || p.gap_mg === undefined ? 'unknown' : mg(p.gap_mg)],
    ['Supplement', p.daily_elemental_mg === null || p.daily_elemental_mg === undefined ? 'none' : `${mg(p.daily_elemental_mg)} a day`],
    ['Upper limit for supplements', mg(p.supplement_ul_mg)],
    ['Form', p.form || '—'],
    ['Product', p.product ? p.product.name : ['none: ', h('a', {href: '#products', onclick: toProducts}, 'add yours below')]],
  ];
  head.push(h('section', {class: 'card', 'aria-labelledby': 'sum-title'}, h('h2', {id: 'sum-title'}, 'Summary'),
    h('dl', {class: 'kv', id: 'plan-summary'}, summary.map(([k, v]) => [h('dt', null, k), h('dd', null, v)])),
    p.product && Array.isArray(p.product.label_warnings) && p.product.label_warnings.length
      ? [h('h3', null, 'Label'), noteList(p.product.label_warnings)] : null));

  if (Array.isArray(p.doses) && p.doses.length) {
    body.push(h('section', {class: 'card', 'aria-labelledby': 'doses-title'}, h('h2', {id: 'doses-title'}, 'Doses at the full plan'),
      table(p.doses, [['time', 'Time'], ['elemental_mg', 'Magnesium', mg], ['units', 'Units', (v) => scalar(v)], ['with_food', 'With food', scalar]])));
  }
  if (Array.isArray(p.titration) && p.titration.length) {
    body.push(h('section', {class: 'card', 'aria-labelledby': 'tit-title'}, h('h2', {id: 'tit-title'}, 'Start low'),
      h('ul', null, p.titration.map((t) => h('li', null, `From day ${t.from_day}: ${mg(t.daily_elemental_mg)} a day`,
        Array.isArray(t.doses) && t.doses.length ? ` — ${t.doses.map(doseText).join('; ')}` : '')))));
  }
  if (Array.isArray(p.windows) && p.windows.length) {
    body.push(h('section', {class: 'card', 'aria-labelledby': 'win-title'}, h('h2', {id: 'win-title'}, 'Medicine windows'), generic(p.windows)));
  }
  if (Array.isArray(p.checkpoints) && p.checkpoints.length) {
    body.push(h('section', {class: 'card', 'aria-labelledby': 'cp-title'}, h('h2', {id: 'cp-title'}, 'Checkpoints'),
      table(p.checkpoints, [['day', 'Day'], ['date', 'Date'], ['what', 'What']])));
  }
  if (Array.isArray(p.days) && p.days.length) {
    body.push(h('section', {class: 'card', 'aria-labelledby': 'days-title', id: 'plan-days'}, h('h2', {id: 'days-title'}, `The next ${p.days.length} days`),
      p.days.map((d, i) => h('details', {class: 'day', open: i === 0},
        h('summary', null, `Day ${d.day} · ${longDate(d.date)}`,
          typeof d.daily_elemental_mg === 'number' ? ` · ${mg(d.daily_elemental_mg)}` : ''),
        h('dl', {class: 'kv'}, Object.entries(d).filter(([k]) => k !== 'day' && k !== 'date')
          .map(([k, v]) => [h('dt', null, words(k)), h('dd', null, dayValue(k, v))]))))));
  }
  if (Array.isArray(p.timeline) && p.timeline.length) {
    body.push(h('section', {class: 'card', 'aria-labelledby': 'tl-title'}, h('h2', {id: 'tl-title'}, 'What people often notice'),
      h('ul', null, p.timeline.map((t) => h('li', null, `From day ${t.from_day}: ${t.what}`))),
      p.timeline_note ? h('p', {class: 'small muted'}, p.timeline_note) : null));
  }
  body.push(h('p', null, h('a', {href: '/api/v1/plan.ics', download: 'mgtrack-plan.ics', id: 'ics-link', class: 'button-link'}, 'Download calendar (.ics)')));
  if (Array.isArray(p.explain) && p.explain.length) {
    body.push(h('details', {class: 'explain', id: 'plan-explain'}, h('summary', null, 'Why: the rules behind this plan'),
      h('ol', null, p.explain.map((x) => h('li', null, x.text, ' ', h('code', {class: 'rule'}, x.rule),
        x.source ? h('span', {class: 'source'}, x.source) : null)))));
  }
  return {head, body};
}

// Magnesium forms and hydrates that `mgtrack product add` knows (docs/API.md).
const FORMS = ['oxide', 'hydroxide', 'carbonate', 'chloride', 'citrate', 'hydrogen-citrate', 'lactate', 'gluconate',
  'glycinate', 'malate', 'dimagnesium-malate', 'buffered-chelate', 'taurate', 'threonate', 'sulfate', 'orotate',
  'aspartate', 'pidolate', 'glycerophosphate', 'acetate'];
const HYDRATES = ['anhydrous', 'dihydrate', 'trihydrate', 'tetrahydrate', 'hexahydrate', 'heptahydrate', 'nonahydrate'];

// Whether the plan uses a product, and if not, why.
function productUse(x, plan) {
  if (!plan) return '—';
  if (plan.product && plan.product.name === x.name) return h('strong', null, 'used');
  const quoted = `"${x.name}"`;
  const skipped = (plan.explain || []).find((e) => e.rule === 'plan-product-skipped' && typeof e.text === 'string' && e.text.includes(quoted));
  if (skipped) return `not used: ${skipped.text.slice(skipped.text.indexOf(quoted) + quoted.length).replace(/^\s*not used:\s*/, '')}`;
  if (plan.product) return `not used: the plan takes ${plan.product.name}`;
  return 'not used';
}

function productRows(list, plan) {
  if (!list.length) return h('p', {class: 'muted'}, 'No product yet: add the one you have, and the plan counts its doses in its tablets or capsules.');
  return table(list, [
    ['name', 'Product'],
    ['form', 'Form', (v, x) => (x.hydrate ? `${v} (${x.hydrate})` : v)],
    ['elemental_mg_per_serving', 'Magnesium per serving', (v, x) => `${mg(v)}${x.estimated ? ' (estimated)' : ''}`],
    ['per_serving_units', 'Units per serving', scalar],
    ['third_party', 'Third-party tested', scalar],
    ['id', 'In the plan', (v, x) => productUse(x, plan)],
  ]);
}

// The "Add a product" form; onAdded(product) runs after the server stored it.
function productForm(onAdded) {
  const id = (n) => `product-${n}`;
  const field = (n, label, input) => gridField(input, label);
  const check = (n, label) => h('label', {class: 'check'}, h('input', {type: 'checkbox', id: id(n), name: n}), ` ${label}`);
  const submit = h('button', {type: 'submit', class: 'primary', id: id('save')}, 'Add product');
  const status = h('div', {class: 'status', id: id('status'), role: 'status', 'aria-live': 'polite'});
  const form = h('form', {id: 'product-add-form', novalidate: true, 'aria-labelledby': 'product-add-title'},
    h('div', {class: 'grid'},
      field('name', 'Name on the label', h('input', {id: id('name'), name: 'name', type: 'text', maxlength: 127, autocomplete: 'off'})),
      field('form', 'Form', h('select', {id: id('form'), name: 'form'}, h('option', {value: ''}, 'Choose…'), FORMS.map((x) => h('option', {value: x}, x)))),
      field('hydrate', 'Hydrate (optional)', h('select', {id: id('hydrate'), name: 'hydrate'}, h('option', {value: ''}, 'not stated'), HYDRATES.map((x) => h('option', {value: x}, x)))),
      field('per_serving_units', 'Tablets or capsules per serving', h('input', {id: id('per_serving_units'), name: 'per_serving_units', type: 'number', inputmode: 'numeric', min: 1, max: 20, step: 1, value: '1'})),
      field('elemental_mg', 'Magnesium per serving, mg', h('input', {id: id('elemental_mg'), name: 'elemental_mg', type: 'number', inputmode: 'decimal', min: 0, step: 'any'})),
      field('compound_mg', 'Or the compound per serving, mg', h('input', {id: id('compound_mg'), name: 'compound_mg', type: 'number', inputmode: 'decimal', min: 0, step: 'any'}))),
    h('p', {class: 'small muted', id: 'product-mg-hint'}, 'Magnesium per serving is the elemental figure on the label (“magnesium … mg”). If the label gives only the compound (“magnesium citrate 500 mg”), enter that instead: mgtrack estimates the magnesium from the form and hydrate.'),
    h('fieldset', {class: 'flags'}, h('legend', null, 'Label'),
      check('third_party', 'Third-party tested (USP, NSF, Informed Sport)'),
      check('proprietary_blend', 'Proprietary blend')),
    h('div', {class: 'actions'}, submit, status));
  const el = (n) => form.querySelector(`#${id(n)}`);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    status.textContent = '';
    const body = {name: el('name').value.trim(), form: el('form').value};
    if (el('hydrate').value) body.hydrate = el('hydrate').value;
    for (const k of ['elemental_mg', 'compound_mg', 'per_serving_units']) if (el(k).value.trim() !== '') body[k] = Number(el(k).value);
    body.third_party = el('third_party').checked;
    body.proprietary_blend = el('proprietary_blend').checked;
    // What the server would refuse without naming a field, said here next to the field.
    if (!body.name) return showError(form, {field: 'name', message: 'Give the product’s name.'}, 'product', status);
    if (!body.form) return showError(form, {field: 'form', message: 'Choose the form on the label.'}, 'product', status);
    if (body.elemental_mg === undefined && body.compound_mg === undefined) {
      return showError(form, {field: 'elemental_mg', message: 'Give the magnesium per serving, or the compound’s mg.'}, 'product', status);
    }
    submit.disabled = true;
    status.textContent = 'Adding…';
    const r = await api('POST', '/api/v1/products', body);
    submit.disabled = false;
    if (!r.ok) {
      status.textContent = '';
      showError(form, r.error, 'product', status);
      return;
    }
    const x = r.data || {};
    form.reset();
    status.textContent = `Added ${x.name}: ${mg(x.elemental_mg_per_serving)} magnesium per serving${x.estimated ? ' (estimated from the compound)' : ''}.`;
    const note = await onAdded(x);
    if (note) status.append(' ', note);
  });
  return form;
}

// Products: the list (with what the plan makes of each) and the add form.
function productsSection(onAdded) {
  const list = h('div', {id: 'product-list'});
  const form = productForm(onAdded);
  const add = h('details', {class: 'more', id: 'product-add'},
    h('summary', {id: 'product-add-title'}, 'Add a product'), form);
  const section = h('section', {class: 'card', id: 'products', 'aria-labelledby': 'products-title'},
    h('h2', {id: 'products-title', tabindex: '-1'}, 'Your products'),
    h('p', {class: 'small muted'}, 'The plan takes a product of its suggested form first, then another one that may be recommended; never oxide.'),
    list, add);
  section.show = (products, plan) => {
    if (!products.ok) { list.replaceChildren(alertBox(`Products: ${products.error.message}`)); return; }
    const rows = products.data || [];
    list.replaceChildren(productRows(rows, plan));
    if (!rows.length) add.open = true;
  };
  return section;
}

async function pagePlan(view) {
  const load = () => Promise.all([api('GET', '/api/v1/plan'), api('GET', '/api/v1/products')]);
  const head = h('div', {id: 'plan-head'});
  const body = h('div', {id: 'plan-body'});
  const draw = (r, products) => {
    if (r.ok) {
      showDisclaimer(r.data);
      const s = planSections(r.data);
      head.replaceChildren(...s.head);
      body.replaceChildren(...s.body);
    } else {
      head.replaceChildren(alertBox(r.error.message));
      body.replaceChildren();
    }
    section.show(products, r.ok ? r.data : null);
  };
  const section = productsSection(async (added) => {
    const [r, products] = await load();
    draw(r, products);
    if (!r.ok) return null;
    if (r.data.product && r.data.product.name === added.name) return 'The plan now uses it.';
    return r.data.product ? `The plan keeps ${r.data.product.name}: see “In the plan”.` : 'The plan uses no product now: see “In the plan”.';
  });
  const [r, products] = await load();
  view.append(h('h1', {tabindex: '-1'}, 'Plan'), head, section, body);
  draw(r, products);
}

/* ---------- Review ---------- */

const DECISIONS = {
  continue: 'Continue',
  split_dose: 'Split the dose',
  change_form: 'Change the form',
  pause: 'Pause',
  stop: 'Stop',
  extend: 'Extend: keep going and look again',
  insufficient_data: 'Not enough data yet',
};

function chartSrc(outcome) {
  return `/api/v1/review/chart.svg?outcome=${encodeURIComponent(outcome)}`;
}

async function pageReview(view) {
  const r = await api('GET', '/api/v1/review');
  view.append(h('h1', {tabindex: '-1'}, 'Review'));
  if (!r.ok) { view.append(alertBox(r.error.message)); return; }
  const v = r.data;
  showDisclaimer(v);
  const facts = [];
  if (v.checkpoint_day !== undefined) facts.push(`day ${v.checkpoint_day} of dosing`);
  if (typeof v.adherence === 'number') facts.push(`adherence ${num(v.adherence * 100, 0)} %`);
  if (v.nights_baseline !== undefined) facts.push(`${v.nights_baseline} nights before, ${v.nights_on} on magnesium`);
  view.append(h('section', {class: 'card decision', 'aria-labelledby': 'dec-title'},
    h('h2', {id: 'dec-title'}, 'Decision'),
    h('p', {class: 'big', id: 'review-decision'}, DECISIONS[v.decision] || words(v.decision || 'none'), ' ', h('code', {class: 'rule'}, v.decision)),
    facts.length ? h('p', {class: 'small'}, `At ${facts.join('; ')}.`) : null,
    Array.isArray(v.reasons) && v.reasons.length ? noteList(v.reasons) : null));

  const outcomes = Array.isArray(v.outcomes) ? v.outcomes : [];
  if (outcomes.length) {
    view.append(h('section', {class: 'card', 'aria-labelledby': 'out-title'}, h('h2', {id: 'out-title'}, 'Outcomes'),
      table(outcomes, [
        ['name', 'Outcome', (x, o) => [x, o.name === v.primary ? ' (primary)' : '',
          o.better ? h('span', {class: 'source'}, `${o.better} is better`) : null]],
        ['baseline_mean', 'Before', scalar],
        ['on_mean', 'On magnesium', scalar],
        ['effect', 'Change', scalar],
        ['ci95', '95 % interval', (x) => (Array.isArray(x) ? `${scalar(x[0])} to ${scalar(x[1])}` : scalar(x))],
        ['p_benefit', 'P(meaningful benefit)', (x) => (typeof x === 'number' ? `${num(x * 100, 0)} %` : scalar(x))],
        ['mid', 'Meaningful change', scalar],
      ]),
      h('p', {class: 'small muted'}, 'Change: on magnesium minus before, with the 95 % interval and the probability that the change beats the meaningful difference.')));
  }
  const primary = v.primary || (outcomes[0] && outcomes[0].name);
  if (primary) {
    const alt = (o) => `Chart of ${o} night by night, before and on magnesium`;
    const img = h('img', {id: 'review-chart', src: chartSrc(primary), alt: alt(primary), width: 640, height: 320});
    const pick = outcomes.length > 1 ? h('select', {id: 'chart-outcome', onchange: (ev) => {
      img.src = chartSrc(ev.target.value);
      img.alt = alt(ev.target.value);
    }}, outcomes.map((o) => h('option', {value: o.name, selected: o.name === primary}, o.name))) : null;
    view.append(h('section', {class: 'card', 'aria-labelledby': 'chart-title'}, h('h2', {id: 'chart-title'}, 'Chart'),
      pick ? h('p', null, h('label', {for: 'chart-outcome'}, 'Outcome '), pick) : null,
      h('figure', null, img)));
  }
  view.append(h('p', null, h('a', {href: '/report', class: 'button-link', id: 'report-link'}, 'Printable report')));
}

/* ---------- Trial ---------- */

// Outcomes a trial can be designed on (docs/API.md "A trial design").
const OUTCOMES = [
  ['quality', 'Sleep quality, 1–5'],
  ['sol', 'Minutes to fall asleep'],
  ['waso', 'Minutes awake after falling asleep'],
  ['cramps', 'Leg cramps'],
  ['rested', 'Rested, 0–10'],
  ['rls', 'Restless legs, 0–10'],
  ['tightness', 'Muscle tightness, 0–10'],
  ['stress', 'Stress, 0–10'],
  ['mood', 'Mood, 0–10'],
  ['energy', 'Energy, 0–10'],
];

// The design's numbers: [name, label, default, min, max, hint].
const TRIAL_NUMBERS = [
  ['blocks', 'Blocks', 4, 2, 12, 'each block is two periods, magnesium and control, in an order drawn at random.'],
  ['period_days', 'Days per period', 7, 5, 28, null],
  ['washin_days', 'Wash-in days', 2, 0, 4, 'the first days of each period, left out of the main analysis; at least 3 days must be left.'],
  ['baseline_days', 'Baseline days', 7, 0, 28, 'nights logged before the first period, without magnesium.'],
];

function addDays(iso, n) {
  const d = new Date(`${iso}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return null;
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

// The design form; replacing: a trial exists and is replaced only after the
// box is ticked (force: true). onDesigned(answer) runs after a 201.
function trialForm(replacing, onDesigned) {
  const id = (n) => `trial-${n}`;
  const el = (n) => form.querySelector(`#${id(n)}`);
  const notes = [];
  const field = (n, label, input, hint, cls) => gridField(input, label, hint, notes, cls);
  const preview = h('output', {id: id('preview'), for: TRIAL_NUMBERS.map(([n]) => id(n)).concat(id('start')).join(' ')});
  const status = h('div', {class: 'status', id: id('status'), role: 'status', 'aria-live': 'polite'});
  const submit = h('button', {type: 'submit', class: 'primary', id: id('save')}, replacing ? 'Replace the trial' : 'Design the trial');
  const confirm = replacing ? h('div', {class: 'confirm'},
    h('label', {class: 'check'}, h('input', {type: 'checkbox', id: id('force'), name: 'force'}),
      ' Yes, replace the current trial: it is kept on record as abandoned.')) : null;
  const form = h('form', {id: replacing ? 'trial-replace-form' : 'trial-form', novalidate: true, 'aria-labelledby': replacing ? 'trial-replace-title' : 'trial-design-title'},
    h('div', {class: 'grid'},
      field('outcome', 'Primary outcome', h('select', {id: id('outcome'), name: 'outcome'}, OUTCOMES.map(([v, t]) => h('option', {value: v}, t))),
        'fixed before the first period: the one result the trial is judged on.', 'wide'),
      TRIAL_NUMBERS.map(([n, label, def, min, max, hint]) => field(n, label,
        h('input', {id: id(n), name: n, type: 'number', inputmode: 'numeric', min, max, step: 1, value: String(def)}), hint)),
      field('control', 'Control periods', h('select', {id: id('control'), name: 'control'},
        h('option', {value: 'none'}, 'none'), h('option', {value: 'placebo'}, 'placebo')),
        'none takes no capsule; placebo takes look-alike capsules without magnesium, filled by a helper.'),
      field('start', 'Start', h('input', {id: id('start'), name: 'start', type: 'date', value: app.session.today})),
      field('seed', 'Seed (optional)', h('input', {id: id('seed'), name: 'seed', type: 'number', inputmode: 'numeric', min: 1, max: 2147483647, step: 1}),
        'leave it empty for a random one; it is recorded, so the order can be checked later.')),
    h('div', {class: 'hints'}, notes),
    h('p', {class: 'small'}, preview),
    h('p', {class: 'small muted', id: 'trial-blind-note'}, 'Blinded trials are designed on the command line: ',
      h('code', null, 'mgtrack trial design --blind'), ' prints the sealed allocation sheet for the helper who fills the capsules, and this page would show it to you.'),
    confirm,
    h('div', {class: 'actions'}, submit, status));
  const update = () => {
    const period = Number(el('period_days').value);
    if (Number.isInteger(period) && period >= 5) el('washin_days').max = String(period - 3);
    const v = Object.fromEntries(TRIAL_NUMBERS.map(([n]) => [n, Number(el(n).value)]));
    const ok = TRIAL_NUMBERS.every(([n]) => el(n).value !== '' && Number.isInteger(v[n]));
    const start = el('start').value || app.session.today;
    const days = v.baseline_days + v.blocks * 2 * v.period_days;
    const end = ok ? addDays(start, days - 1) : null;
    preview.textContent = end
      ? `Runs ${days} days, ${start} to ${end}: ${v.baseline_days ? `${v.baseline_days} days of baseline, then ` : ''}${v.blocks} blocks of two ${v.period_days}-day periods.`
      : '';
  };
  form.addEventListener('input', update);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    status.textContent = '';
    // The server checks these too, but names no field for them: say it here, next to the field.
    for (const [n, label] of TRIAL_NUMBERS.concat([['seed', 'Seed']])) {
      const input = el(n);
      const v = input.validity;
      if (v.badInput || v.rangeUnderflow || v.rangeOverflow || v.stepMismatch || (n !== 'seed' && input.value === '')) {
        const range = input.max ? `from ${input.min} to ${input.max}` : `of ${input.min} or more`;
        showError(form, {field: n, message: `${label} must be a whole number ${range}.`}, 'trial', status);
        return;
      }
    }
    const body = {outcome: el('outcome').value, control: el('control').value};
    for (const [n] of TRIAL_NUMBERS) if (el(n).value.trim() !== '') body[n] = Number(el(n).value);
    if (el('start').value) body.start = el('start').value;
    if (el('seed').value.trim() !== '') body.seed = Number(el('seed').value);
    if (replacing) {
      if (!el('force').checked) {
        showError(form, {field: 'force', message: 'Tick the box to replace the current trial.'}, 'trial', status);
        return;
      }
      body.force = true;
    }
    submit.disabled = true;
    status.textContent = 'Saving the design…';
    const r = await api('POST', '/api/v1/trial', body);
    submit.disabled = false;
    if (!r.ok) {
      status.textContent = '';
      showError(form, r.error, 'trial', status);
      return;
    }
    onDesigned(r.data || {});
  });
  queueMicrotask(update);   // once the inputs are in the form
  return form;
}

const ARM_TEXT = {magnesium: 'magnesium', control: 'control', hidden: 'hidden (blinded)'};

// Where today falls in the trial.
function trialToday(t) {
  const known = ['phase', 'period', 'block', 'arm', 'day_in_period', 'washin'];
  const rows = [
    ['Phase', t.phase],
    ['Period', t.period],
    ['Block', t.block],
    ['Arm', t.arm ? ARM_TEXT[t.arm] || t.arm : null],
    ['Day of the period', t.day_in_period],
    ['Wash-in', t.washin ? 'yes: today is left out of the main analysis' : null],
  ].filter(([, v]) => v !== null && v !== undefined && v !== '');
  const rest = Object.fromEntries(Object.entries(t).filter(([k]) => !known.includes(k)));
  return [
    h('dl', {class: 'kv'}, rows.map(([k, v]) => [h('dt', null, k), h('dd', null, scalarNode(v))])),
    Object.keys(rest).length ? generic(rest) : null,
  ];
}

function trialStatus(s) {
  const known = ['id', 'outcome', 'blinded', 'control', 'hash', 'seed', 'washin_days', 'baseline', 'periods'];
  const outcome = OUTCOMES.find(([v]) => v === s.outcome);
  const facts = [
    ['Primary outcome', outcome ? `${outcome[1]} (${s.outcome})` : scalar(s.outcome)],
    ['Control', scalar(s.control)],
    ['Blinded', scalar(s.blinded)],
    ['Wash-in days', scalar(s.washin_days)],
    ['Baseline', s.baseline ? [scalarNode(s.baseline.start), ' to ', scalarNode(s.baseline.end)] : 'none'],
    ['Seed', s.seed === null ? 'sealed until unblinding' : scalar(s.seed)],
    ['Design hash', s.hash === null ? 'sealed until unblinding' : h('code', null, scalar(s.hash))],
  ];
  const rest = Object.fromEntries(Object.entries(s).filter(([k]) => !known.includes(k)));
  return [
    h('dl', {class: 'kv', id: 'trial-design'}, facts.map(([k, v]) => [h('dt', null, k), h('dd', null, v)])),
    Array.isArray(s.periods) && s.periods.length ? [h('h3', null, 'Periods'), h('div', {id: 'trial-periods'},
      table(s.periods, [['block', 'Block'], ['arm', 'Arm', (v) => ARM_TEXT[v] || scalar(v)], ['start', 'From'], ['end', 'To']]))] : null,
    Object.keys(rest).length ? generic(rest) : null,
  ];
}

// The analysis (trial analyze): the primary outcome four ways. Honest about
// what it is: a partial trial's figures are provisional.
function trialResults(a, today) {
  const ci = (x) => (Array.isArray(x) && x[0] !== null ? `${num(x[0], 2)} to ${num(x[1], 2)}` : '—');
  const signed = (x) => (typeof x === 'number' ? (x > 0 ? '+' : '') + num(x, 2) : '—');
  const b = a.bayes || {}, sens = a.sensitivity || {}, pd = a.paired || {};
  const rows = [
    ['Outcome', `${a.outcome}${a.primary ? ' (primary)' : ' (secondary)'}, ${a.better} is better; meaningful difference ${num(a.mid, 2)}`],
    ['Blocks with data', scalar(a.blocks)],
    ['Nights analysed', `${scalar(a.nights_magnesium)} on magnesium, ${scalar(a.nights_control)} control`],
    ['Doses logged on magnesium days', typeof a.adherence === 'number' ? `${Math.round(a.adherence * 100)} %` : '—'],
    ['Paired (block means)', `${signed(pd.mean_diff)}, 95 % CI ${ci(pd.ci95)}, p = ${scalar(pd.p)}`],
    ['Randomisation test', `p = ${scalar(a.randomization_p)}`],
    ['Bayesian AR(1)', b.median === null || b.median === undefined ? 'not enough nights yet'
      : `${signed(b.median)}, 95 % CrI ${ci(b.cri95)}, P(benefit beyond the meaningful difference) = ${scalar(b.p_benefit)}`],
    ['With wash-in days', sens.median === null || sens.median === undefined ? '—'
      : `${signed(sens.median)}, 95 % CrI ${ci(sens.cri95)}`],
  ];
  return [
    today && today.phase !== 'finished' ? notice('The trial is not over: these figures are provisional and will move. Judge it on the primary outcome once every period is done.') : null,
    h('dl', {class: 'kv', id: 'trial-results'}, rows.map(([k, v]) => [h('dt', null, k), h('dd', null, v)])),
    h('p', {class: 'small muted'}, 'Change = magnesium minus control. The design hash ', h('code', null, scalar(a.hash)), ' shows the analysis follows the registered design.'),
  ];
}

async function pageTrial(view) {
  const r = await api('GET', '/api/v1/trial');
  view.append(h('h1', {tabindex: '-1'}, 'Trial'));
  const flash = app.flash;
  app.flash = null;
  // After a design: draw the page again, with the news on top and the focus on it.
  const designed = async (x) => {
    app.flash = `Trial ${x.id} designed: ${x.start} to ${x.end}, seed ${x.seed}, design hash ${x.hash}.`;
    await render(false);
    const f = document.getElementById('trial-flash');
    if (f) f.focus();
  };
  if (flash) view.append(h('p', {class: 'notice', id: 'trial-flash', role: 'status', tabindex: '-1'}, flash));
  const intro = h('p', {class: 'small muted'}, 'An n-of-1 trial: periods on magnesium and periods without it, in a random order, so that your own nights show whether it helps you.');
  if (r.status === 404) {
    view.append(h('p', {id: 'no-trial'}, 'No trial yet. Design one here, or with ', h('code', null, 'mgtrack trial design'), '.'), intro,
      h('section', {class: 'card', 'aria-labelledby': 'trial-design-title'}, h('h2', {id: 'trial-design-title'}, 'Design a trial'),
        trialForm(false, designed)));
    return;
  }
  if (!r.ok) { view.append(alertBox(r.error.message)); return; }
  const t = r.data || {};
  const today = t.today || {};
  // Results: refused (422) while blinded; the page says why instead.
  const an = await api('GET', '/api/v1/trial/analysis');
  const results = h('section', {class: 'card', 'aria-labelledby': 'tr-title'}, h('h2', {id: 'tr-title'}, 'Results'),
    an.ok ? trialResults(an.data, today) : h('p', {id: 'trial-results-none'}, an.error.message));
  if (today.arm === 'hidden' || (t.status && t.status.blinded)) {
    view.append(h('p', {class: 'notice'}, 'This trial is blinded: the arm stays hidden until ', h('code', null, 'mgtrack trial unblind'), '.'));
  }
  view.append(
    h('section', {class: 'card', 'aria-labelledby': 'tt-title'}, h('h2', {id: 'tt-title'}, 'Today'), h('div', {id: 'trial-today'}, trialToday(today))),
    h('section', {class: 'card', 'aria-labelledby': 'ts-title'}, h('h2', {id: 'ts-title'}, 'Design and status'), trialStatus(t.status || {})),
    results,
    h('details', {class: 'card more', id: 'trial-replace'},
      h('summary', {id: 'trial-replace-title'}, 'Replace this trial…'),
      h('p', {class: 'notice'}, 'A trial is judged on the design it was registered with. Replace it only to start over: the current design is kept on record as abandoned.'),
      trialForm(true, designed)));
}

/* ---------- Foods ---------- */

async function pageFoods(view) {
  const detail = h('div', {id: 'foods-detail'});
  const status = h('div', {class: 'status', role: 'status', 'aria-live': 'polite'});
  const picker = foodPicker('foods', async (food) => {
    const r = await api('GET', `/api/v1/foods/${encodeURIComponent(food.id)}`);
    if (!r.ok) { detail.replaceChildren(alertBox(r.error.message)); return; }
    const f = r.data;
    detail.replaceChildren(h('section', {class: 'card', 'aria-labelledby': 'fd-title'},
      h('h2', {id: 'fd-title'}, f.name),
      h('p', {class: 'big'}, `${mg(f.mg_per_100g)} magnesium per 100 g`),
      f.deprecated ? notice('Withdrawn by USDA: kept for old entries, ranked last in search.') : null,
      Array.isArray(f.measures) && f.measures.length
        ? table(f.measures, [['name', 'Measure', (x, m) => `${num(m.amount, 2)} ${x}`], ['grams', 'Grams', scalar], ['mg', 'Magnesium', mg]])
        : h('p', {class: 'muted'}, 'No household measures: log it in grams.'),
      addFoodForm('foods-add', f, (e) => { status.textContent = `Logged on ${e.date || app.session.today}.`; }),
      f.per_100g ? h('details', null, h('summary', null, 'Per 100 g'), generic(f.per_100g)) : null,
      h('p', {class: 'small muted'}, `Food ${f.id}, source ${f.source || 'unknown'}.`)));
  });
  view.append(h('h1', {tabindex: '-1'}, 'Foods'),
    h('p', {class: 'small muted'}, 'Search the USDA tables: magnesium per 100 g and per household measure.'),
    h('section', {class: 'card'}, picker), detail, status);
}

/* ---------- Profile ---------- */

const GOALS = ['sleep', 'cramps', 'stress', 'energy', 'recovery', 'regularity', 'focus'];
const CONDITIONS = [
  ['kidney-disease', 'Kidney disease'],
  ['dialysis', 'Dialysis'],
  ['egfr-below-30', 'eGFR below 30'],
  ['heart-block', 'Heart block'],
  ['myasthenia-gravis', 'Myasthenia gravis'],
  ['low-blood-pressure', 'Low blood pressure'],
  ['arrhythmia', 'Irregular heartbeat (arrhythmia)'],
];
const PROFILE_FLAGS = [
  ['pregnant', 'Pregnant'],
  ['lactating', 'Breastfeeding'],
  ['clinician_guided', 'A clinician guides my magnesium'],
  ['gi_sensitive', 'Sensitive gut'],
];

function targetsList(x) {
  return [
    h('dl', {class: 'kv', id: 'targets'},
      [['Target', `${mg(x.target_mg)} a day`], [x.rda_kind || 'Reference', mg(x.rda_mg)],
        ['Training factor', scalar(x.training_factor)], ['Upper limit for supplements', mg(x.supplement_ul_mg)],
        ['Basis', scalar(x.basis)]].map(([k, v]) => [h('dt', null, k), h('dd', null, v)])),
    Array.isArray(x.rules) ? h('details', null, h('summary', null, 'Sources'),
      h('ul', null, x.rules.map((r) => h('li', null, h('code', {class: 'rule'}, r.id), ' ', r.source)))) : null,
  ];
}

// Whole years from a date of birth to a day (both YYYY-MM-DD), or null.
function yearsOld(born, today) {
  const b = /^(\d{4})-(\d\d)-(\d\d)$/.exec(born || '');
  const t = /^(\d{4})-(\d\d)-(\d\d)$/.exec(today || '');
  if (!b || !t) return null;
  const years = Number(t[1]) - Number(b[1]) - (`${t[2]}${t[3]}` < `${b[2]}${b[3]}` ? 1 : 0);
  return years >= 0 ? years : null;
}

// The profile form: it sends the fields that differ from the stored profile;
// onSaved(profile) runs after the server stored them and may return a note.
function profileForm(stored, onSaved) {
  let saved = stored;
  const id = (n) => `profile-${n}`;
  const el = (n) => form.querySelector(`#${id(n)}`);
  const notes = [];
  const field = (n, label, input, hint) => gridField(input, label, hint, notes);
  const choice = (n, options) => h('select', {id: id(n), name: n}, options.map(([v, t]) => h('option', {value: v}, t)));
  const box = (n, label) => h('label', {class: 'check'}, h('input', {type: 'checkbox', id: id(n), name: n}), ` ${label}`);
  const group = (n, legend, items, hint) => h('fieldset', {class: 'flags', id: id(n), tabindex: '-1', 'aria-describedby': hint ? `${id(n)}-hint` : null},
    h('legend', null, legend), items, hint ? h('p', {class: 'small muted hint', id: `${id(n)}-hint`}, hint) : null);

  const age = h('input', {id: id('age'), name: 'age', type: 'number', inputmode: 'numeric', min: 0, max: 120, step: 1});
  const born = h('input', {id: id('born'), name: 'born', type: 'date', max: app.session.today});
  age.addEventListener('input', () => { born.value = ''; });   // an age replaces a date of birth
  born.addEventListener('input', () => {
    const years = yearsOld(born.value, app.session.today);
    if (years !== null) age.value = String(years);
  });

  // Medicines: one row each, a name and its times.
  const meds = h('ul', {class: 'med-rows', id: id('med-rows')});
  let medSeq = 0;
  const addMedButton = h('button', {type: 'button', id: id('med-add'), onclick: () => addMed(null).focus()}, 'Add a medicine');
  function addMed(m) {
    const k = ++medSeq;
    const name = h('input', {id: id(`med-name-${k}`), class: 'med-name', type: 'text', autocomplete: 'off', maxlength: 60, value: m ? m.name : ''});
    const times = h('input', {id: id(`med-times-${k}`), class: 'med-times', type: 'text', autocomplete: 'off', spellcheck: 'false',
      placeholder: '07:00, 19:00', value: m && Array.isArray(m.times) ? m.times.join(', ') : '', 'aria-describedby': id('medicines-hint')});
    const remove = h('button', {type: 'button', class: 'small-button med-remove', onclick: () => { row.remove(); addMedButton.focus(); }}, 'Remove');
    const label = () => remove.setAttribute('aria-label', `Remove ${name.value.trim() || 'this medicine'}`);
    name.addEventListener('input', label);
    label();
    const row = h('li', {class: 'med-row'},
      h('div', {class: 'field'}, h('label', {for: name.id}, 'Medicine'), name),
      h('div', {class: 'field'}, h('label', {for: times.id}, 'Taken at'), times),
      remove);
    meds.append(row);
    return name;
  }

  const submit = h('button', {type: 'submit', class: 'primary', id: id('save')}, 'Save profile');
  const status = h('div', {class: 'status', id: id('status'), role: 'status', 'aria-live': 'polite'});
  const form = h('form', {id: 'profile-form', novalidate: true, 'aria-labelledby': 'pr-title'},
    h('fieldset', {class: 'grid'}, h('legend', null, 'You'),
      field('age', 'Age in years', age),
      field('born', 'Or date of birth', born, 'with it the age stays current; typing an age drops it.'),
      field('sex', 'Sex', choice('sex', [['female', 'female'], ['male', 'male']])),
      field('region', 'Reference values', choice('region', [['us', 'US (IOM)'], ['eu', 'EU (EFSA)']])),
      h('div', {class: 'hints'}, notes)),
    group('health', 'Health', PROFILE_FLAGS.map(([n, label]) => box(n, label))),
    group('conditions', 'Conditions', CONDITIONS.map(([c, label]) => box(`condition-${c}`, label)),
      'Each one changes the plan at once: it may stop the plan and send you to a clinician first, or add cautions.'),
    group('goals', 'Goals', GOALS.map((g) => box(`goal-${g}`, g)), 'The goals choose the form of magnesium and the outcomes the review looks at.'),
    h('fieldset', {class: 'grid'}, h('legend', null, 'Your day'),
      field('wake', 'Wake up', h('input', {id: id('wake'), name: 'wake', type: 'time'})),
      field('bed', 'Bedtime', h('input', {id: id('bed'), name: 'bed', type: 'time'})),
      field('training', 'Training', choice('training', [['none', 'none'], ['regular', 'regular'], ['heavy', 'heavy']])),
      field('train_at', 'Training time', h('input', {id: id('train_at'), name: 'train_at', type: 'time'}))),
    h('fieldset', {id: id('medicines'), tabindex: '-1', 'aria-describedby': id('medicines-hint')}, h('legend', null, 'Medicines'),
      h('p', {class: 'small muted hint', id: id('medicines-hint')}, 'Times as HH:MM, several with commas (07:00, 19:00). Magnesium binds some medicines, such as levothyroxine and some antibiotics: the plan keeps its doses away from them.'),
      meds, addMedButton),
    h('fieldset', {class: 'grid'}, h('legend', null, 'More'),
      field('zinc_mg', 'Zinc supplement, mg/day', h('input', {id: id('zinc_mg'), name: 'zinc_mg', type: 'number', inputmode: 'numeric', min: 0, max: 1000, step: 1})),
      field('food_source', 'Food intake from', choice('food_source', [['log', 'food log'], ['apple-health', 'Apple Health']]))),
    h('div', {class: 'actions'}, submit, status));

  function fill(p) {
    age.value = p.age === null || p.age === undefined ? '' : String(p.age);
    born.value = p.born || '';
    for (const n of ['sex', 'region', 'training', 'food_source']) el(n).value = p[n] || '';
    for (const [n] of PROFILE_FLAGS) el(n).checked = !!p[n];
    for (const n of ['wake', 'bed', 'train_at']) el(n).value = p[n] || '';
    el('zinc_mg').value = String(p.zinc_mg ?? 0);
    for (const g of GOALS) el(`goal-${g}`).checked = (p.goals || []).includes(g);
    for (const [c] of CONDITIONS) el(`condition-${c}`).checked = (p.conditions || []).includes(c);
    meds.replaceChildren();
    for (const m of p.medicines || []) addMed(m);
  }

  // The POST body: every field that differs from the stored profile.
  function changes() {
    const v = (n) => el(n).value.trim();
    const zinc = v('zinc_mg');
    const now = {
      sex: v('sex'), region: v('region'), training: v('training'), food_source: v('food_source'),
      ...Object.fromEntries(PROFILE_FLAGS.map(([n]) => [n, el(n).checked])),
      wake: v('wake'), bed: v('bed'), train_at: v('train_at') || null,
      zinc_mg: zinc === '' ? 0 : Number(zinc),
      goals: GOALS.filter((g) => el(`goal-${g}`).checked),
      conditions: CONDITIONS.map(([c]) => c).filter((c) => el(`condition-${c}`).checked),
      medicines: [...meds.querySelectorAll('.med-row')].map((row) => ({
        name: row.querySelector('.med-name').value.trim(),
        times: row.querySelector('.med-times').value.split(/[\s,;]+/).filter(Boolean),
      })).filter((m) => m.name || m.times.length),
    };
    const json = (x) => JSON.stringify(x === undefined ? null : x);
    const sorted = (x) => [...(x || [])].sort();
    const body = {};
    for (const [k, x] of Object.entries(now)) {
      const sets = k === 'goals' || k === 'conditions';
      if (sets ? json(sorted(x)) !== json(sorted(saved[k])) : json(x) !== json(saved[k])) body[k] = x;
    }
    const b = v('born');
    const a = v('age');
    if (b && b !== saved.born) body.born = b;
    else if (!b && (saved.born || a !== String(saved.age ?? ''))) body.age = a === '' ? null : Number(a);
    return body;
  }

  fill(saved);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    const body = changes();
    if (!Object.keys(body).length) { status.textContent = 'Nothing to save: no field has changed.'; return; }
    submit.disabled = true;
    status.textContent = 'Saving…';
    const r = await api('POST', '/api/v1/profile', body);
    submit.disabled = false;
    if (!r.ok) {
      status.textContent = '';
      showError(form, r.error, 'profile', status);
      return;
    }
    saved = r.data;
    fill(saved);
    status.replaceChildren(`Saved: ${Object.keys(body).map(words).join(', ')}.`);
    const note = await onSaved(saved);
    if (note) status.append(' ', note);
  });
  return form;
}

async function pageProfile(view) {
  const [p, t] = await Promise.all([api('GET', '/api/v1/profile'), api('GET', '/api/v1/targets')]);
  view.append(h('h1', {tabindex: '-1'}, 'Profile'),
    h('p', {class: 'small muted'}, 'Your profile sets the targets and the plan. Saving here does what ', h('code', null, 'mgtrack profile set'), ' does.'));
  const targets = h('div', {id: 'targets-box'});
  const showTargets = (r) => {
    if (r.ok) {
      showDisclaimer(r.data);
      targets.replaceChildren(...targetsList(r.data));
    } else {
      targets.replaceChildren(alertBox(`Targets: ${r.error.message}`));
    }
  };
  showTargets(t);
  view.append(h('section', {class: 'card', 'aria-labelledby': 'tg-title'}, h('h2', {id: 'tg-title'}, 'Targets'), targets));
  if (!p.ok) {
    view.append(alertBox(`Profile: ${p.error.message}`));
    return;
  }
  // After a save: the targets again, and what the plan now says.
  const afterSave = async () => {
    const [t2, plan] = await Promise.all([api('GET', '/api/v1/targets'), api('GET', '/api/v1/plan')]);
    showTargets(t2);
    const bits = [];
    if (t2.ok) bits.push(`Target now ${mg(t2.data.target_mg)} a day.`);
    if (plan.ok) bits.push(`Plan status: ${STATUS_TEXT[plan.data.status] || words(plan.data.status || 'unknown')}. `);
    return h('span', {id: 'profile-plan-note'}, bits.join(' '), plan.ok ? h('a', {href: '/plan'}, 'See the Plan page') : null, plan.ok ? '.' : null);
  };
  view.append(h('section', {class: 'card', 'aria-labelledby': 'pr-title'}, h('h2', {id: 'pr-title'}, 'Your profile'),
    h('p', {class: 'notice', id: 'profile-safety'}, 'Safety rules act at once: a condition, pregnancy, breastfeeding or a medicine changes the plan as soon as you save. It may pause the plan, lower the dose, move it away from a medicine or send you to a clinician first.'),
    profileForm(p.data, afterSave)));
}

start();
