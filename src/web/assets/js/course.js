/* mgtrack web app, the course in words (js/course.js): what Today, Plan and
 * Review say about a course (GET /api/v1/course, docs/API.md): its phases
 * and events, an intake, a version, and the dates of its steps.
 */
import {h, longDate, mg, num} from './core.js';

// A phase, as a person reads it (PRODUCT.md section 1b, "Phases").
export const PHASE_TEXT = {
  titrating: 'titrating: starting low and stepping up',
  maintenance: 'maintenance: the dose to keep',
  stepping_down: 'stepping down: one step lower, to find the lowest dose that helps',
  paused: 'paused',
  stopped: 'stopped',
};

// What a version did to the regimen (its "event").
export const EVENT_TEXT = {
  start: 'Started',
  step_up: 'Stepped up',
  split: 'Split into two intakes',
  lower: 'Lowered',
  pause: 'Paused',
  resume: 'Resumed',
  stop: 'Stopped',
  step_down: 'Stepped down',
  keep_lower: 'Kept the lower dose',
  step_back_up: 'Stepped back up',
  change_form: 'Changed the form',
  fit_ul: 'Fitted under the upper limit',
  retime: 'Moved the intakes',
};

// What applying a version would do (the review's preview), as a verb.
export const EVENT_DO = {
  start: 'start',
  step_up: 'step up',
  split: 'split the dose',
  lower: 'lower the dose',
  pause: 'pause',
  resume: 'resume',
  stop: 'stop',
  step_down: 'step down',
  keep_lower: 'keep the lower dose',
  step_back_up: 'step back up',
  change_form: 'change the form',
  fit_ul: 'fit under the upper limit',
  retime: 'move the intakes',
};

export function phaseText(phase) {
  return PHASE_TEXT[phase] || String(phase || 'unknown').replace(/_/g, ' ');
}

// Units of a product: "1 capsule", "2 units". Halves come only from a
// scored tablet (a product marked divisible): "half a tablet", "1.5 tablets".
export function unitsText(n, noun = 'unit') {
  if (typeof n !== 'number') return '';
  if (n === 0.5) return 'half a tablet';
  const word = Number.isInteger(n) ? noun : 'tablet';
  return `${num(n, 2)} ${n === 1 ? word : `${word}s`}`;
}

export function capsules(n) {
  return unitsText(n, 'capsule');
}

// One intake: "21:30 · 100 mg · 1 capsule".
export function intakeText(d) {
  return [d.time, mg(d.elemental_mg), capsules(d.units)].filter(Boolean).join(' · ');
}

// A version's intakes in one line: "13:00 100 mg (1 capsule), 21:30 100 mg
// (1 capsule)", or "no intake" (a pause, a stop).
export function intakesText(doses) {
  if (!Array.isArray(doses) || !doses.length) return 'no intake';
  return doses.map((d) => `${d.time} ${mg(d.elemental_mg)}${typeof d.units === 'number' ? ` (${capsules(d.units)})` : ''}`).join(', ');
}

// The course's next step or checkpoint in the web app's words: the
// checkpoints and the way out of a pause or a stop are pages here, not
// commands. Returns [text, rule].
export function nextText(course) {
  const n = course.next || {};
  const rule = n.rule || '';
  const cp = /^check-day-(\d+)$/.exec(rule);
  if (cp) return [`checkpoint, day ${cp[1]}: read the review on the Review page${cp[1] === '42' ? ', and apply its decision there' : ''}`, rule];
  if (rule === 'course-resume') return ['paused: once the cause has gone, resume the course on the Plan page; it restarts at the start dose', rule];
  if (rule === 'course-stop') return ['the course has ended: a new one can be started on the Plan page', rule];
  return [n.what || '', rule];
}

// "Next: ..." with its date and course day, for Today and Plan.
export function nextNode(course, id) {
  const [text, rule] = nextText(course);
  if (!text) return null;
  const n = course.next || {};
  return h('p', {id}, h('strong', null, 'Next: '), text, n.date ? [' (', dateAndDay(course, n.date), ')'] : '',
    rule ? h('code', {class: 'rule'}, rule) : null);
}

// The course day of an ISO date (day 1 is the start).
export function courseDay(course, iso) {
  const a = Date.parse(`${course.started}T00:00:00Z`);
  const b = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(a) || Number.isNaN(b) ? null : Math.round((b - a) / 86400000) + 1;
}

// "Thursday 2026-10-08, day 8" for a date of the course.
export function dateAndDay(course, iso) {
  const day = courseDay(course, iso);
  return [h('span', {class: 'nowrap'}, longDate(iso)), day === null ? '' : `, day ${day}`];
}

export function running(course) {
  return !!course && !course.ended && course.phase !== 'stopped';
}

// The version that made the course what it is now (the pause, the stop).
export function lastVersion(course) {
  const v = course && Array.isArray(course.versions) ? course.versions : [];
  return v.length ? v[v.length - 1] : null;
}

// Why the course is paused or stopped, or null when a stop gave no reason
// (its text is then the rule's own, data/course-rules.tsv course-stop).
export function haltReason(v) {
  if (!v || !v.reason || (v.rule === 'course-stop' && v.reason === 'the course was stopped')) return null;
  return v.reason;
}

// A reason and its rule id.
export function reasonNode(text, rule, cls = 'reason') {
  return h('p', {class: cls}, text || '', rule ? h('code', {class: 'rule'}, rule) : null);
}
