package org.communityscheduler.solve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.communityscheduler.model.Audience;
import org.communityscheduler.model.Precedence;
import org.communityscheduler.model.Room;
import org.communityscheduler.model.Session;
import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.model.Worker;

/**
 * Splits a week into groups that no constraint links: two sessions are in one group when they share a
 * worker, an audience or an activity, when one's activity comes after the other's, or when they could use rooms
 * of one site. The groups are dealt to the cores
 * (lanes), and each core solves its groups one after another ({@link ParallelSolve}): a solver that sees
 * a few hundred sessions evaluates several times more moves per second than one that sees thousands, and
 * spends them all where they matter. Only "Fair overtime", which compares every worker's overtime, is seen
 * per group while solving (the merged week is scored whole).
 */
final class Partition {

    /** A group larger than this share of the week leaves too little for the other cores: solve whole instead. */
    private static final double LARGEST_GROUP_SHARE = 0.6;
    /**
     * Groups smaller than this are solved together with the next ones of their core: each solve has a fixed
     * cost (building its solver and score), which a few dozen sessions do not repay.
     */
    private static final int MIN_GROUP_SESSIONS = 200;

    private Partition() {
    }

    /** {@link #of(WeeklySchedule, int, int)} with groups of at least {@link #MIN_GROUP_SESSIONS}. */
    static List<List<List<Session>>> of(WeeklySchedule week, int cores) {
        return of(week, cores, MIN_GROUP_SESSIONS);
    }

    /**
     * The week's sessions for at most {@code cores} cores of about equal load: per core, the groups it solves
     * in turn, largest first, each in the week's order; small groups of one core are joined until they hold
     * {@code minGroupSessions}. A single core with a single group, the whole week, when the week does not
     * split well (then several differently seeded solvers share it).
     */
    static List<List<List<Session>>> of(WeeklySchedule week, int cores, int minGroupSessions) {
        List<Session> sessions = week.getSessions();
        if (cores < 2 || sessions.size() < 2) {
            return List.of(List.of(sessions));
        }
        List<List<Session>> components = components(week);
        int largest = components.stream().mapToInt(List::size).max().orElse(0);
        if (components.size() < 2 || largest > LARGEST_GROUP_SHARE * sessions.size()) {
            return List.of(List.of(sessions));
        }
        int laneCount = Math.min(cores, components.size());
        List<List<List<Session>>> lanes = new ArrayList<>();
        int[] load = new int[laneCount];
        for (int i = 0; i < laneCount; i++) {
            lanes.add(new ArrayList<>());
        }
        components.sort(Comparator.comparingInt((List<Session> c) -> c.size()).reversed());
        for (List<Session> component : components) {
            int lane = 0;
            for (int i = 1; i < laneCount; i++) {
                if (load[i] < load[lane]) {
                    lane = i;
                }
            }
            load[lane] += component.size();
            List<List<Session>> groups = lanes.get(lane);
            if (groups.isEmpty() || groups.get(groups.size() - 1).size() >= minGroupSessions) {
                groups.add(new ArrayList<>(component));
            } else {
                groups.get(groups.size() - 1).addAll(component);
            }
        }
        Map<Session, Integer> order = new HashMap<>();
        for (int i = 0; i < sessions.size(); i++) {
            order.put(sessions.get(i), i);
        }
        lanes.forEach(groups -> groups.forEach(group -> group.sort(Comparator.comparingInt(order::get))));
        return lanes;
    }

    /** Sessions linked through workers, audiences, activities, their order and sites, by union-find. */
    static List<List<Session>> components(WeeklySchedule week) {
        List<Session> sessions = week.getSessions();
        int[] parent = new int[sessions.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        Map<Object, Integer> firstWith = new HashMap<>();
        for (int i = 0; i < sessions.size(); i++) {
            Session session = sessions.get(i);
            link(parent, firstWith, session.getActivity(), i);
            for (Worker worker : session.getActivity().getWorkers()) {
                link(parent, firstWith, worker, i);
            }
            for (Audience audience : session.getActivity().getAudiences()) {
                link(parent, firstWith, audience, i);
            }
            for (Room room : session.getRoomRange()) {
                link(parent, firstWith, room.getSite(), i);
            }
        }
        // An order between two activities links them: "Out of order" compares their sessions.
        for (Precedence precedence : week.getPrecedences()) {
            Integer later = firstWith.get(precedence.later());
            if (later != null) {
                link(parent, firstWith, precedence.earlier(), later);
            }
        }
        Map<Integer, List<Session>> byRoot = new HashMap<>();
        for (int i = 0; i < sessions.size(); i++) {
            byRoot.computeIfAbsent(root(parent, i), r -> new ArrayList<>()).add(sessions.get(i));
        }
        return new ArrayList<>(byRoot.values());
    }

    private static void link(int[] parent, Map<Object, Integer> firstWith, Object key, int session) {
        Integer first = firstWith.putIfAbsent(key, session);
        if (first != null) {
            parent[root(parent, first)] = root(parent, session);
        }
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
