package org.communityscheduler.server.calendar;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.communityscheduler.plan.Plan;

/**
 * A plan's activities, rooms, sites, workers and organisations by id, and the names a person reads for them: what a
 * calendar event and an exported row say about a placed session.
 */
public final class PlanNames {

    private final Map<String, Plan.Activity> activities;
    private final Map<String, Plan.Room> rooms;
    private final Map<String, Plan.Site> sites;
    private final Map<String, Plan.Worker> workers;
    private final Map<String, Plan.Organization> organizations;

    public PlanNames(Plan plan) {
        activities = byId(plan.activities(), Plan.Activity::id);
        rooms = byId(plan.rooms(), Plan.Room::id);
        sites = byId(plan.sites(), Plan.Site::id);
        workers = byId(plan.workers(), Plan.Worker::id);
        organizations = byId(plan.organizations(), Plan.Organization::id);
    }

    private static <T> Map<String, T> byId(List<T> values, Function<T, String> id) {
        return values.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a));
    }

    public Plan.Activity activity(String id) {
        return activities.get(id);
    }

    public Plan.Room room(String id) {
        return rooms.get(id);
    }

    /** The room's site: its own, or the plan's only one; null when neither says. */
    public Plan.Site site(Plan.Room room) {
        String siteId = room.site() != null ? room.site() : sites.size() == 1 ? sites.keySet().iterator().next() : null;
        return siteId == null ? null : sites.get(siteId);
    }

    /** The room's site's name; null without one. */
    public String siteName(Plan.Room room) {
        Plan.Site site = site(room);
        return site == null ? null : site.name();
    }

    /** An organisation's name; its id when the plan does not name it, null for none. */
    public String organizationName(String id) {
        Plan.Organization organization = id == null ? null : organizations.get(id);
        return organization == null ? id : organization.name();
    }

    /** The activity's workers' names, in its order; an id the plan does not name stands as it is. */
    public List<String> workerNames(Plan.Activity activity) {
        return activity.workers().stream().map(id -> workers.containsKey(id) ? workers.get(id).name() : id).toList();
    }
}
