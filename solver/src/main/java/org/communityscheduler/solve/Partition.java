package org.communityscheduler.solve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.communityscheduler.model.Room;
import org.communityscheduler.model.Session;
import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.model.Worker;

/**
 * Splits a week into parts that no constraint links: two sessions are in one part when they share a
 * worker, an audience or an activity, or could use rooms of one site. Each part can then be solved on
 * its own core and the parts merged; only "Fair overtime", which compares every worker's overtime,
 * is seen per part while solving (the merged week is scored whole).
 */
final class Partition {

    /** A part larger than this share of the week leaves too little for the other cores: solve whole instead. */
    private static final double LARGEST_PART_SHARE = 0.6;

    private Partition() {
    }

    /**
     * The week's sessions in at most {@code parts} groups of about equal size, in the week's order within each;
     * a single group when the week does not split well.
     */
    static List<List<Session>> of(WeeklySchedule week, int parts) {
        List<Session> sessions = week.getSessions();
        if (parts < 2 || sessions.size() < 2) {
            return List.of(sessions);
        }
        List<List<Session>> components = components(week);
        int largest = components.stream().mapToInt(List::size).max().orElse(0);
        if (components.size() < 2 || largest > LARGEST_PART_SHARE * sessions.size()) {
            return List.of(sessions);
        }
        int binCount = Math.min(parts, components.size());
        List<List<Session>> bins = new ArrayList<>();
        for (int i = 0; i < binCount; i++) {
            bins.add(new ArrayList<>());
        }
        components.sort(Comparator.comparingInt((List<Session> c) -> c.size()).reversed());
        for (List<Session> component : components) {
            bins.stream().min(Comparator.comparingInt(List::size)).orElseThrow().addAll(component);
        }
        Map<Session, Integer> order = new HashMap<>();
        for (int i = 0; i < sessions.size(); i++) {
            order.put(sessions.get(i), i);
        }
        bins.forEach(bin -> bin.sort(Comparator.comparingInt(order::get)));
        return bins;
    }

    /** Sessions linked through workers, audiences, activities and sites, by union-find. */
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
            if (session.getActivity().getAudience() != null) {
                link(parent, firstWith, "audience:" + session.getActivity().getAudience(), i);
            }
            for (Room room : session.getRoomRange()) {
                link(parent, firstWith, room.getSite(), i);
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
