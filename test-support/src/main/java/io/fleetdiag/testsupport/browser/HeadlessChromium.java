package io.fleetdiag.testsupport.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium for browser tests: Debian's {@code chromium} and {@code chromium-driver}
 * ({@code .ci/run} installs them), given to Selenium by path so that Selenium Manager never downloads
 * a browser or a driver. Where they are absent the test is skipped, saying what to install.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path BROWSER = Path.of(System.getProperty("fleetdiag.chromium", "/usr/bin/chromium"));
    public static final Path DRIVER = Path.of(System.getProperty("fleetdiag.chromedriver", "/usr/bin/chromedriver"));

    private final ChromeDriver driver;

    private HeadlessChromium(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Starts the browser with a 1280x1000 window, or skips the calling test when it is not installed. */
    public static HeadlessChromium start() {
        Assumptions.assumeTrue(Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER),
                "No Chromium for the browser test: install Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)"
                        + " so that " + BROWSER + " and " + DRIVER + " exist, as .ci/run does");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(60));
        driver.manage().window().setSize(new Dimension(1280, 1000));
        return new HeadlessChromium(driver);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Saves the whole page as a PNG (the window grows to the page's height for it, up to 4,000 pixels). */
    public Path screenshot(Path file) {
        Dimension window = driver.manage().window().getSize();
        long height = ((Number) driver.executeScript("return document.documentElement.scrollHeight;")).longValue();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            driver.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(4_000, Math.max(window.getHeight(), height + 150))));
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the screenshot " + file, e);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
