package org.communityscheduler.plan;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The weekly plan a coordinator uploads (docs/plan-format.md §2), as plain records. Every default
 * of the format lives in the compact constructors here and nowhere else. Optional hours and lists
 * are written only when given: an empty one ({@code {}}, {@code []}) means never or nowhere, an
 * absent one any time or anywhere.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Plan(String name, Week week, List<Site> sites, List<Room> rooms, List<Organization> organizations,
        List<Worker> workers, List<Audience> audiences, List<Activity> activities, List<Placement> pinned,
        List<Placement> previous, Map<String, String> constraintWeights) {

    public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("Asia/Shanghai");
    public static final int DEFAULT_SLOT_MINUTES = 15;
    public static final int DEFAULT_MAX_MINUTES_PER_DAY = 480;
    /** A gap shorter than this between two sessions of one person or group is no break: they are one run. */
    public static final int DEFAULT_MIN_BREAK_MINUTES = 30;
    public static final int DEFAULT_PRIORITY = 1;
    public static final int MAX_PRIORITY = 10;
    public static final int MAX_SESSIONS_PER_WEEK = 100;
    /** The dates a plan may name: enough for any real week, and every date computation and export holds them. */
    public static final LocalDate FIRST_DATE = LocalDate.of(2000, 1, 1);
    public static final LocalDate LAST_DATE = LocalDate.of(2100, 12, 31);
    /**
     * The limits of one plan that keep the score within a long (docs/plan-format.md §4.1): with at most
     * {@link #MAX_SESSIONS} sessions and {@link #MAX_ATTENDANCES} attendances (of workers and audiences), no level of a score
     * can pass 5.1e13 penalty units, and 5.1e13 × {@link #MAX_WEIGHT} stays below 9.2e18.
     */
    public static final int MAX_SESSIONS = 100_000;
    public static final int MAX_ATTENDANCES = 200_000;
    public static final long MAX_WEIGHT = 100_000;
    /**
     * The most candidate placements ({@link #candidatePlacements()}) a plan may ask the model to weigh: building
     * the model costs about this many steps, so this bounds what one plan costs before solving (a city-wide week
     * has about 140 million).
     */
    public static final long MAX_CANDIDATE_PLACEMENTS = 200_000_000;
    /** The most pairs the model links ({@link #linkedPairs()}); a city-wide week has about 230 000. */
    public static final long MAX_LINKED_PAIRS = 2_000_000;

    public Plan {
        name = Objects.requireNonNullElse(name, "Weekly plan");
        week = Objects.requireNonNullElse(week, new Week(null, null, null));
        sites = listOrEmpty(sites);
        rooms = listOrEmpty(rooms);
        organizations = listOrEmpty(organizations);
        workers = listOrEmpty(workers);
        audiences = listOrEmpty(audiences);
        activities = listOrEmpty(activities);
        pinned = listOrEmpty(pinned);
        previous = listOrEmpty(previous);
        constraintWeights = constraintWeights == null ? Map.of() : Map.copyOf(constraintWeights);
    }

    /** The sessions the plan asks for: {@code sessionsPerWeek} summed over its activities. */
    public long sessionCount() {
        long sessions = 0;
        for (Activity activity : activities) {
            sessions += activity.sessionsPerWeek() == null ? 0 : activity.sessionsPerWeek();
        }
        return sessions;
    }

    /** Each worker and each audience at each session: {@code sessionsPerWeek × (workers + audiences)} summed. */
    public long attendanceCount() {
        long attendances = 0;
        for (Activity activity : activities) {
            attendances += (long) (activity.sessionsPerWeek() == null ? 0 : activity.sessionsPerWeek())
                    * (activity.workers().size() + activity.allAudiences().size());
        }
        return attendances;
    }

    /**
     * What building this plan's model costs, counted without building it: each activity is checked against every
     * room (once, and once for each feature it requires), then each room at the sites it and all its workers may
     * use is tried at each start of the week's slot grid where the activity fits in a day. An upper bound:
     * capacity, features and hours narrow the model further.
     */
    public long candidatePlacements() {
        String onlySite = sites.size() == 1 ? sites.get(0).id() : null;
        Map<String, Long> roomsBySite = new HashMap<>();
        for (Room room : rooms) {
            roomsBySite.merge(Objects.requireNonNullElse(room.site() == null ? onlySite : room.site(), ""), 1L,
                    Long::sum);
        }
        Map<String, List<String>> workerSites = new HashMap<>();
        for (Worker worker : workers) {
            if (worker.id() != null && worker.sites() != null) {
                workerSites.putIfAbsent(worker.id(), worker.sites());
            }
        }
        long placements = 0;
        for (Activity activity : activities) {
            Set<String> usable = new HashSet<>(activity.allowedSites() == null
                    ? roomsBySite.keySet() : activity.allowedSites());
            for (String worker : activity.workers()) {
                List<String> allowed = workerSites.get(worker);
                if (allowed != null) {
                    usable.retainAll(allowed);
                }
            }
            long usableRooms = 0;
            for (String site : usable) {
                usableRooms += roomsBySite.getOrDefault(site, 0L);
            }
            int duration = activity.durationMinutes() == null ? 1 : Math.min(activity.durationMinutes(), Day.MINUTES_PER_DAY);
            long starts = 7L * ((Day.MINUTES_PER_DAY - duration) / week.slotMinutes() + 1);
            long checks = 1 + new HashSet<>(activity.requiredFeatures()).size();
            placements += rooms.size() * checks + usableRooms * starts;
        }
        return placements;
    }

    /**
     * The pairs the model links in advance, which cost time and memory by their square: for each worker the
     * activities they work in, squared (who shares a worker with whom), and for each room group its rooms, squared
     * (which rooms hear each other).
     */
    public long linkedPairs() {
        Map<String, Long> activitiesByWorker = new HashMap<>();
        for (Activity activity : activities) {
            for (String worker : new HashSet<>(activity.workers())) {
                activitiesByWorker.merge(worker, 1L, Long::sum);
            }
        }
        Map<String, Long> roomsByGroup = new HashMap<>();
        for (Room room : rooms) {
            if (room.group() != null) {
                roomsByGroup.merge(room.site() + "/" + room.group(), 1L, Long::sum);
            }
        }
        long pairs = 0;
        for (long count : activitiesByWorker.values()) {
            pairs += count * count;
        }
        for (long count : roomsByGroup.values()) {
            pairs += count * count;
        }
        return pairs;
    }

    /**
     * {@code startDate} (a Monday) gives real dates; without it the week is abstract. {@code makeUpWorkdays}
     * (调休 补班) are dates worked with another weekday's hours, such as a Saturday worked as a Monday.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Week(LocalDate startDate, Integer slotMinutes, ZoneId timeZone,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<LocalDate, Day> makeUpWorkdays, Integer minBreakMinutes) {
        public Week {
            slotMinutes = Objects.requireNonNullElse(slotMinutes, DEFAULT_SLOT_MINUTES);
            timeZone = Objects.requireNonNullElse(timeZone, DEFAULT_TIME_ZONE);
            makeUpWorkdays = makeUpWorkdays == null ? Map.of()
                    : Collections.unmodifiableSortedMap(new TreeMap<>(makeUpWorkdays));
            minBreakMinutes = Objects.requireNonNullElse(minBreakMinutes, DEFAULT_MIN_BREAK_MINUTES);
        }

        public Week(LocalDate startDate, Integer slotMinutes, ZoneId timeZone) {
            this(startDate, slotMinutes, timeZone, null, null);
        }
    }

    /**
     * What a person or a group wants of their day (docs/plan-format.md §2.5), the same on a worker and on an
     * audience: runs of sessions no longer than {@code maxMinutesInARow} (null: any length), sessions closer than
     * {@code minBreakMinutes} (null: the week's) counting as one run; no day with a single session; no session
     * standing alone in its day.
     */
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    public record DayShape(Integer maxMinutesInARow, Integer minBreakMinutes, boolean avoidSingleSessionDays,
            boolean compactDays) {
        public static final DayShape NONE = new DayShape(null, null, false, false);

        /** True when any of the day-shape rules is asked for. */
        @JsonIgnore
        public boolean isWanted() {
            return maxMinutesInARow != null || avoidSingleSessionDays || compactDays;
        }
    }

    /** A community service centre: its staff hours decide when doors are open. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Site(String id, String name, WeeklyHours openingHours, WeeklyHours onRequestHours,
            WeeklyHours quietHours, List<LocalDate> closedDates) {
        public Site {
            name = name == null ? id : name; // both null when the id is missing: reported, not thrown
            openingHours = Objects.requireNonNullElse(openingHours, WeeklyHours.NONE);
            onRequestHours = Objects.requireNonNullElse(onRequestHours, WeeklyHours.NONE);
            quietHours = Objects.requireNonNullElse(quietHours, WeeklyHours.NONE);
            closedDates = listOrEmpty(closedDates);
        }
    }

    /**
     * A room of a site. {@code openingHours}, when given, narrows the site's hours for this room;
     * rooms of one {@code group} (a hall split by a folding wall) carry noise to each other like
     * adjacent rooms do.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Room(String id, String name, String site, Integer capacity, List<String> features,
            List<String> adjacentRooms, @JsonInclude(JsonInclude.Include.NON_NULL) WeeklyHours openingHours, String group) {
        public Room {
            name = name == null ? id : name;
            features = listOrEmpty(features);
            adjacentRooms = listOrEmpty(adjacentRooms);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Organization(String id, String name) {
        public Organization {
            name = name == null ? id : name;
        }
    }

    /**
     * A social worker. Without {@code sites} they can work anywhere; without {@code workingHours}
     * no minute counts as overtime.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Worker(String id, String name, String organization,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> sites,
            @JsonInclude(JsonInclude.Include.NON_NULL) WeeklyHours workingHours,
            Integer maxMinutesPerDay, WeeklyHours unavailable, @JsonUnwrapped DayShape dayShape) {
        public Worker {
            name = name == null ? id : name;
            maxMinutesPerDay = Objects.requireNonNullElse(maxMinutesPerDay, DEFAULT_MAX_MINUTES_PER_DAY);
            unavailable = Objects.requireNonNullElse(unavailable, WeeklyHours.NONE);
            dayShape = Objects.requireNonNullElse(dayShape, DayShape.NONE);
        }

        public Worker(String id, String name, String organization, List<String> sites, WeeklyHours workingHours,
                Integer maxMinutesPerDay, WeeklyHours unavailable) {
            this(id, name, organization, sites, workingHours, maxMinutesPerDay, unavailable, null);
        }
    }

    /**
     * A participant group (children after school, a class of elders, a curriculum's students): no two of its
     * sessions at once. Without {@code availableTimes} it can come any time; {@code preferredTimes} adds to each
     * of its activities' preferences.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Audience(String id, String name,
            @JsonInclude(JsonInclude.Include.NON_NULL) WeeklyHours availableTimes,
            @JsonInclude(JsonInclude.Include.NON_NULL) WeeklyHours preferredTimes, @JsonUnwrapped DayShape dayShape) {
        public Audience {
            name = name == null ? id : name;
            dayShape = Objects.requireNonNullElse(dayShape, DayShape.NONE);
        }
    }

    /**
     * Something an organisation runs {@code sessionsPerWeek} times. Without {@code allowedTimes} any
     * time is allowed; without {@code allowedSites} any site.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Activity(String id, String name, String organization, Integer durationMinutes,
            Integer sessionsPerWeek, Integer participants, String audience, List<String> audiences, Noise noise,
            List<String> requiredFeatures, List<String> workers,
            @JsonInclude(JsonInclude.Include.NON_NULL) WeeklyHours allowedTimes,
            @JsonInclude(JsonInclude.Include.NON_NULL) WeeklyHours preferredTimes,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> allowedSites, Integer priority, Integer minDays,
            List<String> after) {
        public Activity {
            name = name == null ? id : name;
            sessionsPerWeek = Objects.requireNonNullElse(sessionsPerWeek, 1);
            participants = Objects.requireNonNullElse(participants, 0);
            audiences = listOrEmpty(audiences);
            noise = Objects.requireNonNullElse(noise, Noise.NORMAL);
            requiredFeatures = listOrEmpty(requiredFeatures);
            workers = listOrEmpty(workers);
            priority = Objects.requireNonNullElse(priority, DEFAULT_PRIORITY);
            after = listOrEmpty(after);
        }

        public Activity(String id, String name, String organization, Integer durationMinutes, Integer sessionsPerWeek,
                Integer participants, String audience, Noise noise, List<String> requiredFeatures,
                List<String> workers, WeeklyHours allowedTimes, WeeklyHours preferredTimes, List<String> allowedSites,
                Integer priority) {
            this(id, name, organization, durationMinutes, sessionsPerWeek, participants, audience, null, noise,
                    requiredFeatures, workers, allowedTimes, preferredTimes, allowedSites, priority, null, null);
        }

        /** Every audience the activity names, {@code audience} first, each once (an unlisted name is a group with no settings). */
        public List<String> allAudiences() {
            java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
            if (audience != null) {
                all.add(audience);
            }
            all.addAll(audiences);
            return List.copyOf(all);
        }
    }

    /** One session of an activity in a room at a time: used by {@code pinned} and {@code previous}. */
    public record Placement(String activity, Integer session, String room, Day day, TimeOfDay start) {
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
