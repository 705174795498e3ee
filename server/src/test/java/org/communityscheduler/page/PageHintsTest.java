package org.communityscheduler.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.communityscheduler.server.ServerSettings;

/**
 * What the page tells a coordinator along the way: which download to open in a spreadsheet, that links on this
 * computer's address do not reach a phone, and a drop frame only for files ({@link FirstSolvePageTest}: the first
 * solve's progress).
 */
@Tag("slow") // a headless browser against a running server
class PageHintsTest {

    @RegisterExtension
    static final Browser browser = new Browser(ServerSettings.defaults().withParallelSolvers(1));

    @BeforeEach
    void freshPage() {
        browser.openFresh();
    }

    @Test
    void theSpreadsheetDownloadComesFirstAndThePageSaysWhichToOpen() {
        browser.loadDemo("binzhou-huanghe");
        browser.solve();

        WebElement first = browser.driver.findElement(By.cssSelector("#export-panel button"));
        assertThat(first.getAttribute("id")).isEqualTo("download-xlsx");
        assertThat(first.isEnabled()).isTrue();
        assertThat(browser.text("export-hint")).contains("Excel schedule above").contains("UTF-8");
        browser.driver.findElement(By.id("language")).click();
        browser.wait(10).until(d -> browser.text("export-hint").contains("Excel 排期"));
    }

    @Test
    void feedLinksOnThisComputersAddressSayAPhoneCannotReachThem() {
        browser.loadDemo("binzhou-huanghe");
        browser.solve();
        browser.driver.findElement(By.id("publish")).click();
        WebElement hint = browser.wait(15).until(ExpectedConditions.visibilityOfElementLocated(By.id("feeds-local")));

        assertThat(hint.getText()).contains("localhost:" + browser.server.port()).contains("a phone cannot open them")
                .contains("--public-url");
    }

    @Test
    void draggingASessionDoesNotLightTheFileDropFrameButAFileDoes() {
        browser.loadDemo("binzhou-huanghe");
        browser.solve();
        WebElement session = browser.driver.findElement(By.cssSelector(".rooms-grid .block[data-key='homework#1']"));
        browser.driver.executeScript("window.dragged = new DataTransfer(); window.dragged.setData('text/plain', 'x');"
                + "for (const type of ['dragstart', 'dragenter']) arguments[0].dispatchEvent(new DragEvent(type, "
                + "{bubbles: true, cancelable: true, dataTransfer: window.dragged}));", session);
        assertThat(browser.driver.findElement(By.tagName("body")).getAttribute("class")).doesNotContain("dragging");

        browser.driver.executeScript("const files = new DataTransfer(); files.items.add(new File(['{}'], 'plan.json'));"
                + "document.body.dispatchEvent(new DragEvent('dragenter', {bubbles: true, cancelable: true, "
                + "dataTransfer: files}));");
        assertThat(browser.driver.findElement(By.tagName("body")).getAttribute("class")).contains("dragging");
    }
}
