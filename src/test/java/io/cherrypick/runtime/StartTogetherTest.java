package io.cherrypick.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.cherrypick.support.AppProcess;
import io.cherrypick.support.EmbeddedPostgres;
import io.cherrypick.support.FreePort;
import io.cherrypick.support.Simulators;

/**
 * Two instances started at the same instant on an empty PostgreSQL database both come up, start-up work happens once
 * for the cluster, and the cluster's event subscriptions point at its one address: 20 times in a row, each on a fresh
 * database. Every start succeeds; the configured mappings are seeded once; Peoplevox holds exactly one subscription per
 * event type; an event delivered after the start (to both instances, as a load balancer might) is stored once.
 * The instances and the simulators each run in a JVM of their own.
 */
class StartTogetherTest {
    static final int ROUNDS = Integer.getInteger("cherrypick.start-together.rounds", 20);
    private final List<AppProcess> processes = new ArrayList<>();

    /** The despatch flow's events (TrackingNumberReceived, SalesOrderStatusChanges; its package events are off by default). */
    private static final int DESPATCH_EVENTS = 2;

    @AfterEach
    void stop() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES) // 20 rounds of two JVMs starting on two cores outlast the default 5
    void instancesStartingTogetherBothComeUpAndShareOneSetOfSubscriptions() throws Exception {
        int simPort = FreePort.find();
        processes.add(AppProcess.startSimulators(simPort));
        Simulators sims = new Simulators(simPort);
        for (int round = 1; round <= ROUNDS; round++) {
            sims.resetAll();
            String database = EmbeddedPostgres.newDatabaseUrl();
            int portA = FreePort.find();
            int portB = FreePort.find();
            String cluster = "http://localhost:" + portA;
            AppProcess a = AppProcess.launch("a" + round, portA, args(database, simPort, cluster));
            AppProcess b = AppProcess.launch("b" + round, portB, args(database, simPort, cluster));
            // stopped after the test when a round fails half-way (else they outlive the build)
            processes.add(a);
            processes.add(b);
            // two JVMs starting at once on two busy cores have taken just over two minutes
            a.awaitUp(Duration.ofMinutes(4));
            b.awaitUp(Duration.ofMinutes(4));

            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(database, "postgres", "postgres"));
            assertThat(jdbc.queryForObject("select count(*) from value_mapping where kind = 'site'", Integer.class))
                    .as("round %d: the site mappings seeded once", round).isEqualTo(2);
            await("round " + round + ": subscriptions made").atMost(Duration.ofSeconds(30))
                    .until(() -> jdbc.queryForObject("select count(*) from pvx_subscription", Integer.class) == DESPATCH_EVENTS);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> subscriptions = (List<Map<String, Object>>) sims.get("/sim/peoplevox/_control/state")
                    .get("subscriptions");
            assertThat(subscriptions).as("round %d: one subscription per event type in Peoplevox", round).hasSize(DESPATCH_EVENTS)
                    .extracting(s -> s.get("eventType")).doesNotHaveDuplicates();
            assertThat(subscriptions).extracting(s -> String.valueOf(s.get("url"))).allMatch(u -> u.startsWith(cluster));

            String token = jdbc.queryForObject("select generated_token from pvx_subscription_lock", String.class);
            String event = "SalesOrderNumber=SO" + round + "&SalesOrderStatus.Name=Allocated&LastModificationTime=2026-12-06T10:00:00Z";
            assertThat(deliver(portA, token, event)).isEqualTo("200 stored");
            assertThat(deliver(portB, token, event)).isEqualTo("200 duplicate");
            assertThat(jdbc.queryForObject("select count(*) from handoff where queue = 'despatch-events'", Integer.class))
                    .as("round %d: the event stored once", round).isEqualTo(1);

            a.close();
            b.close();
            processes.remove(b);
            processes.remove(a);
        }
    }

    /** Posts an event to an instance's webhook as Peoplevox does; the answer's status and text. */
    private static String deliver(int port, String token, String form) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + port + "/webhooks/peoplevox/" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "/SalesOrderStatusChanges"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() + " " + answer.body();
    }

    private static List<String> args(String database, int simPort, String cluster) {
        return List.of(
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--cherrypick.simulator.enabled=false",
                "--cherrypick.peoplevox.base-url=http://localhost:" + simPort + "/sim/peoplevox",
                "--cherrypick.bluecherry.base-url=http://localhost:" + simPort + "/sim/bluecherry",
                "--cherrypick.webhooks.base-url=" + cluster,
                "--cherrypick.flows.sales-order.enabled=false",
                "--cherrypick.flows.sales-order-change.enabled=false",
                "--cherrypick.flows.returns.enabled=false",
                "--cherrypick.flows.item.enabled=false",
                "--cherrypick.flows.stock.enabled=false",
                "--cherrypick.flows.inbound.enabled=false",
                "--cherrypick.alerts.enabled=false",
                "--logging.level.org.apache.camel=WARN");
    }
}
