package io.cherrypick.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import io.cherrypick.handoff.HandoffStore;
import io.cherrypick.store.LifecycleState;
import io.cherrypick.store.OrderLifecycleStore;
import io.cherrypick.support.FlowTestSupport;
import io.cherrypick.support.Picks;

/**
 * A Peoplevox outage longer than the retry budget, end to end: the order flow over the simulators on real HTTP, the
 * budget set to 2 s so that without the breaker every queued pick would be an exception long before Peoplevox is back
 * (as the old budget of five attempts in 75 s made them after a minute). Subclasses choose the database.
 */
@TestPropertySource(properties = {
        "cherrypick.flows.sales-order.enabled=true",
        "cherrypick.flows.sales-order.pull-cron=0/1 * * * * ?",
        "cherrypick.flows.sales-order.send-interval=100",
        "cherrypick.flows.sales-order.retry-backoff=200ms",
        "cherrypick.flows.sales-order.batch-linger=0s",
        "cherrypick.peoplevox.timeout=2s",
        "cherrypick.handoff.retry-for=2s",
        "cherrypick.outages.failures-to-open=3",
        "cherrypick.outages.probe-every=1s"})
abstract class AbstractPeoplevoxOutageTest extends FlowTestSupport {
    static final String A = "012345678905";
    static final String B = "012345678912";

    @Autowired OrderLifecycleStore lifecycle;
    @Autowired HandoffStore handoff;
    @Autowired SystemOutages outages;

    @Override
    protected void prepareWorld() {
        sims.seedPeoplevoxItems(List.of(A, B));
        emptyTables(List.of("handoff", "order_lifecycle", "integration_exception", "sync_cursor", "CAMEL_MESSAGEPROCESSED",
                "pvx_item", "audit_log", "system_outage", "alert_subject", "alert"));
    }

    @Test
    void anOutageLongerThanTheRetryBudgetMakesNoExceptionOneDownAndOneBackAlertAndSendsEverythingOnce() {
        // Peoplevox answers every call with HTTP 500 until it is back (its 503 means "rate limit", not down)
        sims.peoplevoxFault(Map.of("operation", "*", "type", "HTTP_5XX", "status", 500, "count", 100_000));
        sims.createPicks(List.of(Picks.pick("OUT1", "NJ", A), Picks.pick("OUT2", "NJ", B), Picks.pick("OUT3", "NJ", A, B)));

        await().atMost(Duration.ofSeconds(30)).until(() -> outages.state("Peoplevox").map(SystemOutages.State::down)
                .orElse(false));
        // more picks arrive while it is down, and the outage goes on well past the retry budget (2 s)
        sims.createPicks(List.of(Picks.pick("OUT4", "NJ", B), Picks.pick("OUT5", "NJ", A)));
        await().atMost(Duration.ofSeconds(30)).until(() -> handoff.countByStatus("sales-order").getOrDefault("PENDING", 0)
                + handoff.countByStatus("sales-order").getOrDefault("CLAIMED", 0) == 5);
        await().atMost(Duration.ofSeconds(30)).until(() -> outages.state("Peoplevox").orElseThrow().downSince()
                .isBefore(handoff.databaseNow().minusSeconds(6)));
        assertThat(exceptionCount()).as("nothing became an exception while Peoplevox was down").isZero();
        assertThat(downAlerts()).singleElement().asString().contains("Peoplevox is DOWN").contains("500");
        assertThat(backAlerts()).isEmpty();
        assertThat(lifecycle.list(LifecycleState.ACKNOWLEDGED, null, 10)).isEmpty();
        // the console's overview shows it down, since when, when it is tried next and why
        Map<String, Object> down = peoplevoxInFlowHealth();
        assertThat(down).containsEntry("down", true).containsKeys("downSince", "nextTry");
        assertThat((String) down.get("lastError")).contains("500");

        sims.delete("/sim/peoplevox/_control/faults");

        await().atMost(Duration.ofSeconds(40)).until(() -> lifecycle.list(LifecycleState.ACKNOWLEDGED, null, 10).size() == 5);
        assertThat(exceptionCount()).isZero();
        assertThat(downAlerts()).as("one down alert").hasSize(1);
        assertThat(backAlerts()).as("one back alert").singleElement().asString().contains("Peoplevox is BACK");
        assertThat(sims.peoplevoxOrders()).hasSize(5);
        assertThat(headerRowsSent()).as("each pick sent once").isEqualTo(5);
        assertThat(handoff.countByStatus("sales-order")).containsEntry("DONE", 5);
        assertThat(peoplevoxInFlowHealth()).containsEntry("down", false).containsEntry("failuresInARow", 0);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> peoplevoxInFlowHealth() {
        Map<String, Object> health = api.get().uri("/api/flows").retrieve().body(Map.class);
        return ((List<Map<String, Object>>) health.get("systems")).stream().filter(s -> "Peoplevox".equals(s.get("system")))
                .findFirst().orElseThrow();
    }

    private int exceptionCount() {
        return jdbc.queryForObject("select count(*) from integration_exception", Integer.class);
    }

    private List<String> downAlerts() {
        return jdbc.queryForList("select text from alert where text like '%is DOWN%' order by id", String.class);
    }

    private List<String> backAlerts() {
        return new ArrayList<>(jdbc.queryForList("select text from alert where text like '%is BACK%' order by id",
                String.class));
    }

    /** Rows of every SaveData "Sales orders" call Peoplevox processed (a call answered with a fault has none). */
    private int headerRowsSent() {
        return sims.peoplevoxCalls("SaveData", "Sales orders").stream()
                .mapToInt(c -> c.get("rows") == null ? 0 : ((Number) c.get("rows")).intValue()).sum();
    }
}
