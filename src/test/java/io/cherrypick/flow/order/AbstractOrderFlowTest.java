package io.cherrypick.flow.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.http.MediaType;

import io.cherrypick.peoplevox.CsvTable;
import io.cherrypick.peoplevox.PeoplevoxClient;
import io.cherrypick.store.ExceptionRecord;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.LifecycleState;
import io.cherrypick.store.OrderLifecycle;
import io.cherrypick.store.OrderLifecycleStore;
import io.cherrypick.handoff.HandoffRecord;
import io.cherrypick.handoff.HandoffStore;
import io.cherrypick.store.ValueMappingStore;
import io.cherrypick.support.Picks;
import io.cherrypick.support.FlowTestSupport;

/**
 * The order flow end to end: the YAML routes in routes/, the runtime, and the Blue Cherry and Peoplevox simulators over
 * real HTTP on the runtime's port. Subclasses choose the database (H2, PostgreSQL).
 */
@TestPropertySource(properties = {
        "cherrypick.flows.sales-order.enabled=true",
        "cherrypick.flows.sales-order.pull-cron=0/1 * * * * ?",
        "cherrypick.flows.sales-order.send-interval=100",
        "cherrypick.flows.sales-order.retry-backoff=200ms",
        "cherrypick.flows.sales-order.stale-claim-after=2s",
        "cherrypick.flows.sales-order.sites.LAX=GhostSite",
        "cherrypick.bluecherry.page-size=5",
        // short enough to wait for, long enough for a pick to be acknowledged before its window is read again
        "cherrypick.bluecherry.pull-overlap=20s",
        "cherrypick.peoplevox.timeout=2s",
        // five timeouts in a row give up the pick (its budget: about 10 s of retries from its first failure), and
        // they do not make Peoplevox count as down (the breaker has tests of its own)
        "cherrypick.handoff.retry-for=10s",
        "cherrypick.outages.failures-to-open=1000",
        "cherrypick.metrics.refresh=300"})
abstract class AbstractOrderFlowTest extends FlowTestSupport {
    static final String A = "012345678905";
    static final String B = "012345678912";
    static final String C = "012345678929";
    static final String UNKNOWN = "099999999993";

    @Autowired ExceptionStore exceptions;
    @Autowired OrderLifecycleStore lifecycle;
    @Autowired HandoffStore handoff;
    @Autowired PeoplevoxClient peoplevox;
    @Autowired ValueMappingStore mappings;


    @Override
    protected void prepareWorld() {
        sims.seedPeoplevoxItems(List.of(A, B, C));
        for (String table : List.of("handoff", "order_lifecycle", "integration_exception", "sync_cursor", "pull_taken",
                "CAMEL_MESSAGEPROCESSED", "pvx_item", "audit_log")) {
            jdbc.update("delete from " + table);
        }
        mappings.remove(ValueMappingStore.SITE, "MIA");
    }

    @Test
    void releasedPicksBecomeSalesOrdersOnceWithEveryLine() {
        List<Map<String, Object>> picks = new java.util.ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            picks.add(Picks.pick("R" + i, "NJ", A, B, C));
        }
        sims.createPicks(picks);

        await().atMost(Duration.ofSeconds(30)).until(() -> lifecycle.list(LifecycleState.ACKNOWLEDGED, null, 100).size() == 12);
        for (int i = 1; i <= 12; i++) {
            Map<String, Object> order = sims.peoplevoxOrder("R" + i);
            assertThat(order.get("site")).isEqualTo("PrimarySite");
            assertThat((List<?>) order.get("lines")).hasSize(3);
        }
        assertThat(headerRowsSent()).as("each order header sent exactly once").isEqualTo(12);
        assertThat(lifecycle.findPick("R1").orElseThrow().revisionSent()).isNotBlank();
        // each revision that went through is remembered by the queue (idempotent consumer), whichever endpoint settled it
        assertThat(jdbc.queryForList("select messageId from CAMEL_MESSAGEPROCESSED where processorName = 'sales-order'",
                String.class)).hasSize(12).contains("R1:" + lifecycle.findPick("R1").orElseThrow().revisionSent());

        // "where is this order?" by pick number and by Blue Cherry order number
        String byPick = api.get().uri("/api/orders/R1").retrieve().body(String.class);
        String byOrder = api.get().uri("/api/orders/OR1").retrieve().body(String.class);
        assertThat(byPick).contains("\"state\":\"ACKNOWLEDGED\"").contains("\"pvxSite\":\"PrimarySite\"");
        // the same answer, but for the seconds in state, which may tick between the two calls
        String inState = "\"inStateSeconds\":\\d+";
        assertThat(byOrder.replaceAll(inState, "")).isEqualTo(byPick.replaceAll(inState, ""));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                api.get().uri("/actuator/prometheus").retrieve().body(String.class))
                .contains("cherrypick_orders{application=\"cherrypick\",state=\"ACKNOWLEDGED\"} 12.0")
                .contains("routeId=\"sales-order-to-wms\"")
                .containsPattern("camel_exchange_event_notifier_seconds_count\\{[^}]*endpointName=\"peoplevox://save\"[^}]*"
                        + "eventType=\"ExchangeSentEvent\"")
                .as("only the calls to endpoints are timed, not every exchange's completion")
                .doesNotContain("ExchangeCompletedEvent").doesNotContain("camel_exchanges_last_timestamp"));
    }

    @Test
    void picksSharingOneLastModAcrossPagesAndRunsAreNeitherLostNorTakenTwice() {
        sims.blueCherryClock(Map.of("freeze", "2026-11-26 09:00:00"));
        List<Map<String, Object>> picks = new java.util.ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            picks.add(Picks.pick("EQ" + i, "NJ", A));
        }
        sims.createPicks(picks); // 12 picks, one last_mod, pages of 5
        await().atMost(Duration.ofSeconds(30)).until(() -> lifecycle.list(LifecycleState.ACKNOWLEDGED, null, 100).size() == 12);

        // a later run finds three more picks stamped with the very same second
        sims.createPicks(List.of(Picks.pick("EQ13", "NJ", A), Picks.pick("EQ14", "NJ", B), Picks.pick("EQ15", "NJ", C)));
        await().atMost(Duration.ofSeconds(30)).until(() -> lifecycle.list(LifecycleState.ACKNOWLEDGED, null, 100).size() == 15);
        assertThat(sims.peoplevoxOrders()).hasSize(15);
        assertThat(headerRowsSent()).as("no pick sent twice").isEqualTo(15);
        assertThat(jdbc.queryForObject("select count(*) from handoff where queue = 'sales-order'", Integer.class)).isEqualTo(15);
    }

    @Test
    void unknownSkuHoldsTheWholePickUntilTheItemExistsAndAReplay() {
        sims.createPicks(List.of(Picks.pick("SKU1", "NJ", A, UNKNOWN)));

        ExceptionRecord e = awaitOpenException("SKU1");
        assertThat(e.category().name()).isEqualTo("SKU_MISMATCH");
        assertThat(e.message()).contains("Pick SKU1 line 2").contains(UNKNOWN).contains("does not exist in Peoplevox");
        assertThat(e.payload()).as("original pick kept").contains("\"pick_num\":\"SKU1\"").contains(A).contains(UNKNOWN);
        assertThat(lifecycle.findPick("SKU1").orElseThrow().state()).isEqualTo(LifecycleState.HELD_IN_BLUE_CHERRY);
        assertThat(lifecycle.findPick("SKU1").orElseThrow().exceptionOpen()).isTrue();
        assertThat(sims.peoplevoxOrders()).as("no half order in Peoplevox").isEmpty();

        sims.seedPeoplevoxItems(List.of(UNKNOWN)); // the item reaches Peoplevox
        String replayed = api.post().uri("/api/exceptions/" + e.id() + "/replay").header("X-Cherrypick-User", "sam.support")
                .retrieve().body(String.class);
        assertThat(replayed).contains("\"status\":\"REPLAYED\"");

        await().atMost(Duration.ofSeconds(20)).until(() -> lifecycle.findPick("SKU1").orElseThrow().state() == LifecycleState.ACKNOWLEDGED);
        assertThat((List<?>) sims.peoplevoxOrder("SKU1").get("lines")).hasSize(2);
        assertThat(exceptions.find(e.id()).orElseThrow().status()).isEqualTo("RESOLVED");
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'REPLAY' and actor = 'sam.support'",
                Integer.class)).isEqualTo(1);
    }

    @Test
    void unmappedLocationIsHeldUntilTheMappingIsAddedAndReplayed() {
        sims.post("/sim/bluecherry/_control/locations", List.of(Map.of("location", "MIA", "loc_name", "Miami DC", "loc_type", "W")));
        sims.createPicks(List.of(Picks.pick("LOC1", "MIA", A, B)));

        ExceptionRecord e = awaitOpenException("LOC1");
        assertThat(e.category().name()).isEqualTo("MISSING_WAREHOUSE");
        assertThat(e.message()).contains("Pick LOC1").contains("location 'MIA'");
        assertThat(lifecycle.findPick("LOC1").orElseThrow().state()).isEqualTo(LifecycleState.HELD_IN_BLUE_CHERRY);

        api.put().uri("/api/mappings/site/MIA").contentType(MediaType.APPLICATION_JSON).body(Map.of("target", "PrimarySite"))
                .retrieve().toBodilessEntity();
        api.post().uri("/api/exceptions/" + e.id() + "/replay").retrieve().toBodilessEntity();

        await().atMost(Duration.ofSeconds(20)).until(() -> lifecycle.findPick("LOC1").orElseThrow().state() == LifecycleState.ACKNOWLEDGED);
        assertThat(sims.peoplevoxOrder("LOC1").get("site")).isEqualTo("PrimarySite");
    }

    @Test
    void aHeldPickWhoseExceptionAPersonDiscardsReadsSkippedWithWhoAndWhy() {
        sims.post("/sim/bluecherry/_control/locations", List.of(Map.of("location", "MIA", "loc_name", "Miami DC", "loc_type", "W")));
        sims.createPicks(List.of(Picks.pick("GONE1", "MIA", A)));
        ExceptionRecord e = awaitOpenException("GONE1");
        assertThat(lifecycle.findPick("GONE1").orElseThrow().state()).isEqualTo(LifecycleState.HELD_IN_BLUE_CHERRY);

        api.post().uri("/api/exceptions/" + e.id() + "/discard").header("X-Cherrypick-User", "sam.support")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("reason", "shipped from the store by hand"))
                .retrieve().toBodilessEntity();

        // customer service no longer reads "held" with an open exception: the pick was not sent on purpose, and why
        OrderLifecycle pick = lifecycle.findPick("GONE1").orElseThrow();
        assertThat(pick.state()).isEqualTo(LifecycleState.SKIPPED);
        assertThat(pick.exceptionOpen()).isFalse();
        assertThat(pick.note()).contains("discarded by sam.support").contains("shipped from the store by hand");
        assertThat(jdbc.queryForObject("select status from handoff where id = ?", String.class, e.handoffId()))
                .isEqualTo("SKIPPED");
        assertThat(sims.peoplevoxOrders()).isEmpty();
    }

    @Test
    void aPartialSaveDataFailsOnlyTheRefusedOrderWithPeoplevoxsWords() {
        // LAX maps to a site Peoplevox does not have: Peoplevox refuses that row and saves the other
        sims.createPicks(List.of(Picks.pick("PART1", "NJ", A), Picks.pick("PART2", "LAX", B)));

        ExceptionRecord e = awaitOpenException("PART2");
        assertThat(e.message()).contains("Pick PART2 refused by Peoplevox").contains("GhostSite");
        await().atMost(Duration.ofSeconds(20)).until(() -> lifecycle.findPick("PART1").orElseThrow().state() == LifecycleState.ACKNOWLEDGED);
        assertThat(lifecycle.findPick("PART2").orElseThrow().state()).isEqualTo(LifecycleState.HELD_IN_BLUE_CHERRY);
        assertThat(sims.peoplevoxOrders()).extracting(o -> o.get("salesOrderNumber")).containsExactly("PART1");
        assertThat(sims.peoplevoxCalls("SaveData", "Sales orders")).anyMatch(c -> Integer.valueOf(-1).equals(c.get("responseId")));
    }

    @Test
    void oneUnreadablePickAmongNinetyNineGoodOnesIsTheOnlyOneHeld() {
        List<Map<String, Object>> picks = new java.util.ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            picks.add(Picks.pick("BAD" + i, "NJ", A));
        }
        // a vertical tab (U+000B) in the ship-to address: Peoplevox cannot read a SaveData that carries it
        picks.get(41).put("pickaddress", Map.of("rows", List.of(Picks.address("BT", "1 Main St", "Newark"),
                Picks.address("ST", "1 Main\u000BSt", "Newark"))));
        sims.createPicks(picks);

        await().atMost(Duration.ofSeconds(60)).until(() -> lifecycle.list(LifecycleState.ACKNOWLEDGED, null, 200).size() == 99);
        ExceptionRecord e = awaitOpenException("BAD42");
        assertThat(e.category().name()).isEqualTo("VALIDATION");
        assertThat(e.message()).contains("Pick BAD42").contains("U+000B").contains("field ");
        assertThat(exceptions.list("OPEN", null, "sales-order", null, 10)).as("no neighbour held").hasSize(1);
        assertThat(lifecycle.findPick("BAD42").orElseThrow().state()).isEqualTo(LifecycleState.HELD_IN_BLUE_CHERRY);
        assertThat(sims.peoplevoxOrders()).hasSize(99);
        assertThat(headerRowsSent()).as("each good order header sent once").isEqualTo(99);
    }

    @Test
    void anExpiredSessionMidRunIsRenewedAndTheCallRetriedOnce() {
        sims.createPicks(List.of(Picks.pick("SES1", "NJ", A)));
        await().atMost(Duration.ofSeconds(20)).until(() -> lifecycle.findPick("SES1").map(o -> o.state() == LifecycleState.ACKNOWLEDGED).orElse(false));
        int authBefore = sims.peoplevoxCalls("Authenticate", null).size();

        sims.peoplevoxFault(Map.of("operation", "SaveData", "type", "SESSION_EXPIRED", "count", 1));
        sims.createPicks(List.of(Picks.pick("SES2", "NJ", B)));
        await().atMost(Duration.ofSeconds(20)).until(() -> lifecycle.findPick("SES2").map(o -> o.state() == LifecycleState.ACKNOWLEDGED).orElse(false));
        assertThat(sims.peoplevoxCalls("Authenticate", null).size()).isEqualTo(authBefore + 1);
        assertThat(exceptions.list("OPEN", null, null, null, 10)).isEmpty();
    }

    @Test
    void timeoutsAreRetriedWithBackoffUntilPeoplevoxAnswers() {
        sims.peoplevoxFault(Map.of("operation", "SaveData", "type", "TIMEOUT", "count", 2, "delayMs", 3000));
        sims.createPicks(List.of(Picks.pick("TMO1", "NJ", A, B)));

        await().atMost(Duration.ofSeconds(40)).until(() -> lifecycle.findPick("TMO1").map(o -> o.state() == LifecycleState.ACKNOWLEDGED).orElse(false));
        Map<String, Object> order = sims.peoplevoxOrder("TMO1");
        assertThat((List<?>) order.get("lines")).as("no duplicated lines").hasSize(2);
        assertThat(jdbc.queryForObject("select attempts from handoff where record_key = 'TMO1'", Integer.class))
                .as("two failed attempts before success").isGreaterThanOrEqualTo(1);
        assertThat(exceptions.list("OPEN", null, null, "TMO1", 10)).isEmpty();
    }

    @Test
    void timeoutsPastTheRetryBudgetBecomeAnApiTimeoutExceptionThatAReplaySends() {
        // Peoplevox carries out a request the client gave up on; held 15 s, none of the five lands before the fifth
        // attempt has timed out, so each attempt finds nothing in Peoplevox and tries again; the fifth fails past the
        // budget of 10 s from the first failure (failures at about 2, 4, 7, 9 and 13 s)
        sims.peoplevoxFault(Map.of("operation", "SaveData", "type", "TIMEOUT", "count", 5, "delayMs", 15000));
        sims.createPicks(List.of(Picks.pick("TMO2", "NJ", C)));

        ExceptionRecord e = awaitOpenException("TMO2");
        assertThat(e.category().name()).isEqualTo("API_TIMEOUT");
        assertThat(e.message()).contains("TMO2").contains("timed out").contains("5 attempt(s)");
        api.post().uri("/api/exceptions/" + e.id() + "/replay").retrieve().toBodilessEntity();
        await().atMost(Duration.ofSeconds(30)).until(() -> lifecycle.findPick("TMO2").map(o -> o.state() == LifecycleState.ACKNOWLEDGED).orElse(false));
        assertThat((List<?>) sims.peoplevoxOrder("TMO2").get("lines")).as("no duplicated lines").hasSize(1);
        // the five held saves land late (identical upserts); wait for them so none reaches the next test
        await().atMost(Duration.ofSeconds(40)).until(() -> sims.peoplevoxCalls("SaveData", "Sales orders").size() >= 6);
    }

    @Test
    void noDuplicateWhenTheRuntimeStopsBetweenClaimingAndSending() throws Exception {
        camel.getRouteController().stopRoute("sales-order-to-wms");
        try {
            sims.createPicks(List.of(Picks.pick("CR1", "NJ", A), Picks.pick("CR2", "NJ", B)));
            await().atMost(Duration.ofSeconds(20)).until(() -> handoff.countByStatus("sales-order").getOrDefault("PENDING", 0) == 2);
            // an instance claims the batch and dies before sending
            List<HandoffRecord> claimed = handoff.claim("sales-order", "dead-instance", 100, Duration.ofMinutes(5), Duration.ZERO);
            assertThat(claimed).hasSize(2);
            // ... and another had sent CR2 just before it died, without recording it
            Map<String, String> header = new java.util.LinkedHashMap<>();
            header.put("SalesOrderNumber", "CR2");
            header.put("Site", "PrimarySite");
            header.put("Attribute2", claimed.get(1).revision());
            peoplevox.saveData("Sales orders", new CsvTable(List.copyOf(header.keySet()), List.of(header)), 0);
            Map<String, String> line = Map.of("SalesOrderNumber", "CR2", "ItemCode", B, "QuantityOrdered", "2", "Line", "1");
            peoplevox.saveData("Sales order items", new CsvTable(List.of("SalesOrderNumber", "ItemCode", "QuantityOrdered", "Line"),
                    List.of(line)), 0);
        } finally {
            camel.getRouteController().startRoute("sales-order-to-wms");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> lifecycle.list(LifecycleState.ACKNOWLEDGED, null, 10).size() == 2);
        assertThat(headerRowsSent()).as("CR1 sent once after recovery, CR2 not sent again").isEqualTo(2);
        assertThat(sims.peoplevoxOrders()).hasSize(2);
    }

    @Test
    void afterACrashBetweenTheHeaderAndTheLineSavesRecoverySendsOnlyTheLines() throws Exception {
        camel.getRouteController().stopRoute("sales-order-to-wms");
        try {
            sims.createPicks(List.of(Picks.pick("CRH1", "NJ", A, B), Picks.pick("CRH2", "NJ", C)));
            await().atMost(Duration.ofSeconds(20)).until(() -> handoff.countByStatus("sales-order").getOrDefault("PENDING", 0) == 2);
            // an instance claims the batch, saves both headers, and dies before it saves the lines
            List<HandoffRecord> claimed = handoff.claim("sales-order", "dead-instance", 100, Duration.ofMinutes(5), Duration.ZERO);
            assertThat(claimed).hasSize(2);
            List<Map<String, String>> headers = claimed.stream().map(r -> {
                Map<String, String> header = new java.util.LinkedHashMap<>();
                header.put("SalesOrderNumber", r.key());
                header.put("Site", "PrimarySite");
                header.put("Attribute2", r.revision());
                return header;
            }).toList();
            peoplevox.saveData("Sales orders", new CsvTable(List.copyOf(headers.get(0).keySet()), headers), 0);
        } finally {
            camel.getRouteController().startRoute("sales-order-to-wms");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> lifecycle.list(LifecycleState.ACKNOWLEDGED, null, 10).size() == 2);
        assertThat(headerRowsSent()).as("each header written once: by the instance that died, not again").isEqualTo(2);
        int lineRows = sims.peoplevoxCalls("SaveData", "Sales order items").stream()
                .mapToInt(c -> c.get("rows") == null ? 0 : ((Number) c.get("rows")).intValue()).sum();
        assertThat(lineRows).as("each of the three lines written once, by the recovery").isEqualTo(3);
        assertThat((List<?>) sims.peoplevoxOrder("CRH1").get("lines")).hasSize(2);
        assertThat((List<?>) sims.peoplevoxOrder("CRH2").get("lines")).hasSize(1);
    }

    @Test
    void recoveryLeavesARecordPeoplevoxHoldsAtANewerRevisionAndResendsOneItHoldsAtAnOlderOne() throws Exception {
        camel.getRouteController().stopRoute("sales-order-to-wms");
        try {
            sims.createPicks(List.of(Picks.pick("REVN1", "NJ", A), Picks.pick("REVO1", "NJ", B)));
            await().atMost(Duration.ofSeconds(20)).until(() -> handoff.countByStatus("sales-order").getOrDefault("PENDING", 0) == 2);
            // an instance claims the batch and dies; meanwhile Peoplevox got REVN1 at a newer revision (with its line)
            // and REVO1 at an older one (header only)
            List<HandoffRecord> claimed = handoff.claim("sales-order", "dead-instance", 100, Duration.ofMinutes(5), Duration.ZERO);
            assertThat(claimed).hasSize(2);
            Map<String, String> newer = new java.util.LinkedHashMap<>();
            newer.put("SalesOrderNumber", "REVN1");
            newer.put("Site", "PrimarySite");
            newer.put("Attribute2", "9999-12-31 23:59:59");
            Map<String, String> older = new java.util.LinkedHashMap<>(newer);
            older.put("SalesOrderNumber", "REVO1");
            older.put("Attribute2", "2000-01-01 00:00:00");
            peoplevox.saveData("Sales orders", new CsvTable(List.copyOf(newer.keySet()), List.of(newer, older)), 0);
            peoplevox.saveData("Sales order items", new CsvTable(List.of("SalesOrderNumber", "ItemCode", "QuantityOrdered", "Line"),
                    List.of(Map.of("SalesOrderNumber", "REVN1", "ItemCode", A, "QuantityOrdered", "5", "Line", "1"))), 0);
        } finally {
            camel.getRouteController().startRoute("sales-order-to-wms");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> lifecycle.list(LifecycleState.ACKNOWLEDGED, null, 10).size() == 2);
        assertThat(headerRowsSent()).as("the two written meanwhile, then REVO1's again: not REVN1's").isEqualTo(3);
        int lineRows = sims.peoplevoxCalls("SaveData", "Sales order items").stream()
                .mapToInt(c -> c.get("rows") == null ? 0 : ((Number) c.get("rows")).intValue()).sum();
        assertThat(lineRows).as("REVN1's newer line kept, REVO1's line sent by the recovery").isEqualTo(2);
        assertThat(sims.peoplevoxOrder("REVN1").toString()).as("the newer revision stays").contains("9999-12-31");
    }

    @Test
    void aPickBlueCherryAnswersWithAKeyTooLongToStoreIsRefusedAloneAndItsNeighboursGoOn() throws Exception {
        camel.getRouteController().stopRoute("sales-order-pull");
        try {
            sims.createPicks(List.of(Picks.pick("LONG1", "NJ", A), Picks.pick("LONG2", "NJ", B), Picks.pick("LONG3", "NJ", C)));
            // the next read answers the second pick with a 300-character pick_num (the hand-off's key holds 200)
            sims.blueCherryFault(Map.of("operation", "pick", "type", "LONG_VALUE", "field", "pick_num", "record", 1,
                    "count", 1));
        } finally {
            camel.getRouteController().startRoute("sales-order-pull");
        }

        await().atMost(Duration.ofSeconds(40)).until(() -> !exceptions.list("OPEN", "VALIDATION", "sales-order", null, 10)
                .isEmpty());
        ExceptionRecord e = exceptions.list("OPEN", "VALIDATION", "sales-order", null, 10).get(0);
        assertThat(e.businessKey()).startsWith("pick:unreadable:");
        assertThat(e.message()).contains("Blue Cherry GET pick").contains("field pick_num 300 characters long; at most 200 fit");
        assertThat(e.payload()).as("the record as it came").contains("LONG2LONG2");
        // its neighbours went on; the pick itself, answered clean by the next read of its second, came through too
        await().atMost(Duration.ofSeconds(40)).until(() -> List.of("LONG1", "LONG2", "LONG3").stream().allMatch(p ->
                lifecycle.findPick(p).map(o -> o.state() == LifecycleState.ACKNOWLEDGED).orElse(false)));
    }

    @Test
    void aPickVoidedBeforeItWasSentIsNeverSent() throws Exception {
        camel.getRouteController().stopRoute("sales-order-pull");
        try {
            sims.createPicks(List.of(Picks.pick("VOID1", "NJ", A), Picks.pick("VOID2", "NJ", B)));
            sims.post("/sim/bluecherry/_control/picks/VOID1/void", Map.of());
        } finally {
            camel.getRouteController().startRoute("sales-order-pull");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> lifecycle.findPick("VOID2").map(o -> o.state() == LifecycleState.ACKNOWLEDGED).orElse(false));
        assertThat(lifecycle.findPick("VOID1").orElseThrow().state()).isEqualTo(LifecycleState.CANCELLED);
        assertThat(sims.peoplevoxOrders()).extracting(o -> o.get("salesOrderNumber")).containsExactly("VOID2");
    }

    private ExceptionRecord awaitOpenException(String key) {
        await().atMost(Duration.ofSeconds(40)).until(() -> !exceptions.list("OPEN", null, "sales-order", key, 10).isEmpty());
        return exceptions.list("OPEN", null, "sales-order", key, 10).get(0);
    }

    /** Rows of every SaveData "Sales orders" call Peoplevox processed (a call answered with an injected fault has no rows). */
    /**
     * Blue Cherry's last_mod is when a pick was written, not when it became visible: a pick written a second before one
     * already taken, but committed only after the pull read past it (a long transaction, or a server whose clock runs
     * behind), appears behind the watermark. The pull's look behind the watermark takes it, once.
     */
    @Test
    void aPickThatAppearsBehindTheWatermarkIsTakenByTheLookBehind() {
        sims.createPicks(List.of(Picks.pick("LATE1", "NJ", A)));
        await().atMost(Duration.ofSeconds(15)).until(() -> lifecycle.findPick("LATE1")
                .map(p -> p.state() == LifecycleState.ACKNOWLEDGED).orElse(false));
        java.time.format.DateTimeFormatter lastMod = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        String watermark = lifecycle.findPick("LATE1").orElseThrow().revisionReceived();
        sims.blueCherryClock(Map.of("freeze", lastMod.format(java.time.LocalDateTime.parse(watermark, lastMod).minusSeconds(1))));
        sims.createPicks(List.of(Picks.pick("LATE2", "NJ", B)));
        sims.blueCherryClock(Map.of("real", true));

        await().atMost(Duration.ofSeconds(60)).until(() -> lifecycle.findPick("LATE2")
                .map(p -> p.state() == LifecycleState.ACKNOWLEDGED).orElse(false));
        assertThat(sims.peoplevoxOrder("LATE2")).isNotNull();
        assertThat(headerRowsSent()).as("each pick sent once").isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from handoff where queue = 'sales-order'", Integer.class)).isEqualTo(2);
    }

    private int headerRowsSent() {
        return sims.peoplevoxCalls("SaveData", "Sales orders").stream()
                .mapToInt(c -> c.get("rows") == null ? 0 : ((Number) c.get("rows")).intValue()).sum();
    }
}
