package org.communityscheduler.data.itc2007;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.communityscheduler.data.itc2007.Itc2007Penalty.Lecture;
import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.InvalidPlanException;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.plan.Problem;
import org.communityscheduler.plan.SessionKey;
import org.communityscheduler.plan.TimeOfDay;
import org.communityscheduler.plan.TimeRange;
import org.communityscheduler.schedule.Schedule;
import org.communityscheduler.text.Text;

/**
 * A schedule of an ITC2007 plan ({@link Itc2007#plan}) in the competition's solution format ({@code .sol}),
 * so that the competition's own validator can score it: one line per placed lecture,
 * {@code course room day period}, days and periods from 0.
 *
 * <p>It needs the plan and the schedule only, not the {@code .ctt}: the importer opens the site for exactly
 * the instance's periods, so the first period starts at the earliest opening time, a period lasts the
 * plan's {@code slotMinutes}, and the day is the weekday (MON is 0). Activity and room ids are the course
 * and room names.
 */
public final class Itc2007Solution {

    private Itc2007Solution() {
    }

    /**
     * The {@code .sol} text of the placed sessions, in their order.
     *
     * @throws InvalidPlanException with every session that is not a lecture of the plan at one of its periods
     *         (unknown activity, session or room, listed twice, not at the start of an open period), each at its
     *         JSON path in the schedule ({@code sessions[3].start})
     */
    public static String write(Plan plan, List<Schedule.PlacedSession> sessions) {
        List<TimeRange> opening = plan.sites().stream()
                .flatMap(site -> site.openingHours().days().values().stream())
                .flatMap(List::stream)
                .toList();
        if (opening.isEmpty()) {
            throw new InvalidPlanException(List.of(new Problem("sites", Text.of("plan.itc2007.noPeriods"))));
        }
        int firstPeriod = opening.stream().mapToInt(TimeRange::start).min().getAsInt();
        int periodMinutes = plan.week().slotMinutes();
        Map<String, Integer> sessionsPerWeek = new HashMap<>();
        plan.activities().forEach(activity -> sessionsPerWeek.put(activity.id(), activity.sessionsPerWeek()));
        Set<String> rooms = new HashSet<>();
        plan.rooms().forEach(room -> rooms.add(room.id()));

        List<Problem> problems = new ArrayList<>();
        Set<SessionKey> seen = new HashSet<>();
        StringBuilder solution = new StringBuilder();
        for (int i = 0; i < sessions.size(); i++) {
            Schedule.PlacedSession session = sessions.get(i);
            String at = "sessions[" + i + "]";
            int before = problems.size();
            Integer count = sessionsPerWeek.get(session.activity());
            if (count == null) {
                problems.add(new Problem(at + ".activity", Text.of("plan.unknownActivity", session.activity())));
            } else if (session.session() < 1 || session.session() > count) {
                problems.add(new Problem(at + ".session", Text.of("schedule.unknownSession", session.session(),
                        session.activity())));
            } else if (!seen.add(SessionKey.of(session.activity(), session.session()))) {
                problems.add(new Problem(at, Text.of("plan.sessionListedTwice", session.session(),
                        session.activity())));
            }
            if (!rooms.contains(session.room())) {
                problems.add(new Problem(at + ".room", Text.of("plan.unknownRoom", session.room())));
            }
            int offset = session.start().minutes() - firstPeriod;
            if (offset < 0 || offset % periodMinutes != 0 || !open(plan, session.day(), session.start(), periodMinutes)) {
                problems.add(new Problem(at + ".start", Text.of("plan.itc2007.notAPeriod", session.day().name(),
                        session.start().toString(), periodMinutes, TimeOfDay.format(firstPeriod))));
            }
            if (problems.size() == before) {
                solution.append(session.activity()).append(' ').append(session.room()).append(' ')
                        .append(session.day().ordinal()).append(' ').append(offset / periodMinutes).append('\n');
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidPlanException(problems);
        }
        return solution.toString();
    }

    /** Whether a site of the plan is open for the whole period that starts then. */
    private static boolean open(Plan plan, Day day, TimeOfDay start, int periodMinutes) {
        int from = start.minutes();
        return plan.sites().stream().flatMap(site -> site.openingHours().on(day).stream())
                .anyMatch(range -> range.start() <= from && from + periodMinutes <= range.end());
    }

    /**
     * The lectures of a {@code .sol} text, in its order; {@code source} names it in problems.
     *
     * @throws InvalidPlanException with every line that is not {@code course room day period} with whole numbers
     *         from 0, each at {@code source:line}
     */
    public static List<Lecture> read(String text, String source) {
        List<Lecture> lectures = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String at = source + ":" + (i + 1);
            String[] fields = line.split("\\s+");
            if (fields.length != 4) {
                problems.add(new Problem(at, Text.of("plan.itc2007.fieldCount", 4, fields.length, line)));
                continue;
            }
            int day = number(fields[2], "day", at, problems);
            int period = number(fields[3], "period", at, problems);
            if (day >= 0 && period >= 0) {
                lectures.add(new Lecture(fields[0], fields[1], day, period));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidPlanException(problems);
        }
        return lectures;
    }

    /** A whole number from 0, or -1 with a problem. */
    private static int number(String text, String what, String at, List<Problem> problems) {
        try {
            int value = Integer.parseInt(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        problems.add(new Problem(at, Text.of("plan.itc2007.notAWholeNumber", what, text)));
        return -1;
    }
}
