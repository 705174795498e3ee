package org.communityscheduler.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.communityscheduler.data.DemoPlans;
import org.communityscheduler.model.PlanIntake;
import org.communityscheduler.model.PlanLimits;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.server.SchedulerServer;
import org.communityscheduler.server.ServerSettings;
import org.communityscheduler.text.Language;
import org.communityscheduler.workbook.PlanWorkbook;

/** The page and Excel/WPS workbooks in a real browser: a chosen workbook is the plan; plan and schedule go out as ones. */
@Tag("slow") // a headless browser against a running server
class WorkbookPageTest {

    static SchedulerServer server;
    static ChromeDriverService service;
    static WebDriver driver;
    static Path downloads;
    static final Plan SAMPLE = PlanIntake.read(DemoPlans.json(DemoPlans.DEFAULT).orElseThrow()
            .getBytes(StandardCharsets.UTF_8), PlanLimits.NONE).plan();

    @BeforeAll
    static void startBrowser(@TempDir Path temp) throws IOException {
        boolean present = Files.isExecutable(PageTest.CHROMIUM) && Files.isExecutable(PageTest.CHROMEDRIVER);
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            assertThat(present).as("no browser").isTrue();
        } else {
            Assumptions.assumeTrue(present, "no browser: install chromium and chromium-driver");
        }
        server = new SchedulerServer(ServerSettings.defaults().withPort(0).withParallelSolvers(1)).start();
        downloads = Files.createDirectories(temp.resolve("downloads"));
        service = new ChromeDriverService.Builder().usingDriverExecutable(PageTest.CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(PageTest.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--user-data-dir=" + temp.resolve("profile"), "--window-size=1440,900",
                "--lang=en-US");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "intl.accept_languages", "en-US,en"));
        driver = new ChromeDriver(service, options);
        driver.get("http://localhost:" + server.port() + "/");
        wait(10).until(d -> new Select(d.findElement(By.id("demo-select"))).getOptions().size() >= 2);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (server != null) {
            server.stop();
        }
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
        driver.findElement(By.id("plan-file")).sendKeys(broken.toString());
        assertThat(wait(15).until(ExpectedConditions.visibilityOfElementLocated(By.id("plan-errors"))).getText())
                .contains("活动室!D2");
        assertThat(driver.findElement(By.id("solve")).isEnabled()).isFalse();

        Path week = Files.write(temp.resolve("week.xlsx"), PlanWorkbook.write(SAMPLE, Language.EN));
        driver.findElement(By.id("plan-file")).sendKeys(week.toString());
        wait(15).until(d -> d.findElement(By.id("solve")).isEnabled());
        assertThat(driver.findElement(By.id("plan-status")).getText()).contains("40 sessions");
        assertThat(driver.findElement(By.id("plan-errors")).isDisplayed()).isFalse();

        driver.findElement(By.id("download-plan-xlsx")).click();
        Path plan = wait(15).until(d -> downloaded("plan"));
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
        driver.findElement(By.id("plan-file")).sendKeys(extra.toString());
        wait(15).until(d -> d.findElement(By.id("solve")).isEnabled());
        assertThat(wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("plan-diagnostics"))).getText())
                .contains("活动室!").contains("unknown column \"颜色\" is ignored");

        driver.findElement(By.id("language")).click();
        try {
            wait(10).until(d -> d.findElement(By.id("plan-diagnostics")).getText().contains("未知列\"颜色\"，已忽略"));
        } finally {
            driver.findElement(By.id("language")).click();
            wait(10).until(d -> d.findElement(By.id("plan-diagnostics")).getText().contains("unknown column"));
        }
    }

    @Test
    void theSolvedWeekDownloadsAsAWorkbook() throws IOException {
        new Select(driver.findElement(By.id("demo-select"))).selectByValue(DemoPlans.DEFAULT);
        driver.findElement(By.id("demo-load")).click();
        wait(15).until(d -> d.findElement(By.id("solve")).isEnabled());
        new Select(driver.findElement(By.id("time-limit"))).selectByValue("3s");
        driver.findElement(By.id("solve")).click();
        wait(40).until(d -> d.findElement(By.id("download-xlsx")).isEnabled());

        driver.findElement(By.id("download-xlsx")).click();

        Path schedule = wait(15).until(d -> downloaded("schedule-"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(schedule))) {
            assertThat(workbook.getSheetName(0)).isEqualTo("Summary");
            assertThat(workbook.getSheet("Sessions").getPhysicalNumberOfRows()).isEqualTo(41);
        }
    }

    /** A finished download whose name starts so (Chromium writes .crdownload files until it is done). */
    private static Path downloaded(String prefix) {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.filter(file -> file.getFileName().toString().startsWith(prefix)
                    && file.toString().endsWith(".xlsx")).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static WebDriverWait wait(int seconds) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }
}
