package dev.runway.bootstrap.it;

import dev.runway.ric.testing.Prerequisite;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The local console in a real browser: headless Chromium, driven by Selenium through the system's chromedriver
 * (never one Selenium Manager would download), against {@code bootstrap} in local mode as a process. On CI
 * ({@code CI=true}) a missing Chromium fails the test: {@code .ci/run} installs it.
 */
class LocalConsoleIT extends BootstrapTestSupport {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("RUNWAY_CHROMIUM", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("RUNWAY_CHROMEDRIVER", "/usr/bin/chromedriver"));
    /** A bound on each wait for the page, never a measure of speed. */
    private static final Duration WAIT = Duration.ofSeconds(120);

    private LocalEmulator emulator;
    private WebDriver browser;

    @BeforeEach
    void requireChromium() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String missing = "No Chromium (" + CHROMIUM + ") or chromedriver (" + CHROMEDRIVER + "): install Debian's"
                + " chromium and chromium-driver (.ci/run does), or set RUNWAY_CHROMIUM and RUNWAY_CHROMEDRIVER";
        Prerequisite.require(present, missing);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (emulator != null) {
            emulator.close();
            System.out.println(emulator.process.output());
        }
    }

    private WebDriver browser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-proxy-server", "--window-size=1400,1250",
                "--user-data-dir=" + Files.createTempDirectory(temp, "chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(temp.resolve("chromedriver.log").toFile())
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1400, 1250));
        return browser;
    }

    private static WebDriverWait waitFor(WebDriver browser) {
        return new WebDriverWait(browser, WAIT, Duration.ofMillis(100));
    }

    @Test
    void invokesFromThePageAndShowsTheAnswerTheLogsTheTimelineAndTheEnvironment() throws Exception {
        // A link with a plain name: the screenshot (docs/images/console.png) shows the task root.
        Path taskRoot = Files.createSymbolicLink(temp.resolve("hello"), Distribution.sampleFunction().toAbsolutePath());
        emulator = LocalEmulator.start("console", taskRoot, "dev.runway.samples.hello.HelloHandler",
                Map.of("AWS_LAMBDA_FUNCTION_NAME", "hello-console"), List.of(), temp);
        WebDriver page = browser();
        page.get("http://127.0.0.1:" + emulator.port + "/");
        WebDriverWait wait = waitFor(page);

        // The environment and limits in force, and the event templates.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("environment"), "hello-console"));
        assertThat(page.findElement(By.id("environment")).getText())
                .contains("dev.runway.samples.hello.HelloHandler", "timeoutSeconds", "300", "memoryMb", "3008");
        wait.until(d -> new Select(d.findElement(By.id("event-template"))).getOptions().size() > 10);
        new Select(page.findElement(By.id("event-template"))).selectByValue("sqs");
        wait.until(d -> d.findElement(By.id("payload")).getDomProperty("value").contains("\"aws:sqs\""));

        WebElement payload = page.findElement(By.id("payload"));
        payload.clear();
        payload.sendKeys("{\"name\":\"Selenium\"}");
        page.findElement(By.id("invoke")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("response"), "Hello, Selenium!"));
        String status = page.findElement(By.id("response-status")).getText();
        assertThat(status).startsWith("HTTP 200").contains("RequestId ");
        String requestId = status.replaceAll("(?s).*RequestId ([0-9a-f-]+).*", "$1");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("logs"), "REPORT RequestId: " + requestId));
        assertThat(page.findElement(By.id("logs")).getText())
                .contains("START RequestId: " + requestId, "END RequestId: " + requestId, "Init Duration");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "platform.report"));
        assertThat(page.findElement(By.id("timeline")).getText()).contains("RequestId " + requestId,
                "platform.initStart", "platform.initRuntimeDone", "platform.initReport", "platform.start",
                "platform.runtimeDone", "platform.report", "status=success");

        // The README's picture: bootstrap/target/console/console.png, copied to docs/images/console.png.
        Path screenshot = ((ChromeDriver) page).getScreenshotAs(OutputType.FILE).toPath();
        Path kept = Files.createDirectories(Path.of("target", "console")).resolve("console.png");
        Files.copy(screenshot, kept, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(kept)).isGreaterThan(10_000);
    }

    @Test
    void showsAFunctionErrorAsTheErrorDocument() throws Exception {
        emulator = LocalEmulator.start("console-error", Distribution.sampleFunction(),
                "dev.runway.samples.failing.FailingHandler", Map.of(), List.of(), temp);
        WebDriver page = browser();
        page.get("http://127.0.0.1:" + emulator.port + "/");
        WebDriverWait wait = waitFor(page);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("environment"), "FailingHandler"));

        WebElement payload = page.findElement(By.id("payload"));
        payload.clear();
        payload.sendKeys("{\"order\":7}");
        page.findElement(By.id("invoke")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("response-status"), "function error"));
        assertThat(page.findElement(By.id("response")).getText()).contains("\"errorType\"", "\"errorMessage\"");
        assertThat(page.findElement(By.id("response")).getDomAttribute("class")).isEqualTo("error");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("logs"), "Status: error"));
    }
}
