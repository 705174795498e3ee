package org.communityscheduler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.communityscheduler.plan.Json;
import org.communityscheduler.plan.PlanReader;
import org.communityscheduler.plan.Problem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every refusal of the API: {@code {"errors": [{"path", "code", "message"}]}} with the right 4xx status, never a
 * stack trace, never a 5xx for a client's mistake.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorsTest {

    private static final String UNKNOWN = "00000000-0000-4000-8000-000000000000";
    private static final String BROKEN_PLAN = """
            {"sites": [{"id": "s", "openingHours": {"MON": ["12:00-09:00"], "MOON": ["09:00-10:00"]}}],
             "rooms": [{"id": "r", "site": "nowhere", "capacity": -3}],
             "activities": [{"id": "a", "durationMinutes": "long", "workers": ["wang"]}]}
            """;

    private TestServer api;

    @BeforeAll
    void start() {
        api = new TestServer(ServerSettings.defaults().withParallelSolvers(1).withMaxTimeLimit(Duration.ofSeconds(3)));
    }

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void anInvalidPlanIsAnsweredWithEveryProblemExactlyAsTheCommandLineReportsIt() {
        HttpResponse<String> response = api.post("/api/schedules", BROKEN_PLAN);

        assertThat(response.statusCode()).isEqualTo(400);
        List<Problem> expected = PlanReader.read(BROKEN_PLAN).problems();
        assertThat(expected).hasSizeGreaterThanOrEqualTo(4);
        assertThat(problems(response)).extracting(Problem::toString)
                .containsExactlyElementsOf(expected.stream().map(Problem::toString).toList());
    }

    @Test
    void malformedJsonIsABadRequestAtTheDocument() {
        HttpResponse<String> plan = api.post("/api/schedules", "{\"sites\": [");
        HttpResponse<String> analysis = api.post("/api/schedules/analyze", "{\"job\": ");
        HttpResponse<String> notUtf8 = api.post("/api/schedules", "application/json", new byte[] { '{', (byte) 0xC3, '}' });

        assertThat(List.of(plan, analysis, notUtf8)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(problems(response)).singleElement().satisfies(problem -> assertThat(problem.path()).isEqualTo("$"));
        });
        assertThat(problems(plan).get(0).message()).startsWith("malformed JSON at line 1");
        assertThat(problems(notUtf8).get(0).message()).contains("UTF-8");
    }

    @Test
    void aTimeLimitThatIsNotOneIsABadRequestAndALongOneIsCapped() {
        HttpResponse<String> wrong = api.post("/api/schedules?timeLimit=soon", TestServer.SAMPLE);
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(problems(wrong)).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("timeLimit");
            assertThat(problem.message()).contains("not a time limit");
        });

        HttpResponse<String> long_ = api.post("/api/schedules?timeLimit=2h", TestServer.SAMPLE);
        assertThat(long_.statusCode()).isEqualTo(202);
        assertThat(TestServer.json(long_.body()).get("timeLimit").asText()).isEqualTo("3s");
        api.delete("/api/schedules/" + TestServer.json(long_.body()).get("id").asText());
    }

    @Test
    void anUnknownJobIsNotFoundWhereverItIsNamed() {
        List<HttpResponse<String>> responses = List.of(
                api.get("/api/schedules/" + UNKNOWN),
                api.delete("/api/schedules/" + UNKNOWN),
                api.get("/api/schedules/" + UNKNOWN + "/events"),
                api.get("/api/schedules/" + UNKNOWN + "/export.ics"),
                api.get("/api/schedules/" + UNKNOWN + "/export.csv"),
                api.post("/api/schedules/analyze", "{\"job\": \"" + UNKNOWN + "\"}"),
                api.post("/api/schedules/recommend", "{\"job\": \"" + UNKNOWN + "\", \"session\": {\"activity\": \"a\", "
                        + "\"session\": 1}}"));

        assertThat(responses).allSatisfy(response -> {
            assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(404);
            assertThat(problems(response)).singleElement().satisfies(problem -> {
                assertThat(problem.path()).isIn("id", "job");
                assertThat(problem.message()).contains(UNKNOWN);
            });
        });
    }

    @Test
    void anUnknownRouteIsNotFoundAndAWrongMethodIsNotAllowed() {
        HttpResponse<String> nowhere = api.get("/api/nowhere");
        HttpResponse<String> put = api.send(HttpRequest.newBuilder(api.uri("/api/schedules"))
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json"));

        assertThat(nowhere.statusCode()).isEqualTo(404);
        assertThat(problems(nowhere).get(0).message()).contains("/api/nowhere");
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(problems(put).get(0).message()).contains("GET").contains("POST");
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaType() {
        byte[] plan = TestServer.SAMPLE.getBytes(StandardCharsets.UTF_8);
        List<HttpResponse<String>> responses = List.of(
                api.post("/api/schedules", "text/plain", plan),
                api.post("/api/schedules", "application/x-www-form-urlencoded", plan),
                api.post("/api/schedules", null, plan),
                api.post("/api/plans/validate", "text/plain", plan),
                api.post("/api/schedules/analyze", "text/plain", plan));

        assertThat(responses).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(415);
            assertThat(problems(response).get(0).message()).contains("application/json");
        });
        assertThat(api.post("/api/plans/validate", "application/json; charset=utf-8", plan).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aRequestWithoutABodyNeedsNoContentType() {
        HttpResponse<String> noBody = api.post("/api/plans/validate", null, new byte[0]);

        // Not a 415: a route that needs a body says so.
        assertThat(noBody.statusCode()).isEqualTo(400);
        assertThat(problems(noBody)).extracting(Problem::path).containsExactly("$");
    }

    @Test
    void aBodyLargerThanTheLimitIsTooLarge() {
        try (TestServer small = new TestServer(ServerSettings.defaults().withParallelSolvers(1)
                .withMaxRequestBytes(1024))) {
            byte[] plan = TestServer.SAMPLE.getBytes(StandardCharsets.UTF_8);
            assertThat(plan.length).isGreaterThan(1024);

            HttpResponse<String> declared = small.post("/api/schedules", "application/json", plan);
            // Without a Content-Length, the limit is found while reading.
            HttpResponse<String> streamed = small.send(HttpRequest.newBuilder(small.uri("/api/plans/validate"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(plan))));

            assertThat(List.of(declared, streamed)).allSatisfy(response -> {
                assertThat(response.statusCode()).isEqualTo(413);
                assertThat(problems(response).get(0).message()).contains("1024 bytes");
            });
            assertThat(small.post("/api/plans/validate", "{\"sites\": []}").statusCode()).isEqualTo(400);
        }
    }

    @Test
    void analysisAndRecommendationRequestsReportEveryProblemAtItsPath() {
        HttpResponse<String> neither = api.post("/api/schedules/analyze", "{}");
        assertThat(neither.statusCode()).isEqualTo(400);
        assertThat(problems(neither)).extracting(Problem::path).containsExactly("plan", "schedule");

        HttpResponse<String> badSchedule = api.post("/api/schedules/analyze", "{\"plan\": " + TestServer.SAMPLE
                + ", \"schedule\": {\"sessions\": [{\"activity\": \"kids-club\", \"session\": 1, \"room\": \"attic\","
                + " \"day\": \"MON\", \"start\": \"09:00\"}, {\"activity\": \"kids-club\", \"session\": 9, \"room\": "
                + "\"hall\", \"day\": \"MOON\", \"start\": \"25:00\"}, {\"activity\": \"ghost\", \"session\": 1, "
                + "\"room\": \"hall\", \"day\": \"TUE\", \"start\": \"09:00\"}]}}");
        assertThat(badSchedule.statusCode()).isEqualTo(400);
        assertThat(problems(badSchedule)).extracting(Problem::path)
                .containsExactly("schedule.sessions[1].day", "schedule.sessions[1].start");

        HttpResponse<String> unknowns = api.post("/api/schedules/analyze", "{\"plan\": " + TestServer.SAMPLE
                + ", \"schedule\": {\"sessions\": [{\"activity\": \"kids-club\", \"session\": 1, \"room\": \"attic\","
                + " \"day\": \"MON\", \"start\": \"09:00\"}, {\"activity\": \"ghost\", \"session\": 1, "
                + "\"room\": \"hall\", \"day\": \"TUE\", \"start\": \"09:00\"}]}}");
        assertThat(unknowns.statusCode()).isEqualTo(400);
        assertThat(problems(unknowns)).extracting(Problem::path)
                .containsExactly("schedule.sessions[0].room", "schedule.sessions[1]");

        HttpResponse<String> badPlan = api.post("/api/schedules/analyze", "{\"plan\": " + BROKEN_PLAN
                + ", \"schedule\": {\"sessions\": []}}");
        assertThat(badPlan.statusCode()).isEqualTo(400);
        assertThat(problems(badPlan)).extracting(Problem::path).allSatisfy(path -> assertThat(path).startsWith("plan."))
                .contains("plan.rooms[0].site");

        HttpResponse<String> badSession = api.post("/api/schedules/recommend", "{\"plan\": " + TestServer.SAMPLE
                + ", \"schedule\": {\"sessions\": []}, \"session\": {\"activity\": \"kids-club\", \"session\": 7}, "
                + "\"limit\": 0}");
        assertThat(badSession.statusCode()).isEqualTo(400);
        assertThat(problems(badSession)).extracting(Problem::path).containsExactly("limit", "session");
    }

    @Test
    void anExportFilterNamingNothingInThePlanIsABadRequest() {
        String id = api.submit(TestServer.SAMPLE, "1s");

        HttpResponse<String> response = api.get("/api/schedules/" + id + "/export.ics?room=attic&worker=nobody");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problems(response)).extracting(Problem::path).containsExactly("room", "worker");
        api.delete("/api/schedules/" + id);
    }

    @Test
    void noAnswerEverCarriesAStackTrace() {
        List<HttpResponse<String>> responses = new ArrayList<>(List.of(
                api.post("/api/schedules", "[1, 2"),
                api.post("/api/schedules", "\"just a string\""),
                api.post("/api/schedules", "{\"activities\": [{\"durationMinutes\": 1e400}]}"),
                api.post("/api/schedules/recommend", "{\"job\": 42, \"session\": \"x\"}"),
                api.post("/api/schedules/analyze", "{\"plan\": [], \"schedule\": 3}"),
                api.post("/api/schedules/analyze", "{\"plan\": {}, \"schedule\": {\"sessions\": [null, 1]}}"),
                api.post("/api/schedules", "{\"a\":" + "[".repeat(200) + "]".repeat(200) + "}"),
                api.get("/api/schedules/%2e%2e")));

        assertThat(responses).allSatisfy(response -> {
            assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
            JsonNode errors = TestServer.json(response.body()).get("errors");
            assertThat(errors).isNotEmpty().allSatisfy(error -> {
                assertThat(error.get("path").asText()).isNotEmpty();
                assertThat(error.get("message").asText()).isNotEmpty();
            });
        });
    }

    private static List<Problem> problems(HttpResponse<String> response) {
        List<Problem> problems = new ArrayList<>();
        for (JsonNode error : TestServer.json(response.body()).get("errors")) {
            Problem problem = Json.MAPPER.convertValue(error, Problem.class);
            assertThat(problem.message()).as("the message as its code and arguments say").isEqualTo(
                    error.get("message").asText());
            problems.add(problem);
        }
        return problems;
    }
}
