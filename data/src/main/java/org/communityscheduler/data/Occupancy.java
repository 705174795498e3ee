package org.communityscheduler.data;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.plan.TimeRange;
import org.communityscheduler.plan.WeeklyHours;
import org.communityscheduler.schedule.Schedule;

/**
 * How full a week's rooms are: the minutes sessions take over the minutes the rooms' doors are open,
 * summed over all rooms of the plan. Open means the site's opening (staff) hours, within the room's own
 * hours when it has them, closed dates left out; on-request hours do not count (opening them costs),
 * nor do session minutes outside the open hours. All rooms, not only the used ones: an empty room is
 * spare room a solver can use just like a gap in a busy one, so leaving it out would call a week full
 * that is not.
 */
public record Occupancy(long sessionMinutes, long openMinutes) {

    /** 0..1; 0 when no room is ever open. */
    public double share() {
        return openMinutes == 0 ? 0 : (double) sessionMinutes / openMinutes;
    }

    /** {@code 93.4 %}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.1f %%", 100 * share());
    }

    public static Occupancy of(GeneratedInstance instance) {
        return of(instance.plan(), instance.planted().sessions());
    }

    public static Occupancy of(Plan plan, List<Schedule.PlacedSession> sessions) {
        Map<String, boolean[]> siteOpen = new HashMap<>();
        for (Plan.Site site : plan.sites()) {
            boolean[] open = minutes(site.openingHours());
            LocalDate monday = plan.week().startDate();
            for (LocalDate closed : site.closedDates()) {
                long day = monday == null ? -1 : closed.toEpochDay() - monday.toEpochDay();
                if (day >= 0 && day < 7) {
                    Arrays.fill(open, (int) day * Day.MINUTES_PER_DAY, (int) (day + 1) * Day.MINUTES_PER_DAY,
                            false);
                }
            }
            siteOpen.put(site.id(), open);
        }
        Map<String, boolean[]> roomOpen = new HashMap<>();
        long openMinutes = 0;
        for (Plan.Room room : plan.rooms()) {
            boolean[] open = siteOpen.getOrDefault(room.site(), new boolean[Day.MINUTES_PER_WEEK]).clone();
            if (room.openingHours() != null) {
                boolean[] own = minutes(room.openingHours());
                for (int minute = 0; minute < open.length; minute++) {
                    open[minute] &= own[minute];
                }
            }
            for (boolean minute : open) {
                openMinutes += minute ? 1 : 0;
            }
            roomOpen.put(room.id(), open);
        }
        long sessionMinutes = 0;
        for (Schedule.PlacedSession session : sessions) {
            boolean[] open = roomOpen.get(session.room());
            int from = session.day().weekMinute() + session.start().minutes();
            int to = session.day().weekMinute() + session.end().minutes();
            for (int minute = from; open != null && minute < to; minute++) {
                sessionMinutes += open[minute] ? 1 : 0;
            }
        }
        return new Occupancy(sessionMinutes, openMinutes);
    }

    private static boolean[] minutes(WeeklyHours hours) {
        boolean[] minutes = new boolean[Day.MINUTES_PER_WEEK];
        hours.days().forEach((day, ranges) -> {
            for (TimeRange range : ranges) {
                Arrays.fill(minutes, day.weekMinute() + range.start(), day.weekMinute() + range.end(), true);
            }
        });
        return minutes;
    }
}
