// Browser tests of the mgtrack web app: node tests.mjs URL
//
// Run by ./run, which seeds a journal (today is 2026-11-24, no night logged
// for it yet, a product "Glycinate 100" of 2 units a serving, four weeks of
// nights around a first dose, a custom food whose name holds markup) and
// starts `mgtrack serve`. Drives Debian's Chromium with playwright-core; the
// tests run in order and share the journal. Every test also fails on a
// console error, an uncaught exception, a CSP violation or a request that
// leaves the server's origin. Prints "ok N - name" / "not ok N - name" and
// writes the summary line to $RESULT (and stdout).
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import http from 'node:http';

const BASE = process.argv[2];
if (!BASE) {
  console.error('usage: node tests.mjs URL');
  process.exit(64);
}
const ORIGIN = new URL(BASE).origin;
const TODAY = '2026-11-24';
const at = (path, base = BASE) => new URL(path, base).href;
// Two more servers, each on a journal with a course (see ./run): COURSE on
// its day 10 (2026-10-10), REVIEW on its day 42 (2026-11-11) with a benefit.
const COURSE = process.env.COURSE_URL;
const REVIEW = process.env.REVIEW_URL;
const ORIGINS = new Set([BASE, COURSE, REVIEW].filter(Boolean).map((u) => new URL(u).origin));
const ONLY = process.env.ONLY ? new RegExp(process.env.ONLY) : null;   // run only the tests whose name matches

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

let passed = 0;
let failed = 0;
let number = 0;
let requestsSeen = 0;
const offOrigin = [];

/* ---------- helpers ---------- */

function check(cond, message) {
  if (!cond) throw new Error(message);
}

function same(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

// GET from the test runner itself (not the page): {status, type, text, json}.
async function get(path, base = BASE) {
  const r = await fetch(at(path, base), {headers: {Accept: 'application/json'}});
  const text = await r.text();
  let json = null;
  try { json = JSON.parse(text); } catch (err) { /* not JSON */ }
  return {status: r.status, type: r.headers.get('content-type') || '', text, json};
}

// A raw HTTP request, for headers fetch() will not let us set (Host, Origin).
function raw(method, path, headers, body) {
  return new Promise((resolve, reject) => {
    const u = new URL(at(path));
    const req = http.request({host: u.hostname, port: u.port, path: u.pathname + u.search, method, headers}, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { text += c; });
      res.on('end', () => {
        let json = null;
        try { json = JSON.parse(text); } catch (err) { /* not JSON */ }
        resolve({status: res.statusCode, headers: res.headers, text, json});
      });
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

// A request made by the page itself (same origin, its cookies), with or without the CSRF token.
function pageFetch(page, method, path, body, csrf = true) {
  return page.evaluate(async ({method, path, body, csrf}) => {
    const headers = {'Content-Type': 'application/json'};
    if (csrf) headers['X-CSRF-Token'] = (await (await fetch('/api/v1/session')).json()).csrf_token;
    const r = await fetch(path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
    const text = await r.text();
    let json = null;
    try { json = JSON.parse(text); } catch (err) { /* not JSON */ }
    return {status: r.status, type: r.headers.get('content-type') || '', text, json};
  }, {method, path, body, csrf});
}

// A browser context and page, watched for errors: console errors (except
// failed loads of the URLs in `watched.expected`, e.g. an intended 404),
// uncaught exceptions, CSP violations and requests leaving the origin.
async function openPage(options = {}) {
  const context = await browser.newContext({
    viewport: options.viewport || {width: 1024, height: 800},
    isMobile: !!options.isMobile,
    hasTouch: !!options.isMobile,
    locale: 'en-GB',
    timezoneId: 'UTC',
    acceptDownloads: true,
  });
  const watched = {context, page: null, problems: [], expected: []};
  await context.exposeBinding('__cspViolation', (source, text) => watched.problems.push(`CSP violation: ${text}`));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolation(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} in ${e.sourceFile || e.documentURI}`);
    });
  });
  const page = await context.newPage();
  watched.page = page;
  page.setDefaultTimeout(8000);
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const where = m.location().url || '';
    if (/^Failed to load resource/.test(m.text()) && watched.expected.some((re) => re.test(where))) return;
    watched.problems.push(`console error: ${m.text()} (${where})`);
  });
  page.on('pageerror', (e) => watched.problems.push(`uncaught: ${e.message}`));
  page.on('request', (r) => {
    requestsSeen++;
    const u = r.url();
    if (/^(data|blob|about):/.test(u)) return;
    // A page loads from one of the test servers, and asks only its own.
    let own = null;
    try { own = new URL(r.frame().url()).origin; } catch (err) { /* no frame */ }
    const origin = new URL(u).origin;
    if (ORIGINS.has(origin) && (r.isNavigationRequest() || own === 'null' || origin === own)) return;
    offOrigin.push(u);
    watched.problems.push(`request left the origin: ${u}`);
  });
  return watched;
}

// Starting a page costs about a second on a busy machine: the tests share one
// (each loads its own URL); a test with its own viewport gets its own context.
let shared = null;

// test(name, options, async ({page, context}) => ...): one counted test.
async function test(name, options, fn) {
  if (ONLY && !ONLY.test(name)) return;
  const n = ++number;
  const t0 = Date.now();
  const own = !!options.viewport;
  let opened = null;
  try {
    if (own) {
      opened = await openPage(options);
    } else {
      if (!shared) shared = await openPage({});
      opened = shared;
    }
    opened.problems.length = 0;
    opened.expected = options.expected || [];
    await fn(opened);
    await opened.page.goto('about:blank');   // let nothing of this test spill into the next one
    check(opened.problems.length === 0, opened.problems.join('\n  '));
    passed++;
    console.log(`ok ${n} - ${name} (${Date.now() - t0} ms)`);
  } catch (err) {
    failed++;
    const extra = opened && opened.problems.length ? `\n  also: ${opened.problems.join('\n  also: ')}` : '';
    console.log(`not ok ${n} - ${name} (${Date.now() - t0} ms)\n  ${String(err.message || err).split('\n').join('\n  ')}${extra}`);
    if (opened && !own) {   // a failed test may leave the page in any state: start afresh
      await opened.context.close().catch(() => {});
      shared = null;
    }
  } finally {
    if (own && opened) await opened.context.close().catch(() => {});
  }
}

// The ids (or names) of the inputs under `scope` that have no label.
function unlabelled(page, scope) {
  return page.evaluate((scope) => [...document.querySelectorAll(`${scope} input, ${scope} select, ${scope} textarea`)]
    .filter((e) => e.type !== 'hidden' && !(e.labels && e.labels.length) && !e.getAttribute('aria-label'))
    .map((e) => e.id || e.name || e.outerHTML.slice(0, 60)), scope);
}

// Open the Today page and wait until it has drawn (the night form and both lists).
async function openToday(page) {
  await page.goto(at('/'));
  await page.locator('#night-form').waitFor();
  await page.locator('#dose-list li').first().waitFor();
  await page.locator('#food-log li').first().waitFor();
}

const NIGHT_404 = /\/api\/v1\/nights\/\d{4}-\d\d-\d\d$/;
const NIGHTS_POST = /\/api\/v1\/nights$/;
const TRIAL = /\/api\/v1\/trial$/;

/* ---------- the tests ---------- */

await test('every page: served with a strict CSP, draws its heading and the disclaimer; links navigate in place', {expected: [NIGHT_404, TRIAL]}, async ({page}) => {
  const pages = [['/', 'Today'], ['/plan', 'Plan'], ['/review', 'Review'], ['/trial', 'Trial'], ['/foods', 'Foods'], ['/profile', 'Profile']];
  for (const [path, title] of pages) {
    const res = await page.goto(at(path));
    same(res.status(), 200, `GET ${path} status`);
    const csp = res.headers()['content-security-policy'] || '';
    check(/default-src 'none'/.test(csp) && /script-src 'self'/.test(csp), `GET ${path}: no strict Content-Security-Policy (got "${csp}")`);
    same(res.headers()['x-content-type-options'], 'nosniff', `GET ${path} X-Content-Type-Options`);
    await page.locator('main h1', {hasText: title}).waitFor();
    const disclaimer = await page.locator('#disclaimer').textContent();
    check(/not medical advice/i.test(disclaimer), `${path}: the footer does not say "not medical advice" (got "${disclaimer}")`);
    same(await page.locator('nav a[aria-current="page"]').getAttribute('href'), path, `${path}: the current nav link`);
    const junk = (await page.textContent('main')).match(/\b(null|undefined|NaN)\b|\[object Object\]/);
    check(!junk, `${path}: the page shows "${junk && junk[0]}"`);
  }
  const icon = await get('/favicon.svg');
  same(icon.status, 200, 'GET /favicon.svg status');
  check(icon.type.startsWith('image/svg+xml'), `favicon type ${icon.type}`);
  // In-app navigation: pushState, no full page load.
  await page.goto(at('/'));
  await page.locator('#night-form').waitFor();
  await page.evaluate(() => { window.__samePage = true; });
  await page.click('nav a[href="/plan"]');
  await page.locator('main h1', {hasText: 'Plan'}).waitFor();
  same(new URL(page.url()).pathname, '/plan', 'path after clicking Plan');
  same(await page.evaluate(() => window.__samePage === true), true, 'the page was not reloaded');
  await page.goBack();
  await page.locator('main h1', {hasText: 'Today'}).waitFor();
  same(await page.evaluate(() => window.__samePage === true), true, 'back stays in the page');
  await page.waitForLoadState('networkidle');
});

await test('security: a POST without the CSRF token, from another Origin or for another Host is refused and writes nothing',
  {expected: [NIGHT_404, NIGHTS_POST]}, async ({page}) => {
    await openToday(page);
    const noToken = await pageFetch(page, 'POST', '/api/v1/nights', {date: TODAY, quality: 3}, false);
    same(noToken.status, 403, 'POST /api/v1/nights without X-CSRF-Token status');
    same(noToken.json && noToken.json.error && noToken.json.error.code, 'csrf', 'its error code');
    const session = await get('/api/v1/session');
    same(session.status, 200, 'GET /api/v1/session status');
    const body = JSON.stringify({date: TODAY, quality: 3});
    const foreign = await raw('POST', '/api/v1/nights', {
      'Content-Type': 'application/json', 'X-CSRF-Token': session.json.csrf_token, Origin: 'http://evil.example',
      'Content-Length': Buffer.byteLength(body)}, body);
    same(foreign.status, 403, 'POST with Origin http://evil.example status');
    same(foreign.json && foreign.json.error && foreign.json.error.code, 'cross_origin', 'its error code');
    const host = await raw('GET', '/api/v1/session', {Host: `evil.example:${new URL(BASE).port}`});
    same(host.status, 403, 'GET /api/v1/session with Host evil.example status');
    same(host.json && host.json.error && host.json.error.code, 'bad_host', 'its error code');
    same((await get(`/api/v1/nights/${TODAY}`)).status, 404, `GET /api/v1/nights/${TODAY} after the refused POSTs`);
  });

await test('Today: a bad value (quality 9) shows the message next to the field, with role=alert, and writes nothing',
  {expected: [NIGHT_404, NIGHTS_POST]}, async ({page}) => {
    await openToday(page);
    await page.fill('#night-sol', '20');
    await page.fill('#night-quality', '9');
    await page.click('#night-save');
    const error = page.locator('#night-quality-error');
    await error.waitFor();
    same(await error.getAttribute('role'), 'alert', 'the error\'s role');
    const text = await error.textContent();
    check(/quality/.test(text) && /9/.test(text), `the error message does not name quality 9: "${text}"`);
    check(await page.locator('#field-quality #night-quality-error').count() === 1, 'the error is not next to the quality field');
    same(await page.getAttribute('#night-quality', 'aria-invalid'), 'true', 'quality aria-invalid');
    same(await page.evaluate(() => document.activeElement.id), 'night-quality', 'the focus after the error');
    same((await get(`/api/v1/nights/${TODAY}`)).status, 404, `GET /api/v1/nights/${TODAY} after the refused form`);
    const r = await pageFetch(page, 'POST', '/api/v1/nights', {date: TODAY, sol: 20, quality: 9});
    same(r.status, 422, 'POST {quality: 9} status');
    same(r.json && r.json.error && [r.json.error.code, r.json.error.field], ['bad_value', 'quality'], 'its error code and field');
    same((await get(`/api/v1/nights/${TODAY}`)).status, 404, `GET /api/v1/nights/${TODAY} after the refused POST`);
  });

await test('Today: log last night with the form; it is stored, survives a reload, and an emptied field is cleared',
  {expected: [NIGHT_404]}, async ({page}) => {
    await openToday(page);
    const values = {bed: '22:40', tried: '22:50', sol: '15', awakenings: '1', waso: '10', wake: '06:20', up: '06:35',
      quality: '4', rested: '7', stress: '3', mood: '6', energy: '6', cramps: '0', bristol: '4', note: 'slept <b>well</b> & "deep"'};
    for (const [k, v] of Object.entries(values)) await page.fill(`#night-${k}`, v);
    await page.click('#night-save');
    await page.locator('#night-status', {hasText: `Saved the night of ${TODAY}`}).waitFor();
    const status = await page.textContent('#night-status');
    check(/Total sleep/.test(status), `the saved message shows no total sleep: "${status}"`);
    const n = (await get(`/api/v1/nights/${TODAY}`)).json;
    check(n, `GET /api/v1/nights/${TODAY} gave no night`);
    for (const k of ['bed', 'tried', 'wake', 'up', 'note']) same(n[k], values[k], `stored ${k}`);
    for (const k of ['sol', 'awakenings', 'waso', 'quality', 'rested', 'stress', 'mood', 'energy', 'cramps', 'bristol']) same(n[k], Number(values[k]), `stored ${k}`);
    same(n.red_flags, [], 'stored red_flags');
    check(typeof n.tst_min === 'number' && n.tst_min > 0, `no total sleep stored: ${n.tst_min}`);
    await page.reload();
    await page.locator('#night-form').waitFor();
    for (const [k, v] of Object.entries(values)) same(await page.inputValue(`#night-${k}`), v, `#night-${k} after reload`);
    await page.fill('#night-stress', '');
    await page.click('#night-save');
    await page.locator('#night-status', {hasText: 'Saved'}).waitFor();
    const m = (await get(`/api/v1/nights/${TODAY}`)).json;
    same([m.stress, m.quality, m.bed], [null, 4, '22:40'], 'stress cleared, the other fields kept');
  });

await test('keyboard only: Tab reaches every night field in order with a visible focus ring; Enter submits', {expected: [NIGHT_404]}, async ({page}) => {
  await openToday(page);
  await page.locator('body').focus();
  const seen = [];
  for (let i = 0; i < 80 && !seen.includes('night-quality'); i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement && document.activeElement.id);
    if (!id || !id.startsWith('night-') || seen[seen.length - 1] === id) continue;   // a time input has several stops
    seen.push(id);
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    check(ring !== 'none', `no visible focus ring on #${id} (outline-style ${ring})`);
  }
  const want = ['night-bed', 'night-tried', 'night-wake', 'night-up', 'night-sol', 'night-waso', 'night-awakenings', 'night-quality'];
  same(seen.filter((id) => want.includes(id)), want, 'the fields reached by Tab');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  await page.locator('#night-status', {hasText: 'Saved'}).waitFor();
  same((await get(`/api/v1/nights/${TODAY}`)).json.quality, 5, 'quality stored after Enter');
});

await test('Today: the planned-dose button logs the dose (servings = units / units per serving); Remove deletes it', {}, async ({page}) => {
  const plan = (await get('/api/v1/plan')).json;
  const products = (await get('/api/v1/products')).json;
  const day = plan.days.find((d) => d.date === TODAY) || plan.days[0];
  check(day.doses.length > 0, 'the plan has no dose today');
  const product = products.find((p) => p.name === plan.product.name);
  const before = (await get(`/api/v1/doses?date=${TODAY}`)).json;
  await openToday(page);
  same(await page.locator('.dose-button').count(), day.doses.length, 'one button per planned dose');
  await page.locator('.dose-button').first().click();
  await page.locator('#dose-status', {hasText: 'Logged'}).waitFor();
  await page.locator('#dose-list li', {hasText: plan.product.name}).nth(before.length).waitFor();
  const after = (await get(`/api/v1/doses?date=${TODAY}`)).json;
  same(after.length, before.length + 1, `GET /api/v1/doses?date=${TODAY} count`);
  const dose = after.find((d) => !before.some((b) => b.id === d.id));
  same(dose.product, plan.product.name, 'the dose\'s product');
  same(dose.servings, day.doses[0].units / product.per_serving_units, 'the dose\'s servings');
  same(dose.elemental_mg, day.doses[0].elemental_mg, 'the dose\'s magnesium');
  same(dose.date, TODAY, 'the dose\'s date');
  const listed = await page.textContent('#dose-list');
  check(listed.includes(`${dose.elemental_mg} mg`), `the list does not show ${dose.elemental_mg} mg: "${listed}"`);
  await page.locator('#dose-list li', {hasText: dose.time}).getByRole('button', {name: /Remove/}).last().click();
  await page.locator('#dose-status', {hasText: 'Removed'}).waitFor();
  same((await get(`/api/v1/doses?date=${TODAY}`)).json.length, before.length, 'doses after Remove');
  await page.locator('.dose-button').first().click();
  await page.locator('#dose-status', {hasText: 'Logged'}).waitFor();
  same((await get(`/api/v1/doses?date=${TODAY}`)).json.length, before.length + 1, 'doses after logging again');
});

await test('Today: quick food add: type "almonds" (debounced), arrow + Enter, a measure and an amount, Add', {}, async ({page}) => {
  const searches = [];
  page.on('request', (r) => { if (r.url().includes('/api/v1/foods?')) searches.push(r.url()); });
  const before = (await get(`/api/v1/food-log?date=${TODAY}`)).json;
  await openToday(page);
  await page.click('#food-q');
  await page.keyboard.type('almonds', {delay: 35});
  const first = page.locator('#food-options [role="option"]').first();
  await first.waitFor();
  check(/Nuts, almonds/.test(await first.textContent()), `the first option is not Nuts, almonds: ${await first.textContent()}`);
  check(searches.length >= 1 && searches.length < 4, `${searches.length} searches for 7 keystrokes: not debounced`);
  same(await page.getAttribute('#food-q', 'aria-expanded'), 'true', 'combobox aria-expanded');
  await page.keyboard.press('ArrowDown');
  same(await page.getAttribute('#food-q', 'aria-activedescendant'), 'food-opt-0', 'aria-activedescendant after ArrowDown');
  await page.keyboard.press('Enter');
  await page.locator('#food-add-form').waitFor();
  same(await page.inputValue('#food-q'), 'Nuts, almonds', 'the search box after choosing');
  await page.selectOption('#food-add-measure', 'oz (23 whole kernels)');
  same(await page.inputValue('#food-add-amount'), '1', 'the amount after choosing a measure');
  await page.fill('#food-add-amount', '2');
  check(/152/.test(await page.textContent('#food-add-preview')), 'the preview does not say 152 mg');
  await page.click('#food-add-add');
  await page.locator('#food-log li', {hasText: 'Nuts, almonds'}).waitFor();
  check(/152 mg/.test(await page.textContent('#food-log')), 'the food log does not show 152 mg');
  const after = (await get(`/api/v1/food-log?date=${TODAY}`)).json;
  same(after.length, before.length + 1, `GET /api/v1/food-log?date=${TODAY} count`);
  const e = after.find((x) => !before.some((b) => b.id === x.id));
  same([e.food_id, e.amount, e.measure, e.mg], [12061, 2, 'oz (23 whole kernels)', 152], 'the entry');
  await page.locator('#intake-figures').waitFor();
  const intake = (await get('/api/v1/intake?days=7')).json;
  check((await page.textContent('#intake-figures')).includes(`${intake.target_mg} mg`), 'the intake box does not show the target');
  // Two ounces of almonds (about 330 kcal) are not a whole day's food: the
  // box says the log looks incomplete, in the intake's own words.
  same(intake.days_low_energy, 1, 'days too low in energy after logging almonds alone');
  await page.locator('#intake-notes').waitFor();
  const notes = await page.textContent('#intake-notes');
  check(/looks incomplete/.test(notes) && intake.notes.every((n) => notes.includes(n.text)), `the intake box does not show the intake's notes: "${notes}"`);
  check((await page.textContent('#intake-figures')).includes('1 too low in energy to count'), 'the food line does not count the day too low in energy');
});

await test('Foods: magnesium per 100 g and per measure; markup in a food name stays text; add to today', {}, async ({page}) => {
  await page.goto(at('/foods'));
  await page.click('#foods-q');
  await page.keyboard.type('almonds');
  await page.locator('#foods-options [role="option"]', {hasText: 'Nuts, almonds'}).first().click();
  await page.locator('#foods-detail h2', {hasText: 'Nuts, almonds'}).waitFor();
  check(/268 mg magnesium per 100 g/.test(await page.textContent('#foods-detail')), 'no "268 mg magnesium per 100 g"');
  const row = page.locator('#foods-detail tr', {hasText: 'oz (23 whole kernels)'});
  check(/76 mg/.test(await row.textContent()), 'the 1 oz row does not say 76 mg');
  // The custom food seeded by ./run is named 'Zqxfood <img src=x id=pwned> & "co"'.
  await page.fill('#foods-q', '');
  await page.click('#foods-q');
  await page.keyboard.type('zqxfood');
  const opt = page.locator('#foods-options [role="option"]').first();
  await opt.waitFor();
  check((await opt.textContent()).includes('<img src=x id=pwned>'), `the option does not show the name as text: ${await opt.textContent()}`);
  await opt.click();
  await page.locator('#foods-detail h2', {hasText: 'Zqxfood'}).waitFor();
  same(await page.textContent('#foods-detail h2'), 'Zqxfood <img src=x id=pwned> & "co"', 'the heading');
  same(await page.locator('#pwned').count(), 0, 'elements made from the food name');
  same(await page.locator('main b').count(), 0, 'elements made from the measure name');
  await page.selectOption('#foods-add-measure', '<b>handful</b>');
  await page.fill('#foods-add-amount', '2');
  await page.click('#foods-add-add');
  await page.locator('#foods-add-status', {hasText: 'Added'}).waitFor();
  const log = (await get(`/api/v1/food-log?date=${TODAY}`)).json;
  const e = log.find((x) => x.food_id === 900000001);
  check(e, 'the custom food is not in the food log');
  same([e.amount, e.measure, e.mg], [2, '<b>handful</b>', 180], 'the entry');
});

await test('Plan: status, summary, 7 days, explanations, and the .ics link downloads a calendar', {}, async ({page}) => {
  const plan = (await get('/api/v1/plan')).json;
  await page.goto(at('/plan'));
  await page.locator('#plan-status').waitFor();
  check((await page.textContent('#plan-status')).includes(plan.status), `the status does not say ${plan.status}`);
  const summary = await page.textContent('#plan-summary');
  check(summary.includes(plan.form) && summary.includes(plan.product.name) && summary.includes(`${plan.daily_elemental_mg} mg`),
    `the summary lacks the form, product or dose: "${summary}"`);
  same(await page.locator('#plan-days .day').count(), plan.days.length, 'days drawn');
  check((await page.textContent('#plan-days')).includes(plan.days[0].food.name), 'day 1 does not show its food');
  same(await page.locator('#plan-explain li').count(), plan.explain.length, 'explanations drawn');
  same(await page.locator('#plan-explain li').first().isVisible(), false, 'the explanations start folded');
  await page.click('#plan-explain summary');
  check(await page.locator('#plan-explain li').first().isVisible(), 'the explanations do not unfold');
  same(await page.getAttribute('#ics-link', 'href'), '/api/v1/plan.ics', 'the calendar link');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#ics-link')]);
  const ics = fs.readFileSync(await download.path(), 'utf8');
  check(ics.startsWith('BEGIN:VCALENDAR'), `the download does not start with BEGIN:VCALENDAR: ${ics.slice(0, 40)}`);
  const r = await get('/api/v1/plan.ics');
  check(r.status === 200 && r.type.startsWith('text/calendar'), `GET /api/v1/plan.ics: ${r.status} ${r.type}`);
});

await test('Review: the decision, its reasons, the outcomes and the chart image', {}, async ({page}) => {
  const review = (await get('/api/v1/review')).json;
  check(review && review.decision, 'GET /api/v1/review has no decision');
  await page.goto(at('/review'));
  await page.locator('#review-decision').waitFor();
  check((await page.textContent('#review-decision')).includes(review.decision), `the decision does not show ${review.decision}`);
  const main = await page.textContent('main');
  for (const reason of review.reasons) check(main.includes(reason.text), `reason ${reason.rule} is missing`);
  same(await page.locator('main table tbody tr').count(), review.outcomes.length, 'outcome rows');
  await page.waitForFunction(() => {
    const img = document.querySelector('#review-chart');
    return img && img.complete && img.naturalWidth > 0;
  });
  const src = await page.getAttribute('#review-chart', 'src');
  check(src.includes(`outcome=${review.primary}`), `the chart is not of the primary outcome: ${src}`);
  check((await page.getAttribute('#review-chart', 'alt')).length > 10, 'the chart has no alt text');
  const svg = await get(src);
  check(svg.status === 200 && svg.type.startsWith('image/svg+xml') && svg.text.includes('<svg'), `GET ${src}: ${svg.status} ${svg.type}`);
  same(await page.getAttribute('#report-link', 'href'), '/report', 'the report link');
  const report = await get('/report');
  check(report.status === 200 && report.type.startsWith('text/html'), `GET /report: ${report.status} ${report.type}`);
});

await test('without a course: Today keeps the dose buttons and points to the Plan page, Plan offers to start one, Review has nothing to apply',
  {expected: [NIGHT_404]}, async ({page}) => {
    same((await get('/api/v1/course')).json, null, 'GET /api/v1/course');
    await openToday(page);
    await page.locator('.dose-button').first().waitFor();
    same(await page.locator('#course-start-hint a').getAttribute('href'), '/plan#course', 'the link to start the course');
    same(await page.locator('#course-day').isVisible(), false, 'the course day line');
    await page.goto(at('/plan'));
    await page.locator('#course-start').waitFor();
    check((await page.textContent('#course')).includes('Glycinate 100'), 'the start text does not name the product');
    await page.goto(at('/review'));
    await page.locator('#review-apply-what', {hasText: 'No course is running'}).waitFor();
    same(await page.locator('#review-apply').count(), 0, 'Apply buttons');
    same((await get('/api/v1/course')).json, null, 'GET /api/v1/course afterwards');
  });

await test('Trial: without a trial, says how to design one and offers the design form, without blinding', {expected: [TRIAL]}, async ({page}) => {
  same((await get('/api/v1/trial')).status, 404, 'GET /api/v1/trial status');
  await page.goto(at('/trial'));
  await page.locator('#no-trial').waitFor();
  check((await page.textContent('#no-trial')).includes('mgtrack trial design'), 'the no-trial text does not name the command');
  await page.locator('#trial-form').waitFor();
  same(await page.locator('#trial-form [name="blind"], #trial-form [id*="blind"]:is(input, select)').count(), 0, 'a blind input in the form');
  check((await page.textContent('#trial-blind-note')).includes('mgtrack trial design --blind'), 'the form does not say how to design a blinded trial');
  same(await unlabelled(page, '#trial-form'), [], 'inputs without a label');
  same(await page.inputValue('#trial-start'), TODAY, 'the start date');
  check(/^Runs 63 days, 2026-11-24 to 2027-01-25/.test(await page.textContent('#trial-preview')), `the preview: "${await page.textContent('#trial-preview')}"`);
});

await test('Profile: the form shows the stored profile, the targets and the safety note; saving nothing sends nothing', {}, async ({page}) => {
  const targets = (await get('/api/v1/targets')).json;
  const posts = [];
  page.on('request', (r) => { if (r.method() === 'POST') posts.push(r.url()); });
  await page.goto(at('/profile'));
  await page.locator('#profile-form').waitFor();
  check((await page.textContent('#targets')).includes(`${targets.target_mg} mg`), 'the target is missing');
  const values = {'#profile-age': '34', '#profile-born': '', '#profile-sex': 'female', '#profile-training': 'none', '#profile-region': 'us',
    '#profile-wake': '06:30', '#profile-bed': '22:30', '#profile-train_at': '', '#profile-zinc_mg': '0', '#profile-food_source': 'log',
    '#profile-egfr': ''};
  for (const [sel, v] of Object.entries(values)) same(await page.inputValue(sel), v, sel);
  same(await page.isChecked('#profile-goal-sleep'), true, 'goal sleep ticked');
  same(await page.locator('#profile-form input[type="checkbox"]:checked').count(), 1, 'ticked boxes');
  same(await page.locator('.med-row').count(), 0, 'medicine rows');
  check(/at once/.test(await page.textContent('#profile-safety')), 'no note that safety rules act at once');
  same(await unlabelled(page, '#profile-form'), [], 'inputs without a label');
  await page.click('#profile-save');
  await page.locator('#profile-status', {hasText: 'Nothing to save'}).waitFor();
  same(posts, [], 'POST requests');
});

await test('Profile: "Download all my data" gives the JSON export of this profile, the same document as GET /api/v1/export', {}, async ({page}) => {
  await page.goto(at('/profile'));
  await page.locator('#export-link').waitFor();
  same(await page.getAttribute('#export-link', 'href'), '/api/v1/export', 'the export link');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-link')]);
  same(download.suggestedFilename(), 'mgtrack-export.json', 'the file name');
  const doc = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  same(doc.format, 'mgtrack-export', 'format');
  same(doc.version, 1, 'version');
  same(doc.profiles.length, 1, 'profiles in the download');
  const profile = (await get('/api/v1/profile')).json;
  same(doc.profiles[0].name, profile.name, 'the profile exported');
  const nights = (await get('/api/v1/nights?days=366')).json;
  check(Array.isArray(nights) && nights.length > 0, 'GET /api/v1/nights gives no nights to compare with');
  const exported = new Set(doc.profiles[0].nights.map((n) => n.date));
  for (const n of nights) check(exported.has(n.date), `night ${n.date} is not in the export`);
  const r = await get('/api/v1/export');
  check(r.status === 200 && r.type.startsWith('application/json'), `GET /api/v1/export: ${r.status} ${r.type}`);
  same(JSON.stringify(JSON.parse(r.text)), JSON.stringify(doc), 'the download and the API give the same document');
  same((await get('/api/v1/export?all=2')).status, 422, 'a bad ?all');
});

await test('phone 360x740: no horizontal scroll on Today (search open, food chosen), Plan (adding a product), Review, Foods, Trial, Profile (a medicine row)', {viewport: {width: 360, height: 740}, isMobile: true, expected: [TRIAL]}, async ({page}) => {
  const noScroll = async (what) => {
    const [sw, cw] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    check(sw <= cw, `${what}: the page is ${sw} px wide in a ${cw} px viewport`);
  };
  await openToday(page);
  await noScroll('Today');
  await page.click('#food-q');
  await page.keyboard.type('pumpkin seeds');
  await page.locator('#food-options [role="option"]').first().waitFor();
  await noScroll('Today with the search list open');
  await page.keyboard.press('Enter');
  await page.locator('#food-add-form').waitFor();
  await noScroll('Today with a food chosen');
  for (const [path, ready] of [['/plan', '#plan-days'], ['/review', '#review-decision'], ['/foods', '#foods-q'], ['/trial', '#trial-form'], ['/profile', '#profile-form']]) {
    await page.goto(at(path));
    await page.locator(ready).waitFor();
    await noScroll(path);
  }
  await page.click('#profile-med-add');
  await page.locator('.med-row').waitFor();
  await noScroll('/profile with a medicine row');
  await page.goto(at('/plan'));
  await page.locator('#product-list').waitFor();
  await page.click('#product-add summary');
  await page.locator('#product-add-form').waitFor();
  await noScroll('/plan with the product form open');
  const nav = await page.locator('nav a[href="/profile"]').boundingBox();
  check(nav && nav.x + nav.width <= 360, 'the navigation does not fit the screen');
});

await test('Today: a red flag pauses the plan; unticking it clears the flag', {}, async ({page}) => {
  await openToday(page);
  await page.check('#night-red_flag_diarrhoea');
  await page.click('#night-save');
  await page.locator('#night-status', {hasText: 'red flag'}).waitFor();
  same((await get(`/api/v1/nights/${TODAY}`)).json.red_flags, ['diarrhoea'], 'stored red flags');
  const plan = (await get('/api/v1/plan')).json;
  same(plan.status, 'pause', 'the plan\'s status after a red flag');
  await page.locator('#planned-doses .plan-status', {hasText: 'pause'}).waitFor();
  await page.uncheck('#night-red_flag_diarrhoea');
  await page.click('#night-save');
  await page.locator('#night-status', {hasText: 'Saved'}).waitFor();
  same((await get(`/api/v1/nights/${TODAY}`)).json.red_flags, [], 'stored red flags after unticking');
});

/* The tests below change what the plan is computed from: each one puts the
   profile back as it found it, and the trial, which cannot be undone, is last. */

const PROFILE_POST = /\/api\/v1\/profile$/;
const PRODUCTS_POST = /\/api\/v1\/products$/;

// Click the profile's Save button and wait for the server's answer.
async function saveProfile(page) {
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/v1/profile') && r.request().method() === 'POST'),
    page.click('#profile-save'),
  ]);
  return res;
}

await test('Profile: training heavy with the form raises the target, on the page and in GET /api/v1/targets; only the changed field is sent', {}, async ({page}) => {
  const before = (await get('/api/v1/targets')).json;
  await page.goto(at('/profile'));
  await page.locator('#profile-form').waitFor();
  await page.selectOption('#profile-training', 'heavy');
  const res = await saveProfile(page);
  same(res.status(), 200, 'POST /api/v1/profile status');
  same(JSON.parse(res.request().postData()), {training: 'heavy'}, 'the POST body');
  const after = (await get('/api/v1/targets')).json;
  check(after.target_mg > before.target_mg, `the target did not rise: ${before.target_mg} -> ${after.target_mg}`);
  same(after.training_factor > 1, true, 'a training factor above 1');
  await page.locator('#targets', {hasText: `${after.target_mg} mg a day`}).waitFor();
  await page.locator('#profile-status', {hasText: `Target now ${after.target_mg} mg a day`}).waitFor();
  same((await get('/api/v1/profile')).json.training, 'heavy', 'the stored training');
  await page.reload();
  await page.locator('#profile-form').waitFor();
  same(await page.inputValue('#profile-training'), 'heavy', 'training after a reload');
  await page.selectOption('#profile-training', 'none');
  await saveProfile(page);
  await page.locator('#targets', {hasText: `${before.target_mg} mg a day`}).waitFor();
  same((await get('/api/v1/targets')).json.target_mg, before.target_mg, 'the target after going back to none');
});

await test('Profile: an eGFR of 25 stops the plan at once; "I do not know my eGFR" is stored as unknown; emptying the field forgets it', {}, async ({page}) => {
  await page.goto(at('/profile'));
  await page.locator('#profile-form').waitFor();
  await page.fill('#profile-egfr', '25');
  let res = await saveProfile(page);
  same(JSON.parse(res.request().postData()), {egfr: 25}, 'the POST body');
  same((await get('/api/v1/profile')).json.egfr, 25, 'the stored eGFR');
  await page.locator('#profile-plan-note', {hasText: 'see a clinician'}).waitFor();
  same((await get('/api/v1/plan')).json.status, 'clinician', 'the plan with eGFR 25');
  await page.check('#profile-egfr_unknown');
  same(await page.isDisabled('#profile-egfr'), true, 'the number field while unknown is ticked');
  res = await saveProfile(page);
  same(JSON.parse(res.request().postData()), {egfr: 'unknown'}, 'the POST body for unknown');
  await page.reload();
  await page.locator('#profile-form').waitFor();
  same(await page.isChecked('#profile-egfr_unknown'), true, 'unknown ticked after a reload');
  await page.uncheck('#profile-egfr_unknown');
  res = await saveProfile(page);
  same(JSON.parse(res.request().postData()), {egfr: null}, 'the POST body for an empty field');
  same((await get('/api/v1/profile')).json.egfr, null, 'the eGFR after emptying it');
  same((await get('/api/v1/plan')).json.status, 'ok', 'the plan after the eGFR was forgotten');
});

await test('Profile: a vegan diet and a nut allergy chosen on the form are stored, and the Plan page\'s food lines follow them', {}, async ({page}) => {
  await page.goto(at('/profile'));
  await page.locator('#profile-form').waitFor();
  await page.selectOption('#profile-diet', 'vegan');
  await page.check('#profile-avoid-nuts');
  const res = await saveProfile(page);
  same(res.status(), 200, 'POST /api/v1/profile status');
  same(JSON.parse(res.request().postData()), {diet: 'vegan', avoid: ['nuts']}, 'the POST body');
  const stored = (await get('/api/v1/profile')).json;
  same([stored.diet, stored.avoid], ['vegan', ['nuts']], 'the stored diet and avoid list');
  await page.goto(at('/plan'));
  await page.locator('#plan-days').waitFor();
  const text = await page.textContent('#plan-days');
  check(/ — /.test(text), 'the plan shows no food lines');
  check(!/[Aa]lmond|[Cc]ashew|[Yy]ogurt|[Ss]almon|[Mm]ackerel|[Mm]ilk, /.test(text), `a vegan avoiding nuts is offered: ${text.slice(0, 400)}`);
  await page.goto(at('/profile'));
  await page.locator('#profile-form').waitFor();
  same(await page.inputValue('#profile-diet'), 'vegan', 'diet after a reload');
  same(await page.isChecked('#profile-avoid-nuts'), true, 'nuts ticked after a reload');
  await page.selectOption('#profile-diet', 'omnivore');
  await page.uncheck('#profile-avoid-nuts');
  await saveProfile(page);
  const back = (await get('/api/v1/profile')).json;
  same([back.diet, back.avoid], ['omnivore', []], 'the diet and avoid list put back');
});

await test('Profile: age 150 shows the error next to the age, with role=alert, and writes nothing; a bad time is refused by the API',
  {expected: [PROFILE_POST]}, async ({page}) => {
    const stored = (await get('/api/v1/profile')).json;
    await page.goto(at('/profile'));
    await page.locator('#profile-form').waitFor();
    await page.fill('#profile-age', '150');
    await page.check('#profile-goal-cramps');
    await saveProfile(page);
    const error = page.locator('#profile-age-error');
    await error.waitFor();
    same(await error.getAttribute('role'), 'alert', 'the error\'s role');
    check(/age/.test(await error.textContent()) && /120/.test(await error.textContent()), `the error does not give the range: "${await error.textContent()}"`);
    same(await page.locator('.field:has(#profile-age) #profile-age-error').count(), 1, 'the error next to the age field');
    same(await page.getAttribute('#profile-age', 'aria-invalid'), 'true', 'age aria-invalid');
    same(await page.evaluate(() => document.activeElement.id), 'profile-age', 'the focus after the error');
    same((await get('/api/v1/profile')).json, stored, 'the profile after the refused form (the goal ticked with it is not stored either)');
    const r = await pageFetch(page, 'POST', '/api/v1/profile', {wake: '25:00'});
    same([r.status, r.json && r.json.error.code, r.json && r.json.error.field], [422, 'bad_value', 'wake'], 'POST {wake: "25:00"}');
    same((await get('/api/v1/profile')).json, stored, 'the profile after the refused POST');
  });

await test('Profile: a date of birth sets the age and is stored; typing an age drops it', {}, async ({page}) => {
  await page.goto(at('/profile'));
  await page.locator('#profile-form').waitFor();
  await page.fill('#profile-born', '1992-11-25');   // 34 tomorrow
  same(await page.inputValue('#profile-age'), '33', 'the age shown for the date of birth');
  const res = await saveProfile(page);
  same(JSON.parse(res.request().postData()), {born: '1992-11-25'}, 'the POST body');
  const p = (await get('/api/v1/profile')).json;
  same([p.born, p.age], ['1992-11-25', 33], 'the stored date of birth and age');
  await page.fill('#profile-age', '34');
  same(await page.inputValue('#profile-born'), '', 'the date of birth after typing an age');
  const res2 = await saveProfile(page);
  same(JSON.parse(res2.request().postData()), {age: 34}, 'the POST body');
  const q = (await get('/api/v1/profile')).json;
  same([q.born, q.age], [null, 34], 'the stored date of birth and age');
});

await test('Profile: a medicine (added with the keyboard) and kidney disease change the plan at once; removing them restores it',
  {expected: [PROFILE_POST]}, async ({page}) => {
    const planBefore = (await get('/api/v1/plan')).json;
    await page.goto(at('/profile'));
    await page.locator('#profile-form').waitFor();
    await page.focus('#profile-med-add');
    await page.keyboard.press('Enter');
    same(await page.evaluate(() => document.activeElement.className), 'med-name', 'the focus after Add a medicine');
    await page.keyboard.type('levothyroxine');
    await page.keyboard.press('Tab');
    await page.keyboard.type('7am');
    await page.check('#profile-condition-kidney-disease');
    await saveProfile(page);
    const error = page.locator('#profile-medicines-error');
    await error.waitFor();
    check(/7am/.test(await error.textContent()), `the medicines error does not quote the time: "${await error.textContent()}"`);
    same((await get('/api/v1/profile')).json.conditions, [], 'conditions after the refused form');
    await page.fill('.med-row .med-times', '07:00, 19:30');
    const res = await saveProfile(page);
    same(res.status(), 200, 'POST /api/v1/profile status');
    same(JSON.parse(res.request().postData()), {conditions: ['kidney-disease'], medicines: [{name: 'levothyroxine', times: ['07:00', '19:30'], weekly: null}]}, 'the POST body');
    same(await page.locator('#profile-medicines-error').count(), 0, 'the medicines error after saving');
    const p = (await get('/api/v1/profile')).json;
    same([p.conditions, p.medicines], [['kidney-disease'], [{name: 'levothyroxine', times: ['07:00', '19:30'], weekly: null}]], 'the stored conditions and medicines');
    const plan = (await get('/api/v1/plan')).json;
    same(plan.status, 'clinician', 'the plan\'s status with kidney disease');
    await page.locator('#profile-plan-note', {hasText: 'see a clinician'}).waitFor();
    same(await page.inputValue('.med-row .med-times'), '07:00, 19:30', 'the times shown after saving');
    await page.uncheck('#profile-condition-kidney-disease');
    await page.getByRole('button', {name: 'Remove levothyroxine'}).click();
    same(await page.evaluate(() => document.activeElement.id), 'profile-med-add', 'the focus after Remove');
    await saveProfile(page);
    await page.locator('#profile-plan-note', {hasText: `Plan status: ${planBefore.status}`}).waitFor();
    const q = (await get('/api/v1/profile')).json;
    same([q.conditions, q.medicines], [[], []], 'conditions and medicines after removing them');
    same((await get('/api/v1/plan')).json.status, planBefore.status, 'the plan\'s status after removing them');
  });

await test('Plan: add a product with the form; it is listed, the plan is drawn again with it, and Today offers it as a dose button',
  {expected: [PRODUCTS_POST, NIGHT_404]}, async ({page}) => {
    await page.goto(at('/'));   // the page's own fetch needs the origin
    same((await pageFetch(page, 'POST', '/api/v1/profile', {goals: ['energy']})).status, 200, 'POST goals [energy] status');
    const before = (await get('/api/v1/products')).json;
    const plan0 = (await get('/api/v1/plan')).json;
    same([plan0.form, plan0.product.name], ['malate', 'Glycinate 100'], 'the plan for energy before a malate product');
    await page.goto(at('/plan'));
    await page.locator('#product-list table').waitFor();
    same(await page.locator('#product-list tbody tr').count(), before.length, 'product rows');
    await page.click('#product-add summary');
    same(await unlabelled(page, '#product-add-form'), [], 'inputs without a label');
    await page.fill('#product-name', 'Malate 120');
    await page.selectOption('#product-form', 'malate');
    await page.click('#product-save');
    await page.locator('#product-elemental_mg-error', {hasText: 'magnesium per serving'}).waitFor();   // no mg: said before sending
    same((await get('/api/v1/products')).json.length, before.length, 'products after the refused form');
    await page.fill('#product-elemental_mg', '120');
    await page.fill('#product-per_serving_units', '1');
    await page.check('#product-third_party');
    await page.click('#product-save');
    await page.locator('#product-status', {hasText: 'Added Malate 120: 120 mg'}).waitFor();
    await page.locator('#product-status', {hasText: 'The plan now uses it'}).waitFor();
    const after = (await get('/api/v1/products')).json;
    same(after.length, before.length + 1, 'GET /api/v1/products count');
    const x = after.find((p) => p.name === 'Malate 120');
    check(x, 'Malate 120 is not in GET /api/v1/products');
    same([x.form, x.elemental_mg_per_serving, x.per_serving_units, x.third_party, x.proprietary_blend], ['malate', 120, 1, true, false], 'the stored product');
    same((await get('/api/v1/plan')).json.product.name, 'Malate 120', 'the plan\'s product');
    check((await page.textContent('#plan-summary')).includes('Malate 120'), 'the summary was not drawn again with the product');
    const use = await page.$$eval('#product-list tbody tr', (trs) => Object.fromEntries(trs.map((tr) => [tr.cells[0].textContent, tr.cells[tr.cells.length - 1].textContent])));
    same([use['Malate 120'], use['Glycinate 100']], ['used', 'not used: the plan takes Malate 120'], '"In the plan" of the two products');
    await page.fill('#product-name', 'Malate 120');
    await page.selectOption('#product-form', 'malate');
    await page.fill('#product-elemental_mg', '100');
    await page.click('#product-save');
    await page.locator('#product-name-error', {hasText: 'exists'}).waitFor();
    same((await get('/api/v1/products')).json.length, before.length + 1, 'products after a second product of the same name');
    await openToday(page);
    await page.locator('#planned-doses', {hasText: 'Planned today with Malate 120'}).waitFor();
    const doses = (await get(`/api/v1/doses?date=${TODAY}`)).json;
    await page.locator('.dose-button').first().click();
    await page.locator('#dose-status', {hasText: 'Logged'}).waitFor();
    const logged = (await get(`/api/v1/doses?date=${TODAY}`)).json;
    same(logged.length, doses.length + 1, 'doses after the dose button');
    same(logged.find((d) => !doses.some((b) => b.id === d.id)).product, 'Malate 120', 'the logged dose\'s product');
    same((await pageFetch(page, 'POST', '/api/v1/profile', {goals: ['sleep']})).status, 200, 'POST goals [sleep] status');
    same((await get('/api/v1/plan')).json.product.name, 'Glycinate 100', 'the plan\'s product for sleep again');
  });

await test('Trial: design one with the form; the page shows its periods and results; blind:true is refused (422); replacing it needs the box ticked',
  {expected: [TRIAL]}, async ({page}) => {
    await page.goto(at('/trial'));
    await page.locator('#trial-form').waitFor();
    await page.selectOption('#trial-outcome', 'sol');
    await page.fill('#trial-blocks', '1');
    await page.fill('#trial-period_days', '6');
    await page.fill('#trial-washin_days', '1');
    await page.fill('#trial-baseline_days', '5');
    await page.fill('#trial-start', '2026-11-25');
    await page.fill('#trial-seed', '7');
    await page.click('#trial-save');
    await page.locator('#trial-blocks-error', {hasText: 'from 2 to 12'}).waitFor();   // said before sending
    same((await get('/api/v1/trial')).status, 404, 'GET /api/v1/trial after the refused form');
    await page.fill('#trial-blocks', '3');
    check((await page.textContent('#trial-preview')).startsWith('Runs 41 days, 2026-11-25 to 2027-01-04'), `the preview: "${await page.textContent('#trial-preview')}"`);
    await page.click('#trial-save');
    await page.locator('#trial-flash', {hasText: 'designed'}).waitFor();
    same(await page.evaluate(() => document.activeElement.id), 'trial-flash', 'the focus after designing');
    const t = (await get('/api/v1/trial')).json;
    same([t.status.outcome, t.status.seed, t.status.washin_days, t.status.control, t.status.blinded], ['sol', 7, 1, 'none', false], 'the stored design');
    same(t.status.baseline, {start: '2026-11-25', end: '2026-11-29'}, 'the baseline');
    same(t.status.periods.length, 6, 'periods');
    same(await page.locator('#trial-periods tbody tr').count(), 6, 'period rows on the page');
    const rows = await page.locator('#trial-periods tbody tr').allTextContents();
    t.status.periods.forEach((p, i) => check(rows[i].includes(p.start) && rows[i].includes(p.end) && rows[i].includes(p.arm), `row ${i + 1} "${rows[i]}" is not ${JSON.stringify(p)}`));
    check((await page.textContent('#trial-flash')).includes(t.status.hash), 'the news does not give the design hash');
    // Results: the analysis as trial analyze gives it, marked provisional before the end.
    const an = (await get('/api/v1/trial/analysis')).json;
    const shown = await page.textContent('#trial-results');
    check(shown.includes('sol (primary)') && shown.includes(`${an.nights_magnesium} on magnesium, ${an.nights_control} control`),
      `the results on the page: "${shown}"`);
    check(await page.locator('text=figures are provisional').count() === 1, 'no provisional notice before the trial ends');

    const blind = await pageFetch(page, 'POST', '/api/v1/trial', {outcome: 'quality', control: 'placebo', blind: true, force: true});
    same([blind.status, blind.json && blind.json.error.code, blind.json && blind.json.error.field], [422, 'bad_value', 'blind'], 'POST {blind: true}');
    same((await get('/api/v1/trial')).json.status.id, t.status.id, 'the trial after the refused blind design');

    await page.click('#trial-replace summary');
    await page.locator('#trial-replace-form').waitFor();
    same(await unlabelled(page, '#trial-replace-form'), [], 'inputs without a label');
    await page.click('#trial-save');
    await page.locator('#trial-force-error').waitFor();
    same((await get('/api/v1/trial')).json.status.id, t.status.id, 'the trial after Replace without the box');
    await page.check('#trial-force');
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/trial') && r.request().method() === 'POST'),
      page.click('#trial-save'),
    ]);
    same(JSON.parse(res.request().postData()).force, true, 'force in the POST body');
    const u = (await get('/api/v1/trial')).json;
    check(u.status.id !== t.status.id, 'the trial was not replaced');
    // The old page also said "designed": wait for the news of the new trial.
    await page.locator('#trial-flash', {hasText: `Trial ${u.status.id} designed`}).waitFor();
    same([u.status.outcome, u.status.periods.length], ['quality', 8], 'the new design (the defaults)');
    same(await page.locator('#trial-periods tbody tr').count(), 8, 'period rows on the page');
  });

/* The course, on the two journals ./run builds with one (COURSE: day 10 of a
   course in maintenance, 100 mg at 13:00 and 21:30, nothing logged today;
   REVIEW: day 42, with a benefit). The tests run in order on COURSE. */

const C_TODAY = '2026-10-10';

// The page shows no JSON left-overs.
async function noJunk(page, what) {
  const junk = (await page.textContent('main')).match(/\b(null|undefined|NaN)\b|\[object Object\]/);
  check(!junk, `${what}: the page shows "${junk && junk[0]}"`);
}
const cget = (path) => get(path, COURSE);
const DOSES = `/api/v1/doses?date=${C_TODAY}`;
const DOSES_POST = /\/api\/v1\/doses$/;

await test('phone 360x740, a course: no horizontal scroll on Today (its intakes and buttons), Plan (the timeline, the stop form open), Review (Apply)',
  {viewport: {width: 360, height: 740}, isMobile: true}, async ({page}) => {
    const noScroll = async (what) => {
      const [sw, cw] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      check(sw <= cw, `${what}: the page is ${sw} px wide in a ${cw} px viewport`);
    };
    await page.goto(at('/', COURSE));
    await page.locator('#course-intakes .intake-took').waitFor();
    await noScroll('Today with a course');
    const took = await page.locator('.intake-took').boundingBox();
    check(took && took.x + took.width <= 360, 'the Took button does not fit the screen');
    await page.goto(at('/plan', COURSE));
    await page.locator('#course-timeline').waitFor();
    await page.click('#course-stop-box summary');
    await page.locator('#course-stop-reason').waitFor();
    await noScroll('/plan with the course and the stop form');
    await page.goto(at('/review', REVIEW));
    await page.locator('#review-apply').waitFor();
    await noScroll('/review with Apply');
  });

await test('course, Today: day and phase, today\'s intakes of the version in force; Took (keyboard only) and Skip change the intake\'s status and the stored dose',
  {expected: [DOSES_POST]}, async ({page}) => {
    const c = (await cget('/api/v1/course')).json;
    same([c.day, c.phase, c.today.map((x) => x.status)], [10, 'maintenance', ['due', 'due']], 'the course before');
    const before = (await cget(DOSES)).json;
    same(before, [], `GET ${DOSES} before`);
    await page.goto(at('/', COURSE));
    await page.locator('#course-intakes li').first().waitFor();
    const line = await page.textContent('#course-day');
    check(line.startsWith('Day 10 of your course') && line.includes('maintenance'), `the course line: "${line}"`);
    const rows = page.locator('#course-intakes li');
    same(await rows.count(), c.today.length, 'intakes listed');
    for (const [i, x] of c.today.entries()) {
      const text = await rows.nth(i).textContent();
      check(text.includes(x.time) && text.includes(`${x.elemental_mg} mg`) && text.includes(`${x.units} capsule`) && text.includes('due'),
        `intake ${i + 1} "${text}" is not ${JSON.stringify(x)}`);
    }
    check((await page.textContent('#course-next')).includes(c.next.date), 'the next step has no date');
    await noJunk(page, 'Today with a course');
    // Took, with the keyboard only.
    await page.locator('body').focus();
    let onTook = false;
    for (let i = 0; i < 80 && !onTook; i++) {
      await page.keyboard.press('Tab');
      onTook = await page.evaluate(() => document.activeElement.classList.contains('intake-took'));
    }
    check(onTook, 'Tab does not reach the Took button');
    check(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle !== 'none'), 'no focus ring on Took');
    const tookTime = await page.evaluate(() => document.activeElement.closest('li').dataset.time);
    await page.keyboard.press('Enter');
    await page.locator(`#course-intakes li[data-time="${tookTime}"][data-status="taken"]`, {hasText: 'taken at'}).waitFor();
    await page.locator('#dose-status', {hasText: `Took the ${tookTime} intake`}).waitFor();
    check(await page.evaluate(() => document.activeElement !== document.body), 'the focus was lost after Took');
    const taken = (await cget(DOSES)).json;
    same(taken.length, 1, 'doses after Took');
    same([taken[0].status, taken[0].planned_time, taken[0].product, taken[0].elemental_mg, taken[0].servings, taken[0].date],
      ['taken', tookTime, 'Calm Caps', 100, 1, C_TODAY], 'the dose Took stored');
    // Skip the one left.
    const skip = page.locator('.intake-skip');
    same(await skip.count(), 1, 'Skip buttons');
    const skipTime = await skip.evaluate((b) => b.closest('li').dataset.time);
    check(skipTime !== tookTime, 'Skip is offered on the intake already taken');
    await skip.click();
    await page.locator(`#course-intakes li[data-time="${skipTime}"][data-status="skipped"]`).waitFor();
    await page.locator('#dose-status', {hasText: `Skipped the ${skipTime} intake`}).waitFor();
    const answered = (await cget(DOSES)).json;
    same(answered.length, 2, 'doses and skips after Skip');
    same([answered[1].status, answered[1].planned_time], ['skipped', skipTime], 'the skip stored');
    check((await page.textContent('#dose-list')).includes(`skipped the ${skipTime} intake`), 'the logged list does not show the skip');
    check((await page.textContent('#dose-total')).includes('100 mg'), 'the day\'s total counts the skip');
    same(await page.locator('.intake-took, .intake-skip').count(), 0, 'buttons once every intake is answered');
    const after = (await cget('/api/v1/course')).json;
    same([after.today.map((x) => [x.time, x.status]), after.next_intake],
      [c.today.map((x) => [x.time, x.time === tookTime ? 'taken' : 'skipped']), null], 'the course\'s intakes after Took and Skip');
    // Nothing is left: the API says so, and writes nothing.
    const r = await pageFetch(page, 'POST', '/api/v1/doses', {planned: true});
    same([r.status, r.json && r.json.error.field], [422, 'planned'], 'POST {planned: true} with every intake logged');
    check(/already logged/.test(r.json.error.message), `the message: ${r.json.error.message}`);
    same((await cget(DOSES)).json.length, 2, 'doses after the refused POST');
  });

await test('course, Plan: the versions as a timeline (date, course day, phase, daily mg, intakes, reason and rule id); Stop is offered, Resume is not',
  {}, async ({page}) => {
    const c = (await cget('/api/v1/course')).json;
    const plan = (await cget('/api/v1/plan')).json;
    same(plan.course, c, 'the plan\'s course');
    await page.goto(at('/plan', COURSE));
    await page.locator('#course-timeline').waitFor();
    check((await page.textContent('#course-state')).includes('Day 10'), 'the course state does not say day 10');
    const items = page.locator('#course-timeline > li');
    const ahead = plan.titration.filter((t) => t.tentative);
    same(await items.count(), c.versions.length + ahead.length, 'timeline entries');
    for (const [i, v] of c.versions.entries()) {
      const text = await items.nth(i).textContent();
      for (const want of [v.from, `day ${v.day}`, `${v.daily_elemental_mg} mg a day`, v.rule, v.reason.slice(0, 50), ...v.doses.map((d) => d.time)]) {
        check(text.includes(want), `version ${v.seq} lacks "${want}": "${text}"`);
      }
    }
    check((await items.nth(c.versions.length - 1).textContent()).includes('in force'), 'the last version is not marked in force');
    same(await page.locator('#course-resume').count(), 0, 'Resume while the course runs');
    await page.locator('#course-stop-box summary').waitFor();
    same(await page.locator('#course-start').count(), 0, 'Start while a course runs');
    same(await unlabelled(page, '#course'), [], 'inputs without a label');
    await noJunk(page, 'Plan with a course');
  });

await test('course: a red flag pauses it; Today says so with the reason and no button; Resume shows only while paused, and restarts at the start dose',
  {}, async ({page}) => {
    const c0 = (await cget('/api/v1/course')).json;
    await page.goto(at('/', COURSE));
    await page.locator('#course-intakes').waitFor();
    same((await pageFetch(page, 'POST', '/api/v1/nights', {date: C_TODAY, red_flags: ['dizziness']})).status, 200, 'POST a red flag');
    await page.reload();
    await page.locator('#course-halted', {hasText: 'paused'}).waitFor();
    check((await page.textContent('#planned-doses')).includes('dizziness'), 'Today does not give the reason');
    same(await page.locator('#planned-doses button').count(), 0, 'buttons while paused');
    await noJunk(page, 'Today with the course paused');
    same((await pageFetch(page, 'POST', '/api/v1/nights', {date: C_TODAY, red_flags: []})).status, 200, 'untick the red flag');
    same((await cget('/api/v1/course')).json.phase, 'paused', 'the phase once the flag is unticked (nothing lifts a pause by itself)');
    await page.goto(at('/plan', COURSE));
    const resume = page.locator('#course-resume');
    await resume.waitFor();
    const text = await page.textContent('#course-resume-box');
    check(/red flag has gone/.test(text) && /start dose/.test(text), `the resume text: "${text}"`);
    await noJunk(page, 'Plan with the course paused');
    await resume.click();
    await page.locator('#course-status', {hasText: 'Resumed'}).waitFor();
    same(await page.evaluate(() => document.activeElement.id), 'course-status', 'the focus after Resume');
    const c = (await cget('/api/v1/course')).json;
    const last = c.versions[c.versions.length - 1];
    same([c.phase, last.event, last.rule, c.step.daily_elemental_mg], ['titrating', 'resume', 'course-resume', c0.versions[0].daily_elemental_mg],
      'the course after Resume');
    same(await page.locator('#course-resume').count(), 0, 'Resume once the course runs again');
    // Titrating again: the step up ahead is on the timeline, marked tentative.
    const ahead = (await cget('/api/v1/plan')).json.titration.filter((t) => t.tentative);
    check(ahead.length >= 1, 'the plan has no tentative step ahead');
    const tentative = page.locator('#course-timeline li.tentative');
    same(await tentative.count(), ahead.length, 'tentative entries');
    const t = await tentative.first().textContent();
    check(t.includes('tentative') && t.includes(ahead[0].from) && t.includes(`${ahead[0].daily_elemental_mg} mg a day`), `the step ahead: "${t}"`);
  });

await test('course: Stop with a reason ends it and Today says so; a refused Start shows the 422 message and writes nothing; Start begins a new course',
  {expected: [/\/api\/v1\/course$/]}, async ({page}) => {
    await page.goto(at('/plan', COURSE));
    await page.click('#course-stop-box summary');
    await page.fill('#course-stop-reason', 'going on holiday');
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/course') && r.request().method() === 'POST'),
      page.click('#course-stop'),
    ]);
    same(JSON.parse(res.request().postData()), {action: 'stop', reason: 'going on holiday'}, 'the POST body');
    await page.locator('#course-status', {hasText: 'Stopped'}).waitFor();
    const c = (await cget('/api/v1/course')).json;
    const last = c.versions[c.versions.length - 1];
    same([c.ended, c.phase, last.reason, last.rule], [C_TODAY, 'stopped', 'going on holiday', 'course-stop'], 'the course after Stop');
    await page.locator('#course-start').waitFor();
    await page.goto(at('/', COURSE));
    await page.locator('#course-halted', {hasText: 'stopped'}).waitFor();
    check((await page.textContent('#planned-doses')).includes('going on holiday'), 'Today does not give the reason');
    same(await page.locator('#planned-doses button').count(), 0, 'buttons once stopped');
    await noJunk(page, 'Today with the course stopped');
    same(await page.locator('#course-day').isVisible(), false, 'the course day line once stopped');

    // A course started elsewhere (here through the API) while the page shows Start.
    await page.goto(at('/plan', COURSE));
    await page.locator('#course-start').waitFor();
    same((await pageFetch(page, 'POST', '/api/v1/course', {action: 'start'})).status, 200, 'a start behind the page\'s back');
    const started = (await cget('/api/v1/course')).json;
    await page.click('#course-start');
    const alert = page.locator('#course-status [role="alert"]');
    await alert.waitFor();
    check(/already running/.test(await alert.textContent()), `the refusal: "${await alert.textContent()}"`);
    same((await cget('/api/v1/course')).json, started, 'the course after the refused start');

    same((await pageFetch(page, 'POST', '/api/v1/course', {action: 'stop'})).status, 200, 'stop it again');
    await page.reload();
    await page.click('#course-start');
    await page.locator('#course-status', {hasText: 'Course started'}).waitFor();
    const n = (await cget('/api/v1/course')).json;
    same([n.started, n.ended, n.day, n.phase, n.versions.length, n.versions[0].event], [C_TODAY, null, 1, 'titrating', 1, 'start'], 'the new course');
    check((await page.textContent('#course-state')).includes('Day 1'), 'the page does not show day 1');
    await page.locator('#course-timeline li.tentative', {hasText: 'tentative'}).waitFor();
    await page.locator('#course-stop-box').waitFor();
  });

await test('Review at day 42: the decision (continue) and what applying it changes; Apply steps the course down, shows the result and refreshes',
  {expected: [/\/api\/v1\/review\/apply$/]}, async ({page}) => {
    const rv = (await get('/api/v1/review', REVIEW)).json;
    same([rv.decision, rv.apply && rv.apply.changes, rv.apply && rv.apply.event], ['continue', true, 'step_down'], 'the review and its apply');
    const c0 = (await get('/api/v1/course', REVIEW)).json;
    await page.goto(at('/review', REVIEW));
    await page.locator('#review-apply').waitFor();
    const what = await page.textContent('#apply');
    for (const want of ['step down', `${rv.apply.daily_elemental_mg} mg a day`, rv.apply.rule, ...rv.apply.doses.map((d) => d.time)]) {
      check(what.includes(want), `the apply section lacks "${want}": "${what}"`);
    }
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/review/apply') && r.request().method() === 'POST'),
      page.click('#review-apply'),
    ]);
    same(res.status(), 200, 'POST /api/v1/review/apply status');
    await page.locator('#review-apply-status', {hasText: 'Applied'}).waitFor();
    await noJunk(page, 'Review after Apply');
    same(await page.evaluate(() => document.activeElement.id), 'review-apply-status', 'the focus after Apply');
    const c = (await get('/api/v1/course', REVIEW)).json;
    const last = c.versions[c.versions.length - 1];
    same([c.versions.length, last.event, last.rule, c.phase, c.step.daily_elemental_mg],
      [c0.versions.length + 1, 'step_down', 'course-step-down', 'stepping_down', rv.apply.daily_elemental_mg], 'the course after Apply');
    check((await page.textContent('#review-apply-status')).includes('stepping down'), 'the result does not say stepping down');
    same(await page.locator('#review-apply').count(), 0, 'an Apply button after applying');   // the page was drawn again
    check((await page.textContent('.decision')).includes('on the lower dose'), 'the review does not count the nights on the lower dose');
    const again = await pageFetch(page, 'POST', '/api/v1/review/apply', {});
    same(again.status, 422, 'applying again, with no night on the lower dose yet');
    same((await get('/api/v1/course', REVIEW)).json.versions.length, c.versions.length, 'versions after the refused apply');
    await page.goto(at('/', REVIEW));
    await page.locator('#course-day', {hasText: 'stepping down'}).waitFor();
  });

if (shared) await shared.context.close();

// Counted on its own: every request of every test above stayed on the server.
number++;
if (offOrigin.length === 0 && requestsSeen > (ONLY ? 0 : 50)) {
  passed++;
  console.log(`ok ${number} - no request left the origin (${requestsSeen} requests)`);
} else {
  failed++;
  console.log(`not ok ${number} - no request left the origin (${requestsSeen} requests)\n  ${offOrigin.join('\n  ') || 'too few requests seen'}`);
}

await browser.close();
const summary = `browser: ${passed} passed, ${failed} failed`;
if (process.env.RESULT) fs.writeFileSync(process.env.RESULT, `${summary}\n`);
else console.log(summary);
process.exit(failed ? 1 : 0);
