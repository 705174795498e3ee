package org.communityscheduler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.communityscheduler.plan.Json;
import org.communityscheduler.plan.Rule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The API as a coordinator's page uses it, over real HTTP: submit the bundled sample, watch it improve,
 * read the result, stop a solve early, analyse and adjust a schedule, export it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchedulesApiTest {

    private TestServer api;
    /** The sample, solved once for the tests that read a finished schedule. */
    private String solvedId;
    private JsonNode solved;
    private List<TestServer.Event> solvedEvents;

    @BeforeAll
    void solveTheSample() throws Exception {
        api = new TestServer();
        long posted = System.nanoTime();
        HttpResponse<String> response = api.post("/api/schedules?timeLimit=5s", TestServer.SAMPLE);

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode submitted = TestServer.json(response.body());
        solvedId = submitted.get("id").asText();
        assertThat(solvedId).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(response.headers().firstValue("Location")).hasValue("/api/schedules/" + solvedId);
        assertThat(submitted.get("timeLimit").asText()).isEqualTo("5s");

        CompletableFuture<List<TestServer.Event>> events = CompletableFuture.supplyAsync(
                () -> TestServer.readUntilDone(api.events(solvedId).body()));
        JsonNode whileSolving = api.awaitSchedule(solvedId, schedule -> schedule.has("score"), Duration.ofSeconds(60));
        assertThat(whileSolving.get("id").asText()).isEqualTo(solvedId);
        assertThat(whileSolving.get("status").asText()).isIn("SOLVING_ACTIVE", "NOT_SOLVING");
        long firstBest = System.nanoTime();
        solved = api.awaitDone(solvedId, Duration.ofSeconds(90));
        solvedEvents = events.get(30, TimeUnit.SECONDS);
        System.out.printf("The sample: first best schedule %.1f s after the POST, done after %.1f s%n",
                (firstBest - posted) / 1e9, (System.nanoTime() - posted) / 1e9);
    }

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void theSampleIsSolvedToAFeasibleScheduleWithItsIdAndStatusAtTheTop() {
        assertThat(solved.get("id").asText()).isEqualTo(solvedId);
        assertThat(solved.get("status").asText()).isEqualTo("NOT_SOLVING");
        assertThat(solved.get("feasible").asBoolean()).isTrue();
        assertThat(solved.get("score").asText()).startsWith("0hard/");
        assertThat(solved.get("sessions")).hasSize(40);
        assertThat(solved.get("unassigned")).isEmpty();
        assertThat(solved.get("constraints")).hasSize(Rule.values().length);
        assertThat(solved.get("name").asText()).contains("黄河社区服务中心");
        assertThat(solved.get("started").asText()).isNotEmpty();
        assertThat(Instant.parse(solved.get("finished").asText())).isAfter(Instant.parse(solved.get("submitted").asText()));
    }

    @Test
    void theEventStreamReportsStatusEveryNewBestAndTheEnd() {
        assertThat(solvedEvents).first().extracting(TestServer.Event::name).isEqualTo("status");
        assertThat(solvedEvents).last().satisfies(done -> {
            assertThat(done.name()).isEqualTo("done");
            assertThat(done.data().get("status").asText()).isEqualTo("NOT_SOLVING");
            assertThat(done.data().get("score").asText()).isEqualTo(solved.get("score").asText());
            assertThat(done.data().get("placed").asInt()).isEqualTo(40);
        });
        List<TestServer.Event> bests = solvedEvents.stream().filter(event -> event.name().equals("best")).toList();
        assertThat(bests).isNotEmpty().allSatisfy(best -> {
            assertThat(best.data().get("score").asText()).contains("hard/");
            assertThat(best.data().get("id").asText()).isEqualTo(solvedId);
        });
        assertThat(solvedEvents).filteredOn(event -> event.name().equals("status"))
                .extracting(event -> event.data().get("status").asText()).contains("NOT_SOLVING");
    }

    @Test
    void theJobListShowsEachJobWithItsScore() {
        JsonNode jobs = TestServer.json(api.get("/api/schedules").body());

        assertThat(jobs).anySatisfy(job -> {
            assertThat(job.get("id").asText()).isEqualTo(solvedId);
            assertThat(job.get("status").asText()).isEqualTo("NOT_SOLVING");
            assertThat(job.get("score").asText()).isEqualTo(solved.get("score").asText());
            assertThat(job.get("name").asText()).contains("黄河");
            assertThat(job.get("submitted").asText()).isNotEmpty();
        });
    }

    @Test
    void deleteStopsASolveEarlyAndKeepsItsBestSchedule() {
        String id = api.submit(TestServer.SAMPLE, "5m");
        api.awaitSchedule(id, schedule -> schedule.has("sessions") && schedule.get("sessions").size() > 2,
                Duration.ofSeconds(60));

        long asked = System.nanoTime();
        HttpResponse<String> response = api.delete("/api/schedules/" + id);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(20));
        JsonNode stopped = TestServer.json(response.body());
        assertThat(stopped.get("status").asText()).isEqualTo("NOT_SOLVING");
        assertThat(stopped.get("sessions").size()).isGreaterThan(2);
        assertThat(api.schedule(id).get("score").asText()).isEqualTo(stopped.get("score").asText());
    }

    @Test
    void analyzingAJobGivesEveryMatchWithItsJustification() {
        JsonNode analysis = TestServer.json(api.post("/api/schedules/analyze", "{\"job\": \"" + solvedId + "\"}").body());

        assertThat(analysis.get("score").asText()).isEqualTo(solved.get("score").asText());
        assertThat(analysis.get("constraints")).allSatisfy(constraint -> {
            assertThat(constraint.get("justifications")).hasSize(constraint.get("matches").asInt());
        });
    }

    @Test
    void analyzingAHandEditedScheduleShowsTheClashItMade() {
        ArrayNode sessions = (ArrayNode) solved.get("sessions").deepCopy();
        // The coordinator moves an unpinned session into the room and time of another one.
        JsonNode target = sessions.get(0);
        ObjectNode moved = (ObjectNode) firstUnpinnedOtherThan(sessions, target);
        moved.put("room", target.get("room").asText()).put("day", target.get("day").asText())
                .put("start", target.get("start").asText());
        ObjectNode request = Json.MAPPER.createObjectNode();
        request.set("plan", TestServer.json(TestServer.SAMPLE));
        request.set("schedule", Json.MAPPER.createObjectNode().set("sessions", sessions));

        HttpResponse<String> response = api.post("/api/schedules/analyze", request.toString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode analysis = TestServer.json(response.body());
        assertThat(analysis.get("feasible").asBoolean()).isFalse();
        JsonNode roomClash = constraint(analysis, "Room clash");
        assertThat(roomClash.get("matches").asInt()).isPositive();
        String movedId = moved.get("activity").asText() + "#" + moved.get("session").asInt();
        String targetId = target.get("activity").asText() + "#" + target.get("session").asInt();
        assertThat(roomClash.get("justifications")).anySatisfy(match -> {
            assertThat(match.get("sessions")).extracting(JsonNode::asText).contains(movedId, targetId);
            assertThat(match.get("description").asText()).isNotBlank();
        });
    }

    @Test
    void recommendsPlacesForASessionLeftOutOfTheSchedule() {
        ArrayNode sessions = (ArrayNode) solved.get("sessions").deepCopy();
        JsonNode leftOut = firstUnpinnedOtherThan(sessions, null);
        sessions.remove(indexOf(sessions, leftOut));
        ObjectNode request = Json.MAPPER.createObjectNode();
        request.set("plan", TestServer.json(TestServer.SAMPLE));
        request.set("schedule", Json.MAPPER.createObjectNode().set("sessions", sessions));
        request.set("session", Json.MAPPER.createObjectNode().put("activity", leftOut.get("activity").asText())
                .put("session", leftOut.get("session").asInt()));
        request.put("limit", 3);

        HttpResponse<String> response = api.post("/api/schedules/recommend", request.toString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = TestServer.json(response.body());
        assertThat(answer.has("current")).isFalse();
        assertThat(answer.get("recommendations")).hasSize(3).allSatisfy(placement -> {
            assertThat(placement.get("room").asText()).isNotEmpty();
            assertThat(placement.get("date").asText()).startsWith("2026-1");
            // Placing it wins back its medium penalty...
            assertThat(placement.get("scoreDifference").asText()).doesNotContain("/0medium");
            assertThat(placement.get("constraints")).extracting(c -> c.get("name").asText())
                    .contains("Unassigned session");
        });
        // ...and the best place, where the solver had it, breaks no hard rule.
        assertThat(answer.get("recommendations").get(0).get("scoreDifference").asText()).startsWith("0hard/");
    }

    @Test
    void recommendsOtherPlacesForAPlacedSessionOfAJob() {
        JsonNode placed = firstUnpinnedOtherThan(solved.get("sessions"), null);
        HttpResponse<String> response = api.post("/api/schedules/recommend", "{\"job\": \"" + solvedId
                + "\", \"session\": {\"activity\": \"" + placed.get("activity").asText() + "\", \"session\": "
                + placed.get("session").asInt() + "}}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = TestServer.json(response.body());
        assertThat(answer.get("current").get("room").asText()).isEqualTo(placed.get("room").asText());
        assertThat(answer.get("recommendations")).hasSizeBetween(1, 5);
    }

    @Test
    void aPinnedSessionIsNotMovedByARecommendation() {
        HttpResponse<String> response = api.post("/api/schedules/recommend", "{\"job\": \"" + solvedId
                + "\", \"session\": {\"activity\": \"staff-meeting\", \"session\": 1}}");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(TestServer.json(response.body()).get("errors").get(0).get("message").asText()).contains("pinned");
    }

    @Test
    void theCalendarExportHasEverySessionAtItsRealTime() {
        HttpResponse<String> response = api.get("/api/schedules/" + solvedId + "/export.ics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/calendar"));
        ICalendar calendar = Biweekly.parse(response.body()).first();
        assertThat(calendar.getEvents()).hasSize(40);
        // The pinned staff meeting: Monday 30 November 2026, 09:00-10:00 in Binzhou (UTC+8).
        VEvent meeting = calendar.getEvents().stream()
                .filter(event -> event.getUid().getValue().equals("2026-11-30/staff-meeting#1@community-scheduler"))
                .findFirst().orElseThrow();
        assertThat(meeting.getDateStart().getValue().toInstant()).isEqualTo(Instant.parse("2026-11-30T01:00:00Z"));
        assertThat(meeting.getDateEnd().getValue().toInstant()).isEqualTo(Instant.parse("2026-11-30T02:00:00Z"));
        assertThat(meeting.getLocation().getValue()).contains("会议室");
        assertThat(meeting.getSummary().getValue()).isEqualTo("中心周例会");
    }

    @Test
    void anotherJobOfTheSameWeekExportsTheSameEvents() {
        String again = api.submit(TestServer.SAMPLE, "1s");
        api.awaitDone(again, Duration.ofSeconds(60));

        List<String> first = uids(api.get("/api/schedules/" + solvedId + "/export.ics").body());
        List<String> second = uids(api.get("/api/schedules/" + again + "/export.ics").body());

        // Imported over the first job's file, the second one updates its events: no session is there twice.
        assertThat(second).isNotEmpty().doesNotHaveDuplicates().isSubsetOf(first);
        assertThat(second).contains("2026-11-30/staff-meeting#1@community-scheduler");
    }

    private static List<String> uids(String ics) {
        return Biweekly.parse(ics).first().getEvents().stream().map(event -> event.getUid().getValue()).toList();
    }

    @Test
    void theCalendarExportCanBeNarrowedToOneRoomWorkerOrOrganisation() {
        long inHall = stream(solved.get("sessions")).filter(s -> s.get("room").asText().equals("hall")).count();

        ICalendar hall = Biweekly.parse(api.get("/api/schedules/" + solvedId + "/export.ics?room=hall").body()).first();
        ICalendar liNa = Biweekly.parse(api.get("/api/schedules/" + solvedId + "/export.ics?worker=li-na").body())
                .first();
        ICalendar xinqiao = Biweekly.parse(api.get("/api/schedules/" + solvedId
                + "/export.ics?organization=xinqiao").body()).first();

        assertThat(hall.getEvents()).hasSize((int) inHall);
        // li-na: elder-lunch x5, baduanjin x2, health-talk, staff-meeting.
        assertThat(liNa.getEvents()).hasSize(9);
        // xinqiao: counselling x4, follow-up x2, family counselling, parent workshop, volunteer training, case conference.
        assertThat(xinqiao.getEvents()).hasSize(10);
    }

    @Test
    void theCsvExportOpensInExcelWithChineseIntact() throws Exception {
        HttpResponse<byte[]> response = api.getBytes("/api/schedules/" + solvedId + "/export.csv");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/csv"));
        byte[] body = response.body();
        assertThat(body).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        List<Map<String, String>> rows = csvRows(body);
        assertThat(rows).hasSize(40).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("placed"));
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.get("activity")).isEqualTo("staff-meeting");
            assertThat(row.get("activityName")).isEqualTo("中心周例会");
            assertThat(row.get("date")).isEqualTo("2026-11-30");
            assertThat(row.get("start")).isEqualTo("09:00");
            assertThat(row.get("roomName")).isEqualTo("会议室");
            assertThat(row.get("pinned")).isEqualTo("true");
        });
    }

    @Test
    void theCsvExportNeutralisesWhatASpreadsheetWouldRunAsAFormula() throws Exception {
        String plan = """
                {"name": "formulas", "week": {"startDate": "2026-11-30"},
                 "sites": [{"id": "s", "name": "@site", "openingHours": {"MON": ["09:00-12:00"]}}],
                 "rooms": [{"id": "r", "name": "+room", "capacity": 10}],
                 "organizations": [{"id": "o", "name": "-org"}],
                 "activities": [{"id": "a", "name": "=HYPERLINK(\\"http://x\\")", "organization": "o",
                                 "durationMinutes": 60}]}
                """;
        String id = api.submit(plan, "1s");
        api.awaitDone(id, Duration.ofSeconds(60));

        List<Map<String, String>> rows = csvRows(api.getBytes("/api/schedules/" + id + "/export.csv").body());

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("activityName")).isEqualTo("'=HYPERLINK(\"http://x\")");
            assertThat(row.get("roomName")).isEqualTo("'+room");
            assertThat(row.get("site")).isEqualTo("'@site");
            assertThat(row.get("organization")).isEqualTo("'-org");
        });
    }

    @Test
    void aPlanWithoutAStartDateHasNoCalendarButACsv() {
        String plan = """
                {"sites": [{"id": "s", "openingHours": {"MON": ["09:00-12:00"]}}],
                 "rooms": [{"id": "r", "capacity": 10}],
                 "activities": [{"id": "a", "durationMinutes": 60}]}
                """;
        String id = api.submit(plan, "1s");
        api.awaitDone(id, Duration.ofSeconds(60));

        HttpResponse<String> calendar = api.get("/api/schedules/" + id + "/export.ics");
        assertThat(calendar.statusCode()).isEqualTo(409);
        assertThat(TestServer.json(calendar.body()).get("errors").get(0).get("path").asText()).isEqualTo("week.startDate");
        assertThat(api.get("/api/schedules/" + id + "/export.csv").statusCode()).isEqualTo(200);
    }

    @Test
    void validationAnswersErrorsAndDiagnosticsWithoutSolving() {
        int jobs = TestServer.json(api.get("/api/schedules").body()).size();
        JsonNode valid = TestServer.json(api.post("/api/plans/validate", TestServer.SAMPLE).body());
        assertThat(valid.get("valid").asBoolean()).isTrue();
        assertThat(valid.get("errors")).isEmpty();
        assertThat(valid.get("sessions").asInt()).isEqualTo(40);

        JsonNode neverPlaceable = TestServer.json(api.post("/api/plans/validate", """
                {"sites": [{"id": "s", "openingHours": {"MON": ["09:00-12:00"]}}],
                 "rooms": [{"id": "r", "capacity": 10}],
                 "activities": [{"id": "choir", "durationMinutes": 60, "participants": 50}],
                 "typo": 1}
                """).body());
        assertThat(neverPlaceable.get("valid").asBoolean()).isTrue();
        assertThat(neverPlaceable.get("diagnostics")).anySatisfy(d -> {
            assertThat(d.get("path").asText()).isEqualTo("activities[0]");
            assertThat(d.get("message").asText()).contains("can never be placed").contains("50 participants");
        }).anySatisfy(d -> assertThat(d.get("path").asText()).isEqualTo("typo"));

        HttpResponse<String> invalidResponse = api.post("/api/plans/validate", """
                {"sites": [{"id": "s"}], "rooms": [{"id": "r", "site": "nowhere", "capacity": 5}]}
                """);
        assertThat(invalidResponse.statusCode()).isEqualTo(400);
        JsonNode invalid = TestServer.json(invalidResponse.body());
        assertThat(invalid.get("valid").asBoolean()).isFalse();
        assertThat(invalid.get("errors")).anySatisfy(e -> assertThat(e.get("path").asText()).isEqualTo("rooms[0].site"));
        assertThat(TestServer.json(api.get("/api/schedules").body())).hasSize(jobs);
    }

    @Test
    void theBundledPlansAreListedAndServed() {
        JsonNode plans = TestServer.json(api.get("/api/demo-data").body());
        assertThat(plans).anySatisfy(plan -> {
            assertThat(plan.get("name").asText()).isEqualTo("binzhou-huanghe");
            assertThat(plan.get("title").asText()).contains("黄河社区服务中心");
        });

        HttpResponse<String> sample = api.get("/api/demo-data/binzhou-huanghe");
        assertThat(sample.statusCode()).isEqualTo(200);
        assertThat(TestServer.json(sample.body())).isEqualTo(TestServer.json(TestServer.SAMPLE));
        assertThat(api.get("/api/demo-data/nowhere").statusCode()).isEqualTo(404);
    }

    private static JsonNode constraint(JsonNode schedule, String name) {
        return stream(schedule.get("constraints")).filter(c -> c.get("name").asText().equals(name)).findFirst()
                .orElseThrow();
    }

    private static JsonNode firstUnpinnedOtherThan(JsonNode sessions, JsonNode other) {
        return stream(sessions).filter(s -> !s.get("pinned").asBoolean() && s != other
                && (other == null || !s.get("room").asText().equals(other.get("room").asText())
                        || !s.get("day").asText().equals(other.get("day").asText())))
                .findFirst().orElseThrow();
    }

    private static int indexOf(ArrayNode array, JsonNode element) {
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) == element) {
                return i;
            }
        }
        throw new AssertionError("not in the array: " + element);
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(elements::add);
        return elements.stream();
    }

    private static List<Map<String, String>> csvRows(byte[] body) throws Exception {
        String text = new String(body, StandardCharsets.UTF_8).substring(1); // the byte order mark
        CsvMapper csv = new CsvMapper();
        try (MappingIterator<Map<String, String>> rows = csv.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(new StringReader(text))) {
            return rows.readAll();
        }
    }
}
