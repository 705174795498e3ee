package org.communityscheduler.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.communityscheduler.server.job.Job;
import org.communityscheduler.server.job.storage.JobFiles;
import org.communityscheduler.server.storage.AtomicFiles;
import org.communityscheduler.server.storage.DataDirectoryLock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs on disk: written whole or not at all, owner-only, read back after a restart; what a crash cut short cleared
 * away, broken files moved aside, old jobs pruned.
 */
@Tag("slow") // servers started, stopped and started again on one data directory, with solves to their end
class DurabilityTest {

    @TempDir
    Path dataDir;

    private ServerSettings settings() {
        return ServerSettings.defaults().withParallelSolvers(2).withDataDir(dataDir);
    }

    @Test
    void corruptJobsAreMovedAsideHalfWrittenOnesDeletedAndTheGoodOnesServedAsBefore() throws Exception {
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
        broken.add(jobFolder("{\"sites\": [", job.replace(id, "ffffffff-0000-4000-8000-00000000000a")));
        // Submissions a crash cut short before they were answered: the plan written and not the job, or nothing.
        String planOnly = jobFolder(plan, null);
        String empty = UUID.randomUUID().toString();
        Files.createDirectories(dataDir.resolve(empty)).resolve(JobFiles.PLAN + ".42.tmp").toFile().createNewFile();
        Files.writeString(good.resolve(JobFiles.JOB + ".0123.tmp"), "{\"half"); // a write that never finished
        Files.writeString(dataDir.resolve("notes.txt"), "not a job");
        Files.createDirectories(dataDir.resolve("not-a-job"));

        try (TestServer api = new TestServer(settings())) {
            JsonNode list = TestServer.json(api.get("/api/schedules").body());
            assertThat(list).extracting(summary -> summary.get("id").asText()).containsExactly(id);
            assertThat(api.schedule(id)).isEqualTo(before);
            for (String corrupt : broken) {
                assertThat(api.get("/api/schedules/" + corrupt).statusCode()).isEqualTo(404);
                assertThat(dataDir.resolve(corrupt)).as("moved aside, not read again at every start").doesNotExist();
                assertThat(dataDir.resolve(JobFiles.QUARANTINE).resolve(corrupt)).as("for a person to look at")
                        .exists();
            }
            for (String interrupted : List.of(planOnly, empty)) {
                assertThat(api.get("/api/schedules/" + interrupted).statusCode()).isEqualTo(404);
                assertThat(dataDir.resolve(interrupted)).as("never acknowledged, so deleted").doesNotExist();
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
        AtomicFiles.writeAtomically(file, "first".getBytes());
        AtomicFiles.writeAtomically(file, "second".getBytes());
        assertThat(file).hasContent("second");
        try (Stream<Path> files = Files.list(dataDir)) {
            assertThat(files.toList()).containsExactly(file);
        }
    }

    @Test
    void jobFilesAndFoldersAreTheOwnersOnly() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path jobs = dataDir.resolve("jobs"); // made by the server
        try (TestServer api = new TestServer(settings().withDataDir(jobs))) {
            String id = api.submit(TestServer.SAMPLE, "1s");
            api.awaitDone(id, Duration.ofSeconds(30));
            Path folder = jobs.resolve(id);
            assertThat(Files.getPosixFilePermissions(jobs)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            assertThat(Files.getPosixFilePermissions(folder)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            for (Path file : List.of(folder.resolve(JobFiles.PLAN), folder.resolve(JobFiles.JOB),
                    jobs.resolve(DataDirectoryLock.FILE))) {
                assertThat(Files.getPosixFilePermissions(file)).as(file.toString())
                        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            }
        }
    }

    @Test
    void theDataDirectoryIsForcedToDiskOnceAJobFolderIsMadeOrDeleted() throws Exception {
        List<Path> forced = new ArrayList<>();
        JobFiles files = new JobFiles(dataDir, forced::add);
        Job job = Job.queued(UUID.randomUUID().toString(), "week", TestServer.SAMPLE, List.of(), Duration.ofSeconds(1),
                Instant.now(), null);

        files.create(job);
        assertThat(forced).containsExactly(dataDir);
        forced.clear();
        files.delete(job.id());
        assertThat(dataDir.resolve(job.id())).doesNotExist();
        assertThat(forced).containsExactly(dataDir);
    }

    @Test
    void aJobHalfDeletedByACrashIsClearedAwayAtTheNextStart() throws Exception {
        String id;
        try (TestServer api = new TestServer(settings())) {
            id = api.submit(TestServer.SAMPLE, "1s");
            api.awaitDone(id, Duration.ofSeconds(30));
        }
        // A delete goes job.json first: one cut short leaves what an unanswered submission leaves.
        Files.delete(dataDir.resolve(id).resolve(JobFiles.JOB));
        try (TestServer api = new TestServer(settings())) {
            assertThat(api.get("/api/schedules/" + id).statusCode()).isEqualTo(404);
        }
        assertThat(dataDir.resolve(id)).doesNotExist();
        assertThat(dataDir.resolve(JobFiles.QUARANTINE)).doesNotExist();
    }

    @Test
    void aJobKilledBeforeItsFirstScheduleWasKeptSolvesAgainRatherThanEndingEmpty() throws Exception {
        // What a kill -9 leaves of short jobs: their solving time is written ahead of the truth before any schedule
        // is kept, so that it may already say the whole time limit is used up.
        JobFiles files = new JobFiles(dataDir);
        Instant submitted = Instant.now().minusSeconds(10);
        Job waiting = Job.queued(UUID.randomUUID().toString(), "waiting", TestServer.SAMPLE, List.of(),
                Duration.ofSeconds(1), submitted, null).withSolvingTime(Duration.ofSeconds(1));
        Job solving = Job.queued(UUID.randomUUID().toString(), "solving", TestServer.SAMPLE, List.of(),
                Duration.ofSeconds(2), submitted, null).start(submitted.plusMillis(100))
                .withSolvingTime(Duration.ofSeconds(5));
        files.create(waiting);
        files.create(solving);

        try (TestServer api = new TestServer(settings())) {
            for (Job job : List.of(waiting, solving)) {
                JsonNode done = api.awaitDone(job.id(), Duration.ofSeconds(60));
                assertThat(done.get("error")).as(job.name()).isNull();
                assertThat(done.get("sessions")).as(job.name()).isNotEmpty();
                assertThat(api.server.jobs().find(job.id()).orElseThrow().solvingTime()).as("%s solved again",
                        job.name()).isGreaterThan(job.solvingTime());
            }
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
