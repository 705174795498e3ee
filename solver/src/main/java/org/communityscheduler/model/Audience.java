package org.communityscheduler.model;

import ai.timefold.solver.core.api.domain.lookup.PlanningId;

/**
 * A participant group: never in two sessions at once, with a day shape of its own. Its available and
 * preferred times are folded into each of its activities' allowed and preferred times.
 */
public final class Audience implements Attendee {

    @PlanningId
    private final String id;
    private final String name;
    private final DayShape dayShape;

    public Audience(String id, String name, DayShape dayShape) {
        this.id = id;
        this.name = name;
        this.dayShape = dayShape;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public DayShape getDayShape() {
        return dayShape;
    }

    @Override
    public String toString() {
        return id;
    }
}
