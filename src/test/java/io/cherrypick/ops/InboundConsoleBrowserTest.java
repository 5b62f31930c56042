package io.cherrypick.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
import io.cherrypick.store.NewException;
import io.cherrypick.store.Timestamps;
import io.cherrypick.support.HeadlessChromium;

/**
 * "Where is this PO?" in a real browser (headless Chromium): purchasing finds a purchase order with the search box at
 * the top and sees its state, its lines (ordered, booked in, posted, still expected), its deliveries and its open
 * exception; the purchase orders page lists the late one; finance sees it in the inbound reconciliation. Text from the
 * systems stays text.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class InboundConsoleBrowserTest {
    static final String HOSTILE = "Mills <img src=x onerror=\"window.hacked=1\">";
    @RegisterExtension
    static final HeadlessChromium CHROMIUM = new HeadlessChromium();
    WebDriver browser;

    @LocalServerPort int port;
    @Autowired ExceptionStore exceptions;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void startFromNothing() {
        browser = CHROMIUM.driver();
        List.of("integration_exception", "goods_receipt_credit", "goods_receipt", "purchase_order_line", "purchase_order")
                .forEach(t -> jdbc.update("delete from " + t));
    }

    @Test
    void purchasingFindsAPurchaseOrderAndSeesItsLinesDeliveriesAndExceptionsAndFinanceItsUnits() {
        Instant now = Instant.now();
        String expected = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .format(LocalDateTime.ofInstant(now.minus(Duration.ofDays(4)), ZoneOffset.UTC));
        jdbc.update("insert into purchase_order (prod_num, stage_num, supplier, bc_location, site, expected_date, revision,"
                + " content, state, exception_open, note, created_at, sent_at, first_receipt_at, updated_at) values ('PO-B1',"
                + " '3', ?, 'NJ', 'PrimarySite', ?, '2', '{}', 'PARTLY_RECEIVED', true, 'Peoplevox booked in delivery GI-B1',"
                + " ?, ?, ?, ?)", HOSTILE, expected, at(now), at(now), at(now), at(now));
        jdbc.update("insert into purchase_order_line (prod_num, prod_line, item_code, style, color_code, size_desc, ordered)"
                + " values ('PO-B1', '1', '012345678905', '01234', 'BLK', 'S', 10), ('PO-B1', '2', '012345678912', '01234',"
                + " 'BLK', 'M', 5)");
        jdbc.update("insert into goods_receipt (reference, item_code, prod_num, site, quantity, received_date, source, state,"
                + " received_at, posted_at) values ('GI-B1', '012345678905', 'PO-B1', 'PrimarySite', 4, '01/12/2026 10:00:00',"
                + " 'event', 'POSTED', ?, ?)", at(now), at(now));
        long receipt = jdbc.queryForObject("select id from goods_receipt where reference = 'GI-B1'", Long.class);
        jdbc.update("insert into goods_receipt_credit (receipt_id, prod_num, prod_line, quantity) values (?, 'PO-B1', '1', 4)",
                receipt);
        jdbc.update("insert into goods_receipt (reference, item_code, prod_num, site, quantity, received_date, source, state,"
                + " note, received_at) values ('GI-B2', '012345678912', 'PO-B1', 'PrimarySite', 7, '02/12/2026 10:00:00',"
                + " 'event', 'EXCEPTION', 'over-receipt', ?)", at(now));
        exceptions.record(NewException.of("goods-receipt", "goods-receipt-to-erp", "GI-B2|012345678912", Category.OVER_RECEIPT,
                "Delivery GI-B2 item 012345678912: 7 booked in, ordered 5: 2 too many", "{}", null));

        open("/purchase-orders");
        waitForText(By.id("late"), "PO-B1");
        assertThat(browser.findElement(By.id("late")).getText()).contains("11 of 15").contains("4 days");

        WebElement search = waitFor(By.cssSelector("#search input"));
        search.sendKeys("PO-B1", Keys.ENTER); // one hit opens it
        waitForText(By.tagName("main"), "Where is this PO?");
        waitForText(By.cssSelector("section.purchase-order"), "Purchase order PO-B1 from " + HOSTILE);
        String card = browser.findElement(By.cssSelector("section.purchase-order")).getText();
        assertThat(card).contains("Partly received").doesNotContain("PARTLY_RECEIVED")
                .contains("Late: expected " + expected + ", 11 units still expected")
                .contains("15 units ordered, 11 booked in by the warehouse, 4 posted to Blue Cherry, 11 still expected.");
        assertThat(rows("lines")).containsExactly("1 012345678905 01234 BLK S 10 4 4 6", "2 012345678912 01234 BLK M 5 7 0 5");
        assertThat(rows("receipts")).containsExactly(
                "GI-B1 012345678905 4 01/12/2026 10:00:00 Posted to Blue Cherry",
                "GI-B2 012345678912 7 02/12/2026 10:00:00 Needs a person over-receipt");
        assertThat(rows("exceptions")).singleElement().asString().contains("More delivered than ordered")
                .contains("Purchasing").contains("2 too many");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.hacked === undefined"))
                .as("text from the systems is shown, never run").isEqualTo(true);

        open("/purchase-orders/NOPE");
        waitForText(By.id("not-found"), "No purchase order NOPE is known to Cherrypick.");

        open("/reconciliation");
        waitForText(By.id("inbound-rows"), "PO-B1");
        assertThat(rows("inbound-rows")).containsExactly("PO-B1 " + HOSTILE + " PrimarySite 15 11 4 7", "Total 15 11 4 7");
        assertThat(browser.findElement(By.id("inbound-csv")).getAttribute("href"))
                .contains("/api/reconciliation/inbound?format=csv");
    }

    private List<String> rows(String table) {
        return browser.findElements(By.cssSelector("#" + table + " tbody tr")).stream().map(WebElement::getText).toList();
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

    private static java.time.OffsetDateTime at(Instant instant) {
        return Timestamps.utc(instant);
    }
}
