package org.communityscheduler.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.communityscheduler.server.ServerSettings;

/**
 * Publishing the solved week from the page and handing out its calendar feeds, in a real browser (as
 * {@link PageTest}): the links work without a token, carry the page's language, have a QR code, and can be replaced.
 */
@Tag("slow") // a headless browser against a running server
class FeedsPageTest {

    @RegisterExtension
    static final Browser browser = new Browser(ServerSettings.defaults().withParallelSolvers(1));
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void publishesTheSolvedWeekAndHandsOutItsFeeds() throws Exception {
        browser.driver.get(browser.origin() + "/?demo=binzhou-huanghe");
        browser.wait(15).until(d -> d.findElement(By.id("plan-title")).getText().contains("黄河社区服务中心")
                && d.findElement(By.id("solve")).isEnabled());
        assertThat(browser.driver.findElement(By.id("publish")).isEnabled()).as("nothing to publish before a solve").isFalse();
        browser.solve();
        browser.wait(10).until(d -> d.findElement(By.id("publish")).isEnabled());

        browser.driver.findElement(By.id("publish")).click();
        browser.wait(15).until(d -> d.findElement(By.id("publish-status")).getText().contains("Published the week of"));
        assertThat(browser.driver.findElement(By.id("publish-status")).getText()).contains("40 sessions").contains("40 new");
        WebElement panel = browser.wait(10)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("feeds-panel")));
        assertThat(panel.getText()).contains("Replace all links").contains("By worker").contains("By room")
                .contains("By organisation");

        String all = row("all", null).findElement(By.cssSelector(".feed-url")).getAttribute("value");
        assertThat(all).matches(browser.origin() + "/feeds/[A-Za-z0-9_-]{22}/all\\.ics\\?lang=en");
        HttpResponse<String> calendar = get(all); // a phone's calendar: no token, no cookie
        assertThat(calendar.statusCode()).isEqualTo(200);
        assertThat(calendar.body()).startsWith("BEGIN:VCALENDAR");
        assertThat(calendar.body().split("BEGIN:VEVENT", -1)).hasSize(41);

        WebElement liNa = row("worker", "li-na");
        assertThat(liNa.findElement(By.cssSelector(".feed-name")).getText()).isEqualTo("李娜");
        assertThat(liNa.findElement(By.cssSelector("a.webcal")).getAttribute("href"))
                .startsWith("webcal://localhost:" + browser.server.port() + "/feeds/")
                .endsWith("/worker/li-na.ics?lang=en");
        liNa.findElement(By.cssSelector(".copy")).click();
        browser.wait(5).until(d -> row("worker", "li-na").findElement(By.cssSelector(".copy")).getText()
                .equals("Copied"));
        row("worker", "li-na").findElement(By.cssSelector(".qr-button")).click();
        browser.wait(10).until(d -> row("worker", "li-na").findElement(By.cssSelector("img.qr")).isDisplayed());
        WebElement qr = row("worker", "li-na").findElement(By.cssSelector("img.qr"));
        assertThat(qr.getAttribute("src")).startsWith("data:image/svg+xml");
        assertThat(qr.getSize().getWidth()).isGreaterThan(100);

        // In Chinese, the links ask for Chinese calendars.
        browser.driver.findElement(By.id("language")).click();
        browser.wait(10).until(d -> row("all", null).findElement(By.cssSelector(".feed-url")).getAttribute("value")
                .endsWith("lang=zh"));
        assertThat(browser.driver.findElement(By.id("feeds-panel")).getText()).contains("日历订阅").contains("按社工");
        String chinese = row("all", null).findElement(By.cssSelector(".feed-url")).getAttribute("value");
        assertThat(get(chinese).body()).contains("X-WR-CALNAME:社区活动排期");

        // A leaked link: every link is replaced, the old ones stop working.
        browser.driver.findElement(By.id("rotate-feeds")).click();
        browser.driver.switchTo().alert().accept();
        browser.wait(10).until(d -> !row("all", null).findElement(By.cssSelector(".feed-url")).getAttribute("value")
                .equals(chinese));
        assertThat(get(chinese).statusCode()).isEqualTo(404);
        assertThat(get(row("all", null).findElement(By.cssSelector(".feed-url")).getAttribute("value")).statusCode())
                .isEqualTo(200);
    }

    private static WebElement row(String kind, String id) {
        String selector = "#feeds-list li.feed[data-kind='" + kind + "']" + (id == null ? "" : "[data-id='" + id + "']");
        return browser.driver.findElement(By.cssSelector(selector));
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
