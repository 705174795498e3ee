// Why a picked session cannot go somewhere: the plan's hard rules, checked in the page for every cell at once.
//
// A copy of the server's hard constraints, kept on purpose: while a session is picked or dragged, several hundred
// cells must each say at once whether it can go there and why not, and one analysis per cell would take seconds.
// The server stays the judge: every edit is scored by its analysis (edit.js), and HardRulesAgreePageTest holds this
// copy against it, rule by rule, for sessions moved across the sample weeks; a change to a hard constraint of the
// solver that this file does not follow fails there.

import { t, constraintName, featureName, list } from './i18n.js';
import { DAY_MINUTES, hoursOn, intersect, minutes, minutesInside, overlaps, weekMinute } from './util.js';
import { sessionKey, sessionLabel } from './state.js';

/** The hard rules a cell is checked against, in the order their reasons are listed (the server's names). */
export const HARD_RULES = ['Locked doors', 'Room capacity', 'Missing feature', 'Wrong site', 'Outside allowed times',
  'Worker unavailable', 'Room clash', 'Worker clash', 'Audience clash', 'Out of order'];

/** Every audience an activity names, {@code audience} first, each once (an unlisted one is a group all the same). */
function audiencesOf(activity) {
  return [...new Set([activity?.audience, ...(activity?.audiences ?? [])].filter(Boolean))];
}

/** A rule counts while its weight in the plan keeps a hard part (every one of HARD_RULES does by default). */
function isHard(plan, rule) {
  const weight = plan.constraintWeights?.[rule];
  if (weight === undefined || weight === null) {
    return true;
  }
  const hard = String(weight).match(/(-?\d+)\s*hard/i);
  return Boolean(hard) && Number(hard[1]) !== 0;
}

/**
 * A function (room, day, start) → the hard rules the picked session would break there, each as
 * { rule, reason }: the server's name of the rule, and a reason a coordinator reads ("Room capacity: 36 ...").
 */
export function hardRulesBroken({ plan, index, schedule }, picked) {
  const key = sessionKey(picked);
  const activity = index.activities.get(picked.activity);
  const duration = activity.durationMinutes;
  const workers = activity.workers ?? [];
  const audiences = audiencesOf(activity);
  // An audience's available times are part of each of its activities' allowed times.
  const allowedTimes = [activity.allowedTimes, ...audiences.map((id) => index.audiences.get(id)?.availableTimes)]
    .filter(Boolean);
  const hard = new Set(HARD_RULES.filter((rule) => isHard(plan, rule)));
  const onlySite = plan.sites?.length === 1 ? plan.sites[0].id : null;
  const othersOn = new Map(); // day → the other sessions placed that day
  const earlier = []; // the sessions of the activities this one comes after
  const later = []; // the sessions of the activities that come after this one
  for (const s of schedule.sessions) {
    if (sessionKey(s) !== key) {
      const other = { ...s, from: minutes(s.start), to: minutes(s.end), name: sessionLabel(s, index),
        activity: index.activities.get(s.activity) };
      othersOn.set(s.day, [...(othersOn.get(s.day) ?? []), other]);
      if ((activity.after ?? []).includes(s.activity)) {
        earlier.push(other);
      } else if ((other.activity?.after ?? []).includes(activity.id)) {
        later.push(other);
      }
    }
  }
  const laneReasons = new Map();

  const ruleName = (rule) => constraintName(schedule.constraints?.find((c) => c.name === rule) ?? { name: rule });
  const broken = (rule, textKey, values) => ({ rule, reason: `${ruleName(rule)}: ${t(textKey, values)}` });

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
      reasons.push(broken('Room capacity', 'edit.why.capacity',
        { n: activity.participants, room: roomName, seats: room.capacity }));
    }
    const missing = (activity.requiredFeatures ?? []).filter((f) => !(room?.features ?? []).includes(f));
    if (hard.has('Missing feature') && missing.length) {
      reasons.push(broken('Missing feature', 'edit.why.feature',
        { room: roomName, features: list(missing.map(featureName)) }));
    }
    const siteBarred = activity.allowedSites && !activity.allowedSites.includes(siteId);
    const barredWorkers = workers.map((id) => index.workers.get(id))
      .filter((w) => w?.sites && !w.sites.includes(siteId));
    if (hard.has('Wrong site') && (siteBarred || barredWorkers.length)) {
      reasons.push(broken('Wrong site', 'edit.why.site', { site: site?.name ?? siteId }));
    }
    const closed = (site?.closedDates ?? []).includes(index.dates[day]);
    const roomHours = room?.openingHours ? hoursOn(room.openingHours, day, index) : [[0, DAY_MINUTES]];
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
    if (hard.has('Locked doors') && minutesInside(doors, start, end) < duration) {
      reasons.unshift(broken('Locked doors', 'edit.why.locked', { room: roomName }));
    }
    if (hard.has('Outside allowed times')
        && allowedTimes.some((hours) => minutesInside(hoursOn(hours, day, index), start, end) < duration)) {
      reasons.push(broken('Outside allowed times', 'edit.why.allowed', {}));
    }
    if (hard.has('Worker unavailable')) {
      for (const id of workers) {
        const worker = index.workers.get(id);
        if (worker && minutesInside(hoursOn(worker.unavailable, day, index), start, end) > 0) {
          reasons.push(broken('Worker unavailable', 'edit.why.unavailable', { worker: worker.name ?? id }));
        }
      }
    }
    for (const other of othersOn.get(day) ?? []) {
      if (!overlaps(other.from, other.to, start, end)) {
        continue;
      }
      if (hard.has('Room clash') && other.room === roomId) {
        reasons.push(broken('Room clash', 'edit.why.room', { room: roomName, other: other.name }));
      }
      const shared = workers.filter((id) => (other.activity?.workers ?? []).includes(id));
      if (hard.has('Worker clash')) {
        for (const id of shared) {
          reasons.push(broken('Worker clash', 'edit.why.worker',
            { worker: index.workers.get(id)?.name ?? id, other: other.name }));
        }
      }
      if (hard.has('Audience clash')) {
        for (const audience of audiencesOf(other.activity).filter((id) => audiences.includes(id))) {
          reasons.push(broken('Audience clash', 'edit.why.audience',
            { audience: index.audiences.get(audience)?.name ?? audience, other: other.name }));
        }
      }
    }
    if (hard.has('Out of order')) {
      const from = weekMinute(day, start);
      for (const other of earlier.filter((o) => from < weekMinute(o.day, o.to))) {
        reasons.push(broken('Out of order', 'edit.why.after', { other: other.name }));
      }
      for (const other of later.filter((o) => weekMinute(o.day, o.from) < from + duration)) {
        reasons.push(broken('Out of order', 'edit.why.before', { other: other.name }));
      }
    }
    return reasons;
  };
}
