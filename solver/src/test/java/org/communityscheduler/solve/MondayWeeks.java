package org.communityscheduler.solve;

import java.util.List;

import org.communityscheduler.model.Session;
import org.communityscheduler.model.WeekTime;
import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.TimeOfDay;

/** Small Monday weeks of one room, for the tests of the search's phases: sessions looked up, placed and read by time. */
final class MondayWeeks {

    private MondayWeeks() {
    }

    static Session session(WeeklySchedule week, String id) {
        return week.getSessions().stream().filter(s -> s.getId().equals(id)).findFirst().orElseThrow();
    }

    /** Places a session in the week's first room at a time of Monday ("09:00"). */
    static void place(WeeklySchedule week, String session, String time) {
        session(week, session).setRoom(week.getRooms().get(0));
        session(week, session).setStart(at(time));
    }

    static Integer at(String time) {
        return WeekTime.of(Day.MON, TimeOfDay.parse(time));
    }

    static List<Integer> starts(WeeklySchedule week, String... sessions) {
        return List.of(sessions).stream().map(id -> session(week, id).getStart()).toList();
    }
}
