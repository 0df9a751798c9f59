/* mgtrack web app, the Plan page (/plan, js/plan.js): the plan's status,
 * the course (its versions as a timeline, the step ahead, start, stop and
 * resume), warnings and summary, the products (with what the plan makes of
 * each, and the form that adds one), the doses, the next days, the calendar
 * link and the rules behind it all.
 */
import {alertBox, api, app, clearErrors, generic, gridField, h, longDate, mg, noteList, num, scalar,
  showDisclaimer, showError, STATUS_TEXT, table, words} from './core.js';
import {dateAndDay, EVENT_TEXT, haltReason, intakesText, lastVersion, nextNode, phaseText, reasonNode, running, unitsText} from './course.js';

// News for the next drawing of the course card (after start, stop, resume).
let courseFlash = null;

function doseText(d) {
  const bits = [d.time, mg(d.elemental_mg)];
  if (typeof d.units === 'number') bits.push(unitsText(d.units));
  if (d.with_food) bits.push('with food');
  return bits.join(' · ');
}

// A food line: a food eaten most days is in the food average already, so
// its line says what the bigger portion adds over the usual amount.
function foodLineText(f) {
  const head = `${f.name} — ${f.portion || ''}`;
  if (typeof f.usual_g === 'number') return `${head} instead of your usual ${f.usual_g} g: +${mg(f.adds_mg)}`;
  return `${head}: ${mg(f.mg)}${f.yours ? ' (you have eaten it)' : ''}${f.note ? ` [${f.note}]` : ''}`;
}

// One entry of a plan day, by what it holds.
function dayValue(key, v) {
  if (key === 'doses' && Array.isArray(v)) return v.length ? h('ul', null, v.map((d) => h('li', null, doseText(d)))) : h('span', {class: 'muted'}, 'none');
  if (key === 'food' && v && typeof v === 'object' && v.name) return h('span', null, `${v.name} — ${v.portion || ''}${v.mg !== undefined ? `: ${mg(v.mg)}` : ''}`);
  if (key === 'foods' && Array.isArray(v)) {
    return v.length ? h('ul', null, v.map((f) => h('li', null, foodLineText(f))))
      : h('span', {class: 'muted'}, 'none');
  }
  if (key === 'foods_mg') return h('span', null, mg(v));
  if (key === 'sleep_window' && v && v.bed && v.wake) return h('span', null, `${v.bed} to ${v.wake}`);
  if (key === 'daily_elemental_mg') return h('span', null, mg(v));
  if (v && typeof v === 'object' && !Array.isArray(v) && typeof v.text === 'string') {
    return h('span', null, v.name ? h('strong', null, `${v.name}: `) : null, v.text, v.rule ? h('code', {class: 'rule'}, v.rule) : null);
  }
  return generic(v);
}

// The food line of the summary: the average, or why it is unknown. Days
// too low in energy to count are named; the warning above says why.
function foodText(p) {
  const low = typeof p.food_days_low_energy === 'number' && p.food_days_low_energy > 0
    ? `${p.food_days_low_energy} ${p.food_days_low_energy === 1 ? 'day' : 'days'} too low in energy to count` : '';
  if (p.food_mg === null || p.food_mg === undefined) {
    return low ? `unknown: the log looks incomplete (${low}); log whole days of food on three days` : 'unknown (log food on three days)';
  }
  return low ? `${mg(p.food_mg)} a day (${low})` : `${mg(p.food_mg)} a day`;
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
    ['Food', foodText(p)],
    ['Gap', p.gap_mg === null || p.gap_mg === undefined ? 'unknown' : mg(p.gap_mg)],
    ['Supplement', p.daily_elemental_mg === null || p.daily_elemental_mg === undefined ? 'none' : `${mg(p.daily_elemental_mg)} a day`],
    ['Upper limit for supplements', mg(p.supplement_ul_mg)],
    ['Form', p.form || '—'],
    ['Product', p.product ? p.product.name : ['none: ', h('a', {href: '#products', onclick: toProducts}, 'add yours below')]],
  ];
  // No food lines because foods.db cannot give them: say why, not "none".
  if (p.foods_unavailable) summary.push(['Food ideas', h('span', {id: 'plan-foods-unavailable'}, `none: ${p.foods_unavailable}`)]);
  head.push(h('section', {class: 'card', 'aria-labelledby': 'sum-title'}, h('h2', {id: 'sum-title'}, 'Summary'),
    h('dl', {class: 'kv', id: 'plan-summary'}, summary.map(([k, v]) => [h('dt', null, k), h('dd', null, v)])),
    p.product && Array.isArray(p.product.label_warnings) && p.product.label_warnings.length
      ? [h('h3', null, 'Label'), noteList(p.product.label_warnings)] : null));

  if (Array.isArray(p.doses) && p.doses.length) {
    body.push(h('section', {class: 'card', 'aria-labelledby': 'doses-title'}, h('h2', {id: 'doses-title'}, p.course ? 'Doses now' : 'Doses at the full plan'),
      table(p.doses, [['time', 'Time'], ['elemental_mg', 'Magnesium', mg], ['units', 'Units', (v) => scalar(v)], ['with_food', 'With food', scalar]])));
  }
  if (Array.isArray(p.titration) && p.titration.length && !p.course) {   // with a course, its timeline says it
    body.push(h('section', {class: 'card', 'aria-labelledby': 'tit-title'}, h('h2', {id: 'tit-title'}, 'Start low'),
      h('ul', null, p.titration.map((t) => h('li', null, `From day ${t.from_day}: ${mg(t.daily_elemental_mg)} a day`,
        Array.isArray(t.doses) && t.doses.length ? ` — ${t.doses.map(doseText).join('; ')}` : '')))));
  }
  if (Array.isArray(p.windows) && p.windows.length) {
    body.push(h('section', {class: 'card', 'aria-labelledby': 'win-title'}, h('h2', {id: 'win-title'}, 'Medicine windows'), generic(p.windows)));
  }
  if (Array.isArray(p.checkpoints) && p.checkpoints.length) {
    body.push(h('section', {class: 'card', 'aria-labelledby': 'cp-title'}, h('h2', {id: 'cp-title'}, 'Checkpoints'),
      table(p.checkpoints, [['day', 'Day'], ['date', 'Date', (v) => (p.course && v <= app.session.today
        ? [h('span', {class: 'nowrap'}, v), ' (reached: see the ', h('a', {href: '/review'}, 'Review'), ')'] : h('span', {class: 'nowrap'}, v))], ['what', 'What']])));
  }
  if (Array.isArray(p.days) && p.days.length) {
    body.push(h('section', {class: 'card', 'aria-labelledby': 'days-title', id: 'plan-days'}, h('h2', {id: 'days-title'}, `The next ${p.days.length} days`),
      p.days.map((d, i) => h('details', {class: 'day', open: i === 0},
        h('summary', null, `Day ${d.day} · ${longDate(d.date)}`,
          typeof d.daily_elemental_mg === 'number' ? ` · ${mg(d.daily_elemental_mg)}` : '',
          d.tentative ? h('span', {class: 'badge badge-tentative'}, 'tentative') : null),
        h('dl', {class: 'kv'}, Object.entries(d).filter(([k]) => k !== 'day' && k !== 'date' && k !== 'tentative' && k !== 'food')
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

/* ---------- the course ---------- */

// One version of the course on the timeline: when, what, how much, and why.
function versionItem(c, v, now) {
  return h('li', {class: now ? 'version now' : 'version', 'data-seq': v.seq},
    h('p', {class: 'when'}, dateAndDay(c, v.from), ` · ${phaseText(v.phase)} `, now ? h('span', {class: 'badge'}, 'in force') : null),
    h('p', {class: 'dose'}, h('strong', null, EVENT_TEXT[v.event] || words(v.event || '')),
      v.doses && v.doses.length ? `: ${mg(v.daily_elemental_mg)} a day — ${intakesText(v.doses)}${v.product ? ` of ${v.product}` : ''}` : ': no intake'),
    reasonNode(v.reason, v.rule));
}

// A step the course has not taken yet (the plan's tentative titration entry).
function aheadItem(c, t) {
  const next = c.next && c.next.date === t.from ? c.next : null;
  return h('li', {class: 'version tentative'},
    h('p', {class: 'when'}, dateAndDay(c, t.from), ' ', h('span', {class: 'badge badge-tentative'}, 'tentative')),
    h('p', {class: 'dose'}, h('strong', null, 'Step ahead'), `: ${mg(t.daily_elemental_mg)} a day`,
      t.doses && t.doses.length ? ` — ${intakesText(t.doses)}` : ''),
    reasonNode(next ? `${next.what}: not decided yet` : 'not decided yet: it happens only if the nights logged until then allow it',
      next ? next.rule : null));
}

function adherenceText(a) {
  if (!a || !a.days_planned) return 'Adherence: no complete day planned yet.';
  const bits = [`${num(a.mg_pct, 0)} % of the magnesium planned`, `${a.days_adherent} of ${a.days_planned} days at 80 % or more`];
  if (typeof a.on_time_pct === 'number') bits.push(`${num(a.on_time_pct, 0)} % of intakes on time`);
  return `Adherence: ${bits.join('; ')}.`;
}

// Resume: the person says the cause of the pause has gone.
function resumeText(c) {
  const v = lastVersion(c) || {};
  const cause = v.rule === 'course-pause-loose' ? 'your stools are formed again'
    : v.rule === 'course-pause-red-flag' ? 'the red flag has gone' : 'the reason for the pause has gone';
  return `Resume only when ${cause}: pressing Resume confirms it. The course restarts at the start dose and steps up again only while stools stay formed.`;
}

// The course card: with a course, its state, timeline and the Stop and
// Resume buttons; without one running, Start. act(body) posts to
// /api/v1/course and draws the page again.
function courseSection(p, c, act) {
  const status = h('div', {class: 'status', id: 'course-status', role: 'status', 'aria-live': 'polite', tabindex: '-1'});
  if (courseFlash) { status.replaceChildren(courseFlash); courseFlash = null; }
  const kids = [h('h2', {id: 'course-title', tabindex: '-1'}, 'Your course')];
  const post = async (btn, body, done) => {
    btn.disabled = true;
    status.textContent = 'Sending…';
    const r = await act(body, done);
    if (r) { btn.disabled = false; status.replaceChildren(alertBox(r.message || r.code)); status.focus(); }
  };
  const timeline = (ahead) => h('ol', {class: 'timeline', id: 'course-timeline'},
    (c.versions || []).map((v, i, all) => versionItem(c, v, ahead !== null && i === all.length - 1)),
    (ahead || []).map((t) => aheadItem(c, t)));

  if (running(c)) {
    kids.push(h('p', {id: 'course-state', class: 'big'}, `Day ${c.day}`, h('span', {class: 'muted'}, ` · ${phaseText(c.phase)}`)),
      h('p', {class: 'small muted'}, 'Started ', h('span', {class: 'nowrap'}, longDate(c.started)), '. ', adherenceText(c.adherence)));
    if (c.hold) kids.push(h('p', {class: 'notice', id: 'course-hold'}, 'Held: ', c.hold.text, c.hold.rule ? h('code', {class: 'rule'}, c.hold.rule) : null));
    if (c.phase === 'paused') {
      kids.push(h('div', {class: 'notice', id: 'course-resume-box'},
        h('p', null, resumeText(c)),
        h('button', {type: 'button', class: 'primary', id: 'course-resume', onclick: (ev) => post(ev.currentTarget, {action: 'resume'},
          (x) => `Resumed: ${mg(x.step.daily_elemental_mg)} a day again from today, stepping up only while stools stay formed.`)}, 'Resume the course')));
    }
    const ahead = (p.titration || []).filter((t) => t.tentative);
    kids.push(h('h3', null, 'Versions'), timeline(ahead));
    // The next step, unless the timeline already shows it as the step ahead.
    if (c.phase !== 'paused' && !(c.next && ahead.some((t) => t.from === c.next.date))) kids.push(nextNode(c, 'course-next'));
    const reason = h('input', {id: 'course-stop-reason', name: 'reason', type: 'text', maxlength: 200, autocomplete: 'off'});
    const stop = h('button', {type: 'submit', id: 'course-stop'}, 'Stop the course');
    const form = h('form', {id: 'course-stop-form', novalidate: true},
      h('div', {class: 'field'}, h('label', {for: 'course-stop-reason'}, 'Why (optional)'), reason),
      h('p', {class: 'small muted'}, 'A stopped course stays on record; a new one starts again at the start dose.'),
      h('div', {class: 'actions'}, stop));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const why = reason.value.trim();
      post(stop, why ? {action: 'stop', reason: why} : {action: 'stop'}, () => 'Stopped the course.');
    });
    kids.push(h('details', {class: 'more', id: 'course-stop-box'}, h('summary', null, 'Stop the course'), form));
    kids.push(status);
    return h('section', {class: 'card', id: 'course', 'aria-labelledby': 'course-title'}, kids);
  }

  if (c) {
    const v = lastVersion(c) || {};
    kids.push(h('p', {id: 'course-state'}, 'Your last course ran from ', h('span', {class: 'nowrap'}, longDate(c.started)), ' to ', dateAndDay(c, c.ended || v.from), '.'),
      haltReason(v) ? reasonNode(`Why it stopped: ${haltReason(v)}.`, v.rule) : null,
      h('details', {class: 'more'}, h('summary', null, 'Its versions'), timeline(null)));
  }
  if (p.product) {
    const start = h('button', {type: 'button', class: 'primary', id: 'course-start', onclick: (ev) => post(ev.currentTarget, {action: 'start'},
      (x) => `Course started: day 1 is ${x.started}, at ${mg(x.step.daily_elemental_mg)} a day.`)}, 'Start the course');
    kids.push(h('p', null, `Following this plan? Start the course: today is day 1, at the start dose of ${p.product.name}; `,
      'the dose steps up only while stools stay formed and no red flag is logged, each intake is kept as taken or skipped, and the checkpoints are days 14 and 42.'),
    h('div', {class: 'actions'}, start));
  } else {
    kids.push(h('p', {class: 'muted', id: 'course-no-product'}, p.status === 'pause' || p.status === 'clinician'
      ? 'A course starts from a plan that proposes a dose, and this one does not now: see its status and warnings.'
      : 'To start a course, the plan needs a product: add yours below.'));
  }
  kids.push(status);
  return h('section', {class: 'card', id: 'course', 'aria-labelledby': 'course-title'}, kids);
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
    ['divisible', 'Scored (halves)', scalar],
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
      check('proprietary_blend', 'Proprietary blend'),
      check('divisible', 'Scored tablet: the plan may use half tablets')),
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
    body.divisible = el('divisible').checked;
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

export async function pagePlan(view) {
  // The plan holds the course while one runs; GET /api/v1/course also the one that stopped.
  let course = null;
  const load = async () => {
    const [r, products, c] = await Promise.all([api('GET', '/api/v1/plan'), api('GET', '/api/v1/products'), api('GET', '/api/v1/course')]);
    course = c.ok ? c.data : (r.ok ? r.data.course : null);
    return [r, products];
  };
  const head = h('div', {id: 'plan-head'});
  const body = h('div', {id: 'plan-body'});
  // A course action: null when done (the page is drawn again with the news), else the error.
  const act = async (bodyIn, done) => {
    const res = await api('POST', '/api/v1/course', bodyIn);
    if (!res.ok) return res.error;
    courseFlash = done(res.data);
    const [r, products] = await load();
    draw(r, products);
    const st = document.getElementById('course-status');
    if (st) st.focus();
    return null;
  };
  const draw = (r, products) => {
    if (r.ok) {
      showDisclaimer(r.data);
      const s = planSections(r.data);
      s.head.splice(1, 0, courseSection(r.data, course, act));
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
