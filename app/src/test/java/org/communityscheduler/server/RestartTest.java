package org.communityscheduler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import com.fasterxml.jackson.databind.JsonNode;

import org.communityscheduler.cli.Main;
import org.communityscheduler.data.DemoPlans;
import org.communityscheduler.model.PlanIntake;
import org.communityscheduler.model.PlanLimits;
import org.communityscheduler.server.job.JobEvent;
import org.communityscheduler.server.job.run.JobStore;
import org.communityscheduler.server.job.storage.JobFiles;
import org.communityscheduler.text.Language;
import org.communityscheduler.workbook.PlanWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A coordinator's plan survives the server, sent as JSON or as a workbook: a real {@code serve} process, killed
 * with {@code kill -9} and started again on the same data directory, serves its finished jobs and its published
 * week's calendar feed as
 * before (the feed's key never in its log) and starts the job it was solving again from the best schedule so far,
 * without ever solving past its time limit however often it is killed; SIGTERM puts every best schedule on disk before
 * a clean exit. A second server on a directory that one holds refuses to start and writes nothing.
 */
@Tag("slow") // real server processes, killed and started again
class RestartTest {

    private static final String LONG_PLAN = DemoPlans.json("generated-m").orElseThrow();

    @TempDir
    Path dataDir;

    @Test
    void killedAndStartedAgainItServesFinishedJobsAsBeforeAndGoesOnWithTheOneThatWasSolving() throws Exception {
        String finished;
        String fromWorkbook;
        JsonNode fromWorkbookBefore;
        String solving;
        JsonNode finishedBefore;
        String savedScore;
        String feed;
        HttpResponse<String> feedBefore;
        try (ServerProcess first = ServerProcess.start(dataDir)) {
            finished = first.submit(ServerProcess.SAMPLE, "2s");
            finishedBefore = awaitStatus(first, finished, "NOT_SOLVING", Duration.ofSeconds(30));
            assertThat(finishedBefore.get("sessions")).isNotEmpty();
            assertThat(first.send("POST", "/api/schedules/" + finished + "/publish", "{}").statusCode()).isEqualTo(200);
            feed = ServerProcess.json(first.send("GET", "/api/feeds", null).body()).get("feeds").get(0).get("path")
                    .asText();
            feedBefore = first.send("GET", feed, null);
            assertThat(feedBefore.statusCode()).isEqualTo(200);
            askOddly(first, feed);
            // A week sent as a workbook in Chinese, as a coordinator's office suite saves it.
            fromWorkbook = first.submitWorkbook(PlanWorkbook.write(PlanIntake.read(
                    ServerProcess.SAMPLE.getBytes(StandardCharsets.UTF_8), PlanLimits.NONE).plan(), Language.ZH), "2s");
            fromWorkbookBefore = awaitStatus(first, fromWorkbook, "NOT_SOLVING", Duration.ofSeconds(30));
            solving = first.submit(LONG_PLAN, "5m");
            savedScore = awaitBestOnDisk(solving, Duration.ofSeconds(60));

            first.kill();
            assertThat(first.output()).as("the log of the killed server").doesNotContain(keyOf(feed))
                    .contains("route=unmatched status=404");
        }

        try (ServerProcess second = ServerProcess.start(dataDir)) {
            System.out.printf("Restart after kill -9: serving again %d ms after the process started%n",
                    second.startup.toMillis());
            JsonNode finishedAfter = second.schedule(finished);
            assertThat(finishedAfter).isEqualTo(finishedBefore);
            assertThat(second.schedule(fromWorkbook)).isEqualTo(fromWorkbookBefore);
            assertThat(second.send("GET", "/api/schedules/" + fromWorkbook + "/export.csv", null).statusCode())
                    .isEqualTo(200);
            // The published week's feed, with the same link: the same calendar, and current for a phone's copy.
            HttpResponse<String> feedAfter = second.send("GET", feed, null);
            assertThat(feedAfter.statusCode()).isEqualTo(200);
            assertThat(feedAfter.body()).isEqualTo(feedBefore.body());
            assertThat(feedAfter.headers().firstValue("ETag")).isEqualTo(feedBefore.headers().firstValue("ETag"));
            askOddly(second, feed);
            assertThat(second.output()).as("the log of the server started again").doesNotContain(keyOf(feed));

            JsonNode resumed = second.schedule(solving);
            assertThat(resumed.get("status").asText()).isIn("SOLVING_SCHEDULED", "SOLVING_ACTIVE");
            // Its best schedule so far is there at once, and solving goes on from it, never from scratch.
            assertThat(resumed.get("sessions")).isNotEmpty();
            assertThat(score(resumed)).isGreaterThanOrEqualTo(HardMediumSoftLongScore.parseScore(savedScore));

            HttpResponse<String> stopped = second.send("DELETE", "/api/schedules/" + solving, null);
            assertThat(stopped.statusCode()).isEqualTo(200);
            JsonNode last = ServerProcess.json(stopped.body());
            assertThat(last.get("status").asText()).isEqualTo("NOT_SOLVING");
            assertThat(score(last)).isGreaterThanOrEqualTo(HardMediumSoftLongScore.parseScore(savedScore));
        }
    }

    @Test
    void sigtermStopsTheSolvesWritesTheirBestAndTheyGoOnAfterTheRestart() throws Exception {
        String solving;
        try (ServerProcess first = ServerProcess.start(dataDir)) {
            solving = first.submit(LONG_PLAN, "5m");
            awaitBestOnDisk(solving, Duration.ofSeconds(60));
            String before = first.schedule(solving).get("score").asText();

            // Answered once the job's first event is written: it listens.
            HttpResponse<Stream<String>> events = first.events(solving).get(30, TimeUnit.SECONDS);

            long stopping = System.nanoTime();
            assertThat(first.terminate(Duration.ofSeconds(30))).as("a graceful stop is a clean exit").isZero();
            System.out.printf("Graceful stop on SIGTERM: %d ms%n", (System.nanoTime() - stopping) / 1_000_000);
            List<String> heard = eventNames(events.body());
            assertThat(heard).as("the job goes on after the restart: not done").endsWith(JobEvent.INTERRUPTED)
                    .doesNotContain(JobEvent.DONE);

            JsonNode onDisk = ServerProcess.json(Files.readString(dataDir.resolve(solving).resolve(JobFiles.JOB)));
            assertThat(onDisk.get("status").asText()).isEqualTo("SOLVING_ACTIVE");
            assertThat(HardMediumSoftLongScore.parseScore(onDisk.get("score").asText()))
                    .isGreaterThanOrEqualTo(HardMediumSoftLongScore.parseScore(before));
            assertThat(onDisk.get("schedule").get("sessions")).isNotEmpty();
        }
        try (ServerProcess second = ServerProcess.start(dataDir)) {
            assertThat(second.schedule(solving).get("status").asText()).isIn("SOLVING_SCHEDULED", "SOLVING_ACTIVE");
            assertThat(second.send("DELETE", "/api/schedules/" + solving, null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aSecondServerOnAHeldDirectoryRefusesToStartAndTouchesNothing() throws Exception {
        try (ServerProcess first = ServerProcess.start(dataDir)) {
            String finished = first.submit(ServerProcess.SAMPLE, "1s");
            awaitStatus(first, finished, "NOT_SOLVING", Duration.ofSeconds(30));
            String solving = first.submit(LONG_PLAN, "5m");
            awaitBestOnDisk(solving, Duration.ofSeconds(60));
            // Stopped, the first server holds its port and its directory but writes nothing: any change is the second's.
            first.suspend();
            try {
                Map<Path, String> before = contents(dataDir);

                ServerProcess.Refusal held = ServerProcess.startRefused(dataDir);
                assertThat(held.exitCode()).isEqualTo(Main.BAD_INPUT);
                assertThat(held.output().lines().filter(line -> line.startsWith("error:")).toList()).singleElement()
                        .asString().contains(dataDir.toString()).contains("pid " + first.process.pid())
                        .contains("in use by another server");
                assertThat(contents(dataDir)).as("the second server wrote nothing").isEqualTo(before);

                ServerProcess.Refusal portTaken = ServerProcess.startRefused(dataDir, "--port",
                        Integer.toString(first.port));
                assertThat(portTaken.exitCode()).isEqualTo(Main.BAD_INPUT);
                assertThat(portTaken.output()).contains("cannot serve on port " + first.port);
                assertThat(contents(dataDir)).as("a server without its port wrote nothing").isEqualTo(before);
            } finally {
                first.resume();
            }
            // The first goes on untouched.
            assertThat(first.schedule(finished).get("status").asText()).isEqualTo("NOT_SOLVING");
            assertThat(first.send("DELETE", "/api/schedules/" + solving, null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aJobKilledAgainAndAgainSolvesNoLongerThanItsTimeLimitAndALittleMore() throws Exception {
        Duration limit = Duration.ofSeconds(6);
        String id = null;
        Duration solved = Duration.ZERO;
        int starts = 0;
        boolean finished = false;
        while (!finished && starts < 6) {
            try (ServerProcess server = ServerProcess.start(dataDir)) {
                starts++;
                if (id == null) {
                    id = server.submit(LONG_PLAN, limit.toSeconds() + "s");
                } else {
                    assertThat(server.output()).as("a killed server's lock is taken over").contains("Taking over");
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                String status;
                while (!(status = server.schedule(id).get("status").asText()).equals("SOLVING_ACTIVE")
                        && !status.equals("NOT_SOLVING") && System.nanoTime() < deadline) {
                    ServerProcess.sleep(50);
                }
                if (status.equals("NOT_SOLVING")) {
                    finished = true;
                    continue;
                }
                long active = System.nanoTime();
                ServerProcess.sleep(3_000); // killed 3 s into each run, before a resumed run's 5 s are over
                finished = server.schedule(id).get("status").asText().equals("NOT_SOLVING");
                solved = solved.plus(Duration.ofNanos(System.nanoTime() - active));
                server.kill();
            }
        }
        System.out.printf("Killed every 3 s of solving: a %d s job solved %.1f s over %d start(s)%n",
                limit.toSeconds(), solved.toMillis() / 1000.0, starts);
        assertThat(finished).as("the job ends however often it is killed").isTrue();
        assertThat(solved).isLessThanOrEqualTo(limit.plus(JobStore.MIN_RESUMED_TIME).plusSeconds(1));
    }

    /** Asks for a feed by its link written odd ways (none of which is the feed): each answers 404. */
    private static void askOddly(ServerProcess server, String feed) {
        String path = feed.replaceFirst("\\?.*", "");
        for (String odd : List.of("/" + path, path.replace("/feeds/", "/FEEDS/"), path.replace("/feeds/", "/f%65eds/"),
                path.replace("/feeds/", "/feeds//"), path.replace("/feeds/", "/Feeds;x=1/"))) {
            HttpResponse<String> answer = server.send("GET", odd, null);
            assertThat(answer.statusCode()).as(odd).isEqualTo(404);
            assertThat(answer.body()).as(odd).doesNotContain(keyOf(feed));
        }
    }

    private static String keyOf(String feed) {
        return feed.split("/")[2];
    }

    /** Every file under a folder, by path, with its bytes (as Latin-1 text, which keeps every byte). */
    private static Map<Path, String> contents(Path folder) throws Exception {
        Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(file), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    /** The names of the events of a stream, until it ends. */
    private static List<String> eventNames(Stream<String> lines) {
        return lines.filter(line -> line.startsWith("event: ")).map(line -> line.substring(7)).toList();
    }

    private static JsonNode awaitStatus(ServerProcess server, String id, String status, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            JsonNode schedule = server.schedule(id);
            if (schedule.get("status").asText().equals(status)) {
                return schedule;
            }
            assertThat(System.nanoTime()).as("job %s is not %s within %s", id, status, within).isLessThan(deadline);
            ServerProcess.sleep(200);
        }
    }

    /** Waits until the job's file holds a best schedule while it solves; answers that schedule's score. */
    private String awaitBestOnDisk(String id, Duration within) throws Exception {
        Path file = dataDir.resolve(id).resolve(JobFiles.JOB);
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            if (Files.exists(file)) {
                JsonNode job = ServerProcess.json(Files.readString(file));
                if (job.has("schedule") && job.get("status").asText().equals("SOLVING_ACTIVE")) {
                    return job.get("score").asText();
                }
            }
            assertThat(System.nanoTime()).as("no best schedule of %s on disk within %s", id, within)
                    .isLessThan(deadline);
            ServerProcess.sleep(100);
        }
    }

    private static HardMediumSoftLongScore score(JsonNode schedule) {
        return HardMediumSoftLongScore.parseScore(schedule.get("score").asText());
    }
}
