package org.communityscheduler.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.communityscheduler.data.Community.OrganizationDraft;
import org.communityscheduler.data.Community.RoomDraft;
import org.communityscheduler.data.Community.WorkerDraft;
import org.communityscheduler.plan.Noise;

/**
 * Invents activities one at a time and places every session of each where it breaks no hard rule
 * and costs nothing: in its room's staff hours (never on request), inside its kind's times and its
 * workers' working hours, clear of their unavailable times, other sessions of its room, workers and
 * audience, the daily limits and a second site on the same day; loud sessions out of quiet hours
 * and away from quiet ones next door; one room and one session a day per activity. What is placed
 * is the planted schedule; the plan is shaped around it afterwards.
 */
final class Planter {

    /** Share of a worker's working time that activities may fill: the rest is paperwork and travel. */
    private static final double MAX_LOAD = 0.8;

    static final class PlantedActivity {
        ActivityKind kind;
        String[] variant;
        OrganizationDraft organization;
        List<WorkerDraft> workers;
        RoomDraft room;
        int durationMinutes;
        int participants;
        List<String> requiredFeatures;
        String audience;
        int priority;
        /** Start slots (of the week) of the planted sessions, in session-number order. */
        final List<Integer> starts = new ArrayList<>();
    }

    private final Community community;
    private final SplittableRandom random;
    private final double tightness;

    private final boolean[][] roomBusy;
    private final boolean[][] roomLoud;
    private final boolean[][] roomQuiet;
    /** Planted sessions and unavailable times: a worker cannot take another session there. */
    private final boolean[][] workerBusy;
    final int[][] workerDayMinutes;
    private final int[][] workerDaySite;
    private final int[] workerLoad;
    private final int[] workerCapacity;
    /** The workers whose hours meet weekend or evening opening hours outside quiet hours at one of their sites. */
    private final List<WorkerDraft> loudWorkers = new ArrayList<>();
    private final boolean[] canDoLoud;
    private final Map<String, boolean[]> audienceBusy = new HashMap<>();
    private final int kindWeights;

    final List<PlantedActivity> activities = new ArrayList<>();
    int plantedSessions;

    Planter(Community community, SplittableRandom random, double tightness) {
        this.community = community;
        this.random = random;
        this.tightness = tightness;
        int rooms = community.rooms.size();
        int workers = community.workers.size();
        roomBusy = new boolean[rooms][WeekSlots.PER_WEEK];
        roomLoud = new boolean[rooms][WeekSlots.PER_WEEK];
        roomQuiet = new boolean[rooms][WeekSlots.PER_WEEK];
        workerBusy = new boolean[workers][];
        workerDayMinutes = new int[workers][7];
        workerDaySite = new int[workers][7];
        workerLoad = new int[workers];
        workerCapacity = new int[workers];
        canDoLoud = new boolean[workers];
        for (WorkerDraft worker : community.workers) {
            workerBusy[worker.index] = worker.unavailable.clone();
            Arrays.fill(workerDaySite[worker.index], -1);
            workerCapacity[worker.index] = (int) (MAX_LOAD * WeekSlots.count(worker.working) * WeekSlots.SLOT_MINUTES);
            canDoLoud[worker.index] = meetsLoudHours(worker);
            if (canDoLoud[worker.index]) {
                loudWorkers.add(worker);
            }
        }
        int weights = 0;
        for (ActivityKind kind : ActivityKind.values()) {
            weights += kind.weight;
        }
        kindWeights = weights;
    }

    private static boolean meetsLoudHours(WorkerDraft worker) {
        boolean[] loudTimes = ActivityKind.Times.WEEKENDS_AND_EVENINGS.slots();
        for (Community.SiteDraft site : worker.sites) {
            for (int s = 0; s < WeekSlots.PER_WEEK; s++) {
                if (loudTimes[s] && worker.working[s] && site.opening[s] && !site.quiet[s]) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Plants activities until {@code target} sessions are placed or nothing more fits. */
    void plant(int target) {
        int failures = 0;
        int maxFailures = Math.max(200, target / 20);
        int attempts = 0;
        int maxAttempts = 4 * target + 100;
        while (plantedSessions < target && failures < maxFailures && attempts++ < maxAttempts) {
            PlantedActivity activity = tryActivity(target - plantedSessions);
            if (activity == null) {
                failures++;
            } else {
                failures = 0;
                activities.add(activity);
                plantedSessions += activity.starts.size();
            }
        }
    }

    private PlantedActivity tryActivity(int stillWanted) {
        ActivityKind kind = pickKind();
        WorkerDraft first = pickWorker(kind.isLoud());
        if (first == null) {
            return null;
        }
        List<WorkerDraft> workers = new ArrayList<>();
        workers.add(first);
        if (random.nextDouble() < kind.secondWorkerChance) {
            List<WorkerDraft> colleagues = first.organization.workers.stream()
                    .filter(w -> w != first && w.sites.stream().anyMatch(first.sites::contains)
                            && workerLoad[w.index] < workerCapacity[w.index] && (!kind.isLoud() || canDoLoud[w.index]))
                    .toList();
            if (!colleagues.isEmpty()) {
                workers.add(colleagues.get(random.nextInt(colleagues.size())));
            }
        }
        int duration = kind.durations[random.nextInt(kind.durations.length)];
        int sessions = Math.min(stillWanted, kind.sessionsPerWeek[random.nextInt(kind.sessionsPerWeek.length)]);
        List<String> features = List.of(kind.featureOptions[random.nextInt(kind.featureOptions.length)]);
        int participants = Community.between(random, kind.minParticipants, kind.maxParticipants);
        boolean withAudience = kind.audience != null && random.nextDouble() < kind.audienceChance;

        List<RoomDraft> rooms = new ArrayList<>();
        for (Community.SiteDraft site : first.sites) {
            if (!workers.stream().allMatch(w -> w.sites.contains(site))) {
                continue;
            }
            for (RoomDraft room : site.rooms) {
                if (room.capacity >= participants && room.features.containsAll(features)) {
                    rooms.add(room);
                }
            }
        }
        Community.shuffle(random, rooms);
        rooms.sort(Comparator.comparingInt(room -> room.capacity));

        List<Integer> bestStarts = List.of();
        RoomDraft bestRoom = null;
        String bestAudience = null;
        for (int tried = 0; tried < rooms.size() && tried < 8; tried++) {
            RoomDraft room = rooms.get(tried);
            String audience = withAudience ? room.site.id + "-" + kind.audience : null;
            List<Integer> starts = startsIn(room, kind, workers, duration, sessions, audience);
            if (starts.size() > bestStarts.size()) {
                bestStarts = starts;
                bestRoom = room;
                bestAudience = audience;
            }
            if (starts.size() == sessions) {
                break;
            }
        }
        if (bestRoom == null) {
            return null;
        }
        PlantedActivity activity = new PlantedActivity();
        activity.kind = kind;
        activity.variant = kind.variants[random.nextInt(kind.variants.length)];
        activity.organization = first.organization;
        activity.workers = List.copyOf(workers);
        activity.room = bestRoom;
        activity.durationMinutes = duration;
        // The tighter the week, the more the groups fill their rooms (and the fewer rooms can take them).
        int fuller = Math.min(bestRoom.capacity, 2 * kind.maxParticipants);
        activity.participants = fuller <= participants ? participants
                : participants + (int) Math.round(tightness * random.nextDouble() * (fuller - participants));
        activity.requiredFeatures = features;
        activity.audience = bestAudience;
        activity.priority = Community.between(random, kind.minPriority, kind.maxPriority);
        for (int start : bestStarts) {
            commit(activity, start);
        }
        return activity;
    }

    /**
     * Of two random workers with time left (who work weekends or evenings, for a loud group), the less
     * loaded: spreads the work like a coordinator would.
     */
    private WorkerDraft pickWorker(boolean loud) {
        List<WorkerDraft> pool = loud ? loudWorkers : community.workers;
        WorkerDraft best = null;
        for (int i = 0; !pool.isEmpty() && i < 6 && (best == null || i < 2); i++) {
            WorkerDraft worker = pool.get(random.nextInt(pool.size()));
            if (workerLoad[worker.index] >= workerCapacity[worker.index]) {
                continue;
            }
            if (best == null || workerLoad[worker.index] < workerLoad[best.index]) {
                best = worker;
            }
        }
        return best;
    }

    private ActivityKind pickKind() {
        int at = random.nextInt(kindWeights);
        for (ActivityKind kind : ActivityKind.values()) {
            at -= kind.weight;
            if (at < 0) {
                return kind;
            }
        }
        throw new IllegalStateException("kind weights do not add up");
    }

    /** One start on each of up to {@code sessions} different days where a session fits in this room. */
    private List<Integer> startsIn(RoomDraft room, ActivityKind kind, List<WorkerDraft> workers, int duration,
            int sessions, String audience) {
        int length = duration / WeekSlots.SLOT_MINUTES;
        List<Integer> days = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6));
        Community.shuffle(random, days);
        List<Integer> starts = new ArrayList<>();
        boolean[] free = new boolean[WeekSlots.PER_DAY];
        int[] run = new int[WeekSlots.PER_DAY + 1];
        for (int day : days) {
            if (starts.size() == sessions) {
                break;
            }
            if (!dayFits(room, workers, duration, day)) {
                continue;
            }
            freeSlots(room, kind, workers, audience, day, free);
            run[WeekSlots.PER_DAY] = 0;
            for (int s = WeekSlots.PER_DAY - 1; s >= 0; s--) {
                run[s] = free[s] ? run[s + 1] + 1 : 0;
            }
            int start = chooseStart(free, run, length);
            if (start >= 0) {
                starts.add(day * WeekSlots.PER_DAY + start);
            }
        }
        starts.sort(Integer::compare);
        return starts;
    }

    private boolean dayFits(RoomDraft room, List<WorkerDraft> workers, int duration, int day) {
        for (WorkerDraft worker : workers) {
            int site = workerDaySite[worker.index][day];
            if (site >= 0 && site != room.site.index) {
                return false;
            }
            if (workerDayMinutes[worker.index][day] + duration > worker.maxMinutesPerDay) {
                return false;
            }
            if (workerLoad[worker.index] + duration > workerCapacity[worker.index]) {
                return false;
            }
        }
        return true;
    }

    private void freeSlots(RoomDraft room, ActivityKind kind, List<WorkerDraft> workers, String audience, int day,
            boolean[] free) {
        boolean[] times = kind.times.slots();
        boolean[] audienceSlots = audience == null ? null : audienceBusy.get(audience);
        boolean[] quietHours = room.site.quiet;
        boolean[] busy = roomBusy[room.index];
        int base = day * WeekSlots.PER_DAY;
        for (int s = 0; s < WeekSlots.PER_DAY; s++) {
            int slot = base + s;
            boolean ok = room.open[slot] && !busy[slot] && times[slot]
                    && (audienceSlots == null || !audienceSlots[slot]);
            for (int w = 0; ok && w < workers.size(); w++) {
                WorkerDraft worker = workers.get(w);
                ok = worker.working[slot] && !workerBusy[worker.index][slot];
            }
            if (ok && kind.isLoud()) {
                ok = !quietHours[slot];
                for (int h = 0; ok && h < room.hearing.size(); h++) {
                    ok = !roomQuiet[room.hearing.get(h).index][slot];
                }
            } else if (ok && kind.noise == Noise.QUIET) {
                for (int h = 0; ok && h < room.hearing.size(); h++) {
                    ok = !roomLoud[room.hearing.get(h).index][slot];
                }
            }
            free[s] = ok;
        }
    }

    /**
     * A start where the session fits: half the time right after something else (or a break), which
     * packs rooms like real weeks are packed; otherwise on the hour or half hour where possible.
     */
    private int chooseStart(boolean[] free, int[] run, int length) {
        List<Integer> packed = new ArrayList<>();
        List<Integer> round = new ArrayList<>();
        List<Integer> any = new ArrayList<>();
        for (int s = 0; s < WeekSlots.PER_DAY; s++) {
            if (run[s] < length) {
                continue;
            }
            any.add(s);
            if (s == 0 || !free[s - 1]) {
                packed.add(s);
            }
            if (s % 2 == 0) {
                round.add(s);
            }
        }
        if (any.isEmpty()) {
            return -1;
        }
        List<Integer> from = !packed.isEmpty() && random.nextBoolean() ? packed : !round.isEmpty() ? round : any;
        return from.get(random.nextInt(from.size()));
    }

    private void commit(PlantedActivity activity, int start) {
        int end = start + activity.durationMinutes / WeekSlots.SLOT_MINUTES;
        int day = start / WeekSlots.PER_DAY;
        RoomDraft room = activity.room;
        WeekSlots.fill(roomBusy[room.index], start, end, true);
        if (activity.kind.isLoud()) {
            WeekSlots.fill(roomLoud[room.index], start, end, true);
        } else if (activity.kind.noise == Noise.QUIET) {
            WeekSlots.fill(roomQuiet[room.index], start, end, true);
        }
        for (WorkerDraft worker : activity.workers) {
            WeekSlots.fill(workerBusy[worker.index], start, end, true);
            workerDayMinutes[worker.index][day] += activity.durationMinutes;
            workerDaySite[worker.index][day] = room.site.index;
            workerLoad[worker.index] += activity.durationMinutes;
        }
        if (activity.audience != null) {
            WeekSlots.fill(audienceBusy.computeIfAbsent(activity.audience, a -> WeekSlots.none()), start, end, true);
        }
        activity.starts.add(start);
    }

    /** Planted sessions and unavailable times of a worker, for cutting more unavailable time around them. */
    boolean[] workerBusy(WorkerDraft worker) {
        return workerBusy[worker.index];
    }
}
