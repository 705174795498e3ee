package org.communityscheduler.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.communityscheduler.server.ServerSettings;

/**
 * Nothing a coordinator did is lost without a question: solving again keeps the week on the page (its pins, its
 * placements weighed by Disruption) or the published one; a new plan, a fresh solve or leaving the page asks first.
 */
@Tag("slow") // a headless browser against a running server
class KeepingTheWeekPageTest {

    @RegisterExtension
    static final Browser browser = new Browser(ServerSettings.defaults().withParallelSolvers(2));

    @BeforeEach
    void freshPage() {
        browser.openFresh();
    }

    @Test
    void solvingAgainKeepsThePinsAndTheMovesAndUndoGoesBackToTheWeekBefore() {
        browser.loadDemo("binzhou-huanghe");
        browser.solve();
        browser.pick("homework#1");
        browser.driver.findElement(By.id("edit-pin")).click();
        browser.awaitScored();
        String homework = where("homework#1");
        // Calligraphy moved to the place the server suggests first, and the week saved.
        browser.pick("calligraphy#1");
        browser.wait(10).until(d -> !d.findElements(By.cssSelector("#edit-suggestions .suggestion")).isEmpty());
        browser.driver.findElement(By.cssSelector("#edit-suggestions .suggestion[data-rank='1']")).click();
        browser.awaitScored();
        String calligraphy = where("calligraphy#1");
        browser.driver.findElement(By.id("edit-save")).click();
        browser.wait(10).until(d -> browser.text("summary-edited").contains("and saved on the server"));

        assertThat(browser.driver.findElement(By.id("keep-week")).isSelected()).as("kept by default").isTrue();
        browser.solve();

        assertThat(browser.driver.findElement(Browser.block("homework#1")).getAttribute("class")).contains("pinned");
        assertThat(where("homework#1")).isEqualTo(homework);
        assertThat(where("calligraphy#1")).isEqualTo(calligraphy);
        assertThat(browser.text("solve-status")).matches("Done in .* s; \\d+ session\\(s\\) moved from where they were.*");
        // The solve itself can be undone: back to the week as it was before it.
        WebElement undo = browser.driver.findElement(By.id("edit-undo"));
        assertThat(undo.isEnabled()).isTrue();
        undo.click();
        browser.awaitScored();
        assertThat(where("homework#1")).isEqualTo(homework);
        assertThat(where("calligraphy#1")).isEqualTo(calligraphy);
    }

    @Test
    void aFreshSolveNewPlansAndLeavingThePageAskFirst(@TempDir Path temp) throws IOException {
        assertThat(leavingAsks()).as("nothing to lose yet").isFalse();
        browser.loadDemo("binzhou-huanghe");
        browser.solve();

        // Choosing in the list (↓ on the focused list) loads nothing.
        new Select(browser.driver.findElement(By.id("demo-select"))).selectByValue("overfull-demo");
        assertThat(browser.driver.findElements(By.cssSelector(".rooms-grid .block"))).hasSize(PageTest.SAMPLE_SESSIONS);
        assertThat(browser.text("plan-title")).startsWith("黄河社区服务中心");

        // Load, an upload and a fresh solve each ask; declined, the week stays.
        browser.driver.findElement(By.id("demo-load")).click();
        assertThat(dismissQuestion()).contains("thrown away");
        Path plan = Files.writeString(temp.resolve("other.json"), """
                {"name": "另一周", "sites": [{"id": "s", "openingHours": {"MON": ["09:00-12:00"]}}],
                 "rooms": [{"id": "r", "capacity": 10}], "activities": [{"id": "a", "durationMinutes": 60}]}
                """);
        browser.driver.findElement(By.id("plan-file")).sendKeys(plan.toString());
        dismissQuestion();
        browser.driver.findElement(By.id("keep-week")).click();
        browser.driver.findElement(By.id("solve")).click();
        dismissQuestion();
        assertThat(browser.text("plan-title")).startsWith("黄河社区服务中心");
        assertThat(browser.driver.findElements(By.cssSelector(".rooms-grid .block"))).hasSize(PageTest.SAMPLE_SESSIONS);
        assertThat(browser.driver.findElement(By.id("stop")).isDisplayed()).as("no solve started").isFalse();
        assertThat(leavingAsks()).isTrue();

        // Unsaved edits are named in the question; agreed to, the other plan comes.
        browser.pick("homework#1");
        browser.driver.findElement(By.id("edit-take-out")).click();
        browser.awaitScored();
        browser.driver.findElement(By.id("demo-load")).click();
        Alert question = browser.wait(5).until(ExpectedConditions.alertIsPresent());
        assertThat(question.getText()).contains("edits not saved");
        question.accept();
        browser.wait(10).until(d -> browser.text("plan-title").startsWith("滨北社区服务中心"));
        assertThat(browser.driver.findElements(By.cssSelector(".rooms-grid .block"))).isEmpty();
    }

    @Test
    void aPublishedWeekSolvedAgainKeepsItsCalendarsSteady() {
        browser.loadDemo("binzhou-huanghe");
        browser.solve();
        publish();
        assertThat(browser.text("publish-status")).contains("40 new");

        browser.solve();
        publish();
        assertThat(changed()).as(browser.text("publish-status")).isLessThanOrEqualTo(3);

        // Another day, the page opened afresh: the published week is the one to keep.
        browser.openFresh();
        browser.loadDemo("binzhou-huanghe");
        browser.wait(10).until(d -> d.findElement(By.id("keep-row")).isDisplayed());
        assertThat(browser.text("keep-row")).contains("Keep the published week (week of 30 Nov)");
        browser.solve();
        publish();
        assertThat(changed()).as(browser.text("publish-status")).isLessThanOrEqualTo(3);
    }

    // --- Helpers

    private static void publish() {
        String before = browser.text("publish-status");
        browser.driver.findElement(By.id("publish")).click();
        browser.wait(15).until(d -> browser.text("publish-status").startsWith("Published the week of")
                && !browser.text("publish-status").equals(before));
    }

    /** How many events the last publication changed. */
    private static int changed() {
        String status = browser.text("publish-status");
        return Integer.parseInt(status.replaceFirst("(?s).*, (\\d+) changed,.*", "$1"));
    }

    /** Whether leaving the page now would ask first (its beforeunload handler says so). */
    private static boolean leavingAsks() {
        return Boolean.TRUE.equals(browser.driver.executeScript("const leaving = new Event('beforeunload', "
                + "{cancelable: true}); window.dispatchEvent(leaving); return leaving.defaultPrevented;"));
    }

    /** Declines the question the page asks, and answers its text. */
    private static String dismissQuestion() {
        Alert question = browser.wait(5).until(ExpectedConditions.alertIsPresent());
        String text = question.getText();
        question.dismiss();
        return text;
    }


    /** "room DAY start–end" of a session on the rooms' week. */
    private static String where(String key) {
        return browser.wait(5).until(d -> {
            WebElement block = d.findElement(Browser.block(key));
            WebElement track = block.findElement(By.xpath("ancestor::div[contains(@class, 'track')]"));
            return track.getAttribute("data-room") + " " + track.getAttribute("data-day") + " "
                    + block.findElement(By.cssSelector(".block-time")).getAttribute("textContent");
        });
    }


}
