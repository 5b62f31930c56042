package io.cherrypick.ops;

import static io.cherrypick.support.JsonViews.list;
import static io.cherrypick.support.JsonViews.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

import io.cherrypick.store.AuditLog;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.OrderLifecycleStore;
import io.cherrypick.support.HeadlessChromium;
import io.cherrypick.support.ManualScreenshots;

/**
 * Every page of the console and every chart of the overview in a real browser (headless Chromium), over a day of
 * traffic ({@link ConsoleScene}): each page renders, each chart draws the numbers the API gives, deep links open their
 * record, constants read as plain words, lists page and export, a bulk action shows its preview before it acts, the
 * guided fix leads to the mapping to add. With {@code -Dcherrypick.manual.screenshots=true} the pages are photographed
 * for the manual ({@link ManualScreenshots}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ConsoleBrowserTest {
    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };
    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    @RegisterExtension
    static final HeadlessChromium CHROMIUM = new HeadlessChromium();
    WebDriver browser;
    RestClient api;
    long heldException;

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired OrderLifecycleStore lifecycle;
    @Autowired ExceptionStore exceptions;
    @Autowired AuditLog audit;

    @BeforeEach
    void aDayOfTraffic() {
        heldException = new ConsoleScene(jdbc, lifecycle, exceptions, audit).write();
        api = RestClient.builder().baseUrl("http://localhost:" + port).build();
        browser = CHROMIUM.driver();
        browser.get("http://localhost:" + port + "/ops");
        ((JavascriptExecutor) browser).executeScript("localStorage.clear()");
        browser.get("about:blank"); // so each test's first page loads afresh
    }

    private void open(String hash) {
        browser.get("http://localhost:" + port + "/ops#" + hash);
    }

    private <T> T await(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition);
    }

    private WebElement waitFor(By what) {
        return await(ExpectedConditions.visibilityOfElementLocated(what));
    }

    private void waitForText(By what, String text) {
        await(ExpectedConditions.textToBePresentInElementLocated(what, text));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** What a chart drew: series -> index -> value, read from its marks. */
    private Map<String, Map<Integer, Double>> drawn(String chartId) {
        List<?> marks = (List<?>) js("return Array.from(document.querySelectorAll('#' + arguments[0]"
                + " + ' [data-series][data-value]')).map(e => [e.getAttribute('data-series'),"
                + " Number(e.getAttribute('data-index')), Number(e.getAttribute('data-value'))])", chartId);
        Map<String, Map<Integer, Double>> bySeries = new TreeMap<>();
        for (Object mark : marks) {
            List<?> m = (List<?>) mark;
            bySeries.computeIfAbsent((String) m.get(0), k -> new TreeMap<>())
                    .put(((Number) m.get(1)).intValue(), ((Number) m.get(2)).doubleValue());
        }
        return bySeries;
    }

    /** What the API gives for these series of a chart (values left out: nulls, and zeros when {@code skipZeros}). */
    private static Map<String, Map<Integer, Double>> expected(Map<String, Object> chart, List<String> keys, boolean skipZeros) {
        Map<String, Map<Integer, Double>> bySeries = new TreeMap<>();
        for (Map<String, Object> s : list(chart.get("series"))) {
            if (!keys.contains((String) s.get("key"))) {
                continue;
            }
            Map<Integer, Double> values = new TreeMap<>();
            List<?> raw = (List<?>) s.get("values");
            for (int i = 0; i < raw.size(); i++) {
                Number v = (Number) raw.get(i);
                if (v != null && !(skipZeros && v.doubleValue() == 0)) {
                    values.put(i, v.doubleValue());
                }
            }
            if (!values.isEmpty() || !skipZeros) {
                bySeries.put((String) s.get("key"), values);
            }
        }
        return bySeries;
    }

    private static List<String> keys(Map<String, Object> chart) {
        return list(chart.get("series")).stream().map(s -> (String) s.get("key")).toList();
    }

    private Map<String, Object> get(String path) {
        return api.get().uri(path).retrieve().body(MAP);
    }

    @Test
    void eachChartOfTheOverviewDrawsTheNumbersTheApiGives() {
        open("/");
        waitFor(By.cssSelector("#chart-backlog-now svg"));
        Map<String, Object> orders = get("/api/charts/orders?window=24h");
        assertThat(drawn("chart-orders")).isEqualTo(expected(orders, keys(orders), false))
                .as("orders drawn").isNotEmpty();
        Map<String, Object> exceptionsChart = get("/api/charts/exceptions?days=14");
        assertThat(drawn("chart-exceptions")).isEqualTo(expected(exceptionsChart, keys(exceptionsChart), true))
                .containsKeys("opened:SKU_MISMATCH", "resolved:API_TIMEOUT");
        Map<String, Object> calls = get("/api/charts/peoplevox-calls?window=24h");
        assertThat(drawn("chart-calls")).isEqualTo(expected(calls, List.of("busiest-minute", "average-minute",
                "rate-limited"), false));
        assertThat(drawn("chart-calls").get("busiest-minute").values()).contains(64.0);
        assertThat(Double.parseDouble(browser.findElement(By.cssSelector("#chart-calls line.level")).getAttribute("data-value")))
                .isEqualTo(((Number) map(calls.get("extra")).get("budgetPerMinute")).doubleValue());
        Map<String, Object> latency = get("/api/charts/latency?window=24h");
        assertThat(drawn("chart-latency-orders")).isEqualTo(expected(latency,
                List.of("pick-to-peoplevox:p50", "pick-to-peoplevox:p95"), false)).isNotEmpty();
        assertThat(drawn("chart-latency-despatch")).isEqualTo(expected(latency,
                List.of("despatch-to-blue-cherry:p50", "despatch-to-blue-cherry:p95"), false)).isNotEmpty();
        assertThat(drawn("chart-latency-stock")).isEqualTo(expected(latency,
                List.of("stock-push:p50", "stock-push:p95"), false)).isNotEmpty();
        Map<String, Object> backlog = get("/api/charts/backlog?window=24h");
        assertThat(drawn("chart-backlog")).isEqualTo(expected(backlog, keys(backlog), false))
                .containsKeys("sales-order", "despatch", "stock-channel:web");
        Map<String, Map<Integer, Double>> now = drawn("chart-backlog-now");
        for (Map<String, Object> flow : list(map(backlog.get("extra")).get("now"))) {
            assertThat(now.get((String) flow.get("flow"))).containsEntry(0, ((Number) flow.get("waiting")).doubleValue());
            assertThat(now.get(flow.get("flow") + ":held")).containsEntry(0, ((Number) flow.get("held")).doubleValue());
        }
        long open = map(get("/api/flows").get("openExceptionsByCategory")).values().stream()
                .mapToLong(n -> ((Number) n).longValue()).sum();
        assertThat(open).as("the scene's open exceptions").isEqualTo(10);
        assertThat(browser.findElement(By.cssSelector("#tile-exceptions .n")).getText()).isEqualTo(String.valueOf(open));
        // the systems' circuit breakers: the channel that stopped answering, down first, and Blue Cherry's one failure
        assertThat(browser.findElement(By.cssSelector("#tile-systems .n")).getText()).isEqualTo("1");
        List<String> systems = browser.findElements(By.cssSelector("#systems tbody tr")).stream().map(WebElement::getText)
                .toList();
        assertThat(systems).hasSize(2);
        assertThat(systems.get(0)).startsWith("Channel web").contains("DOWN since").contains("its queues wait")
                .contains("did not answer in time");
        assertThat(systems.get(1)).startsWith("Blue Cherry").contains("answering").contains("HTTP 503");
        ManualScreenshots.take(browser, "overview");

        browser.findElement(By.id("window-7d")).click();
        await(d -> drawn("chart-orders").values().stream().anyMatch(v -> v.containsKey(150)));
        Map<String, Object> week = get("/api/charts/orders?window=7d");
        assertThat(drawn("chart-orders")).isEqualTo(expected(week, keys(week), false));
    }

    @Test
    void everyPageRendersAndADeepLinkOpensItsRecord() {
        String[][] pages = {
                {"/exceptions?status=OPEN", "list-exceptions", "exceptions"},
                {"/exceptions/" + heldException, "guide", "exception"},
                {"/orders", "list-orders", "orders"},
                {"/orders/" + ConsoleScene.DESPATCHED_PICK, "order-" + ConsoleScene.DESPATCHED_PICK, "order"},
                {"/returns", "list-returns", "returns"},
                {"/returns/" + ConsoleScene.RETURN, "return-" + ConsoleScene.RETURN, "return"},
                {"/lists/return-receipts", "list-return-receipts", "returns-received"},
                {"/stuck", "list-stuck-orders", "stuck"},
                {"/reconciliation", "reconciliation-rows", "reconciliation"},
                {"/mappings/site", "mapping-values", "mappings"},
                {"/alerts", "list-alerts", "alerts"},
                {"/audit", "list-audit", "audit-log"},
                {"/lists/records?flow=despatch&status=PENDING", "list-records", "records"},
                {"/search?q=1001", "hits", "search"}};
        for (String[] p : pages) {
            browser.get("about:blank");
            open(p[0]);
            waitFor(By.id(p[1]));
            assertThat(browser.findElements(By.id("page-error"))).as(p[0]).isEmpty();
            ManualScreenshots.take(browser, p[2]);
        }

        // the order's steps are the API's, with their durations
        browser.get("about:blank");
        open("/orders/" + ConsoleScene.DESPATCHED_PICK);
        waitFor(By.cssSelector("#order-" + ConsoleScene.DESPATCHED_PICK + " ol.timeline li.done"));
        Map<String, Object> view = api.get().uri("/api/orders/" + ConsoleScene.DESPATCHED_PICK).retrieve().body(LIST).get(0);
        List<String> steps = browser.findElements(By.cssSelector("ol.timeline li.done .label")).stream()
                .map(WebElement::getText).toList();
        assertThat(steps).isEqualTo(list(map(view.get("timeline")).get("steps")).stream().map(s -> s.get("label")).toList())
                .containsExactly("Taken from Blue Cherry", "Sent to the warehouse", "Accepted by the warehouse",
                        "Stock allocated", "Being picked", "Despatched");
        assertThat(browser.findElement(By.cssSelector("ol.timeline li.ahead")).getText()).contains("Confirmed in Blue Cherry");
        assertThat(browser.findElement(By.cssSelector("ol.timeline li.now")).getText()).contains("in this step");

        // an address of the earlier console, and the search box with one hit, open the record too
        browser.get("about:blank");
        open("/orders?q=40003");
        await(ExpectedConditions.urlContains("#/orders/40003"));
        waitFor(By.id("order-" + ConsoleScene.DESPATCHED_PICK));
        WebElement search = browser.findElement(By.cssSelector("#search input"));
        search.sendKeys("DES000002", Keys.ENTER);
        await(ExpectedConditions.urlContains("#/orders/" + ConsoleScene.DESPATCHED_PICK));
        waitFor(By.id("order-" + ConsoleScene.DESPATCHED_PICK));
        open("/orders/NOPE-1");
        waitForText(By.id("not-found"), "No pick or order NOPE-1 is known to Cherrypick.");
    }

    @Test
    void constantsReadAsPlainWordsWithTheConstantInTheTooltip() {
        open("/orders?state=HELD_IN_BLUE_CHERRY");
        WebElement state = waitFor(By.cssSelector("#list-orders td .word"));
        assertThat(state.getText()).isEqualTo("Held: needs a fix");
        assertThat(state.getAttribute("title")).startsWith("HELD_IN_BLUE_CHERRY: Not sent to the warehouse");
        assertThat(new Select(browser.findElement(By.name("state"))).getFirstSelectedOption().getText())
                .isEqualTo("Held: needs a fix");
        open("/exceptions?status=OPEN");
        waitFor(By.id("list-exceptions"));
        assertThat(browser.findElement(By.id("list-exceptions")).getText()).contains("Location without a warehouse")
                .contains("Orders to Peoplevox").contains("Open").doesNotContain("MISSING_WAREHOUSE");
    }

    @Test
    void aListComesAPageAtATimeAndAsCsv() {
        open("/orders");
        waitForText(By.cssSelector(".pager .count"), "1–50 of 63");
        assertThat(browser.findElements(By.cssSelector("#list-orders tbody tr"))).hasSize(50);
        browser.findElement(By.cssSelector(".pager .next")).click();
        waitForText(By.cssSelector(".pager .count"), "51–63 of 63");
        assertThat(browser.findElements(By.cssSelector("#list-orders tbody tr"))).hasSize(13);
        String csv = browser.findElement(By.cssSelector(".pager .csv")).getAttribute("href");
        assertThat(csv).contains("/api/lists/orders?").contains("format=csv");
        assertThat(api.get().uri(csv).retrieve().body(String.class).lines()).hasSize(64);
    }

    @Test
    void aBulkReplayShowsWhatItWillDoAndActsOnlyWhenConfirmed() {
        open("/exceptions?status=OPEN&category=MISSING_WAREHOUSE");
        waitFor(By.id("list-exceptions"));
        browser.findElement(By.id("operator")).sendKeys("sam.support");
        browser.findElement(By.cssSelector("#bulk summary")).click();
        new Select(browser.findElement(By.id("bulk-action"))).selectByValue("replay");
        browser.findElement(By.id("bulk-show")).click();
        waitForText(By.id("bulk-summary"), "Replay will act on 1 exception");
        assertThat(browser.findElement(By.id("bulk-items")).getText()).contains(ConsoleScene.HELD_PICK).contains("replayed");
        assertThat(exceptions.find(heldException).orElseThrow().status()).as("nothing done yet").isEqualTo("OPEN");
        ManualScreenshots.take(browser, "bulk-preview");
        browser.findElement(By.id("bulk-confirm")).click();
        waitForText(By.id("notice"), "Replay: 1 done, 0 skipped.");
        assertThat(exceptions.find(heldException).orElseThrow().status()).isEqualTo("REPLAYED");
        assertThat(exceptions.find(heldException).orElseThrow().actionedBy()).isEqualTo("sam.support");
    }

    @Test
    void theGuidedFixSaysWhatToDoAndLeadsToTheMappingToAdd() {
        open("/exceptions/" + heldException);
        WebElement guide = waitFor(By.id("guide"));
        assertThat(guide.getText()).contains("Location without a warehouse · for Support")
                .contains("An admin adds the location under Mappings, kind site")
                .contains("Right after the mapping is added");
        browser.findElement(By.linkText("Mapping site: add MIA")).click();
        await(ExpectedConditions.urlContains("#/mappings/site?source=MIA"));
        assertThat(waitFor(By.id("mapping-source")).getAttribute("value")).isEqualTo("MIA");
    }
}
