package io.cherrypick.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.cherrypick.failure.Category;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.LifecycleState;
import io.cherrypick.store.NewException;
import io.cherrypick.store.OrderLifecycleStore;
import io.cherrypick.store.Timestamps;
import io.cherrypick.support.HeadlessChromium;

/**
 * The console at /ops in a real browser (headless Chromium): support reviews an exception and its payload and resolves
 * it under their name, customer service finds an order, text from the systems stays text ({@link HeadlessChromium}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OpsConsoleBrowserTest {
    static final String HOSTILE = "item <img src=x onerror=\"window.hacked=1\"> does not exist in Peoplevox";
    @RegisterExtension
    static final HeadlessChromium CHROMIUM = new HeadlessChromium();
    WebDriver browser;

    @LocalServerPort int port;
    @Autowired ExceptionStore exceptions;
    @Autowired OrderLifecycleStore lifecycle;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void startFromNothing() {
        browser = CHROMIUM.driver();
        List.of("integration_exception", "order_lifecycle", "audit_log").forEach(t -> jdbc.update("delete from " + t));
        browser.get("http://localhost:" + port + "/ops");
        ((JavascriptExecutor) browser).executeScript("localStorage.clear()"); // the operator's name of an earlier test
        browser.get("about:blank"); // so the next page loads afresh
    }

    private WebElement waitFor(By what) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(what));
    }

    private void waitForText(By what, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(what, text));
    }

    private void open(String hash) {
        browser.get("http://localhost:" + port + "/ops#" + hash);
    }

    @Test
    void supportReviewsAnExceptionWithItsPayloadAndResolvesItUnderTheirName() {
        long id = exceptions.record(NewException.of("sales-order", "sales-order-to-wms", "PX1", Category.SKU_MISMATCH,
                "Pick PX1 line 2: " + HOSTILE, "{\"pick_num\":\"PX1\",\"lines\":[{\"upc\":\"099999999993\"}]}", null));
        lifecycle.received("PX1", "OPX1", "PO-77", "WEB01", "NJ", "2026-11-27 08:00:00");
        lifecycle.held("PX1", "SKU 099999999993 does not exist in Peoplevox");

        open("/");
        waitForText(By.tagName("main"), "Open exceptions by problem");
        browser.findElement(By.linkText("Item unknown to Peoplevox")).click();
        waitForText(By.tagName("main"), "PX1");
        assertThat(browser.findElement(By.tagName("tbody")).getText()).contains(HOSTILE);
        assertThat(((JavascriptExecutor) browser).executeScript("return window.hacked === undefined"))
                .as("text from the systems is shown, never run").isEqualTo(true);

        browser.findElement(By.linkText(String.valueOf(id))).click();
        assertThat(waitFor(By.id("payload")).getText()).contains("\"pick_num\": \"PX1\"").contains("\"upc\": \"099999999993\"");

        waitFor(By.id("resolve")).click();
        waitForText(By.id("notice"), "Enter your name");
        assertThat(exceptions.find(id).orElseThrow().status()).isEqualTo("OPEN");

        browser.findElement(By.id("operator")).sendKeys("sam.support");
        browser.findElement(By.id("resolve")).click();
        waitForText(By.id("notice"), "exception " + id + ": say why you resolve it (field reason is empty)");
        browser.findElement(By.id("reason")).sendKeys("item created by hand after the call with the buyer");
        browser.findElement(By.id("resolve")).click();
        waitForText(By.id("notice"), "is now RESOLVED");
        assertThat(exceptions.find(id).orElseThrow().status()).isEqualTo("RESOLVED");
        assertThat(exceptions.find(id).orElseThrow().actionedBy()).isEqualTo("sam.support");

        open("/audit");
        waitForText(By.tagName("main"), "sam.support");
        assertThat(browser.findElement(By.tagName("tbody")).getText()).contains("item created by hand");
    }

    @Test
    void anIntegratorMapsANewLocationToASiteAndRemovesItAgain() {
        jdbc.update("delete from value_mapping where kind = 'site' and source_value = 'MIA'");
        open("/mappings");
        waitForText(By.tagName("main"), "Blue Cherry location → Peoplevox site reference");
        browser.findElement(By.linkText("site")).click();
        waitFor(By.id("mapping-source")).sendKeys("MIA");
        browser.findElement(By.id("mapping-target")).sendKeys("PrimarySite");
        browser.findElement(By.id("operator")).sendKeys("ian.integrator");
        browser.findElement(By.id("mapping-save")).click();
        waitForText(By.id("notice"), "site MIA → PrimarySite.");
        assertThat(jdbc.queryForList("select target_value from value_mapping where kind = 'site' and source_value = 'MIA'",
                String.class)).containsExactly("PrimarySite");
        assertThat(jdbc.queryForObject("select actor from audit_log where action = 'MAP' and target_id = 'site:MIA'",
                String.class)).isEqualTo("ian.integrator");

        WebElement row = waitFor(By.xpath("//table[@id='mapping-values']//tr[td[2][text()='MIA']]"));
        row.findElement(By.tagName("button")).click();
        waitForText(By.id("notice"), "site MIA removed.");
        assertThat(jdbc.queryForObject("select count(*) from value_mapping where kind = 'site' and source_value = 'MIA'",
                Integer.class)).isZero();
    }

    @Test
    void customerServiceFindsAnOrderAndAReturnOpsSeesTheStuckOnesAndFinanceTheReconciliation() {
        lifecycle.received("PX2", "OPX2", "PO-78", "WEB01", "NJ", "2026-11-27 08:00:00");
        lifecycle.moveTo("PX2", LifecycleState.DESPATCHED, null);
        jdbc.update("update order_lifecycle set despatched_at = ? where pick_num = 'PX2'",
                Timestamps.utc(Instant.now().minus(Duration.ofHours(3))));

        open("/orders");
        WebElement search = waitFor(By.cssSelector("#search input"));
        search.sendKeys("OPX2", Keys.ENTER); // the one box at the top finds it, and one hit opens it
        waitForText(By.tagName("main"), "Pick PX2 (order OPX2)");
        String card = browser.findElement(By.cssSelector("section.order")).getText();
        assertThat(card).contains("Despatched").contains("Taken from Blue Cherry").doesNotContain("DESPATCHED");

        open("/orders?q=NOPE");
        waitForText(By.tagName("main"), "No pick or order NOPE is known to Cherrypick.");

        // a return: where is it, what was authorised and what is still open
        jdbc.update("delete from return_authorisation_line");
        jdbc.update("delete from return_authorisation");
        jdbc.update("insert into return_authorisation (ra_num, ord_num, pick_num, customer, bc_location, reason_code,"
                + " revision, fingerprint, state, exception_open, note, authorised_at, expected_at, updated_at) values"
                + " ('RA-9', 'OPX2', 'PX2', 'WEB01', 'NJ', 'WS', 'r1', 'f1', 'EXPECTED_IN_PEOPLEVOX', false,"
                + " 'expected in Peoplevox at PrimarySite', ?, ?, ?)", Timestamps.utc(Instant.now()),
                Timestamps.utc(Instant.now()), Timestamps.utc(Instant.now()));
        jdbc.update("insert into return_authorisation_line (ra_num, line_seq, style, color_code, size_desc, upc, item_code,"
                + " ra_qty) values ('RA-9', 1, '01234', 'BLK', 'M', '012345678905', '012345678905', 2)");
        open("/returns");
        waitForText(By.tagName("main"), "RA-9");
        browser.findElement(By.linkText("RA-9")).click();
        waitForText(By.tagName("main"), "Return RA-9 (order OPX2, pick PX2)");
        String ret = browser.findElement(By.cssSelector("section.return")).getText();
        assertThat(ret).contains("Expected by the warehouse").contains("expected in Peoplevox at PrimarySite")
                .contains("1 012345678905 01234 BLK M 2 0 2").contains("Nothing received yet.");

        open("/stuck");
        waitForText(By.tagName("main"), "PX2");
        assertThat(browser.findElement(By.tagName("tbody")).getText()).contains("confirmed in Blue Cherry");

        // finance: the orders report and the last stock reconciliation's variances
        jdbc.update("delete from stock_variance");
        jdbc.update("delete from stock_reconciliation");
        long run = 7;
        jdbc.update("insert into stock_reconciliation (id, kind, started_at, finished_at, report_rows, corrected,"
                + " channel_pushes, bc_variances, channel_variances, unknown_skus, status) values"
                + " (?, 'SCHEDULED', ?, ?, 51, 1, 0, 1, 0, 0, 'DONE')", run, Timestamps.utc(Instant.now()),
                Timestamps.utc(Instant.now()));
        jdbc.update("insert into stock_variance (item_code, site, reconciliation_id, bc_location, pvx_on_hand, bc_told_on_hand,"
                + " bc_variance, channel_variance, has_variance, corrected, reconciled_at) values ('012345678905',"
                + " 'PrimarySite', ?, 'NJ', 17, 20, -3, 0, true, true, ?)", run, Timestamps.utc(Instant.now()));
        open("/reconciliation");
        waitForText(By.tagName("main"), "Stock variances");
        assertThat(browser.findElement(By.id("csv")).getAttribute("href")).contains("/api/reconciliation/orders?format=csv");
        assertThat(browser.findElement(By.id("stock-run")).getText()).contains("51 rows read, 1 levels corrected");
        assertThat(browser.findElements(By.cssSelector("#stock-variances tbody tr td")).stream().map(WebElement::getText)
                .toList()).startsWith("012345678905", "PrimarySite", "NJ", "17", "", "20", "-3", "0", "yes");
    }
}
