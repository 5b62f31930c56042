package io.cherrypick.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.cherrypick.bluecherry.BlueCherryClient;
import io.cherrypick.flow.item.Styles;
import io.cherrypick.mapping.Mappings;
import io.cherrypick.peoplevox.PeoplevoxClient;
import io.cherrypick.support.FreePort;
import io.cherrypick.support.HeadlessChromium;
import io.cherrypick.support.Simulators;

/**
 * The console's "Setup audit" page in a real browser (headless Chromium): an integrator runs the audit, watches it
 * go check by check (Peoplevox paced at 3 calls a second here, so it takes a few seconds), reads the verdicts and what
 * to fix (text from the systems stays text), and prints the report.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "cherrypick.flows.sales-order.enabled=true", "cherrypick.flows.item.enabled=true",
        "cherrypick.flows.despatch.enabled=true", "cherrypick.setup.pacing=always",
        "cherrypick.peoplevox.rate-limit.requests=3", "cherrypick.peoplevox.rate-limit.period=1s"})
@ActiveProfiles("test")
class SetupAuditBrowserTest {
    static final int PORT = FreePort.find();
    static final String HOSTILE = "<img src=x onerror=\"window.hacked=1\">";
    @RegisterExtension
    static final HeadlessChromium CHROMIUM = new HeadlessChromium();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("camel.main.routes-include-pattern",
                () -> "file:routes/peoplevox-webhooks.camel.yaml,file:routes/error-handling.camel.yaml");
    }

    @Autowired PeoplevoxClient peoplevox;
    @Autowired BlueCherryClient blueCherry;
    @Autowired Mappings mappings;
    @Autowired JdbcTemplate jdbc;

    private void waitForText(WebDriver browser, By what, String text, int seconds) {
        new WebDriverWait(browser, Duration.ofSeconds(seconds))
                .until(ExpectedConditions.textToBePresentInElementLocated(what, text));
    }

    /** For a person to look at: target/setup-audit-*.png. */
    private static void screenshot(WebDriver browser, String name) {
        try {
            java.nio.file.Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                    java.nio.file.Path.of("target", name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anIntegratorRunsTheAuditFollowsItAndPrintsTheReport() {
        jdbc.update("delete from setup_audit_run");
        new SetupWorld(PORT, peoplevox, blueCherry, mappings).seedMismatches();
        new Simulators(PORT).post("/sim/peoplevox/_control/seed", Map.of("items", List.of(Map.of("ItemCode", "HOSTILE1",
                "Name", HOSTILE, "Barcode", Styles.upc(797, 1)))));
        WebDriver browser = CHROMIUM.driver();
        browser.get("http://localhost:" + PORT + "/ops#/setup-audit");
        waitForText(browser, By.id("setup-audit-status"), "No audit has run yet.", 10);
        assertThat(browser.findElement(By.cssSelector("nav a.active")).getText()).isEqualTo("Setup audit");

        browser.findElement(By.id("setup-audit-run")).click();
        waitForText(browser, By.id("notice"), "Enter your name", 10);
        browser.findElement(By.id("operator")).sendKeys("ian.integrator");
        browser.findElement(By.id("setup-audit-run")).click();
        waitForText(browser, By.id("setup-audit-status"), "Running since", 10);
        waitForText(browser, By.id("setup-audit-status"), " of 8, ", 20);
        assertThat(browser.findElements(By.cssSelector("#setup-audit-status progress"))).hasSize(1);
        assertThat(browser.findElement(By.id("setup-audit-run")).isEnabled()).isFalse();

        waitForText(browser, By.id("setup-audit-status"), "Verdict FAIL", 120);
        String findings = browser.findElement(By.id("setup-audit-findings")).getText();
        assertThat(findings).contains("FAIL Peoplevox setup: Templates Cherrypick writes have every field it maps",
                "Sales orders has no field Attribute2", "Fix: In Peoplevox, Integrations", "location MIA",
                "Order 910004 is despatched in Peoplevox", HOSTILE);
        assertThat(((JavascriptExecutor) browser).executeScript("return window.hacked === undefined"))
                .as("text from the systems is shown, never run").isEqualTo(true);
        assertThat(browser.findElement(By.tagName("tbody")).getText()).contains("Order drift", "FAIL", "WARN", "PASS");

        screenshot(browser, "setup-audit-console.png");
        String report = browser.findElement(By.id("setup-audit-print")).getAttribute("href");
        browser.get(report);
        waitForText(browser, By.tagName("h1"), "Cherrypick setup audit", 10);
        assertThat(browser.findElements(By.cssSelector("svg rect"))).hasSize(1);
        assertThat(((JavascriptExecutor) browser).executeScript("return window.hacked === undefined")).isEqualTo(true);
        screenshot(browser, "setup-audit-report.png");
        String pdf = ((PrintsPage) browser).print(new PrintOptions()).getContent();
        assertThat(new String(Base64.getDecoder().decode(pdf), java.nio.charset.StandardCharsets.ISO_8859_1))
                .startsWith("%PDF").containsPattern("/Type\\s*/Page[^s]");
    }
}
