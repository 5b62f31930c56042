package io.cherrypick.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cherrypick.support.AppProcess;
import io.cherrypick.support.FreePort;
import io.cherrypick.support.Simulators;

/**
 * An instance whose database went away still stops within its shutdown bound. A Quartz job (the order pull) is held in
 * flight by a slow Blue Cherry while PostgreSQL stops; the job then cannot record its completion, and Quartz on its own
 * would wait for it without end. The instance runs in a process of its own and is stopped the way a container is
 * (SIGTERM).
 */
class ShutdownWithoutDatabaseTest {
    private io.zonky.test.db.postgres.embedded.EmbeddedPostgres database;
    private AppProcess app;

    @AfterEach
    void cleanUp() throws Exception {
        if (app != null) {
            app.kill();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void anInstanceStopsWithinItsBoundWhenTheDatabaseIsGone() throws Exception {
        database = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start();
        int port = FreePort.find();
        app = AppProcess.start("no-database", port, List.of(
                "--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--spring.datasource.hikari.connection-timeout=2000",
                "--cherrypick.quartz.shutdown-timeout=10s",
                "--cherrypick.simulator.scenario.enabled=false",
                "--cherrypick.flows.sales-order.pull-cron=0/1 * * * * ?",
                "--cherrypick.flows.sales-order-change.enabled=false",
                "--cherrypick.flows.despatch.enabled=false",
                "--cherrypick.flows.returns.enabled=false",
                "--cherrypick.flows.item.enabled=false",
                "--cherrypick.flows.stock.enabled=false",
                "--cherrypick.alerts.enabled=false"));
        Simulators sims = new Simulators(port);

        // the next pull waits 6 s for Blue Cherry: it is in flight once the simulator has taken the fault
        sims.blueCherryFault(Map.of("operation", "pick", "type", "LATENCY", "delayMs", 6000, "count", 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> sims.getList("/sim/bluecherry/_control/faults").isEmpty());
        database.close();
        database = null;

        long started = System.nanoTime();
        boolean ended = app.stop(Duration.ofSeconds(90));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(ended).as("the instance ended after SIGTERM (log tail:\n%s)", app.tail(40)).isTrue();
        // Camel lets the held exchange finish (6 s plus a 2 s connection timeout), then Quartz waits at most 10 s
        assertThat(took).as("time from SIGTERM to exit").isLessThan(Duration.ofSeconds(45));
    }
}
