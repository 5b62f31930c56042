package io.cherrypick.flow.order;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.catalog.PeoplevoxItemCatalog;
import io.cherrypick.failure.ApiException;
import io.cherrypick.failure.Category;
import io.cherrypick.handoff.Handoff;
import io.cherrypick.handoff.HandoffStore;
import io.cherrypick.peoplevox.Peoplevox;
import io.cherrypick.store.ExceptionStore;
import io.cherrypick.support.Picks;
import io.cherrypick.support.RouteTestSupport;

/**
 * The order sender with its real hand-off consumer and Peoplevox replaced by mocks: every pick of a claimed batch is
 * settled, whatever path it takes (sent, held, refused), and a step that fails for one pick retries that pick alone
 * while its neighbours go on. NotifyBuilder waits for the consumer's run to complete.
 */
@TestPropertySource(properties = {"cherrypick.flows.sales-order.enabled=true", "cherrypick.flows.sales-order.batch-linger=0s",
        "cherrypick.flows.sales-order.send-interval=100", "cherrypick.flows.sales-order.retry-backoff=10m"})
class SalesOrderSettlementTest extends RouteTestSupport {
    static final String A = "012345678905";

    @Autowired ObjectMapper json;
    @Autowired HandoffStore handoff;
    @Autowired ExceptionStore exceptions;
    @Autowired PeoplevoxItemCatalog catalog;
    @Autowired TransactionTemplate tx;

    @Override
    protected void advise() throws Exception {
        advice("sales-order-pull", a -> a.replaceFromWith("direct:not-pulling"));
        advice("sales-order-send", a -> {
            a.weaveById("save-sales-order-headers").replace().to("mock:headers");
            a.weaveById("save-sales-order-lines").replace().to("mock:lines");
        });
        advice("sales-order-prepare", a -> a.weaveById("map-pick-to-sales-order").before().process(this::enrichmentFailsForBOOM));
    }

    private void enrichmentFailsForBOOM(Exchange exchange) {
        if ("BOOM".equals(exchange.getIn().getHeader(Handoff.RECORD_KEY))) {
            throw ApiException.transientFailure("Blue Cherry", Category.API_TIMEOUT, "customer lookup timed out", null);
        }
    }

    @Test
    void everyPickOfABatchIsSettledAndAFailingStepRetriesOnlyItsPick() throws Exception {
        catalog.remember(A, A, null, "TEST");
        camel.getEndpoint("mock:headers", MockEndpoint.class).whenAnyExchangeReceived(e -> {
            for (Message m : records(e)) {
                boolean refuse = "REFUSED".equals(m.getHeader(Handoff.RECORD_KEY));
                m.setHeader(Peoplevox.SAVED, !refuse);
                if (refuse) {
                    m.setHeader(Peoplevox.REFUSAL, "Sales orders: CustomerPurchaseOrderReferenceNumber too long");
                    m.setHeader(Peoplevox.REFUSAL_CATEGORY, "REJECTED");
                }
            }
        });
        NotifyBuilder run = new NotifyBuilder(camel).fromRoute("sales-order-to-wms").whenDone(1).create();
        tx.executeWithoutResult(status -> { // one transaction: the sender claims the four as one batch
            for (String pick : List.of("SENT", "HELD", "REFUSED", "BOOM")) {
                handoff.insertIfAbsent("sales-order", pick, "r1", null,
                        json(Picks.pick(pick, "HELD".equals(pick) ? "MIA" : "NJ", A)));
            }
        });

        assertThat(run.matches(30, TimeUnit.SECONDS)).as("the sender ran the batch").isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from handoff where status = 'CLAIMED'", Integer.class) == 0);
        assertThat(status("SENT")).isEqualTo(HandoffStore.DONE);
        assertThat(status("HELD")).isEqualTo(HandoffStore.HELD);
        assertThat(status("REFUSED")).isEqualTo(HandoffStore.FAILED);
        assertThat(status("BOOM")).as("retried alone, later").isEqualTo(HandoffStore.PENDING);
        assertThat(jdbc.queryForObject("select attempts from handoff where record_key = 'BOOM'", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select note from handoff where record_key = 'BOOM'", String.class))
                .contains("customer lookup timed out");
        assertThat(exceptions.openFor("sales-order", "HELD")).singleElement()
                .satisfies(e -> assertThat(e.category()).isEqualTo(Category.MISSING_WAREHOUSE));
        assertThat(exceptions.openFor("sales-order", "REFUSED")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("Pick REFUSED refused by Peoplevox"));
        assertThat(jdbc.queryForObject("select count(*) from handoff where status = 'CLAIMED'", Integer.class))
                .as("nothing left claimed").isZero();
    }

    private String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String status(String key) {
        return jdbc.queryForObject("select status from handoff where record_key = ?", String.class, key);
    }

    @SuppressWarnings("unchecked")
    private static List<Message> records(Exchange exchange) {
        return exchange.getIn().getBody(List.class);
    }
}
