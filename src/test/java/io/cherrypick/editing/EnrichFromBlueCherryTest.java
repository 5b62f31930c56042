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
 * Integrator task (c): an enrichment step that calls Blue Cherry before the mapping: the pick's location is looked up
 * in Blue Cherry's Location resource and its name goes to Peoplevox Attribute3. Two files under routes/ change: the
 * order flow's per-pick route gains the steps, the mapping reads the header they set.
 */
@TestPropertySource(properties = {"cherrypick.flows.sales-order.enabled=true",
        "cherrypick.flows.sales-order.pull-cron=0/1 * * * * ?", "cherrypick.flows.sales-order.send-interval=100"})
class EnrichFromBlueCherryTest extends FlowTestSupport {
    static final String A = "012345678905";

    @DynamicPropertySource
    static void editedRoutes(DynamicPropertyRegistry registry) {
        Path routes = EditedRoutes.copyWith(Map.of(
                "sales-order-to-wms.camel.yaml", EditedRoutes.replace("""
                                - to:
                                    id: map-pick-to-sales-order
                        """, """
                                - setProperty:
                                    name: pick
                                    simple: "${body}"
                                - setHeader:
                                    name: BlueCherryFilter
                                    simple: "location eq '${body.location}'"
                                - to:
                                    id: look-up-the-location-in-blue-cherry
                                    uri: bluecherry:Location
                                    parameters:
                                      operation: get
                                - setHeader:
                                    name: LocationName
                                    simple: "${body[0][loc_name]}"
                                - setBody:
                                    simple: "${exchangeProperty.pick}"
                                - to:
                                    id: map-pick-to-sales-order
                        """),
                "mappings/sales-order.yaml", EditedRoutes.replace("      Attribute3: altpo\n",
                        "      Attribute3: header.LocationName\n")));
        EditedRoutes.use(registry, routes);
    }

    @Override
    protected void prepareWorld() {
        sims.seedPeoplevoxItems(List.of(A));
        emptyTables(List.of("handoff", "order_lifecycle", "integration_exception", "sync_cursor", "pull_taken", "CAMEL_MESSAGEPROCESSED"));
    }

    @Test
    void theLocationNameFromBlueCherryReachesAttribute3() {
        sims.createPicks(List.of(Picks.pick("ENR1", "NJ", A)));

        await().atMost(Duration.ofSeconds(30)).until(() -> sims.peoplevoxOrders().size() == 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) sims.peoplevoxOrder("ENR1").get("fields");
        assertThat(fields).containsEntry("Attribute3", "New Jersey DC").containsEntry("Site", "PrimarySite");
        assertThat(sims.getList("/sim/bluecherry/_control/calls")).anyMatch(c -> String.valueOf(c).contains("Location"));
    }
}
