package io.cherrypick.flow.stock;

import static io.cherrypick.support.JsonViews.list;
import static io.cherrypick.support.JsonViews.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import io.cherrypick.gs1.Gs1;
import io.cherrypick.peoplevox.events.PeoplevoxSubscriptions;
import io.cherrypick.store.ExceptionRecord;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.ValueMappingStore;
import io.cherrypick.support.FlowTestSupport;

/**
 * The stock flow end to end over real HTTP: stock moves in the Peoplevox simulator (or events are posted to the webhook
 * the way Peoplevox posts them), levels reach the channel simulator and Blue Cherry's PhysicalInventoryTM, and the
 * reconciliation reads Peoplevox's report. Subclasses choose the database (H2, PostgreSQL).
 */
@TestPropertySource(properties = {
        "cherrypick.flows.stock.enabled=true",
        "cherrypick.flows.stock.inbox-interval=50",
        "cherrypick.flows.stock.channel-interval=50",
        "cherrypick.flows.stock.refresh-cron=0/1 * * * * ?",
        "cherrypick.flows.stock.blue-cherry-cron=0/2 * * * * ?",
        "cherrypick.flows.stock.reconcile-cron=0 0 0 1 1 ? 2099",
        "cherrypick.flows.stock.full-overlay-cron=0 0 0 1 1 ? 2099",
        "cherrypick.flows.stock.channel-retry-backoff=200ms",
        "cherrypick.flows.stock.channel-alert-after=2",
        "cherrypick.flows.stock.channel-late-apply=3s",
        "cherrypick.flows.stock.sku-refresh-every=0s",
        "cherrypick.webhooks.token=stock-test-token",
        "cherrypick.peoplevox.timeout=5s",
        "cherrypick.metrics.refresh=300000"})
abstract class AbstractStockFlowTest extends FlowTestSupport {
    static final String TOKEN = "stock-test-token";
    static final Duration WAIT = Duration.ofSeconds(30);
    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };
    /** 50 SKUs of one style (UPC-A with check digit), the first three named for readability. */
    static final List<String> SKUS = skus(50);
    static final String A = SKUS.get(0);
    static final String B = SKUS.get(1);
    static final String C = SKUS.get(2);
    /** A SKU only Blue Cherry knows, to warm the webhook up before the burst. */
    static final String WARM_UP = Gs1.withCheckDigit("08452100999");

    @Autowired ExceptionStore exceptions;
    @Autowired ValueMappingStore mappings;
    @Autowired PeoplevoxSubscriptions subscriptions;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Override
    protected void prepareWorld() {
        List<String> styleSkus = new ArrayList<>(SKUS);
        styleSkus.add(WARM_UP);
        sims.post("/sim/bluecherry/_control/styles", List.of(style("01234", styleSkus)));
        sims.seedPeoplevoxItems(SKUS);
        List<Map<String, Object>> stock = new ArrayList<>();
        for (String sku : SKUS) {
            stock.add(Map.of("itemCode", sku, "site", "PrimarySite", "onHand", 20));
        }
        stock.add(Map.of("itemCode", A, "site", "LondonSite", "onHand", 6));
        sims.post("/sim/peoplevox/_control/seed", Map.of("stock", stock));
        emptyTables(List.of("stock_level", "stock_channel", "stock_refresh", "bc_sku", "stock_bc_post",
                "stock_reconciliation", "stock_variance", "handoff", "integration_exception", "sync_cursor", "pull_taken", "pvx_item",
                "audit_log", "pvx_subscription", "item_sku"));
        List.of("stock-buffer", "stock-settings", ValueMappingStore.SITE).forEach(mappings::removeKind);
        mappings.put(ValueMappingStore.SITE, "NJ", "PrimarySite");
        mappings.put(ValueMappingStore.SITE, "LDN", "LondonSite");
        sims.post("/sim/channel/_control/reset", Map.of());
        sims.delete("/sim/bluecherry/_control/calls");
        // the reset Peoplevox has no subscriptions: make them again, as a restart would
        subscriptions.renew(true);
    }

    @Test
    void aStockMovementIsPushedAtOnceAsOneUpdate() {
        moveStock(A, "PrimarySite", Map.of("delta", -3));

        awaitChannelLevel(A, "PrimarySite", 17);
        Map<String, Object> state = channelState();
        assertThat(state.get("updates")).as("only the SKU that moved").isEqualTo(1);
        assertThat(state.get("calls")).isEqualTo(1);
        assertThat(storedLevel(A, "PrimarySite").get("onHand")).isEqualTo(17);
        // no push of the SKU waited or was in flight: its push was due when its event arrived, not a window later
        List<Instant[]> pushes = jdbc.query("select next_attempt_at, created_at from handoff where queue = 'stock-channel:web'",
                (rs, n) -> new Instant[] {rs.getObject(1, java.time.OffsetDateTime.class).toInstant(),
                        rs.getObject(2, java.time.OffsetDateTime.class).toInstant()});
        assertThat(pushes).isNotEmpty().allSatisfy(p -> assertThat(p[0]).as("due time of the push written at %s", p[1])
                .isBeforeOrEqualTo(p[1]));
    }

    @Test
    void levelsThatChangeWhileTheirSkuIsBeingPushedGoTogetherInTheNextPushWithTheLatestLevel() throws Exception {
        // the channel takes 5 s to answer the first call: the push of level 1 stays in flight that long
        sims.post("/sim/channel/_control/faults", Map.of("operation", "stock-levels", "type", "LATENCY", "count", 1,
                "delayMs", 5000));
        Instant base = Instant.now();
        assertThat(postEvent("AvailabilityChanges", availability(A, "PrimarySite", 1, base)).statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> jdbc.queryForObject("select count(*) from handoff where queue = 'stock-channel:web'"
                + " and status = 'CLAIMED'", Integer.class) == 1);

        for (int level = 2; level <= 21; level++) {
            assertThat(postEvent("AvailabilityChanges", availability(A, "PrimarySite", level, base.plusMillis(level)))
                    .statusCode()).isEqualTo(200);
        }
        awaitChannelLevel(A, "PrimarySite", 21);

        List<Integer> told = sims.getList("/sim/channel/_control/updates").stream().filter(u -> A.equals(u.get("sku")))
                .map(u -> (Integer) u.get("available")).toList();
        assertThat(told).as("the level in flight, then the 20 changes made meanwhile as one push of the latest")
                .containsExactly(1, 21);
        assertThat(jdbc.queryForObject("select count(*) from handoff where queue = 'stock-channel:web'", Integer.class))
                .as("pushes queued").isEqualTo(2);
    }

    @Test
    void aBurstOfAThousandEventsForFiftySkusEndsAtTheLatestLevelsInOrderAndCoalesced() throws Exception {
        // a fresh JVM serves its first requests slowly: warm the webhook up with another SKU first
        List<Map<String, String>> warmUp = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            warmUp.add(availability(WARM_UP, "PrimarySite", i, Instant.now().minusSeconds(60).plusMillis(i)));
        }
        postAll("AvailabilityChanges", warmUp, 16);
        awaitChannelLevel(WARM_UP, "PrimarySite", 499);
        jdbc.update("delete from handoff");
        sims.post("/sim/channel/_control/reset", Map.of());

        SplittableRandom random = new SplittableRandom(7);
        Instant base = Instant.now();
        Map<String, Integer> last = new LinkedHashMap<>();
        List<Map<String, String>> events = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String sku = SKUS.get(i % SKUS.size());
            int available = random.nextInt(0, 40);
            last.put(sku, available);
            events.add(availability(sku, "PrimarySite", available, base.plusMillis(i)));
        }
        List<HttpResponse<String>> answers = postAll("AvailabilityChanges", events, 16);
        assertThat(answers).allMatch(r -> r.statusCode() == 200 && r.body().equals("stored"));

        await().atMost(WAIT).until(() -> last.entrySet().stream()
                .allMatch(e -> Objects.equals(channelLevel(e.getKey(), "PrimarySite"), e.getValue())));
        assertThat(jdbc.queryForObject("select count(*) from handoff where queue = 'stock-events' and status = 'DONE'", Integer.class))
                .isEqualTo(1000);
        Map<String, Object> state = channelState();
        int updates = (Integer) state.get("updates");
        org.slf4j.LoggerFactory.getLogger(getClass()).info("burst of 1,000 events for 50 SKUs: {} channel update(s) in {}"
                + " call(s)", updates, state.get("calls"));
        // per SKU, the channel saw its levels in the order they were observed (a push never overtakes an earlier one)
        Map<String, List<Instant>> observedBySku = new LinkedHashMap<>();
        for (Map<String, Object> u : sims.getList("/sim/channel/_control/updates")) {
            observedBySku.computeIfAbsent((String) u.get("sku"), k -> new ArrayList<>()).add(Instant.parse((String) u.get("observedAt")));
        }
        observedBySku.forEach((sku, observed) -> assertThat(observed).as("levels of %s in the order the channel got them", sku)
                .isSortedAccordingTo(Instant::compareTo).doesNotHaveDuplicates());
        assertThat(state.get("stale")).as("updates older than what the channel held").isEqualTo(0);
        // levels that changed while their SKU was waiting or being pushed went in one push: fewer updates than events
        assertThat(updates).as("channel updates for 1,000 events of 50 SKUs").isLessThan(1000);
        assertThat((Integer) state.get("calls")).as("calls (each carries every SKU due)").isLessThan(updates);
    }

    @Test
    void theSafetyBufferIsHeldBackAndNeverGoesBelowZero() {
        putMapping("stock-buffer", "PrimarySite:" + A, "5");
        putMapping("stock-buffer", "PrimarySite", "2");
        moveStock(A, "PrimarySite", Map.of("onHand", 8));
        moveStock(B, "PrimarySite", Map.of("onHand", 1));
        moveStock(C, "PrimarySite", Map.of("onHand", 12));

        awaitChannelLevel(A, "PrimarySite", 3);
        awaitChannelLevel(B, "PrimarySite", 0);
        awaitChannelLevel(C, "PrimarySite", 10);
        assertThat(storedLevel(A, "PrimarySite").get("available")).as("the level held is Peoplevox's").isEqualTo(8);
    }

    @Test
    void zerosReachBlueCherryInOneBatchedOverlay() {
        moveStock(A, "PrimarySite", Map.of("onHand", 0));
        moveStock(B, "PrimarySite", Map.of("onHand", 9));
        moveStock(A, "LondonSite", Map.of("onHand", 4));

        await().atMost(WAIT).until(() -> adjustment(A, "NJ") != null && adjustment(B, "NJ") != null
                && adjustment(A, "LDN") != null);
        Map<String, Object> zero = adjustment(A, "NJ");
        assertThat(((Number) zero.get("counted_qoh")).intValue()).as("a zero is sent as a zero").isZero();
        assertThat(((Number) adjustment(B, "NJ").get("counted_qoh")).intValue()).isEqualTo(9);
        assertThat(((Number) adjustment(A, "LDN").get("counted_qoh")).intValue()).isEqualTo(4);
        assertThat((String) zero.get("adj_num")).startsWith("PVX");
        assertThat(zero.get("style")).isEqualTo("01234");
        assertThat(zero.get("size_desc")).isEqualTo("S01");
        assertThat(sims.getList("/sim/bluecherry/_control/calls?path=PhysicalInventoryTM&method=POST"))
                .as("POSTs for three SKU x location levels").hasSizeLessThanOrEqualTo(3)
                .allMatch(c -> ((Number) c.get("status")).intValue() == 200);
        await().atMost(WAIT).until(() -> storedLevel(A, "PrimarySite").get("bcSentOnHand") != null);
    }

    @Test
    void aMissedEventIsCorrectedByTheReconciliation() {
        moveStock(A, "PrimarySite", Map.of("delta", -3));
        awaitChannelLevel(A, "PrimarySite", 17);
        subscriptions.unsubscribeAll(); // Peoplevox tells nothing now
        moveStock(A, "PrimarySite", Map.of("onHand", 4));
        moveStock(B, "PrimarySite", Map.of("onHand", 11));

        Map<String, Object> run = api.post().uri("/api/reconciliation/stock/run").retrieve()
                .body(new ParameterizedTypeReference<Map<String, Object>>() {
                });
        assertThat(((Number) run.get("corrected")).intValue()).isGreaterThanOrEqualTo(2);
        awaitChannelLevel(A, "PrimarySite", 4);
        awaitChannelLevel(B, "PrimarySite", 11);

        Map<String, Object> report = api.get().uri("/api/reconciliation/stock?site=PrimarySite&onlyVariances=true").retrieve()
                .body(new ParameterizedTypeReference<Map<String, Object>>() {
                });
        List<Map<String, Object>> rows = list(report.get("rows"));
        Map<String, Object> a = rows.stream().filter(r -> A.equals(r.get("itemCode"))).findFirst().orElseThrow();
        assertThat(a.get("pvxAvailable")).isEqualTo(4);
        assertThat(a.get("corrected")).isEqualTo(true);
        Map<String, Object> web = list(a.get("channels")).get(0);
        assertThat(web.get("channel")).isEqualTo("web");
        assertThat(web.get("told")).as("what the channel had before the correction").isEqualTo(17);
        assertThat(web.get("variance")).isEqualTo(-13);
        assertThat(rows).allMatch(r -> Boolean.TRUE.equals(r.get("hasVariance")));
    }

    @Test
    void aReportRowThatCannotBeReadStopsTheReconciliationInsteadOfZeroingItsLevel() {
        reconcileNow();
        moveStock(A, "PrimarySite", Map.of("onHand", 1234));
        await().atMost(WAIT).until(() -> Objects.equals(storedLevel(A, "PrimarySite").get("onHand"), 1234));
        sims.peoplevoxFault(Map.of("operation", "GetReportData", "type", "THOUSANDS_SEPARATORS", "rate", 1.0));

        assertThat(reconcileNowStatus()).as("the run fails").isGreaterThanOrEqualTo(400);
        Map<String, Object> run = lastReconciliation();
        assertThat(run.get("status")).isEqualTo("FAILED");
        assertThat((String) run.get("error")).contains("stopped before correcting anything")
                .contains("item " + A + " at PrimarySite").contains("Available '1,234' is not a whole number");
        assertThat(storedLevel(A, "PrimarySite").get("onHand")).as("never zeroed").isEqualTo(1234);
        assertThat(jdbc.queryForObject("select count(*) from stock_level where available = 0", Integer.class)).isZero();
    }

    @Test
    void aReportCutShortStopsTheReconciliationInsteadOfZeroingWhatItLacks() {
        reconcileNow();
        sims.peoplevoxFault(Map.of("operation", "GetReportData", "type", "CUT_SHORT", "rate", 1.0));

        assertThat(reconcileNowStatus()).as("the run fails").isGreaterThanOrEqualTo(400);
        Map<String, Object> run = lastReconciliation();
        assertThat(run.get("status")).isEqualTo("FAILED");
        assertThat((String) run.get("error")).contains("Item inventory summary").contains("stopped short")
                .contains("of the 51 row(s)");
        assertThat(jdbc.queryForObject("select count(*) from stock_level where available = 0", Integer.class)).isZero();
    }

    @Test
    void aRenamedReportColumnStopsTheReconciliation() {
        reconcileNow();
        sims.peoplevoxFault(Map.of("operation", "GetReportData", "type", "RENAMED_COLUMN", "rate", 1.0,
                "column", "Site reference", "renamedTo", "Site"));

        assertThat(reconcileNowStatus()).as("the run fails").isGreaterThanOrEqualTo(400);
        Map<String, Object> run = lastReconciliation();
        assertThat(run.get("status")).isEqualTo("FAILED");
        assertThat((String) run.get("error")).contains("has no column Site reference");
        assertThat(storedLevel(A, "LondonSite").get("onHand")).as("a level at another site is not zeroed").isEqualTo(6);
    }

    @Test
    void aReconciliationThatWouldZeroManyLevelsStopsForAPersonToLook() throws Exception {
        reconcileNow();
        // four levels Cherrypick holds at a site Peoplevox's report does not list (4 of 55: more than 5%)
        for (String sku : SKUS.subList(10, 14)) {
            assertThat(postEvent("AvailabilityChanges", availability(sku, "OldSite", 5, Instant.now())).statusCode())
                    .isEqualTo(200);
        }
        await().atMost(WAIT).until(() -> SKUS.subList(10, 14).stream()
                .allMatch(sku -> Objects.equals(storedLevel(sku, "OldSite").get("available"), 5)));

        assertThat(reconcileNowStatus()).as("the run fails").isGreaterThanOrEqualTo(400);
        Map<String, Object> run = lastReconciliation();
        assertThat(run.get("status")).isEqualTo("FAILED");
        assertThat((String) run.get("error")).contains("would set 4 of the 55 level(s) held to 0")
                .contains(SKUS.get(10) + " at OldSite");
        assertThat(storedLevel(SKUS.get(10), "OldSite").get("available")).isEqualTo(5);
    }

    @Test
    void aReportWithFarFewerRowsThanTheLastRunStopsTheScheduledReconciliationWithAnException() throws Exception {
        reconcileNow();
        awaitChannelLevel(B, "PrimarySite", 20);
        // the last completed run read ten times the rows Peoplevox lists now: most of the report went missing
        jdbc.update("update stock_reconciliation set report_rows = report_rows * 10 where status = 'DONE'");
        subscriptions.unsubscribeAll(); // Peoplevox tells nothing now: only a reconciliation would correct B
        moveStock(B, "PrimarySite", Map.of("onHand", 11));
        // the first reconciliation's levels reach Blue Cherry in their own time: count from after that push
        await().atMost(WAIT).until(() -> !sims.getList("/sim/bluecherry/_control/calls?path=PhysicalInventoryTM&method=POST")
                .isEmpty());
        int blueCherryPosts = sims.getList("/sim/bluecherry/_control/calls?path=PhysicalInventoryTM&method=POST").size();
        org.quartz.Scheduler quartz = camel.getComponent("quartz",
                org.apache.camel.component.quartz.QuartzComponent.class).getScheduler();

        quartz.triggerJob(org.quartz.JobKey.jobKey("stock-reconciliation", "cherrypick"));

        await().atMost(WAIT).until(() -> "FAILED".equals(lastReconciliation().get("status")));
        assertThat((String) lastReconciliation().get("error")).contains("has 51 row(s), fewer than 50.0% of the 510")
                .contains("reconcile-min-report-share").contains("looks cut short").contains("stopped before correcting");
        // an open exception of the scheduled run: what ops-alerts announces to the team
        await().atMost(WAIT).until(() -> exceptions.list(ExceptionRecord.OPEN, "VALIDATION", null, null, 10).stream()
                .anyMatch(e -> e.message().contains("looks cut short")));
        assertThat(storedLevel(B, "PrimarySite").get("onHand")).as("nothing corrected").isEqualTo(20);
        assertThat(channelLevel(B, "PrimarySite")).as("nothing pushed to the channel").isEqualTo(20);
        assertThat(sims.getList("/sim/bluecherry/_control/calls?path=PhysicalInventoryTM&method=POST"))
                .as("nothing pushed to Blue Cherry").hasSize(blueCherryPosts);
    }

    @Test
    void aValueLongerThanItsColumnFailsThatEventAloneAndItsNeighboursGoOn() throws Exception {
        String longSite = "WarehouseSite".repeat(6); // 78 characters; stock_level.site holds 60
        camel.getRouteController().stopRoute("stock-inbox", 30, java.util.concurrent.TimeUnit.SECONDS);
        try { // both events wait in the hand-off, so the inbox claims them in one batch
            assertThat(postEvent("AvailabilityChanges", availability(A, longSite, 5, Instant.now())).statusCode())
                    .isEqualTo(200);
            assertThat(postEvent("AvailabilityChanges", availability(B, "PrimarySite", 7, Instant.now())).statusCode())
                    .isEqualTo(200);
        } finally {
            camel.getRouteController().startRoute("stock-inbox");
        }

        await().atMost(WAIT).until(() -> Objects.equals(storedLevel(B, "PrimarySite").get("available"), 7));
        await().atMost(WAIT).until(() -> !exceptions.list(ExceptionRecord.OPEN, "MALFORMED_EVENT", "stock", null, 10)
                .isEmpty());
        ExceptionRecord e = exceptions.list(ExceptionRecord.OPEN, "MALFORMED_EVENT", "stock", null, 10).get(0);
        assertThat(e.message()).contains("AvailabilityChanges")
                .contains("field SiteReference is 78 characters long; at most 60 fit");
        assertThat(jdbc.queryForObject("select count(*) from handoff where queue = 'stock-events' and status = 'DONE'",
                Integer.class)).as("the good event settled").isGreaterThanOrEqualTo(1);
    }

    @Test
    void anEventTheDatabaseRefusesFailsAloneAndItsNeighboursInTheSameBatchSettle() throws Exception {
        // a rule only the database knows (no check of the flow's own looks for it): the event breaking it passes every
        // check before the batch's transaction, where the database refuses it and takes the whole batch back
        jdbc.execute("alter table stock_level add constraint ck_test_site_open check (site <> 'ClosedSite')");
        try {
            camel.getRouteController().stopRoute("stock-inbox", 30, java.util.concurrent.TimeUnit.SECONDS);
            try { // the events wait in the hand-off, so the inbox claims them in one batch
                Instant now = Instant.now();
                for (Map<String, String> event : List.of(availability(A, "PrimarySite", 5, now),
                        availability(B, "ClosedSite", 6, now), availability(C, "PrimarySite", 7, now),
                        availability(SKUS.get(3), "PrimarySite", 8, now))) {
                    assertThat(postEvent("AvailabilityChanges", event).statusCode()).isEqualTo(200);
                }
            } finally {
                camel.getRouteController().startRoute("stock-inbox");
            }

            await().atMost(WAIT).until(() -> jdbc.queryForObject("select count(*) from handoff where queue = 'stock-events'"
                    + " and status in ('DONE', 'FAILED')", Integer.class) == 4);
            assertThat(storedLevel(A, "PrimarySite").get("available")).isEqualTo(5);
            assertThat(storedLevel(C, "PrimarySite").get("available")).isEqualTo(7);
            assertThat(storedLevel(SKUS.get(3), "PrimarySite").get("available")).isEqualTo(8);
            awaitChannelLevel(C, "PrimarySite", 7);
            assertThat(jdbc.queryForObject("select count(*) from handoff where queue = 'stock-events' and status = 'DONE'",
                    Integer.class)).as("the good events settled").isEqualTo(3);
            Map<String, Object> bad = jdbc.queryForMap("select id, status from handoff where queue = 'stock-events'"
                    + " and status <> 'DONE'");
            assertThat(bad.get("status")).isEqualTo("FAILED");
            assertThat(jdbc.queryForObject("select count(*) from handoff where status = 'CLAIMED'", Integer.class))
                    .as("nothing stays claimed").isZero();

            List<ExceptionRecord> open = exceptions.list(ExceptionRecord.OPEN, "VALIDATION", "stock", null, 10);
            assertThat(open).hasSize(1);
            assertThat(open.get(0).message()).as("names the event and the rule (the field) the database holds")
                    .contains("AvailabilityChanges").contains("record " + bad.get("id"))
                    .containsIgnoringCase("ck_test_site_open").contains("refused").contains("after 1 attempt(s)");
            assertThat(open.get(0).payload()).contains("ClosedSite");
        } finally {
            jdbc.execute("alter table stock_level drop constraint ck_test_site_open");
        }
    }

    @Test
    void aLevelThatComesBackToAnEarlierValueWithoutATimeIsNotTakenForADuplicate() throws Exception {
        for (int available : new int[] {5, 3, 5}) {
            Map<String, String> event = availability(A, "PrimarySite", available, Instant.now());
            event.remove("LastModificationTime"); // Peoplevox sent no time: the arrival orders the events
            assertThat(postEvent("AvailabilityChanges", event).body()).as("level " + available).isEqualTo("stored");
            await().atMost(WAIT).until(() -> Objects.equals(storedLevel(A, "PrimarySite").get("available"), available));
        }
        awaitChannelLevel(A, "PrimarySite", 5);
    }

    @Test
    void anOlderEventArrivingLateDoesNotRegressTheLevel() throws Exception {
        Instant now = Instant.now();
        assertThat(postEvent("AvailabilityChanges", availability(A, "PrimarySite", 7, now)).statusCode()).isEqualTo(200);
        awaitChannelLevel(A, "PrimarySite", 7);

        assertThat(postEvent("AvailabilityChanges", availability(A, "PrimarySite", 3, now.minusSeconds(10))).body())
                .isEqualTo("stored");
        await().atMost(WAIT).until(() -> jdbc.queryForObject("select count(*) from handoff where queue = 'stock-events'"
                + " and status = 'DONE'", Integer.class) == 2);
        assertThat(storedLevel(A, "PrimarySite").get("available")).isEqualTo(7);
        assertThat(channelLevel(A, "PrimarySite")).isEqualTo(7);
        assertThat(channelState().get("updates")).isEqualTo(1);
    }

    @Test
    void aLateEventOfTheSameSecondWithAnotherLevelIsSettledByReadingTheLevelAgain() throws Exception {
        moveStock(A, "PrimarySite", Map.of("onHand", 5));
        await().atMost(WAIT).until(() -> Objects.equals(storedLevel(A, "PrimarySite").get("available"), 5));
        Instant second = Instant.parse((String) storedLevel(A, "PrimarySite").get("observedAt"));

        String settled = "select count(*) from handoff where queue = 'stock-events' and status = 'DONE'";
        await().atMost(WAIT).until(() -> jdbc.queryForObject("select count(*) from handoff where queue = 'stock-events'",
                Integer.class).equals(jdbc.queryForObject(settled, Integer.class)));
        int before = jdbc.queryForObject(settled, Integer.class);

        // an earlier change of that second whose delivery was retried arrives now, later than the newer one
        assertThat(postEvent("AvailabilityChanges", availability(A, "PrimarySite", 11, second)).body()).isEqualTo("stored");
        await().atMost(WAIT).until(() -> jdbc.queryForObject(settled, Integer.class) == before + 1);

        // which of the two came last cannot be told from the events: the level is read from Peoplevox again
        await().atMost(WAIT).until(() -> "REFRESH".equals(storedLevel(A, "PrimarySite").get("source")));
        assertThat(storedLevel(A, "PrimarySite").get("available")).isEqualTo(5);
        assertThat(Instant.parse((String) storedLevel(A, "PrimarySite").get("observedAt"))).isAfter(second);
        awaitChannelLevel(A, "PrimarySite", 5);
        assertThat(jdbc.queryForObject("select count(*) from stock_refresh", Integer.class)).isZero();
    }

    @Test
    void anEventForAnUnknownSkuBecomesAnException() throws Exception {
        String unknown = Gs1.withCheckDigit("99999999999");
        HttpResponse<String> answer = postEvent("AvailabilityChanges", availability(unknown, "PrimarySite", 5, Instant.now()));
        assertThat(answer.statusCode()).isEqualTo(200);

        await().atMost(WAIT).until(() -> !exceptions.list("OPEN", "SKU_MISMATCH", StockFlow.FLOW, unknown, 10).isEmpty());
        ExceptionRecord e = exceptions.list("OPEN", "SKU_MISMATCH", StockFlow.FLOW, unknown, 10).get(0);
        assertThat(e.message()).contains("item " + unknown).contains("PrimarySite");
        assertThat(e.payload()).contains(unknown);
        assertThat(jdbc.queryForObject("select count(*) from handoff where queue = 'stock-events' and status = 'FAILED'",
                Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from stock_level", Integer.class)).isZero();
        assertThat(channelState().get("calls")).isEqualTo(0);
    }

    @Test
    void aFailingChannelIsRetriedWithBackoffAndNothingIsLost() {
        sims.post("/sim/channel/_control/faults", Map.of("operation", "stock-levels", "type", "HTTP_5XX", "count", 3,
                "status", 503));
        moveStock(A, "PrimarySite", Map.of("onHand", 5));
        moveStock(B, "PrimarySite", Map.of("onHand", 6));

        awaitChannelLevel(A, "PrimarySite", 5);
        awaitChannelLevel(B, "PrimarySite", 6);
        List<Map<String, Object>> calls = api.get().uri("/sim/channel/_control/calls").retrieve().body(LIST);
        assertThat(calls.stream().filter(c -> ((Number) c.get("status")).intValue() == 503)).hasSize(3);
        List<ExceptionRecord> channelDown = exceptions.list(null, null, StockFlow.FLOW, "channel:web", 10);
        assertThat(channelDown).as("the outage was visible").isNotEmpty();
        await().atMost(WAIT).until(() -> exceptions.list("OPEN", null, StockFlow.FLOW, "channel:web", 10).isEmpty());
    }

    @Test
    void aPushThatTimedOutAndLandsLateOverANewerLevelIsCorrectedByOneMorePush() {
        // a channel that sets whatever level it is given (no ordering by observation time), and answers the next call
        // after 12 s: the runtime gives up at 10 s, the channel applies the call when it wakes
        api.put().uri("/sim/channel/_control/settings").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("honoursObservedAt", false)).retrieve().toBodilessEntity();
        moveStock(A, "PrimarySite", Map.of("onHand", 5));
        awaitChannelLevel(A, "PrimarySite", 5);
        sims.post("/sim/channel/_control/faults", Map.of("operation", "stock-levels", "type", "TIMEOUT", "count", 1,
                "delayMs", 12_000));

        moveStock(A, "PrimarySite", Map.of("onHand", 8));
        await().atMost(WAIT).until(() -> jdbc.queryForObject("select count(*) from stock_channel where item_code = ?"
                + " and late_until is not null", Integer.class, A) == 1);
        // the level moves on while the timed-out call still sleeps in the channel; the newer level reaches it first
        moveStock(A, "PrimarySite", Map.of("onHand", 3));
        awaitChannelLevel(A, "PrimarySite", 3);
        // then the channel wakes and applies the old call: 8, over the newer 3
        await().atMost(WAIT).until(this::lateLandingApplied);

        // one more push once the late call can no longer land puts the channel back on the level held
        await().atMost(WAIT).until(() -> Integer.valueOf(3).equals(channelLevel(A, "PrimarySite")));
        await().atMost(WAIT).until(() -> jdbc.queryForObject("select count(*) from stock_channel where item_code = ?"
                + " and late_until is not null", Integer.class, A) == 0);
        assertThat(channelLevel(A, "PrimarySite")).isEqualTo(3);
    }

    /** Whether the channel applied the call that timed out (an update of 8 received after one of 3). */
    private boolean lateLandingApplied() {
        List<Integer> levels = sims.getList("/sim/channel/_control/updates").stream().filter(u -> A.equals(u.get("sku")))
                .map(u -> (Integer) u.get("available")).toList();
        int three = levels.indexOf(3);
        return three >= 0 && levels.subList(three, levels.size()).contains(8);
    }

    @Test
    void anOnHandMovementWithoutAvailabilityChangeIsReadAgain() throws Exception {
        // on hand and allocation move together (as in a despatch): no availability event, only IncrementalChanges
        moveStock(A, "PrimarySite", Map.of("delta", -2));
        awaitChannelLevel(A, "PrimarySite", 18);
        sims.post("/sim/peoplevox/_control/seed", Map.of("stock", List.of(Map.of("itemCode", A, "site", "PrimarySite",
                "onHand", 33))));
        Map<String, String> incremental = new LinkedHashMap<>();
        incremental.put("token", TOKEN);
        incremental.put("ItemType.ItemCode", A);
        incremental.put("SiteReference", "PrimarySite");
        incremental.put("QuantityChanged", "15");
        incremental.put("UpdateTimestamp", Instant.now().toString());
        incremental.put("Reason", "Goods in");
        assertThat(postEvent("IncrementalChanges", incremental).statusCode()).isEqualTo(200);

        await().atMost(WAIT).until(() -> Integer.valueOf(33).equals(storedLevel(A, "PrimarySite").get("onHand")));
        awaitChannelLevel(A, "PrimarySite", 33);
    }

    @Test
    void theFullOverlaySendsEverySkuAndSiteInFewPosts() {
        Map<String, Object> result = api.post().uri("/api/stock/full-overlay").retrieve()
                .body(new ParameterizedTypeReference<Map<String, Object>>() {
                });
        Map<String, Object> blueCherry = map(result.get("blueCherry"));
        assertThat(blueCherry.get("rows")).as("50 SKUs at PrimarySite, one at LondonSite").isEqualTo(51);
        assertThat(blueCherry.get("posts")).isEqualTo(1);
        // every SKU x location, zeros included (the 15-minute batch may have sent some of them too)
        List<Map<String, Object>> adjustments = sims.getList("/sim/bluecherry/_control/adjustments");
        assertThat(adjustments.stream().map(a -> a.get("upc") + "@" + a.get("location")).distinct()).hasSize(51);
        assertThat(adjustment(A, "LDN").get("counted_qoh")).isEqualTo(6);
        assertThat(adjustments).filteredOn(a -> "NJ".equals(a.get("location")))
                .allMatch(a -> ((Number) a.get("counted_qoh")).intValue() == 20);
    }

    @Test
    void peakModePushesOnlyThresholdCrossingsAndLargeMoves() {
        moveStock(A, "PrimarySite", Map.of("onHand", 40));
        moveStock(B, "PrimarySite", Map.of("onHand", 40));
        awaitChannelLevel(A, "PrimarySite", 40);
        awaitChannelLevel(B, "PrimarySite", 40);
        putMapping("stock-settings", "peak-mode", "on");

        moveStock(A, "PrimarySite", Map.of("onHand", 38)); // 5 %: held back
        moveStock(B, "PrimarySite", Map.of("onHand", 4));  // crosses 5: pushed
        awaitChannelLevel(B, "PrimarySite", 4);
        await().atMost(WAIT).until(() -> Integer.valueOf(38).equals(storedLevel(A, "PrimarySite").get("available"))
                && jdbc.queryForObject("select count(*) from handoff where queue like 'stock-channel:%'"
                        + " and status in ('PENDING', 'CLAIMED')", Integer.class) == 0);
        assertThat(channelLevel(A, "PrimarySite")).isEqualTo(40);

        moveStock(A, "PrimarySite", Map.of("onHand", 20)); // 50 %: pushed
        awaitChannelLevel(A, "PrimarySite", 20);
    }

    // ---- helpers

    static List<String> skus(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(Gs1.withCheckDigit(String.format("08452100%03d", i)));
        }
        return out;
    }

    static Map<String, Object> style(String style, List<String> upcs) {
        List<Map<String, Object>> sizes = new ArrayList<>();
        for (int i = 0; i < upcs.size(); i++) {
            sizes.add(Map.of("color_code", "BLK", "lbl_code", "", "dimension", "", "size_desc", String.format("S%02d", i + 1),
                    "upc", upcs.get(i), "ean", ""));
        }
        return Map.of("style", style, "style_name", "Stock Tee", "styledetail", Map.of("rows", List.of(Map.of(
                "division", "01", "season", "SP26", "stylecolorsizes", Map.of("rows-i", sizes)))));
    }

    static Map<String, String> availability(String sku, String site, int available, Instant at) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", TOKEN);
        form.put("ItemCode", sku);
        form.put("Available", Integer.toString(available));
        form.put("SiteReference", site);
        form.put("OnHand", Integer.toString(available + 2));
        form.put("Allocated", "2");
        form.put("LastModificationTime", at.toString());
        return form;
    }

    Map<String, Object> reconcileNow() {
        return api.post().uri("/api/reconciliation/stock/run").retrieve()
                .body(new ParameterizedTypeReference<Map<String, Object>>() {
                });
    }

    int reconcileNowStatus() {
        return api.post().uri("/api/reconciliation/stock/run").exchange((request, response) -> response.getStatusCode().value());
    }

    Map<String, Object> lastReconciliation() {
        return jdbc.queryForMap("select status, error, report_rows from stock_reconciliation order by id desc limit 1");
    }

    void moveStock(String sku, String site, Map<String, Object> change) {
        Map<String, Object> body = new LinkedHashMap<>(change);
        body.put("itemCode", sku);
        body.put("site", site);
        sims.post("/sim/peoplevox/_control/stock", body);
    }

    void putMapping(String kind, String source, String target) {
        api.put().uri("/api/mappings/{kind}/{source}", kind, source).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("target", target)).retrieve().toBodilessEntity();
    }

    Map<String, Object> channelState() {
        return sims.get("/sim/channel/_control/state");
    }

    Integer channelLevel(String sku, String site) {
        return list(channelState().get("levels")).stream().filter(l -> sku.equals(l.get("sku")) && site.equals(l.get("site")))
                .map(l -> (Integer) l.get("available")).findFirst().orElse(null);
    }

    Map<String, Object> awaitChannelLevel(String sku, String site, int available) {
        await().atMost(WAIT).until(() -> Objects.equals(channelLevel(sku, site), available));
        return list(channelState().get("levels")).stream().filter(l -> sku.equals(l.get("sku")) && site.equals(l.get("site")))
                .findFirst().orElseThrow();
    }

    Map<String, Object> storedLevel(String sku, String site) {
        List<Map<String, Object>> rows = api.get().uri("/api/stock/levels?sku={sku}&site={site}", sku, site).retrieve()
                .body(LIST);
        return rows == null || rows.isEmpty() ? Map.of() : map(rows.get(0).get("level"));
    }

    Map<String, Object> adjustment(String upc, String location) {
        return sims.getList("/sim/bluecherry/_control/adjustments").stream()
                .filter(a -> upc.equals(a.get("upc")) && location.equals(a.get("location")))
                .reduce((first, second) -> second).orElse(null);
    }

    HttpResponse<String> postEvent(String type, Map<String, String> fields) throws Exception {
        return http.send(request(type, fields), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Posts every event as Peoplevox would (form body, token) from {@code parallel} threads, each with its own
     * connection (one shared client would funnel every request through its one selector thread).
     */
    List<HttpResponse<String>> postAll(String type, List<Map<String, String>> events, int parallel) {
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(parallel);
        ThreadLocal<HttpClient> clients = ThreadLocal.withInitial(
                () -> HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
        try {
            List<java.util.concurrent.Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (Map<String, String> event : events) {
                answers.add(threads.submit(() -> clients.get().send(request(type, event),
                        HttpResponse.BodyHandlers.ofString())));
            }
            List<HttpResponse<String>> out = new ArrayList<>();
            for (java.util.concurrent.Future<HttpResponse<String>> answer : answers) {
                out.add(answer.get());
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("posting events failed: " + e, e);
        } finally {
            threads.shutdownNow();
        }
    }

    /** An event as Peoplevox posts it: the {@code token} entry goes into the path, the other fields into the form. */
    private HttpRequest request(String type, Map<String, String> fields) {
        Map<String, String> formFields = new LinkedHashMap<>(fields);
        String token = URLEncoder.encode(formFields.remove("token"), StandardCharsets.UTF_8);
        String form = formFields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/webhooks/peoplevox/" + token + "/" + type))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
    }
}
