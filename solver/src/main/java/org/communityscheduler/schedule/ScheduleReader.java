package org.communityscheduler.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.Json;
import org.communityscheduler.plan.JsonObjectReader;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.plan.Problem;
import org.communityscheduler.plan.TimeOfDay;
import org.communityscheduler.text.Text;

/**
 * The {@code sessions} of a schedule document (docs/plan-format.md §6) — for example one a coordinator
 * edited by hand — read into {@link Schedule.PlacedSession}s and placed in a week, every problem at its
 * JSON path. A session is placed by {@code activity}, {@code session}, {@code room}, {@code day} and
 * {@code start}, and pinned there when {@code pinned} is true; the {@code unassigned} sessions are left out,
 * even when the plan pins them. {@code end}, {@code date} and the reasons are what the engine writes for
 * people, and the plan decides them, so they are ignored here, as is everything else in the document.
 */
public final class ScheduleReader {

    private ScheduleReader() {
    }

    /**
     * The sessions read, in document order, the sessions the document leaves out, and every problem found; sessions
     * are only usable without problems.
     */
    public record Reading(List<Schedule.PlacedSession> sessions, List<Schedule.UnassignedSession> unassigned,
            List<Problem> problems) {

        public Reading {
            sessions = List.copyOf(sessions);
            unassigned = List.copyOf(unassigned);
            problems = List.copyOf(problems);
        }

        public boolean isValid() {
            return problems.isEmpty();
        }
    }

    /**
     * @param schedule the schedule document
     * @param path its JSON path, for problems ({@code "schedule"}; empty when it is the whole document)
     */
    public static Reading read(JsonNode schedule, String path) {
        List<Problem> problems = new ArrayList<>();
        if (schedule == null || !schedule.isObject()) {
            problems.add(new Problem(path.isEmpty() ? "$" : path, Text.of("schedule.notAnObject",
                    Json.describe(schedule))));
            return new Reading(List.of(), List.of(), problems);
        }
        // The document's other fields (score, unassigned, constraints...) are the engine's: ignored, not warned about.
        JsonObjectReader json = JsonObjectReader.of(schedule, path, problems, new ArrayList<>());
        if (!json.has("sessions")) {
            json.problem("sessions", Text.of("schedule.sessionsRequired"));
        }
        List<Schedule.PlacedSession> sessions = json.objects("sessions", ScheduleReader::readSession);
        List<Schedule.UnassignedSession> unassigned = json.objects("unassigned", ScheduleReader::readLeftOut);
        return new Reading(sessions == null ? List.of() : sessions.stream().filter(Objects::nonNull).toList(),
                unassigned == null ? List.of() : unassigned.stream().filter(Objects::nonNull).toList(), problems);
    }

    /**
     * Reads the document's sessions and places them in the week ({@link Assignments#apply}); nothing is
     * placed when the document itself has problems.
     *
     * @return every problem: in the document, and sessions or rooms the week does not know
     */
    public static List<Problem> apply(WeeklySchedule week, JsonNode schedule, String path) {
        Reading reading = read(schedule, path);
        if (!reading.isValid()) {
            return reading.problems();
        }
        return Assignments.apply(week, reading.sessions(), reading.unassigned(), path);
    }

    /** One placed session, or null when it has problems; its fields are worded as a plan's placements. */
    private static Schedule.PlacedSession readSession(JsonObjectReader json) {
        int before = json.problemCount();
        String activity = json.requiredText("activity");
        if (!json.has("session")) {
            json.problem("session", Text.of("plan.sessionRequired"));
        }
        Integer number = json.integer("session", 1, Plan.MAX_SESSIONS_PER_WEEK);
        String room = json.requiredText("room");
        if (!json.has("day")) {
            json.problem("day", Text.of("plan.required"));
        }
        Day day = json.day("day");
        if (!json.has("start")) {
            json.problem("start", Text.of("plan.required"));
        }
        TimeOfDay start = json.timeOfDay("start");
        if (start != null && start.minutes() == Day.MINUTES_PER_DAY) {
            json.problem("start", Text.of("schedule.startAtMidnight"));
        }
        Boolean pinned = json.bool("pinned");
        if (json.problemCount() > before) {
            return null;
        }
        return new Schedule.PlacedSession(activity, number, room, day, start, null, null, Boolean.TRUE.equals(pinned));
    }

    /**
     * One session the document leaves out (taken out by hand when it says {@code takenOut}), or null when it has
     * problems; its reasons are the engine's, not read.
     */
    private static Schedule.UnassignedSession readLeftOut(JsonObjectReader json) {
        int before = json.problemCount();
        String activity = json.requiredText("activity");
        Integer number = json.requiredInteger("session", 1, Plan.MAX_SESSIONS_PER_WEEK);
        Boolean takenOut = json.bool("takenOut");
        if (json.problemCount() > before) {
            return null;
        }
        return new Schedule.UnassignedSession(activity, number, List.of(), Boolean.TRUE.equals(takenOut));
    }
}
