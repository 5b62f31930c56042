package io.cherrypick.flow.amend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
import io.cherrypick.handoff.HandoffStore;
import io.cherrypick.mapping.MappedRecord;
import io.cherrypick.peoplevox.Peoplevox;
import io.cherrypick.store.OrderLifecycleStore;
import io.cherrypick.support.Picks;
import io.cherrypick.support.RouteTestSupport;

/**
 * The branches of the amendment route (routes/sales-order-amend.camel.yaml) in one batch, with Peoplevox's statuses and
 * saves replaced: a change before the cut-off is written, one after it, one for an order Peoplevox lacks and one that
 * raced the warehouse become exceptions, and one Peoplevox would not see is settled without a write.
 */
@TestPropertySource(properties = {"cherrypick.flows.sales-order-change.enabled=true",
        "cherrypick.flows.sales-order-change.status-numbers[0].number=1",
        "cherrypick.flows.sales-order-change.status-numbers[0].name=New"})
class AmendmentRoutesTest extends RouteTestSupport {
    static final String A = "012345678905";
    static final Map<String, String> BEFORE = Map.of("CHG1", "New", "CUT1", "Allocated", "RACE1", "New", "SAME1", "New",
            "ODD1", "Part despatched", "NUM5", "5", "NUM1", "1", "ODDAFTER1", "new");
    static final Map<String, String> AFTER = Map.of("CHG1", "New", "RACE1", "Allocated", "NUM1", "1",
            "ODDAFTER1", "On hold");

    @Autowired ObjectMapper json;
    @Autowired HandoffStore handoff;
    @Autowired OrderLifecycleStore lifecycle;
    @Autowired PeoplevoxItemCatalog catalog;

    @Override
    protected void advise() throws Exception {
        advice("sales-order-amend", a -> {
            a.replaceFromWith("direct:amend");
            a.weaveById("read-status-before").replace().process(e -> statuses(e, "PeoplevoxStatus", BEFORE));
            a.weaveById("read-status-after").replace().process(e -> statuses(e, "PeoplevoxStatusAfter", AFTER));
            a.weaveById("save-changed-headers").replace().to("mock:headers");
            a.weaveById("save-changed-lines").replace().to("mock:lines");
            a.weaveById("settle-unchanged").replace().to("mock:done");
        });
        advice("sales-order-change-applied", a -> a.weaveById("settle-applied-change").replace().to("mock:done"));
        advice("sales-order-change-dead-letter", a -> a.weaveById("record-change-exception").replace().to("mock:exceptions"));
    }

    @BeforeEach
    void clean() {
        jdbc.update("delete from handoff");
        jdbc.update("delete from order_lifecycle");
        MockEndpoint.resetMocks(camel);
    }

    @Test
    void eachChangeOfABatchTakesItsBranch() throws Exception {
        MockEndpoint headers = sentAndExpected(List.of("CHG1", "CUT1", "GONE1", "RACE1", "SAME1"), 2, 3);
        MockEndpoint done = camel.getEndpoint("mock:done", MockEndpoint.class);
        MockEndpoint exceptions = camel.getEndpoint("mock:exceptions", MockEndpoint.class);

        Map<String, Object> moved = Picks.pick("CHG1", "NJ", A);
        moved.put("pickaddress", Map.of("rows", List.of(Picks.address("ST", "99 New Road", "Trenton"))));
        Map<String, Object> more = Picks.pick("CUT1", "NJ", A);
        line(more).put("bk_qty", 4);
        Map<String, Object> raced = Picks.pick("RACE1", "NJ", A);
        line(raced).put("bk_qty", 3);
        Map<String, Object> gone = Picks.pick("GONE1", "NJ", A);
        line(gone).put("bk_qty", 5);
        producer.sendBody("direct:amend", batch(change(1, moved), change(2, more), change(3, gone),
                change(4, raced), change(5, Picks.pick("SAME1", "NJ", A))));

        MockEndpoint.assertIsSatisfied(camel);
        List<Message> written = records(headers.getExchanges().get(0));
        assertThat(written).extracting(m -> m.getHeader(Handoff.RECORD_KEY)).containsExactly("CHG1", "RACE1");
        assertThat(written.get(0).getBody(MappedRecord.class).row("header")).containsEntry("ShippingAddressLine1", "99 New Road")
                .containsEntry("Attribute2", "r2").doesNotContainKey("Customer");
        assertThat(done.getExchanges()).extracting(e -> e.getIn().getHeader(Handoff.RECORD_KEY))
                .containsExactlyInAnyOrder("CHG1", "SAME1");
        Map<String, String> reasons = exceptions.getExchanges().stream().collect(Collectors.toMap(
                e -> e.getIn().getHeader(Handoff.RECORD_KEY, String.class), e -> e.getIn().getHeader(Handoff.REASON, String.class)));
        assertThat(reasons.get("CUT1")).contains("after the cut-off").contains("Peoplevox status Allocated")
                .contains("line 1 changed").contains("x 2").contains("x 4");
        assertThat(reasons.get("GONE1")).contains("Peoplevox has no sales order GONE1");
        assertThat(reasons.get("RACE1")).contains("moved to Allocated while the change was being applied");
        assertThat(lifecycle.findPick("CHG1").orElseThrow().note()).contains("ShippingAddressLine1: '1 Main St' -> '99 New Road'");
        assertThat(lifecycle.findPick("CUT1").orElseThrow().exceptionOpen()).isTrue();
    }

    /**
     * The cut-off fails closed: a status name Cherrypick does not know, or a number status-numbers does not list, is
     * past the cut-off and the exception names it; a listed number is its status (1 = New: the change is written); a
     * status read after the write that Cherrypick does not know raises the same exception.
     */
    @Test
    void aStatusNameOrNumberCherrypickDoesNotKnowIsPastTheCutoff() throws Exception {
        MockEndpoint headers = sentAndExpected(List.of("ODD1", "NUM5", "NUM1", "ODDAFTER1"), 1, 3);
        MockEndpoint done = camel.getEndpoint("mock:done", MockEndpoint.class);
        MockEndpoint exceptions = camel.getEndpoint("mock:exceptions", MockEndpoint.class);

        List<Message> changes = new java.util.ArrayList<>();
        long id = 1;
        for (String pickNum : List.of("ODD1", "NUM5", "NUM1", "ODDAFTER1")) {
            Map<String, Object> more = Picks.pick(pickNum, "NJ", A);
            line(more).put("bk_qty", 4);
            changes.add(change(id++, more));
        }
        producer.sendBody("direct:amend", batch(changes.toArray(Message[]::new)));

        MockEndpoint.assertIsSatisfied(camel);
        assertThat(records(headers.getExchanges().get(0))).extracting(m -> m.getHeader(Handoff.RECORD_KEY))
                .containsExactly("NUM1", "ODDAFTER1");
        assertThat(done.getExchanges()).extracting(e -> e.getIn().getHeader(Handoff.RECORD_KEY)).containsExactly("NUM1");
        Map<String, Message> byPick = exceptions.getExchanges().stream().collect(Collectors.toMap(
                e -> e.getIn().getHeader(Handoff.RECORD_KEY, String.class), Exchange::getIn));
        assertThat(byPick.get("ODD1").getHeader(Handoff.CATEGORY)).isEqualTo("AFTER_CUTOFF");
        assertThat(byPick.get("ODD1").getHeader(Handoff.REASON, String.class))
                .contains("Peoplevox status 'Part despatched' is not one Cherrypick knows").contains("past the cut-off")
                .contains("line 1 changed");
        assertThat(byPick.get("NUM5").getHeader(Handoff.CATEGORY)).isEqualTo("AFTER_CUTOFF");
        assertThat(byPick.get("NUM5").getHeader(Handoff.REASON, String.class))
                .contains("Peoplevox status '5' is not one Cherrypick knows").contains("numbers 1=New")
                .contains("status-numbers");
        assertThat(byPick.get("ODDAFTER1").getHeader(Handoff.CATEGORY)).isEqualTo("AFTER_CUTOFF");
        assertThat(byPick.get("ODDAFTER1").getHeader(Handoff.REASON, String.class))
                .contains("Peoplevox answered status 'On hold', which Cherrypick does not know");
    }

    /**
     * Revision r1 of each pick went to Peoplevox, Peoplevox takes every header saved, and {@code done} changes are
     * expected settled and {@code exceptions} raised; returns the header saves' mock.
     */
    private MockEndpoint sentAndExpected(List<String> picks, int done, int exceptions) throws Exception {
        catalog.remember(A, A, null, "TEST");
        for (String pick : picks) {
            sent(pick);
        }
        MockEndpoint headers = camel.getEndpoint("mock:headers", MockEndpoint.class);
        headers.whenAnyExchangeReceived(e -> records(e).forEach(m -> m.setHeader(Peoplevox.SAVED, true)));
        camel.getEndpoint("mock:done", MockEndpoint.class).expectedMessageCount(done);
        camel.getEndpoint("mock:exceptions", MockEndpoint.class).expectedMessageCount(exceptions);
        return headers;
    }

    /** A revision r1 of the pick went to Peoplevox (the baseline the change is compared with). */
    private void sent(String pickNum) throws Exception {
        lifecycle.received(pickNum, null, null, null, "NJ", "r1");
        long id = handoff.insertIfAbsent("sales-order", pickNum, "r1", null,
                json.writeValueAsString(Picks.pick(pickNum, "NJ", A))).orElseThrow();
        jdbc.update("update handoff set status = 'DONE' where id = ?", id);
    }

    private Message change(long id, Map<String, Object> pick) throws Exception {
        return record(id, (String) pick.get("pick_num"), "r2", json.writeValueAsString(pick));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> line(Map<String, Object> pick) {
        return ((List<Map<String, Object>>) ((Map<String, Object>) pick.get("pickdetail")).get("rows")).get(0);
    }

    private static void statuses(Exchange exchange, String header, Map<String, String> byPick) {
        records(exchange).forEach(m -> m.setHeader(header, byPick.get(m.getHeader(Handoff.RECORD_KEY, String.class))));
    }

    @SuppressWarnings("unchecked")
    private static List<Message> records(Exchange exchange) {
        return exchange.getIn().getBody(List.class);
    }
}
