package org.communityscheduler.server.job.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.communityscheduler.data.DemoPlans;
import org.communityscheduler.model.PlanIntake;
import org.communityscheduler.model.PlanLimits;
import org.communityscheduler.server.job.Job;
import org.communityscheduler.server.job.JobEvent;
import org.communityscheduler.server.job.storage.JobStorage;
import org.communityscheduler.solve.SchedulingEngine;
import org.communityscheduler.solve.SolverConfigs;
import org.junit.jupiter.api.Test;

/** A run's way to its end as the job's storage sees it: what is written, and when. */
class SolvingTest {

    private static final String SAMPLE = DemoPlans.json(DemoPlans.DEFAULT).orElseThrow();

    /** Every job written, in order. */
    private static final class WrittenJobs implements JobStorage {
        final List<Job> saved = new CopyOnWriteArrayList<>();

        @Override
        public void create(Job job) {
            saved.add(job);
        }

        @Override
        public void save(Job job) {
            saved.add(job);
        }

        @Override
        public void delete(String id) {
        }

        @Override
        public boolean quarantine(String id) {
            return false;
        }

        @Override
        public String where() {
            return "memory";
        }

        boolean holdsASchedule() {
            return saved.stream().anyMatch(job -> job.schedule() != null);
        }
    }

    @Test
    void theFirstScheduleIsWrittenAtOnceEvenRightAfterTheSolvingTimeWas() throws Exception {
        PlanIntake intake = PlanIntake.read(SAMPLE.getBytes(StandardCharsets.UTF_8), PlanLimits.NONE);
        WrittenJobs storage = new WrittenJobs();
        Map<String, Run> runs = new ConcurrentHashMap<>();
        try (SchedulingEngine engine = new SchedulingEngine(SolverConfigs.shipped(), 1, 1)) {
            Solving solving = new Solving(engine, storage, null, runs, () -> {
            });
            Run run = new Run(Job.queued(UUID.randomUUID().toString(), "week", SAMPLE, List.of(),
                    Duration.ofSeconds(3), Instant.now(), null), intake.plan(), intake.model(), Duration.ZERO);
            // Its solving time, ahead of the truth, was just written, without a schedule: a kill now must not end it
            // empty, and the first schedule must not wait for the next write of its solving time.
            synchronized (run) {
                run.reserved = true;
                run.lastSaved = System.nanoTime();
            }
            runs.put(run.job.id(), run);
            CompletableFuture<Void> firstBest = new CompletableFuture<>();
            solving.subscribe(run, event -> {
                if (event.name().equals(JobEvent.BEST)) {
                    firstBest.complete(null);
                }
            });
            solving.solve(run, intake.model(), Duration.ofSeconds(3));

            firstBest.get(30, TimeUnit.SECONDS);
            synchronized (run) { // a best is taken in with the run locked: once it is free again, that is done
                assertThat(storage.holdsASchedule()).as("the first best's schedule written at once").isTrue();
            }
            solving.stopSolving(run, false);
            solving.close();
        }
    }
}
