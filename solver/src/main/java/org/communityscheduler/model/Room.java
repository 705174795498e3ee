package org.communityscheduler.model;

import java.util.BitSet;
import java.util.Set;

import ai.timefold.solver.core.api.domain.lookup.PlanningId;

/** A room of a site, with the hours its doors can be open and the rooms its noise reaches. */
public final class Room {

    @PlanningId
    private final String id;
    private final String name;
    private final int index;
    private final Site site;
    private final int capacity;
    private final Set<String> features;
    private final TimeWindows doorsOpen;
    private final TimeWindows onRequest;
    /** Indexes of the rooms that hear this one: itself, adjacent rooms, rooms of its group. */
    private final BitSet hearing = new BitSet();

    public Room(String id, String name, int index, Site site, int capacity, Set<String> features,
            TimeWindows doorsOpen, TimeWindows onRequest) {
        this.id = id;
        this.name = name;
        this.index = index;
        this.site = site;
        this.capacity = capacity;
        this.features = Set.copyOf(features);
        this.doorsOpen = doorsOpen;
        this.onRequest = onRequest;
        hearing.set(index);
    }

    /** Noise carries both ways: called once per pair while the model is built. */
    void hears(Room other) {
        hearing.set(other.index);
        other.hearing.set(index);
    }

    public boolean carriesNoiseTo(Room other) {
        return hearing.get(other.index);
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public int getIndex() {
        return index;
    }

    public Site getSite() {
        return site;
    }

    public int getCapacity() {
        return capacity;
    }

    public Set<String> getFeatures() {
        return features;
    }

    public int missingFeatures(Set<String> required) {
        int missing = 0;
        for (String feature : required) {
            if (!features.contains(feature)) {
                missing++;
            }
        }
        return missing;
    }

    /** Staff hours and on-request hours, closed dates removed: outside them the doors are locked. */
    public TimeWindows getDoorsOpen() {
        return doorsOpen;
    }

    /** The part of {@link #getDoorsOpen()} that needs an arrangement with the staff. */
    public TimeWindows getOnRequest() {
        return onRequest;
    }

    @Override
    public String toString() {
        return id;
    }
}
