package io.cherrypick.flow.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import io.cherrypick.failure.Category;
import io.cherrypick.failure.Owner;
import io.cherrypick.peoplevox.CsvTable;
import io.cherrypick.peoplevox.PeoplevoxClient;
import io.cherrypick.store.ExceptionRecord;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.LifecycleState;
import io.cherrypick.store.OrderLifecycleStore;
import io.cherrypick.support.FlowTestSupport;
import io.cherrypick.support.Picks;

/**
 * The item master flow end to end: the YAML routes in routes/, the runtime, and the Blue Cherry and Peoplevox simulators
 * over real HTTP on the runtime's port. Subclasses choose the database (H2, PostgreSQL).
 */
@TestPropertySource(properties = {
        "cherrypick.flows.item.enabled=true",
        "cherrypick.flows.item.pull-cron=0/1 * * * * ?",
        "cherrypick.flows.item.send-interval=100",
        "cherrypick.flows.item.drift-cron=0/2 * * * * ?",
        "cherrypick.flows.item.retry-backoff=200ms",
        "cherrypick.flows.sales-order.enabled=true",
        "cherrypick.flows.sales-order.pull-cron=0/1 * * * * ?",
        "cherrypick.flows.sales-order.send-interval=100",
        "cherrypick.bluecherry.page-size=5",
        "cherrypick.peoplevox.timeout=5s",
        "cherrypick.metrics.refresh=300"})
abstract class AbstractItemFlowTest extends FlowTestSupport {
    static final String FLOW = "item";
    static final String TEMPLATE = "Item types";

    @Autowired ExceptionStore exceptions;
    @Autowired OrderLifecycleStore lifecycle;
    @Autowired PeoplevoxClient peoplevox;

    @Override
    protected void prepareWorld() {
        emptyTables(List.of("handoff", "order_lifecycle", "integration_exception", "sync_cursor", "pull_taken", "CAMEL_MESSAGEPROCESSED",
                "pvx_item", "item_sku", "audit_log"));
    }

    private void createStyles(List<Map<String, Object>> styles) {
        sims.post("/sim/bluecherry/_control/styles", styles);
    }

    /** last_mod has whole seconds: a change in the second already pulled would look like the revision already taken. */
    private void nextSecond() {
        sims.blueCherryClock(Map.of("advanceSeconds", 1));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> peoplevoxItems() {
        return (List<Map<String, Object>>) sims.get("/sim/peoplevox/_control/state").get("items");
    }

    private Optional<Map<String, Object>> peoplevoxItem(String itemCode) {
        return peoplevoxItems().stream().filter(i -> itemCode.equals(String.valueOf(i.get("ItemCode")))).findFirst();
    }

    /** SaveData calls that carried rows (a call refused for the session the simulator reset is retried by the client). */
    private List<Map<String, Object>> itemSaves() {
        return sims.peoplevoxCalls("SaveData", TEMPLATE).stream().filter(c -> c.get("rows") != null).toList();
    }

    private ExceptionRecord awaitOpenException(Category category, String key) {
        await().atMost(Duration.ofSeconds(40)).until(() -> !exceptions.list("OPEN", category.name(), FLOW, key, 10).isEmpty());
        return exceptions.list("OPEN", category.name(), FLOW, key, 10).get(0);
    }

    private static String number(Object value) {
        return new java.math.BigDecimal(String.valueOf(value)).stripTrailingZeros().toPlainString();
    }

    @Test
    void aNewStyleCreatesAllItsSkus() {
        createStyles(List.of(Styles.style("50001", 501, List.of("BLK", "RED"), List.of("S", "M", "L"))));

        await().atMost(Duration.ofSeconds(30)).until(() -> peoplevoxItems().size() == 6);
        Map<String, Object> item = peoplevoxItem(Styles.upc(501, 2)).orElseThrow();
        assertThat(item).containsEntry("Name", "Tee 50001 BLK M").containsEntry("Barcode", Styles.upc(501, 2))
                .containsEntry("Attribute1", "50001").containsEntry("Attribute2", "BLK").containsEntry("Attribute3", "M")
                .containsEntry("Attribute4", "SP25");
        assertThat(itemSaves()).as("one call for the style").hasSize(1);
        assertThat(((Number) itemSaves().get(0).get("rows")).intValue()).isEqualTo(6);
        assertThat(exceptions.list("OPEN", null, FLOW, null, 10)).noneMatch(e -> e.category() != Category.DRIFT);
    }

    @Test
    void aPriceChangeSendsOnlyTheChangedSkus() {
        Map<String, Object> style = Styles.style("50002", 502, List.of("BLK", "RED"), List.of("S", "M", "L"));
        Styles.skus(style).forEach(s -> s.put("retail_price", 20.00));
        createStyles(List.of(style));
        await().atMost(Duration.ofSeconds(30)).until(() -> peoplevoxItems().size() == 6);

        Styles.skus(style).get(1).put("retail_price", 24.50);
        Styles.skus(style).get(5).put("retail_price", 18.00);
        nextSecond();
        createStyles(List.of(style));

        await().atMost(Duration.ofSeconds(30)).until(() -> itemSaves().size() == 2);
        assertThat(((Number) itemSaves().get(1).get("rows")).intValue()).as("only the two changed SKUs").isEqualTo(2);
        assertThat(number(peoplevoxItem(Styles.upc(502, 2)).orElseThrow().get("RetailPrice"))).isEqualTo("24.5");
        assertThat(number(peoplevoxItem(Styles.upc(502, 6)).orElseThrow().get("RetailPrice"))).isEqualTo("18");
        assertThat(number(peoplevoxItem(Styles.upc(502, 1)).orElseThrow().get("RetailPrice"))).isEqualTo("20");

        nextSecond();
        createStyles(List.of(style)); // touched, nothing changed
        await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.queryForObject("select count(*) from handoff where queue = 'item' and status = 'DONE'", Integer.class) == 3);
        assertThat(itemSaves()).as("nothing changed, nothing sent").hasSize(2);
    }

    @Test
    void aStyleAsItWasWhenAllItsSkusWentThroughIsLeftOutWholeUntilItOrItsPartSendChanges() {
        Map<String, Object> style = Styles.style("50010", 510, List.of("BLK"), List.of("S", "M", "L"));
        Styles.skus(style).forEach(s -> s.put("retail_price", 20.00));
        createStyles(List.of(style));
        await().atMost(Duration.ofSeconds(30)).until(() -> styleRemembered("50010") == 3);

        // the whole style is left out before its SKUs are mapped: not even a SKU whose remembered row was altered is
        // compared (what the per-SKU fingerprint would have sent again)
        jdbc.update("update pvx_item set fingerprint = 'altered' where item_code = ?", Styles.upc(510, 1));
        nextSecond();
        createStyles(List.of(style)); // touched, nothing changed
        await().atMost(Duration.ofSeconds(30)).until(() -> itemStylesDone() == 2);
        assertThat(itemSaves()).as("left out whole").hasSize(1);

        // a change that goes through in part: S's new price is sent, L's bad barcode held; the style is not remembered
        Styles.skus(style).get(0).put("retail_price", 26.00);
        String good = String.valueOf(Styles.skus(style).get(2).get("upc"));
        Styles.skus(style).get(2).put("upc", Styles.badCheckDigit(good));
        nextSecond();
        createStyles(List.of(style));
        awaitOpenException(Category.VALIDATION, Styles.badCheckDigit(good));
        await().atMost(Duration.ofSeconds(30)).until(() -> number(peoplevoxItem(Styles.upc(510, 1)).orElseThrow()
                .get("RetailPrice")).equals("26"));
        assertThat(styleRemembered("50010")).as("S was sent, the style did not go through whole").isZero();

        // back to exactly the style that went through first: mapped again, so S's price in Peoplevox goes back too
        Styles.skus(style).get(0).put("retail_price", 20.00);
        Styles.skus(style).get(2).put("upc", good);
        nextSecond();
        createStyles(List.of(style));
        await().atMost(Duration.ofSeconds(30)).until(() -> number(peoplevoxItem(Styles.upc(510, 1)).orElseThrow()
                .get("RetailPrice")).equals("20"));
        await().atMost(Duration.ofSeconds(30)).until(() -> styleRemembered("50010") == 3);
    }

    /** The SKUs of a style marked as gone through whole (0: not marked). */
    private int styleRemembered(String style) {
        return jdbc.queryForList("select skus from item_style where style = ?", Integer.class, style).stream()
                .findFirst().orElse(0);
    }

    private int itemStylesDone() {
        return jdbc.queryForObject("select count(*) from handoff where queue = 'item' and status = 'DONE'", Integer.class);
    }

    @Test
    void aBadCheckDigitBecomesAnExceptionWhileTheOtherSkusGo() {
        Map<String, Object> style = Styles.style("50003", 503, List.of("BLK"), List.of("S", "M", "L"));
        String bad = Styles.badCheckDigit(Styles.upc(503, 3));
        Styles.skus(style).get(2).put("upc", bad);
        createStyles(List.of(style));

        ExceptionRecord e = awaitOpenException(Category.VALIDATION, bad);
        assertThat(e.owner()).isEqualTo(Owner.DATA);
        assertThat(e.message()).contains("Style 50003 colour BLK size L").contains("Barcode '" + bad + "'").contains("check digit");
        assertThat(e.payload()).contains("\"style\":\"50003\"");
        await().atMost(Duration.ofSeconds(30)).until(() -> peoplevoxItems().size() == 2);
        assertThat(peoplevoxItem(bad)).isEmpty();
    }

    @Test
    void aBarcodeSharedByTwoStylesBecomesAnException() {
        createStyles(List.of(Styles.style("50004", 504, List.of("BLK"), List.of("S", "M"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> peoplevoxItems().size() == 2);

        Map<String, Object> other = Styles.style("50005", 505, List.of("NVY"), List.of("S", "M", "L"));
        Styles.skus(other).get(0).put("upc", Styles.upc(504, 2)); // 50004 BLK M's UPC
        createStyles(List.of(other));

        ExceptionRecord e = awaitOpenException(Category.DUPLICATE_BARCODE, Styles.upc(504, 2));
        assertThat(e.owner()).isEqualTo(Owner.DATA);
        assertThat(e.message()).contains("Style 50005 colour NVY size S").contains("style 50004 colour BLK size M");
        await().atMost(Duration.ofSeconds(30)).until(() -> peoplevoxItems().size() == 4);
        assertThat(peoplevoxItem(Styles.upc(504, 2)).orElseThrow()).as("the first style keeps its item")
                .containsEntry("Attribute1", "50004").containsEntry("Attribute2", "BLK");
    }

    @Test
    void theDriftCheckReportsAnItemMadeByHandAndAnEditedAttributeWithoutChangingPeoplevox() {
        createStyles(List.of(Styles.style("50006", 506, List.of("BLK"), List.of("S", "M"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> peoplevoxItems().size() == 2);

        String handMade = Styles.upc(599, 1);
        sims.seedPeoplevoxItems(List.of(handMade));
        String edited = Styles.upc(506, 1);
        peoplevox.saveData(TEMPLATE, new CsvTable(List.of("ItemCode", "Attribute4"),
                List.of(Map.of("ItemCode", edited, "Attribute4", "FA26"))), 0);

        ExceptionRecord byHand = awaitOpenException(Category.DRIFT, handMade);
        assertThat(byHand.owner()).isEqualTo(Owner.DATA);
        assertThat(byHand.message()).contains("Item " + handMade).contains("never synced from Blue Cherry");
        ExceptionRecord attribute = awaitOpenException(Category.DRIFT, edited);
        assertThat(attribute.message()).contains("Item " + edited).contains("style 50006 colour BLK size S")
                .contains("Attribute4 is 'FA26' in Peoplevox but 'SP25' in Blue Cherry");
        assertThat(exceptions.list("OPEN", "DRIFT", FLOW, Styles.upc(506, 2), 10)).as("unchanged item").isEmpty();
        assertThat(peoplevoxItem(edited).orElseThrow()).as("the check changes nothing").containsEntry("Attribute4", "FA26");
        assertThat(peoplevoxItem(handMade)).isPresent();
    }

    @Test
    void anOrderHeldForAnUnknownSkuIsReleasedOnceItsItemArrives() {
        String known = Styles.upc(507, 1);
        String unknown = Styles.upc(508, 1);
        sims.seedPeoplevoxItems(List.of(known));
        sims.createPicks(List.of(Picks.pick("ITM1", "NJ", known, unknown)));

        await().atMost(Duration.ofSeconds(40)).until(() ->
                !exceptions.list("OPEN", "SKU_MISMATCH", "sales-order", "ITM1", 10).isEmpty());
        ExceptionRecord held = exceptions.list("OPEN", "SKU_MISMATCH", "sales-order", "ITM1", 10).get(0);
        assertThat(lifecycle.findPick("ITM1").orElseThrow().state()).isEqualTo(LifecycleState.HELD_IN_BLUE_CHERRY);

        createStyles(List.of(Styles.style("50008", 508, List.of("BLK"), List.of("S", "M"))));

        await().atMost(Duration.ofSeconds(40)).until(() -> lifecycle.findPick("ITM1").orElseThrow().state() == LifecycleState.ACKNOWLEDGED);
        assertThat(peoplevoxItem(unknown)).isPresent();
        assertThat((List<?>) sims.peoplevoxOrder("ITM1").get("lines")).hasSize(2);
        assertThat(exceptions.find(held.id()).orElseThrow().status()).isIn("REPLAYED", "RESOLVED");
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'REPLAY' and actor = 'cherrypick:item-sync'",
                Integer.class)).isEqualTo(1);
    }
}
