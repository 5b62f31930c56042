package io.cherrypick.setup;

import java.util.HashMap;
import java.util.Map;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.cherrypick.support.EmbeddedPostgres;
import io.cherrypick.support.FreePort;

/** The setup audit's deliberate mismatches, its runs stored (and Cherrypick's order lifecycle read) on PostgreSQL. */
class SetupAuditPostgresTest extends AbstractSetupAuditTest {
    static final int PORT = FreePort.find();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        EmbeddedPostgres.register(registry);
    }

    /** The test environment's warnings but the database's: on PostgreSQL that check passes. */
    @Override
    Map<String, Integer> testConfiguration() {
        Map<String, Integer> warnings = new HashMap<>(SetupWorld.TEST_CONFIGURATION);
        warnings.remove("configuration.database");
        return warnings;
    }
}
