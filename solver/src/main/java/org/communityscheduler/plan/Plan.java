package org.communityscheduler.plan;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The weekly plan a coordinator uploads (docs/plan-format.md §2), as plain records. Every default
 * of the format lives in the compact constructors here and nowhere else. Optional hours and lists
 * are written only when given: an empty one ({@code {}}, {@code []}) means never or nowhere, an
 * absent one any time or anywhere.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Plan(String name, Week week, List<Site> sites, List<Room> rooms, List<Organization> organizations,
        List<Worker> workers, List<Activity> activities, List<Placement> pinned, List<Placement> previous,
        Map<String, String> constraintWeights) {

    public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("Asia/Shanghai");
    public static final int DEFAULT_SLOT_MINUTES = 15;
    public static final int DEFAULT_MAX_MINUTES_PER_DAY = 480;
    public static final int DEFAULT_PRIORITY = 1;
    public static final int MAX_PRIORITY = 10;

    public Plan {
        name = Objects.requireNonNullElse(name, "Weekly plan");
        week = Objects.requireNonNullElse(week, new Week(null, null, null));
        sites = listOrEmpty(sites);
        rooms = listOrEmpty(rooms);
        organizations = listOrEmpty(organizations);
        workers = listOrEmpty(workers);
        activities = listOrEmpty(activities);
        pinned = listOrEmpty(pinned);
        previous = listOrEmpty(previous);
        constraintWeights = constraintWeights == null ? Map.of() : Map.copyOf(constraintWeights);
    }

    /** {@code startDate} (a Monday) gives real dates; without it the week is abstract. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Week(LocalDate startDate, Integer slotMinutes, ZoneId timeZone) {
        public Week {
            slotMinutes = Objects.requireNonNullElse(slotMinutes, DEFAULT_SLOT_MINUTES);
            timeZone = Objects.requireNonNullElse(timeZone, DEFAULT_TIME_ZONE);
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
            Integer maxMinutesPerDay, WeeklyHours unavailable) {
        public Worker {
            name = name == null ? id : name;
            maxMinutesPerDay = Objects.requireNonNullElse(maxMinutesPerDay, DEFAULT_MAX_MINUTES_PER_DAY);
            unavailable = Objects.requireNonNullElse(unavailable, WeeklyHours.NONE);
        }
    }

    /**
     * Something an organisation runs {@code sessionsPerWeek} times. Without {@code allowedTimes} any
     * time is allowed; without {@code allowedSites} any site.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Activity(String id, String name, String organization, Integer durationMinutes,
            Integer sessionsPerWeek, Integer participants, String audience, Noise noise,
            List<String> requiredFeatures, List<String> workers,
            @JsonInclude(JsonInclude.Include.NON_NULL) WeeklyHours allowedTimes,
            @JsonInclude(JsonInclude.Include.NON_NULL) WeeklyHours preferredTimes,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> allowedSites, Integer priority) {
        public Activity {
            name = name == null ? id : name;
            sessionsPerWeek = Objects.requireNonNullElse(sessionsPerWeek, 1);
            participants = Objects.requireNonNullElse(participants, 0);
            noise = Objects.requireNonNullElse(noise, Noise.NORMAL);
            requiredFeatures = listOrEmpty(requiredFeatures);
            workers = listOrEmpty(workers);
            priority = Objects.requireNonNullElse(priority, DEFAULT_PRIORITY);
        }
    }

    /** One session of an activity in a room at a time: used by {@code pinned} and {@code previous}. */
    public record Placement(String activity, Integer session, String room, Day day, TimeOfDay start) {
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
