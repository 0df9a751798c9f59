/* mgtrack web app, the Trial page (/trial, js/trial.js): design an n-of-1
 * trial, or show the current one (today's period and arm, the design, the
 * results) and replace it.
 */
import {alertBox, api, app, clearErrors, generic, gridField, h, notice, num, render, scalar,
  scalarNode, showError, table} from './core.js';

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

export async function pageTrial(view) {
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
