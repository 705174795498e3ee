package org.communityscheduler.plan;

import java.util.Locale;
import java.util.Optional;

import org.communityscheduler.text.Text;

/** A day of the plan's week, written {@code MON}..{@code SUN} in plans and schedules. */
public enum Day {
    MON, TUE, WED, THU, FRI, SAT, SUN;

    public static final int MINUTES_PER_DAY = 24 * 60;
    public static final int MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

    /** Accepts {@code MON} as well as {@code mon}; anything else is empty. */
    public static Optional<Day> parse(String text) {
        for (Day day : values()) {
            if (day.name().equals(text.toUpperCase(Locale.ROOT))) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }

    /** The day's name as a person reads it: "Monday", "周一". */
    public Text text() {
        return Text.of("plan.day." + name());
    }

    /** The minute of the week at which this day begins (Monday 00:00 is 0). */
    public int weekMinute() {
        return ordinal() * MINUTES_PER_DAY;
    }

    public static Day ofWeekMinute(int weekMinute) {
        return values()[weekMinute / MINUTES_PER_DAY];
    }
}
