// The page's helpers, each written once: DOM lookups and elements, the page's message line, downloads, times of
// day and minute ranges, the week's days and dates, and scores as text.

import { t, formatNumber } from './i18n.js';

export const DAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];
export const DAY_MINUTES = 24 * 60;

// --- The DOM

/** The element with this id. */
export const $ = (id) => document.getElementById(id);

/** A new element with its class and text. */
export function el(tag, className, text) {
  const element = document.createElement(tag);
  if (className) {
    element.className = className;
  }
  if (text !== undefined) {
    element.textContent = text;
  }
  return element;
}

/** A button that does not submit, with its class and text. */
export function button(className, text, onClick) {
  const element = el('button', className, text);
  element.type = 'button';
  if (onClick) {
    element.addEventListener('click', onClick);
  }
  return element;
}

/** A table with its row of headings and an empty body. */
export function headedTable(className, headings) {
  const table = el('table', className);
  const head = el('tr');
  head.append(...headings.map((text) => el('th', '', text)));
  table.append(el('thead'), el('tbody'));
  table.tHead.append(head);
  return table;
}

/** Fills a select with [value, label] options, keeping the one selected. */
export function fillSelect(select, items, selected) {
  select.replaceChildren(...items.map(([value, label]) => {
    const option = el('option', '', label);
    option.value = value;
    return option;
  }));
  if (selected) {
    select.value = selected;
  }
}

// --- Focus: a redraw replaces the week's blocks and cells; the keyboard keeps its place in it

let focusWanted = null; // a selector to focus once the page is drawn

/** Focuses the element the selector finds once the page is next drawn (it may not be there yet). */
export function focusSoon(selector) {
  focusWanted = selector;
}

/** The selector that finds the focused session, cell or session not placed again once drawn anew, or null. */
function focusedInWeek() {
  const active = document.activeElement;
  const unplaced = active?.closest('#unassigned li[data-key]');
  if (unplaced) {
    const which = active.classList.contains('pick-button') ? '.pick-button' : 'button';
    return `#unassigned li[data-key="${CSS.escape(unplaced.dataset.key)}"] ${which}`;
  }
  if (active?.classList.contains('block')) {
    return `#grid .block[data-key="${CSS.escape(active.dataset.key)}"]`;
  }
  if (active?.classList.contains('cell')) {
    const { room, day, start } = active.dataset;
    return `#grid .cell[data-room="${CSS.escape(room)}"][data-day="${day}"][data-start="${start}"]`;
  }
  return null;
}

/** Draws, keeping the focus on the same session or cell (or moving it where {@link focusSoon} asked). */
export function keepingFocus(draw) {
  const again = focusedInWeek();
  draw();
  const selector = focusWanted ?? (document.activeElement === document.body ? again : null);
  const target = selector && document.querySelector(selector);
  if (target) {
    focusWanted = null;
    target.focus();
  }
}

/** Hands a Blob to the browser as a download of that name. */
export function saveFile(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = el('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// --- The message line

export function describeError(error) {
  if (error instanceof TypeError) {
    return t('error.network', { error: error.message });
  }
  return t('error.server', { error: error.message });
}

export function showMessage(text) {
  $('message').textContent = text;
  $('message').hidden = false;
}

export function hideMessage() {
  $('message').hidden = true;
}

/** What went wrong, on the message line. */
export function showError(error) {
  showMessage(describeError(error));
}

/** Whether to go on when that would lose a week ({@code atStake}: 'edited', 'solved' or null): asks first. */
export function askBeforeLosing(atStake) {
  return !atStake || window.confirm(t(`confirm.${atStake}`));
}

// --- Times and minute ranges: [from, to) pairs of minutes

/** "08:30" → 510. */
export function minutes(time) {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

/** 510 → "08:30". */
export function clock(min) {
  return `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
}

/** Minutes from Monday 00:00, to compare times on different days. */
export function weekMinute(day, minute) {
  return DAYS.indexOf(day) * DAY_MINUTES + minute;
}

/** Whether [a, b) and [c, d) share a minute. */
export function overlaps(a, b, c, d) {
  return Math.min(b, d) > Math.max(a, c);
}

/** The ranges both lists cover (each list may overlap itself). */
export function intersect(a, b) {
  const out = [];
  for (const [x, y] of a) {
    for (const [u, v] of b) {
      if (overlaps(x, y, u, v)) {
        out.push([Math.max(x, u), Math.min(y, v)]);
      }
    }
  }
  return out;
}

/** The parts of [from, to) outside the ranges, in order. */
export function gaps(ranges, from, to) {
  const outside = [];
  let at = from;
  for (const [a, b] of intersect(ranges, [[from, to]]).sort((p, q) => p[0] - q[0])) {
    if (a > at) {
      outside.push([at, a]);
    }
    at = Math.max(at, b);
  }
  if (at < to) {
    outside.push([at, to]);
  }
  return outside;
}

/** Minutes of [from, to) inside the ranges. */
export function minutesInside(ranges, from, to) {
  return gaps(ranges, from, to).reduce((left, [a, b]) => left - (b - a), to - from);
}

/**
 * The [from, to] minute ranges of weekly hours on one day, day keys in any case. A make-up workday (调休) keeps
 * another weekday's hours ({@code index.worksAs}), as the server reads them.
 */
export function hoursOn(hours, day, index) {
  const worked = index?.worksAs?.[day] ?? day;
  const key = Object.keys(hours ?? {}).find((k) => k.toUpperCase() === worked);
  return (key ? hours[key] : []).map((range) => range.split('-').map((time) => minutes(time.trim())));
}

/** Each day of the week from its Monday ("2026-11-30") as a date, or nothing without one. */
export function weekDates(startDate) {
  if (!startDate) {
    return {};
  }
  const [y, m, d] = startDate.split('-').map(Number);
  return Object.fromEntries(DAYS.map((day, i) => [day, new Date(Date.UTC(y, m - 1, d + i)).toISOString().slice(0, 10)]));
}

// --- Scores ("-2hard/0medium/-30soft")

export function parseScore(score) {
  const level = (name) => Number((String(score).match(new RegExp(`(-?\\d+)${name}`)) ?? [0, 0])[1]);
  return { hard: level('hard'), medium: level('medium'), soft: level('soft') };
}

/**
 * A score as a coordinator reads it, each level in words: "硬性 -123 · 未安排 -101 · 软性 0" (medium counts the
 * sessions not placed); the raw score stays in tooltips for those who know it.
 */
export function scoreInWords(score) {
  const levels = parseScore(score);
  return ['hard', 'medium', 'soft'].map((level) => `${t(`level.${level}`)} ${formatNumber(levels[level])}`)
    .join(' · ');
}

export function compareScores(a, b) {
  const x = parseScore(a);
  const y = parseScore(b);
  return x.hard - y.hard || x.medium - y.medium || x.soft - y.soft;
}
