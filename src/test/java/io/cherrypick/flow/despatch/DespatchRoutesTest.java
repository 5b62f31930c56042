package io.cherrypick.flow.despatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.bluecherry.BlueCherry;
import io.cherrypick.bluecherry.BlueCherryDocuments;
import io.cherrypick.handoff.Handoff;
import io.cherrypick.peoplevox.PeoplevoxDespatches;
import io.cherrypick.peoplevox.events.Hashing;
import io.cherrypick.peoplevox.model.PvxDespatch;
import io.cherrypick.store.DespatchRegister;
import io.cherrypick.store.DocumentNumbers;
import io.cherrypick.store.LifecycleState;
import io.cherrypick.store.OrderLifecycleStore;
import io.cherrypick.store.ValueMappingStore;
import io.cherrypick.support.Picks;
import io.cherrypick.support.RouteTestSupport;
import io.cherrypick.support.Simulators;

/**
 * The branches of routes/despatch-from-wms.camel.yaml, each route fed through direct: with Peoplevox, Blue Cherry, the
 * hand-off and the exception store replaced by mock endpoints: what an event does (status, malformed, taken, new
 * despatch), what a report row does, and how the despatch-to-blue-cherry template posts a batch (one array; one by one
 * when Blue Cherry refuses it; a despatch that cannot be built held before any call; a duplicate isa_num taken as
 * received, and a refused batch of one is not posted again alone: the end-to-end test's single refusals).
 */
@TestPropertySource(properties = "cherrypick.flows.despatch.enabled=true")
class DespatchRoutesTest extends RouteTestSupport {
    static final String A = "012345678905";
    static final String B = "012345678912";

    @Autowired ObjectMapper json;
    @Autowired OrderLifecycleStore lifecycle;
    @Autowired ValueMappingStore mappings;
    @Autowired DespatchRegister register;
    @Autowired DocumentNumbers numbers;

    @Override
    protected void advise() throws Exception {
        advice("despatch-events", a -> {
            a.replaceFromWith("direct:events");
            a.weaveById("read-despatches-from-the-despatch-summary").replace().process(this::peoplevoxHoldsDespatchD1);
            a.weaveById("queue-despatch").replace().to("mock:queued");
            a.weaveByToUri("handoff:despatch-events*").replace().to("mock:events-done");
        });
        advice("despatch-report-poll", a -> {
            a.replaceFromWith("direct:report");
            a.weaveByToUri("handoff:*").replace().to("mock:report-events");
        });
        advice("despatch-to-blue-cherry", a -> {
            a.replaceFromWith("direct:send");
            a.weaveByToUri("handoff:*").replace().to("mock:done");
        });
        advice("despatch-refused", a -> a.weaveByToUri("handoff:despatch*").replace().to("mock:done"));
        advice("despatch-dead-letter", a -> a.weaveById("record-despatch-exception").replace().to("mock:dead-letters"));
    }

    @BeforeEach
    void clean() {
        for (String table : List.of("handoff", "order_lifecycle", "despatch", "despatch_carton", "despatch_reading")) {
            jdbc.update("delete from " + table);
        }
        MockEndpoint.resetMocks(camel);
    }

    /** What the next read of the Despatch summary shows of D1 (the other despatches: nothing), and which read it is. */
    private static volatile PvxDespatch d1AsRead; // static: the advice is woven once, with the first test instance
    private static volatile String readId;

    private void peoplevoxHoldsDespatchD1(Exchange exchange) {
        for (Message m : records(exchange)) {
            boolean d1 = "D1".equals(m.getBody(Map.class).get("DespatchNumber"));
            m.setHeader(PeoplevoxDespatches.DESPATCH, d1 ? d1AsRead : null);
            m.setHeader(PeoplevoxDespatches.READ, readId);
        }
    }

    @Test
    void aDespatchIsTakenOnlyWhenASecondReadFindsTheSameLines() throws Exception {
        lifecycle.received("P1", "OP1", "PO1", "WEB01", "NJ", "r1");
        MockEndpoint queued = camel.getEndpoint("mock:queued", MockEndpoint.class);
        PvxDespatch half = new PvxDespatch("D1", "P1", "Carrier", "UPS Ground", "1Z1", "14/06/2026 10:00", "PrimarySite",
                List.of(new PvxDespatch.Package("D1", "1Z1", null, List.of(new PvxDespatch.Line(A, 2)))));
        PvxDespatch whole = despatch("D1", "P1", "UPS Ground", A);

        d1AsRead = half;
        readId = "read-1";
        producer.sendBody("direct:events", batch(event(1, "TrackingNumberReceived", Map.of("DespatchNumber", "D1"))));
        d1AsRead = whole; // Peoplevox wrote the rest of its lines meanwhile
        readId = "read-2";
        producer.sendBody("direct:events", batch(event(1, "TrackingNumberReceived", Map.of("DespatchNumber", "D1")),
                event(2, "DespatchSummary", Map.of("DespatchNumber", "D1"))));
        assertThat(queued.getExchanges()).as("the first read, the second (other lines), two events of one read").isEmpty();
        assertThat(register.known(List.of("D1"))).isEmpty();

        readId = "read-3";
        producer.sendBody("direct:events", batch(event(1, "TrackingNumberReceived", Map.of("DespatchNumber", "D1"))));
        assertThat(queued.getExchanges()).hasSize(1);
        assertThat(queued.getExchanges().get(0).getIn().getBody(PvxDespatch.class).units()).isEqualTo(4);
        assertThat(jdbc.queryForObject("select count(*) from despatch_reading", Integer.class)).isZero();
    }

    @Test
    void eventsMoveTheLifecycleRefuseWhatNamesNoDespatchAndQueueEachNewDespatchOnce() throws Exception {
        lifecycle.received("P1", "OP1", "PO1", "WEB01", "NJ", "r1");
        lifecycle.moveTo("P1", LifecycleState.ACKNOWLEDGED, null);
        register.register("D0", "P0", 1);
        d1AsRead = despatch("D1", "P1", "UPS Ground", A);
        readId = "this-read";
        // an earlier read found D1 as it is now: this read confirms it
        register.sameAsLastRead("D1", Hashing.sha256Hex(json.writeValueAsString(d1AsRead)), "earlier-read");
        MockEndpoint queued = camel.getEndpoint("mock:queued", MockEndpoint.class);
        queued.expectedMessageCount(1);
        queued.expectedHeaderReceived(Handoff.RECORD_KEY, "D1");
        MockEndpoint deadLetters = camel.getEndpoint("mock:dead-letters", MockEndpoint.class);
        deadLetters.expectedMessageCount(1);

        producer.sendBody("direct:events", batch(
                event(1, "SalesOrderStatusChanges", Map.of("SalesOrderNumber", "P1", "SalesOrderStatus.Name", "Picking",
                        "LastModificationTime", "2026-06-14T10:00:00Z")),
                event(2, "TrackingNumberReceived", Map.of("DespatchNumber", "", "TrackingNumber", "1Z")),
                event(3, "TrackingNumberReceived", Map.of("DespatchNumber", "D0", "TrackingNumber", "1Z")),
                event(4, "TrackingNumberReceived", Map.of("DespatchNumber", "D1", "TrackingNumber", "1Z")),
                event(5, "DespatchPackageDespatched", Map.of("DespatchNumber", "D1", "TrackingNumber", "1Z")),
                event(6, "TrackingNumberReceived", Map.of("DespatchNumber", "D9", "TrackingNumber", "1Z"))));

        MockEndpoint.assertIsSatisfied(camel);
        Message malformed = deadLetters.getExchanges().get(0).getIn();
        assertThat(malformed.getHeader(Handoff.CATEGORY)).isEqualTo("MALFORMED_EVENT");
        assertThat(malformed.getHeader(Handoff.REASON, String.class)).contains("TrackingNumberReceived").contains("names no DespatchNumber");
        assertThat(queued.getExchanges().get(0).getIn().getBody(PvxDespatch.class).salesOrderNumber()).isEqualTo("P1");
        assertThat(camel.getEndpoint("mock:events-done", MockEndpoint.class).getExchanges())
                .as("status, taken D0, both D1 events (D9, not in Peoplevox yet, stays claimed for its retry)").hasSize(4);
        assertThat(lifecycle.findPick("P1").orElseThrow().state()).as("status Picking, then despatch D1")
                .isEqualTo(LifecycleState.DESPATCHED);
        assertThat(register.known(List.of("D1", "D9"))).containsExactly("D1");
    }

    @Test
    void aReportRowIsStoredAsAnEventUnlessItsDespatchIsTakenAlready() throws Exception {
        register.register("D0", "P0", 1);
        MockEndpoint events = camel.getEndpoint("mock:report-events", MockEndpoint.class);
        events.expectedMessageCount(1);

        producer.sendBodyAndHeader("direct:report", Map.of("Despatch number", "D0", "Salesorder number", "P0",
                "Despatch date", "14/06/2026 10:00"), Handoff.RECORD_KEY, "D0");
        producer.sendBodyAndHeader("direct:report", Map.of("Despatch number", "D7", "Salesorder number", "P7",
                "Despatch date", "14/06/2026 10:05"), Handoff.RECORD_KEY, "D7");

        events.assertIsSatisfied();
        Message stored = events.getExchanges().get(0).getIn();
        assertThat(stored.getHeader(Handoff.RECORD_KEY)).isEqualTo("DespatchSummary:D7");
        assertThat(stored.getHeader(Handoff.RECORD_TYPE)).isEqualTo("DespatchSummary");
        assertThat(stored.getBody(Map.class)).isEqualTo(Map.of("DespatchNumber", "D7"));
    }

    @Test
    void aRefusedArrayGoesOneByOneOnlyTheRefusedShipmentIsAnExceptionAndAnUnmappedServiceNeverReachesBlueCherry()
            throws Exception {
        // Blue Cherry is its simulator: it knows the picks, and refuses a whole call when one record is wrong
        Simulators sims = new Simulators(PORT);
        sims.createPicks(List.of(Picks.pick("OK1", "NJ", A, B), Picks.pick("REJ1", "NJ", A, B)));
        int postsBefore = sims.getList("/sim/bluecherry/_control/calls?path=OrderShipment&method=POST").size();
        mappings.put(DespatchFlow.CARRIER_MAPPING, "UPS Ground", "UPS/UPSN");
        mappings.put(DespatchFlow.CARRIER_MAPPING, "FedEx Express", "FEDEX/FDEG"); // Blue Cherry's shipper is FEDX
        mappings.remove(DespatchFlow.CARRIER_MAPPING, "Parcelforce 24");
        for (String pick : List.of("OK1", "REJ1", "MAP1")) {
            sent(pick);
        }
        MockEndpoint done = camel.getEndpoint("mock:done", MockEndpoint.class);
        done.expectedMessageCount(1);
        MockEndpoint deadLetters = camel.getEndpoint("mock:dead-letters", MockEndpoint.class);

        producer.sendBody("direct:send", batch(
                record(1, "D1", "", json.writeValueAsString(despatch("D1", "OK1", "UPS Ground", A))),
                record(2, "D2", "", json.writeValueAsString(despatch("D2", "REJ1", "FedEx Express", A))),
                record(3, "D3", "", json.writeValueAsString(despatch("D3", "MAP1", "Parcelforce 24", A)))));

        MockEndpoint.assertIsSatisfied(camel);
        assertThat(deadLetters.getExchanges()).extracting(e -> e.getIn().getHeader(Handoff.RECORD_KEY) + ": "
                + e.getIn().getHeader(Handoff.REASON)).hasSize(2);
        List<Map<String, Object>> posts = sims.getList("/sim/bluecherry/_control/calls?path=OrderShipment&method=POST");
        assertThat(posts.size() - postsBefore).as("one array of the two built, then each alone").isEqualTo(3);
        Message held = deadLetters.getExchanges().get(0).getIn();
        assertThat(held.getHeader(Handoff.RECORD_KEY)).isEqualTo("D3");
        assertThat(held.getHeader(Handoff.CATEGORY)).isEqualTo("VALIDATION");
        assertThat(held.getHeader(Handoff.OUTCOME)).isEqualTo("HELD");
        assertThat(held.getHeader(Handoff.REASON, String.class)).contains("Despatch D3 (pick MAP1)").contains("Parcelforce 24")
                .contains("scac_code");
        Message refused = deadLetters.getExchanges().get(1).getIn();
        assertThat(refused.getHeader(Handoff.RECORD_KEY)).isEqualTo("D2");
        assertThat(refused.getHeader(Handoff.CATEGORY)).isEqualTo("REJECTED");
        assertThat(refused.getHeader(Handoff.REASON, String.class)).contains("Despatch D2 (pick REJ1, order OREJ1) refused by"
                + " Blue Cherry: ").contains("shipper 'FEDEX' does not exist").contains("mapping carrier 'FedEx Express'");
        List<Message> settled = records(done.getExchanges().get(0));
        assertThat(settled).extracting(m -> m.getHeader(Handoff.RECORD_KEY)).containsExactly("D1");
        assertThat(settled.get(0).getHeader(BlueCherry.PKEY)).isNotNull();
        assertThat(lifecycle.findPick("OK1").orElseThrow().state()).isEqualTo(LifecycleState.CONFIRMED_IN_BLUE_CHERRY);
        assertThat(lifecycle.findPick("REJ1").orElseThrow().exceptionOpen()).isTrue();
    }

    @Test
    void inAnArrayRefusedForADuplicateTheResendAfterALostAnswerIsConfirmedAndANumberNeverPostedIsAnException()
            throws Exception {
        Simulators sims = new Simulators(PORT);
        List<String> picks = List.of("LOST2", "NEW2", "CLASH2", "NEW3");
        sims.createPicks(picks.stream().map(p -> Picks.pick(p, "NJ", A, B)).toList());
        mappings.put(DespatchFlow.CARRIER_MAPPING, "UPS Ground", "UPS/UPSN");
        for (String pick : picks) {
            sent(pick);
        }
        MockEndpoint deadLetters = camel.getEndpoint("mock:dead-letters", MockEndpoint.class);

        // D20 reaches Blue Cherry, but its answer is lost: it is sent again, now in one array with D21
        producer.sendBody("direct:send", batch(shipped(1, "D20", "LOST2")));
        producer.sendBody("direct:send", batch(shipped(1, "D20", "LOST2"), shipped(2, "D21", "NEW2")));

        assertThat(deadLetters.getExchanges()).as("the array refused for D20's duplicate; alone, D20 counts as posted")
                .isEmpty();
        assertThat(shipmentsOf(sims, "LOST2")).isEqualTo(1);
        assertThat(shipmentsOf(sims, "NEW2")).isEqualTo(1);
        assertThat(lifecycle.findPick("LOST2").orElseThrow().state()).isEqualTo(LifecycleState.CONFIRMED_IN_BLUE_CHERRY);

        // as after a database restore: D22 is given D20's number, which Blue Cherry holds but Cherrypick never posted for D22
        long taken = numbers.number("despatch", "D20");
        jdbc.update("delete from document_number where kind = 'despatch' and record_key = 'D20'");
        jdbc.update("insert into document_number (kind, record_key, number, allocated_at) values ('despatch', 'D22', ?,"
                + " current_timestamp)", taken);
        producer.sendBody("direct:send", batch(shipped(1, "D22", "CLASH2"), shipped(2, "D23", "NEW3")));

        assertThat(deadLetters.getExchanges()).hasSize(1);
        Message clash = deadLetters.getExchanges().get(0).getIn();
        assertThat(clash.getHeader(Handoff.RECORD_KEY)).isEqualTo("D22");
        assertThat(clash.getHeader(Handoff.CATEGORY)).isEqualTo("REJECTED");
        assertThat(clash.getHeader(Handoff.REASON, String.class)).contains("Duplicate isa_num")
                .contains("never posted isa_num " + String.format("%09d", taken) + " before");
        assertThat(shipmentsOf(sims, "CLASH2")).as("not recorded as shipped").isZero();
        assertThat(lifecycle.findPick("CLASH2").orElseThrow().state()).isEqualTo(LifecycleState.DESPATCHED);
        assertThat(shipmentsOf(sims, "NEW3")).as("its neighbour goes through").isEqualTo(1);
    }

    @Test
    void aDespatchOfAPickWhoseSendIsNotRecordedYetWaitsInsteadOfBeingHeld() throws Exception {
        mappings.put(DespatchFlow.CARRIER_MAPPING, "UPS Ground", "UPS/UPSN");
        // the order flow received the pick and saved it in Peoplevox, but stopped before recording the send
        lifecycle.received("WAIT1", "OWAIT1", "PO-WAIT1", "WEB01", "NJ", "r1");
        MockEndpoint deadLetters = camel.getEndpoint("mock:dead-letters", MockEndpoint.class);

        producer.sendBody("direct:send", batch(shipped(1, "D30", "WAIT1")));

        assertThat(deadLetters.getExchanges()).as("not held: tried again once the send is recorded").isEmpty();
        assertThat(camel.getEndpoint("mock:done", MockEndpoint.class).getExchanges()).isEmpty();
    }

    private Message shipped(long id, String despatchNumber, String pick) throws Exception {
        return record(id, despatchNumber, "", json.writeValueAsString(despatch(despatchNumber, pick, "UPS Ground", A)));
    }

    private static long shipmentsOf(Simulators sims, String pick) {
        return sims.getList("/sim/bluecherry/_control/shipments").stream().filter(s -> pick.equals(s.get("pick_num"))).count();
    }

    @Test
    void aShipmentBlueCherryHoldsAlreadyByItsIsaNumIsConfirmed() throws Exception {
        mappings.put(DespatchFlow.CARRIER_MAPPING, "UPS Ground", "UPS/UPSN");
        sent("DUP1");
        MockEndpoint done = camel.getEndpoint("mock:done", MockEndpoint.class);
        done.expectedMessageCount(1);
        Message refused = record(1, "D5", "", "{}");
        refused.setBody(json.readTree("{\"pick_num\":\"DUP1\",\"isa_num\":\"000000004\"}"));
        refused.setHeader(BlueCherry.REFUSAL, "Duplicate isa_num 000000004 (pick_num DUP1): already received as pkey 5");
        refused.setHeader(OrderShipments.SHIPMENT, new Shipment(despatch("D5", "DUP1", "UPS Ground", A),
                json.valueToTree(Picks.pick("DUP1", "NJ", A, B)), 4, Map.of(), true, null));
        refused.setHeader(BlueCherryDocuments.MAYBE_POSTED, true); // an earlier POST lost its answer

        producer.send("direct:despatch-refused", e -> e.setIn(refused));

        MockEndpoint.assertIsSatisfied(camel);
        assertThat(camel.getEndpoint("mock:dead-letters", MockEndpoint.class).getExchanges()).isEmpty();
        assertThat(lifecycle.findPick("DUP1").orElseThrow().state()).isEqualTo(LifecycleState.CONFIRMED_IN_BLUE_CHERRY);
    }

    @Test
    void aDuplicateIsaNumNeverPostedBeforeIsAnExceptionNotAConfirmation() throws Exception {
        mappings.put(DespatchFlow.CARRIER_MAPPING, "UPS Ground", "UPS/UPSN");
        sent("CLASH1");
        Message refused = record(1, "D6", "", "{}");
        refused.setBody(json.readTree("{\"pick_num\":\"CLASH1\",\"isa_num\":\"000000007\"}"));
        refused.setHeader(BlueCherry.REFUSAL, "Duplicate isa_num 000000007 (pick_num CLASH1): already received as pkey 9");
        refused.setHeader(OrderShipments.SHIPMENT, new Shipment(despatch("D6", "CLASH1", "UPS Ground", A),
                json.valueToTree(Picks.pick("CLASH1", "NJ", A, B)), 7, Map.of(), true, null));
        refused.setHeader(BlueCherryDocuments.MAYBE_POSTED, false); // the first POST of this number

        producer.send("direct:despatch-refused", e -> e.setIn(refused));

        List<Exchange> dead = camel.getEndpoint("mock:dead-letters", MockEndpoint.class).getExchanges();
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).getIn().getHeader(Handoff.CATEGORY)).isEqualTo("REJECTED");
        assertThat(dead.get(0).getIn().getHeader(Handoff.REASON, String.class)).contains("Despatch D6 (pick CLASH1")
                .contains("never posted isa_num 000000007 before");
        assertThat(lifecycle.findPick("CLASH1").orElseThrow().state()).isEqualTo(LifecycleState.DESPATCHED);
    }

    /** A pick the order flow sent to Peoplevox (its revision DONE in queue sales-order), acknowledged. */
    private void sent(String pick) throws Exception {
        jdbc.update("insert into handoff (queue, record_key, revision, payload, status, next_attempt_at, created_at, updated_at)"
                + " values ('sales-order', ?, 'r1', ?, 'DONE', current_timestamp, current_timestamp, current_timestamp)",
                pick, json.writeValueAsString(Picks.pick(pick, "NJ", A, B)));
        lifecycle.received(pick, "O" + pick, "PO-" + pick, "WEB01", "NJ", "r1");
        lifecycle.moveTo(pick, LifecycleState.DESPATCHED, null);
    }

    private static PvxDespatch despatch(String number, String pick, String service, String item) {
        return new PvxDespatch(number, pick, "Carrier", service, "1Z999AA10000000001", "14/06/2026 10:00", "PrimarySite",
                List.of(new PvxDespatch.Package(number + "-1", "1Z999AA10000000002", new BigDecimal("1.5"),
                        List.of(new PvxDespatch.Line(item, 2), new PvxDespatch.Line(B, 2)))));
    }

    private Message event(long id, String type, Map<String, String> fields) throws Exception {
        Message m = record(id, type + ":" + id, "", json.writeValueAsString(fields));
        m.setHeader(Handoff.RECORD_TYPE, type);
        return m;
    }

    @SuppressWarnings("unchecked")
    private static List<Message> records(Exchange exchange) {
        return exchange.getIn().getBody(List.class);
    }
}
