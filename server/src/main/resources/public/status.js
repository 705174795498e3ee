// Where the page stands, drawn from the state: the header, the plan panel and the plan's errors and notes, the
// solve panel's status line, progress bar and live score, and which buttons can be used.

import { t, textOr, currentLanguage, formatDate, formatInstant, formatNumber, timeZoneName } from './i18n.js';
import { $, el, parseScore, scoreInWords } from './util.js';
import { state, isSolving, publishedWeek, sessionLabel } from './state.js';

/** The plan's name and time zone, and the language switch naming the other language. */
export function renderHeader() {
  $('language').textContent = t('lang.other');
  $('language').lang = currentLanguage() === 'zh' ? 'en' : 'zh-CN';
  $('plan-title').textContent = state.plan
    ? `${state.plan.name ?? ''}${state.plan.week?.timeZone ? ` · ${timeZoneName(state.plan.week.timeZone)}` : ''}` : '';
}

/** The samples' titles (the page names those it knows in its language), what the last plan validated holds, or its
 * errors; its diagnostics as notes. */
export function renderPlanStatus() {
  for (const option of $('demo-select').options) {
    option.textContent = textOr(`demo.${option.value}`, option.dataset.title);
  }
  const status = $('plan-status');
  const errors = $('plan-errors');
  const diagnostics = $('plan-diagnostics');
  const v = state.validation;
  if (!v) {
    status.textContent = t('plan.none');
    errors.hidden = true;
    diagnostics.hidden = true;
    return;
  }
  status.textContent = v.valid ? t('plan.summary', v) : t('plan.invalid', { n: v.errors.length });
  status.classList.toggle('error', !v.valid);
  errors.hidden = v.valid;
  if (!v.valid) {
    errors.replaceChildren(el('h3', '', t('plan.invalid', { n: v.errors.length })), problemList(v.errors));
  }
  const notes = v.diagnostics ?? [];
  diagnostics.hidden = notes.length === 0;
  if (notes.length) {
    diagnostics.replaceChildren(el('h3', '', t('plan.diagnostics')), problemList(notes, true));
  }
}

/**
 * Problems or notes at their paths; a note's item is classed by its severity. A note on a valid plan names what it
 * is about in the plan's words (活动“合唱团”), its JSON path left for the tooltip; errors keep their paths, the
 * place to fix in the file, and a workbook's are at their sheet and cell already.
 */
function problemList(problems, notes = false) {
  const list = el('ul', 'problem-list');
  for (const problem of problems) {
    const item = el('li', notes ? problem.severity ?? '' : '');
    const where = el('code', 'path', notes ? placeInPlan(problem.path ?? '') : problem.path);
    where.title = problem.path ?? '';
    item.append(where, el('span', 'problem', problem.message));
    list.append(item);
  }
  return list;
}

/** The parts of a plan a note can be about, each with a list of named items (or placements, by session). */
const PLAN_PARTS = ['sites', 'rooms', 'organizations', 'workers', 'audiences', 'activities', 'pinned', 'previous'];

/** "activities[3].workers[0]" → 活动“四点半课堂”: the item of the plan a path starts in, by its name. */
function placeInPlan(path) {
  const [, part, at] = /^(\w+)(?:\[(\d+)\])?/.exec(path) ?? [];
  if (part === 'week') {
    return t('path.week');
  }
  const item = PLAN_PARTS.includes(part) && at !== undefined ? state.plan?.[part]?.[Number(at)] : undefined;
  const name = item?.activity ? sessionLabel(item) : item?.name ?? item?.id;
  return name === undefined ? path : t(`path.${part}`, { name });
}

/** The solve panel's status line; a finished solve says when, in the plan's time zone. */
export function renderStatus() {
  const status = state.status ?? { key: 'solve.idle', values: {} };
  const values = { ...status.values };
  if (typeof values.elapsed === 'number') {
    values.elapsed = formatNumber(values.elapsed, 1);
  }
  if (typeof values.limitSeconds === 'number') {
    values.limit = formatNumber(values.limitSeconds, 0);
  }
  let text = t(status.key, values);
  if (status.key === 'solve.done' && state.job?.finished) {
    text += ` · ${formatInstant(state.job.finished, state.plan?.week?.timeZone ?? 'Asia/Shanghai')}`;
  }
  $('solve-status').textContent = text;
}

/** The progress bar over the time limit, and the best score so far with its sparkline. */
export function renderProgress() {
  const { job } = state;
  const solving = isSolving();
  $('progress').hidden = !job;
  if (job) {
    const fraction = solving ? Math.min(1, (job.elapsed || 0) / (job.limitSeconds || 1)) : 1;
    $('progress-bar').style.width = `${(fraction * 100).toFixed(1)}%`;
    $('progress').classList.toggle('finished', !solving);
  }
  // While solving only: once done, the summary holds the one score of the week on the page.
  const live = solving ? job?.live : null;
  $('live').hidden = !live;
  if (live) {
    $('live-score').textContent = scoreInWords(live.score);
    $('live-score').title = live.score;
    // The week below may show fewer sessions than the solver has placed: say it is still placing.
    const shown = state.schedule?.sessions?.length ?? 0;
    const placing = live.placed !== undefined && (live.unassigned > 0 || shown < live.placed);
    $('live-counts').textContent = live.placed === undefined ? ''
      : [t('solve.placed', { placed: live.placed, unassigned: live.unassigned }),
        placing ? t('solve.placing') : ''].filter(Boolean).join(' · ');
    drawSparkline();
  }
}

/** The soft and medium score over the improvements: a line that climbs as the solver improves. */
function drawSparkline() {
  const canvas = $('sparkline');
  const context = canvas.getContext('2d');
  context.clearRect(0, 0, canvas.width, canvas.height);
  const values = state.scores.map((score) => {
    const s = parseScore(score);
    return s.hard * 1e9 + s.medium * 1e5 + s.soft;
  });
  if (values.length < 2) {
    return;
  }
  const min = Math.min(...values);
  const max = Math.max(...values);
  const x = (i) => 2 + (i / (values.length - 1)) * (canvas.width - 4);
  const y = (v) => canvas.height - 3 - (max === min ? 0.5 : (v - min) / (max - min)) * (canvas.height - 6);
  context.strokeStyle = '#2f6f5e';
  context.lineWidth = 2;
  context.beginPath();
  values.forEach((v, i) => (i ? context.lineTo(x(i), y(v)) : context.moveTo(x(i), y(v))));
  context.stroke();
}

/** Which of solve, stop, the downloads, printing and next week can be used now. */
export function renderControls() {
  const solving = isSolving();
  $('solve').disabled = !state.plan || solving;
  $('stop').hidden = !solving;
  $('time-limit').disabled = solving;
  for (const option of $('time-limit').options) {
    option.textContent = t('seconds', { n: parseInt(option.value, 10) });
  }
  const done = Boolean(state.schedule && state.job && !solving);
  $('download-json').disabled = !state.schedule;
  $('download-csv').disabled = !done;
  $('download-ics').disabled = !done;
  $('download-xlsx').disabled = !done;
  $('download-plan-xlsx').disabled = !state.planText;
  $('print').disabled = !state.plan;
  $('print-rooms').disabled = !state.plan;
  $('print-workers').disabled = !state.plan || !(state.plan.workers?.length);
  $('next-week').hidden = !done;
  renderKeep(solving);
}

/** "Keep": shown when a solve has a week to keep, the one on the page or the published one. */
function renderKeep(solving) {
  const published = publishedWeek();
  const onPage = Boolean(state.schedule?.sessions);
  $('keep-row').hidden = solving || !(onPage || published);
  $('keep-label').textContent = onPage ? t('solve.keepWeek')
    : published ? t('solve.keepPublished', { date: formatDate(published.startDate) }) : '';
}
