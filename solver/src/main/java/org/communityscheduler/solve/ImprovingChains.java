package org.communityscheduler.solve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;

import org.communityscheduler.model.Room;
import org.communityscheduler.model.Session;
import org.communityscheduler.model.WeeklySchedule;

/**
 * Moves a session to a cheaper placement that others stand in, and those others on, a chain at a time: the
 * step local search cannot take when every way there passes through a clash. A session 90 minutes outside
 * its preferred morning because its worker's whole Saturday is booked is one: moving it there breaks a
 * worker clash, moving the sessions in its way first breaks others, and annealing on the soft wishes
 * accepts neither.
 *
 * <p>Each placed session is taken out in turn to see what it costs (what the week gains without it); the
 * dearest first, each goes to the placements where it would cost less, at most {@value #MAX_BLOCKERS}
 * sessions in its way (none pinned). Those in the way move on to their own cheapest placements, again with at
 * most {@value #MAX_BLOCKERS} sessions in the way, which move on in turn; placements that cost more than the
 * chain's first move gained are left out.
 * A chain is kept only if the week as a whole scores better at its end (no clash left, no session left
 * out); otherwise everything goes back. Short chains ({@value #SHORT} sessions moved on) are tried first;
 * once they improve nothing, long ones ({@value #LONG}), each session's search limited to
 * {@value #LONG_EFFORT} scorings. The phase ends when neither improves the week, or when its time is up.
 */
public final class ImprovingChains implements PhaseCommand<WeeklySchedule> {

    /** Sessions in the way of a placement, at most. */
    private static final int MAX_BLOCKERS = 2;
    /** Placements tried for each session of a chain, cheapest first. */
    private static final int TRIES = 4;
    /** Sessions moved on behind the first, in a short and in a long chain. */
    private static final int SHORT = 2;
    private static final int LONG = 8;
    /** Scorings a session's long chains may take, at most. */
    private static final int LONG_EFFORT = 40_000;
    /** Scorings between two looks at the phase's time. */
    private static final int CHECK_TIME_EVERY = 256;

    private final long seed;

    public ImprovingChains(long seed) {
        this.seed = seed;
    }

    long seed() {
        return seed;
    }

    ImprovingChains withSeed(long otherSeed) {
        return new ImprovingChains(otherSeed);
    }

    @Override
    public void changeWorkingSolution(ScoreDirector<WeeklySchedule> scoreDirector, BooleanSupplier isPhaseTerminated) {
        new Search(scoreDirector, new SplittableRandom(seed), isPhaseTerminated).run();
    }

    /** A placement of a session, the soft score of the week with the session there, and a random draw for ties. */
    private record Option(Room room, int start, long soft, List<Session> blockers, long draw) {
    }

    /** Cheapest first, equally cheap ones in random order. */
    private static final Comparator<Option> CHEAPEST_FIRST = Comparator.comparingLong((Option option) -> -option.soft())
            .thenComparingLong(Option::draw);

    private static final class Search {

        private final ScoreDirector<WeeklySchedule> director;
        private final SplittableRandom random;
        private final BooleanSupplier isPhaseTerminated;
        private final Bookings bookings;
        private final List<Session> movable;
        /** Moves of the chain being tried, to take back. */
        private final List<Placing.Change> journal = new ArrayList<>();
        private final Set<Session> inChain = new HashSet<>();
        private final List<Session> scratch = new ArrayList<>();
        private HardMediumSoftLongScore current;
        /** Sessions a chain may move on behind the first, and scorings left for this session's chains. */
        private int maxMovedOn;
        private long effortLeft;
        private long scorings;

        Search(ScoreDirector<WeeklySchedule> director, SplittableRandom random, BooleanSupplier isPhaseTerminated) {
            this.director = director;
            this.random = random;
            this.isPhaseTerminated = isPhaseTerminated;
            this.bookings = new Bookings(director.getWorkingSolution());
            this.movable = director.getWorkingSolution().getSessions().stream()
                    .filter(session -> !session.isLocked() && session.isAssigned())
                    .toList();
        }

        void run() {
            current = Placing.score(director);
            boolean longChains = false;
            while (!isPhaseTerminated.getAsBoolean()) {
                maxMovedOn = longChains ? LONG : SHORT;
                boolean improved = false;
                for (Session session : dearestFirst()) {
                    if (isPhaseTerminated.getAsBoolean()) {
                        return;
                    }
                    effortLeft = longChains ? LONG_EFFORT : Long.MAX_VALUE;
                    if (session.isAssigned() && improve(session)) {
                        current = Placing.score(director);
                        improved = true;
                    }
                }
                if (!improved && longChains) {
                    return;
                }
                longChains = !improved;
            }
        }

        /**
         * Every placed session, those whose leaving would lower the soft penalty most first (a session whose
         * penalty stays when it leaves, such as one moved from its published placement, comes last, not never).
         */
        private List<Session> dearestFirst() {
            long[] gain = new long[movable.size()];
            for (int i = 0; i < movable.size(); i++) {
                Session session = movable.get(i);
                if (!session.isAssigned()) {
                    continue;
                }
                Room room = session.getRoom();
                int start = session.getStart();
                Placing.move(director, session, null, null);
                gain[i] = Placing.score(director).softScore() - current.softScore();
                Placing.move(director, session, room, start);
            }
            long[] tieBreak = random.longs(movable.size()).toArray();
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < movable.size(); i++) {
                if (movable.get(i).isAssigned()) {
                    order.add(i);
                }
            }
            order.sort(Comparator.comparingLong((Integer i) -> -gain[i]).thenComparingLong(i -> tieBreak[i]));
            return order.stream().map(movable::get).toList();
        }

        /** Moves the session to a cheaper placement and what is in its way on; false (and nothing changed) if none helps. */
        private boolean improve(Session session) {
            Room fromRoom = session.getRoom();
            int fromStart = session.getStart();
            bookings.remove(session);
            List<Option> cheaper = new ArrayList<>();
            for (Room room : session.getRoomRange()) {
                for (int start : session.getStartRange()) {
                    if (effortLeft <= 0) {
                        break;
                    }
                    if (room == fromRoom && start == fromStart
                            || !bookings.blockers(session, room, start, scratch, MAX_BLOCKERS) || stuck(List.of())) {
                        continue;
                    }
                    Placing.move(director, session, room, start);
                    HardMediumSoftLongScore score = score();
                    if (scratch.isEmpty() && score.compareTo(current) > 0) {
                        bookings.add(session);
                        return true;
                    }
                    if (!scratch.isEmpty() && score.softScore() > current.softScore()) {
                        cheaper.add(new Option(room, start, score.softScore(), List.copyOf(scratch), random.nextLong()));
                    }
                }
            }
            Placing.move(director, session, fromRoom, fromStart);
            bookings.add(session);
            cheaper.sort(CHEAPEST_FIRST);
            for (int i = 0; i < Math.min(TRIES, cheaper.size()); i++) {
                Option option = cheaper.get(i);
                int mark = journal.size();
                set(session, option.room(), option.start());
                inChain.add(session);
                boolean kept = moveOn(new ArrayList<>(option.blockers()), 0);
                inChain.clear();
                if (kept) {
                    journal.clear();
                    return true;
                }
                undoTo(mark);
            }
            return false;
        }

        /**
         * Moves the first of {@code inTheWay} on to one of its cheapest placements (the sessions in its way there join
         * the list, while the chain may grow), then the rest; true once nothing is in the way and the week scores
         * better than before the chain, false with every move of this call taken back.
         */
        private boolean moveOn(List<Session> inTheWay, int movedOn) {
            if (inTheWay.isEmpty()) {
                return score().compareTo(current) > 0;
            }
            Session session = inTheWay.get(0);
            List<Session> rest = inTheWay.subList(1, inTheWay.size());
            Room fromRoom = session.getRoom();
            int fromStart = session.getStart();
            int roomForMore = Math.min(MAX_BLOCKERS, maxMovedOn - movedOn - 1 - rest.size());
            int mark = journal.size();
            set(session, null, null);
            List<Option> options = new ArrayList<>();
            for (Room room : session.getRoomRange()) {
                for (int start : session.getStartRange()) {
                    if (effortLeft <= 0) {
                        undoTo(mark);
                        return false;
                    }
                    if (room == fromRoom && start == fromStart
                            || !bookings.blockers(session, room, start, scratch, Math.max(0, roomForMore))
                            || stuck(rest)) {
                        continue;
                    }
                    Placing.move(director, session, room, start);
                    long soft = score().softScore();
                    // A chain that has spent what its first move gained will not gain it back: leave such placements out.
                    if (soft > current.softScore()) {
                        options.add(new Option(room, start, soft, List.copyOf(scratch), random.nextLong()));
                    }
                }
            }
            Placing.move(director, session, null, null);
            options.sort(CHEAPEST_FIRST);
            inChain.add(session);
            for (int i = 0; i < Math.min(TRIES, options.size()); i++) {
                Option option = options.get(i);
                int optionMark = journal.size();
                set(session, option.room(), option.start());
                List<Session> next = new ArrayList<>(rest);
                next.addAll(option.blockers());
                if (moveOn(next, movedOn + 1)) {
                    return true;
                }
                undoTo(optionMark);
            }
            inChain.remove(session);
            undoTo(mark);
            return false;
        }

        /** Whether a session in {@link #scratch} may not move: pinned, moved in this chain already, or about to. */
        private boolean stuck(List<Session> pending) {
            for (int i = 0; i < scratch.size(); i++) {
                Session blocker = scratch.get(i);
                if (blocker.isLocked() || inChain.contains(blocker) || pending.contains(blocker)) {
                    return true;
                }
            }
            return false;
        }

        /** Scores the week, counting the effort; once the phase's time is up, no effort is left. */
        private HardMediumSoftLongScore score() {
            effortLeft--;
            if (++scorings % CHECK_TIME_EVERY == 0 && isPhaseTerminated.getAsBoolean()) {
                effortLeft = 0;
            }
            return Placing.score(director);
        }

        /** Moves a session, keeping the bookings and the journal up to date. */
        private void set(Session session, Room room, Integer start) {
            journal.add(new Placing.Change(session, session.getRoom(), session.getStart()));
            Placing.move(director, bookings, session, room, start);
        }

        private void undoTo(int mark) {
            for (int i = journal.size() - 1; i >= mark; i--) {
                Placing.Change change = journal.remove(i);
                Placing.move(director, bookings, change.session(), change.room(), change.start());
            }
        }
    }
}
