package org.communityscheduler.model;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import ai.timefold.solver.core.api.domain.lookup.PlanningId;

import org.communityscheduler.plan.Noise;
import org.communityscheduler.text.Text;

/** What an organisation runs each week; its sessions are the planning entities. */
public final class Activity {

    @PlanningId
    private final String id;
    private final String name;
    private final int index;
    private final String organization;
    private final int durationMinutes;
    private final int participants;
    /** The participant groups at every session; empty when none could clash. */
    private final List<Audience> audiences;
    private final Noise noise;
    private final Set<String> requiredFeatures;
    private final List<Worker> workers;
    private final TimeWindows allowedTimes;
    /** Null when the activity states no preference. */
    private final TimeWindows preferredTimes;
    /** Null when every site is allowed. */
    private final Set<Site> allowedSites;
    private final int priority;
    /** The fewest days its sessions should spread over; 0 when the plan asks for none. */
    private final int minDays;
    /** Sorted indexes of the activities sharing a worker with this one, and how many they share. */
    /** How many activities come before this one in the plan's order, along the longest chain of {@code after}. */
    private int orderDepth;
    private int[] sharingActivities = new int[0];
    private int[] sharedWorkerCounts = new int[0];
    /** Why no session of this activity can ever be placed; null when they can. */
    private Text unplaceableReason;

    public Activity(String id, String name, int index, String organization, int durationMinutes, int participants,
            List<Audience> audiences, Noise noise, Set<String> requiredFeatures, List<Worker> workers,
            TimeWindows allowedTimes, TimeWindows preferredTimes, Set<Site> allowedSites, int priority, int minDays) {
        this.id = id;
        this.name = name;
        this.index = index;
        this.organization = organization;
        this.durationMinutes = durationMinutes;
        this.participants = participants;
        this.audiences = List.copyOf(audiences);
        this.noise = noise;
        this.requiredFeatures = Set.copyOf(requiredFeatures);
        this.workers = List.copyOf(workers);
        this.allowedTimes = allowedTimes;
        this.preferredTimes = preferredTimes;
        this.allowedSites = allowedSites == null ? null : Set.copyOf(allowedSites);
        this.priority = priority;
        this.minDays = minDays;
    }

    /** Precomputes, for every pair of activities, how many workers they share. */
    static void linkSharedWorkers(List<Activity> activities) {
        java.util.Map<Worker, List<Activity>> byWorker = new java.util.HashMap<>();
        for (Activity activity : activities) {
            for (Worker worker : activity.workers) {
                byWorker.computeIfAbsent(worker, w -> new java.util.ArrayList<>()).add(activity);
            }
        }
        for (Activity activity : activities) {
            java.util.TreeMap<Integer, Integer> counts = new java.util.TreeMap<>();
            for (Worker worker : activity.workers) {
                for (Activity other : byWorker.get(worker)) {
                    counts.merge(other.index, 1, Integer::sum);
                }
            }
            activity.sharingActivities = counts.keySet().stream().mapToInt(Integer::intValue).toArray();
            activity.sharedWorkerCounts = counts.values().stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** How many workers this activity and the other have in common (0 for most pairs). */
    public int sharedWorkers(Activity other) {
        int found = Arrays.binarySearch(sharingActivities, other.index);
        return found < 0 ? 0 : sharedWorkerCounts[found];
    }

    public boolean allowsSite(Site site) {
        return allowedSites == null || allowedSites.contains(site);
    }

    /** 1 if the room's site is not allowed for the activity, plus 1 per worker who cannot work there. */
    public int wrongSiteCount(Site site) {
        int count = allowsSite(site) ? 0 : 1;
        for (Worker worker : workers) {
            if (!worker.worksAt(site)) {
                count++;
            }
        }
        return count;
    }

    public int minutesOutsidePreferred(int start, int end) {
        return preferredTimes == null ? 0 : preferredTimes.minutesOutside(start, end);
    }

    public int workerUnavailableMinutes(int start, int end) {
        int minutes = 0;
        for (Worker worker : workers) {
            minutes += worker.getUnavailable().minutesInside(start, end);
        }
        return minutes;
    }

    public int overtimeMinutes(int start, int end) {
        int minutes = 0;
        for (Worker worker : workers) {
            minutes += worker.overtimeMinutes(start, end);
        }
        return minutes;
    }

    public Text getUnplaceableReason() {
        return unplaceableReason;
    }

    void setUnplaceableReason(Text unplaceableReason) {
        this.unplaceableReason = unplaceableReason;
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

    public String getOrganization() {
        return organization;
    }

    public int getDurationMinutes() {
        return durationMinutes;
    }

    public int getParticipants() {
        return participants;
    }

    public List<Audience> getAudiences() {
        return audiences;
    }

    public int getOrderDepth() {
        return orderDepth;
    }

    /** Each activity's {@link #getOrderDepth()}, from the plan's orders (which the validator keeps free of loops). */
    static void linkOrder(List<Precedence> precedences) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Precedence precedence : precedences) {
                if (precedence.later().orderDepth <= precedence.earlier().orderDepth) {
                    precedence.later().orderDepth = precedence.earlier().orderDepth + 1;
                    changed = true;
                }
            }
        }
    }

    public int getMinDays() {
        return minDays;
    }

    public Noise getNoise() {
        return noise;
    }

    public boolean isLoud() {
        return noise == Noise.LOUD;
    }

    public boolean isQuiet() {
        return noise == Noise.QUIET;
    }

    public Set<String> getRequiredFeatures() {
        return requiredFeatures;
    }

    public List<Worker> getWorkers() {
        return workers;
    }

    public TimeWindows getAllowedTimes() {
        return allowedTimes;
    }

    public TimeWindows getPreferredTimes() {
        return preferredTimes;
    }

    public int getPriority() {
        return priority;
    }

    @Override
    public String toString() {
        return id;
    }
}
