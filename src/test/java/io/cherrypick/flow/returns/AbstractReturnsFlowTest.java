package io.cherrypick.flow.returns;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import io.cherrypick.peoplevox.events.PeoplevoxSubscriptions;
import io.cherrypick.store.ExceptionRecord;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.LifecycleState;
import io.cherrypick.store.OrderLifecycleStore;
import io.cherrypick.support.FlowTestSupport;
import io.cherrypick.support.Picks;

/**
 * The returns flow end to end over real HTTP: picks go through the order flow into the Peoplevox simulator and are
 * despatched there; return authorisations created in the Blue Cherry simulator become expected returns in Peoplevox;
 * returns booked in through Peoplevox's control API come back through the webhook (or the report poll) as Blue Cherry
 * return receipts. Subclasses choose the database (H2, PostgreSQL).
 */
@TestPropertySource(properties = {
        "cherrypick.flows.sales-order.enabled=true",
        "cherrypick.flows.sales-order.pull-cron=0/1 * * * * ?",
        "cherrypick.flows.sales-order.send-interval=100",
        "cherrypick.flows.returns.enabled=true",
        "cherrypick.flows.returns.pull-cron=0/1 * * * * ?",
        "cherrypick.flows.returns.send-interval=100",
        "cherrypick.flows.returns.inbox-interval=100",
        "cherrypick.flows.returns.poll-cron=0/2 * * * * ?",
        "cherrypick.flows.returns.receipt-send-interval=100",
        "cherrypick.flows.returns.retry-backoff=200ms",
        "cherrypick.webhooks.token=returns-test-token",
        "cherrypick.peoplevox.timeout=5s",
        "cherrypick.bluecherry.timeout=2s",
        "cherrypick.metrics.refresh=300000"})
abstract class AbstractReturnsFlowTest extends FlowTestSupport {
    static final String TOKEN = "returns-test-token";
    static final String A = "012345678905";
    static final String B = "012345678912";
    static final String C = "012345678929";
    static final Duration WAIT = Duration.ofSeconds(40);
    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };

    @Autowired ExceptionStore exceptions;
    @Autowired OrderLifecycleStore lifecycle;
    @Autowired PeoplevoxSubscriptions subscriptions;

    final HttpClient http = HttpClient.newHttpClient();

    @Override
    protected void prepareWorld() {
        sims.post("/sim/channel/_control/reset", Map.of());
        sims.seedPeoplevoxItemsWithStock(List.of(A, B, C));
        emptyTables(List.of("handoff", "order_lifecycle", "integration_exception", "sync_cursor", "pull_taken",
                "CAMEL_MESSAGEPROCESSED", "pvx_item", "audit_log", "pvx_subscription", "return_authorisation",
                "return_authorisation_line", "return_receipt", "return_receipt_line"));
        // the reset Peoplevox has no subscriptions: make them again, as a restart would
        subscriptions.renew(true);
    }

    @Test
    void anAuthorisationBecomesAnExpectedReturnInPeoplevox() {
        despatchedOrder("EXP1", A, B);
        authorise("RA-EXP1", "EXP1", Map.of(A, 1, B, 2));

        awaitReturnState("RA-EXP1", "EXPECTED_IN_PEOPLEVOX");
        List<Map<String, Object>> expected = expectedReturns("RA-EXP1");
        assertThat(expected).extracting(e -> e.get("itemCode")).containsExactlyInAnyOrder(A, B);
        Map<String, Object> a = expected.stream().filter(e -> A.equals(e.get("itemCode"))).findFirst().orElseThrow();
        assertThat(a.get("salesOrderNumber")).isEqualTo("EXP1");
        assertThat(a.get("quantity")).isEqualTo(1);
        assertThat(a.get("site")).isEqualTo("PrimarySite");
        assertThat(a.get("reason")).isEqualTo("WS");
        assertThat((String) a.get("comments")).contains("RA-EXP1");
        assertThat(sims.peoplevoxCalls("SaveData", "Returns")).as("one SaveData for the RA").hasSize(1);

        Map<String, Object> view = returnView("RA-EXP1");
        assertThat(view.get("state")).isEqualTo("EXPECTED_IN_PEOPLEVOX");
        assertThat(view.get("pickNum")).isEqualTo("EXP1");
        assertThat(list(view.get("lines"))).extracting(l -> l.get("authorised")).containsExactly(1, 2);
        assertThat(view.get("expectedAt")).isNotNull();
    }

    @Test
    void aRestockedReturnReachesBlueCherryAsDispositionAAndPeoplevoxStockRises() {
        despatchedOrder("RST1", A);
        authorise("RA-RST1", "RST1", Map.of(A, 1));
        awaitReturnState("RA-RST1", "EXPECTED_IN_PEOPLEVOX");
        int availableBefore = peoplevoxAvailable(A, "PrimarySite");
        long qohBefore = blueCherryStock(A, "NJ", "qoh");

        receive(Map.of("salesOrderNumber", "RST1", "rmaNumber", "RA-RST1", "itemCode", A, "quantity", 1,
                "reason", "Wrong size", "condition", "Good", "reusable", true));

        awaitReturnState("RA-RST1", "CONFIRMED_IN_BLUE_CHERRY");
        List<Map<String, Object>> receipts = returnReceipts("RA-RST1");
        assertThat(receipts).hasSize(1);
        assertThat(receipts.get(0).get("disposition")).isEqualTo("A");
        assertThat(receipts.get(0).get("size_qty")).isEqualTo(1);
        assertThat(receipts.get(0).get("location")).isEqualTo("NJ");
        assertThat(receipts.get(0).get("reason_code")).isEqualTo("WS");
        assertThat((String) receipts.get(0).get("receipt_date")).matches("\\d\\d/\\d\\d/\\d{4}");
        assertThat(peoplevoxAvailable(A, "PrimarySite")).as("Peoplevox sellable stock rose").isEqualTo(availableBefore + 1);
        assertThat(blueCherryStock(A, "NJ", "qoh")).as("Blue Cherry restocked by the receipt").isEqualTo(qohBefore + 1);
        assertThat(sims.getList("/sim/bluecherry/_control/calls?path=PhysicalInventoryTM&method=POST"))
                .as("the returns flow posts no stock of its own (no double count)").isEmpty();
        assertThat(creditMemos("RA-RST1")).hasSize(1);

        Map<String, Object> view = returnView("RA-RST1");
        assertThat(view.get("exceptionOpen")).isEqualTo(false);
        assertThat(list(view.get("lines")).get(0)).containsEntry("credited", 1).containsEntry("open", 0);
        assertThat(list(view.get("receipts")).get(0)).containsEntry("state", "CONFIRMED_IN_BLUE_CHERRY")
                .containsEntry("disposition", "A").containsEntry("condition", "Good");
    }

    @Test
    void aReceiptWhosePostBrokeOffIsHeldForAPersonNamingItsRaLinesInsteadOfPostedAgain() {
        despatchedOrder("LOST1", A);
        authorise("RA-LOST1", "LOST1", Map.of(A, 1));
        awaitReturnState("RA-LOST1", "EXPECTED_IN_PEOPLEVOX");
        // Blue Cherry takes the receipt but answers after the client gave up: Cherrypick cannot know it went in
        sims.blueCherryFault(Map.of("operation", "ReturnReceiptAdvice", "type", "TIMEOUT", "delayMs", 3000, "count", 1));

        receive(Map.of("salesOrderNumber", "LOST1", "rmaNumber", "RA-LOST1", "itemCode", A, "quantity", 1,
                "reason", "Wrong size", "condition", "Good", "reusable", true));

        ExceptionRecord e = awaitOpenException("DUPLICATE");
        assertThat(e.flow()).isEqualTo("return-receipt");
        assertThat(e.message()).contains("RA-LOST1 line 1 (1 unit)").contains("broke off without an answer")
                .contains("resolve this exception");
        await().atMost(WAIT).until(() -> returnReceipts("RA-LOST1").size() == 1);
        assertThat(sims.getList("/sim/bluecherry/_control/calls?path=ReturnReceiptAdvice&method=POST"))
                .as("posted once: the resend was held, not sent").hasSize(1);
        assertThat(creditMemos("RA-LOST1")).as("one credit").hasSize(1);
    }

    @Test
    void aDamagedReturnReachesBlueCherryAsDamagedAndLeavesSellableStockUnchanged() {
        despatchedOrder("DMG1", A, B);
        authorise("RA-DMG1", "DMG1", Map.of(A, 1, B, 1));
        awaitReturnState("RA-DMG1", "EXPECTED_IN_PEOPLEVOX");
        int availableA = peoplevoxAvailable(A, "PrimarySite");
        int availableB = peoplevoxAvailable(B, "PrimarySite");
        long qohA = blueCherryStock(A, "NJ", "qoh");
        long quarantineA = blueCherryStock(A, "NJ", "quarantine");
        List<Map<String, Object>> channelBefore = channelLevels();

        receive(Map.of("salesOrderNumber", "DMG1", "rmaNumber", "RA-DMG1", "itemCode", A, "quantity", 1,
                "reason", "Faulty", "condition", "Damaged", "reusable", false));
        receive(Map.of("salesOrderNumber", "DMG1", "rmaNumber", "RA-DMG1", "itemCode", B, "quantity", 1,
                "reason", "Faulty", "condition", "Stained", "reusable", false));

        await().atMost(WAIT).until(() -> returnReceipts("RA-DMG1").size() == 2);
        Map<Object, Object> dispositions = returnReceipts("RA-DMG1").stream()
                .collect(Collectors.toMap(r -> r.get("upc"), r -> r.get("disposition")));
        assertThat(dispositions).containsEntry(A, "D").as("an unmapped condition is quarantined").containsEntry(B, "Q");
        assertThat(peoplevoxAvailable(A, "PrimarySite")).as("Peoplevox sellable stock unchanged").isEqualTo(availableA);
        assertThat(peoplevoxAvailable(B, "PrimarySite")).isEqualTo(availableB);
        assertThat(blueCherryStock(A, "NJ", "qoh")).as("Blue Cherry sellable unchanged").isEqualTo(qohA);
        assertThat(blueCherryStock(A, "NJ", "quarantine")).isEqualTo(quarantineA + 1);
        assertThat(channelLevels()).as("channel stock unchanged").isEqualTo(channelBefore);
        awaitReturnState("RA-DMG1", "CONFIRMED_IN_BLUE_CHERRY");
    }

    @Test
    void aReturnWithoutAuthorisationIsAWarehouseExceptionAndGoesThroughOnceBlueCherryAuthorisesIt() {
        despatchedOrder("UNM1", A);
        receive(Map.of("salesOrderNumber", "UNM1", "itemCode", A, "quantity", 1, "reason", "Wrong size",
                "condition", "Good", "reusable", true));

        ExceptionRecord e = awaitOpenException("RETURN_MISMATCH");
        assertThat(e.owner().name()).isEqualTo("WAREHOUSE");
        assertThat(e.flow()).isEqualTo(ReturnsFlow.RECEIPT_FLOW);
        assertThat(e.message()).contains("item " + A).contains("no authorisation").contains("sales order UNM1");
        assertThat(e.payload()).contains("\"returnCode\"").contains(A).contains("UNM1");
        assertThat(receiptStates()).containsExactly("EXCEPTION");
        assertThat(sims.getList("/sim/bluecherry/_control/return-receipts")).isEmpty();

        // the fix: Blue Cherry authorises the return; the pull matches the held return again by itself
        authorise("RA-UNM1", "UNM1", Map.of(A, 1));
        awaitReturnState("RA-UNM1", "CONFIRMED_IN_BLUE_CHERRY");
        assertThat(returnReceipts("RA-UNM1")).extracting(r -> r.get("disposition")).containsExactly("A");
        assertThat(exceptions.find(e.id()).orElseThrow().status()).isEqualTo("RESOLVED");
        assertThat(receiptStates()).containsExactly("CONFIRMED_IN_BLUE_CHERRY");
    }

    @Test
    void anRaAndAReturnWhoseExceptionsAPersonDiscardsAreNotSentAndTheRaNoLongerShowsAnException() {
        // an RA whose pick never reached Peoplevox is held for a person
        authorise("RA-GONE1", "NEVER1", Map.of(A, 1));
        ExceptionRecord held = awaitOpenException("VALIDATION");
        assertThat(returnView("RA-GONE1").get("exceptionOpen")).isEqualTo(true);

        discard(held, "the customer kept the goods");

        Map<String, Object> gone = returnView("RA-GONE1");
        assertThat(gone.get("exceptionOpen")).isEqualTo(false);
        assertThat(gone.get("state")).isEqualTo("AUTHORISED");
        assertThat((String) gone.get("note")).contains("RA not sent to Peoplevox").contains("discarded by sam.support")
                .contains("the customer kept the goods");
        assertThat(expectedReturns("RA-GONE1")).isEmpty();

        // a return of more units than authorised waits for the warehouse; discarded, it is never credited
        despatchedOrder("OVR2", A);
        authorise("RA-OVR2", "OVR2", Map.of(A, 1));
        awaitReturnState("RA-OVR2", "EXPECTED_IN_PEOPLEVOX");
        receive(Map.of("salesOrderNumber", "OVR2", "rmaNumber", "RA-OVR2", "itemCode", A, "quantity", 2,
                "reason", "Wrong size", "condition", "Good", "reusable", true));
        ExceptionRecord mismatch = awaitOpenException("RETURN_MISMATCH");
        assertThat(returnView("RA-OVR2").get("exceptionOpen")).isEqualTo(true);

        discard(mismatch, "credited by hand in Blue Cherry");

        Map<String, Object> view = returnView("RA-OVR2");
        assertThat(view.get("exceptionOpen")).isEqualTo(false);
        assertThat(view.get("state")).isEqualTo("RECEIVED");
        assertThat((String) view.get("note")).contains("not sent to Blue Cherry").contains("credited by hand in Blue Cherry");
        assertThat(list(view.get("receipts")).get(0)).containsEntry("state", "NOT_SENT");
        // an RA that would now cover the extra unit does not bring the closed return back
        authorise("RA-OVR2B", "OVR2", Map.of(A, 1));
        awaitReturnState("RA-OVR2B", "EXPECTED_IN_PEOPLEVOX");
        assertThat(exceptions.find(mismatch.id()).orElseThrow().status()).isEqualTo("DISCARDED");
        assertThat(receiptStates()).containsExactly("NOT_SENT");
        assertThat(sims.getList("/sim/bluecherry/_control/return-receipts")).isEmpty();
    }

    @Test
    void aForgedReturnsEventWithTheRightTokenCreditsNothingWhenPeoplevoxDoesNotShowTheReturn() throws Exception {
        despatchedOrder("FRG1", A);
        authorise("RA-FRG1", "FRG1", Map.of(A, 1));
        awaitReturnState("RA-FRG1", "EXPECTED_IN_PEOPLEVOX");

        // the right token, a real order and RA, but a return Peoplevox never booked in
        HttpResponse<String> response = postReturnsEvent(Map.of("ReturnCode", "RET900001", "SalesOrderNumber", "FRG1",
                "ItemCode", A, "Quantity", "1", "ReturnReason", "Wrong size", "ReturnCondition", "Good",
                "SiteReference", "PrimarySite", "RmaNumber", "RA-FRG1"));
        assertThat(response.statusCode()).isEqualTo(200);

        ExceptionRecord e = awaitOpenException("RETURN_MISMATCH");
        assertThat(e.owner().name()).isEqualTo("WAREHOUSE");
        assertThat(e.message()).contains("Return RET900001 item " + A).contains("Return summary does not show it")
                .contains("nothing is credited");
        assertThat(e.payload()).contains("RET900001").contains("FRG1");
        assertThat(e.handoffId()).as("replayable once Peoplevox shows it").isNotNull();
        assertThat(sims.peoplevoxCalls("GetReportData", null)).as("read again from Peoplevox").isNotEmpty();
        assertThat(jdbc.queryForObject("select count(*) from return_receipt", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from handoff where queue = 'return-receipt'", Integer.class)).isZero();
        assertThat(sims.getList("/sim/bluecherry/_control/return-receipts")).isEmpty();
        assertThat(creditMemos("RA-FRG1")).isEmpty();
        assertThat(returnView("RA-FRG1").get("state")).isEqualTo("EXPECTED_IN_PEOPLEVOX");
    }

    @Test
    void theSameReturnAndItemBookedInTwiceIsCreditedOnceForEachBooking() throws Exception {
        Map<String, Object> pick = Picks.pick("REP1", "NJ", A);
        @SuppressWarnings("unchecked")
        Map<String, Object> line = ((List<Map<String, Object>>) ((Map<String, Object>) pick.get("pickdetail")).get("rows")).get(0);
        line.put("bk_qty", 3);
        line.put("total_qty", 3);
        despatched(pick);
        authorise("RA-REP1", "REP1", Map.of(A, 3));
        awaitReturnState("RA-REP1", "EXPECTED_IN_PEOPLEVOX");

        Map<String, Object> first = receive(Map.of("salesOrderNumber", "REP1", "rmaNumber", "RA-REP1", "itemCode", A,
                "quantity", 1, "reason", "Wrong size", "condition", "Good", "reusable", true));
        await().atMost(WAIT).until(() -> returnReceipts("RA-REP1").size() == 1);
        String code = (String) first.get("returnCode");
        // the same return and item booked in again, with another quantity
        receive(Map.of("salesOrderNumber", "REP1", "rmaNumber", "RA-REP1", "itemCode", A, "quantity", 2,
                "reason", "Wrong size", "condition", "Good", "reusable", true, "returnCode", code));
        await().atMost(WAIT).until(() -> returnReceipts("RA-REP1").size() == 2);
        // the first booking's event once more, and report polls over both bookings
        postReturnsEvent(Map.of("ReturnCode", code, "SalesOrderNumber", "REP1", "ItemCode", A, "Quantity", "1",
                "ReturnReason", "Wrong size", "ReturnCondition", "Good", "SiteReference", "PrimarySite", "RmaNumber", "RA-REP1"));
        await().atMost(WAIT).until(() -> jdbc.queryForObject("select count(*) from handoff where queue = 'return-receipt-events'"
                + " and record_key like '%|stored:3' and status = 'DONE'", Integer.class) > 0);
        await().atMost(WAIT).until(() -> jdbc.queryForObject("select count(*) from handoff where queue = 'return-receipt-events'"
                + " and status <> 'DONE'", Integer.class) == 0);

        assertThat(returnReceipts("RA-REP1")).extracting(r -> r.get("size_qty")).containsExactly(1, 2);
        assertThat(jdbc.queryForList("select units_to from return_receipt where return_code = ? order by units_to",
                Integer.class, code)).containsExactly(1, 3);
        assertThat(sims.getList("/sim/bluecherry/_control/calls?path=ReturnReceiptAdvice&method=POST")).hasSize(2);
        assertThat(list(returnView("RA-REP1").get("lines")).get(0)).containsEntry("credited", 3).containsEntry("open", 0);
        assertThat(exceptions.list("OPEN", null, null, null, 10)).isEmpty();
    }

    @Test
    void moreUnitsThanAuthorisedIsAWarehouseExceptionAndNothingReachesBlueCherry() {
        despatchedOrder("OVR1", A);
        authorise("RA-OVR1", "OVR1", Map.of(A, 1));
        awaitReturnState("RA-OVR1", "EXPECTED_IN_PEOPLEVOX");

        receive(Map.of("salesOrderNumber", "OVR1", "rmaNumber", "RA-OVR1", "itemCode", A, "quantity", 2,
                "reason", "Wrong size", "condition", "Good", "reusable", true));

        ExceptionRecord e = awaitOpenException("RETURN_MISMATCH");
        assertThat(e.owner().name()).isEqualTo("WAREHOUSE");
        assertThat(e.message()).contains("more units than authorised").contains("RA RA-OVR1").contains("authorise(s) 1")
                .contains("2 were booked in");
        assertThat(e.payload()).contains("RA-OVR1");
        assertThat(returnReceipts("RA-OVR1")).isEmpty();
        Map<String, Object> view = returnView("RA-OVR1");
        assertThat(view.get("state")).isEqualTo("RECEIVED");
        assertThat(view.get("exceptionOpen")).isEqualTo(true);
        assertThat(list(view.get("openExceptions"))).hasSize(1);
        assertThat(list(view.get("receipts")).get(0)).containsEntry("state", "EXCEPTION");

        // the fix: Blue Cherry authorises the extra unit in a second RA; the held return is matched to both
        authorise("RA-OVR1B", "OVR1", Map.of(A, 1));
        awaitReturnState("RA-OVR1", "CONFIRMED_IN_BLUE_CHERRY");
        assertThat(returnReceipts("RA-OVR1")).hasSize(1);
        assertThat(returnReceipts("RA-OVR1B")).hasSize(1);
        assertThat(exceptions.find(e.id()).orElseThrow().status()).isEqualTo("RESOLVED");
        assertThat(returnView("RA-OVR1").get("exceptionOpen")).isEqualTo(false);
        assertThat(sims.getList("/sim/bluecherry/_control/calls?path=ReturnReceiptAdvice&method=POST"))
                .as("one receipt call for both RAs").hasSize(1);
    }

    @Test
    void aDuplicatedEventAndTheReportPollGiveOneReceipt() throws Exception {
        api.put().uri("/sim/peoplevox/_control/config").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("duplicateRate", 1.0)).retrieve().toBodilessEntity();
        despatchedOrder("DUP1", A);
        authorise("RA-DUP1", "DUP1", Map.of(A, 1));
        awaitReturnState("RA-DUP1", "EXPECTED_IN_PEOPLEVOX");
        Map<String, Object> received = receive(Map.of("salesOrderNumber", "DUP1", "rmaNumber", "RA-DUP1", "itemCode", A,
                "quantity", 1, "reason", "Wrong size", "condition", "Good", "reusable", true));
        awaitReturnState("RA-DUP1", "CONFIRMED_IN_BLUE_CHERRY");

        // the same event once more by hand, and two report polls over the same return
        HttpResponse<String> again = postReturnsEvent(Map.of("ReturnCode", (String) received.get("returnCode"),
                "SalesOrderNumber", "DUP1", "ItemCode", A, "Quantity", "1", "ReturnReason", "Wrong size",
                "ReturnCondition", "Good", "SiteReference", "PrimarySite", "RmaNumber", "RA-DUP1"));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo("duplicate");
        await().atMost(WAIT).until(() -> jdbc.queryForObject("select count(*) from handoff where queue = 'return-receipt-events'"
                + " and record_key like '%|stored:1' and status = 'DONE'", Integer.class) > 0);
        await().atMost(WAIT).until(() -> sims.getList("/sim/peoplevox/_control/deliveries").stream()
                .noneMatch(d -> "PENDING".equals(d.get("state"))));
        long duplicates = sims.getList("/sim/peoplevox/_control/deliveries").stream()
                .filter(d -> Boolean.TRUE.equals(d.get("duplicate"))).count();
        assertThat(duplicates).as("Peoplevox delivered twice").isPositive();
        assertThat(returnReceipts("RA-DUP1")).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from return_receipt", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from handoff where queue = 'return-receipt'", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForList("select record_type from handoff where queue = 'return-receipt-events'", String.class))
                .as("the event (its redelivery stored once) and the poll's rows: triggers of one receipt")
                .containsOnlyOnce("Returns").contains("ReturnSummary");
    }

    @Test
    void aReturnWhoseEventWasMissedIsCaughtByTheReportPoll() {
        despatchedOrder("MISS1", C);
        authorise("RA-MISS1", "MISS1", Map.of(C, 2));
        awaitReturnState("RA-MISS1", "EXPECTED_IN_PEOPLEVOX");
        subscriptions.unsubscribeAll(); // Peoplevox sends nothing now

        receive(Map.of("salesOrderNumber", "MISS1", "rmaNumber", "RA-MISS1", "itemCode", C, "quantity", 2,
                "reason", "Wrong size", "condition", "Good", "reusable", true));

        awaitReturnState("RA-MISS1", "CONFIRMED_IN_BLUE_CHERRY");
        assertThat(new HashSet<>(jdbc.queryForList("select record_type from handoff where queue = 'return-receipt-events'", String.class)))
                .containsOnly("ReturnSummary");
        assertThat(returnReceipts("RA-MISS1")).extracting(r -> r.get("size_qty")).containsExactly(2);
    }

    @Test
    void manyAuthorisationsGoToPeoplevoxInSaveDataCallsOfAtMostOneHundredRows() throws Exception {
        List<Map<String, Object>> picks = new ArrayList<>();
        for (int i = 1; i <= 55; i++) {
            picks.add(Picks.pick("BULK" + i, "NJ", A, B));
        }
        sims.createPicks(picks);
        await().atMost(WAIT).until(() -> jdbc.queryForObject("select count(*) from order_lifecycle where state = 'ACKNOWLEDGED'",
                Integer.class) == 55);
        camel.getRouteController().stopRoute("return-authorisation-to-wms");
        sims.delete("/sim/peoplevox/_control/calls");
        try {
            List<Map<String, Object>> ras = new ArrayList<>();
            for (int i = 1; i <= 55; i++) {
                ras.add(authorisation("RA-BULK" + i, "BULK" + i, Map.of(A, 1, B, 1)));
            }
            sims.post("/sim/bluecherry/_control/return-authorisations", ras);
            await().atMost(WAIT).until(() -> jdbc.queryForObject("select count(*) from handoff where queue = 'return-authorisation'"
                    + " and status = 'PENDING'", Integer.class) == 55);
        } finally {
            camel.getRouteController().startRoute("return-authorisation-to-wms");
        }
        await().atMost(WAIT).until(() -> jdbc.queryForObject("select count(*) from return_authorisation where state"
                + " = 'EXPECTED_IN_PEOPLEVOX'", Integer.class) == 55);
        List<Map<String, Object>> calls = sims.peoplevoxCalls("SaveData", "Returns");
        assertThat(calls).extracting(c -> (Integer) c.get("rows")).allMatch(rows -> rows <= 100);
        assertThat(calls.stream().mapToInt(c -> (Integer) c.get("rows")).sum()).isEqualTo(110);
        assertThat(calls).as("110 rows in two calls").hasSize(2);
    }

    // ---- helpers

    private void despatchedOrder(String pick, String... upcs) {
        despatched(Picks.pick(pick, "NJ", upcs));
    }

    private void despatched(Map<String, Object> p) {
        String pick = (String) p.get("pick_num");
        sims.createPicks(List.of(p));
        await().atMost(WAIT).until(() -> lifecycle.findPick(pick).map(o -> o.state() == LifecycleState.ACKNOWLEDGED
                || o.state() == LifecycleState.ALLOCATED).orElse(false));
        sims.post("/sim/peoplevox/_control/orders/" + pick + "/advance", Map.of("to", "Despatched"));
    }

    private void authorise(String raNum, String pick, Map<String, Integer> quantities) {
        sims.post("/sim/bluecherry/_control/return-authorisations", List.of(authorisation(raNum, pick, quantities)));
    }

    private static Map<String, Object> authorisation(String raNum, String pick, Map<String, Integer> quantities) {
        List<Map<String, Object>> rows = new ArrayList<>();
        int seq = 1;
        for (String upc : List.of(A, B, C)) {
            if (!quantities.containsKey(upc)) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("line_seq", seq++);
            row.put("style", "01234");
            row.put("color_code", "BLK");
            row.put("lbl_code", "");
            row.put("dimension", "");
            // one size per UPC: Blue Cherry counts stock per SKU tuple
            row.put("size_desc", upc.equals(A) ? "S" : upc.equals(B) ? "M" : "L");
            row.put("upc", upc);
            row.put("ra_qty", quantities.get(upc));
            rows.add(row);
        }
        Map<String, Object> ra = new LinkedHashMap<>();
        ra.put("ra_num", raNum);
        ra.put("ord_num", "O" + pick);
        ra.put("pick_num", pick);
        ra.put("customer", "WEB01");
        ra.put("location", "NJ");
        ra.put("reason_code", "WS");
        ra.put("radetail", Map.of("rows", rows));
        return ra;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> receive(Map<String, Object> body) {
        return (Map<String, Object>) sims.post("/sim/peoplevox/_control/returns/receive", body);
    }

    private void discard(ExceptionRecord e, String reason) {
        api.post().uri("/api/exceptions/" + e.id() + "/discard").header("X-Cherrypick-User", "sam.support")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("reason", reason)).retrieve().toBodilessEntity();
    }

    private void awaitReturnState(String raNum, String state) {
        await().atMost(WAIT).until(() -> {
            List<String> states = jdbc.queryForList("select state from return_authorisation where ra_num = ?", String.class, raNum);
            return states.equals(List.of(state));
        });
    }

    private ExceptionRecord awaitOpenException(String category) {
        await().atMost(WAIT).until(() -> !exceptions.list("OPEN", category, null, null, 10).isEmpty());
        return exceptions.list("OPEN", category, null, null, 10).get(0);
    }

    private Map<String, Object> returnView(String raNum) {
        return api.get().uri("/api/returns/" + raNum).retrieve().body(MAP);
    }

    private List<String> receiptStates() {
        return jdbc.queryForList("select state from return_receipt order by id", String.class);
    }

    private List<Map<String, Object>> expectedReturns(String raNum) {
        return list(sims.get("/sim/peoplevox/_control/state").get("expectedReturns")).stream()
                .filter(e -> raNum.equals(e.get("rmaNumber"))).toList();
    }

    private List<Map<String, Object>> returnReceipts(String raNum) {
        return sims.getList("/sim/bluecherry/_control/return-receipts").stream().filter(r -> raNum.equals(r.get("ra_num")))
                .toList();
    }

    private List<Map<String, Object>> creditMemos(String raNum) {
        return sims.getList("/sim/bluecherry/_control/credit-memos").stream().filter(r -> raNum.equals(r.get("ra_num")))
                .toList();
    }

    private int peoplevoxAvailable(String item, String site) {
        return list(sims.get("/sim/peoplevox/_control/state").get("stock")).stream()
                .filter(s -> item.equals(s.get("itemCode")) && site.equals(s.get("site")))
                .mapToInt(s -> ((Number) s.get("available")).intValue()).findFirst().orElse(0);
    }

    private long blueCherryStock(String upc, String location, String bucket) {
        return sims.getList("/sim/bluecherry/_control/inventory").stream()
                .filter(s -> upc.equals(s.get("upc")) && location.equals(s.get("location")))
                .mapToLong(s -> ((Number) s.get(bucket)).longValue()).findFirst().orElse(0);
    }

    private List<Map<String, Object>> channelLevels() {
        return list(sims.get("/sim/channel/_control/state").get("levels"));
    }

    private HttpResponse<String> postReturnsEvent(Map<String, String> fields) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.putAll(fields);
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(),
                        StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/webhooks/peoplevox/" + TOKEN + "/Returns"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
