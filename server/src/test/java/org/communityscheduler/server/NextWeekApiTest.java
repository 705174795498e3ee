package org.communityscheduler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.communityscheduler.plan.Json;
import org.communityscheduler.plan.PlanReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Next week from this one over real HTTP: a solved week with a make-up Saturday (worked as a Monday), a
 * closed Tuesday and a pinned meeting answers next week's plan, which the server takes as it is.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NextWeekApiTest {

    /** Open on Mondays only; Saturday 5 December is worked as a Monday, so choir's second session can go there. */
    private static final String WEEK = """
            {"name": "Huanghe, week of 2026-11-30",
             "week": {"startDate": "2026-11-30", "makeUpWorkdays": {"2026-12-05": "MON"}},
             "sites": [{"id": "huanghe", "openingHours": {"MON": ["09:00-12:00"], "TUE": ["09:00-12:00"]},
                        "closedDates": ["2026-12-01", "2026-12-08"]}],
             "rooms": [{"id": "hall", "capacity": 40}],
             "activities": [{"id": "meeting", "durationMinutes": 60},
                            {"id": "choir", "durationMinutes": 60, "sessionsPerWeek": 2, "audience": "elders"}],
             "pinned": [{"activity": "meeting", "session": 1, "room": "hall", "day": "MON", "start": "09:00"}]}
            """;

    private TestServer api;
    private String solvedId;
    private JsonNode solved;

    @BeforeAll
    void solveTheWeek() {
        api = new TestServer();
        solvedId = api.submit(WEEK, "5s");
        solved = api.awaitDone(solvedId, Duration.ofSeconds(60));
    }

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void theMakeUpSaturdayIsWorkedWithMondaysHours() {
        assertThat(solved.get("score").asText()).isEqualTo("0hard/0medium/0soft");
        assertThat(solved.get("sessions")).extracting(session -> session.get("date").asText())
                .contains("2026-12-05")
                .doesNotContain("2026-12-01");
    }

    @Test
    void nextWeekIsThisPlanAWeekLaterWithThisWeeksPlacementsAsPrevious() {
        HttpResponse<String> response = api.post("/api/schedules/" + solvedId + "/next-week", "");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode next = TestServer.json(response.body());
        assertThat(next.get("name").asText()).isEqualTo("Huanghe, week of 2026-12-07");
        assertThat(next.get("week").get("startDate").asText()).isEqualTo("2026-12-07");
        assertThat(next.get("week").has("makeUpWorkdays")).as("the make-up Saturday was this week's").isFalse();
        assertThat(next.get("sites").get(0).get("closedDates")).extracting(JsonNode::asText).containsExactly("2026-12-08");
        assertThat(next.get("pinned")).isEqualTo(TestServer.json(WEEK).get("pinned"));
        assertThat(placements(next.get("previous"))).containsExactlyElementsOf(placements(solved.get("sessions")));
        assertThat(PlanReader.read(response.body()).orThrow().activities())
                .isEqualTo(PlanReader.read(WEEK).orThrow().activities());

        assertThat(api.post("/api/schedules?timeLimit=1s", response.body()).statusCode())
                .as("next week's plan is submitted as it is").isEqualTo(202);
    }

    @Test
    void aScheduleEditedByHandGivesItsOwnPlacements() {
        String edited = """
                {"sessions": [
                  {"activity": "meeting", "session": 1, "room": "hall", "day": "MON", "start": "09:00"},
                  {"activity": "choir", "session": 1, "room": "hall", "day": "MON", "start": "11:00"}]}
                """;

        HttpResponse<String> response = api.post("/api/schedules/" + solvedId + "/next-week", edited);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(placements(TestServer.json(response.body()).get("previous")))
                .containsExactly("meeting#1 hall MON 09:00", "choir#1 hall MON 11:00");
    }

    /** This week as the page holds it after a coordinator pinned choir #1 and took the pin off the meeting. */
    private static ObjectNode repinned(JsonNode schedule) {
        ObjectNode week = Json.MAPPER.createObjectNode();
        ArrayNode sessions = week.putArray("sessions");
        for (JsonNode session : schedule.get("sessions")) {
            String name = session.get("activity").asText() + "#" + session.get("session").asInt();
            sessions.add(((ObjectNode) session.deepCopy()).put("pinned", name.equals("choir#1")));
        }
        week.set("unassigned", schedule.get("unassigned").deepCopy());
        return week;
    }

    private static JsonNode pinOf(JsonNode schedule, String activity, int number) {
        for (JsonNode session : schedule.get("sessions")) {
            if (session.get("activity").asText().equals(activity) && session.get("session").asInt() == number) {
                return Json.MAPPER.createObjectNode().put("activity", activity).put("session", number)
                        .put("room", session.get("room").asText()).put("day", session.get("day").asText())
                        .put("start", session.get("start").asText());
            }
        }
        throw new AssertionError("no " + activity + "#" + number + " in " + schedule);
    }

    @Test
    void nextWeeksPinsAreThoseOfTheWeekSavedEditedByHand() {
        String id = api.submit(WEEK, "1s");
        JsonNode schedule = api.awaitDone(id, Duration.ofSeconds(60));
        assertThat(api.put("/api/schedules/" + id + "/schedule", repinned(schedule).toString()).statusCode())
                .isEqualTo(200);

        HttpResponse<String> response = api.post("/api/schedules/" + id + "/next-week", "");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TestServer.json(response.body()).get("pinned")).containsExactly(pinOf(schedule, "choir", 1));
    }

    @Test
    void nextWeeksPinsAreThoseOfAScheduleEditedByHandInTheBody() {
        HttpResponse<String> response = api.post("/api/schedules/" + solvedId + "/next-week",
                repinned(solved).toString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TestServer.json(response.body()).get("pinned")).containsExactly(pinOf(solved, "choir", 1));
    }

    /**
     * Next week closes the Monday the meeting is pinned to: the plan is taken with a warning that says why, the
     * meeting stays at its pin behind locked doors, and the job's analysis scores it the same.
     */
    @Test
    void aPinOnADayNextWeekClosesIsKeptScoredAndWarnedAbout() {
        String week = WEEK.replace("\"2026-12-01\", \"2026-12-08\"", "\"2026-12-01\", \"2026-12-07\"");
        String id = api.submit(week, "1s");
        api.awaitDone(id, Duration.ofSeconds(60));
        String nextWeek = api.post("/api/schedules/" + id + "/next-week", "").body();

        HttpResponse<String> submitted = api.post("/api/schedules?timeLimit=1s", nextWeek);

        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        assertThat(TestServer.json(submitted.body()).get("diagnostics"))
                .extracting(d -> d.get("severity").asText() + " " + d.get("path").asText() + " " + d.get("code").asText())
                .containsExactly("warning pinned[0] edit.pinOutsideRanges");
        String nextId = TestServer.json(submitted.body()).get("id").asText();
        JsonNode schedule = api.awaitDone(nextId, Duration.ofSeconds(60));
        assertThat(schedule.get("sessions")).filteredOn(session -> session.get("pinned").asBoolean()).singleElement()
                .satisfies(meeting -> assertThat(meeting.get("activity").asText() + " " + meeting.get("date").asText()
                        + " " + meeting.get("start").asText()).isEqualTo("meeting 2026-12-07 09:00"));
        // Its hour behind locked doors; choir still finds Tuesday.
        assertThat(schedule.get("score").asText()).startsWith("-60hard/0medium/");
        HttpResponse<String> analysis = api.post("/api/schedules/analyze", "{\"job\": \"" + nextId + "\"}");
        assertThat(analysis.statusCode()).as(analysis.body()).isEqualTo(200);
        assertThat(TestServer.json(analysis.body()).get("score").asText()).isEqualTo(schedule.get("score").asText());
    }

    @Test
    void anEditedScheduleOfAnotherPlanIsRefusedWithEveryProblem() {
        HttpResponse<String> response = api.post("/api/schedules/" + solvedId + "/next-week", """
                {"sessions": [{"activity": "choir", "session": 3, "room": "attic", "day": "MON", "start": "11:00"}]}
                """);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TestServer.json(response.body()).get("errors")).extracting(error -> error.get("path").asText())
                .containsExactly("sessions[0]", "sessions[0].room");
    }

    @Test
    void aWeekWithoutAStartDateStaysAbstract() {
        String id = api.submit("""
                {"sites": [{"id": "s", "openingHours": {"MON": ["09:00-12:00"]}}],
                 "rooms": [{"id": "r", "capacity": 10}],
                 "activities": [{"id": "a", "durationMinutes": 60}]}
                """, "1s");
        JsonNode schedule = api.awaitDone(id, Duration.ofSeconds(60));

        JsonNode next = TestServer.json(api.post("/api/schedules/" + id + "/next-week", "").body());

        assertThat(next.path("week").has("startDate")).isFalse();
        assertThat(placements(next.get("previous"))).containsExactlyElementsOf(placements(schedule.get("sessions")));
    }

    @Test
    void theLastWeekOf2100HasNoNextWeekAPlanMayName() {
        String id = api.submit("""
                {"week": {"startDate": "2100-12-27"},
                 "sites": [{"id": "s", "openingHours": {"MON": ["09:00-12:00"]}}],
                 "rooms": [{"id": "r", "capacity": 10}],
                 "activities": [{"id": "a", "durationMinutes": 60}]}
                """, "1s");
        JsonNode schedule = api.awaitDone(id, Duration.ofSeconds(60));

        for (String body : List.of("", "{\"sessions\": " + schedule.get("sessions") + "}")) {
            HttpResponse<String> response = api.post("/api/schedules/" + id + "/next-week?lang=zh", body);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
            JsonNode error = TestServer.json(response.body()).get("errors").get(0);
            assertThat(error.get("path").asText()).isEqualTo("week.startDate");
            assertThat(error.get("code").asText()).isEqualTo("nextWeek.pastLastDate");
            assertThat(error.get("message").asText()).contains("2101-01-03").contains("2100-12-31");
        }
    }

    @Test
    void anUnknownJobIsNotFound() {
        HttpResponse<String> response = api.post("/api/schedules/no-such-job/next-week", "");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(TestServer.json(response.body()).get("errors").get(0).get("path").asText()).isEqualTo("id");
    }

    @Test
    void theWeekSolvedAgainKeepsThePinsAsEditedAndThePlacementsAsPrevious() {
        ObjectNode request = Json.MAPPER.createObjectNode();
        request.set("plan", TestServer.json(WEEK));
        request.set("schedule", repinned(solved));

        HttpResponse<String> response = api.post("/api/plans/replan", request.toString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode again = TestServer.json(response.body());
        assertThat(again.get("name").asText()).isEqualTo("Huanghe, week of 2026-11-30");
        assertThat(again.get("week").get("startDate").asText()).isEqualTo("2026-11-30");
        assertThat(again.get("pinned")).containsExactly(pinOf(solved, "choir", 1));
        assertThat(placements(again.get("previous"))).containsExactlyElementsOf(placements(solved.get("sessions")));
        assertThat(api.post("/api/schedules?timeLimit=1s", response.body()).statusCode())
                .as("the plan is submitted as it is").isEqualTo(202);

        HttpResponse<String> refused = api.post("/api/plans/replan", """
                {"plan": {"name": "x"}, "schedule": {"sessions": []}}""");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(TestServer.json(refused.body()).get("errors")).extracting(error -> error.get("path").asText())
                .allMatch(path -> path.startsWith("plan"));
        assertThat(api.post("/api/plans/replan", "{\"plan\": " + WEEK + "}").body()).contains("\"path\":\"schedule\"");
    }

    /** activity#n room day start: what a placement says, whether in a schedule or a plan's previous. */
    private static List<String> placements(JsonNode sessions) {
        List<String> placements = new ArrayList<>();
        sessions.forEach(session -> placements.add(session.get("activity").asText() + "#" + session.get("session").asInt()
                + " " + session.get("room").asText() + " " + session.get("day").asText() + " "
                + session.get("start").asText()));
        return placements;
    }
}
