package org.communityscheduler.solve;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.score.director.InnerScoreDirector;

import org.communityscheduler.model.Room;
import org.communityscheduler.model.Session;
import org.communityscheduler.model.WeeklySchedule;

/** What the chain phases do to the week through Timefold's score director: move a session, and score the week. */
final class Placing {

    private Placing() {
    }

    /** Where a session was (room and start, or nowhere), to go back to. */
    record Change(Session session, Room room, Integer start) {
    }

    /** Puts a session in a room at a start (both null: nowhere), telling the score director. */
    static void move(ScoreDirector<WeeklySchedule> director, Session session, Room room, Integer start) {
        director.beforeVariableChanged(session, "start");
        session.setStart(start);
        director.afterVariableChanged(session, "start");
        director.beforeVariableChanged(session, "room");
        session.setRoom(room);
        director.afterVariableChanged(session, "room");
    }

    /** {@link #move} for a session of {@code bookings}, keeping them up to date (booked while placed). */
    static void move(ScoreDirector<WeeklySchedule> director, Bookings bookings, Session session, Room room, Integer start) {
        if (session.isAssigned()) {
            bookings.remove(session);
        }
        move(director, session, room, start);
        if (session.isAssigned()) {
            bookings.add(session);
        }
    }

    /**
     * The working week's score, incrementally. A phase command's public score director cannot score; the one
     * Timefold hands it always can (its inner interface), as every phase of Timefold's own does after each move.
     */
    @SuppressWarnings("unchecked")
    static HardMediumSoftLongScore score(ScoreDirector<WeeklySchedule> director) {
        return ((InnerScoreDirector<WeeklySchedule, HardMediumSoftLongScore>) director).calculateScore().raw();
    }
}
