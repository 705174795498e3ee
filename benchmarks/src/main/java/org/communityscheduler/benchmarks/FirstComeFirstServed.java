package org.communityscheduler.benchmarks;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;

import org.communityscheduler.model.Room;
import org.communityscheduler.model.Session;
import org.communityscheduler.model.WeekTime;
import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.model.Worker;

/**
 * The baseline a coordinator has without this engine: a spreadsheet of rooms and times, filled in
 * plan order. Each session goes to the earliest start, and there to the first room (in the plan's
 * order) among those that seat its group, have its features and stand at a site it may use, where
 * the doors are open and the room, its workers and its audience are all free. A session with no
 * such cell stays out. It never breaks a hard rule and never looks back.
 */
public final class FirstComeFirstServed {

    private final Map<Room, BitSet> rooms = new HashMap<>();
    private final Map<Worker, BitSet> workers = new HashMap<>();
    private final Map<String, BitSet> audiences = new HashMap<>();

    /** One session's place: what the baseline decided. */
    public record Placement(Session session, int start, Room room) {
    }

    private FirstComeFirstServed(WeeklySchedule week) {
        for (Session session : week.getSessions()) {
            if (session.isAssigned()) {
                occupy(session, session.getStart(), session.getRoom());
            }
        }
    }

    /** The placements of the week's unplaced, movable sessions; the week itself is left as it is. */
    public static List<Placement> placements(WeeklySchedule week) {
        FirstComeFirstServed sheet = new FirstComeFirstServed(week);
        List<Placement> placements = new ArrayList<>();
        for (Session session : week.getSessions()) {
            if (session.isAssigned() || session.isLocked()) {
                continue;
            }
            Placement placement = sheet.firstFreeCell(session);
            if (placement != null) {
                sheet.occupy(session, placement.start(), placement.room());
                placements.add(placement);
            }
        }
        return placements;
    }

    /** Fills the week in place: for tests and for anyone scoring the baseline outside a solver. */
    public static WeeklySchedule fill(WeeklySchedule week) {
        for (Placement placement : placements(week)) {
            placement.session().setStart(WeekTime.boxed(placement.start()));
            placement.session().setRoom(placement.room());
        }
        return week;
    }

    private Placement firstFreeCell(Session session) {
        List<Integer> starts = new ArrayList<>(session.getStartRange());
        starts.sort(null);
        List<Room> candidates = new ArrayList<>(session.getRoomRange());
        candidates.sort((a, b) -> Integer.compare(a.getIndex(), b.getIndex()));
        int duration = session.getActivity().getDurationMinutes();
        for (int start : starts) {
            int end = start + duration;
            if (!peopleFree(session, start, end)) {
                continue;
            }
            for (Room room : candidates) {
                if (room.getDoorsOpen().covers(start, end) && free(rooms.get(room), start, end)) {
                    return new Placement(session, start, room);
                }
            }
        }
        return null;
    }

    private boolean peopleFree(Session session, int start, int end) {
        for (Worker worker : session.getActivity().getWorkers()) {
            if (!free(workers.get(worker), start, end)) {
                return false;
            }
        }
        String audience = session.getActivity().getAudience();
        return audience == null || free(audiences.get(audience), start, end);
    }

    private void occupy(Session session, int start, Room room) {
        int end = start + session.getActivity().getDurationMinutes();
        rooms.computeIfAbsent(room, r -> new BitSet()).set(start, end);
        for (Worker worker : session.getActivity().getWorkers()) {
            workers.computeIfAbsent(worker, w -> new BitSet()).set(start, end);
        }
        String audience = session.getActivity().getAudience();
        if (audience != null) {
            audiences.computeIfAbsent(audience, a -> new BitSet()).set(start, end);
        }
    }

    /** Whether nothing is booked in {@code [start, end)}. */
    static boolean free(BitSet busy, int start, int end) {
        if (busy == null) {
            return true;
        }
        int next = busy.nextSetBit(start);
        return next < 0 || next >= end;
    }

    /** The baseline as a solver phase, so the Benchmarker can run and report it beside the real configurations. */
    public static final class Phase implements PhaseCommand<WeeklySchedule> {

        @Override
        public void changeWorkingSolution(ScoreDirector<WeeklySchedule> scoreDirector, BooleanSupplier isPhaseTerminated) {
            for (Placement placement : placements(scoreDirector.getWorkingSolution())) {
                Session session = placement.session();
                scoreDirector.beforeVariableChanged(session, "start");
                session.setStart(WeekTime.boxed(placement.start()));
                scoreDirector.afterVariableChanged(session, "start");
                scoreDirector.beforeVariableChanged(session, "room");
                session.setRoom(placement.room());
                scoreDirector.afterVariableChanged(session, "room");
            }
            scoreDirector.triggerVariableListeners();
        }
    }
}
