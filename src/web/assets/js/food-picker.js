/* mgtrack web app: finding a food and logging a portion of it
 * (js/food-picker.js), shared by the Today and Foods pages.
 *
 * foodPicker() is the as-you-type search (GET /api/v1/foods), a combobox
 * over a listbox; addFoodForm() is the measure and amount of one food, the
 * magnesium they make, and the POST to /api/v1/food-log.
 */
import {api, clearErrors, h, mg, num, showError} from './core.js';

// As-you-type food search: a combobox over a listbox, usable with arrows and Enter.
export function foodPicker(prefix, onChoose) {
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
    h('span', {class: 'name'}, f.name), h('span', {class: 'mg'}, typeof f.mg_per_100g === 'number' ? `${num(f.mg_per_100g)} mg / 100 g` : 'magnesium unknown'),
    // Foods the person's diet leaves out come last and say why; they can
    // still be logged (a search is a lookup).
    f.not_for_you ? h('span', {class: 'sub not-for-you'}, f.not_for_you.text) : null)));
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
export function addFoodForm(prefix, food, onAdded) {
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
