package org.communityscheduler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import com.fasterxml.jackson.databind.JsonNode;

import org.communityscheduler.data.DemoPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A coordinator's plan survives the server: a real {@code serve} process, killed with {@code kill -9} and
 * started again on the same data directory, serves its finished job as before and starts the job it was
 * solving again from the best schedule so far; SIGTERM puts every best schedule on disk before the exit.
 */
class RestartTest {

    private static final String LONG_PLAN = DemoPlans.json("generated-m").orElseThrow();

    @TempDir
    Path dataDir;

    @Test
    void killedAndStartedAgainItServesFinishedJobsAsBeforeAndGoesOnWithTheOneThatWasSolving() throws Exception {
        String finished;
        String solving;
        JsonNode finishedBefore;
        String savedScore;
        try (ServerProcess first = ServerProcess.start(dataDir)) {
            finished = submit(first, TestServer.SAMPLE, "2s");
            finishedBefore = awaitStatus(first, finished, "NOT_SOLVING", Duration.ofSeconds(30));
            assertThat(finishedBefore.get("sessions")).isNotEmpty();
            solving = submit(first, LONG_PLAN, "5m");
            savedScore = awaitBestOnDisk(solving, Duration.ofSeconds(60));

            first.kill();
        }

        try (ServerProcess second = ServerProcess.start(dataDir)) {
            System.out.printf("Restart after kill -9: serving again %d ms after the process started%n",
                    second.startup.toMillis());
            JsonNode finishedAfter = schedule(second, finished);
            assertThat(finishedAfter).isEqualTo(finishedBefore);

            JsonNode resumed = schedule(second, solving);
            assertThat(resumed.get("status").asText()).isIn("SOLVING_SCHEDULED", "SOLVING_ACTIVE");
            // Its best schedule so far is there at once, and solving goes on from it, never from scratch.
            assertThat(resumed.get("sessions")).isNotEmpty();
            assertThat(score(resumed)).isGreaterThanOrEqualTo(HardMediumSoftLongScore.parseScore(savedScore));

            HttpResponse<String> stopped = second.send("DELETE", "/api/schedules/" + solving, null);
            assertThat(stopped.statusCode()).isEqualTo(200);
            JsonNode last = TestServer.json(stopped.body());
            assertThat(last.get("status").asText()).isEqualTo("NOT_SOLVING");
            assertThat(score(last)).isGreaterThanOrEqualTo(HardMediumSoftLongScore.parseScore(savedScore));
        }
    }

    @Test
    void sigtermStopsTheSolvesWritesTheirBestAndTheyGoOnAfterTheRestart() throws Exception {
        String solving;
        try (ServerProcess first = ServerProcess.start(dataDir)) {
            solving = submit(first, LONG_PLAN, "5m");
            awaitBestOnDisk(solving, Duration.ofSeconds(60));
            String before = schedule(first, solving).get("score").asText();

            long stopping = System.nanoTime();
            first.terminate(Duration.ofSeconds(30));
            System.out.printf("Graceful stop on SIGTERM: %d ms%n", (System.nanoTime() - stopping) / 1_000_000);

            JsonNode onDisk = TestServer.json(Files.readString(dataDir.resolve(solving).resolve(JobFiles.JOB)));
            assertThat(onDisk.get("status").asText()).isEqualTo("SOLVING_ACTIVE");
            assertThat(HardMediumSoftLongScore.parseScore(onDisk.get("score").asText()))
                    .isGreaterThanOrEqualTo(HardMediumSoftLongScore.parseScore(before));
            assertThat(onDisk.get("schedule").get("sessions")).isNotEmpty();
        }
        try (ServerProcess second = ServerProcess.start(dataDir)) {
            assertThat(schedule(second, solving).get("status").asText()).isIn("SOLVING_SCHEDULED", "SOLVING_ACTIVE");
            assertThat(second.send("DELETE", "/api/schedules/" + solving, null).statusCode()).isEqualTo(200);
        }
    }

    private static String submit(ServerProcess server, String plan, String timeLimit) {
        HttpResponse<String> response = server.send("POST", "/api/schedules?timeLimit=" + timeLimit, plan);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return TestServer.json(response.body()).get("id").asText();
    }

    private static JsonNode schedule(ServerProcess server, String id) {
        HttpResponse<String> response = server.send("GET", "/api/schedules/" + id, null);
        assertThat(response.statusCode()).as("%s%nThe server's log:%n%s", response.body(), server.output())
                .isEqualTo(200);
        return TestServer.json(response.body());
    }

    private static JsonNode awaitStatus(ServerProcess server, String id, String status, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            JsonNode schedule = schedule(server, id);
            if (schedule.get("status").asText().equals(status)) {
                return schedule;
            }
            assertThat(System.nanoTime()).as("job %s is not %s within %s", id, status, within).isLessThan(deadline);
            TestServer.sleep(200);
        }
    }

    /** Waits until the job's file holds a best schedule while it solves; answers that schedule's score. */
    private String awaitBestOnDisk(String id, Duration within) throws Exception {
        Path file = dataDir.resolve(id).resolve(JobFiles.JOB);
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            if (Files.exists(file)) {
                JsonNode job = TestServer.json(Files.readString(file));
                if (job.has("schedule") && job.get("status").asText().equals("SOLVING_ACTIVE")) {
                    return job.get("score").asText();
                }
            }
            assertThat(System.nanoTime()).as("no best schedule of %s on disk within %s", id, within)
                    .isLessThan(deadline);
            TestServer.sleep(100);
        }
    }

    private static HardMediumSoftLongScore score(JsonNode schedule) {
        return HardMediumSoftLongScore.parseScore(schedule.get("score").asText());
    }
}
