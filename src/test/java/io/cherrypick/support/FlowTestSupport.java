package io.cherrypick.support;

import java.util.List;

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
    protected Simulators sims;
    protected RestClient api;

    @BeforeEach
    void connectAndResetSimulators() {
        sims = new Simulators(PORT);
        api = RestClient.builder().baseUrl("http://localhost:" + PORT).build();
        sims.resetAll();
    }

    /** Empties Cherrypick's own tables, so a test starts from nothing in the database. */
    protected void emptyTables(List<String> tables) {
        tables.forEach(table -> jdbc.update("delete from " + table));
    }
}
