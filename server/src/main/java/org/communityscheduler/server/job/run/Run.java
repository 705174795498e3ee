package org.communityscheduler.server.job.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import ai.timefold.solver.core.api.solver.SolverJob;

import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.server.job.Job;
import org.communityscheduler.server.job.JobEvent;

/** A job and what only a running server needs of it: the parsed plan, the solver's handle, the listeners. */
final class Run {

    final Plan plan;
    /** The week as it was handed to the solver (which works on copies), until the job is finished. */
    volatile WeeklySchedule problem;
    final CompletableFuture<Void> done = new CompletableFuture<>();
    /** Guarded by this run. */
    final List<Consumer<JobEvent>> listeners = new ArrayList<>();
    volatile SolverJob<WeeklySchedule, String> solverJob;
    /** Guarded by this run; read without it through {@link #snapshot()}. */
    volatile Job job;
    /** The newest best solution not described yet; guarded by this run. */
    WeeklySchedule best;
    /** When the job was last written ({@link System#nanoTime()}); guarded by this run. */
    long lastSaved = System.nanoTime();
    /** Whether the server going down stopped it (rather than its time limit or a coordinator). */
    volatile boolean stoppedByServer;
    /** How long it solved before this run of the server. */
    final Duration spentBefore;
    /** Whether its file holds a solving time ahead of the truth since this run began; guarded by this run. */
    boolean reserved;
    /** Whether another replica holds it now: it stops, and writes nothing more. */
    volatile boolean abandoned;

    Run(Job job, Plan plan, WeeklySchedule problem, Duration spentBefore) {
        this.job = job;
        this.plan = plan;
        this.problem = problem;
        this.spentBefore = spentBefore;
    }

    /** A job that is over: it is served as it is, and nothing waits for it. */
    static Run finished(Job job, Plan plan, Duration spentBefore) {
        Run run = new Run(job, plan, null, spentBefore);
        run.done.complete(null);
        return run;
    }

    Job snapshot() {
        return job;
    }

    /** How long the job has solved, over every run of the server. */
    Duration spent() {
        SolverJob<WeeklySchedule, String> current = solverJob;
        return current == null ? spentBefore : spentBefore.plus(current.getSolvingDuration());
    }
}
