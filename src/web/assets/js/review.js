/* mgtrack web app, the Review page (/review, js/review.js): the decision at
 * the checkpoint, the outcomes before and on magnesium, and the chart.
 */
import {alertBox, api, h, noteList, num, scalar, showDisclaimer, table, words} from './core.js';

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

export async function pageReview(view) {
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
