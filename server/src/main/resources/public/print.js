// Sheets for the notice board: one A4 page per room or per worker, in the page's language, each with the week
// drawn as on screen and the same sessions as a table that stays readable from a step away.

import { t, dayName, formatDate, list } from './i18n.js';
import { DAYS, el, headedTable, minutes } from './util.js';
import { sessionLabel, roomName } from './state.js';
import { renderRoomGrid, renderWorkerGrid } from './grid.js';

/** Fills the container with one .print-page per room ('rooms') or per worker ('workers') of the plan. */
export function renderPrintPages(container, index, sessions, kind) {
  const pages = kind === 'workers'
    ? (index.plan.workers ?? []).map((worker) => workerPage(index, sessions, worker))
    : (index.plan.rooms ?? []).map((room) => roomPage(index, sessions, room));
  container.replaceChildren(...pages);
}

function roomPage(index, sessions, room) {
  const site = index.sites.get(room.site) ?? index.plan.sites?.[0];
  const mine = sessions.filter((session) => session.room === room.id);
  const page = sheet(index, room.name ?? room.id, [site?.name ?? site?.id, room.capacity ? t('grid.capacity', { n: room.capacity }) : '']);
  page.dataset.room = room.id;
  const grid = el('div', 'grid-host');
  // The room's own lanes: the grid of its site with this room alone.
  renderRoomGrid(grid, { ...index, plan: { ...index.plan, rooms: [room] } }, mine, { site: site?.id });
  page.append(grid, table(index, mine, ['print.activity', 'print.org', 'print.workers'], (session) => {
    const activity = index.activities.get(session.activity) ?? {};
    return [
      sessionLabel(session, index),
      index.organizations.get(activity.organization)?.name ?? activity.organization ?? '',
      list((activity.workers ?? []).map((id) => index.workers.get(id)?.name ?? id)),
    ];
  }));
  return page;
}

function workerPage(index, sessions, worker) {
  const mine = sessions.filter((session) => (index.activities.get(session.activity)?.workers ?? []).includes(worker.id));
  const page = sheet(index, worker.name ?? worker.id, [index.organizations.get(worker.organization)?.name ?? worker.organization]);
  page.dataset.worker = worker.id;
  const grid = el('div', 'grid-host');
  renderWorkerGrid(grid, index, mine, worker.id, {});
  page.append(grid, table(index, mine, ['print.activity', 'print.room'], (session) => [
    sessionLabel(session, index),
    roomName(session.room, index),
  ]));
  return page;
}

/** A page with its title (the room or worker), what it belongs to, and the plan's week. */
function sheet(index, title, details) {
  const page = el('section', 'print-page');
  const head = el('header', 'print-head');
  head.append(el('h2', 'print-title', title));
  const line = [...details, week(index)].filter(Boolean).join(' · ');
  head.append(el('p', 'print-details', line));
  page.append(head);
  return page;
}

function week(index) {
  const dates = Object.values(index.dates);
  const name = index.plan.name ?? '';
  return dates.length ? `${name} (${formatDate(dates[0])} – ${formatDate(dates.at(-1))})` : name;
}

/** The sessions in time order: day, date, time, then the columns asked for. */
function table(index, sessions, headings, cells) {
  if (sessions.length === 0) {
    return el('p', 'print-none', t('print.none'));
  }
  const rows = headedTable('print-table', ['print.day', 'print.time', ...headings].map((key) => t(key)));
  const ordered = [...sessions].sort((a, b) => DAYS.indexOf(a.day) - DAYS.indexOf(b.day)
    || minutes(a.start) - minutes(b.start));
  for (const session of ordered) {
    const row = el('tr');
    const date = index.dates[session.day];
    row.append(el('td', '', `${dayName(session.day)}${date ? ` ${formatDate(date)}` : ''}`),
      el('td', '', `${session.start}–${session.end}`));
    for (const cell of cells(session)) {
      row.append(el('td', '', cell));
    }
    rows.tBodies[0].append(row);
  }
  return rows;
}
