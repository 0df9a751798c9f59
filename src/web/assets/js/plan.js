/* mgtrack web app, the Plan page (/plan, js/plan.js): the plan's status,
 * warnings and summary, the products (with what the plan makes of each, and
 * the form that adds one), the doses, the next days, the calendar link and
 * the rules behind it all.
 */
import {alertBox, api, clearErrors, generic, gridField, h, longDate, mg, noteList, num, scalar,
  showDisclaimer, showError, STATUS_TEXT, table, words} from './core.js';

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

export async function pagePlan(view) {
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
