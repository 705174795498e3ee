package org.communityscheduler.model;

import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.TimeOfDay;
import org.communityscheduler.text.Text;

/** Minutes of the week: the model's one unit of time. */
public final class WeekTime {

    /** Shared boxed minutes, so planning values and joiner keys never allocate. */
    private static final Integer[] BOXED = new Integer[Day.MINUTES_PER_WEEK + Day.MINUTES_PER_DAY + 1];

    static {
        for (int i = 0; i < BOXED.length; i++) {
            BOXED[i] = i;
        }
    }

    private WeekTime() {
    }

    public static Integer boxed(int weekMinute) {
        return BOXED[weekMinute];
    }

    public static int of(Day day, TimeOfDay time) {
        return day.weekMinute() + time.minutes();
    }

    public static Day day(int weekMinute) {
        return Day.ofWeekMinute(weekMinute);
    }

    public static TimeOfDay timeOfDay(int weekMinute) {
        return new TimeOfDay(weekMinute - day(weekMinute).weekMinute());
    }

    /** {@code "SAT 09:00"}. */
    public static String format(int weekMinute) {
        return day(weekMinute) + " " + TimeOfDay.format(weekMinute % Day.MINUTES_PER_DAY);
    }

    /** {@link #format} as a person reads it, the day in their language: "周六 09:00". */
    public static Text text(int weekMinute) {
        return Text.of("schedule.dayAndTime", day(weekMinute).text(),
                TimeOfDay.format(weekMinute % Day.MINUTES_PER_DAY));
    }

    /** The time of day an interval ends, {@code "10:30"}, with the end of a day as {@code "24:00"}. */
    public static String formatEnd(int weekMinute) {
        int minuteOfDay = weekMinute % Day.MINUTES_PER_DAY;
        if (minuteOfDay == 0 && weekMinute > 0) {
            minuteOfDay = Day.MINUTES_PER_DAY;
        }
        return TimeOfDay.format(minuteOfDay);
    }
}
