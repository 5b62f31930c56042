package io.cherrypick.support;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and chromedriver for the console's browser tests. Without them a browser test is skipped, unless
 * {@code cherrypick.browser-tests=required} (what {@code .ci/run} sets, after installing them): then it fails.
 */
public final class HeadlessChromium {
    static final Path CHROMIUM = Path.of(System.getProperty("cherrypick.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("cherrypick.chromedriver", "/usr/bin/chromedriver"));

    private HeadlessChromium() {
    }

    public static WebDriver open() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "required".equals(System.getProperty("cherrypick.browser-tests"))) {
            fail("browser tests are required but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing");
        }
        assumeTrue(present, "needs Debian's chromium and chromium-driver (.ci/run installs them)");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toString())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
