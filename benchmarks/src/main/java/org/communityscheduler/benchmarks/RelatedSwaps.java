package org.communityscheduler.benchmarks;

import java.util.List;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.config.heuristic.selector.move.MoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import ai.timefold.solver.core.impl.heuristic.selector.common.decorator.SelectionFilter;
import ai.timefold.solver.core.impl.heuristic.selector.move.generic.SwapMove;

import org.communityscheduler.model.Audience;
import org.communityscheduler.model.Session;
import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.model.Worker;

/**
 * The experiment {@code related-swaps} (rejected, results/tuning.md): swaps between sessions that have to do
 * with each other, which a swap of two random sessions rarely finds. Two sessions that share a worker, an
 * audience or a room trade their placements (a session kept from its preferred times by another of its
 * worker's, both in one morning); two sessions at overlapping times trade rooms (one of an activity that meets
 * elsewhere, into the room its other sessions use). Made by filtering random swaps, so most swaps drawn are
 * thrown away: that cost the search three quarters of its speed.
 */
final class RelatedSwaps {

    private RelatedSwaps() {
    }

    static List<MoveSelectorConfig> selectors() {
        return List.of(
                new SwapMoveSelectorConfig().withFilterClass(Related.class).withFixedProbabilityWeight(0.3),
                new SwapMoveSelectorConfig().withVariableNameIncludes("room").withFilterClass(AtTheSameTime.class)
                        .withFixedProbabilityWeight(0.1));
    }

    /** Two sessions of different activities with a worker, an audience or a room in common. */
    public static final class Related implements SelectionFilter<WeeklySchedule, SwapMove<WeeklySchedule>> {
        @Override
        public boolean accept(ScoreDirector<WeeklySchedule> scoreDirector, SwapMove<WeeklySchedule> move) {
            Session left = (Session) move.getLeftEntity();
            Session right = (Session) move.getRightEntity();
            if (left.getActivity() == right.getActivity()) {
                return false;
            }
            if (left.getRoom() != null && left.getRoom() == right.getRoom()) {
                return true;
            }
            for (Audience audience : left.getActivity().getAudiences()) {
                if (right.getActivity().getAudiences().contains(audience)) {
                    return true;
                }
            }
            List<Worker> workers = left.getActivity().getWorkers();
            for (int i = 0; i < workers.size(); i++) {
                if (right.getActivity().getWorkers().contains(workers.get(i))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Two placed sessions of different activities that overlap in time, each of which may use the other's room. */
    public static final class AtTheSameTime implements SelectionFilter<WeeklySchedule, SwapMove<WeeklySchedule>> {
        @Override
        public boolean accept(ScoreDirector<WeeklySchedule> scoreDirector, SwapMove<WeeklySchedule> move) {
            Session left = (Session) move.getLeftEntity();
            Session right = (Session) move.getRightEntity();
            return left.isAssigned() && right.isAssigned() && left.getActivity() != right.getActivity()
                    && left.getRoom() != right.getRoom()
                    && left.getStart() < right.getStart() + right.getActivity().getDurationMinutes()
                    && right.getStart() < left.getStart() + left.getActivity().getDurationMinutes()
                    && left.getRoomRange().contains(right.getRoom()) && right.getRoomRange().contains(left.getRoom());
        }
    }
}
