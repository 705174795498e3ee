package org.communityscheduler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.communityscheduler.data.DemoPlans;
import org.communityscheduler.model.PlanIntake;
import org.communityscheduler.model.PlanLimits;

/** {@code convert}, and {@code validate} and {@code solve} given workbooks. */
class ConvertCommandTest extends CommandTest {

    @Test
    void aPlanGoesToAWorkbookAndBackUnchanged() throws IOException {
        Path json = Files.writeString(folder.resolve("week.json"), DemoPlans.json(DemoPlans.DEFAULT).orElseThrow(),
                StandardCharsets.UTF_8);
        Path workbook = folder.resolve("week.xlsx");
        Path back = folder.resolve("back.json");

        assertThat(run("convert", json.toString(), workbook.toString())).isZero();
        assertThat(run("convert", workbook.toString(), back.toString())).isZero();

        assertThat(plan(back)).isEqualTo(plan(json));
        assertThat(stdout()).contains("week.xlsx", "back.json");
    }

    @Test
    void theTemplateIsTheSampleWeekAndValidates() throws IOException {
        Path workbook = folder.resolve("template.xlsx");

        assertThat(run("convert", "--template", "--sheets", "en", workbook.toString())).isZero();
        assertThat(run("validate", workbook.toString())).isZero();

        assertThat(stdout()).contains("The plan is valid");
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(workbook))) {
            assertThat(book.getSheet("Rooms")).as("English sheet names").isNotNull();
            assertThat(book.getSheet("Audiences")).as("the audiences sheet, to fill in").isNotNull();
        }
    }

    @Test
    void langIsTheMessagesLanguageAndSheetsTheWorkbooksWhichRejectsATypo() {
        Path workbook = folder.resolve("template.xlsx");

        assertThat(run("convert", "--template", "--sheets", "cn", workbook.toString())).isEqualTo(Main.BAD_INPUT);
        assertThat(stderr()).isEqualTo("error: --sheets must be zh or en, not \"cn\"" + System.lineSeparator());
        assertThat(workbook).doesNotExist();
        clearStderr();
        assertThat(run("convert", "--template", "--lang", "zh", workbook.toString())).isZero();
        assertThat(stdout()).isEqualTo("已写入 " + workbook + System.lineSeparator());
        assertThat(run("convert", "--template", "--lang", "zh", "week.json")).isEqualTo(Main.BAD_INPUT);
        assertThat(stderr()).isEqualTo("错误：convert 把计划 .json 转为 .xlsx，或把 .xlsx 转为 .json，不能把 示例 转为 .json"
                + System.lineSeparator());
    }

    @Test
    void validateSaysEveryErrorOfAWorkbookAtItsSheetAndCell() throws IOException {
        Path workbook = folder.resolve("broken.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(workbook)) {
            rows(book.createSheet("场地"), new String[] { "编号", "开放时间 周一" }, new String[] { "huanghe", "8:30-12:00" });
            rows(book.createSheet("活动室"), new String[] { "编号", "容量" }, new String[] { "hall", "many" });
            rows(book.createSheet("活动"), new String[] { "编号", "时长分钟", "社工" },
                    new String[] { "teens", "90", "wang" });
            book.write(out);
        }

        assertThat(run("validate", workbook.toString())).isEqualTo(Main.BAD_INPUT);

        assertThat(stdout()).contains("活动!C2: unknown worker \"wang\"", "活动室!B2: ", "2 error(s)")
                .doesNotContain("Exception");
    }

    @Test
    void convertRefusesTwoFilesOfOneKind() {
        assertThat(run("convert", "a.json", "b.json")).isEqualTo(Main.BAD_INPUT);

        assertThat(stderr()).startsWith("error: ").contains(".json").hasLineCount(1);
    }

    @Test
    @Tag("slow")
    void solveReadsAWorkbookAndWritesTheScheduleAsOne() throws IOException {
        Path workbook = folder.resolve("week.xlsx");
        Path schedule = folder.resolve("schedule.xlsx");
        assertThat(run("convert", "--template", workbook.toString())).isZero();

        assertThat(run("solve", workbook.toString(), "--time-limit", "2s", "--output", schedule.toString())).isZero();

        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(schedule))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(6);
            assertThat(book.getSheetAt(1).getPhysicalNumberOfRows()).isGreaterThan(1); // a row per room
        }
    }

    private static void rows(Sheet sheet, String[]... rows) {
        for (int r = 0; r < rows.length; r++) {
            Row row = sheet.createRow(r);
            for (int c = 0; c < rows[r].length; c++) {
                row.createCell(c).setCellValue(rows[r][c]);
            }
        }
    }

    private static Object plan(Path json) throws IOException {
        PlanIntake intake = PlanIntake.read(Files.readAllBytes(json), PlanLimits.NONE);
        assertThat(intake.problems()).isEmpty();
        return intake.plan();
    }
}
