// The coordinators' page: get a plan in, solve it with live progress, see the week, see what is wrong,
// fit a late request, take the schedule away. All text comes from i18n.js; all data from the API (api.js).

import { api, followEvents, onTokenNeeded } from './api.js';
import {
  t, currentLanguage, setLanguage, translatePage, constraintName, dayName, formatDate, formatInstant, formatNumber,
} from './i18n.js';
import {
  el, indexPlan, renderRoomGrid, renderWorkerGrid, renderLegend, sessionKey, activityName, DAYS, minutes,
} from './grid.js';
import { renderPrintPages } from './print.js';
import {
  setUpEditing, renderEditing, decorateUnassigned, resetEditing, hasUnsavedEdits, saveEdits, moveTo,
} from './edit.js';
import { setUpFeeds, renderFeeds } from './feeds.js';

const $ = (id) => document.getElementById(id);

const state = {
  planText: null,
  validatedText: null, // the plan text last validated, valid or not: validated again in another language
  workbook: null, // the workbook (a File) that plan came from: read again in another language, for its sheet!cell texts
  plan: null,
  index: null,
  validation: null,
  job: null, // { id, limitSeconds, startedAt, elapsed, status }
  schedule: null,
  analyzed: false,
  edited: false,
  view: 'rooms',
  site: null,
  worker: null,
  org: null,
  highlight: null, // { name, keys: Set }
  recommendations: new Map(),
  scores: [],
  status: null, // { key, values }
  events: null,
};

// --- Start

function init() {
  translatePage();
  onTokenNeeded(askForToken);
  $('language').addEventListener('click', () => {
    setLanguage(currentLanguage() === 'zh' ? 'en' : 'zh');
    renderAll();
    askAgainInLanguage();
  });
  $('demo-load').addEventListener('click', loadDemo);
  $('demo-select').addEventListener('change', loadDemo);
  $('plan-file').addEventListener('change', (event) => {
    const file = event.target.files?.[0];
    if (file) {
      readFile(file);
    }
    event.target.value = '';
  });
  setUpDropping();
  $('solve').addEventListener('click', solve);
  $('stop').addEventListener('click', stop);
  $('download-json').addEventListener('click', downloadJson);
  $('download-csv').addEventListener('click', () => downloadExport('csv'));
  $('download-ics').addEventListener('click', () => downloadExport('ics'));
  $('download-xlsx').addEventListener('click', () => downloadExport('xlsx', `?lang=${currentLanguage()}`));
  $('download-plan-xlsx').addEventListener('click', downloadPlanWorkbook);
  $('print').addEventListener('click', () => window.print());
  $('print-rooms').addEventListener('click', () => printPages('rooms'));
  $('print-workers').addEventListener('click', () => printPages('workers'));
  $('next-week').addEventListener('click', planNextWeek);
  $('clear-highlight').addEventListener('click', () => {
    state.highlight = null;
    renderAll();
  });
  document.querySelectorAll('.tab').forEach((tab) => tab.addEventListener('click', () => {
    state.view = tab.dataset.view;
    renderAll();
  }));
  setUpFeeds({ state: () => state, showMessage, describeError });
  $('site-select').addEventListener('change', (e) => { state.site = e.target.value; renderViews(); });
  $('worker-select').addEventListener('change', (e) => { state.worker = e.target.value; renderViews(); });
  $('org-select').addEventListener('change', (e) => { state.org = e.target.value; renderViews(); });
  setUpEditing({ state, render: renderAll, showMessage, describeError });
  renderAll();
  loadDemoList();
}

async function loadDemoList() {
  try {
    const demos = await api.demoPlans();
    const select = $('demo-select');
    select.replaceChildren(...demos.map((demo) => {
      const option = el('option', '', demo.title);
      option.value = demo.name;
      return option;
    }));
    const wanted = new URLSearchParams(location.search).get('demo');
    if (wanted && demos.some((demo) => demo.name === wanted)) {
      select.value = wanted;
      loadDemo();
    }
  } catch (error) {
    showMessage(describeError(error));
  }
}

// --- 1. Getting a plan in

async function loadDemo() {
  const name = $('demo-select').value;
  if (!name) {
    return;
  }
  try {
    const plan = await api.demoPlan(name);
    await usePlan(JSON.stringify(plan));
  } catch (error) {
    showMessage(describeError(error));
  }
}

function readFile(file) {
  if (/\.xlsx$/i.test(file.name)) {
    readWorkbook(file);
    return;
  }
  const reader = new FileReader();
  reader.onload = () => usePlan(String(reader.result));
  reader.readAsText(file, 'utf-8');
}

/** A workbook goes to the server, which answers its plan (then used as any plan) or its errors at sheet!cell. */
async function readWorkbook(file) {
  hideMessage();
  setStatus('plan.loading');
  let checked;
  try {
    checked = await validateWorkbook(file);
  } catch (error) {
    showMessage(describeError(error));
    return;
  }
  state.workbook = file;
  state.validatedText = checked.text ?? null;
  if (!checked.text) {
    showInvalidPlan(checked.validation);
    return;
  }
  takePlan(checked.text, checked.validation);
}

/**
 * A workbook's validation in the page's language: its errors at sheet!cell, or its plan's validation with what the
 * reading ignored (an unknown column, a sheet of no part) first; {@code text} is the plan's JSON when it is valid.
 */
async function validateWorkbook(file) {
  let converted;
  try {
    converted = await api.convertWorkbook(file);
  } catch (error) {
    if (error.status === 400 && error.body?.valid === false) {
      return { validation: error.body };
    }
    throw error;
  }
  const text = JSON.stringify(converted.plan);
  const validation = await api.validate(text);
  validation.diagnostics = [...converted.diagnostics, ...(validation.diagnostics ?? [])];
  return { text: validation.valid ? text : null, validation };
}

function setUpDropping() {
  const zone = $('drop-zone');
  let depth = 0;
  document.addEventListener('dragenter', (event) => {
    event.preventDefault();
    depth += 1;
    document.body.classList.add('dragging');
  });
  document.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) {
      document.body.classList.remove('dragging');
    }
  });
  document.addEventListener('dragover', (event) => event.preventDefault());
  document.addEventListener('drop', (event) => {
    event.preventDefault();
    depth = 0;
    document.body.classList.remove('dragging');
    const file = event.dataTransfer?.files?.[0];
    if (file) {
      readFile(file);
    }
  });
  zone.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      $('plan-file').click();
    }
  });
}

/** Validates the plan on the server; a valid one replaces the current plan, an invalid one shows its errors. */
async function usePlan(text) {
  hideMessage();
  setStatus('plan.loading');
  let validation;
  try {
    validation = await api.validate(text);
  } catch (error) {
    showMessage(describeError(error));
    return;
  }
  state.workbook = null;
  state.validatedText = text;
  if (!validation.valid) {
    showInvalidPlan(validation);
    return;
  }
  takePlan(text, validation);
}

/** A valid plan becomes the page's: its week drawn, ready to solve. */
function takePlan(text, validation) {
  state.validation = validation;
  state.planText = text;
  state.plan = JSON.parse(text);
  state.index = indexPlan(state.plan);
  state.site = state.plan.sites?.[0]?.id ?? null;
  state.worker = state.plan.workers?.[0]?.id ?? null;
  state.org = state.plan.organizations?.[0]?.id ?? null;
  resetSchedule();
  setStatus('solve.ready');
  renderAll();
}

/** An invalid plan (JSON or a workbook) replaces the current one: its errors show, nothing can be solved. */
function showInvalidPlan(validation) {
  state.validation = validation;
  state.plan = null;
  state.planText = null;
  state.index = null;
  resetSchedule();
  setStatus('solve.idle');
  renderAll();
}

/**
 * After a language switch: the server's messages (plan errors, diagnostics, reasons, justifications, constraint
 * names) are asked for again, in the new language; a solve in progress gets them with its next best schedule.
 */
async function askAgainInLanguage() {
  try {
    if (state.workbook) {
      state.validation = (await validateWorkbook(state.workbook)).validation;
    } else if (state.validatedText) {
      state.validation = await api.validate(state.validatedText);
    }
    const solving = state.job && state.job.status !== 'NOT_SOLVING';
    if (state.schedule && !solving) {
      state.schedule = state.analyzed ? await api.analyze(currentRequest({})) : await api.schedule(state.job.id);
      state.recommendations = new Map();
    }
  } catch (error) {
    showMessage(describeError(error));
  }
  renderAll();
}

function resetSchedule() {
  resetEditing();
  state.events?.abort();
  state.job = null;
  state.schedule = null;
  state.analyzed = false;
  state.edited = false;
  state.highlight = null;
  state.recommendations = new Map();
  state.scores = [];
}

// --- 2. Solving

async function solve() {
  if (!state.planText) {
    return;
  }
  const limit = $('time-limit').value;
  resetSchedule();
  hideMessage();
  let submitted;
  try {
    submitted = await api.submit(state.planText, limit);
  } catch (error) {
    showMessage(describeError(error));
    return;
  }
  state.job = {
    id: submitted.id, status: submitted.status, limitSeconds: parseInt(submitted.timeLimit ?? limit, 10) || parseInt(limit, 10),
    startedAt: null, elapsed: 0,
  };
  setStatus('solve.scheduled');
  renderAll();
  const job = state.job;
  const ticker = setInterval(() => tick(job), 200);
  const controller = new AbortController();
  state.events = controller;
  let lastFetch = 0;
  let refreshing = null;
  const refresh = async () => {
    const schedule = await api.schedule(job.id);
    if (state.job === job && job.status !== 'NOT_SOLVING') {
      state.schedule = schedule;
      renderAll();
    }
  };
  try {
    await followEvents(job.id, (name, data) => {
      if (state.job !== job || typeof data !== 'object') {
        return;
      }
      job.status = data.status ?? job.status;
      if (typeof data.seconds === 'number') {
        job.elapsed = data.seconds;
        job.startedAt = performance.now() - data.seconds * 1000;
      }
      if (data.score) {
        job.live = data;
        if (state.scores.at(-1) !== data.score) {
          state.scores.push(data.score);
        }
      }
      if (name === 'best' && performance.now() - lastFetch > 800 && !refreshing) {
        lastFetch = performance.now();
        refreshing = refresh().catch(() => {}).finally(() => { refreshing = null; });
      }
      if (name === 'done' && data.error) {
        job.error = data.error.message ?? data.error;
      }
      if (job.status === 'SOLVING_ACTIVE') {
        setStatus('solve.active', job);
      }
      renderProgress();
    }, controller.signal);
  } catch (error) {
    if (controller.signal.aborted) {
      clearInterval(ticker);
      return;
    }
    showMessage(describeError(error));
  }
  clearInterval(ticker);
  if (state.job !== job) {
    return;
  }
  await refreshing;
  job.status = 'NOT_SOLVING';
  await finish(job);
}

function tick(job) {
  if (state.job !== job || job.status !== 'SOLVING_ACTIVE' || job.startedAt === null) {
    return;
  }
  job.elapsed = (performance.now() - job.startedAt) / 1000;
  setStatus('solve.active', job);
  renderProgress();
}

/** The final schedule, analyzed so that each constraint lists the sessions it concerns. */
async function finish(job) {
  try {
    job.finished = (await api.schedule(job.id)).finished;
    const analyzed = await api.analyze({ job: job.id });
    state.schedule = analyzed;
    state.analyzed = true;
    if (job.error) {
      setStatus('solve.failed', { error: job.error });
    } else if (job.stopped) {
      setStatus('solve.stopped');
    } else {
      setStatus('solve.done', job);
    }
  } catch (error) {
    showMessage(describeError(error));
  }
  renderAll();
}

async function stop() {
  const job = state.job;
  if (!job) {
    return;
  }
  job.stopped = true;
  try {
    await api.stop(job.id);
  } catch (error) {
    showMessage(describeError(error));
  }
}

/** Next week's plan from the server (this week's placements, edits included, as previous), loaded ready to solve. */
async function planNextWeek() {
  const job = state.job;
  if (!job) {
    return;
  }
  let plan;
  try {
    plan = await api.nextWeek(job.id, state.edited
      ? { sessions: state.schedule.sessions, unassigned: state.schedule.unassigned ?? [] } : undefined);
  } catch (error) {
    showMessage(describeError(error));
    return;
  }
  await usePlan(JSON.stringify(plan, null, 2));
  if (state.plan) {
    setStatus('nextWeek.loaded', { week: plan.week?.startDate ? formatDate(plan.week.startDate) : '–' });
  }
}

// --- 5. Fitting a late request

function currentRequest(extra) {
  if (!state.edited && state.job) {
    return { job: state.job.id, ...extra };
  }
  return {
    plan: state.plan, schedule: { sessions: state.schedule.sessions, unassigned: state.schedule.unassigned ?? [] },
    ...extra,
  };
}

async function recommend(unassigned) {
  const key = sessionKey(unassigned);
  state.recommendations.set(key, { loading: true });
  renderUnassigned();
  try {
    const answer = await api.recommend(currentRequest({
      session: { activity: unassigned.activity, session: unassigned.session }, limit: 5,
    }));
    state.recommendations.set(key, answer);
  } catch (error) {
    state.recommendations.set(key, { error: describeError(error) });
  }
  renderUnassigned();
}

/** A recommended place taken: an edit like any other (edit.js), undone the same way. */
function apply(unassigned, placement) {
  moveTo(sessionKey(unassigned), placement.room, placement.day, minutes(placement.start));
}

// --- 6. Taking it away

function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = el('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function downloadJson() {
  if (!state.schedule) {
    return;
  }
  const document = { ...(state.job ? { id: state.job.id } : {}), ...state.schedule };
  save(new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' }),
    `schedule-${state.job?.id ?? 'edited'}.json`);
}

async function downloadExport(kind, query = '') {
  if (!state.job) {
    return;
  }
  try {
    if (hasUnsavedEdits()) {
      await saveEdits(); // the export is the week as the page shows it
    }
    const blob = await api.download(`/api/schedules/${encodeURIComponent(state.job.id)}/export.${kind}${query}`);
    save(blob, `schedule-${state.job.id}.${kind}`);
  } catch (error) {
    showMessage(describeError(error));
  }
}

/** The notice-board sheets: one A4 page per room or per worker; only they are printed. */
function printPages(kind) {
  if (!state.index) {
    return;
  }
  renderPrintPages($('print-pages'), state.index, sessionsShown(), kind);
  document.body.dataset.print = kind;
  window.addEventListener('afterprint', () => { delete document.body.dataset.print; }, { once: true });
  window.print();
}

async function downloadPlanWorkbook() {
  if (!state.planText) {
    return;
  }
  try {
    save(await api.planWorkbook(state.planText, currentLanguage()), 'plan.xlsx');
  } catch (error) {
    showMessage(describeError(error));
  }
}

// --- The token dialog

let pendingToken = null;

function askForToken(rejected) {
  pendingToken ??= new Promise((resolve) => {
    const dialog = $('token-dialog');
    $('token-rejected').hidden = !rejected;
    $('token-input').value = '';
    dialog.addEventListener('close', () => {
      const token = $('token-input').value.trim();
      resolve(dialog.returnValue === 'ok' && token ? token : null);
    }, { once: true });
    dialog.showModal();
    $('token-input').focus();
  }).finally(() => {
    setTimeout(() => { pendingToken = null; }, 0);
  });
  return pendingToken;
}

// --- Drawing

function renderAll() {
  translatePage();
  $('language').textContent = t('lang.other');
  $('language').lang = currentLanguage() === 'zh' ? 'en' : 'zh-CN';
  $('plan-title').textContent = state.plan
    ? `${state.plan.name ?? ''}${state.plan.week?.timeZone ? ` · ${state.plan.week.timeZone}` : ''}` : '';
  renderPlanStatus();
  renderStatus();
  renderProgress();
  renderSummary();
  renderViews();
  renderUnassigned();
  renderConstraints();
  const solving = state.job && state.job.status !== 'NOT_SOLVING';
  $('solve').disabled = !state.plan || Boolean(solving);
  $('stop').hidden = !solving;
  $('time-limit').disabled = Boolean(solving);
  const done = state.schedule && state.job && !solving;
  $('download-json').disabled = !state.schedule;
  $('download-csv').disabled = !done;
  $('download-ics').disabled = !done;
  $('download-xlsx').disabled = !done;
  $('download-plan-xlsx').disabled = !state.planText;
  $('print').disabled = !state.plan;
  $('print-rooms').disabled = !state.plan;
  $('print-workers').disabled = !state.plan || !(state.plan.workers?.length);
  $('next-week').hidden = !done;
  renderFeeds(state);
}

function renderPlanStatus() {
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
    const list = el('ul', 'problem-list');
    for (const problem of v.errors) {
      const item = el('li');
      item.append(el('code', 'path', problem.path), el('span', 'problem', problem.message));
      list.append(item);
    }
    errors.replaceChildren(el('h3', '', t('plan.invalid', { n: v.errors.length })), list);
  }
  const notes = v.diagnostics ?? [];
  diagnostics.hidden = notes.length === 0;
  if (notes.length) {
    const list = el('ul', 'problem-list');
    for (const note of notes) {
      const item = el('li', note.severity ?? '');
      item.append(el('code', 'path', note.path ?? ''), el('span', 'problem', note.message));
      list.append(item);
    }
    diagnostics.replaceChildren(el('h3', '', t('plan.diagnostics')), list);
  }
}

function setStatus(key, values = {}) {
  state.status = { key, values };
  renderStatus();
}

function renderStatus() {
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
    // an instant, shown in the plan's time zone
    text += ` · ${formatInstant(state.job.finished, state.plan?.week?.timeZone ?? 'Asia/Shanghai')}`;
  }
  $('solve-status').textContent = text;
}

function renderProgress() {
  const job = state.job;
  const solving = job && job.status !== 'NOT_SOLVING';
  $('progress').hidden = !job;
  if (job) {
    const fraction = solving ? Math.min(1, (job.elapsed || 0) / (job.limitSeconds || 1)) : 1;
    $('progress-bar').style.width = `${(fraction * 100).toFixed(1)}%`;
    $('progress').classList.toggle('finished', !solving);
  }
  const live = job?.live;
  $('live').hidden = !live;
  if (live) {
    $('live-score').textContent = live.score;
    $('live-counts').textContent = live.placed !== undefined
      ? t('solve.placed', { placed: live.placed, unassigned: live.unassigned }) : '';
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

function parseScore(score) {
  const level = (name) => Number((String(score).match(new RegExp(`(-?\\d+)${name}`)) ?? [0, 0])[1]);
  return { hard: level('hard'), medium: level('medium'), soft: level('soft') };
}

function renderSummary() {
  const schedule = state.schedule;
  $('summary').hidden = !schedule?.score;
  if (!schedule?.score) {
    return;
  }
  const score = parseScore(schedule.score);
  const hardMatches = (schedule.constraints ?? []).filter((c) => c.level === 'hard')
    .reduce((sum, c) => sum + (Array.isArray(c.matches) ? c.matches.length : c.matches ?? 0), 0);
  const unassigned = schedule.unassigned?.length ?? 0;
  const parts = [
    score.hard < 0 ? t('summary.hardBroken', { n: hardMatches || -score.hard }) : t('summary.hardOk'),
    unassigned ? t('summary.unassigned', { n: unassigned }) : t('summary.allPlaced'),
  ];
  if (score.soft < 0) {
    parts.push(t('summary.soft', { n: formatNumber(-score.soft) }));
  }
  const sentence = parts.join(currentLanguage() === 'zh' ? '；' : '; ');
  $('summary-text').textContent = currentLanguage() === 'zh' ? `${sentence}。`
    : `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
  $('summary-score').textContent = schedule.score;
  $('summary').classList.toggle('bad', score.hard < 0);
  $('summary').classList.toggle('warn', score.hard >= 0 && unassigned > 0);
}

function sessionsShown() {
  return state.schedule?.sessions ?? [];
}

function fillSelect(select, items, selected) {
  select.replaceChildren(...items.map(([value, label]) => {
    const option = el('option', '', label);
    option.value = value;
    return option;
  }));
  if (selected) {
    select.value = selected;
  }
}

function renderViews() {
  document.querySelectorAll('.tab').forEach((tab) => tab.classList.toggle('active', tab.dataset.view === state.view));
  const index = state.index;
  const grid = $('grid');
  const table = $('view-table');
  $('site-picker').hidden = !index || state.view === 'workers' || (state.plan.sites?.length ?? 0) < 2;
  $('worker-picker').hidden = !index || state.view !== 'workers';
  $('org-picker').hidden = !index || state.view !== 'orgs';
  if (!index) {
    grid.replaceChildren(el('p', 'empty muted', t('grid.empty')));
    table.replaceChildren();
    $('legend').replaceChildren();
    renderEditing();
    return;
  }
  fillSelect($('site-select'), (state.plan.sites ?? []).map((s) => [s.id, s.name ?? s.id]), state.site);
  fillSelect($('worker-select'), (state.plan.workers ?? []).map((w) => [w.id, w.name ?? w.id]), state.worker);
  fillSelect($('org-select'), (state.plan.organizations ?? []).map((o) => [o.id, o.name ?? o.id]), state.org);
  renderLegend($('legend'), index, state.view);
  const options = { site: state.site, highlight: state.highlight?.keys };
  if (state.view === 'workers') {
    table.replaceChildren(workerTable());
    renderWorkerGrid(grid, index, sessionsShown(), state.worker, options);
  } else if (state.view === 'orgs') {
    table.replaceChildren(orgTable());
    renderRoomGrid(grid, index, sessionsShown(), { ...options, focusOrg: state.org });
  } else {
    table.replaceChildren();
    renderRoomGrid(grid, index, sessionsShown(), options);
  }
  renderEditing();
}

function hours(minutesCount) {
  return currentLanguage() === 'zh'
    ? `${formatNumber(minutesCount / 60, 1)} 小时` : `${formatNumber(minutesCount / 60, 1)} h`;
}

function workerTable() {
  const totals = new Map((state.schedule?.workers ?? []).map((w) => [w.id, w]));
  const table = el('table', 'data-table');
  const head = el('tr');
  for (const key of ['workers.name', 'workers.org', 'workers.hours', 'workers.overtime']) {
    head.append(el('th', '', t(key)));
  }
  table.append(el('thead'), el('tbody'));
  table.tHead.append(head);
  for (const worker of state.plan.workers ?? []) {
    const total = totals.get(worker.id);
    const row = el('tr', worker.id === state.worker ? 'selected' : '');
    row.dataset.worker = worker.id;
    const overtime = total?.overtimeMinutes ?? 0;
    row.append(el('td', '', worker.name ?? worker.id),
      el('td', '', state.index.organizations.get(worker.organization)?.name ?? t('workers.none')),
      el('td', 'num', total ? hours(total.activityMinutes) : '–'),
      el('td', `num${overtime > 0 ? ' overtime-cell' : ''}`, total ? t('minutes', { n: overtime }) : '–'));
    row.addEventListener('click', () => {
      state.worker = worker.id;
      renderViews();
    });
    table.tBodies[0].append(row);
  }
  return table;
}

function orgTable() {
  const totals = new Map((state.schedule?.organizations ?? []).map((o) => [o.id, o]));
  const table = el('table', 'data-table');
  const head = el('tr');
  for (const key of ['orgs.name', 'orgs.requested', 'orgs.assigned']) {
    head.append(el('th', '', t(key)));
  }
  table.append(el('thead'), el('tbody'));
  table.tHead.append(head);
  for (const [id, org] of state.index.organizations) {
    const total = totals.get(id);
    const row = el('tr', id === state.org ? 'selected' : '');
    const name = el('td');
    const swatch = el('span', 'swatch org');
    swatch.style.setProperty('--hue', String(state.index.hue(id)));
    name.append(swatch, document.createTextNode(org.name ?? id));
    const bar = el('td', 'num');
    if (total) {
      const meter = el('span', 'meter');
      const fill = el('span', 'meter-fill');
      fill.style.width = `${total.requestedSessions ? (100 * total.assignedSessions) / total.requestedSessions : 0}%`;
      meter.append(fill);
      bar.append(meter, document.createTextNode(` ${total.assignedSessions}`));
      bar.classList.toggle('short', total.assignedSessions < total.requestedSessions);
    } else {
      bar.textContent = '–';
    }
    row.append(name, el('td', 'num', total ? String(total.requestedSessions) : '–'), bar);
    row.addEventListener('click', () => {
      state.org = id;
      renderViews();
    });
    table.tBodies[0].append(row);
  }
  return table;
}

function placementText(p) {
  const room = state.index.rooms.get(p.room)?.name ?? p.room;
  return `${dayName(p.day)}${p.date ? ` ${formatDate(p.date)}` : ''} ${p.start}–${p.end} · ${room}`;
}

function renderUnassigned() {
  const list = $('unassigned');
  const unassigned = state.schedule?.unassigned ?? [];
  if (!state.schedule) {
    list.replaceChildren();
    return;
  }
  if (unassigned.length === 0) {
    list.replaceChildren(el('li', 'muted none', t('unassigned.none')));
    return;
  }
  const solving = state.job && state.job.status !== 'NOT_SOLVING';
  list.replaceChildren(...unassigned.map((item) => {
    const key = sessionKey(item);
    const li = el('li', 'unassigned-item');
    li.dataset.key = key;
    const head = el('div', 'unassigned-head');
    head.append(el('strong', 'unassigned-name', `${activityName(state.index, item.activity)} #${item.session}`));
    const button = el('button', 'small', t('unassigned.recommend'));
    button.type = 'button';
    button.disabled = Boolean(solving);
    button.addEventListener('click', () => recommend(item));
    head.append(button);
    li.append(head);
    const reasons = el('ul', 'reasons');
    for (const reason of item.reasons ?? []) {
      reasons.append(el('li', 'reason', reason.message ?? reason));
    }
    li.append(reasons);
    const found = state.recommendations.get(key);
    if (found) {
      li.append(recommendationList(item, found));
    }
    return li;
  }));
  decorateUnassigned();
}

function recommendationList(item, found) {
  const box = el('div', 'recommendations');
  if (found.loading) {
    box.append(el('span', 'muted', '…'));
  } else if (found.error) {
    box.append(el('span', 'error', found.error));
  } else if (!found.recommendations?.length) {
    box.append(el('span', 'muted', found.reason ? `${t('unassigned.noPlace')}: ${found.reason.message ?? found.reason}`
      : t('unassigned.noPlace')));
  } else {
    const list = el('ol', 'recommendation-list');
    for (const placement of found.recommendations) {
      const li = el('li');
      const text = el('span', 'placement', placementText(placement));
      const diff = el('span', `diff${parseScore(placement.scoreDifference).hard < 0 ? ' bad' : ''}`,
        t('recommend.diff', { diff: placement.scoreDifference }));
      diff.title = (placement.constraints ?? []).map((c) => `${constraintName(c)}: ${c.score}`).join('\n');
      const button = el('button', 'small primary', t('recommend.apply'));
      button.type = 'button';
      button.addEventListener('click', () => apply(item, placement));
      li.append(text, diff, button);
      list.append(li);
    }
    box.append(list);
  }
  return box;
}

const LEVEL_ORDER = { hard: 0, medium: 1, soft: 2 };

function renderConstraints() {
  const list = $('constraints');
  const constraints = state.schedule?.constraints ?? [];
  $('clear-highlight').hidden = !state.highlight;
  const count = (c) => (Array.isArray(c.matches) ? c.matches.length : c.matches ?? 0);
  const broken = constraints.filter((c) => count(c) > 0)
    .sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || compareScores(a.score, b.score));
  const holding = constraints.filter((c) => count(c) === 0);
  const items = broken.map((constraint) => {
    const li = el('li', `constraint level-${constraint.level}`);
    li.dataset.name = constraint.name;
    if (state.highlight?.name === constraint.name) {
      li.classList.add('selected');
    }
    const button = el('button', 'constraint-button');
    button.type = 'button';
    button.append(el('span', `level-tag ${constraint.level}`, t(`level.${constraint.level}`)),
      el('span', 'constraint-name', constraintName(constraint)),
      el('span', 'constraint-count', t('constraints.matches', { n: count(constraint) })),
      el('span', 'constraint-score', shortScore(constraint)));
    button.title = constraint.name;
    button.addEventListener('click', () => chooseConstraint(constraint));
    li.append(button);
    if (state.highlight?.name === constraint.name && constraint.justifications) {
      const details = el('ul', 'justifications');
      for (const justification of constraint.justifications.slice(0, 30)) {
        details.append(el('li', '', justification.description ?? ''));
      }
      li.append(details);
    }
    return li;
  });
  if (holding.length) {
    const li = el('li', 'constraint holding');
    li.textContent = `✓ ${holding.map(constraintName).join(currentLanguage() === 'zh' ? '、' : ', ')}`;
    items.push(li);
  }
  list.replaceChildren(...items);
}

function shortScore(constraint) {
  const s = parseScore(constraint.score);
  return String(s[constraint.level] ?? constraint.score);
}

function compareScores(a, b) {
  const x = parseScore(a);
  const y = parseScore(b);
  return x.hard - y.hard || x.medium - y.medium || x.soft - y.soft;
}

async function chooseConstraint(constraint) {
  if (state.highlight?.name === constraint.name) {
    state.highlight = null;
    renderAll();
    return;
  }
  let chosen = constraint;
  if (!constraint.justifications && state.job) {
    try {
      state.schedule = await api.analyze(currentRequest({}));
      state.analyzed = true;
      chosen = state.schedule.constraints.find((c) => c.name === constraint.name) ?? constraint;
    } catch (error) {
      showMessage(describeError(error));
      return;
    }
  }
  const keys = new Set((chosen.justifications ?? []).flatMap((j) => j.sessions ?? []));
  state.highlight = { name: constraint.name, keys };
  renderAll();
}

// --- Messages

function describeError(error) {
  if (error instanceof TypeError) {
    return t('error.network', { error: error.message });
  }
  return t('error.server', { error: error.message });
}

function showMessage(text) {
  $('message').textContent = text;
  $('message').hidden = false;
}

function hideMessage() {
  $('message').hidden = true;
}

// Sessions of a weekday in order, for screen readers and tests: not used for drawing.
export function sessionsOn(day) {
  return sessionsShown().filter((s) => s.day === day).sort((a, b) => minutes(a.start) - minutes(b.start));
}

export { DAYS };

init();
