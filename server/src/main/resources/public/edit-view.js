// What editing adds to the page, drawn from the state: the edit bar (undo, redo, save, scoring), the picked session
// with the places the server suggests, picked and draggable blocks, the unassigned sessions' "place by hand" buttons,
// and, while a session is picked, a cell per start on each lane of the rooms' week: free, blocked (with every hard
// rule it would break there, from rules.js) or suggested. What the buttons do is edit.js's.

import { t, constraintName, dayName, list } from './i18n.js';
import { $, DAY_MINUTES, el, button, clock, minutes, parseScore, scoreInWords, keepingFocus } from './util.js';
import { state, canEdit, pickedSession, hasUnsavedEdits, sessionLabel, roomName } from './state.js';
import { hardRulesBroken } from './rules.js';

let actions = null; // { pick(key), moveTo(key, room, day, start) } from edit.js

/** What the suggestions and the "place by hand" buttons do. */
export function setUpEditView(hooks) {
  actions = hooks;
}

/** Draws what editing adds to the page; called after every redraw of the page or of the week. */
export function renderEditing() {
  const { edits } = state;
  const editable = canEdit();
  $('edit-bar').hidden = !editable;
  $('edit-undo').disabled = !edits.undo.length;
  $('edit-redo').disabled = !edits.redo.length;
  $('edit-save').disabled = !state.job || edits.saved || edits.saving || Boolean(edits.scoring || edits.timer);
  $('edit-save').textContent = edits.saved && state.edited ? t('edit.saved') : t('edit.save');
  $('edit-status').hidden = !(edits.scoring || edits.timer || edits.saving);
  $('edit-status-text').textContent = edits.saving ? t('edit.saving') : t('edit.scoring');
  $('export-note').hidden = !hasUnsavedEdits();
  $('summary-edited').hidden = !state.edited;
  $('summary-edited').textContent = edits.saved ? t('summary.editedSaved') : t('summary.edited');
  renderPicked();
  decorateBlocks(editable);
  renderCells();
}

/** The key of the picked session while it can be edited, else null. */
function pickedKey() {
  return pickedSession() ? state.edits.picked : null;
}

/** The picked session and its suggested places, and the cells: drawn again when the suggestions come. */
export function renderSuggestions() {
  renderPicked();
  renderCells();
}

function renderPicked() {
  const session = pickedSession();
  $('edit-picked').hidden = !session;
  $('edit-hint').hidden = Boolean(session);
  if (!session) {
    return;
  }
  const where = session.unplaced ? t('edit.unplaced')
    : `${dayName(session.day)} ${session.start}–${session.end} · ${roomName(session.room)}`;
  $('edit-picked-name').textContent = t('edit.picked', { name: sessionLabel(session), where });
  $('edit-pin').textContent = session.pinned ? t('edit.unpin') : t('edit.pin');
  $('edit-pin').disabled = Boolean(session.unplaced);
  $('edit-take-out').disabled = Boolean(session.unplaced);
  const list = $('edit-suggestions');
  const found = state.edits.suggestions?.key === state.edits.picked ? state.edits.suggestions : null;
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
      const choice = button('small suggestion', `${i + 1}. ${dayName(place.day)} ${place.start}–${place.end} · `
        + `${roomName(place.room)}`, () => actions.moveTo(state.edits.picked, place.room, place.day, minutes(place.start)));
      choice.dataset.rank = String(i + 1);
      const breaks = (place.constraints ?? []).filter((c) => parseScore(c.score).hard < 0);
      choice.title = [t('recommend.diff', { diff: scoreInWords(place.scoreDifference) }),
        ...(place.constraints ?? []).map((c) => `${constraintName(c)}: ${scoreInWords(c.score)}`)].join('\n');
      item.append(choice, el('span', breaks.length ? 'diff bad' : 'diff',
        breaks.length ? list(breaks.map(constraintName)) : t('edit.noHardRuleBroken')));
      return item;
    }));
  }
}

function decorateBlocks(editable) {
  const picked = pickedKey();
  for (const block of document.querySelectorAll('#grid .block')) {
    block.draggable = editable;
    block.classList.toggle('editable', editable);
    block.classList.toggle('picked', block.dataset.key === picked);
    if (editable) {
      block.setAttribute('aria-pressed', String(block.dataset.key === picked));
    } else {
      block.removeAttribute('aria-pressed');
    }
  }
}

/** Unplaced sessions can be picked too, and put on the grid by hand; called after the list is drawn. */
export function decorateUnassigned() {
  const editable = canEdit();
  for (const item of document.querySelectorAll('#unassigned .unassigned-item')) {
    let pickButton = item.querySelector('.pick-button');
    if (!editable) {
      pickButton?.remove();
      continue;
    }
    if (!pickButton) {
      pickButton = button('small pick-button', t('edit.pickUnassigned'), () => actions.pick(item.dataset.key));
      item.querySelector('.unassigned-head')?.append(pickButton);
    }
    pickButton.classList.toggle('active', item.dataset.key === state.edits.picked);
  }
}

/**
 * While a session is picked, each lane of the rooms' week holds a cell per start on the slot grid: free, blocked
 * (with every hard rule it would break, in its title) or suggested by the server (with its rank).
 */
function renderCells() {
  keepingFocus(drawCells);
}

function drawCells() {
  document.querySelectorAll('#grid .cells').forEach((cells) => cells.remove());
  const session = pickedSession();
  const activity = session && state.index.activities.get(session.activity);
  if (!activity) {
    return;
  }
  const duration = activity.durationMinutes;
  const slot = state.plan.week?.slotMinutes ?? 15;
  const check = hardRulesBroken(state, session);
  let entry = null; // the one cell the Tab key reaches: the best suggestion, else where the session is, else the first
  let first = null;
  const suggested = new Map();
  const found = state.edits.suggestions?.key === state.edits.picked ? state.edits.suggestions.list ?? [] : [];
  found.forEach((place, i) => suggested.set(`${place.room}|${place.day}|${minutes(place.start)}`, i + 1));
  for (const lane of document.querySelectorAll('#grid .track[data-room]')) {
    const { room, day } = lane.dataset;
    const from = Number(lane.dataset.from);
    const to = Number(lane.dataset.to);
    const cells = el('div', 'cells');
    for (let start = Math.ceil(from / slot) * slot; start < to && start + duration <= DAY_MINUTES; start += slot) {
      const reasons = check(room, day, start).map((broken) => broken.reason);
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
      const when = `${dayName(day)} ${clock(start)}–${clock(start + duration)} · ${roomName(room)}`;
      cell.title = [when, ...(reasons.length ? reasons : [t('edit.free')])].join('\n');
      cell.setAttribute('role', 'button');
      cell.setAttribute('aria-label', cell.title.replaceAll('\n', t('sentenceSeparator')));
      cell.tabIndex = -1;
      first ??= cell;
      if (rank === 1 || (!entry && room === session.room && day === session.day && start === minutes(session.start))) {
        entry = cell;
      }
      cells.append(cell);
    }
    lane.append(cells);
  }
  const focusable = entry ?? first;
  if (focusable) {
    focusable.tabIndex = 0;
  }
}
