package org.communityscheduler.plan;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Time ranges per day of the week; a missing day means closed (or none). */
public record WeeklyHours(Map<Day, List<TimeRange>> days) {

    public static final WeeklyHours NONE = new WeeklyHours(Map.of());

    @JsonCreator
    public WeeklyHours {
        EnumMap<Day, List<TimeRange>> copy = new EnumMap<>(Day.class);
        days.forEach((day, ranges) -> copy.put(day, List.copyOf(ranges)));
        days = Collections.unmodifiableMap(copy);
    }

    public List<TimeRange> on(Day day) {
        return days.getOrDefault(day, List.of());
    }

    public boolean isEmpty() {
        return days.values().stream().allMatch(List::isEmpty);
    }

    /** Fluent construction for code and tests: {@code WeeklyHours.NONE.with(Day.MON, "08:30-12:00")}. */
    public WeeklyHours with(Day day, String... ranges) {
        EnumMap<Day, List<TimeRange>> copy = new EnumMap<>(Day.class);
        copy.putAll(days);
        List<TimeRange> list = new java.util.ArrayList<>(on(day));
        for (String range : ranges) {
            list.add(TimeRange.parse(range));
        }
        copy.put(day, list);
        return new WeeklyHours(copy);
    }

    /**
     * These hours with some days taking another day's ranges ({@code SAT -> MON}: Saturday has Monday's
     * hours); the days not named keep their own.
     */
    public WeeklyHours withDaysAs(Map<Day, Day> hoursOf) {
        if (hoursOf.isEmpty()) {
            return this;
        }
        EnumMap<Day, List<TimeRange>> copy = new EnumMap<>(Day.class);
        copy.putAll(days);
        hoursOf.forEach((day, source) -> copy.put(day, on(source)));
        return new WeeklyHours(copy);
    }

    @JsonValue
    public Map<Day, List<TimeRange>> days() {
        return days;
    }
}
