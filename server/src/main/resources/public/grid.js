// The week drawn as lanes: for each day a row per room (or one row for a worker), time running left to right.
// Opening hours are light, on-request hours hatched, closed time grey; a session is a block as long as it lasts.

import { t, dayName, formatDate, list } from './i18n.js';
import { DAYS, DAY_MINUTES, el, gaps, hoursOn, minutes, clock } from './util.js';
import { sessionKey, sessionLabel, roomName } from './state.js';

/** The hours the grid spans: whole hours around every opening range and session. */
function span(index, sessions, hoursLists) {
  let from = DAY_MINUTES;
  let to = 0;
  for (const hours of hoursLists) {
    for (const day of DAYS) {
      for (const [a, b] of hoursOn(hours, day)) {
        from = Math.min(from, a);
        to = Math.max(to, b);
      }
    }
  }
  for (const session of sessions) {
    from = Math.min(from, minutes(session.start));
    to = Math.max(to, minutes(session.end));
  }
  if (from >= to) {
    return { from: 8 * 60, to: 18 * 60 };
  }
  return { from: Math.floor(from / 60) * 60, to: Math.ceil(to / 60) * 60 };
}

function place(element, from, to, range) {
  const width = range.to - range.from;
  element.style.left = `${((from - range.from) / width) * 100}%`;
  element.style.width = `${((to - from) / width) * 100}%`;
}

function axis(range, labelColumns) {
  const row = el('div', 'axis');
  row.style.gridColumn = `1 / span ${labelColumns + 1}`;
  const ticks = el('div', 'axis-ticks');
  row.append(el('div', 'axis-spacer'), ticks);
  for (let m = range.from; m < range.to; m += 60) {
    const tick = el('span', 'tick', clock(m));
    place(tick, m, m + 60, range);
    ticks.append(tick);
  }
  return row;
}

function track(range) {
  const element = el('div', 'track');
  element.style.setProperty('--hours', String((range.to - range.from) / 60));
  return element;
}

function shade(trackElement, className, from, to, range) {
  const a = Math.max(from, range.from);
  const b = Math.min(to, range.to);
  if (b > a) {
    const segment = el('div', `shade ${className}`);
    place(segment, a, b, range);
    trackElement.append(segment);
  }
}

/** One session as a block; the classes say loud/quiet/pinned and whether it breaks a hard rule, the hue its organisation. */
function block(index, session, range, options) {
  const activity = index.activities.get(session.activity) ?? {};
  const org = activity.organization;
  const element = el('div', 'block');
  element.dataset.key = sessionKey(session);
  element.dataset.org = org ?? '';
  const hue = index.hue(org);
  if (hue !== undefined) {
    element.style.setProperty('--hue', String(hue));
  } else {
    element.classList.add('no-org');
  }
  const noise = activity.noise ?? 'NORMAL';
  if (noise === 'LOUD') {
    element.classList.add('loud');
  } else if (noise === 'QUIET') {
    element.classList.add('quiet');
  }
  if (session.pinned) {
    element.classList.add('pinned');
  }
  const broken = options.breaking?.get(element.dataset.key);
  if (broken) {
    element.classList.add('breaks');
  }
  if (options.highlight?.has(element.dataset.key)) {
    element.classList.add('hl');
  }
  if (options.focusOrg && options.focusOrg !== org) {
    element.classList.add('faded');
  }
  place(element, minutes(session.start), minutes(session.end), range);
  const label = sessionLabel(session, index);
  const time = `${session.start}–${session.end}`;
  const room = roomName(session.room, index);
  const name = el('span', 'block-name', `${label} `); // the space keeps name and time apart when read out
  const detail = options.showRoom ? `${time} · ${room}` : time;
  element.append(name, el('span', 'block-time', detail));
  const workers = list((activity.workers ?? []).map((id) => index.workers.get(id)?.name ?? id));
  const flags = list([noise === 'LOUD' ? t('session.loud') : '', noise === 'QUIET' ? t('session.quiet') : '',
    session.pinned ? t('session.pinned') : ''].filter(Boolean));
  // A button a keyboard reaches (Enter picks it, edit.js), named as its tooltip says.
  element.tabIndex = 0;
  element.setAttribute('role', 'button');
  element.title = [
    label,
    `${dayName(session.day)} ${time}`,
    `${t('session.room')}: ${room}`,
    org ? `${t('view.org')}: ${index.organizations.get(org)?.name ?? org}` : '',
    workers ? `${t('session.workers')}: ${workers}` : '',
    flags,
    broken ? `${t('session.breaks')}: ${list(broken)}` : '',
  ].filter(Boolean).join('\n');
  // Named first as it reads on screen, then as its tooltip says.
  element.setAttribute('aria-label', [`${label} ${detail}`, ...element.title.split('\n').slice(1)]
    .join(t('sentenceSeparator')));
  if (options.overtime) {
    for (const [a, b] of options.overtime(session)) {
      const over = el('div', 'overtime');
      const from = minutes(session.start);
      const length = minutes(session.end) - from;
      over.style.left = `${((a - from) / length) * 100}%`;
      over.style.width = `${((b - a) / length) * 100}%`;
      element.append(over);
    }
  }
  return element;
}

/** A day's rows, across the whole grid. */
function daySection(day) {
  const section = el('div', 'day');
  section.dataset.day = day;
  section.style.gridColumn = '1 / -1';
  return section;
}

function dayLabel(index, day, rows, closed) {
  const label = el('div', 'day-label');
  label.style.gridRow = `span ${rows}`;
  label.append(el('strong', '', dayName(day)));
  if (index.dates[day]) {
    label.append(el('span', 'date', formatDate(index.dates[day])));
  }
  if (closed) {
    label.append(el('span', 'closed-note', t('grid.closedDay')));
  }
  if (index.worksAs[day]) {
    label.append(el('span', 'works-as-note', t('grid.worksAs', { day: dayName(index.worksAs[day]) })));
  }
  return label;
}

/** The rooms of one site, a row each, for every day the site opens or has sessions. */
export function renderRoomGrid(container, index, sessions, options) {
  const site = index.sites.get(options.site) ?? index.plan.sites?.[0];
  // A room may leave out its site when the plan has only one.
  const rooms = (index.plan.rooms ?? []).filter((room) => (room.site ?? index.plan.sites?.[0]?.id) === site?.id);
  const roomIds = new Set(rooms.map((room) => room.id));
  const here = sessions.filter((session) => roomIds.has(session.room));
  const range = span(index, here, [site?.openingHours, site?.onRequestHours, ...rooms.map((r) => r.openingHours)]);
  const grid = el('div', 'grid rooms-grid');
  grid.classList.toggle('has-highlight', Boolean(options.highlight?.size));
  grid.classList.toggle('has-focus', Boolean(options.focusOrg));
  grid.append(axis(range, 2));
  const closedDates = new Set(site?.closedDates ?? []);
  for (const day of DAYS) {
    const daySessions = here.filter((session) => session.day === day);
    const closed = closedDates.has(index.dates[day]);
    const open = hoursOn(site?.openingHours, day, index).length + hoursOn(site?.onRequestHours, day, index).length > 0;
    if (!open && daySessions.length === 0) {
      continue;
    }
    const section = daySection(day);
    section.append(dayLabel(index, day, rooms.length, closed));
    for (const room of rooms) {
      const label = el('div', 'lane-label');
      label.append(el('span', 'room-name', room.name ?? room.id), el('span', 'room-capacity', room.capacity ? t('grid.capacity', { n: room.capacity }) : ''));
      const lane = track(range);
      // Where a click or a drop on the lane puts a session (edit.js).
      Object.assign(lane.dataset, { room: room.id, day, from: String(range.from), to: String(range.to) });
      if (!closed) {
        const roomHours = room.openingHours ? hoursOn(room.openingHours, day, index) : null;
        for (const [a, b] of hoursOn(site?.openingHours, day, index)) {
          if (roomHours) {
            for (const [c, d] of roomHours) {
              shade(lane, 'open', Math.max(a, c), Math.min(b, d), range);
            }
          } else {
            shade(lane, 'open', a, b, range);
          }
        }
        for (const [a, b] of hoursOn(site?.onRequestHours, day, index)) {
          shade(lane, 'on-request', a, b, range);
        }
      }
      for (const session of daySessions.filter((s) => s.room === room.id)) {
        lane.append(block(index, session, range, options));
      }
      section.append(label, lane);
    }
    grid.append(section);
  }
  container.replaceChildren(grid);
}

/** Minutes of a session outside a worker's working hours, as [from, to] pairs. */
function overtimeOf(worker, index) {
  return (session) => gaps(hoursOn(worker.workingHours, session.day, index), minutes(session.start), minutes(session.end));
}

/** One worker's week: a row per day, working hours light, overtime marked red. */
export function renderWorkerGrid(container, index, sessions, workerId, options) {
  const worker = index.workers.get(workerId);
  if (!worker) {
    container.replaceChildren();
    return;
  }
  const mine = sessions.filter((session) => (index.activities.get(session.activity)?.workers ?? []).includes(workerId));
  const range = span(index, mine, [worker.workingHours]);
  const grid = el('div', 'grid worker-grid');
  grid.classList.toggle('has-highlight', Boolean(options.highlight?.size));
  grid.append(axis(range, 1));
  for (const day of DAYS) {
    const daySessions = mine.filter((session) => session.day === day);
    if (hoursOn(worker.workingHours, day, index).length === 0 && daySessions.length === 0) {
      continue;
    }
    const section = daySection(day);
    const label = dayLabel(index, day, 1, false);
    const lane = track(range);
    lane.classList.add('off-hours');
    for (const [a, b] of hoursOn(worker.workingHours, day, index)) {
      shade(lane, 'open', a, b, range);
    }
    for (const [a, b] of hoursOn(worker.unavailable, day, index)) {
      shade(lane, 'unavailable', a, b, range);
    }
    for (const session of daySessions) {
      lane.append(block(index, session, range, { ...options, showRoom: true, overtime: overtimeOf(worker, index) }));
    }
    section.append(label, lane);
    grid.append(section);
  }
  if (mine.length === 0) {
    grid.append(el('p', 'muted', t('grid.noSessions')));
  }
  container.replaceChildren(grid);
}

/** A square in an organisation's colour. */
export function orgSwatch(index, orgId) {
  const swatch = el('span', 'swatch org');
  swatch.style.setProperty('--hue', String(index.hue(orgId)));
  return swatch;
}

/** The legend: organisations by colour, then the marks and shadings. */
export function renderLegend(container, index, view) {
  const items = [...index.organizations].map(([id, org]) => [orgSwatch(index, id), org.name ?? id]);
  const mark = (className) => el('span', `swatch ${className}`);
  if (view === 'workers') {
    items.push([mark('open'), t('legend.open')], [mark('off-hours'), t('legend.offHours')],
      [mark('overtime-mark'), t('legend.overtime')]);
  } else {
    items.push([mark('open'), t('legend.open')], [mark('on-request'), t('legend.onRequest')],
      [mark('closed'), t('legend.closed')]);
  }
  items.push([mark('loud-mark'), t('legend.loud')], [mark('quiet-mark'), t('legend.quiet')],
    [mark('pinned-mark'), t('legend.pinned')], [mark('breaks-mark'), t('legend.breaks')]);
  container.replaceChildren(...items.map(([swatch, label]) => {
    const item = el('span', 'legend-item');
    item.append(swatch, el('span', '', label));
    return item;
  }));
}

