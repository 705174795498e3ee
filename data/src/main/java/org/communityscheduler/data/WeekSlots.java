package org.communityscheduler.data;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.TimeRange;
import org.communityscheduler.plan.WeeklyHours;

/**
 * The generator's week: 15-minute slots, Monday 00:00 is slot 0. Hours are sets of slots while
 * the instance is built (cheap to test and combine) and become {@link WeeklyHours} only when the
 * plan is written, so what the plan says is exactly what the planted schedule was checked against.
 */
final class WeekSlots {

    static final int SLOT_MINUTES = 15;
    static final int PER_DAY = Day.MINUTES_PER_DAY / SLOT_MINUTES;
    static final int PER_WEEK = 7 * PER_DAY;

    private WeekSlots() {
    }

    static boolean[] none() {
        return new boolean[PER_WEEK];
    }

    /** The slot at which {@code minute} (of the day, on the slot grid) of {@code day} begins. */
    static int slot(int day, int minute) {
        return day * PER_DAY + minute / SLOT_MINUTES;
    }

    /** Adds {@code "HH:mm-HH:mm"} ranges on one day. */
    static void add(boolean[] slots, int day, String... ranges) {
        for (String text : ranges) {
            TimeRange range = TimeRange.parse(text);
            fill(slots, slot(day, range.start()), slot(day, range.end()), true);
        }
    }

    static void fill(boolean[] slots, int from, int to, boolean value) {
        for (int s = from; s < to; s++) {
            slots[s] = value;
        }
    }

    static int count(boolean[] slots) {
        int count = 0;
        for (boolean slot : slots) {
            count += slot ? 1 : 0;
        }
        return count;
    }

    static boolean[] and(boolean[] a, boolean[] b) {
        boolean[] result = new boolean[PER_WEEK];
        for (int s = 0; s < PER_WEEK; s++) {
            result[s] = a[s] && b[s];
        }
        return result;
    }

    /** The slots as weekly hours, contiguous slots merged into one range; null when there are none. */
    static WeeklyHours hours(boolean[] slots) {
        Map<Day, List<TimeRange>> days = new EnumMap<>(Day.class);
        for (Day day : Day.values()) {
            List<TimeRange> ranges = new ArrayList<>();
            int base = day.ordinal() * PER_DAY;
            int s = 0;
            while (s < PER_DAY) {
                if (!slots[base + s]) {
                    s++;
                    continue;
                }
                int from = s;
                while (s < PER_DAY && slots[base + s]) {
                    s++;
                }
                ranges.add(new TimeRange(from * SLOT_MINUTES, s * SLOT_MINUTES));
            }
            if (!ranges.isEmpty()) {
                days.put(day, ranges);
            }
        }
        return days.isEmpty() ? null : new WeeklyHours(days);
    }
}
