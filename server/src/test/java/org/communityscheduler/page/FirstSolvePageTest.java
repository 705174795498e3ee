package org.communityscheduler.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import org.communityscheduler.server.ServerSettings;

/**
 * The first solve of a week the server has never published, on a server of its own: a published week would be
 * the one the page solves from, complete at once (PageHintsTest publishes one).
 */
@Tag("slow") // a headless browser against a running server
class FirstSolvePageTest {

    @RegisterExtension
    static final Browser browser = new Browser(ServerSettings.defaults().withParallelSolvers(1));

    @BeforeEach
    void freshPage() {
        browser.openFresh();
    }

    @Test
    @SuppressWarnings("unchecked")
    void whileTheWeekIsStillFillingInTheLiveBoxSaysSo() {
        browser.loadDemo("binzhou-huanghe");
        // The schedule reaches the page a second and a half after each best score: the week lags behind the counts.
        browser.driver.executeScript("const fetch = window.fetch; window.fetch = (url, options) => "
                + "!/\\/api\\/schedules\\/[^/]+$/.test(String(url)) ? fetch(url, options) "
                + ": new Promise((done) => setTimeout(done, 1500)).then(() => fetch(url, options));");
        browser.driver.findElement(By.id("solve")).click();

        List<Object> seen = browser.wait(15).until(d -> {
            List<Object> now = (List<Object>) browser.driver.executeScript("return [document.getElementById("
                    + "'live-counts').textContent, document.querySelectorAll('.rooms-grid .block').length];");
            return String.valueOf(now.get(0)).matches("\\d+ placed.*") ? now : null;
        });
        int placed = Integer.parseInt(String.valueOf(seen.get(0)).replaceFirst(" placed.*", ""));
        assertThat(((Number) seen.get(1)).intValue()).as("the week lags behind: %s", seen).isLessThan(placed);
        assertThat(String.valueOf(seen.get(0))).contains("still placing");
        browser.wait(60).until(d -> d.findElement(By.id("download-csv")).isEnabled());
    }

}
