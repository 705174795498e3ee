package org.communityscheduler.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.communityscheduler.server.SchedulerServer;
import org.communityscheduler.server.ServerSettings;

/**
 * The coordinators' page in a real browser: Debian's headless chromium driven through chromedriver. Without a
 * browser the tests are skipped, except in CI ({@code CI=true}) where they fail.
 */
@Tag("slow") // a headless browser against a running server
class PageTest {

    /** The sample plan has 40 sessions, all placeable; the over-full one 11, of which 2 cannot be placed. */
    static final int SAMPLE_SESSIONS = 40;

    @RegisterExtension
    static final Browser browser = new Browser(ServerSettings.defaults().withParallelSolvers(2));

    @BeforeEach
    void freshPage() {
        browser.openFresh();
    }

    @Test
    void solvesTheSampleAndFillsTheWeek() throws IOException {
        browser.loadDemo("binzhou-huanghe");
        assertThat(browser.text("plan-status")).contains(SAMPLE_SESSIONS + " sessions");
        browser.solve();

        assertThat(browser.driver.findElements(By.cssSelector(".rooms-grid .block"))).hasSize(SAMPLE_SESSIONS);
        assertThat(browser.driver.findElements(By.cssSelector(".rooms-grid .block.pinned"))).hasSize(2);
        assertThat(browser.text("summary-text")).contains("All hard rules hold").contains("every session is placed");
        assertThat(browser.text("unassigned")).contains("Every session is placed");
        assertThat(browser.driver.findElement(By.id("live")).isDisplayed()).as("the summary has the score").isFalse();

        String screenshot = System.getProperty("screenshot");
        if (screenshot != null) { // for the README: in Chinese, as most coordinators will see it
            browser.driver.findElement(By.id("language")).click();
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 1040));
            Files.write(Path.of(screenshot), browser.driver.getScreenshotAs(OutputType.BYTES));
        }
    }

    @Test
    void choosingAConstraintHighlightsItsSessions() {
        browser.loadDemo("binzhou-huanghe");
        browser.solve();
        WebElement constraint = browser.driver.findElement(By.cssSelector("#constraints .constraint-button"));
        constraint.click();
        browser.wait(10).until(d -> !d.findElements(By.cssSelector(".rooms-grid.has-highlight .block.hl")).isEmpty());
        assertThat(browser.driver.findElements(By.cssSelector("#constraints .justifications li"))).isNotEmpty();
    }

    @Test
    void showsWhatCouldNotBePlacedAndWhy() {
        browser.loadDemo("overfull-demo");
        browser.solve();

        List<WebElement> unassigned = browser.driver.findElements(By.cssSelector("#unassigned .unassigned-item"));
        assertThat(unassigned).hasSize(2);
        assertThat(browser.text("unassigned")).contains("社区公益集市 #1")
                .contains("it has 80 participants, but the largest room it may use holds 30");
        assertThat(browser.driver.findElements(By.cssSelector(".rooms-grid .block"))).hasSize(9);
        assertThat(browser.text("summary-text")).contains("2 session(s) could not be placed");

        // A late request: find places for the other one and apply the first; the page rescores it.
        WebElement other = unassigned.stream().filter(item -> !item.getText().contains("社区公益集市")).findFirst()
                .orElseThrow();
        String key = other.getAttribute("data-key");
        other.findElement(By.tagName("button")).click();
        By apply = By.cssSelector("#unassigned li[data-key='" + key + "'] .recommendation-list button");
        browser.wait(20).until(ExpectedConditions.elementToBeClickable(apply)).click();
        browser.wait(20).until(d -> d.findElements(By.cssSelector("#unassigned .unassigned-item")).size() == 1);
        assertThat(browser.driver.findElement(By.id("summary-edited")).isDisplayed()).isTrue();
        assertThat(browser.driver.findElements(By.cssSelector(".rooms-grid .block"))).hasSize(10);
    }

    @Test
    void switchesBetweenChineseAndEnglish() {
        waitForText(By.id("solve"), "Solve");
        browser.driver.findElement(By.id("language")).click();
        waitForText(By.id("solve"), "开始排期");
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        waitForText(By.cssSelector(".tab[data-view='workers']"), "社工视图");

        browser.loadDemo("overfull-demo");
        waitForText(By.id("plan-status"), "11 个场次");
        waitForText(By.cssSelector(".day[data-day='MON'] .day-label"), "周一");

        browser.driver.navigate().refresh(); // the choice is remembered
        waitForText(By.id("solve"), "开始排期");
        browser.driver.findElement(By.id("language")).click();
        waitForText(By.id("solve"), "Solve");
    }

    @Test
    void theServersMessagesFollowTheLanguageSwitch(@TempDir Path temp) throws IOException {
        Path plan = temp.resolve("bad-plan.json");
        Files.writeString(plan, """
                {"name": "x", "sites": [{"id": "s", "openingHours": {"MON": ["09:00-12:00"]}}],
                 "rooms": [{"id": "r", "site": "nowhere", "capacity": 10}]}
                """, StandardCharsets.UTF_8);
        browser.driver.findElement(By.id("plan-file")).sendKeys(plan.toString());
        waitForText(By.id("plan-errors"), "unknown site \"nowhere\"");
        browser.driver.findElement(By.id("language")).click();
        waitForText(By.id("plan-errors"), "未知服务点“nowhere”");

        browser.loadDemo("overfull-demo");
        browser.solve();
        waitForText(By.id("unassigned"), "它有 80 名参与者，但可用的最大活动室只能容纳 30 人");
        waitForText(By.id("constraints"), "未安排的场次");
        browser.driver.findElement(By.id("language")).click();
        waitForText(By.id("unassigned"), "it has 80 participants, but the largest room it may use holds 30");
        waitForText(By.id("constraints"), "Unassigned session");
    }

    @Test
    void showsEveryErrorOfAnInvalidPlan(@TempDir Path temp) throws IOException {
        Path plan = temp.resolve("bad-plan.json");
        Files.writeString(plan, """
                {"name": "x", "sites": [{"id": "s", "openingHours": {"MON": ["09:00-12:00"]}}],
                 "rooms": [{"id": "r", "site": "nowhere", "capacity": 10}], "organizations": [], "workers": [],
                 "activities": [{"id": "a", "durationMinutes": 60, "workers": ["wang"]}]}
                """, StandardCharsets.UTF_8);
        browser.driver.findElement(By.id("plan-file")).sendKeys(plan.toString());

        WebElement errors = browser.wait(10)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("plan-errors")));
        assertThat(errors.getText()).contains("rooms[0].site").contains("unknown site \"nowhere\"")
                .contains("activities[0].workers[0]").contains("unknown worker \"wang\"");
        assertThat(browser.driver.findElement(By.id("solve")).isEnabled()).isFalse();
        assertThat(browser.driver.findElement(By.id("message")).isDisplayed()).isFalse();

        browser.loadDemo("overfull-demo"); // the rest of the page still works
        assertThat(browser.driver.findElement(By.id("plan-errors")).isDisplayed()).isFalse();
        assertThat(browser.driver.findElement(By.id("solve")).isEnabled()).isTrue();
    }

    @Test
    void downloadsTheScheduleAsCsv() throws IOException {
        browser.loadDemo("binzhou-huanghe");
        browser.solve();
        browser.driver.findElement(By.id("download-csv")).click();

        Path csv = browser.wait(15).until(d -> browser.downloaded("*.csv"));
        String table = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(table.lines().count()).isGreaterThan(SAMPLE_SESSIONS);
        assertThat(table).contains("儿童成长小组");
    }

    @Test
    void asksForTheTokenWhenTheServerWantsOne() throws IOException, InterruptedException {
        SchedulerServer guarded = new SchedulerServer(ServerSettings.defaults().withPort(0).withParallelSolvers(1)
                .withApiToken("s3cret")).start();
        try {
            HttpResponse<Void> bare = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + guarded.port() + "/api/demo-data")).build(),
                    HttpResponse.BodyHandlers.discarding());
            Assumptions.assumeTrue(bare.statusCode() == 401, "this server does not ask for its token yet");

            browser.open(guarded, "/");
            WebElement dialog = browser.wait(10)
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("token-dialog")));
            dialog.findElement(By.id("token-input")).sendKeys("s3cret");
            dialog.findElement(By.id("token-ok")).click();
            browser.wait(10).until(d -> new Select(d.findElement(By.id("demo-select"))).getOptions().size() >= 2);
            browser.loadDemo("overfull-demo");
            assertThat(browser.text("plan-status")).contains("11 sessions");
        } finally {
            guarded.stop();
        }
    }

    // --- Helpers

    private static void waitForText(By element, String expected) {
        browser.wait(10).withMessage(() -> "expected \"" + expected + "\" in " + element)
                .until(d -> d.findElement(element).getText().contains(expected));
    }

}
