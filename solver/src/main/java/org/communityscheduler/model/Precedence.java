package org.communityscheduler.model;

/** An order the plan asks for: every session of {@code later} starts after every session of {@code earlier} ends. */
public record Precedence(Activity later, Activity earlier) {
}
