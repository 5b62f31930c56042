package io.cherrypick.flow.amend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import io.cherrypick.handoff.HandoffRecord;
import io.cherrypick.handoff.HandoffStore;
import io.cherrypick.peoplevox.CsvTable;
import io.cherrypick.peoplevox.PeoplevoxClient;
import io.cherrypick.store.ExceptionRecord;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.LifecycleState;
import io.cherrypick.store.OrderLifecycle;
import io.cherrypick.store.OrderLifecycleStore;
import io.cherrypick.support.Picks;
import io.cherrypick.support.FlowTestSupport;

/**
 * Amendments and cancellations end to end, over the simulators: applied before the cut-off, exceptions after it.
 * Subclasses choose the database (H2, PostgreSQL).
 */
@TestPropertySource(properties = {
        "cherrypick.flows.sales-order.enabled=true",
        "cherrypick.flows.sales-order-change.enabled=true",
        "cherrypick.flows.sales-order.pull-cron=0/1 * * * * ?",
        "cherrypick.flows.sales-order.send-interval=100",
        "cherrypick.flows.sales-order-change.interval=100",
        "cherrypick.flows.sales-order.retry-backoff=200ms"})
abstract class AbstractAmendmentFlowTest extends FlowTestSupport {
    static final String A = "012345678905";
    static final String B = "012345678912";
    static final String C = "012345678929";

    @Autowired ExceptionStore exceptions;
    @Autowired OrderLifecycleStore lifecycle;
    @Autowired HandoffStore handoff;
    @Autowired PeoplevoxClient peoplevox;

    @Override
    protected void prepareWorld() {
        sims.seedPeoplevoxItemsWithStock(List.of(A, B, C));
        for (String table : List.of("handoff", "order_lifecycle", "integration_exception", "sync_cursor", "pull_taken", "CAMEL_MESSAGEPROCESSED", "pvx_item")) {
            jdbc.update("delete from " + table);
        }
    }

    @Test
    void anAddressChangeBeforeAllocationIsApplied() {
        release("AM1", A, B);
        Map<String, Object> st = Picks.address("ST", "99 New Road", "Trenton");
        Map<String, Object> bt = Picks.address("BT", "1 Main St", "Newark");
        sims.post("/sim/bluecherry/_control/picks/AM1/modify", Map.of("pickaddress", Map.of("rows", List.of(bt, st))));

        // Peoplevox has the change first; the lifecycle's note follows once the flow records what Peoplevox took
        await().atMost(Duration.ofSeconds(30)).until(() -> "99 New Road".equals(fields("AM1").get("ShippingAddressLine1"))
                && lifecycle.findPick("AM1").orElseThrow().note() != null);
        assertThat(fields("AM1").get("ShippingAddressCity")).isEqualTo("Trenton");
        assertThat(lifecycle.findPick("AM1").orElseThrow().note()).contains("ShippingAddressLine1: '1 Main St' -> '99 New Road'");
        assertThat(exceptions.list("OPEN", null, null, "AM1", 10)).isEmpty();
    }

    @Test
    void aQuantityIncreaseIsApplied() {
        release("AM2", A, B);
        sims.post("/sim/bluecherry/_control/picks/AM2/modify", Map.of("pickdetail", Map.of("rows",
                List.of(line(1, A, 5), line(2, B, 2)))));
        await().atMost(Duration.ofSeconds(30)).until(() -> quantity("AM2", "1") == 5);
        assertThat(quantity("AM2", "2")).isEqualTo(2);
    }

    @Test
    void aRemovedLineBeforeAllocationIsEditedToZeroBecausePeoplevoxCannotDeleteLines() {
        release("AM3", A, B, C);
        sims.post("/sim/bluecherry/_control/picks/AM3/modify", Map.of("pickdetail", Map.of("rows",
                List.of(line(1, A, 2), line(3, C, 2)))));
        // the pick's note is written when Peoplevox has answered: wait for both
        await().atMost(Duration.ofSeconds(30)).until(() -> quantity("AM3", "2") == 0
                && lifecycle.findPick("AM3").orElseThrow().note() != null);
        assertThat(lines("AM3")).hasSize(3);
        assertThat(quantity("AM3", "1")).isEqualTo(2);
        assertThat(quantity("AM3", "3")).isEqualTo(2);
        assertThat(lifecycle.findPick("AM3").orElseThrow().note()).contains("line 2 removed").contains("quantity 0");
    }

    @Test
    void aCancellationBeforeAllocationCancelsTheOrderInPeoplevox() {
        release("AM4", A);
        sims.post("/sim/bluecherry/_control/picks/AM4/void", Map.of());
        // the pick's state is written when Peoplevox has answered: wait for both
        await().atMost(Duration.ofSeconds(30)).until(() -> "Cancelled".equals(sims.peoplevoxOrder("AM4").get("status"))
                && lifecycle.findPick("AM4").orElseThrow().state() == LifecycleState.CANCELLED);
    }

    @Test
    void aCancellationAfterAllocationBecomesAnExceptionAndLeavesPeoplevoxUntouched() {
        ExceptionRecord e = voidedAfterAllocation("AM5");
        assertThat(e.category().name()).isEqualTo("AFTER_CUTOFF");
        assertThat(e.owner().name()).isEqualTo("CX");
        assertThat(e.message()).contains("Pick AM5").contains("Allocated").contains("cancelled in Blue Cherry");
        assertThat(sims.peoplevoxOrder("AM5").get("status")).isEqualTo("Allocated");
        assertThat(lifecycle.findPick("AM5").orElseThrow().exceptionOpen()).isTrue();
        assertThat(lifecycle.findPick("AM5").orElseThrow().state()).isNotEqualTo(LifecycleState.CANCELLED);
    }

    /** A pick sent, allocated in the warehouse, then voided in Blue Cherry: the cancellation's exception. */
    private ExceptionRecord voidedAfterAllocation(String pick) {
        release(pick, A);
        sims.post("/sim/peoplevox/_control/orders/" + pick + "/advance", Map.of("to", "Allocated"));
        sims.post("/sim/bluecherry/_control/picks/" + pick + "/void", Map.of());
        return awaitException(pick);
    }

    @Test
    void aChangeWhoseExceptionAPersonResolvesClearsThePicksFlagAndSaysWhoAndWhy() {
        ExceptionRecord e = voidedAfterAllocation("AM9");
        assertThat(lifecycle.findPick("AM9").orElseThrow().exceptionOpen()).isTrue();
        LifecycleState before = lifecycle.findPick("AM9").orElseThrow().state();

        api.post().uri("/api/exceptions/" + e.id() + "/resolve").header("X-Cherrypick-User", "cx.lead")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("reason", "customer keeps the order"))
                .retrieve().toBodilessEntity();

        OrderLifecycle pick = lifecycle.findPick("AM9").orElseThrow();
        assertThat(pick.exceptionOpen()).isFalse();
        assertThat(pick.state()).as("the pick stays where the warehouse has it").isEqualTo(before);
        assertThat(pick.note()).contains("change not sent").contains("resolved by cx.lead").contains("customer keeps the order");
        assertThat(sims.peoplevoxOrder("AM9").get("status")).isEqualTo("Allocated");
    }

    @Test
    void aChangeAfterDespatchBecomesAnExceptionWithBeforeAndAfter() {
        release("AM6", A, B);
        sims.post("/sim/peoplevox/_control/orders/AM6/advance", Map.of("to", "Despatched"));
        sims.post("/sim/bluecherry/_control/picks/AM6/modify", Map.of("pickdetail", Map.of("rows",
                List.of(line(1, A, 4), line(2, B, 2)))));

        ExceptionRecord e = awaitException("AM6");
        assertThat(e.category().name()).isEqualTo("AFTER_CUTOFF");
        assertThat(e.message()).contains("Despatched").contains("line 1 changed").contains("x 2").contains("x 4");
        assertThat(quantity("AM6", "1")).as("Peoplevox untouched").isEqualTo(2);
        assertThat(e.status()).isEqualTo("OPEN");
    }

    @Test
    void theWarehouseMovingPastTheCutoffBetweenReadAndWriteRaisesTheException() {
        release("AM7", A, B);
        sims.delete("/sim/peoplevox/_control/calls");
        sims.peoplevoxFault(Map.of("operation", "SaveData", "type", "LATENCY", "count", 1, "delayMs", 2500));
        sims.post("/sim/bluecherry/_control/picks/AM7/modify", Map.of("pickdetail", Map.of("rows",
                List.of(line(1, A, 3), line(2, B, 2)))));
        // the status read has happened; the write is on its way (slowed down): the warehouse allocates now
        await().atMost(Duration.ofSeconds(30)).until(() -> !sims.peoplevoxCalls("GetData", "Sales orders").isEmpty());
        sims.post("/sim/peoplevox/_control/orders/AM7/advance", Map.of("to", "Allocated"));

        ExceptionRecord e = awaitException("AM7");
        assertThat(e.category().name()).isEqualTo("AFTER_CUTOFF");
        assertThat(e.message()).contains("moved to Allocated while the change was being applied");
    }

    @Test
    void afterACrashBetweenTheHeaderAndTheLineSavesRecoverySendsOnlyWhatPeoplevoxIsMissing() throws Exception {
        release("AM8", A, B);
        int headersBefore;
        int linesBefore;
        camel.getRouteController().stopRoute("sales-order-amend");
        try {
            sims.post("/sim/bluecherry/_control/picks/AM8/modify", Map.of("pickdetail", Map.of("rows",
                    List.of(line(1, A, 5), line(2, B, 2)))));
            await().atMost(Duration.ofSeconds(20)).until(() -> handoff.countByStatus("sales-order-change")
                    .getOrDefault("PENDING", 0) == 1);
            // an instance claims the change, saves its header (the new revision in Attribute2) and dies before the lines
            List<HandoffRecord> claimed = handoff.claim("sales-order-change", "dead-instance", 100, Duration.ofMinutes(5),
                    Duration.ZERO);
            assertThat(claimed).hasSize(1);
            Map<String, String> header = new java.util.LinkedHashMap<>();
            header.put("SalesOrderNumber", "AM8");
            header.put("Site", "PrimarySite");
            header.put("Attribute2", claimed.get(0).revision());
            peoplevox.saveData("Sales orders", new CsvTable(List.copyOf(header.keySet()), List.of(header)), 0);
            jdbc.update("update handoff set claimed_at = ? where claim_token = 'dead-instance'",
                    Timestamp.from(Instant.now().minusSeconds(600)));
            headersBefore = rowsSent("Sales orders");
            linesBefore = rowsSent("Sales order items");
        } finally {
            camel.getRouteController().startRoute("sales-order-amend");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> quantity("AM8", "1") == 5
                && handoff.countByStatus("sales-order-change").getOrDefault("DONE", 0) == 1);
        assertThat(rowsSent("Sales orders")).as("the change's header is in Peoplevox already: not written again")
                .isEqualTo(headersBefore);
        assertThat(rowsSent("Sales order items") - linesBefore).as("the changed line, written once by the recovery")
                .isEqualTo(1);
        assertThat(quantity("AM8", "2")).isEqualTo(2);
    }

    @Test
    void aPickSentMonthsAgoIsNotSentAgainWhenPulledAgainAfterRetentionAndAChangeIsStillAnAmendment() {
        release("RET1", A, B);
        // the pick went through 40 days ago: past retention's keep (30 days), within keep-latest (400 days)
        Timestamp monthsAgo = Timestamp.from(Instant.now().minus(Duration.ofDays(40)));
        jdbc.update("update handoff set created_at = ?, updated_at = ?, next_attempt_at = ? where record_key = 'RET1'",
                monthsAgo, monthsAgo, monthsAgo);
        camel.createProducerTemplate().sendBody("direct:ops-retention-run", null);
        assertThat(jdbc.queryForList("select status from handoff where queue = 'sales-order' and record_key = 'RET1'",
                String.class)).as("the pick's newest row stays until keep-latest").containsExactly("DONE");
        int headers = rowsSent("Sales orders");
        int lines = rowsSent("Sales order items");

        // the pull reads every pick again (its watermarks lost): RET1, unchanged, is known to be in Peoplevox already
        jdbc.update("delete from pull_taken");
        jdbc.update("delete from sync_cursor");
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from handoff where"
                + " queue = 'sales-order-change' and record_key = 'RET1' and status in ('DONE', 'SKIPPED')", Integer.class) == 1);
        assertThat(rowsSent("Sales orders")).as("not sent again").isEqualTo(headers);
        assertThat(rowsSent("Sales order items")).isEqualTo(lines);
        assertThat(jdbc.queryForObject("select count(*) from handoff where queue = 'sales-order' and record_key = 'RET1'",
                Integer.class)).as("not queued as a new order").isEqualTo(1);

        // a change now is compared with the revision Peoplevox holds: only the changed line goes
        sims.post("/sim/bluecherry/_control/picks/RET1/modify", Map.of("pickdetail", Map.of("rows",
                List.of(line(1, A, 5), line(2, B, 2)))));
        await().atMost(Duration.ofSeconds(30)).until(() -> quantity("RET1", "1") == 5);
        assertThat(rowsSent("Sales order items") - lines).as("the changed line only").isEqualTo(1);
        assertThat(quantity("RET1", "2")).isEqualTo(2);
    }

    /** Rows of every SaveData of a template that Peoplevox processed. */
    private int rowsSent(String template) {
        return sims.peoplevoxCalls("SaveData", template).stream()
                .mapToInt(c -> c.get("rows") == null ? 0 : ((Number) c.get("rows")).intValue()).sum();
    }

    private void release(String pickNum, String... upcs) {
        sims.createPicks(List.of(Picks.pick(pickNum, "NJ", upcs)));
        await().atMost(Duration.ofSeconds(30)).until(() -> lifecycle.findPick(pickNum)
                .map(o -> o.state() == LifecycleState.ACKNOWLEDGED).orElse(false));
    }

    private ExceptionRecord awaitException(String key) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !exceptions.list("OPEN", null, "sales-order-change", key, 10).isEmpty());
        return exceptions.list("OPEN", null, "sales-order-change", key, 10).get(0);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> fields(String order) {
        return (Map<String, Object>) sims.peoplevoxOrder(order).get("fields");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> lines(String order) {
        return (List<Map<String, Object>>) sims.peoplevoxOrder(order).get("lines");
    }

    private int quantity(String order, String line) {
        return lines(order).stream().filter(l -> line.equals(String.valueOf(l.get("line")))).findFirst()
                .map(l -> ((Number) l.get("quantity")).intValue()).orElse(-1);
    }

    private static Map<String, Object> line(int seq, String upc, int qty) {
        return Picks.line(seq, upc, qty);
    }
}
