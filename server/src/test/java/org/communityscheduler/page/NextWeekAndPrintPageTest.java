package org.communityscheduler.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

import org.communityscheduler.data.DemoPlans;
import org.communityscheduler.plan.Json;
import org.communityscheduler.server.ServerSettings;

/**
 * The week after this one and the notice-board sheets, in headless chromium: "plan next week" loads next week's
 * plan ready to solve; "print per room" and "print per worker" print one A4 page each, titled, in the page's
 * language. Skipped without a browser, as {@link PageTest}.
 */
@Tag("slow") // a headless browser against a running server
class NextWeekAndPrintPageTest {

    @RegisterExtension
    static final Browser browser = new Browser(ServerSettings.defaults().withParallelSolvers(2),
            new Dimension(1440, 1200));
    private static JsonNode sample;

    @BeforeAll
    static void readTheSample() throws Exception {
        sample = Json.MAPPER.readTree(DemoPlans.json("binzhou-huanghe").orElseThrow());
    }

    @BeforeEach
    void freshPage() {
        browser.openFresh();
    }

    /** The bundled sample, solved for 3 s. */
    private static void solveTheSample() {
        browser.loadDemo("binzhou-huanghe");
        assertThat(browser.driver.findElement(By.id("next-week")).isDisplayed()).as("nothing solved yet").isFalse();
        browser.solve();
        browser.wait(10).until(d -> d.findElement(By.id("next-week")).isDisplayed());
    }

    @Test
    void planNextWeekLoadsTheFollowingWeekReadyToSolve() {
        solveTheSample();
        assertThat(browser.driver.findElement(By.cssSelector(".day[data-day='MON'] .day-label")).getText()).contains("30 Nov");

        browser.driver.findElement(By.id("next-week")).click();

        browser.wait(10).until(d -> d.findElement(By.id("plan-title")).getText().startsWith("黄河社区服务中心 · 2026年12月7日—12月13日"));
        browser.wait(10).until(d -> d.findElement(By.cssSelector(".day[data-day='MON'] .day-label")).getText().contains("7 Dec"));
        assertThat(browser.driver.findElement(By.id("solve-status")).getText()).startsWith("Next week's plan (week of 7 Dec) is loaded");
        assertThat(browser.driver.findElements(By.cssSelector(".rooms-grid .block"))).as("not solved yet").isEmpty();
        assertThat(browser.driver.findElement(By.id("next-week")).isDisplayed()).isFalse();
        assertThat(browser.driver.findElement(By.id("solve")).isEnabled()).isTrue();

        browser.driver.findElement(By.id("solve")).click();
        browser.wait(40).until(d -> d.findElement(By.id("next-week")).isDisplayed()
                && d.findElements(By.cssSelector(".rooms-grid .block")).size() == PageTest.SAMPLE_SESSIONS);
    }

    @Test
    void printPerRoomGivesEachRoomItsOwnA4Page() {
        solveTheSample();
        browser.driver.executeScript("window.printed = 0; window.print = () => { window.printed += 1; };");

        browser.driver.findElement(By.id("print-rooms")).click();

        List<WebElement> pages = printMedia(() -> browser.driver.findElements(By.cssSelector("#print-pages .print-page")));
        assertThat(pages).extracting(page -> page.getAttribute("data-room"))
                .containsExactlyElementsOf(ids(sample.get("rooms")));
        assertThat(titles()).containsExactlyElementsOf(names(sample.get("rooms")));
        assertThat(browser.driver.executeScript("return window.printed")).isEqualTo(1L);
        int rows = browser.driver.findElements(By.cssSelector("#print-pages .print-table tbody tr")).size();
        assertThat(rows).as("every placed session on its room's page").isEqualTo(PageTest.SAMPLE_SESSIONS);
        assertThat(pages).as("each page draws its own room alone").allSatisfy(page -> assertThat(
                page.findElements(By.cssSelector(".rooms-grid .room-name"))).isNotEmpty()
                .extracting(name -> name.getAttribute("textContent")).containsOnly(
                        page.findElement(By.cssSelector(".print-title")).getAttribute("textContent")));
    }

    @Test
    void printPerWorkerGivesEachWorkerTheirOwnPageInThePagesLanguage() {
        solveTheSample();
        browser.driver.executeScript("window.print = () => {};");
        browser.driver.findElement(By.id("language")).click();
        browser.wait(10).until(d -> d.findElement(By.id("print-workers")).getText().equals("按社工打印"));

        browser.driver.findElement(By.id("print-workers")).click();

        List<WebElement> pages = printMedia(() -> browser.driver.findElements(By.cssSelector("#print-pages .print-page")));
        assertThat(pages).extracting(page -> page.getAttribute("data-worker"))
                .containsExactlyElementsOf(ids(sample.get("workers")));
        assertThat(titles()).containsExactlyElementsOf(names(sample.get("workers")));
        assertThat(browser.driver.findElement(By.cssSelector("#print-pages .print-table thead")).getAttribute("textContent"))
                .contains("日期", "时间", "活动", "活动室");
        assertThat(browser.driver.findElement(By.cssSelector("#print-pages .print-page .day-label")).getAttribute("textContent"))
                .contains("周");
    }

    @Test
    void aMakeUpSaturdayIsDrawnWithTheHoursOfItsWeekday(@TempDir Path temp) throws Exception {
        Path plan = Files.writeString(temp.resolve("make-up.json"), """
                {"name": "调休", "week": {"startDate": "2026-09-28", "makeUpWorkdays": {"2026-10-03": "FRI"}},
                 "sites": [{"id": "s", "openingHours": {"FRI": ["09:00-12:00"], "SAT": ["14:00-15:00"]},
                            "closedDates": ["2026-10-01"]}],
                 "rooms": [{"id": "r", "capacity": 10}],
                 "activities": [{"id": "a", "durationMinutes": 60}]}
                """);
        browser.driver.findElement(By.id("plan-file")).sendKeys(plan.toString());

        browser.wait(10).until(d -> !d.findElements(By.cssSelector(".day[data-day='SAT'] .works-as-note")).isEmpty());
        assertThat(browser.driver.findElement(By.cssSelector(".day[data-day='SAT'] .day-label")).getText())
                .contains("make-up workday: worked as Fri");
        WebElement open = browser.driver.findElement(By.cssSelector(".day[data-day='SAT'] .shade.open"));
        assertThat(open.getAttribute("style")).as("Friday's 09:00-12:00, not Saturday's 14:00-15:00")
                .isEqualTo(browser.driver.findElement(By.cssSelector(".day[data-day='FRI'] .shade.open")).getAttribute("style"));
    }

    /** What the printer sees: the sheets alone, each starting a new page, the screen's page hidden. */
    private static <T> T printMedia(java.util.function.Supplier<T> look) {
        browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat(browser.driver.findElement(By.cssSelector(".layout")).isDisplayed()).isFalse();
            List<WebElement> pages = browser.driver.findElements(By.cssSelector("#print-pages .print-page"));
            assertThat(pages).isNotEmpty().allSatisfy(page -> {
                assertThat(page.isDisplayed()).isTrue();
                assertThat(page.getCssValue("break-after")).isIn("page", "auto");
            });
            assertThat(pages.get(0).getCssValue("break-after")).as("a page per room or worker").isEqualTo("page");
            return look.get();
        } finally {
            browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    private static List<String> titles() {
        return browser.driver.findElements(By.cssSelector("#print-pages .print-page .print-title")).stream()
                .map(title -> title.getAttribute("textContent")).toList();
    }

    private static List<String> ids(JsonNode list) {
        return java.util.stream.StreamSupport.stream(list.spliterator(), false).map(item -> item.get("id").asText()).toList();
    }

    private static List<String> names(JsonNode list) {
        return java.util.stream.StreamSupport.stream(list.spliterator(), false).map(item -> item.get("name").asText()).toList();
    }
}
