package org.communityscheduler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.communityscheduler.plan.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code PUT /api/schedules/{id}/schedule} over real HTTP: the week a coordinator edited on the page becomes the
 * job's schedule, scored honestly wherever the sessions were put, and the exports follow it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditedScheduleApiTest {

    private TestServer api;
    private String solvedId;
    private JsonNode solved;

    @BeforeAll
    void solveTheSample() {
        api = new TestServer();
        solvedId = api.submit(TestServer.SAMPLE, "2s");
        solved = api.awaitDone(solvedId, Duration.ofSeconds(60));
    }

    @AfterAll
    void stop() {
        api.close();
    }

    /** The solved week as the page holds it, a fresh copy. */
    private ObjectNode week() {
        ObjectNode week = Json.MAPPER.createObjectNode();
        week.set("sessions", solved.get("sessions").deepCopy());
        week.set("unassigned", solved.get("unassigned").deepCopy());
        return week;
    }

    private static ObjectNode session(JsonNode week, String activity, int number) {
        for (JsonNode session : week.get("sessions")) {
            if (session.get("activity").asText().equals(activity) && session.get("session").asInt() == number) {
                return (ObjectNode) session;
            }
        }
        throw new AssertionError("no " + activity + "#" + number + " in " + week);
    }

    private HttpResponse<String> save(String id, JsonNode week) {
        return api.put("/api/schedules/" + id + "/schedule", week.toString());
    }

    @Test
    void anEditedWeekBecomesTheJobsScheduleAndItsExportsFollowIt() throws Exception {
        String id = api.submit(TestServer.SAMPLE, "1s");
        api.awaitDone(id, Duration.ofSeconds(60));
        ObjectNode week = week();
        // Sunday evening the doors are locked; the pinned staff meeting is unpinned and moved; the pinned fire-safety
        // day is taken out.
        session(week, "homework", 1).put("room", "hall").put("day", "SUN").put("start", "19:00");
        session(week, "staff-meeting", 1).put("room", "classroom").put("day", "TUE").put("start", "07:00")
                .put("pinned", false);
        ObjectNode takenOut = session(week, "fire-safety-day", 1);
        ArrayNode sessions = (ArrayNode) week.get("sessions");
        for (int i = 0; i < sessions.size(); i++) {
            if (sessions.get(i) == takenOut) {
                sessions.remove(i);
                break;
            }
        }
        ((ArrayNode) week.get("unassigned")).addObject().put("activity", "fire-safety-day").put("session", 1);

        HttpResponse<String> response = save(id, week);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode saved = TestServer.json(response.body());
        assertThat(saved.get("edited").asBoolean()).isTrue();
        assertThat(saved.get("feasible").asBoolean()).isFalse();
        assertThat(constraint(saved, "Locked doors").get("matches").asInt()).isEqualTo(2);
        assertThat(saved.get("sessions")).hasSize(39);
        assertThat(saved.get("unassigned")).extracting(u -> u.get("activity").asText() + "#" + u.get("session"))
                .containsExactly("fire-safety-day#1");
        assertThat(session(saved, "staff-meeting", 1).get("pinned").asBoolean()).isFalse();
        assertThat(api.schedule(id).get("score").asText()).isEqualTo(saved.get("score").asText());
        assertThat(api.schedule(id).get("edited").asBoolean()).isTrue();
        // Analysing the job scores the edited week, the staff meeting where it was moved.
        JsonNode analysis = TestServer.json(api.post("/api/schedules/analyze", "{\"job\": \"" + id + "\"}").body());
        assertThat(analysis.get("score").asText()).isEqualTo(saved.get("score").asText());
        assertThat(session(analysis, "staff-meeting", 1).get("room").asText()).isEqualTo("classroom");
        assertThat(analysis.get("unassigned")).extracting(u -> u.get("activity").asText())
                .containsExactly("fire-safety-day");

        List<Map<String, String>> rows = csvRows(api.getBytes("/api/schedules/" + id + "/export.csv").body());
        assertThat(rows).filteredOn(row -> row.get("activity").equals("homework") && row.get("session").equals("1"))
                .singleElement().satisfies(row -> {
                    assertThat(row.get("day")).isEqualTo("SUN");
                    assertThat(row.get("start")).isEqualTo("19:00");
                    assertThat(row.get("room")).isEqualTo("hall");
                });
        assertThat(rows).filteredOn(row -> row.get("activity").equals("fire-safety-day"))
                .singleElement().satisfies(row -> assertThat(row.get("status")).isEqualTo("unassigned"));
        ICalendar calendar = Biweekly.parse(api.get("/api/schedules/" + id + "/export.ics").body()).first();
        assertThat(calendar.getEvents()).hasSize(39);
        VEvent homework = calendar.getEvents().stream()
                .filter(event -> event.getUid().getValue().equals("2026-11-30/homework#1@community-scheduler")).findFirst().orElseThrow();
        // Sunday 6 December 2026, 19:00 in Binzhou (UTC+8).
        assertThat(homework.getDateStart().getValue().toInstant()).isEqualTo(Instant.parse("2026-12-06T11:00:00Z"));
    }

    /** Taken out by hand, a session says so wherever its reason is read: the saved week, an analysis, the workbook. */
    @Test
    void aSessionTakenOutByHandIsExplainedAsTakenOut() throws Exception {
        String id = api.submit(TestServer.SAMPLE, "1s");
        api.awaitDone(id, Duration.ofSeconds(60));
        ObjectNode week = week();
        ArrayNode sessions = (ArrayNode) week.get("sessions");
        for (int i = 0; i < sessions.size(); i++) {
            if (sessions.get(i).get("activity").asText().equals("homework") && sessions.get(i).get("session").asInt() == 1) {
                sessions.remove(i);
                break;
            }
        }
        ((ArrayNode) week.get("unassigned")).addObject().put("activity", "homework").put("session", 1)
                .put("takenOut", true);

        JsonNode saved = TestServer.json(save(id, week).body());

        JsonNode homework = saved.get("unassigned").get(0);
        assertThat(homework.get("takenOut").asBoolean()).isTrue();
        assertThat(homework.get("reasons")).extracting(reason -> reason.get("message").asText())
                .containsExactly("taken out of the week by hand");
        JsonNode analysis = TestServer.json(api.post("/api/schedules/analyze", "{\"job\": \"" + id + "\"}").body());
        assertThat(analysis.get("unassigned").get(0).get("reasons").get(0).get("code").asText())
                .isEqualTo("schedule.unplaced.takenOut");
        // Sent back as the page sends it, in Chinese.
        ObjectNode request = Json.MAPPER.createObjectNode();
        request.set("plan", TestServer.json(TestServer.SAMPLE));
        request.set("schedule", saved);
        HttpResponse<String> chinese = api.post("/api/schedules/analyze?lang=zh", request.toString());
        assertThat(TestServer.json(chinese.body()).get("unassigned").get(0).get("reasons").get(0).get("message").asText())
                .isEqualTo("已手动移出本周排期");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(api.getBytes("/api/schedules/" + id + "/export.xlsx").body()))) {
            StringBuilder text = new StringBuilder();
            workbook.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> text.append(cell).append('\n'))));
            assertThat(text).contains("taken out of the week by hand").doesNotContain("solver stopped");
        }
    }

    @Test
    void aJobStillSolvingKeepsTheSolversSchedule() {
        String id = api.submit(TestServer.SAMPLE, "60s");
        try {
            HttpResponse<String> response = save(id, week());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
            JsonNode error = TestServer.json(response.body()).get("errors").get(0);
            assertThat(error.get("code").asText()).isEqualTo("edit.stillSolving");
            assertThat(error.get("message").asText()).contains(id, "still solving");
        } finally {
            api.delete("/api/schedules/" + id);
        }
        assertThat(api.schedule(id).has("edited")).isFalse();
    }

    @Test
    void placementsThatCannotBeMeantAreRefusedAndNothingIsSaved() {
        String id = api.submit(TestServer.SAMPLE, "1s");
        JsonNode before = api.awaitDone(id, Duration.ofSeconds(60));
        ObjectNode week = week();
        session(week, "homework", 1).put("room", "attic");
        session(week, "homework", 2).put("start", "23:30");
        session(week, "kids-club", 1).put("day", "MOON");
        session(week, "teen-group", 1).put("session", 9);

        HttpResponse<String> response = save(id, week);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode errors = TestServer.json(response.body()).get("errors");
        assertThat(errors).extracting(error -> error.get("message").asText())
                .anySatisfy(message -> assertThat(message).contains("MOON"));
        // The document itself is read first; once it reads, the week's ids and times are checked.
        session(week, "kids-club", 1).put("day", "MON");
        response = save(id, week);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(TestServer.json(response.body()).get("errors"))
                .extracting(error -> error.get("path").asText() + ": " + error.get("message").asText())
                .anySatisfy(line -> assertThat(line).endsWith(".room: unknown room \"attic\""))
                .anySatisfy(line -> assertThat(line).contains(".start: a 60-minute session starting at 23:30"))
                .anySatisfy(line -> assertThat(line).contains("unknown session 9 of activity \"teen-group\""));
        assertThat(api.schedule(id).get("score").asText()).isEqualTo(before.get("score").asText());
        assertThat(api.schedule(id).has("edited")).isFalse();
        assertThat(save("no-such-job", week()).statusCode()).isEqualTo(404);
        assertThat(api.put("/api/schedules/" + id + "/schedule", "[]").statusCode()).isEqualTo(400);
    }

    @Test
    void theSolvedWeekSavedAsItIsKeepsItsScore() {
        String id = api.submit(TestServer.SAMPLE, "1s");
        JsonNode before = api.awaitDone(id, Duration.ofSeconds(60));
        ObjectNode week = Json.MAPPER.createObjectNode();
        week.set("sessions", before.get("sessions"));

        JsonNode saved = TestServer.json(save(id, week).body());

        assertThat(saved.get("score").asText()).isEqualTo(before.get("score").asText());
        assertThat(saved.get("sessions")).isEqualTo(before.get("sessions"));
    }

    @Test
    void theJobListSaysWhichJobsWereEditedByHand() {
        String id = api.submit(TestServer.SAMPLE, "1s");
        api.awaitDone(id, Duration.ofSeconds(60));
        assertThat(listed(id).has("edited")).as("solved, not edited yet").isFalse();

        assertThat(save(id, week()).statusCode()).isEqualTo(200);

        assertThat(listed(id).get("edited").asBoolean()).isTrue();
    }

    private JsonNode listed(String id) {
        for (JsonNode job : TestServer.json(api.get("/api/schedules").body())) {
            if (job.get("id").asText().equals(id)) {
                return job;
            }
        }
        throw new AssertionError("job " + id + " is not listed");
    }

    @Test
    @Tag("slow") // a server stopped and started again
    void anEditedWeekIsKeptOverARestart(@TempDir Path dataDir) {
        ServerSettings settings = ServerSettings.defaults().withParallelSolvers(1).withDataDir(dataDir);
        String id;
        JsonNode saved;
        try (TestServer first = new TestServer(settings)) {
            id = first.submit(TestServer.SAMPLE, "1s");
            first.awaitDone(id, Duration.ofSeconds(60));
            ObjectNode week = week();
            session(week, "homework", 1).put("room", "hall").put("day", "SUN").put("start", "19:00");
            HttpResponse<String> response = first.put("/api/schedules/" + id + "/schedule", week.toString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            saved = TestServer.json(response.body());
        }
        try (TestServer second = new TestServer(settings)) {
            JsonNode back = second.schedule(id);

            assertThat(back.get("edited").asBoolean()).isTrue();
            assertThat(back.get("score").asText()).isEqualTo(saved.get("score").asText());
            assertThat(session(back, "homework", 1).get("day").asText()).isEqualTo("SUN");
        }
    }

    private static JsonNode constraint(JsonNode schedule, String name) {
        for (JsonNode constraint : schedule.get("constraints")) {
            if (constraint.get("name").asText().equals(name)) {
                return constraint;
            }
        }
        throw new AssertionError("no constraint " + name);
    }

    private static List<Map<String, String>> csvRows(byte[] body) throws Exception {
        String text = new String(body, StandardCharsets.UTF_8).substring(1); // the byte order mark
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(new StringReader(text))) {
            return rows.readAll();
        }
    }
}
