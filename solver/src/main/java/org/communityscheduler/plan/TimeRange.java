package org.communityscheduler.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import org.communityscheduler.text.TextException;

/** A range of one day, {@code "HH:mm-HH:mm"}, its end after its start. Minutes since midnight. */
public record TimeRange(int start, int end) {

    public TimeRange {
        if (start < 0 || end > Day.MINUTES_PER_DAY) {
            throw new TextException("plan.rangeNotInOneDay");
        }
        if (end <= start) {
            throw new TextException(end < start ? "plan.rangeEndsBeforeItStarts" : "plan.rangeEmpty",
                    TimeOfDay.format(start) + "-" + TimeOfDay.format(end));
        }
    }

    public static TimeRange of(String start, String end) {
        return new TimeRange(TimeOfDay.parse(start).minutes(), TimeOfDay.parse(end).minutes());
    }

    /** Parses {@code "09:00-12:00"}; the message says what is wrong. */
    @JsonCreator
    public static TimeRange parse(String text) {
        int dash = text.indexOf('-');
        if (dash < 0) {
            throw new TextException("plan.notATimeRange", text);
        }
        TimeOfDay start = TimeOfDay.parse(text.substring(0, dash).strip());
        TimeOfDay end = TimeOfDay.parse(text.substring(dash + 1).strip());
        return new TimeRange(start.minutes(), end.minutes());
    }

    public int minutes() {
        return end - start;
    }

    @JsonValue
    @Override
    public String toString() {
        return TimeOfDay.format(start) + "-" + TimeOfDay.format(end);
    }
}
