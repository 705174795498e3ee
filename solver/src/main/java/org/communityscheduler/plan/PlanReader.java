package org.communityscheduler.plan;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;

import org.communityscheduler.text.Text;

/**
 * Plan JSON to {@link Plan}: every wrong type, format and reference is reported at once, each
 * with its JSON path. Nothing here knows about solving.
 */
public final class PlanReader {

    private PlanReader() {
    }

    /** Reads UTF-8 bytes; invalid UTF-8 is reported as a problem, not guessed at. */
    public static PlanReading read(byte[] utf8) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8))
                    .toString();
            return read(text);
        } catch (CharacterCodingException e) {
            return failed(new Problem("$", Text.of("plan.notUtf8")));
        }
    }

    public static PlanReading read(String json) {
        JsonNode root;
        try {
            // Editors on Windows start UTF-8 files with a byte order mark; it is not part of the JSON.
            root = Json.MAPPER.readTree(json.startsWith("\uFEFF") ? json.substring(1) : json);
        } catch (StreamConstraintsException e) {
            return failed(new Problem("$", tooLarge(e.getOriginalMessage())));
        } catch (JsonProcessingException e) {
            return failed(new Problem("$", malformed(e.getLocation(), e.getOriginalMessage())));
        }
        if (root == null || root.isMissingNode()) {
            return failed(new Problem("$", Text.of("plan.emptyDocument")));
        }
        if (!root.isObject()) {
            return failed(new Problem("$", Text.of("plan.notAPlanObject", Json.describe(root))));
        }
        return read(root);
    }

    public static PlanReading read(JsonNode root) {
        List<Problem> problems = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        Plan plan = readPlan(JsonObjectReader.of(root, "", problems, diagnostics));
        problems.addAll(PlanValidator.validate(plan));
        return new PlanReading(problems.isEmpty() ? plan : null, problems, diagnostics);
    }

    private static PlanReading failed(Problem problem) {
        return new PlanReading(null, List.of(problem), List.of());
    }

    private static Plan readPlan(JsonObjectReader json) {
        json.warnAboutUnknownFields(Set.of("name", "week", "sites", "rooms", "organizations", "workers", "audiences",
                "activities", "pinned", "previous", "constraintWeights"));
        JsonObjectReader week = json.object("week");
        return new Plan(json.text("name"),
                week == null ? null : readWeek(week),
                json.objects("sites", PlanReader::readSite),
                json.objects("rooms", PlanReader::readRoom),
                json.objects("organizations", PlanReader::readOrganization),
                json.objects("workers", PlanReader::readWorker),
                json.objects("audiences", PlanReader::readAudience),
                json.objects("activities", PlanReader::readActivity),
                json.objects("pinned", PlanReader::readPlacement),
                json.objects("previous", PlanReader::readPlacement),
                json.textMap("constraintWeights"));
    }

    private static Plan.Week readWeek(JsonObjectReader json) {
        json.warnAboutUnknownFields(Set.of("startDate", "slotMinutes", "timeZone", "makeUpWorkdays",
                "minBreakMinutes"));
        var startDate = json.date("startDate");
        if (startDate != null && startDate.getDayOfWeek() != java.time.DayOfWeek.MONDAY) {
            json.problem("startDate", Text.of("plan.weekNotOnMonday", startDate.toString(),
                    Day.values()[startDate.getDayOfWeek().ordinal()].text()));
        }
        Integer slotMinutes = json.integer("slotMinutes", 1, Day.MINUTES_PER_DAY);
        if (slotMinutes != null && Day.MINUTES_PER_DAY % slotMinutes != 0) {
            json.problem("slotMinutes", Text.of("plan.slotNotDividingADay", slotMinutes));
            slotMinutes = null;
        }
        String zone = json.text("timeZone");
        java.time.ZoneId timeZone = null;
        if (zone != null) {
            try {
                timeZone = java.time.ZoneId.of(zone);
            } catch (java.time.DateTimeException e) {
                json.problem("timeZone", Text.of("plan.unknownTimeZone", zone));
            }
        }
        return new Plan.Week(startDate, slotMinutes, timeZone, json.daysByDate("makeUpWorkdays"),
                json.integer("minBreakMinutes", 1, Day.MINUTES_PER_DAY));
    }

    private static Plan.Site readSite(JsonObjectReader json) {
        json.warnAboutUnknownFields(Set.of("id", "name", "openingHours", "onRequestHours", "quietHours", "closedDates"));
        return new Plan.Site(json.requiredText("id"), json.text("name"), json.weeklyHours("openingHours"),
                json.weeklyHours("onRequestHours"), json.weeklyHours("quietHours"), json.dates("closedDates"));
    }

    private static Plan.Room readRoom(JsonObjectReader json) {
        json.warnAboutUnknownFields(Set.of("id", "name", "site", "capacity", "features", "adjacentRooms",
                "openingHours", "group"));
        return new Plan.Room(json.requiredText("id"), json.text("name"), json.text("site"),
                json.requiredInteger("capacity", 1, 100_000), json.texts("features"), json.texts("adjacentRooms"),
                json.weeklyHours("openingHours"), json.text("group"));
    }

    private static Plan.Organization readOrganization(JsonObjectReader json) {
        json.warnAboutUnknownFields(Set.of("id", "name"));
        return new Plan.Organization(json.requiredText("id"), json.text("name"));
    }

    private static Plan.Worker readWorker(JsonObjectReader json) {
        Set<String> known = new java.util.HashSet<>(DAY_SHAPE_FIELDS);
        known.addAll(Set.of("id", "name", "organization", "sites", "workingHours", "maxMinutesPerDay", "unavailable"));
        json.warnAboutUnknownFields(known);
        return new Plan.Worker(json.requiredText("id"), json.text("name"), json.text("organization"),
                json.texts("sites"), json.weeklyHours("workingHours"),
                json.integer("maxMinutesPerDay", 0, Day.MINUTES_PER_DAY), json.weeklyHours("unavailable"),
                readDayShape(json));
    }

    private static final Set<String> DAY_SHAPE_FIELDS = Set.of("maxMinutesInARow", "minBreakMinutes",
            "avoidSingleSessionDays", "compactDays");

    private static Plan.Audience readAudience(JsonObjectReader json) {
        Set<String> known = new java.util.HashSet<>(DAY_SHAPE_FIELDS);
        known.addAll(Set.of("id", "name", "availableTimes", "preferredTimes"));
        json.warnAboutUnknownFields(known);
        return new Plan.Audience(json.requiredText("id"), json.text("name"), json.weeklyHours("availableTimes"),
                json.weeklyHours("preferredTimes"), readDayShape(json));
    }

    /** The day-shape fields a worker and an audience share. */
    private static Plan.DayShape readDayShape(JsonObjectReader json) {
        return new Plan.DayShape(json.integer("maxMinutesInARow", 1, Day.MINUTES_PER_DAY),
                json.integer("minBreakMinutes", 1, Day.MINUTES_PER_DAY),
                Boolean.TRUE.equals(json.bool("avoidSingleSessionDays")), Boolean.TRUE.equals(json.bool("compactDays")));
    }

    private static Plan.Activity readActivity(JsonObjectReader json) {
        json.warnAboutUnknownFields(Set.of("id", "name", "organization", "durationMinutes", "sessionsPerWeek",
                "participants", "audience", "audiences", "noise", "requiredFeatures", "workers", "allowedTimes",
                "preferredTimes", "allowedSites", "priority", "minDays", "after"));
        return new Plan.Activity(json.requiredText("id"), json.text("name"), json.text("organization"),
                json.requiredInteger("durationMinutes", 1, Day.MINUTES_PER_DAY),
                json.integer("sessionsPerWeek", 1, Plan.MAX_SESSIONS_PER_WEEK), json.integer("participants", 0, 100_000),
                json.text("audience"), json.texts("audiences"), json.enumValue("noise", Noise.class),
                json.texts("requiredFeatures"), json.texts("workers"), json.weeklyHours("allowedTimes"),
                json.weeklyHours("preferredTimes"), json.texts("allowedSites"),
                json.integer("priority", 1, Plan.MAX_PRIORITY), json.integer("minDays", 1, Day.values().length),
                json.texts("after"));
    }

    private static Plan.Placement readPlacement(JsonObjectReader json) {
        json.warnAboutUnknownFields(Set.of("activity", "session", "room", "day", "start", "end", "date", "pinned"));
        if (!json.has("session")) {
            json.problem("session", Text.of("plan.sessionRequired"));
        }
        Day day = json.has("day") ? json.day("day") : null;
        if (!json.has("day")) {
            json.problem("day", Text.of("plan.required"));
        }
        if (!json.has("start")) {
            json.problem("start", Text.of("plan.required"));
        }
        return new Plan.Placement(json.requiredText("activity"), json.integer("session", 1, Plan.MAX_SESSIONS_PER_WEEK),
                json.requiredText("room"), day, json.timeOfDay("start"));
    }

    private static Text malformed(JsonLocation location, String message) {
        if (location == null || location.getLineNr() < 1) {
            return Text.of("plan.malformedJson", firstLine(message));
        }
        return Text.of("plan.malformedJsonAt", location.getLineNr(), location.getColumnNr(), firstLine(message));
    }

    /** Jackson's read constraints ({@link Json}), in plain words without its class names. */
    private static Text tooLarge(String message) {
        String text = message == null ? "" : message;
        if (text.contains("nesting depth")) {
            return Text.of("plan.tooLarge", Text.of("plan.nestedTooDeep", Json.MAX_NESTING_DEPTH));
        }
        if (text.startsWith("String value length")) {
            return Text.of("plan.tooLarge", Text.of("plan.stringTooLong", Json.MAX_STRING_LENGTH));
        }
        if (text.startsWith("Name length")) {
            return Text.of("plan.tooLarge", Text.of("plan.nameTooLong", Json.MAX_NAME_LENGTH));
        }
        if (text.startsWith("Number value length")) {
            return Text.of("plan.tooLarge", Text.of("plan.numberTooLong"));
        }
        Object detail = firstLine(text);
        return Text.of("plan.tooLarge",
                detail instanceof String line ? line.replaceAll(" \\(from `[^`]*`\\)", "") : detail);
    }

    /**
     * Jackson's first line, without the "[Source: REDACTED ...]" it puts around a line and column: its own
     * English words (a parser's detail), or a text where we know better.
     */
    private static Object firstLine(String message) {
        if (message == null) {
            return Text.of("plan.unreadableInput");
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        if (line.startsWith("Trailing token")) { // Jackson names its own classes here
            return Text.of("plan.trailingContent");
        }
        return line.replaceAll("\\[Source: [^;\\]]*; (line: \\d+, column: \\d+)]", "$1");
    }

    static String readAll(java.io.InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
