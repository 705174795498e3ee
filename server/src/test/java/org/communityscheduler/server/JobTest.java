package org.communityscheduler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.communityscheduler.model.ModelBuilder;
import org.communityscheduler.plan.Json;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.plan.PlanReader;
import org.communityscheduler.solve.SchedulingEngine;
import org.communityscheduler.text.Language;
import org.communityscheduler.text.Text;
import org.communityscheduler.server.job.Job;
import org.communityscheduler.server.job.run.JobStore;
import org.junit.jupiter.api.Test;

/** A job is plain data: written as JSON (to a file, later) and read back, it is the same job. */
class JobTest {

    @Test
    void aFinishedJobSurvivesARoundTripThroughJson() throws Exception {
        try (TestServer api = new TestServer()) {
            String id = api.submit(TestServer.SAMPLE, "1s");
            api.awaitDone(id, Duration.ofSeconds(60));
            Job job = api.server.jobs().find(id).orElseThrow();

            String written = Json.write(job);
            Job read = Json.MAPPER.readValue(written, Job.class);

            assertThat(read).isEqualTo(job);
            assertThat(written).contains("\"planJson\"").contains("\"schedule\"").contains("\"status\" : \"NOT_SOLVING\"");
        }
    }

    @Test
    void whyAJobFailedIsKeptByItsCodeAndOlderFilesKeepTheirWords() throws Exception {
        Job failed = Job.queued("id", "week", "{}", java.util.List.of(), Duration.ofSeconds(1), java.time.Instant.now(),
                null).finish(java.time.Instant.now(), null, Text.of("server.job.timeUsedUp"));

        Job read = Json.MAPPER.readValue(Json.write(failed), Job.class);
        Job older = Json.MAPPER.readValue("{\"id\": \"id\", \"status\": \"NOT_SOLVING\", \"diagnostics\": [], "
                + "\"error\": \"as it was written\"}", Job.class);

        assertThat(read).isEqualTo(failed);
        assertThat(read.error().in(Language.ZH)).isEqualTo("在得到第一个排期之前，时间上限已经用完");
        assertThat(older.error().in(Language.ZH)).isEqualTo("as it was written");
    }

    @Test
    void eightJobsPerSolverMayWaitOrSolveAsTheReadmeSays() {
        assertThat(ServerSettings.defaults().withParallelSolvers(1).maxOpenJobs()).isEqualTo(8);
        assertThat(ServerSettings.defaults().withParallelSolvers(3).maxOpenJobs()).isEqualTo(24);
        try (TestServer api = new TestServer(ServerSettings.defaults().withParallelSolvers(1))) {
            for (int i = 0; i < 8; i++) {
                api.submit(TestServer.SAMPLE, "1m");
            }
            HttpResponse<String> ninth = api.post("/api/schedules?timeLimit=1m", TestServer.SAMPLE);
            assertThat(ninth.statusCode()).as(ninth.body()).isEqualTo(429);
            assertThat(ninth.body()).contains("already has 8 jobs waiting or solving");
        }
    }

    @Test
    void aQueuedJobHasNoScheduleYet() {
        Plan plan = PlanReader.read(TestServer.SAMPLE).plan();
        try (SchedulingEngine engine = SchedulingEngine.shipped()) {
            JobStore jobs = JobStore.inMemory(engine, ServerSettings.defaults().jobLimits());
            Job running = jobs.submit(plan, TestServer.SAMPLE, ModelBuilder.build(plan),
                    Duration.ofMinutes(1));
            Job queued = jobs.submit(plan, TestServer.SAMPLE, ModelBuilder.build(plan),
                    Duration.ofMinutes(1));

            Job waiting = jobs.find(queued.id()).orElseThrow();
            assertThat(waiting.schedule()).isNull();
            assertThat(waiting.submitted()).isAfterOrEqualTo(running.submitted());

            jobs.close();
            assertThat(jobs.find(running.id()).orElseThrow().isFinished()).isTrue();
            assertThat(jobs.find(queued.id()).orElseThrow().error()).hasToString("stopped before it started");
        }
    }
}
