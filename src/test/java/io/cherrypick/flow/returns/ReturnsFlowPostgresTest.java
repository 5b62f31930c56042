package io.cherrypick.flow.returns;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.cherrypick.support.EmbeddedPostgres;

/** The returns flow on real PostgreSQL (inbox and outbox claims with SKIP LOCKED, unique receipts, the schema). */
class ReturnsFlowPostgresTest extends AbstractReturnsFlowTest {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }
}
