package io.cherrypick.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.cherrypick.support.AppProcess;
import io.cherrypick.support.EditedRoutes;
import io.cherrypick.support.FreePort;
import io.cherrypick.support.Picks;
import io.cherrypick.support.Simulators;

/**
 * Integrator task (f): rename route ids, and nothing else breaks. An instance runs the order flow as shipped and stops;
 * the next one, on the same database, runs route files where the pull and the sender have new ids. The watermark, the
 * idempotency keys, the clustered schedule, the exception store and replay all carry on: nothing is keyed by a route id.
 * The simulators run in a process of their own, so both instances talk to the same Blue Cherry and Peoplevox.
 */
class RenameRoutesTest {
    static final String A = "012345678905";
    private final List<AppProcess> processes = new ArrayList<>();

    @AfterEach
    void stop() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
    }

    @Test
    void renamedRoutesCarryOnWhereTheOldOnesStopped() throws Exception {
        int simPort = FreePort.find();
        processes.add(AppProcess.startSimulators(simPort));
        Simulators sims = new Simulators(simPort);
        sims.seedPeoplevoxItems(List.of(A));
        sims.post("/sim/bluecherry/_control/locations", List.of(Map.of("location", "MIA", "loc_name", "Miami DC", "loc_type", "W")));
        Path data = Files.createTempDirectory("rename-routes-");
        String database = "jdbc:h2:file:" + data.resolve("cherrypick")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE";

        AppProcess before = start("as-shipped", simPort, database, Path.of("routes"));
        sims.createPicks(List.of(Picks.pick("REN1", "NJ", A), Picks.pick("HELD1", "MIA", A)));
        await().atMost(Duration.ofSeconds(30)).until(() -> before.get("/api/orders/REN1").contains("\"state\":\"ACKNOWLEDGED\"")
                && before.get("/api/orders/HELD1").contains("\"state\":\"HELD_IN_BLUE_CHERRY\""));
        assertThat(before.stop(Duration.ofSeconds(60))).isTrue();

        Path renamed = EditedRoutes.copyWith(Map.of("sales-order-to-wms.camel.yaml",
                EditedRoutes.replace("    id: sales-order-pull\n", "    id: picks-from-blue-cherry\n")
                        .andThen(EditedRoutes.replace("    routeId: sales-order-to-wms\n", "    routeId: orders-to-peoplevox\n"))::apply));
        AppProcess after = start("renamed", simPort, database, renamed);
        sims.createPicks(List.of(Picks.pick("REN2", "NJ", A)));
        await().atMost(Duration.ofSeconds(30)).until(() -> after.get("/api/orders/REN2").contains("\"state\":\"ACKNOWLEDGED\""));

        after.put("/api/mappings/site/MIA", "{\"target\":\"PrimarySite\"}");
        String exception = after.get("/api/exceptions?status=OPEN&key=HELD1");
        long id = Long.parseLong(exception.replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
        after.post("/api/exceptions/" + id + "/replay", "{}");
        await().atMost(Duration.ofSeconds(30)).until(() -> after.get("/api/orders/HELD1").contains("\"state\":\"ACKNOWLEDGED\""));
        assertThat(after.get("/api/exceptions/" + id)).contains("\"status\":\"RESOLVED\"");

        int headerRows = sims.peoplevoxCalls("SaveData", "Sales orders").stream()
                .mapToInt(c -> ((Number) c.get("rows")).intValue()).sum();
        assertThat(headerRows).as("REN1 once, REN2 once, HELD1 once after its replay").isEqualTo(3);
        assertThat(after.stop(Duration.ofSeconds(60))).isTrue(); // H2 keeps its file to one process at a time
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(database, "sa", ""));
        assertThat(jdbc.queryForObject("select count(*) from handoff where queue = 'sales-order'", Integer.class))
                .as("the watermark carried on: REN1 and HELD1 not pulled again").isEqualTo(3);
        assertThat(after.log()).contains("moves from route sales-order-pull (renamed or removed) to route picks-from-blue-cherry");
    }

    private AppProcess start(String name, int simPort, String database, Path routes) throws Exception {
        AppProcess app = AppProcess.start(name, FreePort.find(), List.of(
                "--spring.datasource.url=" + database,
                "--cherrypick.routes-dir=" + routes.toAbsolutePath(),
                "--cherrypick.simulator.enabled=false",
                "--cherrypick.peoplevox.base-url=http://localhost:" + simPort + "/sim/peoplevox",
                "--cherrypick.bluecherry.base-url=http://localhost:" + simPort + "/sim/bluecherry",
                "--cherrypick.flows.sales-order.pull-cron=0/1 * * * * ?",
                "--cherrypick.flows.sales-order.send-interval=100",
                "--cherrypick.flows.sales-order-change.enabled=false",
                "--cherrypick.flows.despatch.enabled=false",
                "--cherrypick.flows.returns.enabled=false",
                "--cherrypick.flows.item.enabled=false",
                "--cherrypick.flows.stock.enabled=false",
                "--cherrypick.alerts.enabled=false"));
        processes.add(app);
        return app;
    }
}
