package org.communityscheduler.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.communityscheduler.server.SchedulerServer;
import org.communityscheduler.server.ServerSettings;

/**
 * A running server and Debian's headless chromium (driven through chromedriver) on its page, for the page tests.
 * Registered as an extension, it starts both for the test class and stops them after it. Without a browser the tests
 * are skipped, except in CI ({@code CI=true}) where they fail.
 */
final class Browser implements BeforeAllCallback, AfterAllCallback {

    static final Path CHROMIUM = Path.of(System.getProperty("chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver", "/usr/bin/chromedriver"));

    private final ServerSettings settings;
    private final Dimension window;
    SchedulerServer server;
    ChromeDriver driver;
    /** Where the browser saves what the page downloads. */
    Path downloads;
    private ChromeDriverService service;
    /** The browser's profile and downloads. */
    private Path temp;

    /** A server with these settings (on a free port) and a browser window of 1440 x 900. */
    Browser(ServerSettings settings) {
        this(settings, new Dimension(1440, 900));
    }

    Browser(ServerSettings settings, Dimension window) {
        this.settings = settings.withPort(0);
        this.window = window;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        requireBrowser();
        temp = Files.createTempDirectory("page-test");
        downloads = Files.createDirectories(temp.resolve("downloads"));
        server = new SchedulerServer(settings).start();
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options(temp.resolve("profile"), downloads, window));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (service != null) {
                service.stop();
            }
            if (server != null) {
                server.stop();
            }
            if (temp != null) {
                try (Stream<Path> files = Files.walk(temp)) {
                    files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
                }
            }
        }
    }

    private static void requireBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String reason = "no browser: install chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            assertThat(present).as(reason).isTrue();
        } else {
            Assumptions.assumeTrue(present, reason);
        }
    }

    /** Headless, in English, and quiet: no updates, sync or other calls out, which a closed network would stall. */
    private static ChromeOptions options(Path profile, Path downloads, Dimension window) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile,
                "--window-size=" + window.getWidth() + "," + window.getHeight(), "--lang=en-US");
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toString(),
                "download.prompt_for_download", false,
                "download.directory_upgrade", true,
                "intl.accept_languages", "en-US,en"));
        return options;
    }

    String origin() {
        return "http://localhost:" + server.port();
    }

    /** Opens this server's page and waits until it is ready. */
    void open(String path) {
        open(server, path);
    }

    /** Opens a page of that server and waits until it is ready, or asks for its token. */
    void open(SchedulerServer target, String path) {
        driver.get("http://localhost:" + target.port() + path);
        wait(10).until(d -> new Select(d.findElement(By.id("demo-select"))).getOptions().size() >= 2
                || d.findElement(By.id("token-dialog")).isDisplayed());
    }

    /** The page as a coordinator opens it the first time: nothing remembered from an earlier test. */
    void openFresh() {
        open("/");
        driver.executeScript("localStorage.clear(); sessionStorage.clear();");
        open("/");
    }

    void loadDemo(String name) {
        Select demos = new Select(driver.findElement(By.id("demo-select")));
        demos.selectByValue(name);
        WebElement option = demos.getFirstSelectedOption();
        String planName = option.getAttribute("data-title"); // the plan's name, where the page names the sample otherwise
        String title = planName != null ? planName : option.getText();
        driver.findElement(By.id("demo-load")).click();
        wait(10).until(d -> d.findElement(By.id("plan-title")).getText().startsWith(title)
                && !d.findElements(By.cssSelector(".grid .day")).isEmpty() && d.findElement(By.id("solve")).isEnabled());
    }

    /** Solves with the shortest time limit and waits for the final, analyzed schedule (of this solve, not the last). */
    void solve() {
        new Select(driver.findElement(By.id("time-limit"))).selectByValue("3s");
        // Stop shows while the solve runs: perhaps only for a moment, when the week reaches a perfect score at once.
        ((JavascriptExecutor) driver).executeScript("window.stopShown = false; new MutationObserver((changes, seen) => {"
                + " if (!document.getElementById('stop').hidden) { window.stopShown = true; seen.disconnect(); } })"
                + ".observe(document.getElementById('stop'), {attributes: true});");
        driver.findElement(By.id("solve")).click();
        wait(10).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return window.stopShown;")));
        wait(40).until(d -> !d.findElements(By.cssSelector("#constraints .constraint")).isEmpty()
                && !d.findElement(By.id("stop")).isDisplayed() && d.findElement(By.id("download-csv")).isEnabled());
    }

    /** Agrees to the question the page asks before it throws a week away. */
    void acceptQuestion() {
        wait(5).until(ExpectedConditions.alertIsPresent()).accept();
    }

    String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    /** The raw score of the week on the page ("0hard/0medium/-420soft"), which the summary says in words. */
    String score() {
        String score = driver.findElement(By.id("summary-score")).getAttribute("data-score");
        return score == null ? "" : score;
    }

    /**
     * A finished download whose name matches the glob, or null (Chromium writes .crdownload files until it is done).
     */
    Path downloaded(String glob) {
        PathMatcher name = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        try (Stream<Path> files = Files.list(downloads)) {
            return files.filter(file -> name.matches(file.getFileName())).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** The page redraws parts of itself: an element found a moment ago may be replaced, so look again. */
    /** A session's block on the rooms grid, by its key ("homework#1"). */
    static By block(String key) {
        return By.cssSelector(".rooms-grid .block[data-key='" + key + "']");
    }

    /** Picks a session by a click on its block and waits for the cells it may move to. */
    void pick(String key) {
        driver.findElement(block(key)).click();
        wait(5).until(d -> !d.findElements(By.cssSelector(".cells .cell")).isEmpty()
                && d.findElement(By.id("edit-picked")).isDisplayed());
    }

    /** Waits until no edit is waiting to be scored. */
    void awaitScored() {
        wait(10).until(d -> !d.findElement(By.id("edit-status")).isDisplayed());
    }

    WebDriverWait wait(int seconds) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }
}
