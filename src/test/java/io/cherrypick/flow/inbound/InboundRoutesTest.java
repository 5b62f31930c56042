package io.cherrypick.flow.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Message;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.handoff.Handoff;
import io.cherrypick.store.PurchaseOrderStore;
import io.cherrypick.support.RouteTestSupport;

/**
 * The branches of purchase-order-pull (routes/inbound.camel.yaml), fed through direct: with the hand-off and the
 * exception store replaced by mock endpoints: a new purchase order is queued, the same content again only recorded,
 * one at another stage never sent is ignored, one that leaves the open stage before it was sent is dropped (its queued
 * revisions superseded), one without prod_num is an exception.
 */
@TestPropertySource(properties = "cherrypick.flows.inbound.enabled=true")
class InboundRoutesTest extends RouteTestSupport {
    static final String A = "012345678905";

    @Autowired ObjectMapper json;
    @Autowired PurchaseOrderStore store;

    @Override
    protected void advise() throws Exception {
        advice("purchase-order-pull", a -> {
            a.replaceFromWith("direct:pull");
            a.weaveById("queue-purchase-order-for-peoplevox").replace().to("mock:queued");
            a.weaveById("never-send-older-purchase-order-revisions").replace().to("mock:superseded");
            a.weaveByToUri("direct:dead-letter").replace().to("mock:pull-dead-letters");
        });
    }

    @BeforeEach
    void clean() {
        for (String table : List.of("handoff", "purchase_order", "purchase_order_line", "goods_receipt", "goods_receipt_credit")) {
            jdbc.update("delete from " + table);
        }
        MockEndpoint.resetMocks(camel);
    }

    @Test
    void aNewPurchaseOrderIsQueuedTheSameContentAgainIsOnlyRecordedAndOneWithoutNumberIsAnException() throws Exception {
        MockEndpoint queued = camel.getEndpoint("mock:queued", MockEndpoint.class);
        queued.expectedMessageCount(1);
        MockEndpoint deadLetters = camel.getEndpoint("mock:pull-dead-letters", MockEndpoint.class);
        deadLetters.expectedMessageCount(1);

        pull(po("PO1", "3", 10), "PO1", "2026-06-14 10:00:00");
        pull(po("PO1", "3", 10), "PO1", "2026-06-14 11:00:00");
        pull(po("", "3", 10), "pkey-77", "2026-06-14 12:00:00");

        MockEndpoint.assertIsSatisfied(camel);
        assertThat(queued.getExchanges().get(0).getIn().getHeader(Handoff.REVISION)).isEqualTo("2026-06-14 10:00:00");
        assertThat(store.find("PO1").orElseThrow().revision()).isEqualTo("2026-06-14 11:00:00");
        assertThat(store.find("PO1").orElseThrow().state()).isEqualTo(PurchaseOrderStore.State.QUEUED);
        assertThat(store.lines("PO1")).extracting(PurchaseOrderStore.Line::itemCode).containsExactly(A);
        Message dead = deadLetters.getExchanges().get(0).getIn();
        assertThat(dead.getHeader(Handoff.CATEGORY)).isEqualTo("VALIDATION");
        assertThat(dead.getHeader(Handoff.REASON, String.class)).contains("pkey-77").contains("has no prod_num");
    }

    @Test
    void aPurchaseOrderAtAnotherStageIsIgnoredAndOneThatLeavesTheStageBeforeItWasSentIsDropped() throws Exception {
        MockEndpoint queued = camel.getEndpoint("mock:queued", MockEndpoint.class);
        queued.expectedMessageCount(1);
        MockEndpoint superseded = camel.getEndpoint("mock:superseded", MockEndpoint.class);
        superseded.expectedMessageCount(1);

        pull(po("PO2", "1", 10), "PO2", "2026-06-14 10:00:00");
        pull(po("PO3", "3", 10), "PO3", "2026-06-14 10:00:00");
        pull(po("PO3", "9", 10), "PO3", "2026-06-14 11:00:00");

        MockEndpoint.assertIsSatisfied(camel);
        assertThat(store.find("PO2")).as("never at the open stage: nothing stored").isEmpty();
        assertThat(queued.getExchanges().get(0).getIn().getHeader(Handoff.RECORD_KEY)).isEqualTo("PO3");
        assertThat(store.find("PO3").orElseThrow().state()).isEqualTo(PurchaseOrderStore.State.CANCELLED);
    }

    @Test
    void theDifferenceNamesEveryFieldThatChanged() {
        Map<String, String> held = new LinkedHashMap<>(Map.of("supplier", "Acme", "line 1 quantity", "10", "line 2 item", "X"));
        Map<String, String> now = new LinkedHashMap<>(Map.of("supplier", "Acme", "line 1 quantity", "12", "line 3 item", "Y"));
        assertThat(PurchaseOrderDiff.between(held, now)).containsExactlyInAnyOrder("line 1 quantity: '10' -> '12'",
                "line 2 item: removed (was 'X')", "line 3 item: added 'Y'");
        assertThat(PurchaseOrderDiff.between(held, held)).isEmpty();
    }

    private void pull(Map<String, Object> po, String key, String lastMod) throws Exception {
        producer.sendBodyAndHeaders("direct:pull", json.writeValueAsString(po), Map.of(Handoff.FLOW, "purchase-order",
                Handoff.RECORD_KEY, key, Handoff.REVISION, lastMod));
    }

    private static Map<String, Object> po(String prodNum, String stage, int quantity) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("prod_line", "1");
        line.put("style", "01234");
        line.put("color_code", "BLK");
        line.put("size_desc", "S");
        line.put("upc", A);
        line.put("prod_qty", quantity);
        line.put("cost", "4.50");
        line.put("location", "NJ");
        Map<String, Object> po = new LinkedHashMap<>();
        po.put("prod_num", prodNum);
        po.put("stage_num", stage);
        po.put("due_date", "2030-01-15 00:00:00");
        po.put("productionorderaddressbystage", Map.of("rows", List.of(Map.of("addr_type", "VN", "name", "Acme Mills"))));
        po.put("productionorderdetailbystage", Map.of("rows", List.of(line)));
        return po;
    }
}
