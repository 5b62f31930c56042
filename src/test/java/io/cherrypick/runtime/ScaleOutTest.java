package io.cherrypick.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.support.AppProcess;
import io.cherrypick.support.EmbeddedPostgres;
import io.cherrypick.support.FreePort;
import io.cherrypick.support.Picks;
import io.cherrypick.support.Simulators;

/**
 * Two Cherrypick instances on one PostgreSQL database, as in production scale-out, each in a JVM of its own: clustered
 * Quartz (both join one scheduler cluster, each pull fires once), senders claiming rows with SKIP LOCKED, one idempotent
 * repository. Instance A runs the simulators; B talks to them over HTTP. Every pick reaches Peoplevox exactly once, each
 * instance sends (alone, then both at once), and no Quartz firing is lost to an instance still starting.
 */
class ScaleOutTest {
    static final List<String> ITEMS = List.of("012345678905", "012345678912", "012345678929");
    static final String SENDER = "sales-order-to-wms";
    private final List<AppProcess> instances = new ArrayList<>();

    @AfterEach
    void stopInstances() {
        // B first: it reads the simulators that run in A
        for (int i = instances.size() - 1; i >= 0; i--) {
            instances.get(i).close();
        }
    }

    private AppProcess start(String name, int port, String databaseUrl, int simulatorPort) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--cherrypick.simulator.scenario.enabled=false",
                "--cherrypick.flows.sales-order.pull-cron=0/1 * * * * ?",
                "--cherrypick.flows.sales-order.send-interval=50",
                "--cherrypick.flows.sales-order.batch-size=10",
                "--cherrypick.flows.sales-order-change.enabled=false",
                "--cherrypick.flows.despatch.enabled=false",
                "--cherrypick.flows.returns.enabled=false",
                "--cherrypick.flows.item.enabled=false",
                "--cherrypick.flows.stock.enabled=false",
                "--cherrypick.alerts.enabled=false",
                "--cherrypick.metrics.refresh=600000",
                "--management.endpoint.camelroutes.read-only=false",
                "--logging.level.org.apache.camel=WARN"));
        if (simulatorPort != port) {
            args.add("--cherrypick.simulator.enabled=false");
            args.add("--cherrypick.peoplevox.base-url=http://localhost:" + simulatorPort + "/sim/peoplevox");
            args.add("--cherrypick.bluecherry.base-url=http://localhost:" + simulatorPort + "/sim/bluecherry");
        }
        AppProcess app = AppProcess.start(name, port, args);
        instances.add(app);
        return app;
    }

    @Test
    void twoInstancesOnOneDatabaseSendEveryPickOnceAndShareTheWork() throws Exception {
        String database = EmbeddedPostgres.newDatabaseUrl();
        int portA = FreePort.find();
        int portB = FreePort.find();
        AppProcess a = start("instance-a", portA, database, portA);
        AppProcess b = start("instance-b", portB, database, portA);
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(database, "postgres", "postgres"));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from qrtz_scheduler_state", Integer.class) == 2);

        Simulators sims = new Simulators(portA);
        sims.seedPeoplevoxItems(ITEMS);
        // B sends the first 100 alone, A the next 100 alone, then both take the last 100 together
        a.route(SENDER, "stop");
        sims.createPicks(picks(1, 100));
        awaitAcknowledged(jdbc, 100);
        b.route(SENDER, "stop");
        a.route(SENDER, "start");
        sims.createPicks(picks(101, 200));
        awaitAcknowledged(jdbc, 200);
        b.route(SENDER, "start");
        sims.createPicks(picks(201, 300));
        awaitAcknowledged(jdbc, 300);

        assertThat(sims.peoplevoxOrders()).hasSize(300);
        int headerRows = sims.peoplevoxCalls("SaveData", "Sales orders").stream()
                .mapToInt(c -> ((Number) c.get("rows")).intValue()).sum();
        assertThat(headerRows).as("no pick sent twice by the two instances").isEqualTo(300);
        assertThat(jdbc.queryForObject("select count(*) from handoff where queue = 'sales-order' and status = 'DONE'",
                Integer.class)).isEqualTo(300);

        double sentByA = saveDataCalls(a);
        double sentByB = saveDataCalls(b);
        System.out.printf("scale-out: SaveData calls by instance A %.0f, by instance B %.0f%n", sentByA, sentByB);
        // each sent 100 picks alone: 10 batches of 10, two SaveData each (headers, lines)
        assertThat(sentByA).as("instance A sent").isGreaterThanOrEqualTo(20);
        assertThat(sentByB).as("instance B sent").isGreaterThanOrEqualTo(20);
        assertThat(jdbc.queryForList("select distinct note from handoff where note is not null", String.class))
                .as("no send failed").isEmpty();
        String logs = a.log() + b.log();
        assertThat(logs).as("the instances' logs are read").contains("order(s) released to Peoplevox")
                .as("every Quartz firing found its Camel context").doesNotContain("No CamelContext could be found");
    }

    private static List<Map<String, Object>> picks(int from, int to) {
        List<Map<String, Object>> picks = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            picks.add(Picks.pick("SO" + i, "NJ", ITEMS.get(i % 3)));
        }
        return picks;
    }

    private static void awaitAcknowledged(JdbcTemplate jdbc, int picks) {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from order_lifecycle where state = 'ACKNOWLEDGED'", Integer.class) == picks);
    }

    /** The instance's own count of SaveData calls (Micrometer, through the actuator). */
    private static double saveDataCalls(AppProcess app) throws Exception {
        String json = app.get("/actuator/metrics/cherrypick.api.calls?tag=operation:SaveData");
        return new ObjectMapper().readTree(json).path("measurements").path(0).path("value").asDouble();
    }
}
