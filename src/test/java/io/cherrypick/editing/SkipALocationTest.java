package io.cherrypick.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.cherrypick.support.EditedRoutes;
import io.cherrypick.support.FlowTestSupport;
import io.cherrypick.support.Picks;

/**
 * Integrator task (b): skip the picks of one Blue Cherry location (STORE1 ships from the store, not the warehouse), by
 * adding a filter to the order flow's per-pick route. The skipped picks are settled as skipped, with the reason shown
 * at /api/orders/{pick}, never left claimed, and the other picks go.
 */
@TestPropertySource(properties = {"cherrypick.flows.sales-order.enabled=true",
        "cherrypick.flows.sales-order.pull-cron=0/1 * * * * ?", "cherrypick.flows.sales-order.send-interval=100"})
class SkipALocationTest extends FlowTestSupport {
    static final String A = "012345678905";
    static final String REASON = "location STORE1 ships from the store itself, not the warehouse";

    @DynamicPropertySource
    static void editedRoutes(DynamicPropertyRegistry registry) {
        Path routes = EditedRoutes.copyWith(Map.of("sales-order-to-wms.camel.yaml", EditedRoutes.replace("""
                      uri: direct:sales-order-prepare
                      steps:
                        - unmarshal:
                            json:
                              unmarshalType: io.cherrypick.bluecherry.model.Pick
                """, """
                      uri: direct:sales-order-prepare
                      steps:
                        - unmarshal:
                            json:
                              unmarshalType: io.cherrypick.bluecherry.model.Pick
                        - filter:
                            simple: "${body.location} == 'STORE1'"
                            steps:
                              - setHeader:
                                  name: CherrypickSkipReason
                                  constant: "%s"
                              - stop: {}
                """.formatted(REASON))));
        EditedRoutes.use(registry, routes);
    }

    @Override
    protected void prepareWorld() {
        sims.seedPeoplevoxItems(List.of(A));
        emptyTables(List.of("handoff", "order_lifecycle", "integration_exception", "sync_cursor", "pull_taken", "CAMEL_MESSAGEPROCESSED"));
    }

    @Test
    void picksOfTheLocationAreSkippedWithTheReasonAndTheOthersGo() {
        sims.createPicks(List.of(Picks.pick("WH1", "NJ", A), Picks.pick("ST1", "STORE1", A)));

        await().atMost(Duration.ofSeconds(30)).until(() -> "SKIPPED".equals(status("ST1")) && "DONE".equals(status("WH1")));
        assertThat(jdbc.queryForObject("select note from handoff where record_key = 'ST1'", String.class)).isEqualTo(REASON);
        String order = api.get().uri("/api/orders/ST1").retrieve().body(String.class);
        assertThat(order).contains("\"state\":\"SKIPPED\"").contains(REASON);
        assertThat(sims.peoplevoxOrders()).extracting(o -> o.get("salesOrderNumber")).containsExactly("WH1");
        assertThat(jdbc.queryForObject("select count(*) from handoff where status = 'CLAIMED'", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from integration_exception", Integer.class)).as("not an error").isZero();
    }

    private String status(String key) {
        List<String> found = jdbc.queryForList("select status from handoff where record_key = ?", String.class, key);
        return found.isEmpty() ? null : found.get(0);
    }
}
