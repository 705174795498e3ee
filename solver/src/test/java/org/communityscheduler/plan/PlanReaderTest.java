package org.communityscheduler.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.communityscheduler.plan.Day.MON;
import static org.communityscheduler.plan.Day.SAT;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.communityscheduler.text.Language;
import org.junit.jupiter.api.Test;

/**
 * Every rule of docs/plan-format.md §2 that a plan can break: each is reported at its JSON path with a
 * message a coordinator can act on, and all of them at once.
 */
class PlanReaderTest {

    /** One site and one room: the least a plan needs. The tests add or replace top-level fields. */
    private static final String MINIMAL_PLAN = """
            {"sites": [{"id": "huanghe", "openingHours": {"MON": ["08:30-12:00", "14:00-17:30"]}}],
             "rooms": [{"id": "hall", "capacity": 40}]}
            """;

    /** Read, and held to docs/plan.schema.json: the schema agrees with the reader on every plan of these tests. */
    private static PlanReading readWith(String fields) {
        return PlanSchema.read(minimalPlanWith(fields));
    }

    private static String minimalPlanWith(String fields) {
        try {
            ObjectNode plan = (ObjectNode) Json.MAPPER.readTree(MINIMAL_PLAN);
            plan.setAll((ObjectNode) Json.MAPPER.readTree(fields));
            return Json.MAPPER.writeValueAsString(plan);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the test's JSON is broken", e);
        }
    }

    /** Each problem as "path: message" in English. */
    private static List<String> problemsWith(String fields) {
        PlanReading reading = readWith(fields);
        assertThat(reading.plan()).as("an invalid plan is not handed out").isNull();
        return reading.problems().stream().map(Problem::toString).toList();
    }

    private static List<String> problemsOf(String json) {
        PlanReading reading = PlanSchema.read(json);
        assertThat(reading.plan()).as("an invalid plan is not handed out").isNull();
        return reading.problems().stream().map(Problem::toString).toList();
    }

    private static String problem(String path, String message) {
        return path + ": " + message;
    }

    private static PlanBuilder validPlan() {
        return PlanBuilder.plan()
                .startDate("2026-11-30")
                .site("huanghe", site -> site.open(MON, "08:30-12:00", "14:00-17:30").open(SAT, "09:00-16:00"))
                .room("hall", room -> room.capacity(40).features("projector").adjacent("counselling-1"))
                .room("counselling-1", room -> room.capacity(4))
                .organization("sunrise")
                .worker("li", worker -> worker.organization("sunrise").working(MON, "08:30-17:30"))
                .activity("teen-club", activity -> activity.organization("sunrise").duration(90).sessions(2)
                        .participants(20).noise(Noise.LOUD).workers("li").allowed(SAT, "09:00-16:00"));
    }

    // The document

    @Test
    void aValidPlanHasNoProblems() {
        PlanReading reading = PlanSchema.read(validPlan().pin("teen-club", 1, "hall", SAT, "09:00").json());

        assertThat(reading.problems()).isEmpty();
        assertThat(reading.diagnostics()).isEmpty();
        assertThat(reading.orThrow().activities()).extracting(Plan.Activity::id).containsExactly("teen-club");
    }

    @Test
    void malformedJsonIsReportedWithLineAndColumn() {
        assertThat(problemsOf("""
                {
                  "name": "week 49"
                  "sites": []
                }
                """)).containsExactly(problem("$", "malformed JSON at line 3, column 3: Unexpected character "
                + "('\"' (code 34)): was expecting comma to separate Object entries"));
    }

    @Test
    void unfinishedJsonSaysWhereTheOpenArrayStarted() {
        assertThat(problemsOf("""
                {
                  "name": "week 49",
                  "sites": [
                """)).containsExactly(problem("$", "malformed JSON at line 4, column 1: Unexpected end-of-input: "
                + "expected close marker for Array (start marker at line: 3, column: 12)"));
    }

    @Test
    void contentAfterThePlanIsMalformed() {
        assertThat(problemsOf(MINIMAL_PLAN + "{\"name\": \"a second plan\"}"))
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem).startsWith("$: malformed JSON at line 3, column 1: ")
                            .contains("only one JSON value is allowed");
                });
    }

    @Test
    void aPlanMustBeAnObject() {
        assertThat(problemsOf("[]")).containsExactly(problem("$", "a plan must be a JSON object, not an array"));
        assertThat(problemsOf("\"plan\"")).containsExactly(problem("$", "a plan must be a JSON object, not the string \"plan\""));
        assertThat(problemsOf("null")).containsExactly(problem("$", "a plan must be a JSON object, not null"));
    }

    @Test
    void anEmptyDocumentIsNoPlan() {
        assertThat(problemsOf("")).containsExactly(problem("$", "the plan is empty"));
        assertThat(problemsOf("  \n ")).containsExactly(problem("$", "the plan is empty"));
    }

    @Test
    void invalidUtf8IsReportedNotGuessedAt() {
        byte[] latin1 = "{\"name\": \"Caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);

        PlanReading reading = PlanSchema.read(latin1);

        assertThat(reading.plan()).isNull();
        assertThat(reading.problems()).extracting(Problem::toString).containsExactly(problem("$", "the plan is not valid UTF-8 text"));
    }

    @Test
    void utf8BytesWithOrWithoutAByteOrderMarkAreRead() {
        byte[] utf8 = validPlan().name("黄河社区 第49周").json().getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[utf8.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);

        assertThat(PlanSchema.read(utf8).orThrow().name()).isEqualTo("黄河社区 第49周");
        assertThat(PlanSchema.read(withBom).orThrow().name()).isEqualTo("黄河社区 第49周");
    }

    @Test
    void duplicateKeysAreMalformed() {
        assertThat(problemsOf("""
                {
                  "name": "week 49",
                  "name": "week 50"
                }
                """)).containsExactly(problem("$", "malformed JSON at line 3, column 9: Duplicate field 'name'"));
    }

    @Test
    void absurdNestingIsRefusedBeforeItIsRead() {
        assertThat(problemsOf("{\"name\": " + "[".repeat(100) + "]".repeat(100) + "}"))
                .singleElement()
                .satisfies(problem -> assertThat(problem).startsWith("$: the plan is too large or too deeply nested"));
    }

    @Test
    void aFieldNameLongerThanAnyPlanNeedsIsRefusedInPlainWords() {
        String name = "x".repeat(Json.MAX_NAME_LENGTH + 1);

        assertThat(problemsOf("{\"constraintWeights\": {\"" + name + "\": 5}}")).containsExactly(problem("$",
                "the plan is too large or too deeply nested: a field name longer than 50000 characters"));
    }

    @Test
    void orThrowCarriesEveryProblem() {
        PlanReading reading = readWith("""
                {"activities": [{"id": "a", "durationMinutes": 0}, {"id": "a", "durationMinutes": 60}]}
                """);

        assertThatThrownBy(reading::orThrow)
                .isInstanceOfSatisfying(InvalidPlanException.class, e -> assertThat(e.problems()).hasSize(2))
                .hasMessage("activities[0].durationMinutes: must be between 1 and 1440, not 0\n"
                        + "activities[1].id: duplicate id \"a\"");
    }

    @Test
    void nullIsTheSameAsLeavingAFieldOut() {
        PlanReading withNulls = readWith("""
                {"name": null,
                 "week": {"startDate": null, "slotMinutes": null, "timeZone": null, "makeUpWorkdays": null,
                          "minBreakMinutes": null},
                 "sites": [{"id": "huanghe", "name": null, "openingHours": {"MON": ["08:30-12:00"], "TUE": null},
                            "onRequestHours": null, "quietHours": null, "closedDates": null}],
                 "rooms": [{"id": "hall", "name": null, "site": null, "capacity": 40, "features": null,
                            "adjacentRooms": null, "openingHours": null, "group": null}],
                 "organizations": null,
                 "workers": [{"id": "li", "name": null, "organization": null, "sites": null, "workingHours": null,
                              "maxMinutesPerDay": null, "unavailable": null, "maxMinutesInARow": null,
                              "minBreakMinutes": null, "avoidSingleSessionDays": null, "compactDays": null}],
                 "audiences": [{"id": "kids", "availableTimes": null, "preferredTimes": null}],
                 "activities": [{"id": "club", "durationMinutes": 60, "name": null, "organization": null,
                                 "sessionsPerWeek": null, "participants": null, "audience": null, "audiences": null,
                                 "noise": null, "requiredFeatures": null, "workers": null, "allowedTimes": null,
                                 "preferredTimes": null, "allowedSites": null, "priority": null, "minDays": null,
                                 "after": null}],
                 "pinned": null, "previous": null, "constraintWeights": null}
                """);
        PlanReading without = readWith("""
                {"week": {}, "sites": [{"id": "huanghe", "openingHours": {"MON": ["08:30-12:00"]}}],
                 "rooms": [{"id": "hall", "capacity": 40}], "workers": [{"id": "li"}], "audiences": [{"id": "kids"}],
                 "activities": [{"id": "club", "durationMinutes": 60}]}
                """);

        assertThat(withNulls.problems()).isEmpty();
        assertThat(withNulls.diagnostics()).isEmpty();
        assertThat(withNulls.orThrow()).isEqualTo(without.orThrow());
    }

    @Test
    void aRequiredFieldThatIsNullIsMissing() {
        assertThat(problemsWith("""
                {"rooms": [{"id": null, "capacity": null}],
                 "activities": [{"id": "club", "durationMinutes": null}]}
                """)).containsExactlyInAnyOrder(
                problem("rooms[0].id", "is required"),
                problem("rooms[0].capacity", "is required"),
                problem("activities[0].durationMinutes", "is required"));
    }

    // Wrong types

    @Test
    void aStringFieldMustBeAString() {
        assertThat(problemsWith("""
                {"name": 49,
                 "rooms": [{"id": "hall", "site": true, "capacity": 40}],
                 "activities": [{"id": "teen-club", "durationMinutes": 90, "audience": ["teens"]}]}
                """)).containsExactlyInAnyOrder(
                problem("name", "must be a string, not the number 49"),
                problem("rooms[0].site", "must be a string, not true"),
                problem("activities[0].audience", "must be a string, not an array"));
    }

    @Test
    void aStringWithHalfASurrogatePairIsRefusedAtItsPath() {
        // JSON may escape half of a pair ("\\ud800"); no export could write it and no reader would take it back.
        assertThat(problemsWith("""
                {"name": "A\\ud800B",
                 "rooms": [{"id": "hall", "capacity": 40}],
                 "activities": [{"id": "club", "name": "\\udc00", "durationMinutes": 90, "audiences": ["ok", "x\\ud83d"]},
                                {"id": "emoji", "name": "合唱 \\ud83c\\udfb5", "durationMinutes": 90}]}
                """)).containsExactlyInAnyOrder(
                problem("name", "holds a broken character at position 2 (half of a UTF-16 surrogate pair): retype the text"),
                problem("activities[0].name", "holds a broken character at position 1 (half of a UTF-16 surrogate pair): retype the text"),
                problem("activities[0].audiences[1]", "holds a broken character at position 2 (half of a UTF-16 surrogate pair): retype the text"));
    }

    @Test
    void anIntegerFieldMustBeAWholeNumber() {
        assertThat(problemsWith("""
                {"week": {"slotMinutes": "15"},
                 "rooms": [{"id": "hall", "capacity": "40"}],
                 "activities": [{"id": "teen-club", "durationMinutes": 90.5, "sessionsPerWeek": 2.0}]}
                """)).containsExactlyInAnyOrder(
                problem("week.slotMinutes", "must be a whole number, not the string \"15\""),
                problem("rooms[0].capacity", "must be a whole number, not the string \"40\""),
                problem("activities[0].durationMinutes", "must be a whole number, not the number 90.5"));
    }

    @Test
    void anArrayFieldMustBeAnArrayOfNonEmptyStrings() {
        assertThat(problemsWith("""
                {"rooms": [{"id": "hall", "capacity": 40, "features": ["projector", 3, ""]}],
                 "workers": [{"id": "li", "sites": "huanghe"}],
                 "activities": "teen-club"}
                """)).containsExactlyInAnyOrder(
                problem("rooms[0].features[1]", "must be a non-empty string, not the number 3"),
                problem("rooms[0].features[2]", "must be a non-empty string, not the string \"\""),
                problem("workers[0].sites", "must be an array, not the string \"huanghe\""),
                problem("activities", "must be an array, not the string \"teen-club\""));
    }

    @Test
    void anObjectFieldMustBeAnObject() {
        assertThat(problemsWith("""
                {"week": "2026-11-30",
                 "sites": [{"id": "huanghe", "openingHours": "MON 08:30-12:00"}, "riverside"],
                 "constraintWeights": ["Room clash"]}
                """)).containsExactlyInAnyOrder(
                problem("week", "must be an object, not the string \"2026-11-30\""),
                problem("sites[0].openingHours", "must be an object, not the string \"MON 08:30-12:00\""),
                problem("sites[1]", "must be an object, not the string \"riverside\""),
                problem("constraintWeights", "must be an object, not an array"));
    }

    @Test
    void theHoursOfADayMustBeAnArray() {
        assertThat(problemsWith("""
                {"sites": [{"id": "huanghe", "openingHours": {"MON": "08:30-12:00"}}]}
                """)).containsExactly(
                problem("sites[0].openingHours.MON", "must be an array, not the string \"08:30-12:00\""));
    }

    // Required fields

    @Test
    void idsAreRequired() {
        assertThat(problemsWith("""
                {"sites": [{}],
                 "rooms": [{"capacity": 40}],
                 "organizations": [{"name": "朝阳社工服务中心"}],
                 "workers": [{"id": ""}],
                 "activities": [{"id": " ", "durationMinutes": 90}]}
                """)).containsExactlyInAnyOrder(
                problem("sites[0].id", "is required"),
                problem("rooms[0].id", "is required"),
                problem("organizations[0].id", "is required"),
                problem("workers[0].id", "must not be empty"),
                problem("activities[0].id", "must not be empty"));
    }

    @Test
    void aRoomNeedsACapacityAndAnActivityADuration() {
        assertThat(problemsWith("""
                {"rooms": [{"id": "hall"}],
                 "activities": [{"id": "teen-club"}]}
                """)).containsExactlyInAnyOrder(
                problem("rooms[0].capacity", "is required"),
                problem("activities[0].durationMinutes", "is required"));
    }

    @Test
    void aPlanNeedsASiteAndARoom() {
        assertThat(problemsOf("{}")).containsExactlyInAnyOrder(
                problem("sites", "a plan needs at least one site"),
                problem("rooms", "a plan needs at least one room"));
    }

    @Test
    void aRoomMustNameItsSiteWhenThereAreSeveral() {
        assertThat(problemsWith("""
                {"sites": [{"id": "huanghe"}, {"id": "riverside"}],
                 "rooms": [{"id": "hall", "capacity": 40}]}
                """)).containsExactly(problem("rooms[0].site", "is required when the plan has more than one site"));
    }

    // Identities and references

    @Test
    void idsAreUniqueWithinEachList() {
        assertThat(problemsWith("""
                {"sites": [{"id": "huanghe"}, {"id": "huanghe"}],
                 "rooms": [{"id": "hall", "site": "huanghe", "capacity": 40}, {"id": "hall", "site": "huanghe", "capacity": 8}],
                 "organizations": [{"id": "sunrise"}, {"id": "sunrise"}],
                 "workers": [{"id": "li"}, {"id": "wang"}, {"id": "li"}],
                 "activities": [{"id": "teen-club", "durationMinutes": 90}, {"id": "teen-club", "durationMinutes": 60}]}
                """)).containsExactlyInAnyOrder(
                problem("sites[1].id", "duplicate id \"huanghe\""),
                problem("rooms[1].id", "duplicate id \"hall\""),
                problem("organizations[1].id", "duplicate id \"sunrise\""),
                problem("workers[2].id", "duplicate id \"li\""),
                problem("activities[1].id", "duplicate id \"teen-club\""));
    }

    @Test
    void roomsReferToKnownSitesAndRooms() {
        assertThat(problemsWith("""
                {"rooms": [{"id": "hall", "site": "huang-he", "capacity": 40, "adjacentRooms": ["counseling-1", "hall"]},
                           {"id": "counselling-1", "site": "huanghe", "capacity": 4}]}
                """)).containsExactlyInAnyOrder(
                problem("rooms[0].site", "unknown site \"huang-he\""),
                problem("rooms[0].adjacentRooms[0]", "unknown room \"counseling-1\""),
                problem("rooms[0].adjacentRooms", "a room cannot be adjacent to itself"));
    }

    @Test
    void workersReferToKnownOrganizationsAndSites() {
        assertThat(problemsWith("""
                {"organizations": [{"id": "sunrise"}],
                 "workers": [{"id": "li", "organization": "sunset", "sites": ["huanghe", "riverside"]}]}
                """)).containsExactlyInAnyOrder(
                problem("workers[0].organization", "unknown organization \"sunset\""),
                problem("workers[0].sites[1]", "unknown site \"riverside\""));
    }

    @Test
    void activitiesReferToKnownOrganizationsWorkersAndSites() {
        assertThat(problemsWith("""
                {"organizations": [{"id": "sunrise"}],
                 "workers": [{"id": "li"}],
                 "activities": [{"id": "teen-club", "organization": "sun-rise", "durationMinutes": 90,
                                 "workers": ["li", "wang", "li"], "allowedSites": ["riverside"]}]}
                """)).containsExactlyInAnyOrder(
                problem("activities[0].organization", "unknown organization \"sun-rise\""),
                problem("activities[0].workers[1]", "unknown worker \"wang\""),
                problem("activities[0].workers[2]", "worker \"li\" is listed twice"),
                problem("activities[0].allowedSites[0]", "unknown site \"riverside\""));
    }

    @Test
    void pinnedAndPreviousSessionsReferToKnownActivitiesAndRooms() {
        assertThat(problemsWith("""
                {"activities": [{"id": "teen-club", "durationMinutes": 90}],
                 "pinned":   [{"activity": "teen-clubs", "session": 1, "room": "hall", "day": "MON", "start": "09:00"},
                              {"activity": "teen-club", "session": 1, "room": "gym", "day": "MON", "start": "09:00"}],
                 "previous": [{"activity": "choir", "session": 1, "room": "hall", "day": "MON", "start": "09:00"},
                              {"activity": "teen-club", "session": 1, "room": "gym", "day": "MON", "start": "09:00"}]}
                """)).containsExactlyInAnyOrder(
                problem("pinned[0].activity", "unknown activity \"teen-clubs\""),
                problem("pinned[1].room", "unknown room \"gym\""),
                problem("previous[0].activity", "unknown activity \"choir\""),
                problem("previous[1].room", "unknown room \"gym\""));
    }

    @Test
    void aPlacementNeedsItsActivitySessionRoomDayAndStart() {
        assertThat(problemsWith("""
                {"activities": [{"id": "teen-club", "durationMinutes": 90}],
                 "pinned": [{}]}
                """)).containsExactlyInAnyOrder(
                problem("pinned[0].activity", "is required"),
                problem("pinned[0].session", "is required (1 for the first session of the activity)"),
                problem("pinned[0].room", "is required"),
                problem("pinned[0].day", "is required"),
                problem("pinned[0].start", "is required"));
    }

    // Days, times and dates

    @Test
    void dayNamesAreMonToSun() {
        assertThat(problemsWith("""
                {"sites": [{"id": "huanghe", "openingHours": {"MONDAY": ["08:30-12:00"], "sat": ["09:00-16:00"]}}],
                 "activities": [{"id": "teen-club", "durationMinutes": 90}],
                 "pinned": [{"activity": "teen-club", "session": 1, "room": "hall", "day": "周六", "start": "09:00"}]}
                """)).containsExactlyInAnyOrder(
                problem("sites[0].openingHours.MONDAY",
                        "unknown day \"MONDAY\"; days are MON, TUE, WED, THU, FRI, SAT, SUN"),
                problem("pinned[0].day", "unknown day \"周六\"; days are MON, TUE, WED, THU, FRI, SAT, SUN"));
    }

    @Test
    void aDayIsGivenOnce() {
        assertThat(problemsWith("""
                {"sites": [{"id": "huanghe", "openingHours": {"MON": ["08:30-12:00"], "mon": ["14:00-17:30"]}}]}
                """)).containsExactly(problem("sites[0].openingHours.mon", "MON is given twice"));
    }

    @Test
    void timeRangesAreHHmmToHHmm() {
        assertThat(problemsWith("""
                {"sites": [{"id": "huanghe",
                            "openingHours": {"MON": ["08:30 to 12:00", "8-12", "14:00-25:00", "9:00-12:00"]}}]}
                """)).containsExactly(
                problem("sites[0].openingHours.MON[0]", "\"08:30 to 12:00\" is not a time range (HH:mm-HH:mm)"),
                problem("sites[0].openingHours.MON[1]", "\"8\" is not a time of day (HH:mm)"),
                problem("sites[0].openingHours.MON[2]", "\"25:00\" is not a time of day (00:00 to 24:00)"));
    }

    @Test
    void aTimeOfDayIsWrittenInDigitsOnly() {
        // Integer.parseInt took signs and any script's digits: "12:-0" was noon, "+9:00" nine o'clock.
        assertThat(problemsWith("""
                {"sites": [{"id": "huanghe", "openingHours": {"MON": ["08:30-12:-0", "+9:00-12:00", "０９:００-12:00"]}}],
                 "pinned": [{"activity": "a", "session": 1, "room": "hall", "day": "MON", "start": "-0:00"}],
                 "activities": [{"id": "a", "durationMinutes": 60}]}
                """)).containsExactly(
                problem("sites[0].openingHours.MON[0]", "\"12:-0\" is not a time of day (HH:mm)"),
                problem("sites[0].openingHours.MON[1]", "\"+9:00\" is not a time of day (HH:mm)"),
                problem("sites[0].openingHours.MON[2]", "\"０９:００\" is not a time of day (HH:mm)"),
                problem("pinned[0].start", "\"-0:00\" is not a time of day (HH:mm)"));
    }

    @Test
    void aTimeRangeEndsAfterItStarts() {
        assertThat(problemsWith("""
                {"workers": [{"id": "li", "unavailable": {"WED": ["17:30-14:00", "09:00-09:00"]}}]}
                """)).containsExactly(
                problem("workers[0].unavailable.WED[0]", "the range 17:30-14:00 ends before it starts"),
                problem("workers[0].unavailable.WED[1]", "the range 09:00-09:00 is empty"));
    }

    @Test
    void aRangeMayEndAtMidnight() {
        PlanReading reading = readWith("""
                {"sites": [{"id": "huanghe", "onRequestHours": {"SAT": ["20:00-24:00"]}}]}
                """);

        assertThat(reading.problems()).isEmpty();
        assertThat(reading.plan().sites().get(0).onRequestHours().on(SAT)).containsExactly(new TimeRange(1200, 1440));
    }

    @Test
    void datesAreYearMonthDay() {
        assertThat(problemsWith("""
                {"week": {"startDate": "2026-11-31"},
                 "sites": [{"id": "huanghe", "closedDates": ["2026-12-01", "1 Dec 2026"]}]}
                """)).contains(
                problem("week.startDate", "\"2026-11-31\" is not a date (YYYY-MM-DD)"),
                problem("sites[0].closedDates[1]", "\"1 Dec 2026\" is not a date (YYYY-MM-DD)"));
    }

    @Test
    void datesLieWithinTheYears2000To2100() {
        assertThat(problemsWith("""
                {"week": {"startDate": "+999999999-12-27"},
                 "sites": [{"id": "huanghe", "closedDates": ["0000-01-01", "1999-12-31", "2000-01-01", "2100-12-31",
                                                             "2101-01-01"]}]}
                """)).contains(
                problem("week.startDate", "\"+999999999-12-27\" is outside the dates a plan may name, 2000-01-01 to 2100-12-31"),
                problem("sites[0].closedDates[0]", "\"0000-01-01\" is outside the dates a plan may name, 2000-01-01 to 2100-12-31"),
                problem("sites[0].closedDates[1]", "\"1999-12-31\" is outside the dates a plan may name, 2000-01-01 to 2100-12-31"),
                problem("sites[0].closedDates[4]", "\"2101-01-01\" is outside the dates a plan may name, 2000-01-01 to 2100-12-31"))
                .noneMatch(problem -> problem.matches("sites\\[0]\\.closedDates\\[[23]]:.*"));
    }

    @Test
    void theFirstAndLastWeeksOfTheRangeAreValid() {
        assertThat(readWith("""
                {"week": {"startDate": "2000-01-03"}, "sites": [{"id": "huanghe", "closedDates": ["2100-12-31"]}]}
                """).problems()).isEmpty();
        assertThat(readWith("""
                {"week": {"startDate": "2100-12-27"}}
                """).problems()).isEmpty();
    }

    @Test
    void theWeekStartsOnAMonday() {
        assertThat(problemsWith("""
                {"week": {"startDate": "2026-12-01"},
                 "sites": [{"id": "huanghe", "closedDates": ["2026-12-01"]}]}
                """)).containsExactly(
                problem("week.startDate", "2026-12-01 is a Tuesday; the week must start on a Monday"));
    }

    @Test
    void theTimeZoneIsARegionId() {
        assertThat(problemsWith("""
                {"week": {"timeZone": "Beijing"}}
                """)).containsExactly(
                problem("week.timeZone", "unknown time zone \"Beijing\" (for example Asia/Shanghai)"));
    }

    @Test
    void slotMinutesDivideADay() {
        assertThat(problemsWith("""
                {"week": {"slotMinutes": 7}}
                """)).containsExactly(
                problem("week.slotMinutes", "7 does not divide a day; use 5, 10, 15, 20, 30 or 60"));
        assertThat(problemsWith("""
                {"week": {"slotMinutes": 0}}
                """)).containsExactly(problem("week.slotMinutes", "must be between 1 and 1440, not 0"));
    }

    @Test
    void closedDatesNeedAStartDate() {
        assertThat(problemsWith("""
                {"sites": [{"id": "huanghe", "closedDates": ["2026-12-01"]}]}
                """)).containsExactly(
                problem("sites[0].closedDates", "needs week.startDate to know which days of the week they are"));
    }

    // Make-up workdays (调休 补班)

    @Test
    void makeUpWorkdaysNameADateAndTheWeekdayItIsWorkedAs() {
        Plan plan = readWith("""
                {"week": {"startDate": "2026-09-28", "makeUpWorkdays": {"2026-10-10": "fri", "2026-09-27": "MON"}}}
                """).orThrow();

        assertThat(plan.week().makeUpWorkdays()).containsExactly(
                Map.entry(LocalDate.parse("2026-09-27"), Day.MON), Map.entry(LocalDate.parse("2026-10-10"), Day.FRI));
        assertThat(PlanSchema.read(Json.write(plan)).orThrow()).isEqualTo(plan);
    }

    @Test
    void aMakeUpWorkdayIsADateWorkedAsADay() {
        assertThat(problemsWith("""
                {"week": {"startDate": "2026-11-30", "makeUpWorkdays": {"5 Dec": "MON", "2026-12-05": "Monday",
                                                                       "2026-12-06": 1}}}
                """)).containsExactly(
                "week.makeUpWorkdays.5 Dec: \"5 Dec\" is not a date (YYYY-MM-DD)",
                "week.makeUpWorkdays.2026-12-05: unknown day \"Monday\"; days are MON, TUE, WED, THU, FRI, SAT, SUN",
                "week.makeUpWorkdays.2026-12-06: must be a string, not the number 1");
    }

    @Test
    void makeUpWorkdaysNeedAStartDate() {
        assertThat(problemsWith("""
                {"week": {"makeUpWorkdays": {"2026-12-05": "MON"}}}
                """)).containsExactly(
                "week.makeUpWorkdays: needs week.startDate to know which days of the week they are");
    }

    @Test
    void aDateIsEitherClosedOrAMakeUpWorkday() {
        assertThat(readWith("""
                {"week": {"startDate": "2026-11-30", "makeUpWorkdays": {"2026-12-05": "MON"}},
                 "sites": [{"id": "huanghe", "closedDates": ["2026-12-04", "2026-12-05"]}]}
                """).problems()).extracting(problem -> problem.toString(), problem -> problem.message(Language.ZH)).containsExactly(
                tuple("sites[0].closedDates[1]: 2026-12-05 is both a closed date of this site and a make-up workday "
                        + "(week.makeUpWorkdays); a date can only be one of them",
                        "2026-12-05 既是本场地的休息日，又是调休补班日（week.makeUpWorkdays），只能是其中之一"));
    }

    // Pinned sessions

    @Test
    void aPinnedStartIsOnTheSlotGrid() {
        assertThat(problemsWith("""
                {"week": {"slotMinutes": 30},
                 "activities": [{"id": "teen-club", "durationMinutes": 90}],
                 "pinned": [{"activity": "teen-club", "session": 1, "room": "hall", "day": "SAT", "start": "09:15"}]}
                """)).containsExactly(problem("pinned[0].start", "09:15 is off the 30-minute slot grid"));
    }

    @Test
    void aPinnedSessionEndsOnItsDay() {
        assertThat(problemsWith("""
                {"activities": [{"id": "teen-club", "durationMinutes": 90}],
                 "pinned": [{"activity": "teen-club", "session": 1, "room": "hall", "day": "SAT", "start": "23:00"}]}
                """)).containsExactly(
                problem("pinned[0].start", "a 90-minute session starting at 23:00 would end after midnight"));
    }

    @Test
    void aPinnedSessionExistsInTheWeek() {
        assertThat(problemsWith("""
                {"activities": [{"id": "teen-club", "durationMinutes": 90, "sessionsPerWeek": 2}],
                 "pinned": [{"activity": "teen-club", "session": 3, "room": "hall", "day": "SAT", "start": "09:00"},
                            {"activity": "teen-club", "session": 0, "room": "hall", "day": "SAT", "start": "11:00"}]}
                """)).containsExactlyInAnyOrder(
                problem("pinned[0].session", "activity \"teen-club\" has 2 session(s) a week, so there is no session 3"),
                problem("pinned[1].session", "must be between 1 and 100, not 0"));
    }

    @Test
    void aSessionIsPinnedOnce() {
        assertThat(problemsWith("""
                {"activities": [{"id": "teen-club", "durationMinutes": 90, "sessionsPerWeek": 2}],
                 "pinned": [{"activity": "teen-club", "session": 1, "room": "hall", "day": "SAT", "start": "09:00"},
                            {"activity": "teen-club", "session": 2, "room": "hall", "day": "SAT", "start": "14:00"},
                            {"activity": "teen-club", "session": 1, "room": "hall", "day": "MON", "start": "09:00"}]}
                """)).containsExactly(problem("pinned[2]", "session 1 of \"teen-club\" is listed twice"));
    }

    // Numbers and values

    @Test
    void durationsCountsCapacitiesAndPrioritiesAreSensible() {
        assertThat(problemsWith("""
                {"rooms": [{"id": "hall", "capacity": 0}, {"id": "stadium", "capacity": 1000000}],
                 "workers": [{"id": "li", "maxMinutesPerDay": -60}],
                 "activities": [
                   {"id": "a", "durationMinutes": 0, "sessionsPerWeek": 0, "participants": -1, "priority": 0},
                   {"id": "b", "durationMinutes": 1500, "sessionsPerWeek": 500, "participants": 200000, "priority": 11}]}
                """)).containsExactlyInAnyOrder(
                problem("rooms[0].capacity", "must be between 1 and 100000, not 0"),
                problem("rooms[1].capacity", "must be between 1 and 100000, not 1000000"),
                problem("workers[0].maxMinutesPerDay", "must be between 0 and 1440, not -60"),
                problem("activities[0].durationMinutes", "must be between 1 and 1440, not 0"),
                problem("activities[0].sessionsPerWeek", "must be between 1 and 100, not 0"),
                problem("activities[0].participants", "must be between 0 and 100000, not -1"),
                problem("activities[0].priority", "must be between 1 and 10, not 0"),
                problem("activities[1].durationMinutes", "must be between 1 and 1440, not 1500"),
                problem("activities[1].sessionsPerWeek", "must be between 1 and 100, not 500"),
                problem("activities[1].participants", "must be between 0 and 100000, not 200000"),
                problem("activities[1].priority", "must be between 1 and 10, not 11"));
    }

    @Test
    void hugeNumbersAreOutOfRangeNotWrapped() {
        assertThat(problemsWith("""
                {"rooms": [{"id": "hall", "capacity": 4294967336}, {"id": "tent", "capacity": 1e300}]}
                """)).containsExactlyInAnyOrder(
                problem("rooms[0].capacity", "must be between 1 and 100000, not 4294967336"),
                problem("rooms[1].capacity", "must be between 1 and 100000, not 1.0E300"));
    }

    @Test
    void noiseIsQuietNormalOrLoud() {
        assertThat(problemsWith("""
                {"activities": [{"id": "teen-club", "durationMinutes": 90, "noise": "SHOUTY"}]}
                """)).containsExactly(problem("activities[0].noise",
                "unknown value \"SHOUTY\"; expected one of [QUIET, NORMAL, LOUD]"));
        assertThat(readWith("""
                {"activities": [{"id": "teen-club", "durationMinutes": 90, "noise": "loud"}]}
                """).orThrow().activities().get(0).noise()).isEqualTo(Noise.LOUD);
    }

    // Constraint weights

    @Test
    void constraintWeightsNameKnownConstraints() {
        assertThat(problemsWith("""
                {"constraintWeights": {"Room clashes": "1hard/0medium/0soft"}}
                """)).singleElement().satisfies(problem -> {
                    assertThat(problem).startsWith(
                            "constraintWeights.Room clashes: unknown constraint \"Room clashes\"; the constraints are [")
                            .contains("Room clash, Worker clash", "Noise during quiet hours", "Disruption");
                });
    }

    @Test
    void constraintWeightsAreScoresOrNumbers() {
        assertThat(problemsWith("""
                {"constraintWeights": {"Room clash": "lots", "Disruption": "0hard/0medium/-5soft",
                                       "Fair overtime": 2.5, "Same-day repeat": ["60"]}}
                """)).containsExactlyInAnyOrder(
                problem("constraintWeights.Room clash",
                        "\"lots\" is not a weight; write a number or a score such as \"0hard/0medium/5soft\""),
                problem("constraintWeights.Disruption",
                        "\"0hard/0medium/-5soft\" is negative; a weight says how much a penalty costs"),
                problem("constraintWeights.Fair overtime",
                        "\"2.5\" is not a weight; write a number or a score such as \"0hard/0medium/5soft\""),
                problem("constraintWeights.Same-day repeat",
                        "must be a score such as \"0hard/0medium/5soft\" or a number, not an array"));
    }

    @Test
    void eachLevelOfAWeightIsAtMostTheBoundThatKeepsScoresWithinALong() {
        String tooLarge = " is too large; each level of a weight is at most 100000, so that no score can pass what a long holds";
        assertThat(problemsWith("""
                {"constraintWeights": {"Not preferred time": "0hard/0medium/9223372036854775807soft",
                                       "Room clash": "100001", "Unassigned session": "0hard/100001medium/0soft",
                                       "Disruption": "-1", "Overtime outside working hours": "9223372036854775807"}}
                """)).containsExactlyInAnyOrder(
                problem("constraintWeights.Not preferred time", "\"0hard/0medium/9223372036854775807soft\"" + tooLarge),
                problem("constraintWeights.Room clash", "\"100001\"" + tooLarge),
                problem("constraintWeights.Unassigned session", "\"0hard/100001medium/0soft\"" + tooLarge),
                problem("constraintWeights.Disruption", "\"-1\" is negative; a weight says how much a penalty costs"),
                problem("constraintWeights.Overtime outside working hours",
                        "\"9223372036854775807\" is not a weight; write a number or a score such as \"0hard/0medium/5soft\""));
        assertThat(readWith("""
                {"constraintWeights": {"Room clash": "100000hard/100000medium/100000soft", "Disruption": "100000"}}
                """).problems()).isEmpty();
    }

    @Test
    void validConstraintWeightsAreKept() {
        Plan plan = readWith("""
                {"constraintWeights": {"Noise during quiet hours": "0hard/0medium/5soft", "Disruption": 0,
                                       "Room stability": "45"}}
                """).orThrow();

        assertThat(plan.constraintWeights()).containsOnly(Map.entry("Noise during quiet hours", "0hard/0medium/5soft"),
                Map.entry("Disruption", "0"), Map.entry("Room stability", "45"));
    }

    // Size

    /** Plans of many rooms open all week and 20 one-hour activities on a 1-minute grid, as in issue 11. */
    private static String wideWeek(int rooms) {
        StringBuilder roomList = new StringBuilder();
        for (int i = 0; i < rooms; i++) {
            roomList.append(i == 0 ? "" : ",").append("{\"id\": \"r").append(i).append("\", \"capacity\": 10}");
        }
        StringBuilder activities = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            activities.append(i == 0 ? "" : ",").append("{\"id\": \"a").append(i).append("\", \"durationMinutes\": 60}");
        }
        String allDay = String.join(", ", java.util.Arrays.stream(Day.values())
                .map(day -> "\"" + day + "\": [\"00:00-24:00\"]").toList());
        return "{\"week\": {\"slotMinutes\": 1}, \"sites\": [{\"id\": \"huanghe\", \"openingHours\": {" + allDay
                + "}}], \"rooms\": [" + roomList + "], \"activities\": [" + activities + "]}";
    }

    @Test
    void thePlanOfIssue11IsReadAndItsModelBuiltInWellUnderASecond() {
        // 1 000 rooms, 20 activities, a 1-minute grid: 34 KB that took 3.8 s to validate.
        String plan = minimalPlanWith(wideWeek(1_000));
        PlanSchema.read(plan);
        long started = System.nanoTime();

        PlanReading reading = PlanReader.read(plan);
        org.communityscheduler.model.ModelBuilder.build(reading.orThrow());

        assertThat(reading.plan().candidatePlacements()).isEqualTo(193_360_000);
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(1_000);
    }

    @Test
    void aPlanWhoseModelWouldWeighTooManyPlacementsIsRefusedBeforeItIsBuilt() {
        long started = System.nanoTime();

        List<String> problems = problemsWith(wideWeek(2_000));

        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(500);
        assertThat(problems).containsExactly(problem("activities", "the plan has 386720000 candidate placements (rooms × "
                + "starts on the 1-minute slot grid, summed over activities); a plan holds at most 200000000: use a "
                + "coarser week.slotMinutes, allowedSites or fewer rooms"));
    }

    @Test
    void candidatePlacementsCountTheRoomsAtTheSitesAnActivityAndItsWorkersMayUse() {
        Plan plan = PlanBuilder.plan()
                .site("north", site -> site.open(MON, "08:00-18:00"))
                .site("south", site -> site.open(MON, "08:00-18:00"))
                .room("n1", room -> room.site("north").capacity(10))
                .room("n2", room -> room.site("north").capacity(10))
                .room("s1", room -> room.site("south").capacity(10))
                .worker("li", worker -> worker.sites("south"))
                .activity("anywhere", activity -> activity.duration(1440))
                .activity("with-li", activity -> activity.duration(1440).workers("li").features("piano", "stage"))
                .build();

        // Each activity is checked against all 3 rooms (and for each feature); a whole-day session starts once a day.
        assertThat(plan.candidatePlacements()).isEqualTo((3 + 3 * 7) + (3 * 3 + 1 * 7));
    }

    @Test
    void aWorkerInThousandsOfActivitiesIsRefusedBeforeTheModelLinksEveryPair() {
        StringBuilder activities = new StringBuilder();
        for (int i = 0; i < 1_500; i++) {
            activities.append(i == 0 ? "" : ",").append("{\"id\": \"a").append(i)
                    .append("\", \"durationMinutes\": 60, \"workers\": [\"li\"]}");
        }
        assertThat(problemsWith("{\"workers\": [{\"id\": \"li\"}], \"activities\": [" + activities + "]}"))
                .containsExactly(problem("activities", "the plan links 2250000 pairs (for each worker the activities "
                        + "they work in, squared, and for each room group its rooms, squared); a plan holds at most "
                        + "2000000: a worker in fewer activities or smaller room groups"));
    }

    @Test
    void aPlanHoldsAtMostAHundredThousandSessions() {
        StringBuilder activities = new StringBuilder();
        for (int i = 0; i < 1_001; i++) {
            activities.append(i == 0 ? "" : ",").append("{\"id\": \"a").append(i)
                    .append("\", \"durationMinutes\": 1440, \"sessionsPerWeek\": 100}");
        }
        assertThat(problemsWith("{\"activities\": [" + activities + "]}")).containsExactly(problem("activities",
                "the plan asks for 100100 sessions; a plan holds at most 100000 (split it by site or by week)"));
    }

    // All at once

    @Test
    void everyProblemIsReportedAtOnce() {
        List<String> problems = problemsOf("""
                {
                  "name": "Huanghe community centre, week of 2026-12-01",
                  "week": {"startDate": "2026-12-01", "slotMinutes": 7, "timeZone": "Asia/Beijing"},
                  "sites": [{"id": "huanghe", "openingHours": {"MON": ["08:30-12:00", "17:30-14:00"], "FUN": []}}],
                  "rooms": [{"id": "hall", "site": "huanghe", "capacity": 0},
                            {"id": "hall", "site": "riverside", "capacity": 8, "adjacentRooms": ["kitchen"]}],
                  "organizations": [{"id": "sunrise"}],
                  "workers": [{"id": "li", "organization": "sunset", "maxMinutesPerDay": 2000}],
                  "activities": [{"id": "teen-club", "durationMinutes": 90, "sessionsPerWeek": 2, "noise": "LOUDER",
                                  "workers": ["li", "wang"], "priority": 99},
                                 {"id": "elder-choir"}],
                  "pinned": [{"activity": "teen-club", "session": 3, "room": "gym", "day": "SAT", "start": "09:00"}],
                  "constraintWeights": {"Noise": "5"}
                }
                """);

        assertThat(problems).extracting(problem -> problem.substring(0, problem.indexOf(": "))).containsExactlyInAnyOrder(
                "week.startDate",
                "week.slotMinutes",
                "week.timeZone",
                "sites[0].openingHours.MON[1]",
                "sites[0].openingHours.FUN",
                "rooms[0].capacity",
                "rooms[1].id",
                "rooms[1].site",
                "rooms[1].adjacentRooms[0]",
                "workers[0].organization",
                "workers[0].maxMinutesPerDay",
                "activities[0].noise",
                "activities[0].workers[1]",
                "activities[0].priority",
                "activities[1].durationMinutes",
                "pinned[0].session",
                "pinned[0].room",
                "constraintWeights.Noise");
        assertThat(problems).contains(problem("activities[0].workers[1]", "unknown worker \"wang\""));
    }

    // What a valid plan reads as

    @Test
    void defaultsAreApplied() {
        Plan plan = readWith("""
                {"workers": [{"id": "li"}],
                 "activities": [{"id": "teen-club", "durationMinutes": 90}]}
                """).orThrow();

        assertThat(plan.name()).isEqualTo("Weekly plan");
        assertThat(plan.week().slotMinutes()).isEqualTo(15);
        assertThat(plan.week().timeZone().getId()).isEqualTo("Asia/Shanghai");
        assertThat(plan.week().startDate()).isNull();
        Plan.Worker worker = plan.workers().get(0);
        assertThat(worker.name()).isEqualTo("li");
        assertThat(worker.maxMinutesPerDay()).isEqualTo(480);
        assertThat(worker.sites()).as("every site").isNull();
        assertThat(worker.unavailable().isEmpty()).isTrue();
        Plan.Activity activity = plan.activities().get(0);
        assertThat(activity.sessionsPerWeek()).isEqualTo(1);
        assertThat(activity.noise()).isEqualTo(Noise.NORMAL);
        assertThat(activity.priority()).isEqualTo(1);
        assertThat(activity.participants()).isZero();
        assertThat(activity.allowedTimes()).as("any time").isNull();
        assertThat(activity.allowedSites()).as("any site").isNull();
        assertThat(plan.rooms().get(0).openingHours()).as("the site's hours").isNull();
        assertThat(plan.pinned()).isEmpty();
        assertThat(plan.constraintWeights()).isEmpty();
    }

    @Test
    void givenValuesAreRead() {
        Plan plan = PlanSchema.read(validPlan().slotMinutes(30).json()).orThrow();

        assertThat(plan.week().startDate()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(plan.week().slotMinutes()).isEqualTo(30);
        assertThat(plan.sites().get(0).openingHours().on(MON))
                .containsExactly(TimeRange.parse("08:30-12:00"), TimeRange.parse("14:00-17:30"));
        assertThat(plan.rooms().get(0).site()).isEqualTo("huanghe");
        assertThat(plan.rooms().get(0).adjacentRooms()).containsExactly("counselling-1");
        Plan.Activity activity = plan.activities().get(0);
        assertThat(activity.durationMinutes()).isEqualTo(90);
        assertThat(activity.sessionsPerWeek()).isEqualTo(2);
        assertThat(activity.noise()).isEqualTo(Noise.LOUD);
        assertThat(activity.allowedTimes().on(SAT)).containsExactly(TimeRange.parse("09:00-16:00"));
    }

    @Test
    void chineseNamesSurviveARoundTrip() {
        Plan written = PlanBuilder.plan()
                .name("黄河社区服务中心 第49周")
                .site("黄河", site -> site.open(MON, "08:30-12:00"))
                .room("多功能厅", room -> room.capacity(40).features("投影仪"))
                .organization("朝阳社工")
                .worker("李娜", worker -> worker.organization("朝阳社工"))
                .activity("青少年成长小组", activity -> activity.organization("朝阳社工").workers("李娜").audience("青少年"))
                .weight("Noise during quiet hours", "0hard/0medium/5soft")
                .build();

        Plan read = PlanSchema.read(Json.write(written)).orThrow();

        assertThat(read).isEqualTo(written);
        assertThat(read.activities().get(0).name()).isEqualTo("青少年成长小组");
        assertThat(PlanSchema.read(Json.write(written).getBytes(StandardCharsets.UTF_8)).orThrow()).isEqualTo(written);
    }

    @Test
    void emptyHoursAndListsSurviveARoundTrip() {
        // {} is "never" and [] is "nowhere"; written as absent they would read as "any time" and "anywhere".
        Plan written = readWith("""
                {"rooms": [{"id": "hall", "capacity": 40, "openingHours": {}}],
                 "workers": [{"id": "li", "sites": [], "workingHours": {}}],
                 "activities": [{"id": "teen-club", "durationMinutes": 90, "allowedTimes": {}, "preferredTimes": {},
                                 "allowedSites": []}]}
                """).orThrow();

        Plan read = PlanSchema.read(Json.write(written)).orThrow();

        assertThat(read).isEqualTo(written);
        assertThat(read.activities().get(0).allowedTimes()).isEqualTo(WeeklyHours.NONE);
        assertThat(read.workers().get(0).sites()).isEmpty();
    }

    @Test
    void anUnknownFieldIsAWarningNotAnError() {
        PlanReading reading = readWith("""
                {"activites": [],
                 "activities": [{"id": "teen-club", "durationMinutes": 90, "colour": "red"}]}
                """);

        assertThat(reading.problems()).isEmpty();
        assertThat(reading.plan()).isNotNull();
        assertThat(reading.diagnostics()).extracting(Diagnostic::toString).containsExactlyInAnyOrder(
                "warning activites: unknown field \"activites\" is ignored",
                "warning activities[0].colour: unknown field \"colour\" is ignored");
        assertThat(reading.diagnostics()).extracting(Diagnostic::code).containsOnly("plan.unknownField");
    }

    @Test
    void aScheduledSessionReadsAsAPreviousPlacement() {
        PlanReading reading = readWith("""
                {"activities": [{"id": "teen-club", "durationMinutes": 90}],
                 "previous": [{"activity": "teen-club", "session": 1, "room": "hall", "day": "MON", "start": "09:00",
                               "end": "10:30", "date": "2026-11-30", "pinned": false}]}
                """);

        assertThat(reading.diagnostics()).isEmpty();
        assertThat(reading.orThrow().previous())
                .containsExactly(new Plan.Placement("teen-club", 1, "hall", MON, TimeOfDay.parse("09:00")));
    }

    // Day shapes, audiences and order

    @Test
    void readsAudiencesDayShapesMinDaysAndOrder() {
        PlanReading reading = readWith("""
                {"week": {"minBreakMinutes": 20},
                 "workers": [{"id": "li", "maxMinutesInARow": 150, "avoidSingleSessionDays": true}],
                 "audiences": [{"id": "kids", "name": "四点半课堂", "availableTimes": {"MON": ["16:00-20:00"]},
                                "preferredTimes": {"MON": ["16:30-18:00"]}, "compactDays": true,
                                "minBreakMinutes": 45}],
                 "activities": [{"id": "homework", "durationMinutes": 60, "sessionsPerWeek": 2, "minDays": 2,
                                 "audience": "kids", "audiences": ["parents"], "workers": ["li"]},
                                {"id": "homework-2", "durationMinutes": 60, "after": ["homework"]}]}
                """);

        assertThat(reading.problems()).isEmpty();
        assertThat(reading.diagnostics()).isEmpty();
        Plan plan = reading.orThrow();
        assertThat(plan.week().minBreakMinutes()).isEqualTo(20);
        assertThat(plan.workers().get(0).dayShape()).isEqualTo(new Plan.DayShape(150, null, true, false));
        Plan.Audience kids = plan.audiences().get(0);
        assertThat(kids.name()).isEqualTo("四点半课堂");
        assertThat(kids.dayShape()).isEqualTo(new Plan.DayShape(null, 45, false, true));
        assertThat(kids.availableTimes().on(MON)).containsExactly(TimeRange.parse("16:00-20:00"));
        assertThat(plan.activities().get(0).allAudiences()).as("an unlisted audience is a group with no settings")
                .containsExactly("kids", "parents");
        assertThat(plan.activities().get(0).minDays()).isEqualTo(2);
        assertThat(plan.activities().get(1).after()).containsExactly("homework");
        assertThat(PlanSchema.read(Json.write(plan)).orThrow()).as("written and read again").isEqualTo(plan);
    }

    @Test
    void withoutDayShapesAPlanReadsAsBefore() {
        Plan plan = PlanSchema.read(validPlan().json()).orThrow();

        assertThat(plan.week().minBreakMinutes()).isEqualTo(Plan.DEFAULT_MIN_BREAK_MINUTES);
        assertThat(plan.workers()).allSatisfy(worker -> assertThat(worker.dayShape().isWanted()).isFalse());
        assertThat(plan.audiences()).isEmpty();
        assertThat(Json.write(plan)).doesNotContain("avoidSingleSessionDays", "compactDays", "maxMinutesInARow",
                "\"after\"", "minDays");
    }

    @Test
    void reportsEveryWrongDayShapeAndOrderAtOnce() {
        assertThat(problemsWith("""
                {"week": {"minBreakMinutes": 0},
                 "workers": [{"id": "li", "maxMinutesInARow": 0, "compactDays": "yes"}],
                 "audiences": [{"id": "kids"}, {"id": "kids", "avoidSingleSessionDays": 1}],
                 "activities": [{"id": "a", "durationMinutes": 60, "sessionsPerWeek": 2, "minDays": 3,
                                 "audiences": ["kids", "kids"], "after": ["a", "nowhere"]},
                                {"id": "b", "durationMinutes": 60, "minDays": 8, "after": ["c"]},
                                {"id": "c", "durationMinutes": 60, "after": ["b", "b"]}]}
                """)).containsExactlyInAnyOrder(
                problem("week.minBreakMinutes", "must be between 1 and 1440, not 0"),
                problem("workers[0].maxMinutesInARow", "must be between 1 and 1440, not 0"),
                problem("workers[0].compactDays", "must be true or false, not the string \"yes\""),
                problem("audiences[1].avoidSingleSessionDays", "must be true or false, not the number 1"),
                problem("audiences[1].id", "duplicate id \"kids\""),
                problem("activities[0].audiences[1]", "audience \"kids\" is listed twice"),
                problem("activities[0].after[1]", "unknown activity \"nowhere\""),
                problem("activities[0].after", "an activity cannot come after itself"),
                problem("activities[0].minDays",
                        "minDays 3 is more than the 2 session(s) a week can spread over"),
                problem("activities[1].minDays", "must be between 1 and 7, not 8"),
                problem("activities[2].after[1]", "activity \"b\" is listed twice"),
                problem("activities[1].after", "the order loops back on itself (b → c → b): no week can keep it"));
    }
}
