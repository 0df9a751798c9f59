/* mgtrack web app, the Foods page (/foods, js/foods.js): search the food
 * tables, show one food per 100 g and per household measure, and log it.
 */
import {alertBox, api, app, generic, h, mg, notice, num, scalar, table} from './core.js';
import {addFoodForm, foodPicker} from './food-picker.js';

export async function pageFoods(view) {
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
