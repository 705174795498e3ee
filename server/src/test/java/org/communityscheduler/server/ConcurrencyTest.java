package org.communityscheduler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** More submissions than solvers: the rest wait in order, and every one finishes. */
@Tag("slow") // many solves queued and run to their end
class ConcurrencyTest {

    @Test
    void submissionsBeyondTheSolveLimitQueueAndAllFinish() {
        try (TestServer api = new TestServer(ServerSettings.defaults().withParallelSolvers(1))) {
            List<CompletableFuture<String>> submitting = IntStream.range(0, 3)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> api.submit(TestServer.SAMPLE, "2s")))
                    .toList();
            List<String> ids = submitting.stream().map(CompletableFuture::join).toList();

            JsonNode jobs = TestServer.json(api.get("/api/schedules").body());
            assertThat(jobs).hasSize(3);
            assertThat(jobs).filteredOn(job -> job.get("status").asText().equals("SOLVING_SCHEDULED")).hasSizeGreaterThanOrEqualTo(2);
            assertThat(api.get("/metrics").body()).containsPattern("scheduler_jobs\\{status=\"SOLVING_SCHEDULED\"} [1-9]");

            List<JsonNode> done = ids.stream().map(id -> api.awaitDone(id, Duration.ofSeconds(120))).toList();

            assertThat(done).allSatisfy(schedule -> {
                assertThat(schedule.get("feasible").asBoolean()).isTrue();
                assertThat(schedule.get("sessions")).hasSize(40);
            });
            // One solver: the jobs were solved one after another, in the order they were submitted.
            List<JsonNode> inOrder = done.stream()
                    .sorted(Comparator.comparing((JsonNode job) -> Instant.parse(job.get("submitted").asText())))
                    .toList();
            for (int i = 1; i < inOrder.size(); i++) {
                assertThat(Instant.parse(inOrder.get(i).get("started").asText()))
                        .isAfter(Instant.parse(inOrder.get(i - 1).get("started").asText()).plusSeconds(1));
                assertThat(Instant.parse(inOrder.get(i).get("finished").asText()))
                        .isAfter(Instant.parse(inOrder.get(i - 1).get("finished").asText()));
            }
        }
    }
}
