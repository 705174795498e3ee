package org.communityscheduler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A burst of plans at once, on loopback: each is accepted (and then solved, never lost, even across a
 * restart) or refused with 429 and a Retry-After; the server stays bounded and answers throughout.
 */
@Tag("slow") // many clients at once against one server
class LoadTest {

    private static final int BURST = 30;
    private static final int MAX_OPEN = 6;

    @TempDir
    Path dataDir;

    @Test
    void aBurstIsQueuedOrRefusedWithRetryAfterAndEveryAcceptedJobFinishes() throws Exception {
        ServerSettings settings = ServerSettings.defaults().withParallelSolvers(2).withMaxOpenJobs(MAX_OPEN)
                .withDefaultTimeLimit(Duration.ofSeconds(1)).withDataDir(dataDir);
        List<String> accepted = new ArrayList<>();
        List<HttpResponse<String>> refused = new ArrayList<>();
        long started = System.nanoTime();
        try (TestServer api = new TestServer(settings)) {
            ExecutorService clients = Executors.newFixedThreadPool(10);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                answers.add(clients.submit(() -> api.post("/api/schedules?timeLimit=1s", TestServer.SAMPLE)));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
                if (response.statusCode() == 202) {
                    accepted.add(TestServer.json(response.body()).get("id").asText());
                } else {
                    refused.add(response);
                }
            }
            clients.shutdown();

            assertThat(accepted).hasSizeGreaterThanOrEqualTo(MAX_OPEN);
            assertThat(refused).isNotEmpty().allSatisfy(response -> {
                assertThat(response.statusCode()).isEqualTo(429);
                assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
                JsonNode error = TestServer.json(response.body()).get("errors").get(0);
                assertThat(error.get("path").asText()).isEqualTo("$");
                assertThat(error.get("message").asText()).isEqualTo(
                        "the server already has 6 jobs waiting or solving; try again in 1 s");
            });
            assertThat(api.get("/health").statusCode()).isEqualTo(200);
            for (String id : accepted) {
                assertThat(api.awaitDone(id, Duration.ofSeconds(60)).get("sessions")).isNotEmpty();
            }
            // Room again once they are done.
            assertThat(api.post("/api/schedules?timeLimit=1s", TestServer.SAMPLE).statusCode()).isEqualTo(202);
        }
        System.out.printf("Load: a burst of %d plans: %d accepted, %d refused with 429; all accepted done in %d ms%n",
                BURST, accepted.size(), refused.size(), (System.nanoTime() - started) / 1_000_000);

        try (TestServer again = new TestServer(ServerSettings.defaults().withParallelSolvers(1).withDataDir(dataDir))) {
            for (String id : accepted) {
                JsonNode job = again.schedule(id);
                assertThat(job.get("status").asText()).isEqualTo("NOT_SOLVING");
                assertThat(job.get("sessions")).isNotEmpty();
            }
        }
    }
}
