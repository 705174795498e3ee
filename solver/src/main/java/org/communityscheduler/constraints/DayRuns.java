package org.communityscheduler.constraints;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import ai.timefold.solver.core.api.score.stream.uni.UniConstraintCollector;

import org.communityscheduler.model.Attendance;
import org.communityscheduler.model.DayShape;
import org.communityscheduler.model.Session;
import org.communityscheduler.model.Site;

/**
 * One attendee's sessions of one day, collected once for the rules about a person's or a group's day: which
 * sessions overlap ("Worker clash", "Audience clash"), how many minutes they take ("Over daily limit") at how
 * many sites ("Worker site changes"), how many there are ("Single-session day"), which stand alone in a run of
 * their own ("Isolated session") and how far the runs go beyond the longest wanted ("Long stretch"). The seven
 * rules share this one grouping (Timefold shares equal stream prefixes), so a moved session
 * updates each of its attendees' days once. A day holds a handful of sessions, so a sort and a scan per change
 * beat a self-join on overlapping times (three range indexes per attendee), Timefold's general connected ranges
 * (a tree per group, a tuple per run) and an "if not exists" per session (two range indexes per attendee and
 * day): with {@link RoomDays}, 1.5 times the moves per CPU second on generated M, 3 to 5 times on ITC2007 and 8.8
 * times on a week of 925 students who each chose their lessons (benchmarks/README.md, "Faster rules").
 */
final class DayRuns {

    /** The collector of the rules about a day; one instance, so that the rules share its grouping. */
    static final UniConstraintCollector<Attendance, DayRuns, Day> COLLECTOR = new UniConstraintCollector<>() {
        @Override
        public Supplier<DayRuns> supplier() {
            return DayRuns::new;
        }

        @Override
        public BiFunction<DayRuns, Attendance, Runnable> accumulator() {
            return DayRuns::add;
        }

        @Override
        public Function<DayRuns, Day> finisher() {
            return DayRuns::day;
        }
    };

    private final List<Attendance> attendances = new ArrayList<>(8);

    /** The minutes beyond the longest wanted run on a day, summed over its runs, and its longest run. */
    record Stretch(int excess, int start, int end) {
        static final Stretch NONE = new Stretch(0, 0, 0);
    }

    /** Two of the attendee's sessions that overlap, the one with the smaller id first, and by how many minutes. */
    record Clash(Session first, Session second, int minutes) {
    }

    /**
     * One attendee's day: its clashes, its sessions, their minutes and the sites they are at, those with no other
     * of the attendee's within a break before or after (empty unless the attendee asks for compact days), and its
     * runs beyond the longest wanted (none unless the attendee asks for a longest run).
     */
    record Day(List<Clash> clashes, int sessions, int minutes, int sites, List<Session> isolated, Stretch stretch) {
    }

    private Runnable add(Attendance attendance) {
        attendances.add(attendance);
        return () -> attendances.remove(attendance);
    }

    /**
     * Sessions closer than the attendee's break are one run, from its first start to its last end (a session in
     * a run of its own has no other within a break); each run longer than {@code maxMinutesInARow} adds what it
     * is longer by.
     */
    private Day day() {
        if (attendances.isEmpty()) {
            return EMPTY;
        }
        attendances.sort(DayRuns::byStart);
        List<Clash> clashes = clashes(attendances, Attendance::getSession);
        int minutes = 0;
        int sites = 0;
        for (int i = 0; i < attendances.size(); i++) {
            Session session = attendances.get(i).getSession();
            minutes += session.getActivity().getDurationMinutes();
            if (isFirstAtItsSite(i)) {
                sites++;
            }
        }
        DayShape shape = attendances.get(0).getAttendee().getDayShape();
        if (!shape.isWanted()) {
            return new Day(clashes, attendances.size(), minutes, sites, List.of(), Stretch.NONE);
        }
        int longest = shape.maxMinutesInARow();
        int minBreak = shape.minBreakMinutes();
        List<Session> isolated = List.of();
        int excess = 0;
        int worstStart = 0;
        int worstEnd = 0;
        int runStart = attendances.get(0).getStart();
        int runEnd = attendances.get(0).getEnd();
        int runFirst = 0;
        for (int i = 1; i <= attendances.size(); i++) {
            Attendance next = i < attendances.size() ? attendances.get(i) : null;
            if (next != null && next.getStart() - runEnd < minBreak) {
                runEnd = Math.max(runEnd, next.getEnd());
                continue;
            }
            if (i - runFirst == 1 && shape.compactDays()) {
                if (isolated.isEmpty()) {
                    isolated = new ArrayList<>(2);
                }
                isolated.add(attendances.get(runFirst).getSession());
            }
            int over = longest > 0 ? runEnd - runStart - longest : 0;
            if (over > 0) {
                excess += over;
                if (runEnd - runStart > worstEnd - worstStart) {
                    worstStart = runStart;
                    worstEnd = runEnd;
                }
            }
            if (next != null) {
                runStart = next.getStart();
                runEnd = next.getEnd();
                runFirst = i;
            }
        }
        return new Day(clashes, attendances.size(), minutes, sites, isolated,
                excess == 0 ? Stretch.NONE : new Stretch(excess, worstStart, worstEnd));
    }

    private static final Day EMPTY = new Day(List.of(), 0, 0, 0, List.of(), Stretch.NONE);

    /** Whether the i-th session is the day's first at its site. */
    private boolean isFirstAtItsSite(int i) {
        Site site = attendances.get(i).getSession().getSite();
        for (int j = 0; j < i; j++) {
            if (attendances.get(j).getSession().getSite() == site) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every pair of the sessions of {@code sorted} (by start) that overlap: each with those after it that start
     * before it ends. Nothing is allocated when none do.
     */
    static <T> List<Clash> clashes(List<T> sorted, Function<T, Session> sessionOf) {
        List<Clash> clashes = List.of();
        for (int i = 0; i < sorted.size(); i++) {
            Session first = sessionOf.apply(sorted.get(i));
            for (int j = i + 1; j < sorted.size(); j++) {
                Session second = sessionOf.apply(sorted.get(j));
                if (second.getStart() >= first.getEnd()) {
                    break;
                }
                if (clashes.isEmpty()) {
                    clashes = new ArrayList<>(2);
                }
                boolean inOrder = first.getId().compareTo(second.getId()) < 0;
                clashes.add(new Clash(inOrder ? first : second, inOrder ? second : first, first.overlapMinutes(second)));
            }
        }
        return clashes;
    }

    private static int byStart(Attendance first, Attendance second) {
        return Integer.compare(first.getStart(), second.getStart());
    }
}
