package org.communityscheduler.solve;

import static org.assertj.core.api.Assertions.assertThat;

import org.communityscheduler.model.ModelBuilder;
import org.communityscheduler.model.Room;
import org.communityscheduler.model.Session;
import org.communityscheduler.model.WeekTime;
import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.PlanBuilder;
import org.communityscheduler.plan.TimeOfDay;
import org.junit.jupiter.api.Test;

class RoomGatheringsTest {

    /** Monday and Tuesday mornings in three rooms; the studio seats 10. */
    private static PlanBuilder twoMornings() {
        return PlanBuilder.plan()
                .slotMinutes(60)
                .site("centre", site -> site.open(Day.MON, "09:00-12:00").open(Day.TUE, "09:00-12:00"))
                .room("a", room -> room.capacity(40))
                .room("b", room -> room.capacity(40))
                .room("studio", room -> room.capacity(10))
                .activity("maths", a -> a.duration(60).sessions(3).participants(30))
                .activity("chess", a -> a.duration(60).participants(8))
                .activity("choir", a -> a.duration(90).participants(30));
    }

    private static Session place(WeeklySchedule week, String id, String room, Day day, String time) {
        Session session = week.getSessions().stream().filter(s -> s.getId().equals(id)).findFirst().orElseThrow();
        session.setRoom(room(week, room));
        session.setStart(WeekTime.of(day, TimeOfDay.parse(time)));
        return session;
    }

    private static Room room(WeeklySchedule week, String id) {
        return week.getRooms().stream().filter(r -> r.getId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void movesTheActivitysOtherSessionsIntoTheKeepersRoomTradingWithTheSessionThere() {
        WeeklySchedule week = ModelBuilder.build(twoMornings().build());
        Session keeper = place(week, "maths#1", "a", Day.MON, "09:00");
        Session free = place(week, "maths#2", "b", Day.MON, "10:00");
        Session taken = place(week, "maths#3", "b", Day.TUE, "09:00");
        Session occupant = place(week, "chess#1", "a", Day.TUE, "09:00");

        ManySessionsMove gathering = RoomGatherings.gathering(
                new RoomGatherings.Week(week.getSessions()), keeper);

        assertThat(gathering.sessions()).containsExactly(free, taken, occupant);
        assertThat(java.util.List.<Object>copyOf(gathering.values())).containsExactly(room(week, "a"), room(week, "a"), room(week, "b"));
    }

    @Test
    void isNoMoveWhenTheOccupantCannotTrade() {
        WeeklySchedule week = ModelBuilder.build(twoMornings().build());
        Session keeper = place(week, "maths#1", "a", Day.MON, "09:00");
        place(week, "maths#2", "b", Day.TUE, "09:00");
        place(week, "choir#1", "a", Day.TUE, "09:00"); // longer than the maths lesson

        assertThat(RoomGatherings.gathering(new RoomGatherings.Week(week.getSessions()), keeper)).isNull();
    }

    @Test
    void isNoMoveForAnActivityInOneRoomOrIntoARoomTooSmall() {
        WeeklySchedule week = ModelBuilder.build(twoMornings().build());
        Session keeper = place(week, "maths#1", "a", Day.MON, "09:00");
        place(week, "maths#2", "a", Day.MON, "10:00");
        Session chess = place(week, "chess#1", "studio", Day.MON, "09:00");
        Session inTheStudio = place(week, "maths#3", "studio", Day.TUE, "09:00");

        assertThat(inTheStudio.getRoomRange()).doesNotContain(room(week, "studio")); // a pin could put it there
        assertThat(RoomGatherings.gathering(new RoomGatherings.Week(week.getSessions()), chess)).isNull();
        assertThat(RoomGatherings.gathering(new RoomGatherings.Week(week.getSessions()), inTheStudio)).isNull();
        assertThat(RoomGatherings.gathering(new RoomGatherings.Week(week.getSessions()), keeper).sessions())
                .containsExactly(inTheStudio);
    }
}
