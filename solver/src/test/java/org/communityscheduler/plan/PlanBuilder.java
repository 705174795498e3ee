package org.communityscheduler.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builds plans for tests in a few readable lines:
 * <pre>
 * Plan plan = PlanBuilder.plan()
 *         .site("huanghe", site -> site.open(Day.MON, "08:30-12:00"))
 *         .room("hall", room -> room.capacity(40))
 *         .activity("teen-club", activity -> activity.duration(90).noise(Noise.LOUD))
 *         .build();
 * </pre>
 * The first site is used for rooms that name none.
 */
public final class PlanBuilder {

    private String name = "Test plan";
    private LocalDate startDate;
    private Integer slotMinutes;
    private Integer minBreakMinutes;
    private final Map<LocalDate, Day> makeUpWorkdays = new LinkedHashMap<>();
    private final List<Plan.Site> sites = new ArrayList<>();
    private final List<Plan.Room> rooms = new ArrayList<>();
    private final List<Plan.Organization> organizations = new ArrayList<>();
    private final List<Plan.Worker> workers = new ArrayList<>();
    private final List<Plan.Audience> audiences = new ArrayList<>();
    private final List<Plan.Activity> activities = new ArrayList<>();
    private final List<Plan.Placement> pinned = new ArrayList<>();
    private final List<Plan.Placement> previous = new ArrayList<>();
    private final Map<String, String> weights = new LinkedHashMap<>();

    public static PlanBuilder plan() {
        return new PlanBuilder();
    }

    public PlanBuilder name(String name) {
        this.name = name;
        return this;
    }

    public PlanBuilder startDate(String monday) {
        this.startDate = LocalDate.parse(monday);
        return this;
    }

    /** A date of the week worked with another weekday's hours (调休 补班). */
    public PlanBuilder makeUpWorkday(String date, Day workedAs) {
        makeUpWorkdays.put(LocalDate.parse(date), workedAs);
        return this;
    }

    public PlanBuilder slotMinutes(int slotMinutes) {
        this.slotMinutes = slotMinutes;
        return this;
    }

    /** The week's shortest break between two runs of sessions. */
    public PlanBuilder minBreakMinutes(int minutes) {
        this.minBreakMinutes = minutes;
        return this;
    }

    public PlanBuilder site(String id, Consumer<SiteBuilder> details) {
        SiteBuilder site = new SiteBuilder(id);
        details.accept(site);
        sites.add(site.build());
        return this;
    }

    public PlanBuilder room(String id, Consumer<RoomBuilder> details) {
        RoomBuilder room = new RoomBuilder(id);
        details.accept(room);
        rooms.add(room.build());
        return this;
    }

    public PlanBuilder organization(String id) {
        organizations.add(new Plan.Organization(id, null));
        return this;
    }

    public PlanBuilder worker(String id, Consumer<WorkerBuilder> details) {
        WorkerBuilder worker = new WorkerBuilder(id);
        details.accept(worker);
        workers.add(worker.build());
        return this;
    }

    public PlanBuilder audience(String id, Consumer<AudienceBuilder> details) {
        AudienceBuilder audience = new AudienceBuilder(id);
        details.accept(audience);
        audiences.add(audience.build());
        return this;
    }

    public PlanBuilder activity(String id, Consumer<ActivityBuilder> details) {
        ActivityBuilder activity = new ActivityBuilder(id);
        details.accept(activity);
        activities.add(activity.build());
        return this;
    }

    public PlanBuilder pin(String activity, int session, String room, Day day, String start) {
        pinned.add(new Plan.Placement(activity, session, room, day, TimeOfDay.parse(start)));
        return this;
    }

    public PlanBuilder previous(String activity, int session, String room, Day day, String start) {
        previous.add(new Plan.Placement(activity, session, room, day, TimeOfDay.parse(start)));
        return this;
    }

    public PlanBuilder weight(String constraint, String weight) {
        weights.put(constraint, weight);
        return this;
    }

    public Plan build() {
        String onlySite = sites.size() == 1 ? sites.get(0).id() : null;
        List<Plan.Room> placedRooms = rooms.stream()
                .map(room -> room.site() != null || onlySite == null ? room
                        : new Plan.Room(room.id(), room.name(), onlySite, room.capacity(), room.features(),
                                room.adjacentRooms(), room.openingHours(), room.group()))
                .toList();
        return new Plan(name, new Plan.Week(startDate, slotMinutes, null, makeUpWorkdays, minBreakMinutes), sites,
                placedRooms, organizations, workers, audiences, activities, pinned, previous, weights);
    }

    /** The plan as the JSON a coordinator would upload. */
    public String json() {
        return Json.write(build());
    }

    public static final class SiteBuilder {
        private final String id;
        private WeeklyHours opening = WeeklyHours.NONE;
        private WeeklyHours onRequest = WeeklyHours.NONE;
        private WeeklyHours quiet = WeeklyHours.NONE;
        private final List<LocalDate> closed = new ArrayList<>();

        SiteBuilder(String id) {
            this.id = id;
        }

        public SiteBuilder open(Day day, String... ranges) {
            opening = opening.with(day, ranges);
            return this;
        }

        /** Open on every day of the week in these ranges. */
        public SiteBuilder openDaily(String... ranges) {
            for (Day day : Day.values()) {
                open(day, ranges);
            }
            return this;
        }

        public SiteBuilder onRequest(Day day, String... ranges) {
            onRequest = onRequest.with(day, ranges);
            return this;
        }

        public SiteBuilder quiet(Day day, String... ranges) {
            quiet = quiet.with(day, ranges);
            return this;
        }

        public SiteBuilder closed(String date) {
            closed.add(LocalDate.parse(date));
            return this;
        }

        Plan.Site build() {
            return new Plan.Site(id, null, opening, onRequest, quiet, closed);
        }
    }

    public static final class RoomBuilder {
        private final String id;
        private String site;
        private int capacity = 20;
        private List<String> features = List.of();
        private List<String> adjacent = List.of();
        private WeeklyHours hours;
        private String group;

        RoomBuilder(String id) {
            this.id = id;
        }

        public RoomBuilder site(String site) {
            this.site = site;
            return this;
        }

        public RoomBuilder capacity(int capacity) {
            this.capacity = capacity;
            return this;
        }

        public RoomBuilder features(String... features) {
            this.features = List.of(features);
            return this;
        }

        public RoomBuilder adjacent(String... rooms) {
            this.adjacent = List.of(rooms);
            return this;
        }

        public RoomBuilder hours(Day day, String... ranges) {
            hours = (hours == null ? WeeklyHours.NONE : hours).with(day, ranges);
            return this;
        }

        public RoomBuilder group(String group) {
            this.group = group;
            return this;
        }

        Plan.Room build() {
            return new Plan.Room(id, null, site, capacity, features, adjacent, hours, group);
        }
    }

    public static final class WorkerBuilder {
        private final String id;
        private String organization;
        private List<String> sites;
        private WeeklyHours working;
        private Integer maxMinutesPerDay;
        private WeeklyHours unavailable = WeeklyHours.NONE;
        private final DayShapeBuilder day = new DayShapeBuilder();

        WorkerBuilder(String id) {
            this.id = id;
        }

        /** The worker's day shape: {@code worker("li", w -> w.day(d -> d.maxMinutesInARow(120)))}. */
        public WorkerBuilder day(Consumer<DayShapeBuilder> details) {
            details.accept(day);
            return this;
        }

        public WorkerBuilder organization(String organization) {
            this.organization = organization;
            return this;
        }

        public WorkerBuilder sites(String... sites) {
            this.sites = List.of(sites);
            return this;
        }

        public WorkerBuilder working(Day day, String... ranges) {
            working = (working == null ? WeeklyHours.NONE : working).with(day, ranges);
            return this;
        }

        public WorkerBuilder maxMinutesPerDay(int minutes) {
            this.maxMinutesPerDay = minutes;
            return this;
        }

        public WorkerBuilder unavailable(Day day, String... ranges) {
            unavailable = unavailable.with(day, ranges);
            return this;
        }

        Plan.Worker build() {
            return new Plan.Worker(id, null, organization, sites, working, maxMinutesPerDay, unavailable, day.build());
        }
    }

    /** What a worker or an audience wants of their day. */
    public static final class DayShapeBuilder {
        private Integer maxMinutesInARow;
        private Integer minBreakMinutes;
        private boolean avoidSingleSessionDays;
        private boolean compactDays;

        public DayShapeBuilder maxMinutesInARow(int minutes) {
            this.maxMinutesInARow = minutes;
            return this;
        }

        public DayShapeBuilder minBreakMinutes(int minutes) {
            this.minBreakMinutes = minutes;
            return this;
        }

        public DayShapeBuilder avoidSingleSessionDays() {
            this.avoidSingleSessionDays = true;
            return this;
        }

        public DayShapeBuilder compactDays() {
            this.compactDays = true;
            return this;
        }

        Plan.DayShape build() {
            return new Plan.DayShape(maxMinutesInARow, minBreakMinutes, avoidSingleSessionDays, compactDays);
        }
    }

    public static final class AudienceBuilder {
        private final String id;
        private String name;
        private WeeklyHours available;
        private WeeklyHours preferred;
        private final DayShapeBuilder day = new DayShapeBuilder();

        AudienceBuilder(String id) {
            this.id = id;
        }

        public AudienceBuilder name(String name) {
            this.name = name;
            return this;
        }

        public AudienceBuilder available(Day day, String... ranges) {
            available = (available == null ? WeeklyHours.NONE : available).with(day, ranges);
            return this;
        }

        public AudienceBuilder preferred(Day day, String... ranges) {
            preferred = (preferred == null ? WeeklyHours.NONE : preferred).with(day, ranges);
            return this;
        }

        public AudienceBuilder day(Consumer<DayShapeBuilder> details) {
            details.accept(day);
            return this;
        }

        Plan.Audience build() {
            return new Plan.Audience(id, name, available, preferred, day.build());
        }
    }

    public static final class ActivityBuilder {
        private final String id;
        private String organization;
        private int duration = 60;
        private Integer sessions;
        private Integer participants;
        private String audience;
        private List<String> audiences = List.of();
        private Noise noise;
        private List<String> features = List.of();
        private List<String> workers = List.of();
        private WeeklyHours allowed;
        private WeeklyHours preferred;
        private List<String> sites;
        private Integer priority;
        private Integer minDays;
        private List<String> after = List.of();

        ActivityBuilder(String id) {
            this.id = id;
        }

        public ActivityBuilder organization(String organization) {
            this.organization = organization;
            return this;
        }

        public ActivityBuilder duration(int minutes) {
            this.duration = minutes;
            return this;
        }

        public ActivityBuilder sessions(int sessionsPerWeek) {
            this.sessions = sessionsPerWeek;
            return this;
        }

        public ActivityBuilder participants(int participants) {
            this.participants = participants;
            return this;
        }

        public ActivityBuilder audience(String audience) {
            this.audience = audience;
            return this;
        }

        /** Several audiences (a session for children and parents), beside or instead of {@link #audience}. */
        public ActivityBuilder audiences(String... audiences) {
            this.audiences = List.of(audiences);
            return this;
        }

        public ActivityBuilder minDays(int days) {
            this.minDays = days;
            return this;
        }

        public ActivityBuilder after(String... activities) {
            this.after = List.of(activities);
            return this;
        }

        public ActivityBuilder noise(Noise noise) {
            this.noise = noise;
            return this;
        }

        public ActivityBuilder features(String... features) {
            this.features = List.of(features);
            return this;
        }

        public ActivityBuilder workers(String... workers) {
            this.workers = List.of(workers);
            return this;
        }

        public ActivityBuilder allowed(Day day, String... ranges) {
            allowed = (allowed == null ? WeeklyHours.NONE : allowed).with(day, ranges);
            return this;
        }

        public ActivityBuilder preferred(Day day, String... ranges) {
            preferred = (preferred == null ? WeeklyHours.NONE : preferred).with(day, ranges);
            return this;
        }

        public ActivityBuilder sites(String... sites) {
            this.sites = List.of(sites);
            return this;
        }

        public ActivityBuilder priority(int priority) {
            this.priority = priority;
            return this;
        }

        Plan.Activity build() {
            return new Plan.Activity(id, null, organization, duration, sessions, participants, audience, audiences, noise,
                    features, workers, allowed, preferred, sites, priority, minDays, after);
        }
    }
}
