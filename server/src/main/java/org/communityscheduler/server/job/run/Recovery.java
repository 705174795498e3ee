package org.communityscheduler.server.job.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.communityscheduler.model.PlanIntake;
import org.communityscheduler.model.PlanLimits;
import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.plan.Problem;
import org.communityscheduler.schedule.Assignments;
import org.communityscheduler.server.job.Job;
import org.communityscheduler.server.job.JobEvent;
import org.communityscheduler.server.job.storage.JobFiles;
import org.communityscheduler.server.job.storage.JobStorage;
import org.communityscheduler.server.job.storage.JobStorage.Stored;
import org.communityscheduler.server.replica.Replica;
import org.communityscheduler.text.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jobs that were solving when their server stopped go on: read back from the data directory at start, or claimed
 * from the database by this replica. Each starts again from its best schedule so far, for what was left of its time
 * limit (at least {@link JobStore#MIN_RESUMED_TIME}); one whose time is used up ends with that schedule, one that has
 * none yet solves again for that minimum, and one whose plan is no longer valid is set aside.
 */
final class Recovery {

    private static final Logger LOG = LoggerFactory.getLogger(JobStore.class);

    private final Map<String, Run> runs;
    private final Solving solving;
    private final JobStorage storage;
    /** Null without a database. */
    private final Replica replica;
    private final BooleanSupplier accepting;

    Recovery(Map<String, Run> runs, Solving solving, JobStorage storage, Replica replica, BooleanSupplier accepting) {
        this.runs = runs;
        this.solving = solving;
        this.storage = storage;
        this.replica = replica;
        this.accepting = accepting;
    }

    /**
     * Reads back the jobs on disk; those unfinished start again.
     *
     * @param prune deletes the oldest finished jobs, once all are read back
     */
    void restore(JobFiles files, Runnable prune) {
        long started = System.nanoTime();
        List<Stored> stored;
        try {
            stored = files.load();
        } catch (IOException e) {
            LOG.error("Cannot read the jobs in {}: {}", files.directory(), e.toString());
            return;
        }
        int resumed = 0;
        List<String> invalid = new ArrayList<>();
        for (Stored entry : stored) {
            Job job = entry.job();
            // A job already taken keeps its plan even when the size limit was lowered since.
            PlanIntake intake = intake(job);
            if (!intake.isValid()) {
                files.quarantine(job.id());
                invalid.add(job.id() + " (" + intake.problems().get(0) + ")");
                continue;
            }
            if (job.isFinished()) {
                runs.put(job.id(), Run.finished(job, intake.plan(), Duration.ZERO));
                continue;
            }
            try {
                if (resume(job, intake, entry.savedAt())) {
                    resumed++;
                }
            } catch (RuntimeException e) {
                // Never lost: it is served as it was left, finished, with why it did not go on.
                LOG.error("Job {} cannot be started again", job.id(), e);
                Job ended = job.finish(entry.savedAt(), null, Text.of("server.job.notRestarted",
                        String.valueOf(e.getMessage())));
                runs.put(job.id(), Run.finished(ended, intake.plan(), Duration.ZERO));
                solving.save(ended);
            }
        }
        if (!invalid.isEmpty()) {
            LOG.warn("Moved {} job(s) whose plan.json is no longer a valid plan to {}: {}", invalid.size(),
                    files.quarantineDirectory(), String.join(", ", invalid));
        }
        prune.run();
        if (!stored.isEmpty()) {
            LOG.info("Read {} job(s) from {} in {} ms; {} started again from their best schedule so far",
                    runs.size(), files.directory(), (System.nanoTime() - started) / 1_000_000, resumed);
        }
    }

    /** The plan a job was given, read again; a job already taken is not held to the size limit of today. */
    static PlanIntake intake(Job job) {
        return PlanIntake.read(job.planJson().getBytes(StandardCharsets.UTF_8), PlanLimits.NONE);
    }

    /**
     * Starts a job again from its best schedule so far, for what was left of its time limit (at least
     * {@link JobStore#MIN_RESUMED_TIME}); one whose time limit is used up ends with that schedule. One without a
     * schedule always solves again: its solving time on disk runs ahead of the truth, and ending it would leave the
     * coordinator nothing.
     *
     * @return whether it solves again
     */
    private boolean resume(Job job, PlanIntake intake, Instant savedAt) {
        Plan plan = intake.plan();
        // Files written before the solving time was kept: the time between its start and its last write.
        Duration spent = job.solvingTime() != null ? job.solvingTime()
                : job.started() == null ? Duration.ZERO : Duration.between(job.started(), savedAt);
        Duration left = job.timeLimit().minus(spent.isNegative() ? Duration.ZERO : spent);
        if ((left.isNegative() || left.isZero()) && job.schedule() != null) {
            Job ended = job.finish(savedAt, null, null).withSolvingTime(spent);
            runs.put(job.id(), Run.finished(ended, plan, spent));
            solving.save(ended);
            return false;
        }
        WeeklySchedule week = intake.model();
        if (job.schedule() != null) {
            List<Problem> problems = Assignments.apply(week, job.schedule().sessions(), "schedule.sessions");
            if (!problems.isEmpty()) {
                LOG.warn("Job {} starts again from scratch: its best schedule no longer fits its plan ({})",
                        job.id(), problems.get(0));
                week = intake.model();
            }
        }
        // Timefold takes whole milliseconds. A job that never solved (claimed from a database) has its whole time.
        Duration timeLimit = spent.isZero() ? job.timeLimit()
                : left.compareTo(JobStore.MIN_RESUMED_TIME) < 0 ? JobStore.MIN_RESUMED_TIME
                        : left.truncatedTo(ChronoUnit.MILLIS);
        Job waiting = job.requeue().withSolvingTime(spent);
        Run run = new Run(waiting, plan, week, spent);
        // Its first second is counted before it solves, until the ticker keeps its solving time ahead.
        solving.save(waiting.withSolvingTime(spent.plus(Solving.TICK)));
        runs.put(job.id(), run);
        solving.solve(run, week, timeLimit);
        return true;
    }

    /**
     * Solves a job this replica claimed, from its best schedule so far for what is left of its time (as after a
     * restart); one a coordinator asked to stop ends at once, with that schedule.
     */
    void takeOver(Stored claimed) {
        Job job = claimed.job();
        synchronized (runs) {
            if (!accepting.getAsBoolean() || runs.containsKey(job.id())) {
                return; // handed back when the store closes
            }
            PlanIntake intake = intake(job);
            if (!intake.isValid()) {
                LOG.warn("Job {} is set aside (status QUARANTINED): its plan is no longer a valid plan ({})", job.id(),
                        intake.problems().get(0));
                storage.quarantine(job.id());
                return;
            }
            try {
                if (replica.claims().stopRequested(job.id())) {
                    endUnsolved(job, intake);
                } else if (resume(job, intake, claimed.savedAt())) {
                    LOG.info("Solving job {} from its best schedule so far ({} solved before)", job.id(),
                            job.solvingTime());
                } else { // its time was used up: it ended with its best schedule
                    Run ended = runs.remove(job.id());
                    solving.tell(ended, JobEvent.of(JobEvent.STATUS, ended.job));
                    solving.tell(ended, JobEvent.of(JobEvent.DONE, ended.job));
                }
            } catch (IOException | RuntimeException e) {
                LOG.error("Job {} cannot be started again", job.id(), e);
                runs.remove(job.id());
                solving.save(job.finish(Instant.now(), null, Text.of("server.job.notRestarted",
                        String.valueOf(e.getMessage()))));
            }
        }
    }

    /** Ends a job no replica solves: with its best schedule so far, or the plan as given when it has none. */
    Job endUnsolved(Job job, PlanIntake intake) {
        Run run = new Run(job, intake.plan(), null, job.solvingTime() == null ? Duration.ZERO : job.solvingTime());
        synchronized (run) {
            if (job.schedule() == null) {
                try {
                    solving.describe(run, intake.model());
                } catch (RuntimeException e) {
                    LOG.error("Cannot describe the schedule of job {}", job.id(), e);
                }
            }
            run.job = run.job.finish(Instant.now(), null, null);
        }
        solving.save(run.job);
        solving.tell(run, JobEvent.of(JobEvent.STATUS, run.job));
        solving.tell(run, JobEvent.of(JobEvent.DONE, run.job));
        return run.job;
    }
}
