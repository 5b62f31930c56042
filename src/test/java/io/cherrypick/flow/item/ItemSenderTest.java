package io.cherrypick.flow.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.failure.ApiException;
import io.cherrypick.failure.Category;
import io.cherrypick.failure.Owner;
import io.cherrypick.handoff.Handoff;
import io.cherrypick.handoff.HandoffRecord;
import io.cherrypick.handoff.HandoffStore;
import io.cherrypick.peoplevox.CsvTable;
import io.cherrypick.peoplevox.IntegrationResponse;
import io.cherrypick.peoplevox.PeoplevoxClient;
import io.cherrypick.store.ExceptionRecord;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.NewException;
import io.cherrypick.support.Picks;
import io.cherrypick.support.RouteTestSupport;

/**
 * The item sender (route item-master-to-wms with its real hand-off consumer) against the real store (H2) and a scripted
 * Peoplevox: only changed SKUs go, calls are filled across styles and runs, failing SKUs become exceptions while the
 * rest go, held orders are released. Three styles per run, so a few styles show the calls filled across runs.
 */
@TestPropertySource(properties = {"cherrypick.flows.item.enabled=true", "cherrypick.flows.item.styles-per-run=3",
        "cherrypick.flows.item.send-interval=50"})
class ItemSenderTest extends RouteTestSupport {
    static final String FLOW = "item";
    static final String TEMPLATE = "Item types";

    @MockitoBean PeoplevoxClient peoplevox;
    @Autowired HandoffStore handoff;
    @Autowired ExceptionStore exceptions;
    @Autowired TransactionTemplate tx;
    @Autowired ObjectMapper json;

    final List<CsvTable> saved = new CopyOnWriteArrayList<>();
    final Set<String> refuse = ConcurrentHashMap.newKeySet();
    int revision;

    @Override
    protected void advise() throws Exception {
        advice("item-pull", a -> a.replaceFromWith("direct:not-pulling"));
        advice("item-drift-check", a -> a.replaceFromWith("direct:not-checking"));
    }

    @BeforeEach
    void clean() {
        for (String table : List.of("handoff", "integration_exception", "pvx_item", "item_sku", "audit_log")) {
            jdbc.update("delete from " + table);
        }
        when(peoplevox.saveData(eq(TEMPLATE), any(CsvTable.class), anyInt())).thenAnswer(call -> {
            CsvTable table = call.getArgument(1);
            saved.add(table);
            List<IntegrationResponse.RowStatus> statuses = new ArrayList<>();
            StringBuilder detail = new StringBuilder();
            for (int i = 0; i < table.rows().size(); i++) {
                String code = table.rows().get(i).get("ItemCode");
                boolean ok = !refuse.contains(code);
                statuses.add(new IntegrationResponse.RowStatus(code, ok ? "Success" : "Error"));
                if (!ok) {
                    detail.append("Row ").append(i + 1).append(" (").append(code).append("): Barcode '").append(code)
                            .append("' is already used by item 'HANDMADE'\n");
                }
            }
            return new IntegrationResponse(detail.isEmpty() ? 0 : -1, table.rows().size(), detail.toString(), statuses);
        });
        when(peoplevox.getData(eq(TEMPLATE), anyString())).thenReturn(new CsvTable(List.of("ItemCode"), List.of()));
    }

    /** Queues style revisions as the pull does, in one transaction (the sender claims them together). */
    @SafeVarargs
    private void queue(Map<String, Object>... styles) {
        tx.executeWithoutResult(status -> {
            for (Map<String, Object> style : styles) {
                handoff.insertIfAbsent(FLOW, (String) style.get("style"), "2026-11-26 09:00:" + String.format("%02d", revision++),
                        null, json.valueToTree(style).toString());
            }
        });
    }

    /** Waits until the sender has settled (or put back and then settled) every queued style. */
    private void drain() {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from handoff where queue = '"
                + FLOW + "' and status in ('PENDING', 'CLAIMED')", Integer.class) == 0);
    }

    private int rowsSaved() {
        return saved.stream().mapToInt(t -> t.rows().size()).sum();
    }

    private List<ExceptionRecord> open() {
        return exceptions.list("OPEN", null, FLOW, null, 100);
    }

    private String status(String style) {
        return jdbc.queryForObject("select status from handoff where record_key = ? order by id desc limit 1", String.class, style);
    }

    @Test
    void aNewStyleCreatesAllItsSkusInOneCallAndIsRemembered() {
        queue(Styles.style("10001", 1, List.of("BLK", "RED"), List.of("S", "M", "L")));
        drain();

        assertThat(saved).hasSize(1);
        assertThat(saved.get(0).rows()).hasSize(6);
        assertThat(saved.get(0).headers()).startsWith("ItemCode", "Name", "Barcode");
        assertThat(saved.get(0).rows().get(0)).containsEntry("Name", "Tee 10001 BLK S").containsEntry("Attribute1", "10001");
        assertThat(jdbc.queryForObject("select count(*) from pvx_item where source = 'SYNC' and fingerprint is not null",
                Integer.class)).isEqualTo(6);
        assertThat(jdbc.queryForObject("select count(*) from item_sku where style = '10001'", Integer.class)).isEqualTo(6);
        assertThat(status("10001")).isEqualTo("DONE");
        assertThat(open()).isEmpty();
    }

    @Test
    void aPriceChangeSendsOnlyTheChangedSkusAndNoChangeSendsNothing() {
        Map<String, Object> style = Styles.style("10002", 2, List.of("BLK", "RED"), List.of("S", "M", "L"));
        Styles.skus(style).forEach(s -> s.put("retail_price", 20.00));
        queue(style);
        drain();
        assertThat(rowsSaved()).isEqualTo(6);

        Styles.skus(style).get(1).put("retail_price", 22.50);
        Styles.skus(style).get(4).put("retail_price", 18);
        queue(style);
        drain();
        assertThat(saved).hasSize(2);
        assertThat(saved.get(1).rows()).extracting(r -> r.get("ItemCode")).containsExactly(Styles.upc(2, 2), Styles.upc(2, 5));
        assertThat(saved.get(1).rows()).extracting(r -> r.get("RetailPrice")).containsExactly("22.5", "18");

        queue(style); // touched in Blue Cherry, nothing changed
        drain();
        assertThat(saved).as("no SaveData when nothing changed").hasSize(2);
        assertThat(status("10002")).isEqualTo("DONE");
    }

    @Test
    void aBadCheckDigitBecomesAnExceptionWhileTheOtherSkusGo() throws Exception {
        Map<String, Object> style = Styles.style("10003", 3, List.of("BLK"), List.of("S", "M", "L"));
        String bad = Styles.badCheckDigit(Styles.upc(3, 2));
        Styles.skus(style).get(1).put("upc", bad);
        queue(style);
        drain();

        assertThat(rowsSaved()).isEqualTo(2);
        ExceptionRecord e = exceptions.list("OPEN", null, FLOW, bad, 10).get(0);
        assertThat(e.category()).isEqualTo(Category.VALIDATION);
        assertThat(e.owner()).isEqualTo(Owner.DATA);
        assertThat(e.message()).startsWith("Style 10003 colour BLK size M (ItemCode " + bad + "): Barcode '" + bad + "'")
                .contains("check digit");
        assertThat(e.payload()).contains("\"style\":\"10003\"").contains(bad);
        assertThat(status("10003")).as("held: a replay checks it again").isEqualTo("HELD");

        // fixed in Blue Cherry: the new revision supersedes the held one and closes its exception
        Styles.skus(style).get(1).put("upc", Styles.upc(3, 2));
        queueAsPuller(style);
        drain();
        assertThat(rowsSaved()).isEqualTo(3);
        assertThat(exceptions.find(e.id()).orElseThrow().status()).isEqualTo("RESOLVED");
        assertThat(status("10003")).isEqualTo("DONE");
    }

    /** As the pull route stores a style (to: handoff:item with supersede), without Blue Cherry. */
    private void queueAsPuller(Map<String, Object> style) throws Exception {
        producer.sendBodyAndHeaders("handoff:" + FLOW + "?supersede=true", json.writeValueAsString(style),
                Map.of(Handoff.RECORD_KEY, style.get("style"), Handoff.REVISION, "r" + revision++));
    }

    @Test
    void aBarcodeSharedByTwoStylesBecomesAnException() {
        queue(Styles.style("10004", 4, List.of("BLK"), List.of("S", "M")));
        drain();
        Map<String, Object> other = Styles.style("10005", 5, List.of("NVY"), List.of("S", "M", "L"));
        Styles.skus(other).get(2).put("upc", Styles.upc(4, 1)); // 10004 BLK S's UPC
        queue(other);
        drain();

        assertThat(saved.get(1).rows()).extracting(r -> r.get("ItemCode")).containsExactly(Styles.upc(5, 1), Styles.upc(5, 2));
        ExceptionRecord e = exceptions.list("OPEN", null, FLOW, Styles.upc(4, 1), 10).get(0);
        assertThat(e.category()).isEqualTo(Category.DUPLICATE_BARCODE);
        assertThat(e.owner()).isEqualTo(Owner.DATA);
        assertThat(e.message()).contains("Style 10005 colour NVY size L").contains("style 10004 colour BLK size S");
        assertThat(jdbc.queryForObject("select style from item_sku where item_code = ?", String.class, Styles.upc(4, 1)))
                .as("the first style keeps its item").isEqualTo("10004");
    }

    @Test
    void aBarcodeSharedWithinOneRunGoesOnceAndTheSecondIsAnException() {
        Map<String, Object> a = Styles.style("10006", 6, List.of("BLK"), List.of("S"));
        Map<String, Object> b = Styles.style("10007", 7, List.of("RED"), List.of("S", "M"));
        Styles.skus(b).get(0).put("upc", Styles.upc(6, 1));
        queue(a, b);
        drain();
        assertThat(rowsSaved()).isEqualTo(2);
        assertThat(exceptions.list("OPEN", "DUPLICATE_BARCODE", FLOW, null, 10)).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("Style 10007 colour RED size S").contains("which was sent first"));
    }

    @Test
    void aRowPeoplevoxRefusesBecomesAnExceptionWithItsWords() {
        refuse.add(Styles.upc(8, 2));
        queue(Styles.style("10008", 8, List.of("BLK"), List.of("S", "M", "L")));
        drain();
        ExceptionRecord e = exceptions.list("OPEN", null, FLOW, Styles.upc(8, 2), 10).get(0);
        assertThat(e.category()).isEqualTo(Category.REJECTED);
        assertThat(e.owner()).isEqualTo(Owner.DATA);
        assertThat(e.message()).contains("Style 10008 colour BLK size M").contains("Peoplevox refused the item")
                .contains("is already used by item 'HANDMADE'");
        assertThat(jdbc.queryForObject("select count(*) from pvx_item", Integer.class)).as("the accepted two remembered").isEqualTo(2);
        assertThat(status("10008")).isEqualTo("HELD");
    }

    @Test
    void callsAreFilledAcrossStylesAndRuns() {
        List<Map<String, Object>> styles = new ArrayList<>();
        for (int s = 0; s < 7; s++) { // 7 styles x 40 SKUs = 280 rows, 3 styles per run
            styles.add(Styles.style("2000" + s, 20 + s, List.of("BLK", "RED", "NVY", "GRN"),
                    List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10")));
        }
        queue(styles.toArray(Map[]::new));
        drain();
        assertThat(saved).extracting(t -> t.rows().size()).as("ceil(280 / 100) calls").containsExactly(100, 100, 80);
        assertThat(jdbc.queryForObject("select count(distinct item_code) from item_sku", Integer.class)).isEqualTo(280);
        assertThat(jdbc.queryForObject("select count(*) from handoff where status = 'DONE'", Integer.class)).isEqualTo(7);
    }

    @Test
    void aStyleThatCannotBeReadFailsAloneWhileTheOthersGo() {
        tx.executeWithoutResult(status -> handoff.insertIfAbsent(FLOW, "10040", "r1", null, "{\"style\": \"10040\", truncated"));
        queue(Styles.style("10041", 41, List.of("BLK"), List.of("S")));
        drain();

        assertThat(status("10040")).isEqualTo(HandoffStore.FAILED);
        assertThat(exceptions.list("OPEN", null, FLOW, "10040", 10)).singleElement().satisfies(e -> {
            assertThat(e.category()).isEqualTo(Category.INTERNAL);
            assertThat(e.message()).startsWith("item 10040 (revision r1) could not be sent");
        });
        assertThat(status("10041")).isEqualTo(HandoffStore.DONE);
        assertThat(rowsSaved()).isEqualTo(1);
    }

    @Test
    void aPeoplevoxTimeoutPutsTheStylesBackForALaterAttempt() {
        when(peoplevox.saveData(eq(TEMPLATE), any(CsvTable.class), anyInt())).thenThrow(ApiException.transientFailure(
                "Peoplevox", Category.API_TIMEOUT, "SaveData timed out after 30 s", null));
        NotifyBuilder run = new NotifyBuilder(camel).fromRoute("item-master-to-wms").whenDone(1).create();

        queue(Styles.style("10042", 42, List.of("BLK"), List.of("S", "M")));

        assertThat(run.matches(30, TimeUnit.SECONDS)).as("the sender ran").isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> HandoffStore.PENDING.equals(status("10042")));
        assertThat(jdbc.queryForObject("select attempts from handoff where record_key = '10042'", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select note from handoff where record_key = '10042'", String.class))
                .contains("SaveData timed out after 30 s");
        assertThat(open()).as("retried, not an exception yet").isEmpty();
    }

    @Test
    void anOrderHeldForAMissingItemIsReleasedOnceAllItsItemsArrive() {
        String known = Styles.upc(30, 1);
        String arriving = Styles.upc(31, 1);
        String stillMissing = Styles.upc(32, 1);
        jdbc.update("insert into pvx_item (item_code, barcode, source, updated_at) values (?, ?, 'LOOKUP', current_timestamp)", known, known);
        long ready = heldOrder("H1", known, arriving);
        long waiting = heldOrder("H2", arriving, stillMissing);

        queue(Styles.style("10031", 31, List.of("BLK"), List.of("S")));
        drain();

        assertThat(exceptions.find(ready).orElseThrow().status()).isEqualTo("REPLAYED");
        assertThat(exceptions.find(ready).orElseThrow().actionedBy()).isEqualTo("cherrypick:item-sync");
        assertThat(jdbc.queryForObject("select status from handoff where record_key = 'H1'", String.class)).isEqualTo("PENDING");
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'REPLAY' and actor = 'cherrypick:item-sync'",
                Integer.class)).isEqualTo(1);
        assertThat(exceptions.find(waiting).orElseThrow().status()).as("another item still missing").isEqualTo("OPEN");
    }

    private long heldOrder(String pickNum, String... upcs) {
        String payload = json.valueToTree(Picks.pick(pickNum, "NJ", upcs)).toString();
        handoff.insertIfAbsent("sales-order", pickNum, "r1", null, payload);
        HandoffRecord row = handoff.claim("sales-order", "test", 10, Duration.ofMinutes(5), Duration.ZERO).get(0);
        handoff.settle(List.of(row.id()), "test", HandoffStore.HELD, "missing item");
        return exceptions.record(NewException.of("sales-order", "sales-order-to-wms", pickNum, Category.SKU_MISMATCH,
                "Pick " + pickNum + ": item does not exist in Peoplevox", payload, row.id()));
    }
}
