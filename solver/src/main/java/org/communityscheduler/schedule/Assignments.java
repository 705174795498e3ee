package org.communityscheduler.schedule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.communityscheduler.model.Room;
import org.communityscheduler.model.Session;
import org.communityscheduler.model.WeekTime;
import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.Problem;
import org.communityscheduler.plan.SessionKey;
import org.communityscheduler.text.Text;

/**
 * Puts the sessions of a schedule document (for example one a coordinator edited by hand, or a
 * generator's planted schedule) into the planning model, so it can be scored and analysed.
 */
public final class Assignments {

    private Assignments() {
    }

    /**
     * Places each listed session where the list says, as {@link #apply(WeeklySchedule, List, List, String)} does
     * for a document that leaves no session out on purpose.
     *
     * @param path the JSON path of the list, for problems ({@code "schedule.sessions"})
     */
    public static List<Problem> apply(WeeklySchedule week, List<Schedule.PlacedSession> placed, String path) {
        return place(week, placed, path, new HashSet<>(), new ArrayList<>());
    }

    /**
     * Puts the week as a schedule document has it: each placed session where it is listed — anywhere a room and
     * a day hold it, also where the solver would never put it, so that the constraints say what it breaks — pinned
     * there when the document says {@code pinned}, not pinned otherwise (a coordinator's pin or unpin wins over
     * the plan's); each {@code unassigned} session left out, even one the plan pins (taken out by hand when it says
     * {@code takenOut}, so that its reason says so). Sessions the document names
     * nowhere keep what the plan says: pinned ones stay at their pin, the rest stay unplaced.
     *
     * @param path the JSON path of the document, for problems ({@code "schedule"}; empty for the whole document)
     * @return every session that names an unknown activity, session number or room, is listed twice, or would end
     *     after midnight
     */
    public static List<Problem> apply(WeeklySchedule week, List<Schedule.PlacedSession> placed,
            List<Schedule.UnassignedSession> unassigned, String path) {
        Set<String> seen = new HashSet<>();
        List<Problem> problems = new ArrayList<>();
        place(week, placed, pathOf(path, "sessions"), seen, problems);
        Map<String, Session> sessions = new HashMap<>();
        week.getSessions().forEach(session -> sessions.put(session.getId(), session));
        for (int i = 0; i < unassigned.size(); i++) {
            Schedule.UnassignedSession entry = unassigned.get(i);
            String at = pathOf(path, "unassigned") + "[" + i + "]";
            Session session = sessions.get(SessionKey.of(entry.activity(), entry.session()).toString());
            if (session == null) {
                problems.add(new Problem(at, Text.of("edit.unknownSession", entry.session(), entry.activity())));
            } else if (!seen.add(session.getId())) {
                problems.add(new Problem(at, Text.of("edit.placedAndLeftOut", entry.session(), entry.activity())));
            } else {
                session.leaveOut(entry.takenOut());
            }
        }
        return problems;
    }

    private static List<Problem> place(WeeklySchedule week, List<Schedule.PlacedSession> placed, String path,
            Set<String> seen, List<Problem> problems) {
        Map<String, Session> sessions = new HashMap<>();
        week.getSessions().forEach(session -> sessions.put(session.getId(), session));
        Map<String, Room> rooms = new HashMap<>();
        week.getRooms().forEach(room -> rooms.put(room.getId(), room));
        for (int i = 0; i < placed.size(); i++) {
            Schedule.PlacedSession entry = placed.get(i);
            String at = path + "[" + i + "]";
            Session session = sessions.get(SessionKey.of(entry.activity(), entry.session()).toString());
            Room room = rooms.get(entry.room());
            if (session == null) {
                problems.add(new Problem(at, Text.of("schedule.unknownSession", entry.session(), entry.activity())));
            } else if (!seen.add(session.getId())) {
                problems.add(new Problem(at, Text.of("plan.sessionListedTwice", entry.session(), entry.activity())));
            }
            if (room == null) {
                problems.add(new Problem(at + ".room", Text.of("plan.unknownRoom", entry.room())));
            }
            int duration = session == null ? 0 : session.getActivity().getDurationMinutes();
            if (entry.start().minutes() + duration > Day.MINUTES_PER_DAY) {
                // A session lies within one day: no time of the week can hold this one.
                problems.add(new Problem(at + ".start", Text.of("plan.endsAfterMidnight", duration,
                        entry.start().toString())));
                continue;
            }
            if (session != null && room != null) {
                int start = WeekTime.of(entry.day(), entry.start());
                if (entry.pinned()) {
                    session.pin(room, start);
                } else {
                    session.unpin();
                    session.place(room, start);
                }
            }
        }
        return problems;
    }

    private static String pathOf(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
