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
 * Integrator task (a): map a new Blue Cherry pick field to Peoplevox Attribute3, by editing one line of
 * routes/mappings/sales-order.yaml.
 */
@TestPropertySource(properties = {"cherrypick.flows.sales-order.enabled=true",
        "cherrypick.flows.sales-order.pull-cron=0/1 * * * * ?", "cherrypick.flows.sales-order.send-interval=100"})
class MapANewPickFieldTest extends FlowTestSupport {
    static final String A = "012345678905";

    @DynamicPropertySource
    static void editedRoutes(DynamicPropertyRegistry registry) {
        Path routes = EditedRoutes.copyWith(Map.of("mappings/sales-order.yaml",
                EditedRoutes.replace("      Attribute3: altpo\n", "      Attribute3: dept_code\n")));
        EditedRoutes.use(registry, routes);
    }

    @Override
    protected void prepareWorld() {
        sims.seedPeoplevoxItems(List.of(A));
        emptyTables(List.of("handoff", "order_lifecycle", "integration_exception", "sync_cursor", "pull_taken", "CAMEL_MESSAGEPROCESSED"));
    }

    @Test
    void theNewFieldReachesAttribute3() {
        Map<String, Object> pick = Picks.pick("MAP1", "NJ", A);
        pick.put("dept_code", "MENSWEAR");
        sims.createPicks(List.of(pick));

        await().atMost(Duration.ofSeconds(30)).until(() -> sims.peoplevoxOrders().size() == 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) sims.peoplevoxOrder("MAP1").get("fields");
        assertThat(fields).containsEntry("Attribute3", "MENSWEAR");
    }
}
