package org.communityscheduler.solve;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;

import org.communityscheduler.model.Room;
import org.communityscheduler.model.Session;
import org.communityscheduler.model.SessionDifficulty;
import org.communityscheduler.model.WeeklySchedule;

/**
 * Places every session it can, hardest first, and makes room for the rest. First each unplaced session
 * takes its first free placement in range order (cheapest starts first, smallest rooms first), as a
 * construction heuristic would but without scoring each try. What finds no free placement takes the
 * placement where the fewest, least important sessions stand in its way (clashing in its room, through
 * a worker or its audience); those are taken out and placed the same way in turn, each chain going on
 * until a session finds a free placement. Recently placed sessions are not taken out again for a few
 * steps, and often displaced ones are displaced last, so chains do not undo themselves. When no step
 * improves the placed count for a while, the chains stop at the best count they reached; with sessions
 * still out they start again from the phase's beginning with another random stream (at most twice), and
 * the phase ends at the best of these attempts.
 *
 * <p>Only the clash rules and locked doors are checked here (through {@link Bookings}): the
 * sessions' ranges keep the other hard rules, and local search repairs what the soft rules lose.
 */
public final class EjectionChains implements PhaseCommand<WeeklySchedule> {

    /** Placements looked at for one session, in range order from a start on. */
    private static final int MAX_CANDIDATES = 4_000;
    /** More sessions in the way than this and the placement is not worth it... */
    private static final int MAX_BLOCKERS = 3;
    /**
     * ...unless every placement has more: then up to this many. A lesson that students chose one by one clashes
     * with several of their other lessons wherever it goes (a post-enrolment week).
     */
    private static final int MAX_BLOCKERS_WHEN_STUCK = 12;
    /** Steps a placed session stays put before it may be taken out again. */
    private static final int TABU_STEPS = 10;

    /** A large week gets more steps without progress before the chains give up: this many per session. */
    private static final int STALL_STEPS_PER_SESSION = 5;
    private static final long UNMOVABLE = Long.MAX_VALUE;

    private final long seed;
    private final int stallLimit;

    /** {@code stallLimit}: steps without a better placed count before the phase gives up (more on large weeks). */
    public EjectionChains(long seed, int stallLimit) {
        this.seed = seed;
        this.stallLimit = stallLimit;
    }

    long seed() {
        return seed;
    }

    EjectionChains withSeed(long otherSeed) {
        return new EjectionChains(otherSeed, stallLimit);
    }

    /**
     * Chains that stall with sessions out start again from where the phase began, with another random stream,
     * at most this many times in all; the phase keeps the best of them. Where a week's first choices were
     * unlucky, chains cannot undo them (measured on a city-wide week: one random seed left a session of a
     * 794-session group out for good, three others placed every session at once).
     */
    private static final int ATTEMPTS = 3;
    private static final long STREAM_STEP = 0x9E3779B97F4A7C15L;

    @Override
    public void changeWorkingSolution(ScoreDirector<WeeklySchedule> scoreDirector, BooleanSupplier isPhaseTerminated) {
        List<Session> open = scoreDirector.getWorkingSolution().getSessions().stream()
                .filter(session -> !session.isLocked() && session.isPlaceable())
                .sorted(new SessionDifficulty().reversed())
                .toList();
        Placements start = new Placements(open);
        Placements best = null;
        long bestUnplaced = Long.MAX_VALUE;
        for (int attempt = 0; attempt < ATTEMPTS && !isPhaseTerminated.getAsBoolean(); attempt++) {
            if (attempt > 0) {
                start.restore(scoreDirector);
            }
            long unplaced = new Chains(scoreDirector, open, new SplittableRandom(seed + attempt * STREAM_STEP))
                    .run(isPhaseTerminated);
            if (unplaced == 0) {
                return;
            }
            if (unplaced < bestUnplaced) {
                bestUnplaced = unplaced;
                best = new Placements(open);
            }
        }
        if (best != null) {
            best.restore(scoreDirector);
        }
    }

    /** Where each of some sessions is (room and start, or nowhere), to go back to. */
    private static final class Placements {

        private final List<Session> sessions;
        private final Room[] rooms;
        private final Integer[] starts;

        Placements(List<Session> sessions) {
            this.sessions = sessions;
            this.rooms = new Room[sessions.size()];
            this.starts = new Integer[sessions.size()];
            for (int i = 0; i < sessions.size(); i++) {
                rooms[i] = sessions.get(i).getRoom();
                starts[i] = sessions.get(i).getStart();
            }
        }

        void restore(ScoreDirector<WeeklySchedule> director) {
            for (int i = 0; i < sessions.size(); i++) {
                Session session = sessions.get(i);
                if (session.getRoom() != rooms[i] || !Objects.equals(session.getStart(), starts[i])) {
                    Placing.move(director, session, rooms[i], starts[i]);
                }
            }
            director.triggerVariableListeners();
        }
    }

    private final class Chains {

        private final ScoreDirector<WeeklySchedule> director;
        private final SplittableRandom random;
        private final Bookings bookings;
        private final List<Session> open;
        private final Deque<Session> queue = new ArrayDeque<>();
        private final Map<Session, Integer> placedAtStep = new HashMap<>();
        /** How often each session was displaced: the ones displaced again and again are left alone first. */
        private final Map<Session, Integer> displaced = new HashMap<>();
        private final Set<Session> visited = new HashSet<>();
        /** What changed since the best placed count, to go back to it at the end. */
        private final List<Placing.Change> journal = new ArrayList<>();
        private final List<Session> scratch = new ArrayList<>();
        /** The placement {@link #choose} found, and the sessions in its way. */
        private final List<Session> chosen = new ArrayList<>();
        private Room chosenRoom;
        private int chosenStart;
        private long unplacedPriority;
        private long bestUnplacedPriority;
        private int step;

        Chains(ScoreDirector<WeeklySchedule> director, List<Session> open, SplittableRandom random) {
            this.director = director;
            this.random = random;
            this.bookings = new Bookings(director.getWorkingSolution());
            this.open = open;
            for (Session session : open) {
                if (!session.isAssigned()) {
                    unplacedPriority += session.getActivity().getPriority();
                }
            }
            this.bestUnplacedPriority = unplacedPriority;
        }

        /** Returns the priority still unplaced at the end (at the best placed count reached). */
        long run(BooleanSupplier isPhaseTerminated) {
            // First every session in turn, hardest first, as a construction heuristic would; then what is still out.
            open.stream().filter(session -> !session.isAssigned()).forEach(queue::add);
            int stalled = 0;
            int patience = Math.max(stallLimit, STALL_STEPS_PER_SESSION * open.size());
            while (unplacedPriority > 0 && stalled < patience && !isPhaseTerminated.getAsBoolean()) {
                if (queue.isEmpty()) {
                    List<Session> unplaced = new ArrayList<>(open.stream().filter(s -> !s.isAssigned()).toList());
                    Collections.shuffle(unplaced, new Random(random.nextLong()));
                    queue.addAll(unplaced);
                }
                Session session = queue.pollFirst();
                if (!session.isAssigned() && placeMakingRoom(session) && unplacedPriority < bestUnplacedPriority) {
                    bestUnplacedPriority = unplacedPriority;
                    journal.clear();
                    stalled = 0;
                } else {
                    stalled++;
                }
                step++;
            }
            for (int i = journal.size() - 1; i >= 0; i--) {
                undoChange(journal.get(i));
            }
            director.triggerVariableListeners();
            return bestUnplacedPriority;
        }

        /** Puts the session where the least stands in its way, and queues what it displaced first. */
        private boolean placeMakingRoom(Session session) {
            // Starts come cheapest first: a session's first placement looks from the cheapest, a displaced one
            // from anywhere, so that chains do not all crowd the same times.
            int firstStart = visited.add(session) ? 0 : random.nextInt(session.getStartRange().size());
            if (!choose(session, firstStart, MAX_BLOCKERS) && !choose(session, firstStart, MAX_BLOCKERS_WHEN_STUCK)) {
                return false;
            }
            for (Session blocker : chosen) {
                displaced.merge(blocker, 1, Integer::sum);
                bookings.remove(blocker);
                set(blocker, null, null);
                unplacedPriority += blocker.getActivity().getPriority();
                queue.addFirst(blocker);
            }
            set(session, chosenRoom, chosenStart);
            bookings.add(session);
            unplacedPriority -= session.getActivity().getPriority();
            placedAtStep.put(session, step);
            return true;
        }

        /**
         * Finds the placement where the least stands in the session's way, at most {@code maxBlockers} sessions:
         * into {@link #chosenRoom}, {@link #chosenStart} and {@link #chosen}; false when there is none.
         */
        private boolean choose(Session session, int firstStart, int maxBlockers) {
            List<Integer> starts = session.getStartRange();
            List<Room> rooms = session.getRoomRange();
            long candidates = (long) starts.size() * rooms.size();
            chosenRoom = null;
            long bestCost = UNMOVABLE;
            int ties = 0;
            for (int i = 0; i < Math.min(candidates, MAX_CANDIDATES); i++) {
                int start = starts.get((firstStart + i / rooms.size()) % starts.size());
                Room room = rooms.get(i % rooms.size());
                if (!bookings.blockers(session, room, start, scratch, maxBlockers)) {
                    continue;
                }
                long cost = cost(scratch);
                if (cost == UNMOVABLE) {
                    continue;
                }
                if (cost == 0) {
                    chosenRoom = room;
                    chosenStart = start;
                    chosen.clear();
                    return true;
                }
                if (cost < bestCost) {
                    bestCost = cost;
                    ties = 1;
                } else if (cost > bestCost || random.nextInt(++ties) != 0) {
                    continue;
                }
                chosenRoom = room;
                chosenStart = start;
                chosen.clear();
                chosen.addAll(scratch);
            }
            return chosenRoom != null;
        }

        /**
         * What taking these sessions out costs: their priority, then their count, then how often they were
         * displaced already; never pinned or just placed ones.
         */
        private long cost(List<Session> blockers) {
            long cost = 0;
            for (int i = 0; i < blockers.size(); i++) {
                Session blocker = blockers.get(i);
                Integer placed = placedAtStep.get(blocker);
                if (blocker.isLocked() || placed != null && step - placed < TABU_STEPS) {
                    return UNMOVABLE;
                }
                cost += blocker.getActivity().getPriority() * 16L + 1 + displaced.getOrDefault(blocker, 0);
            }
            return cost;
        }

        private void set(Session session, Room room, Integer start) {
            journal.add(new Placing.Change(session, session.getRoom(), session.getStart()));
            Placing.move(director, session, room, start);
        }

        private void undoChange(Placing.Change change) {
            Placing.move(director, bookings, change.session(), change.room(), change.start());
        }
    }
}
