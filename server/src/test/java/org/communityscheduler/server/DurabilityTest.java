package org.communityscheduler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jobs on disk: written whole or not at all, read back after a restart, broken files skipped, old ones pruned. */
class DurabilityTest {

    @TempDir
    Path dataDir;

    private ServerSettings settings() {
        return ServerSettings.defaults().withParallelSolvers(2).withDataDir(dataDir);
    }

    @Test
    void corruptAndHalfWrittenJobsAreSkippedAndTheGoodOnesServedAsBefore() throws Exception {
        String id;
        JsonNode before;
        try (TestServer api = new TestServer(settings())) {
            id = api.submit(TestServer.SAMPLE, "1s");
            before = api.awaitDone(id, Duration.ofSeconds(30));
        }
        Path good = dataDir.resolve(id);
        String plan = Files.readString(good.resolve(JobFiles.PLAN));
        String job = Files.readString(good.resolve(JobFiles.JOB));
        List<String> broken = new ArrayList<>();
        broken.add(jobFolder(plan, "{\"id\": tr")); // garbage
        broken.add(jobFolder(plan, job.substring(0, job.length() / 2))); // cut short
        broken.add(jobFolder(plan, job)); // another job's file: the id does not match
        broken.add(jobFolder(plan, null)); // plan written, job not yet: the server died in between
        broken.add(jobFolder("{\"sites\": [", job.replace(id, "ffffffff-0000-4000-8000-00000000000a")));
        Files.writeString(good.resolve(JobFiles.JOB + ".0123.tmp"), "{\"half"); // a write that never finished
        Files.writeString(dataDir.resolve("notes.txt"), "not a job");
        Files.createDirectories(dataDir.resolve("not-a-job"));

        try (TestServer api = new TestServer(settings())) {
            JsonNode list = TestServer.json(api.get("/api/schedules").body());
            assertThat(list).extracting(summary -> summary.get("id").asText()).containsExactly(id);
            assertThat(api.schedule(id)).isEqualTo(before);
            for (String corrupt : broken) {
                assertThat(api.get("/api/schedules/" + corrupt).statusCode()).isEqualTo(404);
                assertThat(dataDir.resolve(corrupt)).as("left for a person to look at").exists();
            }
            assertThat(good.resolve(JobFiles.JOB + ".0123.tmp")).doesNotExist();
            // A restart keeps accepting and solving.
            String next = api.submit(TestServer.SAMPLE, "1s");
            api.awaitDone(next, Duration.ofSeconds(30));
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            assertThat(files.filter(file -> file.toString().endsWith(".tmp")).toList()).isEmpty();
        }
    }

    @Test
    void theOldestFinishedJobsArePrunedBeyondTheNumberKept() {
        List<String> ids = new ArrayList<>();
        try (TestServer api = new TestServer(settings().withKeepFinished(2, Duration.ofDays(30)))) {
            for (int i = 0; i < 3; i++) {
                String id = api.submit(TestServer.SAMPLE, "1s");
                api.awaitDone(id, Duration.ofSeconds(30));
                ids.add(id);
            }
            // Pruned as the third one finishes (just after it says so).
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (api.get("/api/schedules/" + ids.get(0)).statusCode() != 404 && System.nanoTime() < deadline) {
                TestServer.sleep(50);
            }
            assertThat(api.get("/api/schedules/" + ids.get(0)).statusCode()).isEqualTo(404);
            assertThat(dataDir.resolve(ids.get(0))).doesNotExist();
            assertThat(dataDir.resolve(ids.get(1))).exists();
            assertThat(dataDir.resolve(ids.get(2))).exists();
        }
        // Read back by a server that keeps fewer: only the newest stays.
        try (TestServer api = new TestServer(settings().withKeepFinished(1, Duration.ofDays(30)))) {
            assertThat(TestServer.json(api.get("/api/schedules").body()))
                    .extracting(summary -> summary.get("id").asText()).containsExactly(ids.get(2));
        }
    }

    @Test
    void aWriteReplacesTheFileWholeAndLeavesNothingBehind() throws Exception {
        Path file = dataDir.resolve("file.json");
        JobFiles.writeAtomically(file, "first".getBytes());
        JobFiles.writeAtomically(file, "second".getBytes());
        assertThat(file).hasContent("second");
        try (Stream<Path> files = Files.list(dataDir)) {
            assertThat(files.toList()).containsExactly(file);
        }
    }

    private String jobFolder(String plan, String job) throws Exception {
        String id = UUID.randomUUID().toString();
        Path folder = Files.createDirectories(dataDir.resolve(id));
        Files.writeString(folder.resolve(JobFiles.PLAN), plan);
        if (job != null) {
            Files.writeString(folder.resolve(JobFiles.JOB), job);
        }
        return id;
    }
}
