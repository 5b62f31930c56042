package io.cherrypick.flow.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.failure.ApiException;
import io.cherrypick.failure.Category;
import io.cherrypick.handoff.Handoff;
import io.cherrypick.handoff.HandoffRecord;
import io.cherrypick.handoff.HandoffStore;
import io.cherrypick.peoplevox.Peoplevox;
import io.cherrypick.store.ExceptionRecord;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.NewException;
import io.cherrypick.support.RouteTestSupport;

/**
 * The branches of the item routes (routes/item-master-to-wms.camel.yaml), each route fed through direct: with Peoplevox
 * and the pull's hand-off write replaced by mock endpoints: a pulled style is queued; in one batch of styles the new
 * SKUs go, an invalid, a duplicate and a refused SKU are held while their styles' other SKUs go, an unchanged style
 * sends nothing, a style without SKUs is settled; a full batch whose last call would be part-filled puts that call's
 * style back; the drift check records drifts, waits for a send in progress, and shows its own failure until it runs
 * again.
 */
@TestPropertySource(properties = {"cherrypick.flows.item.enabled=true", "cherrypick.flows.item.styles-per-run=2"})
class ItemRoutesTest extends RouteTestSupport {
    static final String CLAIM = "test-claim";

    /** The pull writes to a mock; the sender and the drift check start at direct: and call mocks for Peoplevox. */
    @Override
    protected void advise() throws Exception {
        advice("item-master-to-wms", a -> {
            a.weaveById("save-item-types").replace().to("mock:save");
            a.replaceFromWith("direct:send");
            a.weaveById("release-orders-held-for-these-items").before().to("mock:released");
            a.weaveById("settle-styles-done").before().to("mock:done");
        });
        advice("item-dead-letter", a -> a.weaveById("record-item-exception").before().to("mock:held"));
        advice("item-drift-check", a -> {
            a.weaveById("read-peoplevox-item-types").replace().to("mock:peoplevox-items");
            a.replaceFromWith("direct:drift");
            a.weaveById("record-item-drift").before().to("mock:drifts");
        });
        advice("item-pull", a -> a.replaceFromWith("direct:pull"));
        advice("item-pull", a -> a.weaveById("queue-style").replace().to("mock:queued"));
    }

    @Autowired TransactionTemplate tx;
    @Autowired HandoffStore handoff;
    @Autowired ExceptionStore exceptions;
    @Autowired ObjectMapper json;

    @BeforeEach
    void clean() {
        for (String table : List.of("handoff", "integration_exception", "pvx_item", "item_sku")) {
            jdbc.update("delete from " + table);
        }
        MockEndpoint.resetMocks(camel);
    }

    @Test
    void aPulledStyleIsQueuedUnderItsCodeAndRevision() throws Exception {
        MockEndpoint queued = camel.getEndpoint("mock:queued", MockEndpoint.class);
        queued.expectedHeaderReceived(Handoff.RECORD_KEY, "60001");
        queued.expectedHeaderReceived(Handoff.REVISION, "2026-11-26 09:00:00");

        producer.sendBodyAndHeaders("direct:pull", json(Styles.style("60001", 601, List.of("BLK"), List.of("S"))),
                Map.of(Handoff.RECORD_KEY, "60001", Handoff.REVISION, "2026-11-26 09:00:00"));

        MockEndpoint.assertIsSatisfied(camel);
        assertThat(queued.getExchanges().get(0).getIn().getBody(String.class)).contains("\"style\":\"60001\"");
    }

    @Test
    void aBatchSendsTheNewSkusAndHoldsTheInvalidDuplicateAndRefusedOnesWhileTheirStylesOtherSkusGo() throws Exception {
        String badBarcode = Styles.badCheckDigit(Styles.upc(612, 2));
        String refused = Styles.upc(613, 1);
        Map<String, Object> fine = Styles.style("61001", 611, List.of("BLK"), List.of("S", "M"));
        Map<String, Object> invalid = Styles.style("61002", 612, List.of("BLK"), List.of("S", "M"));
        Styles.skus(invalid).get(1).put("upc", badBarcode);
        Map<String, Object> refusedOne = Styles.style("61003", 613, List.of("RED"), List.of("S", "M"));
        Map<String, Object> duplicate = Styles.style("61004", 614, List.of("NVY"), List.of("S", "M"));
        Styles.skus(duplicate).get(0).put("upc", Styles.upc(611, 1)); // 61001 BLK S's UPC, sent first in the batch
        Map<String, Object> noSkus = Styles.style("61005", List.of());
        camel.getEndpoint("mock:save", MockEndpoint.class).whenAnyExchangeReceived(e -> peoplevoxRefuses(e, refused));
        MockEndpoint held = camel.getEndpoint("mock:held", MockEndpoint.class);
        held.expectedMessageCount(3);

        producer.sendBody("direct:send", claimed(fine, invalid, refusedOne, duplicate, noSkus));

        MockEndpoint.assertIsSatisfied(camel);
        assertThat(itemCodes(records(camel.getEndpoint("mock:save", MockEndpoint.class).getExchanges().get(0))))
                .as("the valid, changed SKUs of the batch, in one call")
                .containsExactly(Styles.upc(611, 1), Styles.upc(611, 2), Styles.upc(612, 1), refused, Styles.upc(613, 2),
                        Styles.upc(614, 2));
        Map<String, Message> byKey = new java.util.HashMap<>();
        held.getExchanges().forEach(e -> byKey.put(e.getIn().getHeader(Handoff.RECORD_KEY, String.class), e.getIn()));
        assertThat(byKey.get(badBarcode).getHeader(Handoff.CATEGORY)).isEqualTo("VALIDATION");
        assertThat(byKey.get(badBarcode).getHeader(Handoff.REASON, String.class))
                .startsWith("Style 61002 colour BLK size M (ItemCode " + badBarcode + "): Barcode").contains("check digit");
        assertThat(byKey.get(Styles.upc(611, 1)).getHeader(Handoff.CATEGORY)).isEqualTo("DUPLICATE_BARCODE");
        assertThat(byKey.get(Styles.upc(611, 1)).getHeader(Handoff.REASON, String.class))
                .contains("Style 61004 colour NVY size S").contains("which was sent first");
        assertThat(byKey.get(refused).getHeader(Handoff.CATEGORY)).isEqualTo("REJECTED");
        assertThat(byKey.get(refused).getHeader(Handoff.REASON, String.class))
                .isEqualTo("Style 61003 colour RED size S (ItemCode " + refused + "): Peoplevox refused the item: Item types:"
                        + " Barcode already used");
        held.getExchanges().forEach(e -> {
            assertThat(e.getIn().getHeader(Handoff.OWNER)).isEqualTo("DATA");
            assertThat(e.getIn().getHeader(Handoff.OUTCOME)).isEqualTo(HandoffStore.HELD);
        });

        assertThat(status("61001")).isEqualTo(HandoffStore.DONE);
        assertThat(status("61002")).as("one SKU held: the style is held").isEqualTo(HandoffStore.HELD);
        assertThat(status("61003")).isEqualTo(HandoffStore.HELD);
        assertThat(status("61004")).isEqualTo(HandoffStore.HELD);
        assertThat(status("61005")).as("no SKUs, nothing to send").isEqualTo(HandoffStore.DONE);
        assertThat(records(camel.getEndpoint("mock:released", MockEndpoint.class).getExchanges().get(0)))
                .as("held orders are looked at for the items Peoplevox took").hasSize(5);
        assertThat(jdbc.queryForObject("select count(*) from pvx_item where source = 'SYNC'", Integer.class)).isEqualTo(5);
        assertThat(exceptions.list("OPEN", null, "item", null, 10)).extracting(ExceptionRecord::businessKey)
                .containsExactlyInAnyOrder(badBarcode, Styles.upc(611, 1), refused);
    }

    @Test
    void aStyleTouchedWithNothingChangedSendsNothingAndAnItemThatSyncsClosesItsOldExceptions() throws Exception {
        Map<String, Object> style = Styles.style("62001", 621, List.of("BLK"), List.of("S", "M"));
        camel.getEndpoint("mock:save", MockEndpoint.class).whenAnyExchangeReceived(e -> peoplevoxRefuses(e, "none"));
        long earlier = exceptions.record(NewException.of("item", "item-master-to-wms", Styles.upc(621, 2), Category.REJECTED,
                "refused last week", null, null));
        producer.sendBody("direct:send", claimed(style));
        assertThat(exceptions.find(earlier).orElseThrow().status()).isEqualTo("RESOLVED");

        producer.sendBody("direct:send", claimed(style)); // touched in Blue Cherry: a new revision, the same rows

        MockEndpoint save = camel.getEndpoint("mock:save", MockEndpoint.class);
        assertThat(save.getExchanges()).hasSize(2);
        assertThat(records(save.getExchanges().get(1))).as("nothing changed, nothing to send").isEmpty();
        assertThat(jdbc.queryForList("select status from handoff where record_key = '62001'", String.class))
                .containsOnly(HandoffStore.DONE).hasSize(2);
    }

    @Test
    void aFullBatchPutsBackTheStyleOfAPartFilledCallToFillTheNextRun() throws Exception {
        Map<String, Object> first = Styles.style("63001", 631, List.of("BLK", "RED", "NVY"), List.of("1", "2", "3", "4", "5",
                "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20"));
        Map<String, Object> second = Styles.style("63002", 632, List.of("BLK", "RED", "NVY"), List.of("1", "2", "3", "4",
                "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20"));
        camel.getEndpoint("mock:save", MockEndpoint.class).whenAnyExchangeReceived(e -> peoplevoxRefuses(e, "none"));

        List<Message> batch = claimed(first, second); // 2 = styles-per-run: more are likely waiting
        producer.send("direct:send", e -> {
            e.getIn().setBody(batch);
            e.setProperty(Exchange.BATCH_SIZE, batch.size());
        });

        List<Message> sent = records(camel.getEndpoint("mock:save", MockEndpoint.class).getExchanges().get(0));
        assertThat(sent).as("one full call; the 20 rows that would make a second, part-filled call wait").hasSize(100);
        assertThat(status("63001")).isEqualTo(HandoffStore.DONE);
        assertThat(status("63002")).as("put back, due at once").isEqualTo(HandoffStore.PENDING);
        assertThat(jdbc.queryForObject("select attempts from handoff where record_key = '63002'", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select note from handoff where record_key = '63002'", String.class))
                .contains("not a failure");
        assertThat(jdbc.queryForObject("select count(*) from pvx_item where item_code like '00632%'", Integer.class))
                .as("its SKUs in the full call went and are remembered").isEqualTo(40);
    }

    @Test
    void theDriftCheckRecordsEachDriftAndResolvesTheOnesGone() throws Exception {
        String synced = Styles.upc(641, 1);
        jdbc.update("insert into item_sku (item_code, style, color_code, lbl_code, dimension, size_desc, barcode, mapped_row,"
                + " synced_at) values (?, '64001', 'BLK', '', '', 'S', ?, ?, current_timestamp)", synced, synced,
                "{\"ItemCode\":\"" + synced + "\",\"Attribute4\":\"SP25\"}");
        long gone = exceptions.record(new NewException("item", "item-drift-check", "OLD1", Category.DRIFT,
                io.cherrypick.failure.Owner.DATA, "edited last week", null, null, null));
        camel.getEndpoint("mock:peoplevox-items", MockEndpoint.class).whenAnyExchangeReceived(e -> e.getIn().setBody(List.of(
                Map.of("ItemCode", synced, "Attribute4", "FA26"), Map.of("ItemCode", "HAND1", "Attribute4", ""))));
        MockEndpoint drifts = camel.getEndpoint("mock:drifts", MockEndpoint.class);
        drifts.expectedMessageCount(2);

        producer.sendBody("direct:drift", null);

        MockEndpoint.assertIsSatisfied(camel);
        Message edited = drifts.getExchanges().get(0).getIn();
        assertThat(edited.getHeader(Handoff.RECORD_KEY)).isEqualTo(synced);
        assertThat(edited.getHeader(Handoff.CATEGORY)).isEqualTo("DRIFT");
        assertThat(edited.getHeader(Handoff.OWNER)).isEqualTo("DATA");
        assertThat(edited.getHeader(Handoff.FLOW)).isEqualTo("item");
        assertThat(edited.getHeader(Handoff.REASON, String.class)).contains("Attribute4 is 'FA26' in Peoplevox but 'SP25'");
        assertThat(edited.getBody(String.class)).contains("\"peoplevox\"").contains("\"blueCherry\"");
        assertThat(drifts.getExchanges().get(1).getIn().getHeader(Handoff.REASON, String.class))
                .contains("HAND1").contains("never synced");
        assertThat(exceptions.list("OPEN", "DRIFT", "item", null, 10)).extracting(ExceptionRecord::businessKey)
                .containsExactlyInAnyOrder(synced, "HAND1");
        assertThat(exceptions.find(gone).orElseThrow().status()).isEqualTo("RESOLVED");
    }

    @Test
    void theDriftCheckWaitsForASendInProgress() throws Exception {
        camel.getEndpoint("mock:peoplevox-items", MockEndpoint.class).whenAnyExchangeReceived(e -> e.getIn().setBody(List.of()));
        List<Message> sending = claimed(Styles.style("65001", 651, List.of("BLK"), List.of("S")));
        NotifyBuilder checked = new NotifyBuilder(camel).fromRoute("item-drift-check").whenDone(1).create();

        producer.asyncSendBody("direct:drift", null);

        assertThat(checked.matches(1, TimeUnit.SECONDS)).as("no comparison while styles are being sent").isFalse();
        assertThat(camel.getEndpoint("mock:peoplevox-items", MockEndpoint.class).getReceivedCounter()).isZero();
        handoff.settle(List.of(sending.get(0).getHeader(Handoff.RECORD_ID, Long.class)), CLAIM, HandoffStore.DONE, "sent");
        assertThat(checked.matches(10, TimeUnit.SECONDS)).as("compared once the send finished").isTrue();
        assertThat(camel.getEndpoint("mock:peoplevox-items", MockEndpoint.class).getReceivedCounter()).isEqualTo(1);
    }

    @Test
    void aFailedDriftCheckIsAnExceptionUntilItRunsAgain() throws Exception {
        MockEndpoint peoplevox = camel.getEndpoint("mock:peoplevox-items", MockEndpoint.class);
        peoplevox.whenExchangeReceived(1, e -> {
            throw ApiException.transientFailure("Peoplevox", Category.API_TIMEOUT, "GetData timed out after 30 s", null);
        });
        peoplevox.whenExchangeReceived(2, e -> e.getIn().setBody(List.of()));

        producer.sendBody("direct:drift", null);

        List<ExceptionRecord> open = exceptions.list("OPEN", null, "item", "schedule:item-drift-check", 10);
        assertThat(open).hasSize(1);
        ExceptionRecord e = open.get(0);
        assertThat(e.category()).isEqualTo(Category.API_TIMEOUT);
        assertThat(e.message()).isEqualTo("Scheduled run item-drift-check failed; it runs again at its next schedule:"
                + " GetData timed out after 30 s");

        producer.sendBody("direct:drift", null);
        assertThat(exceptions.find(e.id()).orElseThrow().status()).isEqualTo("RESOLVED");
    }

    /** Stores the styles as queued revisions and claims them, as the hand-off consumer delivers a batch. */
    @SafeVarargs
    private List<Message> claimed(Map<String, Object>... styles) {
        tx.executeWithoutResult(status -> {
            for (Map<String, Object> style : styles) {
                handoff.insertIfAbsent("item", (String) style.get("style"), "r" + System.nanoTime(), null, json(style));
            }
        });
        List<Message> batch = new ArrayList<>();
        for (HandoffRecord r : handoff.claim("item", CLAIM, 100, Duration.ofMinutes(5), Duration.ZERO)) {
            Message m = record(r.id(), r.key(), r.revision(), r.payload());
            m.setHeader(Handoff.FLOW, "item");
            m.setHeader(Handoff.CLAIM, CLAIM);
            batch.add(m);
        }
        return batch;
    }

    /** As peoplevox:save answers: each SKU saved, but the one Peoplevox refuses. */
    private static void peoplevoxRefuses(Exchange exchange, String itemCode) {
        for (Message m : records(exchange)) {
            boolean refuse = itemCode.equals(m.getHeader(Handoff.RECORD_KEY));
            m.setHeader(Peoplevox.SAVED, !refuse);
            if (refuse) {
                m.setHeader(Peoplevox.REFUSAL, "Item types: Barcode already used");
            }
        }
    }

    private static List<String> itemCodes(List<Message> skus) {
        return skus.stream().map(m -> m.getHeader(Handoff.RECORD_KEY, String.class)).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Message> records(Exchange exchange) {
        return exchange.getIn().getBody(List.class);
    }

    private String status(String style) {
        return jdbc.queryForObject("select status from handoff where record_key = ? order by id desc limit 1", String.class,
                style);
    }

    private String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
