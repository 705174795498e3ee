package org.communityscheduler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.communityscheduler.plan.Plan;
import org.communityscheduler.plan.PlanReader;
import org.junit.jupiter.api.Test;

/** Who may call the API, what a browser may load, and the limits of what one request may ask. */
class AccessAndLimitsTest {

    private static final String TOKEN = "c0ordinator-token";

    @Test
    void withATokenEveryApiRouteNeedsItAndOperationsStayOpen() throws Exception {
        try (TestServer api = new TestServer(ServerSettings.defaults().withParallelSolvers(1).withApiToken(TOKEN))) {
            HttpResponse<String> none = api.get("/api/schedules");
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"community-scheduler\"");
            assertThat(error(none)).isEqualTo(List.of("Authorization",
                    "this server needs its API token: send the header Authorization: Bearer <token>"));

            HttpResponse<String> wrong = api.send(HttpRequest.newBuilder(api.uri("/api/schedules"))
                    .header("Authorization", "Bearer guess").GET());
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(error(wrong)).isEqualTo(List.of("Authorization", "the API token is not this server's"));

            // Every /api route, even one that does not exist: nothing is told without the token.
            for (String path : List.of("/api/demo-data", "/api/schedules/00000000-0000-4000-8000-000000000000",
                    "/api/schedules/x/events", "/api/nothing-here")) {
                assertThat(api.get(path).statusCode()).as(path).isEqualTo(401);
            }
            assertThat(api.post("/api/schedules", TestServer.SAMPLE).statusCode()).isEqualTo(401);

            HttpResponse<String> submitted = api.send(authorized(api, "/api/schedules?timeLimit=1s")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(TestServer.SAMPLE)));
            assertThat(submitted.statusCode()).isEqualTo(202);
            String id = TestServer.json(submitted.body()).get("id").asText();

            // The page reads the event stream with fetch(), which sends the header.
            HttpResponse<Stream<String>> events = api.client().send(authorized(api, "/api/schedules/" + id
                    + "/events").GET().build(), HttpResponse.BodyHandlers.ofLines());
            assertThat(events.statusCode()).isEqualTo(200);
            assertThat(TestServer.readUntilDone(events.body())).last().satisfies(event ->
                    assertThat(event.name()).isEqualTo("done"));

            for (String open : List.of("/health", "/metrics", "/openapi.yaml", "/plan.schema.json", "/api-docs", "/api-docs.js")) {
                assertThat(api.get(open).statusCode()).as(open).isEqualTo(200);
            }
        }
    }

    @Test
    void metricsHaveTheirOwnTokenWhenOneIsSetAndTheProbesStayOpen() {
        String scraper = "prometheus-token";
        try (TestServer api = new TestServer(ServerSettings.defaults().withParallelSolvers(1).withApiToken(TOKEN)
                .withMetricsToken(scraper))) {
            HttpResponse<String> none = api.get("/metrics");
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"community-scheduler\"");
            assertThat(error(none)).isEqualTo(List.of("Authorization",
                    "/metrics needs the server's metrics token: send the header Authorization: Bearer <token>"));
            HttpResponse<String> apiToken = api.send(authorized(api, "/metrics").GET());
            assertThat(apiToken.statusCode()).as("the API's token is not the metrics'").isEqualTo(401);
            assertThat(error(apiToken)).isEqualTo(List.of("Authorization", "the token is not this server's metrics token"));

            HttpResponse<String> scraped = api.send(HttpRequest.newBuilder(api.uri("/metrics"))
                    .header("Authorization", "Bearer " + scraper).GET());
            assertThat(scraped.statusCode()).isEqualTo(200);
            assertThat(scraped.body()).contains("scheduler_jobs{status=\"NOT_SOLVING\"}");
            HttpResponse<String> scraperOnApi = api.send(HttpRequest.newBuilder(api.uri("/api/schedules"))
                    .header("Authorization", "Bearer " + scraper).GET());
            assertThat(scraperOnApi.statusCode()).as("the metrics' token is not the API's").isEqualTo(401);

            for (String probe : List.of("/health", "/health/ready", "/health/live")) {
                HttpResponse<String> open = api.get(probe);
                assertThat(open.statusCode()).as(probe).isEqualTo(200);
                assertThat(TestServer.json(open.body()).fieldNames()).toIterable().as(probe).containsExactly("status");
            }
        }
    }

    @Test
    void everyAnswerCarriesAStrictContentSecurityPolicyAndCorsIsOffUnlessConfigured() throws Exception {
        try (TestServer api = new TestServer()) {
            HttpResponse<String> docs = api.get("/api-docs");
            assertThat(docs.headers().firstValue("Content-Security-Policy")).hasValue(
                    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                            + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
            assertThat(docs.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(api.get("/api/demo-data").headers().firstValue("Content-Security-Policy")).isPresent();

            HttpResponse<String> foreign = api.send(HttpRequest.newBuilder(api.uri("/api/demo-data"))
                    .header("Origin", "https://elsewhere.example").GET());
            assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
        try (TestServer api = new TestServer(ServerSettings.defaults().withParallelSolvers(1)
                .withCorsOrigins(List.of("https://ngo.example")))) {
            HttpResponse<String> allowed = api.send(HttpRequest.newBuilder(api.uri("/api/demo-data"))
                    .header("Origin", "https://ngo.example").GET());
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://ngo.example");
            HttpResponse<String> other = api.send(HttpRequest.newBuilder(api.uri("/api/demo-data"))
                    .header("Origin", "https://elsewhere.example").GET());
            assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @Test
    void eachLimitIsRefusedWithItsOwnMessage() {
        try (TestServer api = new TestServer(ServerSettings.defaults().withParallelSolvers(1).withMaxSessions(10)
                .withMaxRequestBytes(2_000_000).withMaxTimeLimit(Duration.ofSeconds(2)))) {
            // The server answers 413 as soon as it sees the length and closes; a client still pushing 2 MB may
            // see the connection reset instead of the answer. Either way the body was refused and the server
            // stays up (ErrorsTest checks the 413 message with a body small enough to arrive whole).
            try {
                HttpResponse<String> large = api.post("/api/schedules", "{\"name\": \"" + "x".repeat(2_000_001) + "\"}");
                assertThat(large.statusCode()).isEqualTo(413);
                assertThat(error(large)).isEqualTo(List.of("$", "the body is larger than the limit of 2000000 bytes"));
            } catch (java.io.UncheckedIOException reset) {
                assertThat(api.get("/health").statusCode()).isEqualTo(200);
            }

            HttpResponse<String> deep = api.post("/api/schedules", "{\"name\": " + "[".repeat(65) + "]".repeat(65) + "}");
            assertThat(deep.statusCode()).isEqualTo(400);
            assertThat(error(deep)).isEqualTo(List.of("$",
                    "the plan is too large or too deeply nested: JSON nested deeper than 64 levels"));

            HttpResponse<String> longText = api.post("/api/plans/validate", "{\"name\": \"" + "x".repeat(1_000_001) + "\"}");
            assertThat(longText.statusCode()).isEqualTo(400);
            assertThat(error(longText)).isEqualTo(List.of("$",
                    "the plan is too large or too deeply nested: a string longer than 1000000 characters"));

            HttpResponse<String> manyDigits = api.post("/api/plans/validate", "{\"name\": " + "9".repeat(1_500) + "}");
            assertThat(manyDigits.statusCode()).isEqualTo(400);
            assertThat(error(manyDigits)).isEqualTo(List.of("$",
                    "the plan is too large or too deeply nested: a number with more digits than any plan needs"));

            Plan sample = PlanReader.read(TestServer.SAMPLE).plan();
            int sessions = sample.activities().stream().mapToInt(Plan.Activity::sessionsPerWeek).sum();
            String sessionLimit = "the plan asks for " + sessions
                    + " sessions; this server takes at most 10 in one plan (split it by site or by week)";
            for (String route : List.of("/api/schedules", "/api/plans/validate")) {
                HttpResponse<String> enormous = api.post(route, TestServer.SAMPLE);
                assertThat(enormous.statusCode()).as(route).isEqualTo(400);
                assertThat(error(enormous)).as(route).isEqualTo(List.of("activities", sessionLimit));
            }
            HttpResponse<String> analysis = api.post("/api/schedules/analyze", "{\"plan\": " + TestServer.SAMPLE
                    + ", \"schedule\": {\"sessions\": []}}");
            assertThat(analysis.statusCode()).isEqualTo(400);
            assertThat(error(analysis)).isEqualTo(List.of("plan.activities", sessionLimit));

            HttpResponse<String> wrongType = api.post("/api/schedules", "text/plain", TestServer.SAMPLE.getBytes());
            assertThat(wrongType.statusCode()).isEqualTo(415);
            assertThat(error(wrongType)).isEqualTo(List.of("$",
                    "send the body as JSON with the header Content-Type: application/json, not text/plain"));
        }
    }

    private static HttpRequest.Builder authorized(TestServer api, String path) {
        return HttpRequest.newBuilder(api.uri(path)).header("Authorization", "Bearer " + TOKEN)
                .timeout(Duration.ofSeconds(60));
    }

    /** The one error of a refusal, as [path, message]. */
    private static List<String> error(HttpResponse<String> response) {
        JsonNode errors = TestServer.json(response.body()).get("errors");
        assertThat(errors).as(response.body()).hasSize(1);
        return List.of(errors.get(0).get("path").asText(), errors.get(0).get("message").asText());
    }
}
