package io.cherrypick.flow.despatch;

import static io.cherrypick.support.JsonViews.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import org.springframework.http.MediaType;

import io.cherrypick.gs1.Gs1;
import io.cherrypick.handoff.HandoffStore;
import io.cherrypick.peoplevox.PeoplevoxDespatches;
import io.cherrypick.peoplevox.events.PeoplevoxSubscriptions;
import io.cherrypick.store.ExceptionRecord;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.LifecycleState;
import io.cherrypick.store.OrderLifecycle;
import io.cherrypick.store.OrderLifecycleStore;
import io.cherrypick.store.ValueMappingStore;
import io.cherrypick.support.Picks;
import io.cherrypick.support.FlowTestSupport;

/**
 * The despatch flow end to end over real HTTP: a pick released in the Blue Cherry simulator goes through the order flow
 * into the Peoplevox simulator, is advanced there through its control API, and its despatch comes back through the
 * webhook (or the report poll) to Blue Cherry's OrderShipment. Subclasses choose the database (H2, PostgreSQL).
 */
@TestPropertySource(properties = {
        "cherrypick.flows.sales-order.enabled=true",
        "cherrypick.flows.sales-order.pull-cron=0/1 * * * * ?",
        "cherrypick.flows.sales-order.send-interval=100",
        "cherrypick.flows.despatch.enabled=true",
        "cherrypick.flows.despatch.inbox-interval=100",
        "cherrypick.flows.despatch.poll-cron=0/2 * * * * ?",
        "cherrypick.flows.despatch.send-linger=0s",
        "cherrypick.flows.despatch.send-interval=100",
        "cherrypick.flows.despatch.retry-backoff=200ms",
        "cherrypick.flows.despatch.event-retry-backoff=200ms",
        "cherrypick.flows.despatch.package-events=true",
        "cherrypick.webhooks.token=despatch-test-token",
        "cherrypick.peoplevox.timeout=5s",
        "cherrypick.metrics.refresh=300000"})
@ExtendWith(OutputCaptureExtension.class)
abstract class AbstractDespatchFlowTest extends FlowTestSupport {
    static final String TOKEN = "despatch-test-token";
    static final String A = "012345678905";
    static final String B = "012345678912";
    static final String C = "012345678929";
    static final Duration WAIT = Duration.ofSeconds(40);
    /** The Despatch summary's columns as the simulator has them by default (no package detail). */
    static final List<String> SUMMARY_COLUMNS = List.of("Salesorder number", "Despatch number", "Carrier", "Service",
            "Despatch date", "Tracking number", "Item code", "Item name", "No of items", "Item weight", "Site reference",
            "Service type code", "Customer order reference", "Email", "Requested delivery date", "Contact name",
            "Channel name", "Destination country");

    @Autowired ExceptionStore exceptions;
    @Autowired OrderLifecycleStore lifecycle;
    @Autowired HandoffStore handoff;
    @Autowired ValueMappingStore mappings;
    @Autowired PeoplevoxSubscriptions subscriptions;
    @Autowired PeoplevoxDespatches despatches;

    final HttpClient http = HttpClient.newHttpClient();

    @Override
    protected void prepareWorld() {
        sims.seedPeoplevoxItems(List.of(A, B, C));
        sims.post("/sim/peoplevox/_control/seed", Map.of("stock", List.of(A, B, C).stream()
                .map(item -> Map.of("itemCode", item, "site", "PrimarySite", "onHand", 100)).toList()));
        for (String table : List.of("handoff", "order_lifecycle", "integration_exception", "sync_cursor", "pull_taken",
                "CAMEL_MESSAGEPROCESSED", "pvx_item", "audit_log", "despatch", "document_number", "despatch_reading",
                "pvx_subscription")) {
            jdbc.update("delete from " + table);
        }
        mappings.put(DespatchFlow.CARRIER_MAPPING, "UPS Ground", "UPS/UPSN");
        mappings.put(DespatchFlow.CARRIER_MAPPING, "FedEx Express", "FEDX/FDEG");
        mappings.put(DespatchFlow.CARRIER_MAPPING, "DHL Parcel UK", "DHL/DHLC");
        // the reset Peoplevox has no subscriptions and its reports their default columns: as a restart would, subscribe
        // again and see which despatch mode the Despatch summary allows
        subscriptions.renew(true);
        despatches.detect();
    }

    @Test
    void aFullDespatchReachesBlueCherryOnceWithCartonsCarrierAndTracking(CapturedOutput output) {
        releaseToPeoplevox(Picks.pick("FULL1", "NJ", A, B));
        advance("FULL1", Map.of("to", "Despatched"));

        awaitState("FULL1", LifecycleState.CONFIRMED_IN_BLUE_CHERRY);
        List<Map<String, Object>> shipments = shipmentsFor("FULL1");
        assertThat(shipments).hasSize(1);
        Map<String, Object> request = request(shipments.get(0));
        assertThat(request.get("shipper")).isEqualTo("UPS");
        assertThat(request.get("scac_code")).isEqualTo("UPSN");
        assertThat(request.get("cmpl_code")).isEqualTo("Y");
        assertThat((String) request.get("ship_date")).matches("\\d\\d/\\d\\d/\\d{4}");
        assertThat((String) request.get("isa_num")).matches("\\d{9}");
        List<Map<String, Object>> cartons = list(request.get("cartonHeader"));
        assertThat(cartons).hasSize(1);
        assertThat(Gs1.isValidSscc20((String) cartons.get(0).get("carton_num"))).isTrue();
        assertThat((String) cartons.get(0).get("track_no")).isNotBlank();
        assertThat(list(request.get("pickDetail"))).extracting(l -> ((Number) l.get("size_qty")).intValue()).containsExactly(2, 2);
        assertThat(shipments.get(0).get("pick_status")).isEqualTo("SHIPPED");

        OrderLifecycle order = lifecycle.findPick("FULL1").orElseThrow();
        assertThat(order.despatchedAt()).as("passed through DESPATCHED").isNotNull();
        assertThat(order.confirmedAt()).isNotNull();
        assertThat(order.exceptionOpen()).isFalse();
        assertThat(inboxTypes()).as("the webhook brought the events").contains("TrackingNumberReceived");
        assertThat(notificationsFor("FULL1")).as("Blue Cherry told the customer").hasSize(1);
        assertThat(sims.peoplevoxCalls("GetData", null)).as("despatches are read from the report only")
                .noneMatch(call -> String.valueOf(call.get("template")).startsWith("Despatch"));
        assertThat(sims.peoplevoxCalls("GetReportData", "Despatch summary")).isNotEmpty();
        // every despatch waits for a second read of the report to agree: an expected wait, not a warning
        assertThat(output.getAll().lines().filter(l -> l.contains("second read of report"))).isNotEmpty()
                .allMatch(l -> l.contains(" INFO ") && l.contains(" waits (attempt "));
    }

    @Test
    void aSummaryOnlyTenantGetsOneCartonPerDespatchWithTrackingCarrierServiceAndQuantities() {
        assertThat(despatches.layout().packages()).isFalse();
        assertThat(despatches.layout().describe()).contains("one carton per despatch");
        releaseToPeoplevox(Picks.pick("SUM1", "NJ", A, B, C));
        advance("SUM1", Map.of("to", "Despatched", "serviceType", "FedEx Express", "packages", List.of(
                Map.of("trackingNumber", "7489000000001", "lines", List.of(Map.of("itemCode", A, "quantity", 2))),
                Map.of("trackingNumber", "7489000000002", "lines", List.of(Map.of("itemCode", B, "quantity", 2),
                        Map.of("itemCode", C, "quantity", 1))))));

        awaitState("SUM1", LifecycleState.DESPATCHED, LifecycleState.CONFIRMED_IN_BLUE_CHERRY);
        await().atMost(WAIT).until(() -> shipmentsFor("SUM1").size() == 1);
        Map<String, Object> request = request(shipmentsFor("SUM1").get(0));
        assertThat(request.get("shipper")).as("carrier and service: FedEx Express maps to FEDX/FDEG").isEqualTo("FEDX");
        assertThat(request.get("scac_code")).isEqualTo("FDEG");
        assertThat(request.get("carton")).isEqualTo(1);
        assertThat(request.get("cmpl_code")).as("A 2, B 2, C 1 of 2 each: part despatch").isEqualTo("N");
        List<Map<String, Object>> cartons = list(request.get("cartonHeader"));
        assertThat(cartons).hasSize(1);
        assertThat(cartons.get(0).get("track_no")).as("the despatch's tracking number").isEqualTo("7489000000001");
        assertThat(list(cartons.get(0).get("cartonDetail"))).extracting(l -> ((Number) l.get("ship_qty")).intValue())
                .containsExactly(2, 2, 1);
        assertThat(list(request.get("pickDetail"))).extracting(l -> ((Number) l.get("size_qty")).intValue())
                .containsExactly(2, 2, 1);
        assertThat(jdbc.queryForObject("select count(*) from document_number where kind = 'despatch-carton'", Integer.class))
                .as("one carton serial for the despatch").isEqualTo(1);
    }

    @Test
    void aPartDespatchAndThenTheRestGiveTwoShipmentsAndCloseThePick() {
        releaseToPeoplevox(Picks.pick("PART1", "NJ", A, B));
        advance("PART1", Map.of("to", "Despatched", "packages",
                List.of(Map.of("lines", List.of(Map.of("itemCode", A, "quantity", 2), Map.of("itemCode", B, "quantity", 1))))));

        await().atMost(WAIT).until(() -> shipmentsFor("PART1").size() == 1);
        Map<String, Object> first = request(shipmentsFor("PART1").get(0));
        assertThat(first.get("cmpl_code")).isEqualTo("N");
        assertThat(shipmentsFor("PART1").get(0).get("pick_status")).isEqualTo("PARTIAL");
        await().atMost(WAIT).until(() -> lifecycle.findPick("PART1").orElseThrow().note().contains("still open"));
        assertThat(lifecycle.findPick("PART1").orElseThrow().state()).isEqualTo(LifecycleState.DESPATCHED);

        advance("PART1", Map.of("to", "Despatched"));
        awaitState("PART1", LifecycleState.CONFIRMED_IN_BLUE_CHERRY);
        List<Map<String, Object>> shipments = shipmentsFor("PART1");
        assertThat(shipments).hasSize(2);
        Map<String, Object> second = request(shipments.get(1));
        assertThat(second.get("cmpl_code")).isEqualTo("Y");
        assertThat(list(second.get("pickDetail"))).hasSize(1);
        assertThat(((Number) list(second.get("pickDetail")).get(0).get("size_qty")).intValue()).isEqualTo(1);
        assertThat(second.get("isa_num")).isNotEqualTo(first.get("isa_num"));
        assertThat(shipments.get(1).get("pick_status")).isEqualTo("SHIPPED");
        assertThat(notificationsFor("PART1")).hasSize(2);
    }

    @Test
    void aTenantWithPackageDetailGetsACartonPerPackageEachWithItsSsccAndTracking() {
        List<String> columns = new ArrayList<>(SUMMARY_COLUMNS);
        columns.add("Package tracking number");
        tenantsDespatchSummaryHas(columns);
        assertThat(despatches.detect().packages()).as("detected from the report's columns").isTrue();
        assertThat(despatches.layout().describe()).contains("one carton per package");
        releaseToPeoplevox(Picks.pick("PKG1", "NJ", A, B, C));
        advance("PKG1", Map.of("to", "Despatched", "packages", List.of(
                Map.of("trackingNumber", "1Z999AA10000000001", "lines", List.of(Map.of("itemCode", A, "quantity", 2))),
                Map.of("trackingNumber", "1Z999AA10000000002", "lines", List.of(Map.of("itemCode", B, "quantity", 2),
                        Map.of("itemCode", C, "quantity", 1))),
                Map.of("trackingNumber", "1Z999AA10000000003", "lines", List.of(Map.of("itemCode", C, "quantity", 1))))));

        awaitState("PKG1", LifecycleState.CONFIRMED_IN_BLUE_CHERRY);
        Map<String, Object> request = request(shipmentsFor("PKG1").get(0));
        List<Map<String, Object>> cartons = list(request.get("cartonHeader"));
        assertThat(request.get("carton")).isEqualTo(3);
        assertThat(cartons).extracting(c -> c.get("track_no"))
                .containsExactly("1Z999AA10000000001", "1Z999AA10000000002", "1Z999AA10000000003");
        assertThat(new HashSet<>(cartons.stream().map(c -> c.get("carton_num")).toList())).hasSize(3);
        assertThat(cartons).allMatch(c -> Gs1.isValidSscc20((String) c.get("carton_num")));
        assertThat(list(cartons.get(1).get("cartonDetail"))).hasSize(2);
        assertThat(jdbc.queryForList("select n.record_key from document_number n join despatch d"
                + " on n.record_key like d.despatch_number || '/%' where n.kind = 'despatch-carton' and d.pick_num = 'PKG1'",
                String.class)).as("a carton serial allocated per package").hasSize(3);
    }

    @Test
    void duplicateEventsGiveOneShipment() throws Exception {
        api.put().uri("/sim/peoplevox/_control/config").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("duplicateRate", 1.0)).retrieve().toBodilessEntity();
        releaseToPeoplevox(Picks.pick("DUP1", "NJ", A));
        advance("DUP1", Map.of("to", "Despatched"));
        awaitState("DUP1", LifecycleState.CONFIRMED_IN_BLUE_CHERRY);

        // and the same event once more, by hand, after the shipment went
        String despatch = jdbc.queryForObject("select despatch_number from despatch where pick_num = 'DUP1'", String.class);
        HttpResponse<String> again = postEvent("TrackingNumberReceived", Map.of("token", TOKEN, "DespatchNumber", despatch,
                "TrackingNumber", trackingOf("DUP1"), "Picks.SalesOrder.SalesOrderNumber", "DUP1"));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo("duplicate");
        await().atMost(WAIT).until(() -> sims.getList("/sim/peoplevox/_control/deliveries").stream()
                .noneMatch(d -> "PENDING".equals(d.get("state"))));
        long duplicates = sims.getList("/sim/peoplevox/_control/deliveries").stream()
                .filter(d -> Boolean.TRUE.equals(d.get("duplicate"))).count();
        assertThat(duplicates).as("Peoplevox delivered twice").isPositive();
        assertThat(shipmentsFor("DUP1")).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from handoff where queue = 'despatch'", Integer.class)).isEqualTo(1);
    }

    @Test
    void aDespatchWhoseEventsWereMissedIsCaughtByTheReportPoll() {
        subscriptions.unsubscribeAll(); // Peoplevox sends nothing now
        releaseToPeoplevox(Picks.pick("MISS1", "NJ", B));
        advance("MISS1", Map.of("to", "Despatched"));

        awaitState("MISS1", LifecycleState.CONFIRMED_IN_BLUE_CHERRY);
        assertThat(inboxTypes()).containsOnly("DespatchSummary");
        assertThat(shipmentsFor("MISS1")).hasSize(1);
    }

    @Test
    void blueCherryRefusingAFieldIsAnExceptionAndAReplayAfterTheMappingFixSucceedsWhileTheOthersGo() throws Exception {
        mappings.put(DespatchFlow.CARRIER_MAPPING, "FedEx Express", "FEDEX/FDEG"); // Blue Cherry's shipper is FEDX
        camel.getRouteController().stopRoute("despatch-to-blue-cherry");
        try {
            releaseToPeoplevox(Picks.pick("REJ1", "NJ", A), Picks.pick("OK1", "NJ", B));
            advance("REJ1", Map.of("to", "Despatched", "serviceType", "FedEx Express"));
            advance("OK1", Map.of("to", "Despatched"));
            await().atMost(WAIT).until(() -> handoff.countByStatus("despatch").getOrDefault("PENDING", 0) == 2);
        } finally {
            camel.getRouteController().startRoute("despatch-to-blue-cherry");
        }

        awaitState("OK1", LifecycleState.CONFIRMED_IN_BLUE_CHERRY);
        ExceptionRecord e = awaitOpenException();
        String despatch = jdbc.queryForObject("select despatch_number from despatch where pick_num = 'REJ1'", String.class);
        assertThat(e.category().name()).isEqualTo("REJECTED");
        assertThat(e.owner().name()).isEqualTo("SUPPORT");
        assertThat(e.businessKey()).isEqualTo(despatch);
        assertThat(e.message()).contains("Despatch " + despatch).contains("pick REJ1").contains("shipper 'FEDEX'")
                .contains("mapping carrier 'FedEx Express'");
        assertThat(e.payload()).contains(despatch);
        assertThat(lifecycle.findPick("REJ1").orElseThrow().exceptionOpen()).isTrue();
        assertThat(shipmentsFor("REJ1")).isEmpty();

        api.put().uri("/api/mappings/carrier/FedEx Express").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("target", "FEDX/FDEG")).retrieve().toBodilessEntity();
        api.post().uri("/api/exceptions/" + e.id() + "/replay").retrieve().toBodilessEntity();

        awaitState("REJ1", LifecycleState.CONFIRMED_IN_BLUE_CHERRY);
        assertThat(request(shipmentsFor("REJ1").get(0)).get("shipper")).isEqualTo("FEDX");
        assertThat(exceptions.find(e.id()).orElseThrow().status()).isEqualTo("RESOLVED");
        assertThat(shipmentsFor("OK1")).hasSize(1);
    }

    @Test
    void anUnmappedServiceIsHeldBeforeBlueCherryIsCalled() {
        ExceptionRecord e = despatchedWithAnUnmappedService("MAP1");
        assertThat(e.category().name()).isEqualTo("VALIDATION");
        assertThat(e.message()).contains("pick MAP1").contains("DHL Parcel UK").contains("scac_code");
        assertThat(sims.getList("/sim/bluecherry/_control/calls?path=OrderShipment&method=POST")).isEmpty();

        mappings.put(DespatchFlow.CARRIER_MAPPING, "DHL Parcel UK", "DHL/DHLC");
        api.post().uri("/api/exceptions/" + e.id() + "/replay").retrieve().toBodilessEntity();
        awaitState("MAP1", LifecycleState.CONFIRMED_IN_BLUE_CHERRY);
    }

    @Test
    void aHeldDespatchWhoseExceptionAPersonDiscardsIsNotPostedAndItsPickNoLongerShowsTheException() {
        ExceptionRecord e = despatchedWithAnUnmappedService("MAP2");
        assertThat(lifecycle.findPick("MAP2").orElseThrow().exceptionOpen()).isTrue();

        api.post().uri("/api/exceptions/" + e.id() + "/discard").header("X-Cherrypick-User", "sam.support")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("reason", "shipment entered in Blue Cherry by hand"))
                .retrieve().toBodilessEntity();

        OrderLifecycle pick = lifecycle.findPick("MAP2").orElseThrow();
        assertThat(pick.exceptionOpen()).isFalse();
        assertThat(pick.state()).isEqualTo(LifecycleState.DESPATCHED);
        assertThat(pick.note()).contains("not posted to Blue Cherry").contains("discarded by sam.support")
                .contains("shipment entered in Blue Cherry by hand");
        assertThat(jdbc.queryForObject("select status from handoff where id = ?", String.class, e.handoffId()))
                .isEqualTo("SKIPPED");
        assertThat(sims.getList("/sim/bluecherry/_control/calls?path=OrderShipment&method=POST")).isEmpty();
    }

    @Test
    void aPackageEventWithoutAPackageNumberMakesTheFlowReadTheDespatch() throws Exception {
        subscriptions.unsubscribeAll(); // only the hand-made event below tells Cherrypick
        camel.getRouteController().stopRoute("despatch-report-poll");
        try {
            releaseToPeoplevox(Picks.pick("PKE1", "NJ", A));
            advance("PKE1", Map.of("to", "Despatched"));
            String despatch = despatchNumberOf("PKE1");
            HttpResponse<String> event = postEvent("DespatchPackageDespatched", Map.of("token", TOKEN, "DespatchNumber",
                    despatch));
            assertThat(event.statusCode()).isEqualTo(200);

            awaitState("PKE1", LifecycleState.CONFIRMED_IN_BLUE_CHERRY);
            assertThat(inboxTypes()).containsOnly("DespatchPackageDespatched");
            assertThat(shipmentsFor("PKE1")).hasSize(1);
        } finally {
            camel.getRouteController().startRoute("despatch-report-poll");
        }
    }

    @Test
    void aReportWithoutANeededColumnIsASetupErrorNamingReportAndColumnAndNothingIsPosted() {
        List<String> columns = new ArrayList<>(SUMMARY_COLUMNS);
        columns.remove("No of items");
        tenantsDespatchSummaryHas(columns);
        assertThat(despatches.detect().missing()).containsExactly("No of items");
        releaseToPeoplevox(Picks.pick("COL1", "NJ", A));
        advance("COL1", Map.of("to", "Despatched"));

        ExceptionRecord e = awaitOpenException();
        assertThat(e.category().name()).isEqualTo("VALIDATION");
        assertThat(e.message()).contains("Peoplevox report 'Despatch summary' has no column 'No of items'")
                .contains("routes/mappings/despatch-summary.yaml");
        assertThat(sims.getList("/sim/bluecherry/_control/calls?path=OrderShipment&method=POST")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from despatch", Integer.class)).isZero();

        // the tenant adds the column back: a replay reads the report again and the despatch goes
        tenantsDespatchSummaryHas(List.of());
        for (ExceptionRecord open : exceptions.list("OPEN", null, "despatch", null, 10)) {
            api.post().uri("/api/exceptions/" + open.id() + "/replay").retrieve().toBodilessEntity();
        }
        awaitState("COL1", LifecycleState.CONFIRMED_IN_BLUE_CHERRY);
        assertThat(shipmentsFor("COL1")).hasSize(1);
    }

    @Test
    void statusEventsMoveTheLifecycleForwardButNeverBack() throws Exception {
        releaseToPeoplevox(Picks.pick("STAT1", "NJ", A));
        advance("STAT1", Map.of("to", "Picking"));
        awaitState("STAT1", LifecycleState.PICKING);

        HttpResponse<String> late = postEvent("SalesOrderStatusChanges", Map.of("token", TOKEN, "SalesOrderNumber", "STAT1",
                "SalesOrderStatus.Name", "Allocated", "LastModificationTime", "2001-01-01T00:00:00Z"));
        assertThat(late.statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> jdbc.queryForObject("select count(*) from handoff where status = 'DONE'"
                + " and record_key like '%2001-01-01%'", Integer.class) == 1);
        assertThat(lifecycle.findPick("STAT1").orElseThrow().state()).isEqualTo(LifecycleState.PICKING);
    }

    @Test
    void aWrongTokenIsRefusedAndNothingIsStored() throws Exception {
        int before = jdbc.queryForObject("select count(*) from handoff", Integer.class);
        HttpResponse<String> response = postEvent("TrackingNumberReceived", Map.of("token", "not-the-token",
                "DespatchNumber", "DES999999", "TrackingNumber", "X"));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(jdbc.queryForObject("select count(*) from handoff", Integer.class)).isEqualTo(before);
    }

    // ---- helpers

    @SafeVarargs
    private void releaseToPeoplevox(Map<String, Object>... picks) {
        sims.createPicks(List.of(picks));
        for (Map<String, Object> pick : picks) {
            awaitState((String) pick.get("pick_num"), LifecycleState.ACKNOWLEDGED, LifecycleState.ALLOCATED);
        }
    }

    /** A pick despatched with a service the carrier mapping lacks: held, its exception returned. */
    private ExceptionRecord despatchedWithAnUnmappedService(String pick) {
        mappings.remove(DespatchFlow.CARRIER_MAPPING, "DHL Parcel UK");
        releaseToPeoplevox(Picks.pick(pick, "NJ", C));
        advance(pick, Map.of("to", "Despatched", "serviceType", "DHL Parcel UK"));
        return awaitOpenException();
    }

    private void advance(String order, Map<String, Object> body) {
        sims.post("/sim/peoplevox/_control/orders/" + order + "/advance", body);
    }

    private void awaitState(String pick, LifecycleState... states) {
        await().atMost(WAIT).until(() -> lifecycle.findPick(pick).map(o -> List.of(states).contains(o.state())).orElse(false));
    }

    private ExceptionRecord awaitOpenException() {
        await().atMost(WAIT).until(() -> !exceptions.list("OPEN", null, "despatch", null, 10).isEmpty());
        return exceptions.list("OPEN", null, "despatch", null, 10).get(0);
    }

    private List<Map<String, Object>> shipmentsFor(String pick) {
        return sims.getList("/sim/bluecherry/_control/shipments").stream().filter(s -> pick.equals(s.get("pick_num"))).toList();
    }

    private List<Map<String, Object>> notificationsFor(String pick) {
        return sims.getList("/sim/bluecherry/_control/notifications").stream().filter(n -> pick.equals(n.get("pick_num")))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> request(Map<String, Object> shipment) {
        return (Map<String, Object>) shipment.get("request");
    }

    /** The Despatch summary's columns as the tenant set the report up ([]: the simulator's default). */
    private void tenantsDespatchSummaryHas(List<String> columns) {
        api.put().uri("/sim/peoplevox/_control/reports/Despatch summary/columns").contentType(MediaType.APPLICATION_JSON)
                .body(columns).retrieve().toBodilessEntity();
    }

    private String despatchNumberOf(String pick) {
        Map<String, Object> state = sims.get("/sim/peoplevox/_control/state");
        return list(state.get("despatches")).stream().filter(d -> pick.equals(d.get("salesOrderNumber")))
                .map(d -> String.valueOf(d.get("despatchNumber"))).findFirst().orElseThrow();
    }

    private String trackingOf(String pick) {
        Map<String, Object> state = sims.get("/sim/peoplevox/_control/state");
        return list(state.get("despatches")).stream().filter(d -> pick.equals(d.get("salesOrderNumber")))
                .map(d -> String.valueOf(d.get("trackingNumber"))).findFirst().orElseThrow();
    }

    private List<String> inboxTypes() {
        return new ArrayList<>(new HashSet<>(jdbc.queryForList("select record_type from handoff where queue = 'despatch-events'", String.class)));
    }

    /** Posts an event as Peoplevox does: the {@code token} entry goes into the path, the other fields into the form. */
    private HttpResponse<String> postEvent(String type, Map<String, String> fields) throws Exception {
        Map<String, String> formFields = new LinkedHashMap<>(fields);
        String token = URLEncoder.encode(formFields.remove("token"), StandardCharsets.UTF_8);
        String form = formFields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(),
                        StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/webhooks/peoplevox/" + token + "/" + type))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
