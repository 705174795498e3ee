// The page's one store: the plan and its lookups, the job and its schedule, the edits made by hand, what is chosen
// on the page (view, site, worker, organisation, highlight, picked session), the calendar feeds and the status line.
// Every module reads `state`; only the functions here change it. Here too is what every module asks of it: whether
// a job is solving, the schedule as the body the API takes, a session's key and its "name #n" label.
// (The page's language is kept by i18n.js, which every text reads.)

import { t } from './i18n.js';
import { DAYS, weekDates } from './util.js';

const HUES = [210, 150, 30, 280, 350, 185, 95, 320, 50, 250];

export const state = {
  planText: null,
  validatedText: null, // the plan text last validated, valid or not: validated again in another language
  workbook: null, // the workbook (a File) that plan came from: read again in another language, for its sheet!cell texts
  plan: null,
  index: null, // lookups over the plan (indexPlan)
  validation: null,
  job: null, // { id, plan, kept, limitSeconds, startedAt, elapsed, status, live, error, stopped, finished }
  events: null, // AbortController of the job's event stream
  schedule: null,
  analyzed: false,
  edited: false,
  view: 'rooms',
  site: null,
  worker: null,
  org: null,
  highlight: null, // { name, keys: Set }
  recommendations: new Map(), // session key → { loading } | { error } | the server's answer
  scores: [], // the job's best scores, in turn
  status: null, // { key, values }
  edits: freshEdits(),
  feeds: {
    list: null, // the feeds as GET /api/feeds answered them, or null before they are asked for
    language: null, // the language their links ask for
    weeks: [], // the published weeks (GET /api/publications)
    published: null, // what the last publication answered
    loading: false,
    qr: new Map(), // feed path → data: URL of its QR code
  },
};

function freshEdits() {
  return {
    undo: [], // the weeks before each edit: { sessions, unassigned }
    redo: [],
    picked: null, // the key ("activity#n") of the picked session
    suggestions: null, // { key, loading, list, reason, error }
    suggesting: null, // AbortController of the recommend request in flight
    scoring: null, // AbortController of the analyze request in flight
    timer: null, // the scoring waiting for a burst of edits to end
    sequence: 0, // counts the scorings, so that only the last one's answer is taken
    version: 0, // counts the edits, so a save knows whether the week changed while it was on its way
    saved: true,
    saving: false,
  };
}

let redrawPage = () => {};

/** The function that draws the whole page from the state (app.js sets it). */
export function onRedraw(draw) {
  redrawPage = draw;
}

/** Draws the whole page again. */
export function redraw() {
  redrawPage();
}

// --- What every module asks

export function isSolving(job = state.job) {
  return Boolean(job && job.status !== 'NOT_SOLVING');
}

/** The schedule as the API takes it: its placed and its unassigned sessions. */
export function scheduleBody(schedule = state.schedule, sessions = schedule.sessions) {
  return { sessions, unassigned: schedule.unassigned ?? [] };
}

/**
 * The plan the week on the page belongs to: the job's, which may keep an earlier week (its pins and placements as
 * the plan's pinned and previous), or else the plan as loaded.
 */
export function weeksPlan() {
  return state.job?.plan ?? state.plan;
}

/** The body of analyze or recommend: the job's own schedule, or the plan with the week as edited on the page. */
export function scheduleRequest(extra = {}) {
  if (!state.edited && state.job) {
    return { job: state.job.id, ...extra };
  }
  return { plan: weeksPlan(), schedule: scheduleBody(), ...extra };
}

/**
 * What a new plan or a fresh solve would throw away: 'edited' (edits not saved), 'solved' (a week solved, or being
 * solved, which the page cannot show again), or null.
 */
export function weekAtStake() {
  if (hasUnsavedEdits()) {
    return 'edited';
  }
  return state.schedule || isSolving() ? 'solved' : null;
}

/** The published week of the plan's dates ({ startDate, name, job, published, sessions }), or undefined. */
export function publishedWeek() {
  const startDate = state.plan?.week?.startDate;
  return startDate ? state.feeds.weeks.find((week) => week.startDate === startDate) : undefined;
}

/** "teen-club#2": the second session of activity teen-club. */
export function sessionKey(session) {
  return `${session.activity}#${session.session}`;
}

/** "teen-club#2" → ["teen-club", 2]. */
export function splitKey(key) {
  const hash = key.lastIndexOf('#');
  return [key.slice(0, hash), Number(key.slice(hash + 1))];
}

export function activityName(index, activityId) {
  return index.activities.get(activityId)?.name ?? activityId;
}

/** A session as a coordinator names it, as the server's messages do: "青少年活动 第2场", "Teen club #2". */
export function sessionLabel(session, index = state.index) {
  return t('session.label', { name: activityName(index, session.activity), n: session.session });
}

export function roomName(roomId, index = state.index) {
  return index.rooms.get(roomId)?.name ?? roomId;
}

/** Whether the week on the page can be edited by hand: solved, and not solving. */
export function canEdit() {
  return Boolean(state.schedule?.sessions && state.plan && state.index && !isSolving());
}

/** The picked session, placed or not ({ activity, session, unplaced }), or null. */
export function pickedSession() {
  const key = state.edits.picked;
  const { schedule } = state;
  if (!key || !schedule || !canEdit()) {
    return null;
  }
  const placed = schedule.sessions.find((s) => sessionKey(s) === key);
  if (placed) {
    return placed;
  }
  const left = (schedule.unassigned ?? []).find((s) => sessionKey(s) === key);
  return left ? { activity: left.activity, session: left.session, unplaced: true } : null;
}

/** Whether the week on the page has edits the server does not have yet. */
export function hasUnsavedEdits() {
  return state.edited && !state.edits.saved;
}

/** Lookups over a plan: activities, rooms, workers, audiences, sites, organisations and their colours, dates. */
export function indexPlan(plan) {
  const byId = (list) => new Map((list ?? []).map((item) => [item.id, item]));
  const organizations = byId(plan.organizations);
  const hue = new Map([...organizations.keys()].map((id, i) => [id, HUES[i % HUES.length]]));
  return {
    plan,
    activities: byId(plan.activities),
    rooms: byId(plan.rooms),
    workers: byId(plan.workers),
    audiences: byId(plan.audiences),
    sites: byId(plan.sites),
    organizations,
    hue: (orgId) => hue.get(orgId),
    dates: weekDates(plan.week?.startDate),
    worksAs: worksAs(plan.week),
  };
}

/** The days of this week that are make-up workdays (调休), each with the weekday whose hours it keeps. */
function worksAs(week) {
  const dates = weekDates(week?.startDate);
  return Object.fromEntries(DAYS.filter((day) => week?.makeUpWorkdays?.[dates[day]])
    .map((day) => [day, week.makeUpWorkdays[dates[day]].toUpperCase()]));
}

// --- The plan

/** Where the plan last validated came from: its text, and the workbook it was read from if any. */
export function setPlanSource(text, workbook = null) {
  state.validatedText = text;
  state.workbook = workbook;
}

export function setValidation(validation) {
  state.validation = validation;
}

/** A valid plan becomes the page's; each picker starts at its first site, worker and organisation. */
export function takePlan(text, validation) {
  state.validation = validation;
  state.planText = text;
  state.plan = JSON.parse(text);
  state.index = indexPlan(state.plan);
  state.site = state.plan.sites?.[0]?.id ?? null;
  state.worker = state.plan.workers?.[0]?.id ?? null;
  state.org = state.plan.organizations?.[0]?.id ?? null;
  resetSchedule();
}

/** An invalid plan replaces the current one: only its validation is kept. */
export function dropPlan(validation) {
  state.validation = validation;
  state.plan = null;
  state.planText = null;
  state.index = null;
  resetSchedule();
}

// --- The job and its schedule

/**
 * A new plan or a new solve: the job, its schedule and the edits of the last one are gone. A solve that keeps the
 * week on the page ({@code keepHistory}) keeps its undo history, that week last: undo goes back to it.
 */
export function resetSchedule(keepHistory = false) {
  const { edits } = state;
  edits.scoring?.abort();
  edits.suggesting?.abort();
  clearTimeout(edits.timer);
  const undo = keepHistory && state.schedule ? [...edits.undo, snapshot()] : [];
  state.edits = { ...freshEdits(), undo, sequence: edits.sequence, version: edits.version };
  state.events?.abort();
  state.job = null;
  state.schedule = null;
  state.analyzed = false;
  state.edited = false;
  state.highlight = null;
  state.recommendations = new Map();
  state.scores = [];
}

/** A job submitted: followed through its event stream until {@code events} aborts. */
export function startJob(job, events) {
  state.job = job;
  state.events = events;
}

/** What an event of the job's stream says: its status, time solving, best score, and at the end its error. */
export function recordProgress(job, name, data) {
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
  if (name === 'done' && data.error) {
    job.error = data.error.message ?? data.error;
  }
}

/** The seconds solving so far, counted on the page between the job's events. */
export function tickJob(job) {
  job.elapsed = (performance.now() - job.startedAt) / 1000;
}

/** The job's final state: its status, and when it finished. */
export function finishJob(job, finished) {
  job.status = 'NOT_SOLVING';
  if (finished !== undefined) {
    job.finished = finished;
  }
}

/** The coordinator stopped the job: its best schedule is kept. */
export function markStopped(job) {
  job.stopped = true;
}

/** A schedule from the server; an analyzed one lists each constraint's justifications. */
export function setSchedule(schedule, analyzed = state.analyzed) {
  state.schedule = schedule;
  state.analyzed = analyzed;
}

export function setStatus(key, values = {}) {
  state.status = { key, values };
}

// --- What the coordinator chooses

/** view: 'rooms', 'workers' or 'orgs'; site, worker, org: the one each picker shows. */
export function choose(what, value) {
  state[what] = value;
}

export function setHighlight(highlight) {
  state.highlight = highlight;
}

/** The server's answer on where an unassigned session could go ({ loading } while it is asked). */
export function setRecommendation(key, answer) {
  state.recommendations.set(key, answer);
}

export function clearRecommendations() {
  state.recommendations = new Map();
}

// --- Edits by hand (edit.js)

/** Picks a session (or none, with null): its suggestions are being asked for. */
export function setPicked(key) {
  state.edits.picked = key;
  state.edits.suggestions = key ? { key, loading: true } : null;
}

/** The server's best places for the picked session, if it is still picked. */
export function setSuggestions(key, suggestions) {
  if (state.edits.picked === key) {
    state.edits.suggestions = { key, ...suggestions };
  }
}

/** The requests of the editing in flight (AbortControllers) and the scoring's timer. */
export function setEditRequests(requests) {
  Object.assign(state.edits, requests);
}

/** The next scoring's number: only the answer to the last one asked is taken. */
export function nextScoring() {
  state.edits.sequence += 1;
  return state.edits.sequence;
}

/** The week on the page as it is now, to come back to. */
function snapshot() {
  return structuredClone(scheduleBody());
}

/** Shows a week edited by hand: not saved, not scored yet, nothing highlighted. */
function showWeek(week) {
  state.schedule = { ...state.schedule, sessions: week.sessions, unassigned: week.unassigned };
  state.edited = true;
  state.highlight = null;
  state.recommendations = new Map();
  state.edits.saved = false;
  state.edits.version += 1;
}

/** Changes the week with {@code change(sessions, unassigned)}, remembering the week before for undo. */
export function editWeek(change) {
  state.edits.undo.push(snapshot());
  state.edits.redo = [];
  const week = snapshot();
  change(week.sessions, week.unassigned);
  showWeek(week);
}

/** Goes back one edit; false when there is none. */
export function undoEdit() {
  return travel(state.edits.undo, state.edits.redo);
}

/** Makes the last edit undone again; false when there is none. */
export function redoEdit() {
  return travel(state.edits.redo, state.edits.undo);
}

function travel(from, to) {
  if (!from.length) {
    return false;
  }
  to.push(snapshot());
  showWeek(from.pop());
  return true;
}

/** A save of the edited week is on its way (true) or over. */
export function setEditSaving(saving) {
  state.edits.saving = saving;
}

/** Saved on the server, unless the week was edited again ({@code version}) while it was on its way. */
export function markSaved(version) {
  state.edits.saved = version === state.edits.version;
}

// --- Calendar feeds (feeds.js)

/** The feed links the server answered, in its language ({@code null}: no links rather than wrong ones). */
export function setFeeds(answer, weeks = state.feeds.weeks) {
  Object.assign(state.feeds, { list: answer?.feeds ?? null, language: answer?.language ?? null, weeks });
  state.feeds.qr.clear();
}

export function setFeedsLoading(loading) {
  state.feeds.loading = loading;
}

/** The published weeks, as GET /api/publications lists them. */
export function setPublishedWeeks(weeks) {
  state.feeds.weeks = weeks;
}

export function setPublished(published) {
  state.feeds.published = published;
}

/** A feed's QR code shown (a data: URL) or hidden (null). */
export function setQrCode(path, source) {
  if (source) {
    state.feeds.qr.set(path, source);
  } else {
    state.feeds.qr.delete(path);
  }
}
