package org.communityscheduler.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import org.communityscheduler.data.DemoPlans;
import org.communityscheduler.model.PlanIntake;
import org.communityscheduler.model.PlanLimits;
import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.Diagnostic;
import org.communityscheduler.plan.Noise;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.plan.Problem;
import org.communityscheduler.plan.TimeRange;
import org.communityscheduler.text.Language;

class PlanWorkbookTest {

    static java.util.List<String> bundledPlans() {
        return DemoPlans.names();
    }

    @ParameterizedTest
    @MethodSource("bundledPlans")
    void aBundledPlanComesBackTheSameFromItsWorkbook(String name) {
        Plan plan = valid(PlanIntake.read(DemoPlans.json(name).orElseThrow().getBytes(StandardCharsets.UTF_8),
                PlanLimits.NONE));

        PlanWorkbook.Reading reading = PlanWorkbook.read(PlanWorkbook.write(plan, Language.ZH), PlanLimits.NONE);

        assertThat(reading.intake().problems()).isEmpty();
        assertThat(reading.intake().plan()).isEqualTo(plan);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aPlanWorkbookSaysWhereItsSheetsAndTheSamePlansJsonSchemaAreDescribed(Language language) throws Exception {
        Plan plan = valid(PlanIntake.read(DemoPlans.json(DemoPlans.DEFAULT).orElseThrow()
                .getBytes(StandardCharsets.UTF_8), PlanLimits.NONE));

        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(
                PlanWorkbook.write(plan, language)))) {
            // Excel shows it as the file's Comments, WPS as its 备注.
            assertThat(workbook.getProperties().getCoreProperties().getDescription())
                    .contains("docs/plan-format.md", "docs/plan.schema.json", "/plan.schema.json")
                    .contains(language == Language.ZH ? "周计划" : "weekly plan");
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theSampleWeekComesBackTheSameWithHeadersInEitherLanguage(Language language) {
        Plan plan = valid(PlanIntake.read(DemoPlans.json(DemoPlans.DEFAULT).orElseThrow()
                .getBytes(StandardCharsets.UTF_8), PlanLimits.NONE));

        byte[] workbook = PlanWorkbook.write(plan, language);

        assertThat(PlanWorkbook.read(workbook, PlanLimits.NONE).intake().plan()).isEqualTo(plan);
        assertThat(WorkbookReader.read(workbook).diagnostics()).isEmpty();
    }

    @Test
    void hoursListsDaysAndTimesAreReadAsCoordinatorsTypeThem() {
        byte[] workbook = new Sheets()
                .sheet("周", "名称", "开始日期").row("黄河社区", "2026/11/30")
                .sheet("场地", "编号", "开放时间 周一", "开放时间·周六", "安静时段 周一")
                .row("huanghe", "08:30-12:00， 14:00－17:30".replace("－", "-"), "9：00～16:00", "08:30-12:00")
                .sheet("活动室", "编号", "名称", "容量", "设施")
                .row(101, "多功能厅", 40, "投影仪、厨房")
                .sheet("社工", "编号", "姓名", "场地", "工作时间 周一")
                .row("li", "李娜", "无", "无")
                .sheet("活动", "编号", "时长分钟", "噪音", "社工", "允许时间 周六")
                .row("teens", "90", "吵闹", "li", "09:00-16:00")
                .sheet("固定场次", "活动", "场次", "活动室", "星期", "开始")
                .row("teens", 1, 101, "周六", 0.375)
                .sheet("休息日", "场地", "日期").row(null, "2026-12-01")
                .bytes();

        PlanWorkbook.Reading reading = PlanWorkbook.read(workbook, PlanLimits.NONE);

        Plan plan = valid(reading.intake());
        assertThat(plan.week().startDate()).hasToString("2026-11-30");
        Plan.Site site = plan.sites().get(0);
        assertThat(site.openingHours().on(Day.MON)).containsExactly(TimeRange.parse("08:30-12:00"),
                TimeRange.parse("14:00-17:30"));
        assertThat(site.openingHours().on(Day.SAT)).containsExactly(TimeRange.parse("09:00-16:00"));
        assertThat(site.closedDates()).hasToString("[2026-12-01]");
        assertThat(plan.rooms().get(0).id()).isEqualTo("101");
        assertThat(plan.rooms().get(0).features()).containsExactly("投影仪", "厨房");
        Plan.Worker worker = plan.workers().get(0);
        assertThat(worker.sites()).isEmpty(); // "无": no site, not every site
        assertThat(worker.workingHours().isEmpty()).isTrue();
        assertThat(worker.workingHours()).isNotNull();
        assertThat(plan.activities().get(0).noise()).isEqualTo(Noise.LOUD);
        assertThat(plan.activities().get(0).durationMinutes()).isEqualTo(90);
        assertThat(plan.pinned().get(0)).hasToString(
                "Placement[activity=teens, session=1, room=101, day=SAT, start=09:00]");
    }

    @Test
    void englishSheetNamesAndHeadersAreReadToo() {
        byte[] workbook = new Sheets()
                .sheet("Sites", "id", "Opening hours MON").row("huanghe", "08:30-12:00")
                .sheet("Rooms", "id", "capacity").row("hall", 40)
                .sheet("Activities", "id", "durationMinutes", "Allowed times SAT").row("teens", 90, "09:00-12:00")
                .bytes();

        Plan plan = valid(PlanWorkbook.read(workbook, PlanLimits.NONE).intake());

        assertThat(plan.rooms().get(0).capacity()).isEqualTo(40);
        assertThat(plan.activities().get(0).allowedTimes().on(Day.SAT)).hasSize(1);
    }

    @Test
    void everyErrorNamesItsSheetAndCellAllAtOnce() {
        byte[] workbook = new Sheets()
                .sheet("场地", "编号", "开放时间 周一").row("huanghe", "08:30-25:00")
                .sheet("活动室", "编号", "容量").row("hall", "四十")
                .sheet("社工", "编号").row("li")
                .sheet("活动", "编号", "名称", "时长分钟", "社工")
                .row("teens", "青少年小组", 90, "li")
                .row("elders", "长者合唱", 60, "li， wang")
                .bytes();

        PlanIntake intake = PlanWorkbook.read(workbook, PlanLimits.NONE).intake();

        assertThat(intake.isValid()).isFalse();
        assertThat(intake.problems()).extracting(Problem::path)
                .containsExactlyInAnyOrder("场地!B2", "活动室!B2", "活动!D3");
        assertThat(intake.problems()).extracting(Problem::toString)
                .contains("活动!D3: unknown worker \"wang\"");
    }

    @Test
    void aCellHoldingHalfASurrogatePairIsRefusedAtItsCell() {
        // Excel writes such a character as _xD800_; the JSON it would become could not be exported.
        byte[] workbook = new Sheets()
                .sheet("场地", "编号", "开放时间 周一").row("huanghe", "08:30-17:00")
                .sheet("活动室", "编号", "容量").row("hall", 40)
                .sheet("活动", "编号", "名称", "时长分钟").row("choir", "合唱_xD800_", 60)
                .bytes();

        PlanIntake intake = PlanWorkbook.read(workbook, PlanLimits.NONE).intake();

        assertThat(intake.problems()).extracting(Problem::toString).containsExactly(
                "活动!B2: holds a broken character at position 3 (half of a UTF-16 surrogate pair): retype the text");
    }

    @Test
    void whatIsWrongWithTheWorkbookItselfIsSaidInTheLanguageAsked() {
        byte[] workbook = new Sheets()
                .sheet("场地", "编号", "编号", "备注").row("huanghe", "x", "note")
                .sheet("活动室", "编号", "容量").row("hall", 40)
                .sheet("休息日", "场地", "日期").row("elsewhere", "2026-12-01")
                .sheet("说明").row("how to fill this in")
                .bytes();

        PlanIntake intake = PlanWorkbook.read(workbook, PlanLimits.NONE).intake();

        assertThat(intake.problems()).extracting(problem -> problem.path() + ": " + problem.message(Language.ZH))
                .containsExactlyInAnyOrder("场地!B1: 列\"编号\"出现了两次（另见 场地!A1）",
                        "休息日!A2: 未知场地\"elsewhere\"（场地见工作表 场地）");
        assertThat(intake.diagnostics()).extracting(d -> d.path() + ": " + d.message(Language.EN))
                .containsExactlyInAnyOrder("场地!C1: unknown column \"备注\" is ignored",
                        "说明: sheet \"说明\" is not part of the plan and is ignored");
    }

    @Test
    void bytesThatAreNoWorkbookAreOneProblem() {
        PlanIntake intake = PlanWorkbook.read("{\"name\": \"a plan\"}".getBytes(StandardCharsets.UTF_8),
                PlanLimits.NONE).intake();

        assertThat(intake.problems()).extracting(Problem::path).containsExactly("$");
        assertThat(intake.problems().get(0).code()).isEqualTo("workbook.unreadable");
    }

    @Test
    void aWorkbookThatUnpacksToTooMuchIsRefusedUnread() throws IOException {
        byte[] bomb = withPart(new Sheets().sheet("场地", "编号").row("huanghe").bytes(), "xl/padding.xml",
                new byte[(int) Workbooks.MAX_PART_BYTES + 1]);

        PlanIntake intake = PlanWorkbook.read(bomb, PlanLimits.NONE).intake();

        assertThat(intake.problems()).extracting(Problem::code).containsExactly("workbook.tooLarge");
    }

    @Test
    void theModelsDiagnosticsAreToldAtTheirCells() {
        byte[] workbook = new Sheets()
                .sheet("场地", "编号", "开放时间 周一").row("huanghe", "08:30-12:00")
                .sheet("活动室", "编号", "容量").row("hall", 40)
                .sheet("活动", "编号", "时长分钟").row("marathon", 600)
                .bytes();
        PlanWorkbook.Reading reading = PlanWorkbook.read(workbook, PlanLimits.NONE);

        assertThat(reading.intake().model().getDiagnostics()).extracting(Diagnostic::path).containsExactly("活动!A2");
    }

    private static Plan valid(PlanIntake intake) {
        assertThat(intake.problems()).isEmpty();
        return intake.plan();
    }

    /** The workbook with one more part, stored deflated: a small file that unpacks large. */
    private static byte[] withPart(byte[] xlsx, String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(xlsx));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(zip);
            }
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
        }
        return out.toByteArray();
    }
}
