package org.communityscheduler.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;

import org.communityscheduler.model.Room;
import org.communityscheduler.model.Session;
import org.communityscheduler.model.WeekTime;
import org.communityscheduler.model.WeeklySchedule;

/**
 * The baseline a coordinator has without this engine: a spreadsheet of rooms and times, filled in
 * plan order. Each session goes to the earliest start, and there to the first room (in the plan's
 * order) among those that seat its group, have its features and stand at a site it may use, where
 * the doors are open, the room, its workers and its audiences are all free, and the plan's order between
 * activities holds with what is already written in. A session with no such cell stays out. It never breaks
 * a hard rule and never looks back.
 */
public final class FirstComeFirstServed {

    private final BusyMinutes busy;

    /** One session's place: what the baseline decided. */
    public record Placement(Session session, int start, Room room) {
    }

    private FirstComeFirstServed(WeeklySchedule week) {
        busy = new BusyMinutes(week);
        for (Session session : week.getSessions()) {
            if (session.isAssigned()) {
                busy.occupy(session, session.getRoom(), session.getStart());
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
                sheet.busy.occupy(session, placement.room(), placement.start());
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
            if (!busy.peopleFree(session.getActivity(), start, end) || !busy.inOrder(session.getActivity(), start, end)) {
                continue;
            }
            for (Room room : candidates) {
                if (room.getDoorsOpen().covers(start, end) && busy.roomFree(room, start, end)) {
                    return new Placement(session, start, room);
                }
            }
        }
        return null;
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
