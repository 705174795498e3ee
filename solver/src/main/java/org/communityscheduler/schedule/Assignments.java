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
     * Places each listed session; sessions not listed stay unplaced, pinned ones stay pinned.
     *
     * @param path the JSON path of the list, for problems ({@code "schedule.sessions"})
     * @return every session that names an unknown activity, session number or room, or is listed twice
     */
    public static List<Problem> apply(WeeklySchedule week, List<Schedule.PlacedSession> placed, String path) {
        Map<String, Session> sessions = new HashMap<>();
        week.getSessions().forEach(session -> sessions.put(session.getId(), session));
        Map<String, Room> rooms = new HashMap<>();
        week.getRooms().forEach(room -> rooms.put(room.getId(), room));
        List<Problem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
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
            if (session != null && room != null && !session.isPinned()) {
                session.place(room, WeekTime.of(entry.day(), entry.start()));
            }
        }
        return problems;
    }
}
