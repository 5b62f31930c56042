package io.cherrypick.setup;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.cherrypick.support.FreePort;

/** The setup audit's deliberate mismatches, its runs stored on H2. */
class SetupAuditH2Test extends AbstractSetupAuditTest {
    static final int PORT = FreePort.find();

    @DynamicPropertySource
    static void port(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
    }
}
