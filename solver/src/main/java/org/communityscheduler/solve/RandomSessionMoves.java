package org.communityscheduler.solve;

import java.util.Iterator;
import java.util.List;
import java.util.Random;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

import org.communityscheduler.model.Session;
import org.communityscheduler.model.WeeklySchedule;

/**
 * The project's moves of many sessions, drawn at random: each step indexes the week as it stands (on first use),
 * then each move starts from a random session, a few tries at most before it is no move.
 *
 * @param <I> what a move needs to know of the week, indexed once per step
 */
abstract class RandomSessionMoves<I> implements MoveIteratorFactory<WeeklySchedule, ManySessionsMove> {

    /** Draws of a session per move before giving up on this move. */
    private static final int TRIES = 8;

    /** The week's placed sessions as this kind of move looks them up. */
    abstract I index(List<Session> sessions);

    /** The move that starts from {@code session}, or null when there is none. */
    abstract ManySessionsMove from(I index, Session session, Random random);

    @Override
    public long getSize(ScoreDirector<WeeklySchedule> scoreDirector) {
        return scoreDirector.getWorkingSolution().getSessions().size();
    }

    @Override
    public Iterator<ManySessionsMove> createOriginalMoveIterator(ScoreDirector<WeeklySchedule> scoreDirector) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " are drawn at random only");
    }

    @Override
    public Iterator<ManySessionsMove> createRandomMoveIterator(ScoreDirector<WeeklySchedule> scoreDirector,
            Random random) {
        List<Session> sessions = scoreDirector.getWorkingSolution().getSessions();
        return new Iterator<>() {
            private I index;

            @Override
            public boolean hasNext() {
                return !sessions.isEmpty();
            }

            @Override
            public ManySessionsMove next() {
                if (index == null) {
                    index = index(sessions);
                }
                for (int i = 0; i < TRIES; i++) {
                    Session session = sessions.get(random.nextInt(sessions.size()));
                    ManySessionsMove move = session.isAssigned() ? from(index, session, random) : null;
                    if (move != null) {
                        return move;
                    }
                }
                return ManySessionsMove.NONE;
            }
        };
    }
}
