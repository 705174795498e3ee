package org.communityscheduler.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import org.communityscheduler.server.ServerSettings;

/**
 * The page for a coordinator without a mouse or with a screen reader: axe-core (src/test/resources/axe-core) finds
 * nothing on any view, in either language, and the whole edit flow — pick, move, pin, take out, undo — goes by
 * keyboard, focus never dropping to the page's body.
 */
@Tag("slow") // a headless browser against a running server
class AccessibilityPageTest {

    @RegisterExtension
    static final Browser browser = new Browser(ServerSettings.defaults().withParallelSolvers(2));
    private static String axe;

    @BeforeAll
    static void readAxe() throws IOException {
        try (InputStream in = AccessibilityPageTest.class.getResourceAsStream("/axe-core/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void axeFindsNothingOnAnyViewInEitherLanguage() {
        browser.openFresh();
        assertNoViolations("the empty page");
        browser.loadDemo("binzhou-huanghe");
        assertNoViolations("the sample loaded");
        browser.solve();
        assertNoViolations("the solved week");
        for (String view : List.of("workers", "orgs", "rooms")) {
            browser.driver.findElement(By.cssSelector(".tab[data-view='" + view + "']")).click();
            assertNoViolations("the " + view + " view");
        }
        browser.driver.findElement(By.cssSelector(".rooms-grid .block[data-key='homework#1']")).click();
        browser.wait(10).until(d -> !d.findElements(By.cssSelector("#edit-suggestions .suggestion")).isEmpty());
        assertNoViolations("a session picked");
        browser.driver.findElement(By.id("edit-take-out")).click();
        browser.wait(10).until(d -> !d.findElement(By.id("edit-status")).isDisplayed());
        browser.driver.findElement(By.cssSelector("#unassigned li[data-key='homework#1'] button")).click();
        browser.wait(20).until(d -> !d.findElements(By.cssSelector("#unassigned .recommendation-list")).isEmpty());
        assertNoViolations("a session taken out, with places recommended");
        browser.driver.findElement(By.id("publish")).click();
        browser.wait(15).until(d -> !d.findElements(By.cssSelector("#feeds-list .feed")).isEmpty());
        assertNoViolations("the week published, its calendar links shown");
        browser.driver.findElement(By.id("language")).click();
        browser.wait(10).until(d -> browser.text("solve").equals("开始排期")
                && browser.text("feeds-panel").contains("按社工"));
        assertNoViolations("the page in Chinese");
    }

    @Test
    void theWholeEditFlowGoesByKeyboard() {
        browser.openFresh();
        browser.loadDemo("binzhou-huanghe");
        browser.solve();
        browser.wait(5).until(d -> focused().getAttribute("id").equals("summary"));

        // Tab from the summary to the first session of the week.
        WebElement session = null;
        for (int i = 0; i < 30 && session == null; i++) {
            press(Keys.TAB);
            if (focused().getAttribute("class").contains("block")) {
                session = focused();
            }
        }
        assertThat(session).as("a session takes focus").isNotNull();
        String key = session.getAttribute("data-key");
        String before = lane(key);

        // Enter picks it; focus goes to a cell where it could go, the arrows move along the week, Enter puts it there.
        press(Keys.ENTER);
        browser.wait(5).until(d -> focused().getAttribute("class").contains("cell"));
        assertThat(browser.driver.findElement(By.id("edit-picked")).isDisplayed()).isTrue();
        press(Keys.ARROW_DOWN);
        press(Keys.ARROW_RIGHT);
        WebElement target = focused();
        String there = target.getAttribute("data-room") + " " + target.getAttribute("data-day");
        press(Keys.ENTER);
        browser.wait(5).until(d -> lane(key).equals(there));
        assertThat(there).isNotEqualTo(before);
        browser.wait(5).until(d -> key.equals(focused().getAttribute("data-key")));

        // P pins the picked session, Esc lets it go; Delete takes it out; Ctrl+Z puts it back.
        press(Keys.ENTER);
        browser.wait(5).until(d -> focused().getAttribute("class").contains("cell"));
        press("p");
        browser.wait(10).until(d -> d.findElement(Browser.block(key)).getAttribute("class").contains("pinned"));
        browser.wait(5).until(d -> focused().getAttribute("class").contains("cell"));
        press(Keys.ESCAPE);
        browser.wait(5).until(d -> key.equals(focused().getAttribute("data-key")));
        press(Keys.ENTER);
        browser.wait(5).until(d -> focused().getAttribute("class").contains("cell"));
        press(Keys.DELETE);
        browser.wait(10).until(d -> d.findElements(Browser.block(key)).isEmpty());
        browser.wait(10).until(d -> !d.findElement(By.id("edit-status")).isDisplayed()); // scored, drawn again
        assertThat(focused().getAttribute("class")).as("focus on where it can be put back from").contains("pick-button");
        new Actions(browser.driver).keyDown(Keys.CONTROL).sendKeys("z").keyUp(Keys.CONTROL).perform();
        browser.wait(10).until(d -> !d.findElements(Browser.block(key)).isEmpty());
        assertThat(lane(key)).isEqualTo(there);

        // The view tabs follow the arrow keys.
        browser.driver.findElement(By.cssSelector(".tab[data-view='rooms']")).click();
        press(Keys.ARROW_RIGHT);
        browser.wait(5).until(d -> "workers".equals(focused().getAttribute("data-view")));
        assertThat(browser.driver.findElement(By.cssSelector(".tab[data-view='workers']")).getAttribute("aria-selected"))
                .isEqualTo("true");
        assertThat(browser.driver.findElements(By.cssSelector(".worker-grid"))).isNotEmpty();
    }

    @Test
    void focusIsKeptAfterASuggestionIsTaken() {
        browser.openFresh();
        browser.loadDemo("binzhou-huanghe");
        browser.solve();
        browser.driver.findElement(Browser.block("calligraphy#1")).click();
        browser.wait(10).until(d -> !d.findElements(By.cssSelector("#edit-suggestions .suggestion")).isEmpty());
        browser.driver.findElement(By.cssSelector("#edit-suggestions .suggestion[data-rank='1']")).sendKeys(Keys.ENTER);
        browser.wait(5).until(d -> "calligraphy#1".equals(focused().getAttribute("data-key")));
    }

    // --- Helpers

    /** Runs axe-core on the page as it is and fails on any violation, each named with its nodes. */
    @SuppressWarnings("unchecked")
    private static void assertNoViolations(String where) {
        browser.driver.executeScript(axe);
        List<Map<String, Object>> violations = (List<Map<String, Object>>) browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then((results) => done(results.violations.map(
                  (v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ') + ': '
                    + n.failureSummary.replace(/\\s+/g, ' ')).slice(0, 5), count: v.nodes.length }))));
                """);
        assertThat(violations).as("axe-core on " + where).isEmpty();
    }

    private static WebElement focused() {
        return browser.driver.switchTo().activeElement();
    }

    private static void press(CharSequence key) {
        new Actions(browser.driver).sendKeys(key).perform();
    }


    private static String lane(String key) {
        return browser.wait(5).until(d -> {
            WebElement track = d.findElement(Browser.block(key)).findElement(By.xpath("ancestor::div[contains(@class, 'track')]"));
            return track.getAttribute("data-room") + " " + track.getAttribute("data-day");
        });
    }
}
