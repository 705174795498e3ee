package org.communityscheduler.solve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;

import org.communityscheduler.model.Room;
import org.communityscheduler.model.Session;
import org.communityscheduler.model.WeeklySchedule;

/**
 * One run of simulated annealing on the soft wishes, among placements that break no hard rule, from the week as
 * it stands to the best week the run saw.
 *
 * <p>A move takes a placed session to another start, another room or both, or trades the placements of two
 * sessions of the same length; {@link Bookings} turns away, unscored, every move that would clash or stand
 * behind a locked door (the sessions' ranges keep the other hard rules), which on a full week is most of the
 * random ones. The temperature follows the week's own scale instead of a constant: a run starts where a typical
 * worsening move of this week (the median of {@value #SAMPLES} sampled ones) is accepted one time in ten, and
 * cools geometrically to a hundredth of that over {@value #MOVES_PER_SESSION} moves per movable session (at
 * least {@value #MIN_MOVES}), twice that in the solve's next run, and so on up to {@value #MAX_DOUBLINGS}
 * doublings, or until the phase's time is up. Timefold's own annealing lowers one temperature given in soft
 * points over the whole time limit: 300soft, right for a community week whose rules count minutes, walked an
 * ITC2007 week (weights 1 to 5) at random for nine tenths of the time (benchmarks/README.md, "Annealing on the
 * week's own scale").
 */
public final class SoftAnnealing implements PhaseCommand<WeeklySchedule> {

    /** Worsening moves sampled to set the starting temperature. */
    static final int SAMPLES = 200;
    /** Scored moves of one run, per movable session, and at least. */
    static final int MOVES_PER_SESSION = 200;
    static final int MIN_MOVES = 20_000;
    /** Each run of a solve is twice as long as the one before, this many times: short runs show progress early, long ones go deep. */
    static final int MAX_DOUBLINGS = 3;
    /** The median sampled worsening is accepted with this chance at the start... */
    private static final double START_ACCEPTANCE = 0.1;
    /** ...and the run ends this much cooler. */
    private static final double COOLING = 0.01;
    /** Of the moves, this share trades two sessions' placements; the rest move one session. */
    private static final double SWAP_SHARE = 0.3;
    /** Draws per scored move, at most, before the run gives up on finding a free placement. */
    private static final int MAX_DRAWS = 50;
    /** Moves between two looks at the phase's time. */
    private static final int CHECK_TIME_EVERY = 256;

    private final long seed;
    private final int round;

    /** The {@code round}-th run of a solve (its length doubles with each of the first {@value #MAX_DOUBLINGS}). */
    public SoftAnnealing(long seed, int round) {
        this.seed = seed;
        this.round = round;
    }

    long seed() {
        return seed;
    }

    SoftAnnealing withSeed(long otherSeed) {
        return new SoftAnnealing(otherSeed, round);
    }

    @Override
    public void changeWorkingSolution(ScoreDirector<WeeklySchedule> scoreDirector, BooleanSupplier isPhaseTerminated) {
        new Run(scoreDirector, new SplittableRandom(seed), isPhaseTerminated, round).run();
    }

    private static final class Run {

        private final ScoreDirector<WeeklySchedule> director;
        private final SplittableRandom random;
        private final BooleanSupplier isPhaseTerminated;
        private final Bookings bookings;
        private final Session[] movable;
        private final Room[] bestRooms;
        private final int[] bestStarts;
        private final List<Session> scratch = new ArrayList<>();
        private HardMediumSoftLongScore current;
        private HardMediumSoftLongScore best;
        /** Whether the week stands at {@link #best} and the copy of it is out of date. */
        private boolean bestUnsaved;
        /** The move being tried: a session to a room and start, and for a trade, a second one to the first's place. */
        private Session first;
        private Session second;
        private Room firstFrom;
        private int firstFromStart;
        private Room firstTo;
        private int firstToStart;

        private final int round;

        Run(ScoreDirector<WeeklySchedule> director, SplittableRandom random, BooleanSupplier isPhaseTerminated, int round) {
            this.round = round;
            this.director = director;
            this.random = random;
            this.isPhaseTerminated = isPhaseTerminated;
            this.bookings = new Bookings(director.getWorkingSolution());
            this.movable = director.getWorkingSolution().getSessions().stream()
                    .filter(session -> !session.isLocked() && session.isAssigned()
                            && (session.getStartRange().size() > 1 || session.getRoomRange().size() > 1))
                    .toArray(Session[]::new);
            this.bestRooms = new Room[movable.length];
            this.bestStarts = new int[movable.length];
        }

        void run() {
            if (movable.length == 0) {
                return;
            }
            current = Placing.score(director);
            if (current.isZero()) {
                return;
            }
            best = current;
            save();
            double temperature = startingTemperature();
            long moves = Math.max(MIN_MOVES, (long) MOVES_PER_SESSION * movable.length) << Math.min(round, MAX_DOUBLINGS);
            double cooling = Math.pow(COOLING, 1.0 / moves);
            for (long move = 0; move < moves; move++) {
                if (move % CHECK_TIME_EVERY == 0 && isPhaseTerminated.getAsBoolean()) {
                    break;
                }
                temperature *= cooling;
                if (!draw()) {
                    continue;
                }
                HardMediumSoftLongScore score = Placing.score(director);
                long delta = score.softScore() - current.softScore();
                if (worseAbove(score) || delta < 0 && random.nextDouble() >= Math.exp(delta / temperature)) {
                    undo();
                    continue;
                }
                if (delta < 0 && bestUnsaved) {
                    undo();
                    save();
                    apply();
                }
                current = score;
                if (current.compareTo(best) > 0) {
                    best = current;
                    bestUnsaved = true;
                    if (current.isZero()) {
                        break;
                    }
                }
            }
            if (!bestUnsaved && current.compareTo(best) != 0) {
                restore();
            }
        }

        /**
         * The temperature at which the median of {@value #SAMPLES} worsening moves of this week is accepted with
         * {@link #START_ACCEPTANCE}; one soft point when none is found (every move the run finds then improves the week
         * or keeps its score, and it walks among those).
         */
        private double startingTemperature() {
            long[] worsening = new long[SAMPLES];
            int found = 0;
            for (int tries = 0; found < SAMPLES && tries < 20 * SAMPLES; tries++) {
                if (!draw()) {
                    continue;
                }
                HardMediumSoftLongScore score = Placing.score(director);
                long delta = current.softScore() - score.softScore();
                if (!worseAbove(score) && delta > 0) {
                    worsening[found++] = delta;
                }
                undo();
            }
            if (found == 0) {
                return 1;
            }
            Arrays.sort(worsening, 0, found);
            return worsening[found / 2] / -Math.log(START_ACCEPTANCE);
        }

        /** Whether a move broke a hard rule or left a session out after all (the bookings know most, not all). */
        private boolean worseAbove(HardMediumSoftLongScore score) {
            return score.hardScore() < current.hardScore() || score.mediumScore() < current.mediumScore();
        }

        /** Makes a random move that breaks no clash; false (and nothing changed) if none was found. */
        private boolean draw() {
            for (int tries = 0; tries < MAX_DRAWS; tries++) {
                if (random.nextDouble() < SWAP_SHARE ? swap() : change()) {
                    return true;
                }
            }
            return false;
        }

        private boolean change() {
            Session session = movable[random.nextInt(movable.length)];
            List<Integer> starts = session.getStartRange();
            List<Room> rooms = session.getRoomRange();
            int what = random.nextInt(3);
            int start = what == 1 ? session.getStart() : starts.get(random.nextInt(starts.size()));
            Room room = what == 0 ? session.getRoom() : rooms.get(random.nextInt(rooms.size()));
            if (start == session.getStart() && room == session.getRoom()
                    || !bookings.blockers(session, room, start, scratch, 0)) {
                return false;
            }
            first = session;
            second = null;
            firstTo = room;
            firstToStart = start;
            apply();
            return true;
        }

        private boolean swap() {
            Session one = movable[random.nextInt(movable.length)];
            Session other = movable[random.nextInt(movable.length)];
            if (one == other || one.getActivity().getDurationMinutes() != other.getActivity().getDurationMinutes()
                    || one.getStart().equals(other.getStart()) && one.getRoom() == other.getRoom()
                    || !one.getStartRange().contains(other.getStart()) || !one.getRoomRange().contains(other.getRoom())
                    || !other.getStartRange().contains(one.getStart()) || !other.getRoomRange().contains(one.getRoom())
                    || !onlyIn(one, other.getRoom(), other.getStart(), other)
                    || !onlyIn(other, one.getRoom(), one.getStart(), one)) {
                return false;
            }
            first = one;
            second = other;
            firstTo = other.getRoom();
            firstToStart = other.getStart();
            apply();
            return true;
        }

        /** Whether nothing but {@code partner} stands in the way of {@code session} there. */
        private boolean onlyIn(Session session, Room room, int start, Session partner) {
            return bookings.blockers(session, room, start, scratch, 1) && (scratch.isEmpty() || scratch.get(0) == partner);
        }

        /** Makes the move: the first session to its target, the second (if any) to where the first was. */
        private void apply() {
            firstFrom = first.getRoom();
            firstFromStart = first.getStart();
            if (second == null) {
                Placing.move(director, bookings, first, firstTo, firstToStart);
                return;
            }
            Placing.move(director, bookings, first, null, null);
            Placing.move(director, bookings, second, firstFrom, firstFromStart);
            Placing.move(director, bookings, first, firstTo, firstToStart);
        }

        /** Takes the move back: {@link #apply()} again undoes it, with source and target the other way round. */
        private void undo() {
            Room room = firstFrom;
            int start = firstFromStart;
            if (second == null) {
                Placing.move(director, bookings, first, room, start);
                return;
            }
            Placing.move(director, bookings, first, null, null);
            Placing.move(director, bookings, second, firstTo, firstToStart);
            Placing.move(director, bookings, first, room, start);
        }

        private void save() {
            for (int i = 0; i < movable.length; i++) {
                bestRooms[i] = movable[i].getRoom();
                bestStarts[i] = movable[i].getStart();
            }
            bestUnsaved = false;
        }

        /** Puts every session back where it was in the best week of the run. */
        private void restore() {
            List<Integer> moved = new ArrayList<>();
            for (int i = 0; i < movable.length; i++) {
                if (movable[i].getRoom() != bestRooms[i] || movable[i].getStart() != bestStarts[i]) {
                    Placing.move(director, bookings, movable[i], null, null);
                    moved.add(i);
                }
            }
            for (int i : moved) {
                Placing.move(director, bookings, movable[i], bestRooms[i], bestStarts[i]);
            }
            current = Placing.score(director);
        }
    }
}
