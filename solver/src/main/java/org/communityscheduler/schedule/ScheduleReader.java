package org.communityscheduler.schedule;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.Json;
import org.communityscheduler.plan.Problem;
import org.communityscheduler.plan.TimeOfDay;

/**
 * The {@code sessions} of a schedule document (docs/plan-format.md §6) — for example one a coordinator
 * edited by hand — read into {@link Schedule.PlacedSession}s and placed in a week, every problem at its
 * JSON path. A session is placed by {@code activity}, {@code session}, {@code room}, {@code day} and
 * {@code start}; {@code end}, {@code date} and {@code pinned} are what the engine writes for people,
 * and the plan decides them, so they are ignored here, as is everything else in the document.
 */
public final class ScheduleReader {

    private ScheduleReader() {
    }

    /** The sessions read, in document order, and every problem found; sessions are only usable without problems. */
    public record Reading(List<Schedule.PlacedSession> sessions, List<Problem> problems) {

        public Reading {
            sessions = List.copyOf(sessions);
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
        List<Schedule.PlacedSession> sessions = new ArrayList<>();
        if (schedule == null || !schedule.isObject()) {
            problems.add(new Problem(path.isEmpty() ? "$" : path, "a schedule must be a JSON object, not "
                    + Json.describe(schedule)));
            return new Reading(sessions, problems);
        }
        String listPath = pathOf(path, "sessions");
        JsonNode list = schedule.get("sessions");
        if (list == null || list.isNull()) {
            problems.add(new Problem(listPath, "is required (the placed sessions; [] for none)"));
        } else if (!list.isArray()) {
            problems.add(new Problem(listPath, "must be an array, not " + Json.describe(list)));
        } else {
            for (int i = 0; i < list.size(); i++) {
                Schedule.PlacedSession session = readSession(list.get(i), listPath + "[" + i + "]", problems);
                if (session != null) {
                    sessions.add(session);
                }
            }
        }
        return new Reading(sessions, problems);
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
        return Assignments.apply(week, reading.sessions(), pathOf(path, "sessions"));
    }

    private static Schedule.PlacedSession readSession(JsonNode entry, String at, List<Problem> problems) {
        if (entry == null || !entry.isObject()) {
            problems.add(new Problem(at, "must be an object, not " + Json.describe(entry)));
            return null;
        }
        int before = problems.size();
        String activity = requiredText(entry, "activity", at, problems);
        Integer number = null;
        JsonNode session = present(entry, "session");
        if (session == null) {
            problems.add(new Problem(at + ".session", "is required (1 for the first session of the activity)"));
        } else if (!session.isIntegralNumber() || !session.canConvertToInt() || session.asInt() < 1) {
            problems.add(new Problem(at + ".session", "must be a whole number from 1, not " + Json.describe(session)));
        } else {
            number = session.asInt();
        }
        String room = requiredText(entry, "room", at, problems);
        Day day = null;
        String dayText = requiredText(entry, "day", at, problems);
        if (dayText != null) {
            day = Day.parse(dayText).orElse(null);
            if (day == null) {
                problems.add(new Problem(at + ".day", "unknown day \"" + dayText
                        + "\"; days are MON, TUE, WED, THU, FRI, SAT, SUN"));
            }
        }
        TimeOfDay start = null;
        String startText = requiredText(entry, "start", at, problems);
        if (startText != null) {
            try {
                start = TimeOfDay.parse(startText);
                if (start.minutes() == Day.MINUTES_PER_DAY) {
                    problems.add(new Problem(at + ".start", "a session cannot start at 24:00"));
                    start = null;
                }
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(at + ".start", e.getMessage()));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new Schedule.PlacedSession(activity, number, room, day, start, null, null, false);
    }

    private static JsonNode present(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        return value == null || value.isNull() ? null : value;
    }

    private static String requiredText(JsonNode entry, String field, String at, List<Problem> problems) {
        JsonNode value = present(entry, field);
        if (value == null) {
            problems.add(new Problem(at + "." + field, "is required"));
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            problems.add(new Problem(at + "." + field, "must be a non-empty string, not " + Json.describe(value)));
            return null;
        }
        return value.asText();
    }

    private static String pathOf(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
