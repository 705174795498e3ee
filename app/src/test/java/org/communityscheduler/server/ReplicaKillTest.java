package org.communityscheduler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import com.fasterxml.jackson.databind.JsonNode;

import org.communityscheduler.data.DemoPlans;
import org.communityscheduler.model.PlanIntake;
import org.communityscheduler.model.PlanLimits;
import org.communityscheduler.server.storage.DatabaseSettings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two {@code serve --database} processes on one PostgreSQL; the one solving a job is killed with {@code kill -9}
 * in the middle. The survivor takes the job over once the dead one's lease has run out (never before: a job is
 * never solved by two at once) and goes on from its best schedule; every job that was acknowledged finishes,
 * complete, on the survivor, and a client listening on the survivor hears the job through to its end.
 */
@Tag("slow") // real server processes and a real PostgreSQL
class ReplicaKillTest {

    /** Never perfect (some sessions fit nowhere), so it solves until its time limit or a stop. */
    private static final String LONG_PLAN = DemoPlans.json("overfull-demo").orElseThrow();
    private static final Path NO_DATA_DIR = Path.of("none");

    @Test
    void aKilledReplicasJobsFinishCompleteOnTheSurvivorAfterTheLease() throws Exception {
        try (TestPostgres postgres = TestPostgres.start()) {
            String url = postgres.newDatabase();
            CompletableFuture<ServerProcess> starting = CompletableFuture.supplyAsync(() -> replica(url));
            try (ServerProcess doomed = replica(url); ServerProcess survivor = starting.join()) {
                String solving = doomed.submit(LONG_PLAN, "60s");
                String second = doomed.submit(ServerProcess.SAMPLE, "3s"); // the doomed one's solver is busy
                String third = survivor.submit(ServerProcess.SAMPLE, "3s"); // waits for a free solver
                awaitScore(survivor, solving, Duration.ofSeconds(60));
                ServerProcess.sleep(2_500); // a better schedule is kept as it improves
                HardMediumSoftLongScore kept = score(survivor.schedule(solving));
                CompletableFuture<HttpResponse<Stream<String>>> events = survivor.events(solving);

                long killed = System.nanoTime();
                doomed.kill();
                String takeOver = "Solving job " + solving + " from its best schedule so far";
                while (!survivor.output().contains(takeOver)) {
                    assertThat(System.nanoTime() - killed).as("taken over").isLessThan(Duration.ofSeconds(40).toNanos());
                    ServerProcess.sleep(20);
                }
                long takeOverMillis = (System.nanoTime() - killed) / 1_000_000;
                System.out.printf("Replicas: a job of a replica killed with kill -9 went on on the survivor %d ms"
                        + " later (lease %d s, heartbeat %d s)%n", takeOverMillis,
                        DatabaseSettings.DEFAULT_LEASE.toSeconds(), DatabaseSettings.DEFAULT_HEARTBEAT.toSeconds());
                // Not before the dead replica's lease could have run out, and soon after it did.
                Duration lease = DatabaseSettings.DEFAULT_LEASE;
                Duration heartbeat = DatabaseSettings.DEFAULT_HEARTBEAT;
                assertThat(takeOverMillis).isGreaterThanOrEqualTo(lease.minus(heartbeat).toMillis())
                        .isLessThan(lease.plus(heartbeat).plusSeconds(8).toMillis());
                JsonNode goingOn = survivor.schedule(solving);
                assertThat(score(goingOn)).isGreaterThanOrEqualTo(kept);

                HttpResponse<String> stopped = survivor.send("DELETE", "/api/schedules/" + solving, null);
                assertThat(stopped.statusCode()).isEqualTo(200);
                List<String> heard = events.get(30, TimeUnit.SECONDS).body().filter(line -> line.startsWith("event:"))
                        .toList();
                assertThat(heard).last().isEqualTo("event: done");

                for (String id : List.of(solving, second, third)) {
                    JsonNode job = awaitFinished(survivor, id, Duration.ofSeconds(60));
                    assertThat(job.get("error")).as(id).isNull();
                    String plan = id.equals(solving) ? LONG_PLAN : ServerProcess.SAMPLE;
                    assertThat(job.path("sessions").size() + job.path("unassigned").size()).as(id)
                            .isEqualTo(sessions(plan));
                }
                assertThat(score(survivor.schedule(solving))).isGreaterThanOrEqualTo(kept);
            }
        }
    }

    /** Both start at once: each takes seconds on a busy machine. */
    private static ServerProcess replica(String url) {
        try {
            return ServerProcess.start(NO_DATA_DIR, "--database", url);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void awaitScore(ServerProcess server, String id, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!server.schedule(id).hasNonNull("score")) {
            assertThat(System.nanoTime()).as("a first best schedule kept").isLessThan(deadline);
            ServerProcess.sleep(100);
        }
    }

    private static JsonNode awaitFinished(ServerProcess server, String id, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        JsonNode job = server.schedule(id);
        while (!job.get("status").asText().equals("NOT_SOLVING")) {
            assertThat(System.nanoTime()).as("job " + id + " finished").isLessThan(deadline);
            ServerProcess.sleep(100);
            job = server.schedule(id);
        }
        return job;
    }

    private static HardMediumSoftLongScore score(JsonNode schedule) {
        return HardMediumSoftLongScore.parseScore(schedule.get("score").asText());
    }

    private static int sessions(String plan) {
        return PlanIntake.read(plan.getBytes(StandardCharsets.UTF_8), PlanLimits.NONE).model().getSessions().size();
    }
}
