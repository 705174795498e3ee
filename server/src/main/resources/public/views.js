// The week on screen, drawn from the state: the tabs (rooms, workers, organisations), their pickers, the legend,
// the grid (grid.js) and the table above it (each worker's hours, each organisation's sessions placed).

import { t, hours, constraintName } from './i18n.js';
import { $, el, fillSelect, headedTable } from './util.js';
import { state, choose, redraw } from './state.js';
import { renderRoomGrid, renderWorkerGrid, renderLegend, orgSwatch } from './grid.js';
import { renderEditing } from './edit-view.js';

/** The tabs and pickers change what the week shows; the arrow keys, Home and End move along the tabs. */
export function setUpViews() {
  const tabs = [...document.querySelectorAll('.tab')];
  const open = (tab) => {
    choose('view', tab.dataset.view);
    redraw();
  };
  tabs.forEach((tab) => tab.addEventListener('click', () => open(tab)));
  document.querySelector('.tab-list').addEventListener('keydown', (event) => {
    const at = tabs.indexOf(event.target);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (at < 0 || to === undefined) {
      return;
    }
    event.preventDefault();
    const tab = tabs[(to + tabs.length) % tabs.length];
    open(tab);
    tab.focus();
  });
  for (const what of ['site', 'worker', 'org']) {
    $(`${what}-select`).addEventListener('change', (event) => show(what, event.target.value));
  }
}

/** Shows another site, worker or organisation. */
function show(what, id) {
  choose(what, id);
  renderViews();
}

export function renderViews() {
  for (const tab of document.querySelectorAll('.tab')) {
    const active = tab.dataset.view === state.view;
    tab.classList.toggle('active', active);
    tab.setAttribute('aria-selected', String(active));
    tab.tabIndex = active ? 0 : -1; // one tab in the Tab order; the arrows reach the others
    if (active) {
      $('grid').setAttribute('aria-labelledby', tab.id);
    }
  }
  const { index, plan } = state;
  const grid = $('grid');
  const table = $('view-table');
  $('site-picker').hidden = !index || state.view === 'workers' || (plan.sites?.length ?? 0) < 2;
  $('worker-picker').hidden = !index || state.view !== 'workers';
  $('org-picker').hidden = !index || state.view !== 'orgs';
  if (!index) {
    grid.replaceChildren(el('p', 'empty muted', t('grid.empty')));
    table.replaceChildren();
    $('legend').replaceChildren();
    renderEditing();
    return;
  }
  const named = (list) => (list ?? []).map((item) => [item.id, item.name ?? item.id]);
  fillSelect($('site-select'), named(plan.sites), state.site);
  fillSelect($('worker-select'), named(plan.workers), state.worker);
  fillSelect($('org-select'), named(plan.organizations), state.org);
  renderLegend($('legend'), index, state.view);
  const sessions = state.schedule?.sessions ?? [];
  const options = { site: state.site, highlight: state.highlight?.keys, breaking: hardRulesBrokenBySession() };
  if (state.view === 'workers') {
    table.replaceChildren(workerTable());
    renderWorkerGrid(grid, index, sessions, state.worker, options);
  } else if (state.view === 'orgs') {
    table.replaceChildren(orgTable());
    renderRoomGrid(grid, index, sessions, { ...options, focusOrg: state.org });
  } else {
    table.replaceChildren();
    renderRoomGrid(grid, index, sessions, options);
  }
  renderEditing();
}

/**
 * The hard rules each session breaks, by session key (their names in the page's language), from the analysis of the
 * week on the page: the same justifications that make its score, marked where they are.
 */
function hardRulesBrokenBySession() {
  const breaking = new Map();
  for (const constraint of state.schedule?.constraints ?? []) {
    if (constraint.level !== 'hard') {
      continue;
    }
    for (const justification of constraint.justifications ?? []) {
      for (const key of justification.sessions ?? []) {
        const names = breaking.get(key) ?? [];
        if (!names.includes(constraintName(constraint))) {
          breaking.set(key, [...names, constraintName(constraint)]);
        }
      }
    }
  }
  return breaking;
}

function workerTable() {
  const totals = new Map((state.schedule?.workers ?? []).map((w) => [w.id, w]));
  const table = headedTable('data-table',
    ['workers.name', 'workers.org', 'workers.hours', 'workers.overtime'].map((key) => t(key)));
  for (const worker of state.plan.workers ?? []) {
    const total = totals.get(worker.id);
    const row = el('tr', worker.id === state.worker ? 'selected' : '');
    row.dataset.worker = worker.id;
    const overtime = total?.overtimeMinutes ?? 0;
    row.append(el('td', '', worker.name ?? worker.id),
      el('td', '', state.index.organizations.get(worker.organization)?.name ?? t('workers.none')),
      el('td', 'num', total ? hours(total.activityMinutes) : '–'),
      el('td', `num${overtime > 0 ? ' overtime-cell' : ''}`, total ? t('minutes', { n: overtime }) : '–'));
    row.addEventListener('click', () => show('worker', worker.id));
    table.tBodies[0].append(row);
  }
  return table;
}

function orgTable() {
  const totals = new Map((state.schedule?.organizations ?? []).map((o) => [o.id, o]));
  const table = headedTable('data-table', ['orgs.name', 'orgs.requested', 'orgs.assigned'].map((key) => t(key)));
  for (const [id, org] of state.index.organizations) {
    const total = totals.get(id);
    const row = el('tr', id === state.org ? 'selected' : '');
    const name = el('td');
    name.append(orgSwatch(state.index, id), document.createTextNode(org.name ?? id));
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
    row.addEventListener('click', () => show('org', id));
    table.tBodies[0].append(row);
  }
  return table;
}
