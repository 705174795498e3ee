// Solving and asking the server about the result: submit the plan, follow the job's events (live score, progress,
// the best schedule every so often), stop it, analyze the final schedule; find a place for a session not placed;
// highlight the sessions a constraint concerns.

import { api, followEvents } from './api.js';
import { $, minutes, describeError, showError, hideMessage, askBeforeLosing, focusSoon } from './util.js';
import {
  state, redraw, isSolving, sessionKey, scheduleBody, scheduleRequest, weekAtStake, publishedWeek, resetSchedule,
  startJob, recordProgress, tickJob, finishJob, markStopped, setSchedule, setStatus, setRecommendation, setHighlight,
} from './state.js';
import { renderStatus, renderProgress } from './status.js';
import { renderUnassigned } from './results.js';
import { moveTo } from './edit.js';

/** The best schedule is fetched at most this often while solving (milliseconds). */
const BEST_EVERY = 800;

/** A new line in the solve panel's status (an i18n key and its values), drawn at once. */
export function showStatus(key, values) {
  setStatus(key, values);
  renderStatus();
}

/** Whether a solve is on its way to the server (the week on the page still shown meanwhile). */
let submitting = false;

/**
 * The week a new solve keeps, unless the coordinator unticks "keep": the week on the page (solved, edited, saved or
 * not), else the published week of the plan's dates; null for none.
 */
export function weekToKeep() {
  if (!$('keep-week').checked || isSolving()) {
    return null;
  }
  if (state.schedule?.sessions) {
    return { onPage: true };
  }
  const published = publishedWeek();
  return published ? { published } : null;
}

/** The plan to submit: as loaded, or kept close to the week to keep (its pins, its placements as previous). */
async function planToSolve(keep) {
  if (!keep) {
    return state.planText;
  }
  const schedule = keep.onPage ? scheduleBody()
    : { sessions: (await api.publishedWeek(keep.published.startDate)).sessions, unassigned: [] };
  return JSON.stringify(await api.replan(state.plan, schedule));
}

/**
 * Solves the plan: kept close to the week on the page or the published one (its pins kept, every move weighed by
 * Disruption), or afresh once the coordinator agrees to lose that week.
 */
export async function solve() {
  if (!state.planText || submitting) {
    return;
  }
  const limit = $('time-limit').value;
  const keep = weekToKeep();
  if (!keep && !askBeforeLosing(weekAtStake())) {
    return;
  }
  hideMessage();
  let submitted;
  let planText;
  submitting = true;
  try {
    planText = await planToSolve(keep);
    submitted = await api.submit(planText, limit);
  } catch (error) {
    showError(error);
    return;
  } finally {
    submitting = false;
  }
  resetSchedule(Boolean(keep?.onPage));
  const job = {
    id: submitted.id, status: submitted.status, limitSeconds: parseInt(submitted.timeLimit ?? limit, 10) || parseInt(limit, 10),
    startedAt: null, elapsed: 0, plan: JSON.parse(planText), kept: Boolean(keep),
  };
  const controller = new AbortController();
  startJob(job, controller);
  showStatus('solve.scheduled');
  redraw();
  const ticker = setInterval(() => tick(job), 200);
  let lastFetch = 0;
  let refreshing = null;
  const refresh = async () => {
    const schedule = await api.schedule(job.id);
    if (state.job === job && isSolving(job)) {
      setSchedule(schedule);
      redraw();
    }
  };
  try {
    await followEvents(job.id, (name, data) => {
      if (state.job !== job || typeof data !== 'object') {
        return;
      }
      recordProgress(job, name, data);
      // Fetched every so often, and at once when the solver has placed sessions the week does not show yet.
      const behind = typeof data.placed === 'number' && data.placed !== (state.schedule?.sessions?.length ?? 0);
      if (name === 'best' && (behind || performance.now() - lastFetch > BEST_EVERY) && !refreshing) {
        lastFetch = performance.now();
        refreshing = refresh().catch(() => {}).finally(() => { refreshing = null; });
      }
      if (job.status === 'SOLVING_ACTIVE') {
        showStatus('solve.active', job);
      }
      renderProgress();
    }, controller.signal);
  } catch (error) {
    if (controller.signal.aborted) {
      clearInterval(ticker);
      return;
    }
    showError(error);
  }
  clearInterval(ticker);
  if (state.job !== job) {
    return;
  }
  await refreshing;
  finishJob(job);
  await finish(job);
}

function tick(job) {
  if (state.job !== job || job.status !== 'SOLVING_ACTIVE' || job.startedAt === null) {
    return;
  }
  tickJob(job);
  showStatus('solve.active', job);
  renderProgress();
}

/** The final schedule, analyzed so that each constraint lists the sessions it concerns. */
async function finish(job) {
  try {
    finishJob(job, (await api.schedule(job.id)).finished);
    setSchedule(await api.analyze({ job: job.id }), true);
    if (job.error) {
      showStatus('solve.failed', { error: job.error });
    } else if (job.stopped) {
      showStatus('solve.stopped');
    } else if (job.kept) {
      // Disruption counts each session no longer where the week kept had it.
      const moved = state.schedule.constraints?.find((c) => c.name === 'Disruption')?.matches ?? 0;
      showStatus('solve.doneKept', { ...job, moved: Array.isArray(moved) ? moved.length : moved });
    } else {
      showStatus('solve.done', job);
    }
  } catch (error) {
    showError(error);
  }
  focusSoon('#summary'); // the keyboard's place: what the solve came to
  redraw();
}

export async function stop() {
  const { job } = state;
  if (!job) {
    return;
  }
  markStopped(job);
  try {
    await api.stop(job.id);
  } catch (error) {
    showError(error);
  }
}

/** Where a session not placed could go: the server's best few places. */
export async function recommend(unassigned) {
  const key = sessionKey(unassigned);
  setRecommendation(key, { loading: true });
  renderUnassigned();
  try {
    const answer = await api.recommend(scheduleRequest({
      session: { activity: unassigned.activity, session: unassigned.session }, limit: 5,
    }));
    setRecommendation(key, answer);
  } catch (error) {
    setRecommendation(key, { error: describeError(error) });
  }
  renderUnassigned();
}

/** A recommended place taken: an edit like any other (edit.js), undone the same way. */
export function apply(unassigned, placement) {
  moveTo(sessionKey(unassigned), placement.room, placement.day, minutes(placement.start));
}

/** Highlights the sessions a constraint concerns (the schedule is analyzed first if it is not yet), or no longer. */
export async function chooseConstraint(constraint) {
  if (state.highlight?.name === constraint.name) {
    setHighlight(null);
    redraw();
    return;
  }
  let chosen = constraint;
  if (!constraint.justifications && state.job) {
    try {
      setSchedule(await api.analyze(scheduleRequest()), true);
      chosen = state.schedule.constraints.find((c) => c.name === constraint.name) ?? constraint;
    } catch (error) {
      showError(error);
      return;
    }
  }
  const keys = new Set((chosen.justifications ?? []).flatMap((j) => j.sessions ?? []));
  setHighlight({ name: constraint.name, keys });
  redraw();
}
