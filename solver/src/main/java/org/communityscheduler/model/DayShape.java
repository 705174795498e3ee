package org.communityscheduler.model;

/**
 * What a worker or an audience wants of their day, in minutes: runs of sessions no longer than
 * {@code maxMinutesInARow} (0: any length), sessions closer than {@code minBreakMinutes} counting as one
 * run, no day with a single session, no session standing alone.
 */
public record DayShape(int maxMinutesInARow, int minBreakMinutes, boolean avoidSingleSessionDays,
        boolean compactDays) {

    /** True when any day-shape rule is asked for: only then are this attendee's sessions grouped into runs. */
    public boolean isWanted() {
        return maxMinutesInARow > 0 || avoidSingleSessionDays || compactDays;
    }
}
