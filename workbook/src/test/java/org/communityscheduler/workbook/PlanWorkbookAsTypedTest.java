package org.communityscheduler.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.poi.ss.usermodel.FormulaError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.communityscheduler.data.DemoPlans;
import org.communityscheduler.model.PlanIntake;
import org.communityscheduler.model.PlanLimits;
import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.Json;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.plan.Problem;
import org.communityscheduler.plan.TimeRange;
import org.communityscheduler.text.Language;

/** A workbook is read exactly as typed, as Excel and WPS users type it: nothing guessed, nothing dropped unsaid. */
class PlanWorkbookAsTypedTest {

    @Test
    void anErrorValueIsAnErrorAtItsCellNotABlank() {
        byte[] workbook = new Sheets()
                .sheet("周", "名称", "开始日期").row("黄河社区", FormulaError.DIV0)
                .sheet("场地", "编号", "开放时间 周一").row("huanghe", "08:30-17:00")
                .sheet("活动室", "编号", "容量").row("hall", FormulaError.REF)
                .sheet("活动", "编号", "时长分钟").row("choir", 60)
                .bytes();

        PlanIntake intake = PlanWorkbook.read(workbook, PlanLimits.NONE).intake();

        assertThat(intake.problems()).extracting(p -> p.path() + ": " + p.message(Language.ZH)).containsExactly(
                "周!B2: 单元格显示错误值 #DIV/0!：请改正它的公式，或直接填写数值",
                "活动室!B2: 单元格显示错误值 #REF!：请改正它的公式，或直接填写数值");
    }

    @ParameterizedTest
    @ValueSource(strings = { "2026-11-31", "2026/11/31", "2026年11月31日", "2026-02-29" })
    void anImpossibleDateIsRefusedAtItsCellNotCorrected(String typed) {
        byte[] startDate = week(typed).bytes();
        byte[] closedDate = week("2026-11-30").sheet("休息日", "场地", "日期").row(null, typed).bytes();

        assertThat(PlanWorkbook.read(startDate, PlanLimits.NONE).intake().problems()).extracting(Problem::toString)
                .containsExactly("周!B2: \"" + typed + "\" is not a date (YYYY-MM-DD)");
        assertThat(PlanWorkbook.read(closedDate, PlanLimits.NONE).intake().problems()).extracting(Problem::toString)
                .containsExactly("休息日!B2: \"" + typed + "\" is not a date (YYYY-MM-DD)");
    }

    @Test
    void aMacWorkbooksDatesAreReadInIts1904DateSystem() {
        byte[] workbook = new Sheets().date1904()
                .sheet("周", "名称", "开始日期").row("黄河社区", LocalDate.parse("2026-11-30"))
                .sheet("场地", "编号", "开放时间 周一").row("huanghe", "08:30-17:00")
                .sheet("活动室", "编号", "容量").row("hall", 40)
                .sheet("活动", "编号", "时长分钟").row("choir", 60)
                .sheet("休息日", "场地", "日期").row(null, LocalDate.parse("2026-12-01"))
                .sheet("调休", "日期", "按星期").row(LocalDate.parse("2026-12-05"), "周一")
                .bytes();

        Plan plan = valid(PlanWorkbook.read(workbook, PlanLimits.NONE).intake());

        assertThat(plan.week().startDate()).hasToString("2026-11-30");
        assertThat(plan.sites().get(0).closedDates()).hasToString("[2026-12-01]");
        assertThat(plan.week().makeUpWorkdays()).containsKey(LocalDate.parse("2026-12-05"));
    }

    @Test
    void aHeaderIsReadWhateverKindOfSpaceItHolds() {
        byte[] workbook = new Sheets()
                .sheet("场地", "编号\u00A0", "开放时间\u3000周一", "开放时间\u2002周二", "开放时间\u200B周三")
                .row("huanghe", "08:30-12:00", "09:00-12:00", "10:00-12:00")
                .sheet("活动室", "编号", "容\u3000量").row("hall", 40)
                .sheet("活动", "编号", "时长分钟").row("choir", 60)
                .bytes();

        PlanWorkbook.Reading reading = PlanWorkbook.read(workbook, PlanLimits.NONE);

        Plan plan = valid(reading.intake());
        assertThat(reading.intake().diagnostics()).isEmpty();
        assertThat(plan.sites().get(0).openingHours().on(Day.MON)).containsExactly(TimeRange.parse("08:30-12:00"));
        assertThat(plan.sites().get(0).openingHours().on(Day.TUE)).containsExactly(TimeRange.parse("09:00-12:00"));
        assertThat(plan.sites().get(0).openingHours().on(Day.WED)).containsExactly(TimeRange.parse("10:00-12:00"));
        assertThat(plan.rooms().get(0).capacity()).isEqualTo(40);
    }

    @Test
    void aRequiredColumnThatCannotBeReadIsNamedAtItsHeaderOnce() {
        byte[] unitInHeader = new Sheets()
                .sheet("场地", "编号", "开放时间 周一").row("huanghe", "08:30-17:00")
                .sheet("活动室", "编号", "名称", "容量（人）").row("hall", "多功能厅", 40).row("small", "小会议室", 8)
                .sheet("活动", "编号", "时长分钟").row("choir", 60)
                .bytes();
        byte[] noColumn = new Sheets()
                .sheet("场地", "编号", "开放时间 周一").row("huanghe", "08:30-17:00")
                .sheet("Rooms", "id", "name").row("hall", "多功能厅")
                .sheet("活动", "编号").row("choir")
                .bytes();

        assertThat(PlanWorkbook.read(unitInHeader, PlanLimits.NONE).intake().problems())
                .extracting(p -> p.path() + ": " + p.message(Language.ZH)).containsExactly("活动室!C1: 找不到“容量”列");
        assertThat(PlanWorkbook.read(noColumn, PlanLimits.NONE).intake().problems()).extracting(Problem::toString)
                .containsExactlyInAnyOrder("Rooms!C1: there is no column \"capacity\"",
                        "活动!B1: there is no column \"时长分钟\"");
    }

    @Test
    void aTitleRowAboveTheHeadersIsPassedOver() {
        byte[] workbook = new Sheets()
                .sheet("场地", "黄河社区服务中心 2026 年第 48 周").row().row("编号", "开放时间 周一")
                .row("huanghe", "08:30-17:00")
                .sheet("活动室", "编号", "容量").row("hall", 40)
                .sheet("机构", "机构名单").row("编号", "名称").row("sunrise", "朝阳社工")
                .sheet("活动", "编号", "机构", "时长分钟").row("choir", "sunrise", 60)
                .bytes();

        PlanWorkbook.Reading reading = PlanWorkbook.read(workbook, PlanLimits.NONE);

        Plan plan = valid(reading.intake());
        assertThat(plan.organizations()).extracting(Plan.Organization::name).containsExactly("朝阳社工");
        assertThat(plan.sites().get(0).openingHours().on(Day.MON)).hasSize(1);
        assertThat(reading.intake().diagnostics()).extracting(d -> d.path() + ": " + d.message(Language.EN))
                .containsExactlyInAnyOrder("场地!A1: the headers are in row 3; the rows above them are not read",
                        "机构!A1: the headers are in row 2; the rows above them are not read");
    }

    @Test
    void aSheetWithoutAHeaderRowSaysSoAlone() {
        byte[] workbook = new Sheets()
                .sheet("场地", "编号", "开放时间 周一").row("huanghe", "08:30-17:00")
                .sheet("活动室", "编号", "容量").row("hall", 40)
                .sheet("机构", "机构代码", "机构全称").row("sunrise", "朝阳社工").row("harmony", "和谐社工")
                .sheet("活动", "编号", "机构", "时长分钟").row("choir", "sunrise", 60).row("club", "harmony", 60)
                .bytes();

        PlanIntake intake = PlanWorkbook.read(workbook, PlanLimits.NONE).intake();

        assertThat(intake.problems()).extracting(Problem::toString).containsExactly(
                "机构!A1: row 1 is not a header row: none of the first 10 rows names a column of this sheet, such as"
                        + " \"编号\"");
    }

    @Test
    void fullWidthDigitsDashesAndMinusSignsAreReadWhereverANumberOrTimeIs() {
        byte[] workbook = new Sheets()
                .sheet("场地", "编号", "开放时间 周一", "开放时间 周二", "开放时间 周三")
                .row("huanghe", "08:30－12:00", "08:30−12:00", "０８：３０〜１２：００")
                .sheet("活动室", "编号", "容量").row("hall", "４０")
                .sheet("活动", "编号", "时长分钟", "每周场次").row("choir", "６０", "２")
                .bytes();

        Plan plan = valid(PlanWorkbook.read(workbook, PlanLimits.NONE).intake());

        for (Day day : new Day[] { Day.MON, Day.TUE, Day.WED }) {
            assertThat(plan.sites().get(0).openingHours().on(day)).as(day.name())
                    .containsExactly(TimeRange.parse("08:30-12:00"));
        }
        assertThat(plan.rooms().get(0).capacity()).isEqualTo(40);
        assertThat(plan.activities().get(0).durationMinutes()).isEqualTo(60);
        assertThat(plan.activities().get(0).sessionsPerWeek()).isEqualTo(2);
    }

    @Test
    void rangesSeparatedBySpacesAreAskedForACommaAtTheirCell() {
        byte[] workbook = new Sheets()
                .sheet("场地", "编号", "开放时间 周一").row("huanghe", "08:30-12:00 14:00 - 17:30")
                .sheet("活动室", "编号", "容量").row("hall", 40)
                .sheet("活动", "编号", "时长分钟").row("choir", 60)
                .bytes();

        PlanIntake intake = PlanWorkbook.read(workbook, PlanLimits.NONE).intake();

        assertThat(intake.problems()).extracting(p -> p.path() + ": " + p.message(Language.EN) + " / "
                + p.message(Language.ZH)).containsExactly("场地!B2: separate the ranges with a comma: "
                        + "\"08:30-12:00, 14:00-17:30\" / 时段之间请用逗号分隔：“08:30-12:00, 14:00-17:30”");
    }

    @Test
    void namesKeepTheirSpacesAndTabsThroughAWorkbook() throws Exception {
        ObjectNode json = (ObjectNode) Json.MAPPER.readTree(DemoPlans.json(DemoPlans.DEFAULT).orElseThrow());
        json.put("name", "  黄河社区 第 48 周\t");
        ((ObjectNode) json.get("activities").get(0)).put("name", "\t青少年成长小组  ");
        ((ObjectNode) json.get("workers").get(0)).put("name", " Li Na");
        ((ObjectNode) json.get("sites").get(0)).put("name", "黄河社区服务中心\u3000");
        Plan plan = valid(PlanIntake.read(Json.write(json).getBytes(StandardCharsets.UTF_8), PlanLimits.NONE));

        Plan back = valid(PlanWorkbook.read(PlanWorkbook.write(plan, Language.ZH), PlanLimits.NONE).intake());

        assertThat(back.name()).isEqualTo("  黄河社区 第 48 周\t");
        assertThat(back.activities().get(0).name()).isEqualTo("\t青少年成长小组  ");
        assertThat(back).isEqualTo(plan);
    }

    private static Sheets week(String startDate) {
        return new Sheets()
                .sheet("周", "名称", "开始日期").row("黄河社区", startDate)
                .sheet("场地", "编号", "开放时间 周一").row("huanghe", "08:30-17:00")
                .sheet("活动室", "编号", "容量").row("hall", 40)
                .sheet("活动", "编号", "时长分钟").row("choir", 60);
    }

    private static Plan valid(PlanIntake intake) {
        assertThat(intake.problems()).isEmpty();
        return intake.plan();
    }
}
