package org.communityscheduler.model;

import java.util.Set;

import ai.timefold.solver.core.api.domain.lookup.PlanningId;

/** A social worker: regular hours (outside them is overtime), a daily limit, unavailable times. */
public final class Worker implements Attendee {

    @PlanningId
    private final String id;
    private final String name;
    private final String organization;
    /** Null when the worker can work at every site. */
    private final Set<Site> sites;
    private final TimeWindows workingHours;
    private final int maxMinutesPerDay;
    private final TimeWindows unavailable;
    private final DayShape dayShape;

    public Worker(String id, String name, String organization, Set<Site> sites, TimeWindows workingHours,
            int maxMinutesPerDay, TimeWindows unavailable, DayShape dayShape) {
        this.id = id;
        this.name = name;
        this.organization = organization;
        this.sites = sites == null ? null : Set.copyOf(sites);
        this.workingHours = workingHours;
        this.maxMinutesPerDay = maxMinutesPerDay;
        this.unavailable = unavailable;
        this.dayShape = dayShape;
    }

    public boolean worksAt(Site site) {
        return sites == null || sites.contains(site);
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getName() {
        return name;
    }

    public String getOrganization() {
        return organization;
    }

    public TimeWindows getWorkingHours() {
        return workingHours;
    }

    public int overtimeMinutes(int start, int end) {
        return workingHours.minutesOutside(start, end);
    }

    public int getMaxMinutesPerDay() {
        return maxMinutesPerDay;
    }

    public TimeWindows getUnavailable() {
        return unavailable;
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
