package org.communityscheduler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.communityscheduler.data.DemoPlans;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client that retries a submission with its {@code Idempotency-Key} gets the first job back, never a second one. */
class IdempotencyKeyTest {

    private static final String OTHER_PLAN = DemoPlans.json("generated-m").orElseThrow();

    @TempDir
    Path dataDir;

    @Test
    void aRetryWithTheSameKeyAnswersTheFirstJob() {
        try (TestServer api = new TestServer(ServerSettings.defaults().withParallelSolvers(1))) {
            HttpResponse<String> first = submit(api, "retry-1", TestServer.SAMPLE, "2s");
            assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
            String id = TestServer.json(first.body()).get("id").asText();

            HttpResponse<String> again = submit(api, "retry-1", TestServer.SAMPLE, "2s");
            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
            assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
            assertThat(again.headers().firstValue("Location")).contains("/api/schedules/" + id);
            assertThat(TestServer.json(again.body()).get("id").asText()).isEqualTo(id);
            assertThat(TestServer.json(again.body()).get("timeLimit").asText()).isEqualTo("2s");

            // Another key is another submission.
            assertThat(submit(api, "retry-2", TestServer.SAMPLE, "2s").statusCode()).isEqualTo(202);
            assertThat(TestServer.json(api.get("/api/schedules").body())).hasSize(2);
        }
    }

    @Test
    void theSameKeyWithAnotherPlanOrTimeLimitIsRefused() {
        try (TestServer api = new TestServer(ServerSettings.defaults().withParallelSolvers(1))) {
            assertThat(submit(api, "k", TestServer.SAMPLE, "2s").statusCode()).isEqualTo(202);

            for (HttpResponse<String> reused : List.of(submit(api, "k", OTHER_PLAN, "2s"),
                    submit(api, "k", TestServer.SAMPLE, "3s"))) {
                assertThat(reused.statusCode()).as(reused.body()).isEqualTo(422);
                JsonNode error = TestServer.json(reused.body()).get("errors").get(0);
                assertThat(error.get("path").asText()).isEqualTo("Idempotency-Key");
                assertThat(error.get("message").asText()).contains("another plan or time limit");
            }
            assertThat(TestServer.json(api.get("/api/schedules").body())).hasSize(1);
        }
    }

    @Test
    void aKeyThatIsNotPlainTextIsABadRequest() {
        try (TestServer api = new TestServer(ServerSettings.defaults().withParallelSolvers(1))) {
            HttpResponse<String> tooLong = submit(api, "k".repeat(256), TestServer.SAMPLE, "2s");
            assertThat(tooLong.statusCode()).isEqualTo(400);
            assertThat(TestServer.json(tooLong.body()).get("errors").get(0).get("path").asText())
                    .isEqualTo("Idempotency-Key");
            assertThat(TestServer.json(api.get("/api/schedules").body())).isEmpty();
        }
    }

    @Test
    @Tag("slow") // a server stopped and started again
    void theKeyIsKeptWithTheJobAcrossARestart() {
        ServerSettings settings = ServerSettings.defaults().withParallelSolvers(1).withDataDir(dataDir);
        String id;
        try (TestServer api = new TestServer(settings)) {
            HttpResponse<String> first = submit(api, "across-restart", TestServer.SAMPLE, "1s");
            assertThat(first.statusCode()).isEqualTo(202);
            id = TestServer.json(first.body()).get("id").asText();
            api.awaitDone(id, Duration.ofSeconds(30));
        }
        try (TestServer api = new TestServer(settings)) {
            HttpResponse<String> again = submit(api, "across-restart", TestServer.SAMPLE, "1s");
            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
            assertThat(TestServer.json(again.body()).get("id").asText()).isEqualTo(id);
            assertThat(TestServer.json(again.body()).get("status").asText()).isEqualTo("NOT_SOLVING");
            assertThat(TestServer.json(api.get("/api/schedules").body())).hasSize(1);
        }
    }

    private static HttpResponse<String> submit(TestServer api, String key, String plan, String timeLimit) {
        return api.send(HttpRequest.newBuilder(api.uri("/api/schedules?timeLimit=" + timeLimit))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(plan)));
    }
}
