package org.communityscheduler.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.communityscheduler.data.DemoPlans;
import org.communityscheduler.model.PlanIntake;
import org.communityscheduler.model.PlanLimits;
import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.Diagnostic;
import org.communityscheduler.plan.Json;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.text.Language;

/** Make-up workdays (调休) in a plan workbook: the 调休 sheet, one date a row and the weekday it is worked as. */
class PlanWorkbookMakeUpWorkdaysTest {

    @ParameterizedTest
    @EnumSource(Language.class)
    void makeUpWorkdaysComeBackFromTheWorkbook(Language language) throws Exception {
        ObjectNode json = (ObjectNode) Json.MAPPER.readTree(DemoPlans.json(DemoPlans.DEFAULT).orElseThrow());
        ((ObjectNode) json.get("week")).putObject("makeUpWorkdays").put("2026-12-05", "MON").put("2027-02-20", "FRI");
        PlanIntake sent = PlanIntake.read(Json.write(json).getBytes(StandardCharsets.UTF_8), PlanLimits.NONE);
        assertThat(sent.problems()).isEmpty();
        Plan plan = sent.plan();

        PlanWorkbook.Reading reading = PlanWorkbook.read(PlanWorkbook.write(plan, language), PlanLimits.NONE);

        assertThat(reading.intake().problems()).isEmpty();
        assertThat(reading.intake().plan().week().makeUpWorkdays())
                .isEqualTo(Map.of(LocalDate.parse("2026-12-05"), Day.MON, LocalDate.parse("2027-02-20"), Day.FRI));
        assertThat(reading.intake().plan()).isEqualTo(plan);
    }

    @Test
    void excelDatesChineseDaysAndEnglishHeadersAreRead() {
        byte[] workbook = week()
                .sheet("调休", "日期", "按星期").row(LocalDate.parse("2026-12-05"), "周一").row("2026/12/06", "星期二")
                .bytes();
        byte[] english = week()
                .sheet("Make-up workdays", "Date", "Worked as").row(LocalDate.parse("2026-12-05"), "MON")
                .bytes();

        Plan plan = PlanWorkbook.read(workbook, PlanLimits.NONE).intake().plan();
        Plan fromEnglish = PlanWorkbook.read(english, PlanLimits.NONE).intake().plan();

        assertThat(plan.week().makeUpWorkdays())
                .isEqualTo(Map.of(LocalDate.parse("2026-12-05"), Day.MON, LocalDate.parse("2026-12-06"), Day.TUE));
        assertThat(fromEnglish.week().makeUpWorkdays()).isEqualTo(Map.of(LocalDate.parse("2026-12-05"), Day.MON));
    }

    @Test
    void eachWrongMakeUpWorkdayIsSaidAtItsCell() {
        byte[] workbook = week()
                .sheet("调休", "日期", "按星期")
                .row("2026-12-05", "周八")
                .row("2026-12-06", null)
                .row(null, "周一")
                .row("2026-12-31", "MON")
                .row("2026-12-31", "TUE")
                .row("2026-13-01", "MON")
                .bytes();

        PlanIntake intake = PlanWorkbook.read(workbook, PlanLimits.NONE).intake();

        assertThat(intake.problems()).extracting(problem -> problem.path() + " " + problem.code())
                .containsExactlyInAnyOrder("调休!B2 plan.unknownDay", "调休!B3 workbook.makeUpWorkdayDayMissing",
                        "调休!A4 workbook.makeUpWorkdayDateMissing", "调休!A6 workbook.duplicateMakeUpWorkday",
                        "调休!A7 plan.notADate");
        assertThat(intake.problems()).extracting(problem -> problem.path() + ": " + problem.message(Language.EN))
                .contains("调休!A6: 2026-12-31 is a make-up workday twice (also at 调休!A5)");
    }

    @Test
    void makeUpWorkdaysWithoutAStartDateAreRefusedAtTheFirstOne() {
        byte[] workbook = new Sheets()
                .sheet("场地", "编号", "开放时间 周一").row("huanghe", "08:30-12:00")
                .sheet("活动室", "编号", "容量").row("hall", 40)
                .sheet("调休", "日期", "按星期").row("2026-12-05", "周一")
                .bytes();

        PlanIntake intake = PlanWorkbook.read(workbook, PlanLimits.NONE).intake();

        assertThat(intake.problems()).extracting(problem -> problem.path() + " " + problem.code())
                .containsExactly("调休!A2 makeUpWorkdays.needsStartDate");
    }

    @Test
    void aMakeUpWorkdayOfAnotherWeekIsNotedAtItsCell() {
        byte[] workbook = week().sheet("调休", "日期", "按星期").row("2026-12-05", "周一").row("2027-02-20", "周五")
                .bytes();

        PlanIntake intake = PlanWorkbook.read(workbook, PlanLimits.NONE).intake();

        assertThat(intake.model().getDiagnostics()).extracting(Diagnostic::path).containsExactly("调休!A3");
    }

    /** A week starting Monday 30 November 2026, with one site and one room. */
    private static Sheets week() {
        return new Sheets()
                .sheet("周", "名称", "开始日期").row("黄河社区", "2026-11-30")
                .sheet("场地", "编号", "开放时间 周一").row("huanghe", "08:30-12:00")
                .sheet("活动室", "编号", "容量").row("hall", 40);
    }
}
