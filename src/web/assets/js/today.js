/* mgtrack web app, the Today page (/, js/today.js): last night's log, the
 * doses planned today as buttons (with a course: its day, today's intakes
 * with Took and Skip, a hold and the next step) and the doses logged, and
 * today's food with the intake of the last 7 days.
 */
import {alertBox, api, app, clearErrors, h, longDate, mg, minutes, noteList, num, showDisclaimer, showError,
  words} from './core.js';
import {addFoodForm, foodPicker} from './food-picker.js';
import {capsules, dateAndDay, haltReason, lastVersion, nextNode, phaseText, reasonNode, unitsText} from './course.js';

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
  if (d.status === 'skipped') return [d.time, d.product, `skipped the ${d.planned_time || 'planned'} intake`].join(' · ');
  const bits = [d.time, d.product, `× ${num(d.servings, 2)}`, mg(d.elemental_mg)];
  if (d.estimated) bits.push('(estimated)');
  if (d.planned_time) bits.push(`for the ${d.planned_time} intake`);
  return bits.join(' · ');
}

function minutesOf(hhmm) {
  const m = /^(\d\d):(\d\d)$/.exec(hhmm || '');
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
}

// The due intake that a dose taken now answers: the one nearest the time
// (the evening one when the lunch one was missed), as the server picks it
// (view/log.c); a skip answers the first one due. -1: none is due.
function tookIndex(intakes) {
  const now = new Date();
  const t = now.getHours() * 60 + now.getMinutes();
  let best = intakes.findIndex((x) => x.status === 'due');
  intakes.forEach((x, i) => {
    if (x.status === 'due' && Math.abs(minutesOf(x.time) - t) < Math.abs(minutesOf(intakes[best].time) - t)) best = i;
  });
  return best;
}

// Today's intakes of the course: time, magnesium, capsules and status, with
// Took on the intake a dose now would answer and Skip on the next one due.
function courseIntakes(c, doses, act) {
  const list = c.today || [];
  const took = tookIndex(list);
  const skip = list.findIndex((x) => x.status === 'due');
  const at = {};   // planned time -> the dose logged for it
  for (const d of doses) if (d.planned_time) at[d.planned_time] = d;
  const step = c.step || {};
  const kids = [h('p', {class: 'small muted', id: 'course-step'},
    `${mg(step.daily_elemental_mg)} a day of ${step.form || 'magnesium'}${step.product ? ` (${step.product})` : ''}, since `,
    h('span', {class: 'nowrap'}, step.from || ''), '. Press Took when you take an intake, Skip when you leave it out.')];
  if (!list.length) kids.push(h('p', {class: 'muted'}, 'No intake is planned today.'));
  else {
    kids.push(h('ul', {class: 'entries intakes', id: 'course-intakes'}, list.map((x, i) => {
      const d = at[x.time];
      const state = x.status === 'taken' ? `taken${d ? ` at ${d.time}` : ''}` : x.status;
      return h('li', {class: `intake status-${x.status}`, 'data-time': x.time, 'data-status': x.status},
        h('span', {class: 'what'}, h('strong', null, x.time), ` · ${mg(x.elemental_mg)} · ${capsules(x.units)}`,
          x.slot ? h('span', {class: 'muted'}, ` · ${x.slot}`) : null),
        h('span', {class: 'intake-actions'},
          h('span', {class: `badge badge-${x.status}`}, state),
          i === took ? h('button', {type: 'button', class: 'small-button primary intake-took', 'aria-label': `Took the ${x.time} intake`,
            onclick: (ev) => act(ev.currentTarget, {planned: true}, x)}, 'Took') : null,
          i === skip ? h('button', {type: 'button', class: 'small-button intake-skip', 'aria-label': `Skip the ${x.time} intake`,
            onclick: (ev) => act(ev.currentTarget, {skip: true}, x)}, 'Skip') : null));
    })));
    if (took >= 0 && skip >= 0 && took !== skip) {
      kids.push(h('p', {class: 'small muted'}, `The ${list[skip].time} intake is still open: skip it if you left it out.`));
    }
  }
  // Today only: the other supplements leave no room under the limit, or a
  // weekly medicine moves an intake (its rule id ends each text in brackets).
  if (c.today_warning) kids.push(h('p', {class: 'notice warning', id: 'course-today-warning', role: 'note'}, 'Today: ', c.today_warning));
  if (c.today_note) kids.push(h('p', {class: 'notice', id: 'course-today-note'}, 'Today: ', c.today_note));
  if (c.hold) kids.push(h('p', {class: 'notice', id: 'course-hold'}, 'Held: ', c.hold.text, c.hold.rule ? h('code', {class: 'rule'}, c.hold.rule) : null));
  kids.push(nextNode(c, 'course-next'));
  return kids;
}

// A paused or stopped course: what happened and why, and what to do; no buttons.
function courseHalted(c) {
  const v = lastVersion(c) || {};
  if (c.phase === 'stopped' || c.ended) {
    return [h('p', {class: 'plan-status status-stopped', id: 'course-halted'}, 'Your course stopped on ', dateAndDay(c, c.ended || v.from), '.'),
      haltReason(v) ? reasonNode(`Why: ${haltReason(v)}.`, v.rule) : null,
      h('p', {class: 'muted'}, 'No intake is planned. To begin again, start a new course on the ', h('a', {href: '/plan'}, 'Plan page'), '.')];
  }
  return [h('p', {class: 'plan-status status-pause', id: 'course-halted'}, 'Your course is paused since ', dateAndDay(c, v.from), '.'),
    haltReason(v) ? reasonNode(`Why: ${haltReason(v)}.`, v.rule) : null,
    h('p', {class: 'muted'}, 'No intake is planned while it is paused. Nothing lifts a pause by itself: once the cause has gone, resume the course on the ',
      h('a', {href: '/plan'}, 'Plan page'), '; it restarts at the start dose.')];
}

// Planned doses as buttons (the course's intakes when one runs), and today's
// logged doses; onChange runs after a dose is logged or removed, onCourse(course)
// after the course is read.
function dosesSection(today, onChange, onCourse) {
  const planned = h('div', {id: 'planned-doses'});
  const logged = h('ul', {id: 'dose-list', class: 'entries'});
  const total = h('p', {id: 'dose-total', class: 'small'});
  const status = h('div', {class: 'status', id: 'dose-status', role: 'status', 'aria-live': 'polite', tabindex: '-1'});
  let ul = null;    // the upper limit for supplements, from the plan

  function drawLogged(r) {
    if (!r.ok) { logged.replaceChildren(h('li', null, alertBox(r.error.message))); return []; }
    const doses = r.data || [];
    logged.replaceChildren(...doses.map((d) => h('li', null,
      h('span', {class: 'what'}, doseLine(d)),
      h('button', {type: 'button', class: 'small-button', 'aria-label': `Remove the ${d.status === 'skipped' ? 'skip' : 'dose'} at ${d.time}`,
        onclick: async () => {
          const del = await api('DELETE', `/api/v1/doses/${encodeURIComponent(d.id)}`);
          status.textContent = del.ok ? `Removed the ${d.status === 'skipped' ? 'skip' : 'dose'} at ${d.time}.` : del.error.message;
          await refresh();
          onChange();
        }}, 'Remove'))));
    if (!doses.length) logged.append(h('li', {class: 'muted'}, 'No dose logged today.'));
    const sum = doses.reduce((s, d) => s + (d.status === 'skipped' ? 0 : d.elemental_mg || 0), 0);
    total.textContent = `Supplements today: ${mg(sum)}${typeof ul === 'number' ? ` (upper limit for supplements ${mg(ul)})` : ''}.`;
    return doses;
  }

  function doseNews(dose) {
    let text = `Logged ${num(dose.servings, 2)} serving of ${dose.product} at ${dose.time}: ${mg(dose.elemental_mg)}.`;
    if (typeof dose.day_supplement_mg === 'number') text += ` Supplements today: ${mg(dose.day_supplement_mg)}.`;
    status.replaceChildren(text);
    if (typeof dose.warning === 'string') status.append(alertBox(dose.warning));
    else if (typeof dose.day_supplement_mg === 'number' && typeof ul === 'number' && dose.day_supplement_mg > ul) {
      status.append(alertBox(`Above the upper limit for supplements (${mg(ul)}) today.`));
    }
  }

  // Took or Skip on a course intake: the server logs the intake, the list is drawn again.
  async function act(btn, body, intake) {
    btn.disabled = true;
    status.textContent = body.skip ? 'Skipping…' : 'Logging…';
    const r = await api('POST', '/api/v1/doses', body);
    btn.disabled = false;
    if (!r.ok) { status.replaceChildren(alertBox(r.error.message)); await refresh(); return; }
    const d = r.data;
    const which = d.planned_time || intake.time;
    if (d.status === 'skipped') status.replaceChildren(`Skipped the ${which} intake.`);
    else {
      doseNews(d);
      status.prepend(`Took the ${which} intake. `);
    }
    await refresh();
    onChange();
    const next = planned.querySelector('.intake-took, .intake-skip');
    (next || status).focus();
  }

  function drawPlanned(plan, products, doses, course) {
    if (!plan.ok) { planned.replaceChildren(alertBox(`No plan: ${plan.error.message}`)); onCourse(null); return; }
    const p = plan.data;
    ul = p.supplement_ul_mg;
    // The plan holds the course while one runs; GET /api/v1/course also the one that stopped.
    const c = (course.ok ? course.data : p.course) || null;
    onCourse(c);
    const kids = [];
    if (c && (c.phase === 'paused' || c.phase === 'stopped' || c.ended)) {
      planned.replaceChildren(...courseHalted(c));
      return;
    }
    if (p.status && p.status !== 'ok') kids.push(h('p', {class: `plan-status status-${p.status}`}, `Plan status: ${words(p.status)}. See the Plan page.`));
    if (c) {
      kids.push(...courseIntakes(c, doses, act));
      planned.replaceChildren(...kids);
      return;
    }
    const day = (p.days || []).find((d) => d.date === today) || (p.days || [])[0];
    const planDoses = (day && day.doses) || [];
    const product = p.product && products.ok ? (products.data || []).find((x) => x.name === p.product.name) : null;
    if (!planDoses.length) kids.push(h('p', {class: 'muted'}, 'No dose is planned today.'));
    else if (!p.product) kids.push(h('p', {class: 'muted'}, 'Planned today: ', planDoses.map((d) => `${d.time} ${mg(d.elemental_mg)}`).join(', '), '. Add your product on the ', h('a', {href: '/plan'}, 'Plan page'), ' to log doses here.'));
    else {
      kids.push(h('p', {class: 'small muted'}, `Planned today with ${p.product.name}; press a button when you take it.`));
      kids.push(h('div', {class: 'buttons'}, planDoses.map((d) => {
        let servings;
        if (product && product.per_serving_units > 0 && typeof d.units === 'number') servings = d.units / product.per_serving_units;
        else if (product && product.elemental_mg_per_serving > 0) servings = d.elemental_mg / product.elemental_mg_per_serving;
        else servings = typeof d.units === 'number' ? d.units : 1;
        servings = Math.round(servings * 10000) / 10000;
        const unitText = unitsText(d.units);
        return h('button', {type: 'button', class: 'dose-button', 'data-time': d.time, onclick: async (ev) => {
          const btn = ev.currentTarget;
          btn.disabled = true;
          status.textContent = 'Logging…';
          const r = await api('POST', '/api/v1/doses', {product: p.product.name, servings});
          btn.disabled = false;
          if (!r.ok) { status.replaceChildren(alertBox(r.error.message)); return; }
          doseNews(r.data);
          await refresh();
          onChange();
        }}, `Took the ${d.time} dose`, h('span', {class: 'sub'}, [mg(d.elemental_mg), unitText, d.with_food ? 'with food' : ''].filter(Boolean).join(' · ')));
      })));
      kids.push(h('p', {class: 'small', id: 'course-start-hint'}, 'Following this plan? ', h('a', {href: '/plan#course'}, 'Start the course on the Plan page'),
        ': mgtrack then steps the dose up with you and keeps each intake, taken or skipped.'));
    }
    planned.replaceChildren(...kids);
  }

  async function refresh() {
    const [plan, products, doses, course] = await Promise.all([api('GET', '/api/v1/plan'), api('GET', '/api/v1/products'),
      api('GET', `/api/v1/doses?date=${today}`), api('GET', '/api/v1/course')]);
    if (plan.ok) ul = plan.data.supplement_ul_mg;
    const list = drawLogged(doses);
    drawPlanned(plan, products, list, course);
  }

  const section = h('section', {class: 'card', 'aria-labelledby': 'doses-title'},
    h('h2', {id: 'doses-title'}, 'Doses'), planned, status, h('h3', null, 'Logged today'), logged, total);
  section.refresh = refresh;
  return section;
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
    // An entry without a magnesium value is named, never added as 0 mg.
    const known = entries.filter((e) => typeof e.mg === 'number');
    const sum = known.reduce((s, e) => s + e.mg, 0);
    const unknown = entries.length - known.length;
    if (!entries.length) logged.append(h('li', {class: 'muted'}, 'Nothing logged today.'));
    else logged.append(h('li', {class: 'total'}, `Food today: ${mg(sum)}` +
      (unknown ? ` (${unknown} ${unknown === 1 ? 'entry' : 'entries'} without a magnesium value, not counted)` : '')));
  }

  async function refreshIntake() {
    const r = await api('GET', '/api/v1/intake?days=7');
    if (!r.ok) { intakeBox.replaceChildren(alertBox(r.error.message)); return; }
    const x = r.data;
    // Days too low in energy to count are said beside the count; the
    // intake's notes below say why (the same words as `mgtrack intake`).
    const low = x.days_low_energy > 0 ? `, ${x.days_low_energy} too low in energy to count` : '';
    const rows = [
      ['Food', x.food_known
        ? `${mg(x.food_mg)} a day (${x.days_logged} of ${x.days} days logged${low})`
        : `not known yet: ${x.days_logged} of ${x.days} days logged${low}; log ${low ? 'whole days of ' : ''}food on at least 3 days`],
      ['Supplements', `${mg(x.supplement_mg)} a day`],
      ['Target', `${mg(x.target_mg)} a day`],
      ['Gap', x.gap_mg === null || x.gap_mg === undefined ? 'unknown' : `${mg(x.gap_mg)} a day`],
    ];
    const kids = [h('dl', {class: 'kv', id: 'intake-figures'}, rows.map(([k, v]) => [h('dt', null, k), h('dd', null, v)]))];
    if (Array.isArray(x.notes) && x.notes.length) kids.push(h('div', {id: 'intake-notes'}, noteList(x.notes)));
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

export async function pageToday(view) {
  const today = app.session.today;
  const nightP = api('GET', `/api/v1/nights/${today}`);   // 404: nothing logged yet
  const food = foodSection(today);
  const courseLine = h('p', {class: 'lead course-day', id: 'course-day', hidden: true});
  const doses = dosesSection(today, () => food.refresh(), (c) => {
    const on = c && !c.ended && c.phase !== 'stopped';
    courseLine.hidden = !on;
    courseLine.replaceChildren(...(on ? [h('strong', null, `Day ${c.day} of your course`), ` · ${phaseText(c.phase)}`] : []));
  });
  const filling = Promise.all([doses.refresh(), food.refresh()]);
  const nightR = await nightP;
  view.append(h('h1', {tabindex: '-1'}, 'Today'), h('p', {class: 'lead'}, longDate(today)), courseLine);
  if (!nightR.ok && nightR.status !== 404) view.append(alertBox(`Could not read last night: ${nightR.error.message}`));
  view.append(nightSection(today, nightR.ok ? nightR.data : null, () => doses.refresh()), doses, food);
  await filling;
}
