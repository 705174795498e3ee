package org.communityscheduler.benchmarks;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;

import com.google.ortools.sat.CpSolverStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.communityscheduler.model.Audience;
import org.communityscheduler.model.Session;
import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.model.Worker;

/**
 * An experiment in large neighbourhood search: while sessions are left out, free the placed sessions
 * around some of them (in their candidate rooms, or sharing a worker or an audience, at times they could
 * take) and let CP-SAT re-place that neighbourhood exactly, every other session kept where it is. A round
 * is kept only when it places more priority; moving as few freed sessions as possible breaks ties. Ends
 * when every session is placed, or after a few rounds that place nothing more.
 */
public final class CpSatRepair implements PhaseCommand<WeeklySchedule> {

    private static final Logger LOGGER = LoggerFactory.getLogger(CpSatRepair.class);

    /** Freed sessions per round, about: a few unplaced sessions and what stands around them. */
    static final int NEIGHBOURHOOD = 80;
    static final Duration ROUND_LIMIT = Duration.ofSeconds(5);
    static final int IDLE_ROUNDS = 2;

    @Override
    public void changeWorkingSolution(ScoreDirector<WeeklySchedule> scoreDirector, BooleanSupplier isPhaseTerminated) {
        Random random = new Random(0);
        int idle = 0;
        while (idle < IDLE_ROUNDS && !isPhaseTerminated.getAsBoolean()) {
            WeeklySchedule week = scoreDirector.getWorkingSolution();
            List<Session> unplaced = new ArrayList<>(week.getSessions().stream()
                    .filter(session -> !session.isAssigned() && !session.isLocked()).toList());
            if (unplaced.isEmpty()) {
                return;
            }
            Collections.shuffle(unplaced, random);
            Set<Session> neighbourhood = neighbourhood(week, unplaced, NEIGHBOURHOOD, random);
            long before = neighbourhood.stream().filter(Session::isAssigned)
                    .mapToLong(session -> session.getActivity().getPriority()).sum();
            CpSatPlacement.Result result = CpSatPlacement.place(week, neighbourhood, true,
                    CpSatPlacement.Options.of(ROUND_LIMIT).withLightPresolve(true), isPhaseTerminated);
            boolean answered = result.status() == CpSolverStatus.OPTIMAL || result.status() == CpSolverStatus.FEASIBLE;
            LOGGER.debug("CP-SAT repair: {} unplaced, {} freed, {} candidates; priority {} -> {} of {} ({}, {} ms)",
                    unplaced.size(), neighbourhood.size(), result.candidates(), before, result.placedPriority(),
                    result.placeablePriority(), result.status(), result.buildMillis() + result.solveMillis());
            if (answered && result.placedPriority() > before) {
                CpSatPlacement.apply(scoreDirector, neighbourhood, result.placements());
                idle = 0;
            } else {
                idle++;
            }
        }
    }

    /**
     * The unplaced sessions in the order given, then, breadth first, the placed movable sessions in the way of
     * those already free (in random order), until about {@code size} sessions are free: the sessions in an
     * unplaced session's way need room to move too.
     */
    static Set<Session> neighbourhood(WeeklySchedule week, List<Session> unplaced, int size, Random random) {
        Set<Session> free = new LinkedHashSet<>();
        ArrayDeque<Session> toExpand = new ArrayDeque<>();
        for (Session session : unplaced) {
            if (free.size() >= size / 2) {
                break;
            }
            free.add(session);
            toExpand.add(session);
        }
        List<Session> placed = week.getSessions().stream()
                .filter(session -> session.isAssigned() && !session.isLocked()).toList();
        while (!toExpand.isEmpty() && free.size() < size) {
            Session session = toExpand.poll();
            BitSet possible = possibleMinutes(session);
            List<Session> inTheWay = new ArrayList<>();
            for (Session other : placed) {
                if (!free.contains(other) && inTheWay(session, possible, other)) {
                    inTheWay.add(other);
                }
            }
            Collections.shuffle(inTheWay, random);
            for (Session other : inTheWay) {
                if (free.size() >= size) {
                    break;
                }
                free.add(other);
                toExpand.add(other);
            }
        }
        return free;
    }

    private static BitSet possibleMinutes(Session session) {
        BitSet minutes = new BitSet();
        int duration = session.getActivity().getDurationMinutes();
        for (int start : session.getStartRange()) {
            minutes.set(start, start + duration);
        }
        return minutes;
    }

    /** Placed at a time the session could take, in one of its rooms or with one of its workers or its audience. */
    private static boolean inTheWay(Session session, BitSet possible, Session other) {
        int next = possible.nextSetBit(other.getStart());
        if (next < 0 || next >= other.getEnd()) {
            return false;
        }
        if (session.getRoomRange().contains(other.getRoom())) {
            return true;
        }
        for (Audience audience : session.getActivity().getAudiences()) {
            if (other.getActivity().getAudiences().contains(audience)) {
                return true;
            }
        }
        for (Worker worker : session.getActivity().getWorkers()) {
            if (other.getActivity().getWorkers().contains(worker)) {
                return true;
            }
        }
        return false;
    }
}
