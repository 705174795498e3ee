package org.communityscheduler.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.communityscheduler.server.ServerSettings;

/**
 * What the page says, in a coordinator's words and in the page's language: why a session is out, whether the
 * published week holds the edits, scores in words, no English, codes or JSON paths in 中文.
 */
@Tag("slow") // a headless browser against a running server
class WordsPageTest {

    @RegisterExtension
    static final Browser browser = new Browser(ServerSettings.defaults().withParallelSolvers(2));

    @BeforeEach
    void freshPage() {
        browser.openFresh();
    }

    @Test
    void aSessionTakenOutByHandIsSaidToBeTakenOutAndASavedWeekIsPublishedWithItsEdits() {
        browser.loadDemo("binzhou-huanghe");
        browser.solve();
        browser.pick("homework#1");
        browser.driver.findElement(By.id("edit-take-out")).click();
        browser.awaitScored();

        assertThat(browser.text("unassigned")).contains("taken out of the week by hand").doesNotContain("solve longer");
        assertThat(browser.text("publish-status")).contains("without the changes made here");
        browser.driver.findElement(By.id("edit-save")).click();
        browser.wait(10).until(d -> browser.text("summary-edited").contains("and saved on the server"));
        assertThat(browser.driver.findElement(By.id("publish-status")).getText()).doesNotContain("without the changes");
        assertThat(browser.text("unassigned")).contains("taken out of the week by hand");
    }

    @Test
    void inChineseThePageSaysEverythingInChinese() {
        browser.driver.findElement(By.id("language")).click();
        browser.wait(10).until(d -> browser.text("solve").equals("开始排期"));
        assertThat(new Select(browser.driver.findElement(By.id("time-limit"))).getOptions())
                .extracting(WebElement::getText).startsWith("3 秒").endsWith("300 秒");
        assertThat(new Select(browser.driver.findElement(By.id("demo-select"))).getOptions())
                .extracting(WebElement::getText).noneMatch(title -> title.contains("Generated"))
                .anyMatch(title -> title.startsWith("生成的示例"));
        browser.loadDemo("binzhou-huanghe");
        assertThat(browser.text("plan-title")).doesNotContain("Asia/Shanghai").endsWith("中国标准时间");
        browser.solve();

        assertThat(browser.text("summary-score")).matches("硬性 0 · 未安排 0 · 软性 -[\\d,]+");
        assertThat(browser.score()).as("the raw score, for those who know it").matches("0hard/0medium/-\\d+soft");
        assertThat(browser.text("grid")).contains("中心周例会 第1场").doesNotContain("#");
        List<String> titles = browser.wait(5).until(d -> d.findElements(By.cssSelector("#constraints .constraint-button"))
                .stream().map(button -> button.getAttribute("title")).toList());
        assertThat(titles).isNotEmpty().allSatisfy(title -> assertThat(title).doesNotContainPattern("[A-Za-z]{3,}"));
        browser.pick("elder-lunch#1"); // needs the kitchen
        assertThat(attribute(cell("counselling", "MON", 11 * 60), "title")).contains("缺少 厨房").doesNotContain("kitchen");

        // The suggestions' tooltips follow a switch of language, as the rest of the page does.
        browser.driver.findElement(By.id("edit-cancel")).click();
        browser.pick("calligraphy#1");
        assertThat(suggestionLines()).isNotEmpty().allSatisfy(line -> assertThat(line).contains("硬性"));
        browser.driver.findElement(By.id("language")).click();
        browser.wait(10).until(d -> suggestionLines().stream().allMatch(line -> line.contains(": hard ")
                && !line.split(":")[0].matches(".*[\\u4e00-\\u9fff].*")));
    }

    @Test
    void aNoteOnThePlanNamesWhatItIsAboutNotItsJsonPath(@TempDir Path temp) throws IOException {
        browser.driver.findElement(By.id("language")).click();
        Path plan = Files.writeString(temp.resolve("closed-monday.json"), """
                {"name": "闭馆周一", "week": {"startDate": "2026-12-07"},
                 "sites": [{"id": "s", "openingHours": {"MON": ["09:00-12:00"], "TUE": ["09:00-12:00"]},
                            "closedDates": ["2026-12-07"]}],
                 "rooms": [{"id": "r", "name": "多功能厅", "capacity": 10}],
                 "activities": [{"id": "choir", "name": "合唱团", "durationMinutes": 60}],
                 "pinned": [{"activity": "choir", "session": 1, "room": "r", "day": "MON", "start": "09:00"}]}
                """);
        browser.driver.findElement(By.id("plan-file")).sendKeys(plan.toString());

        browser.wait(10).until(d -> d.findElement(By.id("plan-diagnostics")).getText().contains("固定场次 合唱团 第1场"));
        WebElement where = browser.driver.findElement(By.cssSelector("#plan-diagnostics .path"));
        assertThat(where.getText()).doesNotContain("pinned[0]");
        assertThat(where.getAttribute("title")).isEqualTo("pinned[0]");
    }

    // --- Helpers

    /** The constraint lines of the suggestions' tooltips, once the suggestions have come. */
    private static List<String> suggestionLines() {
        return browser.wait(10).until(d -> {
            List<WebElement> suggestions = d.findElements(By.cssSelector("#edit-suggestions .suggestion"));
            if (suggestions.isEmpty()) {
                return null;
            }
            return suggestions.stream().flatMap(s -> Arrays.stream(s.getAttribute("title").split("\n")).skip(1)).toList();
        });
    }

    private static By cell(String room, String day, int start) {
        return By.cssSelector(".cell[data-room='" + room + "'][data-day='" + day + "'][data-start='" + start + "']");
    }

    private static String attribute(By element, String name) {
        return browser.wait(5).until(d -> d.findElement(element).getAttribute(name));
    }


}
