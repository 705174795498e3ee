package org.communityscheduler.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.communityscheduler.data.Community.OrganizationDraft;
import org.communityscheduler.data.Community.RoomDraft;
import org.communityscheduler.data.Community.WorkerDraft;
import org.communityscheduler.plan.Noise;
import org.communityscheduler.plan.Plan;

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
    /** Sessions less than a break apart (the week's default, in slots) follow each other closely. */
    private static final int CLOSE_SLOTS = Plan.DEFAULT_MIN_BREAK_MINUTES / WeekSlots.SLOT_MINUTES;

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
    /** Slots booked in each room: its occupancy is this over its open slots. */
    private final int[] roomBooked;
    private final boolean[][] roomLoud;
    private final boolean[][] roomQuiet;
    /** Planted sessions and unavailable times: a worker cannot take another session there. */
    private boolean[][] workerBusy;
    int[][] workerDayMinutes;
    private int[][] workerDaySite;
    private int[] workerLoad;
    private int[] workerCapacity;
    /** The workers whose hours meet weekend or evening opening hours outside quiet hours at one of their sites. */
    private final List<WorkerDraft> loudWorkers = new ArrayList<>();
    private boolean[] canDoLoud;
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
        roomBooked = new int[rooms];
        workerBusy = new boolean[workers][];
        workerDayMinutes = new int[workers][7];
        workerDaySite = new int[workers][7];
        workerLoad = new int[workers];
        workerCapacity = new int[workers];
        canDoLoud = new boolean[workers];
        for (WorkerDraft worker : community.workers) {
            track(worker);
        }
        int weights = 0;
        for (ActivityKind kind : ActivityKind.values()) {
            weights += kind.weight;
        }
        kindWeights = weights;
    }

    private void track(WorkerDraft worker) {
        int index = worker.index;
        if (index >= workerBusy.length) {
            int grown = Math.max(index + 1, 2 * workerBusy.length);
            workerBusy = Arrays.copyOf(workerBusy, grown);
            workerDayMinutes = Arrays.copyOf(workerDayMinutes, grown);
            workerDaySite = Arrays.copyOf(workerDaySite, grown);
            workerLoad = Arrays.copyOf(workerLoad, grown);
            workerCapacity = Arrays.copyOf(workerCapacity, grown);
            canDoLoud = Arrays.copyOf(canDoLoud, grown);
        }
        workerBusy[index] = worker.unavailable.clone();
        workerDayMinutes[index] = new int[7];
        workerDaySite[index] = new int[7];
        Arrays.fill(workerDaySite[index], -1);
        workerCapacity[index] = (int) (MAX_LOAD * WeekSlots.count(worker.working) * WeekSlots.SLOT_MINUTES);
        canDoLoud[index] = meetsLoudHours(worker);
        if (canDoLoud[index]) {
            loudWorkers.add(worker);
        }
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

    /**
     * Books the rooms out to {@code occupancy} (a share of each room's open slots): goes through each
     * room's open hours, earliest first, and at each free slot starts a weekly activity that fits there,
     * held at the same time on later days where it fits too. When nobody on the site's staff is free
     * then, a worker is hired whose hours cover it: a booked-out centre has the staff to run its week.
     */
    void fill(double occupancy) {
        List<RoomDraft> rooms = new ArrayList<>(community.rooms);
        Community.shuffle(random, rooms);
        for (RoomDraft room : rooms) {
            double wanted = occupancy * WeekSlots.count(room.open);
            for (int slot = 0; slot < WeekSlots.PER_WEEK && roomBooked[room.index] < wanted; slot++) {
                if (room.open[slot] && !roomBusy[room.index][slot]) {
                    PlantedActivity activity = fillFrom(room, slot);
                    if (activity != null) {
                        activities.add(activity);
                        plantedSessions += activity.starts.size();
                    }
                }
            }
        }
    }

    /** An activity whose first session starts at {@code start} in the room, or null when none fits. */
    private PlantedActivity fillFrom(RoomDraft room, int start) {
        int run = 0;
        int dayEnd = (start / WeekSlots.PER_DAY + 1) * WeekSlots.PER_DAY;
        while (start + run < dayEnd && room.open[start + run] && !roomBusy[room.index][start + run]) {
            run++;
        }
        List<ActivityKind> kinds = new ArrayList<>();
        for (ActivityKind kind : ActivityKind.values()) {
            if (kind.weight > 0 && kind.minParticipants <= room.capacity && kind.times.slots()[start]) {
                kinds.add(kind);
            }
        }
        Community.shuffle(random, kinds);
        for (ActivityKind kind : kinds) {
            List<String[]> features = new ArrayList<>();
            for (String[] option : kind.featureOptions) {
                if (room.features.containsAll(List.of(option))) {
                    features.add(option);
                }
            }
            int duration = fillingDuration(kind, run);
            if (features.isEmpty() || duration == 0) {
                continue;
            }
            String audience = kind.audience != null && random.nextDouble() < kind.audienceChance
                    ? room.site.id + "-" + kind.audience : null;
            List<WorkerDraft> workers = staff(room, kind, audience, start, duration);
            if (workers.isEmpty()) {
                continue;
            }
            PlantedActivity activity = new PlantedActivity();
            activity.kind = kind;
            activity.variant = kind.variants[random.nextInt(kind.variants.length)];
            activity.organization = workers.get(0).organization;
            activity.workers = List.copyOf(workers);
            activity.room = room;
            activity.durationMinutes = duration;
            activity.participants = Community.between(random, kind.minParticipants,
                    Math.min(kind.maxParticipants, room.capacity));
            activity.requiredFeatures = List.of(features.get(random.nextInt(features.size())));
            activity.audience = audience;
            activity.priority = Community.between(random, kind.minPriority, kind.maxPriority);
            int sessions = kind.sessionsPerWeek[random.nextInt(kind.sessionsPerWeek.length)];
            commit(activity, start);
            for (int later = start + WeekSlots.PER_DAY; later < WeekSlots.PER_WEEK && activity.starts.size() < sessions;
                    later += WeekSlots.PER_DAY) {
                if (fits(room, kind, workers, audience, later, duration)) {
                    commit(activity, later);
                }
            }
            return activity;
        }
        return null;
    }

    /**
     * The kind's longest duration that fits a free run of {@code run} slots and leaves either nothing
     * or room for another session; the longest that fits when none does; 0 when none fits.
     */
    private static int fillingDuration(ActivityKind kind, int run) {
        int fitting = 0;
        int leavingRoom = 0;
        for (int duration : kind.durations) {
            int length = duration / WeekSlots.SLOT_MINUTES;
            if (length <= run) {
                fitting = Math.max(fitting, duration);
                int left = run - length;
                if (left == 0 || left >= 4) {
                    leavingRoom = Math.max(leavingRoom, duration);
                }
            }
        }
        return leavingRoom > 0 ? leavingRoom : fitting;
    }

    /**
     * The least loaded of the site's workers free for the session (hiring one when nobody is), and
     * now and then a free colleague of theirs; empty when even a new worker could not take it.
     */
    private List<WorkerDraft> staff(RoomDraft room, ActivityKind kind, String audience, int start, int duration) {
        if (!fits(room, kind, List.of(), audience, start, duration)) {
            return List.of();
        }
        WorkerDraft best = null;
        for (WorkerDraft worker : community.workers) {
            if (worker.sites.contains(room.site) && (best == null || workerLoad[worker.index] < workerLoad[best.index])
                    && fits(room, kind, List.of(worker), audience, start, duration)) {
                best = worker;
            }
        }
        if (best == null) {
            best = community.hire(room.site, start, start + duration / WeekSlots.SLOT_MINUTES);
            if (best == null) {
                return List.of();
            }
            track(best);
        }
        List<WorkerDraft> workers = new ArrayList<>(List.of(best));
        if (random.nextDouble() < kind.secondWorkerChance) {
            for (WorkerDraft colleague : best.organization.workers) {
                if (colleague != best && colleague.sites.contains(room.site)
                        && fits(room, kind, List.of(best, colleague), audience, start, duration)) {
                    workers.add(colleague);
                    break;
                }
            }
        }
        return workers;
    }

    /**
     * Plants a course of the college: up to {@code lessons} lessons of a class on different days, each
     * on one of the lesson kind's periods, in the room (smallest first) and with the teacher where the
     * most fit. Classes larger than every room with the features send as many as the largest holds.
     * Null when no lesson fits anywhere.
     */
    PlantedActivity plantCourse(String[] variant, List<String> features, String audience, int classSize,
            List<WorkerDraft> teachers, int lessons) {
        ActivityKind kind = ActivityKind.LESSON;
        Community.SiteDraft campus = teachers.get(0).sites.get(0);
        List<RoomDraft> rooms = new ArrayList<>();
        for (RoomDraft room : campus.rooms) {
            if (room.features.containsAll(features)) {
                rooms.add(room);
            }
        }
        int largest = rooms.stream().mapToInt(room -> room.capacity).max().orElse(0);
        int participants = Math.min(classSize, largest);
        rooms.removeIf(room -> room.capacity < participants);
        Community.shuffle(random, rooms);
        rooms.sort(Comparator.comparingInt(room -> room.capacity));
        int duration = kind.durations[0];
        List<Integer> bestStarts = List.of();
        RoomDraft bestRoom = null;
        WorkerDraft bestTeacher = null;
        for (RoomDraft room : rooms) {
            for (WorkerDraft teacher : teachers) {
                List<Integer> starts = new ArrayList<>();
                List<Integer> days = new ArrayList<>(List.of(0, 1, 2, 3, 4));
                Community.shuffle(random, days);
                for (int d = 0; d < days.size() && starts.size() < lessons; d++) {
                    List<Integer> periods = new ArrayList<>();
                    for (int slot = days.get(d) * WeekSlots.PER_DAY; slot < (days.get(d) + 1) * WeekSlots.PER_DAY; slot++) {
                        if (fits(room, kind, List.of(teacher), audience, slot, duration)) {
                            periods.add(slot);
                        }
                    }
                    if (!periods.isEmpty()) {
                        starts.add(closePeriod(periods, audience, days.get(d), duration));
                    }
                }
                if (starts.size() > bestStarts.size()) {
                    bestStarts = starts;
                    bestRoom = room;
                    bestTeacher = teacher;
                }
            }
            if (bestStarts.size() == lessons) {
                break;
            }
        }
        if (bestRoom == null) {
            return null;
        }
        PlantedActivity activity = new PlantedActivity();
        activity.kind = kind;
        activity.variant = variant;
        activity.organization = bestTeacher.organization;
        activity.workers = List.of(bestTeacher);
        activity.room = bestRoom;
        activity.durationMinutes = duration;
        activity.participants = participants;
        activity.requiredFeatures = features;
        activity.audience = audience;
        activity.priority = Community.between(random, kind.minPriority, kind.maxPriority);
        List<Integer> sorted = new ArrayList<>(bestStarts);
        sorted.sort(Integer::compare);
        for (int start : sorted) {
            commit(activity, start);
        }
        activities.add(activity);
        plantedSessions += sorted.size();
        return activity;
    }

    /** One of the day's periods, next to a lesson the class has that day where one is (a class's day is compact). */
    private int closePeriod(List<Integer> periods, String audience, int day, int duration) {
        boolean[] close = closeTo(audience, day, duration / WeekSlots.SLOT_MINUTES);
        List<Integer> next = periods.stream().filter(slot -> close[slot % WeekSlots.PER_DAY]).toList();
        List<Integer> from = next.isEmpty() ? periods : next;
        return from.get(random.nextInt(from.size()));
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
        boolean[] audienceSlots = audience == null ? null : audienceBusy.get(audience);
        int base = day * WeekSlots.PER_DAY;
        for (int s = 0; s < WeekSlots.PER_DAY; s++) {
            free[s] = slotFree(room, kind, workers, audienceSlots, base + s);
        }
    }

    /** Whether a session of this kind may take this slot of the week, in this room with these workers. */
    private boolean slotFree(RoomDraft room, ActivityKind kind, List<WorkerDraft> workers, boolean[] audienceSlots,
            int slot) {
        boolean ok = room.open[slot] && !roomBusy[room.index][slot] && kind.times.slots()[slot]
                && (audienceSlots == null || !audienceSlots[slot]);
        for (int w = 0; ok && w < workers.size(); w++) {
            WorkerDraft worker = workers.get(w);
            ok = worker.working[slot] && !workerBusy[worker.index][slot];
        }
        if (ok && kind.isLoud()) {
            ok = !room.site.quiet[slot];
            for (int h = 0; ok && h < room.hearing.size(); h++) {
                ok = !roomQuiet[room.hearing.get(h).index][slot];
            }
        } else if (ok && kind.noise == Noise.QUIET) {
            for (int h = 0; ok && h < room.hearing.size(); h++) {
                ok = !roomLoud[room.hearing.get(h).index][slot];
            }
        }
        return ok;
    }

    /** Whether a whole session fits from {@code start}: every slot free, the day's limits kept. */
    private boolean fits(RoomDraft room, ActivityKind kind, List<WorkerDraft> workers, String audience, int start,
            int duration) {
        int day = start / WeekSlots.PER_DAY;
        int end = start + duration / WeekSlots.SLOT_MINUTES;
        if (end > (day + 1) * WeekSlots.PER_DAY || !dayFits(room, workers, duration, day)) {
            return false;
        }
        boolean[] audienceSlots = audience == null ? null : audienceBusy.get(audience);
        for (int slot = start; slot < end; slot++) {
            if (!slotFree(room, kind, workers, audienceSlots, slot)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The starts of the day from which a session of {@code length} slots would follow on closely (less than
     * a break, {@link #CLOSE_SLOTS}) from a session of the group, or lead into one.
     */
    private boolean[] closeTo(String audience, int day, int length) {
        boolean[] close = new boolean[WeekSlots.PER_DAY];
        boolean[] sessions = audienceBusy.get(audience);
        int base = day * WeekSlots.PER_DAY;
        if (sessions != null) {
            for (int s = 0; s < WeekSlots.PER_DAY; s++) {
                for (int gap = 1; gap <= CLOSE_SLOTS && !close[s]; gap++) {
                    close[s] = s - gap >= 0 && sessions[base + s - gap]
                            || s + length + gap - 1 < WeekSlots.PER_DAY && sessions[base + s + length + gap - 1];
                }
            }
        }
        return close;
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
        occupy(activity, start, true);
        activity.starts.add(start);
    }

    /** Books the session's room, workers and group from {@code start} ({@code taken}), or frees them again. */
    private void occupy(PlantedActivity activity, int start, boolean taken) {
        int end = start + activity.durationMinutes / WeekSlots.SLOT_MINUTES;
        int day = start / WeekSlots.PER_DAY;
        int sign = taken ? 1 : -1;
        RoomDraft room = activity.room;
        WeekSlots.fill(roomBusy[room.index], start, end, taken);
        roomBooked[room.index] += sign * (end - start);
        if (activity.kind.isLoud()) {
            WeekSlots.fill(roomLoud[room.index], start, end, taken);
        } else if (activity.kind.noise == Noise.QUIET) {
            WeekSlots.fill(roomQuiet[room.index], start, end, taken);
        }
        for (WorkerDraft worker : activity.workers) {
            WeekSlots.fill(workerBusy[worker.index], start, end, taken);
            workerDayMinutes[worker.index][day] += sign * activity.durationMinutes;
            // All of a worker's sessions of a day are at one site: the day is free again when none is left.
            workerDaySite[worker.index][day] = workerDayMinutes[worker.index][day] > 0 ? room.site.index : -1;
            workerLoad[worker.index] += sign * activity.durationMinutes;
        }
        if (activity.audience != null) {
            WeekSlots.fill(audienceBusy.computeIfAbsent(activity.audience, a -> WeekSlots.none()), start, end, taken);
        }
    }

    /**
     * Moves each session that stands alone in its group's day (no other session of the group less than a
     * break before or after it) next to another of the group's sessions, where it fits there in its room with
     * its workers, on its own day or one its activity does not meet yet. The groups of {@code kinds} then come
     * in blocks, as a class's lessons or children's after-school groups do, and can ask for compact days.
     */
    void gather(Set<ActivityKind> kinds) {
        for (PlantedActivity activity : activities) {
            if (activity.audience == null || !kinds.contains(activity.kind)) {
                continue;
            }
            int length = activity.durationMinutes / WeekSlots.SLOT_MINUTES;
            for (int n = 0; n < activity.starts.size(); n++) {
                int start = activity.starts.get(n);
                if (!alone(activity.audience, start, length)) {
                    continue;
                }
                occupy(activity, start, false);
                // An activity that meets once may change rooms too: it still keeps to one.
                List<RoomDraft> rooms = activity.starts.size() > 1 ? List.of(activity.room)
                        : activity.room.site.rooms.stream().filter(room -> room.capacity >= activity.participants
                                && room.features.containsAll(activity.requiredFeatures)).toList();
                List<int[]> places = new ArrayList<>();
                for (int day = 0; day < 7; day++) {
                    if (day != start / WeekSlots.PER_DAY && meetsOn(activity, day)) {
                        continue;
                    }
                    boolean[] close = closeTo(activity.audience, day, length);
                    for (int s = 0; s < WeekSlots.PER_DAY; s++) {
                        int slot = day * WeekSlots.PER_DAY + s;
                        for (int r = 0; close[s] && r < rooms.size(); r++) {
                            if (fits(rooms.get(r), activity.kind, activity.workers, activity.audience, slot,
                                    activity.durationMinutes)) {
                                places.add(new int[] { slot, r });
                            }
                        }
                    }
                }
                if (!places.isEmpty()) {
                    int[] place = places.get(random.nextInt(places.size()));
                    activity.room = rooms.get(place[1]);
                    start = place[0];
                }
                occupy(activity, start, true);
                activity.starts.set(n, start);
            }
            activity.starts.sort(Integer::compare);
        }
    }

    /**
     * Leaves out the sessions still standing alone in their group's day, for each group of {@code kinds} with at
     * most {@code most} of them: such a group asks for compact days, and does not come in for a lone session.
     */
    void dropAlone(Set<ActivityKind> kinds, int most) {
        Map<String, List<Object[]>> alone = new LinkedHashMap<>();
        for (PlantedActivity activity : activities) {
            if (activity.audience == null || !kinds.contains(activity.kind)) {
                continue;
            }
            List<Object[]> sessions = alone.computeIfAbsent(activity.audience, a -> new ArrayList<>());
            for (int start : activity.starts) {
                if (alone(activity.audience, start, activity.durationMinutes / WeekSlots.SLOT_MINUTES)) {
                    sessions.add(new Object[] { activity, start });
                }
            }
        }
        for (List<Object[]> sessions : alone.values()) {
            if (sessions.size() > most) {
                continue;
            }
            for (Object[] session : sessions) {
                PlantedActivity activity = (PlantedActivity) session[0];
                Integer start = (Integer) session[1];
                occupy(activity, start, false);
                activity.starts.remove(start);
                plantedSessions--;
            }
        }
        activities.removeIf(activity -> activity.starts.isEmpty());
    }

    /** Takes a planted activity out of the week again: its rooms, workers and group are free where it was. */
    void remove(PlantedActivity activity) {
        for (int start : activity.starts) {
            occupy(activity, start, false);
        }
        plantedSessions -= activity.starts.size();
        activity.starts.clear();
        activities.remove(activity);
    }

    /** Whether no other session of the group is less than a break before or after this one on its day. */
    private boolean alone(String audience, int start, int length) {
        return alone(audienceBusy.get(audience), start, length);
    }

    /** Whether {@code busy} (one person's or group's sessions) has nothing less than a break around this session. */
    private static boolean alone(boolean[] busy, int start, int length) {
        int dayStart = start / WeekSlots.PER_DAY * WeekSlots.PER_DAY;
        for (int gap = 1; gap <= CLOSE_SLOTS; gap++) {
            if (start - gap >= dayStart && busy[start - gap]
                    || start + length + gap - 1 < dayStart + WeekSlots.PER_DAY && busy[start + length + gap - 1]) {
                return false;
            }
        }
        return true;
    }

    private static boolean meetsOn(PlantedActivity activity, int day) {
        for (int start : activity.starts) {
            if (start / WeekSlots.PER_DAY == day) {
                return true;
            }
        }
        return false;
    }

    /** Planted sessions and unavailable times of a worker, for cutting more unavailable time around them. */
    boolean[] workerBusy(WorkerDraft worker) {
        return workerBusy[worker.index];
    }
}
