package io.cherrypick.flow.despatch;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.cherrypick.support.EmbeddedPostgres;

/** The despatch flow on real PostgreSQL (inbox and outbox claims with SKIP LOCKED, the subscription row lock). */
class DespatchFlowPostgresTest extends AbstractDespatchFlowTest {
    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }
}
