package org.communityscheduler.server.job;

import java.time.Duration;
import java.time.Instant;

import ai.timefold.solver.core.api.solver.SolverStatus;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.text.Text;

/**
 * What listeners to a job hear: a {@code status} change, a new {@code best} score, and last of all {@code done}, or
 * {@code interrupted} when the server stops and the job goes on after its restart. The same events travel between
 * replicas and down an event stream.
 */
public record JobEvent(String name, Progress data) {

    public static final String STATUS = "status";
    public static final String BEST = "best";
    public static final String DONE = "done";
    /** Last event of a job the server stopped and will go on with when it is back. */
    public static final String INTERRUPTED = "interrupted";

    /** Where a job stands, in a few numbers. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Progress(String id, SolverStatus status, String score, Boolean feasible, Long placed,
            Long unassigned, Double seconds, Text error) {

        /** The job's progress; its counts from {@code week} when given (a new best), else from its schedule. */
        public static Progress of(Job job, WeeklySchedule week) {
            Long placed = null;
            Long unassigned = null;
            if (week != null) {
                placed = week.assignedCount();
                unassigned = week.getSessions().size() - placed;
            } else if (job.schedule() != null) {
                placed = (long) job.schedule().sessions().size();
                unassigned = (long) job.schedule().unassigned().size();
            }
            Instant since = job.started();
            Instant until = job.finished() != null ? job.finished() : Instant.now();
            Double seconds = since == null ? null : Duration.between(since, until).toMillis() / 1000.0;
            return new Progress(job.id(), job.status(), job.score(), job.summary().feasible(), placed, unassigned,
                    seconds, job.error());
        }

        /** A job known by its id alone (gone, or interrupted elsewhere). */
        public static Progress of(String id, SolverStatus status) {
            return new Progress(id, status, null, null, null, null, null, null);
        }
    }

    /** The event {@code name} with the job's progress as it stands. */
    public static JobEvent of(String name, Job job) {
        return new JobEvent(name, Progress.of(job, null));
    }

    /** Whether the stream of events of a job ends with this one. */
    @JsonIgnore // not a field of its own: the name says it
    public boolean isLast() {
        return DONE.equals(name) || INTERRUPTED.equals(name);
    }
}
