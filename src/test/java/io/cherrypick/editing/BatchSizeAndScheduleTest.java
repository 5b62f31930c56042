package io.cherrypick.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
 * Integrator task (e): change the batch size (3 picks per SaveData instead of 100) and the schedule (pull every 2
 * seconds instead of the configured 10), by editing the order flow's route file.
 */
@TestPropertySource(properties = {"cherrypick.flows.sales-order.enabled=true", "cherrypick.flows.sales-order.send-interval=100",
        "cherrypick.flows.sales-order.batch-linger=1s"})
class BatchSizeAndScheduleTest extends FlowTestSupport {
    static final String A = "012345678905";

    @DynamicPropertySource
    static void editedRoutes(DynamicPropertyRegistry registry) {
        Path routes = EditedRoutes.copyWith(Map.of("sales-order-to-wms.camel.yaml", EditedRoutes.replace("""
                      - name: batchSize
                        value: "{{cherrypick.flows.sales-order.batch-size}}"
                """, """
                      - name: batchSize
                        value: "3"
                """).andThen(EditedRoutes.replace("""
                        scheduler.cron: "{{cherrypick.flows.sales-order.pull-cron}}"
                """, """
                        scheduler.cron: "0/2 * * * * ?"
                """))::apply));
        EditedRoutes.use(registry, routes);
    }

    @Override
    protected void prepareWorld() {
        sims.seedPeoplevoxItems(List.of(A));
        emptyTables(List.of("handoff", "order_lifecycle", "integration_exception", "sync_cursor", "pull_taken", "CAMEL_MESSAGEPROCESSED"));
    }

    @Test
    void picksGoThreeAtATimeAndThePullRunsEveryTwoSeconds() {
        assertThat(jdbc.queryForObject("select cron_expression from qrtz_cron_triggers where trigger_name = 'sales-order-pull'",
                String.class)).isEqualTo("0/2 * * * * ?");
        List<Map<String, Object>> picks = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            picks.add(Picks.pick("BAT" + i, "NJ", A));
        }
        sims.createPicks(picks);

        await().atMost(Duration.ofSeconds(30)).until(() -> sims.peoplevoxOrders().size() == 7);
        List<Integer> rowsPerCall = sims.peoplevoxCalls("SaveData", "Sales orders").stream()
                .map(c -> ((Number) c.get("rows")).intValue()).toList();
        assertThat(rowsPerCall).as("orders per SaveData").allMatch(n -> n <= 3).contains(3);
        assertThat(rowsPerCall.stream().mapToInt(Integer::intValue).sum()).isEqualTo(7);
    }
}
