package org.communityscheduler.server.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import biweekly.Biweekly;
import biweekly.component.VEvent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.communityscheduler.data.DemoPlans;
import org.communityscheduler.model.PlanIntake;
import org.communityscheduler.model.PlanLimits;
import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.plan.TimeOfDay;
import org.communityscheduler.schedule.Schedule;
import org.communityscheduler.server.calendar.CalendarEvents;
import org.communityscheduler.text.Language;

/**
 * The CSV export's formula guard, cell by cell: what a spreadsheet would run is quoted, the rest kept as it is; the
 * iCalendar export's events, named as the calendar feeds name them.
 */
class ScheduleExportsTest {

    @ParameterizedTest
    @ValueSource(strings = { "=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "\n=1", " =1", "  +1", "\u3000=1",
            "\uFF1D1+1", "\uFF0B1", "\uFF0D1", "\uFF20SUM(A1)", " \uFF1D1", "\n", "\tplain" })
    void aCellASpreadsheetWouldRunIsQuoted(String cell) {
        assertThat(ScheduleExports.Row.safe(cell)).isEqualTo("'" + cell);
    }

    @ParameterizedTest
    @ValueSource(strings = { "青少年戏剧工作坊", "Teen club", " Teen club", "a=b", "1-2", "Room 2 (A+B)", "中心周例会 #2" })
    void anOrdinaryCellIsKept(String cell) {
        assertThat(ScheduleExports.Row.safe(cell)).isEqualTo(cell);
    }

    private static final Plan SAMPLE = PlanIntake.read(DemoPlans.json(DemoPlans.DEFAULT).orElseThrow().getBytes(StandardCharsets.UTF_8),
            PlanLimits.NONE).plan();
    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");

    @Test
    void aSessionKeepsItsEventWhereverAnotherScheduleOfTheWeekPutsIt() {
        VEvent monday = onlyEvent(meetingOn(Day.MON, "09:00", "10:00"), NOW);
        VEvent friday = onlyEvent(meetingOn(Day.FRI, "14:00", "15:00"), NOW.plusSeconds(3600));

        assertThat(monday.getUid().getValue()).isEqualTo("2026-11-30/staff-meeting#1@community-scheduler")
                .isEqualTo(CalendarEvents.uid(LocalDate.parse("2026-11-30"), "staff-meeting", 1));
        assertThat(friday.getUid().getValue()).isEqualTo(monday.getUid().getValue());
        assertThat(friday.getDateStart().getValue().toInstant()).isEqualTo(Instant.parse("2026-12-04T06:00:00Z"));
    }

    @Test
    void aLaterExportOutranksAnEarlierOne() {
        Schedule week = meetingOn(Day.MON, "09:00", "10:00");

        VEvent earlier = onlyEvent(week, NOW);
        VEvent later = onlyEvent(week, NOW.plusSeconds(60));

        assertThat(later.getSequence().getValue()).isGreaterThan(earlier.getSequence().getValue());
        assertThat(earlier.getDateTimeStamp().getValue().toInstant()).isEqualTo(NOW);
        assertThat(later.getDateTimeStamp().getValue().toInstant()).isEqualTo(NOW.plusSeconds(60));
    }

    /** The sample week with only its staff meeting placed, in the first room. */
    private static Schedule meetingOn(Day day, String start, String end) {
        LocalDate date = SAMPLE.week().startDate().plusDays(day.ordinal());
        return new Schedule(SAMPLE.name(), "0hard/0medium/0soft", true, List.of(new Schedule.PlacedSession(
                "staff-meeting", 1, SAMPLE.rooms().get(0).id(), day, TimeOfDay.parse(start), TimeOfDay.parse(end),
                date, false)), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static VEvent onlyEvent(Schedule week, Instant exported) {
        String ics = ScheduleExports.ics(SAMPLE, week, new ScheduleExports.Filter(null, null, null), Language.EN,
                exported);
        List<VEvent> events = Biweekly.parse(ics).first().getEvents();
        assertThat(events).hasSize(1);
        return events.get(0);
    }
}
