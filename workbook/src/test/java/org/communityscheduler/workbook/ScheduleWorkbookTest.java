package org.communityscheduler.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.communityscheduler.data.DemoPlans;
import org.communityscheduler.model.PlanIntake;
import org.communityscheduler.model.PlanLimits;
import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.plan.TimeOfDay;
import org.communityscheduler.schedule.Schedule;
import org.communityscheduler.text.Language;
import org.communityscheduler.text.Text;

class ScheduleWorkbookTest {

    private final Plan plan = PlanIntake.read(DemoPlans.json(DemoPlans.DEFAULT).orElseThrow()
            .getBytes(StandardCharsets.UTF_8), PlanLimits.NONE).plan();
    private final Plan.Activity first = plan.activities().get(0);
    private final Plan.Activity second = plan.activities().get(1);
    private final Schedule schedule = new Schedule(plan.name(), "0hard/-1medium/-30soft", true,
            List.of(new Schedule.PlacedSession(first.id(), 1, plan.rooms().get(0).id(), Day.TUE,
                    TimeOfDay.parse("09:00"), TimeOfDay.parse("10:30"), null, false)),
            List.of(new Schedule.UnassignedSession(second.id(), 1, List.of(Text.of("schedule.unplaced.askForARecommendation")))),
            List.of(), List.of(), List.of(new Schedule.OrganizationCount(first.organization(), 4, 1)), List.of());

    @Test
    void theWeekPerRoomWorkerAndOrganisationWithWhatIsLeftOut() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                ScheduleWorkbook.write(plan, schedule, Language.ZH)))) {
            assertThat(workbook).extracting(Sheet::getSheetName)
                    .containsExactly("概况", "活动室", "社工", "机构", "场次", "未排场次");
            Sheet rooms = workbook.getSheet("活动室");
            assertThat(rooms.getRow(0).getCell(3).getStringCellValue()).startsWith("周二");
            assertThat(rooms.getRow(1).getCell(3).getStringCellValue()).isEqualTo("09:00-10:30 " + first.name());
            Sheet organizations = workbook.getSheet("机构");
            assertThat(organizations.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(4);
            assertThat(organizations.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(1);
            Sheet unplaced = workbook.getSheet("未排场次");
            assertThat(unplaced.getRow(1).getCell(0).getStringCellValue()).isEqualTo(second.name());
            assertThat(unplaced.getRow(1).getCell(3).getStringCellValue()).isEqualTo("未安排；点“找位置”可查看是什么挡住了它");
        }
    }

    @Test
    void inEnglishTheLabelsAreEnglish() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                ScheduleWorkbook.write(plan, schedule, Language.EN)))) {
            assertThat(workbook.getSheet("Unplaced").getRow(0).getCell(3).getStringCellValue())
                    .isEqualTo("Why it is not placed");
        }
    }
}
