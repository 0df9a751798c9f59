/* mgtrack web app, the Profile page (/profile, js/profile.js): the targets,
 * and the profile form that posts what changed and then says what the plan
 * makes of it.
 */
import {alertBox, api, app, clearErrors, gridField, h, mg, scalar, showDisclaimer, showError,
  STATUS_TEXT, words} from './core.js';

const GOALS = ['sleep', 'cramps', 'stress', 'energy', 'recovery', 'regularity', 'focus'];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const CONDITIONS = [
  ['kidney-disease', 'Kidney disease'],
  ['dialysis', 'Dialysis'],
  ['egfr-below-30', 'eGFR below 30'],
  ['heart-block', 'Heart block'],
  ['myasthenia-gravis', 'Myasthenia gravis'],
  ['low-blood-pressure', 'Low blood pressure'],
  ['arrhythmia', 'Irregular heartbeat (arrhythmia)'],
  ['pre-eclampsia', 'Pre-eclampsia'],
  ['hypertension-in-pregnancy', 'High blood pressure in pregnancy'],
];
// The diets and the foods one may avoid: food-rules.tsv's diet: and avoid:
// rows, which the API checks.
const DIETS = [['omnivore', 'everything'], ['pescatarian', 'pescatarian (fish, no meat)'],
  ['vegetarian', 'vegetarian (no meat or fish)'], ['vegan', 'vegan (no animal foods)']];
const AVOIDS = ['nuts', 'peanuts', 'sesame', 'soy', 'gluten', 'dairy', 'egg', 'fish', 'shellfish'];
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
    // A weekly medicine (alendronate once a week) keeps magnesium out of its hours on its day only.
    const weekly = h('select', {id: id(`med-weekly-${k}`), class: 'med-weekly'},
      ...[['', 'every day'], ...WEEKDAYS.map((d) => [d, `${d[0].toUpperCase()}${d.slice(1)}s`])]
        .map(([v, label]) => h('option', {value: v}, label)));
    weekly.value = m && m.weekly ? m.weekly : '';
    const remove = h('button', {type: 'button', class: 'small-button med-remove', onclick: () => { row.remove(); addMedButton.focus(); }}, 'Remove');
    const label = () => remove.setAttribute('aria-label', `Remove ${name.value.trim() || 'this medicine'}`);
    name.addEventListener('input', label);
    label();
    const row = h('li', {class: 'med-row'},
      h('div', {class: 'field'}, h('label', {for: name.id}, 'Medicine'), name),
      h('div', {class: 'field'}, h('label', {for: times.id}, 'Taken at'), times),
      h('div', {class: 'field'}, h('label', {for: weekly.id}, 'Days'), weekly),
      remove);
    meds.append(row);
    return name;
  }

  // Kidney function: a number from a blood test, "I don't know it", or
  // empty (never given). The three mean different things to the plan.
  const egfr = h('input', {id: id('egfr'), name: 'egfr', type: 'number', inputmode: 'decimal', min: 1, max: 200, step: 'any',
    'aria-describedby': id('kidney-hint')});
  const egfrUnknown = h('input', {type: 'checkbox', id: id('egfr_unknown'), name: 'egfr_unknown'});
  const unknownChanged = () => {
    if (egfrUnknown.checked) egfr.value = '';
    egfr.disabled = egfrUnknown.checked;
  };
  egfrUnknown.addEventListener('change', unknownChanged);

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
    h('fieldset', {class: 'grid'}, h('legend', null, 'Food'),
      field('diet', 'Diet', choice('diet', DIETS))),
    group('avoid', 'Foods you avoid', AVOIDS.map((a) => box(`avoid-${a}`, a)),
      'Allergies or foods you do not eat: food ideas leave them out.'),
    group('goals', 'Goals', GOALS.map((g) => box(`goal-${g}`, g)), 'The goals choose the form of magnesium and the outcomes the review looks at.'),
    h('fieldset', {class: 'grid'}, h('legend', null, 'Your day'),
      field('wake', 'Wake up', h('input', {id: id('wake'), name: 'wake', type: 'time'})),
      field('bed', 'Bedtime', h('input', {id: id('bed'), name: 'bed', type: 'time'})),
      field('training', 'Training', choice('training', [['none', 'none'], ['regular', 'regular'], ['heavy', 'heavy']])),
      field('train_at', 'Training times', h('input', {id: id('train_at'), name: 'train_at', type: 'text', inputmode: 'numeric',
        autocomplete: 'off', spellcheck: 'false', placeholder: '07:00 or 07:00, 18:00', maxlength: 40}))),
    h('fieldset', {id: id('medicines'), tabindex: '-1', 'aria-describedby': id('medicines-hint')}, h('legend', null, 'Medicines'),
      h('p', {class: 'small muted hint', id: id('medicines-hint')}, 'Times as HH:MM, several with commas (07:00, 19:00). Magnesium binds some medicines, such as levothyroxine and some antibiotics: the plan keeps its doses away from them.'),
      meds, addMedButton),
    h('fieldset', {class: 'grid', id: id('kidney'), tabindex: '-1', 'aria-describedby': id('kidney-hint')},
      h('legend', null, 'Kidney function'),
      h('div', {class: 'field'}, h('label', {for: egfr.id}, 'eGFR, mL/min/1.73 m²'), egfr),
      h('label', {class: 'check'}, egfrUnknown, ' I do not know my eGFR'),
      h('p', {class: 'small muted hint hints', id: id('kidney-hint')}, 'From a blood test: ask your doctor, and type a lab\'s ">90" as 90. Low kidney function stops the plan or adds a caution; at an older age or with a diuretic, digoxin or lithium the plan asks for it. Leave it empty if it was never measured.')),
    h('fieldset', {class: 'grid'}, h('legend', null, 'More'),
      field('zinc_mg', 'Zinc supplement, mg/day', h('input', {id: id('zinc_mg'), name: 'zinc_mg', type: 'number', inputmode: 'numeric', min: 0, max: 1000, step: 1})),
      field('food_source', 'Food intake from', choice('food_source', [['log', 'food log'], ['apple-health', 'Apple Health'], ['cronometer', 'Cronometer daily summary']]))),
    h('div', {class: 'actions'}, submit, status));

  function fill(p) {
    age.value = p.age === null || p.age === undefined ? '' : String(p.age);
    born.value = p.born || '';
    for (const n of ['sex', 'region', 'training', 'food_source', 'diet']) el(n).value = p[n] || '';
    for (const a of AVOIDS) el(`avoid-${a}`).checked = (p.avoid || []).includes(a);
    for (const [n] of PROFILE_FLAGS) el(n).checked = !!p[n];
    for (const n of ['wake', 'bed']) el(n).value = p[n] || '';
    el('train_at').value = (p.train_at || '').split(',').join(', ');
    el('zinc_mg').value = String(p.zinc_mg ?? 0);
    egfr.value = typeof p.egfr === 'number' ? String(p.egfr) : '';
    egfrUnknown.checked = p.egfr === 'unknown';
    unknownChanged();
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
      sex: v('sex'), region: v('region'), training: v('training'), food_source: v('food_source'), diet: v('diet'),
      avoid: AVOIDS.filter((a) => el(`avoid-${a}`).checked),
      ...Object.fromEntries(PROFILE_FLAGS.map(([n]) => [n, el(n).checked])),
      wake: v('wake'), bed: v('bed'), train_at: v('train_at').split(/[\s,;]+/).filter(Boolean).join(',') || null,
      zinc_mg: zinc === '' ? 0 : Number(zinc),
      egfr: egfrUnknown.checked ? 'unknown' : v('egfr') === '' ? null : Number(v('egfr')),
      goals: GOALS.filter((g) => el(`goal-${g}`).checked),
      conditions: CONDITIONS.map(([c]) => c).filter((c) => el(`condition-${c}`).checked),
      medicines: [...meds.querySelectorAll('.med-row')].map((row) => ({
        name: row.querySelector('.med-name').value.trim(),
        times: row.querySelector('.med-times').value.split(/[\s,;]+/).filter(Boolean),
        weekly: row.querySelector('.med-weekly').value || null,
      })).filter((m) => m.name || m.times.length),
    };
    const json = (x) => JSON.stringify(x === undefined ? null : x);
    const sorted = (x) => [...(x || [])].sort();
    const body = {};
    for (const [k, x] of Object.entries(now)) {
      const sets = k === 'goals' || k === 'conditions' || k === 'avoid';
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

export async function pageProfile(view) {
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
  // Local-first: everything logged can leave as one file, which
  // 'mgtrack import backup' reads back (docs/EXPORT.md).
  view.append(h('section', {class: 'card', 'aria-labelledby': 'ex-title'}, h('h2', {id: 'ex-title'}, 'Your data'),
    h('p', null, 'Everything this profile logged (settings, medicines, food, doses, nights, the course with every plan version, trials) as one JSON file. A blinded trial stays sealed.'),
    h('p', null, h('a', {href: '/api/v1/export', download: 'mgtrack-export.json', id: 'export-link', class: 'button-link'}, 'Download all my data (JSON)')),
    h('p', {class: 'small muted'}, 'Read it back on another machine with ', h('code', null, 'mgtrack import backup FILE'), '; for a spreadsheet use ', h('code', null, 'mgtrack export --csv DIR'), '.')));
}
