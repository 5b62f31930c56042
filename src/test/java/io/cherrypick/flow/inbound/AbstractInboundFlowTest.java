package io.cherrypick.flow.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static io.cherrypick.support.JsonViews.list;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Message;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import io.cherrypick.flow.item.HeldOrderRelease;
import io.cherrypick.handoff.HandoffRecord;
import io.cherrypick.handoff.HandoffStore;
import io.cherrypick.peoplevox.CsvTable;
import io.cherrypick.peoplevox.PeoplevoxClient;
import io.cherrypick.peoplevox.events.PeoplevoxSubscriptions;
import io.cherrypick.store.ExceptionRecord;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.support.FlowTestSupport;

/**
 * The inbound flow end to end over real HTTP: purchase orders created in the Blue Cherry simulator become Peoplevox
 * purchase orders; goods booked in through Peoplevox's control API come back through the webhook (or the report poll)
 * as Blue Cherry production receipts. Subclasses choose the database (H2, PostgreSQL).
 */
@TestPropertySource(properties = {
        "cherrypick.flows.inbound.enabled=true",
        "cherrypick.flows.inbound.pull-cron=0/1 * * * * ?",
        "cherrypick.flows.inbound.send-interval=100",
        "cherrypick.flows.inbound.inbox-interval=100",
        "cherrypick.flows.inbound.poll-cron=0/2 * * * * ?",
        "cherrypick.flows.inbound.receipt-send-interval=100",
        "cherrypick.flows.inbound.retry-backoff=1500ms",
        "cherrypick.flows.inbound.stale-claim-after=2s",
        "cherrypick.webhooks.token=inbound-test-token",
        "cherrypick.peoplevox.timeout=5s",
        "cherrypick.bluecherry.timeout=2s",
        "cherrypick.metrics.refresh=300000"})
abstract class AbstractInboundFlowTest extends FlowTestSupport {
    static final String A = "012345678905";
    static final String B = "012345678912";
    static final String C = "012345678929";
    static final String UNKNOWN = "012345678936";
    static final Duration WAIT = Duration.ofSeconds(40);
    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };

    @Autowired ExceptionStore exceptions;
    @Autowired HeldOrderRelease release;
    @Autowired PeoplevoxClient peoplevox;
    @Autowired HandoffStore handoff;
    @Autowired PeoplevoxSubscriptions subscriptions;

    @Override
    protected void prepareWorld() {
        sims.seedPeoplevoxItemsWithStock(List.of(A, B, C));
        emptyTables(List.of("handoff", "integration_exception", "sync_cursor", "pull_taken", "CAMEL_MESSAGEPROCESSED", "pvx_item",
                "audit_log", "pvx_subscription", "purchase_order", "purchase_order_line", "goods_receipt",
                "goods_receipt_credit"));
        subscriptions.renew(true);
    }

    @Test
    void aPurchaseOrderBecomesAPeoplevoxPurchaseOrderWithItsLines() {
        createPo("PO-NEW1", "3", Map.of(A, 10, B, 5));

        awaitState("PO-NEW1", "SENT_TO_PEOPLEVOX");
        Map<String, String> header = pvxPurchaseOrder("PO-NEW1");
        assertThat(header.get("Supplier")).isEqualTo("Acme Mills");
        assertThat(header.get("Site")).isEqualTo("PrimarySite");
        assertThat(header.get("Status")).isEqualTo("Pending");
        assertThat(header.get("ExpectedDeliveryDate")).isEqualTo("15/01/2030 00:00:00");
        List<Map<String, String>> items = pvxItems("PO-NEW1");
        assertThat(items).extracting(i -> i.get("ItemCode")).containsExactlyInAnyOrder(A, B);
        Map<String, String> a = items.stream().filter(i -> A.equals(i.get("ItemCode"))).findFirst().orElseThrow();
        assertThat(a.get("Quantity")).isEqualTo("10");
        assertThat(a.get("Line")).isEqualTo("1");
        assertThat(a.get("CostPrice")).startsWith("4.5");
    }

    @Test
    void aLineWithAnItemPeoplevoxLacksHoldsThePurchaseOrderUntilTheItemArrives() {
        createPo("PO-SKU1", "3", Map.of(A, 10, UNKNOWN, 3));

        ExceptionRecord e = awaitOpenException("SKU_MISMATCH");
        assertThat(e.flow()).isEqualTo("purchase-order");
        assertThat(e.message()).contains("Purchase order PO-SKU1").contains("item " + UNKNOWN).contains("does not exist in Peoplevox");
        assertThat(jdbc.queryForObject("select exception_open from purchase_order where prod_num = 'PO-SKU1'", Boolean.class)).isTrue();
        assertThat(sims.peoplevoxCalls("SaveData", "Purchase orders")).isEmpty();

        // the item flow sends the item, then releases what was held for it (its step, as routes/item-master-to-wms runs it)
        sims.seedPeoplevoxItems(List.of(UNKNOWN));
        Message saved = new DefaultMessage(camel);
        saved.setBody(Map.of("ItemCode", UNKNOWN));
        assertThat(release.releaseFor(List.of(saved), InboundFlow.PURCHASE_ORDER_FLOW)).isEqualTo(1);
        awaitState("PO-SKU1", "SENT_TO_PEOPLEVOX");
        assertThat(jdbc.queryForObject("select exception_open from purchase_order where prod_num = 'PO-SKU1'", Boolean.class)).isFalse();
        assertThat(pvxItems("PO-SKU1")).extracting(i -> i.get("ItemCode")).containsExactlyInAnyOrder(A, UNKNOWN);
    }

    @Test
    void aChangeBeforeTheFirstReceiptUpdatesPeoplevoxAndClosesARemovedLine() {
        createPo("PO-CHG1", "3", Map.of(A, 10, B, 5));
        awaitState("PO-CHG1", "SENT_TO_PEOPLEVOX");

        createPo("PO-CHG1", "3", Map.of(A, 12));

        await().atMost(WAIT).until(() -> "12".equals(pvxItem("PO-CHG1", A).get("Quantity")));
        await().atMost(WAIT).until(() -> "Closed".equals(pvxItem("PO-CHG1", B).get("Status")));
        awaitState("PO-CHG1", "SENT_TO_PEOPLEVOX");
    }

    @Test
    void aCancellationBeforeTheFirstReceiptCancelsThePeoplevoxPurchaseOrder() {
        createPo("PO-CAN1", "3", Map.of(A, 10));
        awaitState("PO-CAN1", "SENT_TO_PEOPLEVOX");

        createPo("PO-CAN1", "9", Map.of(A, 10));

        awaitState("PO-CAN1", "CANCELLED");
        assertThat(pvxPurchaseOrder("PO-CAN1").get("Status")).isEqualTo("Cancelled");
    }

    @Test
    void partialThenFullDeliveriesAddUpInBlueCherryAndNothingIsPostedTwice() {
        createPo("PO-RCV1", "3", Map.of(A, 10, B, 5));
        awaitState("PO-RCV1", "SENT_TO_PEOPLEVOX");

        goodsIn("GI-RCV1-1", "PO-RCV1", Map.of(A, 4));
        awaitState("PO-RCV1", "PARTLY_RECEIVED");
        assertThat(receipts("PO-RCV1")).extracting(r -> r.get("size_qty")).containsExactly(4);
        assertThat(receipts("PO-RCV1").get(0)).containsEntry("prod_line", "1").containsEntry("location", "NJ");
        assertThat((String) receipts("PO-RCV1").get(0).get("receipt_date")).matches("\\d\\d/\\d\\d/\\d{4}");

        goodsIn("GI-RCV1-2", "PO-RCV1", Map.of(A, 6, B, 5));
        awaitState("PO-RCV1", "RECEIVED");
        assertThat(receipts("PO-RCV1")).hasSize(3);
        assertThat(openLines("PO-RCV1")).as("Blue Cherry has nothing open on the purchase order").allMatch(open -> open == 0);
        assertThat(jdbc.queryForObject("select count(*) from goods_receipt where state = 'POSTED'", Integer.class)).isEqualTo(3);
        Map<String, Object> view = api.get().uri("/api/purchase-orders/PO-RCV1").retrieve().body(MAP);
        assertThat(view.get("state")).isEqualTo("RECEIVED");
        assertThat(list(view.get("lines"))).extracting(l -> l.get("posted")).containsExactly(10, 5);
        assertThat(list(view.get("lines"))).extracting(l -> l.get("open")).containsExactly(0, 0);
        assertThat(list(view.get("receipts"))).hasSize(3);
        // another report poll over the same deliveries changes nothing
        int polls = sims.peoplevoxCalls("GetReportData", null).size();
        await().atMost(WAIT).until(() -> sims.peoplevoxCalls("GetReportData", null).size() >= polls + 2);
        assertThat(receipts("PO-RCV1")).hasSize(3);
    }

    @Test
    void anOverReceiptIsAnExceptionForPurchasingAndNothingReachesBlueCherry() {
        createPo("PO-OVR1", "3", Map.of(A, 10));
        awaitState("PO-OVR1", "SENT_TO_PEOPLEVOX");

        goodsIn("GI-OVR1", "PO-OVR1", Map.of(A, 12));

        ExceptionRecord e = awaitOpenException("OVER_RECEIPT");
        assertThat(e.owner().name()).isEqualTo("PURCHASING");
        assertThat(e.flow()).isEqualTo("goods-receipt");
        assertThat(e.message()).contains("Delivery GI-OVR1").contains("ordered 10").contains("2 too many");
        assertThat(receipts("PO-OVR1")).isEmpty();
        assertThat(jdbc.queryForObject("select exception_open from purchase_order where prod_num = 'PO-OVR1'", Boolean.class)).isTrue();

        // purchasing settles it with the supplier and discards the exception: the line is never posted, and the
        // purchase order no longer shows an exception but says why
        api.post().uri("/api/exceptions/" + e.id() + "/discard").header("X-Cherrypick-User", "pat.purchasing")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("reason", "supplier takes the surplus back"))
                .retrieve().toBodilessEntity();
        Map<String, Object> po = api.get().uri("/api/purchase-orders/PO-OVR1").retrieve().body(MAP);
        assertThat(po.get("exceptionOpen")).isEqualTo(false);
        assertThat((String) po.get("note")).contains("Delivery GI-OVR1 (12 x " + A + ") not posted to Blue Cherry")
                .contains("discarded by pat.purchasing").contains("supplier takes the surplus back");
        assertThat(jdbc.queryForList("select state from goods_receipt where reference = 'GI-OVR1'", String.class))
                .containsExactly("NOT_SENT");
        assertThat(receipts("PO-OVR1")).isEmpty();
    }

    @Test
    void aDeliveryAgainstNoKnownPurchaseOrderIsAnExceptionForTheWarehouse() {
        goodsIn("GI-UNK1", null, Map.of(A, 2));

        ExceptionRecord e = awaitOpenException("RECEIPT_MISMATCH");
        assertThat(e.owner().name()).isEqualTo("WAREHOUSE");
        assertThat(e.message()).contains("Delivery GI-UNK1").contains("names no purchase order");
        assertThat(e.handoffId()).as("replayable").isNotNull();
        assertThat(sims.getList("/sim/bluecherry/_control/receipts")).isEmpty();
    }

    @Test
    void aChangeAfterTheFirstReceiptIsAnExceptionForPurchasingWithTheDifferences() {
        createPo("PO-LATE1", "3", Map.of(A, 10, B, 5));
        awaitState("PO-LATE1", "SENT_TO_PEOPLEVOX");
        goodsIn("GI-LATE1", "PO-LATE1", Map.of(A, 4));
        awaitState("PO-LATE1", "PARTLY_RECEIVED");
        int saves = sims.peoplevoxCalls("SaveData", "Purchase order items").size();

        createPo("PO-LATE1", "3", Map.of(A, 12, B, 5));

        ExceptionRecord e = awaitOpenException("PURCHASE_ORDER_CHANGED");
        assertThat(e.owner().name()).isEqualTo("PURCHASING");
        assertThat(e.message()).contains("Purchase order PO-LATE1").contains("line 1 quantity: '10' -> '12'")
                .doesNotContain("line 2");
        assertThat(sims.peoplevoxCalls("SaveData", "Purchase order items")).as("Peoplevox keeps it as it was").hasSize(saves);
        assertThat(pvxItem("PO-LATE1", A).get("Quantity")).isEqualTo("10");
    }

    @Test
    void aCancellationAfterTheFirstReceiptIsAnExceptionForPurchasingNamingWhatIsStillExpected() {
        createPo("PO-LCAN1", "3", Map.of(A, 10));
        awaitState("PO-LCAN1", "SENT_TO_PEOPLEVOX");
        goodsIn("GI-LCAN1", "PO-LCAN1", Map.of(A, 4));
        awaitState("PO-LCAN1", "PARTLY_RECEIVED");

        createPo("PO-LCAN1", "9", Map.of(A, 10));

        ExceptionRecord e = awaitOpenException("PURCHASE_ORDER_CHANGED");
        assertThat(e.owner().name()).isEqualTo("PURCHASING");
        assertThat(e.message()).contains("stage: '3' -> '9'").contains("line 1: 6 of 10");
        awaitState("PO-LCAN1", "CLOSED");
        assertThat(pvxPurchaseOrder("PO-LCAN1").get("Status")).as("Peoplevox not told").isNotEqualTo("Cancelled");
    }

    @Test
    void aReceiptWhoseAnswerWasLostIsPostedOnce() {
        createPo("PO-LOST1", "3", Map.of(A, 10));
        awaitState("PO-LOST1", "SENT_TO_PEOPLEVOX");
        // Blue Cherry applies the receipt but answers after the client gave up (as if the process died after the post)
        sims.blueCherryFault(Map.of("operation", "ProductionReceiptAdvice", "type", "TIMEOUT", "delayMs", 3000, "count", 1));

        goodsIn("GI-LOST1", "PO-LOST1", Map.of(A, 10));

        awaitState("PO-LOST1", "RECEIVED");
        // the resend (after retry-backoff, when Blue Cherry has applied the first call) is answered "Duplicate isa_num"
        await().atMost(WAIT).until(() -> sims.getList("/sim/bluecherry/_control/calls?path=ProductionReceiptAdvice&method=POST")
                .size() >= 2);
        assertThat(receipts("PO-LOST1")).as("posted once").hasSize(1);
        assertThat(jdbc.queryForObject("select state from goods_receipt where reference = 'GI-LOST1'", String.class)).isEqualTo("POSTED");
        assertThat(exceptions.list("OPEN", null, "goods-receipt", null, 10)).as("the duplicate counts as posted").isEmpty();
    }

    @Test
    void aDuplicateIsaNumNeverPostedBeforeIsAnExceptionNotAReceipt() {
        createPo("PO-CLASH1", "3", Map.of(A, 10));
        awaitState("PO-CLASH1", "SENT_TO_PEOPLEVOX");
        goodsIn("GI-CLASH1", "PO-CLASH1", Map.of(A, 4));
        awaitState("PO-CLASH1", "PARTLY_RECEIVED");
        // as after a database restore: the allocator no longer knows GI-CLASH1's number and gives it to the next line
        Long taken = jdbc.queryForObject("select number from document_number where kind = 'goods-receipt'"
                + " and record_key = ?", Long.class, "GI-CLASH1|" + A);
        jdbc.update("delete from document_number where kind = 'goods-receipt' and record_key = ?", "GI-CLASH1|" + A);
        jdbc.update("insert into document_number (kind, record_key, number, allocated_at) values ('goods-receipt', ?, ?,"
                + " current_timestamp)", "GI-CLASH2|" + A, taken);

        goodsIn("GI-CLASH2", "PO-CLASH1", Map.of(A, 3));

        ExceptionRecord e = awaitOpenException("REJECTED");
        assertThat(e.flow()).isEqualTo("goods-receipt");
        assertThat(e.message()).contains("Delivery GI-CLASH2").contains("Duplicate isa_num")
                .contains("never posted isa_num " + String.format("%09d", taken) + " before");
        assertThat(jdbc.queryForObject("select state from goods_receipt where reference = 'GI-CLASH2'", String.class))
                .as("not recorded as posted").isNotEqualTo("POSTED");
        assertThat(receipts("PO-CLASH1")).as("Blue Cherry holds the first delivery only").hasSize(1);
    }

    @Test
    void aDeliveryWhoseEventWasMissedIsCaughtByTheReportPoll() {
        createPo("PO-MISS1", "3", Map.of(C, 3));
        awaitState("PO-MISS1", "SENT_TO_PEOPLEVOX");
        subscriptions.unsubscribeAll();

        goodsIn("GI-MISS1", "PO-MISS1", Map.of(C, 3));

        awaitState("PO-MISS1", "RECEIVED");
        assertThat(jdbc.queryForList("select distinct record_type from handoff where queue = 'goods-receipt-events'", String.class))
                .containsOnly("GoodsInSummary");
        assertThat(receipts("PO-MISS1")).extracting(r -> r.get("size_qty")).containsExactly(3);
    }

    @Test
    void afterACrashBetweenTheHeaderAndTheItemSavesRecoverySendsOnlyTheItems() throws Exception {
        camel.getRouteController().stopRoute("purchase-order-to-wms");
        try {
            createPo("PO-CRASH1", "3", Map.of(A, 10, B, 5));
            await().atMost(WAIT).until(() -> handoff.countByStatus("purchase-order").getOrDefault("PENDING", 0) == 1);
            // an instance claims the purchase order, saves its header as the flow maps it, and dies before the items
            List<HandoffRecord> claimed = handoff.claim("purchase-order", "dead-instance", 100, Duration.ofMinutes(5),
                    Duration.ZERO);
            assertThat(claimed).hasSize(1);
            Map<String, String> header = new LinkedHashMap<>();
            header.put("PurchaseOrderNumber", "PO-CRASH1");
            header.put("Status", "Pending");
            header.put("Supplier", "Acme Mills");
            header.put("ExpectedDeliveryDate", "2030-01-15 00:00:00");
            header.put("RequestedDeliveryDate", "2030-01-15 00:00:00");
            header.put("Site", "PrimarySite");
            peoplevox.saveData("Purchase orders", new CsvTable(List.copyOf(header.keySet()), List.of(header)), 0);
        } finally {
            camel.getRouteController().startRoute("purchase-order-to-wms");
        }

        awaitState("PO-CRASH1", "SENT_TO_PEOPLEVOX");
        assertThat(rowsSent("Purchase orders")).as("the header written once: by the instance that died, not again")
                .isEqualTo(1);
        assertThat(rowsSent("Purchase order items")).as("each of the two items written once, by the recovery").isEqualTo(2);
        assertThat(pvxItems("PO-CRASH1")).extracting(i -> i.get("ItemCode")).containsExactlyInAnyOrder(A, B);
        assertThat(pvxPurchaseOrder("PO-CRASH1").get("Supplier")).isEqualTo("Acme Mills");
    }

    // ---- helpers

    /** Rows of every SaveData call to the template Peoplevox processed. */
    private int rowsSent(String template) {
        return sims.peoplevoxCalls("SaveData", template).stream()
                .mapToInt(c -> c.get("rows") == null ? 0 : ((Number) c.get("rows")).intValue()).sum();
    }

    private void createPo(String prodNum, String stage, Map<String, Integer> quantities) {
        List<Map<String, Object>> rows = new ArrayList<>();
        int line = 1;
        for (String upc : List.of(A, B, C, UNKNOWN)) {
            if (!quantities.containsKey(upc)) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("prod_line", String.valueOf(line++));
            row.put("style", "01234");
            row.put("color_code", "BLK");
            row.put("size_desc", upc.equals(A) ? "S" : upc.equals(B) ? "M" : upc.equals(C) ? "L" : "XL");
            row.put("upc", upc);
            row.put("prod_qty", quantities.get(upc));
            row.put("cost", "4.50");
            row.put("location", "NJ");
            rows.add(row);
        }
        Map<String, Object> po = new LinkedHashMap<>();
        po.put("prod_num", prodNum);
        po.put("stage_num", stage);
        po.put("due_date", "2030-01-15 00:00:00");
        po.put("productionorderaddressbystage", Map.of("rows", List.of(Map.of("addr_type", "VN", "name", "Acme Mills"))));
        po.put("productionorderdetailbystage", Map.of("rows", rows));
        sims.post("/sim/bluecherry/_control/production-orders", List.of(po));
    }

    private void goodsIn(String reference, String prodNum, Map<String, Integer> quantities) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", reference);
        body.put("purchaseOrderNumber", prodNum);
        body.put("site", "PrimarySite");
        body.put("lines", quantities.entrySet().stream().map(e -> Map.of("itemCode", e.getKey(), "quantity", e.getValue())).toList());
        sims.post("/sim/peoplevox/_control/goods-in", body);
    }

    private void awaitState(String prodNum, String state) {
        await().atMost(WAIT).until(() -> List.of(state).equals(
                jdbc.queryForList("select state from purchase_order where prod_num = ?", String.class, prodNum)));
    }

    private ExceptionRecord awaitOpenException(String category) {
        await().atMost(WAIT).until(() -> !exceptions.list("OPEN", category, null, null, 10).isEmpty());
        return exceptions.list("OPEN", category, null, null, 10).get(0);
    }

    private Map<String, String> pvxPurchaseOrder(String number) {
        return peoplevox.getData("Purchase orders", "PurchaseOrderNumber.Equals(\"" + number + "\")").rows().get(0);
    }

    private List<Map<String, String>> pvxItems(String number) {
        return peoplevox.getData("Purchase order items", "PurchaseOrderNumber.Equals(\"" + number + "\")").rows();
    }

    private Map<String, String> pvxItem(String number, String item) {
        return pvxItems(number).stream().filter(i -> item.equals(i.get("ItemCode"))).findFirst().orElse(Map.of());
    }

    private List<Map<String, Object>> receipts(String prodNum) {
        return sims.getList("/sim/bluecherry/_control/receipts").stream().filter(r -> prodNum.equals(r.get("prod_num"))).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Integer> openLines(String prodNum) {
        Map<String, Object> state = sims.get("/sim/bluecherry/_control/state");
        return ((List<Map<String, Object>>) state.get("productionOrders")).stream()
                .filter(p -> prodNum.equals(p.get("prod_num")))
                .flatMap(p -> ((List<Map<String, Object>>) p.get("lines")).stream())
                .map(l -> ((Number) l.get("open")).intValue()).toList();
    }
}
