package org.communityscheduler.server.job;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolverStatus;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.communityscheduler.plan.Diagnostic;
import org.communityscheduler.schedule.Schedule;
import org.communityscheduler.text.Text;

/**
 * One solving job as it stands: the plan it was given, its best schedule so far, where it is and when
 * things happened. Plain and immutable — each change makes a new one — so that a job can be written to
 * a file as it is and read back.
 *
 * @param planJson the plan exactly as it was sent
 * @param diagnostics what reading the plan and building its model noted (unknown fields, sessions that can never
 *     be placed), known before solving
 * @param score the best score so far; null before the first
 * @param schedule the best schedule so far as docs/plan-format.md §6 writes it; null before it is first described
 * @param error why solving failed, as a catalogue text (read back from its code in any language); null unless it did
 * @param solvingTime how long it has solved, over every run of the server; on disk, while it solves, a little
 *     ahead of the truth, so that a kill never gives it back time it used; null in files from before it was kept
 * @param request the submission's {@code Idempotency-Key} and what was sent with it; null without a key
 * @param edited true once a coordinator's edited week replaced the solver's schedule; null before
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Job(String id, String name, String planJson, List<Diagnostic> diagnostics, SolverStatus status,
        Duration timeLimit, Instant submitted, Instant started, Instant finished, String score, Schedule schedule,
        Text error, Duration solvingTime, Request request, Boolean edited) {

    public Job {
        diagnostics = List.copyOf(diagnostics);
    }

    /**
     * A submission that carried an {@code Idempotency-Key}, kept so that a retry finds its job even after a restart.
     *
     * @param key a digest of the key and the API token it came with (neither is kept as sent)
     * @param body a digest of the time limit and the plan as sent
     */
    public record Request(String key, String body) {
    }

    /** How long an {@code Idempotency-Key} finds its job (as long as the job is kept). */
    public static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);

    public static Job queued(String id, String name, String planJson, List<Diagnostic> diagnostics,
            Duration timeLimit, Instant now, Request request) {
        return new Job(id, name, planJson, diagnostics, SolverStatus.SOLVING_SCHEDULED, timeLimit, now, null,
                null, null, null, null, Duration.ZERO, request, null);
    }

    public Job start(Instant at) {
        return new Job(id, name, planJson, diagnostics, SolverStatus.SOLVING_ACTIVE, timeLimit, submitted, at,
                finished, score, schedule, error, solvingTime, request, edited);
    }

    public Job withScore(String newScore) {
        return new Job(id, name, planJson, diagnostics, status, timeLimit, submitted, started, finished, newScore,
                schedule, error, solvingTime, request, edited);
    }

    public Job withSchedule(Schedule newSchedule) {
        return new Job(id, name, planJson, diagnostics, status, timeLimit, submitted, started, finished,
                newSchedule == null ? score : newSchedule.score(), newSchedule, error, solvingTime, request, edited);
    }

    public Job withSolvingTime(Duration spent) {
        return new Job(id, name, planJson, diagnostics, status, timeLimit, submitted, started, finished, score,
                schedule, error, spent, request, edited);
    }

    /** Waiting for a solver again, after a restart, with its best schedule so far. */
    public Job requeue() {
        return new Job(id, name, planJson, diagnostics, SolverStatus.SOLVING_SCHEDULED, timeLimit, submitted, null,
                null, score, schedule, null, solvingTime, request, edited);
    }

    /** As {@code job.json} holds it: the plan is a file of its own. */
    public Job withPlanJson(String plan) {
        return new Job(id, name, plan, diagnostics, status, timeLimit, submitted, started, finished, score,
                schedule, error, solvingTime, request, edited);
    }

    /** With the week a coordinator edited by hand as its schedule; the diagnostics stay the job's (its plan's). */
    public Job withEditedSchedule(Schedule edited) {
        Schedule schedule = new Schedule(edited.name(), edited.score(), edited.feasible(), edited.sessions(),
                edited.unassigned(), edited.constraints(), edited.workers(), edited.organizations(), diagnostics);
        return new Job(id, name, planJson, diagnostics, status, timeLimit, submitted, started, finished,
                schedule.score(), schedule, error, solvingTime, request, true);
    }

    public Job finish(Instant at, Instant startedAt, Text failure) {
        return new Job(id, name, planJson, diagnostics, SolverStatus.NOT_SOLVING, timeLimit, submitted,
                started == null ? startedAt : started, at, score, schedule, failure, solvingTime, request, edited);
    }

    @JsonIgnore // not a field of its own: the status says it
    public boolean isFinished() {
        return status == SolverStatus.NOT_SOLVING;
    }

    /** One line of the job list; {@code edited} only when true, as in the job's own answer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(String id, String name, SolverStatus status, String score, Boolean feasible,
            Instant submitted, Instant finished, Boolean edited) {
    }

    public Summary summary() {
        return new Summary(id, name, status, score,
                score == null ? null : HardMediumSoftLongScore.parseScore(score).isFeasible(), submitted, finished,
                Boolean.TRUE.equals(edited) ? true : null);
    }
}
