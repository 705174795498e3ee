package org.communityscheduler.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.communityscheduler.model.PlanIntake;
import org.communityscheduler.model.PlanLimits;
import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.plan.Problem;
import org.communityscheduler.plan.TimeRange;
import org.communityscheduler.text.Language;

/**
 * Audiences, day shapes and the order of activities in a plan workbook: the 服务对象 sheet, the day-shape columns
 * of 社工 and 服务对象, 最短休息分钟 on 周, and 其他服务对象, 最少天数 and 排在这些活动之后 on 活动.
 */
class PlanWorkbookDayShapesTest {

    /** A social worker who wants no long stretches, and an after-school group that comes 16:00-19:00. */
    private static final String AFTER_SCHOOL_WEEK = """
            {
              "name": "黄河社区 · 四点半课堂",
              "week": { "minBreakMinutes": 20 },
              "sites": [{ "id": "huanghe", "openingHours": { "MON": ["08:30-20:00"], "TUE": ["08:30-20:00"],
                                                             "WED": ["08:30-20:00"], "THU": ["08:30-20:00"] } }],
              "rooms": [{ "id": "classroom", "capacity": 30 }],
              "workers": [{ "id": "wang-fang", "name": "王芳", "maxMinutesInARow": 180, "minBreakMinutes": 45,
                            "avoidSingleSessionDays": true, "compactDays": true }],
              "audiences": [{ "id": "after-school", "name": "四点半课堂",
                              "availableTimes": { "MON": ["16:00-19:00"], "WED": ["16:00-19:00"] },
                              "preferredTimes": { "MON": ["16:30-18:00"] },
                              "maxMinutesInARow": 90, "avoidSingleSessionDays": true }],
              "activities": [
                { "id": "homework", "durationMinutes": 60, "sessionsPerWeek": 2, "audience": "after-school",
                  "audiences": ["volunteers"], "workers": ["wang-fang"], "minDays": 2 },
                { "id": "reading", "durationMinutes": 45, "audience": "after-school", "after": ["homework"] }
              ]
            }
            """;

    @ParameterizedTest
    @EnumSource(Language.class)
    void audiencesDayShapesAndOrderComeBackFromTheWorkbook(Language language) {
        Plan plan = valid(PlanIntake.read(AFTER_SCHOOL_WEEK.getBytes(StandardCharsets.UTF_8), PlanLimits.NONE));

        PlanWorkbook.Reading reading = PlanWorkbook.read(PlanWorkbook.write(plan, language), PlanLimits.NONE);

        assertThat(reading.intake().problems()).isEmpty();
        assertThat(reading.intake().plan()).isEqualTo(plan);
        assertThat(WorkbookReader.read(PlanWorkbook.write(plan, language)).diagnostics()).isEmpty();
        assertThat(plan.audiences()).hasSize(1);
        assertThat(plan.workers().get(0).dayShape())
                .isEqualTo(new Plan.DayShape(180, 45, true, true));
        assertThat(plan.activities().get(1).after()).containsExactly("homework");
    }

    @Test
    void aWorkbookTypedByHandWithTheNewColumnsReadsRight() {
        byte[] workbook = new Sheets()
                .sheet("周", "名称", "最短休息分钟").row("黄河社区", 20)
                .sheet("场地", "编号", "开放时间 周一").row("huanghe", "08:30-20:00")
                .sheet("活动室", "编号", "容量").row("classroom", 30)
                .sheet("社工", "编号", "连续上限分钟", "最短休息分钟", "避免一天只有一场", "避免孤立场次")
                .row("wang-fang", 180, 45, "是", "✓")
                .sheet("服务对象", "编号", "名称", "可参加时间 周一", "偏好时间 周一", "连续上限分钟", "避免一天只有一场")
                .row("after-school", "四点半课堂", "16:00-19:00", "16:30-18:00", 90, "否")
                .sheet("活动", "编号", "时长分钟", "每周场次", "服务对象", "其他服务对象", "社工", "最少天数",
                        "排在这些活动之后")
                .row("homework", 60, 2, "after-school", "volunteers、elders", "wang-fang", 2, null)
                .row("reading", 45, 1, "after-school", null, null, null, "homework")
                .bytes();

        Plan plan = valid(PlanWorkbook.read(workbook, PlanLimits.NONE).intake());

        assertThat(plan.week().minBreakMinutes()).isEqualTo(20);
        assertThat(plan.workers().get(0).dayShape()).isEqualTo(new Plan.DayShape(180, 45, true, true));
        Plan.Audience afterSchool = plan.audiences().get(0);
        assertThat(afterSchool.name()).isEqualTo("四点半课堂");
        assertThat(afterSchool.availableTimes().on(Day.MON)).containsExactly(TimeRange.parse("16:00-19:00"));
        assertThat(afterSchool.preferredTimes().on(Day.MON)).containsExactly(TimeRange.parse("16:30-18:00"));
        assertThat(afterSchool.dayShape()).isEqualTo(new Plan.DayShape(90, null, false, false));
        Plan.Activity homework = plan.activities().get(0);
        assertThat(homework.allAudiences()).containsExactly("after-school", "volunteers", "elders");
        assertThat(homework.minDays()).isEqualTo(2);
        assertThat(plan.activities().get(1).after()).containsExactly("homework");
    }

    @Test
    void englishHeadersAndExcelsOwnTrueAndFalseAreReadToo() {
        byte[] workbook = week()
                .sheet("Workers", "id", "avoidSingleSessionDays", "compactDays").row("wang-fang", true, false)
                .sheet("Audiences", "id", "Available times MON", "compactDays").row("elders", "09:00-11:00", 1)
                .bytes();

        Plan plan = valid(PlanWorkbook.read(workbook, PlanLimits.NONE).intake());

        assertThat(plan.workers().get(0).dayShape()).isEqualTo(new Plan.DayShape(null, null, true, false));
        assertThat(plan.audiences().get(0).dayShape().compactDays()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "是", "yes", "Yes", "TRUE", "true", "Y", "1", "✓", "✔", "√", "对" })
    void whatCoordinatorsTypeForYesIsYes(String yes) {
        byte[] workbook = week().sheet("社工", "编号", "避免孤立场次").row("wang-fang", yes).bytes();

        assertThat(valid(PlanWorkbook.read(workbook, PlanLimits.NONE).intake()).workers().get(0).dayShape()
                .compactDays()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "否", "no", "NO", "false", "FALSE", "n", "0", "✗", "×", "不" })
    void whatCoordinatorsTypeForNoIsNo(String no) {
        byte[] workbook = week().sheet("社工", "编号", "避免孤立场次").row("wang-fang", no).bytes();

        assertThat(valid(PlanWorkbook.read(workbook, PlanLimits.NONE).intake()).workers().get(0).dayShape()
                .compactDays()).isFalse();
    }

    @Test
    void aYesNoCellThatIsNeitherIsAProblemAtItsCell() {
        byte[] workbook = week()
                .sheet("社工", "编号", "避免一天只有一场", "避免孤立场次").row("wang-fang", "也许", 2)
                .sheet("服务对象", "编号", "避免孤立场次").row("elders", "sometimes")
                .bytes();

        PlanIntake intake = PlanWorkbook.read(workbook, PlanLimits.NONE).intake();

        assertThat(intake.isValid()).isFalse();
        assertThat(intake.problems()).extracting(problem -> problem.path() + ": " + problem.message(Language.EN))
                .containsExactlyInAnyOrder(
                        "社工!B2: write yes or no (是 or 否, TRUE or FALSE, 1 or 0, ✓), not \"也许\"",
                        "社工!C2: write yes or no (是 or 否, TRUE or FALSE, 1 or 0, ✓), not \"2\"",
                        "服务对象!B2: write yes or no (是 or 否, TRUE or FALSE, 1 or 0, ✓), not \"sometimes\"");
        assertThat(intake.problems()).extracting(Problem::code).containsOnly("workbook.notYesNo");
    }

    @Test
    void aBadNewFieldIsSaidAtItsCell() {
        byte[] workbook = week()
                .sheet("活动", "编号", "时长分钟", "每周场次", "最少天数", "排在这些活动之后")
                .row("homework", 60, 2, 3, "reading")
                .row("reading", 45, 1, null, "dance")
                .bytes();

        PlanIntake intake = PlanWorkbook.read(workbook, PlanLimits.NONE).intake();

        assertThat(intake.problems()).extracting(Problem::path).containsExactlyInAnyOrder("活动!D2", "活动!E3");
    }

    /** A week with a site and a room, to which each test adds its sheets. */
    private static Sheets week() {
        return new Sheets()
                .sheet("场地", "编号", "开放时间 周一").row("huanghe", "08:30-20:00")
                .sheet("活动室", "编号", "容量").row("classroom", 30);
    }

    private static Plan valid(PlanIntake intake) {
        assertThat(intake.problems()).isEmpty();
        return intake.plan();
    }
}
