// Hands-on edits of the solved week: pick a session (click it, or drag it), put it in another cell, pin or unpin
// it, take it out, undo and redo. Each edit shows at once and is scored by the server (analyze) within a second;
// while a session is picked, every cell says whether it can go there and why not, and the best few places the
// server recommends are marked. Saving makes the edited week the job's schedule, which the exports then use.

import { api } from './api.js';
import { t, constraintName, dayName } from './i18n.js';
import { DAYS, el, clock, minutes, sessionKey, activityName, hoursOn } from './grid.js';

/** Milliseconds after the last edit before the week is scored: a burst of edits is scored once. */
const SCORE_DELAY = 250;
const SUGGESTIONS = 3;
/** The hard rules a cell is checked against, in the order their reasons are listed. */
const RULES = ['Locked doors', 'Room capacity', 'Missing feature', 'Wrong site', 'Outside allowed times',
  'Worker unavailable', 'Room clash', 'Worker clash', 'Audience clash', 'Out of order'];

let page = null; // { state, render, showMessage, describeError }
const editing = {
  undo: [],
  redo: [],
  picked: null, // the key ("activity#n") of the picked session
  suggestions: null, // { key, loading, list, error }
  suggesting: null, // AbortController of the recommend request in flight
  scoring: null, // AbortController of the analyze request in flight
  timer: null,
  sequence: 0,
  version: 0, // counts the edits, so a save knows whether the week changed while it was on its way
  saved: true,
  saving: false,
};

const $ = (id) => document.getElementById(id);

/** Wires the edit bar, the grid and the keyboard to the page's state; {@code render} redraws the page. */
export function setUpEditing(hooks) {
  page = hooks;
  const host = $('grid');
  host.addEventListener('click', onGridClick);
  host.addEventListener('dragstart', onDragStart);
  host.addEventListener('dragover', (event) => {
    if (editing.picked && event.target.closest('.cell')) {
      event.preventDefault();
    }
  });
  host.addEventListener('drop', (event) => {
    const cell = event.target.closest('.cell');
    if (cell && editing.picked) {
      event.preventDefault();
      moveTo(editing.picked, cell.dataset.room, cell.dataset.day, Number(cell.dataset.start));
    }
  });
  $('edit-undo').addEventListener('click', undo);
  $('edit-redo').addEventListener('click', redo);
  $('edit-save').addEventListener('click', () => saveEdits().catch(() => {}));
  $('edit-pin').addEventListener('click', togglePin);
  $('edit-take-out').addEventListener('click', takeOut);
  $('edit-cancel').addEventListener('click', unpick);
  document.addEventListener('keydown', onKey);
}

/** A new plan or a new solve: the edits of the last one are gone. */
export function resetEditing() {
  editing.scoring?.abort();
  editing.suggesting?.abort();
  clearTimeout(editing.timer);
  Object.assign(editing, {
    undo: [], redo: [], picked: null, suggestions: null, suggesting: null, scoring: null, timer: null, saved: true,
    saving: false,
  });
}

/** Whether the week on the page has edits the server does not have yet. */
export function hasUnsavedEdits() {
  return page.state.edited && !editing.saved;
}

function canEdit() {
  const { state } = page;
  return Boolean(state.schedule?.sessions && state.plan && state.index
    && !(state.job && state.job.status !== 'NOT_SOLVING'));
}

// --- Drawing: the edit bar, the picked block, the cells

/** Draws what editing adds to the page; called after every redraw of the page or of the week. */
export function renderEditing() {
  const { state } = page;
  const editable = canEdit();
  if (!editable && editing.picked) {
    editing.picked = null;
    editing.suggestions = null;
  }
  $('edit-bar').hidden = !editable;
  $('edit-undo').disabled = !editing.undo.length;
  $('edit-redo').disabled = !editing.redo.length;
  $('edit-save').disabled = !state.job || editing.saved || editing.saving || Boolean(editing.scoring || editing.timer);
  $('edit-save').textContent = editing.saved && state.edited ? t('edit.saved') : t('edit.save');
  $('edit-status').hidden = !(editing.scoring || editing.timer || editing.saving);
  $('edit-status-text').textContent = editing.saving ? t('edit.saving') : t('edit.scoring');
  $('export-note').hidden = !hasUnsavedEdits();
  $('summary-edited').hidden = !state.edited;
  $('summary-edited').textContent = editing.saved ? t('summary.editedSaved') : t('summary.edited');
  renderPicked();
  decorateBlocks(editable);
  renderCells();
}

function pickedSession() {
  const key = editing.picked;
  const { schedule } = page.state;
  if (!key || !schedule) {
    return null;
  }
  const placed = schedule.sessions.find((s) => sessionKey(s) === key);
  if (placed) {
    return placed;
  }
  const left = (schedule.unassigned ?? []).find((s) => sessionKey(s) === key);
  return left ? { activity: left.activity, session: left.session, unplaced: true } : null;
}

function renderPicked() {
  const session = pickedSession();
  if (editing.picked && !session) {
    editing.picked = null;
  }
  $('edit-picked').hidden = !session;
  $('edit-hint').hidden = Boolean(session);
  if (!session) {
    return;
  }
  const { index } = page.state;
  const where = session.unplaced ? t('edit.unplaced')
    : `${dayName(session.day)} ${session.start}–${session.end} · ${index.rooms.get(session.room)?.name ?? session.room}`;
  $('edit-picked-name').textContent = t('edit.picked', {
    name: `${activityName(index, session.activity)} #${session.session}`, where,
  });
  $('edit-pin').textContent = session.pinned ? t('edit.unpin') : t('edit.pin');
  $('edit-pin').disabled = Boolean(session.unplaced);
  $('edit-take-out').disabled = Boolean(session.unplaced);
  const list = $('edit-suggestions');
  const found = editing.suggestions?.key === editing.picked ? editing.suggestions : null;
  if (!found || found.loading) {
    list.replaceChildren(el('li', 'muted', t('edit.suggesting')));
  } else if (found.error) {
    list.replaceChildren(el('li', 'error', found.error));
  } else if (!found.list.length) {
    list.replaceChildren(el('li', 'muted', found.reason ? `${t('edit.noSuggestion')}: ${found.reason}`
      : t('edit.noSuggestion')));
  } else {
    list.replaceChildren(...found.list.map((place, i) => {
      const item = el('li');
      const button = el('button', 'small suggestion', `${i + 1}. ${dayName(place.day)} ${place.start}–${place.end} · `
        + `${index.rooms.get(place.room)?.name ?? place.room}`);
      button.type = 'button';
      button.dataset.rank = String(i + 1);
      const breaks = (place.constraints ?? []).filter((c) => /^-\d+hard/.test(c.score) && !/^-0hard/.test(c.score));
      button.title = [t('recommend.diff', { diff: place.scoreDifference }),
        ...(place.constraints ?? []).map((c) => `${constraintName(c)}: ${c.score}`)].join('\n');
      button.addEventListener('click', () => moveTo(editing.picked, place.room, place.day, minutes(place.start)));
      item.append(button, el('span', breaks.length ? 'diff bad' : 'diff',
        breaks.length ? breaks.map(constraintName).join(', ') : t('edit.noHardRuleBroken')));
      return item;
    }));
  }
}

function decorateBlocks(editable) {
  for (const block of document.querySelectorAll('#grid .block')) {
    block.draggable = editable;
    block.classList.toggle('editable', editable);
    block.classList.toggle('picked', block.dataset.key === editing.picked);
  }
}

/** Unplaced sessions can be picked too, and put on the grid by hand; called after the list is drawn. */
export function decorateUnassigned() {
  const editable = canEdit();
  for (const item of document.querySelectorAll('#unassigned .unassigned-item')) {
    let button = item.querySelector('.pick-button');
    if (!editable) {
      button?.remove();
      continue;
    }
    if (!button) {
      button = el('button', 'small pick-button', t('edit.pickUnassigned'));
      button.type = 'button';
      button.addEventListener('click', () => pick(item.dataset.key));
      item.querySelector('.unassigned-head')?.append(button);
    }
    button.classList.toggle('active', item.dataset.key === editing.picked);
  }
}

/**
 * While a session is picked, each lane of the rooms' week holds a cell per start on the slot grid: free, blocked
 * (with every hard rule it would break, in its title) or suggested by the server (with its rank).
 */
function renderCells() {
  document.querySelectorAll('#grid .cells').forEach((cells) => cells.remove());
  const session = pickedSession();
  if (!session || !canEdit()) {
    return;
  }
  const { state } = page;
  const activity = state.index.activities.get(session.activity);
  if (!activity) {
    return;
  }
  const duration = activity.durationMinutes;
  const slot = state.plan.week?.slotMinutes ?? 15;
  const check = checker(state, session);
  const suggested = new Map();
  const found = editing.suggestions?.key === editing.picked ? editing.suggestions.list ?? [] : [];
  found.forEach((place, i) => suggested.set(`${place.room}|${place.day}|${minutes(place.start)}`, i + 1));
  for (const lane of document.querySelectorAll('#grid .track[data-room]')) {
    const { room, day } = lane.dataset;
    const from = Number(lane.dataset.from);
    const to = Number(lane.dataset.to);
    const roomName = state.index.rooms.get(room)?.name ?? room;
    const cells = el('div', 'cells');
    for (let start = Math.ceil(from / slot) * slot; start < to && start + duration <= 24 * 60; start += slot) {
      const reasons = check(room, day, start);
      const cell = el('div', 'cell');
      cell.dataset.room = room;
      cell.dataset.day = day;
      cell.dataset.start = String(start);
      cell.style.left = `${((start - from) / (to - from)) * 100}%`;
      cell.style.width = `${(slot / (to - from)) * 100}%`;
      const rank = suggested.get(`${room}|${day}|${start}`);
      if (rank) {
        cell.classList.add('suggested');
        cell.dataset.rank = String(rank);
      }
      if (reasons.length) {
        cell.classList.add('blocked');
      }
      const when = `${dayName(day)} ${clock(start)}–${clock(start + duration)} · ${roomName}`;
      cell.title = [when, ...(reasons.length ? reasons : [t('edit.free')])].join('\n');
      cells.append(cell);
    }
    lane.append(cells);
  }
}

// --- Why a session cannot go somewhere: the plan's hard rules, checked here for every cell at once

/** Every audience an activity names, {@code audience} first, each once (an unlisted one is a group all the same). */
function audiencesOf(activity) {
  return [...new Set([activity?.audience, ...(activity?.audiences ?? [])].filter(Boolean))];
}

/** Minutes from Monday 00:00, to compare sessions on different days. */
function weekMinute(day, minute) {
  return DAYS.indexOf(day) * 24 * 60 + minute;
}

/** A rule counts while its weight in the plan keeps a hard part (every one of RULES does by default). */
function isHard(plan, rule) {
  const weight = plan.constraintWeights?.[rule];
  if (weight === undefined || weight === null) {
    return true;
  }
  const hard = String(weight).match(/(-?\d+)\s*hard/i);
  return Boolean(hard) && Number(hard[1]) !== 0;
}

function intersect(a, b) {
  const out = [];
  for (const [x, y] of a) {
    for (const [u, v] of b) {
      if (Math.min(y, v) > Math.max(x, u)) {
        out.push([Math.max(x, u), Math.min(y, v)]);
      }
    }
  }
  return out;
}

/** Minutes of [start, end) inside the ranges (which may overlap). */
function inside(rangesList, start, end) {
  const parts = intersect(rangesList, [[start, end]]).sort((p, q) => p[0] - q[0]);
  let total = 0;
  let at = start;
  for (const [a, b] of parts) {
    total += Math.max(0, b - Math.max(a, at));
    at = Math.max(at, b);
  }
  return total;
}

/** A function (room, day, start) → the hard rules the picked session would break there, as readable reasons. */
function checker(state, picked) {
  const { plan, index, schedule } = state;
  const key = sessionKey(picked);
  const activity = index.activities.get(picked.activity);
  const duration = activity.durationMinutes;
  const workers = activity.workers ?? [];
  const audiences = audiencesOf(activity);
  // An audience's available times are part of each of its activities' allowed times.
  const allowedTimes = [activity.allowedTimes, ...audiences.map((id) => index.audiences.get(id)?.availableTimes)]
    .filter(Boolean);
  const hard = new Set(RULES.filter((rule) => isHard(plan, rule)));
  const onlySite = plan.sites?.length === 1 ? plan.sites[0].id : null;
  const othersOn = new Map(); // day → the other sessions placed that day
  const earlier = []; // the sessions of the activities this one comes after
  const later = []; // the sessions of the activities that come after this one
  for (const s of schedule.sessions) {
    if (sessionKey(s) !== key) {
      const other = { ...s, from: minutes(s.start), to: minutes(s.end), activity: index.activities.get(s.activity) };
      othersOn.set(s.day, [...(othersOn.get(s.day) ?? []), other]);
      if ((activity.after ?? []).includes(s.activity)) {
        earlier.push(other);
      } else if ((other.activity?.after ?? []).includes(activity.id)) {
        later.push(other);
      }
    }
  }
  const name = (s) => `${s.activity?.name ?? s.activity?.id} #${s.session}`;
  const laneReasons = new Map();

  const ruleName = (rule) => constraintName(schedule.constraints?.find((c) => c.name === rule) ?? { name: rule });
  const reason = (rule, textKey, values) => `${ruleName(rule)}: ${t(textKey, values)}`;

  /** What depends on the room and day only. */
  function lane(roomId, day) {
    const cacheKey = `${roomId}|${day}`;
    if (laneReasons.has(cacheKey)) {
      return laneReasons.get(cacheKey);
    }
    const room = index.rooms.get(roomId);
    const siteId = room?.site ?? onlySite;
    const site = index.sites.get(siteId);
    const roomName = room?.name ?? roomId;
    const reasons = [];
    if (hard.has('Room capacity') && room?.capacity !== undefined && (activity.participants ?? 0) > room.capacity) {
      reasons.push(reason('Room capacity', 'edit.why.capacity',
        { n: activity.participants, room: roomName, seats: room.capacity }));
    }
    const missing = (activity.requiredFeatures ?? []).filter((f) => !(room?.features ?? []).includes(f));
    if (hard.has('Missing feature') && missing.length) {
      reasons.push(reason('Missing feature', 'edit.why.feature', { room: roomName, features: missing.join(', ') }));
    }
    const siteBarred = activity.allowedSites && !activity.allowedSites.includes(siteId);
    const barredWorkers = workers.map((id) => index.workers.get(id))
      .filter((w) => w?.sites && !w.sites.includes(siteId));
    if (hard.has('Wrong site') && (siteBarred || barredWorkers.length)) {
      reasons.push(reason('Wrong site', 'edit.why.site', { site: site?.name ?? siteId }));
    }
    const closed = (site?.closedDates ?? []).includes(index.dates[day]);
    const roomHours = room?.openingHours ? hoursOn(room.openingHours, day, index) : [[0, 24 * 60]];
    const doors = closed ? []
      : intersect([...hoursOn(site?.openingHours, day, index), ...hoursOn(site?.onRequestHours, day, index)], roomHours);
    const answer = { reasons, doors, roomName };
    laneReasons.set(cacheKey, answer);
    return answer;
  }

  return (roomId, day, start) => {
    const end = start + duration;
    const { reasons: fixed, doors, roomName } = lane(roomId, day);
    const reasons = [...fixed];
    if (hard.has('Locked doors') && inside(doors, start, end) < duration) {
      reasons.unshift(reason('Locked doors', 'edit.why.locked', { room: roomName }));
    }
    if (hard.has('Outside allowed times')
        && allowedTimes.some((hours) => inside(hoursOn(hours, day, index), start, end) < duration)) {
      reasons.push(reason('Outside allowed times', 'edit.why.allowed', {}));
    }
    if (hard.has('Worker unavailable')) {
      for (const id of workers) {
        const worker = index.workers.get(id);
        if (worker && inside(hoursOn(worker.unavailable, day, index), start, end) > 0) {
          reasons.push(reason('Worker unavailable', 'edit.why.unavailable', { worker: worker.name ?? id }));
        }
      }
    }
    for (const other of othersOn.get(day) ?? []) {
      if (other.from >= end || other.to <= start) {
        continue;
      }
      if (hard.has('Room clash') && other.room === roomId) {
        reasons.push(reason('Room clash', 'edit.why.room', { room: roomName, other: name(other) }));
      }
      const shared = workers.filter((id) => (other.activity?.workers ?? []).includes(id));
      if (hard.has('Worker clash')) {
        for (const id of shared) {
          reasons.push(reason('Worker clash', 'edit.why.worker',
            { worker: index.workers.get(id)?.name ?? id, other: name(other) }));
        }
      }
      if (hard.has('Audience clash')) {
        for (const audience of audiencesOf(other.activity).filter((id) => audiences.includes(id))) {
          reasons.push(reason('Audience clash', 'edit.why.audience',
            { audience: index.audiences.get(audience)?.name ?? audience, other: name(other) }));
        }
      }
    }
    if (hard.has('Out of order')) {
      const from = weekMinute(day, start);
      for (const other of earlier.filter((o) => from < weekMinute(o.day, o.to))) {
        reasons.push(reason('Out of order', 'edit.why.after', { other: name(other) }));
      }
      for (const other of later.filter((o) => weekMinute(o.day, o.from) < from + duration)) {
        reasons.push(reason('Out of order', 'edit.why.before', { other: name(other) }));
      }
    }
    return reasons;
  };
}

// --- Picking

function onGridClick(event) {
  if (!canEdit()) {
    return;
  }
  const cell = event.target.closest('.cell');
  if (cell && editing.picked) {
    moveTo(editing.picked, cell.dataset.room, cell.dataset.day, Number(cell.dataset.start));
    return;
  }
  const block = event.target.closest('.block');
  if (block) {
    if (block.dataset.key === editing.picked) {
      unpick();
    } else {
      pick(block.dataset.key);
    }
  }
}

function onDragStart(event) {
  const block = event.target.closest?.('.block');
  if (!block || !canEdit()) {
    return;
  }
  event.dataTransfer.setData('text/plain', block.dataset.key);
  event.dataTransfer.effectAllowed = 'move';
  // After the drag has begun: changing the page inside dragstart would end it.
  setTimeout(() => pick(block.dataset.key), 0);
}

function onKey(event) {
  if (!canEdit() || event.target.closest?.('input, select, textarea, dialog')) {
    return;
  }
  const ctrl = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (ctrl && key === 'z' && !event.shiftKey) {
    event.preventDefault();
    undo();
  } else if (ctrl && (key === 'y' || (key === 'z' && event.shiftKey))) {
    event.preventDefault();
    redo();
  } else if (key === 'escape' && editing.picked) {
    unpick();
  } else if ((key === 'delete' || key === 'backspace') && editing.picked) {
    event.preventDefault();
    takeOut();
  }
}

/** Picks a session: the cells say where it can go, and the server is asked for the best places. */
export function pick(key) {
  editing.picked = key;
  editing.suggestions = { key, loading: true };
  renderEditing();
  suggest(key);
}

function unpick() {
  editing.picked = null;
  editing.suggestions = null;
  editing.suggesting?.abort();
  renderEditing();
}

async function suggest(key) {
  editing.suggesting?.abort();
  const controller = new AbortController();
  editing.suggesting = controller;
  const [activity, number] = splitKey(key);
  // Asked without its pin: the question is where else it could go.
  const sessions = page.state.schedule.sessions.map((s) => (sessionKey(s) === key ? { ...s, pinned: false } : s));
  try {
    const answer = await api.recommend({
      plan: page.state.plan,
      schedule: { sessions, unassigned: page.state.schedule.unassigned ?? [] },
      session: { activity, session: number },
      limit: SUGGESTIONS + 1,
    }, controller.signal);
    if (editing.picked === key) {
      // Where it is now is no suggestion.
      const here = answer.current;
      const list = (answer.recommendations ?? []).filter((place) => !here
        || place.room !== here.room || place.day !== here.day || place.start !== here.start);
      editing.suggestions = { key, list: list.slice(0, SUGGESTIONS), reason: answer.reason };
    }
  } catch (error) {
    if (controller.signal.aborted) {
      return;
    }
    if (editing.picked === key) {
      editing.suggestions = { key, list: [], error: page.describeError(error) };
    }
  }
  if (editing.suggesting === controller) {
    editing.suggesting = null;
  }
  if (editing.picked === key) {
    renderPicked();
    renderCells();
  }
}

function splitKey(key) {
  const hash = key.lastIndexOf('#');
  return [key.slice(0, hash), Number(key.slice(hash + 1))];
}

// --- Edits: each changes the week on the page at once, is remembered for undo, and is scored soon after

function snapshot() {
  const { schedule } = page.state;
  return { sessions: structuredClone(schedule.sessions), unassigned: structuredClone(schedule.unassigned ?? []) };
}

/** Changes the week with {@code change(sessions, unassigned)}, remembering the week before for undo. */
function edit(change) {
  editing.undo.push(snapshot());
  editing.redo = [];
  const week = snapshot();
  change(week.sessions, week.unassigned);
  show(week);
}

function show(week) {
  const { state } = page;
  state.schedule = { ...state.schedule, sessions: week.sessions, unassigned: week.unassigned };
  state.edited = true;
  state.highlight = null;
  state.recommendations = new Map();
  editing.saved = false;
  editing.version += 1;
  scoreSoon();
  page.render();
}

/** Puts a session (placed or not) in a room at a day and start, keeping its pin. */
export function moveTo(key, room, day, start) {
  const activity = page.state.index.activities.get(splitKey(key)[0]);
  editing.picked = null;
  editing.suggestions = null;
  editing.suggesting?.abort();
  edit((sessions, unassigned) => {
    const [activityId, number] = splitKey(key);
    let session = sessions.find((s) => sessionKey(s) === key);
    if (!session) {
      session = { activity: activityId, session: number, pinned: false };
      sessions.push(session);
      const at = unassigned.findIndex((s) => sessionKey(s) === key);
      if (at >= 0) {
        unassigned.splice(at, 1);
      }
    }
    const date = page.state.index.dates[day];
    Object.assign(session, { room, day, start: clock(start), end: clock(start + activity.durationMinutes) });
    if (date) {
      session.date = date;
    }
  });
}

function togglePin() {
  const key = editing.picked;
  if (!page.state.schedule.sessions.some((s) => sessionKey(s) === key)) {
    return;
  }
  edit((sessions) => {
    const session = sessions.find((s) => sessionKey(s) === key);
    if (session) {
      session.pinned = !session.pinned;
    }
  });
}

function takeOut() {
  const key = editing.picked;
  if (!page.state.schedule.sessions.some((s) => sessionKey(s) === key)) {
    return;
  }
  editing.picked = null;
  editing.suggestions = null;
  edit((sessions, unassigned) => {
    const at = sessions.findIndex((s) => sessionKey(s) === key);
    const [session] = sessions.splice(at, 1);
    unassigned.push({ activity: session.activity, session: session.session, reasons: [t('edit.takenOut')] });
  });
}

function undo() {
  if (!editing.undo.length) {
    return;
  }
  editing.redo.push(snapshot());
  show(editing.undo.pop());
}

function redo() {
  if (!editing.redo.length) {
    return;
  }
  editing.undo.push(snapshot());
  show(editing.redo.pop());
}

// --- Scoring and saving

function scoreSoon() {
  clearTimeout(editing.timer);
  editing.scoring?.abort(); // what it would answer is out of date already
  editing.scoring = null;
  editing.timer = setTimeout(score, SCORE_DELAY);
}

async function score() {
  editing.timer = null;
  const { state } = page;
  const controller = new AbortController();
  editing.scoring = controller;
  const sequence = ++editing.sequence;
  renderEditing();
  try {
    const analyzed = await api.analyze({
      plan: state.plan,
      schedule: { sessions: state.schedule.sessions, unassigned: state.schedule.unassigned ?? [] },
    }, controller.signal);
    if (sequence !== editing.sequence || controller.signal.aborted) {
      return;
    }
    state.schedule = analyzed;
    state.analyzed = true;
  } catch (error) {
    if (controller.signal.aborted) {
      return;
    }
    page.showMessage(page.describeError(error));
  }
  if (editing.scoring === controller) {
    editing.scoring = null;
  }
  page.render();
}

/** Makes the edited week the job's schedule, so that its exports and a publication use it. */
export async function saveEdits() {
  const { state } = page;
  if (!state.job || editing.saved) {
    return;
  }
  editing.saving = true;
  renderEditing();
  const version = editing.version; // an edit made while the week is on its way is not in it
  try {
    await api.saveSchedule(state.job.id, {
      sessions: state.schedule.sessions, unassigned: state.schedule.unassigned ?? [],
    });
    editing.saved = version === editing.version;
  } catch (error) {
    page.showMessage(page.describeError(error));
    throw error;
  } finally {
    editing.saving = false;
    renderEditing();
  }
}
