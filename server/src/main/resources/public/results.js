// What the solve or the edits came to, drawn from the state: the summary sentence and score, the sessions not placed
// with their reasons and the places the server recommends, and the constraints broken with their justifications.

import { t, constraintName, dayName, formatDate, formatNumber, list, sentence } from './i18n.js';
import { $, el, button, parseScore, compareScores, scoreInWords } from './util.js';
import { state, isSolving, sessionKey, sessionLabel, roomName } from './state.js';
import { decorateUnassigned } from './edit-view.js';

const LEVEL_ORDER = { hard: 0, medium: 1, soft: 2 };

let actions = null; // { recommend(item), apply(item, placement), chooseConstraint(constraint) }

/** What the lists' buttons do (solving.js). */
export function setUpResults(hooks) {
  actions = hooks;
}

/** How many times a constraint is broken: its matches, listed or counted. */
function matchCount(constraint) {
  return Array.isArray(constraint.matches) ? constraint.matches.length : constraint.matches ?? 0;
}

export function renderSummary() {
  const { schedule } = state;
  $('summary').hidden = !schedule?.score;
  if (!schedule?.score) {
    return;
  }
  const score = parseScore(schedule.score);
  const hardMatches = (schedule.constraints ?? []).filter((c) => c.level === 'hard')
    .reduce((sum, c) => sum + matchCount(c), 0);
  const unassigned = schedule.unassigned?.length ?? 0;
  const parts = [
    score.hard < 0 ? t('summary.hardBroken', { n: hardMatches || -score.hard }) : t('summary.hardOk'),
    unassigned ? t('summary.unassigned', { n: unassigned }) : t('summary.allPlaced'),
  ];
  if (score.soft < 0) {
    parts.push(t('summary.soft', { n: formatNumber(-score.soft) }));
  }
  $('summary-text').textContent = sentence(parts);
  $('summary-score').textContent = scoreInWords(schedule.score);
  $('summary-score').title = schedule.score;
  $('summary-score').dataset.score = schedule.score;
  $('summary').classList.toggle('bad', score.hard < 0);
  $('summary').classList.toggle('warn', score.hard >= 0 && unassigned > 0);
}

function placementText(p) {
  return `${dayName(p.day)}${p.date ? ` ${formatDate(p.date)}` : ''} ${p.start}–${p.end} · ${roomName(p.room)}`;
}

export function renderUnassigned() {
  const items = $('unassigned');
  const unassigned = state.schedule?.unassigned ?? [];
  if (!state.schedule) {
    items.replaceChildren();
    return;
  }
  if (unassigned.length === 0) {
    items.replaceChildren(el('li', 'muted none', t('unassigned.none')));
    return;
  }
  const solving = isSolving();
  items.replaceChildren(...unassigned.map((item) => {
    const key = sessionKey(item);
    const li = el('li', 'unassigned-item');
    li.dataset.key = key;
    const head = el('div', 'unassigned-head');
    head.append(el('strong', 'unassigned-name', sessionLabel(item)));
    const ask = button('small', t('unassigned.recommend'), () => actions.recommend(item));
    ask.disabled = solving;
    head.append(ask);
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
    const places = el('ol', 'recommendation-list');
    for (const placement of found.recommendations) {
      const li = el('li');
      const text = el('span', 'placement', placementText(placement));
      const diff = el('span', `diff${parseScore(placement.scoreDifference).hard < 0 ? ' bad' : ''}`,
        t('recommend.diff', { diff: scoreInWords(placement.scoreDifference) }));
      diff.title = [placement.scoreDifference,
        ...(placement.constraints ?? []).map((c) => `${constraintName(c)}: ${scoreInWords(c.score)}`)].join('\n');
      li.append(text, diff, button('small primary', t('recommend.apply'), () => actions.apply(item, placement)));
      places.append(li);
    }
    box.append(places);
  }
  return box;
}

export function renderConstraints() {
  const constraints = state.schedule?.constraints ?? [];
  $('clear-highlight').hidden = !state.highlight;
  const broken = constraints.filter((c) => matchCount(c) > 0)
    .sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || compareScores(a.score, b.score));
  const holding = constraints.filter((c) => matchCount(c) === 0);
  const items = broken.map((constraint) => {
    const chosen = state.highlight?.name === constraint.name;
    const li = el('li', `constraint level-${constraint.level}`);
    li.dataset.name = constraint.name;
    if (chosen) {
      li.classList.add('selected');
    }
    const choice = button('constraint-button', undefined, () => actions.chooseConstraint(constraint));
    choice.append(el('span', `level-tag ${constraint.level}`, t(`level.${constraint.level}`)),
      el('span', 'constraint-name', constraintName(constraint)),
      el('span', 'constraint-count', t('constraints.matches', { n: matchCount(constraint) })),
      el('span', 'constraint-score', shortScore(constraint)));
    choice.title = `${constraintName(constraint)}: ${scoreInWords(constraint.score)}`;
    li.append(choice);
    if (chosen && constraint.justifications) {
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
    li.textContent = `✓ ${list(holding.map(constraintName))}`;
    items.push(li);
  }
  $('constraints').replaceChildren(...items);
}

function shortScore(constraint) {
  const s = parseScore(constraint.score);
  return String(s[constraint.level] ?? constraint.score);
}
