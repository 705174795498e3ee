package org.communityscheduler.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import org.communityscheduler.server.ServerSettings;

/**
 * Editing the solved sample week by hand in a real browser: pick a session, click another cell, and the score
 * follows within a second; blocked cells say why; pin, unpin, take out, undo and redo; save for the exports.
 */
@Tag("slow") // a headless browser against a running server
class EditingPageTest {

    /** Homework is allowed 16:30-17:30 only; at noon the hall is locked for lunch. */
    private static final String HOMEWORK = "homework#1";
    private static final String CELL_LUNCH_IN_THE_HALL = ".cell[data-room='hall'][data-day='MON'][data-start='720']";
    private static final By LUNCH_IN_THE_HALL = By.cssSelector(CELL_LUNCH_IN_THE_HALL);

    @RegisterExtension
    static final Browser browser = new Browser(ServerSettings.defaults().withParallelSolvers(2));

    @BeforeEach
    void solvedSample() {
        browser.openFresh();
        browser.loadDemo("binzhou-huanghe");
        browser.solve();
    }

    @Test
    void movingASessionRescoresTheWeekAtOnceAndUndoRedoFollow() {
        String solved = browser.score();
        assertThat(solved).startsWith("0hard/");

        browser.pick(HOMEWORK);
        long clicked = System.nanoTime();
        browser.driver.findElement(LUNCH_IN_THE_HALL).click();

        // The block moves at once; the score follows from the server.
        browser.wait(5).until(d -> lane(d.findElement(Browser.block(HOMEWORK))).equals("hall MON"));
        browser.wait(5).until(d -> browser.score().startsWith("-"));
        System.out.printf("An edit scored on the page %.0f ms after the click%n", (System.nanoTime() - clicked) / 1e6);
        String moved = browser.score();
        assertThat(browser.text("summary-text")).contains("hard rule(s) broken");
        assertThat(browser.text("constraints")).contains("Locked doors").contains("Outside allowed times");
        assertThat(browser.text("summary-edited")).contains("not saved");

        browser.driver.findElement(By.id("edit-undo")).click();
        awaitScore(solved);
        browser.driver.findElement(By.id("edit-redo")).click();
        awaitScore(moved);
        new Actions(browser.driver).keyDown(Keys.CONTROL).sendKeys("z").keyUp(Keys.CONTROL).perform();
        awaitScore(solved);
        new Actions(browser.driver).keyDown(Keys.CONTROL).sendKeys("y").keyUp(Keys.CONTROL).perform();
        awaitScore(moved);
        assertThat(lane(browser.driver.findElement(Browser.block(HOMEWORK)))).isEqualTo("hall MON");
    }

    @Test
    void aSessionMovedWhereItBreaksAHardRuleIsMarkedThereAndTheWeekHasOneScore() {
        browser.pick(HOMEWORK);
        browser.driver.findElement(LUNCH_IN_THE_HALL).click();
        browser.wait(10).until(d -> !d.findElements(By.cssSelector(".rooms-grid .block.breaks")).isEmpty());
        browser.awaitScored();

        List<String> marked = browser.wait(5).until(d -> d.findElements(By.cssSelector(".rooms-grid .block.breaks"))
                .stream().map(block -> block.getAttribute("data-key")).toList());
        assertThat(marked).containsExactly(HOMEWORK);
        assertThat(attribute(Browser.block(HOMEWORK), "title"))
                .contains("Breaks a hard rule: Locked doors, Outside allowed times");
        assertThat(browser.text("legend")).contains("Breaks a hard rule");
        // One score: the sidebar's "best so far" was the solver's, and is gone once it is done.
        assertThat(browser.driver.findElement(By.id("live")).isDisplayed()).isFalse();
        assertThat(browser.text("summary-text")).contains("hard rule(s) broken");

        browser.driver.findElement(By.id("edit-undo")).click();
        browser.wait(10).until(d -> d.findElements(By.cssSelector(".rooms-grid .block.breaks")).isEmpty());
    }

    @Test
    void aCellWhereThePickedSessionCannotGoSaysWhyAndTheBestPlacesAreMarked() {
        browser.pick("elder-lunch#1"); // 36 diners who need the kitchen

        WebElement counselling = browser.driver.findElement(cell("counselling", "MON", 11 * 60));
        assertThat(counselling.getAttribute("class")).contains("blocked");
        assertThat(counselling.getAttribute("title")).contains("Room capacity: 36 participants; 心理咨询室 seats 4")
                .contains("Missing feature").contains("kitchen");
        assertThat(browser.driver.findElement(LUNCH_IN_THE_HALL).getAttribute("title"))
                .contains("Locked doors: the doors of 多功能厅 are locked then");

        // A session that fits in many places: the server's best few are marked, where it is now is not one of them.
        browser.driver.findElement(By.id("edit-cancel")).click();
        browser.pick("calligraphy#1");
        browser.wait(10).until(d -> !d.findElements(By.cssSelector(".cell.suggested")).isEmpty());
        assertThat(browser.driver.findElements(By.cssSelector("#edit-suggestions .suggestion"))).hasSizeBetween(1, 3);
        assertThat(browser.text("edit-suggestions")).contains("no hard rule broken");
        WebElement best = browser.driver.findElement(By.cssSelector(".cell.suggested[data-rank='1']"));
        assertThat(best.getAttribute("class")).doesNotContain("blocked");
        String target = best.getAttribute("data-room") + " " + best.getAttribute("data-day");

        // Taking the first suggestion moves it there, and no hard rule breaks.
        browser.driver.findElement(By.cssSelector("#edit-suggestions .suggestion[data-rank='1']")).click();
        browser.wait(5).until(d -> lane(d.findElement(Browser.block("calligraphy#1"))).equals(target));
        browser.awaitScored();
        assertThat(browser.score()).startsWith("0hard/");
    }

    @Test
    void aBlockedCellNamesTheRuleAsTheServerDoesInThePagesLanguage() {
        browser.driver.findElement(By.id("language")).click(); // the next test opens the page afresh, in English
        browser.wait(10).until(d -> browser.text("constraints").contains("活动室冲突"));

        browser.pick("elder-lunch#1");
        assertThat(attribute(cell("counselling", "MON", 11 * 60), "title"))
                .contains("活动室容量不足").contains("缺少所需设施").doesNotContain("Room capacity");
    }

    @Test
    void dropsADraggedSessionOnACell() {
        // The browser's own drag events, as a mouse drag fires them (WebDriver cannot drive an HTML drag).
        JavascriptExecutor page = browser.driver;
        page.executeScript("window.dragged = new DataTransfer(); arguments[0].dispatchEvent("
                + "new DragEvent('dragstart', {bubbles: true, cancelable: true, dataTransfer: window.dragged}));",
                browser.driver.findElement(Browser.block(HOMEWORK)));
        browser.wait(5).until(d -> !d.findElements(LUNCH_IN_THE_HALL).isEmpty());
        // The cell looked up in the page as it is: the suggestions coming in redraw the cells.
        page.executeScript("const cell = document.querySelector(arguments[0]); for (const type of ['dragover', 'drop']) "
                + "cell.dispatchEvent(new DragEvent(type, {bubbles: true, cancelable: true, dataTransfer: window.dragged}));",
                CELL_LUNCH_IN_THE_HALL);

        browser.wait(5).until(d -> lane(d.findElement(Browser.block(HOMEWORK))).equals("hall MON"));
        browser.awaitScored();
        assertThat(browser.score()).startsWith("-");
    }

    @Test
    void pinsAndUnpinsASession() {
        browser.pick(HOMEWORK);
        browser.driver.findElement(By.id("edit-pin")).click();
        browser.awaitScored();
        assertThat(browser.driver.findElement(Browser.block(HOMEWORK)).getAttribute("class")).contains("pinned");

        // Still picked: the same button takes the pin off again.
        assertThat(browser.driver.findElement(By.id("edit-pin")).getText()).isEqualTo("Unpin");
        browser.driver.findElement(By.id("edit-pin")).click();
        browser.awaitScored();
        assertThat(browser.driver.findElement(Browser.block(HOMEWORK)).getAttribute("class")).doesNotContain("pinned");

        // The plan pins the staff meeting; the coordinator may take the pin off. Clicking it picks it instead.
        browser.pick("staff-meeting#1");
        assertThat(browser.driver.findElement(By.id("edit-picked-name")).getText()).contains("中心周例会 #1");
        browser.driver.findElement(By.id("edit-pin")).click();
        browser.awaitScored();
        assertThat(browser.driver.findElement(Browser.block("staff-meeting#1")).getAttribute("class")).doesNotContain("pinned");
        assertThat(browser.driver.findElements(By.cssSelector(".rooms-grid .block.pinned"))).hasSize(1);
    }

    @Test
    void takesASessionOutPutsItBackByHandAndSavesTheWeekForTheExports() throws IOException {
        browser.pick(HOMEWORK);
        browser.driver.findElement(By.id("edit-take-out")).click();
        browser.awaitScored();
        assertThat(browser.driver.findElements(By.cssSelector(".rooms-grid .block"))).hasSize(PageTest.SAMPLE_SESSIONS - 1);
        assertThat(browser.text("summary-text")).contains("1 session(s) could not be placed");

        // Back on the grid, by hand, at noon in the hall: the page says what that breaks, and keeps it.
        browser.driver.findElement(By.cssSelector("#unassigned li[data-key='" + HOMEWORK + "'] .pick-button")).click();
        browser.wait(5).until(d -> {
            d.findElement(LUNCH_IN_THE_HALL).click(); // the cells are drawn again when the suggestions come
            return true;
        });
        browser.awaitScored();
        assertThat(browser.driver.findElements(By.cssSelector(".rooms-grid .block"))).hasSize(PageTest.SAMPLE_SESSIONS);
        assertThat(browser.text("summary-text")).contains("hard rule(s) broken");

        browser.driver.findElement(By.id("edit-save")).click();
        browser.wait(10).until(d -> browser.text("summary-edited").contains("and saved on the server"));
        browser.driver.findElement(By.id("download-csv")).click();
        Path csv = browser.wait(15).until(d -> browser.downloaded("*.csv"));
        assertThat(Files.readString(csv, StandardCharsets.UTF_8)).contains("placed,2026-11-30,MON,12:00,13:00,homework,");
    }

    @Test
    void anEditMadeWhileTheWeekIsBeingSavedIsNotMarkedSaved() {
        browser.pick(HOMEWORK);
        browser.driver.findElement(LUNCH_IN_THE_HALL).click();
        browser.awaitScored();
        // The save takes a second and a half on its way: long enough to move the session again meanwhile.
        JavascriptExecutor page = (JavascriptExecutor) browser.driver;
        page.executeScript("const fetch = window.fetch; window.fetch = (url, options) => "
                + "options?.method !== 'PUT' ? fetch(url, options) : new Promise((done) => setTimeout(done, 1500))"
                + ".then(() => fetch(url, options)).finally(() => { window.putAnswered = true; });");

        browser.driver.findElement(By.id("edit-save")).click();
        browser.pick(HOMEWORK);
        browser.wait(5).until(d -> {
            d.findElement(cell("hall", "MON", 13 * 60)).click();
            return true;
        });
        browser.wait(10).until(d -> Boolean.TRUE.equals(page.executeScript("return window.putAnswered;")));
        browser.awaitScored();

        assertThat(browser.text("summary-edited")).contains("not saved");
        assertThat(browser.driver.findElement(By.id("edit-save")).isEnabled()).as("the newer move is still to save")
                .isTrue();
    }

    @Test
    void aMakeUpSaturdayIsCheckedWithTheHoursOfItsWeekday(@TempDir Path temp) throws IOException {
        Path plan = Files.writeString(temp.resolve("make-up.json"), """
                {"name": "调休", "week": {"startDate": "2026-09-28", "makeUpWorkdays": {"2026-10-03": "FRI"}},
                 "sites": [{"id": "s", "openingHours": {"FRI": ["09:00-12:00"], "SAT": ["14:00-15:00"]}}],
                 "rooms": [{"id": "r", "capacity": 10}],
                 "activities": [{"id": "a", "durationMinutes": 60}]}
                """);
        browser.driver.findElement(By.id("plan-file")).sendKeys(plan.toString());
        browser.acceptQuestion(); // the solved sample week goes
        browser.wait(10).until(d -> !d.findElements(By.cssSelector(".day[data-day='SAT'] .works-as-note")).isEmpty());
        browser.solve();

        browser.pick("a#1");
        assertThat(attribute(cell("r", "SAT", 10 * 60), "class"))
                .as("Friday's 09:00-12:00 is open on the make-up Saturday").doesNotContain("blocked");
        assertThat(attribute(cell("r", "SAT", 14 * 60), "title"))
                .as("Saturday's own 14:00-15:00 is not").contains("Locked doors");
    }

    @Test
    void aCellSaysWhenItBreaksTheOrderOrAnAudiencesTimes(@TempDir Path temp) throws IOException {
        Path plan = Files.writeString(temp.resolve("after-school.json"), """
                {"name": "四点半课堂",
                 "sites": [{"id": "s", "openingHours": {"MON": ["09:00-19:00"], "TUE": ["09:00-19:00"]}}],
                 "rooms": [{"id": "r", "capacity": 30}, {"id": "q", "capacity": 30}],
                 "audiences": [{"id": "kids", "name": "小学生", "availableTimes": {"MON": ["16:00-19:00"],
                                                                                  "TUE": ["16:00-19:00"]}}],
                 "activities": [{"id": "homework", "durationMinutes": 60, "audience": "kids"},
                                {"id": "reading", "durationMinutes": 60, "audiences": ["kids"], "after": ["homework"]}],
                 "pinned": [{"activity": "homework", "session": 1, "room": "r", "day": "MON", "start": "16:00"}]}
                """);
        browser.driver.findElement(By.id("plan-file")).sendKeys(plan.toString());
        browser.acceptQuestion(); // the solved sample week goes
        browser.wait(10).until(d -> d.findElement(By.id("plan-title")).getText().startsWith("四点半课堂"));
        browser.solve();

        browser.pick("reading#1");
        assertThat(attribute(cell("q", "MON", 16 * 60), "title"))
                .contains("Audience clash: the audience \"小学生\" is at homework #1 then")
                .contains("Out of order: it comes after homework #1, which has not ended by then");
        assertThat(attribute(cell("q", "MON", 10 * 60), "title")).contains("Outside allowed times");
        assertThat(attribute(cell("q", "TUE", 16 * 60), "class")).doesNotContain("blocked");
    }

    @Test
    void planNextWeekKeepsThePinsAsEditedOnThePage() {
        browser.pick(HOMEWORK);
        browser.driver.findElement(By.id("edit-pin")).click();
        browser.awaitScored();
        // The plan pins the staff meeting; taken out this week, it is no longer pinned next week.
        browser.pick("staff-meeting#1");
        browser.driver.findElement(By.id("edit-take-out")).click();
        browser.awaitScored();

        browser.driver.findElement(By.id("next-week")).click();
        browser.acceptQuestion(); // the edits are not saved: they shape next week, but this week's page goes
        browser.wait(10).until(d -> d.findElement(By.cssSelector(".day[data-day='MON'] .day-label")).getText()
                .contains("7 Dec"));
        browser.solve();

        assertThat(browser.driver.findElements(By.cssSelector(".rooms-grid .block.pinned")))
                .extracting(block -> block.getAttribute("data-key"))
                .containsExactlyInAnyOrder(HOMEWORK, "fire-safety-day#1");
    }

    // --- Helpers


    private static By cell(String room, String day, int start) {
        return By.cssSelector(".cell[data-room='" + room + "'][data-day='" + day + "'][data-start='" + start + "']");
    }

    /** "room DAY" of the lane a block is in. */
    private static String lane(WebElement block) {
        WebElement track = block.findElement(By.xpath("ancestor::div[contains(@class, 'track')]"));
        return track.getAttribute("data-room") + " " + track.getAttribute("data-day");
    }

    /** An attribute of an element the page may be redrawing: looked up again until it holds still. */
    private static String attribute(By element, String name) {
        return browser.wait(5).until(d -> d.findElement(element).getAttribute(name));
    }



    private static void awaitScore(String score) {
        browser.wait(10).until(d -> browser.score().equals(score) && !d.findElement(By.id("edit-status")).isDisplayed());
    }
}
