package org.communityscheduler.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.TimeRange;
import org.communityscheduler.plan.WeeklyHours;

/**
 * A set of times in the week as sorted, disjoint {@code [start, end)} intervals in minutes of the
 * week (Monday 00:00 is 0). Queries loop over a few ints and allocate nothing, so constraints can
 * call them on every move.
 */
public final class TimeWindows {

    public static final TimeWindows NONE = new TimeWindows(new int[0], new int[0]);
    public static final TimeWindows WHOLE_WEEK = new TimeWindows(new int[] { 0 }, new int[] { Day.MINUTES_PER_WEEK });

    private final int[] starts;
    private final int[] ends;

    private TimeWindows(int[] starts, int[] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    public static TimeWindows of(WeeklyHours hours) {
        List<int[]> intervals = new ArrayList<>();
        hours.days().forEach((day, ranges) -> {
            for (TimeRange range : ranges) {
                intervals.add(new int[] { day.weekMinute() + range.start(), day.weekMinute() + range.end() });
            }
        });
        return normalized(intervals);
    }

    /** The given intervals, sorted with overlapping and touching ones merged. */
    static TimeWindows normalized(List<int[]> intervals) {
        intervals.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] interval : intervals) {
            if (interval[1] <= interval[0]) {
                continue;
            }
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && interval[0] <= last[1]) {
                last[1] = Math.max(last[1], interval[1]);
            } else {
                merged.add(new int[] { interval[0], interval[1] });
            }
        }
        int[] starts = new int[merged.size()];
        int[] ends = new int[merged.size()];
        for (int i = 0; i < merged.size(); i++) {
            starts[i] = merged.get(i)[0];
            ends[i] = merged.get(i)[1];
        }
        return new TimeWindows(starts, ends);
    }

    public boolean isEmpty() {
        return starts.length == 0;
    }

    /** Minutes of {@code [start, end)} that lie inside these windows. */
    public int minutesInside(int start, int end) {
        int inside = 0;
        for (int i = 0; i < starts.length && starts[i] < end; i++) {
            int from = Math.max(start, starts[i]);
            int to = Math.min(end, ends[i]);
            if (to > from) {
                inside += to - from;
            }
        }
        return inside;
    }

    public int minutesOutside(int start, int end) {
        return (end - start) - minutesInside(start, end);
    }

    public boolean covers(int start, int end) {
        for (int i = 0; i < starts.length && starts[i] <= start; i++) {
            if (end <= ends[i]) {
                return true;
            }
        }
        return false;
    }

    public boolean touches(int start, int end) {
        return minutesInside(start, end) > 0;
    }

    public TimeWindows union(TimeWindows other) {
        List<int[]> intervals = new ArrayList<>();
        addTo(intervals);
        other.addTo(intervals);
        return normalized(intervals);
    }

    public TimeWindows intersect(TimeWindows other) {
        List<int[]> intervals = new ArrayList<>();
        for (int i = 0; i < starts.length; i++) {
            for (int j = 0; j < other.starts.length; j++) {
                int from = Math.max(starts[i], other.starts[j]);
                int to = Math.min(ends[i], other.ends[j]);
                if (to > from) {
                    intervals.add(new int[] { from, to });
                }
            }
        }
        return normalized(intervals);
    }

    public TimeWindows minus(TimeWindows other) {
        return intersect(other.complement());
    }

    public TimeWindows complement() {
        List<int[]> intervals = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < starts.length; i++) {
            intervals.add(new int[] { from, starts[i] });
            from = ends[i];
        }
        intervals.add(new int[] { from, Day.MINUTES_PER_WEEK });
        return normalized(intervals);
    }

    /** The longest single interval, in minutes: a session longer than this can never fit. */
    public int longestInterval() {
        int longest = 0;
        for (int i = 0; i < starts.length; i++) {
            longest = Math.max(longest, ends[i] - starts[i]);
        }
        return longest;
    }

    private void addTo(List<int[]> intervals) {
        for (int i = 0; i < starts.length; i++) {
            intervals.add(new int[] { starts[i], ends[i] });
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeWindows other && Arrays.equals(starts, other.starts) && Arrays.equals(ends, other.ends);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(starts) + Arrays.hashCode(ends);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < starts.length; i++) {
            text.append(i == 0 ? "" : ", ").append(WeekTime.format(starts[i])).append('-')
                    .append(WeekTime.formatEnd(ends[i]));
        }
        return text.append(']').toString();
    }
}
