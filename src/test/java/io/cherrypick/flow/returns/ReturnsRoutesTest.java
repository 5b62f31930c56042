package io.cherrypick.flow.returns;

import static org.assertj.core.api.Assertions.assertThat;

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

import io.cherrypick.handoff.Handoff;
import io.cherrypick.mapping.MappedRecord;
import io.cherrypick.peoplevox.Peoplevox;
import io.cherrypick.peoplevox.model.PvxReturn;
import io.cherrypick.store.LifecycleState;
import io.cherrypick.store.OrderLifecycleStore;
import io.cherrypick.store.ReturnState;
import io.cherrypick.store.ReturnStore;
import io.cherrypick.support.RouteTestSupport;

/**
 * The branches of routes/returns.camel.yaml, each route fed through direct: with Peoplevox, the hand-off and the
 * exception store replaced by mock endpoints: what a pulled RA does (new: queued; same content: recorded only; no
 * ra_num: an exception), what the expected-returns sender does with a valid, an unsendable and a refused RA, and what
 * becomes of a received return (stored once and queued; unreadable: an exception) and of a report row.
 */
@TestPropertySource(properties = "cherrypick.flows.returns.enabled=true")
class ReturnsRoutesTest extends RouteTestSupport {
    static final String A = "012345678905";

    @Autowired ObjectMapper json;
    @Autowired OrderLifecycleStore lifecycle;
    @Autowired ReturnStore store;

    @Override
    protected void advise() throws Exception {
        advice("return-authorisation-pull", a -> {
            a.replaceFromWith("direct:pull");
            a.weaveById("queue-ra-for-peoplevox").replace().to("mock:queued-ras");
            a.weaveByToUri("direct:dead-letter").replace().to("mock:pull-dead-letters");
        });
        advice("return-authorisation-to-wms", a -> {
            a.replaceFromWith("direct:send-ras");
            a.weaveByToUri("handoff:*").replace().to("mock:ras-done");
        });
        advice("return-authorisation-send", a -> a.weaveById("save-expected-returns").replace().to("mock:peoplevox"));
        advice("return-authorisation-dead-letter", a -> a.weaveById("record-ra-exception").replace().to("mock:ra-dead-letters"));
        advice("return-receipt-events", a -> {
            a.replaceFromWith("direct:receipt-events");
            a.weaveByToUri("handoff:*").replace().to("mock:events-done");
        });
        advice("return-receipt-event", a -> {
            // Peoplevox shows the return as the event says (the re-read over the simulator: AbstractReturnsFlowTest)
            a.weaveById("read-return-again-from-peoplevox").replace()
                    .process(e -> e.getIn().setBody(List.of(e.getIn().getBody(PvxReturn.class))));
            a.weaveById("queue-receipt-for-blue-cherry").replace().to("mock:queued-receipts");
        });
        advice("return-receipt-dead-letter", a -> a.weaveById("record-return-exception").replace().to("mock:receipt-dead-letters"));
        advice("return-summary-poll", a -> {
            a.replaceFromWith("direct:report");
            a.weaveByToUri("handoff:*").replace().to("mock:report-events");
        });
    }

    @BeforeEach
    void clean() {
        for (String table : List.of("handoff", "order_lifecycle", "return_authorisation", "return_authorisation_line",
                "return_receipt", "return_receipt_line")) {
            jdbc.update("delete from " + table);
        }
        MockEndpoint.resetMocks(camel);
    }

    @Test
    void aNewRaIsQueuedTheSameContentAgainIsOnlyRecordedAndOneWithoutNumberIsAnException() throws Exception {
        MockEndpoint queued = camel.getEndpoint("mock:queued-ras", MockEndpoint.class);
        queued.expectedMessageCount(1);
        MockEndpoint deadLetters = camel.getEndpoint("mock:pull-dead-letters", MockEndpoint.class);
        deadLetters.expectedMessageCount(1);

        pull(ra("RA1", "P1"), "RA1", "2026-06-14 10:00:00");
        Map<String, Object> sameForPeoplevox = ra("RA1", "P1");
        sameForPeoplevox.put("status", "PARTIAL");
        pull(sameForPeoplevox, "RA1", "2026-06-14 11:00:00");
        Map<String, Object> noNumber = ra("", "P1");
        pull(noNumber, "pkey-77", "2026-06-14 12:00:00");

        MockEndpoint.assertIsSatisfied(camel);
        assertThat(queued.getExchanges().get(0).getIn().getHeader(Handoff.REVISION)).isEqualTo("2026-06-14 10:00:00");
        assertThat(store.authorisation("RA1").orElseThrow().revision()).isEqualTo("2026-06-14 11:00:00");
        Message dead = deadLetters.getExchanges().get(0).getIn();
        assertThat(dead.getHeader(Handoff.CATEGORY)).isEqualTo("VALIDATION");
        assertThat(dead.getHeader(Handoff.REASON, String.class)).contains("pkey-77").contains("has no ra_num");
    }

    @Test
    void theSenderHoldsAnRaPeoplevoxCannotTakeSendsTheOthersMappedAndDeadLettersARefusal() throws Exception {
        for (String pick : List.of("P1", "P2")) {
            lifecycle.received(pick, "O" + pick, "PO", "WEB01", "NJ", "r1");
            lifecycle.acknowledged(java.util.Set.of(pick), Map.of(pick, "PrimarySite"), Map.of(pick, "r1"));
        }
        for (String ra : List.of("RA1", "RA2", "RA3")) {
            pull(ra(ra, ra.equals("RA1") ? "P1" : ra.equals("RA2") ? "P2" : "NEVER-SENT"), ra, "r1");
        }
        MockEndpoint peoplevox = camel.getEndpoint("mock:peoplevox", MockEndpoint.class);
        peoplevox.whenAnyExchangeReceived(this::peoplevoxRefusesRA2);
        MockEndpoint deadLetters = camel.getEndpoint("mock:ra-dead-letters", MockEndpoint.class);
        deadLetters.expectedMessageCount(2);
        MockEndpoint done = camel.getEndpoint("mock:ras-done", MockEndpoint.class);
        done.expectedMessageCount(1);

        producer.sendBody("direct:send-ras", batch(record(1, "RA1", "r1", json.writeValueAsString(ra("RA1", "P1"))),
                record(2, "RA2", "r1", json.writeValueAsString(ra("RA2", "P2"))),
                record(3, "RA3", "r1", json.writeValueAsString(ra("RA3", "NEVER-SENT")))));

        MockEndpoint.assertIsSatisfied(camel);
        List<Message> saved = records(peoplevox.getExchanges().get(0));
        assertThat(saved).extracting(m -> m.getHeader(Handoff.RECORD_KEY)).containsExactly("RA1", "RA2");
        assertThat(saved.get(0).getBody(MappedRecord.class).row("returns")).containsEntry("RmaNumber", "RA1")
                .containsEntry("SalesOrderNumber", "P1").containsEntry("ItemCode", A).containsEntry("Quantity", "2")
                .containsEntry("Site", "PrimarySite");
        Message held = deadLetters.getExchanges().get(0).getIn();
        assertThat(held.getHeader(Handoff.RECORD_KEY)).isEqualTo("RA3");
        assertThat(held.getHeader(Handoff.REASON, String.class)).contains("pick_num NEVER-SENT is not a pick");
        Message refused = deadLetters.getExchanges().get(1).getIn();
        assertThat(refused.getHeader(Handoff.REASON, String.class)).isEqualTo("RA RA2 (pick P2) refused by Peoplevox: Returns:"
                + " row 1: ItemCode 012345678905 unknown");
        assertThat(refused.getHeader(Handoff.CATEGORY)).isEqualTo("SKU_MISMATCH");
        assertThat(store.authorisation("RA1").orElseThrow().state()).isEqualTo(ReturnState.EXPECTED_IN_PEOPLEVOX);
        assertThat(store.authorisation("RA2").orElseThrow().exceptionOpen()).isTrue();
        assertThat(lifecycle.findPick("P1").orElseThrow().state()).isEqualTo(LifecycleState.ACKNOWLEDGED);
    }

    @Test
    void anRaWhosePickSendIsNotRecordedYetWaitsAndOneWhosePickIsHeldIsAnException() throws Exception {
        // the order flow has P1 queued (its save may be in Peoplevox already, not yet recorded); P2 is held for a person
        lifecycle.received("P1", "OP1", "PO", "WEB01", "NJ", "r1");
        lifecycle.received("P2", "OP2", "PO", "WEB01", "NJ", "r1");
        lifecycle.moveTo("P2", LifecycleState.HELD_IN_BLUE_CHERRY, "site missing");
        // P3: Peoplevox despatched it before the answer to the save that put it there was recorded (a claim taken over)
        lifecycle.received("P3", "OP3", "PO", "WEB01", "NJ", "r1");
        lifecycle.moveTo("P3", LifecycleState.DESPATCHED, "despatched in Peoplevox");
        MockEndpoint deadLetters = camel.getEndpoint("mock:ra-dead-letters", MockEndpoint.class);
        deadLetters.expectedMessageCount(1);

        producer.sendBody("direct:send-ras", batch(record(1, "RA1", "r1", json.writeValueAsString(ra("RA1", "P1"))),
                record(2, "RA2", "r1", json.writeValueAsString(ra("RA2", "P2"))),
                record(3, "RA3", "r1", json.writeValueAsString(ra("RA3", "P3")))));

        MockEndpoint.assertIsSatisfied(camel);
        assertThat(deadLetters.getExchanges()).extracting(e -> e.getIn().getHeader(Handoff.RECORD_KEY))
                .as("RA1 and RA3 are not held: they are tried again once their pick's send is recorded").containsExactly("RA2");
        // the late answer is recorded: P3 keeps its warehouse state
        lifecycle.acknowledged(List.of("P3"), Map.of("P3", "PrimarySite"), Map.of("P3", "r1"));
        assertThat(lifecycle.findPick("P3").orElseThrow().state()).isEqualTo(LifecycleState.DESPATCHED);
        assertThat(lifecycle.findPick("P3").orElseThrow().revisionSent()).isEqualTo("r1");
        assertThat(deadLetters.getExchanges().get(0).getIn().getHeader(Handoff.REASON, String.class))
                .contains("pick_num P2 was never sent to Peoplevox (it is HELD_IN_BLUE_CHERRY)");
        assertThat(camel.getEndpoint("mock:peoplevox", MockEndpoint.class).getExchanges().stream()
                .flatMap(e -> records(e).stream()).map(m -> m.getHeader(Handoff.RECORD_KEY)).toList())
                .as("neither RA went to Peoplevox").isEmpty();
    }

    @Test
    void aReceivedReturnIsStoredAndQueuedOnceAndAnUnreadableOneIsAnException() throws Exception {
        MockEndpoint queued = camel.getEndpoint("mock:queued-receipts", MockEndpoint.class);
        queued.expectedMessageCount(1);
        queued.expectedHeaderReceived(Handoff.RECORD_KEY, "RET1|" + A + "|1");
        MockEndpoint deadLetters = camel.getEndpoint("mock:receipt-dead-letters", MockEndpoint.class);
        deadLetters.expectedMessageCount(1);
        Map<String, String> fields = PvxReturn.eventFields("RET1", "P1", A, "1", "Too small", "Good", "PrimarySite", "");
        Map<String, String> unreadable = PvxReturn.eventFields("RET2", "P1", A, "two", "Too small", "Good", "PrimarySite", "");

        producer.sendBody("direct:receipt-events", batch(event(1, "Returns", fields), event(2, "ReturnSummary", fields),
                event(3, "Returns", unreadable)));

        MockEndpoint.assertIsSatisfied(camel);
        assertThat(deadLetters.getExchanges().get(0).getIn().getHeader(Handoff.CATEGORY)).isEqualTo("MALFORMED_EVENT");
        assertThat(deadLetters.getExchanges().get(0).getIn().getHeader(Handoff.REASON, String.class))
                .contains("return RET2 item " + A).contains("field Quantity 'two'");
        assertThat(store.receipt("RET1", A, 1).orElseThrow().source()).isEqualTo("event");
    }

    @Test
    void aReportRowIsStoredAsATriggerKeyedByItsBooking() throws Exception {
        store.insertReceiptIfAbsent(new PvxReturn("RET0", A, 1, "P1", "", "", "", "", "", "event"), java.time.Instant.now());
        MockEndpoint events = camel.getEndpoint("mock:report-events", MockEndpoint.class);
        events.expectedMessageCount(2);

        // a stored return is read again too: Peoplevox may show more units of it than are stored
        producer.sendBodyAndHeader("direct:report", row("RET0"), Handoff.RECORD_KEY, "RET0|" + A + "|14/06/2026 09:00");
        producer.sendBodyAndHeader("direct:report", row("RET5"), Handoff.RECORD_KEY, "RET5|" + A + "|14/06/2026 10:00");

        events.assertIsSatisfied();
        Message stored = events.getExchanges().get(1).getIn();
        assertThat(stored.getHeader(Handoff.RECORD_KEY)).isEqualTo("Returns:RET5|" + A + "|14/06/2026 10:00|stored:0");
        assertThat(events.getExchanges().get(0).getIn().getHeader(Handoff.RECORD_KEY))
                .as("read again once its return + item has units stored").isEqualTo("Returns:RET0|" + A + "|14/06/2026 09:00|stored:1");
        assertThat(stored.getHeader(Handoff.RECORD_TYPE)).isEqualTo("ReturnSummary");
        assertThat(stored.getBody(Map.class)).containsEntry("ReturnCode", "RET5").containsEntry("ItemCode", A)
                .containsEntry("Quantity", "1").containsEntry("RmaNumber", "RA5").containsEntry("ReturnDate", "14/06/2026 10:00");
    }

    private static Map<String, String> row(String code) {
        return new java.util.LinkedHashMap<>(Map.of("Return code", code, "Item code", A, "Quantity", "1",
                "Sales order number", "P1", "Return reason", "Too small", "Return condition", "Good",
                "Site reference", "PrimarySite", "RMA number", "RA5", "Return date", "14/06/2026 10:00"));
    }

    private void peoplevoxRefusesRA2(Exchange exchange) {
        for (Message m : records(exchange)) {
            boolean refuse = "RA2".equals(m.getHeader(Handoff.RECORD_KEY));
            m.setHeader(Peoplevox.SAVED, !refuse);
            if (refuse) {
                m.setHeader(Peoplevox.REFUSAL, "Returns: row 1: ItemCode 012345678905 unknown");
                m.setHeader(Peoplevox.REFUSAL_CATEGORY, "SKU_MISMATCH");
            }
        }
    }

    private void pull(Map<String, Object> ra, String key, String revision) throws Exception {
        producer.sendBodyAndHeaders("direct:pull", json.writeValueAsString(ra), Map.of(Handoff.RECORD_KEY, key,
                Handoff.REVISION, revision, Handoff.FLOW, "return-authorisation"));
    }

    private static Map<String, Object> ra(String raNum, String pick) {
        Map<String, Object> line = Map.of("line_seq", 1, "style", "01234", "color_code", "BLK", "size_desc", "M", "upc", A,
                "ra_qty", 2);
        Map<String, Object> ra = new java.util.LinkedHashMap<>();
        ra.put("ra_num", raNum);
        ra.put("ord_num", "O" + pick);
        ra.put("pick_num", pick);
        ra.put("customer", "WEB01");
        ra.put("location", "NJ");
        ra.put("reason_code", "WS");
        ra.put("status", "OPEN");
        ra.put("radetail", Map.of("rows", List.of(line)));
        return ra;
    }

    private Message event(long id, String type, Map<String, String> fields) throws Exception {
        Message m = record(id, "Returns:" + id, "", json.writeValueAsString(fields));
        m.setHeader(Handoff.RECORD_TYPE, type);
        return m;
    }

    @SuppressWarnings("unchecked")
    private static List<Message> records(Exchange exchange) {
        return exchange.getIn().getBody(List.class);
    }
}
