package org.communityscheduler.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.Diagnostic;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.plan.Rule;
import org.communityscheduler.plan.SessionKey;
import org.communityscheduler.plan.WeeklyHours;
import org.communityscheduler.text.Text;

/**
 * A valid {@link Plan} to the planning model: hours become {@link TimeWindows}, every session gets
 * the rooms and starts it could ever use, and sessions that can never be placed get a diagnostic
 * that says why.
 */
public final class ModelBuilder {

    private final Plan plan;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Map<String, Site> sites = new LinkedHashMap<>();
    private final Map<String, Room> rooms = new LinkedHashMap<>();
    private final Map<String, Worker> workers = new LinkedHashMap<>();
    private final Map<String, Audience> audiences = new LinkedHashMap<>();
    private final Map<String, Activity> activities = new LinkedHashMap<>();
    private final Map<Rule, HardMediumSoftLongScore> weights = new HashMap<>();
    /** The days of this week worked with another weekday's hours (make-up workdays). */
    private Map<Day, Day> hoursOf = Map.of();

    private ModelBuilder(Plan plan) {
        this.plan = plan;
    }

    /** The model of a plan made in code (generators, tests); plans read from bytes come in through {@link PlanIntake}. */
    public static WeeklySchedule build(Plan plan) {
        return build(plan, List.of());
    }

    /** The model, keeping what reading the plan noted (unknown fields...) before the model's own diagnostics. */
    static WeeklySchedule build(Plan plan, List<Diagnostic> readingDiagnostics) {
        ModelBuilder builder = new ModelBuilder(plan);
        builder.diagnostics.addAll(readingDiagnostics);
        return builder.build();
    }

    private WeeklySchedule build() {
        for (Rule rule : Rule.values()) {
            weights.put(rule, rule.defaultWeight());
        }
        plan.constraintWeights().forEach((title, weight) -> Rule.byTitle(title)
                .ifPresent(rule -> weights.put(rule, rule.parseWeight(weight))));

        hoursOf = makeUpWorkdays();
        Map<String, TimeWindows> siteOpening = new HashMap<>();
        Map<String, TimeWindows> siteOnRequest = new HashMap<>();
        for (int i = 0; i < plan.sites().size(); i++) {
            Plan.Site site = plan.sites().get(i);
            TimeWindows closed = closedDays(site, "sites[" + i + "].closedDates");
            TimeWindows opening = hours(site.openingHours()).minus(closed);
            siteOpening.put(site.id(), opening);
            siteOnRequest.put(site.id(), hours(site.onRequestHours()).minus(opening).minus(closed));
            sites.put(site.id(), new Site(site.id(), site.name(), hours(site.quietHours()).minus(closed)));
        }
        String onlySite = plan.sites().size() == 1 ? plan.sites().get(0).id() : null;
        for (Plan.Room room : plan.rooms()) {
            String siteId = room.site() == null ? onlySite : room.site();
            TimeWindows roomHours = room.openingHours() == null ? TimeWindows.WHOLE_WEEK
                    : hours(room.openingHours());
            TimeWindows onRequest = siteOnRequest.get(siteId).intersect(roomHours);
            TimeWindows doorsOpen = siteOpening.get(siteId).intersect(roomHours).union(onRequest);
            rooms.put(room.id(), new Room(room.id(), room.name(), rooms.size(), sites.get(siteId), room.capacity(),
                    new HashSet<>(room.features()), doorsOpen, onRequest));
        }
        linkNoise();
        for (Plan.Worker worker : plan.workers()) {
            Set<Site> workerSites = worker.sites() == null ? null
                    : worker.sites().stream().map(sites::get).collect(Collectors.toSet());
            TimeWindows working = worker.workingHours() == null ? TimeWindows.WHOLE_WEEK
                    : hours(worker.workingHours());
            workers.put(worker.id(), new Worker(worker.id(), worker.name(), worker.organization(), workerSites, working,
                    worker.maxMinutesPerDay(), hours(worker.unavailable()), dayShape(worker.dayShape())));
        }
        Map<String, Plan.Audience> listedAudiences = new HashMap<>();
        for (Plan.Audience audience : plan.audiences()) {
            listedAudiences.put(audience.id(), audience);
            audiences.put(audience.id(), new Audience(audience.id(), audience.name(), dayShape(audience.dayShape())));
        }
        for (Plan.Activity activity : plan.activities()) {
            Set<Site> allowedSites = activity.allowedSites() == null ? null
                    : activity.allowedSites().stream().map(sites::get).collect(Collectors.toSet());
            List<Audience> attending = new ArrayList<>();
            TimeWindows allowed = activity.allowedTimes() == null ? TimeWindows.WHOLE_WEEK : hours(activity.allowedTimes());
            TimeWindows preferred = activity.preferredTimes() == null ? null : hours(activity.preferredTimes());
            for (String id : activity.allAudiences()) {
                // An audience the plan does not list is a group with no settings of its own.
                attending.add(audiences.computeIfAbsent(id, unlisted -> new Audience(unlisted, unlisted,
                        dayShape(Plan.DayShape.NONE))));
                Plan.Audience listed = listedAudiences.get(id);
                if (listed != null && listed.availableTimes() != null) {
                    allowed = allowed.intersect(hours(listed.availableTimes()));
                }
                if (listed != null && listed.preferredTimes() != null) {
                    TimeWindows theirs = hours(listed.preferredTimes());
                    preferred = preferred == null ? theirs : preferred.intersect(theirs);
                }
            }
            activities.put(activity.id(), new Activity(activity.id(), activity.name(), activities.size(),
                    activity.organization(), activity.durationMinutes(), activity.participants(), attending,
                    activity.noise(), new HashSet<>(activity.requiredFeatures()),
                    activity.workers().stream().map(workers::get).toList(), allowed, preferred, allowedSites,
                    activity.priority(), activity.minDays() == null ? 0 : activity.minDays()));
        }
        Activity.linkSharedWorkers(List.copyOf(activities.values()));
        List<Precedence> precedences = new ArrayList<>();
        for (Plan.Activity activity : plan.activities()) {
            for (String earlier : activity.after()) {
                precedences.add(new Precedence(activities.get(activity.id()), activities.get(earlier)));
            }
        }
        Activity.linkOrder(precedences);

        List<Session> sessions = createSessions();
        return new WeeklySchedule(plan, diagnostics, List.copyOf(sites.values()), List.copyOf(rooms.values()),
                List.copyOf(workers.values()), List.copyOf(audiences.values()), List.copyOf(activities.values()),
                List.copyOf(precedences), sessions, overrides());
    }

    private ConstraintWeightOverrides<HardMediumSoftLongScore> overrides() {
        Map<String, HardMediumSoftLongScore> overridden = new HashMap<>();
        plan.constraintWeights().keySet().forEach(title -> Rule.byTitle(title)
                .ifPresent(rule -> overridden.put(title, weights.get(rule))));
        return ConstraintWeightOverrides.of(overridden);
    }

    /** A person's or a group's day shape, their shortest break falling back to the week's. */
    private DayShape dayShape(Plan.DayShape shape) {
        return new DayShape(shape.maxMinutesInARow() == null ? 0 : shape.maxMinutesInARow(),
                shape.minBreakMinutes() == null ? plan.week().minBreakMinutes() : shape.minBreakMinutes(),
                shape.avoidSingleSessionDays(), shape.compactDays());
    }

    /** Weekly hours as this week's days use them: a make-up workday has its named weekday's hours. */
    private TimeWindows hours(WeeklyHours weekly) {
        return TimeWindows.of(weekly.withDaysAs(hoursOf));
    }

    /** Each make-up workday of this week and the weekday whose hours it is worked with; dates outside it are ignored. */
    private Map<Day, Day> makeUpWorkdays() {
        Map<Day, Day> worked = new EnumMap<>(Day.class);
        LocalDate monday = plan.week().startDate();
        plan.week().makeUpWorkdays().forEach((date, weekday) -> {
            long day = monday == null ? -1 : ChronoUnit.DAYS.between(monday, date);
            if (day < 0 || day > 6) {
                diagnostics.add(Diagnostic.info("week.makeUpWorkdays." + date,
                        Text.of("makeUpWorkdays.notInWeek", date.toString(), String.valueOf(monday))));
            } else {
                worked.put(Day.values()[(int) day], weekday);
            }
        });
        return worked;
    }

    /** Whole days of this week on which the site stays shut; dates outside the week are ignored. */
    private TimeWindows closedDays(Plan.Site site, String path) {
        List<int[]> closed = new ArrayList<>();
        LocalDate monday = plan.week().startDate();
        for (int i = 0; i < site.closedDates().size(); i++) {
            LocalDate date = site.closedDates().get(i);
            long day = monday == null ? -1 : ChronoUnit.DAYS.between(monday, date);
            if (day < 0 || day > 6) {
                diagnostics.add(Diagnostic.info(path + "[" + i + "]", Text.of("plan.closedDateOutsideTheWeek",
                        date.toString(), String.valueOf(monday))));
                continue;
            }
            closed.add(new int[] { (int) day * Day.MINUTES_PER_DAY, (int) (day + 1) * Day.MINUTES_PER_DAY });
        }
        return TimeWindows.normalized(closed);
    }

    private void linkNoise() {
        Map<String, List<Room>> groups = new HashMap<>();
        for (Plan.Room planRoom : plan.rooms()) {
            Room room = rooms.get(planRoom.id());
            for (String adjacent : planRoom.adjacentRooms()) {
                room.hears(rooms.get(adjacent));
            }
            if (planRoom.group() != null) {
                String key = room.getSite().getId() + "/" + planRoom.group();
                for (Room other : groups.computeIfAbsent(key, k -> new ArrayList<>())) {
                    room.hears(other);
                }
                groups.get(key).add(room);
            }
        }
    }

    private List<Session> createSessions() {
        Map<String, Session> byKey = new LinkedHashMap<>();
        for (int i = 0; i < plan.activities().size(); i++) {
            Activity activity = activities.get(plan.activities().get(i).id());
            String path = "activities[" + i + "]";
            List<Room> roomRange = candidateRooms(activity, path);
            List<Integer> startRange = roomRange.isEmpty() ? List.of() : candidateStarts(activity, roomRange, path);
            for (int number = 1; number <= plan.activities().get(i).sessionsPerWeek(); number++) {
                Session session = new Session(activity, number, startRange, roomRange);
                if (!session.isPlaceable()) {
                    session.lockUnplaceable();
                }
                byKey.put(session.getId(), session);
            }
        }
        for (int i = 0; i < plan.pinned().size(); i++) {
            Plan.Placement pin = plan.pinned().get(i);
            Session session = byKey.get(SessionKey.of(pin.activity(), pin.session()).toString());
            Room room = rooms.get(pin.room());
            int start = pin.day().weekMinute() + pin.start().minutes();
            if (!session.getRoomRange().contains(room) || !session.getStartRange().contains(WeekTime.boxed(start))) {
                diagnostics.add(Diagnostic.warning("pinned[" + i + "]", Text.of("edit.pinOutsideRanges",
                        pin.session(), session.getActivity().getName(), pin.day().name(), pin.start().toString(),
                        room.getName(), whyNotHere(session, room, start))));
            }
            session.pin(room, start);
        }
        for (Plan.Placement previous : plan.previous()) {
            Session session = byKey.get(SessionKey.of(previous.activity(), previous.session()).toString());
            session.setPrevious(rooms.get(previous.room()), previous.day().weekMinute() + previous.start().minutes());
        }
        return new ArrayList<>(byKey.values());
    }

    /**
     * The rooms a session of this activity could use, smallest first so that large rooms stay free
     * for large groups. When there are none, says which requirement rules every room out. Rooms too
     * small are left out only while Room capacity is hard; when a plan makes it soft they stay, after
     * the rooms that seat everyone and largest first, so construction tries the cheapest overflow last.
     */
    private List<Room> candidateRooms(Activity activity, String path) {
        List<Room> candidates = new ArrayList<>(rooms.values());
        if (!narrow(candidates, room -> activity.allowsSite(room.getSite()), activity, path,
                Text.of("plan.unplaceable.noRoomAtAllowedSites"))) {
            return List.of();
        }
        int largest = candidates.stream().mapToInt(Room::getCapacity).max().orElse(0);
        if (weights.get(Rule.ROOM_CAPACITY).hardScore() > 0 && !narrow(candidates,
                room -> room.getCapacity() >= activity.getParticipants(), activity, path,
                Text.of("plan.unplaceable.tooManyParticipants", activity.getParticipants(), largest))) {
            return List.of();
        }
        Set<String> missingEverywhere = new HashSet<>(activity.getRequiredFeatures());
        rooms.values().forEach(room -> missingEverywhere.removeAll(room.getFeatures()));
        Text featureReason = missingEverywhere.isEmpty()
                ? Text.of("plan.unplaceable.noLargeRoomWithAllFeatures", sortedList(activity.getRequiredFeatures()))
                : Text.of("plan.unplaceable.noRoomWithFeatures", sortedList(missingEverywhere));
        if (!narrow(candidates, room -> room.missingFeatures(activity.getRequiredFeatures()) == 0, activity, path,
                featureReason)) {
            return List.of();
        }
        if (!narrow(candidates, room -> activity.wrongSiteCount(room.getSite()) == 0, activity, path,
                Text.of("plan.unplaceable.workersCannotReachARoom", names(activity.getWorkers())))) {
            return List.of();
        }
        candidates.sort(Comparator.comparing((Room room) -> room.getCapacity() < activity.getParticipants())
                .thenComparingInt(room -> room.getCapacity() < activity.getParticipants()
                        ? -room.getCapacity() : room.getCapacity())
                .thenComparing(Room::getId));
        return List.copyOf(candidates);
    }

    private boolean narrow(List<Room> candidates, Predicate<Room> requirement, Activity activity, String path,
            Text reason) {
        candidates.removeIf(requirement.negate());
        if (candidates.isEmpty()) {
            unplaceable(activity, path, reason);
            return false;
        }
        return true;
    }

    /**
     * Every start on the slot grid where a session fits, on one day, in the open hours of one of its
     * rooms, inside its allowed times, with all its workers available; ordered by what the soft
     * constraints are expected to cost there, so the construction heuristic tries good times first.
     */
    private List<Integer> candidateStarts(Activity activity, List<Room> roomRange, String path) {
        int duration = activity.getDurationMinutes();
        TimeWindows unavailable = TimeWindows.NONE;
        for (Worker worker : activity.getWorkers()) {
            unavailable = unavailable.union(worker.getUnavailable());
        }
        TimeWindows allowed = activity.getAllowedTimes();
        // Rooms of one site mostly share their hours: each distinct window is tried once, not once per room.
        List<TimeWindows> open = roomRange.stream().map(Room::getDoorsOpen).distinct().toList();
        List<TimeWindows> usable = open.stream().map(w -> w.intersect(allowed)).distinct().toList();
        TimeWindows finalUnavailable = unavailable;
        List<TimeWindows> free = usable.stream().map(w -> w.minus(finalUnavailable)).distinct().toList();

        List<Integer> starts = startsWithin(free, duration);
        if (!starts.isEmpty()) {
            List<RoomHours> hours = roomRange.stream().map(RoomHours::of).distinct().toList();
            Map<Integer, Long> cost = new HashMap<>();
            starts.forEach(start -> cost.put(start, expectedSoftCost(activity, hours, start)));
            starts.sort(Comparator.comparingLong((Integer start) -> cost.get(start)).thenComparingInt(Integer::intValue));
            return List.copyOf(starts);
        }
        if (startsWithin(open, duration).isEmpty()) {
            int longest = open.stream().mapToInt(TimeWindows::longestInterval).max().orElse(0);
            unplaceable(activity, path, longest == 0 ? Text.of("plan.unplaceable.roomsNeverOpen")
                    : Text.of("plan.unplaceable.longerThanOpening", duration, longest));
        } else if (startsWithin(usable, duration).isEmpty()) {
            unplaceable(activity, path, Text.of("plan.unplaceable.allowedTimesOutsideOpening", duration));
        } else {
            List<String> blocking = activity.getWorkers().stream()
                    .filter(worker -> startsWithin(usable.stream().map(w -> w.minus(worker.getUnavailable())).toList(),
                            duration).isEmpty())
                    .map(Worker::getName).toList();
            unplaceable(activity, path, blocking.isEmpty()
                    ? Text.of("plan.unplaceable.workersNeverTogether", names(activity.getWorkers()))
                    : Text.of("plan.unplaceable.workersUnavailable", String.join(", ", blocking)));
        }
        return List.of();
    }

    private int slotMinutes() {
        return plan.week().slotMinutes();
    }

    /** Starts on the slot grid where {@code [start, start + duration)} lies on one day inside one of the windows. */
    private List<Integer> startsWithin(List<TimeWindows> windows, int duration) {
        List<Integer> starts = new ArrayList<>();
        for (int start = 0; start + duration <= Day.MINUTES_PER_WEEK; start += slotMinutes()) {
            if (start / Day.MINUTES_PER_DAY != (start + duration - 1) / Day.MINUTES_PER_DAY) {
                continue;
            }
            for (TimeWindows window : windows) {
                if (window.covers(start, start + duration)) {
                    starts.add(WeekTime.boxed(start));
                    break;
                }
            }
        }
        return starts;
    }

    /** The hours of a room that its expected cost depends on; rooms with equal hours cost the same. */
    private record RoomHours(TimeWindows doorsOpen, TimeWindows onRequest, TimeWindows quietHours) {
        static RoomHours of(Room room) {
            return new RoomHours(room.getDoorsOpen(), room.getOnRequest(), room.getSite().getQuietHours());
        }
    }

    private long expectedSoftCost(Activity activity, List<RoomHours> roomHours, int start) {
        int end = start + activity.getDurationMinutes();
        long cost = activity.minutesOutsidePreferred(start, end) * weights.get(Rule.NOT_PREFERRED_TIME).softScore()
                + activity.overtimeMinutes(start, end) * weights.get(Rule.OVERTIME).softScore();
        long bestRoom = Long.MAX_VALUE;
        for (RoomHours room : roomHours) {
            if (!room.doorsOpen().covers(start, end)) {
                continue;
            }
            long roomCost = room.onRequest().minutesInside(start, end) * weights.get(Rule.DOORS_ON_REQUEST).softScore();
            if (activity.isLoud()) {
                roomCost += room.quietHours().minutesInside(start, end)
                        * weights.get(Rule.NOISE_DURING_QUIET_HOURS).softScore();
            }
            bestRoom = Math.min(bestRoom, roomCost);
        }
        return cost + (bestRoom == Long.MAX_VALUE ? 0 : bestRoom);
    }

    /**
     * Why the solver would never put this session here, where a coordinator pinned it: the first rule of the
     * candidate ranges it misses (a pin stays where it is; the constraints score what it breaks).
     */
    private Text whyNotHere(Session session, Room room, int start) {
        Activity activity = session.getActivity();
        int end = start + activity.getDurationMinutes();
        LocalDate monday = plan.week().startDate();
        LocalDate date = monday == null ? null : monday.plusDays(start / Day.MINUTES_PER_DAY);
        boolean closed = date != null && plan.sites().stream().anyMatch(site -> site.id().equals(room.getSite().getId())
                && site.closedDates().contains(date));
        if (room.getCapacity() < activity.getParticipants() && weights.get(Rule.ROOM_CAPACITY).hardScore() > 0) {
            return Text.of("edit.pinTooSmall", room.getCapacity(), activity.getParticipants());
        } else if (room.missingFeatures(activity.getRequiredFeatures()) > 0) {
            Set<String> missing = new HashSet<>(activity.getRequiredFeatures());
            missing.removeAll(room.getFeatures());
            return Text.of("edit.pinMissingFeature", sortedList(missing));
        } else if (!activity.allowsSite(room.getSite()) || activity.wrongSiteCount(room.getSite()) > 0) {
            return Text.of("edit.pinWrongSite", room.getSite().getName());
        } else if (closed) {
            return Text.of("edit.pinClosedDate", date.toString());
        } else if (!room.getDoorsOpen().covers(start, end)) {
            return Text.of("edit.pinDoorsLocked");
        } else if (!activity.getAllowedTimes().covers(start, end)) {
            return Text.of("edit.pinNotAllowed");
        } else if (activity.workerUnavailableMinutes(start, end) > 0) {
            return Text.of("edit.pinWorkerUnavailable");
        }
        return Text.of("edit.pinOffTheSlotGrid", slotMinutes());
    }

    private void unplaceable(Activity activity, String path, Text reason) {
        activity.setUnplaceableReason(reason);
        diagnostics.add(Diagnostic.warning(path, Text.of("plan.neverPlaceable", activity.getName(), reason)));
    }

    private static String sortedList(java.util.Collection<String> texts) {
        return texts.stream().sorted().collect(Collectors.joining(", "));
    }

    private static String names(List<Worker> workers) {
        return workers.stream().map(Worker::getName).collect(Collectors.joining(", "));
    }
}
