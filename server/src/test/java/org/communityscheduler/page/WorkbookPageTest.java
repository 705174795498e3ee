package org.communityscheduler.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.communityscheduler.data.DemoPlans;
import org.communityscheduler.model.PlanIntake;
import org.communityscheduler.model.PlanLimits;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.server.ServerSettings;
import org.communityscheduler.text.Language;
import org.communityscheduler.workbook.PlanWorkbook;

/** The page and Excel/WPS workbooks in a real browser: a chosen workbook is the plan; plan and schedule go out as ones. */
@Tag("slow") // a headless browser against a running server
class WorkbookPageTest {

    static final Plan SAMPLE = PlanIntake.read(DemoPlans.json(DemoPlans.DEFAULT).orElseThrow()
            .getBytes(StandardCharsets.UTF_8), PlanLimits.NONE).plan();

    @RegisterExtension
    static final Browser browser = new Browser(ServerSettings.defaults().withParallelSolvers(1));

    @BeforeAll
    static void openThePage() {
        browser.open("/");
    }

    @Test
    void aChosenWorkbookIsThePlanOrItsErrorsAtTheirCells(@TempDir Path temp) throws IOException {
        Path broken = temp.resolve("broken.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(PlanWorkbook.write(SAMPLE,
                Language.ZH)))) {
            workbook.getSheet("活动室").getRow(1).getCell(3).setCellValue("many"); // 容量, the capacity
            try (var out = Files.newOutputStream(broken)) {
                workbook.write(out);
            }
        }
        browser.driver.findElement(By.id("plan-file")).sendKeys(broken.toString());
        assertThat(browser.wait(15).until(ExpectedConditions.visibilityOfElementLocated(By.id("plan-errors"))).getText())
                .contains("活动室!D2");
        assertThat(browser.driver.findElement(By.id("solve")).isEnabled()).isFalse();

        Path week = Files.write(temp.resolve("week.xlsx"), PlanWorkbook.write(SAMPLE, Language.EN));
        browser.driver.findElement(By.id("plan-file")).sendKeys(week.toString());
        browser.wait(15).until(d -> d.findElement(By.id("solve")).isEnabled());
        assertThat(browser.driver.findElement(By.id("plan-status")).getText()).contains("40 sessions");
        assertThat(browser.driver.findElement(By.id("plan-errors")).isDisplayed()).isFalse();

        browser.driver.findElement(By.id("download-plan-xlsx")).click();
        Path plan = browser.wait(15).until(d -> browser.downloaded("plan*.xlsx"));
        assertThat(PlanWorkbook.read(Files.readAllBytes(plan), PlanLimits.NONE).intake().plan()).isEqualTo(SAMPLE);
    }

    @Test
    void whatAWorkbooksReadingIgnoredIsShownAtItsCellInThePagesLanguage(@TempDir Path temp) throws IOException {
        Path extra = temp.resolve("extra.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(PlanWorkbook.write(SAMPLE,
                Language.ZH)))) {
            var header = workbook.getSheet("活动室").getRow(0);
            header.createCell(header.getLastCellNum()).setCellValue("颜色");
            try (var out = Files.newOutputStream(extra)) {
                workbook.write(out);
            }
        }
        browser.driver.findElement(By.id("plan-file")).sendKeys(extra.toString());
        browser.wait(15).until(d -> d.findElement(By.id("solve")).isEnabled());
        assertThat(browser.wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("plan-diagnostics")))
                .getText()).contains("活动室!").contains("unknown column \"颜色\" is ignored");

        browser.driver.findElement(By.id("language")).click();
        try {
            browser.wait(10).until(d -> d.findElement(By.id("plan-diagnostics")).getText()
                    .contains("未知列\"颜色\"，已忽略"));
        } finally {
            browser.driver.findElement(By.id("language")).click();
            browser.wait(10).until(d -> d.findElement(By.id("plan-diagnostics")).getText().contains("unknown column"));
        }
    }

    @Test
    void theSolvedWeekDownloadsAsAWorkbook() throws IOException {
        browser.loadDemo(DemoPlans.DEFAULT);
        browser.solve();
        browser.wait(10).until(d -> d.findElement(By.id("download-xlsx")).isEnabled());

        browser.driver.findElement(By.id("download-xlsx")).click();

        Path schedule = browser.wait(15).until(d -> browser.downloaded("schedule-*.xlsx"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(schedule))) {
            assertThat(workbook.getSheetName(0)).isEqualTo("Summary");
            assertThat(workbook.getSheet("Sessions").getPhysicalNumberOfRows()).isEqualTo(41);
        }
    }
}
