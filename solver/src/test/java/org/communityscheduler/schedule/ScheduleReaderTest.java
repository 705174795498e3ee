package org.communityscheduler.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.communityscheduler.model.ModelBuilder;
import org.communityscheduler.model.Session;
import org.communityscheduler.model.WeekTime;
import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.Json;
import org.communityscheduler.plan.PlanBuilder;
import org.communityscheduler.plan.Problem;
import org.communityscheduler.plan.TimeOfDay;
import org.junit.jupiter.api.Test;

class ScheduleReaderTest {

    private static WeeklySchedule week() {
        return ModelBuilder.build(PlanBuilder.plan()
                .site("centre", site -> site.open(Day.MON, "09:00-17:00").open(Day.TUE, "09:00-17:00"))
                .room("hall", room -> room.capacity(30))
                .room("office", room -> room.capacity(5))
                .activity("choir", a -> a.duration(60).sessions(2))
                .activity("meeting", a -> a.duration(60))
                .pin("meeting", 1, "office", Day.MON, "09:00")
                .build());
    }

    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text);
    }

    private static Session session(WeeklySchedule week, String id) {
        return week.getSessions().stream().filter(s -> s.getId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void placesTheListedSessionsAndLeavesTheRestOut() throws Exception {
        WeeklySchedule week = week();

        List<Problem> problems = ScheduleReader.apply(week, json("""
                {"name": "edited by hand", "score": "ignored", "sessions": [
                  {"activity": "choir", "session": 2, "room": "hall", "day": "tue", "start": "14:00",
                   "end": "99:99", "date": "not read", "reasons": "not read"}]}
                """), "schedule");

        assertThat(problems).isEmpty();
        Session second = session(week, "choir#2");
        assertThat(second.getRoom().getId()).isEqualTo("hall");
        assertThat(second.getStart()).isEqualTo(WeekTime.of(Day.TUE, TimeOfDay.parse("14:00")));
        assertThat(session(week, "choir#1").isAssigned()).isFalse();
        assertThat(session(week, "meeting#1").getRoom().getId()).isEqualTo("office");
    }

    @Test
    void aSessionEndsByMidnightOfItsDay() throws Exception {
        WeeklySchedule week = week();

        List<Problem> problems = ScheduleReader.apply(week, json("""
                {"sessions": [
                  {"activity": "choir", "session": 1, "room": "hall", "day": "MON", "start": "23:00"},
                  {"activity": "choir", "session": 2, "room": "hall", "day": "SUN", "start": "23:59"}]}
                """), "schedule");

        assertThat(problems).extracting(Problem::toString).containsExactly(
                "schedule.sessions[1].start: a 60-minute session starting at 23:59 would end after midnight");
        assertThat(session(week, "choir#1").getStart()).isEqualTo(WeekTime.of(Day.MON, TimeOfDay.parse("23:00")));
        assertThat(session(week, "choir#2").isAssigned()).isFalse();
    }

    @Test
    void reportsEveryProblemAtItsPathAndPlacesNothing() throws Exception {
        WeeklySchedule week = week();

        List<Problem> problems = ScheduleReader.apply(week, json("""
                {"sessions": [
                  {"activity": "choir", "session": 1, "room": "hall", "day": "MON", "start": "10:00"},
                  {"activity": "", "session": 0, "day": "MOON", "start": "24:00"},
                  "choir#2",
                  {"activity": "choir", "session": "two", "room": 3, "day": "TUE", "start": "9"}]}
                """), "schedule");

        assertThat(problems).extracting(Problem::path).containsExactly(
                "schedule.sessions[1].activity", "schedule.sessions[1].session", "schedule.sessions[1].room",
                "schedule.sessions[1].day", "schedule.sessions[1].start", "schedule.sessions[2]",
                "schedule.sessions[3].session", "schedule.sessions[3].room", "schedule.sessions[3].start");
        assertThat(problems.get(4).message()).contains("24:00");
        assertThat(session(week, "choir#1").isAssigned()).isFalse();
    }

    @Test
    void namesSessionsAndRoomsThePlanDoesNotHave() throws Exception {
        List<Problem> problems = ScheduleReader.apply(week(), json("""
                {"sessions": [
                  {"activity": "choir", "session": 3, "room": "hall", "day": "MON", "start": "10:00"},
                  {"activity": "choir", "session": 1, "room": "attic", "day": "MON", "start": "10:00"}]}
                """), "");

        assertThat(problems).extracting(Problem::path).containsExactly("sessions[0]", "sessions[1].room");
        assertThat(problems.get(0).message()).contains("unknown session 3 of activity \"choir\"");
    }

    @Test
    void aScheduleMustBeAnObjectWithSessions() throws Exception {
        assertThat(ScheduleReader.read(json("[]"), "schedule").problems()).extracting(Problem::path)
                .containsExactly("schedule");
        assertThat(ScheduleReader.read(json("{}"), "").problems()).extracting(Problem::path)
                .containsExactly("sessions");
        assertThat(ScheduleReader.read(json("{\"sessions\": {}}"), "").problems()).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("must be an array"));
    }

    @Test
    void aSessionIsWordedAsAPlansPlacementIs() throws Exception {
        assertThat(ScheduleReader.read(json("""
                {"sessions": [{"activity": 3, "session": 0, "room": "", "day": "MON"}]}
                """), "schedule").problems()).extracting(Problem::toString).containsExactly(
                "schedule.sessions[0].activity: must be a string, not the number 3",
                "schedule.sessions[0].session: must be between 1 and 100, not 0",
                "schedule.sessions[0].room: must not be empty",
                "schedule.sessions[0].start: is required");
    }
}
