/* mgtrack web app, the Review page (/review, js/review.js): the decision at
 * the checkpoint, what applying it would change in the course (and the
 * button that applies it), the outcomes before and on magnesium, and the
 * chart.
 */
import {alertBox, api, h, mg, noteList, num, render, scalar, showDisclaimer, table, words} from './core.js';
import {EVENT_DO, EVENT_TEXT, intakesText, phaseText, reasonNode} from './course.js';

// What the last Apply did, shown once the page is drawn again.
let applied = null;

const DECISIONS = {
  continue: 'Continue',
  split_dose: 'Split the dose',
  change_form: 'Change the form',
  pause: 'Pause',
  stop: 'Stop',
  extend: 'Extend: keep going and look again',
  lower_dose: 'Lower the dose',
  insufficient_data: 'Not enough data yet',
};

// The chart reaches back over the nights before magnesium too: at day 42
// the route's default of 42 days would show none of the baseline that the
// review compares with.
function chartSrc(outcome, v) {
  const back = (typeof v.checkpoint_day === 'number' ? v.checkpoint_day : 0) + (typeof v.nights_baseline === 'number' ? v.nights_baseline : 0);
  const days = Math.min(366, Math.max(42, back + 1));
  return `/api/v1/review/chart.svg?outcome=${encodeURIComponent(outcome)}&days=${days}`;
}

// The review's "apply" (docs/API.md): what POST /api/v1/review/apply would do.
function applySection(a) {
  const status = h('div', {class: 'status', id: 'review-apply-status', role: 'status', 'aria-live': 'polite', tabindex: '-1'});
  const kids = [h('h2', {id: 'apply-title'}, 'Apply it to your course')];
  if (applied) {   // what the last Apply did comes first, then what applying now would do
    status.replaceChildren(...applied);
    applied = null;
    kids.push(status);
  }
  if (a === null || a === undefined) {
    kids.push(h('p', {class: 'muted', id: 'review-apply-what'}, 'No course is running, so there is nothing to apply: start the course on the ',
      h('a', {href: '/plan'}, 'Plan page'), ', and the review’s decisions apply to it.'));
  } else if (a.changes) {
    const todo = a.event === 'stop' || a.event === 'pause' ? EVENT_DO[a.event]
      : `${EVENT_DO[a.event] || words(a.event || 'change')} to ${mg(a.daily_elemental_mg)} a day`;
    kids.push(h('p', {id: 'review-apply-what'}, 'Applying it makes a new version of your course from today: ',
      h('strong', null, todo), a.doses && a.doses.length ? ` — ${intakesText(a.doses)}${a.product ? ` of ${a.product}` : ''}` : '',
      `. The course is then ${phaseText(a.phase)}.`),
    reasonNode(a.reason, a.rule));
    const btn = h('button', {type: 'button', class: 'primary', id: 'review-apply', onclick: async () => {
      btn.disabled = true;
      status.textContent = 'Applying…';
      const r = await api('POST', '/api/v1/review/apply', {});
      btn.disabled = false;
      if (!r.ok) { status.replaceChildren(alertBox(r.error.message || r.error.code)); status.focus(); return; }
      const x = r.data;
      const c = x.course || {};
      const step = c.step || {};
      applied = x.changes
        ? [h('strong', null, `Applied: ${(EVENT_TEXT[x.event] || words(x.event || '')).toLowerCase()}.`),
          ` Your course is now ${phaseText(c.phase)}, ${mg(step.daily_elemental_mg)} a day from today — ${intakesText(step.doses)}.`,
          reasonNode(x.reason, x.rule)]
        : [`Nothing changed: ${x.what || 'the course stays as it is'}.`];
      await render(false);
      const st = document.getElementById('review-apply-status');
      if (st) st.focus();
    }}, `Apply: ${todo}`);
    kids.push(h('div', {class: 'actions'}, btn));
  } else if (a.error) {
    kids.push(h('p', {class: 'notice', id: 'review-apply-what'}, `It cannot be applied yet: ${a.error}.`));
  } else {
    kids.push(h('p', {id: 'review-apply-what'}, `Nothing changes: ${a.what || 'the course stays as it is'}.`));
  }
  if (!kids.includes(status)) kids.push(status);
  return h('section', {class: 'card', id: 'apply', 'aria-labelledby': 'apply-title'}, kids);
}

export async function pageReview(view) {
  const [r, course] = await Promise.all([api('GET', '/api/v1/review'), api('GET', '/api/v1/course')]);
  view.append(h('h1', {tabindex: '-1'}, 'Review'));
  if (!r.ok) { view.append(alertBox(r.error.message)); return; }
  const v = r.data;
  showDisclaimer(v);
  // Stepping down, the review looks at the nights on the lower dose (against those before magnesium).
  const on = course.ok && course.data && course.data.phase === 'stepping_down' ? 'on the lower dose' : 'on magnesium';
  const facts = [];
  if (v.checkpoint_day !== undefined) facts.push(`day ${v.checkpoint_day} of dosing`);
  if (typeof v.adherence === 'number') facts.push(`adherence ${num(v.adherence * 100, 0)} %`);
  if (v.nights_baseline !== undefined) facts.push(`${v.nights_baseline} nights before, ${v.nights_on} ${on}`);
  view.append(h('section', {class: 'card decision', 'aria-labelledby': 'dec-title'},
    h('h2', {id: 'dec-title'}, 'Decision'),
    h('p', {class: 'big', id: 'review-decision'}, DECISIONS[v.decision] || words(v.decision || 'none'), ' ', h('code', {class: 'rule'}, v.decision)),
    facts.length ? h('p', {class: 'small'}, `At ${facts.join('; ')}.`) : null,
    Array.isArray(v.reasons) && v.reasons.length ? noteList(v.reasons) : null));
  if ('apply' in v) view.append(applySection(v.apply));

  const outcomes = Array.isArray(v.outcomes) ? v.outcomes : [];
  if (outcomes.length) {
    view.append(h('section', {class: 'card', 'aria-labelledby': 'out-title'}, h('h2', {id: 'out-title'}, 'Outcomes'),
      table(outcomes, [
        ['name', 'Outcome', (x, o) => [x, o.name === v.primary ? ' (primary)' : '',
          o.better ? h('span', {class: 'source'}, `${o.better} is better`) : null]],
        ['baseline_mean', 'Before', scalar],
        ['on_mean', on === 'on magnesium' ? 'On magnesium' : 'On the lower dose', scalar],
        ['effect', 'Change', scalar],
        ['ci95', '95 % interval', (x) => (Array.isArray(x) ? `${scalar(x[0])} to ${scalar(x[1])}` : scalar(x))],
        ['p_benefit', 'P(meaningful benefit)', (x) => (typeof x === 'number' ? `${num(x * 100, 0)} %` : scalar(x))],
        ['mid', 'Meaningful change', scalar],
      ]),
      h('p', {class: 'small muted'}, `Change: ${on} minus before, with the 95 % interval and the probability that the change beats the meaningful difference.`)));
  }
  const primary = v.primary || (outcomes[0] && outcomes[0].name);
  if (primary) {
    const alt = (o) => `Chart of ${o} night by night, before and on magnesium`;
    const img = h('img', {id: 'review-chart', src: chartSrc(primary, v), alt: alt(primary), width: 640, height: 320});
    const pick = outcomes.length > 1 ? h('select', {id: 'chart-outcome', onchange: (ev) => {
      img.src = chartSrc(ev.target.value, v);
      img.alt = alt(ev.target.value);
    }}, outcomes.map((o) => h('option', {value: o.name, selected: o.name === primary}, o.name))) : null;
    view.append(h('section', {class: 'card', 'aria-labelledby': 'chart-title'}, h('h2', {id: 'chart-title'}, 'Chart'),
      pick ? h('p', null, h('label', {for: 'chart-outcome'}, 'Outcome '), pick) : null,
      h('figure', null, img)));
  }
  view.append(h('p', null, h('a', {href: '/report', class: 'button-link', id: 'report-link'}, 'Printable report')));
}
