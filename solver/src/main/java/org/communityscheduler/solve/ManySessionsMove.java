package org.communityscheduler.solve;

import java.util.Collection;
import java.util.List;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.move.AbstractMove;

import org.communityscheduler.model.Room;
import org.communityscheduler.model.Session;
import org.communityscheduler.model.WeeklySchedule;

/**
 * Several sessions to new values of one planning variable at once (their starts, or their rooms), for the
 * project's own moves ({@link KempeSwaps}, {@link RoomGatherings}); an empty move is no move. Timefold's custom
 * moves (its {@code impl} package) are the only way to hand it a move of many sessions in 1.32; it takes the
 * move back itself when it is not kept.
 */
public final class ManySessionsMove extends AbstractMove<WeeklySchedule> {

    static final ManySessionsMove NONE = new ManySessionsMove("start", List.of(), List.of());

    private final String variable;
    private final List<Session> sessions;
    private final List<?> values;

    /** @param variable {@code "start"} or {@code "room"}; {@code values} in the order of {@code sessions} */
    ManySessionsMove(String variable, List<Session> sessions, List<?> values) {
        this.variable = variable;
        this.sessions = sessions;
        this.values = values;
    }

    /** The sessions that move, in the order the move found them. */
    List<Session> sessions() {
        return sessions;
    }

    /** Their new values, in the same order. */
    List<?> values() {
        return values;
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<WeeklySchedule> scoreDirector) {
        return !sessions.isEmpty();
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<WeeklySchedule> scoreDirector) {
        for (int i = 0; i < sessions.size(); i++) {
            Session session = sessions.get(i);
            scoreDirector.beforeVariableChanged(session, variable);
            if (variable.equals("start")) {
                session.setStart((Integer) values.get(i));
            } else {
                session.setRoom((Room) values.get(i));
            }
            scoreDirector.afterVariableChanged(session, variable);
        }
    }

    @Override
    public Collection<?> getPlanningEntities() {
        return sessions;
    }

    @Override
    public Collection<?> getPlanningValues() {
        return values;
    }

    @Override
    public String toString() {
        return sessions + " " + variable + " to " + values;
    }
}
