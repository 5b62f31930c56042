package io.cherrypick.flow.order;

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

import io.cherrypick.catalog.PeoplevoxItemCatalog;
import io.cherrypick.handoff.Handoff;
import io.cherrypick.mapping.MappedRecord;
import io.cherrypick.peoplevox.Peoplevox;
import io.cherrypick.store.LifecycleState;
import io.cherrypick.store.OrderLifecycleStore;
import io.cherrypick.support.Picks;
import io.cherrypick.support.RouteTestSupport;

/**
 * The branches of the order routes (routes/sales-order-to-wms.camel.yaml), each route fed through direct: with
 * Peoplevox and the hand-off replaced by mock endpoints: where a pick revision goes when it is pulled, and what the
 * sender does with a valid, an invalid and a refused pick of one batch.
 */
@TestPropertySource(properties = {"cherrypick.flows.sales-order.enabled=true",
        "cherrypick.flows.sales-order.cancelled-statuses=V", "cherrypick.flows.sales-order.closed-statuses=C"})
class SalesOrderRoutesTest extends RouteTestSupport {
    static final String A = "012345678905";
    static final String B = "012345678912";

    @Autowired ObjectMapper json;
    @Autowired OrderLifecycleStore lifecycle;
    @Autowired PeoplevoxItemCatalog catalog;

    @Override
    protected void advise() throws Exception {
        advice("sales-order-pull", a -> {
            a.replaceFromWith("direct:pull");
            a.weaveById("queue-new-pick").replace().to("mock:first");
            a.weaveById("queue-pick").replace().to("mock:queued");
            a.weaveById("queue-change-for-amendment").replace().to("mock:changes");
            a.weaveById("never-send-older-revisions").replace().to("mock:superseded");
        });
        advice("sales-order-to-wms", a -> {
            a.replaceFromWith("direct:send");
            a.weaveByToUri("handoff:*").replace().to("mock:done");
        });
        advice("sales-order-send", a -> {
            a.weaveById("save-sales-order-headers").replace().to("mock:headers");
            a.weaveById("save-sales-order-lines").replace().to("mock:lines");
        });
        advice("sales-order-dead-letter", a -> a.weaveById("record-order-exception").replace().to("mock:dead-letters"));
    }

    @BeforeEach
    void clean() {
        jdbc.update("delete from handoff");
        jdbc.update("delete from order_lifecycle");
        MockEndpoint.resetMocks(camel);
    }

    @Test
    void aNewPickIsQueuedAChangedOneGoesToTheAmendmentsAndAVoidedOneNowhere() throws Exception {
        MockEndpoint first = camel.getEndpoint("mock:first", MockEndpoint.class);
        MockEndpoint queued = camel.getEndpoint("mock:queued", MockEndpoint.class);
        queued.whenAnyExchangeReceived(e -> e.getIn().setHeader(Handoff.STORED, true));
        MockEndpoint changes = camel.getEndpoint("mock:changes", MockEndpoint.class);
        MockEndpoint superseded = camel.getEndpoint("mock:superseded", MockEndpoint.class);
        first.expectedHeaderReceived(Handoff.RECORD_KEY, "NEW1");
        first.expectedHeaderReceived(OrderStatuses.ARRIVAL, "FIRST");
        queued.expectedHeaderReceived(Handoff.RECORD_KEY, "AGAIN1");
        queued.expectedHeaderReceived(OrderStatuses.ARRIVAL, "NEW");
        changes.expectedHeaderReceived(Handoff.RECORD_KEY, "SENT1");
        superseded.expectedHeaderReceived(Handoff.RECORD_KEY, "VOID1");

        pull(Picks.pick("NEW1", "NJ", A));
        // seen before and held (say, its location had no site): its next revision replaces any older one still waiting
        lifecycle.received("AGAIN1", "O1", "PO1", "WEB01", "MIA", "r0");
        lifecycle.held("AGAIN1", "location 'MIA' has no Peoplevox site mapping");
        pull(Picks.pick("AGAIN1", "NJ", A));
        sentBefore("SENT1");
        pull(Picks.pick("SENT1", "NJ", A));
        pull(withStatus("VOID1", "V"));

        MockEndpoint.assertIsSatisfied(camel);
        assertThat(lifecycle.findPick("NEW1").orElseThrow().state()).isEqualTo(LifecycleState.QUEUED_IN_CHERRYPICK);
        assertThat(lifecycle.findPick("AGAIN1").orElseThrow().state()).as("queued again, its hold cleared")
                .isEqualTo(LifecycleState.QUEUED_IN_CHERRYPICK);
        assertThat(lifecycle.findPick("VOID1").orElseThrow().state()).isEqualTo(LifecycleState.CANCELLED);
        assertThat(first.getExchanges()).as("the new pick is queued once").hasSize(1);
        assertThat(queued.getExchanges()).as("only the pick seen before goes in place of older revisions").hasSize(1);
    }

    /**
     * A tenant whose ord_status C means closed or complete (closed-statuses): such a pick is neither sent, nor cancelled,
     * nor queued as a change of an order already in Peoplevox; a cancelled code is read trimmed and ignoring case.
     */
    @Test
    void aPickBlueCherryClosedGoesNowhereAndIsNeverCancelled() throws Exception {
        MockEndpoint queued = camel.getEndpoint("mock:queued", MockEndpoint.class);
        MockEndpoint changes = camel.getEndpoint("mock:changes", MockEndpoint.class);
        MockEndpoint superseded = camel.getEndpoint("mock:superseded", MockEndpoint.class);
        queued.expectedMessageCount(0);
        changes.expectedMessageCount(0);
        superseded.expectedMessageCount(1);
        superseded.expectedHeaderReceived(Handoff.RECORD_KEY, "VOID2");

        pull(withStatus("CLOSED1", "C"));
        sentBefore("CLOSED2");
        pull(withStatus("CLOSED2", "C"));
        pull(withStatus("VOID2", " v "));

        MockEndpoint.assertIsSatisfied(camel);
        assertThat(lifecycle.findPick("CLOSED1").orElseThrow().state()).isNotEqualTo(LifecycleState.CANCELLED);
        assertThat(lifecycle.findPick("VOID2").orElseThrow().state()).isEqualTo(LifecycleState.CANCELLED);
    }

    @Test
    void aBatchSendsTheValidPicksHoldsTheInvalidOneAndDeadLettersTheRefusedOne() throws Exception {
        catalog.remember(A, A, null, "TEST");
        catalog.remember(B, B, null, "TEST");
        lifecycle.received("OK1", "O1", "PO1", "WEB01", "NJ", "r1");
        MockEndpoint headers = camel.getEndpoint("mock:headers", MockEndpoint.class);
        headers.whenAnyExchangeReceived(this::peoplevoxRefusesPickBAD);
        MockEndpoint deadLetters = camel.getEndpoint("mock:dead-letters", MockEndpoint.class);
        deadLetters.expectedMessageCount(2);
        MockEndpoint done = camel.getEndpoint("mock:done", MockEndpoint.class);
        done.expectedMessageCount(1);

        producer.sendBody("direct:send", batch(
                record(1, "OK1", "r1", json(Picks.pick("OK1", "NJ", A, B))),
                record(2, "LOC1", "r1", json(Picks.pick("LOC1", "MIA", A))),
                record(3, "BAD", "r1", json(Picks.pick("BAD", "NJ", B)))));

        MockEndpoint.assertIsSatisfied(camel);
        List<Message> sent = records(headers.getExchanges().get(0));
        assertThat(sent).extracting(m -> m.getHeader(Handoff.RECORD_KEY)).containsExactly("OK1", "BAD");
        assertThat(sent.get(0).getBody(MappedRecord.class).row("header")).containsEntry("Site", "PrimarySite");
        assertThat(records(camel.getEndpoint("mock:lines", MockEndpoint.class).getExchanges().get(0)))
                .as("lines go for every header sent").hasSize(2);

        Message held = deadLetters.getExchanges().get(0).getIn();
        assertThat(held.getHeader(Handoff.RECORD_KEY)).isEqualTo("LOC1");
        assertThat(held.getHeader(Handoff.CATEGORY)).isEqualTo("MISSING_WAREHOUSE");
        assertThat(held.getHeader(Handoff.REASON, String.class)).contains("location 'MIA'");
        Message refused = deadLetters.getExchanges().get(1).getIn();
        assertThat(refused.getHeader(Handoff.RECORD_KEY)).isEqualTo("BAD");
        assertThat(refused.getHeader(Handoff.REASON, String.class)).contains("Pick BAD refused by Peoplevox")
                .contains("Site GhostSite");
        assertThat(records(done.getExchanges().get(0))).extracting(m -> m.getHeader(Handoff.RECORD_KEY))
                .containsExactly("OK1");
        assertThat(lifecycle.findPick("OK1").orElseThrow().state()).isEqualTo(LifecycleState.ACKNOWLEDGED);
    }

    private void peoplevoxRefusesPickBAD(Exchange exchange) {
        for (Message m : records(exchange)) {
            boolean refuse = "BAD".equals(m.getHeader(Handoff.RECORD_KEY));
            m.setHeader(Peoplevox.SAVED, !refuse);
            if (refuse) {
                m.setHeader(Peoplevox.REFUSAL, "Sales orders: row 2: Site GhostSite not found");
                m.setHeader(Peoplevox.REFUSAL_CATEGORY, "MISSING_WAREHOUSE");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Message> records(Exchange exchange) {
        return exchange.getIn().getBody(List.class);
    }

    /** A revision r0 of the pick went to Peoplevox. */
    /** A revision of the pick went through earlier: pulled (its lifecycle recorded) and settled DONE. */
    private void sentBefore(String pickNum) {
        lifecycle.received(pickNum, "O-" + pickNum, "PO-" + pickNum, "WEB01", "NJ", "r0");
        jdbc.update("insert into handoff (queue, record_key, revision, payload, status, next_attempt_at, created_at, updated_at)"
                + " values ('sales-order', ?, 'r0', '{}', 'DONE', current_timestamp, current_timestamp, current_timestamp)", pickNum);
    }

    private static Map<String, Object> withStatus(String pickNum, String ordStatus) {
        Map<String, Object> pick = Picks.pick(pickNum, "NJ", A);
        pick.put("ord_status", ordStatus);
        return pick;
    }

    private void pull(Map<String, Object> pick) throws Exception {
        producer.sendBodyAndHeaders("direct:pull", json(pick), Map.of(Handoff.RECORD_KEY, pick.get("pick_num"),
                Handoff.REVISION, "2026-11-20 10:00:00"));
    }

    private String json(Object value) throws Exception {
        return json.writeValueAsString(value);
    }
}
