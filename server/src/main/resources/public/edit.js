// Hands-on edits of the solved week: pick a session (click it, or drag it), put it in another cell, pin or unpin
// it, take it out, undo and redo. Each edit shows at once and is scored by the server (analyze) within a second;
// while a session is picked, every cell says whether it can go there and why not (rules.js), and the best few places
// the server recommends are marked (edit-view.js draws it). Saving makes the edited week the job's schedule, which the
// exports then use. The week and its history change only through state.js.

import { api } from './api.js';
import { t } from './i18n.js';
import { $, clock, describeError, showError, focusSoon } from './util.js';
import {
  state, redraw, canEdit, sessionKey, splitKey, scheduleBody, weeksPlan, setPicked, setSuggestions, setEditRequests, nextScoring,
  editWeek, undoEdit, redoEdit, setSchedule, setEditSaving, markSaved,
} from './state.js';
import { renderEditing, renderSuggestions, setUpEditView } from './edit-view.js';

/** Milliseconds after the last edit before the week is scored: a burst of edits is scored once. */
const SCORE_DELAY = 250;
const SUGGESTIONS = 3;

/** Wires the edit bar, the grid and the keyboard to the page's state. */
export function setUpEditing() {
  setUpEditView({ pick, moveTo });
  const host = $('grid');
  host.addEventListener('click', onGridClick);
  host.addEventListener('dragstart', onDragStart);
  host.addEventListener('dragover', (event) => {
    if (state.edits.picked && event.target.closest('.cell')) {
      event.preventDefault();
    }
  });
  host.addEventListener('drop', (event) => {
    const cell = event.target.closest('.cell');
    if (cell && state.edits.picked) {
      event.preventDefault();
      moveTo(state.edits.picked, cell.dataset.room, cell.dataset.day, Number(cell.dataset.start));
    }
  });
  $('edit-undo').addEventListener('click', undo);
  $('edit-redo').addEventListener('click', redo);
  $('edit-save').addEventListener('click', () => saveEdits().catch(() => {}));
  $('edit-pin').addEventListener('click', togglePin);
  $('edit-take-out').addEventListener('click', takeOut);
  $('edit-cancel').addEventListener('click', unpick);
  host.addEventListener('keydown', onGridKey);
  document.addEventListener('keydown', onKey);
}

/** Where the arrow keys go from a cell: along its lane, or to the lane above or below. */
const ARROWS = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] };

/**
 * The week by keyboard: Enter or Space on a session picks it (or lets it go) and focuses a cell where it could go;
 * the arrows move along the cells; Enter or Space on a cell puts the session there.
 */
function onGridKey(event) {
  if (!canEdit() || (event.key !== 'Enter' && event.key !== ' ' && !ARROWS[event.key])) {
    return;
  }
  const cell = event.target.closest?.('.cell');
  const block = event.target.closest?.('.block');
  if (cell && ARROWS[event.key]) {
    event.preventDefault();
    focusCell(nextCell(cell, ...ARROWS[event.key]));
  } else if (cell && state.edits.picked) {
    event.preventDefault();
    moveTo(state.edits.picked, cell.dataset.room, cell.dataset.day, Number(cell.dataset.start));
  } else if (block && !ARROWS[event.key]) {
    event.preventDefault();
    if (block.dataset.key === state.edits.picked) {
      unpick();
    } else {
      pick(block.dataset.key);
      focusCell(document.querySelector('#grid .cell[tabindex="0"]'));
    }
  }
}

/** The cell {@code lanes} lanes down and {@code steps} starts on from this one, or this one at the edge. */
function nextCell(cell, lanes, steps) {
  if (!lanes) {
    return (steps > 0 ? cell.nextElementSibling : cell.previousElementSibling) ?? cell;
  }
  const all = [...document.querySelectorAll('#grid .cells')];
  const lane = all[all.indexOf(cell.parentElement) + lanes];
  if (!lane) {
    return cell;
  }
  const start = Number(cell.dataset.start);
  return [...lane.children].reduce((best, other) => (Math.abs(Number(other.dataset.start) - start)
    < Math.abs(Number(best.dataset.start) - start) ? other : best), lane.firstElementChild) ?? cell;
}

/** Focuses a cell, the one cell of the week the Tab key then reaches. */
function focusCell(cell) {
  if (!cell) {
    return;
  }
  document.querySelectorAll('#grid .cell[tabindex="0"]').forEach((other) => { other.tabIndex = -1; });
  cell.tabIndex = 0;
  cell.focus();
}


// --- Picking

function onGridClick(event) {
  if (!canEdit()) {
    return;
  }
  const cell = event.target.closest('.cell');
  if (cell && state.edits.picked) {
    moveTo(state.edits.picked, cell.dataset.room, cell.dataset.day, Number(cell.dataset.start));
    return;
  }
  const block = event.target.closest('.block');
  if (block) {
    if (block.dataset.key === state.edits.picked) {
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
  } else if (key === 'escape' && state.edits.picked) {
    const picked = state.edits.picked;
    unpick();
    document.querySelector(blockOf(picked))?.focus(); // back to the session let go
  } else if ((key === 'delete' || key === 'backspace') && state.edits.picked) {
    event.preventDefault();
    takeOut();
  } else if (key === 'p' && !ctrl && state.edits.picked) {
    togglePin();
  }
}

/** After a language switch: the picked session's suggestions are asked for again, in the new language. */
export function suggestAgain() {
  if (state.edits.picked && canEdit()) {
    suggest(state.edits.picked);
  }
}

/** Picks a session: the cells say where it can go, and the server is asked for the best places. */
function pick(key) {
  setPicked(key);
  renderEditing();
  suggest(key);
}

/** The selector of a session's block on the week. */
function blockOf(key) {
  return `#grid .block[data-key="${CSS.escape(key)}"]`;
}

function unpick() {
  state.edits.suggesting?.abort();
  setPicked(null);
  renderEditing();
}

async function suggest(key) {
  state.edits.suggesting?.abort();
  const controller = new AbortController();
  setEditRequests({ suggesting: controller });
  const [activity, number] = splitKey(key);
  // Asked without its pin: the question is where else it could go.
  const sessions = state.schedule.sessions.map((s) => (sessionKey(s) === key ? { ...s, pinned: false } : s));
  try {
    const answer = await api.recommend({
      plan: weeksPlan(),
      schedule: scheduleBody(state.schedule, sessions),
      session: { activity, session: number },
      limit: SUGGESTIONS + 1,
    }, controller.signal);
    // Where it is now is no suggestion.
    const here = answer.current;
    const list = (answer.recommendations ?? []).filter((place) => !here
      || place.room !== here.room || place.day !== here.day || place.start !== here.start);
    setSuggestions(key, { list: list.slice(0, SUGGESTIONS), reason: answer.reason });
  } catch (error) {
    if (controller.signal.aborted) {
      return;
    }
    setSuggestions(key, { list: [], error: describeError(error) });
  }
  if (state.edits.suggesting === controller) {
    setEditRequests({ suggesting: null });
  }
  if (state.edits.picked === key) {
    renderSuggestions();
  }
}

// --- Edits: each changes the week on the page at once, is remembered for undo, and is scored soon after

/** Shows the week as edited, and has it scored. */
function edited() {
  scoreSoon();
  redraw();
}

/** Puts a session (placed or not) in a room at a day and start, keeping its pin; the focus follows it there. */
export function moveTo(key, room, day, start) {
  focusSoon(blockOf(key));
  const [activityId, number] = splitKey(key);
  const activity = state.index.activities.get(activityId);
  const date = state.index.dates[day];
  state.edits.suggesting?.abort();
  setPicked(null);
  editWeek((sessions, unassigned) => {
    let session = sessions.find((s) => sessionKey(s) === key);
    if (!session) {
      session = { activity: activityId, session: number, pinned: false };
      sessions.push(session);
      const at = unassigned.findIndex((s) => sessionKey(s) === key);
      if (at >= 0) {
        unassigned.splice(at, 1);
      }
    }
    Object.assign(session, { room, day, start: clock(start), end: clock(start + activity.durationMinutes) });
    if (date) {
      session.date = date;
    }
  });
  edited();
}

function togglePin() {
  const key = state.edits.picked;
  if (!state.schedule.sessions.some((s) => sessionKey(s) === key)) {
    return;
  }
  editWeek((sessions) => {
    const session = sessions.find((s) => sessionKey(s) === key);
    if (session) {
      session.pinned = !session.pinned;
    }
  });
  edited();
}

function takeOut() {
  const key = state.edits.picked;
  if (!state.schedule.sessions.some((s) => sessionKey(s) === key)) {
    return;
  }
  setPicked(null);
  focusSoon(`#unassigned li[data-key="${CSS.escape(key)}"] .pick-button`); // where it can be put back from
  editWeek((sessions, unassigned) => {
    const at = sessions.findIndex((s) => sessionKey(s) === key);
    const [session] = sessions.splice(at, 1);
    // Sent back marked taken out: the server's reason then says so too.
    unassigned.push({ activity: session.activity, session: session.session, takenOut: true,
      reasons: [t('edit.takenOut')] });
  });
  edited();
}

function undo() {
  if (undoEdit()) {
    edited();
  }
}

function redo() {
  if (redoEdit()) {
    edited();
  }
}

// --- Scoring and saving

function scoreSoon() {
  clearTimeout(state.edits.timer);
  state.edits.scoring?.abort(); // what it would answer is out of date already
  setEditRequests({ scoring: null, timer: setTimeout(score, SCORE_DELAY) });
}

async function score() {
  const controller = new AbortController();
  setEditRequests({ timer: null, scoring: controller });
  const sequence = nextScoring();
  renderEditing();
  try {
    const analyzed = await api.analyze({ plan: weeksPlan(), schedule: scheduleBody() }, controller.signal);
    if (sequence !== state.edits.sequence || controller.signal.aborted) {
      return;
    }
    setSchedule(analyzed, true);
  } catch (error) {
    if (controller.signal.aborted) {
      return;
    }
    showError(error);
  }
  if (state.edits.scoring === controller) {
    setEditRequests({ scoring: null });
  }
  redraw();
}

/** Makes the edited week the job's schedule, so that its exports and a publication use it. */
export async function saveEdits() {
  if (!state.job || state.edits.saved) {
    return;
  }
  setEditSaving(true);
  renderEditing();
  const version = state.edits.version; // an edit made while the week is on its way is not in it
  try {
    await api.saveSchedule(state.job.id, scheduleBody());
    markSaved(version);
  } catch (error) {
    showError(error);
    throw error;
  } finally {
    setEditSaving(false);
    redraw(); // the publish panel says whether the published week would hold the edits
  }
}
