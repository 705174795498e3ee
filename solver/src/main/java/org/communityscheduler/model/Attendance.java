package org.communityscheduler.model;

import ai.timefold.solver.core.api.domain.solution.cloner.DeepPlanningClone;

/**
 * One worker or one audience at one session. Constraints about workers and audiences join attendances
 * on the attendee, so a clash is found through an index rather than by filtering every overlapping
 * pair. Deep-cloned with its session, so it always reads the session's current start.
 */
@DeepPlanningClone
public final class Attendance {

    private Session session;
    private Attendee attendee;

    /** For Timefold's cloning. */
    public Attendance() {
    }

    Attendance(Session session, Attendee attendee) {
        this.session = session;
        this.attendee = attendee;
    }

    public Session getSession() {
        return session;
    }

    public Attendee getAttendee() {
        return attendee;
    }

    /** The worker, for an attendance of {@link Session#getAttendances()} (workers only). */
    public Worker getWorker() {
        return (Worker) attendee;
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

    /**
     * From a break before this session to a break after it: another session of the attendee overlapping this reach
     * is in one run with it (its gap to this one is shorter than their shortest break).
     */
    public long getReachStart() {
        return session.getStart() - (long) attendee.getDayShape().minBreakMinutes();
    }

    public long getReachEnd() {
        return session.getStart() + session.getActivity().getDurationMinutes()
                + (long) attendee.getDayShape().minBreakMinutes();
    }

    public int overtimeMinutes() {
        return getWorker().overtimeMinutes(session.getStart(), session.getEnd());
    }

    public int unavailableMinutes() {
        return getWorker().getUnavailable().minutesInside(session.getStart(), session.getEnd());
    }

    @Override
    public String toString() {
        return attendee + "@" + session;
    }
}
