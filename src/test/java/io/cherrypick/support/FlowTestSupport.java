package io.cherrypick.support;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.spi.RouteController;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Base of the end-to-end flow tests: the whole runtime with the YAML routes from {@code routes/}, on a fixed free port
 * (the simulators' base URLs name the runtime's own port, so it must be known before start), the simulators reset
 * before each test. Subclasses switch their flows on with {@code @TestPropertySource} and choose the database
 * ({@link EmbeddedPostgres#register} for PostgreSQL; H2 otherwise).
 * <p>
 * Between tests the running routes are stopped (gracefully: what is in flight finishes) while the simulators are reset
 * and {@link #prepareWorld()} empties and seeds, then started again. Without that, a poll or a send still running from
 * the previous test can write after the clean-up: a watermark ahead of the next test's records, an outbox row, a call
 * the simulator counts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = "camel.main.routes-include-pattern=file:routes/*.camel.yaml")
@ActiveProfiles("test")
@AutoConfigureObservability
@DirtiesContext
public abstract class FlowTestSupport {
    protected static final int PORT = FreePort.find();

    @DynamicPropertySource
    static void port(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
    }

    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected CamelContext camel;
    protected Simulators sims;
    protected RestClient api;

    @BeforeEach
    void startFromNothing() throws Exception {
        sims = new Simulators(PORT);
        api = RestClient.builder().baseUrl("http://localhost:" + PORT).build();
        RouteController routes = camel.getRouteController();
        List<String> running = camel.getRoutes().stream().map(Route::getRouteId)
                .filter(id -> routes.getRouteStatus(id).isStarted()).toList();
        for (String id : running) {
            routes.stopRoute(id, 30, TimeUnit.SECONDS);
        }
        sims.resetAll();
        prepareWorld();
        for (String id : running) {
            routes.startRoute(id);
        }
    }

    /** Empties tables and seeds the simulators for the next test; runs while the routes are stopped. */
    protected void prepareWorld() {
    }

    /** Empties Cherrypick's own tables, so a test starts from nothing in the database. */
    protected void emptyTables(List<String> tables) {
        tables.forEach(table -> jdbc.update("delete from " + table));
    }
}
