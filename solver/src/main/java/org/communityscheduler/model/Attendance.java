package org.communityscheduler.model;

import ai.timefold.solver.core.api.domain.solution.cloner.DeepPlanningClone;

/**
 * One worker at one session. Constraints about workers join attendances on the worker, so a
 * worker's clash is found through an index rather than by filtering every overlapping pair.
 * Deep-cloned with its session, so it always reads the session's current start.
 */
@DeepPlanningClone
public final class Attendance {

    private Session session;
    private Worker worker;

    /** For Timefold's cloning. */
    public Attendance() {
    }

    Attendance(Session session, Worker worker) {
        this.session = session;
        this.worker = worker;
    }

    public Session getSession() {
        return session;
    }

    public Worker getWorker() {
        return worker;
    }

    public Integer getStart() {
        return session.getStart();
    }

    public Integer getEnd() {
        return session.getEnd();
    }

    public int getDay() {
        return session.getDay();
    }

    public int overtimeMinutes() {
        return worker.overtimeMinutes(session.getStart(), session.getEnd());
    }

    public int unavailableMinutes() {
        return worker.getUnavailable().minutesInside(session.getStart(), session.getEnd());
    }

    @Override
    public String toString() {
        return worker + "@" + session;
    }
}
