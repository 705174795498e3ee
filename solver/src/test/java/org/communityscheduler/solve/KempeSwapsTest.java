package org.communityscheduler.solve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.communityscheduler.model.ModelBuilder;
import org.communityscheduler.model.Session;
import org.communityscheduler.model.WeekTime;
import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.PlanBuilder;
import org.communityscheduler.plan.TimeOfDay;
import org.junit.jupiter.api.Test;

class KempeSwapsTest {

    /**
     * Monday 09:00 and 10:00 in two rooms: maths and physics for class 1 (Li teaches physics and choir), choir for
     * the elders, and a chess club that shares nothing with anyone.
     */
    private static PlanBuilder twoHours() {
        return PlanBuilder.plan()
                .slotMinutes(60)
                .site("school", site -> site.open(Day.MON, "09:00-12:00"))
                .room("a", room -> room.capacity(40))
                .room("b", room -> room.capacity(40))
                .room("c", room -> room.capacity(40))
                .worker("li", w -> { })
                .activity("maths", a -> a.duration(60).audience("class-1"))
                .activity("physics", a -> a.duration(60).audience("class-1").workers("li"))
                .activity("choir", a -> a.duration(60).audience("elders").workers("li"))
                .activity("chess", a -> a.duration(60));
    }

    private static Session session(WeeklySchedule week, String id) {
        return week.getSessions().stream().filter(s -> s.getId().equals(id)).findFirst().orElseThrow();
    }

    private static Session place(WeeklySchedule week, String id, String room, String time) {
        Session session = session(week, id);
        session.setRoom(week.getRooms().stream().filter(r -> r.getId().equals(room)).findFirst().orElseThrow());
        session.setStart(at(time));
        return session;
    }

    private static Integer at(String time) {
        return WeekTime.of(Day.MON, TimeOfDay.parse(time));
    }

    @Test
    void tradesTheRelatedSessionsOfTwoTimes() {
        WeeklySchedule week = ModelBuilder.build(twoHours().build());
        Session maths = place(week, "maths#1", "a", "09:00");
        Session physics = place(week, "physics#1", "b", "10:00");
        Session choir = place(week, "choir#1", "c", "09:00");
        place(week, "chess#1", "c", "10:00");

        ManySessionsMove chain = KempeSwaps.chain(KempeSwaps.byStart(week.getSessions()), maths, at("10:00"));

        // Maths to 10:00 meets physics (class 1), which goes to 09:00 and meets choir (Li), which goes to 10:00 and
        // meets chess (room c), which goes to 09:00.
        assertThat(chain.sessions()).containsExactly(maths, physics, choir, session(week, "chess#1"));
        assertThat(List.<Object>copyOf(chain.values())).containsExactly(at("10:00"), at("09:00"), at("10:00"), at("09:00"));
    }

    @Test
    void leavesUnrelatedSessionsWhereTheyAre() {
        WeeklySchedule week = ModelBuilder.build(twoHours().build());
        Session maths = place(week, "maths#1", "a", "09:00");
        place(week, "chess#1", "b", "10:00");

        ManySessionsMove chain = KempeSwaps.chain(KempeSwaps.byStart(week.getSessions()), maths, at("10:00"));

        assertThat(chain.sessions()).containsExactly(maths);
        assertThat(List.<Object>copyOf(chain.values())).containsExactly(at("10:00"));
    }

    @Test
    void isNoMoveWhenItReachesAPinnedSession() {
        WeeklySchedule week = ModelBuilder.build(twoHours().pin("physics", 1, "b", Day.MON, "10:00").build());
        Session maths = place(week, "maths#1", "a", "09:00");

        assertThat(KempeSwaps.chain(KempeSwaps.byStart(week.getSessions()), maths, at("10:00"))).isNull();
        assertThat(KempeSwaps.chain(KempeSwaps.byStart(week.getSessions()), maths, at("11:00")).sessions())
                .containsExactly(maths);
    }

    @Test
    void isNoMoveWhenASessionInTheWayCannotStartWhereTheChainSendsIt() {
        WeeklySchedule week = ModelBuilder.build(twoHours()
                .activity("drawing", a -> a.duration(60).audience("class-1").allowed(Day.MON, "10:00-12:00"))
                .build());
        Session maths = place(week, "maths#1", "a", "09:00");
        place(week, "drawing#1", "b", "10:00");

        assertThat(KempeSwaps.chain(KempeSwaps.byStart(week.getSessions()), maths, at("10:00"))).isNull();
        assertThat(List.of(maths.getStart())).containsExactly(at("09:00"));
    }
}
