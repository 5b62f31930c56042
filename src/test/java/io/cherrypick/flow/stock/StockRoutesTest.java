package io.cherrypick.flow.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.bluecherry.BlueCherry;
import io.cherrypick.bluecherry.BlueCherryRejection;
import io.cherrypick.catalog.BlueCherrySkus;
import io.cherrypick.failure.ApiException;
import io.cherrypick.failure.Category;
import io.cherrypick.handoff.Handoff;
import io.cherrypick.peoplevox.Peoplevox;
import io.cherrypick.store.ChannelTold;
import io.cherrypick.store.ExceptionRecord;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.store.NewException;
import io.cherrypick.store.SkuSite;
import io.cherrypick.store.StockLevel;
import io.cherrypick.store.StockLevels;
import io.cherrypick.store.StockObservation;
import io.cherrypick.store.StockReconciliations;
import io.cherrypick.store.ValueMappingStore;
import io.cherrypick.support.RouteTestSupport;

/**
 * The branches of routes/stock-from-wms.camel.yaml, each route fed through direct: with the hand-off settling, the
 * channel, Blue Cherry, Peoplevox's report and the exception store replaced by mock endpoints: events read, held or
 * waiting; levels queued for the channels; a channel told only real changes, its failures retried and shown; the
 * Blue Cherry overlay halving a refused POST; the reconciliation and the refresh correcting levels.
 */
@TestPropertySource(properties = {
        "cherrypick.flows.stock.enabled=true",
        "cherrypick.flows.stock.sku-refresh-every=0s",
        "cherrypick.flows.stock.channel-alert-after=3",
        "cherrypick.flows.stock.refresh-cron=0 0 0 1 1 ? 2099",
        "cherrypick.flows.stock.blue-cherry-cron=0 0 0 1 1 ? 2099",
        "cherrypick.flows.stock.reconcile-cron=0 0 0 1 1 ? 2099",
        "cherrypick.flows.stock.full-overlay-cron=0 0 0 1 1 ? 2099"})
class StockRoutesTest extends RouteTestSupport {
    /** SKUs of one style that Blue Cherry knows, and one nobody knows. */
    static final String A = "084521000015", B = "084521000022", C = "084521000039", NOBODY_KNOWS = "099999999993";

    @Autowired StockLevels levels;
    @Autowired ChannelTold told;
    @Autowired BlueCherrySkus skus;
    @Autowired StockReconciliations reconciliations;
    @Autowired ValueMappingStore mappings;
    @Autowired ExceptionStore exceptions;
    @Autowired ObjectMapper json;

    /** Each route starts at direct:; the hand-off settling, the systems and the exception store are mocks. */
    @Override
    protected void advise() throws Exception {
        advice("stock-dead-letter", a -> a.weaveById("record-stock-exception").replace().to("mock:dead-letters"));
        advice("stock-levels-changed", a -> a.weaveById("queue-push-to-channel").replace().to("mock:pushes"));
        advice("stock-inbox", a -> {
            a.weaveById("settle-events").replace().to("mock:settled");
            a.replaceFromWith("direct:events");
        });
        advice("stock-to-channel-web", a -> {
            a.weaveById("post-levels-to-channel").replace().to("mock:channel");
            a.weaveById("settle-pushes").replace().to("mock:pushed");
            a.replaceFromWith("direct:channel-web");
        });
        advice("stock-post-inventory", a -> a.weaveById("post-physical-inventory").replace().to("mock:blue-cherry"));
        advice("stock-reconcile", a -> a.weaveById("read-every-level-from-peoplevox").replace().to("mock:report"));
        advice("stock-refresh", a -> {
            a.weaveById("read-those-levels-from-peoplevox").replace().to("mock:refresh-report");
            a.replaceFromWith("direct:refresh");
        });
        for (String[] scheduled : new String[][] {{"stock-to-blue-cherry", "direct:blue-cherry-run"},
                {"stock-reconciliation", "direct:reconciliation-run"}, {"stock-full-overlay", "direct:full-overlay-run"}}) {
            advice(scheduled[0], a -> a.replaceFromWith(scheduled[1]));
        }
    }

    @BeforeEach
    void clean() {
        List.of("handoff", "stock_level", "stock_channel", "stock_refresh", "bc_sku", "stock_bc_post", "stock_variance",
                "stock_reconciliation", "integration_exception").forEach(t -> jdbc.update("delete from " + t));
        mappings.removeKind(ValueMappingStore.SITE);
        mappings.removeKind(ChannelRules.BUFFER_KIND);
        mappings.put(ValueMappingStore.SITE, "NJ", "PrimarySite");
        for (String code : List.of(A, B, C)) {
            skus.remember(new BlueCherrySkus.SkuTuple(code, "01234", "BLK", "", "", "S" + code.substring(9), code, "", "01",
                    "SP26"), "TEST");
        }
        MockEndpoint.resetMocks(camel);
        sims().post("/sim/bluecherry/_control/reset", Map.of());
    }

    // ---- stock-inbox

    @Test
    void eachEventIsReadAloneTheGoodOnesAreStoredAndQueuedForTheChannels() throws Exception {
        MockEndpoint settled = mock("mock:settled");
        settled.expectedMessageCount(1);
        MockEndpoint deadLetters = mock("mock:dead-letters");
        deadLetters.expectedMessageCount(2);
        Instant arrived = Instant.now().minusMillis(300);

        producer.sendBody("direct:events", batch(
                event(1, "AvailabilityChanges", Map.of("ItemCode", A, "Available", "7", "SiteReference", "PrimarySite",
                        "OnHand", "9", "LastModificationTime", "2026-11-26T10:00:00Z"), arrived),
                event(2, "AvailabilityChanges", Map.of("ItemCode", A, "Available", "1.5", "SiteReference", "PrimarySite"),
                        arrived),
                event(3, "AvailabilityChanges", Map.of("ItemCode", NOBODY_KNOWS, "Available", "4", "SiteReference",
                        "PrimarySite"), arrived),
                event(4, "IncrementalChanges", Map.of("ItemType.ItemCode", B, "SiteReference", "PrimarySite",
                        "UpdateTimestamp", "2026-11-26T10:00:05Z"), arrived),
                event(5, "AvailabilityChanges", Map.of("ItemCode", A, "Available", "5", "SiteReference", "PrimarySite",
                        "OnHand", "7", "LastModificationTime", "2026-11-26T09:59:00Z"), arrived.minusMillis(500))));

        MockEndpoint.assertIsSatisfied(camel);
        assertThat(records(settled.getExchanges().get(0))).as("the events that went through are settled")
                .extracting(m -> m.getHeader(Handoff.RECORD_ID)).containsExactly(1L, 4L, 5L);
        Message malformed = deadLetters.getExchanges().get(0).getIn();
        assertThat(malformed.getHeader(Handoff.CATEGORY)).isEqualTo("MALFORMED_EVENT");
        assertThat(malformed.getHeader(Handoff.REASON, String.class)).contains("Available = '1.5'");
        Message unknown = deadLetters.getExchanges().get(1).getIn();
        assertThat(unknown.getHeader(Handoff.CATEGORY)).isEqualTo("SKU_MISMATCH");
        assertThat(unknown.getHeader(Handoff.RECORD_KEY)).as("the exception is the item's").isEqualTo(NOBODY_KNOWS);
        assertThat(unknown.getHeader(Handoff.FLOW)).isEqualTo("stock");
        assertThat(unknown.getHeader(Handoff.REASON, String.class)).contains("item " + NOBODY_KNOWS + " at site PrimarySite");

        StockLevel a = levels.find(A, "PrimarySite").get(0);
        assertThat(a.available()).as("the newest observation of the batch wins").isEqualTo(7);
        assertThat(a.onHand()).isEqualTo(9);
        assertThat(jdbc.queryForList("select item_code from stock_refresh", String.class)).as("on hand moved")
                .containsExactly(B);
        Exchange pushes = mock("mock:pushes").getExchanges().get(0);
        assertThat(pushes.getIn().getHeader("StockChannel")).isEqualTo("web");
        List<Message> changes = records(pushes);
        assertThat(changes).extracting(m -> m.getHeader(Handoff.RECORD_KEY)).containsExactly(A + "|PrimarySite");
        assertThat(changes.get(0).getHeader(Handoff.DUE_AT, Instant.class))
                .as("due when the first of its events arrived (adaptive coalescing: no window)")
                .isEqualTo(arrived.minusMillis(500));
    }

    @Test
    void anEventWhoseItemCannotBeLookedUpWaitsAndTheOthersGoOn() throws Exception {
        sims().post("/sim/bluecherry/_control/faults", Map.of("operation", "*", "type", "HTTP_5XX", "count", 5));
        MockEndpoint settled = mock("mock:settled");
        settled.expectedMessageCount(1);

        producer.sendBody("direct:events", batch(
                event(1, "AvailabilityChanges", Map.of("ItemCode", NOBODY_KNOWS, "Available", "4"), Instant.now()),
                event(2, "AvailabilityChanges", Map.of("ItemCode", A, "Available", "3"), Instant.now())));

        MockEndpoint.assertIsSatisfied(camel);
        assertThat(records(settled.getExchanges().get(0))).extracting(m -> m.getHeader(Handoff.RECORD_ID))
                .as("the event of an item Blue Cherry could not tell about is not settled: it is retried")
                .containsExactly(2L);
        assertThat(mock("mock:dead-letters").getExchanges()).isEmpty();
    }

    // ---- stock-to-channel-web

    @Test
    void theChannelIsToldOnlyWhatChangedMinusTheBuffer() throws Exception {
        store(A, 10);
        store(B, 3);
        mappings.put(ChannelRules.BUFFER_KIND, "PrimarySite:" + A, "2");
        told.record("web", List.of(new ChannelTold.Told("web", B, "PrimarySite", 3, Instant.now(), null)));
        MockEndpoint channel = mock("mock:channel");
        channel.expectedMessageCount(1);
        channel.expectedHeaderReceived("Content-Type", "application/json");
        MockEndpoint pushed = mock("mock:pushed");
        pushed.expectedMessageCount(1);

        producer.sendBody("direct:channel-web", batch(push(1, A, 0), push(2, B, 0), push(3, C, 0)));

        MockEndpoint.assertIsSatisfied(camel);
        JsonNode body = json.readTree(channel.getExchanges().get(0).getIn().getBody(String.class));
        assertThat(body.path("updates")).hasSize(1);
        assertThat(body.path("updates").get(0).path("sku").asText()).isEqualTo(A);
        assertThat(body.path("updates").get(0).path("available").asInt()).isEqualTo(8);
        assertThat(channel.getExchanges().get(0).getIn().getHeaders()).as("no Cherrypick headers go to the channel")
                .doesNotContainKeys(Handoff.CLAIM, Handoff.FLOW);
        assertThat(records(pushed.getExchanges().get(0))).as("every push is settled, told or not").hasSize(3);
        assertThat(told.told(A, "PrimarySite")).extracting(ChannelTold.Told::available).containsExactly(8);
    }

    @Test
    void nothingToTellMakesNoCall() throws Exception {
        store(A, 4);
        told.record("web", List.of(new ChannelTold.Told("web", A, "PrimarySite", 4, Instant.now(), null)));
        mock("mock:channel").expectedMessageCount(0);
        mock("mock:pushed").expectedMessageCount(1);

        producer.sendBody("direct:channel-web", batch(push(1, A, 0)));

        MockEndpoint.assertIsSatisfied(camel);
    }

    @Test
    void aFailedCallIsRetriedAndShownAfterTheAlertThresholdThenResolvedWhenTheChannelIsBack() throws Exception {
        store(A, 6);
        MockEndpoint channel = mock("mock:channel");
        channel.whenExchangeReceived(1, e -> {
            throw new HttpOperationFailedException("http://channel", 503, "Service Unavailable", null, Map.of(),
                    "{\"error\":\"down\"}");
        });
        channel.whenExchangeReceived(2, e -> {
            throw new HttpOperationFailedException("http://channel", 503, "Service Unavailable", null, Map.of(),
                    "{\"error\":\"down\"}");
        });
        MockEndpoint deadLetters = mock("mock:dead-letters");

        Exchange first = producer.send("direct:channel-web", e -> e.getIn().setBody(batch(push(1, A, 0))));
        assertThat(first.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class)).as("the run fails: the hand-off retries")
                .isInstanceOf(ApiException.class).hasMessageContaining("answered HTTP 503")
                .matches(t -> ((ApiException) t).isTransient());
        assertThat(deadLetters.getExchanges()).as("attempt 1 of 3 before the alert").isEmpty();

        producer.send("direct:channel-web", e -> e.getIn().setBody(batch(push(1, A, 2))));
        assertThat(deadLetters.getExchanges()).hasSize(1);
        Message alert = deadLetters.getExchanges().get(0).getIn();
        assertThat(alert.getHeader(Handoff.RECORD_KEY)).isEqualTo("channel:web");
        assertThat(alert.getHeader(Handoff.CATEGORY)).isEqualTo("API_ERROR");
        assertThat(alert.getHeader(Handoff.REASON, String.class)).contains("Channel web did not take 1 stock level(s)"
                + " (attempt 3)").contains("without end");
        assertThat(alert.getBody(String.class)).contains(A);
        assertThat(mock("mock:pushed").getExchanges()).as("nothing settled while the channel fails").isEmpty();

        exceptions.record(NewException.of("stock", "stock-to-channel-web", "channel:web", Category.API_ERROR, "down",
                null, null));
        producer.sendBody("direct:channel-web", batch(push(1, A, 3)));
        assertThat(mock("mock:pushed").getExchanges()).hasSize(1);
        assertThat(exceptions.list("OPEN", null, "stock", "channel:web", 10)).as("the channel is back").isEmpty();
    }

    @Test
    void aChannelThatRefusesTheDataIsShownAtOnce() throws Exception {
        store(A, 6);
        mock("mock:channel").whenAnyExchangeReceived(e -> {
            throw new HttpOperationFailedException("http://channel", 422, "Unprocessable", null, Map.of(),
                    "{\"error\":\"sku unknown\"}");
        });

        producer.send("direct:channel-web", e -> e.getIn().setBody(batch(push(1, A, 0))));

        Message alert = mock("mock:dead-letters").getExchanges().get(0).getIn();
        assertThat(alert.getHeader(Handoff.CATEGORY)).isEqualTo("REJECTED");
        assertThat(alert.getHeader(Handoff.REASON, String.class)).contains("HTTP 422").contains("sku unknown");
    }

    // ---- Blue Cherry overlay

    @Test
    void theOverlayHalvesARefusedPostUntilTheRefusedRowStandsAloneAndHoldsWhatCannotGo() throws Exception {
        levels.observe(List.of(observation(A, "PrimarySite", 5), observation(B, "PrimarySite", 0),
                observation(C, "GhostSite", 2), observation(NOBODY_KNOWS, "PrimarySite", 1)));
        MockEndpoint blueCherry = mock("mock:blue-cherry");
        blueCherry.whenAnyExchangeReceived(e -> {
            JsonNode rows = (JsonNode) e.getIn().getBody();
            for (JsonNode row : rows) {
                if (B.equals(row.path("upc_num").asText())) {
                    throw new BlueCherryRejection("PhysicalInventoryTM", 400, List.of("upc_num " + B + " is inactive"));
                }
            }
            e.getIn().setHeader(BlueCherry.PKEY, 42L);
        });

        Exchange run = producer.send("direct:blue-cherry-run", e -> {
        });

        assertThat(run.getException()).isNull();
        assertThat(blueCherry.getExchanges()).as("[A, B] refused, then [A] and [B] alone").hasSize(3);
        JsonNode firstRow = ((JsonNode) blueCherry.getExchanges().get(0).getIn().getBody()).get(0);
        assertThat(firstRow.path("pix_type").asText()).isEqualTo("605");
        assertThat(firstRow.path("size_adj").asText()).isEqualTo("A");
        assertThat(firstRow.path("location").asText()).isEqualTo("NJ");
        assertThat(firstRow.path("adj_num").asText()).startsWith("PVX");
        List<Message> held = mock("mock:dead-letters").getExchanges().stream().map(Exchange::getIn).toList();
        assertThat(held).extracting(m -> m.getHeader(Handoff.RECORD_KEY) + " " + m.getHeader(Handoff.CATEGORY))
                .containsExactlyInAnyOrder("sku:" + NOBODY_KNOWS + " SKU_MISMATCH", "site:GhostSite MISSING_WAREHOUSE",
                        B + "@PrimarySite REJECTED");
        assertThat(levels.find(A, "PrimarySite").get(0).bcSentOnHand()).isEqualTo(5);
        assertThat(levels.find(B, "PrimarySite").get(0).bcRefused()).as("not sent again until it changes").isNotNull();
        assertThat(jdbc.queryForList("select status from stock_bc_post order by id", String.class))
                .containsExactly("REFUSED", "ACCEPTED", "REFUSED");
    }

    @Test
    void aScheduledRunThatFailsBecomesAnExceptionAndTheRowsWaitForTheNextRunWhichResolvesIt() throws Exception {
        levels.observe(List.of(observation(A, "PrimarySite", 5)));
        mock("mock:blue-cherry").whenAnyExchangeReceived(e -> {
            throw ApiException.transientFailure("Blue Cherry", Category.API_TIMEOUT, "Blue Cherry did not answer", null);
        });

        producer.sendBody("direct:blue-cherry-run", null);
        producer.sendBody("direct:blue-cherry-run", null);

        List<ExceptionRecord> open = exceptions.list("OPEN", null, "stock", "schedule:stock-to-blue-cherry", 10);
        assertThat(open).as("one exception however often the schedule fails").hasSize(1);
        assertThat(open.get(0).category()).isEqualTo(Category.API_TIMEOUT);
        assertThat(open.get(0).message()).startsWith("Scheduled run stock-to-blue-cherry failed; it runs again at its next"
                + " schedule: Blue Cherry did not answer");
        assertThat(levels.find(A, "PrimarySite").get(0).bcSentOnHand()).isNull();
        assertThat(jdbc.queryForList("select status from stock_bc_post", String.class)).containsOnly("FAILED");

        mock("mock:blue-cherry").whenAnyExchangeReceived(e -> e.getIn().setHeader(BlueCherry.PKEY, 43L));
        producer.sendBody("direct:blue-cherry-run", null);
        assertThat(exceptions.list("OPEN", null, "stock", "schedule:stock-to-blue-cherry", 10))
                .as("the run that succeeds resolves it").isEmpty();
    }

    // ---- reconciliation, refresh

    @Test
    void theReconciliationRecordsVariancesCorrectsLevelsAndHoldsUnknownItems() throws Exception {
        store(A, 10);
        store(B, 4);
        told.record("web", List.of(new ChannelTold.Told("web", B, "PrimarySite", 9, Instant.now(), null)));
        mock("mock:report").whenAnyExchangeReceived(e -> e.getIn().setBody(List.of(
                row(A, "PrimarySite", 3), row(B, "PrimarySite", 4), row(NOBODY_KNOWS, "PrimarySite", 1))));
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("stock-reconciliation").whenDone(1).create();

        producer.sendBody("direct:reconciliation-run", null);

        assertThat(done.matches(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        StockReconciliations.Summary summary = reconciliations.lastRun().orElseThrow();
        assertThat(summary.status()).isEqualTo("DONE");
        assertThat(summary.kind()).isEqualTo("SCHEDULED");
        assertThat(summary.corrected()).as("A differed").isEqualTo(1);
        assertThat(summary.channelPushes()).as("the channel shows B wrongly").isEqualTo(1);
        assertThat(summary.unknownSkus()).isEqualTo(1);
        assertThat(levels.find(A, "PrimarySite").get(0).available()).isEqualTo(3);
        assertThat(records(mock("mock:pushes").getExchanges().get(0))).extracting(m -> m.getHeader(Handoff.RECORD_KEY))
                .containsExactly(A + "|PrimarySite", B + "|PrimarySite");
        Message unknown = mock("mock:dead-letters").getExchanges().get(0).getIn();
        assertThat(unknown.getHeader(Handoff.RECORD_KEY)).isEqualTo(NOBODY_KNOWS);
        assertThat(unknown.getHeader(Handoff.CATEGORY)).isEqualTo("SKU_MISMATCH");
        assertThat(jdbc.queryForObject("select count(*) from stock_variance where has_variance = true", Integer.class))
                .isEqualTo(2);
    }

    @Test
    void aMovedLevelIsReadAgainFromTheReportAndPushedAtOnce() throws Exception {
        store(A, 10);
        levels.requestRefreshes(Map.of(new SkuSite(A, "PrimarySite"), Instant.now().minusSeconds(5)));
        MockEndpoint report = mock("mock:refresh-report");
        report.whenAnyExchangeReceived(e -> e.getIn().setBody(List.of(row(A, "PrimarySite", 6))));

        producer.sendBody("direct:refresh", null);

        assertThat(report.getExchanges().get(0).getIn().getHeader(Peoplevox.SEARCH_CLAUSE, String.class))
                .isEqualTo("[Item code].Equals(\"" + A + "\")");
        assertThat(levels.find(A, "PrimarySite").get(0).onHand()).isEqualTo(6);
        assertThat(jdbc.queryForObject("select count(*) from stock_refresh", Integer.class)).isZero();
        Message change = records(mock("mock:pushes").getExchanges().get(0)).get(0);
        assertThat(change.getHeader(Handoff.DUE_AT, Instant.class)).isBefore(Instant.now().plusMillis(1));
    }

    // ---- helpers

    private io.cherrypick.support.Simulators sims() {
        return new io.cherrypick.support.Simulators(PORT);
    }

    private MockEndpoint mock(String uri) {
        return camel.getEndpoint(uri, MockEndpoint.class);
    }

    private Message event(long id, String type, Map<String, String> fields, Instant arrived) throws Exception {
        Message m = record(id, type + ":" + id, "", json.writeValueAsString(fields));
        m.setHeader(Handoff.RECORD_TYPE, type);
        m.setHeader(Handoff.CREATED_AT, arrived);
        m.setHeader(Handoff.FLOW, "stock");
        return m;
    }

    private Message push(long id, String sku, int attempts) {
        Message m = new DefaultMessage(camel);
        Map<String, Object> headers = new HashMap<>(Map.of(Handoff.RECORD_ID, id, Handoff.RECORD_KEY, sku + "|PrimarySite",
                Handoff.CLAIM, "test-claim", Handoff.FLOW, "stock", Handoff.ATTEMPTS, attempts));
        m.setHeaders(headers);
        m.setBody("{}");
        return m;
    }

    private void store(String sku, int available) {
        levels.observe(List.of(observation(sku, "PrimarySite", available)));
    }

    private static StockObservation observation(String sku, String site, int available) {
        return new StockObservation(sku, site, available, available, 0, Instant.now().minusSeconds(60), 1,
                StockObservation.EVENT);
    }

    private static Map<String, String> row(String sku, String site, int available) {
        return Map.of("Item code", sku, "Site reference", site, "Available", Integer.toString(available), "On hand",
                Integer.toString(available), "Allocated", "0");
    }

    @SuppressWarnings("unchecked")
    private static List<Message> records(Exchange exchange) {
        return new ArrayList<>(exchange.getIn().getBody(List.class));
    }
}
