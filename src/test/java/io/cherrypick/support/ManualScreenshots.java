package io.cherrypick.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/**
 * The manual's screenshots (docs/manual/img), taken by the browser tests as they look at each page, so the pictures
 * stay current: only with {@code -Dcherrypick.manual.screenshots=true} (otherwise nothing is written). Commit the images
 * that change.
 */
public final class ManualScreenshots {
    public static final boolean ON = Boolean.getBoolean("cherrypick.manual.screenshots");
    static final Path DIR = Path.of("docs", "manual", "img");
    static final int WIDTH = 1400;
    static final int MAX_HEIGHT = 3200;

    private ManualScreenshots() {
    }

    /** The whole page (up to {@value #MAX_HEIGHT} pixels high) as {@code docs/manual/img/<name>.png}. */
    public static void take(WebDriver driver, String name) {
        if (!ON) {
            return;
        }
        Dimension before = driver.manage().window().getSize();
        try {
            // the window's own bars take part of its height: size it so the page's whole height is in view
            List<?> sizes = (List<?>) ((JavascriptExecutor) driver).executeScript("return [Math.max("
                    + "document.body.scrollHeight, document.documentElement.scrollHeight),"
                    + " window.outerHeight - window.innerHeight]");
            int page = ((Number) sizes.get(0)).intValue();
            int bars = Math.max(0, ((Number) sizes.get(1)).intValue());
            driver.manage().window().setSize(new Dimension(WIDTH, Math.min(MAX_HEIGHT, page + bars + 2)));
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.createDirectories(DIR);
            Files.write(DIR.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(before);
        }
    }
}
