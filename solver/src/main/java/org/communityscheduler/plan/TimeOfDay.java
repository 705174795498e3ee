package org.communityscheduler.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import org.communityscheduler.text.TextException;

/**
 * A wall-clock time {@code HH:mm}, kept as minutes since midnight. {@code 24:00} is allowed as
 * the end of a range. This is the one place times of day are parsed and printed.
 */
public record TimeOfDay(int minutes) implements Comparable<TimeOfDay> {

    public TimeOfDay {
        if (minutes < 0 || minutes > Day.MINUTES_PER_DAY) {
            throw new TextException("plan.timeOfDayOutOfRange");
        }
    }

    public static TimeOfDay of(int hour, int minute) {
        return new TimeOfDay(hour * 60 + minute);
    }

    /** Parses {@code HH:mm} (also {@code H:mm}); the message says what is wrong. */
    @JsonCreator
    public static TimeOfDay parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 1 || colon > 2 || text.length() != colon + 3) {
            throw new TextException("plan.notATimeOfDay", text);
        }
        for (int i = 0; i < text.length(); i++) { // digits 0-9 only: no sign, no other script's digits
            if (i != colon && (text.charAt(i) < '0' || text.charAt(i) > '9')) {
                throw new TextException("plan.notATimeOfDay", text);
            }
        }
        int hour = Integer.parseInt(text.substring(0, colon));
        int minute = Integer.parseInt(text.substring(colon + 1));
        if (minute > 59 || hour > 24 || (hour == 24 && minute != 0)) {
            throw new TextException("plan.timeOfDayNotOnTheClock", text);
        }
        return of(hour, minute);
    }

    public static String format(int minutes) {
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }

    @JsonValue
    @Override
    public String toString() {
        return format(minutes);
    }

    @Override
    public int compareTo(TimeOfDay other) {
        return Integer.compare(minutes, other.minutes);
    }
}
